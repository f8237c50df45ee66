/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* "Export Anyway" decisions: a cut that left Casereel although its consent check failed. */

/* Records one decision (one transaction). channel NULL: any. Returns the row's id. */
gint64   cr_export_override_record (CrDb *db, gint64 cut, const char *file, const char *channel,
                                    guint problems, GError **error);
/* How many decisions are on record for the cut. */
gint64   cr_export_override_count  (CrDb *db, gint64 cut, GError **error);

G_END_DECLS
