/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include <string.h>

#include "cr-clip-time.h"
#include "cr-discard.h"
#include "cr-error-words.h"
#include "cr-select-dialog.h"
#include "cr-store.h"
#include "cr-words.h"

struct _CrSelectDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkWidget    *save_button;
  GtkLabel     *error;
  AdwActionRow *range_row;
  AdwEntryRow  *label_row;
  AdwComboRow  *question_row;
  AdwEntryRow  *people_row;

  /* owned */
  CrProduction *production;
  GArray       *question_ids;  /* position in the combo -> id; 0 for "None" */
  gint64        clip, in_frame, out_frame;
  char         *people;        /* as the dialog opened: a change from it asks before Esc */
  char         *message;       /* what the line above the form says; NULL when nothing */
  const char   *error_field;   /* the field it names */
};

G_DEFINE_FINAL_TYPE (CrSelectDialog, cr_select_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- what is wrong ---- */

/* The row that shows a field of the select: the range shows the in and out points. */
static GtkWidget *
row_of (CrSelectDialog *self,
        const char     *field)
{
  if (g_strcmp0 (field, "label") == 0)
    return GTK_WIDGET (self->label_row);
  if (g_strcmp0 (field, "question") == 0)
    return GTK_WIDGET (self->question_row);
  if (g_strcmp0 (field, "participants") == 0)
    return GTK_WIDGET (self->people_row);
  if (g_strcmp0 (field, "in_frame") == 0 || g_strcmp0 (field, "out_frame") == 0 || g_strcmp0 (field, "clip") == 0)
    return GTK_WIDGET (self->range_row);
  return NULL;
}

static void
clear_message (CrSelectDialog *self)
{
  for (const char * const *f = (const char * const[]) { "label", "question", "participants", "clip", NULL }; *f; f++)
    gtk_widget_remove_css_class (row_of (self, *f), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  g_clear_pointer (&self->message, g_free);
  self->error_field = NULL;
}

/* A store message ("select FIELD: reason", as the command line says it) in the form's words
 * ("Label: reason"), above the form, with the row it names marked; with focus, that row
 * takes the keyboard (a refused Save), else it is only marked (as the user types). */
static void
show_message (CrSelectDialog *self,
              const char     *message,
              gboolean        focus)
{
  const CrEntity *e = &cr_entity_select;
  GtkWidget *row = NULL;

  clear_message (self);
  for (guint i = 0; i < e->n_fields && row == NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s %s: ", e->name, e->fields[i].name);

      if (g_str_has_prefix (message, prefix) && (row = row_of (self, e->fields[i].name)) != NULL)
        {
          g_autofree char *words = cr_words_field (&e->fields[i]);
          self->error_field = e->fields[i].name;
          /* Named as the rows are: the range holds the points, "People" the participants. */
          const char *title = row == GTK_WIDGET (self->range_row) ? "Range"
                              : row == GTK_WIDGET (self->people_row) ? "People" : words;
          self->message = g_strdup_printf ("%s: %s", title, message + strlen (prefix));
        }
    }
  if (self->message == NULL)
    self->message = g_strdup (message);
  gtk_label_set_text (self->error, self->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      if (focus)
        gtk_widget_grab_focus (row);
    }
}

/* The people typed, as the command line takes them: one a line. */
static char *
people_lines (CrSelectDialog *self)
{
  g_auto(GStrv) people = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->people_row)), ",", -1);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; people[i]; i++)
    {
      g_strstrip (people[i]);
      if (*people[i])
        g_string_append_printf (list, "%s\n", people[i]);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* What is typed, checked as it is typed by the check the store and the command line make
 * (cr_field_normalize ()), so the message is theirs. The range is the one marked in the
 * player, not typed here: the store checks it on Save. */
static void
check_live (CrSelectDialog *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autofree char *people = people_lines (self);
  struct { const char *field; const char *text; } typed[] = {
    { "label", gtk_editable_get_text (GTK_EDITABLE (self->label_row)) },
    { "participants", people },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = NULL;

      if (!cr_field_normalize (db, &cr_entity_select, cr_entity_find_field (&cr_entity_select, typed[i].field),
                               typed[i].text, NULL, &normal, &error))
        {
          show_message (self, error->message, FALSE);
          return;
        }
    }
  clear_message (self);
}

static void
save_clicked_cb (CrSelectDialog *self)
{
  cr_select_dialog_save (self, NULL);
}

/* ---- closing ---- */

gboolean
cr_select_dialog_is_changed (CrSelectDialog *self)
{
  g_return_val_if_fail (CR_IS_SELECT_DIALOG (self), FALSE);
  return *gtk_editable_get_text (GTK_EDITABLE (self->label_row)) != '\0' ||
         adw_combo_row_get_selected (self->question_row) != 0 ||
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->people_row)), self->people) != 0;
}

/* Esc or Cancel on a changed dialog asks first, as the record editor does. */
static gboolean
close_request_cb (CrSelectDialog *self)
{
  return cr_discard_close_request (GTK_WINDOW (self), cr_select_dialog_is_changed (self),
                                   "What you typed here is not saved as a select.");
}

/* ---- the class ---- */

/* The dialog opens in the label: a few words on what is said is what is asked first. */
static void
cr_select_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cr_select_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (CR_SELECT_DIALOG (widget)->label_row));
}

static void
cr_select_dialog_dispose (GObject *object)
{
  CrSelectDialog *self = CR_SELECT_DIALOG (object);

  g_clear_object (&self->production);
  g_clear_pointer (&self->question_ids, g_array_unref);
  g_clear_pointer (&self->people, g_free);
  g_clear_pointer (&self->message, g_free);
  G_OBJECT_CLASS (cr_select_dialog_parent_class)->dispose (object);
}

static void
cr_select_dialog_class_init (CrSelectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_select_dialog_dispose;
  widget_class->map = cr_select_dialog_map;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-select-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, error);
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, question_row);
  gtk_widget_class_bind_template_child (widget_class, CrSelectDialog, people_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_select_dialog_init (CrSelectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  self->question_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect_swapped (self->label_row, "changed", G_CALLBACK (check_live), self);
  g_signal_connect_swapped (self->people_row, "changed", G_CALLBACK (check_live), self);
}

static void
add_question (CrSelectDialog *self,
              GtkStringList  *names,
              const CrRecord *question)
{
  g_autofree char *text = cr_record_describe (question);

  gtk_string_list_append (names, text);
  g_array_append_val (self->question_ids, question->id);
}

/* The questions the clip's interview asks first, in its order, then the rest of the bank in
 * the bank's order. */
static void
fill_questions (CrSelectDialog *self,
                CrDb           *db,
                gint64          interview)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) questions = cr_store_list (db, &cr_entity_question, NULL, NULL);
  g_autoptr(CrRecord) record = interview ? cr_store_get (db, &cr_entity_interview, interview, NULL) : NULL;
  g_autoptr(GArray) asked = record ? cr_record_get_ids (record, "questions") : NULL;
  gint64 none = 0;

  gtk_string_list_append (names, "None");
  g_array_append_val (self->question_ids, none);
  for (guint i = 0; asked && i < asked->len; i++)
    for (guint j = 0; questions && j < questions->len; j++)
      if (((CrRecord *) g_ptr_array_index (questions, j))->id == g_array_index (asked, gint64, i))
        add_question (self, names, g_ptr_array_index (questions, j));
  for (guint j = 0; questions && j < questions->len; j++)
    {
      CrRecord *q = g_ptr_array_index (questions, j);
      gboolean first = FALSE;

      for (guint i = 0; asked && i < asked->len && !first; i++)
        first = g_array_index (asked, gint64, i) == q->id;
      if (!first)
        add_question (self, names, q);
    }
  adw_combo_row_set_model (self->question_row, G_LIST_MODEL (names));
}

static char *
interview_people (CrDb   *db,
                  gint64  interview)
{
  g_autoptr(CrRecord) record = interview ? cr_store_get (db, &cr_entity_interview, interview, NULL) : NULL;
  g_autoptr(GArray) ids = record ? cr_record_get_ids (record, "participants") : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autofree char *name = cr_store_label (db, &cr_entity_participant, g_array_index (ids, gint64, i));
      if (name)
        g_string_append_printf (text, "%s%s", text->len ? ", " : "", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

CrSelectDialog *
cr_select_dialog_new (GtkWindow    *parent,
                      CrProduction *production,
                      gint64        clip,
                      gint64        in_frame,
                      gint64        out_frame)
{
  CrSelectDialog *self = g_object_new (CR_TYPE_SELECT_DIALOG, "transient-for", parent, NULL);
  CrDb *db = cr_production_get_db (production);
  g_autoptr(CrRecord) record = cr_store_get (db, &cr_entity_clip, clip, NULL);
  g_autofree char *in = cr_clip_format_position (db, clip, in_frame);
  g_autofree char *out = cr_clip_format_position (db, clip, out_frame);
  g_autofree char *range = g_strdup_printf ("%s – %s", in, out);
  gint64 interview = record ? cr_record_get_int (record, "interview", 0) : 0;
  g_autofree char *people = interview_people (db, interview);

  self->production = g_object_ref (production);
  self->clip = clip;
  self->in_frame = in_frame;
  self->out_frame = out_frame;
  adw_action_row_set_subtitle (self->range_row, range);
  fill_questions (self, db, interview);
  gtk_editable_set_text (GTK_EDITABLE (self->people_row), people);
  self->people = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->people_row)));
  return self;
}

void
cr_select_dialog_set_label (CrSelectDialog *self,
                            const char     *label)
{
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);
}

void
cr_select_dialog_set_people (CrSelectDialog *self,
                             const char     *people)
{
  gtk_editable_set_text (GTK_EDITABLE (self->people_row), people);
}

const char *
cr_select_dialog_get_error (CrSelectDialog *self)
{
  g_return_val_if_fail (CR_IS_SELECT_DIALOG (self), NULL);
  return self->message;
}

const char *
cr_select_dialog_get_error_field (CrSelectDialog *self)
{
  g_return_val_if_fail (CR_IS_SELECT_DIALOG (self), NULL);
  return self->error_field;
}

gint64
cr_select_dialog_save (CrSelectDialog  *self,
                       GError         **error)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_select);
  guint question = adw_combo_row_get_selected (self->question_row);
  g_autofree char *people = people_lines (self);
  g_autoptr(GError) local = NULL;
  gint64 id;

  cr_record_take (input, "clip", g_strdup_printf ("%" G_GINT64_FORMAT, self->clip));
  cr_record_take (input, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, self->in_frame));
  cr_record_take (input, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, self->out_frame));
  cr_record_set (input, "label", gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
  if (question != GTK_INVALID_LIST_POSITION && question < self->question_ids->len &&
      g_array_index (self->question_ids, gint64, question) != 0)
    cr_record_take (input, "question", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                        g_array_index (self->question_ids, gint64, question)));
  if (*people)
    cr_record_set (input, "participants", people);
  if (!(id = cr_store_insert (db, input, &local)))
    {
      /* As the forms say it: never SQLite's words. */
      g_autofree char *words = cr_error_words (&cr_entity_select, local);

      show_message (self, words, TRUE);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}
