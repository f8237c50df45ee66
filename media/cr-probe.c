/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>

#include "cr-av-private.h"
#include "cr-bwf.h"
#include "cr-h264-sps.h"
#include "cr-message.h"
#include "cr-probe.h"

#define IDENTITY_SPAN     (64 * 1024)
#define DEFAULT_TIMEOUT   (20 * G_USEC_PER_SEC)
/* How far the fast path reads to see each video stream's first packet. */
#define FIRST_PACKETS_MAX 64

static void
stream_free (gpointer data)
{
  CrProbeStream *s = data;

  g_free (s->codec);
  g_free (s->codec_tag);
  g_free (s->profile);
  g_free (s->language);
  g_free (s->timecode);
  g_free (s->pixel_format);
  g_free (s->field_order);
  g_free (s->color_primaries);
  g_free (s->color_transfer);
  g_free (s->color_matrix);
  g_free (s->color_range);
  g_free (s->channel_layout);
  g_free (s->sample_format);
  g_free (s);
}

void
cr_probe_free (CrProbe *probe)
{
  if (probe == NULL)
    return;
  g_free (probe->path);
  g_free (probe->identity);
  g_free (probe->format);
  g_free (probe->format_long);
  g_free (probe->creation_time);
  g_clear_pointer (&probe->streams, g_ptr_array_unref);
  g_free (probe->recorder.scene);
  g_free (probe->recorder.take);
  g_free (probe->recorder.tape);
  g_free (probe->recorder.project);
  g_free (probe->recorder.note);
  g_strfreev (probe->recorder.track_names);
  g_free (probe->recorder.originator);
  g_free (probe->recorder.camera_make);
  g_free (probe->recorder.camera_model);
  g_free (probe->warning);
  g_free (probe);
}

const char *
cr_stream_type_to_string (CrStreamType type)
{
  static const char *names[] = { "video", "audio", "subtitle", "data", "attachment", "unknown" };

  return type <= CR_STREAM_UNKNOWN ? names[type] : "unknown";
}

const char *
cr_timecode_source_to_string (CrTimecodeSource source)
{
  static const char *names[] = { "none", "tmcd", "stream-tag", "container-tag", "gop", "bwf" };

  return source <= CR_TIMECODE_SOURCE_BWF ? names[source] : "none";
}

const CrProbeStream *
cr_probe_get_first_stream (const CrProbe *probe,
                           CrStreamType   type)
{
  for (guint i = 0; i < probe->streams->len; i++)
    {
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);
      if (s->type == type && !s->still_image)
        return s;
    }
  return NULL;
}

/* Identity ------------------------------------------------------------------------------ */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
read_at (int       fd,
         guint8   *buf,
         gsize     len,
         goffset   offset,
         gsize    *got)
{
  *got = 0;
  while (*got < len)
    {
      gssize n = pread (fd, buf + *got, len - *got, offset + *got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      *got += n;
    }
  return TRUE;
}

/* SHA-1 over the size (8 bytes, little-endian), the first 64 KiB and the last 64 KiB. Hands
 * back the first bytes too, followed by FFmpeg's probe padding, for the format probe: the
 * file start is read once and not copied. The tail is hashed in small pieces: large
 * short-lived buffers make the allocator give memory back and take it again for every file. */
static char *
compute_identity (const char    *path,
                  guint64        size,
                  GBytes       **out_head,
                  GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree guint8 *head = g_malloc (IDENTITY_SPAN + AVPROBE_PADDING_SIZE);
  guint8 piece[8192];
  guint8 size_le[8];
  gsize head_len = 0;
  goffset tail_at = size > IDENTITY_SPAN ? (goffset) (size - IDENTITY_SPAN) : 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  for (int i = 0; i < 8; i++)
    size_le[i] = (size >> (8 * i)) & 0xff;
  g_checksum_update (sum, size_le, sizeof size_le);
  if (!read_at (fd, head, IDENTITY_SPAN, 0, &head_len))
    goto fail;
  memset (head + head_len, 0, AVPROBE_PADDING_SIZE);
  g_checksum_update (sum, head, head_len);
  for (goffset at = tail_at; at < tail_at + IDENTITY_SPAN; at += sizeof piece)
    {
      gsize got = 0;
      if (!read_at (fd, piece, sizeof piece, at, &got))
        goto fail;
      g_checksum_update (sum, piece, got);
      if (got < sizeof piece)
        break;
    }
  close (fd);
  if (out_head != NULL)
    *out_head = g_bytes_new_take (g_steal_pointer (&head), head_len);
  return g_strdup (g_checksum_get_string (sum));

fail:
  saved = errno;
  close (fd);
  set_errno_error (error, saved, path);
  return NULL;
}

static gboolean
stat_file (const char  *path,
           guint64     *size,
           gint64      *mtime_us,
           GError     **error)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return set_errno_error (error, errno, path);
  if (S_ISDIR (st.st_mode))
    return set_errno_error (error, EISDIR, path);
  /* A pipe or a device could block open() itself, where no interrupt callback reaches. */
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: not a regular file", name);
      return FALSE;
    }
  *size = st.st_size;
  *mtime_us = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  return TRUE;
}

char *
cr_probe_identity (const char  *path,
                   GError     **error)
{
  guint64 size = 0;
  gint64 mtime;

  if (!stat_file (path, &size, &mtime, error))
    return NULL;
  return compute_identity (path, size, NULL, error);
}

/* Streams -------------------------------------------------------------------------------- */

static gint64
to_usec (gint64     ts,
         AVRational time_base)
{
  if (ts == AV_NOPTS_VALUE)
    return -1;
  return av_rescale_q (ts, time_base, AV_TIME_BASE_Q);
}

static CrRate
rate_of (AVRational q)
{
  CrRate r = { 0, 0 };

  if (q.num > 0 && q.den > 0)
    av_reduce (&r.num, &r.den, q.num, q.den, INT_MAX);
  return r;
}

static char *
dup_or_null (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

static char *
tag (AVDictionary *metadata,
     const char   *key)
{
  AVDictionaryEntry *e = av_dict_get (metadata, key, NULL, 0);

  return e != NULL ? dup_or_null (e->value) : NULL;
}

static char *
fourcc (guint32 tag_value)
{
  char s[5] = { 0 };

  for (int i = 0; i < 4; i++)
    {
      s[i] = (tag_value >> (8 * i)) & 0xff;
      if (!g_ascii_isprint (s[i]))
        return NULL;
    }
  return g_strdup (s);
}

static const char *
field_order_name (enum AVFieldOrder order)
{
  switch (order)
    {
    case AV_FIELD_PROGRESSIVE: return "progressive";
    case AV_FIELD_TT: return "tt";
    case AV_FIELD_BB: return "bb";
    case AV_FIELD_TB: return "tb";
    case AV_FIELD_BT: return "bt";
    case AV_FIELD_UNKNOWN:
    default:
      return NULL;
    }
}

static CrStreamType
stream_type (enum AVMediaType type)
{
  switch (type)
    {
    case AVMEDIA_TYPE_VIDEO: return CR_STREAM_VIDEO;
    case AVMEDIA_TYPE_AUDIO: return CR_STREAM_AUDIO;
    case AVMEDIA_TYPE_SUBTITLE: return CR_STREAM_SUBTITLE;
    case AVMEDIA_TYPE_DATA: return CR_STREAM_DATA;
    case AVMEDIA_TYPE_ATTACHMENT: return CR_STREAM_ATTACHMENT;
    case AVMEDIA_TYPE_UNKNOWN:
    case AVMEDIA_TYPE_NB:
    default:
      return CR_STREAM_UNKNOWN;
    }
}

static CrProbeStream *
describe_stream (AVFormatContext *ic,
                 AVStream        *st)
{
  AVCodecParameters *par = st->codecpar;
  CrProbeStream *s = g_new0 (CrProbeStream, 1);
  const char *profile;

  s->index = st->index;
  s->type = stream_type (par->codec_type);
  if (par->codec_id != AV_CODEC_ID_NONE)
    s->codec = g_strdup (avcodec_get_name (par->codec_id));
  s->codec_tag = fourcc (par->codec_tag);
  /* As ffprobe: the profile's name, or its number when FFmpeg has no name for it. */
  profile = par->profile != FF_PROFILE_UNKNOWN ? avcodec_profile_name (par->codec_id, par->profile) : NULL;
  if (profile != NULL)
    s->profile = g_strdup (profile);
  else if (par->profile != FF_PROFILE_UNKNOWN)
    s->profile = g_strdup_printf ("%d", par->profile);
  s->bit_rate = par->bit_rate > 0 ? par->bit_rate : -1;
  s->start_us = st->start_time != AV_NOPTS_VALUE ? to_usec (st->start_time, st->time_base)
                                                : CR_TIME_UNKNOWN;
  s->duration_us = to_usec (st->duration, st->time_base);
  s->frame_count = st->nb_frames > 0 ? st->nb_frames : -1;
  s->language = tag (st->metadata, "language");
  s->timecode = tag (st->metadata, "timecode");
  s->still_image = (st->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0;

  if (par->codec_type == AVMEDIA_TYPE_VIDEO)
    {
      AVRational sar = av_guess_sample_aspect_ratio (ic, st, NULL);

      s->width = par->width;
      s->height = par->height;
      if (sar.num > 0 && sar.den > 0)
        {
          AVRational dar;
          s->sample_aspect = rate_of (sar);
          /* As ffprobe reduces it. */
          av_reduce (&dar.num, &dar.den, (gint64) par->width * sar.num,
                     (gint64) par->height * sar.den, 1024 * 1024);
          s->display_aspect = rate_of (dar);
        }
      s->pixel_format = dup_or_null (av_get_pix_fmt_name (par->format));
      s->field_order = dup_or_null (field_order_name (par->field_order));
      s->frame_rate = rate_of (st->r_frame_rate);
      s->average_frame_rate = rate_of (st->avg_frame_rate);
      s->variable_frame_rate = s->frame_rate.num > 0 && s->average_frame_rate.num > 0
                               && !cr_rate_equal (s->frame_rate, s->average_frame_rate);
      s->rotation = cr_av_stream_rotation (st);
      if (par->color_primaries != AVCOL_PRI_UNSPECIFIED)
        s->color_primaries = dup_or_null (av_color_primaries_name (par->color_primaries));
      if (par->color_trc != AVCOL_TRC_UNSPECIFIED)
        s->color_transfer = dup_or_null (av_color_transfer_name (par->color_trc));
      if (par->color_space != AVCOL_SPC_UNSPECIFIED)
        s->color_matrix = dup_or_null (av_color_space_name (par->color_space));
      if (par->color_range != AVCOL_RANGE_UNSPECIFIED)
        s->color_range = dup_or_null (av_color_range_name (par->color_range));
    }
  else if (par->codec_type == AVMEDIA_TYPE_AUDIO)
    {
      char layout[128] = "";

      s->sample_rate = par->sample_rate;
      s->channels = par->ch_layout.nb_channels;
      if (par->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC
          && av_channel_layout_describe (&par->ch_layout, layout, sizeof layout) > 0)
        s->channel_layout = g_strdup (layout);
      s->sample_format = dup_or_null (av_get_sample_fmt_name (par->format));
      s->bits_per_sample = av_get_bits_per_sample (par->codec_id);
      if (s->bits_per_sample <= 0)
        s->bits_per_sample = par->bits_per_raw_sample;
    }
  return s;
}

/* Reading as little as possible -------------------------------------------------------- */

/* The nominal rate of a variable-rate stream, from the container's index: the shortest step
 * between frames, as FFmpeg's own stream analysis finds it. */
static void
guess_frame_rate_from_index (AVStream *st)
{
  int n = avformat_index_get_entries_count (st);
  gint64 step = G_MAXINT64;
  gint64 prev = AV_NOPTS_VALUE;

  for (int i = 0; i < n && i < 512; i++)
    {
      const AVIndexEntry *e = avformat_index_get_entry (st, i);
      if (prev != AV_NOPTS_VALUE && e->timestamp > prev)
        step = MIN (step, e->timestamp - prev);
      prev = e->timestamp;
    }
  if (step != G_MAXINT64)
    av_reduce (&st->r_frame_rate.num, &st->r_frame_rate.den,
               st->time_base.den, (gint64) st->time_base.num * step, INT_MAX);
}

/* A truncated file whose header survived: the index points past its end. */
static gboolean
index_past_end (AVFormatContext *ic,
                guint64          size)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVStream *st = ic->streams[i];
      int n = avformat_index_get_entries_count (st);
      const AVIndexEntry *e = n > 0 ? avformat_index_get_entry (st, n - 1) : NULL;

      if (e != NULL && e->pos >= 0 && (guint64) (e->pos + e->size) > size)
        return TRUE;
    }
  return FALSE;
}

/* The MPEG-1/2 group-of-pictures header's time_code: 25 bits after 00 00 01 B8. */
static gboolean
find_gop_timecode (const guint8 *data,
                   int           size,
                   guint32      *out)
{
  for (int i = 0; i + 8 <= size; i++)
    if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && data[i + 3] == 0xB8)
      {
        *out = ((guint32) data[i + 4] << 17) | (data[i + 5] << 9) | (data[i + 6] << 1)
               | (data[i + 7] >> 7);
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  AVCodecParserContext *parser;
  AVCodecContext       *ctx;
  gboolean              parse;      /* still wants its first packet parsed */
  gboolean              gop;        /* still wants the MPEG-2 GOP timecode */
  gboolean              start;      /* still wants a start time */
  int                   seen;
  gint64                first_pts;
} FirstPackets;

static gboolean
is_mpeg12 (enum AVCodecID id)
{
  return id == AV_CODEC_ID_MPEG1VIDEO || id == AV_CODEC_ID_MPEG2VIDEO;
}

static void
parse_first_packet (FirstPackets    *f,
                    AVCodecParameters *par,
                    const AVPacket  *pkt)
{
  uint8_t *out = NULL;
  int out_size = 0;

  if (f->parser != NULL)
    {
      av_parser_parse2 (f->parser, f->ctx, &out, &out_size, pkt->data, pkt->size,
                        pkt->pts, pkt->dts, pkt->pos);
      if (par->format < 0 && f->parser->format >= 0)
        par->format = f->parser->format;
      if (par->field_order == AV_FIELD_UNKNOWN)
        par->field_order = f->parser->field_order;
      if (par->profile == FF_PROFILE_UNKNOWN)
        par->profile = f->ctx->profile;
      if (par->color_primaries == AVCOL_PRI_UNSPECIFIED)
        par->color_primaries = f->ctx->color_primaries;
      if (par->color_trc == AVCOL_TRC_UNSPECIFIED)
        par->color_trc = f->ctx->color_trc;
      if (par->color_space == AVCOL_SPC_UNSPECIFIED)
        par->color_space = f->ctx->colorspace;
      if (par->color_range == AVCOL_RANGE_UNSPECIFIED)
        par->color_range = f->ctx->color_range;
    }
  /* VP8 keeps its profile in the first three bits after the key-frame flag. */
  if (par->codec_id == AV_CODEC_ID_VP8 && par->profile == FF_PROFILE_UNKNOWN && pkt->size > 0)
    par->profile = (pkt->data[0] >> 1) & 7;
}

/* Reads the first packets: each video stream's first goes through FFmpeg's parser, which
 * gives the profile, pixel format and field order without decoding; MPEG-1/2 video gives its
 * GOP timecode; streams whose header has no start time get their first timestamps. */
static void
read_first_packets (AVFormatContext *ic,
                    gboolean         details,
                    gboolean        *have_gop,
                    guint32         *gop)
{
  g_autofree FirstPackets *first = g_new0 (FirstPackets, ic->nb_streams);
  g_autoptr(AVPacket) pkt = av_packet_alloc ();
  int wanted = 0;

  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVStream *st = ic->streams[i];
      AVCodecParameters *par = st->codecpar;
      FirstPackets *f = &first[i];

      f->first_pts = AV_NOPTS_VALUE;
      if (st->disposition & AV_DISPOSITION_ATTACHED_PIC)
        continue;
      if (par->codec_type == AVMEDIA_TYPE_VIDEO && details)
        {
          f->parse = TRUE;
          f->parser = av_parser_init (par->codec_id);
          if (f->parser != NULL)
            {
              f->parser->flags |= PARSER_FLAG_COMPLETE_FRAMES;
              f->ctx = avcodec_alloc_context3 (NULL);
              avcodec_parameters_to_context (f->ctx, par);
            }
        }
      f->gop = par->codec_type == AVMEDIA_TYPE_VIDEO && is_mpeg12 (par->codec_id) && !*have_gop;
      /* PCM has no timestamps of its own: FFmpeg makes them up, so it has no start time. */
      f->start = details && st->start_time == AV_NOPTS_VALUE
                 && (par->codec_type == AVMEDIA_TYPE_VIDEO
                     || (par->codec_type == AVMEDIA_TYPE_AUDIO
                         && av_get_bits_per_sample (par->codec_id) == 0));
      wanted += f->parse + f->gop + f->start;
    }

  for (int n = 0; wanted > 0 && n < FIRST_PACKETS_MAX && av_read_frame (ic, pkt) >= 0; n++)
    {
      FirstPackets *f = &first[pkt->stream_index];
      AVStream *st = ic->streams[pkt->stream_index];

      if (f->parse)
        {
          parse_first_packet (f, st->codecpar, pkt);
          f->parse = FALSE;
          wanted--;
        }
      if (f->gop && find_gop_timecode (pkt->data, pkt->size, gop))
        {
          *have_gop = TRUE;
          f->gop = FALSE;
          wanted--;
        }
      /* The earliest of the first few timestamps: B-frames arrive out of order. */
      if (f->start && pkt->pts != AV_NOPTS_VALUE)
        {
          f->first_pts = f->first_pts == AV_NOPTS_VALUE ? pkt->pts : MIN (f->first_pts, pkt->pts);
          if (++f->seen == 4 || st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            {
              f->start = FALSE;
              wanted--;
            }
        }
      av_packet_unref (pkt);
    }

  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      if (first[i].first_pts != AV_NOPTS_VALUE)
        ic->streams[i]->start_time = first[i].first_pts;
      if (first[i].parser != NULL)
        av_parser_close (first[i].parser);
      avcodec_free_context (&first[i].ctx);
    }
}

/* H.264's colour description sits in its SPS, which FFmpeg's parser reads but does not
 * report: read it from the codec configuration. */
static void
complete_h264_colour (AVFormatContext *ic)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVCodecParameters *par = ic->streams[i]->codecpar;
      CrH264Colour c;

      if (par->codec_id != AV_CODEC_ID_H264)
        continue;
      if (par->color_range == AVCOL_RANGE_UNSPECIFIED
          && cr_h264_sps_colour (par->extradata, par->extradata_size, &c) && c.signal_type)
        {
          par->color_range = c.full_range ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
          if (c.colour && par->color_primaries == AVCOL_PRI_UNSPECIFIED)
            par->color_primaries = c.primaries;
          if (c.colour && par->color_trc == AVCOL_TRC_UNSPECIFIED)
            par->color_trc = c.transfer;
          if (c.colour && par->color_space == AVCOL_SPC_UNSPECIFIED)
            par->color_space = c.matrix;
        }
      /* FFmpeg's decoder names 8-bit full-range pictures by their "J" formats. */
      if (par->color_range != AVCOL_RANGE_JPEG)
        continue;
      if (par->format == AV_PIX_FMT_YUV420P)
        par->format = AV_PIX_FMT_YUVJ420P;
      else if (par->format == AV_PIX_FMT_YUV422P)
        par->format = AV_PIX_FMT_YUVJ422P;
      else if (par->format == AV_PIX_FMT_YUV444P)
        par->format = AV_PIX_FMT_YUVJ444P;
    }
}

/* Audio details the header leaves out (sample format, AAC profile, channel layout) come from
 * the codec's configuration: no packet is decoded. */
static void
complete_audio (AVFormatContext *ic,
                const char      *path)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVCodecParameters *par = ic->streams[i]->codecpar;
      g_autoptr(AVCodecContext) ctx = NULL;

      if (par->codec_type != AVMEDIA_TYPE_AUDIO)
        continue;
      /* AudioSpecificConfig: a 5-bit object type (31 escapes to 6 more bits). */
      if (par->codec_id == AV_CODEC_ID_AAC && par->profile == FF_PROFILE_UNKNOWN
          && par->extradata_size >= 2)
        {
          int type = par->extradata[0] >> 3;
          if (type == 31)
            type = 32 + (((par->extradata[0] & 7) << 3) | (par->extradata[1] >> 5));
          par->profile = type - 1;
        }
      if (par->bit_rate <= 0 && av_get_bits_per_sample (par->codec_id) > 0)
        par->bit_rate = (gint64) av_get_bits_per_sample (par->codec_id) * par->sample_rate
                        * par->ch_layout.nb_channels;
      if (par->format >= 0 && par->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC)
        continue;
      ctx = cr_av_open_decoder (ic->streams[i], 1, path, NULL);
      if (ctx == NULL)
        continue;
      if (par->format < 0)
        par->format = ctx->sample_fmt;
      /* A compressed stream without a layout decodes to the default one for its channels;
       * PCM without a channel mask stays unspecified, as FFmpeg leaves it. */
      if (par->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC && av_get_bits_per_sample (par->codec_id) == 0)
        {
          if (ctx->ch_layout.order == AV_CHANNEL_ORDER_NATIVE)
            av_channel_layout_copy (&par->ch_layout, &ctx->ch_layout);
          else
            av_channel_layout_default (&par->ch_layout, par->ch_layout.nb_channels);
        }
    }
}

/* Whether anything a stream needs is still missing after the fast path. */
static gboolean
details_missing (AVFormatContext *ic)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVCodecParameters *par = ic->streams[i]->codecpar;

      if ((par->codec_type == AVMEDIA_TYPE_VIDEO || par->codec_type == AVMEDIA_TYPE_AUDIO)
          && par->format < 0)
        return TRUE;
    }
  return FALSE;
}

/* Timecode ------------------------------------------------------------------------------ */

static gboolean
parse_timecode_tag (const char      *text,
                    CrRate           rate,
                    CrProbeTimecode *out)
{
  CrTimecodeFormat fmt = { rate, FALSE };
  gint64 frames;

  if (text == NULL || rate.num <= 0)
    return FALSE;
  fmt.drop_frame = cr_timecode_text_is_drop (text);
  if (!cr_timecode_parse (text, &fmt, &frames, NULL))
    return FALSE;
  out->frames = frames;
  out->format = fmt;
  return TRUE;
}

static void
find_timecode (AVFormatContext      *ic,
               CrProbe              *probe,
               const CrBwfInfo      *bwf,
               const CrProbeOptions *options,
               gboolean              have_gop,
               guint32               gop)
{
  CrProbeTimecode *tc = &probe->timecode;
  const CrProbeStream *video = cr_probe_get_first_stream (probe, CR_STREAM_VIDEO);
  g_autofree char *container_tc = tag (ic->metadata, "timecode");

  if (video != NULL)
    tc->video_rate = cr_av_snap_rate (av_make_q (video->frame_rate.num, video->frame_rate.den));
  if (video != NULL && tc->video_rate.num == 0)
    tc->video_rate = cr_av_snap_rate (av_make_q (video->average_frame_rate.num,
                                                 video->average_frame_rate.den));

  /* The QuickTime timecode track counts at its own rate: trust it over the video's. */
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVStream *st = ic->streams[i];
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);

      if (st->codecpar->codec_tag != MKTAG ('t', 'm', 'c', 'd') || s->timecode == NULL)
        continue;
      if (parse_timecode_tag (s->timecode, cr_av_snap_rate (st->avg_frame_rate), tc))
        {
          tc->source = CR_TIMECODE_SOURCE_TMCD;
          tc->rate_mismatch = tc->video_rate.num > 0
                              && !cr_rate_equal (tc->video_rate, tc->format.rate);
          return;
        }
    }

  if (video != NULL && parse_timecode_tag (video->timecode, tc->video_rate, tc))
    {
      tc->source = CR_TIMECODE_SOURCE_STREAM_TAG;
      return;
    }
  if (parse_timecode_tag (container_tc, tc->video_rate, tc))
    {
      tc->source = CR_TIMECODE_SOURCE_CONTAINER_TAG;
      return;
    }
  if (have_gop)
    {
      g_autofree char *text = g_strdup_printf ("%02u:%02u:%02u%c%02u", (gop >> 19) & 0x1f,
                                               (gop >> 13) & 0x3f, (gop >> 6) & 0x3f,
                                               (gop >> 24) & 1 ? ';' : ':', gop & 0x3f);
      if (parse_timecode_tag (text, tc->video_rate, tc))
        {
          tc->source = CR_TIMECODE_SOURCE_GOP;
          return;
        }
    }
  if (bwf->time_reference >= 0 && bwf->sample_rate > 0)
    {
      CrTimecodeFormat fmt = bwf->has_rate ? bwf->timecode_format : options->fallback_timecode;

      /* A rate no timecode counts at would give labels that cannot be written. */
      if (!cr_timecode_format_check (&fmt, NULL))
        return;
      /* The label of the frame that holds the first sample. */
      tc->frames = av_rescale_rnd (bwf->time_reference, fmt.rate.num,
                                   (gint64) bwf->sample_rate * fmt.rate.den, AV_ROUND_DOWN);
      tc->format = fmt;
      tc->source = CR_TIMECODE_SOURCE_BWF;
      tc->rate_from_caller = !bwf->has_rate;
    }
}

/* Container ----------------------------------------------------------------------------- */

static void
describe_container (AVFormatContext *ic,
                    CrProbe         *probe)
{
  gint64 start = G_MAXINT64, end = G_MININT64, longest = -1;
  g_autofree char *date = tag (ic->metadata, "date");

  probe->format = g_strdup (ic->iformat->name);
  probe->format_long = dup_or_null (ic->iformat->long_name);

  for (guint i = 0; i < probe->streams->len; i++)
    {
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);
      if (s->start_us != CR_TIME_UNKNOWN)
        start = MIN (start, s->start_us);
      if (s->start_us != CR_TIME_UNKNOWN && s->duration_us >= 0)
        end = MAX (end, s->start_us + s->duration_us);
      longest = MAX (longest, s->duration_us);
    }
  /* As FFmpeg's own stream timings work it out when the container does not say. */
  probe->start_us = start != G_MAXINT64 ? start
                    : ic->start_time != AV_NOPTS_VALUE ? ic->start_time : CR_TIME_UNKNOWN;
  if (ic->duration != AV_NOPTS_VALUE)
    probe->duration_us = ic->duration;
  else
    probe->duration_us = MAX (longest, end != G_MININT64 && start != G_MAXINT64 ? end - start : -1);
  probe->bit_rate = ic->bit_rate > 0 ? ic->bit_rate : -1;
  if (probe->bit_rate < 0 && probe->duration_us > 0 && probe->size > 0)
    probe->bit_rate = (gint64) ((double) probe->size * 8.0 * AV_TIME_BASE / (double) probe->duration_us);

  probe->creation_time = tag (ic->metadata, "creation_time");
  /* Broadcast Wave keeps the date and the time of day apart; some recorders write the
   * date as 2019:01:01. */
  if (probe->creation_time != NULL && date != NULL && strchr (probe->creation_time, '-') == NULL)
    {
      if (strlen (date) == 10 && date[4] == ':' && date[7] == ':')
        date[4] = date[7] = '-';
      char *joined = g_strdup_printf ("%sT%s", date, probe->creation_time);
      g_free (probe->creation_time);
      probe->creation_time = joined;
    }
  probe->creation_time_us = -1;
  if (probe->creation_time != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (probe->creation_time, utc);
      if (dt != NULL)
        probe->creation_time_us = g_date_time_to_unix (dt) * G_USEC_PER_SEC
                                  + g_date_time_get_microsecond (dt);
    }
}

static char *
first_tag (AVFormatContext *ic,
           const char      *const *keys)
{
  for (guint k = 0; keys[k] != NULL; k++)
    {
      char *value = tag (ic->metadata, keys[k]);
      if (value != NULL)
        return value;
      for (unsigned i = 0; i < ic->nb_streams; i++)
        if ((value = tag (ic->streams[i]->metadata, keys[k])) != NULL)
          return value;
    }
  return NULL;
}

static void
describe_recorder (AVFormatContext *ic,
                   CrProbe         *probe,
                   CrBwfInfo       *bwf)
{
  static const char *const make_keys[] = {
    "com.apple.quicktime.make", "make", "com.android.manufacturer", NULL
  };
  static const char *const model_keys[] = {
    "com.apple.quicktime.model", "model", "com.android.model", NULL
  };
  CrProbeRecorder *rec = &probe->recorder;

  rec->scene = g_steal_pointer (&bwf->scene);
  rec->take = g_steal_pointer (&bwf->take);
  rec->tape = g_steal_pointer (&bwf->tape);
  rec->project = g_steal_pointer (&bwf->project);
  rec->note = g_steal_pointer (&bwf->note);
  rec->track_names = g_steal_pointer (&bwf->track_names);
  rec->originator = g_steal_pointer (&bwf->originator);
  rec->time_reference = bwf->time_reference;
  rec->time_reference_rate = bwf->time_reference >= 0 ? bwf->sample_rate : 0;
  rec->camera_make = first_tag (ic, make_keys);
  rec->camera_model = first_tag (ic, model_keys);
}

/* The probe ----------------------------------------------------------------------------- */

static gboolean
has_usable_stream (AVFormatContext *ic)
{
  for (unsigned i = 0; i < ic->nb_streams; i++)
    {
      AVCodecParameters *par = ic->streams[i]->codecpar;
      if (par->codec_id != AV_CODEC_ID_NONE || par->codec_tag == MKTAG ('t', 'm', 'c', 'd'))
        return TRUE;
    }
  return FALSE;
}

/* Streams and container of an opened input, reading packets only when the header is not
 * enough. The start of the first GOP, if any, is left in *gop. */
static gboolean
describe_input (AVFormatContext  *ic,
                CrProbe          *probe,
                CrAvInterrupt    *irq,
                const char       *path,
                gboolean         *have_gop,
                guint32          *gop,
                GError          **error)
{
  g_autofree char *name = g_filename_display_name (path);
  gboolean fast;

  fast = cr_av_header_is_enough (ic);
  if (fast)
    {
      for (unsigned i = 0; i < ic->nb_streams; i++)
        if (ic->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
            && ic->streams[i]->r_frame_rate.num <= 0)
          guess_frame_rate_from_index (ic->streams[i]);
      read_first_packets (ic, TRUE, have_gop, gop);
      complete_h264_colour (ic);
      complete_audio (ic, path);
      if (details_missing (ic))
        {
          fast = FALSE;
          /* Back to the start for the analysis; a failed seek leaves it what is left. */
          avformat_seek_file (ic, -1, G_MININT64, ic->start_time != AV_NOPTS_VALUE ? ic->start_time : 0,
                              G_MAXINT64, 0);
        }
    }
  if (!fast)
    {
      if (!cr_av_find_stream_info (ic, irq, path, error))
        return FALSE;
      probe->used_stream_info = TRUE;
      if (!*have_gop)
        read_first_packets (ic, FALSE, have_gop, gop);
    }
  if (cr_av_interrupted (irq, path, error))
    return FALSE;

  if (!has_usable_stream (ic))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA,
                   "%s: not a media file (%s found no stream it can read)", name, ic->iformat->name);
      return FALSE;
    }
  if (index_past_end (ic, probe->size))
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED,
                   "%s: truncated %s file (its index points past the end, at %" G_GUINT64_FORMAT " bytes)",
                   name, ic->iformat->long_name, probe->size);
      return FALSE;
    }

  for (unsigned i = 0; i < ic->nb_streams; i++)
    g_ptr_array_add (probe->streams, describe_stream (ic, ic->streams[i]));
  describe_container (ic, probe);

  return TRUE;
}

CrProbe *
cr_probe_file (const char            *path,
               const CrProbeOptions  *options,
               GCancellable          *cancellable,
               GError               **error)
{
  static const CrProbeOptions defaults = { { { 0, 0 }, FALSE }, 0 };
  g_autoptr(CrProbe) probe = g_new0 (CrProbe, 1);
  g_autoptr(GBytes) head = NULL;
  g_autoptr(AVFormatContext) ic = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(CrBwfInfo) bwf = { .time_reference = -1 };
  g_autofree char *name = g_filename_display_name (path);
  CrAvInterrupt irq;
  gboolean have_gop = FALSE;
  guint32 gop = 0;

  if (options == NULL)
    options = &defaults;
  cr_av_interrupt_init (&irq, cancellable, options->timeout_us > 0 ? options->timeout_us : DEFAULT_TIMEOUT);

  probe->path = g_strdup (path);
  probe->streams = g_ptr_array_new_with_free_func (stream_free);
  if (!stat_file (path, &probe->size, &probe->mtime_us, error))
    return NULL;
  probe->identity = compute_identity (path, probe->size, &head, error);
  if (probe->identity == NULL || cr_av_interrupted (&irq, path, error))
    return NULL;

  ic = cr_av_open_input (path, &irq, g_bytes_get_data (head, NULL), g_bytes_get_size (head),
                         NULL, error);
  if (ic == NULL)
    return NULL;

  if (!describe_input (ic, probe, &irq, path, &have_gop, &gop, error))
    return NULL;

  /* Recorder fields and the timecode rate that FFmpeg's wav demuxer does not give. */
  if (g_str_equal (ic->iformat->name, "wav") && !cr_bwf_read (path, &bwf, &local_error)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (bwf.rate_warning != NULL)
    probe->warning = g_strdup_printf ("%s: %s", name, bwf.rate_warning);
  find_timecode (ic, probe, &bwf, options, have_gop, gop);
  describe_recorder (ic, probe, &bwf);
  return g_steal_pointer (&probe);
}

/* Memory input ---------------------------------------------------------------------------- */

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Memory;

static int
memory_read (void    *opaque,
             uint8_t *buf,
             int      size)
{
  Memory *m = opaque;
  gsize n = MIN ((gsize) MAX (size, 0), m->len - m->pos);

  if (n == 0)
    return AVERROR_EOF;
  memcpy (buf, m->data + m->pos, n);
  m->pos += n;
  return (int) n;
}

static int64_t
memory_seek (void    *opaque,
             int64_t  offset,
             int      whence)
{
  Memory *m = opaque;
  gint64 len = (gint64) m->len;

  whence &= ~AVSEEK_FORCE;
  if (whence == AVSEEK_SIZE)
    return len;
  /* Checked before adding: a demuxer may ask for any offset. */
  if (offset < -len || offset > len)
    return AVERROR (EINVAL);
  if (whence == SEEK_CUR)
    offset += (gint64) m->pos;
  else if (whence == SEEK_END)
    offset += len;
  else if (whence != SEEK_SET)
    return AVERROR (EINVAL);
  if (offset < 0 || offset > len)
    return AVERROR (EINVAL);
  m->pos = (gsize) offset;
  return offset;
}

CrProbe *
cr_probe_bytes (const guint8          *data,
                gsize                  len,
                const char            *name,
                const CrProbeOptions  *options,
                GError               **error)
{
  static const CrProbeOptions defaults = { { { 0, 0 }, FALSE }, 0 };
  g_autoptr(CrProbe) probe = g_new0 (CrProbe, 1);
  g_auto(CrBwfInfo) bwf = { .time_reference = -1 };
  Memory memory = { data, len, 0 };
  AVFormatContext *ic = NULL;
  AVIOContext *pb = NULL;
  CrAvInterrupt irq;
  gboolean have_gop = FALSE, ok;
  guint32 gop = 0;
  int ret;

  if (options == NULL)
    options = &defaults;
  cr_av_init ();
  cr_av_interrupt_init (&irq, NULL, options->timeout_us > 0 ? options->timeout_us : DEFAULT_TIMEOUT);
  probe->path = g_strdup (name);
  probe->size = len;
  probe->mtime_us = -1;
  probe->streams = g_ptr_array_new_with_free_func (stream_free);
  if (len == 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA, "%s: empty file", name);
      return NULL;
    }

  pb = avio_alloc_context (av_malloc (4096), 4096, 0, &memory, memory_read, NULL, memory_seek);
  ic = avformat_alloc_context ();
  ic->pb = pb;
  ic->flags |= AVFMT_FLAG_CUSTOM_IO;
  ic->interrupt_callback = cr_av_interrupt_callback (&irq);
  ret = avformat_open_input (&ic, "", NULL, NULL);   /* frees ic when it fails */
  if (ret < 0)
    {
      if (ret == AVERROR_INVALIDDATA)
        g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA,
                     "%s: not a media file (no audio, video or image format matches)", name);
      else
        cr_av_set_error (error, &irq, name, ret, CR_MEDIA_ERROR_DAMAGED, "cannot open");
      ok = FALSE;
    }
  else
    ok = describe_input (ic, probe, &irq, name, &have_gop, &gop, error);
  if (ok)
    {
      if (g_str_equal (ic->iformat->name, "wav"))
        cr_bwf_read_bytes (data, len, &bwf);
      if (bwf.rate_warning != NULL)
        probe->warning = g_strdup_printf ("%s: %s", name, bwf.rate_warning);
      find_timecode (ic, probe, &bwf, options, have_gop, gop);
      describe_recorder (ic, probe, &bwf);
    }
  avformat_close_input (&ic);
  /* The context may have replaced its buffer: free the one it holds. */
  av_freep (&pb->buffer);
  avio_context_free (&pb);
  return ok ? g_steal_pointer (&probe) : NULL;
}

/* JSON ---------------------------------------------------------------------------------- */

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    return;
  /* Tags and names come from the file as bytes; JSON must be UTF-8. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = cr_text_make_valid (value);
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_time (JsonBuilder *b,
          const char  *key,
          gint64       value)
{
  if (value == CR_TIME_UNKNOWN)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_rate (JsonBuilder *b,
          const char  *key,
          CrRate       rate)
{
  g_autofree char *text = NULL;

  if (rate.num <= 0 || rate.den <= 0)
    return;
  text = cr_rate_to_string (rate);
  add_string (b, key, text);
}

static void
add_stream (JsonBuilder         *b,
            const CrProbeStream *s)
{
  json_builder_begin_object (b);
  add_int (b, "index", s->index);
  add_string (b, "type", cr_stream_type_to_string (s->type));
  add_string (b, "codec", s->codec);
  add_string (b, "codec_tag", s->codec_tag);
  add_string (b, "profile", s->profile);
  add_int (b, "bit_rate", s->bit_rate);
  add_time (b, "start_us", s->start_us);
  add_int (b, "duration_us", s->duration_us);
  add_int (b, "frame_count", s->frame_count);
  add_string (b, "language", s->language);
  add_string (b, "timecode", s->timecode);
  if (s->type == CR_STREAM_VIDEO)
    {
      add_int (b, "width", s->width);
      add_int (b, "height", s->height);
      add_rate (b, "sample_aspect", s->sample_aspect);
      add_rate (b, "display_aspect", s->display_aspect);
      add_string (b, "pixel_format", s->pixel_format);
      add_string (b, "field_order", s->field_order);
      add_rate (b, "frame_rate", s->frame_rate);
      add_rate (b, "average_frame_rate", s->average_frame_rate);
      json_builder_set_member_name (b, "variable_frame_rate");
      json_builder_add_boolean_value (b, s->variable_frame_rate);
      add_int (b, "rotation", s->rotation);
      add_string (b, "color_primaries", s->color_primaries);
      add_string (b, "color_transfer", s->color_transfer);
      add_string (b, "color_matrix", s->color_matrix);
      add_string (b, "color_range", s->color_range);
      if (s->still_image)
        {
          json_builder_set_member_name (b, "still_image");
          json_builder_add_boolean_value (b, TRUE);
        }
    }
  else if (s->type == CR_STREAM_AUDIO)
    {
      add_int (b, "sample_rate", s->sample_rate);
      add_int (b, "channels", s->channels);
      add_string (b, "channel_layout", s->channel_layout);
      add_string (b, "sample_format", s->sample_format);
      if (s->bits_per_sample > 0)
        add_int (b, "bits_per_sample", s->bits_per_sample);
    }
  json_builder_end_object (b);
}

JsonNode *
cr_probe_to_json (const CrProbe *probe)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const CrProbeRecorder *rec = &probe->recorder;
  const CrProbeTimecode *tc = &probe->timecode;

  json_builder_begin_object (b);
  add_string (b, "path", probe->path);
  add_int (b, "size", probe->size);
  add_int (b, "mtime_us", probe->mtime_us);
  add_string (b, "identity", probe->identity);
  add_string (b, "format", probe->format);
  add_string (b, "format_long", probe->format_long);
  add_int (b, "duration_us", probe->duration_us);
  add_time (b, "start_us", probe->start_us);
  add_int (b, "bit_rate", probe->bit_rate);
  add_string (b, "creation_time", probe->creation_time);

  if (tc->source != CR_TIMECODE_SOURCE_NONE)
    {
      json_builder_set_member_name (b, "timecode");
      json_builder_begin_object (b);
      g_autofree char *label = cr_timecode_to_string (tc->frames, &tc->format);

      add_string (b, "start", label);
      add_string (b, "source", cr_timecode_source_to_string (tc->source));
      add_int (b, "frames", tc->frames);
      add_rate (b, "rate", tc->format.rate);
      json_builder_set_member_name (b, "drop_frame");
      json_builder_add_boolean_value (b, tc->format.drop_frame);
      if (tc->rate_from_caller)
        {
          json_builder_set_member_name (b, "rate_from_caller");
          json_builder_add_boolean_value (b, TRUE);
        }
      if (tc->rate_mismatch)
        {
          json_builder_set_member_name (b, "rate_mismatch");
          json_builder_add_boolean_value (b, TRUE);
          add_rate (b, "video_rate", tc->video_rate);
        }
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "recorder");
  json_builder_begin_object (b);
  add_string (b, "scene", rec->scene);
  add_string (b, "take", rec->take);
  add_string (b, "tape", rec->tape);
  add_string (b, "project", rec->project);
  add_string (b, "note", rec->note);
  add_string (b, "originator", rec->originator);
  add_int (b, "time_reference", rec->time_reference);
  if (rec->time_reference >= 0)
    add_int (b, "time_reference_rate", rec->time_reference_rate);
  add_string (b, "camera_make", rec->camera_make);
  add_string (b, "camera_model", rec->camera_model);
  if (rec->track_names != NULL)
    {
      json_builder_set_member_name (b, "track_names");
      json_builder_begin_array (b);
      for (guint i = 0; rec->track_names[i] != NULL; i++)
        json_builder_add_string_value (b, rec->track_names[i]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "streams");
  json_builder_begin_array (b);
  for (guint i = 0; i < probe->streams->len; i++)
    add_stream (b, g_ptr_array_index (probe->streams, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
