/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* CMX3600 edit decision lists. All-zero options are the defaults. */

typedef struct
{
  /* Leave out the "* FROM CLIP NAME:" comment after each event: Premiere's importer has failed
   * on it (OpenTimelineIO #1178). Without it a reader only has the reel name. */
  gboolean no_clip_names;
  /* Leave out the "* FRAME RATE:" and "* SOURCE FRAME RATE:" comments. FCM does not carry the
   * rate, so without them a reader must be told it (edl-genius #3). */
  gboolean no_rate_comments;
  /* Only ASCII, for old systems: non-ASCII letters in the title and clip names transliterated
   * ("Zoë" -> "Zoe"), anything else without an ASCII form as "?". */
  gboolean ascii;
} CrEdlOptions;

/* Writes the timeline as one video/audio track of cuts:
 *   TITLE, FCM (the timeline's drop-frame mode) and "* FRAME RATE: 30000/1001";
 *   per event "NNN  REEL     CH    C        SRC-IN SRC-OUT REC-IN REC-OUT" where the channel is
 *   V, A (mono), AA (two or more audio channels), B (video + mono) or AA/V; source timecodes are
 *   the source's own (start timecode + in, at its rate and drop mode), record timecodes run from
 *   the record start at the timeline's rate, and every out point is exclusive;
 *   "* FROM CLIP NAME: file.mov" and, when the source's rate or drop mode differs from the
 *   timeline's, "* SOURCE FRAME RATE: 25/1 NON-DROP FRAME".
 * Reel names: see cr_edl_reel_names. EDL is a line-based ASCII-era format: in the title and in
 * comments every control character, a newline in a file name included, becomes a space, so a
 * name can never break a line or inject an event (such a name does not round-trip exactly).
 * Non-ASCII letters are written as UTF-8 in comments. Event numbers past 999 take 4 digits. */
gboolean   cr_edl_write       (const CrTimeline    *timeline,
                               const CrEdlOptions  *options,
                               GString             *out,
                               GError             **error);

/* The reel name of each source (index = source index): the file name without its extension,
 * ASCII letters and digits upper-cased, any run of other characters as one '_', at most 8
 * characters; a name already taken gets a number in its last characters (INTERVI2, INTERV10);
 * an empty result becomes "CLIP". */
GStrv      cr_edl_reel_names  (const CrTimeline *timeline);

/* The CMX3600 channel field for a source ("V", "A", "AA", "B", "AA/V"). */
const char *cr_edl_channel_for_source (const CrTimelineSource *source);

typedef struct
{
  /* The rate to read record and source timecodes at when the file has no "* FRAME RATE:"
   * comment; {0, 0}: only "FCM: DROP FRAME" (29.97) can be read without one. */
  CrRate   rate;
  /* Where the timeline starts; FALSE: the hour at or before the first record in point. */
  gboolean has_record_start;
  gint64   record_start;
  int      width;            /* 0: 1920 */
  int      height;           /* 0: 1080 */
} CrEdlReadOptions;

/* Reads a CMX3600 EDL of cuts back into a timeline. Each distinct "FROM CLIP NAME" (else
 * "SOURCE FILE", else the reel) becomes a source whose path and name are that name, whose start
 * timecode is 0 (so event in/out are timecode frame numbers) and whose duration reaches its last
 * out point: match it to a catalogued clip and call cr_timeline_rebase_source. Transitions,
 * motion effects and anything unreadable give a one-line error naming the line. */
CrTimeline *cr_edl_read       (const char              *text,
                               gssize                   length,
                               const CrEdlReadOptions  *options,
                               GError                 **error);

/* A source that the list gives at its own rate (no "* SOURCE FRAME RATE:" comment, as other
 * editors write a clip of another rate) but whose media counts at `rate`: each event's source
 * in point is relabelled to that rate as editors carry timecode across (hours, minutes and
 * seconds kept, the frame digits scaled up: the inverse of the writer's relabelling) and its
 * length kept in the list's frames (the source frames the writer would give that length).
 * Call it before cr_timeline_rebase_source, while the source starts at 0. */
void        cr_edl_read_source_at (CrTimeline *timeline,
                                   guint       source,
                                   CrRate      rate,
                                   gboolean    drop_frame);

G_END_DECLS
