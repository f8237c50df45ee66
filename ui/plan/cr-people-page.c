/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-people-page"

#include "config.h"

#include "cr-people-page.h"

struct _CrPeoplePage
{
  GtkWidget         parent_instance;

  /* template widgets */
  GtkWidget        *separator;
  GtkWidget        *side;

  /* borrowed: children */
  CrEntityPage     *list;
  CrConsentHistory *history;
};

G_DEFINE_FINAL_TYPE (CrPeoplePage, cr_people_page, GTK_TYPE_WIDGET)

static void
selected_cb (CrPeoplePage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (cr_entity_page_get_selection (self->list));

  /* A reload of the list (after a save) drops its selection: the person stays shown. */
  if (row != NULL)
    cr_consent_history_set_participant (self->history, cr_row_get_id (row));
}

static void
cr_people_page_dispose (GObject *object)
{
  CrPeoplePage *self = CR_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_PEOPLE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cr_people_page_parent_class)->dispose (object);
}

static void
cr_people_page_class_init (CrPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_people_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, separator);
  gtk_widget_class_bind_template_child (widget_class, CrPeoplePage, side);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
cr_people_page_init (CrPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrPeoplePage *
cr_people_page_new (CrProduction *production)
{
  CrPeoplePage *self = g_object_new (CR_TYPE_PEOPLE_PAGE, NULL);

  self->list = cr_entity_page_new (production, &cr_entity_participant);
  gtk_widget_set_hexpand (GTK_WIDGET (self->list), TRUE);
  gtk_widget_insert_before (GTK_WIDGET (self->list), GTK_WIDGET (self), self->separator);
  self->history = cr_consent_history_new (production);
  gtk_widget_set_vexpand (GTK_WIDGET (self->history), TRUE);
  gtk_box_append (GTK_BOX (self->side), GTK_WIDGET (self->history));
  g_signal_connect_object (cr_entity_page_get_selection (self->list), "notify::selected-item",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  return self;
}

CrEntityPage *
cr_people_page_get_list (CrPeoplePage *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  return self->list;
}

CrConsentHistory *
cr_people_page_get_history (CrPeoplePage *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_PAGE (self), NULL);
  return self->history;
}
