/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-consent-dialog.h"
#include "cr-consent-history.h"
#include "cr-entity-page.h"

G_BEGIN_DECLS

/* The Participants page: the list of people, and beside it the selected person's consent
 * history as a timeline. Above the list, a filter by consent state (cr-consent-filter.h)
 * that shows only the people in that state, read for everyone at once in a worker. */

#define CR_TYPE_PEOPLE_PAGE (cr_people_page_get_type ())
G_DECLARE_FINAL_TYPE (CrPeoplePage, cr_people_page, CR, PEOPLE_PAGE, GtkWidget)

CrPeoplePage     *cr_people_page_new         (CrProduction *production);
CrEntityPage     *cr_people_page_get_list    (CrPeoplePage *self);
CrConsentHistory *cr_people_page_get_history (CrPeoplePage *self);
/* Opens the record-consent dialog for the selected person; NULL when nobody is selected.
 * The list's Record Consent button does this through "people.record-consent". */
CrConsentDialog  *cr_people_page_record_consent (CrPeoplePage *self);
/* A CrConsentFilter, or -1 for everyone. */
void              cr_people_page_set_filter  (CrPeoplePage *self,
                                              int           filter);
/* Whether everyone's consent is being read for the filter. */
gboolean          cr_people_page_is_busy     (CrPeoplePage *self);
/* The names the filter shows, "A|B", in order; NULL while showing everyone. */
char             *cr_people_page_dup_shown   (CrPeoplePage *self);
void              cr_people_page_select_shown (CrPeoplePage *self,
                                               guint         position);
/* The filtered list's own search, by name (the full list has the list page's). */
void              cr_people_page_set_filtered_search (CrPeoplePage *self,
                                                      const char   *text);

G_END_DECLS
