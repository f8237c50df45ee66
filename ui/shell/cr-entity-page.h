/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-record-editor.h"
#include "cr-store-model.h"

G_BEGIN_DECLS

/* One list page of the window, for any entity: a search, an Add button and a table of the
 * entity's rows whose columns come from its field table. Activating a row edits it.
 * Forwards the editors' ::saved (entity, id) and ::deleted (CrUndoDelete *) to the window. */

#define CR_TYPE_ENTITY_PAGE (cr_entity_page_get_type ())
G_DECLARE_FINAL_TYPE (CrEntityPage, cr_entity_page, CR, ENTITY_PAGE, GtkWidget)

CrEntityPage   *cr_entity_page_new          (CrProduction   *production,
                                             const CrEntity *entity);
const CrEntity *cr_entity_page_get_entity   (CrEntityPage   *self);
CrStoreModel   *cr_entity_page_get_model    (CrEntityPage   *self);
void            cr_entity_page_focus_search (CrEntityPage   *self);
void            cr_entity_page_set_search   (CrEntityPage   *self,
                                             const char     *text);
/* As typing it does: the entry shows it and the query runs in the background (the model's
 * cr_store_model_is_searching () says until when); set_search waits for the rows. */
void            cr_entity_page_type_search  (CrEntityPage   *self,
                                             const char     *text);
/* Whether rows are added by hand here (not clips: they come from indexing). */
gboolean        cr_entity_page_can_add      (CrEntityPage   *self);
/* Opens the editor for a new row (NULL where rows are not added by hand), or for the row
 * at `position`; the editor is shown. */
CrRecordEditor *cr_entity_page_add          (CrEntityPage   *self);
CrRecordEditor *cr_entity_page_edit         (CrEntityPage   *self,
                                             guint           position);
/* Opens a new consent for the selected participant; NULL when nothing is selected. */
CrRecordEditor *cr_entity_page_record_consent (CrEntityPage *self);
/* Selects and shows the row with this id. */
void            cr_entity_page_select       (CrEntityPage   *self,
                                             gint64          id);
/* Whether the table or the empty page shows. */
gboolean        cr_entity_page_is_empty     (CrEntityPage   *self);

/* The table's selection (CrRow items), for a page that shows more of the selected row. */
GtkSingleSelection *cr_entity_page_get_selection (CrEntityPage *self);

G_END_DECLS
