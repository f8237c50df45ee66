/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clips-page.h"
#include "cr-footage.h"
#include "cr-selects-page.h"

GtkWidget *
cr_footage_page_new (CrProduction   *production,
                     const CrEntity *entity)
{
  if (entity == &cr_entity_clip)
    return GTK_WIDGET (cr_clips_page_new (production));
  if (entity == &cr_entity_select)
    return GTK_WIDGET (cr_selects_page_new (production));
  return NULL;
}
