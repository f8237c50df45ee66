/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include "cr-cut-events.h"

static gboolean
exec_int (CrDb        *db,
          const char  *sql,
          gint64       a,
          gint64       b,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return cr_db_step_done (db, stmt, error);
}

/* Runs the statements (each bound to cut, value[i]) as one transaction. */
static gboolean
exec_all (CrDb         *db,
          gint64        cut,
          const char  **sql,
          const gint64 *value,
          guint         n,
          GError      **error)
{
  if (!cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!exec_int (db, sql[i], cut, value[i], error))
      {
        cr_db_rollback (db);
        return FALSE;
      }
  return cr_db_commit (db, error);
}

guint
cr_cut_events_count (CrDb   *db,
                     gint64  cut)
{
  /* Positions run 1..n, so the last one is the count, read from the (cut, position) index. */
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT coalesce (max (position), 0) FROM cut_event WHERE cut = ?",
                                                NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cut);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}

gboolean
cr_cut_events_make_room (CrDb    *db,
                         gint64   cut,
                         guint    position,
                         GError **error)
{
  return exec_int (db, "UPDATE cut_event SET position = position + 1 WHERE cut = ?1 AND position >= ?2",
                   cut, position, error);
}

gboolean
cr_cut_events_move (CrDb    *db,
                    gint64   cut,
                    guint    from,
                    guint    to,
                    GError **error)
{
  /* Park the moving event at 0, close the hole, open the new place, put it there. */
  const char *sql[] = {
    "UPDATE cut_event SET position = 0 WHERE cut = ?1 AND position = ?2",
    "UPDATE cut_event SET position = position - 1 WHERE cut = ?1 AND position > ?2",
    "UPDATE cut_event SET position = position + 1 WHERE cut = ?1 AND position >= ?2",
    "UPDATE cut_event SET position = ?2 WHERE cut = ?1 AND position = 0",
  };
  const gint64 value[] = { from, from, to, to };

  return exec_all (db, cut, sql, value, G_N_ELEMENTS (sql), error);
}

gboolean
cr_cut_events_remove (CrDb    *db,
                      gint64   cut,
                      guint    position,
                      GError **error)
{
  const char *sql[] = {
    "DELETE FROM cut_event WHERE cut = ?1 AND position = ?2",
    "UPDATE cut_event SET position = position - 1 WHERE cut = ?1 AND position > ?2",
  };
  const gint64 value[] = { position, position };

  return exec_all (db, cut, sql, value, G_N_ELEMENTS (sql), error);
}

GArray *
cr_cut_events_ids (CrDb    *db,
                   gint64   cut,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT id FROM cut_event WHERE cut = ? ORDER BY position", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cut);
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

gboolean
cr_cut_events_set_order (CrDb    *db,
                         gint64   cut,
                         GArray  *ids,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* As many events, each of them found once in the cut: the same events, only reordered. */
  if (cr_cut_events_count (db, cut) != ids->len)
    goto changed;
  if (!(stmt = cr_db_prepare (db, "UPDATE cut_event SET position = ?3 WHERE cut = ?1 AND id = ?2", error)) ||
      !cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, cut);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i + 1);
      if (!cr_db_step_done (db, stmt, error))
        {
          cr_db_rollback (db);
          return FALSE;
        }
      if (sqlite3_changes (cr_db_get_handle (db)) != 1)
        {
          cr_db_rollback (db);
          goto changed;
        }
    }
  return cr_db_commit (db, error);

changed:
  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: its events have changed since; the order was not put back");
  return FALSE;
}

gboolean
cr_cut_events_copy (CrDb    *db,
                    gint64   from_cut,
                    gint64   to_cut,
                    GError **error)
{
  return exec_int (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame, gap_before, note,"
                       " track) SELECT ?2, position, selection, clip, in_frame, out_frame, gap_before, note, track"
                       " FROM cut_event WHERE cut = ?1 ORDER BY position", from_cut, to_cut, error);
}

gboolean
cr_cut_events_link_select (CrDb    *db,
                           gint64   cut,
                           guint    position,
                           gint64   select,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "UPDATE cut_event SET selection = ? WHERE cut = ? AND position = ?",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, select);
  sqlite3_bind_int64 (stmt, 2, cut);
  sqlite3_bind_int (stmt, 3, (int) position);
  return cr_db_step_done (db, stmt, error);
}

gboolean
cr_cut_events_add_selects (CrDb        *db,
                           gint64       cut,
                           GArray      *questions,
                           const char  *tag,
                           int          min_rating,
                           guint       *added,
                           GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean by_question = questions && questions->len;
  guint position = cr_cut_events_count (db, cut);
  int rc;

  *added = 0;
  /* Question order first (as chosen), then the first person in the select, then the footage. */
  g_string_append (sql, "SELECT s.id, s.clip, s.in_frame, s.out_frame FROM selection s"
                        " LEFT JOIN participant p ON p.id = (SELECT participant FROM selection_participant"
                        "   WHERE selection = s.id ORDER BY position LIMIT 1)"
                        " JOIN clip c ON c.id = s.clip");
  if (by_question)
    g_string_append (sql, " JOIN json_each (?1) q ON q.value = s.question");
  g_string_append (sql, " WHERE 1");
  if (tag)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM clip_tag t WHERE t.clip = s.clip AND t.tag = ?2)");
  if (min_rating >= 0)
    g_string_append (sql, " AND coalesce (s.rating, 0) >= ?3");
  g_string_append_printf (sql, " ORDER BY %s p.name COLLATE NOCASE, c.name COLLATE NOCASE, s.in_frame, s.id",
                          by_question ? "q.key," : "");
  if (!(stmt = cr_db_prepare (db, sql->str, error)))
    return FALSE;
  if (by_question)
    {
      g_autoptr(GString) json = g_string_new ("[");
      for (guint i = 0; i < questions->len; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (questions, gint64, i));
      g_string_append_c (json, ']');
      sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_TRANSIENT);
    }
  if (tag)
    sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, min_rating);

  if (!cr_db_begin (db, error))
    return FALSE;
  if (!(insert = cr_db_prepare (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame)"
                                    " VALUES (?, ?, ?, ?, ?, ?)", error)))
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, cut);
      sqlite3_bind_int (insert, 2, (int) ++position);
      for (int col = 0; col < 4; col++)
        sqlite3_bind_int64 (insert, 3 + col, sqlite3_column_int64 (stmt, col));
      if (!cr_db_step_done (db, insert, error))
        goto fail;
      ++*added;
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      goto fail;
    }
  if (*added > 0 && !cr_cut_events_picture_first (db, cut, error))
    goto fail;
  return cr_db_commit (db, error);

fail:
  *added = 0;
  cr_db_rollback (db);
  return FALSE;
}

GPtrArray *
cr_cut_events_tracks (CrDb    *db,
                      gint64   cut,
                      GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT track FROM cut_event WHERE cut = ? ORDER BY position",
                                                error);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cut);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tracks, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tracks);
}

gboolean
cr_cut_events_picture_first (CrDb    *db,
                             gint64   cut,
                             GError **error)
{
  /* Only the rows whose number changes are written: none, in the usual case. */
  return exec_int (db, "UPDATE cut_event SET position = r.n FROM (SELECT id, row_number () OVER"
                       " (ORDER BY track <> 'V', position) AS n FROM cut_event WHERE cut = ?1) AS r"
                       " WHERE cut_event.id = r.id AND cut_event.position <> r.n", cut, 0, error);
}

gboolean
cr_cut_events_set_track (CrDb        *db,
                         gint64       event,
                         const char  *track,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "UPDATE cut_event SET track = ?1, position = (SELECT max (position)"
                                                    " + 1 FROM cut_event WHERE cut = (SELECT cut FROM cut_event"
                                                    " WHERE id = ?2)) WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, track, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, event);
  return cr_db_step_done (db, stmt, error);
}
