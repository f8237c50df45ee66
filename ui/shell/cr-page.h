/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a page of the window does for the window's own keys (Ctrl+N, Ctrl+P, Ctrl+F), so
 * that they work wherever the keyboard focus is, the sidebar included. Each is optional:
 * a page that does not implement one does nothing for that key. */

#define CR_TYPE_PAGE (cr_page_get_type ())
G_DECLARE_INTERFACE (CrPage, cr_page, CR, PAGE, GtkWidget)

struct _CrPageInterface
{
  GTypeInterface parent_iface;

  /* Opens the form for a new row. */
  void (*add)          (CrPage *self);
  /* Prints the page's document (the release tracker, the call sheet, the shot list). */
  void (*print)        (CrPage *self);
  /* Puts the keyboard in the search field the page shows. */
  void (*focus_search) (CrPage *self);
};

/* Whether @page does anything for each key: the window and the shortcuts window ask. */
gboolean cr_page_can_add          (GtkWidget *page);
gboolean cr_page_can_print        (GtkWidget *page);
gboolean cr_page_can_focus_search (GtkWidget *page);

/* Each does nothing on a page (or a NULL one) that cannot. */
void     cr_page_add              (GtkWidget *page);
void     cr_page_print            (GtkWidget *page);
void     cr_page_focus_search     (GtkWidget *page);

G_END_DECLS
