/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* A participant's consent over time, newest first: each record's date, status and what it
 * covered (channels, media, naming, expiry, guardian, withdrawal scope, who took it), under
 * their consent as it stands today. */

#define CR_TYPE_CONSENT_HISTORY (cr_consent_history_get_type ())
G_DECLARE_FINAL_TYPE (CrConsentHistory, cr_consent_history, CR, CONSENT_HISTORY, GtkWidget)

CrConsentHistory *cr_consent_history_new             (CrProduction     *production);
/* 0: nobody (the pane says to pick someone). */
void              cr_consent_history_set_participant (CrConsentHistory *self,
                                                      gint64            participant);
/* The entries as shown, "2026-03-12 Withdrawn", newest first. */
GPtrArray        *cr_consent_history_get_entries     (CrConsentHistory *self);
const char       *cr_consent_history_get_current     (CrConsentHistory *self);

G_END_DECLS
