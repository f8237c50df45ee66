/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* OpenTimelineIO JSON (.otio). All-zero options are the defaults. */
typedef struct
{
  gboolean no_audio_track;   /* write the Video track only */
  /* Spaces per nesting level (OTIO's own writer uses 4). 0, the default, puts each member on
   * its own line without indent: a third of the size, which matters for long cuts. */
  int      indent;
} CrOtioOptions;

/* Timeline.1 (global_start_time = the record start) holding a Stack.1 of a Video Track.1 and,
 * when any source has audio, an Audio Track.1. Each event is a Clip.2 whose source_range is its
 * [in, out) at the source's rate (from start timecode + in) and whose ExternalReference.1 has the
 * absolute file:// target_url and the source's available_range (start timecode, duration); holes
 * are Gap.1 at the timeline rate, as is an event whose source lacks that track's kind of media.
 * Rates are the exact rational as a double (30000/1001 = 29.97002997002997, never truncated).
 * Markers become Marker.2 in source time. What OTIO has no field for (drop-frame, channels, frame
 * size, label, participants, question, note, keywords) goes in "casereel" metadata so that
 * cr_otio_read gives the same timeline back; an event's text and markers are written once, on its
 * video clip (or its audio clip when the source has no video). */
gboolean    cr_otio_write (const CrTimeline     *timeline,
                           const CrOtioOptions  *options,
                           GString              *out,
                           GError              **error);

/* Reads the first Video track of an .otio timeline, then the first Audio track for the events
 * that have no video (an audio clip at the same record position and source as a video clip is
 * the same event). Clip.1 and Clip.2, Gap; transitions and nested stacks are refused. Sources are
 * identified by target_url (a file:// URL becomes a path) and rate; a source without an
 * available_range starts at 0 and reaches its last out point. Errors are one line and name the
 * place ("OTIO tracks.children[0].children[3].source_range.duration: ..."). */
CrTimeline *cr_otio_read  (const char  *text,
                           gssize       length,
                           GError     **error);

G_END_DECLS
