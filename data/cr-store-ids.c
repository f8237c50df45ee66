/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include "cr-store-query.h"

GArray *
cr_store_list_ids (CrDb            *db,
                   const CrEntity  *entity,
                   const CrQuery   *query,
                   GError         **error)
{
  g_autofree char *where = cr_store_query_where (entity, query, error);
  g_autofree char *order = where ? cr_store_query_order (entity, query, error) : NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (order == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT t.id FROM %s t%s ORDER BY %s", entity->table, where, order);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return NULL;
  cr_store_query_bind (stmt, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
cr_store_get_many (CrDb            *db,
                   const CrEntity  *entity,
                   const gint64    *ids,
                   guint            n_ids,
                   GError         **error)
{
  g_autofree char *base = cr_store_query_select (entity);
  g_autofree char *sql = g_strdup_printf ("%s WHERE t.id IN (SELECT value FROM json_each (?))", base);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  g_autoptr(GString) json = g_string_sized_new (16 + n_ids * 8);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) cr_record_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_record_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrRecord *record = cr_store_query_record (entity, stmt);
      g_hash_table_insert (found, &record->id, record);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  /* Back into the order asked for: the IN set comes out in the table's order. */
  for (guint i = 0; i < n_ids; i++)
    {
      CrRecord *record = NULL;
      if (g_hash_table_steal_extended (found, &ids[i], NULL, (gpointer *) &record))
        g_ptr_array_add (rows, record);
    }
  return g_steal_pointer (&rows);
}
