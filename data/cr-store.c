/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include "cr-store.h"
#include "cr-store-query.h"

static const CrField *
find_field_of_type (const CrEntity *entity,
                    CrFieldType     type)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].type == type)
      return &entity->fields[i];
  return NULL;
}

CrRecord *
cr_store_get (CrDb            *db,
              const CrEntity  *entity,
              gint64           id,
              GError         **error)
{
  g_autofree char *base = cr_store_query_select (entity);
  g_autofree char *sql = g_strdup_printf ("%s WHERE t.id = ?", base);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cr_store_query_record (entity, stmt);
  if (rc != SQLITE_DONE)
    cr_db_set_error (db, rc, error);
  else
    g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "no %s #%" G_GINT64_FORMAT, entity->name, id);
  return NULL;
}

gboolean
cr_store_resolve (CrDb            *db,
                  const CrEntity  *entity,
                  const char      *id_or_label,
                  gint64          *out,
                  GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s = ?2 COLLATE NOCASE FROM %s "
                                          "WHERE id = ?1 OR %s = ?2 COLLATE NOCASE LIMIT 3",
                                          entity->label, entity->table, entity->label);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  /* "#12" is always the id; "12" is first what people type (a shot numbered 12), then an id. */
  gboolean id_only = id_or_label[0] == '#';
  const char *text = id_only ? id_or_label + 1 : id_or_label;
  char *end = NULL;
  gint64 as_id = g_ascii_strtoll (text, &end, 10);
  gint64 found = 0, by_id = 0;
  int labelled = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (end != text && *end == '\0') ? as_id : -1);
  if (!id_only)
    sqlite3_bind_text (stmt, 2, id_or_label, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (sqlite3_column_int (stmt, 1) == 1)
        {
          found = id;
          labelled++;
        }
      else
        by_id = id;
    }
  if (labelled == 0)
    found = by_id;
  if (found == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "no %s “%s”", entity->name, id_or_label);
      return FALSE;
    }
  if (labelled > 1)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "“%s” names more than one %s; give the id (#N)",
                   id_or_label, entity->name);
      return FALSE;
    }
  *out = found;
  return TRUE;
}

CrRecord *
cr_store_find (CrDb            *db,
               const CrEntity  *entity,
               const char      *id_or_label,
               GError         **error)
{
  gint64 id = 0;

  if (!cr_store_resolve (db, entity, id_or_label, &id, error))
    return NULL;
  return cr_store_get (db, entity, id, error);
}

GPtrArray *
cr_store_list (CrDb            *db,
               const CrEntity  *entity,
               const CrQuery   *query,
               GError         **error)
{
  g_autofree char *base = cr_store_query_select (entity);
  g_autofree char *where = cr_store_query_where (entity, query, error);
  g_autofree char *order = where ? cr_store_query_order (entity, query, error) : NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_record_free);
  int rc;

  if (order == NULL)
    return NULL;
  sql = g_strdup_printf ("%s%s ORDER BY %s LIMIT %" G_GINT64_FORMAT " OFFSET %" G_GINT64_FORMAT,
                         base, where, order,
                         query && query->limit > 0 ? query->limit : -1,
                         query ? MAX (query->offset, 0) : 0);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return NULL;
  cr_store_query_bind (stmt, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, cr_store_query_record (entity, stmt));
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
cr_store_count (CrDb            *db,
                const CrEntity  *entity,
                const CrQuery   *query,
                GError         **error)
{
  g_autofree char *where = cr_store_query_where (entity, query, error);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (where == NULL)
    return -1;
  sql = g_strdup_printf ("SELECT count(*) FROM %s t%s", entity->table, where);
  if (!(stmt = cr_db_prepare (db, sql, error)))
    return -1;
  cr_store_query_bind (stmt, query);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cr_db_set_error (db, sqlite3_errcode (cr_db_get_handle (db)), error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

char *
cr_store_label (CrDb           *db,
                const CrEntity *entity,
                gint64          id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", entity->label, entity->table);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/* The time zone that an entity's wall times are typed in: its own, else its location's,
 * else the production's, else UTC. */
static void
fill_time_zone (CrDb     *db,
                CrRecord *record)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (cr_record_get (record, "time_zone"))
    return;
  stmt = cr_db_prepare (db, "SELECT coalesce ((SELECT time_zone FROM location WHERE id = ?),"
                            " (SELECT time_zone FROM production WHERE id = 1), 'UTC')", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, cr_record_get_int (record, "location", 0));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cr_record_set (record, "time_zone", (const char *) sqlite3_column_text (stmt, 0));
}

static gint64
next_position (CrDb           *db,
               const CrEntity *entity)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (position), 0) + 1 FROM %s", entity->table);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, NULL);

  return stmt && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
}

/* Normalises `input` onto `merged` (the row as it will be), in two passes so that wall
 * times are read in the zone that the same change may set. */
static gboolean
apply_input (CrDb           *db,
             const CrRecord *input,
             CrRecord       *merged,
             gboolean        creating,
             GError        **error)
{
  const CrEntity *entity = input->entity;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, input->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CrField *f = cr_entity_find_field (entity, key);

      if (f == NULL)
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: no field “%s”", entity->name,
                       (const char *) key);
          return FALSE;
        }
      if (f->flags & CR_FIELD_READONLY)
        return cr_field_error (entity, f, error, "is set by Casereel, not by hand");
      if (!creating && (f->flags & CR_FIELD_CREATE_ONLY))
        return cr_field_error (entity, f, error, "cannot be changed once recorded");
    }

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const CrField *f = &entity->fields[i];
          char *normal = NULL;

          if ((f->type == CR_FIELD_DATETIME) != (pass == 1) || !cr_record_has (input, f->name))
            continue;
          if (!cr_field_normalize (db, entity, f, cr_record_get (input, f->name),
                                   cr_record_get (merged, "time_zone"), &normal, error))
            return FALSE;
          cr_record_take (merged, f->name, normal);
        }
      if (pass == 0 && find_field_of_type (entity, CR_FIELD_DATETIME))
        fill_time_zone (db, merged);
    }
  return TRUE;
}

static gboolean
check_required (const CrRecord *record,
                GError        **error)
{
  const CrEntity *entity = record->entity;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      if ((f->flags & CR_FIELD_REQUIRED) && cr_record_get (record, f->name) == NULL)
        return cr_field_error (entity, f, error, "is required");
    }
  return TRUE;
}

static gboolean
write_links (CrDb           *db,
             const CrRecord *record,
             gboolean        creating,
             GError        **error)
{
  const CrEntity *entity = record->entity;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      g_autofree char *del = NULL;
      g_autofree char *ins = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GArray) ids = NULL;

      if (f->type != CR_FIELD_LINKS)
        continue;
      if (!creating)
        {
          del = g_strdup_printf ("DELETE FROM %s WHERE %s = %" G_GINT64_FORMAT, f->column, entity->table, record->id);
          if (!cr_db_exec (db, del, error))
            return FALSE;
        }
      ins = g_strdup_printf ("INSERT INTO %s (%s, %s, position) VALUES (?, ?, ?)", f->column, entity->table,
                             f->ref->table);
      if (!(stmt = cr_db_prepare (db, ins, error)))
        return FALSE;
      ids = cr_record_get_ids (record, f->name);
      for (guint k = 0; k < ids->len; k++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, record->id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, k));
          sqlite3_bind_int (stmt, 3, (int) k + 1);
          if (!cr_db_step_done (db, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_row (CrDb      *db,
           CrRecord  *record,
           gboolean   creating,
           GError   **error)
{
  const CrEntity *entity = record->entity;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      const char *sep = bound->len ? ", " : "";

      if (f->type == CR_FIELD_LINKS || (f->flags & CR_FIELD_READONLY))
        continue;
      /* On insert, leave empty columns out so that the schema's defaults apply. */
      if (creating && cr_record_get (record, f->name) == NULL)
        continue;
      if (creating)
        {
          g_string_append_printf (columns, "%s%s", sep, cr_field_column (f));
          g_string_append_printf (marks, "%s?", sep);
        }
      else
        g_string_append_printf (columns, "%s%s = ?", sep, cr_field_column (f));
      g_ptr_array_add (bound, (gpointer) cr_record_get (record, f->name));
    }

  if (creating && bound->len == 0)
    sql = g_strdup_printf ("INSERT INTO %s DEFAULT VALUES", entity->table);
  else if (creating)
    sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", entity->table, columns->str, marks->str);
  else if (bound->len == 0)
    return TRUE;
  else
    sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = %" G_GINT64_FORMAT, entity->table,
                           columns->str, record->id);

  if (!(stmt = cr_db_prepare (db, sql, error)))
    return FALSE;
  for (guint i = 0; i < bound->len; i++)
    {
      const char *value = g_ptr_array_index (bound, i);
      if (value)
        sqlite3_bind_text (stmt, i + 1, value, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, i + 1);
    }
  if (!cr_db_step_done (db, stmt, error))
    return FALSE;
  if (creating)
    record->id = cr_db_last_insert_id (db);
  return TRUE;
}

static gboolean
save (CrDb      *db,
      CrRecord  *merged,
      gboolean   creating,
      GError   **error)
{
  const CrEntity *entity = merged->entity;

  /* The entity's own check first: it may fill in derived values such as a default date. */
  if (entity->check && !entity->check (db, merged, creating, error))
    return FALSE;
  if (!check_required (merged, error))
    return FALSE;
  if (!cr_db_begin (db, error))
    return FALSE;
  if (!write_row (db, merged, creating, error) || !write_links (db, merged, creating, error))
    {
      cr_db_rollback (db);
      g_prefix_error (error, "%s: ", entity->name);
      return FALSE;
    }
  return cr_db_commit (db, error);
}

gint64
cr_store_insert (CrDb            *db,
                 const CrRecord  *input,
                 GError         **error)
{
  const CrEntity *entity = input->entity;
  g_autoptr(CrRecord) merged = cr_record_new (entity);

  if (entity == &cr_entity_production)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "production: a file holds one production; make another file with 'casereel new'");
      return 0;
    }
  if (!apply_input (db, input, merged, TRUE, error))
    return 0;
  if (cr_entity_find_field (entity, "position") && cr_record_get (merged, "position") == NULL)
    cr_record_take (merged, "position", g_strdup_printf ("%" G_GINT64_FORMAT, next_position (db, entity)));
  if (!save (db, merged, TRUE, error))
    return 0;
  return merged->id;
}

gboolean
cr_store_update (CrDb            *db,
                 const CrEntity  *entity,
                 gint64           id,
                 const CrRecord  *changes,
                 GError         **error)
{
  g_autoptr(CrRecord) merged = NULL;

  if (entity == &cr_entity_consent)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "consent: the history is kept as it happened; record a new consent instead");
      return FALSE;
    }
  if (!(merged = cr_store_get (db, entity, id, error)))
    return FALSE;
  if (!apply_input (db, changes, merged, FALSE, error))
    return FALSE;
  return save (db, merged, FALSE, error);
}

/* Where a row that cannot go is still used: the tables that refuse its delete. */
static const char *
still_used_in (const CrEntity *entity)
{
  if (entity == &cr_entity_participant)
    return "in an interview, a shot, a clip, a select, a transcript or the consent history";
  if (entity == &cr_entity_question)
    return "asked in an interview";
  if (entity == &cr_entity_clip)
    return "in a select, a cut or a delivered file";
  return "used elsewhere in the production";
}

gboolean
cr_store_delete (CrDb            *db,
                 const CrEntity  *entity,
                 gint64           id,
                 GError         **error)
{
  g_autoptr(CrRecord) record = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GError) local = NULL;

  if (entity == &cr_entity_consent || entity == &cr_entity_production)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: cannot be removed%s", entity->name,
                   entity == &cr_entity_consent ? "; record a withdrawal instead" : "");
      return FALSE;
    }
  if (!(record = cr_store_get (db, entity, id, error)))
    return FALSE;
  what = cr_record_describe (record);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = %" G_GINT64_FORMAT, entity->table, id);
  if (!cr_db_begin (db, error))
    return FALSE;
  if (!cr_db_exec (db, sql, &local))
    {
      cr_db_rollback (db);
      if (g_error_matches (local, CR_DB_ERROR, CR_DB_ERROR_CONFLICT))
        g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT, "%s %s is still %s; remove it there first",
                     entity->name, what, still_used_in (entity));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return cr_db_commit (db, error);
}
