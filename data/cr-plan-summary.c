/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-plan"

#include "config.h"

#include "cr-db.h"
#include "cr-plan-summary.h"

static const char * const priorities[] = { "low", "normal", "high", "must" };
G_STATIC_ASSERT (G_N_ELEMENTS (priorities) == G_N_ELEMENTS (((CrShotCoverageSummary *) NULL)->by_priority));

const char *
cr_shot_priority_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (priorities), NULL);
  return priorities[index];
}

gboolean
cr_shot_coverage_summary (CrDb                   *db,
                          CrShotCoverageSummary  *summary,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT s.priority, count(*), count(linked.shot) FROM shot s "
    "LEFT JOIN (SELECT DISTINCT shot FROM clip_shot) linked ON linked.shot = s.id "
    "WHERE s.status <> 'dropped' GROUP BY s.priority", error);
  int rc;

  *summary = (CrShotCoverageSummary) { { 0 } };
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *priority = (const char *) sqlite3_column_text (stmt, 0);
      guint shots = (guint) sqlite3_column_int (stmt, 1);
      guint covered = (guint) sqlite3_column_int (stmt, 2);

      summary->all.shots += shots;
      summary->all.with_footage += covered;
      for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
        if (g_strcmp0 (priority, priorities[i]) == 0)
          summary->by_priority[i] = (CrCoverageCount) { shots, covered };
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_logging_summary (CrDb              *db,
                    CrLoggingSummary  *summary,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT count(*), coalesce(sum(NOT (coalesce(c.rating, 0) > 0"
    "   OR trim(coalesce(c.notes, '')) <> ''"
    "   OR c.interview IS NOT NULL"
    "   OR c.no_person"
    "   OR EXISTS (SELECT 1 FROM clip_tag t WHERE t.clip = c.id)"
    "   OR EXISTS (SELECT 1 FROM clip_participant p WHERE p.clip = c.id)"
    "   OR EXISTS (SELECT 1 FROM clip_shot s WHERE s.clip = c.id)"
    "   OR EXISTS (SELECT 1 FROM marker m WHERE m.clip = c.id)"
    "   OR EXISTS (SELECT 1 FROM selection x WHERE x.clip = c.id))), 0)"
    " FROM clip c WHERE c.status <> 'failed'", error);
  int rc;

  *summary = (CrLoggingSummary) { 0 };
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cr_db_set_error (db, rc, error);
      return FALSE;
    }
  summary->clips = (guint) sqlite3_column_int (stmt, 0);
  summary->not_logged = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}
