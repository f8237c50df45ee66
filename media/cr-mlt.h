/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* MLT XML, as Kdenlive and Shotcut (and `melt`) read it. All-zero options are the defaults. */
typedef struct
{
  gboolean interlaced;   /* the profile says progressive="0" */
} CrMltOptions;

/* A <profile> matching the timeline (frame_rate_num/den, width, height, square pixels, display
 * aspect reduced from the size), a <producer> per source (resource = the absolute path, length in
 * profile frames), one <playlist> of <entry producer in out> with out inclusive and <blank
 * length> for holes, over a black background track (so that holes and audio-only events render
 * black, not as MLT's white test card), in a <tractor>. MLT plays every producer at the profile's
 * rate, so an event at another rate has its in point and length converted to profile frames
 * (nearest frame, the same rounding as the other writers); the rendered result has exactly
 * cr_timeline_get_duration frames. */
gboolean   cr_mlt_write (const CrTimeline    *timeline,
                         const CrMltOptions  *options,
                         GString             *out,
                         GError             **error);

G_END_DECLS
