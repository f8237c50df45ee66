/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include <sqlite3.h>

#include "cr-store-links.h"

GArray *
cr_store_links_to (CrDb           *db,
                   const CrEntity *owner,
                   const CrField  *links,
                   gint64          target,
                   GError        **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CrLinkBack));
  int rc;

  g_return_val_if_fail (links->type == CR_FIELD_LINKS, NULL);
  sql = g_strdup_printf ("SELECT %s, position FROM %s WHERE %s = ?", owner->table, links->column, links->ref->table);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, target);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrLinkBack back = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (found, back);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

gboolean
cr_store_links_back (CrDb           *db,
                     const CrEntity *owner,
                     const CrField  *links,
                     GArray         *back,
                     gint64          target,
                     GError        **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (links->type == CR_FIELD_LINKS, FALSE);
  if (back->len == 0)
    return TRUE;
  sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, %s, position) SELECT ?1, ?2, ?3 "
                         "WHERE EXISTS (SELECT 1 FROM %s WHERE id = ?1)",
                         links->column, owner->table, links->ref->table, owner->table);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return FALSE;
  for (guint i = 0; i < back->len; i++)
    {
      const CrLinkBack *link = &g_array_index (back, CrLinkBack, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, link->owner);
      sqlite3_bind_int64 (stmt, 2, target);
      sqlite3_bind_int64 (stmt, 3, link->position);
      if (!cr_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
