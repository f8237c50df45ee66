/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-schedule"

#include "config.h"

#include "cr-schedule.h"
#include "cr-store.h"
#include "cr-zone.h"

/* Times are stored as fixed-width UTC text, so comparing text compares instants. */
static const char conflicts_sql[] =
  "WITH people AS (SELECT interview, participant FROM interview_participant"
  "                UNION SELECT interview, participant FROM interview_crew),"
  " pairs AS (SELECT a.id AS a, b.id AS b, a.title AS at, b.title AS bt, a.location AS al, b.location AS bl"
  "           FROM interview a JOIN interview b"
  "             ON (a.starts_at < b.starts_at OR (a.starts_at = b.starts_at AND a.id < b.id))"
  "            AND b.starts_at < a.ends_at"
  "           WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'"
  "             AND (?1 = 0 OR a.id = ?1 OR b.id = ?1))"
  " SELECT pairs.a, pairs.b, pairs.at, pairs.bt, 'person', p.id, p.name FROM pairs"
  "   JOIN people pa ON pa.interview = pairs.a"
  "   JOIN people pb ON pb.interview = pairs.b AND pb.participant = pa.participant"
  "   JOIN participant p ON p.id = pa.participant"
  " UNION ALL"
  " SELECT pairs.a, pairs.b, pairs.at, pairs.bt, 'location', l.id, l.name FROM pairs"
  "   JOIN location l ON l.id = pairs.al AND pairs.al = pairs.bl"
  " ORDER BY 1, 2, 5, 7";

void
cr_conflict_free (CrConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->first_title);
  g_free (conflict->second_title);
  g_free (conflict->kind);
  g_free (conflict->shared_name);
  g_free (conflict);
}

GPtrArray *
cr_schedule_conflicts (CrDb    *db,
                       gint64   interview,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, conflicts_sql, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_conflict_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, interview);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrConflict *c = g_new0 (CrConflict, 1);

      c->first = sqlite3_column_int64 (stmt, 0);
      c->second = sqlite3_column_int64 (stmt, 1);
      c->first_title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->second_title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      c->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c->shared = sqlite3_column_int64 (stmt, 5);
      c->shared_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
cr_conflict_describe (const CrConflict *c)
{
  return g_strdup_printf ("“%s” (#%" G_GINT64_FORMAT ") and “%s” (#%" G_GINT64_FORMAT ") overlap and %s %s",
                          c->first_title, c->first, c->second_title, c->second,
                          g_str_equal (c->kind, "location") ? "are both at" : "both have",
                          c->shared_name);
}

GTimeZone *
cr_schedule_zone (CrDb *db)
{
  g_autoptr(CrRecord) production = cr_store_get (db, &cr_entity_production, 1, NULL);
  const char *zone = production ? cr_record_get (production, "time_zone") : NULL;
  GTimeZone *tz = zone && *zone ? cr_zone_new (zone, NULL) : NULL;

  return tz ? tz : g_time_zone_new_local ();
}
