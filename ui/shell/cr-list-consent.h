/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent-standing.h"

G_BEGIN_DECLS

/* What a list of participants knows of everyone's consent: their standings from one read,
 * and the Consent column's words, worked out when first asked and kept until forgotten
 * (when consent or people change). */

typedef struct _CrListConsent CrListConsent;

CrListConsent      *cr_list_consent_new       (void);
void                cr_list_consent_free      (CrListConsent *consent);
void                cr_list_consent_forget    (CrListConsent *consent);
/* NULL, with `error` set, when the read fails; read again when next asked. */
CrConsentStandings *cr_list_consent_standings (CrListConsent *consent,
                                               CrDb          *db,
                                               GError       **error);
/* The ids (owned gint64 keys) of the people whose Consent column reads like `search`
 * (any case), or NULL for nobody (`error` unset) or when consent could not be read. */
GHashTable         *cr_list_consent_matching  (CrListConsent *consent,
                                               CrDb          *db,
                                               const char    *search,
                                               GError       **error);
/* Puts ids given in name order in the order of their standing, problems first (or last),
 * names keeping their order within each; FALSE, leaving them as they were, when consent
 * could not be read. */
gboolean            cr_list_consent_sort      (CrListConsent *consent,
                                               CrDb          *db,
                                               GArray        *ids,
                                               gboolean       descending,
                                               GError       **error);

G_END_DECLS
