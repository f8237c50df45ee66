/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* What building a cut's timeline and importing an edit list read from the catalogue. */

/* One event of a cut with what the edit lists carry. */
typedef struct
{
  gint64  clip;
  gint64  in, out;         /* source frames, out exclusive */
  gint64  gap_before;      /* cut frames */
  char   *note;            /* the event's note, else the select's; NULL when none */
  char   *label;           /* the select's label */
  char   *question;        /* the question the select answers */
  char   *participants;    /* "A, B": the select's people, else the clip's */
} CrCutEventRow;

void       cr_cut_event_row_free      (CrCutEventRow *row);
/* Every event of the cut in order, CrCutEventRow each. */
GPtrArray *cr_cut_events_list         (CrDb *db, gint64 cut, GError **error);
/* The same rows with clip, in, out and gap only (note, label, question, people NULL). */
GPtrArray *cr_cut_events_frames       (CrDb *db, gint64 cut, GError **error);

/* A clip of the cut as a timeline source: what building the timeline reads of it. */
typedef struct
{
  gint64    id;
  char     *path;          /* NULL when empty, as with every text here */
  char     *name;
  char     *rate;          /* its own rate, else its timecode's, else the production's */
  gint64    duration_us;   /* -1: not known */
  char     *tc_start;
  char     *tc_rate;
  gint64    tc_frames;
  gboolean  tc_drop;
  gboolean  has_video;
  int       channels;
  int       width, height;
} CrCutClip;

void        cr_cut_clip_free          (CrCutClip *clip);
/* Every clip the cut's events are cut from, once each, read together (not a query per
 * clip: a cut of 1,000 events opens on the page). Clip id (gint64 *) -> CrCutClip. */
GHashTable *cr_cut_clips_read         (CrDb *db, gint64 cut, GError **error);

/* What the cut's clips bring to every event cut from them: markers in frame order and tags
 * in name order. */
typedef struct
{
  GArray   *frames;        /* gint64 */
  GPtrArray *notes;        /* char *, parallel to frames, "" when none */
  GPtrArray *tags;         /* char * */
} CrCutClipExtras;

/* Every clip of the cut that has a marker or a tag, in two queries:
 * clip id (gint64 *) -> CrCutClipExtras. */
GHashTable *cr_cut_clip_extras_read   (CrDb *db, gint64 cut, GError **error);

/* The clip's markers in frame order: frames (gint64) and their notes. */
gboolean   cr_clip_markers            (CrDb *db, gint64 clip, GArray **frames, GStrv *notes, GError **error);

/* The catalogued clip at this path, else the one of this file name (any case), preferring
 * online clips; 0 when none. */
gint64     cr_clip_find_by_path       (CrDb *db, const char *path);
gint64     cr_clip_find_by_name       (CrDb *db, const char *name);

G_END_DECLS
