/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-tags"

#include "config.h"

#include <string.h>

#include "cr-clip-tags.h"

gboolean
cr_clip_tags_change (CrDb                *db,
                     gint64               clip,
                     const char * const  *tags,
                     gboolean             remove,
                     GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, remove ? "DELETE FROM clip_tag WHERE clip = ? AND tag = ?"
                                                           : "INSERT OR IGNORE INTO clip_tag (clip, tag) VALUES (?, ?)",
                                                error);

  if (stmt == NULL || !cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; tags[i]; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag == '\0' || strpbrk (tag, "\n\r,") || !g_utf8_validate (tag, -1, NULL))
        {
          cr_db_rollback (db);
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                       "clip tag: “%s” is not a tag (one line, no commas)", tags[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, clip);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);
      if (!cr_db_step_done (db, stmt, error))
        {
          cr_db_rollback (db);
          return FALSE;
        }
    }
  return cr_db_commit (db, error);
}

GStrv
cr_clip_tags_get (CrDb   *db,
                  gint64  clip)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT tag FROM clip_tag WHERE clip = ? ORDER BY tag", NULL);

  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, clip);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}

GStrv
cr_clip_tags_in_use (CrDb *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt =
    cr_db_prepare (db, "SELECT tag FROM clip_tag GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE", NULL);

  if (stmt)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

GStrv
cr_clip_tags_of_selects (CrDb *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt =
    cr_db_prepare (db, "SELECT tag FROM clip_tag t WHERE EXISTS (SELECT 1 FROM selection s WHERE s.clip = t.clip)"
                       " GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE", NULL);

  if (stmt)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}
