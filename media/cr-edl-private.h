/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timecode.h"

G_BEGIN_DECLS

/* Timecodes as the EDL writer and reader share them. */

/* Appends the label of `frames`; a position past midnight (one day of labels or more) keeps
 * counting hours (24:00:05:00) so that a range across midnight reads as positive everywhere. */
void      cr_edl_append_timecode (GString                *out,
                                  gint64                  frames,
                                  const CrTimecodeFormat *fmt);

/* Reads a label written by cr_edl_append_timecode: hours 24 to 47 are the next day. */
gboolean  cr_edl_parse_timecode  (const char              *text,
                                  const CrTimecodeFormat  *fmt,
                                  gint64                  *frames,
                                  GError                 **error);

/* The same label at another format, as editors carry a source's timecode into a list of another
 * rate: hours, minutes and seconds kept, the frame digits scaled down to the new rate's count
 * (a label that drop-frame skips becomes the first one that exists). */
gint64    cr_edl_relabel         (gint64                  frames,
                                  const CrTimecodeFormat *from,
                                  const CrTimecodeFormat *to);

G_END_DECLS
