/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent-standing.h"

G_BEGIN_DECLS

/* What a list's Consent column says of a person ("Withdrawn", "Expiring soon", "Not
 * recorded"…), and its style class (success, warning, error, or NULL for none needed):
 * the same words that the list's search finds. */
char *cr_consent_words (const CrConsentState *state,
                        CrConsentStanding     standing,
                        const char          **style_class);

G_END_DECLS
