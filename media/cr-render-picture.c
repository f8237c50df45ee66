/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>

#include "cr-render-private.h"

/* The frame metadata key the timecode burn-in reads: the text changes every frame and goes
 * in as data, so no filter-string escaping is involved. */
#define TIMECODE_KEY "casereel.timecode"

struct CrRenderPicture
{
  AVFilterGraph   *graph;
  AVFilterContext *src;
  AVFilterContext *sink;
  int              width;      /* the input it was set up for */
  int              height;
  int              format;
  gint64           count;
};

void
cr_render_picture_free (CrRenderPicture *picture)
{
  if (picture == NULL)
    return;
  avfilter_graph_free (&picture->graph);
  g_free (picture);
}

static void
set_error (GError    **error,
           int         averr,
           const char *what)
{
  char reason[AV_ERROR_MAX_STRING_SIZE] = "";

  av_strerror (averr, reason, sizeof reason);
  g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_FAILED, "%s (%s)", what, reason);
}

/* Adds a filter after *last and makes it the new last. `args` is an option string; `opts`
 * (NULL-terminated name/value pairs) are set as they are, so their values need no escaping. */
static gboolean
append (CrRenderPicture  *picture,
        AVFilterContext **last,
        const char       *name,
        const char       *args,
        const char      **opts,
        GError          **error)
{
  const AVFilter *filter = avfilter_get_by_name (name);
  AVFilterContext *ctx;
  int ret;

  if (filter == NULL)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "this FFmpeg has no %s filter%s", name,
                   g_str_equal (name, "drawtext") ? " (needed to burn in timecode or captions)" : "");
      return FALSE;
    }
  ctx = avfilter_graph_alloc_filter (picture->graph, filter, NULL);
  if (ctx == NULL)
    {
      set_error (error, AVERROR (ENOMEM), name);
      return FALSE;
    }
  for (; opts != NULL && opts[0] != NULL; opts += 2)
    if ((ret = av_opt_set (ctx, opts[0], opts[1], AV_OPT_SEARCH_CHILDREN)) < 0)
      {
        g_autofree char *what = g_strdup_printf ("cannot set %s of %s", opts[0], name);
        set_error (error, ret, what);
        return FALSE;
      }
  if ((ret = avfilter_init_str (ctx, args)) < 0)
    {
      g_autofree char *what = g_strdup_printf ("cannot set up the %s filter", name);
      set_error (error, ret, what);
      return FALSE;
    }
  if (*last != NULL && (ret = avfilter_link (*last, 0, ctx, 0)) < 0)
    {
      g_autofree char *what = g_strdup_printf ("cannot link the %s filter", name);
      set_error (error, ret, what);
      return FALSE;
    }
  *last = ctx;
  return TRUE;
}

static gboolean
append_text (CrRenderPicture  *picture,
             AVFilterContext **last,
             const char       *text,
             gboolean          expand,
             gboolean          top,
             int               height,
             GError          **error)
{
  g_autofree char *size = g_strdup_printf ("%d", MAX (8, height / 14));
  g_autofree char *border = g_strdup_printf ("%d", MAX (2, height / 90));
  const char *opts[] = {
    /* fontconfig picks the face: no font path is baked in. */
    "font", "Sans",
    "text", text,
    "expansion", expand ? "normal" : "none",
    "fontsize", size,
    "fontcolor", "white",
    "box", "1",
    "boxcolor", "black@0.6",
    "boxborderw", border,
    "x", "(w-text_w)/2",
    "y", top ? "text_h/2" : "h-text_h-text_h/2",
    NULL,
  };

  return append (picture, last, "drawtext", NULL, opts, error);
}

CrRenderPicture *
cr_render_picture_new (const AVFrame  *first,
                       int             rotation,
                       int             width,
                       int             height,
                       gboolean        timecode,
                       const char     *caption,
                       GError        **error)
{
  g_autoptr(CrRenderPicture) picture = g_new0 (CrRenderPicture, 1);
  AVRational sar = first->sample_aspect_ratio;
  AVFilterContext *last = NULL;
  g_autofree char *src_args = NULL;
  g_autofree char *scale_args = NULL;
  g_autofree char *pad_args = NULL;
  gint64 dw, dh;
  int w, h, fit_w, fit_h;
  int ret;

  if (sar.num <= 0 || sar.den <= 0)
    sar = (AVRational) { 1, 1 };
  picture->width = first->width;
  picture->height = first->height;
  picture->format = first->format;
  picture->graph = avfilter_graph_alloc ();
  /* One frame in, one frame out: threads would only add latency. */
  picture->graph->nb_threads = 1;

  src_args = g_strdup_printf ("video_size=%dx%d:pix_fmt=%d:time_base=1/25:pixel_aspect=%d/%d",
                              first->width, first->height, first->format, sar.num, sar.den);
  if (!append (picture, &last, "buffer", src_args, NULL, error))
    return NULL;
  picture->src = last;

  /* Upright first, so that the fit below sees the picture as it is shown. */
  w = first->width;
  h = first->height;
  if (rotation == 90 || rotation == 270)
    {
      const char *opts[] = { "dir", rotation == 90 ? "clock" : "cclock", NULL };
      if (!append (picture, &last, "transpose", NULL, opts, error))
        return NULL;
      w = first->height;
      h = first->width;
      sar = (AVRational) { sar.den, sar.num };
    }
  else if (rotation == 180)
    {
      if (!append (picture, &last, "hflip", NULL, NULL, error) ||
          !append (picture, &last, "vflip", NULL, NULL, error))
        return NULL;
    }

  /* Fit the display size (w × sar by h) inside width × height, to even sizes for 4:2:0. */
  dw = (gint64) w * sar.num;
  dh = (gint64) h * sar.den;
  if (dw * height >= dh * width)
    {
      fit_w = width;
      fit_h = (int) ((2 * width * dh + dw) / (2 * dw));
    }
  else
    {
      fit_h = height;
      fit_w = (int) ((2 * height * dw + dh) / (2 * dh));
    }
  fit_w = CLAMP ((fit_w + 1) & ~1, 2, width);
  fit_h = CLAMP ((fit_h + 1) & ~1, 2, height);

  scale_args = g_strdup_printf ("w=%d:h=%d", fit_w, fit_h);
  pad_args = g_strdup_printf ("w=%d:h=%d:x=%d:y=%d:color=black", width, height,
                              ((width - fit_w) / 2) & ~1, ((height - fit_h) / 2) & ~1);
  if (!append (picture, &last, "scale", scale_args, NULL, error) ||
      !append (picture, &last, "format", "pix_fmts=yuv420p", NULL, error) ||
      !append (picture, &last, "setsar", "sar=1", NULL, error) ||
      !append (picture, &last, "pad", pad_args, NULL, error))
    return NULL;
  if (timecode && !append_text (picture, &last, "%{metadata:" TIMECODE_KEY "}", TRUE, TRUE, height, error))
    return NULL;
  if (caption != NULL && caption[0] != '\0' &&
      !append_text (picture, &last, caption, FALSE, FALSE, height, error))
    return NULL;
  if (!append (picture, &last, "buffersink", NULL, NULL, error))
    return NULL;
  picture->sink = last;

  if ((ret = avfilter_graph_config (picture->graph, NULL)) < 0)
    {
      set_error (error, ret, "cannot set up the picture filters");
      return NULL;
    }
  return g_steal_pointer (&picture);
}

gboolean
cr_render_picture_accepts (const CrRenderPicture *picture,
                           const AVFrame         *frame)
{
  return frame->width == picture->width && frame->height == picture->height &&
         frame->format == picture->format;
}

AVFrame *
cr_render_picture_run (CrRenderPicture  *picture,
                       const AVFrame    *frame,
                       const char       *timecode,
                       GError          **error)
{
  g_autoptr(AVFrame) in = av_frame_clone (frame);
  g_autoptr(AVFrame) out = av_frame_alloc ();
  int ret;

  if (in == NULL || out == NULL)
    {
      set_error (error, AVERROR (ENOMEM), "cannot filter a picture");
      return NULL;
    }
  in->pts = picture->count++;
  if (timecode != NULL)
    av_dict_set (&in->metadata, TIMECODE_KEY, timecode, 0);
  if ((ret = av_buffersrc_add_frame (picture->src, in)) < 0 ||
      (ret = av_buffersink_get_frame (picture->sink, out)) < 0)
    {
      set_error (error, ret, "cannot filter a picture");
      return NULL;
    }
  return g_steal_pointer (&out);
}

AVFrame *
cr_render_black_frame (int width,
                       int height)
{
  g_autoptr(AVFrame) frame = av_frame_alloc ();
  ptrdiff_t linesizes[4];

  frame->format = AV_PIX_FMT_YUV420P;
  frame->width = width;
  frame->height = height;
  frame->sample_aspect_ratio = (AVRational) { 1, 1 };
  if (av_frame_get_buffer (frame, 0) < 0)
    return NULL;
  for (int i = 0; i < 4; i++)
    linesizes[i] = frame->linesize[i];
  av_image_fill_black (frame->data, linesizes, AV_PIX_FMT_YUV420P, AVCOL_RANGE_MPEG, width, height);
  return g_steal_pointer (&frame);
}
