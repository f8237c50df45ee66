/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-stringout-dialog"

#include "config.h"

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
  GtkWidget    *tag_group;
  AdwEntryRow  *tag_row;
  GtkWidget    *rating_group;
  AdwComboRow  *rating_row;
  GtkLabel     *preview_label;

  /* owned */
  CrCutsPage   *page;
  GPtrArray    *checks;     /* GtkCheckButton per question, "cr-id" and "cr-text" on each */
  GArray       *ticked;     /* gint64 question ids, in the order ticked */
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
    what->tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  else if (by == 2)
    what->min_rating = (int) adw_combo_row_get_selected (self->rating_row) + 1;
}

static void
update_preview (CrStringoutDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CrStringout what;

  criteria (self, &what);
  if (what.tag != NULL && *what.tag == '\0')
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

static void
by_changed_cb (CrStringoutDialog *self)
{
  guint by = adw_combo_row_get_selected (self->by_row);

  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), by == 0);
  gtk_widget_set_visible (self->tag_group, by == 1);
  gtk_widget_set_visible (self->rating_group, by == 2);
  update_preview (self);
}

/* Each ticked question shows its place in the order. */
static void
number_ticks (CrStringoutDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkLabel *order = g_object_get_data (G_OBJECT (check), "cr-order");
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cr-id"));
      g_autofree char *text = NULL;

      for (guint t = 0; t < self->ticked->len; t++)
        if (g_array_index (self->ticked, gint64, t) == id)
          text = g_strdup_printf ("%u", t + 1);
      gtk_label_set_text (order, text ? text : "");
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

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cr_record_get (q, "text"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (cr_record_get (q, "topic"))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cr_record_get (q, "topic"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (order, "numeric");
      gtk_widget_add_css_class (order, "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), order);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "cr-id", GSIZE_TO_POINTER ((gsize) q->id));
      g_object_set_data_full (G_OBJECT (check), "cr-text", g_strdup (cr_record_get (q, "text")), g_free);
      g_object_set_data (G_OBJECT (check), "cr-order", order);
      g_signal_connect (check, "toggled", G_CALLBACK (question_toggled_cb), self);
      g_ptr_array_add (self->checks, check);
      adw_preferences_group_add (self->questions_group, row);
    }
  if (questions == NULL)
    g_warning ("questions: %s", error->message);
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
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tag_group);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, rating_group);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, CrStringoutDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, criteria_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_stringout_dialog_init (CrStringoutDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
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

gboolean
cr_stringout_dialog_tick_question (CrStringoutDialog *self,
                                   const char        *text)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      if (g_str_equal (g_object_get_data (G_OBJECT (check), "cr-text"), text))
        {
          gtk_check_button_set_active (check, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

void
cr_stringout_dialog_set_by (CrStringoutDialog *self,
                            guint              by)
{
  adw_combo_row_set_selected (self->by_row, by);
}

void
cr_stringout_dialog_set_tag (CrStringoutDialog *self,
                             const char        *tag)
{
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), tag);
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
