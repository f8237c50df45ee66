/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>

#include "cr-av-private.h"
#include "cr-bwf.h"
#include "cr-extract.h"
#include "cr-extract-tail.h"
#include "cr-output.h"
#include "cr-probe.h"

/* One input stream and, when carried, its output. */
typedef struct
{
  AVStream        *in;
  AVStream        *out;            /* NULL: left out */
  gboolean         refused;        /* left out: the container cannot carry its codec */
  gboolean         done;           /* past the out point */
  /* Re-encoding */
  AVCodecContext  *dec;
  AVCodecContext  *enc;
  struct SwsContext *sws;
  AVFrame         *converted;
  SwrContext      *swr;
  AVAudioFifo     *fifo;
  gint64           fifo_start;     /* sample position of the fifo's first sample, from `in` */
  gint64           max_samples;    /* samples in [in, out) */
  /* Stream copy: the lead H.264 stream's last GOP, re-encoded to end at `out` */
  CrExtractTail   *tail;
} Track;

typedef struct
{
  const char             *path;
  const CrExtractOptions *options;
  CrAvInterrupt           irq;
  AVFormatContext        *ic;
  AVFormatContext        *oc;
  const char             *out_path;
  CrOutput               *output;      /* the temp the new file is written to */
  Track                  *tracks;
  unsigned                nb_tracks;
  AVStream               *lead;        /* the stream whose keyframes and frames decide the cut */
  gint64                  origin_us;   /* the lead stream's first time: "0" for in and out */
  gint64                  in_abs_us;   /* requested, on the file's clock */
  gint64                  out_abs_us;
  gint64                  real_in_abs_us;  /* CR_TIME_UNKNOWN until the first frame is kept */
  gint64                  real_out_abs_us;
  gint64                  progress_step;
  gint64                  progress_last;
  GPtrArray              *notes;
} Job;

static void
track_clear (Track *t)
{
  avcodec_free_context (&t->dec);
  avcodec_free_context (&t->enc);
  sws_freeContext (t->sws);
  av_frame_free (&t->converted);
  swr_free (&t->swr);
  if (t->fifo != NULL)
    av_audio_fifo_free (t->fifo);
  g_clear_pointer (&t->tail, cr_extract_tail_free);
}

static void
job_clear (Job *job)
{
  for (unsigned i = 0; i < job->nb_tracks; i++)
    track_clear (&job->tracks[i]);
  g_clear_pointer (&job->tracks, g_free);
  if (job->oc != NULL)
    {
      if (job->oc->pb != NULL)
        avio_closep (&job->oc->pb);
      avformat_free_context (job->oc);
      job->oc = NULL;
    }
  avformat_close_input (&job->ic);
  /* Not committed: the work failed; the temp goes and a previous file stays. */
  g_clear_pointer (&job->output, cr_output_free);
  g_clear_pointer (&job->notes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

void
cr_extract_result_clear (CrExtractResult *result)
{
  g_clear_pointer (&result->notes, g_strfreev);
}

static gint64
to_us (gint64     ts,
       AVRational tb)
{
  return av_rescale_q (ts, tb, AV_TIME_BASE_Q);
}

static void
report_progress (Job    *job,
                 gint64  at_abs_us,
                 gboolean final)
{
  gint64 total = job->out_abs_us - job->in_abs_us;
  gint64 done = CLAMP (at_abs_us - job->in_abs_us, 0, total);

  if (job->options->progress == NULL)
    return;
  if (final || done - job->progress_last >= job->progress_step)
    {
      job->progress_last = done;
      job->options->progress (final ? total : done, total, job->options->progress_data);
    }
}

static void
note (Job        *job,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (Job        *job,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (job->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
fail (Job         *job,
      GError     **error,
      int          averr,
      CrMediaError code,
      const char  *what)
{
  cr_av_set_error (error, &job->irq, job->path, averr, code, what);
  return FALSE;
}

/* A failure to write: it names the new file, not the source. */
static gboolean
fail_output (Job         *job,
             GError     **error,
             int          averr,
             const char  *what)
{
  cr_av_set_error (error, &job->irq, job->out_path, averr, CR_MEDIA_ERROR_IO, what);
  return FALSE;
}

/* Streams ------------------------------------------------------------------------------- */

static AVStream *
first_stream (AVFormatContext  *ic,
              enum AVMediaType  type)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    if (ic->streams[i]->codecpar->codec_type == type
        && !(ic->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC))
      return ic->streams[i];
  return NULL;
}

/* Copies what describes a stream besides its codec: rates, aspect, rotation, tags. The
 * source's timecode is not copied: the output gets its own. */
static void
copy_stream_info (AVStream *in,
                  AVStream *out)
{
  size_t size = 0;
  const guint8 *matrix = av_stream_get_side_data (in, AV_PKT_DATA_DISPLAYMATRIX, &size);

  out->time_base = in->time_base;
  out->avg_frame_rate = in->avg_frame_rate;
  out->r_frame_rate = in->r_frame_rate;
  out->sample_aspect_ratio = in->sample_aspect_ratio;
  out->disposition = in->disposition;
  av_dict_copy (&out->metadata, in->metadata, 0);
  av_dict_set (&out->metadata, "timecode", NULL, 0);
  if (matrix != NULL)
    {
      guint8 *copy = av_stream_new_side_data (out, AV_PKT_DATA_DISPLAYMATRIX, size);
      if (copy != NULL)
        memcpy (copy, matrix, size);
    }
}

static gboolean
add_copy_stream (Job      *job,
                 Track    *t,
                 GError  **error)
{
  const AVOutputFormat *ofmt = job->oc->oformat;
  unsigned int tag = 0;
  int ret;

  if (avformat_query_codec (ofmt, t->in->codecpar->codec_id, FF_COMPLIANCE_NORMAL) == 0)
    {
      note (job, "stream %d (%s) left out: a %s file cannot carry it without re-encoding",
            t->in->index, avcodec_get_name (t->in->codecpar->codec_id), ofmt->name);
      t->refused = TRUE;
      return TRUE;
    }
  t->out = avformat_new_stream (job->oc, NULL);
  if ((ret = avcodec_parameters_copy (t->out->codecpar, t->in->codecpar)) < 0)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "cannot copy the stream");
  /* Keep the source's four characters (hvc1, not hev1) when the new container knows them. */
  if (ofmt->codec_tag == NULL
      || !av_codec_get_tag2 (ofmt->codec_tag, t->in->codecpar->codec_id, &tag)
      || av_codec_get_id (ofmt->codec_tag, t->in->codecpar->codec_tag) != t->in->codecpar->codec_id)
    t->out->codecpar->codec_tag = 0;
  copy_stream_info (t->in, t->out);
  return TRUE;
}

static const AVCodec *
find_h264_encoder (void)
{
  const AVCodec *codec = avcodec_find_encoder_by_name ("libx264");

  return codec != NULL ? codec : avcodec_find_encoder (AV_CODEC_ID_H264);
}

static gboolean
pix_fmt_supported (const AVCodec      *codec,
                   enum AVPixelFormat  fmt)
{
  if (codec->pix_fmts == NULL)
    return TRUE;
  for (int i = 0; codec->pix_fmts[i] != AV_PIX_FMT_NONE; i++)
    if (codec->pix_fmts[i] == fmt)
      return TRUE;
  return FALSE;
}

static gboolean
layout_supported (const AVCodec         *codec,
                  const AVChannelLayout *layout)
{
  if (codec->ch_layouts == NULL)
    return TRUE;
  for (int i = 0; codec->ch_layouts[i].nb_channels > 0; i++)
    if (av_channel_layout_compare (&codec->ch_layouts[i], layout) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
add_encode_stream (Job      *job,
                   Track    *t,
                   GError  **error)
{
  AVCodecParameters *par = t->in->codecpar;
  gboolean video = par->codec_type == AVMEDIA_TYPE_VIDEO;
  const AVCodec *codec = video ? find_h264_encoder () : avcodec_find_encoder (AV_CODEC_ID_AAC);
  AVDictionary *opts = NULL;
  int ret;

  if (codec == NULL)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "this FFmpeg has no %s encoder", video ? "H.264" : "AAC");
      return FALSE;
    }
  t->dec = cr_av_open_decoder (t->in, 0, job->path, error);
  if (t->dec == NULL)
    return FALSE;
  t->enc = avcodec_alloc_context3 (codec);
  if (video)
    {
      t->enc->width = t->dec->width;
      t->enc->height = t->dec->height;
      t->enc->sample_aspect_ratio = t->dec->sample_aspect_ratio;
      t->enc->pix_fmt = pix_fmt_supported (codec, t->dec->pix_fmt) ? t->dec->pix_fmt : AV_PIX_FMT_YUV420P;
      t->enc->time_base = t->in->time_base;
      t->enc->framerate = t->in->r_frame_rate.num > 0 ? t->in->r_frame_rate : t->in->avg_frame_rate;
      t->enc->color_primaries = t->dec->color_primaries;
      t->enc->color_trc = t->dec->color_trc;
      t->enc->colorspace = t->dec->colorspace;
      t->enc->color_range = t->dec->color_range;
      av_dict_set (&opts, "preset", "veryfast", 0);
      av_dict_set (&opts, "crf", "18", 0);
    }
  else
    {
      t->enc->sample_rate = t->dec->sample_rate;
      t->enc->sample_fmt = AV_SAMPLE_FMT_FLTP;
      if (t->dec->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default (&t->enc->ch_layout, t->dec->ch_layout.nb_channels);
      else
        av_channel_layout_copy (&t->enc->ch_layout, &t->dec->ch_layout);
      if (!layout_supported (codec, &t->enc->ch_layout))
        {
          note (job, "stream %d: %d channels mixed to stereo for AAC", t->in->index,
                t->enc->ch_layout.nb_channels);
          av_channel_layout_uninit (&t->enc->ch_layout);
          t->enc->ch_layout = (AVChannelLayout) AV_CHANNEL_LAYOUT_STEREO;
        }
      t->enc->time_base = (AVRational) { 1, t->enc->sample_rate };
      t->enc->bit_rate = 96000 * MIN (t->enc->ch_layout.nb_channels, 6);
    }
  if (job->oc->oformat->flags & AVFMT_GLOBALHEADER)
    t->enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  ret = avcodec_open2 (t->enc, codec, &opts);
  av_dict_free (&opts);
  if (ret < 0)
    return fail (job, error, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot open the encoder");

  t->out = avformat_new_stream (job->oc, NULL);
  copy_stream_info (t->in, t->out);
  t->out->time_base = t->enc->time_base;
  if ((ret = avcodec_parameters_from_context (t->out->codecpar, t->enc)) < 0)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "cannot set up the output stream");

  if (!video)
    {
      swr_alloc_set_opts2 (&t->swr, &t->enc->ch_layout, t->enc->sample_fmt, t->enc->sample_rate,
                           t->dec->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC ? &t->enc->ch_layout : &t->dec->ch_layout,
                           t->dec->sample_fmt, t->dec->sample_rate, 0, NULL);
      if (t->swr == NULL || (ret = swr_init (t->swr)) < 0)
        return fail (job, error, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot convert the sound for AAC");
      t->fifo = av_audio_fifo_alloc (t->enc->sample_fmt, t->enc->ch_layout.nb_channels, 4096);
    }
  return TRUE;
}

static void
append_codec (GString                 *codecs,
              const AVCodecParameters *par)
{
  g_string_append_printf (codecs, "%s%s %s", codecs->len > 0 ? " and " : "", avcodec_get_name (par->codec_id),
                          par->codec_type == AVMEDIA_TYPE_VIDEO ? "video" : "sound");
}

/* A container that cannot hold a stream's codec fails with only "Invalid argument" (H.264 in
 * MXF), "Function not implemented" (48 kHz PCM in FLV), or, when its codec list refuses every
 * stream (H.264 in WebM), with nothing left to write: say which file, container and codecs. */
static gboolean
refuse_container (Job         *job,
                  const char  *out_path,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (out_path);
  g_autoptr(GString) codecs = g_string_new (NULL);
  g_autofree char *container = g_ascii_strup (job->oc->oformat->name, -1);

  for (unsigned i = 0; i < job->oc->nb_streams; i++)
    append_codec (codecs, job->oc->streams[i]->codecpar);
  for (unsigned i = 0; job->oc->nb_streams == 0 && i < job->nb_tracks; i++)
    if (job->tracks[i].refused)
      append_codec (codecs, job->tracks[i].in->codecpar);
  g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
               "%s: %s cannot hold %s as %s; use .mov, .mp4 or .mkv%s", name, container,
               codecs->str, job->options->reencode ? "re-encoded" : "copied",
               job->options->reencode ? "" : ", or --reencode");
  return FALSE;
}

/* Video and audio are carried; everything else is noted. */
static gboolean
map_streams (Job      *job,
             GError  **error)
{
  AVStream *video = first_stream (job->ic, AVMEDIA_TYPE_VIDEO);
  AVStream *audio = first_stream (job->ic, AVMEDIA_TYPE_AUDIO);

  job->nb_tracks = job->ic->nb_streams;
  job->tracks = g_new0 (Track, job->nb_tracks);
  for (unsigned i = 0; i < job->nb_tracks; i++)
    {
      Track *t = &job->tracks[i];
      AVCodecParameters *par;
      gboolean ok = TRUE;

      t->in = job->ic->streams[i];
      par = t->in->codecpar;
      if (par->codec_tag == MKTAG ('t', 'm', 'c', 'd'))
        note (job, "stream %u (timecode track) not copied: the output's timecode is written anew", i);
      else if ((par->codec_type != AVMEDIA_TYPE_VIDEO && par->codec_type != AVMEDIA_TYPE_AUDIO)
               || t->in->disposition & AV_DISPOSITION_ATTACHED_PIC)
        note (job, "stream %u (%s%s%s) left out: only video and audio are carried", i,
              av_get_media_type_string (par->codec_type) ? av_get_media_type_string (par->codec_type) : "unknown",
              par->codec_id != AV_CODEC_ID_NONE ? ", " : "",
              par->codec_id != AV_CODEC_ID_NONE ? avcodec_get_name (par->codec_id) : "");
      else if (job->options->reencode && t->in != video && t->in != audio)
        note (job, "stream %u left out: re-encoding carries the first video and audio streams", i);
      else if (job->options->reencode)
        ok = add_encode_stream (job, t, error);
      else
        ok = add_copy_stream (job, t, error);
      if (!ok)
        return FALSE;
      if (t->out == NULL)
        t->in->discard = AVDISCARD_ALL;
    }
  job->lead = video != NULL && job->tracks[video->index].out != NULL ? video
              : audio != NULL && job->tracks[audio->index].out != NULL ? audio : NULL;
  /* A copy of H.264 ends at `out` exactly, its last GOP re-encoded. */
  if (job->lead != NULL && job->lead == video && !job->options->reencode)
    job->tracks[video->index].tail = cr_extract_tail_new (video);
  for (unsigned i = 0; job->lead == NULL && i < job->nb_tracks; i++)
    if (job->tracks[i].refused)
      return refuse_container (job, job->out_path, error);
  if (job->lead == NULL)
    {
      g_autofree char *name = g_filename_display_name (job->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM,
                   "%s: no video or audio stream to extract", name);
      return FALSE;
    }
  return TRUE;
}

/* Writing ------------------------------------------------------------------------------- */

static gboolean
write_packet (Job       *job,
              Track     *t,
              AVPacket  *pkt,
              AVRational from_tb,
              GError   **error)
{
  int ret;

  pkt->stream_index = t->out->index;
  pkt->pos = -1;
  av_packet_rescale_ts (pkt, from_tb, t->out->time_base);
  if ((ret = av_interleaved_write_frame (job->oc, pkt)) < 0)
    return fail_output (job, error, ret, "cannot write the new file");
  return TRUE;
}

/* Timestamps from the copy's first frame. */
static void
shift_packet (Job      *job,
              AVStream *st,
              AVPacket *pkt)
{
  gint64 shift = av_rescale_q (job->real_in_abs_us, AV_TIME_BASE_Q, st->time_base);

  if (pkt->pts != AV_NOPTS_VALUE)
    pkt->pts -= shift;
  if (pkt->dts != AV_NOPTS_VALUE)
    pkt->dts -= shift;
}

/* The first timestamp at or after `out`, less a microsecond for times rounded to it. */
static gint64
out_ts (Job      *job,
        AVStream *st)
{
  return av_rescale_q_rnd (job->out_abs_us - 1, AV_TIME_BASE_Q, st->time_base, AV_ROUND_UP);
}

static gboolean
write_tail_packet (AVPacket  *pkt,
                   gpointer   user_data,
                   GError   **error)
{
  Job *job = user_data;
  Track *t = &job->tracks[job->lead->index];

  shift_packet (job, t->in, pkt);
  return write_packet (job, t, pkt, t->in->time_base, error);
}

/* The lead stream's last GOP, re-encoded up to `out`: the copy ends there exactly. */
static gboolean
finish_tail (Job     *job,
             Track   *t,
             GError **error)
{
  gint64 end_ts = AV_NOPTS_VALUE;
  gint64 start_us = job->real_out_abs_us;
  gboolean reencoded = FALSE;

  t->done = TRUE;
  if (!cr_extract_tail_finish (t->tail, out_ts (job, t->in), write_tail_packet, job, &end_ts, &reencoded,
                               job->path, error))
    return FALSE;
  if (end_ts != AV_NOPTS_VALUE)
    job->real_out_abs_us = to_us (end_ts, t->in->time_base);
  if (reencoded)
    {
      gint64 from = MAX (start_us, job->real_in_abs_us) - job->origin_us;

      note (job, "the pictures from %" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT " s to the out point were re-encoded, "
            "so that the copy ends there exactly", from / G_USEC_PER_SEC, from % G_USEC_PER_SEC);
    }
  return TRUE;
}

/* The lead H.264 stream: each GOP copied once the next one starts before `out`. */
static gboolean
copy_lead_packet (Job       *job,
                  Track     *t,
                  AVPacket  *pkt,
                  GError   **error)
{
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_av_free_packet);
  gint64 ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
  gint64 dts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : ts;

  /* A picture that shows before `out` is decoded before it, and so is every picture it
   * refers to (dts <= pts): a packet decoded at or after `out` is needed by none. */
  if (dts >= out_ts (job, t->in))
    return finish_tail (job, t, error);
  if (to_us (ts, t->in->time_base) < job->real_in_abs_us)
    return TRUE;
  report_progress (job, to_us (ts, t->in->time_base), FALSE);
  cr_extract_tail_add (t->tail, pkt, out_ts (job, t->in), ready);
  for (guint i = 0; i < ready->len; i++)
    {
      AVPacket *p = g_ptr_array_index (ready, i);
      gint64 end = p->pts + MAX (p->duration, 0);

      job->real_out_abs_us = MAX (job->real_out_abs_us, to_us (end, t->in->time_base));
      shift_packet (job, t->in, p);
      if (!write_packet (job, t, p, t->in->time_base, error))
        return FALSE;
    }
  return TRUE;
}

/* Stream copy: from the lead stream's keyframe at or before `in`, packets in decode order
 * until they pass `out`, so that every packet written can be decoded. */
static gboolean
copy_packet (Job       *job,
             AVPacket  *pkt,
             GError   **error)
{
  Track *t = &job->tracks[pkt->stream_index];
  AVStream *st = t->in;
  gint64 ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
  gint64 at_us, dts_us;

  if (t->out == NULL || t->done || ts == AV_NOPTS_VALUE)
    return TRUE;
  at_us = to_us (ts, st->time_base);
  dts_us = pkt->dts != AV_NOPTS_VALUE ? to_us (pkt->dts, st->time_base) : at_us;

  /* Nothing is written before the lead stream's keyframe (found by find_first_keyframe). */
  if (job->real_in_abs_us == CR_TIME_UNKNOWN)
    return TRUE;
  if (t->tail != NULL)
    return copy_lead_packet (job, t, pkt, error);
  /* Every frame before `out` is decoded before `out` (dts <= pts), but with B-frames so is a
   * later picture they refer to: that one is written too (a copy cannot leave it out), and then
   * the frames between, which come after `out` in decode order, so that the picture has no
   * hole. The range written says where it ends. */
  if (st == job->lead && dts_us >= job->out_abs_us &&
      !(job->real_out_abs_us > job->out_abs_us && at_us < job->real_out_abs_us && at_us >= job->out_abs_us))
    {
      t->done = TRUE;
      return TRUE;
    }
  if (st != job->lead && (dts_us >= job->out_abs_us || at_us >= job->out_abs_us))
    {
      t->done = TRUE;
      return TRUE;
    }
  /* Before the keyframe: other streams' early packets, an open GOP's leading frames. */
  if (at_us < job->real_in_abs_us)
    return TRUE;
  if (st == job->lead)
    {
      gint64 end = at_us + (pkt->duration > 0 ? to_us (pkt->duration, st->time_base) : 0);
      job->real_out_abs_us = MAX (job->real_out_abs_us, end);
      report_progress (job, at_us, FALSE);
    }

  shift_packet (job, st, pkt);
  return write_packet (job, t, pkt, st->time_base, error);
}

static gboolean
drain_encoder (Job      *job,
               Track    *t,
               GError  **error)
{
  g_autoptr(AVPacket) out = av_packet_alloc ();
  int ret;

  while ((ret = avcodec_receive_packet (t->enc, out)) >= 0)
    if (!write_packet (job, t, out, t->enc->time_base, error))
      return FALSE;
  if (ret != AVERROR (EAGAIN) && ret != AVERROR_EOF)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "the encoder failed");
  return TRUE;
}

static gboolean
encode (Job      *job,
        Track    *t,
        AVFrame  *frame,
        GError  **error)
{
  int ret = avcodec_send_frame (t->enc, frame);

  if (ret < 0 && ret != AVERROR_EOF)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "the encoder refused a frame");
  return drain_encoder (job, t, error);
}

static gboolean
encode_video (Job      *job,
              Track    *t,
              AVFrame  *frame,
              GError  **error)
{
  gint64 pts = frame->best_effort_timestamp;
  gint64 in_ts = cr_av_usec_to_ts (job->in_abs_us, t->in->time_base);
  gint64 at_us;
  AVFrame *send = frame;

  if (pts == AV_NOPTS_VALUE)
    return TRUE;
  at_us = to_us (pts, t->in->time_base);
  /* The frame that starts at or after `in` is the first; one at or after `out` ends it. */
  if (pts < in_ts)
    return TRUE;
  if (pts >= cr_av_usec_to_ts (job->out_abs_us, t->in->time_base))
    {
      t->done = TRUE;
      return TRUE;
    }
  if (job->real_in_abs_us == CR_TIME_UNKNOWN || at_us < job->real_in_abs_us)
    job->real_in_abs_us = at_us;
  job->real_out_abs_us = MAX (job->real_out_abs_us,
                              at_us + (frame->pkt_duration > 0 ? to_us (frame->pkt_duration, t->in->time_base) : 0));
  report_progress (job, at_us, FALSE);

  if (frame->format != t->enc->pix_fmt)
    {
      if (t->sws == NULL)
        {
          t->sws = sws_getContext (frame->width, frame->height, frame->format, t->enc->width,
                                   t->enc->height, t->enc->pix_fmt, SWS_BICUBIC, NULL, NULL, NULL);
          t->converted = av_frame_alloc ();
          t->converted->format = t->enc->pix_fmt;
          t->converted->width = t->enc->width;
          t->converted->height = t->enc->height;
          if (t->sws == NULL || av_frame_get_buffer (t->converted, 0) < 0)
            return fail (job, error, AVERROR (ENOMEM), CR_MEDIA_ERROR_UNSUPPORTED, "cannot convert the pictures");
        }
      av_frame_make_writable (t->converted);
      sws_scale (t->sws, (const guint8 *const *) frame->data, frame->linesize, 0, frame->height,
                 t->converted->data, t->converted->linesize);
      send = t->converted;
    }
  send->pts = pts - in_ts;
  send->pict_type = AV_PICTURE_TYPE_NONE;
  return encode (job, t, send, error);
}

/* Sends whole AAC frames from the fifo, the last one short, never past `out`. */
static gboolean
send_audio (Job      *job,
            Track    *t,
            gboolean  flush,
            GError  **error)
{
  int size = t->enc->frame_size > 0 ? t->enc->frame_size : 1024;

  while (!t->done && (av_audio_fifo_size (t->fifo) >= size || (flush && av_audio_fifo_size (t->fifo) > 0)))
    {
      g_autoptr(AVFrame) out = av_frame_alloc ();
      int n = (int) MIN (MIN (size, av_audio_fifo_size (t->fifo)), t->max_samples - t->fifo_start);

      if (n <= 0)
        {
          t->done = TRUE;
          break;
        }
      out->nb_samples = n;
      out->format = t->enc->sample_fmt;
      out->sample_rate = t->enc->sample_rate;
      av_channel_layout_copy (&out->ch_layout, &t->enc->ch_layout);
      if (av_frame_get_buffer (out, 0) < 0)
        return fail (job, error, AVERROR (ENOMEM), CR_MEDIA_ERROR_FAILED, "out of memory");
      av_audio_fifo_read (t->fifo, (void **) out->data, n);
      out->pts = t->fifo_start;
      t->fifo_start += n;
      if (!encode (job, t, out, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
encode_audio (Job      *job,
              Track    *t,
              AVFrame  *frame,
              GError  **error)
{
  gint64 pts = frame->best_effort_timestamp;
  g_autoptr(AVFrame) conv = av_frame_alloc ();
  int ret;

  if (pts == AV_NOPTS_VALUE || t->done)
    return TRUE;
  conv->format = t->enc->sample_fmt;
  conv->sample_rate = t->enc->sample_rate;
  av_channel_layout_copy (&conv->ch_layout, &t->enc->ch_layout);
  if ((ret = swr_convert_frame (t->swr, conv, frame)) < 0)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "cannot convert the sound");
  if (av_audio_fifo_size (t->fifo) == 0)
    /* Sample accurate: where this frame's first sample falls from `in`. */
    t->fifo_start = av_rescale_q (pts, t->in->time_base, (AVRational) { 1, t->enc->sample_rate })
                    - av_rescale (job->in_abs_us, t->enc->sample_rate, G_USEC_PER_SEC);
  av_audio_fifo_write (t->fifo, (void **) conv->data, conv->nb_samples);
  if (t->fifo_start < 0)
    {
      int drop = (int) MIN (-t->fifo_start, av_audio_fifo_size (t->fifo));
      av_audio_fifo_drain (t->fifo, drop);
      t->fifo_start += drop;
    }
  if (job->lead == t->in && t->fifo_start >= 0)
    {
      gint64 at = job->in_abs_us + av_rescale (t->fifo_start, G_USEC_PER_SEC, t->enc->sample_rate);
      if (job->real_in_abs_us == CR_TIME_UNKNOWN)
        job->real_in_abs_us = job->in_abs_us;
      report_progress (job, at, FALSE);
    }
  return send_audio (job, t, FALSE, error);
}

static gboolean
decode_packet (Job       *job,
               Track     *t,
               AVPacket  *pkt,
               GError   **error)
{
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  int ret;

  if (t->done)
    return TRUE;
  ret = avcodec_send_packet (t->dec, pkt);
  if (ret < 0 && ret != AVERROR_EOF && ret != AVERROR_INVALIDDATA)
    return fail (job, error, ret, CR_MEDIA_ERROR_DAMAGED, "cannot decode");
  while ((ret = avcodec_receive_frame (t->dec, frame)) >= 0)
    {
      gboolean ok = t->in->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
                    ? encode_video (job, t, frame, error) : encode_audio (job, t, frame, error);
      av_frame_unref (frame);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
all_done (Job *job)
{
  for (unsigned i = 0; i < job->nb_tracks; i++)
    if (job->tracks[i].out != NULL && !job->tracks[i].done)
      return FALSE;
  return TRUE;
}

static gboolean
process (Job       *job,
         AVPacket  *pkt,
         GError   **error)
{
  Track *t = &job->tracks[pkt->stream_index];

  if (job->options->reencode)
    return t->out == NULL || decode_packet (job, t, pkt, error);
  return copy_packet (job, pkt, error);
}

/* Both ways start from the keyframe at or before `in`, which only reading tells for sure
 * (MPEG-TS has no index), and stream copy's start timecode must go in the header: read up
 * to that keyframe first, keeping the packets. A container without an index can land past
 * `in`: then it starts earlier. */
static gboolean
find_first_keyframe (Job        *job,
                     GPtrArray  *pending,
                     GError    **error)
{
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  gint64 lead_start = job->lead->start_time != AV_NOPTS_VALUE ? job->lead->start_time : 0;
  gint64 in_ts = cr_av_usec_to_ts (job->in_abs_us, job->lead->time_base);
  int ret;

  for (int attempt = 0;; attempt++)
    {
      gboolean last = cr_av_seek_before (job->ic, job->lead, lead_start, in_ts, attempt);

      g_ptr_array_set_size (pending, 0);
      job->real_in_abs_us = CR_TIME_UNKNOWN;
      /* Read on to the last keyframe at or before `in`: a seek without an index can land a
       * keyframe or more early. Earlier packets stay; copy_packet drops what is before. */
      while ((ret = av_read_frame (job->ic, pkt)) >= 0)
        {
          AVStream *st = job->ic->streams[pkt->stream_index];
          gint64 ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
          gint64 order = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : ts;
          gboolean lead = st == job->lead && ts != AV_NOPTS_VALUE;
          gboolean key = lead && (pkt->flags & AV_PKT_FLAG_KEY);

          if (lead && job->real_in_abs_us != CR_TIME_UNKNOWN && order > in_ts)
            {
              g_ptr_array_add (pending, av_packet_clone (pkt));
              av_packet_unref (pkt);
              break;
            }
          if (key && (ts <= in_ts || job->real_in_abs_us == CR_TIME_UNKNOWN))
            job->real_in_abs_us = to_us (ts, st->time_base);
          g_ptr_array_add (pending, av_packet_clone (pkt));
          av_packet_unref (pkt);
          if (key && ts > in_ts)
            break;  /* landed past `in` */
          if (cr_av_interrupted (&job->irq, job->path, error))
            return FALSE;
        }
      if (ret == AVERROR_EXIT)
        return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, NULL);
      if (last || (job->real_in_abs_us != CR_TIME_UNKNOWN && job->real_in_abs_us <= job->in_abs_us))
        return TRUE;
    }
}

static gboolean
run (Job        *job,
     GPtrArray  *pending,
     GError    **error)
{
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  int ret;

  for (guint i = 0; i < pending->len; i++)
    if (!process (job, g_ptr_array_index (pending, i), error))
      return FALSE;

  while (!all_done (job))
    {
      gboolean ok;

      if (cr_av_interrupted (&job->irq, job->path, error))
        return FALSE;
      ret = av_read_frame (job->ic, pkt);
      if (ret == AVERROR_EXIT)
        return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, NULL);
      if (ret < 0)
        break;  /* the end of the file (or of what can be read) */
      ok = process (job, pkt, error);
      av_packet_unref (pkt);
      if (!ok)
        return FALSE;
    }
  /* The file ended before `out`: its last GOP is held still. */
  for (unsigned i = 0; i < job->nb_tracks; i++)
    if (job->tracks[i].tail != NULL && !job->tracks[i].done && job->real_in_abs_us != CR_TIME_UNKNOWN
        && !finish_tail (job, &job->tracks[i], error))
      return FALSE;

  if (job->options->reencode)
    for (unsigned i = 0; i < job->nb_tracks; i++)
      {
        Track *t = &job->tracks[i];
        if (t->out == NULL)
          continue;
        if (!decode_packet (job, t, NULL, error))
          return FALSE;
        if (t->fifo != NULL && !send_audio (job, t, TRUE, error))
          return FALSE;
        if (!encode (job, t, NULL, error))
          return FALSE;
      }
  if (job->real_in_abs_us == CR_TIME_UNKNOWN)
    {
      g_autofree char *name = g_filename_display_name (job->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED,
                   "%s: nothing could be read in the range", name);
      return FALSE;
    }
  for (unsigned i = 0; i < job->nb_tracks; i++)
    if (job->tracks[i].fifo != NULL && job->lead == job->tracks[i].in)
      job->real_out_abs_us = job->in_abs_us + av_rescale (job->tracks[i].fifo_start, G_USEC_PER_SEC,
                                                          job->tracks[i].enc->sample_rate);
  report_progress (job, job->out_abs_us, TRUE);
  return TRUE;
}

/* Setting up ----------------------------------------------------------------------------- */

static gboolean
open_output (Job         *job,
             const char  *out_path,
             GError     **error)
{
  g_autofree char *name = g_filename_display_name (out_path);
  const AVOutputFormat *ofmt = av_guess_format (NULL, out_path, NULL);
  g_autofree char *url = NULL;
  g_autoptr(GError) local_error = NULL;
  AVIOInterruptCB cb = cr_av_interrupt_callback (&job->irq);
  const char *tmp_path;
  int ret;

  if (ofmt == NULL)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%s: cannot tell which kind of file to write from its name (use .mov, .mp4, .mkv, .mxf…)",
                   name);
      return FALSE;
    }
  /* A hidden temp file next to the output, renamed into place at the end. */
  job->output = cr_output_begin (out_path, 0666, &local_error);
  if (job->output == NULL)
    {
      g_set_error_literal (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, local_error->message);
      return FALSE;
    }
  tmp_path = cr_output_get_temp_path (job->output);

  if ((ret = avformat_alloc_output_context2 (&job->oc, ofmt, NULL, tmp_path)) < 0)
    return fail (job, error, ret, CR_MEDIA_ERROR_FAILED, "cannot set up the output");
  job->oc->interrupt_callback = cb;
  url = g_strconcat ("file:", tmp_path, NULL);
  if ((ret = avio_open2 (&job->oc->pb, url, AVIO_FLAG_WRITE, &cb, NULL)) < 0)
    {
      cr_av_set_error (error, &job->irq, out_path, ret, CR_MEDIA_ERROR_IO, "cannot write");
      return FALSE;
    }
  /* The source's tags, but not its timecode: the output gets its own. */
  av_dict_copy (&job->oc->metadata, job->ic->metadata, 0);
  av_dict_set (&job->oc->metadata, "timecode", NULL, 0);
  return TRUE;
}

static gboolean
check_range (const char             *path,
             const CrExtractOptions *options,
             gint64                  duration_us,
             GError                **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (options->in_us < 0 || (duration_us > 0 && options->in_us >= duration_us))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%s: the in point is outside the clip (0 to %" G_GINT64_FORMAT " µs)", name, duration_us);
      return FALSE;
    }
  if (options->out_us >= 0 && options->out_us <= options->in_us)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%s: the out point must come after the in point", name);
      return FALSE;
    }
  return TRUE;
}

/* The muxer's options: avformat_write_header takes those it knows and leaves the rest. */
typedef AVDictionary *MuxerOptions;

static void
muxer_options_free (MuxerOptions options)
{
  av_dict_free (&options);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (MuxerOptions, muxer_options_free, NULL)

gboolean
cr_extract (const char              *path,
            const char              *out_path,
            const CrExtractOptions  *options,
            CrExtractResult         *result,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_auto(Job) job = { 0 };
  g_autoptr(CrProbe) probe = NULL;
  g_autofree char *timecode = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_av_free_packet);
  CrExtractResult local = { 0 };
  g_auto(MuxerOptions) muxer_options = NULL;
  g_auto(CrBwfInfo) bwf = { .time_reference = -1 };
  g_autoptr(GBytes) ixml = NULL;
  gint64 reference = -1;
  int ret;

  if (result == NULL)
    result = &local;
  memset (result, 0, sizeof *result);
  job.path = path;
  job.out_path = out_path;
  job.options = options;
  job.notes = g_ptr_array_new_with_free_func (g_free);
  job.real_in_abs_us = CR_TIME_UNKNOWN;
  job.real_out_abs_us = G_MININT64;
  cr_av_interrupt_init (&job.irq, cancellable, 0);

  {
    GStatBuf a, b;
    if (g_stat (path, &a) == 0 && g_stat (out_path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
      {
        g_autofree char *name = g_filename_display_name (out_path);
        g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "%s: is the source itself", name);
        return FALSE;
      }
  }

  /* The source's start timecode and duration, from the same probe the catalogue uses. */
  {
    CrProbeOptions probe_options = { options->timecode_fallback, 0 };

    probe = cr_probe_file (path, &probe_options, cancellable, error);
  }
  if (probe == NULL || !check_range (path, options, probe->duration_us, error))
    return FALSE;

  job.ic = cr_av_open_input (path, &job.irq, NULL, 0, NULL, error);
  if (job.ic == NULL
      || (!cr_av_header_is_enough (job.ic) && !cr_av_find_stream_info (job.ic, &job.irq, path, error)))
    return FALSE;
  if (!open_output (&job, out_path, error) || !map_streams (&job, error))
    return FALSE;

  {
    /* The probe knows the lead stream's first time even when the header does not say. */
    const CrProbeStream *s = g_ptr_array_index (probe->streams, job.lead->index);
    job.origin_us = s->start_us != CR_TIME_UNKNOWN ? s->start_us
                    : job.ic->start_time != AV_NOPTS_VALUE ? job.ic->start_time : 0;
  }
  job.in_abs_us = job.origin_us + options->in_us;
  job.out_abs_us = job.origin_us + (options->out_us >= 0 ? options->out_us
                                    : probe->duration_us > 0 ? probe->duration_us : G_MAXINT64 / 4);
  if (options->reencode && job.lead->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
    {
      /* Frame-accurate: the range starts and ends on frame boundaries, the first frame being
       * the one that starts at or after `in` (less a microsecond, for rounded times). */
      AVRational rate = job.lead->r_frame_rate.num > 0 ? job.lead->r_frame_rate : job.lead->avg_frame_rate;
      if (rate.num > 0 && rate.den > 0)
        {
          CrRate r = { rate.num, rate.den };
          gint64 first = av_rescale_rnd (MAX (options->in_us - 1, 0), rate.num,
                                         (gint64) rate.den * G_USEC_PER_SEC, AV_ROUND_UP);
          gint64 end = av_rescale_rnd (MAX (job.out_abs_us - job.origin_us - 1, 0), rate.num,
                                       (gint64) rate.den * G_USEC_PER_SEC, AV_ROUND_UP);
          job.in_abs_us = job.origin_us + cr_frames_to_usec (first, r);
          job.out_abs_us = MIN (job.out_abs_us, job.origin_us + cr_frames_to_usec (end, r));
        }
    }
  job.progress_step = MAX ((job.out_abs_us - job.in_abs_us) / 100, 1);

  for (unsigned i = 0; i < job.nb_tracks; i++)
    if (job.tracks[i].fifo != NULL)
      job.tracks[i].max_samples = av_rescale (job.out_abs_us - job.in_abs_us,
                                              job.tracks[i].enc->sample_rate, G_USEC_PER_SEC);
  if (!find_first_keyframe (&job, pending, error))
    return FALSE;
  /* Re-encoding starts at `in` itself; the keyframe only tells where decoding begins. */
  if (options->reencode)
    job.real_in_abs_us = CR_TIME_UNKNOWN;
  /* A Broadcast WAV's time reference, moved to the extract's first sample. */
  if (probe->recorder.time_reference >= 0 && probe->recorder.time_reference_rate > 0)
    {
      gint64 first = (job.real_in_abs_us != CR_TIME_UNKNOWN ? job.real_in_abs_us : job.in_abs_us) - job.origin_us;

      reference = probe->recorder.time_reference +
                  av_rescale (MAX (first, 0), probe->recorder.time_reference_rate, G_USEC_PER_SEC);
    }
  /* The output's start timecode: the source timecode of its first frame; for a Broadcast WAV,
   * as the probe counts it, the label of the frame that holds its first sample. */
  if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
    {
      gint64 first = (job.real_in_abs_us != CR_TIME_UNKNOWN ? job.real_in_abs_us : job.in_abs_us)
                     - job.origin_us;
      CrRate rate = probe->timecode.format.rate;

      result->has_timecode = TRUE;
      result->timecode_format = probe->timecode.format;
      if (probe->timecode.source == CR_TIMECODE_SOURCE_BWF && reference >= 0)
        result->timecode_frames = av_rescale_rnd (reference, rate.num,
                                                  (gint64) probe->recorder.time_reference_rate * rate.den,
                                                  AV_ROUND_DOWN);
      else
        result->timecode_frames = probe->timecode.frames + cr_usec_to_frames (first, rate);
      timecode = cr_timecode_to_string (result->timecode_frames, &result->timecode_format);
      av_dict_set (&job.oc->metadata, "timecode", timecode, 0);
    }

  /* A Broadcast WAV keeps its bext chunk, its time reference moved to the extract's first
   * sample: without it the extract has no timecode. */
  if (g_strcmp0 (job.oc->oformat->name, "wav") == 0 && reference >= 0)
    {
      av_dict_copy (&job.oc->metadata, job.ic->metadata, AV_DICT_DONT_OVERWRITE);
      av_dict_set_int (&job.oc->metadata, "time_reference", reference, 0);
      av_dict_set (&muxer_options, "write_bext", "1", 0);
    }
  /* And its iXML (scene, take, track names, the timecode rate), which FFmpeg does not write:
   * added after the muxer is done, its copies of the time reference moved too. */
  if (g_strcmp0 (job.oc->oformat->name, "wav") == 0 && g_str_equal (job.ic->iformat->name, "wav") &&
      cr_bwf_read (path, &bwf, NULL) && bwf.ixml != NULL)
    ixml = reference >= 0 ? cr_bwf_ixml_at_reference (bwf.ixml, reference) : g_bytes_ref (bwf.ixml);

  if ((ret = avformat_write_header (job.oc, &muxer_options)) < 0)
    {
      /* What muxers say when they refuse a stream, PATCHWELCOME a codec they do not write yet. */
      if (ret == AVERROR (EINVAL) || ret == AVERROR (ENOSYS) || ret == AVERROR_PATCHWELCOME)
        return refuse_container (&job, out_path, error);
      return ret == AVERROR (ENOSPC) || ret == AVERROR (EIO) || ret == AVERROR (EDQUOT)
             ? fail_output (&job, error, ret, "cannot start the new file")
             : fail (&job, error, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot start the new file");
    }
  if (!run (&job, pending, error))
    return FALSE;
  if (!options->reencode && job.lead->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
      job.real_out_abs_us > job.out_abs_us)
    {
      AVRational rate = job.lead->r_frame_rate.num > 0 ? job.lead->r_frame_rate : job.lead->avg_frame_rate;
      gint64 past = rate.num > 0 && rate.den > 0
                    ? av_rescale_rnd (job.real_out_abs_us - job.out_abs_us, rate.num,
                                      (gint64) rate.den * G_USEC_PER_SEC, AV_ROUND_NEAR_INF)
                    : 0;

      if (past > 0)
        note (&job, "the copied picture runs %" G_GINT64_FORMAT " frame%s past the out point, to %" G_GINT64_FORMAT
              ".%06" G_GINT64_FORMAT " s: a copy ends where the pictures it needs end (--reencode cuts there "
              "exactly)",
              past, past == 1 ? "" : "s", (job.real_out_abs_us - job.origin_us) / G_USEC_PER_SEC,
              (job.real_out_abs_us - job.origin_us) % G_USEC_PER_SEC);
    }
  if ((ret = av_write_trailer (job.oc)) < 0 || (ret = avio_closep (&job.oc->pb)) < 0)
    return fail_output (&job, error, ret, "cannot finish the new file");
  if (ixml != NULL && !cr_bwf_append_ixml (cr_output_get_temp_path (job.output), ixml, error))
    return FALSE;
  {
    g_autoptr(GError) local_error = NULL;

    if (!cr_output_commit (job.output, &local_error))
      {
        g_set_error_literal (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, local_error->message);
        return FALSE;
      }
  }

  result->in_us = job.real_in_abs_us - job.origin_us;
  result->out_us = job.real_out_abs_us - job.origin_us;
  if (job.notes->len > 0)
    {
      g_ptr_array_add (job.notes, NULL);
      result->notes = (char **) g_ptr_array_steal (job.notes, NULL);
    }
  cr_extract_result_clear (&local);
  return TRUE;
}
