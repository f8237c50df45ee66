/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-store-model.h"

G_BEGIN_DECLS

/* A popover that finds one row among many (10,000 people): a search entry over the store's
 * paged, searched model, never a drop-down of every row. Emits ::picked (gint64 id) and
 * closes. Enter picks the first row found. Under each name is what tells the row apart (its
 * CR_FIELD_DESCRIBES fields: a person's role, a shot's description), the text of which the
 * search finds. */

#define CR_TYPE_ROW_PICKER (cr_row_picker_get_type ())
G_DECLARE_FINAL_TYPE (CrRowPicker, cr_row_picker, CR, ROW_PICKER, GtkPopover)

CrRowPicker  *cr_row_picker_new        (CrProduction   *production,
                                        const CrEntity *entity);
CrStoreModel *cr_row_picker_get_model  (CrRowPicker    *self);
GtkEditable  *cr_row_picker_get_search (CrRowPicker    *self);
/* What clicking the row at `position` does. */
void          cr_row_picker_pick       (CrRowPicker    *self,
                                        guint           position);

G_END_DECLS
