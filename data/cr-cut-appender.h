/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* Appending many events (an import): statements prepared once, positions counted here and
 * clip lengths read once per clip, so n events cost n inserts. Each event meets the rules of
 * one typed by hand; one that is exactly a select is tied to it. Call inside the caller's
 * transaction. */
typedef struct _CrCutAppender CrCutAppender;

CrCutAppender *cr_cut_appender_new   (CrDb *db, gint64 cut, GError **error);
/* Returns the new event's position, 0 on error (the message names the field). */
guint     cr_cut_appender_add        (CrCutAppender *appender, gint64 clip, gint64 in, gint64 out,
                                      gint64 gap_before, const char *note, GError **error);
/* The same on a track: "V" (picture and sound) or "A1", "A2"… (sound only); gap_before counts
 * from the end of the track's previous event. */
guint     cr_cut_appender_add_on_track (CrCutAppender *appender, const char *track, gint64 clip, gint64 in,
                                        gint64 out, gint64 gap_before, const char *note, GError **error);
void      cr_cut_appender_free       (CrCutAppender *appender);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCutAppender, cr_cut_appender_free)

G_END_DECLS
