/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Links Casereel can guess for the user to confirm: a clip recorded during a scheduled
 * interview (by its recording time, or its time-of-day timecode), and a clip in a folder
 * named after a shot number ("…/4A/clip.mov"). */
typedef struct
{
  gint64  clip;
  char   *clip_name;
  char   *kind;       /* "interview" or "shot" */
  gint64  target;
  char   *target_name;
  char   *reason;
} CrSuggestion;

void       cr_suggestion_free  (CrSuggestion *s);
/* Only links not made yet. */
GPtrArray *cr_suggest_links    (CrDb *db, GError **error);
/* Makes the links, in one transaction; a clip linked to an interview gets its people. */
gboolean   cr_suggest_apply    (CrDb *db, GPtrArray *suggestions, GError **error);

G_END_DECLS
