/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include "cr-cut.h"
#include "cr-store.h"

G_DEFINE_QUARK (cr-cut-error-quark, cr_cut_error)

static gboolean
exec_int (CrDb        *db,
          const char  *sql,
          gint64       a,
          gint64       b,
          gint64       c,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  return cr_db_step_done (db, stmt, error);
}

guint
cr_cut_count_events (CrDb   *db,
                     gint64  cut)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT count(*) FROM cut_event WHERE cut = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cut);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

gint64
cr_cut_add_event (CrDb        *db,
                  gint64       cut,
                  gint64       select,
                  gint64       clip,
                  gint64       in,
                  gint64       out,
                  gint64       gap_before,
                  const char  *note,
                  guint        position,
                  GError     **error)
{
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_event);
  guint count = cr_cut_count_events (db, cut);
  gint64 id;

  if (select > 0)
    {
      g_autoptr(CrRecord) sel = cr_store_get (db, &cr_entity_select, select, error);
      if (sel == NULL)
        return 0;
      clip = cr_record_get_int (sel, "clip", 0);
      in = cr_record_get_int (sel, "in_frame", 0);
      out = cr_record_get_int (sel, "out_frame", 0);
      cr_record_take (input, "selection", int_text (select));
    }
  if (position == 0 || position > count + 1)
    position = count + 1;
  cr_record_take (input, "cut", int_text (cut));
  cr_record_take (input, "clip", int_text (clip));
  cr_record_take (input, "in_frame", int_text (in));
  cr_record_take (input, "out_frame", int_text (out));
  cr_record_take (input, "gap_before", int_text (gap_before));
  cr_record_take (input, "position", int_text (position));
  if (note)
    cr_record_set (input, "note", note);

  if (!cr_db_begin (db, error))
    return 0;
  if (!exec_int (db, "UPDATE cut_event SET position = position + 1 WHERE cut = ?1 AND position >= ?2",
                 cut, position, 0, error) ||
      !(id = cr_store_insert (db, input, error)))
    {
      cr_db_rollback (db);
      return 0;
    }
  return cr_db_commit (db, error) ? id : 0;
}

static gboolean
check_position (CrDb    *db,
                gint64   cut,
                guint    position,
                GError **error)
{
  guint count = cr_cut_count_events (db, cut);

  if (position < 1 || position > count)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "event: position %u is not in the cut (1–%u)",
                   position, count);
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_cut_move_event (CrDb    *db,
                   gint64   cut,
                   guint    from,
                   guint    to,
                   GError **error)
{
  if (!check_position (db, cut, from, error) || !check_position (db, cut, to, error))
    return FALSE;
  if (from == to)
    return TRUE;
  if (!cr_db_begin (db, error))
    return FALSE;
  /* Park the moving event at 0, close the hole, open the new place, put it there. */
  if (!exec_int (db, "UPDATE cut_event SET position = 0 WHERE cut = ?1 AND position = ?2", cut, from, 0, error) ||
      !exec_int (db, "UPDATE cut_event SET position = position - 1 WHERE cut = ?1 AND position > ?2", cut, from, 0, error) ||
      !exec_int (db, "UPDATE cut_event SET position = position + 1 WHERE cut = ?1 AND position >= ?2", cut, to, 0, error) ||
      !exec_int (db, "UPDATE cut_event SET position = ?2 WHERE cut = ?1 AND position = 0", cut, to, 0, error))
    {
      cr_db_rollback (db);
      return FALSE;
    }
  return cr_db_commit (db, error);
}

gboolean
cr_cut_remove_event (CrDb    *db,
                     gint64   cut,
                     guint    position,
                     GError **error)
{
  if (!check_position (db, cut, position, error) || !cr_db_begin (db, error))
    return FALSE;
  if (!exec_int (db, "DELETE FROM cut_event WHERE cut = ?1 AND position = ?2", cut, position, 0, error) ||
      !exec_int (db, "UPDATE cut_event SET position = position - 1 WHERE cut = ?1 AND position > ?2", cut, position, 0, error))
    {
      cr_db_rollback (db);
      return FALSE;
    }
  return cr_db_commit (db, error);
}

gint64
cr_cut_duplicate (CrDb        *db,
                  gint64       cut,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(CrRecord) original = cr_store_get (db, &cr_entity_cut, cut, error);
  g_autoptr(CrRecord) copy = NULL;
  gint64 id;

  if (original == NULL)
    return 0;
  copy = cr_record_copy (original);
  copy->id = 0;
  g_hash_table_remove (copy->values, "created_at");
  cr_record_set (copy, "name", name);
  if (!cr_db_begin (db, error))
    return 0;
  if (!(id = cr_store_insert (db, copy, error)) ||
      !exec_int (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame, gap_before, note)"
                     " SELECT ?2, position, selection, clip, in_frame, out_frame, gap_before, note"
                     " FROM cut_event WHERE cut = ?1 ORDER BY position", cut, id, 0, error))
    {
      cr_db_rollback (db);
      return 0;
    }
  return cr_db_commit (db, error) ? id : 0;
}

gint64
cr_cut_stringout (CrDb               *db,
                  const char         *name,
                  const CrStringout  *what,
                  GError            **error)
{
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_cut);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint position = 0;
  gint64 cut;
  int rc;

  /* Question order first (as chosen), then the first person in the select, then the footage. */
  g_string_append (sql, "SELECT s.id, s.clip, s.in_frame, s.out_frame FROM selection s"
                        " LEFT JOIN participant p ON p.id = (SELECT participant FROM selection_participant"
                        "   WHERE selection = s.id ORDER BY position LIMIT 1)"
                        " JOIN clip c ON c.id = s.clip");
  if (what->questions && what->questions->len)
    g_string_append (sql, " JOIN json_each (?1) q ON q.value = s.question");
  g_string_append (sql, " WHERE 1");
  if (what->tag)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM clip_tag t WHERE t.clip = s.clip AND t.tag = ?2)");
  if (what->min_rating >= 0)
    g_string_append (sql, " AND coalesce (s.rating, 0) >= ?3");
  g_string_append_printf (sql, " ORDER BY %s p.name COLLATE NOCASE, c.name COLLATE NOCASE, s.in_frame, s.id",
                          what->questions && what->questions->len ? "q.key," : "");
  if (!(stmt = cr_db_prepare (db, sql->str, error)))
    return 0;
  if (what->questions && what->questions->len)
    {
      g_autoptr(GString) json = g_string_new ("[");
      for (guint i = 0; i < what->questions->len; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (what->questions, gint64, i));
      g_string_append_c (json, ']');
      sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_TRANSIENT);
    }
  if (what->tag)
    sqlite3_bind_text (stmt, 2, what->tag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, what->min_rating);

  cr_record_set (input, "name", name);
  if (!cr_db_begin (db, error))
    return 0;
  if (!(cut = cr_store_insert (db, input, error)) ||
      !(insert = cr_db_prepare (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame)"
                                    " VALUES (?, ?, ?, ?, ?, ?)", error)))
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, cut);
      sqlite3_bind_int (insert, 2, ++position);
      for (int col = 0; col < 4; col++)
        sqlite3_bind_int64 (insert, 3 + col, sqlite3_column_int64 (stmt, col));
      if (!cr_db_step_done (db, insert, error))
        goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      goto fail;
    }
  if (position == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "stringout: no select matches; no cut was made");
      goto fail;
    }
  return cr_db_commit (db, error) ? cut : 0;

fail:
  cr_db_rollback (db);
  return 0;
}
