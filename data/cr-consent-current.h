/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"

G_BEGIN_DECLS

/* The current consent of many people at once, from one set-based query (each person's latest
 * record and latest grant on the date), derived as cr_consent_current () derives one. */

/* participants: gint64 ids, or NULL for everyone. Returns id (gint64 *) -> CrConsentState;
 * ids that name nobody are left out. on_date NULL: today. */
GHashTable *cr_consent_current_many (CrDb *db, GArray *participants, const char *on_date, GError **error);
/* Everyone, in name order (CrConsentState). */
GPtrArray  *cr_consent_current_all  (CrDb *db, const char *on_date, GError **error);
/* Usable consent that lapses within `days` of on_date (today when NULL), soonest first. */
GPtrArray  *cr_consent_expiring     (CrDb *db, const char *on_date, guint days, GError **error);

G_END_DECLS
