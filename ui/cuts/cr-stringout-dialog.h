/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-cuts-page.h"

G_BEGIN_DECLS

/* New Stringout: a name, and the selects by question (those ticked, in the order ticked,
 * moved earlier or later with each row's arrows or Alt+Up and Alt+Down), by tag or by
 * rating, with the number of events it would make shown as the choice changes. Create makes
 * the cut through the page, which then shows it. */

#define CR_TYPE_STRINGOUT_DIALOG (cr_stringout_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrStringoutDialog, cr_stringout_dialog, CR, STRINGOUT_DIALOG, AdwWindow)

GtkWindow  *cr_stringout_dialog_new          (CrCutsPage        *page);
void        cr_stringout_dialog_set_name     (CrStringoutDialog *self,
                                              const char        *name);
/* Ticks a question (by its text); ticks come in the order given. */
gboolean    cr_stringout_dialog_tick_question (CrStringoutDialog *self,
                                              const char        *text);
gboolean    cr_stringout_dialog_untick_question (CrStringoutDialog *self,
                                              const char        *text);
/* 0 questions, 1 tag, 2 rating. */
void        cr_stringout_dialog_set_by       (CrStringoutDialog *self,
                                              guint              by);
void        cr_stringout_dialog_set_tag      (CrStringoutDialog *self,
                                              const char        *tag);
/* By rating: at least this many stars, 1–5. */
void        cr_stringout_dialog_set_min_rating (CrStringoutDialog *self,
                                              guint              stars);
/* The question's row as shown (its check, its place in the order, its arrows), or NULL. */
GtkWidget  *cr_stringout_dialog_get_question_row (CrStringoutDialog *self,
                                              const char        *text);
/* The Tag row's list of the tags in use (a popover of rows, each one tag, that narrows to
 * what is typed); choosing a row puts its tag in the row. */
GtkMenuButton *cr_stringout_dialog_get_tags_button (CrStringoutDialog *self);
/* "12 events", "No select matches" … */
const char *cr_stringout_dialog_get_preview  (CrStringoutDialog *self);
/* Creates the cut; on failure the dialog shows why and stays. Returns the cut's id or 0. */
gint64      cr_stringout_dialog_create       (CrStringoutDialog *self);

G_END_DECLS
