/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store-model.h"

G_BEGIN_DECLS

/* Selects: the good moments, by clip and in point, with in and out as the clip's own
 * timecode (typed the way the command line takes them), their length, question and people.
 * "Open in Player" shows the select's clip on the Clips page at its in point. */

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

G_END_DECLS
