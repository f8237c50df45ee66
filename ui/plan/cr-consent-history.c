/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent-history"

#include "config.h"

#include <string.h>

#include "cr-error-words.h"
#include "cr-consent-history.h"
#include "cr-consent.h"
#include "cr-record-format.h"
#include "cr-store.h"
#include "cr-words.h"

struct _CrConsentHistory
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkStack     *stack;
  GtkLabel     *name_label;
  GtkLabel     *current_label;
  GtkWidget    *timeline;

  /* owned */
  CrProduction *production;
  gint64        participant;
  GPtrArray    *entries;
};

G_DEFINE_FINAL_TYPE (CrConsentHistory, cr_consent_history, GTK_TYPE_WIDGET)

/* The colour of a status on the timeline, as on the rest of the window. */
static const char *
status_style (const char *status)
{
  if (status == NULL)
    return "dim-label";
  if (g_str_equal (status, "signed") || g_str_equal (status, "verbal-noted"))
    return "success";
  if (g_str_equal (status, "withdrawn") || g_str_equal (status, "declined"))
    return "error";
  return "warning";
}

static void
append_detail (GString    *out,
               CrDb       *db,
               CrRecord   *record,
               const char *field,
               const char *prefix)
{
  g_autofree char *text = cr_record_display (db, record, cr_entity_find_field (&cr_entity_consent, field));
  g_autofree char *words = NULL;

  if (text == NULL || *text == '\0')
    return;
  words = g_str_equal (field, "expires") ? cr_words_date (text)
                                         : cr_words_value (cr_entity_find_field (&cr_entity_consent, field), text);
  g_string_append_printf (out, "%s%s%s", out->len ? "\n" : "", prefix ? prefix : "", words ? words : text);
}

static GtkWidget *
make_entry (CrConsentHistory *self,
            CrRecord         *record)
{
  CrDb *db = cr_production_get_db (self->production);
  const char *status = cr_record_get (record, "status");
  g_autofree char *status_words = cr_words_choice (status ? status : "");
  g_autofree char *date = cr_words_date (cr_record_get (record, "date"));
  g_autoptr(GString) details = g_string_new (NULL);
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dot = gtk_image_new_from_icon_name (g_str_equal (status_style (status), "success") ? "emblem-ok-symbolic"
                                                 : g_str_equal (status_style (status), "error") ? "action-unavailable-symbolic"
                                                 : "content-loading-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (date);
  GtkWidget *more;

  append_detail (details, db, record, "channels", NULL);
  append_detail (details, db, record, "media", NULL);
  append_detail (details, db, record, "naming", "Named: ");
  append_detail (details, db, record, "expires", "Until ");
  append_detail (details, db, record, "guardian_name", "Guardian: ");
  append_detail (details, db, record, "withdrawal_scope", "Withdrawn: ");
  append_detail (details, db, record, "taken_by", "Taken by ");
  append_detail (details, db, record, "notes", NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_add_css_class (dot, status_style (status));
  gtk_box_append (GTK_BOX (entry), dot);

  gtk_label_set_text (GTK_LABEL (heading), status_words);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (text), heading);
  gtk_box_append (GTK_BOX (text), when);
  if (details->len)
    {
      more = gtk_label_new (details->str);
      gtk_label_set_xalign (GTK_LABEL (more), 0);
      gtk_label_set_wrap (GTK_LABEL (more), TRUE);
      gtk_box_append (GTK_BOX (text), more);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (entry), text);
  gtk_widget_add_css_class (entry, "consent-entry");
  gtk_widget_set_margin_bottom (entry, 14);
  g_ptr_array_add (self->entries, g_strdup_printf ("%s %s", cr_record_get (record, "date"), status_words));
  return entry;
}

static void
reload (CrConsentHistory *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autofree char *who = g_strdup_printf ("%" G_GINT64_FORMAT, self->participant);
  CrQuery query = { .field = "participant", .value = who };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CrRecord) person = NULL;
  CrConsentState *state;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->timeline)))
    gtk_box_remove (GTK_BOX (self->timeline), child);
  g_ptr_array_set_size (self->entries, 0);
  if (self->participant <= 0 || !(person = cr_store_get (db, &cr_entity_participant, self->participant, NULL)))
    {
      gtk_stack_set_visible_child_name (self->stack, "nobody");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "history");
  gtk_label_set_text (self->name_label, cr_record_get (person, "name"));

  for (const char * const *c = (const char * const[]) { "success", "warning", "error", "dim-label", NULL }; *c; c++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->current_label), *c);
  if ((state = cr_consent_current (db, self->participant, NULL, &error)))
    {
      const char *style = NULL;
      g_autofree char *words = cr_words_consent (state, cr_record_get (person, "kind"), &style);
      g_autofree char *details = cr_words_consent_details (state);
      /* The details open with the latest record ("Withdrawn on 27 Nov"), which the timeline
       * shows right below: the line says only what stands now, and what it covers. */
      const char *covers = details ? strstr (details, " · ") : NULL;
      g_autofree char *line = covers ? g_strdup_printf ("Today: %s%s", words, covers)
                                     : g_strdup_printf ("Today: %s", words);
      gtk_label_set_text (self->current_label, line);
      gtk_widget_add_css_class (GTK_WIDGET (self->current_label), style ? style : "dim-label");
      cr_consent_state_free (state);
    }
  else
    {
      g_autofree char *words = cr_error_words_read (error, "today’s consent");

      gtk_label_set_text (self->current_label, words);
    }

  /* The store lists them oldest first; a history reads newest first. */
  if (!(records = cr_store_list (db, &cr_entity_consent, &query, &error)))
    return;
  for (guint i = records->len; i > 0; i--)
    gtk_box_append (GTK_BOX (self->timeline), make_entry (self, g_ptr_array_index (records, i - 1)));
  if (records->len == 0)
    {
      GtkWidget *none = gtk_label_new ("No consent on record yet.");
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->timeline), none);
    }
}

static void
production_changed_cb (CrConsentHistory *self,
                       const CrEntity   *entity)
{
  if (entity == &cr_entity_consent || entity == &cr_entity_participant)
    reload (self);
}

static void
cr_consent_history_dispose (GObject *object)
{
  CrConsentHistory *self = CR_CONSENT_HISTORY (object);

  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CONSENT_HISTORY);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_consent_history_parent_class)->dispose (object);
}

static void
cr_consent_history_finalize (GObject *object)
{
  g_ptr_array_unref (CR_CONSENT_HISTORY (object)->entries);
  G_OBJECT_CLASS (cr_consent_history_parent_class)->finalize (object);
}

static void
cr_consent_history_class_init (CrConsentHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_consent_history_dispose;
  object_class->finalize = cr_consent_history_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-consent-history.ui");
  gtk_widget_class_bind_template_child (widget_class, CrConsentHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, CrConsentHistory, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrConsentHistory, current_label);
  gtk_widget_class_bind_template_child (widget_class, CrConsentHistory, timeline);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_consent_history_init (CrConsentHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrConsentHistory *
cr_consent_history_new (CrProduction *production)
{
  CrConsentHistory *self = g_object_new (CR_TYPE_CONSENT_HISTORY, NULL);

  self->production = g_object_ref (production);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

void
cr_consent_history_set_participant (CrConsentHistory *self,
                                    gint64            participant)
{
  g_return_if_fail (CR_IS_CONSENT_HISTORY (self));
  self->participant = participant;
  reload (self);
}

GPtrArray *
cr_consent_history_get_entries (CrConsentHistory *self)
{
  g_return_val_if_fail (CR_IS_CONSENT_HISTORY (self), NULL);
  return self->entries;
}

const char *
cr_consent_history_get_current (CrConsentHistory *self)
{
  g_return_val_if_fail (CR_IS_CONSENT_HISTORY (self), NULL);
  return gtk_label_get_text (self->current_label);
}
