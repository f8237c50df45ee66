/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-consent.h"

G_BEGIN_DECLS

/* Whose consent needs attention across a production: every interviewee's current
 * consent (one set-based query a page) on a date, counted, with the first few problems kept
 * for showing. Reads a page of people at a time; can be cancelled between pages. */
typedef struct
{
  guint      n_people;     /* interviewees looked at */
  guint      n_problems;   /* of those, consent not OK */
  GPtrArray *problems;     /* CrConsentState: the first `keep` problems, in name order */
} CrConsentSummary;

CrConsentSummary *cr_consent_summary      (CrDb          *db,
                                           const char    *on_date,
                                           guint          keep,
                                           GCancellable  *cancellable,
                                           GError       **error);
void              cr_consent_summary_free (CrConsentSummary *summary);
/* For the Overview's "expiring soon": cr_consent_expiring () in cr-consent-current.h. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentSummary, cr_consent_summary_free)

G_END_DECLS
