/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-purpose-page"

#include "config.h"

#include "cr-cuts-page.h"
#include "cr-people-page.h"
#include "cr-purpose-page.h"
#include "cr-schedule-page.h"
#include "cr-shots-page.h"

GtkWidget *
cr_purpose_page_new (CrProduction   *production,
                     const CrEntity *entity)
{
  if (entity == &cr_entity_cut)
    return GTK_WIDGET (cr_cuts_page_new (production));
  if (entity == &cr_entity_participant)
    return GTK_WIDGET (cr_people_page_new (production));
  if (entity == &cr_entity_shot)
    return GTK_WIDGET (cr_shots_page_new (production));
  if (entity == &cr_entity_interview)
    return GTK_WIDGET (cr_schedule_page_new (production));
  return NULL;
}

GtkWidget *
cr_purpose_page_get_list (GtkWidget *page)
{
  return CR_IS_PEOPLE_PAGE (page) ? GTK_WIDGET (cr_people_page_get_list (CR_PEOPLE_PAGE (page))) : NULL;
}
