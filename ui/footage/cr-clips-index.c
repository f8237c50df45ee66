/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clips-index.h"
#include "cr-store.h"

typedef struct
{
  CrProduction         *production;   /* owned, used on the main loop only */
  char                 *db_path;
  GStrv                 folders;
  CrClipsIndexProgress  progress;
  gpointer              user_data;
  gint64                started;
  gint                  pending;      /* an update is queued for the main loop */
  guint                 written;      /* results committed when the page last heard */
  guint                 queued;       /* results committed in the last update queued (worker only) */
  GMutex                lock;         /* with shown_cond: the worker waits for its batch to show */
  GCond                 shown_cond;
  guint                 shown;        /* results committed that the page has been told of */
  CrIndexProgress       totals;
  GStrv                 failed;
} Run;

typedef struct
{
  Run             *run;
  GTask           *task;             /* owned: keeps the run alive */
  CrIndexProgress  progress;
} Update;

static void
run_free (Run *run)
{
  g_clear_object (&run->production);
  g_free (run->db_path);
  g_strfreev (run->folders);
  g_strfreev (run->failed);
  g_mutex_clear (&run->lock);
  g_cond_clear (&run->shown_cond);
  g_free (run);
}

static void
update_free (Update *u)
{
  g_object_unref (u->task);
  g_free (u);
}

static gboolean
show_progress_cb (gpointer data)
{
  Update *u = data;
  Run *run = u->run;
  guint written = u->progress.written;

  g_atomic_int_set (&run->pending, 0);
  /* A batch was written: the grid shows its clips now, not at the end. */
  if (written != run->written)
    {
      run->written = written;
      cr_production_changed (run->production, &cr_entity_clip);
    }
  g_mutex_lock (&run->lock);
  run->shown = MAX (run->shown, written);
  g_cond_broadcast (&run->shown_cond);
  g_mutex_unlock (&run->lock);
  if (run->progress)
    run->progress (&u->progress, g_get_monotonic_time () - run->started, run->user_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: a copy goes to the main loop, one at a time. */
static void
progress_cb (const CrIndexProgress *progress,
             gpointer               user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  guint written = progress->written;
  Update *u;

  /* Counting updates may be dropped while one waits; a written batch never is, so that the
   * grid shows it before the run ends, however fast the run. */
  if (written != run->queued)
    g_atomic_int_set (&run->pending, 1);
  else if (!g_atomic_int_compare_and_exchange (&run->pending, 0, 1))
    return;
  run->queued = written;
  u = g_new0 (Update, 1);
  u->run = run;
  u->task = g_object_ref (task);
  u->progress = *progress;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, show_progress_cb, u,
                              (GDestroyNotify) update_free);
  /* A batch written waits until the page has shown it: else the page, reading the clips when
   * it hears, may find the next batch too, and a busy main loop shows the run only at its end.
   * It costs a turn of the main loop for every batch of 200 files. */
  if (written != 0)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_mutex_lock (&run->lock);
      while (run->shown < written && !g_cancellable_is_cancelled (cancellable))
        g_cond_wait (&run->shown_cond, &run->lock);
      g_mutex_unlock (&run->lock);
    }
}

/* Stop wakes a worker waiting for its batch to show. */
static void
cancelled_cb (GCancellable *cancellable,
              Run          *run)
{
  g_mutex_lock (&run->lock);
  g_cond_broadcast (&run->shown_cond);
  g_mutex_unlock (&run->lock);
}

static void
index_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (run->db_path, &error);
  gulong cancelled = cancellable ? g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), run, NULL) : 0;
  gboolean ok;

  /* The posters too, so that the grid finds them made and the file manager shares them. */
  ok = db != NULL && cr_index_folders_full (db, (const char * const *) run->folders, CR_INDEX_POSTERS, progress_cb,
                                            task, cancellable, &run->totals, &error);
  if (cancellable)
    g_cancellable_disconnect (cancellable, cancelled);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
cr_clips_index_async (CrProduction         *production,
                      const char * const   *folders,
                      CrClipsIndexProgress  progress,
                      gpointer              user_data,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              callback_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, callback_data);
  Run *run = g_new0 (Run, 1);

  run->production = g_object_ref (production);
  run->db_path = g_strdup (cr_production_get_path (production));
  run->folders = g_strdupv ((char **) folders);
  run->progress = progress;
  run->user_data = user_data;
  run->started = g_get_monotonic_time ();
  g_mutex_init (&run->lock);
  g_cond_init (&run->shown_cond);
  g_task_set_source_tag (task, cr_clips_index_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, index_thread);
}

/* The failed clips under the folders, read through the store as any list is. */
static GStrv
failed_files (Run *run)
{
  CrQuery query = { .field = "status", .value = "failed" };
  g_autoptr(GPtrArray) rows = cr_store_list (cr_production_get_db (run->production), &cr_entity_clip, &query, NULL);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  for (guint i = 0; rows && i < rows->len; i++)
    {
      CrRecord *r = g_ptr_array_index (rows, i);
      const char *path = cr_record_get (r, "path");
      for (guint j = 0; path && run->folders[j]; j++)
        if (g_str_has_prefix (path, run->folders[j]))
          {
            g_autofree char *line = g_strdup_printf ("%s: %s", cr_record_get (r, "name"),
                                                     cr_record_get (r, "error") ? cr_record_get (r, "error") : "unreadable");
            g_strv_builder_add (lines, line);
            break;
          }
    }
  return g_strv_builder_end (lines);
}

gboolean
cr_clips_index_finish (GAsyncResult     *result,
                       CrIndexProgress  *totals,
                       GStrv            *failed,
                       GError          **error)
{
  Run *run = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), error);

  /* Whatever was written stays: the page shows it either way. */
  cr_production_changed (run->production, &cr_entity_clip);
  if (totals)
    *totals = run->totals;
  if (failed)
    *failed = failed_files (run);
  return ok;
}
