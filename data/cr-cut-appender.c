/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include "cr-clips.h"
#include "cr-cut-appender.h"
#include "cr-cut-events.h"
#include "cr-entity.h"
#include "cr-store.h"

struct _CrCutAppender
{
  CrDb         *db;
  gint64        cut;
  guint         last;      /* position of the last event, counted here rather than asked each time */
  sqlite3_stmt *insert;
  sqlite3_stmt *select;    /* the select that is exactly a range */
  GHashTable   *lengths;   /* clip id -> its length in frames (-1 unknown) */
};

CrCutAppender *
cr_cut_appender_new (CrDb    *db,
                     gint64   cut,
                     GError **error)
{
  g_autoptr(CrCutAppender) self = g_new0 (CrCutAppender, 1);

  self->db = db;
  self->cut = cut;
  self->last = cr_cut_events_count (db, cut);
  self->lengths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* Prepared once: parsing the statements for every event cost more than the writes. */
  if (!(self->insert = cr_db_prepare (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame,"
                                          " gap_before, note, track) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(self->select = cr_db_prepare (db, "SELECT id FROM selection WHERE clip = ? AND in_frame = ? AND out_frame = ?"
                                          " ORDER BY id LIMIT 1", error)))
    return NULL;
  return g_steal_pointer (&self);
}

static gint64
clip_length (CrCutAppender *self,
             gint64         clip)
{
  gint64 *known = g_hash_table_lookup (self->lengths, &clip);
  gint64 length;

  if (known)
    return *known;
  length = cr_clip_length_frames (self->db, clip);
  g_hash_table_insert (self->lengths, g_memdup2 (&clip, sizeof clip), g_memdup2 (&length, sizeof length));
  return length;
}

static gint64
exact_select (CrCutAppender *self,
              gint64         clip,
              gint64         in,
              gint64         out)
{
  sqlite3_stmt *stmt = self->select;
  gint64 id;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, clip);
  sqlite3_bind_int64 (stmt, 2, in);
  sqlite3_bind_int64 (stmt, 3, out);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}

/* The rules an event typed by hand meets (cr_entity_event), checked here without a query. */
static gboolean
check_event (CrCutAppender  *self,
             gint64          clip,
             gint64          in,
             gint64          out,
             gint64          gap_before,
             const char     *note,
             char          **clean_note,
             GError        **error)
{
  const CrEntity *e = &cr_entity_event;
  const CrField *out_field = cr_entity_find_field (e, "out_frame");
  gint64 length;

  if (in < 0 || in > G_MAXINT32)
    return cr_field_error (e, cr_entity_find_field (e, "in_frame"), error, "must be a frame from 0 to %d", G_MAXINT32);
  if (gap_before < 0 || gap_before > G_MAXINT32)
    return cr_field_error (e, cr_entity_find_field (e, "gap_before"), error, "must be from 0 to %d frames", G_MAXINT32);
  if (out <= in)
    return cr_field_error (e, out_field, error, "the out point must come after the in point");
  length = clip_length (self, clip);
  if ((length >= 0 && out > length) || out > G_MAXINT32)
    return cr_field_error (e, out_field, error,
                           "frame %" G_GINT64_FORMAT " is past the end of the clip (%" G_GINT64_FORMAT " frames)",
                           out, length);
  return cr_field_normalize (self->db, e, cr_entity_find_field (e, "note"), note, NULL, clean_note, error);
}

guint
cr_cut_appender_add (CrCutAppender  *self,
                     gint64          clip,
                     gint64          in,
                     gint64          out,
                     gint64          gap_before,
                     const char     *note,
                     GError        **error)
{
  return cr_cut_appender_add_on_track (self, "V", clip, in, out, gap_before, note, error);
}

guint
cr_cut_appender_add_on_track (CrCutAppender  *self,
                              const char     *track,
                              gint64          clip,
                              gint64          in,
                              gint64          out,
                              gint64          gap_before,
                              const char     *note,
                              GError        **error)
{
  sqlite3_stmt *insert = self->insert;
  g_autofree char *clean_note = NULL;
  gint64 select;

  if (!check_event (self, clip, in, out, gap_before, note, &clean_note, error))
    return 0;
  select = exact_select (self, clip, in, out);
  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  sqlite3_bind_int64 (insert, 1, self->cut);
  sqlite3_bind_int (insert, 2, (int) self->last + 1);
  if (select > 0)
    sqlite3_bind_int64 (insert, 3, select);
  sqlite3_bind_int64 (insert, 4, clip);
  sqlite3_bind_int64 (insert, 5, in);
  sqlite3_bind_int64 (insert, 6, out);
  sqlite3_bind_int64 (insert, 7, gap_before);
  if (clean_note)
    sqlite3_bind_text (insert, 8, clean_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 9, track, -1, SQLITE_STATIC);
  if (!cr_db_step_done (self->db, insert, error))
    return 0;
  sqlite3_reset (insert);
  return ++self->last;
}

void
cr_cut_appender_free (CrCutAppender *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->lengths, g_hash_table_unref);
  g_free (self);
}
