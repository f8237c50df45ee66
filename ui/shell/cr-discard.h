/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a form window's ::close-request (Esc, Cancel, its close button): when `changed`, asks
 * "Discard changes?" over it with `body` (Keep Editing / Discard) and returns TRUE, so the
 * window stays; Discard then closes it, once the question has gone. Returns FALSE when
 * nothing changed or Discard was chosen: the window closes. */
gboolean cr_discard_close_request (GtkWindow  *window,
                                   gboolean    changed,
                                   const char *body);

G_END_DECLS
