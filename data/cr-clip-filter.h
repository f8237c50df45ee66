/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Which clips the Footage page shows: every set condition must hold. */
typedef enum
{
  CR_CLIP_KIND_ANY,
  CR_CLIP_KIND_VIDEO,       /* has a picture */
  CR_CLIP_KIND_AUDIO_ONLY,  /* sound and no picture (a sound recorder's files) */
} CrClipKind;

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
} CrClipFilter;

/* The ids of the matching clips, names in natural order ("Clip 2" before "Clip 10"). */
GArray *cr_clips_filter (CrDb *db, const CrClipFilter *filter, GError **error);

G_END_DECLS
