/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-cut-event.h"

G_BEGIN_DECLS

/* One event's row on the Cuts page. It knows nothing of the store: it asks its page through
 * signals. ::move-event (from, to) when an event is dropped on it; ::remove-event; and
 * ::trim-event (source in, source out), whose handler returns NULL or the error in words. */

#define CR_TYPE_CUT_EVENT_ROW (cr_cut_event_row_get_type ())
G_DECLARE_FINAL_TYPE (CrCutEventRow, cr_cut_event_row, CR, CUT_EVENT_ROW, GtkWidget)

GtkWidget  *cr_cut_event_row_new       (void);
void        cr_cut_event_row_bind      (CrCutEventRow *self,
                                        CrCutEvent    *event);
CrCutEvent *cr_cut_event_row_get_event (CrCutEventRow *self);
/* Opens the trim popover, filled in with the event's range. */
void        cr_cut_event_row_start_trim (CrCutEventRow *self);

G_END_DECLS
