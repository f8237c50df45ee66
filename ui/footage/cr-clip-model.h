/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-clip-filter.h"
#include "cr-production.h"
#include "cr-row.h"

G_BEGIN_DECLS

/* The clips a filter matches, as a GListModel of CrRow: it holds only their ids and reads a
 * row when a view asks for it, so a grid of 100,000 clips reads the few dozen it shows. It
 * looks again when the production says clips changed (each batch the indexer writes), and
 * says "will-change" just before, so that a selection can let go of its row first. */

#define CR_TYPE_CLIP_MODEL (cr_clip_model_get_type ())
G_DECLARE_FINAL_TYPE (CrClipModel, cr_clip_model, CR, CLIP_MODEL, GObject)

CrClipModel  *cr_clip_model_new        (CrProduction       *production);
/* Copies what it needs; strings may be freed after the call. */
void          cr_clip_model_set_filter (CrClipModel        *self,
                                        const CrClipFilter *filter);
void          cr_clip_model_reload     (CrClipModel        *self);
/* FALSE while a filter's clips are being looked for (they come in on the main loop). */
gboolean      cr_clip_model_is_settled (CrClipModel        *self);
/* TRUE while the clips are being replaced: told as all out, then all in, the first
 * "items-changed" is not the new set, which only the second one is. */
gboolean      cr_clip_model_is_replacing (CrClipModel      *self);
/* How many clips the production has, whatever the filter. */
gint64        cr_clip_model_get_total  (CrClipModel        *self);
/* The position of a clip, or -1. */
gint64        cr_clip_model_find       (CrClipModel        *self,
                                        gint64              id);
CrProduction *cr_clip_model_get_production (CrClipModel    *self);

G_END_DECLS
