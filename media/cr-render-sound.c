/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-render"

#include "config.h"

#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>

#include "cr-render-private.h"

/* One sound track: its events follow one another, so one is decoded at a time, pulled as the
 * encoder asks for sound, never the whole track in memory. */
typedef struct
{
  GPtrArray              *events;   /* CrTimelineEvent *, borrowed, in record order */
  guint                   next;     /* the next event to open */
  const CrTimelineEvent  *event;    /* the open one, or NULL */
  const CrTimelineSource *source;
  AVFormatContext        *ic;
  AVCodecContext         *dec;
  AVStream               *stream;
  struct SwrContext      *swr;
  AVAudioFifo            *fifo;     /* resampled sound of the event, from `at` on */
  gint64                  start;    /* the event's first and end samples in the cut */
  gint64                  end;
  gint64                  at;       /* the cut's sample the fifo's first sample is */
  gint64                  in;       /* the in point, in samples on the file's clock */
  gboolean                started;
  gboolean                eof;
} Track;

struct CrRenderSound
{
  const CrTimeline *timeline;
  CrAvInterrupt    *irq;
  GArray           *tracks;         /* Track */
};

static gint64
samples_at (const CrTimeline *timeline,
            gint64            frame)
{
  return frame * CR_RENDER_SAMPLE_RATE * timeline->rate.den / timeline->rate.num;
}

static void
close_event (Track *t)
{
  avformat_close_input (&t->ic);
  avcodec_free_context (&t->dec);
  swr_free (&t->swr);
  if (t->fifo != NULL)
    av_audio_fifo_free (t->fifo);
  t->fifo = NULL;
  t->event = NULL;
  t->started = t->eof = FALSE;
}

CrRenderSound *
cr_render_sound_new (const CrTimeline *timeline,
                     CrAvInterrupt    *irq)
{
  CrRenderSound *sound = g_new0 (CrRenderSound, 1);
  guint n = cr_timeline_get_sound_tracks (timeline);

  sound->timeline = timeline;
  sound->irq = irq;
  sound->tracks = g_array_sized_new (FALSE, TRUE, sizeof (Track), n);
  g_array_set_size (sound->tracks, n);
  for (guint i = 0; i < n; i++)
    g_array_index (sound->tracks, Track, i).events = g_ptr_array_new ();
  for (guint i = 0; i < timeline->sound_events->len; i++)
    {
      CrTimelineEvent *e = g_ptr_array_index (timeline->sound_events, i);

      g_ptr_array_add (g_array_index (sound->tracks, Track, e->track - 1).events, e);
    }
  return sound;
}

void
cr_render_sound_free (CrRenderSound *sound)
{
  if (sound == NULL)
    return;
  for (guint i = 0; i < sound->tracks->len; i++)
    {
      Track *t = &g_array_index (sound->tracks, Track, i);

      close_event (t);
      g_ptr_array_unref (t->events);
    }
  g_array_unref (sound->tracks);
  g_free (sound);
}

static gboolean
open_event (CrRenderSound          *sound,
            Track                  *t,
            const CrTimelineEvent  *event,
            GError                **error)
{
  const CrTimelineSource *source = cr_timeline_get_source (sound->timeline, event->source);
  AVRational source_tb = { source->rate.den, source->rate.num };
  gint64 origin_us, target_us;
  AVStream *origin;
  int index, ret;

  t->event = event;
  t->source = source;
  t->start = samples_at (sound->timeline, event->record);
  t->end = samples_at (sound->timeline, event->record + cr_timeline_event_get_length (sound->timeline, event));
  t->at = t->start;
  t->fifo = av_audio_fifo_alloc (AV_SAMPLE_FMT_FLTP, 2, 4096);
  t->ic = cr_av_open_input (source->path, sound->irq, NULL, 0, NULL, error);
  if (t->ic == NULL)
    return FALSE;
  if ((ret = avformat_find_stream_info (t->ic, NULL)) < 0)
    {
      cr_av_set_error (error, sound->irq, source->path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot read its streams");
      return FALSE;
    }
  index = av_find_best_stream (t->ic, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
  if (index < 0)
    {
      t->eof = TRUE;   /* no sound in it: silence */
      return TRUE;
    }
  t->stream = t->ic->streams[index];
  for (guint i = 0; i < t->ic->nb_streams; i++)
    if (i != (guint) index)
      t->ic->streams[i]->discard = AVDISCARD_ALL;
  /* Source frame 0 is the first picture, as for the picture track's events. */
  index = av_find_best_stream (t->ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  origin = source->has_video && index >= 0 ? t->ic->streams[index] : t->stream;
  origin_us = av_rescale_q (origin->start_time != AV_NOPTS_VALUE ? origin->start_time : 0, origin->time_base,
                            AV_TIME_BASE_Q);
  target_us = origin_us + av_rescale_q (event->in, source_tb, AV_TIME_BASE_Q);
  t->in = av_rescale (target_us, CR_RENDER_SAMPLE_RATE, G_USEC_PER_SEC);
  if (event->in > 0 && avformat_seek_file (t->ic, t->stream->index, G_MININT64,
                                           av_rescale_q (target_us, AV_TIME_BASE_Q, t->stream->time_base),
                                           av_rescale_q (target_us, AV_TIME_BASE_Q, t->stream->time_base), 0) < 0)
    g_debug ("%s: cannot seek, decoding from the start", source->path);
  t->dec = cr_av_open_decoder (t->stream, 0, source->path, error);
  return t->dec != NULL;
}

/* Resamples a decoded block into the fifo, the part before the in point dropped and a late
 * first block preceded by silence. */
static gboolean
take_frame (Track    *t,
            AVFrame  *frame,
            GError  **error)
{
  g_autoptr(AVFrame) out = av_frame_alloc ();
  AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  int ret;

  if (!t->started)
    {
      AVChannelLayout in_layout = { 0 };
      gint64 first = frame != NULL && frame->best_effort_timestamp != AV_NOPTS_VALUE
                     ? av_rescale_q (frame->best_effort_timestamp, t->stream->time_base,
                                     (AVRational) { 1, CR_RENDER_SAMPLE_RATE })
                     : t->in;

      if (frame == NULL)
        return TRUE;
      if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default (&in_layout, frame->ch_layout.nb_channels);
      else
        av_channel_layout_copy (&in_layout, &frame->ch_layout);
      ret = swr_alloc_set_opts2 (&t->swr, &stereo, AV_SAMPLE_FMT_FLTP, CR_RENDER_SAMPLE_RATE,
                                 &in_layout, frame->format, frame->sample_rate, 0, NULL);
      av_channel_layout_uninit (&in_layout);
      if (ret < 0 || (ret = swr_init (t->swr)) < 0)
        {
          cr_av_set_error (error, NULL, t->source->path, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot resample its audio");
          return FALSE;
        }
      /* `at` is the cut's sample of the block's first: before the event, it is dropped later. */
      t->at = t->start + (first - t->in);
      t->started = TRUE;
    }
  /* swr_convert, not swr_convert_frame: a WAV's unnamed layout is not "changed input". */
  out->format = AV_SAMPLE_FMT_FLTP;
  out->nb_samples = swr_get_out_samples (t->swr, frame ? frame->nb_samples : 0);
  av_channel_layout_copy (&out->ch_layout, &stereo);
  if (out->nb_samples <= 0)
    return TRUE;
  if ((ret = av_frame_get_buffer (out, 0)) < 0 ||
      (ret = swr_convert (t->swr, out->data, out->nb_samples,
                          frame ? (const uint8_t **) frame->extended_data : NULL, frame ? frame->nb_samples : 0)) < 0)
    {
      cr_av_set_error (error, NULL, t->source->path, ret, CR_MEDIA_ERROR_FAILED, "cannot resample");
      return FALSE;
    }
  if (ret > 0)
    av_audio_fifo_write (t->fifo, (void **) out->data, ret);
  return TRUE;
}

/* Decodes until the fifo holds sound up to the cut's sample `until`, or the file ends. */
static gboolean
fill (CrRenderSound  *sound,
      Track          *t,
      gint64          until,
      GError        **error)
{
  g_autoptr(AVPacket) packet = av_packet_alloc ();
  g_autoptr(AVFrame) frame = av_frame_alloc ();

  while (!t->eof && (!t->started || t->at + av_audio_fifo_size (t->fifo) < until))
    {
      int ret = av_read_frame (t->ic, packet);

      if (ret == AVERROR_EXIT || cr_av_interrupted (sound->irq, t->source->path, error))
        return FALSE;
      if (ret < 0)
        {
          t->eof = TRUE;
          avcodec_send_packet (t->dec, NULL);
        }
      else if (packet->stream_index == t->stream->index)
        avcodec_send_packet (t->dec, packet);
      av_packet_unref (packet);
      while (avcodec_receive_frame (t->dec, frame) >= 0)
        {
          gboolean ok = take_frame (t, frame, error);

          av_frame_unref (frame);
          if (!ok)
            return FALSE;
        }
      if (t->eof && t->started && !take_frame (t, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Adds the track's sound in [at, at + n) of the cut. */
static gboolean
mix_track (CrRenderSound  *sound,
           Track          *t,
           float         **planes,
           gint64          at,
           int             n,
           GError        **error)
{
  gint64 end = at + n;

  for (;;)
    {
      gint64 from, to;

      if (t->event == NULL)
        {
          const CrTimelineEvent *e;

          if (t->next >= t->events->len)
            return TRUE;
          e = g_ptr_array_index (t->events, t->next);
          if (samples_at (sound->timeline, e->record) >= end)
            return TRUE;
          t->next++;
          if (!open_event (sound, t, e, error))
            return FALSE;
        }
      from = MAX (at, t->start);
      to = MIN (end, t->end);
      if (from < to && !fill (sound, t, to, error))
        return FALSE;
      /* Sound before `from` (before the in point, or already mixed) goes. */
      if (t->started && t->at < from)
        {
          int drop = (int) MIN (from - t->at, av_audio_fifo_size (t->fifo));

          av_audio_fifo_drain (t->fifo, drop);
          t->at += drop;
        }
      if (t->started && from < to && t->at < to)
        {
          int skip = (int) (t->at - from);
          int take = (int) MIN (to - t->at, av_audio_fifo_size (t->fifo));
          float *buffer[2] = { g_new (float, MAX (take, 1)), g_new (float, MAX (take, 1)) };

          av_audio_fifo_read (t->fifo, (void **) buffer, take);
          for (int c = 0; c < 2; c++)
            {
              float *dst = planes[c] + (from - at) + skip;

              for (int i = 0; i < take; i++)
                dst[i] += buffer[c][i];
              g_free (buffer[c]);
            }
          t->at += take;
        }
      if (t->end > end)
        return TRUE;
      close_event (t);
    }
}

gboolean
cr_render_sound_mix (gpointer   data,
                     float    **planes,
                     gint64     at,
                     int        n_samples,
                     GError   **error)
{
  CrRenderSound *sound = data;

  for (guint i = 0; i < sound->tracks->len; i++)
    if (!mix_track (sound, &g_array_index (sound->tracks, Track, i), planes, at, n_samples, error))
      return FALSE;
  return TRUE;
}
