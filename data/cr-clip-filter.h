/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-db.h"

G_BEGIN_DECLS

/* Which clips the Footage page shows: every set condition must hold. */
typedef enum
{
  CR_CLIP_KIND_ANY,
  CR_CLIP_KIND_VIDEO,       /* has a picture */
  CR_CLIP_KIND_AUDIO_ONLY,  /* sound and no picture (a sound recorder's files) */
} CrClipKind;

/* What the list is sorted by: names in natural order, the others by value, then by name. */
typedef enum
{
  CR_CLIP_ORDER_NAME,
  CR_CLIP_ORDER_DURATION,
  CR_CLIP_ORDER_START,      /* the first frame's timecode */
  CR_CLIP_ORDER_RATE,
  CR_CLIP_ORDER_RECORDED,
  CR_CLIP_ORDER_RATING,
  CR_CLIP_ORDER_STATUS,
} CrClipOrder;

typedef struct
{
  const char *search;       /* part of the name, a tag, the notes or the linked interview's title */
  const char *status;       /* "online", "offline", "failed" or NULL */
  CrClipKind  kind;
  gint64      interview;    /* 0: any */
  gint64      shot;
  gint64      participant;
  const char *tag;          /* a whole tag, any case */
  int         min_rating;   /* 0: any */
  CrClipOrder order;
  gboolean    descending;
} CrClipFilter;

/* The ids of the matching clips in the filter's order; names sort naturally ("Clip 2" before
 * "Clip 10"). Unknown values (no duration, no date) sort before known ones. */
GArray *cr_clips_filter (CrDb *db, const CrClipFilter *filter, GError **error);
/* For cr-clip-index.c, which answers as these do: "30000/1001" as frames per second (-1 when
 * unknown), a column's number (-1 when NULL), and a search as a LIKE pattern with our own
 * escape, so that "50%" and "take_2" mean what they say. */
double  cr_clip_rate_value          (const char *rate);
double  cr_clip_column_value        (sqlite3_stmt *stmt,
                                     int           column);
char   *cr_clip_filter_like_pattern (const char *text);

G_END_DECLS
