/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>

#include "cr-export-text.h"
#include "cr-output.h"
#include "cr-render-private.h"
#include "cr-render.h"

/* Progress is reported about this many times over a render (and at the end). */
#define PROGRESS_STEPS 200

typedef struct
{
  const CrTimeline      *timeline;
  const CrRenderOptions *options;
  const char            *output_path;
  CrRenderOutput        *out;
  AVFrame               *black;
  CrAvInterrupt          irq;
  GCancellable          *cancellable;
  CrRenderProgressFunc   progress;
  gpointer               user_data;
  gint64                 total;
  gint64                 step;
  CrRenderSound         *sound;   /* the sound tracks, mixed in as the sound is encoded */
} Render;

/* One event being decoded into the output. Timeline frames of the event count from 0 to
 * length; source frames are the event's in..out at the source's rate. */
typedef struct
{
  Render                 *render;
  const CrTimelineEvent  *event;
  const CrTimelineSource *source;
  CrTimecodeFormat        tc_format;
  const char             *caption;
  gint64                  length;
  gint64                  next;          /* the next timeline frame of the event to write */

  AVStream               *video_stream;
  gint64                  video_origin;  /* pts of source frame 0, in the video time base */
  gint64                  last_index;    /* source frame of the last decoded picture */
  CrRenderPicture        *picture;
  AVFrame                *shown;         /* the last fitted picture, repeated for missing frames */
  gboolean                video_done;

  AVStream               *audio_stream;
  gint64                  audio_start;   /* where the event's audio starts, in 1/48000 s */
  struct SwrContext      *swr;
  AVFrame                *converted;
  gint64                  audio_skip;    /* resampled samples to drop before the event starts */
  gint64                  audio_need;
  gint64                  audio_written;
  gboolean                audio_started;
  gboolean                audio_done;
} EventRender;

typedef gboolean (*FrameFunc) (EventRender *er, AVFrame *frame, GError **error);

/* Audio samples from the start of the timeline to the start of timeline frame `frame`. */
static gint64
samples_at (const Render *r,
            gint64        frame)
{
  return frame * CR_RENDER_SAMPLE_RATE * r->timeline->rate.den / r->timeline->rate.num;
}

/* The source frame shown at timeline frame `k` of the event: the one on screen at that
 * instant, by exact rational arithmetic (frames are duplicated or dropped, never blended). */
static gint64
source_frame_at (const EventRender *er,
                 gint64             k)
{
  CrRate tl = er->render->timeline->rate;
  CrRate src = er->source->rate;
  gint64 offset = k;

  if (!cr_rate_equal (tl, src))
    offset = k * tl.den * src.num / ((gint64) tl.num * src.den);
  return MIN (er->event->in + offset, er->event->out - 1);
}

static gboolean
check_cancelled (Render  *r,
                 GError **error)
{
  if (!g_cancellable_is_cancelled (r->cancellable))
    return FALSE;
  cr_av_set_error (error, &r->irq, r->output_path, AVERROR_EXIT, CR_MEDIA_ERROR_FAILED, NULL);
  return TRUE;
}

static gboolean
write_video (Render   *r,
             AVFrame  *frame,
             GError  **error)
{
  gint64 done;

  if (check_cancelled (r, error) || !cr_render_output_add_video (r->out, frame, error))
    return FALSE;
  done = cr_render_output_get_frames (r->out);
  if (r->progress != NULL && (done % r->step == 0 || done == r->total))
    r->progress (done, r->total, r->user_data);
  return TRUE;
}

/* Black and silence up to timeline frame `end`: a gap. */
static gboolean
fill_gap (Render  *r,
          gint64   end,
          GError **error)
{
  gint64 samples = samples_at (r, end) - cr_render_output_get_samples (r->out);

  if (!cr_render_output_add_audio (r->out, NULL, (int) MIN (samples, G_MAXINT), error))
    return FALSE;
  while (cr_render_output_get_frames (r->out) < end)
    if (!write_video (r, r->black, error))
      return FALSE;
  return TRUE;
}

/* Writes `picture` for every timeline frame that shows a source frame before `index`. */
static gboolean
write_until (EventRender  *er,
             gint64        index,
             AVFrame      *picture,
             GError      **error)
{
  for (; er->next < er->length && source_frame_at (er, er->next) < index; er->next++)
    if (!write_video (er->render, picture, error))
      return FALSE;
  return TRUE;
}

static const char *
timecode_for (EventRender *er,
              gint64       index,
              char         buf[CR_TIMECODE_MAX_LEN])
{
  if (!er->render->options->burn_timecode)
    return NULL;
  cr_timecode_format_into (er->source->start_tc + index, &er->tc_format, buf);
  return buf;
}

/* Fits a picture of source frame `index` to the timeline, creating the filters on first use. */
static AVFrame *
fit_picture (EventRender    *er,
             const AVFrame  *frame,
             int             rotation,
             gint64          index,
             GError        **error)
{
  const CrTimeline *timeline = er->render->timeline;
  char buf[CR_TIMECODE_MAX_LEN];

  if (er->picture != NULL && !cr_render_picture_accepts (er->picture, frame))
    g_clear_pointer (&er->picture, cr_render_picture_free);
  if (er->picture == NULL)
    {
      er->picture = cr_render_picture_new (frame, rotation, timeline->width, timeline->height,
                                           er->render->options->burn_timecode, er->caption, error);
      if (er->picture == NULL)
        return NULL;
    }
  return cr_render_picture_run (er->picture, frame, timecode_for (er, index, buf), error);
}

static gboolean
on_video_frame (EventRender  *er,
                AVFrame      *frame,
                GError      **error)
{
  gint64 pts = frame->best_effort_timestamp;
  g_autoptr(AVFrame) fitted = NULL;
  gint64 index;

  if (er->video_done)
    return TRUE;
  if (pts == AV_NOPTS_VALUE)
    index = er->last_index + 1;
  else
    index = av_rescale_q_rnd (pts - er->video_origin, er->video_stream->time_base,
                              (AVRational) { er->source->rate.den, er->source->rate.num },
                              AV_ROUND_NEAR_INF | AV_ROUND_PASS_MINMAX);
  er->last_index = index;
  /* Before the in point (decoded from the keyframe), or dropped by the rate conversion. */
  if (er->next >= er->length || index < source_frame_at (er, er->next))
    {
      er->video_done = er->next >= er->length;
      return TRUE;
    }

  if (index >= er->event->out)
    {
      /* Past the out point: finish_video fills what the source skipped. */
      er->video_done = TRUE;
      return TRUE;
    }

  fitted = fit_picture (er, frame, cr_av_stream_rotation (er->video_stream), index, error);
  if (fitted == NULL)
    return FALSE;
  /* Frames the source lacks show the previous picture (the first one, if there is none). */
  if (!write_until (er, index, er->shown ? er->shown : fitted, error) ||
      !write_until (er, index + 1, fitted, error))
    return FALSE;
  av_frame_free (&er->shown);
  er->shown = g_steal_pointer (&fitted);
  er->video_done = er->next >= er->length;
  return TRUE;
}

/* The rest of the event's pictures once the source has no more: the last picture again, or
 * black (labelled, if burn-ins were asked for) for a source without video. */
static gboolean
finish_video (EventRender  *er,
              GError      **error)
{
  const CrRenderOptions *options = er->render->options;
  gboolean label = options->burn_timecode || er->caption != NULL;

  if (er->shown != NULL)
    return write_until (er, er->event->out, er->shown, error);
  for (; er->next < er->length; er->next++)
    {
      g_autoptr(AVFrame) fitted = NULL;

      if (label)
        {
          fitted = fit_picture (er, er->render->black, 0, source_frame_at (er, er->next), error);
          if (fitted == NULL)
            return FALSE;
        }
      if (!write_video (er->render, fitted ? fitted : er->render->black, error))
        return FALSE;
    }
  return TRUE;
}

/* Passes n resampled samples on, minus any before the event's start, up to what it needs. */
static gboolean
write_audio (EventRender  *er,
             int           n,
             GError      **error)
{
  int skip = (int) MIN (er->audio_skip, n);
  int take = (int) MIN (n - skip, er->audio_need - er->audio_written);
  uint8_t *planes[2];

  er->audio_skip -= skip;
  for (int i = 0; i < 2; i++)
    planes[i] = er->converted->data[i] + skip * sizeof (float);
  if (take > 0 && !cr_render_output_add_audio (er->render->out, planes, take, error))
    return FALSE;
  er->audio_written += MAX (take, 0);
  er->audio_done = er->audio_written >= er->audio_need;
  return TRUE;
}

static gboolean
resample (EventRender    *er,
          const AVFrame  *frame,
          GError        **error)
{
  int room = swr_get_out_samples (er->swr, frame ? frame->nb_samples : 0);
  int ret, n;

  if (room <= 0)
    return TRUE;
  if (er->converted == NULL || er->converted->nb_samples < room)
    {
      AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;

      av_frame_free (&er->converted);
      er->converted = av_frame_alloc ();
      er->converted->format = AV_SAMPLE_FMT_FLTP;
      er->converted->nb_samples = room;
      av_channel_layout_copy (&er->converted->ch_layout, &stereo);
      if ((ret = av_frame_get_buffer (er->converted, 0)) < 0)
        {
          cr_av_set_error (error, NULL, er->source->path, ret, CR_MEDIA_ERROR_FAILED, "cannot resample");
          return FALSE;
        }
    }
  n = swr_convert (er->swr, er->converted->data, room,
                   frame ? (const uint8_t **) frame->extended_data : NULL, frame ? frame->nb_samples : 0);
  if (n < 0)
    {
      cr_av_set_error (error, NULL, er->source->path, n, CR_MEDIA_ERROR_FAILED, "cannot resample");
      return FALSE;
    }
  return write_audio (er, n, error);
}

static gboolean
start_audio (EventRender    *er,
             const AVFrame  *frame,
             GError        **error)
{
  AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  AVChannelLayout in_layout = { 0 };
  gint64 pts = frame->best_effort_timestamp;
  gint64 offset = 0;
  int ret;

  if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default (&in_layout, frame->ch_layout.nb_channels);
  else
    av_channel_layout_copy (&in_layout, &frame->ch_layout);
  ret = swr_alloc_set_opts2 (&er->swr, &stereo, AV_SAMPLE_FMT_FLTP, CR_RENDER_SAMPLE_RATE,
                             &in_layout, frame->format, frame->sample_rate, 0, NULL);
  av_channel_layout_uninit (&in_layout);
  if (ret < 0 || (ret = swr_init (er->swr)) < 0)
    {
      cr_av_set_error (error, NULL, er->source->path, ret, CR_MEDIA_ERROR_UNSUPPORTED,
                       "cannot resample its audio");
      return FALSE;
    }

  /* Where this first block sits against the event's start: silence before it, or the part
   * before the in point dropped. */
  if (pts != AV_NOPTS_VALUE)
    offset = av_rescale_q (pts, er->audio_stream->time_base, (AVRational) { 1, CR_RENDER_SAMPLE_RATE })
             - er->audio_start;
  if (offset > 0)
    {
      gint64 silence = MIN (offset, er->audio_need);
      if (!cr_render_output_add_audio (er->render->out, NULL, (int) silence, error))
        return FALSE;
      er->audio_written = silence;
    }
  else
    er->audio_skip = -offset;
  er->audio_started = TRUE;
  return TRUE;
}

static gboolean
on_audio_frame (EventRender  *er,
                AVFrame      *frame,
                GError      **error)
{
  if (er->audio_done)
    return TRUE;
  if (!er->audio_started && !start_audio (er, frame, error))
    return FALSE;
  return resample (er, frame, error);
}

/* What the resampler still holds, then silence to the event's length. */
static gboolean
finish_audio (EventRender  *er,
              GError      **error)
{
  gint64 missing;

  if (er->swr != NULL && !er->audio_done && !resample (er, NULL, error))
    return FALSE;
  missing = er->audio_need - er->audio_written;
  er->audio_written = er->audio_need;
  return cr_render_output_add_audio (er->render->out, NULL, (int) MIN (missing, G_MAXINT), error);
}

/* Sends a packet (NULL: the end) and handles every frame the decoder gives back. */
static gboolean
decode (EventRender     *er,
        AVCodecContext  *dec,
        const AVPacket  *packet,
        AVFrame         *frame,
        FrameFunc        func,
        GError         **error)
{
  int ret = avcodec_send_packet (dec, packet);

  /* A damaged packet loses its frames, which are then repeated; the render goes on. */
  if (ret < 0 && ret != AVERROR_EOF && ret != AVERROR_INVALIDDATA)
    {
      cr_av_set_error (error, &er->render->irq, er->source->path, ret, CR_MEDIA_ERROR_DAMAGED,
                       "cannot decode");
      return FALSE;
    }
  for (;;)
    {
      gboolean ok;

      ret = avcodec_receive_frame (dec, frame);
      if (ret == AVERROR (EAGAIN) || ret == AVERROR_EOF)
        return TRUE;
      if (ret == AVERROR_INVALIDDATA)
        continue;
      if (ret < 0)
        {
          cr_av_set_error (error, &er->render->irq, er->source->path, ret, CR_MEDIA_ERROR_DAMAGED,
                           "cannot decode");
          return FALSE;
        }
      ok = func (er, frame, error);
      av_frame_unref (frame);
      if (!ok)
        return FALSE;
    }
}

static AVStream *
find_stream (AVFormatContext *ic,
             enum AVMediaType type)
{
  int index = av_find_best_stream (ic, type, -1, -1, NULL, 0);

  if (index < 0 || (ic->streams[index]->disposition & AV_DISPOSITION_ATTACHED_PIC))
    return NULL;
  return ic->streams[index];
}

static gint64
stream_start (AVStream *stream)
{
  return stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
}

/* To the last keyframe of `st` at or before `target` (its time base). A stream without an index
 * (MPEG-TS) can land past it, and the first picture decoded would stand in for the frames before
 * it: each landing is checked, and the seek goes further back until one is early enough. */
static void
seek_to_keyframe_before (AVFormatContext *ic,
                         AVStream        *st,
                         gint64           target)
{
  g_autoptr(AVPacket) packet = av_packet_alloc ();
  gint64 start = stream_start (st);

  for (int attempt = 0;; attempt++)
    {
      gboolean last = cr_av_seek_before (ic, st, start, target, attempt);
      gint64 key = AV_NOPTS_VALUE;

      while (av_read_frame (ic, packet) >= 0)
        {
          gboolean found = packet->stream_index == st->index && (packet->flags & AV_PKT_FLAG_KEY) &&
                           packet->pts != AV_NOPTS_VALUE;

          if (found)
            key = packet->pts;
          av_packet_unref (packet);
          if (found)
            break;
        }
      if (last || (key != AV_NOPTS_VALUE && key <= target))
        {
          /* The same seek again lands in the same place: decoding starts there. */
          cr_av_seek_before (ic, st, start, target, attempt);
          return;
        }
    }
}

/* Decodes the source's range into the output. */
static gboolean
decode_event (EventRender  *er,
              GError      **error)
{
  Render *r = er->render;
  const CrTimelineSource *source = er->source;
  AVRational source_tb = { source->rate.den, source->rate.num };
  AVRational sample_tb = { 1, CR_RENDER_SAMPLE_RATE };
  g_autoptr(AVFormatContext) ic = NULL;
  g_autoptr(AVCodecContext) video = NULL;
  g_autoptr(AVCodecContext) audio = NULL;
  g_autoptr(AVPacket) packet = av_packet_alloc ();
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  AVStream *origin_stream;
  gint64 origin_us, target_us;
  int ret;

  ic = cr_av_open_input (source->path, &r->irq, NULL, 0, NULL, error);
  if (ic == NULL)
    return FALSE;
  if ((ret = avformat_find_stream_info (ic, NULL)) < 0)
    {
      cr_av_set_error (error, &r->irq, source->path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot read its streams");
      return FALSE;
    }
  /* The timeline says which streams to use; a stream it does not know of is left out. */
  er->video_stream = source->has_video ? find_stream (ic, AVMEDIA_TYPE_VIDEO) : NULL;
  er->audio_stream = source->audio_channels > 0 ? find_stream (ic, AVMEDIA_TYPE_AUDIO) : NULL;
  if (er->video_stream == NULL && er->audio_stream == NULL)
    return TRUE;
  for (guint i = 0; i < ic->nb_streams; i++)
    if (ic->streams[i] != er->video_stream && ic->streams[i] != er->audio_stream)
      ic->streams[i]->discard = AVDISCARD_ALL;

  /* Source frame 0 is the first picture (or, without one, the first sound). */
  origin_stream = er->video_stream ? er->video_stream : er->audio_stream;
  origin_us = av_rescale_q (stream_start (origin_stream), origin_stream->time_base, AV_TIME_BASE_Q);
  if (er->video_stream != NULL)
    er->video_origin = stream_start (er->video_stream);
  er->audio_start = av_rescale_q (origin_us, AV_TIME_BASE_Q, sample_tb) +
                    av_rescale_q (er->event->in, source_tb, sample_tb);

  /* To the keyframe at or before the in point; decoding goes forward from there. */
  target_us = origin_us + av_rescale_q (er->event->in, source_tb, AV_TIME_BASE_Q);
  if (er->event->in > 0 && er->video_stream != NULL)
    seek_to_keyframe_before (ic, er->video_stream, av_rescale_q (target_us, AV_TIME_BASE_Q,
                                                                 er->video_stream->time_base));
  else if (er->event->in > 0 && avformat_seek_file (ic, -1, G_MININT64, target_us, target_us, 0) < 0)
    g_debug ("%s: cannot seek, decoding from the start", source->path);

  if (er->video_stream != NULL &&
      (video = cr_av_open_decoder (er->video_stream, 0, source->path, error)) == NULL)
    return FALSE;
  if (er->audio_stream != NULL &&
      (audio = cr_av_open_decoder (er->audio_stream, 0, source->path, error)) == NULL)
    return FALSE;
  er->video_done = video == NULL;
  er->audio_done = audio == NULL;

  while (!er->video_done || !er->audio_done)
    {
      if (check_cancelled (r, error))
        return FALSE;
      ret = av_read_frame (ic, packet);
      if (ret == AVERROR_EOF)
        break;
      if (ret < 0)
        {
          cr_av_set_error (error, &r->irq, source->path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot read");
          return FALSE;
        }
      if (video != NULL && packet->stream_index == er->video_stream->index && !er->video_done)
        ret = decode (er, video, packet, frame, on_video_frame, error);
      else if (audio != NULL && packet->stream_index == er->audio_stream->index && !er->audio_done)
        ret = decode (er, audio, packet, frame, on_audio_frame, error);
      else
        ret = TRUE;
      av_packet_unref (packet);
      if (!ret)
        return FALSE;
    }
  /* Flush: the decoders hold the last frames until told the input has ended. */
  if (video != NULL && !er->video_done && !decode (er, video, NULL, frame, on_video_frame, error))
    return FALSE;
  if (audio != NULL && !er->audio_done && !decode (er, audio, NULL, frame, on_audio_frame, error))
    return FALSE;
  return TRUE;
}

static gboolean
render_event (Render  *r,
              guint    index,
              GError **error)
{
  const CrTimelineEvent *event = cr_timeline_get_event (r->timeline, index);
  EventRender er = { 0 };
  gboolean ok;

  er.render = r;
  er.event = event;
  er.source = cr_timeline_get_source (r->timeline, event->source);
  er.tc_format = cr_timeline_source_get_format (er.source);
  er.length = cr_timeline_event_get_length (r->timeline, event);
  er.last_index = event->in - 1;
  er.audio_need = samples_at (r, event->record + er.length) - samples_at (r, event->record);
  if (r->options->captions != NULL && r->options->captions[index] != NULL &&
      r->options->captions[index][0] != '\0')
    er.caption = r->options->captions[index];

  ok = decode_event (&er, error) && finish_video (&er, error) && finish_audio (&er, error);

  cr_render_picture_free (er.picture);
  av_frame_free (&er.shown);
  av_frame_free (&er.converted);
  swr_free (&er.swr);

  if (!ok && error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = cr_text_for_message (cr_timeline_source_get_name (er.source));
      g_prefix_error (error, "Event %u (%s): ", index + 1, name);
    }
  return ok;
}

static gboolean
check_input (const CrTimeline       *timeline,
             const CrRenderOptions  *options,
             const char             *output_path,
             GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (timeline->rate.num <= 0 || timeline->rate.den <= 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "The cut's frame rate %d/%d is not valid", timeline->rate.num, timeline->rate.den);
      return FALSE;
    }
  if (timeline->width < 2 || timeline->height < 2 || timeline->width % 2 || timeline->height % 2)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "The cut's frame size %dx%d is not valid (H.264 in 4:2:0 needs even sizes)",
                   timeline->width, timeline->height);
      return FALSE;
    }
  if (!cr_timeline_validate (timeline, &local_error))
    {
      g_set_error_literal (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  if (cr_timeline_get_duration (timeline) <= 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "The cut has no events to render");
      return FALSE;
    }
  if (options->captions != NULL && options->n_captions != timeline->events->len)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%u %s given for %u %s", options->n_captions, options->n_captions == 1 ? "caption" : "captions",
                   timeline->events->len, timeline->events->len == 1 ? "event" : "events");
      return FALSE;
    }
  for (guint i = 0; options->captions != NULL && i < options->n_captions; i++)
    if (options->captions[i] != NULL && !g_utf8_validate (options->captions[i], -1, NULL))
      {
        g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                     "Event %u: the caption is not valid UTF-8", i + 1);
        return FALSE;
      }
  if (output_path == NULL || output_path[0] == '\0')
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "No output file given");
      return FALSE;
    }
  /* Found now rather than by the rename after all the work. */
  if (g_file_test (output_path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (output_path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: is a folder, not a file", display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render (Render      *r,
        const char  *temp_path,
        GError     **error)
{
  const CrTimeline *timeline = r->timeline;

  r->out = cr_render_output_open (temp_path, r->output_path, timeline->width, timeline->height,
                                  timeline->rate, &r->irq, error);
  if (r->out == NULL)
    return FALSE;
  if (cr_timeline_get_sound_tracks (timeline) > 0)
    {
      r->sound = cr_render_sound_new (timeline, &r->irq);
      cr_render_output_set_mix (r->out, cr_render_sound_mix, r->sound);
    }
  for (guint i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = cr_timeline_get_event (timeline, i);

      if (!fill_gap (r, event->record, error) || !render_event (r, i, error))
        return FALSE;
    }
  /* Sound tracks may run on past the last picture: black under them. */
  if (!fill_gap (r, cr_timeline_get_duration (timeline), error))
    return FALSE;
  if (!cr_render_output_finish (r->out, error))
    return FALSE;
  /* A cancel from the last progress report still counts. */
  return !check_cancelled (r, error);
}

gboolean
cr_render_timeline (const CrTimeline       *timeline,
                    const CrRenderOptions  *options,
                    const char             *output_path,
                    CrRenderProgressFunc    progress,
                    gpointer                user_data,
                    GCancellable           *cancellable,
                    GError                **error)
{
  static const CrRenderOptions no_options = { 0 };
  Render r = { 0 };
  g_autoptr(CrOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  if (!check_input (timeline, options, output_path, error))
    return FALSE;

  r.timeline = timeline;
  r.options = options;
  r.output_path = output_path;
  r.cancellable = cancellable;
  r.progress = progress;
  r.user_data = user_data;
  r.total = cr_timeline_get_duration (timeline);
  r.step = MAX (1, r.total / PROGRESS_STEPS);
  cr_av_interrupt_init (&r.irq, cancellable, 0);
  if (check_cancelled (&r, error))
    return FALSE;
  r.black = cr_render_black_frame (timeline->width, timeline->height);
  if (r.black == NULL)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_FAILED, "Out of memory for a %dx%d picture",
                   timeline->width, timeline->height);
      return FALSE;
    }

  /* FFmpeg writes the temp by its name (faststart reads it back); the output holds it. */
  output = cr_output_begin (output_path, 0666, &local_error);
  ok = output != NULL && render (&r, cr_output_get_temp_path (output), error);
  cr_render_output_free (r.out);
  cr_render_sound_free (r.sound);
  av_frame_free (&r.black);
  if (ok && options->placing != NULL && !options->placing (options->placing_data, error))
    return FALSE;
  if (ok && !cr_output_commit (output, &local_error))
    ok = FALSE;
  if (local_error != NULL)
    g_set_error_literal (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, local_error->message);
  return ok;
}
