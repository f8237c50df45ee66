/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* "Save Select": the range just marked, with a label, the question it answers and who is in
 * it (at first the people of the clip's interview; its questions come first). Saving writes one
 * select through the store, as `casereel select add` does, and emits ::saved (id); a refusal
 * stays in the dialog in one line, in words (never SQLite's), and changes nothing. What is
 * typed is checked as it is typed with the command line's messages; it opens in the label,
 * and Esc on a changed dialog asks before discarding. */

#define CR_TYPE_SELECT_DIALOG (cr_select_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrSelectDialog, cr_select_dialog, CR, SELECT_DIALOG, AdwWindow)

CrSelectDialog *cr_select_dialog_new       (GtkWindow      *parent,
                                            CrProduction   *production,
                                            gint64          clip,
                                            gint64          in_frame,
                                            gint64          out_frame);
void            cr_select_dialog_set_label (CrSelectDialog *self,
                                            const char     *label);
/* The people, as typed: names separated by commas. */
void            cr_select_dialog_set_people (CrSelectDialog *self,
                                             const char     *people);
/* Whether anything differs from how it opened (Esc then asks before closing). */
gboolean        cr_select_dialog_is_changed (CrSelectDialog *self);
/* The line above the form, in words ("People: …"), and the field it names; NULL when none. */
const char     *cr_select_dialog_get_error       (CrSelectDialog *self);
const char     *cr_select_dialog_get_error_field (CrSelectDialog *self);
/* Saves and closes; returns the new select's id, or 0 with error set (the dialog stays). */
gint64          cr_select_dialog_save      (CrSelectDialog *self,
                                            GError        **error);

G_END_DECLS
