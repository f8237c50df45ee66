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

void
cr_shoot_day_free (CrShootDay *day)
{
  if (day == NULL)
    return;
  g_clear_pointer (&day->day, g_date_time_unref);
  g_clear_pointer (&day->first, g_date_time_unref);
  g_clear_pointer (&day->places, g_ptr_array_unref);
  g_free (day);
}

/* As the store keeps times: fixed-width UTC text, so that text compares as instants. */
static char *
stored_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
midnight (GTimeZone *tz,
          GDateTime *time)
{
  g_autoptr(GDateTime) there = g_date_time_to_timezone (time, tz);

  return g_date_time_new (tz, g_date_time_get_year (there), g_date_time_get_month (there),
                          g_date_time_get_day_of_month (there), 0, 0, 0);
}

gboolean
cr_schedule_next_day (CrDb        *db,
                      GTimeZone   *tz,
                      GDateTime   *now,
                      CrShootDay **out,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) first = cr_db_prepare (db,
    "SELECT starts_at FROM interview WHERE status <> 'cancelled' AND starts_at >= ?1"
    " ORDER BY starts_at, id LIMIT 1", error);
  g_autoptr(sqlite3_stmt) that_day = NULL;
  g_autoptr(CrShootDay) day = NULL;
  g_autoptr(GDateTime) today = midnight (tz, now);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *after = stored_time (today);
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  int rc;

  *out = NULL;
  if (first == NULL)
    return FALSE;
  sqlite3_bind_text (first, 1, after, -1, SQLITE_STATIC);
  rc = sqlite3_step (first);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      cr_db_set_error (db, rc, error);
      return FALSE;
    }
  start = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (first, 0), NULL);
  if (start == NULL)
    return TRUE;   /* the store writes none such; nothing to say of it */

  day = g_new0 (CrShootDay, 1);
  day->day = midnight (tz, start);
  day->first = g_date_time_to_timezone (start, tz);
  day->places = g_ptr_array_new_with_free_func (g_free);
  /* The next midnight, not 24 hours on: a day the clocks change has 23 or 25. */
  {
    g_autoptr(GDateTime) noon = g_date_time_add_hours (day->day, 12);
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (noon, 1);
    next = midnight (tz, tomorrow);
  }
  from = stored_time (day->day);
  until = stored_time (next);
  that_day = cr_db_prepare (db,
    "SELECT l.name FROM interview i LEFT JOIN location l ON l.id = i.location"
    " WHERE i.status <> 'cancelled' AND i.starts_at >= ?1 AND i.starts_at < ?2"
    " ORDER BY i.starts_at, i.id", error);
  if (that_day == NULL)
    return FALSE;
  sqlite3_bind_text (that_day, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (that_day, 2, until, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (that_day)) == SQLITE_ROW)
    {
      const char *place = (const char *) sqlite3_column_text (that_day, 0);

      day->n_interviews++;
      if (place == NULL)
        day->n_unplaced++;
      else if (!g_ptr_array_find_with_equal_func (day->places, place, g_str_equal, NULL))
        g_ptr_array_add (day->places, g_strdup (place));
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return FALSE;
    }
  *out = g_steal_pointer (&day);
  return TRUE;
}
