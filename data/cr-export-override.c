/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-export-override"

#include "config.h"

#include "cr-export-override.h"

gint64
cr_export_override_record (CrDb        *db,
                           gint64       cut,
                           const char  *file,
                           const char  *channel,
                           guint        problems,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (file != NULL && problems > 0, 0);
  if (!cr_db_begin (db, error))
    return 0;
  /* The cut's name is kept too: the record outlives the cut. */
  stmt = cr_db_prepare (db,
                        "INSERT INTO export_override (cut, cut_name, file, channel, problems)"
                        " SELECT id, name, ?2, ?3, ?4 FROM cut WHERE id = ?1", error);
  if (stmt == NULL)
    {
      cr_db_rollback (db);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, cut);
  sqlite3_bind_text (stmt, 2, file, -1, SQLITE_TRANSIENT);
  if (channel != NULL)
    sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, problems);
  if (!cr_db_step_done (db, stmt, error))
    {
      cr_db_rollback (db);
      return 0;
    }
  if (sqlite3_changes (cr_db_get_handle (db)) != 1)
    {
      cr_db_rollback (db);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: no cut #%" G_GINT64_FORMAT, cut);
      return 0;
    }
  id = cr_db_last_insert_id (db);
  return cr_db_commit (db, error) ? id : 0;
}

gint64
cr_export_override_count (CrDb    *db,
                          gint64   cut,
                          GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT count(*) FROM export_override WHERE cut = ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cut);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cr_db_set_error (db, sqlite3_errcode (cr_db_get_handle (db)), error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
