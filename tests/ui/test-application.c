/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-application"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-application.h"
#include "cr-demo.h"
#include "cr-entity-page.h"
#include "cr-media.h"
#include "cr-settings.h"
#include "cr-store-model.h"
#include "cr-welcome.h"
#include "cr-window.h"
#include "ui-test-support.h"

/* The application as the desktop starts it: the welcome page, files named on the command
 * line, one instance (a second `casereel FILE` hands FILE over on a private D-Bus), and the
 * settings kept across a restart (memory backend: the restart is in this process). */

static CrApplication *
start (gboolean unique)
{
  CrApplication *app = cr_application_new ();
  g_autoptr(GError) error = NULL;

  static guint runs;

  /* GTK keeps a reference to an application it has started, so its object stays exported
   * on the bus after the test lets go: each run here takes its own object path. */
  if (!unique)
    {
      g_autofree char *id = g_strdup_printf ("%s.Run%u", APPLICATION_ID, ++runs);
      g_application_set_application_id (G_APPLICATION (app), id);
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
    }
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  return app;
}

static void
stop (CrApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_unref (app);
}

static CrWindow *
only_window (CrApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (CR_IS_WINDOW (windows->data));
  return windows->data;
}

static const char *
window_path (CrWindow *window)
{
  CrProduction *production = cr_window_get_production (window);

  return production ? cr_production_get_path (production) : NULL;
}

static CrWindow *
window_with (CrApplication *app,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CR_IS_WINDOW (l->data) && g_strcmp0 (window_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

static char *
new_production (const char *name,
                const char *title)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = cr_db_create (file, title, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

/* First start, nothing named: the welcome page, and no production made behind the back. */
static void
test_welcome (void)
{
  CrApplication *app = start (FALSE);
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "casereel", "default.casereel", NULL);
  CrWindow *window;

  g_unsetenv ("CASEREEL_PROJECT");
  g_application_activate (G_APPLICATION (app));
  window = only_window (app);
  g_assert_null (cr_window_get_production (window));
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-welcome.png");
  stop (app);
}

/* `casereel FILE` and the welcome page's recent list: the file opens in the window that had
 * nothing, is remembered as recent and as the last production. */
static void
test_open_from_command_line (void)
{
  g_autofree char *path = new_production ("riverside.casereel", "Riverside");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CrApplication *app = start (FALSE);
  g_autoptr(GPtrArray) recent = NULL;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpstr (window_path (only_window (app)), ==, path);
  /* The same file again raises the window instead of opening a second one. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpstr (window_path (only_window (app)), ==, path);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  recent = cr_settings_recent (10);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (recent, 0), ==, path);
  stop (app);
}

/* Window size, maximised state and the last production, across a restart. */
static void
test_settings_across_restart (void)
{
  g_autofree char *path = new_production ("remembered.casereel", "Remembered");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSettings *settings = cr_settings_get ();
  CrApplication *app;
  CrWindow *window;
  int width, height;

  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), !=, 873);
  app = start (FALSE);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = only_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 873, 611);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  stop (app);
  g_assert_cmpstr (g_settings_get_string (settings, "last-production"), ==, path);

  /* Started again with nothing named: the last production, at the size it was left. */
  app = start (FALSE);
  g_application_activate (G_APPLICATION (app));
  window = only_window (app);
  g_assert_cmpstr (window_path (window), ==, path);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 873);
  g_assert_cmpint (height, ==, 611);
  /* Maximising needs a window manager, which the test's X server has not: the window
   * reports it as it is, not maximised. */
  stop (app);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A production that has gone away: the welcome page, not an error. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  app = start (FALSE);
  g_application_activate (G_APPLICATION (app));
  g_assert_null (cr_window_get_production (only_window (app)));
  stop (app);
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-production");
}

static void
opened_cb (GApplication *app,
           gpointer      files,
           int           n_files,
           const char   *hint,
           guint        *count)
{
  (*count)++;
}

static void
waited_cb (GObject      *child,
           GAsyncResult *result,
           gpointer      done)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (child), result, NULL));
  *(gboolean *) done = TRUE;
}

/* Runs `casereel FILE` as a second process and waits until this one has been told. */
static void
second_instance (const char *path,
                 guint      *opened,
                 guint       expect)
{
  const char *bin = g_getenv ("CASEREEL_BIN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, bin, path, NULL);
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_subprocess_wait_async (child, NULL, waited_cb, &done);
  /* Ends on events: the child's exit and this process's "open". */
  while (!done || *opened < expect)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
}

static void
test_second_instance (void)
{
  g_autofree char *first = new_production ("first.casereel", "First");
  g_autofree char *second = new_production ("second.casereel", "Second");
  g_autoptr(GFile) file = g_file_new_for_path (first);
  CrApplication *app = start (TRUE);
  guint opened = 0;

  g_signal_connect (app, "open", G_CALLBACK (opened_cb), &opened);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (opened, ==, 1);

  /* Another file: a new window in this process; the second process only hands it over. */
  second_instance (second, &opened, 2);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_assert_nonnull (window_with (app, first));
  g_assert_nonnull (window_with (app, second));

  /* The first file again: its window is presented (raising needs a window manager, which
   * the test's X server has not), no third window. */
  second_instance (first, &opened, 3);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_assert_cmpstr (window_path (window_with (app, first)), ==, first);
  stop (app);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Try the Demo Production" on the welcome page: the demo is made in a worker while the
 * window stays responsive, then opened; its pages make the README's screenshots. */
static void
test_demo_screenshots (void)
{
  g_autofree char *path = cr_demo_default_path ();
  CrApplication *app;
  CrWindow *window;
  GtkWidget *welcome;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* A first start: no production to come back to. */
  g_settings_reset (cr_settings_get (), "last-production");
  app = start (FALSE);
  g_application_activate (G_APPLICATION (app));
  window = only_window (app);
  welcome = find_child (GTK_WIDGET (window), CR_TYPE_WELCOME);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.try-demo", NULL));
  /* Ends when the worker's result has opened the demo in this window. */
  while (cr_window_get_production (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (window_path (window), ==, path);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 720);
  cr_window_show_page (window, "participants");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (cr_window_get_page (window, "participants")))),
                    >=, 12);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 6);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-demo-participants.png");
  cr_window_show_page (window, "clips");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 6);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-demo-clips.png");
  stop (app);
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;   /* not freed: freeing waits for the connection, as _down () does */
  g_autofree char *display = NULL;
  g_autofree char *home = NULL;
  static const char *user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                                     "XDG_RUNTIME_DIR" };
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The user's folders in a temporary home, set before GLib reads them; the system's
   * (icons, MIME types) stay as they are. */
  home = cr_test_make_tmp ("casereel-app-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *where = g_build_filename (home, user_dirs[i] + strlen ("XDG_"), NULL);
      g_mkdir_with_parents (where, 0700);
      g_setenv (user_dirs[i], where, TRUE);
    }
  g_setenv ("HOME", home, TRUE);
  /* A private session bus: the single-instance test must not meet the user's Casereel. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus clears DISPLAY (against D-Bus autolaunch); the window needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  gtk_init ();
  adw_init ();
  cr_media_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  g_test_add_func ("/application/welcome", test_welcome);
  g_test_add_func ("/application/open-from-command-line", test_open_from_command_line);
  g_test_add_func ("/application/settings-across-restart", test_settings_across_restart);
  g_test_add_func ("/application/second-instance", test_second_instance);
  g_test_add_func ("/application/demo-screenshots", test_demo_screenshots);
  status = g_test_run ();
  /* Not _down (): the applications GTK keeps hold the connection it would wait for. */
  g_test_dbus_stop (bus);
  {
    const char *rm[] = { "rm", "-rf", home, NULL };
    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
