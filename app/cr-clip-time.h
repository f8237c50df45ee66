/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-timecode.h"

G_BEGIN_DECLS

/* A position in a clip as a person gives it: the clip's own timecode ("12:39:59:10"), a frame
 * number from the clip's first frame ("250"), or seconds ("10.5s"). Result: frames from the
 * first frame at the clip's rate. */
gboolean cr_clip_parse_position (CrDb *db, gint64 clip, const char *text, gint64 *frames,
                                 GError **error);
/* The clip's own timecode of a frame (its start timecode + frames). */
char    *cr_clip_format_position (CrDb *db, gint64 clip, gint64 frames);

/* A select's in or out point as a person gives it, read as cr_clip_parse_position () reads
 * it, except that a timecode outside the clip nearer its start than its end comes back
 * negative (before the start), not as a time on the next day. */
gboolean cr_clip_parse_point     (CrDb *db, gint64 clip, const char *text, gint64 *frames,
                                  GError **error);
/* A select's range [in, out) checked against its clip, said in the clip's timecode, as the
 * store names the point that moved: "select out_frame: 10:05:09:00 is after the clip ends
 * (10:05:08:00)" (the store's own check says it in frames, for the command line). */
gboolean cr_clip_check_range     (CrDb *db, gint64 clip, gint64 in, gint64 out, gboolean out_moved,
                                  GError **error);

G_END_DECLS
