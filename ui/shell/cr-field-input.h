/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* The input for one field of the field table, in libadwaita's words: an entry row for
 * text, dates and numbers, a combo row for a choice or a reference, a switch for yes/no;
 * a group of its own for free text (a text view), a set of choices (check boxes) and a
 * list of links (rows with Remove, and a searchable picker that adds). Its text is in the form
 * the store takes: ids for references, one per line for links, "1"/"0" for yes/no. */

typedef struct _CrFieldInput CrFieldInput;

CrFieldInput  *cr_field_input_new        (CrProduction  *production,
                                          const CrField *field);
void           cr_field_input_free       (CrFieldInput  *input);
const CrField *cr_field_input_get_field  (CrFieldInput  *input);
/* An AdwPreferencesRow, or an AdwPreferencesGroup when cr_field_input_is_group (). */
GtkWidget     *cr_field_input_get_widget (CrFieldInput  *input);
gboolean       cr_field_input_is_group   (CrFieldInput  *input);
/* Marks the input as the one an error names (or clears that), and gives it focus. */
void           cr_field_input_set_error  (CrFieldInput  *input,
                                          gboolean       error);
/* The same mark without moving the focus: for a check made as the user types. */
void           cr_field_input_mark_error (CrFieldInput  *input,
                                          gboolean       error);
/* Puts the keyboard focus in it; FALSE if it cannot take it. */
gboolean       cr_field_input_focus      (CrFieldInput  *input);
char          *cr_field_input_get_text   (CrFieldInput  *input);
void           cr_field_input_set_text   (CrFieldInput  *input,
                                          const char    *text);
/* Calls callback (object) whenever the user changes it (not for LINKS); disconnected when
 * object goes. */
void           cr_field_input_connect_changed (CrFieldInput *input,
                                               GCallback     callback,
                                               gpointer      object);
/* Brings it into view at once in the scrolled window it sits in (the viewport's own scroll
 * to the focus is an animation), `covered` pixels of the page being about to be taken by
 * something still sliding in. */
void           cr_field_input_scroll_to  (CrFieldInput  *input,
                                          double         covered);
/* The same for any widget of a form (the message beside a field). */
void           cr_scroll_into_view       (GtkWidget     *widget,
                                          double         covered);
/* Keeps the user from changing it. */
void           cr_field_input_lock       (CrFieldInput  *input);
/* Takes the text as it is now as the original; changed () compares with it. */
void           cr_field_input_remember   (CrFieldInput  *input);
gboolean       cr_field_input_changed    (CrFieldInput  *input);

/* LINKS: the search that adds a row; NULL for other fields. */
struct _CrRowPicker *cr_field_input_get_picker (CrFieldInput *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrFieldInput, cr_field_input_free)

G_END_DECLS
