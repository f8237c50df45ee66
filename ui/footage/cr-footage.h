/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* The window's Footage pages: the Clips page for clips, the Selects page for selects; NULL
 * for any other entity (the window shows its own list then). */
GtkWidget *cr_footage_page_new (CrProduction   *production,
                                const CrEntity *entity);

G_END_DECLS
