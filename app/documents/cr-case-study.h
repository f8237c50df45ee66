/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-quotes.h"

G_BEGIN_DECLS

/* A draft written case study: the production's title, funder and description, then
 * sections with the quotes chosen for each, ready to paste into a funder's template. */

typedef struct
{
  char   *heading;
  GArray *questions;   /* gint64 ids whose quotes go here; NULL: by topic (see below) */
} CrCaseStudySection;

void       cr_case_study_section_free (CrCaseStudySection *section);

/* The default headings: The challenge, What we did, What changed, What's next. */
GPtrArray *cr_case_study_default_sections (void);

/* Writes the draft (.docx, .md or .html). A section without questions takes the questions
 * whose topic is its heading; questions no section takes are shared out in question order,
 * one section after another (quotes that answer no question last). Consent as in cr_quotes_write (). */
gboolean   cr_case_study_write      (CrDb *db, const CrQuotesOptions *options, GPtrArray *sections,
                                     gboolean allow_unconsented, const char *path, CrQuotes **result,
                                     GError **error);

G_END_DECLS
