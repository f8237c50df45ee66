/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* Text that leaves or enters a production: CSV tables and the iCalendar schedule. */

/* Every row of an entity as RFC 4180 CSV: a header of field names, values as a person
 * reads them (people by name, times in the record's own zone). */
char     *cr_export_csv            (CrDb *db, const CrEntity *entity, const CrQuery *query,
                                    GError **error);

/* Participants from CSV, all rows or none. Columns are matched to fields by name (case,
 * spaces and hyphens do not matter; "e-mail", "organization", "dob", "type" are understood).
 * On failure *problems holds one line per bad row ("line 4: participant email: …") and
 * nothing was imported. */
gboolean  cr_import_participants   (CrDb *db, const char *data, gsize len, guint *imported,
                                    GPtrArray **problems, GError **error);

/* The schedule as iCalendar: every interview, or only those a participant takes part in
 * (as interviewee or crew) when participant > 0. */
char     *cr_export_schedule_ics   (CrDb *db, gint64 participant, GError **error);

G_END_DECLS
