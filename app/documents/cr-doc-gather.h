/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-doc-callsheet.h"
#include "cr-doc-releases.h"
#include "cr-doc-shotlist.h"

G_BEGIN_DECLS

/* Reads the production into the documents' plain data. Everything the data points to is
 * owned by an arena, freed in one go once the document is written or printed. */

typedef struct _CrDocArena CrDocArena;

CrDocArena *cr_doc_arena_new          (void);
void        cr_doc_arena_free         (CrDocArena        *arena);

typedef enum
{
  CR_SHOT_GROUP_BY_LOCATION,  /* the shot's location, else its interview's */
  CR_SHOT_GROUP_BY_INTERVIEW,
} CrShotGrouping;

/* The call sheet for DATE (YYYY-MM-DD): interviews that are not cancelled and start on
 * that date in their location's time zone (the interview's own when the location has
 * none). Call times: the crew 60 minutes and the interviewees 30 minutes before their
 * first interview of the day; the general call is the first crew call. Fails with a
 * one-line error for a malformed date or a day without interviews. */
gboolean    cr_doc_gather_callsheet   (CrDb              *db,
                                       const char        *date,
                                       CrDocArena        *arena,
                                       CrCallSheet       *sheet,
                                       GError           **error);
/* Every shot in list order, grouped; groups in the order of their first shot. */
gboolean    cr_doc_gather_shotlist    (CrDb              *db,
                                       CrShotGrouping     by,
                                       CrDocArena        *arena,
                                       CrShotList        *list,
                                       GError           **error);
/* Every interviewee, and anyone else with a consent history, as of ON_DATE (YYYY-MM-DD;
 * NULL for today). */
gboolean    cr_doc_gather_releases    (CrDb              *db,
                                       const char        *on_date,
                                       CrDocArena        *arena,
                                       CrReleaseTracker  *tracker,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrDocArena, cr_doc_arena_free)

G_END_DECLS
