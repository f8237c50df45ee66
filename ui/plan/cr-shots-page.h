/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* The Shots page: the shot list in cutting order, reordered by drag and drop; each shot's
 * status moves on in one click (planned → captured → selected; Drop has an Undo), and
 * its coverage says how many clips are linked to it. */

#define CR_TYPE_SHOTS_PAGE (cr_shots_page_get_type ())
G_DECLARE_FINAL_TYPE (CrShotsPage, cr_shots_page, CR, SHOTS_PAGE, GtkWidget)

CrShotsPage *cr_shots_page_new        (CrProduction *production);
/* The shot numbers in the order shown, "1A|1B|2". */
char        *cr_shots_page_dup_order  (CrShotsPage  *self);
/* What dropping shot `shot` on the row at `index` (0-based) does. */
gboolean     cr_shots_page_move       (CrShotsPage  *self,
                                       gint64        shot,
                                       guint         index,
                                       GError      **error);
/* The row's widgets for a shot: its status button and coverage label. */
GtkButton   *cr_shots_page_get_status_button (CrShotsPage *self,
                                              gint64       shot);
const char  *cr_shots_page_get_coverage      (CrShotsPage *self,
                                              gint64       shot);
/* Only the shots without footage (and owed some), and only of `priority` ("must"; NULL:
 * any); FALSE, NULL shows every shot again. */
void         cr_shots_page_set_filter        (CrShotsPage *self,
                                              gboolean     only_missing,
                                              const char  *priority);
/* Only the shots whose row says this ("captured", "must", "1A", "hall"), in any case. */
void         cr_shots_page_set_search        (CrShotsPage *self,
                                              const char  *text);
/* The Undo of the last shot dropped, while its toast shows; NULL: none. */
AdwToast    *cr_shots_page_get_undo_toast    (CrShotsPage *self);
/* "2 of 3 shots have footage"; filtered, "2 must-priority shots without footage". */
const char  *cr_shots_page_get_summary       (CrShotsPage *self);

G_END_DECLS
