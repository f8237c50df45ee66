/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-fact-row"

#include "config.h"

#include "cr-fact-row.h"

struct _CrFactRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *title_label;
  GtkLabel *value_label;
};

G_DEFINE_FINAL_TYPE (CrFactRow, cr_fact_row, ADW_TYPE_PREFERENCES_ROW)

static void
cr_fact_row_class_init (CrFactRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-fact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrFactRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrFactRow, value_label);
}

static void
cr_fact_row_init (CrFactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cr_fact_row_new (const char *title)
{
  CrFactRow *self = g_object_new (CR_TYPE_FACT_ROW, NULL);

  gtk_label_set_text (self->title_label, title);
  /* As an action row's title: what a search of the preferences would match. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return GTK_WIDGET (self);
}

void
cr_fact_row_set_value (CrFactRow  *self,
                       const char *value)
{
  gboolean shown = value != NULL && *value != '\0';

  g_return_if_fail (CR_IS_FACT_ROW (self));

  /* Words that stand are not set again: setting them lays the pane out again. */
  if (shown && g_strcmp0 (gtk_label_get_text (self->value_label), value) != 0)
    gtk_label_set_text (self->value_label, value);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

const char *
cr_fact_row_get_value (CrFactRow *self)
{
  g_return_val_if_fail (CR_IS_FACT_ROW (self), NULL);

  return gtk_label_get_text (self->value_label);
}
