/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-shot-order"

#include "config.h"

#include "cr-shot-order.h"

gboolean
cr_shot_move (CrDb    *db,
              gint64   shot,
              guint    index,
              GError **error)
{
  g_autoptr(sqlite3_stmt) list = NULL;
  g_autoptr(sqlite3_stmt) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean found = FALSE;
  int rc;

  if (!cr_db_begin (db, error))
    return FALSE;
  if (!(list = cr_db_prepare (db, "SELECT id FROM shot ORDER BY position, id", error)))
    goto fail;
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);
      if (id == shot)
        found = TRUE;
      else
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      goto fail;
    }
  if (!found)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "shot: no shot #%" G_GINT64_FORMAT, shot);
      goto fail;
    }
  g_array_insert_val (ids, MIN (index, ids->len), shot);
  if (!(set = cr_db_prepare (db, "UPDATE shot SET position = ?1 WHERE id = ?2", error)))
    goto fail;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (set);
      sqlite3_bind_int (set, 1, (int) i + 1);
      sqlite3_bind_int64 (set, 2, g_array_index (ids, gint64, i));
      if (!cr_db_step_done (db, set, error))
        goto fail;
    }
  return cr_db_commit (db, error);

fail:
  cr_db_rollback (db);
  return FALSE;
}

GHashTable *
cr_shot_coverage (CrDb    *db,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT shot, count(*) FROM clip_shot GROUP BY shot", error);
  g_autoptr(GHashTable) coverage = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 shot = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (coverage, g_memdup2 (&shot, sizeof shot), GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&coverage);
}
