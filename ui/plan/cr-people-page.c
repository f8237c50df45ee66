/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-people-page"

#include "config.h"

#include <string.h>

#include "cr-error-words.h"
#include "cr-consent-dialog.h"
#include "cr-consent-filter.h"
#include "cr-page.h"
#include "cr-people-page.h"
#include "cr-print.h"
#include "cr-print-actions.h"
#include "cr-tell.h"
#include "cr-words.h"

/* As the Overview's "consent ends within 30 days". */
#define EXPIRING_DAYS 30

struct _CrPeoplePage
{
  GtkWidget         parent_instance;

  /* template widgets */
  GtkWidget        *main;
  GtkWidget        *separator;
  GtkWidget        *side;
  GtkDropDown      *filter_dropdown;
  GtkSpinner       *spinner;
  GtkLabel         *filter_count;
  GtkWidget        *filtered_consent_button;
  GtkSearchEntry   *filtered_search;
  GtkStack         *stack;
  GtkListView      *filtered_view;
  AdwStatusPage    *nobody_page;

  /* borrowed: children */
  CrEntityPage     *list;
  CrConsentHistory *history;

  /* owned */
  CrProduction     *production;
  CrConsentSorted  *sorted;       /* everyone by consent state, as last read */
  GHashTable       *shown;        /* id -> CrConsentState (borrowed from sorted), the filter's */
  GtkStringList    *ids;          /* the filter's people, as ids, in name order */
  GtkSingleSelection *selection;
  GCancellable     *cancellable;
  gboolean          stale;        /* the production changed while nobody was filtering */
};

static void cr_people_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrPeoplePage, cr_people_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_people_page_page_init))

static void
show_person (CrPeoplePage *self,
             gint64        id)
{
  /* A reload of a list drops its selection: the person stays shown. */
  if (id > 0)
    cr_consent_history_set_participant (self->history, id);
}

static void
selected_cb (CrPeoplePage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (cr_entity_page_get_selection (self->list));

  if (row != NULL)
    show_person (self, cr_row_get_id (row));
}

static gint64
filtered_id (CrPeoplePage *self,
             guint         position)
{
  const char *id = gtk_string_list_get_string (self->ids, position);

  return id ? g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
filtered_selected_cb (CrPeoplePage *self)
{
  show_person (self, filtered_id (self, gtk_single_selection_get_selected (self->selection)));
}

static void
filtered_activated_cb (CrPeoplePage *self,
                       guint         position)
{
  gint64 id = filtered_id (self, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-record", "(sx)", "participant", id);
}

/* ---- the filtered list ---- */

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_ellipsize (GTK_LABEL (state), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (state, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), state);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrPeoplePage             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_next_sibling (name);
  const char *id_text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  gint64 id = g_ascii_strtoll (id_text, NULL, 10);
  const CrConsentState *state = g_hash_table_lookup (self->shown, &id);
  g_autofree char *words = NULL;
  g_autofree char *details = NULL;
  g_autofree char *text = NULL;
  const char *style = NULL;

  if (state == NULL)
    return;
  /* Read once for the whole list in the worker; binding only puts it in words. */
  words = cr_words_consent (state, "interviewee", &style);
  details = cr_words_consent_details (state);
  text = details && *details ? g_strdup_printf ("%s · %s", words, details) : g_strdup (words);
  gtk_label_set_text (GTK_LABEL (name), state->name);
  gtk_label_set_text (GTK_LABEL (line), text);
  for (const char * const *c = (const char * const[]) { "success", "warning", "error", "dim-label", NULL }; *c; c++)
    gtk_widget_remove_css_class (line, *c);
  gtk_widget_add_css_class (line, style ? style : "dim-label");
}

/* The dropdown's choice: 0 is everyone, then the filters in their order. */
static int
chosen_filter (CrPeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static void
show_filtered (CrPeoplePage *self)
{
  int filter = chosen_filter (self);
  GPtrArray *people;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *count = NULL;
  g_autofree char *search = NULL;
  guint n;

  if (filter < 0 || self->sorted == NULL)
    return;
  people = self->sorted->people[filter];
  ids = g_ptr_array_new_full (people->len + 1, g_free);
  g_hash_table_remove_all (self->shown);
  search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->filtered_search)), -1);
  for (guint i = 0; i < people->len; i++)
    {
      CrConsentState *state = g_ptr_array_index (people, i);
      g_autofree char *name = NULL;

      if (*search && !strstr ((name = g_utf8_casefold (state->name, -1)), search))
        continue;
      g_hash_table_insert (self->shown, &state->participant, state);
      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, state->participant));
    }
  n = ids->len;
  g_ptr_array_add (ids, NULL);
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *) ids->pdata);
  count = g_strdup_printf (n == 1 ? "%u person" : "%u people", n);
  gtk_label_set_text (self->filter_count, count);
  if (n == 0 && *search)
    adw_status_page_set_title (self->nobody_page, "No Results Found");
  else if (n == 0)
    {
      GtkStringObject *chosen = gtk_drop_down_get_selected_item (self->filter_dropdown);
      g_autofree char *title = g_strdup_printf ("Nobody: %s", gtk_string_object_get_string (chosen));
      adw_status_page_set_title (self->nobody_page, title);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "filtered" : "nobody");
}

static void
sort_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (task_data, &error);
  CrConsentSorted *sorted = db ? cr_consent_sort_by_filter (db, NULL, EXPIRING_DAYS, &error) : NULL;

  if (sorted == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, sorted, (GDestroyNotify) cr_consent_sorted_free);
}

static void
sort_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  CrConsentSorted *sorted = g_task_propagate_pointer (G_TASK (result), &error);
  CrPeoplePage *self = CR_PEOPLE_PAGE (source);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      /* A later read has replaced this one. */
      g_clear_pointer (&sorted, cr_consent_sorted_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (sorted == NULL)
    {
      g_autofree char *words = cr_error_words_read (error, "the people");

      gtk_label_set_text (self->filter_count, words);
      return;
    }
  g_hash_table_remove_all (self->shown);
  g_clear_pointer (&self->sorted, cr_consent_sorted_free);
  self->sorted = sorted;
  show_filtered (self);
}

/* Everyone's consent, read again in a worker with its own connection: the main loop never
 * works it out person by person. */
static void
read_consent (CrPeoplePage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;
  gtk_spinner_start (self->spinner);
  task = g_task_new (self, self->cancellable, sort_done_cb, NULL);
  g_task_set_source_tag (task, read_consent);
  g_task_set_task_data (task, g_strdup (cr_production_get_path (self->production)), g_free);
  g_task_run_in_thread (task, sort_thread);
}

static void
filter_changed_cb (CrPeoplePage *self)
{
  int filter = chosen_filter (self);

  if (self->production == NULL)
    return;
  /* The list's own toolbar, with its Record Consent, shows only for everyone. */
  gtk_widget_set_visible (self->filtered_consent_button, filter >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filtered_search), filter >= 0);
  /* Without the search, the count takes the room, keeping the menu at the end. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter_count), filter < 0);
  if (filter < 0)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
      gtk_label_set_text (self->filter_count, "");
      return;
    }
  if (self->sorted == NULL || self->stale)
    read_consent (self);
  else
    show_filtered (self);
}

static void
filtered_search_cb (CrPeoplePage *self)
{
  show_filtered (self);
}

static void
production_changed_cb (CrPeoplePage   *self,
                       const CrEntity *entity)
{
  if (entity != NULL && entity != &cr_entity_consent && entity != &cr_entity_participant)
    return;
  self->stale = TRUE;
  if (chosen_filter (self) >= 0)
    read_consent (self);
}

/* ---- recording consent ---- */

static gint64
selected_person (CrPeoplePage *self)
{
  CrRow *row;

  if (chosen_filter (self) >= 0)
    return filtered_id (self, gtk_single_selection_get_selected (self->selection));
  row = gtk_single_selection_get_selected_item (cr_entity_page_get_selection (self->list));
  return row ? cr_row_get_id (row) : 0;
}

static void
record_consent_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cr_people_page_record_consent (CR_PEOPLE_PAGE (widget));
}

static void
print_releases_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (widget);

  cr_print_actions_print (widget, cr_production_get_db (self->production), cr_print_releases, "Release Tracker");
}

static void
save_releases_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (widget);

  cr_print_actions_save_pdf (widget, cr_production_get_db (self->production), cr_print_releases, "Release Tracker",
                             "Release tracker.pdf");
}

/* ---- the window's keys ---- */

static void
page_add (CrPage *page)
{
  cr_entity_page_add (CR_PEOPLE_PAGE (page)->list);
}

static void
page_print (CrPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "people.print-releases", NULL);
}

static void
page_focus_search (CrPage *page)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (page);

  /* A consent filter shows its own list, with its own search. */
  if (chosen_filter (self) >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->filtered_search));
  else
    cr_entity_page_focus_search (self->list);
}

static void
cr_people_page_page_init (CrPageInterface *iface)
{
  iface->add = page_add;
  iface->print = page_print;
  iface->focus_search = page_focus_search;
}

/* ---- the class ---- */

static void
cr_people_page_dispose (GObject *object)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_PEOPLE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_people_page_parent_class)->dispose (object);
}

static void
cr_people_page_finalize (GObject *object)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (object);

  g_hash_table_unref (self->shown);
  g_clear_pointer (&self->sorted, cr_consent_sorted_free);
  G_OBJECT_CLASS (cr_people_page_parent_class)->finalize (object);
}

static void
cr_people_page_class_init (CrPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_people_page_dispose;
  object_class->finalize = cr_people_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, main);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, separator);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, side);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, filter_count);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, filtered_consent_button);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, filtered_search);
  gtk_widget_class_bind_template_callback (widget_class, filtered_search_cb);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, filtered_view);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, nobody_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_activated_cb);
  /* The list's own Record Consent button asks for this action by name. */
  gtk_widget_class_install_action (widget_class, "people.record-consent", NULL, record_consent_activated);
  gtk_widget_class_install_action (widget_class, "people.print-releases", NULL, print_releases_activated);
  gtk_widget_class_install_action (widget_class, "people.save-releases-pdf", NULL, save_releases_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
cr_people_page_init (CrPeoplePage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter_count), TRUE);
  self->ids = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->ids));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), self);
  gtk_list_view_set_factory (self->filtered_view, factory);
  gtk_list_view_set_model (self->filtered_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (filtered_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

CrPeoplePage *
cr_people_page_new (CrProduction *production)
{
  CrPeoplePage *self = g_object_new (CR_TYPE_PEOPLE_PAGE, NULL);

  self->production = g_object_ref (production);
  self->list = cr_entity_page_new (production, &cr_entity_participant);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "everyone");
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  self->history = cr_consent_history_new (production);
  gtk_widget_set_vexpand (GTK_WIDGET (self->history), TRUE);
  gtk_box_append (GTK_BOX (self->side), GTK_WIDGET (self->history));
  g_signal_connect_object (cr_entity_page_get_selection (self->list), "notify::selected-item",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

CrEntityPage *
cr_people_page_get_list (CrPeoplePage *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  return self->list;
}

CrConsentHistory *
cr_people_page_get_history (CrPeoplePage *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  return self->history;
}

CrConsentDialog *
cr_people_page_record_consent (CrPeoplePage *self)
{
  gint64 id;
  GtkRoot *root;
  CrConsentDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  if ((id = selected_person (self)) <= 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = cr_consent_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->production, id, &error);
  if (dialog == NULL)
    {
      cr_tell_unopened (GTK_WIDGET (self), &cr_entity_participant, error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
cr_people_page_set_filter (CrPeoplePage *self,
                           int           filter)
{
  g_return_if_fail (CR_IS_PEOPLE_PAGE (self));
  g_return_if_fail (filter < CR_CONSENT_N_FILTERS);
  gtk_drop_down_set_selected (self->filter_dropdown, filter < 0 ? 0 : (guint) filter + 1);
}

gboolean
cr_people_page_is_busy (CrPeoplePage *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

char *
cr_people_page_dup_shown (CrPeoplePage *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  if (chosen_filter (self) < 0)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));
  for (guint i = 0; i < n; i++)
    {
      const CrConsentState *state = g_hash_table_lookup (self->shown, &(gint64) { filtered_id (self, i) });
      g_string_append_printf (out, "%s%s", i ? "|" : "", state ? state->name : "?");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
cr_people_page_select_shown (CrPeoplePage *self,
                             guint         position)
{
  g_return_if_fail (CR_IS_PEOPLE_PAGE (self));
  gtk_single_selection_set_selected (self->selection, position);
}

void
cr_people_page_set_filtered_search (CrPeoplePage *self,
                                    const char   *text)
{
  g_return_if_fail (CR_IS_PEOPLE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->filtered_search), text ? text : "");
  show_filtered (self);
}
