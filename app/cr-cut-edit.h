/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cut.h"

G_BEGIN_DECLS

/* Editing a cut the way the window does it: by timecode, by the user's selects, with undo. */

/* Sets an event's source in and out from timecodes at the source's own rate (out exclusive,
 * as the list shows them). The error names the field ("source in: …"). One transaction. */
gboolean    cr_cut_trim_event     (CrDb *db, gint64 cut, guint position, const char *source_in,
                                   const char *source_out, GError **error);

/* Adds selects to the cut at `position` (1-based; 0: at the end), in the order given, all or
 * none (one transaction). For the Selects page's "Add to Cut" and its drops. */
gboolean    cr_cut_add_selects    (CrDb *db, gint64 cut, const gint64 *selects, guint n_selects,
                                   guint position, GError **error);

/* The tags a stringout by tag can find (its selects' clips'), alphabetical without case. */
GStrv       cr_cut_stringout_tags (CrDb *db);

/* How many events the stringout would have (0: none matches), changing nothing; -1 on error. */
int         cr_cut_stringout_preview (CrDb *db, const CrStringout *what, GError **error);

/* What removing an event takes away, so that Undo can put it back where it was. */
typedef struct _CrCutRemoved CrCutRemoved;

CrCutRemoved *cr_cut_take_event    (CrDb *db, gint64 cut, guint position, GError **error);
gboolean      cr_cut_removed_restore (CrCutRemoved *removed, CrDb *db, GError **error);
guint         cr_cut_removed_get_position (const CrCutRemoved *removed);
void          cr_cut_removed_free  (CrCutRemoved *removed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCutRemoved, cr_cut_removed_free)

/* A cut's order by its events' identity, taken before a move, so that Undo puts back exactly
 * that order whatever positions the move changed. Restoring refuses (CR_DB_ERROR_INVALID)
 * once an event has been added or removed since. */
typedef struct _CrCutOrder CrCutOrder;

CrCutOrder   *cr_cut_order_save    (CrDb *db, gint64 cut, GError **error);
gboolean      cr_cut_order_restore (CrCutOrder *order, CrDb *db, GError **error);
gint64        cr_cut_order_get_cut (const CrCutOrder *order);
/* The id of the event that was at `position` (1-based), or 0. */
gint64        cr_cut_order_get_event (const CrCutOrder *order, guint position);
/* The position (1-based) the event with id `event` had, or 0. */
guint         cr_cut_order_find    (const CrCutOrder *order, gint64 event);
void          cr_cut_order_free    (CrCutOrder *order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCutOrder, cr_cut_order_free)

G_END_DECLS
