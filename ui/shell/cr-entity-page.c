/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-entity-page"

#include "config.h"

#include "cr-cell-text.h"
#include "cr-column-sort.h"
#include "cr-consent-words.h"
#include "cr-entity-page.h"
#include "cr-page.h"
#include "cr-tell.h"
#include "cr-words.h"

struct _CrEntityPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget         *toolbar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkButton         *consent_button;
  GtkButton         *add_button;
  AdwButtonContent  *add_content;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkButton         *empty_add_button;

  /* borrowed */
  const CrEntity    *entity;

  /* owned */
  CrProduction      *production;
  CrStoreModel      *model;
  GtkSingleSelection *selection;
  gint64             reselect;   /* the row selected when the model began to reload */
  gboolean           scroll_top; /* a typed search is under way: its rows show from the top */
};

static void cr_entity_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrEntityPage, cr_entity_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_entity_page_page_init))

enum
{
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which fields a table shows and how wide. Columns that expand share what is left and
 * never get narrower than their width; "consent" is not a field but the participant's
 * current consent. */
typedef struct
{
  const char *field;
  int         width;
  gboolean    expand;
} Column;

typedef struct
{
  const CrEntity *entity;
  Column          columns[8];
  const char     *icon;
  const char     *empty;
} Table;

#define EXPAND TRUE

static const Table tables[] = {
  { &cr_entity_participant,
    /* Consent next to the name: it is what a producer checks, and the People page's side
     * panel leaves the table some 600 px of a 1180 px window. */
    { { "name", 150, EXPAND }, { "consent", 170 }, { "role", 130, EXPAND }, { "organisation", 160 },
      { "kind", 90 } },
    "system-users-symbolic", "Add the people who appear in the film, the crew and the contacts who help" },
  { &cr_entity_interview,
    { { "title", 220, EXPAND }, { "start", 150 }, { "location", 180 }, { "participants", 200, EXPAND },
      { "status", 110 } },
    "x-office-calendar-symbolic", "Schedule a session: when, where, and who is interviewed" },
  { &cr_entity_shot,
    { { "number", 70 }, { "description", 220, EXPAND }, { "type", 110 }, { "size", 70 }, { "location", 170 },
      { "duration", 80 }, { "priority", 90 }, { "status", 100 } },
    "camera-video-symbolic", "Plan the shots the story needs, in the order they will be cut" },
  { &cr_entity_location,
    { { "name", 200, EXPAND }, { "contact", 180, EXPAND }, { "contact_phone", 150 }, { "time_zone", 150 },
      { "release_status", 130 } },
    "mark-location-symbolic", "Add the places where you will film, with access notes and a contact" },
  { &cr_entity_question,
    { { "text", 300, EXPAND }, { "topic", 200 } },
    "dialog-question-symbolic", "Write the questions the interviews will ask, in order" },
  { &cr_entity_clip,
    { { "name", 260, EXPAND }, { "status", 80 }, { "tc_start", 110 }, { "frame_rate", 100 }, { "video_codec", 90 },
      { "rating", 60 }, { "interview", 180 }, { "error", 200, EXPAND } },
    "folder-videos-symbolic", "Add the folders from the camera cards and the sound recorder" },
  { &cr_entity_select,
    { { "label", 220, EXPAND }, { "clip", 220 }, { "question", 200, EXPAND }, { "participants", 180 },
      { "rating", 60 } },
    "starred-symbolic", "Mark the moments worth keeping in the clips" },
  { &cr_entity_cut,
    { { "name", 240, EXPAND }, { "frame_rate", 110 }, { "width", 80 }, { "height", 80 }, { "record_start", 120 } },
    "view-list-symbolic", "String the selects together into a rough cut" },
};

static const Table *
find_table (const CrEntity *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].entity == entity)
      return &tables[i];
  return NULL;
}

/* ---- cells ---- */

/* What a cell keeps: its column's field or page, set once when made, and its handler on the
 * row while bound. Quarks, not names: a scroll binds some 700 cells a frame. */
static G_DEFINE_QUARK (cr-cell-field, cell_field)
static G_DEFINE_QUARK (cr-cell-page, cell_page)
static G_DEFINE_QUARK (cr-cell-following, cell_following)

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CrField            *field)
{
  g_object_set_qdata (G_OBJECT (item), cell_field_quark (), (gpointer) field);
  gtk_list_item_set_child (item, cr_cell_text_new ());
}

static void
show_text (GtkListItem *item)
{
  CrRow *row = gtk_list_item_get_item (item);
  const CrField *field = g_object_get_qdata (G_OBJECT (item), cell_field_quark ());
  g_autofree char *text = cr_words_value (field, cr_row_get_display (row, field->name));

  cr_cell_text_set_text (CR_CELL_TEXT (gtk_list_item_get_child (item)), text);
}

/* A cell follows its row's changes while bound (the model refills the rows on screen when
 * it reloads). A plain handler, kept on the cell and taken off at unbind, which GTK always
 * emits before a cell goes: a scroll binds and unbinds some 700 cells a frame, and with a
 * handler held by weak reference, names for quarks and the CSS classes set again each
 * time, that took 3.8-4.4 us a cell (3.0-3.2 now). */
static void
follow_row (GtkListItem *item,
            GCallback    show)
{
  gulong id = g_signal_connect_swapped (gtk_list_item_get_item (item), "changed", show, item);

  g_object_set_qdata (G_OBJECT (item), cell_following_quark (), GSIZE_TO_POINTER (id));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CrField            *field)
{
  show_text (item);
  follow_row (item, G_CALLBACK (show_text));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_steal_qdata (G_OBJECT (item), cell_following_quark ()));

  if (id != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), id);
}

static gboolean
consent_tooltip_cb (GtkListItem *item,
                    int          x,
                    int          y,
                    gboolean     keyboard,
                    GtkTooltip  *tooltip)
{
  CrEntityPage *self = g_object_get_qdata (G_OBJECT (item), cell_page_quark ());
  CrRow *row = gtk_list_item_get_item (item);
  const CrConsentState *state;
  g_autofree char *details = NULL;

  if (self == NULL || row == NULL || cr_row_get_id (row) <= 0 ||
      !(state = cr_store_model_get_consent (self->model, cr_row_get_id (row), NULL)))
    return FALSE;
  details = cr_words_consent_details (state);
  gtk_tooltip_set_text (tooltip, details);
  return TRUE;
}

static void
consent_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CrEntityPage             *self)
{
  GtkWidget *cell = cr_cell_text_new ();

  g_object_set_qdata (G_OBJECT (item), cell_page_quark (), self);
  /* The details are worked out when the pointer asks: setting a tooltip's text asks the X
   * server where the pointer is, a round trip per row bound. */
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (consent_tooltip_cb), item, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, cell);
}

/* The badge's tone is a colour, not a style class: a class changed as a row is bound to
 * another person restyled the cell, its 11,754 styles in a scroll to the end of 10,000
 * people computed anew where a plain table computes 34. */
static void
show_consent (GtkListItem *item)
{
  CrEntityPage *self = g_object_get_qdata (G_OBJECT (item), cell_page_quark ());
  CrRow *row = gtk_list_item_get_item (item);
  CrConsentStanding standing = CR_CONSENT_STANDING_MISSING;
  const CrConsentState *state = NULL;
  g_autofree char *words = NULL;
  const char *style = NULL;

  /* From the model's one read of everyone's consent: nothing is worked out per row. */
  if (cr_row_get_id (row) > 0)
    state = cr_store_model_get_consent (self->model, cr_row_get_id (row), &standing);
  if (state != NULL)
    words = cr_consent_words (state, standing, &style);
  cr_cell_text_set (CR_CELL_TEXT (gtk_list_item_get_child (item)), words, cr_cell_tone_for_style (style));
}

static void
consent_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CrEntityPage             *self)
{
  show_consent (item);
  follow_row (item, G_CALLBACK (show_consent));
}

static GtkColumnViewColumn *
add_column (CrEntityPage  *self,
            const Column  *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  const CrField *field = cr_entity_find_field (self->entity, column->field);
  g_autofree char *title = NULL;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  gboolean sortable = FALSE;

  if (field != NULL)
    {
      title = cr_words_field (field);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer) field);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) field);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
      /* Notes are sorted by nobody; everything else a table shows is. */
      if (field->type != CR_FIELD_NOTE)
        sortable = TRUE;
    }
  else
    {
      title = g_strdup ("Consent");
      g_signal_connect (factory, "setup", G_CALLBACK (consent_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (consent_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
      sortable = self->entity == &cr_entity_participant;
    }
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, column->width);
  gtk_column_view_column_set_expand (view_column, column->expand);
  if (sortable)
    cr_column_sort_add (view_column, field ? field->name : "consent");
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/* Lists kept in name order start sorted by name, in natural order, with the header showing
 * it; lists with an order of their own (shots, questions, the schedule) keep it. */
static void
sort_by_label (CrEntityPage        *self,
               GtkColumnViewColumn *column,
               const char          *field)
{
  if (g_str_equal (field, self->entity->label) && g_str_has_prefix (self->entity->order_by, self->entity->label))
    gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_ASCENDING);
}

static void
add_columns (CrEntityPage *self)
{
  const Table *table = find_table (self->entity);

  if (table != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (table->columns) && table->columns[i].field; i++)
        sort_by_label (self, add_column (self, &table->columns[i]), table->columns[i].field);
      return;
    }
  /* Any other entity: its name, then what it is and where it points. */
  for (guint i = 0; i < self->entity->n_fields; i++)
    {
      const CrField *f = &self->entity->fields[i];
      gboolean label = g_str_equal (f->name, self->entity->label);
      Column column = { f->name, label ? 200 : 160, label };

      if (label || f->type == CR_FIELD_ENUM || f->type == CR_FIELD_REF || f->type == CR_FIELD_DATETIME)
        sort_by_label (self, add_column (self, &column), f->name);
    }
}

/* ---- state ---- */

static void
update_state (CrEntityPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *search = cr_store_model_get_search (self->model);
  g_autofree char *count = g_strdup_printf ("%u found", n);

  /* The sidebar counts the whole list; a search says how many it found. */
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), search != NULL);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, search ? "no-results" : "empty");
  /* An empty list has its own Add button and nothing to search. */
  gtk_widget_set_visible (self->toolbar, n > 0 || search != NULL);
}

static void
scroll_to_top (CrEntityPage *self)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}

static void
reloading_cb (CrEntityPage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (self->selection);

  self->reselect = row ? cr_row_get_id (row) : 0;
  if (row != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* A typed search's answer shows from the top, scrolled there before its rows change:
   * GTK 4.8 then moves the rows it has to the top. Scrolled after, a list that was past
   * the answer's end first went to that end, reading and binding rows nobody saw. */
  if (self->scroll_top)
    {
      self->scroll_top = FALSE;
      scroll_to_top (self);
    }
}

/* The rows on screen, worked out from the scroll position (the rows are all as tall): `n`
 * from `first`, or none when the list is not laid out yet. */
static void
rows_on_screen (CrEntityPage *self,
                guint        *first,
                guint        *n)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->column_view));
  GtkAdjustment *adj = GTK_IS_SCROLLED_WINDOW (scroller)
                         ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  double upper = adj ? gtk_adjustment_get_upper (adj) : 0;

  *first = *n = 0;
  if (upper <= 0 || n_items == 0)
    return;
  *first = (guint) (gtk_adjustment_get_value (adj) / upper * n_items);
  *n = (guint) (gtk_adjustment_get_page_size (adj) / upper * n_items) + 2;
}

/* The model refills the rows on screen first when an answer comes. */
static void
shown_changed_cb (CrEntityPage *self)
{
  guint first, n;

  rows_on_screen (self, &first, &n);
  cr_store_model_set_shown (self->model, first, n);
}

/* A search's answer is shown from the top: those rows are refilled first. */
static void
shown_from_top (CrEntityPage *self)
{
  guint first, n;

  rows_on_screen (self, &first, &n);
  cr_store_model_set_shown (self->model, 0, n);
}

/* Drawn with the rows on screen: the others the list holds are refilled now. */
static void
answer_drawn_cb (GdkFrameClock *clock,
                 CrEntityPage  *self)
{
  g_signal_handlers_disconnect_by_func (clock, answer_drawn_cb, self);
  cr_store_model_refill_rest (self->model);
}

static void
reloaded_cb (CrEntityPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL && cr_store_model_has_rest (self->model))
    {
      g_signal_handlers_disconnect_by_func (clock, answer_drawn_cb, self);
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (answer_drawn_cb), self, 0);
    }
  /* The row that was selected, found by id in the fresh list (one lookup in its ids). */
  if (self->reselect > 0)
    {
      gint64 position = cr_store_model_find (self->model, self->reselect);

      self->reselect = 0;
      if (position >= 0)
        gtk_single_selection_set_selected (self->selection, (guint) position);
    }
  update_state (self);
}

static void
selection_changed_cb (CrEntityPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

/* ---- editors ---- */

static void
editor_saved_cb (CrEntityPage   *self,
                 gint64          id,
                 CrRecordEditor *editor)
{
  if (cr_record_editor_get_entity (editor) == self->entity)
    cr_entity_page_select (self, id);
  g_signal_emit (self, signals[SAVED], 0, cr_record_editor_get_entity (editor), id);
}

static void
editor_deleted_cb (CrEntityPage   *self,
                   gpointer        undo,
                   CrRecordEditor *editor)
{
  g_signal_emit (self, signals[DELETED], 0, undo);
}

static CrRecordEditor *
open_editor (CrEntityPage   *self,
             const CrEntity *entity,
             gint64          id)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;
  CrRecordEditor *editor = cr_record_editor_new (parent, self->production, entity, id, &error);

  if (editor == NULL)
    {
      cr_tell_unopened (GTK_WIDGET (self), entity, error);
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (editor_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_clicked_cb (CrEntityPage *self)
{
  /* Clips are not typed in: they come from indexing a folder, on the Clips page. */
  if (self->entity == &cr_entity_clip)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "clips");
  else
    cr_entity_page_add (self);
}

static void
consent_clicked_cb (CrEntityPage *self)
{
  /* The People page records consent in its own dialog, shaped by the status. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "people.record-consent", NULL))
    cr_entity_page_record_consent (self);
}

static void
row_activated_cb (CrEntityPage *self,
                  guint         position)
{
  cr_entity_page_edit (self, position);
}

/* A new search shows its first rows: the kept rows would otherwise stay where the last
 * list was scrolled to. */
static void
search_for (CrEntityPage *self,
            const char   *text)
{
  if (g_strcmp0 (cr_store_model_get_search (self->model), text && *text ? text : NULL) == 0)
    return;
  shown_from_top (self);
  cr_store_model_set_search (self->model, text);
  scroll_to_top (self);
}

/* Typed: the query runs in a worker, so that typing never waits for it; the list changes
 * when the answer comes (a later keystroke's answer replaces an earlier one's). */
static void
search_in_background (CrEntityPage *self,
                      const char   *text)
{
  if (g_strcmp0 (cr_store_model_get_search (self->model), *text ? text : NULL) == 0)
    return;
  self->scroll_top = TRUE;
  shown_from_top (self);
  cr_store_model_search_in_background (self->model, text);
}

static void
search_changed_cb (CrEntityPage *self)
{
  search_in_background (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (CrEntityPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* ---- the class ---- */

static void
cr_entity_page_dispose (GObject *object)
{
  CrEntityPage *self = CR_ENTITY_PAGE (object);

  /* Taking the columns out changes the view's sort: the model must not reload for it. */
  if (self->model != NULL)
    {
      cr_column_sort_stop (self->column_view, self->model);
      g_signal_handlers_disconnect_by_data (self->model, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ENTITY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_entity_page_parent_class)->dispose (object);
}

static void
page_add (CrPage *page)
{
  cr_entity_page_add (CR_ENTITY_PAGE (page));
}

static void
page_focus_search (CrPage *page)
{
  cr_entity_page_focus_search (CR_ENTITY_PAGE (page));
}

static void
cr_entity_page_page_init (CrPageInterface *iface)
{
  iface->add = page_add;
  iface->focus_search = page_focus_search;
}

static void
cr_entity_page_class_init (CrEntityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_entity_page_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-entity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, consent_button);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, add_content);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrEntityPage, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
cr_entity_page_init (CrEntityPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrEntityPage *
cr_entity_page_new (CrProduction   *production,
                    const CrEntity *entity)
{
  CrEntityPage *self = g_object_new (CR_TYPE_ENTITY_PAGE, NULL);
  const Table *table = find_table (entity);
  g_autofree char *noun = cr_words_entity (entity, FALSE);
  g_autofree char *plural = cr_words_entity (entity, TRUE);
  g_autofree char *add = entity == &cr_entity_clip ? g_strdup ("_Add Folder…") : g_strdup_printf ("_Add %s", noun);
  g_autofree char *search = g_strdup_printf ("Search %s", entity->plural);
  g_autofree char *empty = g_strdup_printf ("No %s Yet", plural);

  self->production = g_object_ref (production);
  self->entity = entity;
  self->model = cr_store_model_new (production, entity);
  cr_store_model_keep_rows (self->model);
  /* The columns first: the list starts in the order its header shows, read once. */
  add_columns (self);
  cr_column_sort_apply (self->column_view, self->model);
  cr_column_sort_follow (self->column_view, self->model);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  adw_button_content_set_label (self->add_content, add);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add + 1);
  gtk_button_set_label (self->empty_add_button, add);
  g_object_set (self->search_entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
  adw_status_page_set_title (self->empty_page, empty);
  adw_status_page_set_icon_name (self->empty_page, table ? table->icon : "view-list-symbolic");
  adw_status_page_set_description (self->empty_page, table ? table->empty : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_button), entity == &cr_entity_participant);

  {
    GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

    if (GTK_IS_SCROLLED_WINDOW (scroller))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        g_signal_connect_object (adj, "value-changed", G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (adj, "changed", G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
      }
  }
  g_signal_connect_object (self->model, "reloading", G_CALLBACK (reloading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

const CrEntity *
cr_entity_page_get_entity (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  return self->entity;
}

CrStoreModel *
cr_entity_page_get_model (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  return self->model;
}

void
cr_entity_page_focus_search (CrEntityPage *self)
{
  g_return_if_fail (CR_IS_ENTITY_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cr_entity_page_set_search (CrEntityPage *self,
                           const char   *text)
{
  g_return_if_fail (CR_IS_ENTITY_PAGE (self));
  /* Setting the text empties the entry first, which a search entry reports at once: the
   * whole list would be read and shown on the way. Search entries also wait a moment
   * before they say; a caller wants the list now. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_for (self, text);
}

void
cr_entity_page_type_search (CrEntityPage *self,
                            const char   *text)
{
  g_return_if_fail (CR_IS_ENTITY_PAGE (self));
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_in_background (self, text ? text : "");
}

gboolean
cr_entity_page_can_add (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), FALSE);
  /* Clips come from indexing a folder, never from a form. */
  return self->entity != &cr_entity_clip;
}

CrRecordEditor *
cr_entity_page_add (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  if (!cr_entity_page_can_add (self))
    return NULL;
  return open_editor (self, self->entity, 0);
}

CrRecordEditor *
cr_entity_page_edit (CrEntityPage *self,
                     guint         position)
{
  g_autoptr(CrRow) row = NULL;

  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (row == NULL || cr_row_get_id (row) <= 0)
    return NULL;
  return open_editor (self, self->entity, cr_row_get_id (row));
}

CrRecordEditor *
cr_entity_page_record_consent (CrEntityPage *self)
{
  CrRow *row;
  CrRecordEditor *editor;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  row = gtk_single_selection_get_selected_item (self->selection);
  if (self->entity != &cr_entity_participant || row == NULL)
    return NULL;
  editor = open_editor (self, &cr_entity_consent, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, cr_row_get_id (row));
  cr_record_editor_preset (editor, "participant", id);
  return editor;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

void
cr_entity_page_select (CrEntityPage *self,
                       gint64        id)
{
  gint64 position;
  GtkWidget *list;

  g_return_if_fail (CR_IS_ENTITY_PAGE (self));
  if ((position = cr_store_model_find (self->model, id)) < 0)
    return;
  gtk_single_selection_set_selected (self->selection, (guint) position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  /* GTK 4.8 has no gtk_column_view_scroll_to (); its list view has the action. */
  if ((list = find_list_view (GTK_WIDGET (self->column_view))))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", (guint) position);
}

gboolean
cr_entity_page_is_empty (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), TRUE);
  return !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "list");
}

GtkSingleSelection *
cr_entity_page_get_selection (CrEntityPage *self)
{
  g_return_val_if_fail (CR_IS_ENTITY_PAGE (self), NULL);
  return self->selection;
}
