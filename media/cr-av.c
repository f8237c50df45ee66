/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <libavutil/display.h>

#include "cr-av-private.h"

/* Bounds for the files whose header is not enough (MPEG-TS, raw streams, some AVI). */
#define INFO_PROBESIZE    (2 * 1024 * 1024)
#define INFO_ANALYZE_US   (3 * G_USEC_PER_SEC)

static int
interrupt_cb (void *opaque)
{
  CrAvInterrupt *irq = opaque;

  if (g_cancellable_is_cancelled (irq->cancellable))
    return 1;
  if (irq->deadline != 0 && g_get_monotonic_time () > irq->deadline)
    {
      irq->timed_out = TRUE;
      return 1;
    }
  return 0;
}

AVIOInterruptCB
cr_av_interrupt_callback (CrAvInterrupt *irq)
{
  AVIOInterruptCB cb = { interrupt_cb, irq };

  return cb;
}

void
cr_av_interrupt_init (CrAvInterrupt *irq,
                      GCancellable  *cancellable,
                      gint64         timeout_us)
{
  irq->cancellable = cancellable;
  irq->deadline = timeout_us > 0 ? g_get_monotonic_time () + timeout_us : 0;
  irq->timed_out = FALSE;
}

gboolean
cr_av_interrupted (CrAvInterrupt  *irq,
                   const char     *path,
                   GError        **error)
{
  if (irq == NULL || !interrupt_cb (irq))
    return FALSE;
  cr_av_set_error (error, irq, path, AVERROR_EXIT, CR_MEDIA_ERROR_FAILED, NULL);
  return TRUE;
}

void
cr_av_set_error (GError        **error,
                 CrAvInterrupt  *irq,
                 const char     *path,
                 int             averr,
                 CrMediaError    code,
                 const char     *what)
{
  g_autofree char *name = g_filename_display_name (path);
  char reason[AV_ERROR_MAX_STRING_SIZE] = "";

  if (irq != NULL && g_cancellable_is_cancelled (irq->cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s: cancelled", name);
      return;
    }
  if (irq != NULL && irq->timed_out)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_TIMEOUT,
                   "%s: gave up, the file took too long to read", name);
      return;
    }

  switch (averr)
    {
    case AVERROR (ENOENT):
    case AVERROR (EACCES):
    case AVERROR (EPERM):
    case AVERROR (EIO):
    case AVERROR (EISDIR):
    case AVERROR (ENOSPC):
    case AVERROR (EROFS):
      code = CR_MEDIA_ERROR_IO;
      break;
    case AVERROR_DECODER_NOT_FOUND:
    case AVERROR_ENCODER_NOT_FOUND:
    case AVERROR_DEMUXER_NOT_FOUND:
    case AVERROR_MUXER_NOT_FOUND:
    case AVERROR_PATCHWELCOME:
      code = CR_MEDIA_ERROR_UNSUPPORTED;
      break;
    default:
      break;
    }
  av_strerror (averr, reason, sizeof reason);
  /* Said the way every other output says it. */
  if (averr == AVERROR (ENOSPC) || averr == AVERROR (EDQUOT))
    g_strlcpy (reason, "the disk is full", sizeof reason);
  if (what != NULL)
    g_set_error (error, CR_MEDIA_ERROR, code, "%s: %s (%s)", name, what, reason);
  else
    g_set_error (error, CR_MEDIA_ERROR, code, "%s: %s", name, reason);
}

/* FFmpeg's messages go to GLib's log as debug output: a file it complains about is
 * reported once, through the GError. */
static void
log_cb (void       *avcl,
        int         level,
        const char *fmt,
        va_list     args)
{
  g_autofree char *line = NULL;

  if (level > AV_LOG_WARNING)
    return;
  line = g_strdup_vprintf (fmt, args);
  g_debug ("FFmpeg: %s", g_strchomp (line));
}

void
cr_av_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      av_log_set_callback (log_cb);
      g_once_init_leave (&done, 1);
    }
}

AVFormatContext *
cr_av_open_input (const char     *path,
                  CrAvInterrupt  *irq,
                  const guint8   *head,
                  gsize           head_len,
                  AVDictionary  **options,
                  GError        **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *url = NULL;
  const AVInputFormat *fmt = NULL;
  AVFormatContext *ic;
  GStatBuf st;
  int ret;

  cr_av_init ();
  /* "take:1.mov" would name a protocol: say it is a file. */
  url = g_strconcat ("file:", path, NULL);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: %s", name, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: is a folder, not a file", name);
      return NULL;
    }
  /* A pipe or a device could block open() itself, where no interrupt callback reaches. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: not a regular file", name);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA, "%s: empty file", name);
      return NULL;
    }

  if (head != NULL && head_len > 0)
    {
      AVProbeData pd = { path, (unsigned char *) head, (int) head_len, NULL };
      int score = 0;

      /* As FFmpeg does: 2 KiB first, more only while no format is sure (some probes scan
       * all they are given, and there are hundreds of them). */
      for (gsize size = MIN (head_len, 2048);; size = MIN (size * 2, head_len))
        {
          pd.buf_size = (int) size;
          score = 0;
          fmt = av_probe_input_format3 (&pd, 1, &score);
          if ((fmt != NULL && score > AVPROBE_SCORE_RETRY) || size == head_len)
            break;
        }
      if (fmt != NULL && score < AVPROBE_SCORE_RETRY)
        fmt = NULL;  /* a weak guess: let FFmpeg look further into the file */
      if (fmt == NULL && (goffset) head_len >= (goffset) st.st_size && score <= 0)
        {
          g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA,
                       "%s: not a media file (no audio, video or image format matches)", name);
          return NULL;
        }
    }

  ic = avformat_alloc_context ();
  ic->interrupt_callback = cr_av_interrupt_callback (irq);
  ret = avformat_open_input (&ic, url, fmt, options);
  if (ret < 0)
    {
      if (ret == AVERROR_INVALIDDATA && fmt == NULL)
        g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA,
                     "%s: not a media file (no audio, video or image format matches)", name);
      else if (ret == AVERROR_INVALIDDATA || ret == AVERROR_EOF)
        {
          g_autofree char *what = g_strdup_printf ("truncated or damaged %s file", fmt->long_name);
          cr_av_set_error (error, irq, path, ret, CR_MEDIA_ERROR_DAMAGED, what);
        }
      else
        cr_av_set_error (error, irq, path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot open");
      return NULL;
    }
  return ic;
}

/* Whether the header alone says what each stream is. */
gboolean
cr_av_header_is_enough (AVFormatContext *ic)
{
  gboolean known_duration = ic->duration != AV_NOPTS_VALUE;

  if (ic->ctx_flags & AVFMTCTX_NOHEADER || ic->nb_streams == 0)
    return FALSE;
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVStream *st = ic->streams[i];
      AVCodecParameters *par = st->codecpar;

      if (st->duration != AV_NOPTS_VALUE)
        known_duration = TRUE;
      if (par->codec_type == AVMEDIA_TYPE_VIDEO
          && (par->codec_id == AV_CODEC_ID_NONE || par->width <= 0 || par->height <= 0
              || (st->avg_frame_rate.num <= 0 && st->r_frame_rate.num <= 0)))
        return FALSE;
      if (par->codec_type == AVMEDIA_TYPE_AUDIO
          && (par->codec_id == AV_CODEC_ID_NONE || par->sample_rate <= 0
              || par->ch_layout.nb_channels <= 0))
        return FALSE;
    }
  return known_duration;
}

gboolean
cr_av_find_stream_info (AVFormatContext  *ic,
                        CrAvInterrupt    *irq,
                        const char       *path,
                        GError          **error)
{
  int ret;

  /* Bounded: MPEG-TS and raw streams need a look at packets, not at the whole file. */
  ic->probesize = INFO_PROBESIZE;
  ic->max_analyze_duration = INFO_ANALYZE_US;
  ret = avformat_find_stream_info (ic, NULL);
  if (ret < 0)
    {
      cr_av_set_error (error, irq, path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot read the streams");
      return FALSE;
    }
  return TRUE;
}

AVCodecContext *
cr_av_open_decoder (AVStream    *stream,
                    int          threads,
                    const char  *path,
                    GError     **error)
{
  const AVCodec *codec = avcodec_find_decoder (stream->codecpar->codec_id);
  g_autoptr(AVCodecContext) ctx = NULL;
  int ret;

  if (codec == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "%s: no decoder for %s in this FFmpeg", name,
                   avcodec_get_name (stream->codecpar->codec_id));
      return NULL;
    }
  ctx = avcodec_alloc_context3 (codec);
  if ((ret = avcodec_parameters_to_context (ctx, stream->codecpar)) < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "cannot set up the decoder");
      return NULL;
    }
  ctx->pkt_timebase = stream->time_base;
  ctx->thread_count = threads;
  if ((ret = avcodec_open2 (ctx, codec, NULL)) < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot open the decoder");
      return NULL;
    }
  return g_steal_pointer (&ctx);
}

CrRate
cr_av_snap_rate (AVRational rate)
{
  static const CrRate known[] = {
    { 24000, 1001 }, { 24, 1 }, { 25, 1 }, { 30000, 1001 }, { 30, 1 }, { 48000, 1001 },
    { 48, 1 }, { 50, 1 }, { 60000, 1001 }, { 60, 1 }, { 120000, 1001 }, { 120, 1 },
  };
  CrRate out = { 0, 0 };
  double value;

  if (rate.num <= 0 || rate.den <= 0)
    return out;
  value = av_q2d (rate);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      double k = (double) known[i].num / known[i].den;
      /* 29.97 stored as 2997/100 is 30000/1001 to within 0.01 %. */
      if (fabs (value - k) / k < 0.0002)
        return known[i];
    }
  av_reduce (&out.num, &out.den, rate.num, rate.den, INT_MAX);
  return out;
}

int
cr_av_stream_rotation (AVStream *stream)
{
  size_t size = 0;
  const guint8 *matrix = av_stream_get_side_data (stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
  double theta;
  int degrees;

  if (matrix == NULL || size < 9 * sizeof (int32_t))
    return 0;
  theta = -av_display_rotation_get ((const int32_t *) matrix);
  if (isnan (theta))
    return 0;
  degrees = (int) lround (theta / 90.0) * 90;
  degrees %= 360;
  if (degrees < 0)
    degrees += 360;
  return degrees;
}

gboolean
cr_av_write_file (const char  *out_path,
                  GBytes      *bytes,
                  int          mode,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  /* CONSISTENT: a temp file in the same folder, renamed into place; removed on failure. */
  if (!g_file_set_contents_full (out_path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, mode,
                                 &local_error))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

gint64
cr_av_usec_to_ts (gint64     usec,
                  AVRational time_base)
{
  /* Half a microsecond up first: a frame's time rounded down to whole microseconds must
   * still land on that frame, not the one before. */
  return av_rescale_q_rnd (2 * usec + 1, (AVRational) { 1, 2 * AV_TIME_BASE }, time_base, AV_ROUND_DOWN);
}

gboolean
cr_av_seek_before (AVFormatContext *ic,
                   AVStream        *st,
                   gint64           start,
                   gint64           target,
                   int              attempt)
{
  gint64 second = av_rescale_q (G_USEC_PER_SEC, AV_TIME_BASE_Q, st->time_base);
  gint64 back = attempt == 0 ? 0 : second << MIN (2 * (attempt - 1), 40);
  gint64 seek_to = MAX (target - back, start);
  gboolean last = seek_to <= start;

  /* Streams without an index (MPEG-TS, MPEG-PS) can land late even when asked for their
   * start: read those from byte 0. Others need their header, so seek by time. */
  if (last && (ic->iformat->flags & AVFMT_TS_DISCONT))
    avformat_seek_file (ic, -1, 0, 0, 0, AVSEEK_FLAG_BYTE);
  else if (avformat_seek_file (ic, st->index, G_MININT64, seek_to, seek_to, 0) < 0)
    av_seek_frame (ic, st->index, seek_to, AVSEEK_FLAG_BACKWARD);
  return last;
}
