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
/* NULL, said once on the log, when the read fails. */
CrConsentStandings *cr_list_consent_standings (CrListConsent *consent,
                                               CrDb          *db);
/* The ids (owned gint64 keys) of the people whose Consent column reads like `search`
 * (any case), or NULL for nobody. */
GHashTable         *cr_list_consent_matching  (CrListConsent *consent,
                                               CrDb          *db,
                                               const char    *search);
/* Puts ids given in name order in the order of their standing, problems first (or last),
 * names keeping their order within each. */
void                cr_list_consent_sort      (CrListConsent *consent,
                                               CrDb          *db,
                                               GArray        *ids,
                                               gboolean       descending);

G_END_DECLS
