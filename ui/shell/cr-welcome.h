/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a window shows before a production is open: New, Open, Try the Demo, and the recent
 * productions. Opening goes through the app.open-file action (a path); "welcome.try-demo"
 * makes the demo production (once) in a worker and opens it. */

#define CR_TYPE_WELCOME (cr_welcome_get_type ())
G_DECLARE_FINAL_TYPE (CrWelcome, cr_welcome, CR, WELCOME, AdwBin)

/* Lists the recent productions again (they change while the application runs). */
void cr_welcome_refresh (CrWelcome *self);

G_END_DECLS
