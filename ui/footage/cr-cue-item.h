/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of the transcript pane's list: a cue by its place in the pane's cues, and whether
 * it is the one under the playhead ("playing" is notified, for the row that shows it). A list
 * view only makes widgets for the rows in sight, so a two-hour transcript of thousands of
 * cues stays quick. */

#define CR_TYPE_CUE_ITEM (cr_cue_item_get_type ())
G_DECLARE_FINAL_TYPE (CrCueItem, cr_cue_item, CR, CUE_ITEM, GObject)

CrCueItem *cr_cue_item_new         (guint      index);
guint      cr_cue_item_get_index   (CrCueItem *self);
gboolean   cr_cue_item_get_playing (CrCueItem *self);
void       cr_cue_item_set_playing (CrCueItem *self,
                                    gboolean   playing);

G_END_DECLS
