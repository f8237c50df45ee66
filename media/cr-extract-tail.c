/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <string.h>
#include <libavutil/opt.h>

#include "cr-extract-tail.h"

struct _CrExtractTail
{
  AVStream       *stream;
  const AVCodec  *codec;
  GPtrArray      *gop;        /* the GOP being copied, held back; from its keyframe */
  GPtrArray      *previous;   /* the GOP before, copied: an open GOP's first pictures need it */
  gint64          first_pts;  /* the copy's first picture: nothing shows before it */
  int             nal_length; /* bytes of each NAL's length in the stream's packets; 0: Annex B */
  int             id;         /* the parameter set id the re-encoded pictures use */
  AVCodecContext *dec;
  AVCodecContext *enc;
  struct SwsContext *sws;
  AVFrame        *converted;
  GArray         *durations;  /* (pts, duration) of each picture sent to the encoder */
  CrExtractTailWrite write;
  gpointer        write_data;
  gint64          end_ts;
};

typedef struct
{
  gint64 pts;
  gint64 duration;
} Shown;

/* The first ue(v) of a NAL's payload, for the small numbers parameter set ids are. */
static int
first_ue (const guint8 *p,
          gsize         size)
{
  guint64 v = 0;
  int zeros = 0, pos = 0;

  for (gsize i = 0; i < MIN (size, 8); i++)
    v = (v << 8) | p[i];
  v <<= 8 * (8 - MIN (size, 8));
  while (pos < 32 && !((v >> (63 - pos)) & 1))
    zeros++, pos++;
  if (pos >= 32)
    return -1;
  pos++;
  return (int) (((1u << zeros) - 1) + ((v >> (64 - pos - zeros)) & ((1u << zeros) - 1)));
}

static void
mark_id (const guint8 *nal,
         gsize         size,
         guint32      *used)
{
  int type = size > 0 ? nal[0] & 0x1f : 0;
  int id = type == 7 && size > 4 ? first_ue (nal + 4, size - 4)
           : type == 8 && size > 1 ? first_ue (nal + 1, size - 1) : -1;

  if (id >= 0 && id < 32)
    *used |= 1u << id;
}

/* The SPS and PPS ids the stream's own parameter sets use, from avcC or Annex B extradata. */
static guint32
used_ids (const guint8 *data,
          gsize         size)
{
  guint32 used = 0;

  if (size > 6 && data[0] == 1)
    {
      gsize pos = 6;

      for (int list = 0; list < 2; list++)
        {
          int count = list == 0 ? data[5] & 0x1f : pos < size ? data[pos++] : 0;

          for (int i = 0; i < count && pos + 2 <= size; i++)
            {
              gsize len = (data[pos] << 8) | data[pos + 1];

              pos += 2;
              if (pos + len > size)
                break;
              mark_id (data + pos, len, &used);
              pos += len;
            }
        }
      return used;
    }
  for (gsize i = 0; i + 3 < size; i++)
    if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1)
      mark_id (data + i + 3, size - i - 3, &used);
  return used;
}

CrExtractTail *
cr_extract_tail_new (AVStream *stream)
{
  const AVCodecParameters *par = stream->codecpar;
  const AVCodec *codec = avcodec_find_encoder_by_name ("libx264");
  CrExtractTail *tail;
  guint32 used;

  if (par->codec_id != AV_CODEC_ID_H264 || codec == NULL)
    return NULL;
  tail = g_new0 (CrExtractTail, 1);
  tail->stream = stream;
  tail->codec = codec;
  tail->gop = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_av_free_packet);
  tail->previous = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_av_free_packet);
  tail->durations = g_array_new (FALSE, FALSE, sizeof (Shown));
  tail->first_pts = AV_NOPTS_VALUE;
  tail->end_ts = AV_NOPTS_VALUE;
  if (par->extradata_size > 6 && par->extradata[0] == 1)
    tail->nal_length = (par->extradata[4] & 3) + 1;
  used = par->extradata != NULL ? used_ids (par->extradata, par->extradata_size) : 1;
  /* x264 numbers its SPS and PPS alike: one id neither of the source's uses. */
  tail->id = 1;
  while (tail->id < 31 && (used & (1u << tail->id)))
    tail->id++;
  return tail;
}

void
cr_extract_tail_free (CrExtractTail *tail)
{
  if (tail == NULL)
    return;
  g_ptr_array_unref (tail->gop);
  g_ptr_array_unref (tail->previous);
  g_array_unref (tail->durations);
  avcodec_free_context (&tail->dec);
  avcodec_free_context (&tail->enc);
  sws_freeContext (tail->sws);
  av_frame_free (&tail->converted);
  g_free (tail);
}

void
cr_extract_tail_add (CrExtractTail  *tail,
                     const AVPacket *pkt,
                     gint64          out_ts,
                     GPtrArray      *ready)
{
  gboolean key = (pkt->flags & AV_PKT_FLAG_KEY) != 0;

  /* Nothing before the first keyframe can be decoded. */
  if (tail->gop->len == 0 && !key)
    return;
  if (tail->first_pts == AV_NOPTS_VALUE)
    tail->first_pts = pkt->pts;
  if (key && pkt->pts != AV_NOPTS_VALUE && pkt->pts < out_ts && tail->gop->len > 0)
    {
      g_ptr_array_set_size (tail->previous, 0);
      for (guint i = 0; i < tail->gop->len; i++)
        {
          AVPacket *held = g_ptr_array_index (tail->gop, i);

          g_ptr_array_add (ready, av_packet_clone (held));
          g_ptr_array_add (tail->previous, av_packet_clone (held));
        }
      g_ptr_array_set_size (tail->gop, 0);
    }
  g_ptr_array_add (tail->gop, av_packet_clone (pkt));
}

/* Annex B, as x264 writes it, to the stream's length-prefixed NAL units. */
static gboolean
to_stream_format (CrExtractTail *tail,
                  AVPacket      *pkt)
{
  g_autoptr(GByteArray) out = NULL;
  const guint8 *d = pkt->data;
  gsize size = pkt->size, i = 0;
  AVPacket *copy;

  if (tail->nal_length == 0)
    return TRUE;
  out = g_byte_array_sized_new (pkt->size + 16);
  while (i + 3 <= size)
    {
      gsize start, end;

      if (!(d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1))
        {
          i++;
          continue;
        }
      start = i + 3;
      for (end = start; end + 3 <= size && !(d[end] == 0 && d[end + 1] == 0 && (d[end + 2] == 1 || (d[end + 2] == 0 && end + 3 < size && d[end + 3] == 1))); end++)
        ;
      if (end + 3 > size)
        end = size;
      {
        guint8 len[4];
        gsize n = end - start;

        for (int b = 0; b < tail->nal_length; b++)
          len[b] = (n >> (8 * (tail->nal_length - 1 - b))) & 0xff;
        g_byte_array_append (out, len, tail->nal_length);
        g_byte_array_append (out, d + start, n);
      }
      i = end;
    }
  copy = av_packet_alloc ();
  if (av_new_packet (copy, out->len) < 0)
    {
      av_packet_free (&copy);
      return FALSE;
    }
  memcpy (copy->data, out->data, out->len);
  av_packet_copy_props (copy, pkt);
  av_packet_unref (pkt);
  av_packet_move_ref (pkt, copy);
  av_packet_free (&copy);
  return TRUE;
}

static gboolean
drain (CrExtractTail *tail,
       const char    *path,
       GError       **error)
{
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  int ret;

  while ((ret = avcodec_receive_packet (tail->enc, pkt)) >= 0)
    {
      for (guint i = 0; i < tail->durations->len; i++)
        if (g_array_index (tail->durations, Shown, i).pts == pkt->pts)
          {
            pkt->duration = g_array_index (tail->durations, Shown, i).duration;
            g_array_remove_index (tail->durations, i);
            break;
          }
      if (!to_stream_format (tail, pkt))
        {
          cr_av_set_error (error, NULL, path, AVERROR (ENOMEM), CR_MEDIA_ERROR_FAILED, "out of memory");
          return FALSE;
        }
      if (!tail->write (pkt, tail->write_data, error))
        return FALSE;
      av_packet_unref (pkt);
    }
  if (ret != AVERROR (EAGAIN) && ret != AVERROR_EOF)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "the encoder failed");
      return FALSE;
    }
  return TRUE;
}

/* Like the source as far as a decoder can tell: size, pixels, colour; no B-frames, so that
 * its decode times start after the copied pictures'. */
static gboolean
open_encoder (CrExtractTail *tail,
              AVFrame       *frame,
              const char    *path,
              GError       **error)
{
  AVStream *st = tail->stream;
  g_autofree char *params = g_strdup_printf ("sps-id=%d", tail->id);
  AVDictionary *opts = NULL;
  gboolean supported = FALSE;
  int ret;

  for (int i = 0; tail->codec->pix_fmts != NULL && tail->codec->pix_fmts[i] != AV_PIX_FMT_NONE; i++)
    supported = supported || tail->codec->pix_fmts[i] == frame->format;
  tail->enc = avcodec_alloc_context3 (tail->codec);
  tail->enc->width = frame->width;
  tail->enc->height = frame->height;
  tail->enc->pix_fmt = supported ? frame->format : AV_PIX_FMT_YUV420P;
  tail->enc->sample_aspect_ratio = frame->sample_aspect_ratio;
  tail->enc->time_base = st->time_base;
  tail->enc->framerate = st->r_frame_rate.num > 0 ? st->r_frame_rate : st->avg_frame_rate;
  tail->enc->color_primaries = frame->color_primaries;
  tail->enc->color_trc = frame->color_trc;
  tail->enc->colorspace = frame->colorspace;
  tail->enc->color_range = frame->color_range;
  tail->enc->max_b_frames = 0;
  tail->enc->gop_size = 100000;
  av_dict_set (&opts, "preset", "veryfast", 0);
  av_dict_set (&opts, "crf", "16", 0);
  av_dict_set (&opts, "x264-params", params, 0);
  ret = avcodec_open2 (tail->enc, tail->codec, &opts);
  av_dict_free (&opts);
  if (ret < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_UNSUPPORTED, "cannot open the encoder for the last pictures");
      return FALSE;
    }
  if (!supported)
    {
      tail->sws = sws_getContext (frame->width, frame->height, frame->format, frame->width, frame->height,
                                  AV_PIX_FMT_YUV420P, SWS_BICUBIC, NULL, NULL, NULL);
      tail->converted = av_frame_alloc ();
      tail->converted->format = AV_PIX_FMT_YUV420P;
      tail->converted->width = frame->width;
      tail->converted->height = frame->height;
      if (tail->sws == NULL || av_frame_get_buffer (tail->converted, 0) < 0)
        {
          cr_av_set_error (error, NULL, path, AVERROR (ENOMEM), CR_MEDIA_ERROR_UNSUPPORTED, "cannot convert the pictures");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
encode (CrExtractTail *tail,
        AVFrame       *frame,
        gint64         from,
        gint64         out_ts,
        const char    *path,
        GError       **error)
{
  gint64 pts = frame->best_effort_timestamp;
  AVRational rate = tail->stream->r_frame_rate.num > 0 ? tail->stream->r_frame_rate : tail->stream->avg_frame_rate;
  Shown shown;
  AVFrame *send = frame;
  int ret;

  if (pts == AV_NOPTS_VALUE || pts < from || pts >= out_ts)
    return TRUE;
  if (tail->enc == NULL && !open_encoder (tail, frame, path, error))
    return FALSE;
  shown.pts = pts;
  shown.duration = frame->pkt_duration > 0 ? frame->pkt_duration
                   : rate.num > 0 ? av_rescale_q (1, av_inv_q (rate), tail->stream->time_base) : 0;
  /* A picture ends where the next begins, never past the out point. */
  shown.duration = MIN (shown.duration, out_ts - pts);
  g_array_append_val (tail->durations, shown);
  tail->end_ts = pts + shown.duration;
  if (tail->sws != NULL)
    {
      av_frame_make_writable (tail->converted);
      sws_scale (tail->sws, (const guint8 *const *) frame->data, frame->linesize, 0, frame->height,
                 tail->converted->data, tail->converted->linesize);
      send = tail->converted;
    }
  send->pts = pts;
  send->pict_type = AV_PICTURE_TYPE_NONE;
  if ((ret = avcodec_send_frame (tail->enc, send)) < 0)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "the encoder refused a picture");
      return FALSE;
    }
  return drain (tail, path, error);
}

static gboolean
decode (CrExtractTail *tail,
        AVPacket      *pkt,
        gint64         from,
        gint64         out_ts,
        const char    *path,
        GError       **error)
{
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  int ret = avcodec_send_packet (tail->dec, pkt);

  if (ret < 0 && ret != AVERROR_EOF && ret != AVERROR_INVALIDDATA)
    {
      cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_DAMAGED, "cannot decode the last pictures");
      return FALSE;
    }
  while ((ret = avcodec_receive_frame (tail->dec, frame)) >= 0)
    {
      gboolean ok = encode (tail, frame, from, out_ts, path, error);

      av_frame_unref (frame);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* How many of the held packets, from the first, are the exact cut: all when every picture
 * that shows before `out` is decoded before every one that shows after (no B-frame before
 * `out` refers to a picture after it); -1 when there is no such prefix. */
static int
exact_prefix (CrExtractTail *tail,
              gint64         out_ts)
{
  guint before = 0;

  while (before < tail->gop->len && ((AVPacket *) g_ptr_array_index (tail->gop, before))->pts < out_ts)
    before++;
  for (guint i = before; i < tail->gop->len; i++)
    if (((AVPacket *) g_ptr_array_index (tail->gop, i))->pts < out_ts)
      return -1;
  return (int) before;
}

gboolean
cr_extract_tail_finish (CrExtractTail       *tail,
                        gint64               out_ts,
                        CrExtractTailWrite   write,
                        gpointer             user_data,
                        gint64              *end_ts,
                        gboolean            *reencoded,
                        const char          *path,
                        GError             **error)
{
  gint64 key_pts, from = G_MAXINT64;
  gboolean leading = FALSE;
  int prefix;

  *reencoded = FALSE;
  if (tail->gop->len == 0)
    return TRUE;
  tail->write = write;
  tail->write_data = user_data;
  prefix = exact_prefix (tail, out_ts);
  for (int i = 0; i < prefix; i++)
    {
      g_autoptr(AVPacket) p = av_packet_clone (g_ptr_array_index (tail->gop, i));

      *end_ts = MAX (*end_ts, p->pts + MAX (p->duration, 0));
      if (!tail->write (p, tail->write_data, error))
        return FALSE;
    }
  if (prefix >= 0)
    return TRUE;
  *reencoded = TRUE;
  key_pts = ((AVPacket *) g_ptr_array_index (tail->gop, 0))->pts;
  /* What was copied shows before the held GOP's first picture: an open GOP's leading
   * pictures come after its keyframe but show before it. */
  for (guint i = 0; i < tail->gop->len; i++)
    {
      AVPacket *p = g_ptr_array_index (tail->gop, i);

      if (p->pts != AV_NOPTS_VALUE)
        from = MIN (from, p->pts);
    }
  leading = from < key_pts;
  from = MAX (from, tail->first_pts);

  tail->dec = cr_av_open_decoder (tail->stream, 0, path, error);
  if (tail->dec == NULL)
    return FALSE;
  /* Leading pictures refer to the GOP before: it is decoded first, its pictures not kept. */
  if (leading)
    for (guint i = 0; i < tail->previous->len; i++)
      if (!decode (tail, g_ptr_array_index (tail->previous, i), from, out_ts, path, error))
        return FALSE;
  for (guint i = 0; i < tail->gop->len; i++)
    if (!decode (tail, g_ptr_array_index (tail->gop, i), from, out_ts, path, error))
      return FALSE;
  if (!decode (tail, NULL, from, out_ts, path, error))
    return FALSE;
  if (tail->enc != NULL)
    {
      int ret = avcodec_send_frame (tail->enc, NULL);

      if (ret < 0 && ret != AVERROR_EOF)
        {
          cr_av_set_error (error, NULL, path, ret, CR_MEDIA_ERROR_FAILED, "the encoder failed");
          return FALSE;
        }
      if (!drain (tail, path, error))
        return FALSE;
    }
  g_ptr_array_set_size (tail->gop, 0);
  if (tail->end_ts != AV_NOPTS_VALUE)
    *end_ts = tail->end_ts;
  return TRUE;
}
