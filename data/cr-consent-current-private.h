/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"

G_BEGIN_DECLS

/* What cr-consent-current.c and cr-consent-everyone.c share. */

/* A consent_now row's facts (0011) as of @date: FALSE when the history must answer (the
 * latest record is after the date, or the row is not as 0011 writes it). @grant_facts is
 * NULL when the grant is the latest record or there is none. The facts point into the
 * values given. */
gboolean   cr_consent_now_answer     (const char *facts, int facts_len, const char *grant_facts, int grant_len,
                                      const char *date, CrConsentFacts *latest, CrConsentFacts *grant,
                                      gboolean *has_grant);
/* The states of the people named (gint64 ids), in id order, from their whole history. */
GPtrArray *cr_consent_history_states (CrDb *db, GArray *participants, const char *date, GError **error);

G_END_DECLS
