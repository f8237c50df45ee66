/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the participant of the problem row the user chose. */
typedef void (*CrConsentProblemChosen) (gint64 participant, gpointer user_data);

/* Every problem of a finished consent check (CrClearance rows) as a boxed list in a scroller
 * at most max_height tall: one row each, "Farhan Iqbal: consent withdrawn" over its event
 * and timecode; a person's row is activatable and calls chosen. Shared by the cut page's
 * check and the export's refusal, so both list the same problems the same way. */
GtkWidget *cr_consent_problems_new (GPtrArray              *clearance,
                                    int                     max_height,
                                    CrConsentProblemChosen  chosen,
                                    gpointer                user_data);

G_END_DECLS
