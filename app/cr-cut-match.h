/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-timeline.h"

G_BEGIN_DECLS

/* Finds the catalogued clips an imported edit list's sources name, for one import: what it
 * compares against is read once, when first needed. */
typedef struct _CrCutMatcher CrCutMatcher;

CrCutMatcher *cr_cut_matcher_new  (CrDb *db);
/* The clip the source names, or 0. */
gint64        cr_cut_matcher_find (CrCutMatcher *matcher, const CrTimelineSource *source);
void          cr_cut_matcher_free (CrCutMatcher *matcher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCutMatcher, cr_cut_matcher_free)

G_END_DECLS
