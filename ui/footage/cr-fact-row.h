/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A fact about a clip in the detail pane ("Frame rate", "29.97 DF fps"): a preferences row laid out
 * as libadwaita's action rows are, on one line each. Its value is short and does not wrap:
 * GTK 4.8 lays a wrapping label out again and again to find its width, and an action row
 * of each fact took 5 ms of every search that showed another clip. */

#define CR_TYPE_FACT_ROW (cr_fact_row_get_type ())
G_DECLARE_FINAL_TYPE (CrFactRow, cr_fact_row, CR, FACT_ROW, AdwPreferencesRow)

GtkWidget  *cr_fact_row_new       (const char *title);
/* Hidden when there is no value (NULL or ""); a value that stands is not set again. */
void        cr_fact_row_set_value (CrFactRow *self, const char *value);
const char *cr_fact_row_get_value (CrFactRow *self);

G_END_DECLS
