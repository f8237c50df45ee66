/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-output.h"
#include "cr-timeline.h"

G_BEGIN_DECLS

/* A review copy of a cut: every event decoded, fitted to the timeline's frame size and rate,
 * with its audio at 48 kHz stereo, gaps as black and silence, encoded as H.264/AAC in MP4 at
 * a constant frame rate equal to the timeline's, so that the file holds exactly
 * cr_timeline_get_duration () frames. */

typedef struct
{
  /* Burn each frame's source timecode (the source's start timecode + the frame) into the
   * picture. Gaps get none. */
  gboolean            burn_timecode;
  /* NULL, or n_captions == the timeline's event count texts, one per event, each NULL for
   * none: a line burnt into the picture for the whole event (who may be named is the
   * caller's decision; pass NULL for an anonymous participant). */
  const char * const *captions;
  guint               n_captions;
  /* If not NULL, called once the file is whole, before it is renamed into place; its error
   * is returned as it was set, and the file is not placed. */
  CrOutputPlacingFunc placing;
  gpointer            placing_data;
} CrRenderOptions;

/* Called from the rendering thread, now and then and once at the end (done == total). */
typedef void (*CrRenderProgressFunc) (gint64   frames_done,
                                      gint64   frames_total,
                                      gpointer user_data);

/* Renders `timeline` to `output_path` (MP4). Blocking: run it in a worker. The file is
 * written to a temp name in the same folder and renamed into place; on an error or a cancel
 * nothing is left behind and an existing file at output_path is untouched. Errors are
 * CR_MEDIA_ERROR naming the file or the event ("Event 3 (interview.mov): ..."); a cancel is
 * G_IO_ERROR_CANCELLED. `options` and `progress` may be NULL. */
gboolean cr_render_timeline (const CrTimeline       *timeline,
                             const CrRenderOptions  *options,
                             const char             *output_path,
                             CrRenderProgressFunc    progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error);

G_END_DECLS
