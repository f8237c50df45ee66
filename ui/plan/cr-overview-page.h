/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-plan-summary.h"
#include "cr-production.h"

G_BEGIN_DECLS

/* The first page of the window: what the production is, how much is planned, whose
 * consent needs attention and which interviews clash. It follows every change; while
 * hidden it waits until it is shown. Rows that lead elsewhere activate "win.show-page"
 * with the page's name, and "win.edit-record" with (entity name, id). */

#define CR_TYPE_OVERVIEW_PAGE (cr_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CrOverviewPage, cr_overview_page, CR, OVERVIEW_PAGE, AdwBin)

CrOverviewPage *cr_overview_page_new      (CrProduction   *production);
/* Reads the production again. */
void            cr_overview_page_refresh  (CrOverviewPage *self);
/* Whether the consent of everyone is still being read (in a worker). */
gboolean        cr_overview_page_is_busy  (CrOverviewPage *self);
/* How many participants' consent needs attention, as last shown. */
guint           cr_overview_page_get_n_consent_problems (CrOverviewPage *self);
guint           cr_overview_page_get_n_conflicts        (CrOverviewPage *self);
/* How many people's usable consent ends within 30 days, as last shown. */
guint           cr_overview_page_get_n_expiring         (CrOverviewPage *self);
/* The shot coverage, as last shown. Its rows activate "overview.show-shots" with
 * (priority or "", only without footage), which opens the Shots page so filtered. */
const CrShotCoverageSummary *cr_overview_page_get_coverage (CrOverviewPage *self);

G_END_DECLS
