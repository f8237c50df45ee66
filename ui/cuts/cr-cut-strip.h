/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cut at a glance: one block per event, as wide as the event is long, coloured by its
 * consent badge; the selected event is outlined. Drawn, so it has no template. */

#define CR_TYPE_CUT_STRIP (cr_cut_strip_get_type ())
G_DECLARE_FINAL_TYPE (CrCutStrip, cr_cut_strip, CR, CUT_STRIP, GtkWidget)

GtkWidget *cr_cut_strip_new           (void);
/* A model of CrCutEvent; NULL: empty. */
void       cr_cut_strip_set_model     (CrCutStrip *self,
                                       GListModel *events);
/* 0-based; GTK_INVALID_LIST_POSITION: none. */
void       cr_cut_strip_set_selected  (CrCutStrip *self,
                                       guint       position);
/* The block's share of the strip's width, 0–1: for tests of proportion. */
double     cr_cut_strip_get_share     (CrCutStrip *self,
                                       guint       position);

G_END_DECLS
