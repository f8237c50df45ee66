/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include "cr-show-files.h"

#define FILE_MANAGER "org.freedesktop.FileManager1"
#define FILE_MANAGER_PATH "/org/freedesktop/FileManager1"

typedef struct
{
  GtkWindow *parent;   /* owned, or NULL */
  char      *path;
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->parent);
  g_free (r->path);
  g_free (r);
}

static void
folder_shown_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, CR_SHOWN_FOLDER);
}

static void
show_folder (GTask *task)
{
  Request *r = g_task_get_task_data (task);
  g_autoptr(GFile) file = g_file_new_for_path (r->path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder ? folder : file);

  gtk_show_uri_full (r->parent, uri, GDK_CURRENT_TIME, g_task_get_cancellable (task), folder_shown_cb,
                     g_object_ref (task));
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply != NULL)
    {
      g_task_return_int (task, CR_SHOWN_SELECTED);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* No file manager on the bus that selects files (ServiceUnknown), or it failed. */
  g_debug ("%s.ShowItems: %s; opening the folder", FILE_MANAGER, error->message);
  show_folder (task);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);
  g_autoptr(GFile) file = g_file_new_for_path (r->path);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_debug ("no session bus: %s; opening the folder", error->message);
      show_folder (task);
      return;
    }
  /* The second argument is a startup notification id; an empty one is allowed. */
  g_dbus_connection_call (bus, FILE_MANAGER, FILE_MANAGER_PATH, FILE_MANAGER, "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), show_items_cb, g_object_ref (task));
}

void
cr_show_in_files_async (GtkWindow           *parent,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *r;

  g_return_if_fail (path != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  r = g_new0 (Request, 1);
  r->parent = parent ? g_object_ref (parent) : NULL;
  r->path = g_strdup (path);
  g_task_set_source_tag (task, cr_show_in_files_async);
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_cb, g_object_ref (task));
}

gboolean
cr_show_in_files_finish (GAsyncResult  *result,
                         CrShownIn     *shown,
                         GError       **error)
{
  gssize how = g_task_propagate_int (G_TASK (result), error);

  if (how < 0)
    return FALSE;
  if (shown)
    *shown = (CrShownIn) how;
  return TRUE;
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cr_show_in_files_finish (result, NULL, &error))
    g_message ("Show in Files: %s", error->message);
}

void
cr_show_in_files (GtkWindow  *parent,
                  const char *path)
{
  cr_show_in_files_async (parent, path, NULL, shown_cb, NULL);
}
