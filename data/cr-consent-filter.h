/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"

G_BEGIN_DECLS

/* Everyone sorted by where their consent stands, for a list that shows one state at a time:
 * from the set-based query of cr-consent-current.h, never person by person. */

typedef enum
{
  CR_CONSENT_FILTER_MISSING,    /* an interviewee with nothing on record, or not yet asked */
  CR_CONSENT_FILTER_REQUESTED,  /* asked, no answer yet */
  CR_CONSENT_FILTER_SIGNED,     /* given (signed, verbal or on camera), not lapsing soon */
  CR_CONSENT_FILTER_EXPIRING,   /* given and usable, lapsing within the days asked about */
  CR_CONSENT_FILTER_EXPIRED,
  CR_CONSENT_FILTER_WITHDRAWN,  /* in full or in part */
  CR_CONSENT_FILTER_DECLINED,
  CR_CONSENT_N_FILTERS
} CrConsentFilter;

typedef struct
{
  GPtrArray *people[CR_CONSENT_N_FILTERS];   /* CrConsentState, in name order */
} CrConsentSorted;

/* "missing", "requested", "signed", "expiring", "expired", "withdrawn", "declined". */
const char      *cr_consent_filter_to_string (CrConsentFilter filter);
/* on_date NULL: today. Expiring: usable consent whose expiry is within `days` of on_date.
 * Crew and contacts with nothing on record need none and are in no list; nor is anyone
 * erased at their request. */
CrConsentSorted *cr_consent_sort_by_filter   (CrDb *db, const char *on_date, guint days, GError **error);
void             cr_consent_sorted_free      (CrConsentSorted *sorted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentSorted, cr_consent_sorted_free)

G_END_DECLS
