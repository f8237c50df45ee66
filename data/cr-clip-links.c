/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clips"

#include "config.h"

#include "cr-clip-links.h"

static gboolean
run2 (CrDb        *db,
      const char  *sql,
      gint64       clip,
      gint64       other,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clip);
  sqlite3_bind_int64 (stmt, 2, other);
  return cr_db_step_done (db, stmt, error);
}

gboolean
cr_clip_link_interview (CrDb    *db,
                        gint64   clip,
                        gint64   interview,
                        GError **error)
{
  return run2 (db, "UPDATE clip SET interview = ?2 WHERE id = ?1", clip, interview, error) &&
         run2 (db, "INSERT OR IGNORE INTO clip_participant (clip, participant, position)"
                   " SELECT ?1, ip.participant,"
                   "   (SELECT coalesce (max (position), 0) FROM clip_participant WHERE clip = ?1) + ip.position"
                   " FROM interview_participant ip WHERE ip.interview = ?2 ORDER BY ip.position",
               clip, interview, error);
}

gboolean
cr_clip_link_shot (CrDb    *db,
                   gint64   clip,
                   gint64   shot,
                   GError **error)
{
  return run2 (db, "INSERT OR IGNORE INTO clip_shot (clip, shot, position) VALUES (?1, ?2,"
                   " (SELECT coalesce (max (position), 0) + 1 FROM clip_shot WHERE clip = ?1))",
               clip, shot, error);
}
