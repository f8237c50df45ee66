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

void
cr_cut_clip_free (CrCutClip *clip)
{
  if (clip == NULL)
    return;
  g_free (clip->path);
  g_free (clip->name);
  g_free (clip->rate);
  g_free (clip->tc_start);
  g_free (clip->tc_rate);
  g_free (clip);
}

static gint64
column_int (sqlite3_stmt *stmt,
            int           col,
            gint64        fallback)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? fallback : sqlite3_column_int64 (stmt, col);
}

/* The production's rate stands in for a clip that has none, as cr_clip_rate () does. */
static const char clips_sql[] =
  "SELECT c.id, c.path, c.name, coalesce (c.frame_rate, c.tc_rate, (SELECT frame_rate FROM production LIMIT 1)),"
  "  c.duration_us, c.tc_start, c.tc_rate, c.tc_frames, c.tc_drop, c.has_video, c.channels, c.width, c.height"
  " FROM clip c WHERE c.id IN (SELECT clip FROM cut_event WHERE cut = ?)";

GHashTable *
cr_cut_clips_read (CrDb    *db,
                   gint64   cut,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, clips_sql, error);
  g_autoptr(GHashTable) clips = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  clips = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) cr_cut_clip_free);
  sqlite3_bind_int64 (stmt, 1, cut);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrCutClip *clip = g_new0 (CrCutClip, 1);

      clip->id = sqlite3_column_int64 (stmt, 0);
      clip->path = column_text (stmt, 1);
      clip->name = column_text (stmt, 2);
      clip->rate = column_text (stmt, 3);
      clip->duration_us = column_int (stmt, 4, -1);
      clip->tc_start = column_text (stmt, 5);
      clip->tc_rate = column_text (stmt, 6);
      clip->tc_frames = column_int (stmt, 7, 0);
      clip->tc_drop = column_int (stmt, 8, 0) != 0;
      clip->has_video = column_int (stmt, 9, 0) != 0;
      clip->channels = (int) column_int (stmt, 10, 0);
      clip->width = (int) column_int (stmt, 11, 0);
      clip->height = (int) column_int (stmt, 12, 0);
      g_hash_table_insert (clips, &clip->id, clip);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&clips);
}

static void
extras_free (CrCutClipExtras *extras)
{
  g_array_unref (extras->frames);
  g_ptr_array_unref (extras->notes);
  g_ptr_array_unref (extras->tags);
  g_free (extras);
}

static CrCutClipExtras *
extras_of (GHashTable *all,
           gint64      clip)
{
  CrCutClipExtras *extras = g_hash_table_lookup (all, &clip);

  if (extras == NULL)
    {
      extras = g_new0 (CrCutClipExtras, 1);
      extras->frames = g_array_new (FALSE, FALSE, sizeof (gint64));
      extras->notes = g_ptr_array_new_with_free_func (g_free);
      extras->tags = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (all, g_memdup2 (&clip, sizeof clip), extras);
    }
  return extras;
}

GHashTable *
cr_cut_clip_extras_read (CrDb    *db,
                         gint64   cut,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) markers = cr_db_prepare (db,
    "SELECT clip, frame, note FROM marker WHERE clip IN (SELECT clip FROM cut_event WHERE cut = ?)"
    " ORDER BY clip, frame, id", error);
  g_autoptr(sqlite3_stmt) tags = markers ? cr_db_prepare (db,
    "SELECT clip, tag FROM clip_tag WHERE clip IN (SELECT clip FROM cut_event WHERE cut = ?) ORDER BY clip, tag",
    error) : NULL;
  g_autoptr(GHashTable) all = NULL;
  int rc;

  if (tags == NULL)
    return NULL;
  all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) extras_free);
  sqlite3_bind_int64 (markers, 1, cut);
  while ((rc = sqlite3_step (markers)) == SQLITE_ROW)
    {
      CrCutClipExtras *extras = extras_of (all, sqlite3_column_int64 (markers, 0));
      gint64 frame = sqlite3_column_int64 (markers, 1);
      const char *note = (const char *) sqlite3_column_text (markers, 2);

      g_array_append_val (extras->frames, frame);
      g_ptr_array_add (extras->notes, g_strdup (note ? note : ""));
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_bind_int64 (tags, 1, cut);
  while ((rc = sqlite3_step (tags)) == SQLITE_ROW)
    g_ptr_array_add (extras_of (all, sqlite3_column_int64 (tags, 0))->tags,
                     g_strdup ((const char *) sqlite3_column_text (tags, 1)));
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&all);
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
