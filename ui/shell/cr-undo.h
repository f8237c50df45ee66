/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* What it takes to undo a delete: the row as it was and the rows that pointed at it.
 * Deleting a location or an interview clears the references to it (shots, interviews,
 * clips), and deleting a shot drops the clips' links to it, so putting the row back also
 * points those rows at it again, in one transaction. The row comes back with a new id. */

/* Reference-counted: the dialog that deletes hands it to the window that offers Undo. */
typedef struct _CrUndoDelete CrUndoDelete;

/* Before the delete: copies the row and finds who refers to it. */
CrUndoDelete   *cr_undo_delete_new     (CrDb            *db,
                                        const CrRecord  *record,
                                        GError         **error);
const CrRecord *cr_undo_delete_get_record (CrUndoDelete *undo);
/* Puts the row back; returns its new id, or 0 with error set. */
gint64          cr_undo_delete_restore (CrUndoDelete    *undo,
                                        CrDb            *db,
                                        GError         **error);
/* The entities of the rows that pointed at it (CrEntity *, borrowed), to tell that they changed. */
GPtrArray      *cr_undo_delete_dup_touched (CrUndoDelete *undo);
CrUndoDelete   *cr_undo_delete_ref     (CrUndoDelete    *undo);
void            cr_undo_delete_unref   (CrUndoDelete    *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrUndoDelete, cr_undo_delete_unref)

G_END_DECLS
