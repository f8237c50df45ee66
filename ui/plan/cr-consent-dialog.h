/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* Records one consent for one participant, showing only what the chosen status needs:
 * what a grant covers and its expiry for signed, verbal or on-camera consent, the guardian
 * only when the person is a minor on the consent's date, the scope only for a withdrawal.
 * Saving goes through the store, so the checks and messages are the command line's; what
 * is typed is checked as it is typed with the same checks, and a refused record shows its
 * one-line message beside the field it names, focused and scrolled to. It opens in its
 * first field; Esc on a changed dialog asks before discarding. Once recorded it
 * emits ::recorded (the sentence its toast says: for a withdrawal, what it reaches). */

#define CR_TYPE_CONSENT_DIALOG (cr_consent_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrConsentDialog, cr_consent_dialog, CR, CONSENT_DIALOG, AdwWindow)

/* NULL with @error when the person cannot be read (another program removed them). */
CrConsentDialog *cr_consent_dialog_new       (GtkWindow       *parent,
                                              CrProduction    *production,
                                              gint64           participant,
                                              GError         **error);
/* Sets a field as a user would (the store's words: "withdrawn", "part", "website,internal").
 * FALSE if the dialog has no input for it. */
gboolean         cr_consent_dialog_set_text  (CrConsentDialog *self,
                                              const char      *field,
                                              const char      *text);
/* A field as the form has it now, in the store's words ("" when empty). */
char            *cr_consent_dialog_dup_text  (CrConsentDialog *self,
                                              const char      *field);
/* Whether the field's input is on show for the status and person chosen. */
gboolean         cr_consent_dialog_is_shown  (CrConsentDialog *self,
                                              const char      *field);
/* Whether anything differs from how the dialog opened (Esc then asks before closing). */
gboolean         cr_consent_dialog_is_changed (CrConsentDialog *self);
/* What Record does: on success the dialog closes, on failure it stays with the message. */
gboolean         cr_consent_dialog_save      (CrConsentDialog *self,
                                              GError         **error);
/* The message shown beside the field at fault, and that field; NULL when none. */
const char      *cr_consent_dialog_get_error (CrConsentDialog *self);
const char      *cr_consent_dialog_get_error_field (CrConsentDialog *self);

G_END_DECLS
