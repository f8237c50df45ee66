/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Links a clip to the interview it was recorded in, and the interview's people to the clip:
 * whoever was interviewed is in the footage. Call inside a transaction (cr_db_begin). */
gboolean cr_clip_link_interview (CrDb *db, gint64 clip, gint64 interview, GError **error);
/* Links a clip to a planned shot it covers (nothing when already linked). In a transaction. */
gboolean cr_clip_link_shot      (CrDb *db, gint64 clip, gint64 shot, GError **error);

G_END_DECLS
