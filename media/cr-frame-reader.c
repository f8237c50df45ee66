/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>

#include "cr-av-private.h"
#include "cr-frame-reader.h"

/* Decoded pictures (the decoder's own YUV, not RGBA) kept around the frame last asked for, so
 * that steps and seeks near a paused frame cost no decode: at 1080p 4:2:0, 3 MB each. */
#define CACHE_BYTES (160 * 1024 * 1024)
#define CACHE_MIN 8
#define CACHE_MAX 256
/* Ahead by up to this many frames, decoding on is cheaper than seeking (a long GOP). */
#define FORWARD_LIMIT 300
#define TIMEOUT_US (30 * G_USEC_PER_SEC)

typedef struct
{
  gint64   index;     /* -1: empty */
  AVFrame *frame;
} Picture;

struct _CrFrameReader
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  int              waiting;     /* reads waiting for the lock: a decode-ahead gives way */
  char            *path;
  CrAvInterrupt    irq;
  AVFormatContext *ic;
  AVStream        *st;
  AVCodecContext  *dec;
  struct SwsContext *sws;
  AVPacket        *pkt;
  AVFrame         *frame;
  AVFrame         *best;        /* the last picture at or before the target */
  CrRate           rate;
  gint64           start;       /* the stream's first timestamp, its time base */
  gint64           n_frames;
  int              width, height;
  gboolean         positioned;  /* the decoder stands just after frame `last` */
  gint64           last;
  gint64           focus;       /* the frame last asked for: the cache keeps what is near it */
  Picture         *cache;
  guint            cache_size, behind, ahead;
  gint64           shown_index; /* the last picture converted, for asking twice */
  GBytes          *shown;
};

static AVStream *
find_picture_stream (AVFormatContext *ic)
{
  int best = av_find_best_stream (ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);

  if (best >= 0 && !(ic->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC))
    return ic->streams[best];
  for (unsigned i = 0; i < ic->nb_streams; i++)
    if (ic->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
        && !(ic->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC))
      return ic->streams[i];
  return NULL;
}

CrFrameReader *
cr_frame_reader_open (const char  *path,
                      GError     **error)
{
  g_autoptr(CrFrameReader) self = g_new0 (CrFrameReader, 1);
  AVRational r;

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->path = g_strdup (path);
  self->shown_index = -1;
  cr_av_interrupt_init (&self->irq, NULL, 0);
  if (!(self->ic = cr_av_open_input (path, &self->irq, NULL, 0, NULL, error)))
    return NULL;
  if (!cr_av_header_is_enough (self->ic) && !cr_av_find_stream_info (self->ic, &self->irq, path, error))
    return NULL;
  if (!(self->st = find_picture_stream (self->ic)))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM, "%s: no picture to show", name);
      return NULL;
    }
  for (unsigned i = 0; i < self->ic->nb_streams; i++)
    if (self->ic->streams[i] != self->st)
      self->ic->streams[i]->discard = AVDISCARD_ALL;
  /* Threads: decoding a long GOP forward is throughput, and frame threads give it. */
  if (!(self->dec = cr_av_open_decoder (self->st, 0, path, error)))
    return NULL;
  r = self->st->r_frame_rate.num > 0 ? self->st->r_frame_rate : self->st->avg_frame_rate;
  self->rate = r.num > 0 && r.den > 0 ? cr_av_snap_rate (r) : (CrRate) { 25, 1 };
  self->start = self->st->start_time != AV_NOPTS_VALUE ? self->st->start_time : 0;
  self->width = self->dec->width;
  self->height = self->dec->height;
  if (self->width <= 0 || self->height <= 0 || self->width > 16384 || self->height > 16384)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED, "%s: the picture has no usable size (%d×%d)",
                   name, self->width, self->height);
      return NULL;
    }
  if (self->ic->duration != AV_NOPTS_VALUE && self->ic->duration > 0)
    self->n_frames = av_rescale_q_rnd (self->ic->duration, AV_TIME_BASE_Q,
                                       (AVRational) { self->rate.den, self->rate.num }, AV_ROUND_NEAR_INF);
  else
    self->n_frames = -1;
  self->pkt = av_packet_alloc ();
  self->frame = av_frame_alloc ();
  self->best = av_frame_alloc ();
  self->last = -1;
  {
    int bytes = av_image_get_buffer_size (self->dec->pix_fmt, self->width, self->height, 1);
    gsize each = bytes > 0 ? (gsize) bytes : (gsize) self->width * self->height * 4;

    self->cache_size = CLAMP (CACHE_BYTES / each, CACHE_MIN, CACHE_MAX);
    self->behind = self->cache_size / 3;
    self->ahead = self->cache_size - self->behind - 1;
    self->cache = g_new (Picture, self->cache_size);
    for (guint i = 0; i < self->cache_size; i++)
      self->cache[i] = (Picture) { -1, NULL };
  }
  return g_steal_pointer (&self);
}

CrFrameReader *
cr_frame_reader_ref (CrFrameReader *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cr_frame_reader_unref (CrFrameReader *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; self->cache && i < self->cache_size; i++)
    av_frame_free (&self->cache[i].frame);
  g_free (self->cache);
  g_clear_pointer (&self->shown, g_bytes_unref);
  sws_freeContext (self->sws);
  av_frame_free (&self->best);
  av_frame_free (&self->frame);
  av_packet_free (&self->pkt);
  avcodec_free_context (&self->dec);
  avformat_close_input (&self->ic);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

int
cr_frame_reader_get_width (CrFrameReader *self)
{
  return self->width;
}

int
cr_frame_reader_get_height (CrFrameReader *self)
{
  return self->height;
}

CrRate
cr_frame_reader_get_rate (CrFrameReader *self)
{
  return self->rate;
}

gint64
cr_frame_reader_get_n_frames (CrFrameReader *self)
{
  return self->n_frames;
}

/* The frame's number at the clip's rate, from its time. */
static gint64
frame_index (CrFrameReader *self,
             AVFrame       *frame)
{
  gint64 pts = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;

  if (pts == AV_NOPTS_VALUE)
    return self->last + 1;
  return av_rescale_q_rnd (pts - self->start, self->st->time_base,
                           (AVRational) { self->rate.den, self->rate.num }, AV_ROUND_NEAR_INF);
}

static AVFrame *
cache_find (CrFrameReader *self,
            gint64         index)
{
  for (guint i = 0; i < self->cache_size; i++)
    if (self->cache[i].index == index)
      return self->cache[i].frame;
  return NULL;
}

/* Keeps a reference to the picture unless every one kept is nearer the focus. */
static void
cache_add (CrFrameReader *self,
           gint64         index,
           AVFrame       *frame)
{
  Picture *slot = NULL;
  gint64 far = ABS (index - self->focus);

  for (guint i = 0; i < self->cache_size; i++)
    {
      Picture *p = &self->cache[i];

      if (p->index == index)
        return;
      if (p->index < 0)
        {
          slot = p;
          far = G_MAXINT64;
        }
      else if (ABS (p->index - self->focus) > far)
        {
          slot = p;
          far = ABS (p->index - self->focus);
        }
    }
  if (slot == NULL)
    return;
  av_frame_free (&slot->frame);
  slot->frame = av_frame_clone (frame);
  slot->index = slot->frame ? index : -1;
}

/* RGBA as FFmpeg's own scaler makes it, with the frame's matrix and range (as its scale
 * filter does), so that the picture is the one ffmpeg shows. */
static GBytes *
convert (CrFrameReader  *self,
         AVFrame        *frame,
         GError        **error)
{
  gsize stride = (gsize) self->width * 4;
  guint8 *rgba;
  guint8 *dst[4] = { NULL };
  int dst_stride[4] = { (int) stride };
  const int *coefs;
  int src_full = frame->color_range == AVCOL_RANGE_JPEG;

  if (frame->width != self->width || frame->height != self->height)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED, "%s: the picture changes size mid-clip", name);
      return NULL;
    }
  self->sws = sws_getCachedContext (self->sws, frame->width, frame->height, frame->format,
                                    self->width, self->height, AV_PIX_FMT_RGBA, SWS_BICUBIC, NULL, NULL, NULL);
  if (self->sws == NULL)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED, "%s: cannot convert its pictures", name);
      return NULL;
    }
  coefs = sws_getCoefficients (frame->colorspace);
  sws_setColorspaceDetails (self->sws, coefs, src_full, sws_getCoefficients (SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
  rgba = g_malloc (stride * self->height);
  dst[0] = rgba;
  sws_scale (self->sws, (const guint8 * const *) frame->data, frame->linesize, 0, frame->height, dst, dst_stride);
  return g_bytes_new_take (rgba, stride * self->height);
}

static gint64
frame_to_ts (CrFrameReader *self,
             gint64         frame)
{
  return self->start + av_rescale_q (frame, (AVRational) { self->rate.den, self->rate.num }, self->st->time_base);
}

/* TRUE when the index knows a keyframe after the frame after `from`, at or before `to`:
 * decoding on from `from` would pass it, and a seek to it decodes less (a jump ahead within
 * FORWARD_LIMIT). The next frame itself is never a reason to seek, however it is coded: every
 * frame of an intra-only file is a keyframe. */
static gboolean
keyframe_between (CrFrameReader *self,
                  gint64         from,
                  gint64         to)
{
  int at = av_index_search_timestamp (self->st, frame_to_ts (self, to), AVSEEK_FLAG_BACKWARD);
  const AVIndexEntry *entry = at >= 0 ? avformat_index_get_entry (self->st, at) : NULL;

  return entry != NULL && entry->timestamp > frame_to_ts (self, from + 1);
}

/* Decodes on from where the decoder stands until frame `target`, keeping the pictures from
 * `keep_from` on in the cache and the last one at or before the target in self->best (a
 * missing frame shows the one before, as a player does). *past is set when the first frame
 * decoded already lies after the target (a seek that landed late). `ahead`: a decode-ahead,
 * which stops as soon as a read waits for the reader. */
static gboolean
decode_forward (CrFrameReader  *self,
                gint64          target,
                gint64          keep_from,
                gboolean        ahead,
                gboolean       *past,
                GError        **error)
{
  gboolean first = TRUE, found = FALSE;
  gint64 keep_ts = frame_to_ts (self, keep_from);
  int ret = 0;

  *past = FALSE;
  av_frame_unref (self->best);
  for (;;)
    {
      if (ahead && g_atomic_int_get (&self->waiting) > 0)
        return TRUE;
      if (cr_av_interrupted (&self->irq, self->path, error))
        {
          self->positioned = FALSE;
          return FALSE;
        }
      ret = av_read_frame (self->ic, self->pkt);
      if (ret == AVERROR_EXIT)
        {
          self->positioned = FALSE;
          cr_av_set_error (error, &self->irq, self->path, ret, CR_MEDIA_ERROR_DAMAGED, NULL);
          return FALSE;
        }
      if (ret < 0)
        avcodec_send_packet (self->dec, NULL);
      else
        {
          if (self->pkt->stream_index == self->st->index)
            {
              /* Before the pictures kept, a picture no other picture refers to (most
               * B-frames) is never shown and changes nothing: not decoding it is exact, and
               * a seek in a long GOP decodes up to half as many pictures. */
              self->dec->skip_frame = self->pkt->pts != AV_NOPTS_VALUE && self->pkt->pts < keep_ts
                                        ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
              avcodec_send_packet (self->dec, self->pkt);   /* a bad packet is skipped, not fatal */
            }
          av_packet_unref (self->pkt);
        }
      while (avcodec_receive_frame (self->dec, self->frame) >= 0)
        {
          gint64 index = frame_index (self, self->frame);

          if (first && index > target && !ahead)
            {
              *past = TRUE;
              av_frame_unref (self->frame);
              self->positioned = FALSE;
              return FALSE;
            }
          first = FALSE;
          self->last = index;
          self->positioned = TRUE;
          /* Only the frame shown is converted to RGBA, later; the others stay as decoded. */
          if (index >= keep_from)
            cache_add (self, index, self->frame);
          if (index <= target)
            {
              av_frame_unref (self->best);
              av_frame_move_ref (self->best, self->frame);
              found = TRUE;
            }
          av_frame_unref (self->frame);
          /* Past a missing frame `target`, the one before is shown; the decoder stands on. */
          if (index >= target)
            return found || ahead;
        }
      if (ret < 0)
        {
          /* The end: the last frame there is; a new read must seek. */
          self->positioned = FALSE;
          if (!found && !ahead)
            {
              g_autofree char *name = g_filename_display_name (self->path);
              g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED, "%s: no frame could be decoded at %" G_GINT64_FORMAT,
                           name, target);
            }
          return found || ahead;
        }
    }
}

static GBytes *
show (CrFrameReader  *self,
      gint64          index,
      AVFrame        *frame,
      GError        **error)
{
  GBytes *rgba = convert (self, frame, error);

  if (rgba != NULL)
    {
      g_clear_pointer (&self->shown, g_bytes_unref);
      self->shown = g_bytes_ref (rgba);
      self->shown_index = index;
    }
  return rgba;
}

static GBytes *
read_locked (CrFrameReader  *self,
             gint64          frame,
             GError        **error)
{
  AVFrame *kept;
  gint64 ts;

  if (self->shown != NULL && self->shown_index == frame)
    return g_bytes_ref (self->shown);
  self->focus = frame;
  if ((kept = cache_find (self, frame)))
    return show (self, frame, kept, error);
  if (self->positioned && frame > self->last && frame - self->last <= FORWARD_LIMIT &&
      !keyframe_between (self, self->last, frame))
    {
      gboolean past;
      if (decode_forward (self, frame, frame - self->behind, FALSE, &past, error))
        return show (self, frame, self->best, error);
      if (!past)
        return NULL;
    }
  ts = frame_to_ts (self, frame);
  for (int attempt = 0;; attempt++)
    {
      gboolean last = cr_av_seek_before (self->ic, self->st, self->start, ts, attempt);
      gboolean past = FALSE;

      avcodec_flush_buffers (self->dec);
      self->positioned = FALSE;
      self->last = -1;
      if (decode_forward (self, frame, frame - self->behind, FALSE, &past, error))
        return show (self, frame, self->best, error);
      /* A file without an index can land past the frame: start earlier. */
      if (!past || last)
        {
          if (past && error && *error == NULL)
            {
              g_autofree char *name = g_filename_display_name (self->path);
              g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED, "%s: frame %" G_GINT64_FORMAT " cannot be reached",
                           name, frame);
            }
          return NULL;
        }
    }
}

GBytes *
cr_frame_reader_read (CrFrameReader  *self,
                      gint64          frame,
                      GCancellable   *cancellable,
                      GError        **error)
{
  GBytes *rgba;

  g_return_val_if_fail (self != NULL, NULL);
  if (frame < 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "frame %" G_GINT64_FORMAT " is before the clip's start", frame);
      return NULL;
    }
  g_atomic_int_inc (&self->waiting);
  g_mutex_lock (&self->lock);
  g_atomic_int_dec_and_test (&self->waiting);
  cr_av_interrupt_init (&self->irq, cancellable, TIMEOUT_US);
  rgba = read_locked (self, frame, error);
  cr_av_interrupt_init (&self->irq, NULL, 0);
  g_mutex_unlock (&self->lock);
  return rgba;
}

void
cr_frame_reader_decode_ahead (CrFrameReader *self)
{
  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->lock);
  if (self->positioned && self->last >= self->focus && self->last < self->focus + (gint64) self->ahead)
    {
      gboolean past;

      cr_av_interrupt_init (&self->irq, NULL, TIMEOUT_US);
      /* A failure here is the next read's to report, with its own frame's words. */
      decode_forward (self, self->focus + self->ahead, self->focus, TRUE, &past, NULL);
      cr_av_interrupt_init (&self->irq, NULL, 0);
    }
  g_mutex_unlock (&self->lock);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CrFrameReader *self = g_task_get_task_data (task);
  gint64 frame = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "cr-frame"));
  GError *error = NULL;
  GBytes *rgba = cr_frame_reader_read (self, frame, cancellable, &error);

  if (rgba == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, rgba, (GDestroyNotify) g_bytes_unref);
  /* Paused here, most likely: the pictures after it are decoded while the user looks. */
  cr_frame_reader_decode_ahead (self);
}

void
cr_frame_reader_read_async (CrFrameReader       *self,
                            gint64               frame,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cr_frame_reader_read_async);
  g_task_set_task_data (task, cr_frame_reader_ref (self), (GDestroyNotify) cr_frame_reader_unref);
  g_object_set_data (G_OBJECT (task), "cr-frame", GSIZE_TO_POINTER ((gsize) MAX (frame, 0)));
  g_task_run_in_thread (task, read_in_thread);
}

GBytes *
cr_frame_reader_read_finish (CrFrameReader  *self,
                             GAsyncResult   *result,
                             gint64         *out_frame,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (out_frame)
    *out_frame = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (result), "cr-frame"));
  return g_task_propagate_pointer (G_TASK (result), error);
}
