/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-consent-history.h"
#include "cr-entity-page.h"

G_BEGIN_DECLS

/* The Participants page: the list of people, and beside it the selected person's consent
 * history as a timeline. */

#define CR_TYPE_PEOPLE_PAGE (cr_people_page_get_type ())
G_DECLARE_FINAL_TYPE (CrPeoplePage, cr_people_page, CR, PEOPLE_PAGE, GtkWidget)

CrPeoplePage     *cr_people_page_new         (CrProduction *production);
CrEntityPage     *cr_people_page_get_list    (CrPeoplePage *self);
CrConsentHistory *cr_people_page_get_history (CrPeoplePage *self);

G_END_DECLS
