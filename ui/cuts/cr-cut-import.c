/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cuts"

#include "config.h"

#include "cr-cut.h"
#include "cr-cut-import.h"
#include "cr-store.h"

typedef struct
{
  char *production;
  char *path;
} Job;

static void
job_free (Job *job)
{
  g_free (job->production);
  g_free (job->path);
  g_free (job);
}

void
cr_cut_imported_free (CrCutImported *imported)
{
  if (imported == NULL)
    return;
  g_free (imported->name);
  g_clear_pointer (&imported->unmatched, g_ptr_array_unref);
  g_clear_pointer (&imported->warnings, g_ptr_array_unref);
  g_free (imported);
}

/* The file's name, or with a number after it when a cut has that name already (the same
 * list imported again, after the editor's next pass). */
static char *
free_name (CrDb       *db,
           const char *path)
{
  g_autofree char *base = cr_cut_import_name (path);
  char *name = g_strdup (base);

  for (guint n = 2; n < 1000; n++)
    {
      CrQuery same = { .field = "name", .value = name };

      if (cr_store_count (db, &cr_entity_cut, &same, NULL) == 0)
        break;
      g_free (name);
      name = g_strdup_printf ("%s %u", base, n);
    }
  return name;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CrCutImported) imported = g_new0 (CrCutImported, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (job->production, &error);

  if (db != NULL)
    imported->name = free_name (db, job->path);
  /* The rate: the list's own, or the production's when an EDL gives none. */
  if (db == NULL ||
      !(imported->cut = cr_cut_import_full (db, job->path, imported->name, (CrRate) { 0, 0 }, &imported->unmatched,
                                            &imported->warnings, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  imported->n_events = cr_cut_count_events (db, imported->cut);
  g_task_return_pointer (task, g_steal_pointer (&imported), (GDestroyNotify) cr_cut_imported_free);
}

void
cr_cut_import_run_async (const char          *production,
                         const char          *path,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->production = g_strdup (production);
  job->path = g_strdup (path);
  g_task_set_source_tag (task, cr_cut_import_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);
}

CrCutImported *
cr_cut_import_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
