/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include "cr-window.h"

struct _CrWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *title;

  /* owned */
  char *project_path;
};

G_DEFINE_FINAL_TYPE (CrWindow, cr_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cr_window_finalize (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  g_clear_pointer (&self->project_path, g_free);
  G_OBJECT_CLASS (cr_window_parent_class)->finalize (object);
}

static void
cr_window_class_init (CrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cr_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWindow, title);
}

static void
cr_window_init (CrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrWindow *
cr_window_new (GtkApplication *application,
               const char     *project_path)
{
  CrWindow *self = g_object_new (CR_TYPE_WINDOW, "application", application, NULL);
  g_autofree char *base = g_path_get_basename (project_path);

  self->project_path = g_strdup (project_path);
  adw_window_title_set_subtitle (self->title, base);
  return self;
}
