/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Show in Files": over a private session bus, a file manager that offers
 * org.freedesktop.FileManager1 is asked to select the file; with none, the folder is opened by
 * the desktop's handler for folders (here a script that notes what it was given). */
#include "config.h"
#include "../cr-test-support.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cr-show-files.h"

static char *home;
static char *launched;   /* what the folder handler writes: one URI a line */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  CrShownIn shown;
  GError   *error;
} Outcome;

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *o = user_data;

  o->ok = cr_show_in_files_finish (result, &o->shown, &o->error);
  o->done = TRUE;
}

static Outcome
show (const char *path)
{
  Outcome o = { 0 };

  cr_show_in_files_async (NULL, path, NULL, shown_cb, &o);
  while (!o.done)
    g_main_context_iteration (NULL, TRUE);
  return o;
}

static char *
a_file (const char *name)
{
  g_autofree char *folder = g_build_filename (home, "card 1", "CLIP", NULL);
  char *path = g_build_filename (folder, name, NULL);

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  return path;
}

static char *
uri_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_get_uri (file);
}

/* No FileManager1 on the bus: the folder is opened, as before. */
static void
test_folder_without_file_manager (void)
{
  g_autofree char *path = a_file ("A001.MOV");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *want = NULL, *got = NULL;
  Outcome o = show (path);
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  g_assert_cmpint (o.shown, ==, CR_SHOWN_FOLDER);
  /* The handler runs as its own process: wait for what it writes (GLib gives a local
   * folder to a handler's %u as a path). */
  want = g_strconcat (folder, "\n", NULL);
  while ((got == NULL || strlen (got) < strlen (want)) && g_get_monotonic_time () < until)
    {
      g_clear_pointer (&got, g_free);
      g_file_get_contents (launched, &got, NULL, NULL);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpstr (got, ==, want);
}

/* ---- a file manager on the bus ---- */

static const char introspection[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "<method name='ShowItems'><arg type='as' name='URIs' direction='in'/>"
  "<arg type='s' name='StartupId' direction='in'/></method>"
  "</interface></node>";

static void
method_cb (GDBusConnection       *connection,
           const char            *sender,
           const char            *object_path,
           const char            *interface_name,
           const char            *method_name,
           GVariant              *parameters,
           GDBusMethodInvocation *invocation,
           gpointer               user_data)
{
  GPtrArray *calls = user_data;
  g_autofree const char **uris = NULL;
  const char *startup = NULL;

  g_assert_cmpstr (method_name, ==, "ShowItems");
  g_variant_get (parameters, "(^a&s&s)", &uris, &startup);
  g_ptr_array_add (calls, g_strjoinv ("|", (char **) uris));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_cb (GDBusConnection *connection,
         const char      *name,
         gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The file manager is asked to show the file itself (so it selects it), by its URI. */
static void
test_selected_by_file_manager (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_free);
  static const GDBusInterfaceVTable vtable = { method_cb, NULL, NULL, { 0 } };
  g_autofree char *path = a_file ("A002 take 2.MOV");
  g_autofree char *uri = uri_of (path);
  g_autofree char *before = NULL, *after = NULL;
  gboolean owned = FALSE;
  guint object, name;
  Outcome o;

  g_assert_nonnull (bus);
  object = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1", node->interfaces[0], &vtable,
                                              calls, NULL, NULL);
  g_assert_cmpuint (object, >, 0);
  name = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE, name_cb,
                                       NULL, &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);
  g_file_get_contents (launched, &before, NULL, NULL);

  o = show (path);
  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  g_assert_cmpint (o.shown, ==, CR_SHOWN_SELECTED);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (calls, 0), ==, uri);
  g_assert_nonnull (strstr (uri, "A002%20take%202.MOV"));
  /* Not the folder as well. */
  g_usleep (200000);
  g_file_get_contents (launched, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);

  g_bus_unown_name (name);
  g_dbus_connection_unregister_object (bus, object);
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;   /* not freed: freeing waits for the connection, as _down () does */
  g_autofree char *display = NULL, *apps = NULL, *desktop = NULL, *script = NULL, *mimeapps = NULL;
  g_autofree char *data = NULL, *config = NULL, *entry = NULL, *body = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The desktop's folders in a temporary home, set before GLib reads them: the only handler
   * for folders is the script. */
  home = cr_test_make_tmp ("casereel-show-XXXXXX", NULL);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  apps = g_build_filename (data, "applications", NULL);
  g_mkdir_with_parents (apps, 0700);
  g_mkdir_with_parents (config, 0700);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_DATA_DIRS", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", config, TRUE);
  launched = g_build_filename (home, "launched", NULL);
  script = g_build_filename (home, "files.sh", NULL);
  body = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", launched);
  g_assert_true (g_file_set_contents (script, body, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  desktop = g_build_filename (apps, "test-files.desktop", NULL);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Files\nExec=%s %%u\n"
                           "MimeType=inode/directory;\n", script);
  g_assert_true (g_file_set_contents (desktop, entry, -1, NULL));
  mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\ninode/directory=test-files.desktop\n",
                                      -1, NULL));

  /* A private session bus, with no file manager on it until the second test puts one. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus clears DISPLAY (against D-Bus autolaunch); GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  gtk_init ();

  g_test_add_func ("/show-in-files/folder-without-file-manager", test_folder_without_file_manager);
  g_test_add_func ("/show-in-files/selected-by-file-manager", test_selected_by_file_manager);
  status = g_test_run ();
  g_test_dbus_stop (bus);
  g_free (launched);
  return status;
}
