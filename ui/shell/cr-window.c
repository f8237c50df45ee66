/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include <string.h>

#include "cr-clips-page.h"
#include "cr-error-words.h"
#include "cr-footage.h"
#include "cr-cuts-page.h"
#include "cr-page.h"
#include "cr-purpose-page.h"
#include "cr-record-editor.h"
#include "cr-schedule.h"
#include "cr-settings.h"
#include "cr-ui-resources.h"
#include "cr-undo.h"
#include "cr-store.h"
#include "cr-cli.h"
#include "cr-window.h"
#include "cr-welcome.h"
#include "cr-tell.h"
#include "cr-words.h"

struct _CrWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay      *toasts;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *title;
  GtkStack             *main_stack;
  GtkWidget            *sidebar_pane;
  GtkWidget            *sidebar_separator;
  GtkMenuButton        *sidebar_menu;
  GtkMenuButton        *welcome_menu;
  GtkStack             *view_stack;

  /* owned */
  CrProduction         *production;
  GPtrArray            *pages;     /* the widgets in view_stack */
  GPtrArray            *rows;      /* the sidebar's rows, one per page */
  CrUndoDelete         *deleted;   /* what "Undo" puts back */
  AdwToast             *undo_toast;
  AdwToast             *read_toast; /* a failed read said, while it shows */
};

G_DEFINE_FINAL_TYPE (CrWindow, cr_window, ADW_TYPE_APPLICATION_WINDOW)

/* The list pages, in the order the switcher shows them. */
static const struct
{
  const CrEntity *entity;
  const char     *icon;
} list_pages[] = {
  { &cr_entity_participant, "system-users-symbolic" },
  { &cr_entity_interview, "x-office-calendar-symbolic" },
  { &cr_entity_shot, "camera-video-symbolic" },
  { &cr_entity_location, "mark-location-symbolic" },
  { &cr_entity_question, "dialog-question-symbolic" },
  { &cr_entity_clip, "folder-videos-symbolic" },
  { &cr_entity_select, "starred-symbolic" },
  { &cr_entity_cut, "view-list-symbolic" },
};

static void
load_style (GdkDisplay *display)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/casereel/ui/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
update_title (CrWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;

  if (self->production == NULL)
    {
      adw_window_title_set_title (self->title, "Casereel");
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Casereel");
      return;
    }
  title = cr_production_dup_title (self->production);
  file = g_path_get_basename (cr_production_get_path (self->production));
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, file);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The sidebar says how many rows each list has. */
static void
update_counts (CrWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "cr-count");
      const CrEntity *entity = g_object_get_data (G_OBJECT (row), "cr-entity");
      g_autofree char *text = NULL;
      gint64 n;

      if (entity == NULL)
        continue;
      n = cr_store_count (cr_production_get_db (self->production), entity, NULL, NULL);
      text = n > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup ("");
      gtk_label_set_text (count, text);
    }
}

/* ---- toasts: undo a delete, warn of a clash ---- */

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  g_autoptr(CrUndoDelete) undo = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  const CrEntity *entity;
  gint64 id;

  if (undo == NULL || self->production == NULL)
    return;
  entity = cr_undo_delete_get_record (undo)->entity;
  if (!(id = cr_undo_delete_restore (undo, cr_production_get_db (self->production), &error)))
    {
      cr_window_report (self, "Could Not Undo", error);
      return;
    }
  {
    g_autoptr(GPtrArray) touched = cr_undo_delete_dup_touched (undo);
    CrEntityPage *page;

    cr_production_changed (self->production, entity);
    /* The clips that cover a shot again, the shots of an interview again. */
    for (guint i = 0; i < touched->len; i++)
      cr_production_changed (self->production, g_ptr_array_index (touched, i));
    /* The Schedule and Shots pages are no list pages; they show it back where it was. */
    if ((page = cr_window_get_page (self, entity->plural)) != NULL)
      cr_entity_page_select (page, id);
  }
}

static void
undo_toast_dismissed_cb (CrWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    {
      g_clear_pointer (&self->deleted, cr_undo_delete_unref);
      self->undo_toast = NULL;
    }
}

static void
page_deleted_cb (CrWindow     *self,
                 CrUndoDelete *undo)
{
  g_autofree char *what = cr_record_describe (cr_undo_delete_get_record (undo));
  g_autofree char *title = g_strdup_printf ("Deleted %s", what);
  AdwToast *toast = adw_toast_new (title);

  /* One undo at a time, as in Files: a newer delete replaces the older chance. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->deleted, cr_undo_delete_unref);
  self->deleted = cr_undo_delete_ref (undo);
  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
page_saved_cb (CrWindow       *self,
               const CrEntity *entity,
               gint64          id)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *text = NULL;

  /* A clash is a warning, not a refusal: the interview is saved either way. */
  if (entity != &cr_entity_interview)
    return;
  conflicts = cr_schedule_conflicts (cr_production_get_db (self->production), id, NULL);
  if (conflicts == NULL || conflicts->len == 0)
    return;
  text = cr_conflict_describe (g_ptr_array_index (conflicts, 0));
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
editor_saved_cb (CrWindow       *self,
                 gint64          id,
                 CrRecordEditor *editor)
{
  page_saved_cb (self, cr_record_editor_get_entity (editor), id);
}

static void
production_changed_cb (CrWindow       *self,
                       const CrEntity *entity)
{
  /* NULL: another program changed the file, the title too perhaps. */
  if (entity == NULL || entity == &cr_entity_production)
    update_title (self);
  update_counts (self);
}

/* A read that failed is said once while its toast shows, however many rows asked; Try
 * Again reads everything again, as when another program changed the file. No toast is
 * dismissed from here: libadwaita 1.2 can free a toast twice when one is dismissed while it
 * is still sliding in. */
static void
read_again_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  /* Its button dismisses the toast next; a failure again is said in a new one. */
  self->read_toast = NULL;
  if (self->production != NULL)
    cr_production_changed (self->production, NULL);
}

static void
read_toast_dismissed_cb (CrWindow *self,
                         AdwToast *toast)
{
  if (self->read_toast == toast)
    self->read_toast = NULL;
}

static void
production_read_failed_cb (CrWindow   *self,
                           const char *line)
{
  AdwToast *toast;

  /* Another failure while one is said: the toast says the newest. */
  if (self->read_toast != NULL)
    {
      if (g_strcmp0 (adw_toast_get_title (self->read_toast), line) != 0)
        adw_toast_set_title (self->read_toast, line);
      return;
    }
  toast = adw_toast_new (line);
  adw_toast_set_button_label (toast, "_Try Again");
  adw_toast_set_action_name (toast, "win.read-again");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (read_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->read_toast = toast;
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* ---- pages ---- */

static void
clear_pages (CrWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    gtk_stack_remove (self->view_stack, g_ptr_array_index (self->pages, i));
  g_ptr_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->sidebar, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static gboolean
cuts_row_drop_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  CrCutsPage    *page)
{
  if (!cr_cuts_page_drop (page, value, NULL))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-page", "s", "cuts");
  return TRUE;
}

/* An editor's edit list, by its name (a Final Cut Pro bundle is a folder). */
static gboolean
is_edit_list (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".edl") || g_str_has_suffix (lower, ".fcpxml") ||
         g_str_has_suffix (lower, ".fcpxmld") || g_str_has_suffix (lower, ".otio");
}

/* An edit list dropped anywhere on the window is imported into a new cut on the Cuts page,
 * which is shown. Folders are catalogued as on the Clips page, which is shown so that they
 * can be seen coming in; another file dropped is catalogued by its folder. What is dropped
 * on the Clips page itself goes to its own target. */
static gboolean
window_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                CrWindow      *self)
{
  GtkWidget *page = self->production ? gtk_stack_get_child_by_name (self->view_stack, "clips") : NULL;
  GtkWidget *cuts = self->production ? gtk_stack_get_child_by_name (self->view_stack, "cuts") : NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL || !is_edit_list (path))
        continue;
      if (!CR_IS_CUTS_PAGE (cuts) || cr_cuts_page_is_importing (CR_CUTS_PAGE (cuts)))
        return FALSE;
      /* One list at a time: the first. */
      cr_window_show_page (self, "cuts");
      cr_cuts_page_import_file (CR_CUTS_PAGE (cuts), path);
      return TRUE;
    }
  if (!CR_IS_CLIPS_PAGE (page) || cr_clips_page_is_indexing (CR_CLIPS_PAGE (page)))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        continue;
      g_ptr_array_add (folders, g_file_test (path, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&path)
                                                                       : g_path_get_dirname (path));
    }
  if (folders->len == 0)
    return FALSE;
  g_ptr_array_add (folders, NULL);
  cr_window_show_page (self, "clips");
  cr_clips_page_index_folders (CR_CLIPS_PAGE (page), (const char * const *) folders->pdata);
  return TRUE;
}

static void
add_page (CrWindow       *self,
          GtkWidget      *page,
          const char     *name,
          const char     *title,
          const char     *icon_name,
          const CrEntity *entity)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_stack_add_titled (self->view_stack, page, name, title);
  g_ptr_array_add (self->pages, page);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cr-page", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), "cr-count", count);
  g_object_set_data (G_OBJECT (row), "cr-entity", (gpointer) entity);
  gtk_list_box_append (self->sidebar, row);
  g_ptr_array_add (self->rows, row);
  if (CR_IS_CUTS_PAGE (page))
    {
      /* Selects dragged onto the Cuts row go into the cut that page shows. */
      GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_COPY);
      g_signal_connect (drop, "drop", G_CALLBACK (cuts_row_drop_cb), page);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
    }
}

static void
build_pages (CrWindow *self)
{
  add_page (self, GTK_WIDGET (cr_overview_page_new (self->production)), "overview", "Overview",
            "view-grid-symbolic", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      const CrEntity *entity = list_pages[i].entity;
      /* Purpose-built pages where an area has one; the generic list for the rest. */
      GtkWidget *page = cr_footage_page_new (self->production, entity);
      CrEntityPage *list = NULL;
      /* The interviews page is an agenda: the page map calls it the Schedule. */
      g_autofree char *title = entity == &cr_entity_interview ? g_strdup ("Schedule") : cr_words_entity (entity, TRUE);

      if (page == NULL)
        page = cr_purpose_page_new (self->production, entity);
      if (page == NULL)
        page = GTK_WIDGET (list = cr_entity_page_new (self->production, entity));
      else
        list = (CrEntityPage *) cr_purpose_page_get_list (page);
      if (list != NULL)
        {
          g_signal_connect_object (list, "deleted", G_CALLBACK (page_deleted_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (list, "saved", G_CALLBACK (page_saved_cb), self, G_CONNECT_SWAPPED);
        }
      add_page (self, page, entity->plural, title, list_pages[i].icon, entity);
    }
  update_counts (self);
}

static void
sidebar_row_selected_cb (CrWindow      *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, g_object_get_data (G_OBJECT (row), "cr-page"));
}

static void
sidebar_row_activated_cb (CrWindow      *self,
                          GtkListBoxRow *row)
{
  /* Narrow, the sidebar and the page take turns. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_clicked_cb (CrWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A page's list: the page itself, or the one a purpose-built page keeps. */
static CrEntityPage *
list_of (GtkWidget *child)
{
  if (child == NULL)
    return NULL;
  return CR_IS_ENTITY_PAGE (child) ? CR_ENTITY_PAGE (child) : (CrEntityPage *) cr_purpose_page_get_list (child);
}

/* ---- actions ---- */

/* Ctrl+N, Ctrl+P and Ctrl+F are the window's, so that they work with the focus anywhere
 * (the sidebar keeps it after a click); the page shown does what it can with them. */
static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cr_page_add (gtk_stack_get_visible_child (CR_WINDOW (widget)->view_stack));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cr_page_print (gtk_stack_get_visible_child (CR_WINDOW (widget)->view_stack));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cr_page_focus_search (gtk_stack_get_visible_child (CR_WINDOW (widget)->view_stack));
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cr_window_show_page (CR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  const char *name = NULL;
  gint64 id = 0;
  const CrEntity *entity;
  CrRecordEditor *editor;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&sx)", &name, &id);
  if (self->production == NULL || !(entity = cr_entity_lookup (name)))
    return;
  if (!(editor = cr_record_editor_new (GTK_WINDOW (self), self->production, entity, id, &error)))
    {
      cr_tell_unopened (GTK_WIDGET (self), entity, error);
      return;
    }
  /* As from a list page: deletes can be undone, saved interviews are checked for clashes. */
  g_signal_connect_object (editor, "deleted", G_CALLBACK (page_deleted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
about_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", widget,
                "application-name", "Casereel",
                "application-icon", "camera-video-symbolic",
                "version", PACKAGE_VERSION,
                "comments", "Plan, catalogue and rough-cut a video case study",
                "license-type", GTK_LICENSE_GPL_3_0,
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* ---- file choosers ---- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CrWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    path = g_file_get_path (file);
  if (path != NULL)
    cr_window_open_or_report (self, path, g_object_get_data (G_OBJECT (dialog), "cr-create") != NULL);
  g_object_unref (dialog);
}

static void
choose (CrWindow             *self,
        GtkFileChooserAction  action)
{
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (create ? "New Production" : "Open Production", GTK_WINDOW (self),
                                        action, create ? "_Create" : "_Open", "_Cancel");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, "Casereel productions");
  gtk_file_filter_add_pattern (filter, "*.casereel");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (create)
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "Case study.casereel");
      g_object_set_data (G_OBJECT (dialog), "cr-create", GINT_TO_POINTER (1));
    }
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- the class ---- */

static void
cr_window_dispose (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_window_parent_class)->dispose (object);
}

static void
cr_window_finalize (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, cr_undo_delete_unref);
  G_OBJECT_CLASS (cr_window_parent_class)->finalize (object);
}

static void
cr_window_class_init (CrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_window_dispose;
  object_class->finalize = cr_window_finalize;

  /* Naming the bundle links it in from the static library; its constructor registers it
   * for every template below and for the pages and dialogs. */
  g_assert (cr_ui_get_resource () != NULL);
  g_type_ensure (CR_TYPE_WELCOME);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, title);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_menu);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, welcome_menu);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-record", "(sx)", edit_record_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "win.read-again", NULL, read_again_activated);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  for (guint i = 0; i <= G_N_ELEMENTS (list_pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-page", "s",
                                         i == 0 ? "overview" : list_pages[i - 1].entity->plural);
}

static void
cr_window_init (CrWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->pages = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (drop, "drop", G_CALLBACK (window_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  load_style (gtk_widget_get_display (GTK_WIDGET (self)));
  builder = gtk_builder_new_from_resource ("/org/casereel/ui/cr-shortcuts.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

CrWindow *
cr_window_new (GtkApplication *application,
               const char     *project_path)
{
  CrWindow *self = g_object_new (CR_TYPE_WINDOW, "application", application, NULL);

  if (project_path != NULL)
    cr_window_open_or_report (self, project_path, TRUE);
  return self;
}

gboolean
cr_window_open (CrWindow    *self,
                const char  *path,
                gboolean     create,
                GError     **error)
{
  g_autoptr(CrProduction) production = NULL;

  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);
  if (create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* The title starts as the file's name (the overview edits it); the default production
       * is called what the command line calls it. */
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *default_path = cr_cli_default_project ();
      char *dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
      production = cr_production_create (path, g_str_equal (path, default_path) ? CR_CLI_DEFAULT_TITLE : base, error);
    }
  else
    production = cr_production_open (path, error);
  if (production == NULL)
    return FALSE;

  clear_pages (self);
  g_clear_pointer (&self->deleted, cr_undo_delete_unref);
  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  g_set_object (&self->production, production);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (production, "read-failed", G_CALLBACK (production_read_failed_cb), self,
                           G_CONNECT_SWAPPED);
  build_pages (self);
  update_title (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), TRUE);
  /* The sidebar, and its menu as the one F10 opens, once there are pages to go to. */
  gtk_widget_set_visible (self->sidebar_pane, TRUE);
  gtk_widget_set_visible (self->sidebar_separator, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_menu), FALSE);
  gtk_menu_button_set_primary (self->welcome_menu, FALSE);
  gtk_menu_button_set_primary (self->sidebar_menu, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "production");
  cr_window_show_page (self, "overview");
  if (cr_db_get_read_only_reason (cr_production_get_db (production)))
    {
      g_autofree char *text = g_strdup_printf ("Opened read-only: %s",
                                               cr_db_get_read_only_reason (cr_production_get_db (production)));
      cr_window_add_toast (self, adw_toast_new (text));
    }
  cr_settings_remember (cr_production_get_path (production));
  return TRUE;
}

void
cr_window_open_or_report (CrWindow   *self,
                          const char *path,
                          gboolean    create)
{
  g_autoptr(GError) error = NULL;

  if (!cr_window_open (self, path, create, &error))
    cr_window_report (self, "Could Not Open Production", error);
}

void
cr_window_choose_open (CrWindow *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

void
cr_window_choose_new (CrWindow *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

void
cr_window_report (CrWindow     *self,
                  const char   *heading,
                  const GError *error)
{
  /* The store's reason, never SQLite's, as a sentence under the heading. */
  g_autofree char *words = cr_error_words_reason (error, FALSE);
  GtkWidget *dialog;

  words[0] = g_ascii_toupper (words[0]);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, words);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cr_window_add_toast (CrWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CR_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

CrProduction *
cr_window_get_production (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  return self->production;
}

void
cr_window_show_page (CrWindow   *self,
                     const char *name)
{
  g_return_if_fail (CR_IS_WINDOW (self));
  if (gtk_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->view_stack, name);
  /* Narrow, the page shows rather than the sidebar; Back leads to the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  /* Selecting the row shows the page too; the stack is set first for a hidden sidebar. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      if (g_str_equal (g_object_get_data (G_OBJECT (row), "cr-page"), name))
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
    }
}

void
cr_window_show_record (CrWindow   *self,
                       const char *name,
                       gint64      id)
{
  CrEntityPage *page;

  g_return_if_fail (CR_IS_WINDOW (self));
  cr_window_show_page (self, name);
  if (id > 0 && (page = cr_window_get_page (self, name)) != NULL)
    {
      /* A search that hides the record would leave nothing selected. */
      cr_entity_page_set_search (page, NULL);
      cr_entity_page_select (page, id);
    }
}

const char *
cr_window_get_page_name (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->view_stack);
}

CrEntityPage *
cr_window_get_page (CrWindow   *self,
                    const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  child = gtk_stack_get_child_by_name (self->view_stack, name);
  return list_of (child);
}

CrOverviewPage *
cr_window_get_overview (CrWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  child = gtk_stack_get_child_by_name (self->view_stack, "overview");
  return CR_IS_OVERVIEW_PAGE (child) ? CR_OVERVIEW_PAGE (child) : NULL;
}
