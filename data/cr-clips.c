/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clips"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-clips.h"

void
cr_clip_info_free (CrClipInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->identity);
  g_free (info->error);
  g_free (info->format);
  g_free (info->video_codec);
  g_free (info->frame_rate);
  g_free (info->audio_codec);
  g_free (info->tc_start);
  g_free (info->tc_rate);
  g_free (info->tc_source);
  g_free (info->creation_time);
  g_free (info->probe_json);
  g_free (info);
}

static void
known_free (CrKnownClip *known)
{
  g_free (known->status);
  g_free (known);
}

GHashTable *
cr_clips_known (CrDb               *db,
                const char * const *folders,
                GError            **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) known_free);
  /* Paths under a folder: the folder's path plus a separator is a prefix. */
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT id, path, size, mtime_us, status FROM clip WHERE substr (path, 1, length (?1)) = ?1"
    " UNION ALL SELECT 0, path, size, mtime_us, 'ignored' FROM ignored_file WHERE substr (path, 1, length (?1)) = ?1",
    error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; folders && folders[i]; i++)
    {
      g_autofree char *prefix = g_str_has_suffix (folders[i], G_DIR_SEPARATOR_S)
                                  ? g_strdup (folders[i]) : g_strconcat (folders[i], G_DIR_SEPARATOR_S, NULL);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CrKnownClip *k = g_new0 (CrKnownClip, 1);
          k->id = sqlite3_column_int64 (stmt, 0);
          k->size = sqlite3_column_int64 (stmt, 2);
          k->mtime_us = sqlite3_column_int64 (stmt, 3);
          k->status = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          g_hash_table_replace (known, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), k);
        }
      if (rc != SQLITE_DONE)
        {
          cr_db_set_error (db, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&known);
}

#define CLIP_COLUMNS \
  "path, name, size, mtime_us, identity, status, error, format, duration_us, has_video, has_audio," \
  " width, height, video_codec, frame_rate, variable_rate, audio_codec, sample_rate, channels," \
  " tc_start, tc_frames, tc_rate, tc_drop, tc_source, creation_time, probe"

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           col,
          gint64        value,
          gboolean      known)
{
  if (known)
    sqlite3_bind_int64 (stmt, col, value);
  else
    sqlite3_bind_null (stmt, col);
}

static void
bind_info (sqlite3_stmt     *stmt,
           const CrClipInfo *i)
{
  bind_text (stmt, 1, i->path);
  bind_text (stmt, 2, i->name);
  sqlite3_bind_int64 (stmt, 3, i->size);
  sqlite3_bind_int64 (stmt, 4, i->mtime_us);
  bind_text (stmt, 5, i->identity);
  bind_text (stmt, 6, i->error ? "failed" : "online");
  bind_text (stmt, 7, i->error);
  bind_text (stmt, 8, i->format);
  bind_int (stmt, 9, i->duration_us, i->duration_us >= 0 && !i->error);
  sqlite3_bind_int (stmt, 10, i->has_video);
  sqlite3_bind_int (stmt, 11, i->has_audio);
  bind_int (stmt, 12, i->width, i->width > 0);
  bind_int (stmt, 13, i->height, i->height > 0);
  bind_text (stmt, 14, i->video_codec);
  bind_text (stmt, 15, i->frame_rate);
  sqlite3_bind_int (stmt, 16, i->variable_rate);
  bind_text (stmt, 17, i->audio_codec);
  bind_int (stmt, 18, i->sample_rate, i->sample_rate > 0);
  bind_int (stmt, 19, i->channels, i->channels > 0);
  bind_text (stmt, 20, i->tc_start);
  bind_int (stmt, 21, i->tc_frames, i->tc_start != NULL);
  bind_text (stmt, 22, i->tc_rate);
  sqlite3_bind_int (stmt, 23, i->tc_drop);
  bind_text (stmt, 24, i->tc_source);
  bind_text (stmt, 25, i->creation_time);
  bind_text (stmt, 26, i->probe_json);
}

gboolean
cr_clips_write_batch (CrDb       *db,
                      GPtrArray  *infos,
                      guint      *relinked,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) by_path = NULL;
  g_autoptr(sqlite3_stmt) by_identity = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) ignore = NULL;

  if (relinked)
    *relinked = 0;
  if (!(by_path = cr_db_prepare (db, "SELECT id FROM clip WHERE path = ?", error)) ||
      !(by_identity = cr_db_prepare (db, "SELECT id FROM clip WHERE identity = ? AND status = 'offline' "
                                         "ORDER BY id LIMIT 1", error)) ||
      !(update = cr_db_prepare (db, "UPDATE clip SET (" CLIP_COLUMNS ") = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                    " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
                                    " ?25, ?26), indexed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?27",
                            error)) ||
      !(insert = cr_db_prepare (db, "INSERT INTO clip (" CLIP_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,"
                                    " ?24, ?25, ?26)", error)) ||
      !(ignore = cr_db_prepare (db, "INSERT OR REPLACE INTO ignored_file (path, size, mtime_us) VALUES (?, ?, ?)", error)))
    return FALSE;

  if (!cr_db_begin (db, error))
    return FALSE;
  for (guint n = 0; n < infos->len; n++)
    {
      const CrClipInfo *info = g_ptr_array_index (infos, n);
      gint64 id = 0;

      if (info->not_media)
        {
          sqlite3_reset (ignore);
          sqlite3_bind_text (ignore, 1, info->path, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (ignore, 2, info->size);
          sqlite3_bind_int64 (ignore, 3, info->mtime_us);
          if (!cr_db_step_done (db, ignore, error))
            {
              cr_db_rollback (db);
              return FALSE;
            }
          continue;
        }

      sqlite3_reset (by_path);
      sqlite3_bind_text (by_path, 1, info->path, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (by_path) == SQLITE_ROW)
        id = sqlite3_column_int64 (by_path, 0);
      else if (info->identity && !info->error)
        {
          sqlite3_reset (by_identity);
          sqlite3_bind_text (by_identity, 1, info->identity, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (by_identity) == SQLITE_ROW)
            {
              id = sqlite3_column_int64 (by_identity, 0);
              if (relinked)
                (*relinked)++;
            }
        }

      sqlite3_stmt *stmt = id ? update : insert;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      bind_info (stmt, info);
      if (id)
        sqlite3_bind_int64 (stmt, 27, id);
      if (!cr_db_step_done (db, stmt, error))
        {
          cr_db_rollback (db);
          g_prefix_error (error, "%s: ", info->path);
          return FALSE;
        }
    }
  return cr_db_commit (db, error);
}

gboolean
cr_clips_set_status (CrDb        *db,
                     GArray      *ids,
                     const char  *status,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "UPDATE clip SET status = ? WHERE id = ?", error);

  if (stmt == NULL || !cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!cr_db_step_done (db, stmt, error))
        {
          cr_db_rollback (db);
          return FALSE;
        }
    }
  return cr_db_commit (db, error);
}

gboolean
cr_clips_add_folder (CrDb        *db,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "INSERT OR IGNORE INTO media_folder (path) VALUES (?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  return cr_db_step_done (db, stmt, error);
}

gboolean
cr_clip_rate (CrDb   *db,
              gint64  clip,
              int    *num,
              int    *den)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT coalesce (c.frame_rate, c.tc_rate, p.frame_rate) FROM clip c, production p WHERE c.id = ?", NULL);

  *num = 25;
  *den = 1;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clip);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_text (stmt, 0) == NULL)
    return FALSE;
  return sscanf ((const char *) sqlite3_column_text (stmt, 0), "%d/%d", num, den) == 2 && *num > 0 && *den > 0;
}

gint64
cr_clip_length_frames (CrDb   *db,
                       gint64  clip)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "SELECT duration_us FROM clip WHERE id = ?", NULL);
  gint64 us;
  int num, den;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, clip);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return -1;
  us = sqlite3_column_int64 (stmt, 0);
  if (!cr_clip_rate (db, clip, &num, &den))
    return -1;
  return cr_clip_frames_at (us, num, den);
}

gint64
cr_clip_frames_at (gint64 us,
                   int    num,
                   int    den)
{
  /* Nearest whole frame: containers round durations to their own time base. */
  return (gint64) ((us * (__int128) num + (__int128) den * 500000) / ((__int128) den * 1000000));
}
