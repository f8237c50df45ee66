/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-application"

#include "config.h"

#include "cr-application.h"
#include "cr-window.h"

struct _CrApplication
{
  AdwApplication parent_instance;

  char *project_path;
};

G_DEFINE_FINAL_TYPE (CrApplication, cr_application, ADW_TYPE_APPLICATION)

static void
cr_application_activate (GApplication *app)
{
  CrApplication *self = CR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cr_window_new (GTK_APPLICATION (app), self->project_path));
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
  g_application_quit (G_APPLICATION (user_data));
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
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
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
