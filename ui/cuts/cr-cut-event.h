/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* One event of the cut as its row shows it: everything in words and timecode, worked out
 * once when the cut is read (binding a row then only copies text). */

#define CR_TYPE_CUT_EVENT (cr_cut_event_get_type ())
G_DECLARE_FINAL_TYPE (CrCutEvent, cr_cut_event, CR, CUT_EVENT, GObject)

typedef enum
{
  CR_CUT_BADGE_UNCHECKED,
  CR_CUT_BADGE_CLEARED,
  CR_CUT_BADGE_NOBODY,    /* nobody linked: nothing to clear, but worth a look */
  CR_CUT_BADGE_PROBLEM,
} CrCutBadge;

/* position: 1-based. */
CrCutEvent   *cr_cut_event_new          (const CrTimeline *timeline,
                                         guint             position);
/* The same object takes the event now at `position` (a cut read again after a move keeps
 * its rows; the badge stays until set, the poster while the clip and in point are the
 * same); then cr_cut_event_changed () tells the row that shows it, through ::changed. */
void          cr_cut_event_update       (CrCutEvent       *self,
                                         const CrTimeline *timeline,
                                         guint             position);
void          cr_cut_event_changed      (CrCutEvent *self);
guint         cr_cut_event_get_position (CrCutEvent *self);
const char   *cr_cut_event_get_source   (CrCutEvent *self);
const char   *cr_cut_event_get_path     (CrCutEvent *self);
const char   *cr_cut_event_get_source_in  (CrCutEvent *self);
const char   *cr_cut_event_get_source_out (CrCutEvent *self);
const char   *cr_cut_event_get_duration (CrCutEvent *self);
const char   *cr_cut_event_get_record_in (CrCutEvent *self);
const char   *cr_cut_event_get_label    (CrCutEvent *self);
const char   *cr_cut_event_get_people   (CrCutEvent *self);
gint64        cr_cut_event_get_length   (CrCutEvent *self);   /* timeline frames */
gboolean      cr_cut_event_has_video    (CrCutEvent *self);

/* The consent badge: its words ("Cleared", "Withdrawn: Farhan Iqbal") and kind. */
void          cr_cut_event_set_badge    (CrCutEvent *self,
                                         CrCutBadge  badge,
                                         const char *words);
CrCutBadge    cr_cut_event_get_badge    (CrCutEvent *self);
const char   *cr_cut_event_get_badge_words (CrCutEvent *self);

/* The poster frame once it is made (NULL until then); a new one emits ::changed. */
void          cr_cut_event_set_poster   (CrCutEvent   *self,
                                         GdkPaintable *poster);
GdkPaintable *cr_cut_event_get_poster   (CrCutEvent *self);
/* Where in its clip the poster is: the in point (the first frame the event shows), in
 * microseconds from the clip's start; -1 for a clip with no picture, whose waveform is the
 * same for each of its events. */
gint64        cr_cut_event_get_poster_time (CrCutEvent *self);

/* A length as editors say it: "0:12", "1:02:03", "0:04+12" (seconds and frames). */
char         *cr_cut_length_words       (gint64 frames,
                                         CrRate rate);

G_END_DECLS
