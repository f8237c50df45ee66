/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-cut.h"

G_BEGIN_DECLS

/* The consent check as the cut page shows it. Every call into the clearance API from the
 * window is in this file, so that a change to the consent rule is adapted here only. */

/* Badges each CrCutEvent in `events` (its position is its event number) for `channel`
 * (NULL: any) and returns the finished check (CrClearance rows), for the lines and
 * problems below. */
GPtrArray *cr_cut_consent_badge   (CrDb             *db,
                                   gint64            cut,
                                   const CrTimeline *timeline,
                                   const char       *channel,
                                   GListModel       *events,
                                   GError          **error);
/* The same lines from a finished check (an export that was refused). */
GPtrArray *cr_cut_consent_lines   (GPtrArray        *clearance);
guint      cr_cut_consent_count   (GPtrArray        *clearance);

/* One problem of a finished check, for a list that links to the person. */
typedef struct
{
  char   *title;        /* "Farhan Iqbal: consent withdrawn" */
  char   *where;        /* "Event 2 · Sr001-2C-01_01.WAV at 00:00:01:00" */
  gint64  participant;  /* 0: nobody is linked */
} CrCutProblem;

/* CrCutProblem, in the cut's order. */
GPtrArray *cr_cut_consent_problems (GPtrArray       *clearance);

G_END_DECLS
