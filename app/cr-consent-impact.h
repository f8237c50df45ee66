/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent-people.h"

G_BEGIN_DECLS

/* What a withdrawal reaches: every clip, select, cut event and delivered file that shows the
 * person, with source timecodes. After a partial withdrawal only what it takes away counts:
 * a medium withdrawn reaches the footage of that medium; a channel withdrawn reaches the
 * footage and only the files delivered for that channel. */
typedef struct
{
  CrImpactRow *row;
  char        *source_in;     /* the clip's own timecode; NULL for a delivery */
  char        *source_out;    /* exclusive */
} CrImpact;

void       cr_impact_free              (CrImpact *impact);
/* on_date NULL: today (which withdrawal is current). */
GPtrArray *cr_consent_impact           (CrDb *db, gint64 participant, const char *on_date, GError **error);
const char *cr_impact_kind_to_string   (CrImpactKind kind);
/* "2 clips, 3 selects, 4 cut events in 2 cuts, 1 delivered file" */
char      *cr_consent_impact_summary   (GPtrArray *impact);
/* kind, clip, path, source_in, source_out, select, label, cut, event, channel, delivered_at */
char      *cr_consent_impact_to_csv    (GPtrArray *impact);

G_END_DECLS
