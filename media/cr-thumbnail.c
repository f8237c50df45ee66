/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libavutil/channel_layout.h>
#include <libavutil/crc.h>
#include <libavutil/imgutils.h>
#include <libswresample/swresample.h>

#include "cr-av-private.h"
#include "cr-output.h"
#include "cr-thumbnail.h"

#define DEFAULT_SIZE     256
#define TIMEOUT_US       (30 * G_USEC_PER_SEC)
/* Longer than this, a waveform samples one packet per column instead of reading it all. */
#define WAVEFORM_READ_ALL_US (10 * 60 * G_USEC_PER_SEC)

/* Pictures are RGB24, rows packed. */
typedef struct
{
  int     width;
  int     height;
  guint8 *rgb;
} Image;

static void
image_clear (Image *img)
{
  g_clear_pointer (&img->rgb, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

static void
image_free (gpointer data)
{
  image_clear (data);
  g_free (data);
}

/* One open file and a decoder for the stream we draw from. */
typedef struct
{
  const char      *path;
  CrAvInterrupt    irq;
  AVFormatContext *ic;
  AVCodecContext  *dec;
  AVStream        *st;
  gint64           start;     /* the stream's first timestamp, in its time base */
  gint64           duration;  /* microseconds, -1 unknown */
} Source;

static void
source_clear (Source *src)
{
  avcodec_free_context (&src->dec);
  avformat_close_input (&src->ic);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static AVStream *
find_stream (AVFormatContext  *ic,
             enum AVMediaType  type)
{
  int best = av_find_best_stream (ic, type, -1, -1, NULL, 0);

  if (best >= 0 && !(ic->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC))
    return ic->streams[best];
  /* Cover art is not the clip's picture. */
  for (unsigned i = 0; i < ic->nb_streams; i++)
    if (ic->streams[i]->codecpar->codec_type == type
        && !(ic->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC))
      return ic->streams[i];
  return NULL;
}

static gboolean
source_open (Source         *src,
             const char     *path,
             GCancellable   *cancellable,
             GError        **error)
{
  src->path = path;
  cr_av_interrupt_init (&src->irq, cancellable, TIMEOUT_US);
  src->ic = cr_av_open_input (path, &src->irq, NULL, 0, NULL, error);
  if (src->ic == NULL)
    return FALSE;
  if (!cr_av_header_is_enough (src->ic) && !cr_av_find_stream_info (src->ic, &src->irq, path, error))
    return FALSE;
  return TRUE;
}

/* Picks the stream, opens its decoder and asks the demuxer for nothing else. */
static gboolean
source_use (Source            *src,
            enum AVMediaType   type,
            GError           **error)
{
  src->st = find_stream (src->ic, type);
  if (src->st == NULL)
    {
      g_autofree char *name = g_filename_display_name (src->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM, "%s: no %s stream", name,
                   type == AVMEDIA_TYPE_VIDEO ? "picture" : "sound");
      return FALSE;
    }
  for (unsigned i = 0; i < src->ic->nb_streams; i++)
    if (src->ic->streams[i] != src->st)
      src->ic->streams[i]->discard = AVDISCARD_ALL;
  /* One thread: frame threads would hold back the frame we want behind several others. */
  src->dec = cr_av_open_decoder (src->st, 1, src->path, error);
  if (src->dec == NULL)
    return FALSE;
  src->start = src->st->start_time != AV_NOPTS_VALUE ? src->st->start_time : 0;
  if (src->ic->duration != AV_NOPTS_VALUE)
    src->duration = src->ic->duration;
  else if (src->st->duration != AV_NOPTS_VALUE)
    src->duration = av_rescale_q (src->st->duration, src->st->time_base, AV_TIME_BASE_Q);
  else
    src->duration = -1;
  return TRUE;
}

static gint64
to_stream_ts (Source *src,
              gint64  at_us)
{
  return src->start + cr_av_usec_to_ts (at_us, src->st->time_base);
}

/* Keeps the frame shown at `target`: the last whose time is not after it. Returns TRUE when
 * no later frame can change the answer. */
static gboolean
keep_frame (AVFrame  *frame,
            AVFrame **best,
            gint64    target)
{
  gint64 pts = frame->best_effort_timestamp;

  if (*best == NULL || pts == AV_NOPTS_VALUE || pts <= target)
    {
      if (*best == NULL)
        *best = av_frame_alloc ();
      av_frame_unref (*best);
      av_frame_move_ref (*best, frame);
    }
  else
    av_frame_unref (frame);
  return pts != AV_NOPTS_VALUE && pts >= target;
}

/* Decodes from where the demuxer stands to the frame shown at `target`. */
static AVFrame *
decode_forward (Source  *src,
                gint64   target,
                GError **error)
{
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  AVFrame *best = NULL;
  gboolean done = FALSE, eof = FALSE;
  int ret = 0;

  avcodec_flush_buffers (src->dec);
  while (!done)
    {
      if (cr_av_interrupted (&src->irq, src->path, error))
        {
          av_frame_free (&best);
          return NULL;
        }
      if (!eof)
        {
          ret = av_read_frame (src->ic, pkt);
          if (ret == AVERROR_EXIT)
            {
              cr_av_set_error (error, &src->irq, src->path, ret, CR_MEDIA_ERROR_DAMAGED, NULL);
              av_frame_free (&best);
              return NULL;
            }
          if (ret < 0)
            {
              eof = TRUE;
              avcodec_send_packet (src->dec, NULL);
            }
          else
            {
              if (pkt->stream_index == src->st->index)
                avcodec_send_packet (src->dec, pkt);  /* a bad packet is skipped, not fatal */
              av_packet_unref (pkt);
            }
        }
      while (!done && (ret = avcodec_receive_frame (src->dec, frame)) >= 0)
        done = keep_frame (frame, &best, target);
      if (ret == AVERROR_EOF)
        break;
    }
  if (best == NULL)
    {
      g_autofree char *name = g_filename_display_name (src->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED, "%s: no frame could be decoded", name);
    }
  return best;
}

/* Seeks to the keyframe at or before `target` (stream time base), then decodes forward. A
 * container without an index (MPEG-TS) can land past the target: then it seeks earlier. */
static AVFrame *
decode_at (Source  *src,
           gint64   target,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  for (int attempt = 0;; attempt++)
    {
      gboolean last = cr_av_seek_before (src->ic, src->st, src->start, target, attempt);
      AVFrame *frame = decode_forward (src, target, last ? error : &local_error);

      if (last || (frame != NULL && (frame->best_effort_timestamp == AV_NOPTS_VALUE
                                     || frame->best_effort_timestamp <= target)))
        return frame;
      /* Landed past the target, or at the end with nothing whole to decode: go earlier. */
      if (local_error != NULL && !g_error_matches (local_error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);
      av_frame_free (&frame);
    }
}

/* The largest size of aspect w:h that fits in box_w × box_h, never larger than w × h. */
static void
fit (int  w,
     int  h,
     int  box_w,
     int  box_h,
     int *out_w,
     int *out_h)
{
  if (w <= box_w && h <= box_h)
    {
      *out_w = w;
      *out_h = h;
    }
  else if ((gint64) w * box_h > (gint64) h * box_w)
    {
      *out_w = box_w;
      *out_h = (int) (((gint64) h * box_w + w / 2) / w);
    }
  else
    {
      *out_h = box_h;
      *out_w = (int) (((gint64) w * box_h + h / 2) / h);
    }
  *out_w = MAX (*out_w, 1);
  *out_h = MAX (*out_h, 1);
}

static void
rotate (Image *img,
        int    degrees)
{
  int w = img->width, h = img->height;
  gboolean swap = degrees == 90 || degrees == 270;
  guint8 *out;

  if (degrees == 0)
    return;
  out = g_malloc ((gsize) w * h * 3);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int nx, ny, nw = swap ? h : w;
        if (degrees == 90)
          nx = h - 1 - y, ny = x;
        else if (degrees == 180)
          nx = w - 1 - x, ny = h - 1 - y;
        else
          nx = y, ny = w - 1 - x;
        memcpy (out + ((gsize) ny * nw + nx) * 3, img->rgb + ((gsize) y * w + x) * 3, 3);
      }
  g_free (img->rgb);
  img->rgb = out;
  if (swap)
    {
      img->width = h;
      img->height = w;
    }
}

/* Scales a decoded frame to its display aspect (sample aspect ratio and rotation) within the
 * box, as RGB. */
static gboolean
frame_to_image (Source   *src,
                AVFrame  *frame,
                int       box_w,
                int       box_h,
                Image    *out,
                GError  **error)
{
  AVRational sar = av_guess_sample_aspect_ratio (src->ic, src->st, frame);
  int rotation = cr_av_stream_rotation (src->st);
  gboolean swap = rotation == 90 || rotation == 270;
  int disp_w = frame->width, disp_h = frame->height;
  int w, h, sw, sh;
  g_autoptr(CrSwsContext) sws = NULL;
  guint8 *dst[4] = { NULL };
  int dst_stride[4] = { 0 };

  if (sar.num > 0 && sar.den > 0)
    disp_w = (int) av_rescale (frame->width, sar.num, sar.den);
  fit (swap ? disp_h : disp_w, swap ? disp_w : disp_h, box_w, box_h, &w, &h);
  sw = swap ? h : w;
  sh = swap ? w : h;

  sws = sws_getContext (frame->width, frame->height, frame->format, sw, sh, AV_PIX_FMT_RGB24,
                        SWS_BICUBIC, NULL, NULL, NULL);
  if (sws == NULL)
    {
      g_autofree char *name = g_filename_display_name (src->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "%s: cannot convert %s pictures", name,
                   av_get_pix_fmt_name (frame->format) ? av_get_pix_fmt_name (frame->format) : "these");
      return FALSE;
    }
  out->width = sw;
  out->height = sh;
  out->rgb = g_malloc ((gsize) sw * sh * 3);
  dst[0] = out->rgb;
  dst_stride[0] = sw * 3;
  sws_scale (sws, (const guint8 *const *) frame->data, frame->linesize, 0, frame->height,
             dst, dst_stride);
  rotate (out, rotation);
  return TRUE;
}

/* PNG ----------------------------------------------------------------------------------- */

static GBytes *
encode_png (const Image *img,
            const char  *path,
            GError     **error)
{
  const AVCodec *codec = avcodec_find_encoder (AV_CODEC_ID_PNG);
  g_autoptr(AVCodecContext) ctx = NULL;
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  int ret;

  if (codec == NULL)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED, "this FFmpeg has no PNG encoder");
      return NULL;
    }
  ctx = avcodec_alloc_context3 (codec);
  ctx->width = img->width;
  ctx->height = img->height;
  ctx->pix_fmt = AV_PIX_FMT_RGB24;
  ctx->time_base = (AVRational) { 1, 25 };
  /* Half of a thumbnail's time went to zlib at its default level; level 2 costs a few
   * percent in size. */
  ctx->compression_level = 2;
  frame->format = AV_PIX_FMT_RGB24;
  frame->width = img->width;
  frame->height = img->height;
  if ((ret = avcodec_open2 (ctx, codec, NULL)) < 0
      || (ret = av_image_fill_arrays (frame->data, frame->linesize, img->rgb, AV_PIX_FMT_RGB24,
                                      img->width, img->height, 1)) < 0
      || (ret = avcodec_send_frame (ctx, frame)) < 0
      || (ret = avcodec_receive_packet (ctx, pkt)) < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "cannot encode the PNG");
      return NULL;
    }
  return g_bytes_new (pkt->data, pkt->size);
}

static void
append_be32 (GByteArray *out,
             guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (out, b, 4);
}

/* Inserts tEXt chunks (key, value, key, value, …, NULL) right after IHDR, where the
 * Thumbnail Managing Standard readers look for them. */
static GBytes *
png_add_text (GBytes            *png,
              const char *const *pairs)
{
  /* 8-byte signature, then IHDR: length, type, 13 bytes, CRC. */
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;
  const AVCRC *table = av_crc_get_table (AV_CRC_32_IEEE_LE);
  gsize len;
  const guint8 *data = g_bytes_get_data (png, &len);
  GByteArray *out = g_byte_array_sized_new (len + 256);

  g_return_val_if_fail (len > ihdr_end && memcmp (data + 12, "IHDR", 4) == 0, NULL);
  g_byte_array_append (out, data, ihdr_end);
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      gsize klen = strlen (pairs[i]), vlen = strlen (pairs[i + 1]);
      gsize start;
      guint32 crc;

      append_be32 (out, klen + 1 + vlen);
      start = out->len;
      g_byte_array_append (out, (const guint8 *) "tEXt", 4);
      g_byte_array_append (out, (const guint8 *) pairs[i], klen + 1);
      g_byte_array_append (out, (const guint8 *) pairs[i + 1], vlen);
      /* PNG's CRC is CRC-32 over the type and the data. */
      crc = av_crc (table, UINT32_MAX, out->data + start, out->len - start) ^ UINT32_MAX;
      append_be32 (out, crc);
    }
  g_byte_array_append (out, data + ihdr_end, len - ihdr_end);
  return g_byte_array_free_to_bytes (out);
}

/* Waveform ------------------------------------------------------------------------------ */

typedef struct
{
  SwrContext *swr;
  float      *peaks;
  int         columns;
  float      *buf;
  int         buf_samples;
} Peaks;

static void
add_frame_peaks (Source  *src,
                 Peaks   *p,
                 AVFrame *frame,
                 int      column)
{
  int channels = frame->ch_layout.nb_channels;
  int n;
  gint64 pts = frame->best_effort_timestamp;

  if (frame->nb_samples > p->buf_samples)
    {
      p->buf_samples = frame->nb_samples;
      p->buf = g_renew (float, p->buf, (gsize) p->buf_samples * channels);
    }
  n = swr_convert (p->swr, (guint8 **) &p->buf, p->buf_samples,
                   (const guint8 **) frame->extended_data, frame->nb_samples);
  for (int i = 0; i < n; i++)
    {
      int col = column;
      if (col < 0 && src->duration > 0 && pts != AV_NOPTS_VALUE)
        {
          gint64 at = av_rescale_q (pts - src->start, src->st->time_base, AV_TIME_BASE_Q)
                      + (gint64) i * G_USEC_PER_SEC / frame->sample_rate;
          col = (int) CLAMP (at * p->columns / src->duration, 0, p->columns - 1);
        }
      if (col < 0)
        col = 0;
      for (int c = 0; c < channels; c++)
        p->peaks[col] = MAX (p->peaks[col], fabsf (p->buf[i * channels + c]));
    }
}

/* Decodes packets until one frame comes out (column >= 0) or to the end (column < 0). */
static gboolean
read_peaks (Source  *src,
            Peaks   *p,
            int      column,
            GError **error)
{
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  int ret;

  while ((ret = av_read_frame (src->ic, pkt)) >= 0)
    {
      gboolean got = FALSE;

      if (cr_av_interrupted (&src->irq, src->path, error))
        return FALSE;
      if (pkt->stream_index == src->st->index)
        avcodec_send_packet (src->dec, pkt);
      av_packet_unref (pkt);
      while (avcodec_receive_frame (src->dec, frame) >= 0)
        {
          if (p->swr == NULL)
            {
              swr_alloc_set_opts2 (&p->swr, &frame->ch_layout, AV_SAMPLE_FMT_FLT, frame->sample_rate,
                                   &frame->ch_layout, frame->format, frame->sample_rate, 0, NULL);
              if (p->swr == NULL || swr_init (p->swr) < 0)
                {
                  g_autofree char *name = g_filename_display_name (src->path);
                  g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                               "%s: cannot read its sound for a waveform", name);
                  return FALSE;
                }
            }
          add_frame_peaks (src, p, frame, column);
          av_frame_unref (frame);
          got = TRUE;
        }
      if (got && column >= 0)
        return TRUE;
    }
  if (ret == AVERROR_EXIT)
    {
      cr_av_set_error (error, &src->irq, src->path, ret, CR_MEDIA_ERROR_DAMAGED, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render_waveform (Source  *src,
                 int      width,
                 int      height,
                 Image   *out,
                 GError **error)
{
  static const guint8 background[3] = { 0x24, 0x24, 0x28 };
  static const guint8 wave[3] = { 0x8c, 0xc8, 0xff };
  Peaks p = { NULL, g_new0 (float, width), width, NULL, 0 };
  gboolean ok = TRUE;
  int mid = height / 2;

  if (src->duration > 0 && src->duration <= WAVEFORM_READ_ALL_US)
    ok = read_peaks (src, &p, -1, error);
  else
    /* Long recordings: one packet per column is enough for an overview. */
    for (int x = 0; ok && x < width; x++)
      {
        gint64 ts = to_stream_ts (src, src->duration > 0 ? src->duration * x / width : 0);
        avformat_seek_file (src->ic, src->st->index, G_MININT64, ts, ts, 0);
        avcodec_flush_buffers (src->dec);
        ok = read_peaks (src, &p, x, error);
      }

  if (ok)
    {
      out->width = width;
      out->height = height;
      out->rgb = g_malloc ((gsize) width * height * 3);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            int reach = (int) (MIN (p.peaks[x], 1.0f) * (height / 2 - 1) + 0.5f);
            gboolean on = y == mid || ABS (y - mid) <= reach;
            memcpy (out->rgb + ((gsize) y * width + x) * 3, on ? wave : background, 3);
          }
    }
  swr_free (&p.swr);
  g_free (p.peaks);
  g_free (p.buf);
  return ok;
}

/* Public -------------------------------------------------------------------------------- */

static gboolean
render_image (const char                *path,
              const CrThumbnailOptions  *options,
              gint64                    *out_frame_us,
              GCancellable              *cancellable,
              Image                     *img,
              GError                   **error)
{
  g_auto(Source) src = { 0 };
  g_autoptr(GError) local_error = NULL;
  int size = options != NULL && options->max_size > 0 ? options->max_size : DEFAULT_SIZE;
  gint64 at = options != NULL ? options->at_us : CR_THUMBNAIL_DEFAULT_TIME;
  AVFrame *frame;
  gboolean ok;

  if (out_frame_us != NULL)
    *out_frame_us = -1;
  if (!source_open (&src, path, cancellable, error))
    return FALSE;
  if (!source_use (&src, AVMEDIA_TYPE_VIDEO, &local_error))
    {
      if (!g_error_matches (local_error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* No picture: draw the sound. */
      return source_use (&src, AVMEDIA_TYPE_AUDIO, error)
             && render_waveform (&src, size, size / 2, img, error);
    }

  if (at == CR_THUMBNAIL_DEFAULT_TIME)
    at = src.duration > 0 ? src.duration / 10 : 0;
  if (at < 0)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "%s: a time before the clip's start", name);
      return FALSE;
    }
  frame = decode_at (&src, to_stream_ts (&src, at), error);
  if (frame == NULL)
    return FALSE;
  if (out_frame_us != NULL && frame->best_effort_timestamp != AV_NOPTS_VALUE)
    *out_frame_us = av_rescale_q (frame->best_effort_timestamp - src.start, src.st->time_base,
                                  AV_TIME_BASE_Q);
  ok = frame_to_image (&src, frame, size, size, img, error);
  av_frame_free (&frame);
  return ok;
}

GBytes *
cr_thumbnail_render (const char                *path,
                     const CrThumbnailOptions  *options,
                     gint64                    *out_frame_us,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  g_auto(Image) img = { 0 };

  if (!render_image (path, options, out_frame_us, cancellable, &img, error))
    return NULL;
  return encode_png (&img, path, error);
}

gboolean
cr_thumbnail_save (const char                *path,
                   const CrThumbnailOptions  *options,
                   const char                *out_png,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autoptr(GBytes) png = cr_thumbnail_render (path, options, NULL, cancellable, error);
  g_autoptr(GError) local_error = NULL;

  if (png == NULL)
    return FALSE;
  if (!cr_output_write_file (out_png, g_bytes_get_data (png, NULL), g_bytes_get_size (png), 0666,
                             &local_error))
    {
      g_set_error_literal (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}

GBytes *
cr_thumbnail_render_strip (const char    *path,
                           int            count,
                           int            height,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(Source) src = { 0 };
  g_auto(Image) strip = { 0 };
  g_autoptr(GPtrArray) frames = NULL;
  g_autoptr(GError) local_error = NULL;
  int x = 0;

  if (count <= 0 || height <= 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "a strip needs at least one frame and one pixel of height");
      return NULL;
    }
  if (!source_open (&src, path, cancellable, error))
    return NULL;
  if (!source_use (&src, AVMEDIA_TYPE_VIDEO, &local_error))
    {
      if (!g_error_matches (local_error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* No picture: a waveform as long as a strip of 16:9 frames would be. */
      if (!source_use (&src, AVMEDIA_TYPE_AUDIO, error)
          || !render_waveform (&src, count * height * 16 / 9, height, &strip, error))
        return NULL;
      return encode_png (&strip, path, error);
    }

  frames = g_ptr_array_new_with_free_func (image_free);
  for (int i = 0; i < count; i++)
    {
      /* The middle of each of `count` equal parts. */
      gint64 at = src.duration > 0 ? src.duration * (2 * i + 1) / (2 * count) : 0;
      AVFrame *frame = decode_at (&src, to_stream_ts (&src, at), error);
      Image *img;
      gboolean ok;

      if (frame == NULL)
        return NULL;
      img = g_new0 (Image, 1);
      g_ptr_array_add (frames, img);
      ok = frame_to_image (&src, frame, height * 16, height, img, error);
      av_frame_free (&frame);
      if (!ok)
        return NULL;
      strip.width += img->width;
      strip.height = MAX (strip.height, img->height);
    }

  strip.rgb = g_malloc0 ((gsize) strip.width * strip.height * 3);
  for (guint i = 0; i < frames->len; i++)
    {
      Image *img = g_ptr_array_index (frames, i);
      for (int y = 0; y < img->height; y++)
        memcpy (strip.rgb + ((gsize) y * strip.width + x) * 3, img->rgb + (gsize) y * img->width * 3,
                (gsize) img->width * 3);
      x += img->width;
    }
  return encode_png (&strip, path, error);
}

static char *
file_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  return g_filename_to_uri (absolute, NULL, NULL);
}

char *
cr_thumbnail_cache_path (const char      *path,
                         CrThumbnailSize  size)
{
  g_autofree char *uri = file_uri (path);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  g_autofree char *name = g_strconcat (md5, ".png", NULL);

  const char *folder = size <= CR_THUMBNAIL_NORMAL ? "normal"
                       : size <= CR_THUMBNAIL_LARGE ? "large"
                       : size <= CR_THUMBNAIL_X_LARGE ? "x-large" : "xx-large";

  return g_build_filename (g_get_user_cache_dir (), "thumbnails", folder, name, NULL);
}

/* The value of a tEXt chunk in a PNG file, or NULL. */
static char *
png_read_text (const char *png_path,
               const char *key)
{
  g_autofree char *data = NULL;
  gsize len, pos = 8, klen = strlen (key);

  if (!g_file_get_contents (png_path, &data, &len, NULL) || len < 8)
    return NULL;
  while (pos + 12 <= len)
    {
      guint32 n = ((guint8) data[pos] << 24) | ((guint8) data[pos + 1] << 16)
                  | ((guint8) data[pos + 2] << 8) | (guint8) data[pos + 3];
      const char *type = data + pos + 4, *body = data + pos + 8;

      if (n > len - pos - 12)
        break;
      if (memcmp (type, "tEXt", 4) == 0 && n > klen && memcmp (body, key, klen) == 0 && body[klen] == '\0')
        return g_strndup (body + klen + 1, n - klen - 1);
      if (memcmp (type, "IDAT", 4) == 0)
        break;
      pos += 12 + n;
    }
  return NULL;
}

/* Thumb::URI and Thumb::MTime as the standard has them, from one stat of the file. */
static gboolean
cache_keys (const char  *path,
            char       **out_uri,
            char       **out_mtime,
            GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: %s", name, g_strerror (saved));
      return FALSE;
    }
  *out_uri = file_uri (path);
  *out_mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_mtime);
  return TRUE;
}

static gboolean
cache_current (const char *cache,
               const char *uri,
               const char *mtime)
{
  g_autofree char *cached_uri = png_read_text (cache, "Thumb::URI");
  g_autofree char *cached_mtime = png_read_text (cache, "Thumb::MTime");

  return g_strcmp0 (cached_uri, uri) == 0 && g_strcmp0 (cached_mtime, mtime) == 0;
}

gboolean
cr_thumbnail_cache_is_current (const char      *path,
                               CrThumbnailSize  size)
{
  g_autofree char *cache = cr_thumbnail_cache_path (path, size);
  g_autofree char *uri = NULL, *mtime = NULL;

  return cache_keys (path, &uri, &mtime, NULL) && cache_current (cache, uri, mtime);
}

char *
cr_thumbnail_cache_write (const char       *path,
                          CrThumbnailSize   size,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autofree char *cache = cr_thumbnail_cache_path (path, size);
  g_autofree char *folder = g_path_get_dirname (cache);
  g_autofree char *uri = NULL, *mtime = NULL;
  g_autoptr(GBytes) png = NULL, tagged = NULL;
  CrThumbnailOptions options = { CR_THUMBNAIL_DEFAULT_TIME, size };

  if (!cache_keys (path, &uri, &mtime, error))
    return NULL;
  /* Up to date already (ours or another program's): nothing to do. */
  if (cache_current (cache, uri, mtime))
    return g_steal_pointer (&cache);

  png = cr_thumbnail_render (path, &options, NULL, cancellable, error);
  if (png == NULL)
    return NULL;
  {
    const char *pairs[] = { "Thumb::URI", uri, "Thumb::MTime", mtime, "Software", "Casereel", NULL };
    tagged = png_add_text (png, pairs);
  }
  /* The standard asks for private folders and files. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (folder);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: %s", name, g_strerror (saved));
      return NULL;
    }
  if (!cr_av_write_file (cache, tagged, 0600, error))
    return NULL;
  return g_steal_pointer (&cache);
}
