/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The trim of one event: its source in and out as timecode. A row makes it only when it is
 * first asked for, so a long cut's rows stay light. ::trim (in, out) asks its owner to trim;
 * the handler returns NULL, and the popover closes, or the error in words, which it shows. */

#define CR_TYPE_CUT_TRIM_POPOVER (cr_cut_trim_popover_get_type ())
G_DECLARE_FINAL_TYPE (CrCutTrimPopover, cr_cut_trim_popover, CR, CUT_TRIM_POPOVER, GtkPopover)

GtkWidget *cr_cut_trim_popover_new       (void);
/* Fills in the range to start from, clears any error and puts focus in Source in. */
void       cr_cut_trim_popover_set_range (CrCutTrimPopover *self,
                                          const char       *source_in,
                                          const char       *source_out);

G_END_DECLS
