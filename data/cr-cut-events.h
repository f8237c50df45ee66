/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* A cut's events are numbered 1..n without holes; these keep them so. Each call that writes
 * is one transaction (a savepoint inside a caller's). */

/* How many events the cut has (its last position: one index lookup, not a count). */
guint     cr_cut_events_count        (CrDb *db, gint64 cut);
/* Moves the events from `position` on one place later, so one can be added there. */
gboolean  cr_cut_events_make_room    (CrDb *db, gint64 cut, guint position, GError **error);
gboolean  cr_cut_events_move         (CrDb *db, gint64 cut, guint from, guint to, GError **error);
gboolean  cr_cut_events_remove       (CrDb *db, gint64 cut, guint position, GError **error);
/* The cut's event ids in position order, for putting that order back later. */
GArray   *cr_cut_events_ids          (CrDb *db, gint64 cut, GError **error);
/* Numbers the events 1..n in the order of `ids` (gint64), which must be the cut's events,
 * each once: else nothing changes (CR_DB_ERROR_INVALID). */
gboolean  cr_cut_events_set_order    (CrDb *db, gint64 cut, GArray *ids, GError **error);
/* Copies every event of one cut, in order, to another (empty) cut. */
gboolean  cr_cut_events_copy         (CrDb *db, gint64 from_cut, gint64 to_cut, GError **error);
/* Ties the event at `position` to the select it is exactly. */
gboolean  cr_cut_events_link_select  (CrDb *db, gint64 cut, guint position, gint64 select, GError **error);

/* Appends the selects that answer the questions (in the order given), or carry the tag, or
 * have at least the rating, ordered by question, first person, clip name and in point.
 * questions: gint64 ids or NULL; tag NULL and min_rating -1 do not filter. Returns how many. */
gboolean  cr_cut_events_add_selects  (CrDb *db, gint64 cut, GArray *questions, const char *tag, int min_rating,
                                      guint *added, GError **error);

/* Numbers the picture track's events first, then the sound tracks', each keeping its order:
 * the numbers the Cuts page shows (the picture's events) are the cut's. */
gboolean   cr_cut_events_picture_first (CrDb *db, gint64 cut, GError **error);
/* Puts an event (by id) on a track, as the cut's last event; the caller then closes the hole
 * its number leaves (cr_cut_events_picture_first). */
gboolean   cr_cut_events_set_track     (CrDb *db, gint64 event, const char *track, GError **error);
/* Each event's track ("V", "A1"…), in position order. */
GPtrArray *cr_cut_events_tracks      (CrDb *db, gint64 cut, GError **error);

G_END_DECLS
