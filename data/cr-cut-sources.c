/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include "cr-cut-sources.h"

void
cr_cut_event_row_free (CrCutEventRow *row)
{
  if (row == NULL)
    return;
  g_free (row->note);
  g_free (row->label);
  g_free (row->question);
  g_free (row->participants);
  g_free (row);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text && *text ? g_strdup (text) : NULL;
}

/* Every event of the cut with what the edit lists carry, in one query. */
static const char events_sql[] =
  "SELECT e.clip, e.in_frame, e.out_frame, e.gap_before, coalesce (e.note, s.notes), s.label, q.text,"
  "  CASE WHEN e.selection IS NOT NULL"
  "    THEN (SELECT group_concat (p.name, ', ') FROM selection_participant x JOIN participant p ON p.id = x.participant"
  "          WHERE x.selection = e.selection ORDER BY x.position)"
  "    ELSE (SELECT group_concat (p.name, ', ') FROM clip_participant x JOIN participant p ON p.id = x.participant"
  "          WHERE x.clip = e.clip ORDER BY x.position) END"
  " FROM cut_event e LEFT JOIN selection s ON s.id = e.selection LEFT JOIN question q ON q.id = s.question"
  " WHERE e.cut = ? ORDER BY e.position";

/* The frames alone: what a consent check needs, without a name lookup per event. */
static const char frames_sql[] =
  "SELECT clip, in_frame, out_frame, gap_before FROM cut_event WHERE cut = ? ORDER BY position";

static GPtrArray *
events_list (CrDb      *db,
             gint64     cut,
             gboolean   with_words,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, with_words ? events_sql : frames_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_cut_event_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cut);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrCutEventRow *row = g_new0 (CrCutEventRow, 1);

      row->clip = sqlite3_column_int64 (stmt, 0);
      row->in = sqlite3_column_int64 (stmt, 1);
      row->out = sqlite3_column_int64 (stmt, 2);
      row->gap_before = sqlite3_column_int64 (stmt, 3);
      if (with_words)
        {
          row->note = column_text (stmt, 4);
          row->label = column_text (stmt, 5);
          row->question = column_text (stmt, 6);
          row->participants = column_text (stmt, 7);
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
cr_cut_events_list (CrDb    *db,
                    gint64   cut,
                    GError **error)
{
  return events_list (db, cut, TRUE, error);
}

GPtrArray *
cr_cut_events_frames (CrDb    *db,
                      gint64   cut,
                      GError **error)
{
  return events_list (db, cut, FALSE, error);
}

gboolean
cr_clip_markers (CrDb     *db,
                 gint64    clip,
                 GArray  **frames,
                 GStrv    *notes,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT frame, note FROM marker WHERE clip = ? ORDER BY frame, id",
                                                error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clip);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 frame = sqlite3_column_int64 (stmt, 0);
      const char *note = (const char *) sqlite3_column_text (stmt, 1);

      g_array_append_val (list, frame);
      g_strv_builder_add (builder, note ? note : "");
    }
  if (rc != SQLITE_DONE)
    return cr_db_set_error (db, rc, error);
  *frames = g_steal_pointer (&list);
  *notes = g_strv_builder_end (builder);
  return TRUE;
}

static gint64
first_id (CrDb       *db,
          const char *sql,
          const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text ? text : "", -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
cr_clip_find_by_path (CrDb       *db,
                      const char *path)
{
  return first_id (db, "SELECT id FROM clip WHERE path = ?1 ORDER BY status <> 'online', id LIMIT 1", path);
}

gint64
cr_clip_find_by_name (CrDb       *db,
                      const char *name)
{
  return first_id (db, "SELECT id FROM clip WHERE name = ?1 COLLATE NOCASE ORDER BY status <> 'online', id LIMIT 1",
                   name);
}
