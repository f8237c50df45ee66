/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cut page's poster frames: made one file at a time in a worker (decoding is slow, and
 * a cut uses few clips many times), kept for the page's life, announced through `ready`
 * (called on the main loop with `data`) as each one arrives. */

typedef struct _CrCutPosters CrCutPosters;

CrCutPosters *cr_cut_posters_new     (GCallback     ready,
                                      gpointer      data);
/* Stops the worker; `ready` is not called again. */
void          cr_cut_posters_free    (CrCutPosters *self);
/* Asks for the file's poster once; later calls are free. */
void          cr_cut_posters_request (CrCutPosters *self,
                                      const char   *path);
/* The poster, or NULL while it is not made (or cannot be). Borrowed. */
GdkPaintable *cr_cut_posters_lookup  (CrCutPosters *self,
                                      const char   *path);
gboolean      cr_cut_posters_is_busy (CrCutPosters *self);

G_END_DECLS
