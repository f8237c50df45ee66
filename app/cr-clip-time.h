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

G_END_DECLS
