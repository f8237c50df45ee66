/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Free-form tags on clips ("b-roll", "laughter", "best"), compared without case. */
gboolean  cr_clip_tags_change (CrDb *db, gint64 clip, const char * const *tags, gboolean remove,
                               GError **error);
GStrv     cr_clip_tags_get    (CrDb *db, gint64 clip);
/* Every tag some clip has, once each, in alphabetical order without case. */
GStrv     cr_clip_tags_in_use (CrDb *db);
/* The same, of the clips that have selects: the tags a stringout by tag can find. */
GStrv     cr_clip_tags_of_selects (CrDb *db);

G_END_DECLS
