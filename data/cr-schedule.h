/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Two interviews that are not cancelled, overlap in time and share a person (as
 * participant or crew) or a location. */
typedef struct
{
  gint64  first;          /* the interview that starts first (then the lower id) */
  gint64  second;
  char   *first_title;
  char   *second_title;
  char   *kind;           /* "person" or "location" */
  gint64  shared;         /* the participant's or location's id */
  char   *shared_name;
} CrConflict;

void       cr_conflict_free          (CrConflict *conflict);
/* All conflicts, or only those of one interview when interview > 0. */
GPtrArray *cr_schedule_conflicts     (CrDb *db, gint64 interview, GError **error);
/* "“A” (#1) and “B” (#2) overlap and both have Ana Silva" */
char      *cr_conflict_describe      (const CrConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConflict, cr_conflict_free)

/* The zone the agenda reads in: the production's, where it is planned, else the machine's.
 * Days are the days of this zone, for the Schedule page and the Overview alike. */
GTimeZone *cr_schedule_zone          (CrDb *db);

G_END_DECLS
