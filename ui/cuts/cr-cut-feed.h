/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Cuts page's list given a long cut a screenful at a time.
 *
 * GtkListView (GTK 4.8) keeps rows for 205 items around its top, and builds and measures
 * them all before its first frame: for a 1,000-event cut most of a second. A feed is the
 * list's model: a prefix of all the events that takes a screenful at once and a few rows
 * each frame after, until the list has its rows; the rest then cost nothing and come in
 * one go. Everything else on the page (the strip, the total, the consent check) reads the
 * whole cut from the start. */

typedef struct _CrCutFeed CrCutFeed;

/* `all`: the events; `widget`: whose frames pace the feed (it must outlive the feed). */
CrCutFeed  *cr_cut_feed_new        (GtkWidget  *widget,
                                    GListModel *all);
void        cr_cut_feed_free       (CrCutFeed  *self);
/* The prefix of `all` the list shows. */
GListModel *cr_cut_feed_get_model  (CrCutFeed  *self);
/* Drops what is shown past the first `n` (those items of `all` are about to change). */
void        cr_cut_feed_keep       (CrCutFeed  *self,
                                    guint       n);
/* Shows a screenful more now and the rest over the next frames; a widget that is not on
 * screen has no frames to keep smooth and is given everything at once. */
void        cr_cut_feed_start      (CrCutFeed  *self);
/* Stops and shows nothing. */
void        cr_cut_feed_clear      (CrCutFeed  *self);

G_END_DECLS
