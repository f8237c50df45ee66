/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The parts of cr_render_timeline: the encoder/muxer (cr-render-output.c) and the picture
 * filter that fits a source's frames to the timeline (cr-render-picture.c). Private to media/. */

#include "cr-av-private.h"
#include "cr-timeline.h"

G_BEGIN_DECLS

#define CR_RENDER_SAMPLE_RATE 48000

/* One MP4 with an H.264 stream at a constant `rate` and an AAC stereo stream at 48 kHz. */
typedef struct CrRenderOutput CrRenderOutput;

/* Opens `path` (already created) for writing; errors name `display_path`. */
CrRenderOutput *cr_render_output_open        (const char      *path,
                                              const char      *display_path,
                                              int              width,
                                              int              height,
                                              CrRate           rate,
                                              CrAvInterrupt   *irq,
                                              GError         **error);
/* Appends one picture (yuv420p at the output's size); its pts is the output's frame count. */
gboolean        cr_render_output_add_video   (CrRenderOutput  *out,
                                              AVFrame         *frame,
                                              GError         **error);
/* Appends samples: planar float stereo at 48 kHz; data NULL for silence. */
gboolean        cr_render_output_add_audio   (CrRenderOutput  *out,
                                              uint8_t * const *data,
                                              int              n_samples,
                                              GError         **error);
gint64          cr_render_output_get_frames  (CrRenderOutput  *out);
gint64          cr_render_output_get_samples (CrRenderOutput  *out);
/* Called with each block of sound before it is encoded (planar float stereo, `at` samples
 * from the start): the sound tracks are added in here. */
typedef gboolean (*CrRenderMix) (gpointer   data,
                                 float    **planes,
                                 gint64     at,
                                 int        n_samples,
                                 GError   **error);
void            cr_render_output_set_mix     (CrRenderOutput  *out,
                                              CrRenderMix      mix,
                                              gpointer         data);
/* Drains the encoders and writes the trailer. The file is complete after this. */
gboolean        cr_render_output_finish      (CrRenderOutput  *out,
                                              GError         **error);
/* Closes the file (complete or not) and frees everything. */
void            cr_render_output_free        (CrRenderOutput  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRenderOutput, cr_render_output_free)

/* A filter graph fitting one source's pictures into the timeline's frame: turned upright,
 * scaled keeping its display aspect ratio, letterboxed or pillarboxed in black, yuv420p, with
 * the burn-ins asked for. Pictures go in one at a time and come out one at a time. */
typedef struct CrRenderPicture CrRenderPicture;

/* `first` gives the input's size, pixel format and sample aspect ratio; `rotation` is degrees
 * clockwise to show it upright. `timecode`: draw each frame's "casereel.timecode" metadata;
 * `caption`: a text drawn on every frame, or NULL. */
CrRenderPicture *cr_render_picture_new       (const AVFrame   *first,
                                              int              rotation,
                                              int              width,
                                              int              height,
                                              gboolean         timecode,
                                              const char      *caption,
                                              GError         **error);
/* Whether `frame` has the size and pixel format the filters were set up for (a stream may
 * change them midway; FFmpeg's buffer source refuses that). */
gboolean         cr_render_picture_accepts   (const CrRenderPicture *picture,
                                              const AVFrame         *frame);
/* Returns the fitted picture (a new reference) for `frame`, labelled with `timecode` (or NULL). */
AVFrame         *cr_render_picture_run       (CrRenderPicture *picture,
                                              const AVFrame   *frame,
                                              const char      *timecode,
                                              GError         **error);
void             cr_render_picture_free      (CrRenderPicture *picture);

/* The cut's sound tracks, decoded as the render reaches them (one event of each track open
 * at a time) and added to the picture track's sound. */
typedef struct CrRenderSound CrRenderSound;

CrRenderSound   *cr_render_sound_new         (const CrTimeline *timeline,
                                              CrAvInterrupt    *irq);
/* A CrRenderMix. */
gboolean         cr_render_sound_mix         (gpointer          sound,
                                              float           **planes,
                                              gint64            at,
                                              int               n_samples,
                                              GError          **error);
void             cr_render_sound_free        (CrRenderSound    *sound);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRenderSound, cr_render_sound_free)

/* A black yuv420p picture, for gaps and sources without video. */
AVFrame         *cr_render_black_frame       (int              width,
                                              int              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRenderPicture, cr_render_picture_free)

G_END_DECLS
