/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-transcripts"

#include "config.h"

#include "cr-transcripts.h"

void
cr_transcript_cue_free (CrTranscriptCue *cue)
{
  if (cue == NULL)
    return;
  g_free (cue->clip_name);
  g_free (cue->speaker);
  g_free (cue->participant_name);
  g_free (cue->text);
  g_free (cue->marked);
  g_free (cue);
}

void
cr_transcript_passage_free (CrTranscriptPassage *passage)
{
  if (passage == NULL)
    return;
  g_free (passage->clip_name);
  g_free (passage->label);
  g_free (passage->question_text);
  g_free (passage->text);
  g_free (passage);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
cr_transcript_replace (CrDb       *db,
                       gint64      clip,
                       GPtrArray  *cues,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;
  g_autoptr(sqlite3_stmt) index = NULL;

  if (!cr_db_begin (db, error))
    return FALSE;
  /* The cues are indexed in one statement once they are all in: FTS5 writes its pending index
   * out at every statement that touches it (migration 0010). */
  if (!(clear = cr_db_prepare (db, "DELETE FROM transcript_cue WHERE clip = ?", error)) ||
      !(add = cr_db_prepare (db, "INSERT INTO transcript_cue (clip, position, in_frame, out_frame, speaker,"
                                 " participant, text) VALUES (?, ?, ?, ?, ?, NULLIF (?, 0), ?)", error)) ||
      !(index = cr_db_prepare (db, "INSERT INTO transcript_search (rowid, text)"
                                   " SELECT id, text FROM transcript_cue WHERE clip = ?", error)))
    goto fail;
  sqlite3_bind_int64 (clear, 1, clip);
  if (!cr_db_step_done (db, clear, error))
    goto fail;
  for (guint i = 0; i < cues->len; i++)
    {
      const CrTranscriptCue *cue = g_ptr_array_index (cues, i);

      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, clip);
      sqlite3_bind_int64 (add, 2, i + 1);
      sqlite3_bind_int64 (add, 3, cue->in_frame);
      sqlite3_bind_int64 (add, 4, cue->out_frame);
      sqlite3_bind_text (add, 5, cue->speaker, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (add, 6, cue->participant);
      sqlite3_bind_text (add, 7, cue->text ? cue->text : "", -1, SQLITE_STATIC);
      if (!cr_db_step_done (db, add, error))
        goto fail;
    }
  sqlite3_bind_int64 (index, 1, clip);
  if (!cr_db_step_done (db, index, error))
    goto fail;
  return cr_db_commit (db, error);

fail:
  cr_db_rollback (db);
  return FALSE;
}

static CrTranscriptCue *
read_cue (sqlite3_stmt *stmt)
{
  CrTranscriptCue *cue = g_new0 (CrTranscriptCue, 1);

  cue->clip = sqlite3_column_int64 (stmt, 0);
  cue->clip_name = column_dup (stmt, 1);
  cue->position = (guint) sqlite3_column_int64 (stmt, 2);
  cue->in_frame = sqlite3_column_int64 (stmt, 3);
  cue->out_frame = sqlite3_column_int64 (stmt, 4);
  cue->speaker = column_dup (stmt, 5);
  cue->participant = sqlite3_column_int64 (stmt, 6);
  cue->participant_name = column_dup (stmt, 7);
  cue->text = column_dup (stmt, 8);
  return cue;
}

#define CUE_COLUMNS \
  "t.clip, c.name, t.position, t.in_frame, t.out_frame, t.speaker, t.participant, p.name, t.text"
#define CUE_JOINS \
  " JOIN clip c ON c.id = t.clip LEFT JOIN participant p ON p.id = t.participant"

GPtrArray *
cr_transcript_cues (CrDb    *db,
                    gint64   clip,
                    GError **error)
{
  g_autoptr(GPtrArray) cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT " CUE_COLUMNS " FROM transcript_cue t" CUE_JOINS " WHERE t.clip = ? ORDER BY t.position", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, clip);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cues, read_cue (stmt));
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cues);
}

gint64
cr_transcript_remove (CrDb    *db,
                      gint64   clip,
                      GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 removed;

  if (!cr_db_begin (db, error))
    return -1;
  if (!(stmt = cr_db_prepare (db, "DELETE FROM transcript_cue WHERE clip = ?", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, clip);
  if (!cr_db_step_done (db, stmt, error))
    goto fail;
  removed = sqlite3_changes64 (cr_db_get_handle (db));
  if (!cr_db_commit (db, error))
    return -1;
  return removed;

fail:
  cr_db_rollback (db);
  return -1;
}

GPtrArray *
cr_transcript_search (CrDb        *db,
                      const char  *query,
                      const char  *mark_open,
                      const char  *mark_close,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT " CUE_COLUMNS ", highlight (transcript_search, 0, ?2, ?3)"
    " FROM transcript_search JOIN transcript_cue t ON t.id = transcript_search.rowid" CUE_JOINS
    " LEFT JOIN interview i ON i.id = c.interview"
    " WHERE transcript_search MATCH ?1"
    " ORDER BY i.starts_at IS NULL, i.starts_at, c.name COLLATE NOCASE, c.id, t.position"
    " LIMIT ?4", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mark_open ? mark_open : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mark_close ? mark_close : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrTranscriptCue *cue = read_cue (stmt);
      cue->marked = column_dup (stmt, 9);
      g_ptr_array_add (hits, cue);
    }
  if (rc != SQLITE_DONE)
    {
      /* FTS5 reports a query it cannot read as a plain SQLITE_ERROR. */
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "search: “%s” is not a search FTS5 can read (%s)",
                   query, sqlite3_errmsg (cr_db_get_handle (db)));
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* The text of the cues a range overlaps, and the first mapped speaker among them. */
#define OVERLAP(clip, in, out) \
  " FROM transcript_cue t WHERE t.clip = " clip " AND t.out_frame > " in " AND t.in_frame < " out
#define PASSAGE_TAIL(clip, in, out) \
  ", (SELECT participant" OVERLAP (clip, in, out) " AND t.participant IS NOT NULL ORDER BY t.position LIMIT 1)" \
  ", (SELECT group_concat (text, ' ') FROM (SELECT t.text" OVERLAP (clip, in, out) " ORDER BY t.position))"

static const char passages_sql[] =
  "SELECT s.id, s.clip, c.name, s.in_frame, s.out_frame, s.label, s.question, q.text,"
  " (SELECT participant FROM selection_participant WHERE selection = s.id ORDER BY position LIMIT 1)"
  PASSAGE_TAIL ("s.clip", "s.in_frame", "s.out_frame")
  " FROM selection s JOIN clip c ON c.id = s.clip LEFT JOIN question q ON q.id = s.question"
  " ORDER BY q.position IS NULL, q.position, q.id, c.name COLLATE NOCASE, c.id, s.in_frame, s.id";

static const char cut_passages_sql[] =
  "SELECT IFNULL (e.selection, 0), e.clip, c.name, e.in_frame, e.out_frame, IFNULL (s.label, e.note),"
  " s.question, q.text,"
  " (SELECT participant FROM selection_participant WHERE selection = e.selection ORDER BY position LIMIT 1)"
  PASSAGE_TAIL ("e.clip", "e.in_frame", "e.out_frame")
  " FROM cut_event e JOIN clip c ON c.id = e.clip LEFT JOIN selection s ON s.id = e.selection"
  " LEFT JOIN question q ON q.id = s.question WHERE e.cut = ?1"
  " ORDER BY q.position IS NULL, q.position, q.id, e.position";

GPtrArray *
cr_transcript_passages (CrDb    *db,
                        gint64   cut,
                        GError **error)
{
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_passage_free);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, cut ? cut_passages_sql : passages_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (cut)
    sqlite3_bind_int64 (stmt, 1, cut);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrTranscriptPassage *p = g_new0 (CrTranscriptPassage, 1);

      if (sqlite3_column_type (stmt, 10) == SQLITE_NULL)
        {
          g_free (p);
          continue;   /* nothing of the transcript in it */
        }
      p->select = sqlite3_column_int64 (stmt, 0);
      p->clip = sqlite3_column_int64 (stmt, 1);
      p->clip_name = column_dup (stmt, 2);
      p->in_frame = sqlite3_column_int64 (stmt, 3);
      p->out_frame = sqlite3_column_int64 (stmt, 4);
      p->label = column_dup (stmt, 5);
      p->question = sqlite3_column_int64 (stmt, 6);
      p->question_text = column_dup (stmt, 7);
      p->participant = sqlite3_column_type (stmt, 8) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 8)
                                                                     : sqlite3_column_int64 (stmt, 9);
      p->text = column_dup (stmt, 10);
      g_ptr_array_add (passages, p);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&passages);
}

struct _CrTranscriptWords
{
  sqlite3_stmt *stmt;
};

CrTranscriptWords *
cr_transcript_words_new (CrDb    *db,
                         GError **error)
{
  sqlite3_stmt *stmt = cr_db_prepare (db,
    "SELECT group_concat (text, ' ') FROM (SELECT t.text" OVERLAP ("?1", "?2", "?3") " ORDER BY t.position)", error);
  CrTranscriptWords *words;

  if (stmt == NULL)
    return NULL;
  words = g_new0 (CrTranscriptWords, 1);
  words->stmt = stmt;
  return words;
}

char *
cr_transcript_words_get (CrTranscriptWords *words,
                         gint64             clip,
                         gint64             in_frame,
                         gint64             out_frame)
{
  char *text = NULL;

  sqlite3_reset (words->stmt);
  sqlite3_bind_int64 (words->stmt, 1, clip);
  sqlite3_bind_int64 (words->stmt, 2, in_frame);
  sqlite3_bind_int64 (words->stmt, 3, out_frame);
  if (sqlite3_step (words->stmt) == SQLITE_ROW)
    text = column_dup (words->stmt, 0);
  sqlite3_reset (words->stmt);
  return text;
}

void
cr_transcript_words_free (CrTranscriptWords *words)
{
  if (words == NULL)
    return;
  sqlite3_finalize (words->stmt);
  g_free (words);
}
