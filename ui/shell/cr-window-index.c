/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include "cr-error-words.h"
#include "cr-indexer.h"
#include "cr-production.h"
#include "cr-window-index.h"

/* One indexing run. The worker has its own connection to the production file: SQLite
 * connections belong to one thread, and WAL lets the window keep reading meanwhile. */
typedef struct
{
  CrWindow        *window;       /* owned */
  char            *db_path;
  char            *folder;
  GCancellable    *cancellable;
  AdwToast        *toast;        /* owned */
  CrIndexProgress  result;
  gint             pending;      /* a progress update is queued for the main loop */
} IndexRun;

typedef struct
{
  IndexRun        *run;
  CrIndexProgress  progress;
} ProgressUpdate;

static void
index_run_free (IndexRun *run)
{
  g_clear_object (&run->window);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->toast);
  g_free (run->db_path);
  g_free (run->folder);
  g_free (run);
}

static gboolean
show_progress_cb (gpointer data)
{
  ProgressUpdate *u = data;
  g_autofree char *title = g_strdup_printf ("Indexing: %u of %u %s", u->progress.files_done,
                                            u->progress.files_total, u->progress.files_total == 1 ? "file" : "files");

  adw_toast_set_title (u->run->toast, title);
  g_atomic_int_set (&u->run->pending, 0);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: hands a copy to the main loop, at most one at a time. */
static void
progress_cb (const CrIndexProgress *progress,
             gpointer               user_data)
{
  IndexRun *run = user_data;
  ProgressUpdate *u;

  if (!g_atomic_int_compare_and_exchange (&run->pending, 0, 1))
    return;
  u = g_new0 (ProgressUpdate, 1);
  u->run = run;
  u->progress = *progress;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, u, g_free);
}

static void
index_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IndexRun *run = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (run->db_path, &error);
  const char *folders[] = { run->folder, NULL };

  if (db == NULL || !cr_index_folders (db, folders, progress_cb, run, cancellable, &run->result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
index_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CrWindow *self = CR_WINDOW (source);
  IndexRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CrIndexProgress *r = &run->result;

  adw_toast_dismiss (run->toast);
  g_object_set_data (G_OBJECT (self), "cr-index-cancellable", NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        title = g_strdup_printf ("Indexing stopped: %u %s catalogued so far", r->added + r->updated,
                                 r->added + r->updated == 1 ? "file" : "files");
      else
        title = cr_error_words_write (error, "the footage catalogue");
    }
  else if (r->failed > 0)
    title = g_strdup_printf ("%u media %s: %u new, %u could not be read", r->seen, r->seen == 1 ? "file" : "files",
                             r->added, r->failed);
  else
    title = g_strdup_printf ("%u media %s: %u new, %u moved, %u offline", r->seen, r->seen == 1 ? "file" : "files",
                             r->added, r->relinked, r->offline);
  cr_window_add_toast (self, adw_toast_new (title));
  cr_production_changed (cr_window_get_production (self), &cr_entity_clip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.index-folder", TRUE);
}

void
cr_window_index_path (CrWindow   *self,
                      const char *folder)
{
  g_autoptr(GTask) task = NULL;
  IndexRun *run = g_new0 (IndexRun, 1);

  run->window = g_object_ref (self);
  run->db_path = g_strdup (cr_production_get_path (cr_window_get_production (self)));
  run->folder = g_strdup (folder);
  run->cancellable = g_cancellable_new ();
  run->toast = g_object_ref_sink (adw_toast_new ("Indexing…"));
  adw_toast_set_timeout (run->toast, 0);
  adw_toast_set_button_label (run->toast, "_Stop");
  adw_toast_set_action_name (run->toast, "win.stop-indexing");
  adw_toast_set_priority (run->toast, ADW_TOAST_PRIORITY_HIGH);
  cr_window_add_toast (self, g_object_ref (run->toast));
  g_object_set_data_full (G_OBJECT (self), "cr-index-cancellable", g_object_ref (run->cancellable), g_object_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.index-folder", FALSE);

  task = g_task_new (self, run->cancellable, index_done_cb, NULL);
  g_task_set_source_tag (task, cr_window_index_path);
  g_task_set_task_data (task, run, (GDestroyNotify) index_run_free);
  g_task_run_in_thread (task, index_thread);
}

void
cr_window_stop_indexing (CrWindow *self)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (self), "cr-index-cancellable");

  if (cancellable)
    g_cancellable_cancel (cancellable);
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  CrWindow *self = CR_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path)
        cr_window_index_path (self, path);
    }
  g_object_unref (dialog);
}

void
cr_window_index_folder (CrWindow *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new ("Add a Folder of Footage", GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                 "_Add", "_Cancel");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
