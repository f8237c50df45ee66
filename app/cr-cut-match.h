/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-timeline.h"

G_BEGIN_DECLS

/* The catalogued clip an imported edit list's source names, or 0. */
gint64 cr_cut_match_clip (CrDb *db, const CrTimelineSource *source);

G_END_DECLS
