/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* Final Cut Pro XML. 1.9 is the default: DaVinci Resolve 18.5 reads up to 1.10 and older Final
 * Cut releases reject newer versions; 1.10 and 1.11 can be chosen. */
typedef enum
{
  CR_FCPXML_1_9 = 0,
  CR_FCPXML_1_10,
  CR_FCPXML_1_11,
} CrFcpxmlVersion;

typedef struct
{
  CrFcpxmlVersion  version;
  const char      *event_name;   /* the library event holding the project; NULL: the timeline name */
} CrFcpxmlOptions;

/* "1.9", "1.10", "1.11"; NULL for an unknown value. */
const char *cr_fcpxml_version_to_string (CrFcpxmlVersion version);
gboolean    cr_fcpxml_version_parse     (const char       *text,
                                         CrFcpxmlVersion  *out,
                                         GError          **error);

/* Resources: the sequence's format (exact rational frameDuration, frame size), a format per other
 * source rate, an asset per source (start = its start timecode, duration = its available media,
 * a media-rep of kind original-media with an absolute percent-encoded file:// URL). Then
 * library/event/project/sequence/spine with an asset-clip per event and a gap for each hole;
 * offset, start and duration are exact rationals ("1001/30000s"), never decimals. An event's
 * note becomes a <note>, its markers <marker>s and its keywords one <keyword>. */
gboolean    cr_fcpxml_write             (const CrTimeline       *timeline,
                                         const CrFcpxmlOptions  *options,
                                         GString                *out,
                                         GError                **error);

/* Reads the first sequence's spine of an FCPXML file (1.8 to 1.11, as Final Cut Pro and
 * DaVinci Resolve export it) into a timeline: asset-clip and clip (its video, audio or
 * asset-clip gives the asset), gaps, conform-rate without scaling. Transitions are read as cuts
 * at their centre and connected clips (lanes) left out, each with a warning in the timeline.
 * Sources are the assets, with their start timecode and duration: match them to catalogued
 * clips by path or name. Errors are one line and name the line. */
CrTimeline *cr_fcpxml_read              (const char  *text,
                                         gssize       length,
                                         GError     **error);

G_END_DECLS
