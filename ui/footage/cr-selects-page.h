/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store-model.h"

G_BEGIN_DECLS

/* Selects: the good moments, by clip and in point, with in and out as the clip's own
 * timecode (typed the way the command line takes them), their length, question and people.
 * "Open in Player" shows the select's clip on the Clips page at its in point; "Add to Cut"
 * and a drag put it in a cut. */

#define CR_TYPE_SELECTS_PAGE (cr_selects_page_get_type ())
G_DECLARE_FINAL_TYPE (CrSelectsPage, cr_selects_page, CR, SELECTS_PAGE, GtkWidget)

CrSelectsPage *cr_selects_page_new       (CrProduction  *production);
CrStoreModel  *cr_selects_page_get_model (CrSelectsPage *self);
/* Changes a select's in or out point from text in the clip's timecode (or a frame number,
 * or seconds); a refusal changes nothing and says why in one line. */
gboolean       cr_selects_page_set_point (CrSelectsPage *self,
                                          gint64         select,
                                          gboolean       out,
                                          const char    *text,
                                          GError       **error);
GtkSingleSelection *cr_selects_page_get_selection (CrSelectsPage *self);
/* "Add to Cut": the selected select goes to the end of `cut` (0: the cut the Cuts page
 * shows), and the Cuts page is shown. */
gboolean       cr_selects_page_add_to_cut (CrSelectsPage *self,
                                           gint64         cut,
                                           GError       **error);
/* What dragging the select at `position` carries (its id, a gint64), for the Cuts page and
 * its sidebar row to take; NULL for no row. */
GdkContentProvider *cr_selects_page_drag_content (CrSelectsPage *self,
                                                  guint          position);

G_END_DECLS
