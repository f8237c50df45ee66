/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-store-model.h"

G_BEGIN_DECLS

/* Clicking a column's header sorts a paged store model by that field, in SQL: the rows are
 * never all in memory, so a GtkSortListModel cannot do it. */

/* Makes the column sortable by `field` (a static string). */
void cr_column_sort_add    (GtkColumnViewColumn *column,
                            const char          *field);
/* Sorts the model as the view's headers say now. */
void cr_column_sort_apply  (GtkColumnView       *view,
                            CrStoreModel        *model);
/* Follows the view's sort on the model from now on. */
void cr_column_sort_follow (GtkColumnView       *view,
                            CrStoreModel        *model);
void cr_column_sort_stop   (GtkColumnView       *view,
                            CrStoreModel        *model);

G_END_DECLS
