/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-clips-page.h"
#include "cr-column-sort.h"
#include "cr-cuts-page.h"
#include "cr-error-words.h"
#include "cr-page.h"
#include "cr-selects-page.h"
#include "cr-store.h"

struct _CrSelectsPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkWidget          *open_button;
  GtkMenuButton      *add_to_cut_button;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkColumnView      *table;

  /* owned */
  CrProduction       *production;
  CrStoreModel       *model;
  GtkSingleSelection *selection;
  GtkWidget          *editing;   /* the In or Out cell being typed in (weak), or NULL */
};

static void cr_selects_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrSelectsPage, cr_selects_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_selects_page_page_init))

typedef enum
{
  COLUMN_CLIP,
  COLUMN_LABEL,
  COLUMN_IN,
  COLUMN_OUT,
  COLUMN_DURATION,
  COLUMN_QUESTION,
  COLUMN_PEOPLE,
} Column;

/* Each column sorts as it reads: names in natural order, In and Out by the time their
 * timecode says, Duration by length. */
static const struct
{
  const char *title;
  gboolean    expand;
  const char *sort;
} columns[] = {
  { "Clip", FALSE, "clip" }, { "Label", TRUE, "label" }, { "In", FALSE, "in_time" }, { "Out", FALSE, "out_time" },
  { "Duration", FALSE, "duration" }, { "Question", TRUE, "question" }, { "People", FALSE, "participants" },
};

static void
update_state (CrSelectsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = n ? g_strdup_printf ("%u", n) : g_strdup ("");

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) ? "table" : "empty");
  gtk_widget_set_sensitive (self->open_button, gtk_single_selection_get_selected_item (self->selection) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_to_cut_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

/* ---- to a cut: "Add to Cut", or a drag onto the Cuts page or its row in the sidebar ---- */

/* The cuts, by name, each an item of the Add to Cut menu. */
static void
fill_cut_menu (CrSelectsPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GPtrArray) cuts = cr_store_list (cr_production_get_db (self->production), &cr_entity_cut, NULL, NULL);

  for (guint i = 0; cuts && i < cuts->len; i++)
    {
      const CrRecord *cut = g_ptr_array_index (cuts, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (cr_record_get (cut, "name"), NULL);

      g_menu_item_set_action_and_target_value (item, "selects.add-to-cut", g_variant_new_int64 (cut->id));
      g_menu_append_item (menu, item);
    }
  if (cuts == NULL || cuts->len == 0)
    g_menu_append (menu, "No cuts yet: make one on the Cuts page", "selects.no-cut");
  gtk_menu_button_set_menu_model (self->add_to_cut_button, G_MENU_MODEL (menu));
}

static void
production_changed_cb (CrSelectsPage  *self,
                       const CrEntity *entity)
{
  if (entity == NULL || entity == &cr_entity_cut)
    fill_cut_menu (self);
}

gboolean
cr_selects_page_add_to_cut (CrSelectsPage  *self,
                            gint64          cut,
                            GError        **error)
{
  CrRow *row = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *cuts = GTK_IS_STACK (stack) ? gtk_stack_get_child_by_name (GTK_STACK (stack), "cuts") : NULL;
  gint64 id = row ? cr_row_get_id (row) : 0;

  if (id <= 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "select: choose one in the list first");
      return FALSE;
    }
  if (!CR_IS_CUTS_PAGE (cuts))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: the Cuts page is not open");
      return FALSE;
    }
  if (!cr_cuts_page_add_selects (CR_CUTS_PAGE (cuts), cut, &id, 1, error))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "cuts");
  return TRUE;
}

static void
add_to_cut_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrSelectsPage *self = CR_SELECTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!cr_selects_page_add_to_cut (self, g_variant_get_int64 (parameter), &error))
    {
      /* As the forms say it: never SQLite's words. */
      g_autofree char *words = cr_error_words (&cr_entity_event, error);
      gtk_label_set_text (self->error_label, words);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

GdkContentProvider *
cr_selects_page_drag_content (CrSelectsPage *self,
                              guint          position)
{
  g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row == NULL || cr_row_get_id (row) <= 0)
    return NULL;
  /* A select travels as its id (gint64); the cut events' own drags carry a guint. */
  return gdk_content_provider_new_typed (G_TYPE_INT64, cr_row_get_id (row));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  CrSelectsPage *self = g_object_get_data (G_OBJECT (source), "cr-page");

  return cr_selects_page_drag_content (self, gtk_list_item_get_position (item));
}

static void
search_changed_cb (CrSelectsPage *self)
{
  cr_store_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
open_row (CrSelectsPage *self,
          CrRow         *row)
{
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  const CrRecord *select = cr_row_get_record (row);
  GtkWidget *clips = GTK_IS_STACK (stack) ? gtk_stack_get_child_by_name (GTK_STACK (stack), "clips") : NULL;
  g_autoptr(GError) error = NULL;

  if (!CR_IS_CLIPS_PAGE (clips))
    return;
  if (!cr_clips_page_open_clip (CR_CLIPS_PAGE (clips), cr_record_get_int (select, "clip", 0),
                                cr_record_get_int (select, "in_frame", 0), &error))
    {
      g_autofree char *words = cr_error_words_read (error, "the clip");

      gtk_label_set_text (self->error_label, words);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  /* The select's range is the one marked, to play it, trim it or save it again. */
  cr_player_set_range (cr_clips_page_get_player (CR_CLIPS_PAGE (clips)), cr_record_get_int (select, "in_frame", 0),
                       cr_record_get_int (select, "out_frame", 0));
  /* Through the window, so that its sidebar follows. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "clips");
  gtk_widget_grab_focus (GTK_WIDGET (cr_clips_page_get_player (CR_CLIPS_PAGE (clips))));
}

static void
open_clicked_cb (CrSelectsPage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row)
    open_row (self, row);
}

static void
row_activate_cb (CrSelectsPage *self,
                 guint          position)
{
  g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  /* The second click of a double-click on an In or Out cell: the first began the edit, and
   * opening the clip would leave the page with what is being typed. */
  if (self->editing != NULL &&
      gtk_list_item_get_position (g_object_get_data (G_OBJECT (self->editing), "cr-item")) == position)
    return;
  if (row)
    open_row (self, row);
}

gboolean
cr_selects_page_set_point (CrSelectsPage  *self,
                           gint64          select,
                           gboolean        out,
                           const char     *text,
                           GError        **error)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(CrRecord) record = cr_store_get (db, &cr_entity_select, select, error);
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_select);
  gint64 clip, frames;

  if (record == NULL)
    return FALSE;
  clip = cr_record_get_int (record, "clip", 0);
  if (!cr_clip_parse_point (db, clip, text, &frames, error))
    {
      g_prefix_error (error, "select %s: ", out ? "out_frame" : "in_frame");
      return FALSE;
    }
  /* Refused in the clip's timecode, as the table shows the points, not in the store's frames. */
  if (!cr_clip_check_range (db, clip, out ? cr_record_get_int (record, "in_frame", 0) : frames,
                            out ? frames : cr_record_get_int (record, "out_frame", 0), out, error))
    return FALSE;
  cr_record_take (changes, out ? "out_frame" : "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, frames));
  if (!cr_store_update (db, &cr_entity_select, select, changes, error))
    return FALSE;
  cr_production_changed (self->production, &cr_entity_select);
  return TRUE;
}

static char *
cell_text (CrSelectsPage *self,
           CrRow         *row,
           Column         column)
{
  CrDb *db = cr_production_get_db (self->production);
  const CrRecord *r = cr_row_get_record (row);
  gint64 clip = cr_record_get_int (r, "clip", 0);
  gint64 in = cr_record_get_int (r, "in_frame", 0), out = cr_record_get_int (r, "out_frame", 0);

  switch (column)
    {
    case COLUMN_CLIP:
      return g_strdup (cr_row_get_display (row, "clip"));
    case COLUMN_LABEL:
      return g_strdup (cr_row_get_display (row, "label"));
    case COLUMN_IN:
      return cr_clip_format_position (db, clip, in);
    case COLUMN_OUT:
      return cr_clip_format_position (db, clip, out);
    case COLUMN_DURATION:
      {
        CrTimecodeFormat fmt = { { 25, 1 }, FALSE };
        cr_clip_rate (db, clip, &fmt.rate.num, &fmt.rate.den);
        return cr_timecode_to_string (out - in, &fmt);
      }
    case COLUMN_QUESTION:
      return g_strdup (cr_row_get_display (row, "question"));
    case COLUMN_PEOPLE:
    default:
      return g_strdup (cr_row_get_display (row, "participants"));
    }
}

static void
point_edited_cb (GtkEditableLabel *label,
                 GParamSpec       *pspec,
                 CrSelectsPage    *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "cr-select"));
  gboolean out = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cr-out"));
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label))
    {
      g_set_weak_pointer (&self->editing, GTK_WIDGET (label));
      return;
    }
  if (self->editing == GTK_WIDGET (label))
    g_clear_weak_pointer (&self->editing);
  if (id == 0)
    return;
  /* Escape puts the text shown back, and so does Enter on an untouched cell: nothing to write. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), g_object_get_data (G_OBJECT (label), "cr-shown")) == 0)
    return;
  if (!cr_selects_page_set_point (self, id, out, gtk_editable_get_text (GTK_EDITABLE (label)), &error))
    {
      /* The points as the table's columns call them. */
      static const char * const points[] = { "in_frame", "In", "out_frame", "Out", NULL };
      g_autofree char *words = cr_error_words_line (&cr_entity_select, error, points);
      gtk_label_set_text (self->error_label, words);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      cr_store_model_reload (self->model);   /* puts the old text back */
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
keep_cell_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's GtkEditableLabel looks at its focus controller 100 ms after the focus leaves it,
 * without holding it (later GTK removes that timeout on dispose): a cell destroyed meanwhile
 * (the table reloads after each edit and makes its cells again; the window closed) left it
 * reading freed memory. The cell is held until that look is over: timeouts due in order run
 * in order. */
static void
cell_focus_left_cb (GtkEventController *controller,
                    GtkWidget          *cell)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, 250, keep_cell_cb, g_object_ref (cell), g_object_unref);
}

static void
hold_cell_after_focus (GtkWidget *cell)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        g_signal_connect (controller, "leave", G_CALLBACK (cell_focus_left_cb), cell);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CrSelectsPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cr-column"));
  GtkWidget *child;

  if (column == COLUMN_IN || column == COLUMN_OUT)
    {
      child = gtk_editable_label_new ("");
      gtk_widget_add_css_class (child, "numeric");
      gtk_widget_set_tooltip_text (child, "Type the clip's timecode, a frame number or seconds (12.5s)");
      g_object_set_data (G_OBJECT (child), "cr-out", GINT_TO_POINTER (column == COLUMN_OUT));
      g_object_set_data (G_OBJECT (child), "cr-item", item);
      g_signal_connect (child, "notify::editing", G_CALLBACK (point_edited_cb), self);
      hold_cell_after_focus (child);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_DURATION)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
  if (!GTK_IS_EDITABLE_LABEL (child))
    {
      GtkDragSource *drag = gtk_drag_source_new ();

      gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
      g_object_set_data (G_OBJECT (drag), "cr-page", self);
      g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), item);
      gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (drag));
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CrSelectsPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cr-column"));
  CrRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, row, column);

  if (GTK_IS_EDITABLE_LABEL (child))
    {
      /* No id while the text is set, so that binding is not taken for an edit. */
      g_object_set_data (G_OBJECT (child), "cr-select", NULL);
      gtk_editable_set_text (GTK_EDITABLE (child), text);
      g_object_set_data_full (G_OBJECT (child), "cr-shown", g_strdup (text), g_free);
      g_object_set_data (G_OBJECT (child), "cr-select", GSIZE_TO_POINTER ((gsize) cr_row_get_id (row)));
    }
  else
    gtk_label_set_text (GTK_LABEL (child), text);
}

static void
cr_selects_page_dispose (GObject *object)
{
  CrSelectsPage *self = CR_SELECTS_PAGE (object);

  g_clear_weak_pointer (&self->editing);
  /* Taking the columns out changes the view's sort: the model must not reload for it. */
  if (self->model)
    cr_column_sort_stop (self->table, self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_SELECTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_selects_page_parent_class)->dispose (object);
}

static void
page_focus_search (CrPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (CR_SELECTS_PAGE (page)->search_entry));
}

static void
cr_selects_page_page_init (CrPageInterface *iface)
{
  iface->focus_search = page_focus_search;
}

static void
cr_selects_page_class_init (CrSelectsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_selects_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-selects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, box);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, add_to_cut_button);
  gtk_widget_class_install_action (widget_class, "selects.add-to-cut", "x", add_to_cut_activated);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrSelectsPage, table);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);
}

static void
cr_selects_page_init (CrSelectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrSelectsPage *
cr_selects_page_new (CrProduction *production)
{
  CrSelectsPage *self = g_object_new (CR_TYPE_SELECTS_PAGE, NULL);

  self->production = g_object_ref (production);
  self->model = cr_store_model_new (production, &cr_entity_select);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "cr-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      column = gtk_column_view_column_new (columns[i].title, g_object_ref (factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      cr_column_sort_add (column, columns[i].sort);
      gtk_column_view_append_column (self->table, column);
    }
  cr_column_sort_follow (self->table, self->model);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  fill_cut_menu (self);
  update_state (self);
  return self;
}

CrStoreModel *
cr_selects_page_get_model (CrSelectsPage *self)
{
  return self->model;
}

GtkSingleSelection *
cr_selects_page_get_selection (CrSelectsPage *self)
{
  return self->selection;
}
