/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include "cr-store-position.h"

gint64
cr_store_position (CrDb            *db,
                   const CrEntity  *entity,
                   const CrQuery   *query,
                   gint64           id,
                   GError         **error)
{
  g_autoptr(GString) where = g_string_new (" WHERE 1");
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean search = query && query->search && *query->search;
  int rc;

  /* The same filter as cr_store_list (); row_number () follows the same ORDER BY. */
  if (search)
    g_string_append_printf (where, " AND instr (lower (t.%s), lower (?1)) > 0", entity->label);
  if (query && query->field)
    {
      const CrField *f = cr_entity_find_field (entity, query->field);
      if (f == NULL || f->type == CR_FIELD_LINKS)
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: cannot filter on “%s”",
                       entity->name, query->field);
          return -2;
        }
      g_string_append_printf (where, " AND t.%s IS ?2", cr_field_column (f));
    }
  sql = g_strdup_printf ("SELECT n FROM (SELECT t.id AS id, row_number () OVER (ORDER BY %s) - 1 AS n "
                         "FROM %s t%s) WHERE id = ?3",
                         entity->order_by, entity->table, where->str);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return -2;
  if (search)
    sqlite3_bind_text (stmt, 1, query->search, -1, SQLITE_TRANSIENT);
  if (query && query->field)
    sqlite3_bind_text (stmt, 2, query->value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return -1;
  cr_db_set_error (db, rc, error);
  return -2;
}
