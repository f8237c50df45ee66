/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* The Schedule page: the interviews as an agenda grouped by day, in the production's time zone
 * (the machine's when it has none), each with start–end (and under it the interview's own
 * clock, named, when that reads otherwise), location, people, crew and status; a clash is
 * marked on both interviews with its reason in words, one line for each interview it clashes
 * with. Its menu exports iCalendar (everyone's, or one person's, found by a search among
 * however many people) and CSV. Activating an interview edits it. */

#define CR_TYPE_SCHEDULE_PAGE (cr_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (CrSchedulePage, cr_schedule_page, CR, SCHEDULE_PAGE, GtkWidget)

CrSchedulePage *cr_schedule_page_new          (CrProduction   *production);
/* The days shown, "Tuesday 14 April 2026", in order, each once. */
GPtrArray      *cr_schedule_page_get_days     (CrSchedulePage *self);
/* The line above the agenda: what it holds, or why it could not be read. */
const char     *cr_schedule_page_get_summary  (CrSchedulePage *self);
/* The clash line shown on an interview, or NULL when it has none. */
const char     *cr_schedule_page_get_clash    (CrSchedulePage *self,
                                               gint64          interview);
/* The interview's row as shown ("10:00–11:30", its own clock, title, place, people …), for tests. */
GtkWidget      *cr_schedule_page_get_row      (CrSchedulePage *self,
                                               gint64          interview);
/* participant 0: everyone's interviews. The file is written whole, then renamed into place. */
gboolean        cr_schedule_page_export_ics   (CrSchedulePage *self,
                                               const char     *path,
                                               gint64          participant,
                                               GError        **error);
gboolean        cr_schedule_page_export_csv   (CrSchedulePage *self,
                                               const char     *path,
                                               GError        **error);

G_END_DECLS
