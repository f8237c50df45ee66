/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* How much of the shot list has footage, overall and by priority, for the Overview. A shot
 * has footage when a clip is linked to it; a dropped shot is owed none and is not counted. */

typedef struct
{
  guint shots;
  guint with_footage;
} CrCoverageCount;

typedef struct
{
  CrCoverageCount all;
  /* In the shot table's order of priorities: low, normal, high, must. */
  CrCoverageCount by_priority[4];
} CrShotCoverageSummary;

/* "low", "normal", "high", "must", by index of by_priority. */
const char *cr_shot_priority_name     (guint index);
/* One query over the shots and their links. */
gboolean    cr_shot_coverage_summary  (CrDb                  *db,
                                       CrShotCoverageSummary *summary,
                                       GError               **error);

/* Footage nobody has logged yet, for the Overview. A clip is logged once someone has said
 * anything of it: a rating, notes, a tag, its interview, the people in it (or that it shows
 * nobody), a shot it covers, a marker or a select. A file that could not be read (failed)
 * cannot be watched, so it is not owed a log and is not counted. */
typedef struct
{
  guint clips;
  guint not_logged;
} CrLoggingSummary;

gboolean    cr_logging_summary        (CrDb                  *db,
                                       CrLoggingSummary      *summary,
                                       GError               **error);

G_END_DECLS
