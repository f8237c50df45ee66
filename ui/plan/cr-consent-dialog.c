/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent-dialog"

#include "config.h"

#include <string.h>

#include "cr-consent-dialog.h"
#include "cr-consent-impact.h"
#include "cr-consent.h"
#include "cr-discard.h"
#include "cr-error-words.h"
#include "cr-field-input.h"
#include "cr-store.h"
#include "cr-window.h"
#include "cr-words.h"

struct _CrConsentDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *title;
  GtkButton           *save_button;
  GtkLabel            *general_error;
  AdwPreferencesPage  *page;

  /* owned */
  CrProduction        *production;
  CrRecord            *person;
  GPtrArray           *inputs;       /* CrFieldInput *, in the order of the form */
  GHashTable          *error_labels; /* field name -> GtkLabel (borrowed): where its message goes */
  char                *error;
  const char          *error_field;
  CrFieldInput        *scroll_target; /* the field at fault, brought into view once laid out */
  guint                scroll_tick;
  gboolean             tried;         /* Record was pressed: every problem is said as it is */
  gboolean             remains_filled; /* a partial withdrawal's sets started from consent now */

  /* borrowed: the groups that come and go with the status */
  GtkWidget           *withdrawal_group;
  GtkWidget           *covers_group;
  GtkWidget           *guardian_group;
  GtkWidget           *form_group;
};

G_DEFINE_FINAL_TYPE (CrConsentDialog, cr_consent_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static CrFieldInput *
find_input (CrConsentDialog *self,
            const char      *field)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      if (g_str_equal (cr_field_input_get_field (input)->name, field))
        return input;
    }
  return NULL;
}

static char *
text_of (CrConsentDialog *self,
         const char      *field)
{
  CrFieldInput *input = find_input (self, field);

  return input ? cr_field_input_get_text (input) : g_strdup ("");
}

/* A minor on the consent's date, by the rule the store checks with (today while the date
 * is not yet a date). */
static gboolean
is_minor (CrConsentDialog *self)
{
  g_autofree char *date = text_of (self, "date");
  g_autofree char *today = cr_consent_today ();

  return cr_participant_is_minor (self->person, *date ? date : today);
}

/* What each status needs, as cr_consent_check () asks for it. */
static gboolean
needs (CrConsentDialog *self,
       const char      *field)
{
  g_autofree char *status = text_of (self, "status");
  g_autofree char *scope = NULL;
  gboolean grant = cr_consent_is_grant (status);
  gboolean withdrawal = g_str_equal (status, "withdrawn");

  if (g_str_equal (field, "channels") || g_str_equal (field, "media"))
    {
      /* A partial withdrawal says what remains in the same two sets. */
      scope = text_of (self, "withdrawal_scope");
      return grant || (withdrawal && g_str_equal (scope, "part"));
    }
  if (g_str_equal (field, "naming") || g_str_equal (field, "expires"))
    return grant;
  if (g_str_equal (field, "guardian_name") || g_str_equal (field, "guardian_relationship"))
    return grant && is_minor (self);
  if (g_str_equal (field, "withdrawal_scope"))
    return withdrawal;
  if (g_str_equal (field, "form_version") || g_str_equal (field, "form_path"))
    return grant || g_str_equal (status, "requested");
  return TRUE;
}

static void
update_shown (CrConsentDialog *self)
{
  g_autofree char *guardian = NULL;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      gtk_widget_set_visible (cr_field_input_get_widget (input), needs (self, cr_field_input_get_field (input)->name));
    }
  gtk_widget_set_visible (self->withdrawal_group, needs (self, "withdrawal_scope"));
  gtk_widget_set_visible (self->covers_group, needs (self, "naming"));
  gtk_widget_set_visible (self->guardian_group, needs (self, "guardian_name"));
  gtk_widget_set_visible (self->form_group, needs (self, "form_version"));

  if (cr_record_get (self->person, "guardian_name"))
    guardian = g_strdup_printf ("%s is under %d on this date, so a guardian consents. Left empty, %s "
                                "(on their record) is taken as the guardian.",
                                cr_record_get (self->person, "name"), CR_CONSENT_ADULT_AGE,
                                cr_record_get (self->person, "guardian_name"));
  else
    guardian = g_strdup_printf ("%s is under %d on this date, so a guardian consents.",
                                cr_record_get (self->person, "name"), CR_CONSENT_ADULT_AGE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->guardian_group), guardian);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->withdrawal_group),
                                         needs (self, "channels")
                                           ? "Tick below the channels and media that may still be used."
                                           : "Nothing filmed with them may be used any more.");
}

/* ---- errors ---- */

static void
clear_error (CrConsentDialog *self)
{
  GHashTableIter iter;
  gpointer label;

  for (guint i = 0; i < self->inputs->len; i++)
    cr_field_input_set_error (g_ptr_array_index (self->inputs, i), FALSE);
  g_hash_table_iter_init (&iter, self->error_labels);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  g_clear_pointer (&self->error, g_free);
  self->error_field = NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  CrConsentDialog *self = CR_CONSENT_DIALOG (widget);

  /* The first tick comes before the message beside the field was laid out; the second
   * sees where the field now is. */
  if (++self->scroll_tick < 2)
    return G_SOURCE_CONTINUE;
  if (self->scroll_target != NULL)
    {
      /* Its message too if there is room, the field itself first. */
      GtkWidget *label = g_hash_table_lookup (self->error_labels, cr_field_input_get_field (self->scroll_target)->name);
      if (label != NULL && gtk_widget_get_visible (label))
        cr_scroll_into_view (label, 0);
      cr_field_input_scroll_to (self->scroll_target, 0);
    }
  self->scroll_target = NULL;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Brings the field at fault into view now, and again once its message has taken its room. */
static void
scroll_to (CrConsentDialog *self,
           CrFieldInput    *input)
{
  cr_field_input_scroll_to (input, 0);
  if (self->scroll_target == NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
  self->scroll_target = input;
  self->scroll_tick = 0;
}

/* The message in the form's words beside the field it names ("consent FIELD: reason", as
 * the store and the command line say it), or above the form. With focus (a refused
 * Record), the field takes the focus and is brought into view; as the user types, it is
 * only marked. */
static void
show_error (CrConsentDialog *self,
            const char      *message,
            gboolean         focus)
{
  CrFieldInput *at_fault = NULL;
  const CrEntity *e = &cr_entity_consent;
  const char *reason = message;
  GtkLabel *label = self->general_error;
  g_autofree char *text = NULL;

  clear_error (self);
  /* The store says "consent FIELD: reason": the reason goes beside that field. */
  for (guint i = 0; i < e->n_fields; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s %s: ", e->name, e->fields[i].name);
      CrFieldInput *input = find_input (self, e->fields[i].name);

      if (!g_str_has_prefix (message, prefix) || input == NULL)
        continue;
      self->error_field = e->fields[i].name;
      reason = message + strlen (prefix);
      label = g_hash_table_lookup (self->error_labels, e->fields[i].name);
      /* A field hidden for this status cannot be at fault; show it anyway rather than hide the message. */
      gtk_widget_set_visible (cr_field_input_get_widget (input), TRUE);
      at_fault = input;
      {
        g_autofree char *words = cr_words_field (&e->fields[i]);
        text = g_strdup_printf ("%s: %s", words, reason);
      }
      break;
    }
  self->error = g_strdup (text ? text : message);
  gtk_label_set_text (label, self->error);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (at_fault != NULL && focus)
    {
      cr_field_input_set_error (at_fault, TRUE);
      scroll_to (self, at_fault);
    }
  else if (at_fault != NULL)
    cr_field_input_mark_error (at_fault, TRUE);
}

/* ---- checking as the user types ---- */

/* The input a store message ("consent FIELD: reason") names, or NULL. */
static CrFieldInput *
named_input (CrConsentDialog *self,
             const char      *message)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *prefix = g_strdup_printf ("%s %s: ", cr_entity_consent.name,
                                                 cr_field_input_get_field (input)->name);
      if (g_str_has_prefix (message, prefix))
        return input;
    }
  return NULL;
}

static guint
position_of (CrConsentDialog *self,
             const GError    *error)
{
  CrFieldInput *input = named_input (self, error->message);
  guint position = self->inputs->len;

  if (input != NULL)
    g_ptr_array_find (self->inputs, input, &position);
  return position;
}

static int
by_position (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  guint pa = position_of (data, *(GError * const *) a);
  guint pb = position_of (data, *(GError * const *) b);

  return pa < pb ? -1 : pa > pb;
}

/* The record Record would send: only what is on show, as it is typed. */
static CrRecord *
typed_record (CrConsentDialog *self)
{
  CrRecord *record = cr_record_new (&cr_entity_consent);

  cr_record_take (record, "participant", g_strdup_printf ("%" G_GINT64_FORMAT, self->person->id));
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      const char *name = cr_field_input_get_field (input)->name;
      g_autofree char *text = cr_field_input_get_text (input);

      if (*text != '\0' && needs (self, name))
        cr_record_take (record, name, g_steal_pointer (&text));
    }
  return record;
}

/* What is wrong with the form now, each as the store and the command line would refuse it
 * (GError *), in the order of the form: first each value by itself (cr_field_normalize ()),
 * then, once they all read, the consent's own rules (cr_consent_check_every ()). */
static GPtrArray *
problems (CrConsentDialog *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(CrRecord) typed = typed_record (self);
  g_autoptr(CrRecord) normal = cr_record_new (&cr_entity_consent);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  for (guint i = 0; i < cr_entity_consent.n_fields; i++)
    {
      const CrField *f = &cr_entity_consent.fields[i];
      GError *error = NULL;
      char *value = NULL;

      if (!cr_record_has (typed, f->name))
        continue;
      if (cr_field_normalize (db, &cr_entity_consent, f, cr_record_get (typed, f->name), NULL, &value, &error))
        cr_record_take (normal, f->name, value);
      else
        g_ptr_array_add (all, error);
    }
  if (all->len == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) broken = cr_consent_check_every (db, normal, &error);

      /* Unreadable now, the store says why when Record is pressed. */
      for (guint i = 0; broken && i < broken->len; i++)
        g_ptr_array_add (all, g_error_copy (g_ptr_array_index (broken, i)));
    }
  g_ptr_array_sort_with_data (all, by_position, self);
  return all;
}

/* Says the first problem of a field that has been typed in (an empty field waits for
 * Record, which says what is required), or, once Record was pressed, the first of all. */
static void
check_live (CrConsentDialog *self)
{
  g_autoptr(GPtrArray) all = problems (self);

  for (guint i = 0; i < all->len; i++)
    {
      const GError *error = g_ptr_array_index (all, i);
      CrFieldInput *input = named_input (self, error->message);
      g_autofree char *text = input ? cr_field_input_get_text (input) : NULL;

      if (self->tried || (input != NULL && (*text != '\0' || cr_field_input_changed (input))))
        {
          show_error (self, error->message, FALSE);
          return;
        }
    }
  clear_error (self);
}

/* ---- building the form ---- */

/* A partial withdrawal says what remains, which can only be less than the person's consent
 * covers now: its channels and media start ticked as they are, to untick what is withdrawn. */
static void
fill_what_remains (CrConsentDialog *self)
{
  g_autofree char *status = text_of (self, "status");
  g_autoptr(CrConsentState) now = NULL;
  const char *sets[] = { "channels", "media" };

  if (self->remains_filled || !g_str_equal (status, "withdrawn") || !needs (self, "channels"))
    return;
  self->remains_filled = TRUE;
  now = cr_consent_current (cr_production_get_db (self->production), self->person->id, NULL, NULL);
  if (now == NULL || now->problem == CR_CONSENT_WITHDRAWN)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      CrFieldInput *input = find_input (self, sets[i]);
      const char *given = i == 0 ? now->channels : now->media;

      if (input != NULL && given != NULL && !cr_field_input_changed (input))
        cr_field_input_set_text (input, given);
    }
}

static void
changed_cb (CrConsentDialog *self)
{
  /* The form changes shape as the status, the scope and the date change. */
  update_shown (self);
  fill_what_remains (self);
  check_live (self);
}

static GtkWidget *
new_group (CrConsentDialog *self,
           const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* The fields, each into `group` (rows share the group's message line) or, for sets and
 * notes, into a group of its own after it. */
static void
add_fields (CrConsentDialog    *self,
            GtkWidget          *group,
            const char * const *fields)
{
  GtkWidget *shared = NULL;

  for (guint i = 0; fields[i]; i++)
    {
      const CrField *f = cr_entity_find_field (&cr_entity_consent, fields[i]);
      CrFieldInput *input = cr_field_input_new (self->production, f);
      GtkWidget *widget = cr_field_input_get_widget (input);
      GtkWidget *label;

      g_ptr_array_add (self->inputs, input);
      if (cr_field_input_is_group (input))
        {
          adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (widget));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), (label = new_error_label ()));
        }
      else
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), widget);
          if (shared == NULL)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), (shared = new_error_label ()));
          label = shared;
        }
      g_hash_table_insert (self->error_labels, (gpointer) f->name, label);

      /* Enter in a line records, as the Record button does. */
      if (ADW_IS_ENTRY_ROW (widget))
        adw_entry_row_set_activates_default (ADW_ENTRY_ROW (widget), TRUE);
      cr_field_input_connect_changed (input, G_CALLBACK (changed_cb), self);
    }
}

static void
build_form (CrConsentDialog *self)
{
  g_autofree char *today = cr_consent_today ();

  add_fields (self, new_group (self, NULL), (const char * const[]) { "status", "date", "taken_by", NULL });
  self->withdrawal_group = new_group (self, "Withdrawal");
  add_fields (self, self->withdrawal_group, (const char * const[]) { "withdrawal_scope", NULL });
  self->covers_group = new_group (self, "What It Covers");
  add_fields (self, self->covers_group, (const char * const[]) { "naming", "expires", "channels", "media", NULL });
  self->guardian_group = new_group (self, "Guardian");
  add_fields (self, self->guardian_group, (const char * const[]) { "guardian_name", "guardian_relationship", NULL });
  self->form_group = new_group (self, "Form");
  add_fields (self, self->form_group, (const char * const[]) { "form_version", "form_path", NULL });
  add_fields (self, NULL, (const char * const[]) { "notes", NULL });

  /* Consent is usually written down on the day it is given. */
  cr_field_input_set_text (find_input (self, "date"), today);
  cr_field_input_set_text (find_input (self, "status"), "signed");
  /* Said, not assumed: a withdrawal is of all of it unless the user says part. */
  cr_field_input_set_text (find_input (self, "withdrawal_scope"), "all");
  /* What a change is measured from: Esc on anything else asks first. */
  for (guint i = 0; i < self->inputs->len; i++)
    cr_field_input_remember (g_ptr_array_index (self->inputs, i));
  update_shown (self);
  clear_error (self);
}

/* ---- closing ---- */

char *
cr_consent_dialog_dup_text (CrConsentDialog *self,
                            const char      *field)
{
  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), NULL);
  return text_of (self, field);
}

gboolean
cr_consent_dialog_is_changed (CrConsentDialog *self)
{
  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), FALSE);
  for (guint i = 0; i < self->inputs->len; i++)
    if (cr_field_input_changed (g_ptr_array_index (self->inputs, i)))
      return TRUE;
  return FALSE;
}

/* Esc, Cancel or the window's close on a changed form asks first, as the record editor does. */
static gboolean
close_request_cb (CrConsentDialog *self)
{
  return cr_discard_close_request (GTK_WINDOW (self), cr_consent_dialog_is_changed (self),
                                   "What you entered here is not recorded.");
}

/* ---- the class ---- */

static void
save_clicked_cb (CrConsentDialog *self)
{
  cr_consent_dialog_save (self, NULL);
}

/* The dialog opens in its first field. */
static void
cr_consent_dialog_map (GtkWidget *widget)
{
  CrConsentDialog *self = CR_CONSENT_DIALOG (widget);

  GTK_WIDGET_CLASS (cr_consent_dialog_parent_class)->map (widget);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      CrFieldInput *input = g_ptr_array_index (self->inputs, i);
      if (gtk_widget_get_visible (cr_field_input_get_widget (input)) && cr_field_input_focus (input))
        break;
    }
}

static void
cr_consent_dialog_dispose (GObject *object)
{
  CrConsentDialog *self = CR_CONSENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CONSENT_DIALOG);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_consent_dialog_parent_class)->dispose (object);
}

static void
cr_consent_dialog_finalize (GObject *object)
{
  CrConsentDialog *self = CR_CONSENT_DIALOG (object);

  g_ptr_array_unref (self->inputs);
  g_hash_table_unref (self->error_labels);
  g_clear_pointer (&self->person, cr_record_free);
  g_free (self->error);
  G_OBJECT_CLASS (cr_consent_dialog_parent_class)->finalize (object);
}

static void
cr_consent_dialog_class_init (CrConsentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_consent_dialog_dispose;
  object_class->finalize = cr_consent_dialog_finalize;
  widget_class->map = cr_consent_dialog_map;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-consent-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrConsentDialog, title);
  gtk_widget_class_bind_template_child (widget_class, CrConsentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrConsentDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, CrConsentDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cr_consent_dialog_init (CrConsentDialog *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_field_input_free);
  self->error_labels = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

CrConsentDialog *
cr_consent_dialog_new (GtkWindow     *parent,
                       CrProduction  *production,
                       gint64         participant,
                       GError       **error)
{
  CrConsentDialog *self;
  CrRecord *person;

  g_return_val_if_fail (CR_IS_PRODUCTION (production), NULL);
  if (!(person = cr_store_get (cr_production_get_db (production), &cr_entity_participant, participant, error)))
    return NULL;
  self = g_object_new (CR_TYPE_CONSENT_DIALOG, "transient-for", parent, NULL);
  self->production = g_object_ref (production);
  self->person = person;
  adw_window_title_set_subtitle (self->title, cr_record_get (person, "name"));
  build_form (self);
  return self;
}

gboolean
cr_consent_dialog_set_text (CrConsentDialog *self,
                            const char      *field,
                            const char      *text)
{
  CrFieldInput *input;

  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), FALSE);
  if (!(input = find_input (self, field)))
    return FALSE;
  /* As typed: the change signals shape the form and check it. */
  cr_field_input_set_text (input, text);
  return TRUE;
}

gboolean
cr_consent_dialog_is_shown (CrConsentDialog *self,
                            const char      *field)
{
  CrFieldInput *input;

  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), FALSE);
  if (!(input = find_input (self, field)))
    return FALSE;
  /* The field, and every group it sits in, up to the page. */
  for (GtkWidget *w = cr_field_input_get_widget (input); w && w != GTK_WIDGET (self->page);
       w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

gboolean
cr_consent_dialog_save (CrConsentDialog  *self,
                        GError          **error)
{
  g_autoptr(CrRecord) record = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) wrong = NULL;

  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), FALSE);
  self->tried = TRUE;
  /* The first field at fault, top to bottom, taken to and focused; nothing is written. */
  wrong = problems (self);
  if (wrong->len > 0)
    {
      const GError *first = g_ptr_array_index (wrong, 0);

      show_error (self, first->message, TRUE);
      g_propagate_error (error, g_error_copy (first));
      return FALSE;
    }
  /* Only what is on show is sent: a status that does not need a field never gets it. */
  record = typed_record (self);
  if (cr_store_insert (cr_production_get_db (self->production), record, &local) == 0)
    {
      /* As the forms say it: never SQLite's words. */
      g_autofree char *words = cr_error_words (&cr_entity_consent, local);

      show_error (self, words, TRUE);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  clear_error (self);
  /* Alive while the pages reload. */
  g_object_ref (self);
  cr_production_changed (self->production, &cr_entity_consent);
  {
    g_autofree char *said = NULL;
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

    /* What the command line says after a withdrawal: how far it reaches. */
    if (g_strcmp0 (cr_record_get (record, "status"), "withdrawn") == 0)
      {
        g_autoptr(GPtrArray) impact = cr_consent_impact (cr_production_get_db (self->production), self->person->id,
                                                         NULL, &local);
        g_autofree char *reach = impact ? cr_consent_impact_summary (impact) : NULL;
        g_autofree char *why = impact ? NULL : cr_error_words_reason (local, FALSE);
        said = reach ? g_strdup_printf ("%s’s withdrawal reaches %s", cr_record_get (self->person, "name"), reach)
                     : g_strdup_printf ("Recorded %s’s withdrawal; what it reaches is unknown: %s",
                                        cr_record_get (self->person, "name"), why);
      }
    else
      said = g_strdup_printf ("Recorded %s’s consent", cr_record_get (self->person, "name"));
    if (CR_IS_WINDOW (parent))
      {
        AdwToast *toast = adw_toast_new (said);
        adw_toast_set_timeout (toast, 8);
        cr_window_add_toast (CR_WINDOW (parent), toast);
      }
    g_signal_emit (self, signals[RECORDED], 0, said);
  }
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

const char *
cr_consent_dialog_get_error (CrConsentDialog *self)
{
  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), NULL);
  return self->error;
}

const char *
cr_consent_dialog_get_error_field (CrConsentDialog *self)
{
  g_return_val_if_fail (CR_IS_CONSENT_DIALOG (self), NULL);
  return self->error_field;
}
