/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-indexer"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-clips.h"
#include "cr-indexer.h"
#include "cr-media.h"
#include "cr-probe.h"
#include "cr-store.h"
#include "cr-thumbnail.h"
#include "cr-timecode.h"

#define BATCH_SIZE 200

/* Extensions that are media for sure: a failure to read one is reported. Any other file is
 * still offered to FFmpeg's format probe (a camera's odd extension), but silently skipped
 * when FFmpeg does not recognise it (sidecar XML, thumbnails of other tools …). */
static const char * const media_extensions[] = {
  "mov", "mp4", "m4v", "mxf", "mkv", "webm", "avi", "mts", "m2ts", "ts", "mpg", "mpeg", "m2v",
  "dv", "3gp", "wav", "bwf", "aif", "aiff", "mp3", "m4a", "aac", "flac", "ogg", "opus", "wma",
  "wmv", "flv", "vob", "mod", "tod", "mka", NULL
};
static const char * const ignored_names[] = { ".DS_Store", "Thumbs.db", "desktop.ini", NULL };

typedef struct
{
  char    *path;
  gint64   size;
  gint64   mtime_us;
  gboolean certain;      /* has a media extension */
} Candidate;

typedef struct
{
  Candidate  *candidate;
  CrClipInfo *info;      /* NULL: not media, skip */
} Outcome;

typedef struct
{
  GAsyncQueue      *results;
  GCancellable     *cancellable;
  CrProbeOptions    options;
} Shared;

/* Poster frames: the size the Clips page's cards show, so that they find them made. */
#define POSTER_SIZE CR_THUMBNAIL_LARGE

typedef enum
{
  POSTER_SKIPPED = 1,   /* the run was stopped first */
  POSTER_FRESH,         /* in the cache already */
  POSTER_MADE,
  POSTER_FAILED,
} PosterOutcome;

typedef struct
{
  GThreadPool  *pool;
  GAsyncQueue  *done;          /* a PosterOutcome per path pushed */
  GCancellable *cancellable;   /* cancelled with the run's, or when a write fails */
  GCancellable *run;           /* the run's (not owned), or NULL */
  gulong        handler;
} Posters;

static void
candidate_free (Candidate *c)
{
  g_free (c->path);
  g_free (c);
}

static gboolean
has_media_extension (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *ext = NULL;

  if (dot == NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  return g_strv_contains (media_extensions, ext);
}

/* Stat only: no file is opened here. */
static void
scan (const char *dir,
      GPtrArray  *found,
      guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL || depth > 64)
    return;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (name[0] == '.' || g_strv_contains (ignored_names, name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        scan (path, found, depth + 1);
      else if (S_ISREG (st.st_mode))
        {
          Candidate *c = g_new0 (Candidate, 1);
          c->path = g_steal_pointer (&path);
          c->size = st.st_size;
          c->mtime_us = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
          c->certain = has_media_extension (name);
          g_ptr_array_add (found, c);
        }
    }
}

static char *
rate_text (CrRate rate)
{
  return rate.num > 0 && rate.den > 0 ? cr_rate_to_string (rate) : NULL;
}

static CrClipInfo *
info_from_probe (const Candidate *c,
                 const CrProbe   *probe)
{
  CrClipInfo *info = g_new0 (CrClipInfo, 1);
  const CrProbeStream *video = cr_probe_get_first_stream (probe, CR_STREAM_VIDEO);
  const CrProbeStream *audio = cr_probe_get_first_stream (probe, CR_STREAM_AUDIO);
  g_autoptr(JsonNode) json = cr_probe_to_json (probe);

  info->path = g_strdup (c->path);
  info->name = g_path_get_basename (c->path);
  info->size = c->size;
  info->mtime_us = c->mtime_us;
  info->identity = g_strdup (probe->identity);
  info->format = g_strdup (probe->format);
  info->duration_us = probe->duration_us;
  info->creation_time = g_strdup (probe->creation_time);
  if (video && !video->still_image)
    {
      info->has_video = TRUE;
      info->width = video->width;
      info->height = video->height;
      info->video_codec = g_strdup (video->codec);
      info->frame_rate = rate_text (video->frame_rate);
      info->variable_rate = video->variable_frame_rate;
    }
  if (audio)
    {
      info->has_audio = TRUE;
      info->audio_codec = g_strdup (audio->codec);
      info->sample_rate = audio->sample_rate;
      info->channels = audio->channels;
    }
  if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
    {
      info->tc_frames = probe->timecode.frames;
      info->tc_start = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
      info->tc_rate = rate_text (probe->timecode.format.rate);
      info->tc_drop = probe->timecode.format.drop_frame;
      info->tc_source = g_strdup (cr_timecode_source_to_string (probe->timecode.source));
    }
  info->probe_json = json_to_string (json, FALSE);
  return info;
}

static void
probe_one (gpointer data,
           gpointer user_data)
{
  Candidate *c = data;
  Shared *shared = user_data;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = NULL;

  outcome->candidate = c;
  if (!g_cancellable_is_cancelled (shared->cancellable))
    probe = cr_probe_file (c->path, &shared->options, shared->cancellable, &error);
  if (probe != NULL)
    outcome->info = info_from_probe (c, probe);
  else if (error && !c->certain && g_error_matches (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA))
    {
      outcome->info = g_new0 (CrClipInfo, 1);
      outcome->info->path = g_strdup (c->path);
      outcome->info->size = c->size;
      outcome->info->mtime_us = c->mtime_us;
      outcome->info->not_media = TRUE;
    }
  else if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           (c->certain || !g_error_matches (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA)))
    {
      /* Kept, with the reason, so the user sees it; the run goes on. */
      outcome->info = g_new0 (CrClipInfo, 1);
      outcome->info->path = g_strdup (c->path);
      outcome->info->name = g_path_get_basename (c->path);
      outcome->info->size = c->size;
      outcome->info->mtime_us = c->mtime_us;
      outcome->info->duration_us = -1;
      outcome->info->error = g_strdup (error->message);
    }
  g_async_queue_push (shared->results, outcome);
}

static void
poster_one (gpointer data,
            gpointer user_data)
{
  g_autofree char *path = data;
  Posters *posters = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  PosterOutcome outcome = POSTER_FAILED;

  if (g_cancellable_is_cancelled (posters->cancellable))
    outcome = POSTER_SKIPPED;
  else if (cr_thumbnail_cache_is_current (path, POSTER_SIZE))
    outcome = POSTER_FRESH;
  else if ((png = cr_thumbnail_cache_write (path, POSTER_SIZE, posters->cancellable, &error)))
    outcome = POSTER_MADE;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    outcome = POSTER_SKIPPED;
  else
    g_debug ("no poster frame: %s", error->message);   /* the card shows its placeholder */
  g_async_queue_push (posters->done, GINT_TO_POINTER (outcome));
}

static void
posters_cancel_cb (GCancellable *run,
                   gpointer      data)
{
  g_cancellable_cancel (data);
}

/* One worker while files are still being probed, so that the catalogue is written about as
 * fast as without posters; all of them once it is (posters_finish). */
static void
posters_start (Posters *posters)
{
  posters->done = g_async_queue_new ();
  posters->cancellable = g_cancellable_new ();
  posters->pool = g_thread_pool_new (poster_one, posters, 1, FALSE, NULL);
  if (posters->run != NULL)
    posters->handler = g_cancellable_connect (posters->run, G_CALLBACK (posters_cancel_cb),
                                              posters->cancellable, NULL);
}

/* Counts one poster done, waiting for it or not; FALSE when there was none to count. */
static gboolean
posters_count_one (Posters         *posters,
                   CrIndexProgress *p,
                   gboolean         wait)
{
  gpointer outcome;

  if (p->posters_done >= p->posters_total)
    return FALSE;
  outcome = wait ? g_async_queue_pop (posters->done) : g_async_queue_try_pop (posters->done);
  if (outcome == NULL)
    return FALSE;
  p->posters_done++;
  if (GPOINTER_TO_INT (outcome) == POSTER_MADE)
    p->posters_made++;
  else if (GPOINTER_TO_INT (outcome) == POSTER_FRESH)
    p->posters_fresh++;
  else if (GPOINTER_TO_INT (outcome) == POSTER_FAILED)
    p->posters_failed++;
  return TRUE;
}

/* Waits for every poster asked for, reporting each. */
static void
posters_finish (Posters             *posters,
                CrIndexProgress     *p,
                CrIndexProgressFunc  progress,
                gpointer             user_data)
{
  if (posters->pool == NULL)
    return;
  g_thread_pool_set_max_threads (posters->pool, (int) MAX (2, g_get_num_processors ()), NULL);
  while (posters_count_one (posters, p, TRUE))
    if (progress)
      progress (p, user_data);
  g_thread_pool_free (posters->pool, FALSE, TRUE);
  posters->pool = NULL;
  if (posters->run != NULL)
    g_cancellable_disconnect (posters->run, posters->handler);
  g_clear_object (&posters->cancellable);
  g_clear_pointer (&posters->done, g_async_queue_unref);
}

static gboolean
production_timecode (CrDb             *db,
                     CrTimecodeFormat *fmt)
{
  g_autoptr(CrRecord) production = cr_store_get (db, &cr_entity_production, 1, NULL);
  const char *rate = production ? cr_record_get (production, "frame_rate") : NULL;

  *fmt = (CrTimecodeFormat) { { 25, 1 }, FALSE };
  if (rate)
    cr_rate_parse (rate, &fmt->rate, NULL);
  return TRUE;
}

/* Writes the batch in one transaction; then its video clips' posters are asked for (NULL
 * posters: none), so that a poster is never made for a clip the catalogue does not have. */
static gboolean
flush (CrDb            *db,
       GPtrArray       *batch,
       CrIndexProgress *p,
       Posters         *posters,
       GError         **error)
{
  guint relinked = 0;

  if (batch->len == 0)
    return TRUE;
  if (!cr_clips_write_batch (db, batch, &relinked, error))
    {
      if (posters != NULL && posters->cancellable != NULL)
        g_cancellable_cancel (posters->cancellable);
      return FALSE;
    }
  p->relinked += relinked;
  p->added -= relinked;
  p->written += batch->len;
  for (guint i = 0; posters != NULL && i < batch->len; i++)
    {
      CrClipInfo *info = g_ptr_array_index (batch, i);

      if (!info->has_video || info->not_media || info->error != NULL)
        continue;
      if (posters->pool == NULL)
        posters_start (posters);
      p->posters_total++;
      g_thread_pool_push (posters->pool, g_strdup (info->path), NULL);
    }
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

gboolean
cr_index_folders (CrDb                *db,
                  const char * const  *folders,
                  CrIndexProgressFunc  progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  CrIndexProgress     *result,
                  GError             **error)
{
  return cr_index_folders_full (db, folders, CR_INDEX_DEFAULT, progress, user_data, cancellable, result, error);
}

gboolean
cr_index_folders_full (CrDb                *db,
                       const char * const  *folders,
                       CrIndexFlags         flags,
                       CrIndexProgressFunc  progress,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       CrIndexProgress     *result,
                       GError             **error)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GPtrArray) work = g_ptr_array_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) back = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrIndexProgress p = { 0 };
  Shared shared = { 0 };
  /* The pool starts with the first batch that has a video clip; until then only `run` is set. */
  Posters poster_state = { .run = cancellable };
  Posters *posters = (flags & CR_INDEX_POSTERS) ? &poster_state : NULL;
  GThreadPool *pool = NULL;
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; folders[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (folders[i]);
      char *path = g_file_get_path (file);

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: not a folder", folders[i]);
          g_free (path);
          return FALSE;
        }
      g_ptr_array_add (roots, path);
    }
  g_ptr_array_add (roots, NULL);

  for (guint i = 0; i + 1 < roots->len; i++)
    scan (g_ptr_array_index (roots, i), found, 0);
  if (!(known = cr_clips_known (db, (const char * const *) roots->pdata, error)))
    return FALSE;

  /* Sort the work: unchanged files are done; new and changed ones are probed. */
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = g_ptr_array_index (found, i);
      CrKnownClip *k = g_hash_table_lookup (known, c->path);

      g_hash_table_add (seen, c->path);
      if (k && k->size == c->size && k->mtime_us == c->mtime_us)
        {
          if (k->id == 0)
            continue;   /* known not to be media */
          p.unchanged++;
          p.seen++;
          if (g_strcmp0 (k->status, "offline") == 0)
            g_array_append_val (back, k->id);
          continue;
        }
      g_ptr_array_add (work, c);
      p.files_total++;
      p.bytes_total += c->size;
    }
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CrKnownClip *k = value;
      if (k->id != 0 && !g_hash_table_contains (seen, key) && g_strcmp0 (k->status, "offline") != 0)
        g_array_append_val (gone, k->id);
    }
  p.offline = gone->len;

  /* Missing files go offline first, so that a moved file can be relinked to its clip. */
  for (guint i = 0; i + 1 < roots->len; i++)
    if (!cr_clips_add_folder (db, g_ptr_array_index (roots, i), error))
      return FALSE;
  if (!cr_clips_set_status (db, gone, "offline", error) || !cr_clips_set_status (db, back, "online", error))
    return FALSE;
  if (progress)
    progress (&p, user_data);

  if (work->len > 0)
    {
      shared.results = g_async_queue_new ();
      shared.cancellable = cancellable;
      production_timecode (db, &shared.options.fallback_timecode);
      pool = g_thread_pool_new (probe_one, &shared, (int) MAX (2, g_get_num_processors ()), FALSE, NULL);
      for (guint i = 0; i < work->len; i++)
        g_thread_pool_push (pool, g_ptr_array_index (work, i), NULL);

      for (guint i = 0; i < work->len; i++)
        {
          Outcome *o = g_async_queue_pop (shared.results);

          p.files_done++;
          p.bytes_done += o->candidate->size;
          if (o->info)
            {
              CrKnownClip *k = g_hash_table_lookup (known, o->candidate->path);

              p.probed++;
              if (!o->info->not_media)
                p.seen++;
              if (o->info->error)
                p.failed++;
              else if (!o->info->not_media && k != NULL && k->id != 0)
                p.updated++;
              else if (!o->info->not_media)
                p.added++;   /* until the write finds it was a moved file */
              g_ptr_array_add (batch, o->info);
            }
          g_free (o);
          /* Results of a cancelled run are still written: they are complete rows. */
          if (ok && batch->len >= BATCH_SIZE)
            ok = flush (db, batch, &p, posters, error);
          while (posters != NULL && posters->pool != NULL && posters_count_one (posters, &p, FALSE))
            ;
          if (progress && (p.files_done % 16 == 0 || p.files_done == p.files_total))
            progress (&p, user_data);
        }
      g_thread_pool_free (pool, FALSE, TRUE);
      g_async_queue_unref (shared.results);
    }
  if (ok)
    ok = flush (db, batch, &p, posters, error);
  if (posters != NULL)
    posters_finish (posters, &p, progress, user_data);
  /* A file moved between indexed folders went offline and was relinked: it is online. */
  if (ok && p.relinked > 0)
    {
      p.offline = 0;
      for (guint i = 0; i < gone->len; i++)
        {
          g_autoptr(CrRecord) clip = cr_store_get (db, &cr_entity_clip, g_array_index (gone, gint64, i), NULL);

          if (clip != NULL && g_strcmp0 (cr_record_get (clip, "status"), "offline") == 0)
            p.offline++;
        }
    }
  if (result)
    *result = p;
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return ok;
}
