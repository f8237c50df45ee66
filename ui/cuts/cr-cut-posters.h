/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cut page's poster frames, each a frame of a file: made one at a time in a worker
 * (decoding is slow), kept for the page's life by file and time (a cut read again after a
 * move or a reload finds them made), announced through `ready` (called on the main loop
 * with `data`) as each one arrives. */

typedef struct _CrCutPosters CrCutPosters;

/* The longer side of a poster, in pixels. */
#define CR_CUT_POSTER_SIZE 192

CrCutPosters *cr_cut_posters_new     (GCallback     ready,
                                      gpointer      data);
/* Stops the worker; `ready` is not called again. */
void          cr_cut_posters_free    (CrCutPosters *self);
/* Asks once for the frame shown `at_us` microseconds from the file's start, or with
 * `at_us` < 0 for the file's own poster frame (a tenth in; a waveform for sound); later
 * calls are free. */
void          cr_cut_posters_request (CrCutPosters *self,
                                      const char   *path,
                                      gint64        at_us);
/* The poster, or NULL while it is not made (or cannot be). Borrowed. */
GdkPaintable *cr_cut_posters_lookup  (CrCutPosters *self,
                                      const char   *path,
                                      gint64        at_us);
gboolean      cr_cut_posters_is_busy (CrCutPosters *self);

G_END_DECLS
