/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-page"

#include "config.h"

#include "cr-page.h"

G_DEFINE_INTERFACE (CrPage, cr_page, GTK_TYPE_WIDGET)

static void
cr_page_default_init (CrPageInterface *iface)
{
}

static CrPageInterface *
iface_of (GtkWidget *page)
{
  return page != NULL && CR_IS_PAGE (page) ? CR_PAGE_GET_IFACE (page) : NULL;
}

gboolean
cr_page_can_add (GtkWidget *page)
{
  CrPageInterface *iface = iface_of (page);

  return iface != NULL && iface->add != NULL;
}

gboolean
cr_page_can_print (GtkWidget *page)
{
  CrPageInterface *iface = iface_of (page);

  return iface != NULL && iface->print != NULL;
}

gboolean
cr_page_can_focus_search (GtkWidget *page)
{
  CrPageInterface *iface = iface_of (page);

  return iface != NULL && iface->focus_search != NULL;
}

void
cr_page_add (GtkWidget *page)
{
  if (cr_page_can_add (page))
    CR_PAGE_GET_IFACE (page)->add (CR_PAGE (page));
}

void
cr_page_print (GtkWidget *page)
{
  if (cr_page_can_print (page))
    CR_PAGE_GET_IFACE (page)->print (CR_PAGE (page));
}

void
cr_page_focus_search (GtkWidget *page)
{
  if (cr_page_can_focus_search (page))
    CR_PAGE_GET_IFACE (page)->focus_search (CR_PAGE (page));
}
