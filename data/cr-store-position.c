/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include "cr-store-position.h"
#include "cr-store-query.h"

gint64
cr_store_position (CrDb            *db,
                   const CrEntity  *entity,
                   const CrQuery   *query,
                   gint64           id,
                   GError         **error)
{
  g_autofree char *where = cr_store_query_where (entity, query, error);
  g_autofree char *order = where ? cr_store_query_order (entity, query, error) : NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (order == NULL)
    return -2;
  /* The same filter and ORDER BY as cr_store_list (), numbered by row_number (). */
  sql = g_strdup_printf ("SELECT n FROM (SELECT t.id AS id, row_number () OVER (ORDER BY %s) - 1 AS n "
                         "FROM %s t%s) WHERE id = ?3",
                         order, entity->table, where);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return -2;
  cr_store_query_bind (stmt, query);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return -1;
  cr_db_set_error (db, rc, error);
  return -2;
}
