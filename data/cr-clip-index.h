/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-clip-filter.h"
#include "cr-db.h"

G_BEGIN_DECLS

/* Every clip's filterable facts in memory, in name order, for the Footage page's searches:
 * a search of 100,000 clips by LIKE read every row and sorted the matches each keystroke
 * (30-40 ms); here it is a scan of memory, already in order. It answers exactly as
 * cr_clips_filter () does, and is read again when another connection has changed the file. */

typedef struct _CrClipIndex CrClipIndex;

CrClipIndex *cr_clip_index_new    (CrDb               *db,
                                   GError            **error);
void         cr_clip_index_free   (CrClipIndex        *index);
/* TRUE when the file has changed since the index was read (another connection committed). */
gboolean     cr_clip_index_is_stale (CrClipIndex      *index,
                                     CrDb             *db);
/* The ids cr_clips_filter () would give, in its order. db: the connection the index was read
 * on (the shot, participant and tag conditions, and tags and interview titles searched, are
 * small queries there). */
GArray      *cr_clip_index_filter (CrClipIndex        *index,
                                   CrDb               *db,
                                   const CrClipFilter *filter,
                                   GCancellable       *cancellable,
                                   GError            **error);
guint        cr_clip_index_get_size (CrClipIndex      *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrClipIndex, cr_clip_index_free)

G_END_DECLS
