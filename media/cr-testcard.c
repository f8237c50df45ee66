/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "cr-av-private.h"
#include "cr-testcard.h"

#define SAMPLE_RATE 48000

/* 5×7 digits and the two separators, one row per byte, high bit on the left. Drawn by
 * hand so that the demo needs no font. */
static const guint8 glyphs[12][7] = {
  { 0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e },  /* 0 */
  { 0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e },
  { 0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f },
  { 0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e },
  { 0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02 },
  { 0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e },
  { 0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e },
  { 0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08 },
  { 0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e },
  { 0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c },  /* 9 */
  { 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x0c, 0x00 },  /* : */
  { 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x04, 0x08 },  /* ; */
};

/* 75% colour bars, BT.601 Y, Cb, Cr. */
static const guint8 bars[7][3] = {
  { 180, 128, 128 }, { 162, 44, 142 }, { 131, 156, 44 }, { 112, 72, 58 },
  { 84, 184, 198 }, { 65, 100, 212 }, { 35, 212, 114 },
};

static void
fill (AVFrame *f,
      int      x0,
      int      y0,
      int      w,
      int      h,
      const guint8 yuv[3])
{
  for (int y = MAX (y0, 0); y < MIN (y0 + h, f->height); y++)
    memset (f->data[0] + (gsize) y * f->linesize[0] + x0, yuv[0], (gsize) MIN (w, f->width - x0));
  for (int y = MAX (y0, 0) / 2; y < MIN (y0 + h, f->height) / 2; y++)
    {
      memset (f->data[1] + (gsize) y * f->linesize[1] + x0 / 2, yuv[1], (gsize) MIN (w, f->width - x0) / 2);
      memset (f->data[2] + (gsize) y * f->linesize[2] + x0 / 2, yuv[2], (gsize) MIN (w, f->width - x0) / 2);
    }
}

/* Draws text of digits, ':' and ';' in white, `scale` pixels per glyph dot. */
static void
draw_text (AVFrame    *f,
           int         x,
           int         y,
           int         scale,
           const char *text)
{
  static const guint8 white[3] = { 235, 128, 128 };

  for (const char *p = text; *p; p++, x += 6 * scale)
    {
      int g = *p == ':' ? 10 : *p == ';' ? 11 : g_ascii_isdigit (*p) ? *p - '0' : -1;

      if (g < 0)
        continue;
      for (int row = 0; row < 7; row++)
        for (int col = 0; col < 5; col++)
          if (glyphs[g][row] & (0x10 >> col))
            fill (f, x + col * scale, y + row * scale, scale, scale, white);
    }
}

/* Draws the frame from row `top` down: the bars above the sweeping block stay as the
 * first frame drew them, so later frames redraw only the block's rows and the band. */
static void
draw_picture (AVFrame              *f,
              const CrTestcardClip *clip,
              gint64                index,
              int                   top,
              const char           *label)
{
  int bar_h = f->height * 2 / 3;
  int band = f->height - bar_h;
  int scale = MAX (band / 14, 1);
  int text_w = (int) strlen (label) * 6 * scale;
  guint8 band_yuv[3] = { 16, 128, 128 };
  static const guint8 grey[3] = { 104, 128, 128 };

  for (int b = 0; b < 7; b++)
    {
      int x0 = b * f->width / 7;
      int x1 = (b + 1) * f->width / 7;
      fill (f, x0 & ~1, top, (x1 - x0 + 1) & ~1, bar_h - top, bars[(b + clip->look) % 7]);
    }
  /* A tinted band, a different hue per clip, under the bars. */
  band_yuv[1] = (guint8) (128 + 40 * sin (clip->look * 1.7));
  band_yuv[2] = (guint8) (128 + 40 * cos (clip->look * 1.7));
  fill (f, 0, bar_h, f->width, band, band_yuv);
  /* A block that sweeps across once a second, so that motion and stutter show. */
  {
    int fps = cr_rate_nominal_fps (clip->format.rate);
    int x = (int) ((index % fps) * (f->width - 16) / MAX (fps - 1, 1)) & ~1;
    fill (f, x, bar_h - 16, 16, 16, grey);
  }
  draw_text (f, (f->width - text_w) / 2, bar_h + (band - 7 * scale) / 2, scale, label);
}

/* One period of the tone: a whole number of hertz repeats every SAMPLE_RATE / gcd samples,
 * so the clip copies it instead of calling sin () for every sample. */
static GArray *
tone_period (int hz)
{
  int a = SAMPLE_RATE, b = MAX (hz, 1);
  GArray *period;

  while (b != 0)
    {
      int r = a % b;
      a = b;
      b = r;
    }
  period = g_array_sized_new (FALSE, FALSE, sizeof (gint16), (guint) (SAMPLE_RATE / a));
  for (int i = 0; i < SAMPLE_RATE / a; i++)
    {
      gint16 s = hz > 0 ? (gint16) (6000 * sin (2 * G_PI * hz * (double) i / SAMPLE_RATE)) : 0;
      g_array_append_val (period, s);
    }
  return period;
}

static void
draw_tone (AVFrame      *f,
           gint64        first_sample,
           const GArray *period)
{
  gint16 *s = (gint16 *) f->data[0];
  const gint16 *p = (const gint16 *) period->data;

  for (int i = 0; i < f->nb_samples; i++)
    s[i] = p[(first_sample + i) % period->len];
}

typedef struct
{
  const char      *path;
  AVFormatContext *oc;
  AVCodecContext  *video;
  AVCodecContext  *audio;
  AVStream        *vs;
  AVStream        *as;
  AVPacket        *packet;
} Writer;

static gboolean
drain (Writer          *w,
       AVCodecContext  *enc,
       AVStream        *st,
       AVFrame         *frame,
       GError         **error)
{
  int ret = avcodec_send_frame (enc, frame);

  while (ret >= 0)
    {
      ret = avcodec_receive_packet (enc, w->packet);
      if (ret == AVERROR (EAGAIN) || ret == AVERROR_EOF)
        return TRUE;
      if (ret < 0)
        break;
      av_packet_rescale_ts (w->packet, enc->time_base, st->time_base);
      w->packet->stream_index = st->index;
      ret = av_interleaved_write_frame (w->oc, w->packet);
    }
  cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_FAILED, "cannot encode the test card");
  return FALSE;
}

static AVCodecContext *
open_video (Writer               *w,
            const CrTestcardClip *clip,
            GError              **error)
{
  /* H.264 as a camera would write it; MPEG-4 Part 2 where FFmpeg was built without x264. */
  const AVCodec *codec = avcodec_find_encoder_by_name ("libx264");
  AVCodecContext *enc;
  AVDictionary *opts = NULL;
  int ret;

  if (codec == NULL)
    codec = avcodec_find_encoder (AV_CODEC_ID_MPEG4);
  enc = avcodec_alloc_context3 (codec);
  enc->width = clip->width;
  enc->height = clip->height;
  enc->pix_fmt = AV_PIX_FMT_YUV420P;
  enc->time_base = (AVRational) { clip->format.rate.den, clip->format.rate.num };
  enc->framerate = (AVRational) { clip->format.rate.num, clip->format.rate.den };
  enc->gop_size = cr_rate_nominal_fps (clip->format.rate);
  enc->max_b_frames = 0;
  enc->thread_count = 1;   /* the demo runs several clips at once instead */
  if (w->oc->oformat->flags & AVFMT_GLOBALHEADER)
    enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  av_dict_set (&opts, "preset", "ultrafast", 0);
  av_dict_set (&opts, "crf", "28", 0);
  ret = avcodec_open2 (enc, codec, &opts);
  av_dict_free (&opts);
  if (ret < 0)
    {
      cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot open a video encoder");
      avcodec_free_context (&enc);
    }
  return enc;
}

static AVCodecContext *
open_audio (Writer  *w,
            GError **error)
{
  const AVCodec *codec = avcodec_find_encoder (AV_CODEC_ID_PCM_S16LE);
  AVCodecContext *enc = avcodec_alloc_context3 (codec);
  int ret;

  enc->sample_fmt = AV_SAMPLE_FMT_S16;
  enc->sample_rate = SAMPLE_RATE;
  enc->time_base = (AVRational) { 1, SAMPLE_RATE };
  av_channel_layout_default (&enc->ch_layout, 1);
  if ((ret = avcodec_open2 (enc, codec, NULL)) < 0)
    {
      cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot open a PCM encoder");
      avcodec_free_context (&enc);
    }
  return enc;
}

static gboolean
add_stream (Writer          *w,
            AVCodecContext  *enc,
            AVStream       **out,
            GError         **error)
{
  AVStream *st = avformat_new_stream (w->oc, NULL);
  int ret = st ? avcodec_parameters_from_context (st->codecpar, enc) : AVERROR (ENOMEM);

  if (ret < 0)
    {
      cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_FAILED, "cannot add a stream");
      return FALSE;
    }
  st->time_base = enc->time_base;
  /* The QuickTime muxer counts the timecode track at this rate. */
  if (enc->codec_type == AVMEDIA_TYPE_VIDEO)
    st->avg_frame_rate = enc->framerate;
  *out = st;
  return TRUE;
}

static gboolean
out_of_memory (Writer  *w,
               GError **error)
{
  cr_av_set_error (error, NULL, w->path, AVERROR (ENOMEM), CR_MEDIA_ERROR_FAILED, "cannot draw the test card");
  return FALSE;
}

static gboolean
write_frames (Writer               *w,
              const CrTestcardClip *clip,
              gint64                start,
              GError              **error)
{
  g_autoptr(AVFrame) picture = av_frame_alloc ();
  g_autoptr(AVFrame) sound = av_frame_alloc ();
  g_autoptr(GArray) tone = tone_period (clip->tone_hz);
  char label[CR_TIMECODE_MAX_LEN];
  int block_top = MAX (clip->height * 2 / 3 - 16, 0);
  gint64 samples = 0;

  picture->format = AV_PIX_FMT_YUV420P;
  picture->width = clip->width;
  picture->height = clip->height;
  if (av_frame_get_buffer (picture, 0) < 0)
    return out_of_memory (w, error);
  for (gint64 i = 0; i < clip->frames; i++)
    {
      /* The samples of this frame: every frame ends where its share of the second does. */
      gint64 until = av_rescale (i + 1, (gint64) SAMPLE_RATE * clip->format.rate.den, clip->format.rate.num);

      if (av_frame_make_writable (picture) < 0)
        return out_of_memory (w, error);
      cr_timecode_format_into (start + i, &clip->format, label);
      draw_picture (picture, clip, i, i == 0 ? 0 : block_top, label);
      picture->pts = i;
      if (!drain (w, w->video, w->vs, picture, error))
        return FALSE;

      av_frame_unref (sound);
      sound->format = AV_SAMPLE_FMT_S16;
      sound->sample_rate = SAMPLE_RATE;
      sound->nb_samples = (int) (until - samples);
      av_channel_layout_default (&sound->ch_layout, 1);
      if (av_frame_get_buffer (sound, 0) < 0)
        return out_of_memory (w, error);
      draw_tone (sound, samples, tone);
      sound->pts = samples;
      samples = until;
      if (!drain (w, w->audio, w->as, sound, error))
        return FALSE;
    }
  return drain (w, w->video, w->vs, NULL, error) && drain (w, w->audio, w->as, NULL, error);
}

static gboolean
write_clip (Writer               *w,
            const CrTestcardClip *clip,
            gint64                start,
            GError              **error)
{
  int ret;

  if ((w->video = open_video (w, clip, error)) == NULL || (w->audio = open_audio (w, error)) == NULL
      || !add_stream (w, w->video, &w->vs, error) || !add_stream (w, w->audio, &w->as, error))
    return FALSE;
  /* The QuickTime muxer turns this into a tmcd track; ';' makes it drop-frame. */
  av_dict_set (&w->vs->metadata, "timecode", clip->start, 0);
  if (clip->recorded_at != NULL)
    av_dict_set (&w->oc->metadata, "creation_time", clip->recorded_at, 0);
  if ((ret = avio_open (&w->oc->pb, w->oc->url, AVIO_FLAG_WRITE)) < 0
      || (ret = avformat_write_header (w->oc, NULL)) < 0)
    {
      cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_FAILED, "cannot start writing");
      return FALSE;
    }
  if (!write_frames (w, clip, start, error))
    return FALSE;
  if ((ret = av_write_trailer (w->oc)) < 0 || (ret = avio_closep (&w->oc->pb)) < 0)
    {
      cr_av_set_error (error, NULL, w->path, ret, CR_MEDIA_ERROR_FAILED, "cannot finish writing");
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_testcard_write_clip (const char            *path,
                        const CrTestcardClip  *clip,
                        GError               **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  Writer w = { .path = path };
  gint64 start;
  gboolean ok;
  int ret;

  if (clip->width < 64 || clip->height < 64 || (clip->width | clip->height) & 1 || clip->frames <= 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "%s: a test card needs an even size of "
                   "at least 64×64 and at least one frame", path);
      return FALSE;
    }
  if (!cr_timecode_parse (clip->start, &clip->format, &start, error))
    return FALSE;
  cr_av_init ();
  /* Written under a temporary name and renamed once complete. */
  if ((ret = avformat_alloc_output_context2 (&w.oc, NULL, "mov", part)) < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "cannot make a QuickTime file");
      return FALSE;
    }
  w.packet = av_packet_alloc ();
  ok = write_clip (&w, clip, start, error);
  if (w.oc->pb != NULL)
    avio_closep (&w.oc->pb);
  avformat_free_context (w.oc);
  avcodec_free_context (&w.video);
  avcodec_free_context (&w.audio);
  av_packet_free (&w.packet);
  if (ok && g_rename (part, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part);
  return ok;
}
