/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Who is in the footage, as the consent rule sees it: the people of a select, of its clip,
 * and of the interview the clip was recorded in. */

typedef struct
{
  guint     position;    /* the event's place in the cut, 1-based */
  gint64    clip;
  gboolean  no_person;   /* the clip is marked as showing no identifiable person */
  GArray   *people;      /* gint64 participant ids, each once, select's first */
} CrEventPeople;

void       cr_event_people_free     (CrEventPeople *event);
/* Every event of a cut, in order. Two queries: the events with their selects' people, and
 * the people of the clips they use. */
GPtrArray *cr_cut_event_people      (CrDb *db, gint64 cut, GError **error);
/* The ids (gint64 *, a set) of everyone linked to an interview, a shot, a clip or a select. */
GHashTable *cr_participants_who_appear (CrDb *db, GError **error);

/* Where a person is shown: one row per clip, select, cut event and delivered file. */
typedef enum
{
  CR_IMPACT_CLIP,
  CR_IMPACT_SELECT,
  CR_IMPACT_EVENT,
  CR_IMPACT_DELIVERY,
} CrImpactKind;

typedef struct
{
  CrImpactKind  kind;
  gint64        clip;          /* 0 for a delivery */
  char         *clip_name;
  char         *path;          /* the clip's, or the delivered file's */
  gboolean      has_video;
  gint64        in_frame;      /* select and event: frames of the clip; clip: 0 */
  gint64        out_frame;     /* exclusive; clip: -1 (to its end) */
  gint64        select;        /* 0: none */
  char         *label;
  gint64        cut;           /* event and delivery */
  char         *cut_name;
  guint         position;      /* event */
  char         *channel;       /* delivery */
  char         *delivered_at;
  gint64        delivery;
} CrImpactRow;

void       cr_impact_row_free       (CrImpactRow *row);
/* Clips by name, selects and events by clip and in point, deliveries oldest first. */
GPtrArray *cr_participant_shown_in  (CrDb *db, gint64 participant, GError **error);

G_END_DECLS
