/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-shots-page"

#include "config.h"

#include <string.h>

#include "cr-tell.h"
#include "cr-error-words.h"
#include "cr-page.h"
#include "cr-print.h"
#include "cr-print-actions.h"
#include "cr-record-editor.h"
#include "cr-record-format.h"
#include "cr-shot-order.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "cr-words.h"

struct _CrShotsPage
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *toolbar;
  GtkStack     *stack;
  AdwStatusPage *no_results_page;
  GtkLabel     *summary_label;
  GtkListBox   *list;
  GtkWidget    *show_all_button;
  GtkWidget    *search_entry;

  /* owned */
  CrProduction *production;
  GPtrArray    *shots;       /* CrRecord *, as shown */
  GHashTable   *buttons;     /* shot id -> GtkButton (borrowed) */
  GHashTable   *coverage;    /* shot id -> char * (words) */
  gboolean      only_missing; /* the filter: only shots without footage */
  char         *priority;     /* and only of this priority; NULL: any */
  char         *search;       /* casefolded; NULL: none */
  GHashTable   *before_drop;  /* shot id -> the status it had when dropped here (char *) */
  AdwToast     *undo_toast;   /* borrowed: the last Drop's Undo, while it shows */
  gint64        undo_shot;    /* the shot it brings back */
};

static void cr_shots_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrShotsPage, cr_shots_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_shots_page_page_init))

/* One click moves a shot on; a dropped shot comes back as it was when dropped here, or as
 * planned when that is not known (dropped in an earlier session, or in the form). */
static const char *
next_status (CrShotsPage *self,
             gint64       shot,
             const char  *status)
{
  if (g_strcmp0 (status, "planned") == 0 || status == NULL)
    return "captured";
  if (g_str_equal (status, "captured"))
    return "selected";
  if (g_str_equal (status, "dropped") && g_hash_table_contains (self->before_drop, &shot))
    return g_hash_table_lookup (self->before_drop, &shot);
  return "planned";
}

static CrDb *
db_of (CrShotsPage *self)
{
  return cr_production_get_db (self->production);
}

static gboolean
set_status (CrShotsPage *self,
            gint64       shot,
            const char  *status,
            const char  *heading)
{
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_shot);
  g_autoptr(GError) error = NULL;

  cr_record_set (changes, "status", status);
  if (!cr_store_update (db_of (self), &cr_entity_shot, shot, changes, &error))
    {
      cr_tell_write_error (GTK_WIDGET (self), heading, error, "the shot");
      return FALSE;
    }
  cr_production_changed (self->production, &cr_entity_shot);
  return TRUE;
}

/* ---- Drop, with Undo in a toast ---- */

/* The toast of an Undo that is gone keeps its words but loses its button. It is not
 * dismissed: libadwaita 1.2 aborts or touches freed animations when a toast is dismissed
 * while another, replaced, is still hiding (as on the Cuts page). */
static void
retire_undo (CrShotsPage *self)
{
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_set_button_label (toast, NULL);
  self->undo_shot = 0;
}

static void
undo_clicked_cb (AdwToast    *toast,
                 CrShotsPage *self)
{
  g_autoptr(CrRecord) now = NULL;
  g_autofree char *status = NULL;
  gint64 shot = self->undo_shot;

  /* A toast pushed back by a newer one offers nothing once it shows again. */
  if (toast != self->undo_toast)
    return;
  self->undo_toast = NULL;
  self->undo_shot = 0;
  /* Brought back meanwhile (in its form), or deleted: there is no drop left to undo. */
  now = cr_store_get (db_of (self), &cr_entity_shot, shot, NULL);
  if (now == NULL || g_strcmp0 (cr_record_get (now, "status"), "dropped") != 0)
    return;
  status = g_strdup (g_hash_table_lookup (self->before_drop, &shot));
  if (status != NULL && set_status (self, shot, status, "Could Not Undo"))
    g_hash_table_remove (self->before_drop, &shot);
}

static void
undo_dismissed_cb (CrShotsPage *self,
                   AdwToast    *toast)
{
  if (self->undo_toast == toast)
    {
      self->undo_toast = NULL;
      self->undo_shot = 0;
    }
}

/* One Undo at a time: a newer drop's toast replaces the one shown, whose button goes. */
static void
offer_undo (CrShotsPage *self,
            gint64       shot,
            const char  *number)
{
  g_autofree char *title = g_strdup_printf ("Dropped shot %s", number ? number : "");
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  retire_undo (self);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }
  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  self->undo_shot = shot;
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
status_clicked_cb (GtkButton   *button,
                   CrShotsPage *self)
{
  gint64 shot = *(gint64 *) g_object_get_data (G_OBJECT (button), "cr-id");
  const char *status = g_object_get_data (G_OBJECT (button), "cr-status");
  g_autofree char *next = g_strdup (next_status (self, shot, status));

  if (!set_status (self, shot, next, "Could Not Change the Shot"))
    return;
  /* Brought back: what it was before the drop is used, and its Undo with it. */
  if (g_strcmp0 (status, "dropped") == 0)
    {
      g_hash_table_remove (self->before_drop, &shot);
      if (self->undo_shot == shot)
        retire_undo (self);
    }
}

static void
drop_clicked_cb (GtkButton   *button,
                 CrShotsPage *self)
{
  gint64 shot = *(gint64 *) g_object_get_data (G_OBJECT (button), "cr-id");
  g_autofree char *was = g_strdup (g_object_get_data (G_OBJECT (button), "cr-status"));
  g_autofree char *number = g_strdup (g_object_get_data (G_OBJECT (button), "cr-number"));

  /* Kept first: the rows built again on the change offer to bring it back as it was. */
  g_hash_table_insert (self->before_drop, g_memdup2 (&shot, sizeof (gint64)), g_steal_pointer (&was));
  if (!set_status (self, shot, "dropped", "Could Not Change the Shot"))
    {
      g_hash_table_remove (self->before_drop, &shot);
      return;
    }
  offer_undo (self, shot, number);
}

static void
row_activated_cb (CrShotsPage   *self,
                  GtkListBoxRow *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "cr-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-record", "(sx)", "shot", id);
}

/* ---- drag and drop: a shot's id travels, the row it lands on is where it goes ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "cr-id");

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  CrShotsPage *self = CR_SHOTS_PAGE (gtk_widget_get_ancestor (row, CR_TYPE_SHOTS_PAGE));
  g_autoptr(GError) error = NULL;

  /* A filtered list hides the rows between: a place in it is no place in the shot list. */
  if (self->only_missing || self->priority != NULL || self->search != NULL)
    return FALSE;
  if (!cr_shots_page_move (self, g_value_get_int64 (value), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                           &error))
    {
      cr_tell_write_error (GTK_WIDGET (self), "Could Not Move the Shot", error, "the shot list");
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
label (const char *text,
       const char *style)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
  if (style)
    gtk_widget_add_css_class (l, style);
  return l;
}

static char *
field_words (CrShotsPage *self,
             CrRecord    *shot,
             const char  *name)
{
  const CrField *field = cr_entity_find_field (&cr_entity_shot, name);
  g_autofree char *display = cr_record_display (db_of (self), shot, field);

  return display ? cr_words_value (field, display) : NULL;
}

/* Whether the search finds the shot in what its row says: number, description, type, size,
 * place, priority and status in words ("captured", "must"), and its footage. */
static gboolean
matches_search (CrShotsPage *self,
                CrRecord    *shot,
                int          clips)
{
  g_autoptr(GString) said = g_string_new (NULL);
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;
  for (const char * const *f = (const char * const[]) { "number", "description", "type", "size", "location",
                                                        "priority", "status", NULL }; *f; f++)
    {
      g_autofree char *words = field_words (self, shot, *f);
      if (words)
        g_string_append_printf (said, "%s\n", words);
    }
  g_string_append (said, clips > 0 ? "footage\n" : "no footage yet\n");
  folded = g_utf8_casefold (said->str, -1);
  return strstr (folded, self->search) != NULL;
}

static GtkWidget *
make_row (CrShotsPage *self,
          CrRecord    *shot,
          int          clips)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status, *drop, *coverage;
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  const char *state = cr_record_get (shot, "status") ? cr_record_get (shot, "status") : "planned";
  g_autofree char *state_words = cr_words_choice (state);
  g_autofree char *next_words = cr_words_choice (next_status (self, shot->id, state));
  g_autofree char *tip = g_strdup_printf ("Mark as %s", next_words);
  g_autofree char *type = field_words (self, shot, "type");
  g_autofree char *size = field_words (self, shot, "size");
  g_autofree char *where = field_words (self, shot, "location");
  g_autofree char *length = field_words (self, shot, "duration");
  g_autofree char *priority = field_words (self, shot, "priority");
  const char *details[] = { type, size, where, length };
  g_autoptr(GString) about = g_string_new (NULL);
  g_autofree char *clips_words = clips > 0 ? g_strdup_printf ("%d %s", clips, clips == 1 ? "clip" : "clips")
                                           : g_strdup ("No footage yet");

  /* Every detail that is set, whatever is left empty before it. */
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (details[i] != NULL && *details[i] != '\0')
      g_string_append_printf (about, "%s%s", about->len ? "  ·  " : "", details[i]);
  if (priority && !g_str_equal (cr_record_get (shot, "priority") ? cr_record_get (shot, "priority") : "normal", "normal"))
    g_string_append_printf (about, "%sPriority: %s", about->len ? "  ·  " : "", priority);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-drag-handle-symbolic"));
  gtk_widget_set_size_request (gtk_widget_get_last_child (box), 16, -1);
  {
    GtkWidget *number = label (cr_record_get (shot, "number"), "heading");
    gtk_widget_set_size_request (number, 48, -1);
    gtk_box_append (GTK_BOX (box), number);
  }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), label (cr_record_get (shot, "description") ? cr_record_get (shot, "description")
                                                                             : "No description", NULL));
  gtk_box_append (GTK_BOX (text), label (about->str, "dim-label"));
  gtk_box_append (GTK_BOX (box), text);

  coverage = label (clips_words, clips > 0 ? "success" : "dim-label");
  gtk_widget_add_css_class (coverage, "caption");
  gtk_box_append (GTK_BOX (box), coverage);

  status = gtk_button_new_with_label (state_words);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status, tip);
  gtk_widget_add_css_class (status, "shot-status");
  gtk_widget_add_css_class (status, state);
  g_object_set_data_full (G_OBJECT (status), "cr-id", g_memdup2 (&shot->id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (status), "cr-status", g_strdup (state), g_free);
  g_signal_connect (status, "clicked", G_CALLBACK (status_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), status);

  drop = gtk_button_new_from_icon_name ("action-unavailable-symbolic");
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (drop, "Drop this shot");
  gtk_widget_add_css_class (drop, "flat");
  gtk_widget_set_sensitive (drop, !g_str_equal (state, "dropped"));
  g_object_set_data_full (G_OBJECT (drop), "cr-id", g_memdup2 (&shot->id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (drop), "cr-status", g_strdup (state), g_free);
  g_object_set_data_full (G_OBJECT (drop), "cr-number", g_strdup (cr_record_get (shot, "number")), g_free);
  g_signal_connect (drop, "clicked", G_CALLBACK (drop_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), drop);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (g_str_equal (state, "dropped"))
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), "cr-id", g_memdup2 (&shot->id, sizeof (gint64)), g_free);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  g_hash_table_insert (self->buttons, g_memdup2 (&shot->id, sizeof (gint64)), status);
  g_hash_table_insert (self->coverage, g_memdup2 (&shot->id, sizeof (gint64)), g_strdup (clips_words));
  return row;
}

/* Where the keyboard was in the list before it is built again: the shot whose row had it,
 * and whether on the row itself or on one of its buttons. */
typedef struct
{
  gint64   shot;     /* 0: not in the list */
  gboolean on_row;
  int      index;
} ListFocus;

static ListFocus
list_focus (CrShotsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list))
                   ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  ListFocus was = { 0 };

  if (row == NULL || g_object_get_data (G_OBJECT (row), "cr-id") == NULL)
    return was;
  was.shot = *(gint64 *) g_object_get_data (G_OBJECT (row), "cr-id");
  was.on_row = focus == row;
  was.index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return was;
}

/* The keyboard back on the same shot, on its status (the Drop button it may have pressed is
 * now off) or its row; a shot no longer shown leaves it on the row now in its place. */
static void
restore_focus (CrShotsPage     *self,
               const ListFocus *was)
{
  GtkWidget *status, *row;

  if (was->shot == 0)
    return;
  status = GTK_WIDGET (g_hash_table_lookup (self->buttons, &was->shot));
  if (status != NULL)
    {
      gtk_widget_grab_focus (was->on_row ? gtk_widget_get_ancestor (status, GTK_TYPE_LIST_BOX_ROW) : status);
      return;
    }
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, was->index));
  if (row == NULL)
    row = gtk_widget_get_last_child (GTK_WIDGET (self->list));
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
reload (CrShotsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shots = cr_store_list (db_of (self), &cr_entity_shot, NULL, &error);
  g_autoptr(GHashTable) coverage = shots ? cr_shot_coverage (db_of (self), &error) : NULL;
  g_autofree char *summary = NULL;
  guint covered = 0, counted = 0, total;
  ListFocus was = list_focus (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->buttons);
  g_hash_table_remove_all (self->coverage);
  g_clear_pointer (&self->shots, g_ptr_array_unref);
  if (shots == NULL || coverage == NULL)
    {
      g_autofree char *words = cr_error_words_read (error, "the shot list");

      gtk_label_set_text (self->summary_label, words);
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_widget_set_visible (self->toolbar, TRUE);
      return;
    }
  total = shots->len;
  for (guint i = 0; i < shots->len; i++)
    {
      CrRecord *shot = g_ptr_array_index (shots, i);
      int clips = GPOINTER_TO_INT (g_hash_table_lookup (coverage, &shot->id));
      gboolean dropped = g_strcmp0 (cr_record_get (shot, "status"), "dropped") == 0;

      /* Brought back some other way: what it was before no longer holds. */
      if (!dropped)
        g_hash_table_remove (self->before_drop, &shot->id);

      /* The Overview's "without footage" leaves out what has footage, or is owed none. */
      if ((self->only_missing && (clips > 0 || dropped)) ||
          (self->priority && g_strcmp0 (cr_record_get (shot, "priority"), self->priority) != 0) ||
          !matches_search (self, shot, clips))
        {
          g_ptr_array_remove_index (shots, i--);
          continue;
        }
      gtk_list_box_append (self->list, make_row (self, shot, clips));
      /* A dropped shot is not owed any footage. */
      if (!dropped)
        {
          counted++;
          covered += clips > 0;
        }
    }
  if (shots->len == 0 && self->search)
    summary = g_strdup ("No shots match");
  else if (total == 0)
    summary = g_strdup ("No shots planned yet");
  else if (self->only_missing)
    summary = g_strdup_printf ("%u %s%s%s without footage", counted, self->priority ? self->priority : "",
                               self->priority ? "-priority " : "", counted == 1 ? "shot" : "shots");
  else if (shots->len == 0)
    summary = g_strdup ("No shots match");
  /* Only dropped shots shown: none of them is owed footage. */
  else if (counted == 0)
    summary = g_strdup_printf ("%u dropped %s%s", shots->len, shots->len == 1 ? "shot" : "shots",
                               self->search ? " found" : "");
  else
    summary = cr_words_footage (covered, counted, self->search != NULL);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (self->show_all_button, self->only_missing || self->priority != NULL);
  /* A new production's page says what to do first, with its own Add button, and has nothing
   * to search; a search or a filter that finds nothing says so, not an empty list. */
  if (total == 0 && self->search == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shots->len == 0)
    {
      adw_status_page_set_description (self->no_results_page, self->search ? "Try a different search"
                                                                           : "Show all shots to see the rest");
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->toolbar, total > 0 || self->search != NULL);
  self->shots = g_steal_pointer (&shots);
  restore_focus (self, &was);
}

static void
production_changed_cb (CrShotsPage    *self,
                       const CrEntity *entity)
{
  if (entity == &cr_entity_shot || entity == &cr_entity_clip || entity == &cr_entity_location)
    reload (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrShotsPage *self = CR_SHOTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CrRecordEditor *editor = cr_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->production,
                                                 &cr_entity_shot, 0, NULL);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
cr_shots_page_dispose (GObject *object)
{
  CrShotsPage *self = CR_SHOTS_PAGE (object);

  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_SHOTS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_shots_page_parent_class)->dispose (object);
}

static void
cr_shots_page_finalize (GObject *object)
{
  CrShotsPage *self = CR_SHOTS_PAGE (object);

  g_clear_pointer (&self->shots, g_ptr_array_unref);
  g_hash_table_unref (self->buttons);
  g_hash_table_unref (self->coverage);
  g_hash_table_unref (self->before_drop);
  g_free (self->priority);
  g_free (self->search);
  G_OBJECT_CLASS (cr_shots_page_parent_class)->finalize (object);
}

static void
search_changed_cb (CrShotsPage    *self,
                   GtkSearchEntry *entry)
{
  cr_shots_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
show_all_clicked_cb (CrShotsPage *self)
{
  cr_shots_page_set_filter (self, FALSE, NULL);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cr_print_actions_print (widget, db_of (CR_SHOTS_PAGE (widget)), cr_print_shotlist, "Shot List");
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cr_print_actions_save_pdf (widget, db_of (CR_SHOTS_PAGE (widget)), cr_print_shotlist, "Shot List", "Shot list.pdf");
}

/* ---- the window's keys: the page's own actions ---- */

static void
page_add (CrPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "shots.add", NULL);
}

static void
page_print (CrPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "shots.print", NULL);
}

static void
page_focus_search (CrPage *page)
{
  gtk_widget_grab_focus (CR_SHOTS_PAGE (page)->search_entry);
}

static void
cr_shots_page_page_init (CrPageInterface *iface)
{
  iface->add = page_add;
  iface->print = page_print;
  iface->focus_search = page_focus_search;
}

static void
cr_shots_page_class_init (CrShotsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_shots_page_dispose;
  object_class->finalize = cr_shots_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-shots-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "shots.add", NULL, add_activated);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, CrShotsPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_install_action (widget_class, "shots.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "shots.save-pdf", NULL, save_pdf_activated);
}

static void
cr_shots_page_init (CrShotsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->coverage = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->before_drop = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

CrShotsPage *
cr_shots_page_new (CrProduction *production)
{
  CrShotsPage *self = g_object_new (CR_TYPE_SHOTS_PAGE, NULL);

  self->production = g_object_ref (production);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

char *
cr_shots_page_dup_order (CrShotsPage *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; self->shots && i < self->shots->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "",
                            cr_record_get (g_ptr_array_index (self->shots, i), "number"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
cr_shots_page_move (CrShotsPage  *self,
                    gint64        shot,
                    guint         index,
                    GError      **error)
{
  g_return_val_if_fail (CR_IS_SHOTS_PAGE (self), FALSE);
  if (!cr_shot_move (db_of (self), shot, index, error))
    return FALSE;
  cr_production_changed (self->production, &cr_entity_shot);
  return TRUE;
}

GtkButton *
cr_shots_page_get_status_button (CrShotsPage *self,
                                 gint64       shot)
{
  return g_hash_table_lookup (self->buttons, &shot);
}

const char *
cr_shots_page_get_coverage (CrShotsPage *self,
                            gint64       shot)
{
  return g_hash_table_lookup (self->coverage, &shot);
}

AdwToast *
cr_shots_page_get_undo_toast (CrShotsPage *self)
{
  g_return_val_if_fail (CR_IS_SHOTS_PAGE (self), NULL);
  return self->undo_toast;
}

const char *
cr_shots_page_get_summary (CrShotsPage *self)
{
  return gtk_label_get_text (self->summary_label);
}

void
cr_shots_page_set_filter (CrShotsPage *self,
                          gboolean     only_missing,
                          const char  *priority)
{
  g_return_if_fail (CR_IS_SHOTS_PAGE (self));
  self->only_missing = only_missing;
  g_free (self->priority);
  self->priority = g_strdup (priority);
  reload (self);
}

void
cr_shots_page_set_search (CrShotsPage *self,
                          const char  *text)
{
  g_return_if_fail (CR_IS_SHOTS_PAGE (self));
  g_clear_pointer (&self->search, g_free);
  if (text && *text)
    self->search = g_utf8_casefold (text, -1);
  reload (self);
}
