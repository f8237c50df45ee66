/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-time.h"
#include "cr-select-dialog.h"
#include "cr-store.h"

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
};

G_DEFINE_FINAL_TYPE (CrSelectDialog, cr_select_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
save_clicked_cb (CrSelectDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cr_select_dialog_save (self, &error))
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
    }
}

static void
cr_select_dialog_dispose (GObject *object)
{
  CrSelectDialog *self = CR_SELECT_DIALOG (object);

  g_clear_object (&self->production);
  g_clear_pointer (&self->question_ids, g_array_unref);
  G_OBJECT_CLASS (cr_select_dialog_parent_class)->dispose (object);
}

static void
cr_select_dialog_class_init (CrSelectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_select_dialog_dispose;
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
}

/* The questions the clip's interview asks first, then the others. */
static void
fill_questions (CrSelectDialog *self,
                CrDb           *db)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) questions = cr_store_list (db, &cr_entity_question, NULL, NULL);
  gint64 none = 0;

  gtk_string_list_append (names, "None");
  g_array_append_val (self->question_ids, none);
  for (guint i = 0; questions && i < questions->len; i++)
    {
      CrRecord *q = g_ptr_array_index (questions, i);
      g_autofree char *text = cr_record_describe (q);
      gtk_string_list_append (names, text);
      g_array_append_val (self->question_ids, q->id);
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
  g_autofree char *people = interview_people (db, record ? cr_record_get_int (record, "interview", 0) : 0);

  self->production = g_object_ref (production);
  self->clip = clip;
  self->in_frame = in_frame;
  self->out_frame = out_frame;
  adw_action_row_set_subtitle (self->range_row, range);
  fill_questions (self, db);
  gtk_editable_set_text (GTK_EDITABLE (self->people_row), people);
  return self;
}

void
cr_select_dialog_set_label (CrSelectDialog *self,
                            const char     *label)
{
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);
}

gint64
cr_select_dialog_save (CrSelectDialog  *self,
                       GError         **error)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_select);
  guint question = adw_combo_row_get_selected (self->question_row);
  g_auto(GStrv) people = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->people_row)), ",", -1);
  g_autoptr(GString) list = g_string_new (NULL);
  gint64 id;

  cr_record_take (input, "clip", g_strdup_printf ("%" G_GINT64_FORMAT, self->clip));
  cr_record_take (input, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, self->in_frame));
  cr_record_take (input, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, self->out_frame));
  cr_record_set (input, "label", gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
  if (question != GTK_INVALID_LIST_POSITION && question < self->question_ids->len &&
      g_array_index (self->question_ids, gint64, question) != 0)
    cr_record_take (input, "question", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                        g_array_index (self->question_ids, gint64, question)));
  /* Names as the command line takes them: one a line. */
  for (guint i = 0; people[i]; i++)
    {
      g_strstrip (people[i]);
      if (*people[i])
        g_string_append_printf (list, "%s\n", people[i]);
    }
  if (list->len)
    cr_record_set (input, "participants", list->str);
  if (!(id = cr_store_insert (db, input, error)))
    return 0;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}
