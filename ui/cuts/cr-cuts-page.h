/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-cut.h"
#include "cr-production.h"

G_BEGIN_DECLS

/* The Cuts page: one cut at a time as its events (poster, source and timecodes, duration,
 * record in, label, people, consent badge), a strip of them in proportion, the total at the
 * cut's rate; reorder by drag and drop or Alt+Up/Down, trim by timecode, remove with Undo.
 * Positions are 1-based, as the events are numbered. */

#define CR_TYPE_CUTS_PAGE (cr_cuts_page_get_type ())
G_DECLARE_FINAL_TYPE (CrCutsPage, cr_cuts_page, CR, CUTS_PAGE, GtkWidget)

CrCutsPage   *cr_cuts_page_new            (CrProduction *production);
CrProduction *cr_cuts_page_get_production (CrCutsPage   *self);

void          cr_cuts_page_show_cut       (CrCutsPage   *self,
                                           gint64        cut);
gint64        cr_cuts_page_get_cut        (CrCutsPage   *self);
/* CrCutEvent items, in the cut's order. */
GListModel   *cr_cuts_page_get_events     (CrCutsPage   *self);
GtkWidget    *cr_cuts_page_get_strip      (CrCutsPage   *self);
/* The list of the events' rows (a GtkListView). It is given a long cut a screenful a frame
 * (cr-cut-feed.h), so its model may hold fewer items than get_events () for a while. */
GtkWidget    *cr_cuts_page_get_list       (CrCutsPage   *self);
/* The channel the badges are checked for; NULL: any. */
void          cr_cuts_page_set_channel    (CrCutsPage   *self,
                                           const char   *channel);
const char   *cr_cuts_page_get_channel    (CrCutsPage   *self);
/* The problems of the last check, one line each. */
GPtrArray    *cr_cuts_page_get_problems   (CrCutsPage   *self);

/* Alt+Up/Down: event `from` (1-based) goes to place `to`, with Undo offered in a toast;
 * moving the same event again while that Undo stands adds to it (one Undo for the presses). */
gboolean      cr_cuts_page_move_event     (CrCutsPage   *self,
                                           guint         from,
                                           guint         to,
                                           GError      **error);
/* What a drop of event `from` on event `to` does: the same move, each drop its own Undo
 * (a drop can land a row off). */
gboolean      cr_cuts_page_drop_event     (CrCutsPage   *self,
                                           guint         from,
                                           guint         to,
                                           GError      **error);
/* Removes the event and offers Undo in a toast. */
gboolean      cr_cuts_page_remove_event   (CrCutsPage   *self,
                                           guint         position,
                                           GError      **error);
gboolean      cr_cuts_page_undo_remove    (CrCutsPage   *self,
                                           GError      **error);
/* What the toast's Undo does: puts back the last removal, or the order before the last move
 * (by the events' identity). Any other change to a cut (a trim, an addition) drops it. */
gboolean      cr_cuts_page_undo           (CrCutsPage   *self,
                                           GError      **error);
/* The toast offering Undo while it is shown, else NULL. */
AdwToast     *cr_cuts_page_get_undo_toast (CrCutsPage   *self);
gboolean      cr_cuts_page_trim_event     (CrCutsPage   *self,
                                           guint         position,
                                           const char   *source_in,
                                           const char   *source_out,
                                           GError      **error);
/* "Add to Cut" for the Selects page: the selects go to the end of the cut shown (or of
 * `cut` when it is not 0), and the page shows that cut. */
gboolean      cr_cuts_page_add_selects    (CrCutsPage   *self,
                                           gint64        cut,
                                           const gint64 *selects,
                                           guint         n_selects,
                                           GError      **error);
/* What dropping a dragged select (a gint64 id, from the Selects page) on the page or on its
 * sidebar row does: cr_cuts_page_add_selects () to the cut shown. */
gboolean      cr_cuts_page_drop           (CrCutsPage   *self,
                                           const GValue *value,
                                           GError      **error);
/* Makes the stringout and shows it. Returns the new cut's id. */
gint64        cr_cuts_page_stringout      (CrCutsPage        *self,
                                           const char        *name,
                                           const CrStringout *what,
                                           GError           **error);
/* Opens the dialogs; they are returned for tests (owned by GTK). */
GtkWindow    *cr_cuts_page_open_stringout (CrCutsPage   *self);
GtkWindow    *cr_cuts_page_open_export    (CrCutsPage   *self);
/* Whether posters are still being made. */
gboolean      cr_cuts_page_is_busy        (CrCutsPage   *self);
void          cr_cuts_page_import_file    (CrCutsPage   *self,
                                           const char   *path);
gboolean      cr_cuts_page_is_importing   (CrCutsPage   *self);

G_END_DECLS
