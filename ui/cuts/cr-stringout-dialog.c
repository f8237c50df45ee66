/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-stringout-dialog"

#include "config.h"

#include <string.h>

#include "cr-error-words.h"
#include "cr-cut-edit.h"
#include "cr-store.h"
#include "cr-stringout-dialog.h"

struct _CrStringoutDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkWidget    *create_button;
  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwComboRow  *by_row;
  AdwPreferencesGroup *questions_group;
  GtkListBox   *questions_list;
  GtkWidget    *tag_group;
  AdwEntryRow  *tag_row;
  GtkMenuButton *tags_button;
  GtkListBox   *tags_list;
  GtkWidget    *rating_group;
  AdwComboRow  *rating_row;
  GtkLabel     *preview_label;

  /* owned */
  CrCutsPage   *page;
  GPtrArray    *checks;     /* GtkCheckButton per question, "cr-id", "cr-text", "cr-order",
                             * "cr-up" and "cr-down" on each */
  GArray       *ticked;     /* gint64 question ids, in the cut's order (ticked, then moved) */
  int           preview;
};

G_DEFINE_FINAL_TYPE (CrStringoutDialog, cr_stringout_dialog, ADW_TYPE_WINDOW)

static CrDb *
db_of (CrStringoutDialog *self)
{
  return cr_production_get_db (cr_cuts_page_get_production (self->page));
}

/* The criteria as chosen; what->questions borrows self->ticked. */
static void
criteria (CrStringoutDialog *self,
          CrStringout       *what)
{
  guint by = adw_combo_row_get_selected (self->by_row);

  *what = (CrStringout) { .min_rating = -1 };
  if (by == 0 && self->ticked->len > 0)
    what->questions = self->ticked;
  else if (by == 1)
    what->tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));   /* stripped by the stringout */
  else if (by == 2)
    what->min_rating = (int) adw_combo_row_get_selected (self->rating_row) + 1;
}

static gboolean
blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static void
update_preview (CrStringoutDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CrStringout what;

  criteria (self, &what);
  if (what.tag != NULL && blank (what.tag))
    self->preview = 0;
  else
    self->preview = cr_cut_stringout_preview (db_of (self), &what, &error);
  if (self->preview < 0)
    text = cr_error_words_read (error, "the selects");
  else if (self->preview == 0)
    text = g_strdup ("No select matches");
  else
    text = g_strdup_printf ("%d %s", self->preview, self->preview == 1 ? "event" : "events");
  gtk_label_set_text (self->preview_label, text);
  gtk_widget_set_sensitive (self->create_button,
                            self->preview > 0 && *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0');
}

static void
criteria_changed_cb (CrStringoutDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_preview (self);
}

/* ---- the tags in use ---- */

/* A tag offered shows while it holds what is typed (any case): "roll" finds "B-Roll". */
static gboolean
tag_offered (GtkListBoxRow *row,
             gpointer       user_data)
{
  CrStringoutDialog *self = user_data;
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->tag_row)), -1);
  g_autofree char *tag = g_utf8_casefold (g_object_get_data (G_OBJECT (row), "cr-tag"), -1);

  return strstr (tag, g_strstrip (typed)) != NULL;
}

static void
tag_changed_cb (CrStringoutDialog *self)
{
  gtk_list_box_invalidate_filter (self->tags_list);
  criteria_changed_cb (self);
}

static void
tag_chosen_cb (CrStringoutDialog *self,
               GtkListBoxRow     *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), g_object_get_data (G_OBJECT (row), "cr-tag"));
  gtk_popover_popdown (gtk_menu_button_get_popover (self->tags_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_row));
  gtk_editable_set_position (GTK_EDITABLE (self->tag_row), -1);
}

static void
fill_tags (CrStringoutDialog *self)
{
  g_auto(GStrv) tags = cr_cut_stringout_tags (db_of (self));

  for (guint i = 0; tags[i]; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (tags[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "cr-tag", g_strdup (tags[i]), g_free);
      gtk_list_box_append (self->tags_list, row);
    }
  /* Nothing to choose from: the button says why rather than opening an empty list. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_button), tags[0] != NULL);
  if (tags[0] == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->tags_button), "No clip with selects has a tag");
}

static void
by_changed_cb (CrStringoutDialog *self)
{
  guint by = adw_combo_row_get_selected (self->by_row);

  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), by == 0);
  gtk_widget_set_visible (self->tag_group, by == 1);
  gtk_widget_set_visible (self->rating_group, by == 2);
  update_preview (self);
}

static int
place_of (CrStringoutDialog *self,
          GtkWidget         *check)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cr-id"));

  for (guint t = 0; t < self->ticked->len; t++)
    if (g_array_index (self->ticked, gint64, t) == id)
      return (int) t;
  return -1;
}

/* The rows stand in the cut's order: the ticked questions first, by their places, then the
 * others as the production lists them. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  CrStringoutDialog *self = user_data;
  GtkWidget *check_a = g_object_get_data (G_OBJECT (a), "cr-check");
  GtkWidget *check_b = g_object_get_data (G_OBJECT (b), "cr-check");
  int place_a = place_of (self, check_a), place_b = place_of (self, check_b);

  if (place_a >= 0 || place_b >= 0)
    {
      if (place_a < 0 || place_b < 0)
        return place_a < 0 ? 1 : -1;
      return place_a - place_b;
    }
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "cr-index"))
         - GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "cr-index"));
}

/* Each ticked question shows its place in the order, and arrows to move it there; its row
 * moves to that place (the focus goes with it). */
static void
number_ticks (CrStringoutDialog *self)
{
  gtk_list_box_invalidate_sort (self->questions_list);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkLabel *order = g_object_get_data (G_OBJECT (check), "cr-order");
      GtkWidget *up = g_object_get_data (G_OBJECT (check), "cr-up");
      GtkWidget *down = g_object_get_data (G_OBJECT (check), "cr-down");
      int place = place_of (self, check);
      g_autofree char *text = place >= 0 ? g_strdup_printf ("%d", place + 1) : NULL;

      gtk_label_set_text (order, text ? text : "");
      gtk_widget_set_visible (up, place >= 0 && self->ticked->len > 1);
      gtk_widget_set_visible (down, place >= 0 && self->ticked->len > 1);
      gtk_widget_set_sensitive (up, place > 0);
      gtk_widget_set_sensitive (down, place >= 0 && place + 1 < (int) self->ticked->len);
    }
}

static void
question_toggled_cb (GtkCheckButton    *check,
                     CrStringoutDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cr-id"));

  for (guint t = 0; t < self->ticked->len; t++)
    if (g_array_index (self->ticked, gint64, t) == id)
      g_array_remove_index (self->ticked, t--);
  if (gtk_check_button_get_active (check))
    g_array_append_val (self->ticked, id);
  number_ticks (self);
  update_preview (self);
}

/* A ticked question one place earlier (-1) or later (+1) in the cut. */
static gboolean
move_question (CrStringoutDialog *self,
               GtkWidget         *check,
               int                by)
{
  int place = place_of (self, check);
  int to = place + by;
  gint64 id;

  if (place < 0 || to < 0 || to >= (int) self->ticked->len)
    return FALSE;
  id = g_array_index (self->ticked, gint64, place);
  g_array_index (self->ticked, gint64, place) = g_array_index (self->ticked, gint64, to);
  g_array_index (self->ticked, gint64, to) = id;
  /* The order changes no count: the preview stands. */
  number_ticks (self);
  return TRUE;
}

/* An arrow's "cr-by" is -1 (earlier) or +1 (later). */
static void
arrow_clicked_cb (GtkButton         *button,
                  CrStringoutDialog *self)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (button), "cr-check");
  int by = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cr-by"));

  move_question (self, check, by);
  /* At the end the arrow goes insensitive: the focus stays on the row's other arrow. */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (button)))
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (check), by < 0 ? "cr-down" : "cr-up"));
}

/* Alt+Up and Alt+Down move the question whose row has the focus, as on the Cuts page. */
static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrStringoutDialog *self = CR_STRINGOUT_DIALOG (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW) : NULL;
  GtkWidget *check = row ? g_object_get_data (G_OBJECT (row), "cr-check") : NULL;

  if (check != NULL)
    move_question (self, check, g_str_equal (action_name, "stringout.move-up") ? -1 : 1);
}

static void
create_clicked_cb (CrStringoutDialog *self)
{
  if (cr_stringout_dialog_create (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_questions (CrStringoutDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = cr_store_list (db_of (self), &cr_entity_question, NULL, &error);

  for (guint i = 0; questions && i < questions->len; i++)
    {
      CrRecord *q = g_ptr_array_index (questions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *order = gtk_label_new (NULL);
      GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
      GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_record_get (q, "text"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (cr_record_get (q, "topic"))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cr_record_get (q, "topic"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (order, "numeric");
      gtk_widget_add_css_class (order, "accent");
      gtk_widget_set_size_request (order, 24, -1);
      for (guint b = 0; b < 2; b++)
        {
          GtkWidget *button = b ? down : up;
          const char *words = b ? "Later in the Cut (Alt+↓)" : "Earlier in the Cut (Alt+↑)";

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_visible (button, FALSE);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, words);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
          g_object_set_data (G_OBJECT (button), "cr-check", check);
          g_object_set_data (G_OBJECT (button), "cr-by", GINT_TO_POINTER (b ? 1 : -1));
          g_signal_connect (button, "clicked", G_CALLBACK (arrow_clicked_cb), self);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), order);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "cr-check", check);
      g_object_set_data (G_OBJECT (row), "cr-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (check), "cr-id", GSIZE_TO_POINTER ((gsize) q->id));
      g_object_set_data_full (G_OBJECT (check), "cr-text", g_strdup (cr_record_get (q, "text")), g_free);
      g_object_set_data (G_OBJECT (check), "cr-order", order);
      g_object_set_data (G_OBJECT (check), "cr-up", up);
      g_object_set_data (G_OBJECT (check), "cr-down", down);
      g_signal_connect (check, "toggled", G_CALLBACK (question_toggled_cb), self);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->questions_list, row);
    }
  /* Said where the questions would be: the dialog is over the window and its toasts. */
  if (questions == NULL)
    {
      g_autofree char *words = cr_error_words_read (error, "the questions");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->questions_list, row);
    }
}

static void
cr_stringout_dialog_dispose (GObject *object)
{
  CrStringoutDialog *self = CR_STRINGOUT_DIALOG (object);

  g_clear_object (&self->page);
  G_OBJECT_CLASS (cr_stringout_dialog_parent_class)->dispose (object);
}

static void
cr_stringout_dialog_finalize (GObject *object)
{
  CrStringoutDialog *self = CR_STRINGOUT_DIALOG (object);

  g_ptr_array_unref (self->checks);
  g_array_unref (self->ticked);
  G_OBJECT_CLASS (cr_stringout_dialog_parent_class)->finalize (object);
}

static void
cr_stringout_dialog_class_init (CrStringoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_stringout_dialog_dispose;
  object_class->finalize = cr_stringout_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-stringout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, by_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, questions_list);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tag_group);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tags_button);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tags_list);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, rating_group);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, criteria_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "stringout.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "stringout.move-down", NULL, move_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "stringout.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "stringout.move-down", NULL);
}

static void
cr_stringout_dialog_init (CrStringoutDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->questions_list, sort_rows, self, NULL);
  gtk_list_box_set_filter_func (self->tags_list, tag_offered, self, NULL);
}

GtkWindow *
cr_stringout_dialog_new (CrCutsPage *page)
{
  CrStringoutDialog *self = g_object_new (CR_TYPE_STRINGOUT_DIALOG, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  gint64 n = cr_store_count (cr_production_get_db (cr_cuts_page_get_production (page)), &cr_entity_cut, NULL, NULL);
  g_autofree char *name = n > 0 ? g_strdup_printf ("Stringout %" G_GINT64_FORMAT, n + 1) : g_strdup ("Stringout");

  self->page = g_object_ref (page);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  fill_questions (self);
  fill_tags (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  update_preview (self);
  /* A new form puts focus in its first field. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

void
cr_stringout_dialog_set_name (CrStringoutDialog *self,
                              const char        *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

static gboolean
set_ticked (CrStringoutDialog *self,
            const char        *text,
            gboolean           ticked)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      if (g_str_equal (g_object_get_data (G_OBJECT (check), "cr-text"), text))
        {
          gtk_check_button_set_active (check, ticked);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
cr_stringout_dialog_tick_question (CrStringoutDialog *self,
                                   const char        *text)
{
  return set_ticked (self, text, TRUE);
}

gboolean
cr_stringout_dialog_untick_question (CrStringoutDialog *self,
                                     const char        *text)
{
  return set_ticked (self, text, FALSE);
}

void
cr_stringout_dialog_set_by (CrStringoutDialog *self,
                            guint              by)
{
  adw_combo_row_set_selected (self->by_row, by);
}

void
cr_stringout_dialog_set_min_rating (CrStringoutDialog *self,
                                    guint              stars)
{
  g_return_if_fail (stars >= 1 && stars <= 5);
  adw_combo_row_set_selected (self->rating_row, stars - 1);
}

/* The question's row, its order label and its arrows, by the question's text. */
GtkWidget *
cr_stringout_dialog_get_question_row (CrStringoutDialog *self,
                                      const char        *text)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      if (g_str_equal (g_object_get_data (G_OBJECT (check), "cr-text"), text))
        return gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
    }
  return NULL;
}

void
cr_stringout_dialog_set_tag (CrStringoutDialog *self,
                             const char        *tag)
{
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), tag);
}

GtkMenuButton *
cr_stringout_dialog_get_tags_button (CrStringoutDialog *self)
{
  return self->tags_button;
}

const char *
cr_stringout_dialog_get_preview (CrStringoutDialog *self)
{
  return gtk_label_get_text (self->preview_label);
}

gint64
cr_stringout_dialog_create (CrStringoutDialog *self)
{
  g_autoptr(GError) error = NULL;
  CrStringout what;
  gint64 cut;

  criteria (self, &what);
  cut = cr_cuts_page_stringout (self->page, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &what, &error);
  if (cut == 0)
    {
      g_autofree char *words = cr_error_words_write (error, "the string-out");

      gtk_label_set_text (self->error_label, words);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  return cut;
}
