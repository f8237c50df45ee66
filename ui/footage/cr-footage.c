/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clips-page.h"
#include "cr-footage.h"
#include "cr-selects-page.h"

/* The pages' own style, once per display, next to the window's. */
static void
load_style (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/casereel/ui/footage.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
cr_footage_page_new (CrProduction   *production,
                     const CrEntity *entity)
{
  load_style ();
  if (entity == &cr_entity_clip)
    return GTK_WIDGET (cr_clips_page_new (production));
  if (entity == &cr_entity_select)
    return GTK_WIDGET (cr_selects_page_new (production));
  return NULL;
}
