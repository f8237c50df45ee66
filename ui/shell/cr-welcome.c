/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-error-words.h"
#include "cr-demo.h"
#include "cr-settings.h"
#include "cr-welcome.h"

#define MAX_RECENT 6

struct _CrWelcome
{
  AdwBin        parent_instance;

  GtkSpinner   *demo_spinner;
  GtkLabel     *demo_label;
  GtkWidget    *recent_group;
  GtkListBox   *recent_list;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CrWelcome, cr_welcome, ADW_TYPE_BIN)

static void
open_path (GtkWidget  *widget,
           const char *path)
{
  gtk_widget_activate_action (widget, "app.open-file", "s", path);
}

/* "~/Videos/Riverside" reads better than "/home/ana/Videos/Riverside". */
static char *
folder_for_humans (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (dir);
  const char *home = g_get_home_dir ();

  if (home != NULL && g_str_has_prefix (display, home) && (display[strlen (home)] == '/' || display[strlen (home)] == '\0'))
    return g_strconcat ("~", display + strlen (home), NULL);
  return g_steal_pointer (&display);
}

void
cr_welcome_refresh (CrWelcome *self)
{
  g_autoptr(GPtrArray) paths = cr_settings_recent (MAX_RECENT);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_filename_display_basename (path);
      g_autofree char *folder = folder_for_humans (path);
      GtkWidget *row = adw_action_row_new ();
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-file");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_group, paths->len > 0);
}

static void
set_busy (CrWelcome *self,
          gboolean   busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.try-demo", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_spinner), busy);
  gtk_spinner_set_spinning (self->demo_spinner, busy);
  gtk_label_set_text_with_mnemonic (self->demo_label, busy ? _("Making the Demo Production…")
                                                           : _("_Try the Demo Production"));
}

static void
make_demo (GTask        *task,
           gpointer      source,
           gpointer      path,
           GCancellable *cancellable)
{
  GError *error = NULL;

  if (cr_demo_create (path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_made_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CrWelcome *self = CR_WELCOME (source);
  g_autoptr(GError) error = NULL;

  /* The page went away while the demo was made: nobody to show it to. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autofree char *words = cr_error_words_write (error, _("the demo production"));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Make the Demo Production"), words);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  open_path (GTK_WIDGET (self), g_task_get_task_data (G_TASK (result)));
}

static void
try_demo_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrWelcome *self = CR_WELCOME (widget);
  char *path = cr_demo_default_path ();
  g_autoptr(GTask) task = NULL;

  /* Made once; after that the button opens it, with whatever the user changed. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_path (GTK_WIDGET (self), path);
      g_free (path);
      return;
    }
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, demo_made_cb, NULL);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, make_demo);
}

static void
cr_welcome_dispose (GObject *object)
{
  CrWelcome *self = CR_WELCOME (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cr_welcome_parent_class)->dispose (object);
}

static void
cr_welcome_class_init (CrWelcomeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_welcome_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWelcome, demo_spinner);
  gtk_widget_class_bind_template_child (widget_class, CrWelcome, demo_label);
  gtk_widget_class_bind_template_child (widget_class, CrWelcome, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CrWelcome, recent_list);
  gtk_widget_class_install_action (widget_class, "welcome.try-demo", NULL, try_demo_activated);
}

static void
cr_welcome_init (CrWelcome *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The application icon, also when Casereel runs from its build folder. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

    if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
      gtk_icon_theme_add_resource_path (theme, "/org/casereel/ui/icons");
  }
  cr_welcome_refresh (self);
}
