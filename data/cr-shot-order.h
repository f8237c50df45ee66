/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* The shot list's order and coverage. */

/* Moves the shot to `index` (0-based) in the list's order and numbers every shot's position
 * 1, 2, 3 … after it, in one transaction. */
gboolean    cr_shot_move      (CrDb *db, gint64 shot, guint index, GError **error);
/* How many clips are linked to each shot: shot id (gint64 *) -> count (GINT_TO_POINTER).
 * Shots with none are absent. */
GHashTable *cr_shot_coverage  (CrDb *db, GError **error);

G_END_DECLS
