/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-application"

#include "config.h"

#include "cr-application.h"
#include "cr-cli.h"
#include "cr-window.h"

struct _CrApplication
{
  AdwApplication parent_instance;

  char *project_path;
};

G_DEFINE_FINAL_TYPE (CrApplication, cr_application, ADW_TYPE_APPLICATION)

/* The production to show at start: the one named, else $CASEREEL_PROJECT as on the
 * command line, else the default production. As on the command line, only the default
 * is made on first use; a named file that is missing is an error. */
static char *
start_project (CrApplication *self,
               gboolean      *create)
{
  const char *env = g_getenv ("CASEREEL_PROJECT");

  *create = FALSE;
  if (self->project_path != NULL)
    return g_strdup (self->project_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  *create = TRUE;
  return cr_cli_default_project ();
}

static CrWindow *
get_window (CrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CR_IS_WINDOW (window))
    return CR_WINDOW (window);
  window = GTK_WINDOW (cr_window_new (GTK_APPLICATION (self), NULL));
  gtk_window_present (window);
  return CR_WINDOW (window);
}

static void
cr_application_activate (GApplication *app)
{
  CrApplication *self = CR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      gboolean create;
      g_autofree char *path = start_project (self, &create);

      window = GTK_WINDOW (cr_window_new (GTK_APPLICATION (app), NULL));
      gtk_window_present (window);
      /* After presenting, so that an error dialog has a window to sit on. */
      cr_window_open_or_report (CR_WINDOW (window), path, create);
    }
  gtk_window_present (window);
}

static void
cr_application_finalize (GObject *object)
{
  CrApplication *self = CR_APPLICATION (object);

  g_clear_pointer (&self->project_path, g_free);
  G_OBJECT_CLASS (cr_application_parent_class)->finalize (object);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows;

  /* Destroying the windows closes their productions, which leaves each file whole. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (user_data))))
    gtk_window_destroy (windows->data);
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
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  cr_window_choose_new (get_window (CR_APPLICATION (user_data)));
}

static void
cr_application_class_init (CrApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = cr_application_activate;
}

static void
cr_application_init (CrApplication *self)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
    { .name = "open", .activate = open_activated },
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
cr_application_new (const char *project_path)
{
  CrApplication *self = g_object_new (CR_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      NULL);
  self->project_path = g_strdup (project_path);
  return self;
}
