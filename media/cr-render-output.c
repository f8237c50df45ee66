/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>

#include "cr-render-private.h"

#define AUDIO_BIT_RATE 128000

struct CrRenderOutput
{
  char            *display_path;
  CrAvInterrupt   *irq;
  AVFormatContext *oc;
  AVCodecContext  *video;
  AVCodecContext  *audio;
  AVStream        *video_stream;
  AVStream        *audio_stream;
  AVAudioFifo     *fifo;       /* samples waiting for a whole AAC frame */
  AVFrame         *audio_frame;
  AVPacket        *packet;
  gint64           frames;     /* pictures sent */
  gint64           samples;    /* samples received */
  gint64           samples_encoded;
  CrRenderMix      mix;
  gpointer         mix_data;
};

static void
output_error (CrRenderOutput  *out,
              GError         **error,
              int              averr,
              const char      *what)
{
  cr_av_set_error (error, out->irq, out->display_path, averr, CR_MEDIA_ERROR_FAILED, what);
}

/* Writes every packet the encoder has ready (all of them when draining). */
static gboolean
write_packets (CrRenderOutput  *out,
               AVCodecContext  *enc,
               AVStream        *stream,
               GError         **error)
{
  for (;;)
    {
      int ret = avcodec_receive_packet (enc, out->packet);

      if (ret == AVERROR (EAGAIN) || ret == AVERROR_EOF)
        return TRUE;
      if (ret < 0)
        {
          output_error (out, error, ret, "cannot encode");
          return FALSE;
        }
      av_packet_rescale_ts (out->packet, enc->time_base, stream->time_base);
      out->packet->stream_index = stream->index;
      ret = av_interleaved_write_frame (out->oc, out->packet);
      if (ret < 0)
        {
          output_error (out, error, ret, "cannot write");
          return FALSE;
        }
    }
}

static gboolean
encode (CrRenderOutput  *out,
        AVCodecContext  *enc,
        AVStream        *stream,
        AVFrame         *frame,
        GError         **error)
{
  int ret = avcodec_send_frame (enc, frame);

  if (ret < 0)
    {
      output_error (out, error, ret, "cannot encode");
      return FALSE;
    }
  return write_packets (out, enc, stream, error);
}

static AVCodecContext *
open_encoder (CrRenderOutput  *out,
              const char      *name,
              AVStream       **stream_out,
              void           (*setup) (AVCodecContext *, gpointer),
              gpointer         data,
              GError         **error)
{
  const AVCodec *codec = avcodec_find_encoder_by_name (name);
  g_autoptr(AVCodecContext) enc = NULL;
  AVStream *stream;
  int ret;

  if (codec == NULL)
    {
      g_autofree char *display = g_filename_display_name (out->display_path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "%s: this FFmpeg has no %s encoder", display, name);
      return NULL;
    }
  enc = avcodec_alloc_context3 (codec);
  setup (enc, data);
  if (out->oc->oformat->flags & AVFMT_GLOBALHEADER)
    enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  if ((ret = avcodec_open2 (enc, codec, NULL)) < 0)
    {
      g_autofree char *what = g_strdup_printf ("cannot open the %s encoder", name);
      cr_av_set_error (error, out->irq, out->display_path, ret, CR_MEDIA_ERROR_UNSUPPORTED, what);
      return NULL;
    }
  stream = avformat_new_stream (out->oc, NULL);
  if (stream == NULL || (ret = avcodec_parameters_from_context (stream->codecpar, enc)) < 0)
    {
      output_error (out, error, stream ? ret : AVERROR (ENOMEM), "cannot add a stream");
      return NULL;
    }
  stream->time_base = enc->time_base;
  *stream_out = stream;
  return g_steal_pointer (&enc);
}

typedef struct
{
  int    width;
  int    height;
  CrRate rate;
} VideoSetup;

static void
setup_video (AVCodecContext *enc,
             gpointer        data)
{
  const VideoSetup *v = data;

  enc->width = v->width;
  enc->height = v->height;
  enc->pix_fmt = AV_PIX_FMT_YUV420P;
  enc->sample_aspect_ratio = (AVRational) { 1, 1 };
  /* A constant rate: one tick per frame, so pts is the frame number. */
  enc->time_base = (AVRational) { v->rate.den, v->rate.num };
  enc->framerate = (AVRational) { v->rate.num, v->rate.den };
  av_opt_set (enc->priv_data, "preset", "veryfast", 0);
  av_opt_set (enc->priv_data, "crf", "23", 0);
}

static void
setup_audio (AVCodecContext *enc,
             gpointer        data)
{
  AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;

  enc->sample_fmt = AV_SAMPLE_FMT_FLTP;
  enc->sample_rate = CR_RENDER_SAMPLE_RATE;
  av_channel_layout_copy (&enc->ch_layout, &stereo);
  enc->bit_rate = AUDIO_BIT_RATE;
  enc->time_base = (AVRational) { 1, CR_RENDER_SAMPLE_RATE };
}

CrRenderOutput *
cr_render_output_open (const char     *path,
                       const char     *display_path,
                       int             width,
                       int             height,
                       CrRate          rate,
                       CrAvInterrupt  *irq,
                       GError        **error)
{
  g_autoptr(CrRenderOutput) out = g_new0 (CrRenderOutput, 1);
  AVDictionary *options = NULL;
  VideoSetup video = { width, height, rate };
  int ret;

  out->display_path = g_strdup (display_path);
  out->irq = irq;
  out->packet = av_packet_alloc ();
  /* Named "mp4" explicitly: the temp file's name does not end in .mp4. */
  if ((ret = avformat_alloc_output_context2 (&out->oc, NULL, "mp4", path)) < 0)
    {
      output_error (out, error, ret, "cannot set up MP4 output");
      return NULL;
    }
  out->video = open_encoder (out, "libx264", &out->video_stream, setup_video, &video, error);
  if (out->video == NULL)
    return NULL;
  out->video_stream->avg_frame_rate = out->video->framerate;
  out->audio = open_encoder (out, "aac", &out->audio_stream, setup_audio, NULL, error);
  if (out->audio == NULL)
    return NULL;

  out->fifo = av_audio_fifo_alloc (AV_SAMPLE_FMT_FLTP, 2, out->audio->frame_size);
  out->audio_frame = av_frame_alloc ();
  out->audio_frame->format = AV_SAMPLE_FMT_FLTP;
  out->audio_frame->sample_rate = CR_RENDER_SAMPLE_RATE;
  av_channel_layout_copy (&out->audio_frame->ch_layout, &out->audio->ch_layout);
  out->audio_frame->nb_samples = out->audio->frame_size;
  if ((ret = av_frame_get_buffer (out->audio_frame, 0)) < 0)
    {
      output_error (out, error, ret, "cannot allocate audio");
      return NULL;
    }

  if ((ret = avio_open (&out->oc->pb, path, AVIO_FLAG_WRITE)) < 0)
    {
      output_error (out, error, ret, "cannot open for writing");
      return NULL;
    }
  /* A review copy is watched more than it is edited: moov first so that it plays while it
   * downloads or copies. */
  av_dict_set (&options, "movflags", "+faststart", 0);
  ret = avformat_write_header (out->oc, &options);
  av_dict_free (&options);
  if (ret < 0)
    {
      output_error (out, error, ret, "cannot write the MP4 header");
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
cr_render_output_add_video (CrRenderOutput  *out,
                            AVFrame         *frame,
                            GError         **error)
{
  frame->pts = out->frames++;
  frame->pict_type = AV_PICTURE_TYPE_NONE;
  return encode (out, out->video, out->video_stream, frame, error);
}

/* Encodes one AAC frame of `n` samples from the FIFO (fewer only for the last one). */
static gboolean
encode_audio_frame (CrRenderOutput  *out,
                    int              n,
                    GError         **error)
{
  AVFrame *frame = out->audio_frame;
  int ret;

  if ((ret = av_frame_make_writable (frame)) < 0)
    {
      output_error (out, error, ret, "cannot allocate audio");
      return FALSE;
    }
  frame->nb_samples = n;
  if (av_audio_fifo_read (out->fifo, (void **) frame->data, n) != n)
    {
      output_error (out, error, AVERROR_BUG, "audio FIFO underrun");
      return FALSE;
    }
  frame->pts = out->samples_encoded;
  if (out->mix != NULL && !out->mix (out->mix_data, (float **) frame->data, frame->pts, n, error))
    return FALSE;
  out->samples_encoded += n;
  return encode (out, out->audio, out->audio_stream, frame, error);
}

void
cr_render_output_set_mix (CrRenderOutput *out,
                          CrRenderMix     mix,
                          gpointer        data)
{
  out->mix = mix;
  out->mix_data = data;
}

gboolean
cr_render_output_add_audio (CrRenderOutput  *out,
                            uint8_t * const *data,
                            int              n_samples,
                            GError         **error)
{
  int frame_size = out->audio->frame_size;

  if (n_samples <= 0)
    return TRUE;
  if (data != NULL)
    {
      if (av_audio_fifo_write (out->fifo, (void **) data, n_samples) != n_samples)
        {
          output_error (out, error, AVERROR (ENOMEM), "cannot buffer audio");
          return FALSE;
        }
    }
  else
    {
      int size = av_audio_fifo_size (out->fifo);
      int ret;

      /* Silence: grow the FIFO and zero the new part (0.0f is all-zero bytes). */
      if ((ret = av_audio_fifo_realloc (out->fifo, size + n_samples)) < 0)
        {
          output_error (out, error, ret, "cannot buffer audio");
          return FALSE;
        }
      for (int done = 0; done < n_samples; )
        {
          static const float zeros[1024];
          const void *planes[2] = { zeros, zeros };
          int n = MIN (n_samples - done, (int) G_N_ELEMENTS (zeros));

          av_audio_fifo_write (out->fifo, (void **) planes, n);
          done += n;
        }
    }
  out->samples += n_samples;
  while (av_audio_fifo_size (out->fifo) >= frame_size)
    if (!encode_audio_frame (out, frame_size, error))
      return FALSE;
  return TRUE;
}

gint64
cr_render_output_get_frames (CrRenderOutput *out)
{
  return out->frames;
}

gint64
cr_render_output_get_samples (CrRenderOutput *out)
{
  return out->samples;
}

gboolean
cr_render_output_finish (CrRenderOutput  *out,
                         GError         **error)
{
  int rest = av_audio_fifo_size (out->fifo);
  int ret;

  if (rest > 0)
    {
      /* An encoder that only takes whole frames gets the last one padded with silence;
       * FFmpeg's AAC takes a short last frame, so the file ends where the cut does. */
      if (!(out->audio->codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) &&
          !(out->audio->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME))
        {
          gint64 samples = out->samples;
          if (!cr_render_output_add_audio (out, NULL, out->audio->frame_size - rest, error))
            return FALSE;
          out->samples = samples;
          rest = av_audio_fifo_size (out->fifo);
        }
      if (rest > 0 && !encode_audio_frame (out, rest, error))
        return FALSE;
    }
  if (!encode (out, out->audio, out->audio_stream, NULL, error) ||
      !encode (out, out->video, out->video_stream, NULL, error))
    return FALSE;
  if ((ret = av_write_trailer (out->oc)) < 0)
    {
      output_error (out, error, ret, "cannot finish the MP4 file");
      return FALSE;
    }
  if ((ret = avio_closep (&out->oc->pb)) < 0)
    {
      output_error (out, error, ret, "cannot close");
      return FALSE;
    }
  return TRUE;
}

void
cr_render_output_free (CrRenderOutput *out)
{
  if (out == NULL)
    return;
  if (out->oc != NULL)
    {
      if (out->oc->pb != NULL)
        avio_closep (&out->oc->pb);
      avformat_free_context (out->oc);
    }
  avcodec_free_context (&out->video);
  avcodec_free_context (&out->audio);
  if (out->fifo != NULL)
    av_audio_fifo_free (out->fifo);
  av_frame_free (&out->audio_frame);
  av_packet_free (&out->packet);
  g_free (out->display_path);
  g_free (out);
}
