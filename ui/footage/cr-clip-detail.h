/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"
#include "cr-row.h"
#include "cr-row-picker.h"

G_BEGIN_DECLS

/* The Footage page's detail pane, where a clip is logged: its poster and facts in words
 * (length as timecode, rate as people write it, picture size, codecs, size in MB or GB,
 * recorded date in local time, the path with "Show in Files", markers) and what the user
 * says about it, each change saved at once as one write through the services the command
 * line uses (`casereel clip rate`, `clip tag`, `clip note`, `clip link`): a rating of 0 to
 * 5 stars, tags as chips, notes saved when typing stops or the focus leaves, and links to
 * the interview, the people and the shots, chosen by search. A removed tag or link and a
 * cleared rating or notes can be undone from a toast. */

#define CR_TYPE_CLIP_DETAIL (cr_clip_detail_get_type ())
G_DECLARE_FINAL_TYPE (CrClipDetail, cr_clip_detail, CR, CLIP_DETAIL, GtkWidget)

CrClipDetail  *cr_clip_detail_new            (CrProduction *production);
/* Shows `row` (NULL: a hint to select a clip). Notes typed for the clip shown before are
 * saved to it first. The same clip again (a reload) refreshes what is shown and keeps what
 * is being typed. */
void           cr_clip_detail_set_row        (CrClipDetail *self,
                                              CrRow        *row);
/* The clip shown, or 0. */
gint64         cr_clip_detail_get_clip       (CrClipDetail *self);

/* Shows the clip in the Footage page's pane box: the CrClipDetail in it, made the first
 * time. */
void           cr_clip_detail_fill           (GtkBox       *box,
                                              CrProduction *production,
                                              CrRow        *row);

/* Saves the notes now if they were changed (the pane does it itself when typing stops, the
 * focus leaves or another clip is shown). FALSE with `error` when the store refused. */
gboolean       cr_clip_detail_save_notes     (CrClipDetail *self,
                                              GError      **error);
/* Puts back the tag or link removed, or the rating or notes cleared, last. */
gboolean       cr_clip_detail_undo           (CrClipDetail *self,
                                              GError      **error);

/* The parts a user works, for tests. */
/* Star `n` (1 to 5); the box of stars takes the keys 0 to 5 and Delete. */
GtkButton     *cr_clip_detail_get_star       (CrClipDetail *self,
                                              guint         n);
GtkWidget     *cr_clip_detail_get_stars      (CrClipDetail *self);
GtkButton     *cr_clip_detail_get_clear_rating (CrClipDetail *self);
/* The "Add Tag" row: Enter adds what it holds. */
GtkEditable   *cr_clip_detail_get_tag_entry  (CrClipDetail *self);
/* The × of a tag's chip, or NULL when the clip has no such tag. */
GtkButton     *cr_clip_detail_get_tag_remove (CrClipDetail *self,
                                              const char   *tag);
/* Existing tags offered for what is typed, in order. */
GStrv          cr_clip_detail_get_tag_suggestions (CrClipDetail *self);
GtkTextView   *cr_clip_detail_get_notes      (CrClipDetail *self);
/* "interview", "participants" or "shots": the button that opens its search. */
GtkMenuButton *cr_clip_detail_get_link_button (CrClipDetail *self,
                                               const char   *field);
/* The × of a linked row, or NULL when it is not linked. */
GtkButton     *cr_clip_detail_get_link_remove (CrClipDetail *self,
                                               const char   *field,
                                               gint64        id);
/* The refusal shown, or NULL. */
const char    *cr_clip_detail_get_error      (CrClipDetail *self);
/* The toast offering Undo, while it is shown. */
AdwToast      *cr_clip_detail_get_undo_toast (CrClipDetail *self);

G_END_DECLS
