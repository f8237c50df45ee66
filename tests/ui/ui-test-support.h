/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window tests share: waiting for the window to draw, finding a widget, and saving
 * what is on screen as a PNG to look at. Nothing here waits on the clock: a busy machine only
 * makes a test slower, and meson's timeout stops one that hangs. */

#include <adwaita.h>
#include <string.h>

static gboolean
cr_ui_count_frame_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Runs everything that is ready, without blocking. */
static inline void
cr_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @widget has drawn @frames frames, then whatever is ready. */
static inline void
cr_ui_wait_for_frames (GtkWidget *widget,
                       guint      frames)
{
  guint count = 0;
  guint id = gtk_widget_add_tick_callback (widget, cr_ui_count_frame_cb, &count, NULL);

  /* Polled rather than blocking: a blocking iteration was seen to sleep through the frames of
   * a window whose player had just stopped. */
  while (count < frames)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  gtk_widget_remove_tick_callback (widget, id);
  cr_ui_iterate ();
}

/* Runs the main loop until @done says so. */
static inline void
cr_ui_wait_until (gboolean (*done) (gpointer),
                  gpointer   data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget of @type at or below @root, depth first. */
static inline GtkWidget *
cr_ui_find_widget (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cr_ui_find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The first widget under @root (depth first, @root itself included) that @match takes. */
static inline GtkWidget *
cr_ui_find_where (GtkWidget     *root,
                  gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                  gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cr_ui_find_where (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static inline gboolean
cr_ui_is_sidebar_row (GtkWidget     *widget,
                      gconstpointer  page)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "cr-page"), page) == 0;
}

/* The window sidebar's row for the page called @page, or NULL. */
static inline GtkWidget *
cr_ui_find_sidebar_row (GtkWidget  *root,
                        const char *page)
{
  return cr_ui_find_where (root, cr_ui_is_sidebar_row, page);
}

/* A button or menu button whose label is this (mnemonic included). */
static inline gboolean
cr_ui_is_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0) ||
         (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0);
}

/* The first such button under @root, or NULL. */
static inline GtkWidget *
cr_ui_find_button (GtkWidget  *root,
                   const char *label)
{
  return cr_ui_find_where (root, cr_ui_is_button_labelled, label);
}

/* @widget as drawn, saved as @name in the test build folder (G_TEST_BUILDDIR). */
static inline void
cr_ui_save_png (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir ? dir : ".", name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = 0, height = 0;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A widget between two layouts (a dialog still being sized, on a loaded machine) can
   * draw nothing for a frame: drawn again at the next one, a few times at most. */
  for (guint tries = 0; node == NULL && tries < 30; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        {
          g_assert_true (gtk_widget_get_mapped (widget));
          cr_ui_wait_for_frames (widget, 1);
        }
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  if (node == NULL)
    g_error ("%s: the widget drew nothing in 30 frames (%d × %d)", name, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Opens @button's popover and keeps it open while the test looks at it. The tests share one
 * X display, two at a time: another test's window taking the focus would close a popover
 * that hides itself when its window loses the focus, as every menu's popover does. */
static inline GtkPopover *
cr_ui_popup (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover)
    gtk_popover_set_autohide (popover, FALSE);
  gtk_menu_button_popup (button);
  return gtk_menu_button_get_popover (button);
}

/* A key as the widget's own key bindings take it: the binding for that key and modifiers
 * is looked up in the class's shortcuts and run, as a key press would run it; nothing else
 * runs (no frame, no clock), so a test sees exactly what the key did. */
static inline void
cr_ui_press_only (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;
          found = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (found);
}

/* A key as above, then whatever is ready runs. */
static inline void
cr_ui_press (GtkWidget       *widget,
             guint            keyval,
             GdkModifierType  modifiers)
{
  cr_ui_press_only (widget, keyval, modifiers);
  cr_ui_iterate ();
}

/* Runs the first of @widget's local shortcuts in @phase that takes the key. */
static inline gboolean
cr_ui_shortcuts_take (GtkWidget        *widget,
                      GtkPropagationPhase phase,
                      guint             keyval,
                      GdkModifierType   modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* A key pressed with the keyboard focus on @focus, as GTK delivers it to shortcuts: down
 * from the window in the capture phase, then up from @focus to the window, the first
 * shortcut that takes it ending the walk. Unlike cr_ui_press (), a key bound on a widget
 * that is not an ancestor of @focus is not reached, as with a real key press; then
 * whatever is ready runs. Whether anything took the key. */
static inline gboolean
cr_ui_press_in (GtkWidget       *focus,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean taken = FALSE;

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; !taken && i-- > 0;)
    taken = cr_ui_shortcuts_take (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, keyval, modifiers);
  for (guint i = 0; !taken && i < chain->len; i++)
    taken = cr_ui_shortcuts_take (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, modifiers);
  cr_ui_iterate ();
  return taken;
}

/* The window's own target for files dropped from a file manager, and a drop on it of these
 * paths; whether it took them. */
static inline gboolean
cr_ui_drop_files (GtkWidget          *window,
                  const char * const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                GDK_TYPE_FILE_LIST))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  for (guint i = 0; paths[i]; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_value_unset (&value);
  return accepted;
}

/* The form row (an AdwPreferencesRow) under @root with this title, or NULL. */
static inline GtkWidget *
cr_ui_find_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cr_ui_find_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

/* The question (an AdwMessageDialog) shown with this heading, or NULL. */
static inline GtkWindow *
cr_ui_find_question (const char *heading)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* Answers a question as its button does: the response, then the question closes. */
static inline void
cr_ui_answer (GtkWindow  *ask,
              const char *response)
{
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (ask), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), response);
  gtk_window_close (ask);
}

/* The production as the sqlite3 program sees it (one table, or all when @table is NULL), to
 * prove that nothing was written. */
static inline char *
cr_ui_dump (const char *path,
            const char *table)
{
  g_autofree char *command = g_strdup_printf (".dump%s%s", table ? " " : "", table ? table : "");
  g_autofree char *created = g_strdup_printf ("CREATE TABLE %s", table ? table : "participant");
  const char *argv[] = { "sqlite3", "-readonly", path, command, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, created));
  return g_steal_pointer (&out);
}
