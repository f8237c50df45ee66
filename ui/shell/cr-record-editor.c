/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-record-editor"

#include "config.h"

#include <string.h>

#include "cr-consent-dialog.h"
#include "cr-consent.h"
#include "cr-discard.h"
#include "cr-error-words.h"
#include "cr-field-input.h"
#include "cr-record-editor.h"
#include "cr-record-format.h"
#include "cr-row-picker.h"
#include "cr-store.h"
#include "cr-tell.h"
#include "cr-undo.h"
#include "cr-words.h"

struct _CrRecordEditor
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay    *toasts;
  AdwWindowTitle     *title;
  GtkButton          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesPage *page;

  /* borrowed */
  const CrEntity     *entity;
  const CrField      *error_field;

  /* owned */
  CrProduction       *production;
  CrRecord           *record;      /* as stored; NULL when adding */
  GPtrArray          *inputs;      /* CrFieldInput */
  AdwActionRow       *consent_row; /* participant: the current consent */
  GtkImage           *consent_icon;
  gulong              changed_id;
  char               *error;
  GHashTable         *problems;    /* CrField -> its message, for each field wrong as typed */
  gboolean            typed_shown; /* the message shown is one of those */
};

G_DEFINE_FINAL_TYPE (CrRecordEditor, cr_record_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CrDb *
get_db (CrRecordEditor *self)
{
  return cr_production_get_db (self->production);
}

/* The stored value as the input shows it. */
static char *
stored_to_text (CrRecordEditor *self,
                const CrField  *field)
{
  if (self->record == NULL)
    return NULL;
  switch (field->type)
    {
    case CR_FIELD_DATETIME:
      return cr_record_local_time (self->record, field->name, "%Y-%m-%d %H:%M");
    case CR_FIELD_DURATION:
      return cr_record_display (get_db (self), self->record, field);
    default:
      return g_strdup (cr_record_get (self->record, field->name));
    }
}

static CrFieldInput *
find_input (CrRecordEditor *self,
            const char     *field)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      if (g_str_equal (cr_field_input_get_field (input)->name, field))
        return input;
    }
  return NULL;
}

/* ---- errors ---- */

static void
clear_error (CrRecordEditor *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    cr_field_input_mark_error (g_ptr_array_index (self->inputs, i), FALSE);
  g_clear_pointer (&self->error, g_free);
  self->error_field = NULL;
  self->typed_shown = FALSE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* Brings the field at fault into view at once, short of the message above the form, which
 * may still be sliding in and will take that much of the page. */
static void
scroll_to (CrRecordEditor *self,
           CrFieldInput   *input)
{
  double covered = 0;

  if (!gtk_revealer_get_child_revealed (self->error_revealer))
    {
      int natural = 0;
      gtk_widget_measure (gtk_revealer_get_child (self->error_revealer), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (GTK_WIDGET (self)), NULL, &natural, NULL, NULL);
      covered = natural - gtk_widget_get_height (GTK_WIDGET (self->error_revealer));
    }
  cr_field_input_scroll_to (input, covered);
}

static void
show_message (CrRecordEditor *self,
              const char     *message,
              gboolean        focus)
{
  CrFieldInput *input = NULL;
  const char *reason = NULL;

  clear_error (self);
  self->error = g_strdup (message);
  /* The store says "ENTITY FIELD: reason"; find the field it names. */
  for (guint i = 0; i < self->entity->n_fields && reason == NULL; i++)
    {
      const CrField *f = &self->entity->fields[i];
      g_autofree char *prefix = g_strdup_printf ("%s %s: ", self->entity->name, f->name);
      if (g_str_has_prefix (message, prefix))
        {
          self->error_field = f;
          reason = message + strlen (prefix);
          input = find_input (self, f->name);
        }
    }
  if (reason != NULL)
    {
      /* Say it in the words of the form: "Email: “x” is not an email address". */
      g_autofree char *words = cr_words_field (self->error_field);
      g_autofree char *text = cr_error_words_titled (words, reason);
      gtk_label_set_text (self->error_label, text);
    }
  else
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (input != NULL)
    {
      if (focus)
        cr_field_input_set_error (input, TRUE);
      else
        cr_field_input_mark_error (input, TRUE);
    }
  if (input != NULL && focus)
    scroll_to (self, input);
}

/* Every field still wrong as typed stays marked, whichever message is shown. */
static void
mark_problems (CrRecordEditor *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);

      if (g_hash_table_contains (self->problems, cr_field_input_get_field (input)))
        cr_field_input_mark_error (input, TRUE);
    }
}

/* A refused write, in words (never SQLite's), with the field at fault marked, focused and
 * scrolled to. */
static void
show_error (CrRecordEditor *self,
            const GError   *error)
{
  g_autofree char *words = cr_error_words (self->entity, error);

  show_message (self, words, TRUE);
  mark_problems (self);
}

/* The message for the field just typed in when it is wrong, else for the first field of
 * the form still wrong, else none: fixing one mistake never hides another. */
static void
show_problems (CrRecordEditor *self,
               const CrField  *typed)
{
  const CrField *shown = g_hash_table_contains (self->problems, typed) ? typed : NULL;

  for (guint i = 0; shown == NULL && i < self->inputs->len; i++)
    {
      const CrField *f = cr_field_input_get_field (g_ptr_array_index (self->inputs, i));

      if (g_hash_table_contains (self->problems, f))
        shown = f;
    }
  if (shown != NULL)
    {
      show_message (self, g_hash_table_lookup (self->problems, shown), FALSE);
      self->typed_shown = TRUE;
    }
  else if (self->typed_shown || self->error_field == typed)
    clear_error (self);
  mark_problems (self);
}

/* ---- checking as the user types ---- */

/* The same check the store and the command line make (cr_field_normalize ()), so the
 * message is theirs; an empty field waits for Save, which says what is required. */
static void
input_changed_cb (GtkEditable    *editable,
                  CrRecordEditor *self)
{
  CrFieldInput *input = g_object_get_data (G_OBJECT (editable), "cr-input");
  const CrField *f = cr_field_input_get_field (input);
  g_autofree char *text = cr_field_input_get_text (input);
  g_autofree char *zone = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;
  CrFieldInput *zone_input = find_input (self, "time_zone");

  if (zone_input != NULL)
    zone = cr_field_input_get_text (zone_input);
  /* Times are read in the zone typed on the form, else the row's own. */
  if ((zone == NULL || *zone == '\0') && self->record != NULL)
    {
      g_free (zone);
      zone = g_strdup (cr_record_get (self->record, "time_zone"));
    }
  if (*g_strstrip (text) == '\0' ||
      cr_field_normalize (get_db (self), self->entity, f, text, zone && *zone ? zone : NULL, &normal, &error))
    g_hash_table_remove (self->problems, f);
  else
    /* A reference is looked up in the file: its failure is said as a form says it. */
    g_hash_table_insert (self->problems, (gpointer) f, cr_error_words (self->entity, error));
  show_problems (self, f);
}

static void
watch_input (CrRecordEditor *self,
             CrFieldInput   *input)
{
  GtkWidget *widget = cr_field_input_get_widget (input);

  if (!GTK_IS_EDITABLE (widget))
    return;
  g_object_set_data (G_OBJECT (widget), "cr-input", input);
  g_signal_connect_object (widget, "changed", G_CALLBACK (input_changed_cb), self, 0);
}

/* ---- closing ---- */

gboolean
cr_record_editor_is_changed (CrRecordEditor *self)
{
  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), FALSE);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      if (gtk_widget_get_sensitive (cr_field_input_get_widget (input)) && cr_field_input_changed (input))
        return TRUE;
    }
  return FALSE;
}

/* Esc or the close button on a form with changes asks first. */
static gboolean
close_request_cb (CrRecordEditor *self)
{
  return cr_discard_close_request (GTK_WINDOW (self), cr_record_editor_is_changed (self),
                                   self->record ? "What you changed here is not saved."
                                                : "What you typed here is not added.");
}

/* ---- a participant's consent ---- */

static void
update_consent_row (CrRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrConsentState) state = cr_consent_current (get_db (self), self->record->id, NULL, &error);
  g_autofree char *words = NULL;
  g_autofree char *details = NULL;
  const char *style = NULL;

  if (state == NULL)
    {
      g_autofree char *said = cr_error_words_read (error, "the consent");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), said);
      return;
    }
  words = cr_words_consent (state, cr_record_get (self->record, "kind"), &style);
  details = cr_words_consent_details (state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), words);
  adw_action_row_set_subtitle (self->consent_row, details);
  gtk_image_set_from_icon_name (self->consent_icon, cr_words_status_icon (style));
  for (const char * const *c = (const char * const[]) { "success", "warning", "error", "dim-label", NULL }; *c; c++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->consent_icon), *c);
  gtk_widget_add_css_class (GTK_WIDGET (self->consent_icon), style ? style : "dim-label");
}

static void
record_consent_clicked_cb (CrRecordEditor *self)
{
  /* The same dialog as the People page's, shaped by the status; the row above follows the
   * production's change signal once it is recorded. */
  g_autoptr(GError) error = NULL;
  CrConsentDialog *consent = cr_consent_dialog_new (GTK_WINDOW (self), self->production, self->record->id, &error);

  if (consent == NULL)
    {
      cr_tell_unopened (GTK_WIDGET (self), &cr_entity_participant, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (consent));
}

static void
add_consent_group (CrRecordEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Record Consent…");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Consent");
  self->consent_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->consent_icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_prefix (self->consent_row, GTK_WIDGET (self->consent_icon));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, "Record this participant’s consent");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (record_consent_clicked_cb), self);
  adw_action_row_add_suffix (self->consent_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->consent_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  update_consent_row (self);
}

static void
production_changed_cb (CrRecordEditor *self,
                       const CrEntity *entity)
{
  if (self->consent_row != NULL && (entity == NULL || entity == &cr_entity_consent))
    update_consent_row (self);
}

/* ---- delete ---- */

gboolean
cr_record_editor_delete (CrRecordEditor  *self,
                         GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(CrUndoDelete) undo = cr_undo_delete_new (get_db (self), self->record, &local);

  if (undo == NULL || !cr_store_delete (get_db (self), self->entity, self->record->id, &local))
    {
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_object_ref (self);
  cr_production_changed (self->production, self->entity);
  g_signal_emit (self, signals[DELETED], 0, undo);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static gboolean
delete_later (gpointer data)
{
  cr_record_editor_delete (data, NULL);
  return G_SOURCE_REMOVE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrRecordEditor   *self)
{
  /* Once the dialog, transient for this window, has closed itself: destroying its parent
   * inside its own response left it pointing at a freed window. */
  if (g_str_equal (response, "delete"))
    g_idle_add_full (G_PRIORITY_DEFAULT, delete_later, g_object_ref (self), g_object_unref);
}

static void
delete_clicked_cb (CrRecordEditor *self)
{
  g_autofree char *what = cr_record_describe (self->record);
  g_autofree char *heading = g_strdup_printf ("Delete %s?", what);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));

  adw_message_dialog_format_body (dialog, "The %s is removed from the production. "
                                  "You can undo this for a few seconds afterwards.", self->entity->name);
  adw_message_dialog_add_responses (dialog, "cancel", "_Cancel", "delete", "_Delete", NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_delete_group (CrRecordEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *noun = cr_words_entity (self->entity, FALSE);
  g_autofree char *label = g_strdup_printf ("_Delete %s", noun);
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.delete");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* ---- save ---- */

static void
save_clicked_cb (CrRecordEditor *self)
{
  cr_record_editor_save (self, NULL);
}

static void
build_form (CrRecordEditor *self)
{
  const CrEntity *entity = self->entity;
  AdwPreferencesGroup *main_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GPtrArray) late_groups = g_ptr_array_new ();

  if (self->record != NULL && entity == &cr_entity_participant)
    add_consent_group (self);
  adw_preferences_page_add (self->page, main_group);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      CrFieldInput *input;
      g_autofree char *text = NULL;

      /* A number nobody knows: the list's order is changed by dragging the row. */
      if (f->flags & CR_FIELD_ORDER)
        continue;
      if (f->flags & CR_FIELD_READONLY)
        {
          /* Shown, not edited: only once the row exists. */
          g_autofree char *title = cr_words_field (f);
          GtkWidget *row;

          if (self->record == NULL || cr_record_get (self->record, f->name) == NULL)
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cr_record_get (self->record, f->name));
          gtk_widget_add_css_class (row, "property");
          adw_preferences_group_add (main_group, row);
          continue;
        }
      input = cr_field_input_new (self->production, f);
      g_ptr_array_add (self->inputs, input);
      /* Rows go in the first group; sets and links follow in their own groups, and free
       * text comes last, where there is room to write. */
      if (!cr_field_input_is_group (input))
        adw_preferences_group_add (main_group, cr_field_input_get_widget (input));
      else if (f->type == CR_FIELD_NOTE)
        g_ptr_array_add (late_groups, cr_field_input_get_widget (input));
      else
        adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (cr_field_input_get_widget (input)));

      text = stored_to_text (self, f);
      if (self->record == NULL && f->type == CR_FIELD_DATE && (f->flags & CR_FIELD_REQUIRED))
        {
          /* A consent is usually written down on the day. */
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          text = g_date_time_format (now, "%Y-%m-%d");
        }
      cr_field_input_set_text (input, text);
      cr_field_input_remember (input);
      watch_input (self, input);
      if (self->record != NULL && (f->flags & CR_FIELD_CREATE_ONLY))
        cr_field_input_lock (input);
    }
  for (guint i = 0; i < late_groups->len; i++)
    adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (g_ptr_array_index (late_groups, i)));
  if (self->record != NULL && entity != &cr_entity_consent && entity != &cr_entity_production)
    add_delete_group (self);
}

/* ---- the class ---- */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cr_record_editor_save (CR_RECORD_EDITOR (widget), NULL);
}

/* A new form starts in its first field that can be typed in. */
static void
cr_record_editor_map (GtkWidget *widget)
{
  CrRecordEditor *self = CR_RECORD_EDITOR (widget);

  GTK_WIDGET_CLASS (cr_record_editor_parent_class)->map (widget);
  if (self->record != NULL)
    return;
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      if (gtk_widget_get_sensitive (cr_field_input_get_widget (input)) && cr_field_input_focus (input))
        break;
    }
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrRecordEditor *self = CR_RECORD_EDITOR (widget);

  if (self->record != NULL && self->entity != &cr_entity_consent && self->entity != &cr_entity_production)
    delete_clicked_cb (self);
}

static void
cr_record_editor_dispose (GObject *object)
{
  CrRecordEditor *self = CR_RECORD_EDITOR (object);

  if (self->production)
    g_clear_signal_handler (&self->changed_id, self->production);
  G_OBJECT_CLASS (cr_record_editor_parent_class)->dispose (object);
}

static void
cr_record_editor_finalize (GObject *object)
{
  CrRecordEditor *self = CR_RECORD_EDITOR (object);

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->record, cr_record_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_record_editor_parent_class)->finalize (object);
}

static void
cr_record_editor_class_init (CrRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_record_editor_dispose;
  object_class->finalize = cr_record_editor_finalize;
  widget_class->map = cr_record_editor_map;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, title);
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrRecordEditor, page);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
cr_record_editor_init (CrRecordEditor *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_field_input_free);
  self->problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

CrRecordEditor *
cr_record_editor_new (GtkWindow       *parent,
                      CrProduction    *production,
                      const CrEntity  *entity,
                      gint64           id,
                      GError         **error)
{
  CrRecordEditor *self;
  CrRecord *record = NULL;
  g_autofree char *noun = cr_words_entity (entity, FALSE);
  g_autofree char *title = NULL;

  if (id > 0 && !(record = cr_store_get (cr_production_get_db (production), entity, id, error)))
    return NULL;
  self = g_object_new (CR_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->production = g_object_ref (production);
  self->entity = entity;
  self->record = record;
  if (self->record != NULL && cr_record_get (self->record, entity->label))
    title = g_strdup (cr_record_get (self->record, entity->label));
  else if (self->record != NULL)
    title = cr_record_describe (self->record);
  else if (entity == &cr_entity_consent)
    title = g_strdup ("Record Consent");
  else
    title = g_strdup_printf ("New %s", noun);
  adw_window_title_set_title (self->title, title);
  if (self->record != NULL)
    adw_window_title_set_subtitle (self->title, noun);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (self->record == NULL)
    gtk_button_set_label (self->save_button, entity == &cr_entity_consent ? "_Record" : "_Add");
  build_form (self);
  self->changed_id = g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  return self;
}

const CrEntity *
cr_record_editor_get_entity (CrRecordEditor *self)
{
  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), NULL);
  return self->entity;
}

gint64
cr_record_editor_get_id (CrRecordEditor *self)
{
  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

gboolean
cr_record_editor_set_text (CrRecordEditor *self,
                           const char     *field,
                           const char     *text)
{
  CrFieldInput *input;

  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), FALSE);
  if (!(input = find_input (self, field)))
    return FALSE;
  cr_field_input_set_text (input, text);
  return TRUE;
}

char *
cr_record_editor_get_text (CrRecordEditor *self,
                           const char     *field)
{
  CrFieldInput *input;

  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), NULL);
  if (!(input = find_input (self, field)))
    return NULL;
  return cr_field_input_get_text (input);
}

void
cr_record_editor_preset (CrRecordEditor *self,
                         const char     *field,
                         const char     *text)
{
  CrFieldInput *input;

  g_return_if_fail (CR_IS_RECORD_EDITOR (self));
  if (!(input = find_input (self, field)))
    return;
  cr_field_input_set_text (input, text);
  cr_field_input_lock (input);
}

gboolean
cr_record_editor_save (CrRecordEditor  *self,
                       GError         **error)
{
  g_autoptr(CrRecord) input_record = cr_record_new (self->entity);
  g_autoptr(GError) local = NULL;
  CrDb *db = get_db (self);
  gint64 id = 0;

  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), FALSE);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *text = cr_field_input_get_text (input);

      /* A new row gets what was filled in; an edit sends only what changed, so that a
       * field that may not change once recorded is not sent back. */
      if (self->record == NULL ? *text != '\0' : cr_field_input_changed (input))
        cr_record_take (input_record, cr_field_input_get_field (input)->name, g_steal_pointer (&text));
    }
  if (self->record == NULL)
    id = cr_store_insert (db, input_record, &local);
  else if (cr_store_update (db, self->entity, self->record->id, input_record, &local))
    id = self->record->id;
  if (id == 0)
    {
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  clear_error (self);
  /* Keep the dialog alive while the signal handlers and the reloads run. */
  g_object_ref (self);
  cr_production_changed (self->production, self->entity);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

const char *
cr_record_editor_get_error (CrRecordEditor *self)
{
  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), NULL);
  return self->error;
}

const char *
cr_record_editor_get_error_field (CrRecordEditor *self)
{
  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), NULL);
  return self->error_field ? self->error_field->name : NULL;
}

CrRowPicker *
cr_record_editor_get_picker (CrRecordEditor *self,
                             const char     *field)
{
  CrFieldInput *input;

  g_return_val_if_fail (CR_IS_RECORD_EDITOR (self), NULL);
  input = find_input (self, field);
  return input ? cr_field_input_get_picker (input) : NULL;
}
