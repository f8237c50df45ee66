/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* The purpose-built page for an entity's place in the window (the Cuts page for cuts …), or
 * NULL where the generic list page still serves. One call for the window to make. */
GtkWidget *cr_purpose_page_new (CrProduction   *production,
                                const CrEntity *entity);

/* The list page inside a purpose-built page that keeps one (Participants), else NULL: the
 * window connects its signals and finds it by name as before. */
GtkWidget *cr_purpose_page_get_list (GtkWidget      *page);

G_END_DECLS
