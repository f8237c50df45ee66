/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-demo.h"
#include "cr-entity.h"

G_BEGIN_DECLS

/* The days of the demo, counted from today so that consent dates, expiries and the shoot
 * are always in the right order whenever the demo is made. */
typedef struct
{
  char *day1;      /* first shoot day, YYYY-MM-DD */
  char *day2;
  char *before;    /* when consent was gathered */
  char *lapsed;    /* an expiry already past */
  char *expires;   /* an expiry two years ahead */
  char *ahead;     /* a day still to come */
} CrDemoDays;

/* Inserts one row from field/value pairs ending in NULL; returns its id or 0. */
gint64   cr_demo_insert   (CrDb *db, const CrEntity *entity, GError **error, ...) G_GNUC_NULL_TERMINATED;

/* People, consent, places, questions, interviews and shots. */
gboolean cr_demo_plan     (CrDb *db, const CrDemoDays *days, GError **error);
/* Camera and recorder files in media, indexed, linked, logged and cut. */
gboolean cr_demo_footage  (CrDb *db, const CrDemoDays *days, const char *media, GCancellable *cancellable,
                           GError **error);

G_END_DECLS
