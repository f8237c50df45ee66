/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-application"

#include "config.h"

#include <stdlib.h>

#include "cr-application.h"
#include "cr-settings.h"
#include "cr-window.h"

/* One process per user: a second `casereel FILE` hands FILE to the first, which raises the
 * window that has it or opens it in a new one. One production per window. */
struct _CrApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CrApplication, cr_application, ADW_TYPE_APPLICATION)

static gboolean
window_close_request_cb (GtkWindow *window,
                         gpointer   user_data)
{
  GSettings *settings = cr_settings_get ();
  int width, height;

  if (settings == NULL)
    return FALSE;
  /* The size to come back to is the unmaximised one. */
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  return FALSE;
}

static CrWindow *
new_window (CrApplication *self)
{
  CrWindow *window = cr_window_new (GTK_APPLICATION (self), NULL);
  GSettings *settings = cr_settings_get ();

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (window));
    }
  g_signal_connect (window, "close-request", G_CALLBACK (window_close_request_cb), NULL);
  return window;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  g_autofree char *ra = NULL, *rb = NULL;

  if (g_file_equal (fa, fb))
    return TRUE;
  /* Through symbolic links too: the same file must not be open in two windows. */
  ra = realpath (a, NULL);
  rb = realpath (b, NULL);
  return ra != NULL && rb != NULL && g_str_equal (ra, rb);
}

/* The window showing path; else a window showing nothing yet; else NULL. */
static CrWindow *
window_for (CrApplication *self,
            const char    *path,
            gboolean      *has_it)
{
  CrWindow *empty = NULL;

  *has_it = FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CrProduction *production;

      if (!CR_IS_WINDOW (l->data))
        continue;
      production = cr_window_get_production (l->data);
      if (production == NULL && empty == NULL)
        empty = l->data;
      else if (production != NULL && same_file (cr_production_get_path (production), path))
        {
          *has_it = TRUE;
          return l->data;
        }
    }
  return empty;
}

static void
open_path (CrApplication *self,
           const char    *path)
{
  gboolean has_it;
  CrWindow *window = window_for (self, path, &has_it);

  if (window == NULL)
    window = new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  /* After presenting, so that an error dialog has a window to sit on. */
  if (!has_it)
    cr_window_open_or_report (window, path, FALSE);
}

/* With nothing named: $CASEREEL_PROJECT as on the command line, else the production open
 * when Casereel was last closed, else the welcome page. Nothing is created unasked. */
static void
cr_application_activate (GApplication *app)
{
  CrApplication *self = CR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const char *env = g_getenv ("CASEREEL_PROJECT");
  GSettings *settings = cr_settings_get ();
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-production") : NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (env != NULL && *env != '\0')
    open_path (self, env);
  else if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    open_path (self, last);
  else
    gtk_window_present (GTK_WINDOW (new_window (self)));
}

static void
cr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        open_path (CR_APPLICATION (app), path);
    }
}

static CrWindow *
get_window (CrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CR_IS_WINDOW (window))
    return CR_WINDOW (window);
  window = GTK_WINDOW (new_window (self));
  gtk_window_present (window);
  return CR_WINDOW (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* Closing each window saves its size, as the window manager's close would. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (user_data));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  cr_window_choose_open (get_window (CR_APPLICATION (user_data)));
}

static void
open_file_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_path (CR_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  cr_window_choose_new (get_window (CR_APPLICATION (user_data)));
}

static void
cr_application_class_init (CrApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = cr_application_activate;
  G_APPLICATION_CLASS (klass)->open = cr_application_open;
}

static void
cr_application_init (CrApplication *self)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
    { .name = "open", .activate = open_activated },
    { .name = "open-file", .activate = open_file_activated, .parameter_type = "s" },
    { .name = "new", .activate = new_activated },
  };
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.new", { "<Control><Shift>n", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

CrApplication *
cr_application_new (void)
{
  return g_object_new (CR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
