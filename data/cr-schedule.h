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

/* The first day, in the agenda's zone, with an interview that is not cancelled. */
typedef struct
{
  GDateTime *day;           /* its midnight, in the zone */
  GDateTime *first;         /* when its first interview starts, in the zone */
  guint      n_interviews;
  GPtrArray *places;        /* char *: where they are, each once, in the order they start */
  guint      n_unplaced;    /* interviews with no location yet */
} CrShootDay;

void       cr_shoot_day_free         (CrShootDay *day);
/* The next shoot day from now's day on (today counts, all of it), in tz: *day is NULL when
 * no interview is planned from then on. */
gboolean   cr_schedule_next_day      (CrDb        *db,
                                      GTimeZone   *tz,
                                      GDateTime   *now,
                                      CrShootDay **day,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrShootDay, cr_shoot_day_free)

G_END_DECLS
