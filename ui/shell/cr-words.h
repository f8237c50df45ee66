/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* The stored words ("date_of_birth", "b-roll", "mcu") as a window shows them
 * ("Date of birth", "B-roll", "MCU"). */

char *cr_words_field        (const CrField  *field);
char *cr_words_choice       (const char     *choice);
/* "Participant", "Participants" */
char *cr_words_entity       (const CrEntity *entity,
                             gboolean        plural);
/* A field's value as a cell or subtitle shows it: choices in words, sets as a list. */
char *cr_words_value        (const CrField  *field,
                             const char     *display);
/* A stored date (YYYY-MM-DD) as people write it: "2 Mar 2026"; anything else as it is. */
char *cr_words_date         (const char     *date);
/* A day as the agenda heads it: "Tuesday 14 April 2026", never "Tuesday  4 April". */
char *cr_words_day          (GDateTime      *day);
/* Names as a sentence lists them: "A", "A and B", "A, B and C". */
char *cr_words_list         (const char * const *names,
                             guint           n_names);
/* How many of `shots` have footage (a clip linked), as the Shots page and the Overview both
 * say it: "1 of 3 shots have footage", "All 3 shots have footage"; of one, "The shot has
 * footage" or "The shot has no footage yet". `found`: of the shots a search found. */
char *cr_words_footage      (guint           with_footage,
                             guint           shots,
                             gboolean        found);
/* A hint for fields typed in a fixed form ("YYYY-MM-DD"), or NULL. */
const char *cr_words_format (const CrField  *field);

G_END_DECLS

#include "cr-consent.h"

G_BEGIN_DECLS

/* A participant's consent in a word or two ("Signed", "Withdrawn"), and the style class
 * that colours it: "success", "warning", "error", or NULL when it does not matter (a crew
 * member or contact with no consent on record). */
char *cr_words_consent         (const CrConsentState *state,
                                const char           *kind,
                                const char          **style_class);
/* The icon that goes with a style class from cr_words_consent (). */
const char *cr_words_status_icon (const char *style_class);
/* What the consent covers, on one line: "Website, social media · video, quotes · full name". */
char *cr_words_consent_details (const CrConsentState *state);

G_END_DECLS
