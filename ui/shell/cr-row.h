/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-entity.h"

G_BEGIN_DECLS

/* One row of an entity as a list shows it: the stored record and, per field, the text a
 * person reads (references by name, times in the row's zone), worked out once.
 * ::changed says a refill gave it another record. */

#define CR_TYPE_ROW (cr_row_get_type ())
G_DECLARE_FINAL_TYPE (CrRow, cr_row, CR, ROW, GObject)

/* Takes `record`. */
CrRow          *cr_row_new           (CrDb       *db,
                                      CrRecord   *record);
/* A row that stands for "no row", such as "None" in a drop-down. */
CrRow          *cr_row_new_none      (const char *label);
gint64          cr_row_get_id        (CrRow      *self);
const CrRecord *cr_row_get_record    (CrRow      *self);
/* The row's name ("label" property). */
const char     *cr_row_get_label     (CrRow      *self);
/* A field's value as it reads, on one line; "" when empty. */
const char     *cr_row_get_display   (CrRow      *self,
                                      const char *field);
/* Takes what `fresh` says (its record, texts and name) and emits ::changed: a list that
 * keeps its rows across a reload refills the ones on screen instead of replacing them. */
void            cr_row_refill        (CrRow      *self,
                                      CrRow      *fresh);

G_END_DECLS
