/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-detail.h"
#include "cr-clips-index.h"
#include "cr-clips-page-private.h"
#include "cr-error-words.h"
#include "cr-page.h"
#include "cr-settings.h"
#include "cr-store.h"
#include "cr-tell.h"
#include "cr-transcript-pane.h"

static void cr_clips_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrClipsPage, cr_clips_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_clips_page_page_init))

void
cr_clips_page_update_empty (CrClipsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gint64 total = cr_clip_model_get_total (self->model);
  g_autofree char *count = total ? g_strdup_printf (n == total ? (n > 1 ? "%u clips" : "%u clip") : "%u of %" G_GINT64_FORMAT, n, total)
                                 : g_strdup ("");

  gtk_label_set_text (self->count_label, count);
  if (n == 0 && total > 0)
    {
      adw_status_page_set_title (self->empty_page, "No Matching Clips");
      adw_status_page_set_description (self->empty_page, "Change the search or the filters to see more.");
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), FALSE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, "No Footage Yet");
      adw_status_page_set_description (self->empty_page,
                                       "Add the folder of a camera card or a sound recorder: its clips appear here as they are catalogued.");
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), TRUE);
    }
  if (n == 0)
    gtk_stack_set_visible_child_name (self->grid_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->grid_stack, gtk_toggle_button_get_active (self->list_button) ? "list" : "grid");
  /* Only the view chosen has the clips: a hidden view told of 100,000 clips coming and going
   * costs as much as the one shown (half of a search's turn on the main loop). */
  {
    gboolean list = gtk_toggle_button_get_active (self->list_button);

    if (list && gtk_column_view_get_model (self->list) == NULL)
      gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
    else if (!list && gtk_column_view_get_model (self->list) != NULL)
      gtk_column_view_set_model (self->list, NULL);
    if (!list && gtk_grid_view_get_model (self->grid) == NULL)
      gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));
    else if (list && gtk_grid_view_get_model (self->grid) != NULL)
      gtk_grid_view_set_model (self->grid, NULL);
  }
}

static void
filter_changed_cb (CrClipsPage *self)
{
  cr_clips_page_filter_changed (self);
}

static void
view_toggled_cb (CrClipsPage *self)
{
  GSettings *settings = cr_settings_get ();

  cr_clips_page_update_empty (self);
  if (settings != NULL)
    g_settings_set_string (settings, "clips-view", gtk_toggle_button_get_active (self->list_button) ? "list" : "grid");
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cr_clips_page_clear_filters (CR_CLIPS_PAGE (widget));
}

static void
production_changed_cb (CrClipsPage    *self,
                       const CrEntity *entity)
{
  /* No entity: another program wrote to the file; anything may have changed. */
  if (entity == NULL || entity == &cr_entity_interview || entity == &cr_entity_participant ||
      entity == &cr_entity_shot)
    {
      cr_clips_page_fill_filters (self);
      cr_clips_page_fill_tags (self);
      cr_clips_page_filter_changed (self);
    }
  /* Tags are written with their clips; the model reloads itself for those. */
  else if (entity == &cr_entity_clip && cr_clips_page_fill_tags (self))
    cr_clips_page_filter_changed (self);
}

static void selected_cb (CrClipsPage *self);

/* GtkSingleSelection looks for its row among all the new ones when the model changes (every
 * reload replaces them all), one read each: minutes over 100,000 clips. So the page lets go
 * of the row before the change and picks the same clip again after it, by id. */
static void
will_change_cb (CrClipsPage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (self->selection);

  self->keep_selected = row ? cr_row_get_id (row) : 0;
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reselecting = FALSE;
}

static void
items_changed_cb (CrClipsPage *self)
{
  gint64 position;

  /* The old clips gone, the new not yet in: showing "No Matching Clips" for that moment
   * would unmap the grid, and map it again at once. */
  if (cr_clip_model_is_replacing (self->model))
    return;
  position = self->keep_selected ? cr_clip_model_find (self->model, self->keep_selected) : -1;

  /* The same clip when it is still there, else the first, as an autoselecting list does. */
  if (position < 0 && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    position = 0;
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, (guint) position);
  else
    selected_cb (self);   /* nothing left to show in the pane */
  cr_clips_page_update_empty (self);
}

static void
selected_cb (CrClipsPage *self)
{
  CrRow *row;

  if (self->reselecting)
    return;   /* for a moment, while the list changes */
  row = gtk_single_selection_get_selected_item (self->selection);

  cr_clip_detail_fill (self->detail, self->production, row);
}

static gboolean
focus_player_cb (gpointer data)
{
  CrClipsPage *self = data;

  self->focus_idle = 0;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player"))
    gtk_widget_grab_focus (GTK_WIDGET (self->player));
  return G_SOURCE_REMOVE;
}

static void
grid_activate_cb (CrClipsPage *self,
                  guint        position)
{
  g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    return;
  if (!cr_clips_page_open_clip (self, cr_row_get_id (row), 0, &error))
    {
      cr_tell_error (GTK_WIDGET (self), "Could Not Open the Clip", error, "the clip");
      return;
    }
  /* A double-click activates from inside the cell's click handling, which then gives the
   * cell the focus, taking it from the player; with the grid hidden it falls to the header
   * bar, and Space opens the menu. The player takes the keyboard again once the events
   * waiting (the rest of the click) have been handled. */
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_player_cb, self);
}

static void
back_clicked_cb (CrClipsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_widget_grab_focus (gtk_toggle_button_get_active (self->list_button) ? GTK_WIDGET (self->list)
                                                                          : GTK_WIDGET (self->grid));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CrClipsPage *self = CR_CLIPS_PAGE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player"))
    return FALSE;
  back_clicked_cb (self);
  return TRUE;
}

/* Ctrl+T (import a transcript) reaches the transcript pane from the player, which holds
 * the keyboard. */
static gboolean
transcript_key_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  CrClipsPage *self = CR_CLIPS_PAGE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player"))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->transcript), "transcript.import", NULL);
}

/* The window's Ctrl+F, from anywhere: the search the page shows, the clips' beside the
 * grid, the transcript's beside the player (the clips' is hidden there). */
static void
page_focus_search (CrPage *page)
{
  CrClipsPage *self = CR_CLIPS_PAGE (page);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player"))
    gtk_widget_grab_focus (GTK_WIDGET (cr_transcript_pane_get_search (self->transcript)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cr_clips_page_page_init (CrPageInterface *iface)
{
  iface->focus_search = page_focus_search;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (cr_clip_card_new ()));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CrClipsPage              *self)
{
  cr_clip_card_bind (CR_CLIP_CARD (gtk_list_item_get_child (item)), self->production,
                     gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CrClipsPage              *self)
{
  cr_clip_card_bind (CR_CLIP_CARD (gtk_list_item_get_child (item)), self->production, NULL);
}

/* ---- indexing in the page ---- */

static char *
time_left (const CrIndexProgress *p,
           gint64                 elapsed_us)
{
  double rate;
  gint64 left;

  if (p->bytes_done == 0 || p->bytes_total <= p->bytes_done || elapsed_us < G_USEC_PER_SEC)
    return g_strdup ("");
  rate = (double) p->bytes_done / elapsed_us;
  left = (gint64) ((p->bytes_total - p->bytes_done) / rate / G_USEC_PER_SEC) + 1;
  if (left >= 120)
    return g_strdup_printf (" · about %" G_GINT64_FORMAT " minutes left", left / 60);
  return g_strdup_printf (" · about %" G_GINT64_FORMAT " s left", left);
}

static void
index_progress_cb (const CrIndexProgress *p,
                   gint64                 elapsed_us,
                   gpointer               user_data)
{
  CrClipsPage *self = user_data;
  g_autofree char *done = g_format_size (p->bytes_done);
  g_autofree char *total = g_format_size (p->bytes_total);
  g_autofree char *left = time_left (p, elapsed_us);
  g_autofree char *text = NULL;

  if (p->files_total == 0)
    text = g_strdup_printf ("Looking for media files… %u found", p->seen);
  else if (p->files_done == p->files_total && p->posters_total > p->posters_done)
    {
      /* Every file is catalogued and its clip shown; the poster frames are still being made. */
      text = g_strdup_printf ("Making poster frames: %u of %u", p->posters_done, p->posters_total);
      gtk_label_set_text (self->index_label, text);
      gtk_progress_bar_set_fraction (self->index_progress, (double) p->posters_done / p->posters_total);
      return;
    }
  else
    text = g_strdup_printf (p->files_total == 1 ? "Indexing %u of %u file · %s of %s%s" : "Indexing %u of %u files · %s of %s%s",
                            p->files_done, p->files_total, done, total, left);
  gtk_label_set_text (self->index_label, text);
  if (p->bytes_total > 0)
    gtk_progress_bar_set_fraction (self->index_progress, (double) p->bytes_done / p->bytes_total);
  else
    gtk_progress_bar_pulse (self->index_progress);
}

static void
index_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CrClipsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) failed = NULL;
  CrIndexProgress totals = { 0 };
  gboolean ok = cr_clips_index_finish (result, &totals, &failed, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_object (&self->indexing);
  gtk_revealer_set_reveal_child (self->index_bar, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clips.add-folder", TRUE);
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *words = cr_error_words_write (error, "the footage catalogue");
      g_string_append (text, words);
    }
  else if (failed && failed[0])
    {
      g_string_append_printf (text, "%u %s could not be read:", g_strv_length (failed),
                              g_strv_length (failed) == 1 ? "file" : "files");
      /* A handful by name; the Failed filter lists them all. */
      for (guint i = 0; failed[i] && i < 5; i++)
        g_string_append_printf (text, "\n%s", failed[i]);
      if (g_strv_length (failed) > 5)
        g_string_append (text, "\n… choose “Failed” to see them all");
    }
  gtk_label_set_text (self->failed_label, text->str);
  gtk_revealer_set_reveal_child (self->failed_bar, text->len > 0);
}

static void
stop_clicked_cb (CrClipsPage *self)
{
  cr_clips_page_stop_indexing (self);
}

static void
failed_closed_cb (CrClipsPage *self)
{
  gtk_revealer_set_reveal_child (self->failed_bar, FALSE);
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(CrClipsPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path)
        cr_clips_page_index_folder (self, path);
    }
  g_object_unref (dialog);
}

static void
add_folder_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new ("Add a Folder of Footage", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, "_Add", "_Cancel");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Folders dropped from Files are catalogued; files dropped are catalogued by their folder. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrClipsPage   *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      if (path == NULL)
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (folders, g_steal_pointer (&path));
      else
        g_ptr_array_add (folders, g_path_get_dirname (path));
    }
  if (folders->len == 0 || self->indexing != NULL)
    return FALSE;
  g_ptr_array_add (folders, NULL);
  cr_clips_page_index_folders (self, (const char * const *) folders->pdata);
  return TRUE;
}

static void
cr_clips_page_dispose (GObject *object)
{
  CrClipsPage *self = CR_CLIPS_PAGE (object);

  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  /* The drop-downs go one by one and say so; the filter is not worked out meanwhile. */
  self->filling = TRUE;
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  if (self->production)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CLIPS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->production);
  g_clear_pointer (&self->interview_ids, g_array_unref);
  g_clear_pointer (&self->participant_ids, g_array_unref);
  g_clear_pointer (&self->shot_ids, g_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  G_OBJECT_CLASS (cr_clips_page_parent_class)->dispose (object);
}

/* ---- the grid's columns ---- */

/* GtkGridView 4.8 keeps max-columns × 30 cells around what is shown (12 × 30 here, and more
 * around the selection), whatever fits: each made anew when the clips change, and a row of
 * new ones for each row scrolled in. So max-columns follows what fits. */
static gboolean
set_columns_cb (gpointer data)
{
  CrClipsPage *self = data;

  self->columns_idle = 0;
  gtk_grid_view_set_max_columns (self->grid, self->columns);
  return G_SOURCE_REMOVE;
}

static void
fit_columns (CrClipsPage *self)
{
  GtkWidget *grid = GTK_WIDGET (self->grid);
  int width = gtk_widget_get_width (grid);
  int cell_width = 0;
  guint columns;

  if (width <= 0 || !gtk_widget_get_mapped (grid))
    return;
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell; cell = gtk_widget_get_next_sibling (cell))
    if (g_strcmp0 (gtk_widget_get_css_name (cell), "child") == 0)
      {
        /* As GtkGridView counts its columns: its width over a cell's least width. */
        gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &cell_width, NULL, NULL, NULL);
        break;
      }
  if (cell_width <= 0)
    return;
  columns = CLAMP ((guint) (width / cell_width), 1, 12);
  if (columns == gtk_grid_view_get_max_columns (self->grid) && self->columns_idle == 0)
    return;
  self->columns = columns;
  /* Not while allocating: a new max-columns lays the grid out again. */
  if (self->columns_idle == 0)
    self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_columns_cb, self, NULL);
}

static void
cr_clips_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
cr_clips_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
  fit_columns (CR_CLIPS_PAGE (widget));
}

static void
cr_clips_page_class_init (CrClipsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_clips_page_dispose;
  widget_class->measure = cr_clips_page_measure;
  widget_class->size_allocate = cr_clips_page_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-clips-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, filters_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, interview_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, participant_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, shot_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, rating_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, chips_bar);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, chips);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, grid_button);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, list);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, player_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, player_title);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, failed_closed_cb);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, index_bar);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, index_progress);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, failed_bar);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, failed_label);
  gtk_widget_class_install_action (widget_class, "clips.add-folder", NULL, add_folder_activated);
  gtk_widget_class_install_action (widget_class, "clips.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, transcript_key_cb, NULL);
}

static void
cr_clips_page_init (CrClipsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->interview_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shot_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cr_clips_page_filters_init (self);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
}

CrClipsPage *
cr_clips_page_new (CrProduction *production)
{
  CrClipsPage *self = g_object_new (CR_TYPE_CLIPS_PAGE, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->production = g_object_ref (production);
  self->model = cr_clip_model_new (production);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  g_signal_connect_object (self->model, "will-change", G_CALLBACK (will_change_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));
  g_object_set_data (G_OBJECT (self), "cr-grid", self->grid);   /* for the benchmark's scrolling */
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  cr_clips_page_list_init (self);
  /* Grid or list, as the user left it. */
  {
    GSettings *settings = cr_settings_get ();
    g_autofree char *view = settings ? g_settings_get_string (settings, "clips-view") : NULL;

    if (g_strcmp0 (view, "list") == 0)
      gtk_toggle_button_set_active (self->list_button, TRUE);
  }

  self->player = cr_player_new (production);
  gtk_widget_set_vexpand (GTK_WIDGET (self->player), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->player), TRUE);
  /* What is said beside the picture. */
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    self->transcript = cr_transcript_pane_new (production, self->player);
    gtk_widget_set_size_request (GTK_WIDGET (self->transcript), 340, -1);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->player));
    gtk_box_append (GTK_BOX (row), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->transcript));
    gtk_widget_set_vexpand (row, TRUE);
    gtk_box_append (self->player_box, row);
  }

  /* The model was made with no filter, as the drop-downs stand: it need not look again. */
  cr_clips_page_fill_filters (self);
  cr_clips_page_show_chips (self);
  cr_clips_page_update_empty (self);
  selected_cb (self);
  return self;
}

CrClipModel *
cr_clips_page_get_model (CrClipsPage *self)
{
  return self->model;
}

void
cr_clips_page_select (CrClipsPage *self,
                      gint64       clip)
{
  gint64 position = cr_clip_model_find (self->model, clip);

  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, (guint) position);
}

gboolean
cr_clips_page_open_clip (CrClipsPage  *self,
                         gint64        clip,
                         gint64        frame,
                         GError      **error)
{
  g_autofree char *name = cr_store_label (cr_production_get_db (self->production), &cr_entity_clip, clip);

  if (!cr_player_open_clip (self->player, clip, error))
    return FALSE;
  gtk_label_set_text (self->player_title, name ? name : "");
  cr_transcript_pane_reload (self->transcript);
  cr_player_seek (self->player, frame);
  gtk_stack_set_visible_child_name (self->stack, "player");
  gtk_widget_grab_focus (GTK_WIDGET (self->player));
  return TRUE;
}

CrPlayer *
cr_clips_page_get_player (CrClipsPage *self)
{
  return self->player;
}

CrTranscriptPane *
cr_clips_page_get_transcript (CrClipsPage *self)
{
  return self->transcript;
}

char *
cr_clips_page_describe_detail (CrClipsPage *self)
{
  GString *s = g_string_new (NULL);
  GtkWidget *w = GTK_WIDGET (self->detail);
  GtkWidget *next;

  /* Depth-first over the pane: every shown label's text, in order. */
  while (w != NULL)
    {
      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w) && *gtk_label_get_text (GTK_LABEL (w)))
        g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      /* What is hidden is not read out: not the rows of facts a clip lacks. */
      if (gtk_widget_get_visible (w) && (next = gtk_widget_get_first_child (w)))
        {
          w = next;
          continue;
        }
      while (w != NULL && w != GTK_WIDGET (self->detail) && !gtk_widget_get_next_sibling (w))
        w = gtk_widget_get_parent (w);
      if (w == NULL || w == GTK_WIDGET (self->detail))
        break;
      w = gtk_widget_get_next_sibling (w);
    }
  return g_string_free (s, FALSE);
}

void
cr_clips_page_index_folders (CrClipsPage        *self,
                             const char * const *folders)
{
  g_return_if_fail (CR_IS_CLIPS_PAGE (self));
  if (self->indexing != NULL)
    return;   /* one run at a time: Add Folder is disabled meanwhile */
  self->indexing = g_cancellable_new ();
  gtk_label_set_text (self->index_label, "Looking for media files…");
  gtk_progress_bar_set_fraction (self->index_progress, 0);
  gtk_revealer_set_reveal_child (self->index_bar, TRUE);
  gtk_revealer_set_reveal_child (self->failed_bar, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clips.add-folder", FALSE);
  cr_clips_index_async (self->production, folders, index_progress_cb, self, self->indexing, index_done_cb,
                        g_object_ref (self));
}

void
cr_clips_page_index_folder (CrClipsPage *self,
                            const char  *folder)
{
  const char *folders[] = { folder, NULL };

  cr_clips_page_index_folders (self, folders);
}

void
cr_clips_page_stop_indexing (CrClipsPage *self)
{
  g_cancellable_cancel (self->indexing);
}

gboolean
cr_clips_page_is_indexing (CrClipsPage *self)
{
  return self->indexing != NULL;
}

const char *
cr_clips_page_get_failed_text (CrClipsPage *self)
{
  return gtk_revealer_get_reveal_child (self->failed_bar) ? gtk_label_get_text (self->failed_label) : NULL;
}
