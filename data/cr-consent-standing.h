/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"

G_BEGIN_DECLS

/* Where each person's consent stands, for a list that shows, sorts and searches it: one
 * set-based read (cr_consent_current_all, from consent_now) for everyone, kept by the list
 * and read again only when consent or people change. */

/* In the order a list sorted by consent shows them: problems first. */
typedef enum
{
  CR_CONSENT_STANDING_WITHDRAWN,     /* in full or in part */
  CR_CONSENT_STANDING_EXPIRED,
  CR_CONSENT_STANDING_DECLINED,
  CR_CONSENT_STANDING_NO_GUARDIAN,   /* given by a minor, with nobody signing for them */
  CR_CONSENT_STANDING_MISSING,       /* an interviewee with nothing on record, or not yet asked */
  CR_CONSENT_STANDING_REQUESTED,
  CR_CONSENT_STANDING_EXPIRING,      /* given, lapsing within the days asked about */
  CR_CONSENT_STANDING_SIGNED,        /* given (signed, verbal or on camera) */
  CR_CONSENT_STANDING_NOT_NEEDED,    /* crew and contacts with nothing on record */
  CR_CONSENT_STANDING_ERASED,        /* erased at their request */
  CR_CONSENT_N_STANDINGS
} CrConsentStanding;

typedef struct _CrConsentStandings CrConsentStandings;

/* on_date NULL: today; expiring: usable consent ending within `days` of it. */
CrConsentStandings   *cr_consent_standings_read  (CrDb *db, const char *on_date, guint days, GError **error);
void                  cr_consent_standings_free  (CrConsentStandings *standings);
/* NULL for an id the read did not see (a person added since). */
const CrConsentState *cr_consent_standings_state (CrConsentStandings *standings, gint64 participant);
CrConsentStanding     cr_consent_standings_of    (CrConsentStandings *standings, gint64 participant);
/* The standing of one state: crew is whether the person is crew or a contact. */
CrConsentStanding     cr_consent_standing_of     (const CrConsentState *state, gboolean crew, const char *soon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentStandings, cr_consent_standings_free)

/* Who needs no consent: the ids (gint64 *, a set) of crew and contacts. */
GHashTable *cr_participants_not_filmed (CrDb *db, GError **error);

G_END_DECLS
