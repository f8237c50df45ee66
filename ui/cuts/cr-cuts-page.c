/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cuts-page"

#include "config.h"

#include "cr-error-words.h"
#include "cr-consent-problems.h"
#include "cr-cut-consent.h"
#include "cr-cut-edit.h"
#include "cr-cut-event-row.h"
#include "cr-cut-event.h"
#include "cr-cut-export-dialog.h"
#include "cr-cut-feed.h"
#include "cr-cut-import.h"
#include "cr-cut-posters.h"
#include "cr-cut-strip.h"
#include "cr-cuts-page.h"
#include "cr-store.h"
#include "cr-stringout-dialog.h"
#include "cr-tell.h"
#include "cr-window.h"
#include "cr-words.h"

struct _CrCutsPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *toolbar;
  GtkDropDown        *cut_dropdown;
  GtkLabel           *total_label;
  GtkDropDown        *channel_dropdown;
  GtkWidget          *export_button;
  GtkWidget          *import_button;
  AdwButtonContent   *import_content;
  GtkStack           *stack;
  CrCutStrip         *strip;
  GtkLabel           *consent_label;
  GtkWidget          *problems_button;
  GtkPopover         *problems_popover;
  GtkListView        *events_view;

  /* owned */
  CrProduction       *production;
  GtkStringList      *cut_names;
  GArray             *cut_ids;       /* gint64, as cut_names */
  gint64              cut;
  GListStore         *events;
  CrCutFeed          *feed;          /* what of events the list has so far (cr-cut-feed.h) */
  GtkSingleSelection *selection;
  GPtrArray          *clearance;     /* the last check's CrClearance rows */
  GPtrArray          *problems;      /* its problems, a line each */
  CrCutPosters       *posters;
  /* One Undo at a time, dropped by any other change to a cut: */
  CrCutRemoved       *removed;       /* the event a removal took, or */
  CrCutOrder         *order;         /* the order before a move, by the events' identity */
  gint64              moved_event;   /* that move's event (id) */
  gboolean            moved_by_key;  /* by Alt+Up/Down: more presses on it add to the move */
  AdwToast           *undo_toast;
  gboolean            filling;       /* the dropdowns are being filled, not chosen */
  gboolean            importing;     /* an edit list is being read into a new cut */
};

G_DEFINE_FINAL_TYPE (CrCutsPage, cr_cuts_page, GTK_TYPE_WIDGET)

/* The channels of consent, and "any" first. */
static const char *
channel_at (guint position)
{
  return position == 0 || position == GTK_INVALID_LIST_POSITION ? NULL : cr_consent_channels[position - 1];
}

static CrDb *
db_of (CrCutsPage *self)
{
  return cr_production_get_db (self->production);
}

/* ---- the events ---- */

static void
show_total (CrCutsPage       *self,
            const CrTimeline *timeline)
{
  g_autofree char *length = cr_cut_length_words (cr_timeline_get_duration (timeline), timeline->rate);
  double fps = (double) timeline->rate.num / MAX (timeline->rate.den, 1);
  g_autofree char *text = NULL;
  guint n = timeline->events->len;

  /* "30000/1001" means nothing to most people; "29.97 fps" does. */
  if (timeline->rate.den == 1)
    text = g_strdup_printf ("%u %s  ·  %s at %d fps", n, n == 1 ? "event" : "events", length, timeline->rate.num);
  else
    text = g_strdup_printf ("%u %s  ·  %s at %.3g fps%s", n, n == 1 ? "event" : "events", length, fps,
                            timeline->drop_frame ? " drop-frame" : "");
  gtk_label_set_text (self->total_label, text);
}

static void
show_problems (CrCutsPage *self)
{
  const char *channel = cr_cuts_page_get_channel (self);
  g_autofree char *where = channel ? cr_words_choice (channel) : g_strdup ("any channel");
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->consent_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->consent_label), "success");
  gtk_widget_set_visible (self->problems_button, FALSE);
  gtk_popover_set_child (self->problems_popover, NULL);
  if (self->problems == NULL)
    return;
  if (self->problems->len == 0)
    {
      text = g_strdup_printf ("Everyone in this cut has consented to %s.", where);
      gtk_widget_add_css_class (GTK_WIDGET (self->consent_label), "success");
    }
  else
    {
      /* One line; every problem is in the list the button opens, each leading to its person. */
      text = g_strdup_printf ("%u consent %s for %s.", self->problems->len,
                              self->problems->len == 1 ? "problem" : "problems", where);
      gtk_widget_add_css_class (GTK_WIDGET (self->consent_label), "error");
      gtk_widget_set_visible (self->problems_button, TRUE);
    }
  gtk_label_set_text (self->consent_label, text);
}

static void
problem_chosen_cb (gint64   participant,
                   gpointer user_data)
{
  CrCutsPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->problems_popover);
  if (CR_IS_WINDOW (root))
    cr_window_show_record (CR_WINDOW (root), "participants", participant);
}

/* The list is made when it is opened: a long cut's check can have thousands of problems. */
static void
problems_popover_show_cb (CrCutsPage *self)
{
  if (self->clearance != NULL && gtk_popover_get_child (self->problems_popover) == NULL)
    gtk_popover_set_child (self->problems_popover,
                           cr_consent_problems_new (self->clearance, 420, problem_chosen_cb, self));
}

static void
poster_ready_cb (CrCutsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  /* An event given its picture tells its row (::changed); nothing else is bound again. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      if (cr_cut_event_get_poster (event) == NULL)
        cr_cut_event_set_poster (event, cr_cut_posters_lookup (self->posters, cr_cut_event_get_path (event),
                                                               cr_cut_event_get_poster_time (event)));
    }
}

static void
clear_events (CrCutsPage *self)
{
  cr_cut_feed_clear (self->feed);
  g_list_store_remove_all (self->events);
}

/* The cut read again into the same event objects where it has as many (a move, a trim, a
 * badge: the rows stay, and so does the scroll), new ones past them, the tail dropped. */
static void
take_timeline (CrCutsPage       *self,
               const CrTimeline *timeline,
               GListStore       *all)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  guint n = timeline->events->len;
  guint kept = MIN (n_old, n);
  g_autofree gpointer *fresh = g_new0 (gpointer, n - kept + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = i < kept ? g_list_model_get_item (G_LIST_MODEL (self->events), i)
                                             : cr_cut_event_new (timeline, i + 1);
      if (i < kept)
        cr_cut_event_update (event, timeline, i + 1);
      if (cr_cut_event_get_poster (event) == NULL)
        cr_cut_event_set_poster (event, cr_cut_posters_lookup (self->posters, cr_cut_event_get_path (event),
                                                               cr_cut_event_get_poster_time (event)));
      cr_cut_posters_request (self->posters, cr_cut_event_get_path (event), cr_cut_event_get_poster_time (event));
      g_list_store_append (all, event);
      if (i >= kept)
        fresh[i - kept] = g_object_ref (event);
    }
  cr_cut_feed_keep (self->feed, kept);
  g_list_store_splice (self->events, kept, n_old - kept, fresh, n - kept);
  for (guint i = 0; i < n - kept; i++)
    g_object_unref (fresh[i]);
}

static void
reload_events (CrCutsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GListStore) all = g_list_store_new (CR_TYPE_CUT_EVENT);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->clearance, g_ptr_array_unref);
  if (self->cut <= 0)
    {
      clear_events (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_sensitive (self->export_button, FALSE);
      gtk_label_set_text (self->total_label, "");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "events");
  if (!(timeline = cr_cut_build_timeline_words (db_of (self), self->cut, &error)))
    {
      g_autofree char *words = cr_error_words_read (error, "the cut");

      clear_events (self);
      gtk_label_set_text (self->consent_label, words);
      gtk_widget_add_css_class (GTK_WIDGET (self->consent_label), "error");
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }
  take_timeline (self, timeline, all);
  self->clearance = cr_cut_consent_badge (db_of (self), self->cut, timeline, cr_cuts_page_get_channel (self),
                                          G_LIST_MODEL (all), &error);
  if (self->clearance != NULL)
    self->problems = cr_cut_consent_lines (self->clearance);
  /* Every event kept was read again: its row shows it now. */
  n = g_list_model_get_n_items (cr_cut_feed_get_model (self->feed));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (cr_cut_feed_get_model (self->feed), i);
      cr_cut_event_changed (event);
    }
  cr_cut_feed_start (self->feed);
  n = timeline->events->len;
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (selected, n - 1));
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
  show_total (self, timeline);
  show_problems (self);
  gtk_widget_set_sensitive (self->export_button, n > 0 && self->clearance != NULL);
  if (self->clearance == NULL)
    {
      /* Said where the check's answer goes, not on stderr; nothing leaves unchecked. */
      g_autofree char *words = cr_error_words_read (error, "the consent check");

      gtk_label_set_text (self->consent_label, words);
      gtk_widget_add_css_class (GTK_WIDGET (self->consent_label), "error");
    }
}

static void
reload_cuts (CrCutsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cuts = cr_store_list (db_of (self), &cr_entity_cut, NULL, &error);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->cut_names));
  guint chosen = GTK_INVALID_LIST_POSITION;

  if (cuts == NULL)
    {
      cr_production_read_failed (self->production, "the cuts", error);
      return;
    }
  self->filling = TRUE;
  g_array_set_size (self->cut_ids, 0);
  {
    g_autofree const char **names = g_new0 (const char *, cuts->len + 1);
    for (guint i = 0; i < cuts->len; i++)
      {
        CrRecord *cut = g_ptr_array_index (cuts, i);
        names[i] = cr_record_get (cut, "name");
        g_array_append_val (self->cut_ids, cut->id);
        if (cut->id == self->cut)
          chosen = i;
      }
    gtk_string_list_splice (self->cut_names, 0, n_old, names);
  }
  if (chosen == GTK_INVALID_LIST_POSITION && cuts->len > 0)
    chosen = 0;
  self->cut = chosen == GTK_INVALID_LIST_POSITION ? 0 : g_array_index (self->cut_ids, gint64, chosen);
  gtk_drop_down_set_selected (self->cut_dropdown, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->cut_dropdown), cuts->len > 0);
  self->filling = FALSE;
  reload_events (self);
}

static void
production_changed_cb (CrCutsPage     *self,
                       const CrEntity *entity)
{
  if (entity == &cr_entity_cut)
    reload_cuts (self);
  else if (entity == &cr_entity_event || entity == &cr_entity_select || entity == &cr_entity_clip ||
           entity == &cr_entity_consent || entity == &cr_entity_participant)
    reload_events (self);
}

/* ---- template callbacks ---- */

static void
cut_chosen_cb (CrCutsPage *self)
{
  guint chosen = gtk_drop_down_get_selected (self->cut_dropdown);

  if (self->filling || chosen >= self->cut_ids->len)
    return;
  cr_cuts_page_show_cut (self, g_array_index (self->cut_ids, gint64, chosen));
}

static void
channel_chosen_cb (CrCutsPage *self)
{
  if (!self->filling && self->production != NULL)
    reload_events (self);
}

static void
stringout_clicked_cb (CrCutsPage *self)
{
  cr_cuts_page_open_stringout (self);
}

static void
export_clicked_cb (CrCutsPage *self)
{
  cr_cuts_page_open_export (self);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    CrCutsPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cr_cuts_page_import_file (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_clicked_cb (CrCutsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Import Edit List",
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, "_Import", "_Cancel");
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  gtk_file_filter_set_name (lists, "Edit lists (EDL, FCPXML, OTIO)");
  for (const char * const *p = (const char * const[]) { "*.edl", "*.EDL", "*.fcpxml", "*.xml", "*.otio", NULL }; *p; p++)
    gtk_file_filter_add_pattern (lists, *p);
  gtk_file_filter_set_name (any, "All files");
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
selection_changed_cb (CrCutsPage *self)
{
  cr_cut_strip_set_selected (self->strip, gtk_single_selection_get_selected (self->selection));
}

/* ---- rows ---- */

static void
row_move_cb (CrCutsPage    *self,
             guint          from,
             guint          to,
             CrCutEventRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!cr_cuts_page_drop_event (self, from, to, &error))
    cr_tell_write_error (GTK_WIDGET (self), "Could Not Move the Event", error, "the cut");
}

static void
row_remove_cb (CrCutsPage    *self,
               CrCutEventRow *row)
{
  g_autoptr(GError) error = NULL;
  CrCutEvent *event = cr_cut_event_row_get_event (row);

  if (event != NULL && !cr_cuts_page_remove_event (self, cr_cut_event_get_position (event), &error))
    cr_tell_write_error (GTK_WIDGET (self), "Could Not Remove the Event", error, "the cut");
}

static char *
row_trim_cb (CrCutsPage    *self,
             const char    *in,
             const char    *out,
             CrCutEventRow *row)
{
  g_autoptr(GError) error = NULL;
  CrCutEvent *event = cr_cut_event_row_get_event (row);

  if (event == NULL)
    return NULL;
  if (!cr_cuts_page_trim_event (self, cr_cut_event_get_position (event), in, out, &error))
    return cr_error_words_write (error, "the trim");
  return NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrCutsPage               *self)
{
  GtkWidget *row = cr_cut_event_row_new ();

  g_signal_connect_object (row, "move-event", G_CALLBACK (row_move_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-event", G_CALLBACK (row_remove_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "trim-event", G_CALLBACK (row_trim_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrCutsPage               *self)
{
  cr_cut_event_row_bind (CR_CUT_EVENT_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrCutsPage               *self)
{
  cr_cut_event_row_bind (CR_CUT_EVENT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* ---- keys: Alt+Up/Down move the selected event, Delete removes it ---- */

static void
move_selected (CrCutsPage *self,
               int         step)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || (step < 0 && selected == 0) || (step > 0 && selected + 1 >= n))
    return;
  if (!cr_cuts_page_move_event (self, selected + 1, selected + 1 + step, &error))
    cr_tell_write_error (GTK_WIDGET (self), "Could Not Move the Event", error, "the cut");
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selected (CR_CUTS_PAGE (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_selected (CR_CUTS_PAGE (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrCutsPage *self = CR_CUTS_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GError) error = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && !cr_cuts_page_remove_event (self, selected + 1, &error))
    cr_tell_write_error (GTK_WIDGET (self), "Could Not Remove the Event", error, "the cut");
}

/* ---- the class ---- */

static void
cr_cuts_page_dispose (GObject *object)
{
  CrCutsPage *self = CR_CUTS_PAGE (object);

  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  g_clear_pointer (&self->posters, cr_cut_posters_free);
  g_clear_pointer (&self->feed, cr_cut_feed_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CUTS_PAGE);
  /* The template's unnamed children too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->cut_names);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_cuts_page_parent_class)->dispose (object);
}

static void
cr_cuts_page_finalize (GObject *object)
{
  CrCutsPage *self = CR_CUTS_PAGE (object);

  g_clear_pointer (&self->cut_ids, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->clearance, g_ptr_array_unref);
  g_clear_pointer (&self->removed, cr_cut_removed_free);
  g_clear_pointer (&self->order, cr_cut_order_free);
  G_OBJECT_CLASS (cr_cuts_page_parent_class)->finalize (object);
}

static void
cr_cuts_page_class_init (CrCutsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_cuts_page_dispose;
  object_class->finalize = cr_cuts_page_finalize;

  g_type_ensure (CR_TYPE_CUT_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-cuts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, cut_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, import_content);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, strip);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, consent_label);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, problems_button);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, problems_popover);
  gtk_widget_class_bind_template_callback (widget_class, problems_popover_show_cb);
  gtk_widget_class_bind_template_child (widget_class, CrCutsPage, events_view);
  gtk_widget_class_bind_template_callback (widget_class, cut_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, stringout_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_install_action (widget_class, "cut.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "cut.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "cut.remove", NULL, remove_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "cut.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "cut.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "cut.remove", NULL);
}

static gboolean
select_dropped_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   CrCutsPage    *self)
{
  g_autoptr(GError) error = NULL;

  g_autofree char *words = NULL;

  if (cr_cuts_page_drop (self, value, &error))
    return TRUE;
  words = cr_error_words_write (error, "the cut");
  gtk_label_set_text (self->consent_label, words);
  return FALSE;
}

static void
cr_cuts_page_init (CrCutsPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->cut_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cut_names = gtk_string_list_new (NULL);
  self->events = g_list_store_new (CR_TYPE_CUT_EVENT);
  self->feed = cr_cut_feed_new (GTK_WIDGET (self), G_LIST_MODEL (self->events));
  self->selection = gtk_single_selection_new (g_object_ref (cr_cut_feed_get_model (self->feed)));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->cut_dropdown, G_LIST_MODEL (self->cut_names));
  gtk_string_list_append (channels, "Any channel");
  for (const char * const *c = cr_consent_channels; *c; c++)
    {
      g_autofree char *words = cr_words_choice (*c);
      gtk_string_list_append (channels, words);
    }
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  self->filling = FALSE;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->events_view, factory);
  {
    /* A select dragged from the Selects page lands at the end of the cut shown. */
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_COPY);
    g_signal_connect (drop, "drop", G_CALLBACK (select_dropped_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  g_object_unref (factory);
  gtk_list_view_set_model (self->events_view, GTK_SELECTION_MODEL (self->selection));
  cr_cut_strip_set_model (self->strip, G_LIST_MODEL (self->events));
}

CrCutsPage *
cr_cuts_page_new (CrProduction *production)
{
  CrCutsPage *self;

  g_return_val_if_fail (CR_IS_PRODUCTION (production), NULL);
  self = g_object_new (CR_TYPE_CUTS_PAGE, NULL);
  self->production = g_object_ref (production);
  self->posters = cr_cut_posters_new ((GCallback) poster_ready_cb, self);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  reload_cuts (self);
  return self;
}

CrProduction *
cr_cuts_page_get_production (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return self->production;
}

void
cr_cuts_page_show_cut (CrCutsPage *self,
                       gint64      cut)
{
  g_return_if_fail (CR_IS_CUTS_PAGE (self));
  if (cut == self->cut)
    return;
  self->cut = cut;
  gtk_single_selection_set_selected (self->selection, 0);
  /* Another cut starts at its top, even where its events take over the rows. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->events_view)), 0);
  reload_cuts (self);
}

gint64
cr_cuts_page_get_cut (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), 0);
  return self->cut;
}

GListModel *
cr_cuts_page_get_events (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->events);
}

GtkWidget *
cr_cuts_page_get_strip (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return GTK_WIDGET (self->strip);
}

GtkWidget *
cr_cuts_page_get_list (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return GTK_WIDGET (self->events_view);
}

void
cr_cuts_page_set_channel (CrCutsPage *self,
                          const char *channel)
{
  guint position = 0;

  g_return_if_fail (CR_IS_CUTS_PAGE (self));
  for (guint i = 0; channel && cr_consent_channels[i]; i++)
    if (g_str_equal (cr_consent_channels[i], channel))
      position = i + 1;
  gtk_drop_down_set_selected (self->channel_dropdown, position);
}

const char *
cr_cuts_page_get_channel (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return channel_at (gtk_drop_down_get_selected (self->channel_dropdown));
}

GPtrArray *
cr_cuts_page_get_problems (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return self->problems;
}

static void
undo_clicked_cb (AdwToast   *toast,
                 CrCutsPage *self)
{
  g_autoptr(GError) error = NULL;

  /* A toast pushed back by a newer one offers nothing once it shows again. */
  if (toast != self->undo_toast)
    return;
  if (!cr_cuts_page_undo (self, &error))
    cr_tell_write_error (GTK_WIDGET (self), "Could Not Undo", error, "the cut");
}

static void
forget_undo (CrCutsPage *self)
{
  g_clear_pointer (&self->removed, cr_cut_removed_free);
  g_clear_pointer (&self->order, cr_cut_order_free);
  self->moved_event = 0;
  self->moved_by_key = FALSE;
}

static void
undo_dismissed_cb (CrCutsPage *self,
                   AdwToast   *toast)
{
  if (self->undo_toast == toast)
    {
      forget_undo (self);
      self->undo_toast = NULL;
    }
}

/* The toast of an Undo that is gone keeps its words but loses its button. It is not
 * dismissed: libadwaita 1.2 aborts or touches freed animations when a toast is dismissed
 * while another, replaced, is still hiding. */
static void
retire_toast (AdwToast *toast)
{
  if (toast != NULL)
    adw_toast_set_button_label (toast, NULL);
}

/* One undo at a time, as on the other pages: a high-priority toast replaces the one shown,
 * which goes back to the overlay's queue and would show again. */
static void
offer_undo (CrCutsPage *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *old = g_steal_pointer (&self->undo_toast);

  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, G_CONNECT_SWAPPED);
  if (overlay != NULL)
    {
      self->undo_toast = toast;
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    g_object_unref (toast);   /* no window: Undo still works through the page */
  retire_toast (old);
}

/* After a change that is not itself undone (a trim, an addition): the Undo offered would
 * put back what no longer stands as it was, so it goes, and its toast's button with it. */
static void
drop_undo (CrCutsPage *self)
{
  forget_undo (self);
  retire_toast (g_steal_pointer (&self->undo_toast));
}

/* What an event is called in a toast. */
static char *
event_words (CrCutsPage *self,
             guint       position)
{
  g_autoptr(CrCutEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), position - 1);

  if (event == NULL)
    return g_strdup ("event");
  return g_strdup (cr_cut_event_get_label (event) ? cr_cut_event_get_label (event) : cr_cut_event_get_source (event));
}

/* Event `from` to place `to`, with Undo back to the order before. Undo goes by the events'
 * identity, not their places: whatever moved meanwhile, it puts back that order. */
static gboolean
move_with_undo (CrCutsPage  *self,
                guint        from,
                guint        to,
                gboolean     by_key,
                GError     **error)
{
  g_autoptr(CrCutOrder) before = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  gint64 event;

  if (!(before = cr_cut_order_save (db_of (self), self->cut, error)))
    return FALSE;
  event = cr_cut_order_get_event (before, from);
  /* Named now: the cut read again gives this event object another event's words. */
  what = event_words (self, from);
  if (!cr_cut_move_event (db_of (self), self->cut, from, to, error))
    return FALSE;
  if (from != to)
    {
      title = g_strdup_printf ("Moved “%s” to %u", what, to);
      /* Alt+Up pressed three times is one move to undo, back to where the first began. */
      if (by_key && self->moved_by_key && self->order != NULL && self->moved_event == event &&
          cr_cut_order_get_cut (self->order) == self->cut)
        {
          if (self->undo_toast != NULL)
            adw_toast_set_title (self->undo_toast, title);
        }
      else
        {
          forget_undo (self);
          self->order = g_steal_pointer (&before);
          self->moved_event = event;
          self->moved_by_key = by_key;
          offer_undo (self, title);
        }
    }
  cr_production_changed (self->production, &cr_entity_event);
  gtk_single_selection_set_selected (self->selection, to - 1);
  return TRUE;
}

gboolean
cr_cuts_page_move_event (CrCutsPage  *self,
                         guint        from,
                         guint        to,
                         GError     **error)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  return move_with_undo (self, from, to, TRUE, error);
}

gboolean
cr_cuts_page_drop_event (CrCutsPage  *self,
                         guint        from,
                         guint        to,
                         GError     **error)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  return move_with_undo (self, from, to, FALSE, error);
}

gboolean
cr_cuts_page_remove_event (CrCutsPage  *self,
                           guint        position,
                           GError     **error)
{
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  CrCutRemoved *removed;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  what = event_words (self, position);
  if (!(removed = cr_cut_take_event (db_of (self), self->cut, position, error)))
    return FALSE;
  forget_undo (self);
  self->removed = removed;
  cr_production_changed (self->production, &cr_entity_event);
  title = g_strdup_printf ("Removed “%s”", what);
  offer_undo (self, title);
  return TRUE;
}

gboolean
cr_cuts_page_undo_remove (CrCutsPage  *self,
                          GError     **error)
{
  g_autoptr(CrCutRemoved) removed = NULL;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  if (self->removed == NULL)
    return TRUE;
  removed = g_steal_pointer (&self->removed);
  forget_undo (self);
  if (!cr_cut_removed_restore (removed, db_of (self), error))
    return FALSE;
  cr_production_changed (self->production, &cr_entity_event);
  gtk_single_selection_set_selected (self->selection, cr_cut_removed_get_position (removed) - 1);
  return TRUE;
}

gboolean
cr_cuts_page_undo (CrCutsPage  *self,
                   GError     **error)
{
  g_autoptr(CrCutOrder) order = NULL;
  gint64 event = self->moved_event;
  guint back;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  if (self->removed != NULL)
    return cr_cuts_page_undo_remove (self, error);
  if (self->order == NULL)
    return TRUE;
  order = g_steal_pointer (&self->order);
  forget_undo (self);
  if (!cr_cut_order_restore (order, db_of (self), error))
    return FALSE;
  cr_production_changed (self->production, &cr_entity_event);
  if (cr_cut_order_get_cut (order) == self->cut && (back = cr_cut_order_find (order, event)) > 0)
    gtk_single_selection_set_selected (self->selection, back - 1);
  return TRUE;
}

AdwToast *
cr_cuts_page_get_undo_toast (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  return self->undo_toast;
}

gboolean
cr_cuts_page_trim_event (CrCutsPage  *self,
                         guint        position,
                         const char  *source_in,
                         const char  *source_out,
                         GError     **error)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  if (!cr_cut_trim_event (db_of (self), self->cut, position, source_in, source_out, error))
    return FALSE;
  drop_undo (self);
  cr_production_changed (self->production, &cr_entity_event);
  return TRUE;
}

gboolean
cr_cuts_page_add_selects (CrCutsPage    *self,
                          gint64         cut,
                          const gint64  *selects,
                          guint          n_selects,
                          GError       **error)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  if (cut <= 0)
    cut = self->cut;
  if (cut <= 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: make a cut first (Stringout…)");
      return FALSE;
    }
  if (!cr_cut_add_selects (db_of (self), cut, selects, n_selects, 0, error))
    return FALSE;
  drop_undo (self);
  self->cut = cut;
  cr_production_changed (self->production, &cr_entity_event);
  reload_cuts (self);
  return TRUE;
}

gint64
cr_cuts_page_stringout (CrCutsPage         *self,
                        const char         *name,
                        const CrStringout  *what,
                        GError            **error)
{
  gint64 cut;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), 0);
  if (!(cut = cr_cut_stringout (db_of (self), name, what, error)))
    return 0;
  self->cut = cut;
  cr_production_changed (self->production, &cr_entity_cut);
  return cut;
}

GtkWindow *
cr_cuts_page_open_stringout (CrCutsPage *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  dialog = cr_stringout_dialog_new (self);
  gtk_window_present (dialog);
  return dialog;
}

GtkWindow *
cr_cuts_page_open_export (CrCutsPage *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), NULL);
  if (self->cut <= 0)
    return NULL;
  dialog = cr_cut_export_dialog_new (self, self->cut, cr_cuts_page_get_channel (self));
  gtk_window_present (dialog);
  return dialog;
}

gboolean
cr_cuts_page_is_busy (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  return cr_cut_posters_is_busy (self->posters);
}

gboolean
cr_cuts_page_is_importing (CrCutsPage *self)
{
  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  return self->importing;
}

/* What the import could not take as it was: the sources no catalogued clip was found for
 * (their events left out), and what the reader read otherwise than it was written (a
 * dissolve as a cut), as the command line lists them. */
static void
imported_say (CrCutsPage          *self,
              const CrCutImported *imported)
{
  guint n_unmatched = imported->unmatched ? imported->unmatched->len : 0;
  guint n_warnings = imported->warnings ? imported->warnings->len : 0;
  g_autoptr(GString) body = g_string_new (NULL);

  if (n_unmatched == 0 && n_warnings == 0)
    return;
  if (n_unmatched > 0)
    {
      g_string_append (body, "No catalogued clip was found for ");
      for (guint i = 0; i < n_unmatched; i++)
        g_string_append_printf (body, "%s“%s”", i ? ", " : "", (const char *) g_ptr_array_index (imported->unmatched, i));
      g_string_append_printf (body, ", so %s left out. Add the folder that holds %s on the Clips page, then "
                                    "import the list again.",
                              n_unmatched == 1 ? "its events were" : "their events were", n_unmatched == 1 ? "it" : "them");
    }
  for (guint i = 0; i < n_warnings; i++)
    g_string_append_printf (body, "%s%s.", body->len ? "\n\n" : "", (const char *) g_ptr_array_index (imported->warnings, i));
  cr_tell (GTK_WIDGET (self),
           n_unmatched == 0 ? "The Edit List Was Read with Changes"
                            : n_unmatched == 1 ? "A Source Was Not Found" : "Some Sources Were Not Found",
           body->str);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(CrCutsPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCutImported) imported = cr_cut_import_run_finish (result, &error);
  GtkWidget *overlay;

  self->importing = FALSE;
  gtk_widget_set_sensitive (self->import_button, TRUE);
  adw_button_content_set_label (self->import_content, "_Import…");
  if (self->production == NULL)
    return;   /* the window closed meanwhile; the cut is in the file */
  if (imported == NULL)
    {
      cr_tell_error (GTK_WIDGET (self), "Could Not Import the Edit List", error, "the edit list");
      return;
    }
  cr_production_changed (self->production, &cr_entity_cut);
  cr_cuts_page_show_cut (self, imported->cut);
  if ((overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY)))
    {
      g_autofree char *title = g_strdup_printf ("Imported “%s”: %u %s", imported->name, imported->n_events,
                                                imported->n_events == 1 ? "event" : "events");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }
  imported_say (self, imported);
}

/* An editor's edit list read into a new cut in the background; the cut is shown when it
 * is in, with what could not be matched. */
void
cr_cuts_page_import_file (CrCutsPage *self,
                          const char *path)
{
  g_return_if_fail (CR_IS_CUTS_PAGE (self));
  if (self->importing || self->production == NULL)
    return;
  self->importing = TRUE;
  /* The list is read in the background: the button says so meanwhile. */
  gtk_widget_set_sensitive (self->import_button, FALSE);
  adw_button_content_set_label (self->import_content, "Importing…");
  cr_cut_import_run_async (cr_production_get_path (self->production), path, imported_cb, g_object_ref (self));
}

gboolean
cr_cuts_page_drop (CrCutsPage    *self,
                   const GValue  *value,
                   GError       **error)
{
  gint64 select;

  g_return_val_if_fail (CR_IS_CUTS_PAGE (self), FALSE);
  if (!G_VALUE_HOLDS_INT64 (value) || (select = g_value_get_int64 (value)) <= 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: only selects can be dropped here");
      return FALSE;
    }
  return cr_cuts_page_add_selects (self, 0, &select, 1, error);
}
