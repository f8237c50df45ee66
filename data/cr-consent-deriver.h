/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"

G_BEGIN_DECLS

/* Derives people's current consent from consent_now rows beside the thread that reads them
 * (cr-consent-deriver.c). Each row goes to a slot of the caller's numbering. */
typedef struct _CrConsentDeriver CrConsentDeriver;

CrConsentDeriver *cr_consent_deriver_new    (const char *date, guint n_slots);
/* Copies what it needs: the statement may step on at once. facts NULL: the person has no
 * consent_now row (no consent at all). */
void              cr_consent_deriver_add    (CrConsentDeriver *deriver, guint slot, gint64 participant,
                                             const char *name, int name_len, gboolean minor, gboolean erased,
                                             const char *facts, int facts_len,
                                             const char *grant_facts, int grant_len);
/* Derives what is left and returns the states by slot (n_slots of them; NULL for a slot
 * never added, or whose latest record is after the date: *later is TRUE there, and the
 * history must answer). Both arrays are the caller's (g_free; the states
 * cr_consent_state_free). */
CrConsentState  **cr_consent_deriver_finish (CrConsentDeriver *deriver, gboolean **later);
void              cr_consent_deriver_free   (CrConsentDeriver *deriver);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentDeriver, cr_consent_deriver_free)

G_END_DECLS
