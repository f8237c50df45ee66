/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

/* The fixed cut every edit-list test writes: a 29.97 drop-frame timeline at 01:00:00;00 with
 * sources at 23.976, 25 and 29.97 drop-frame (one audio-only), a gap, markers, keywords, notes,
 * colliding reel names, and file names with spaces, quotes, an ampersand, non-ASCII letters and
 * a newline. Sources live in `folder`. */
CrTimeline *cut_fixture_new            (const char *folder);

/* The sources' file names (NULL-terminated), to create real media for them. */
extern const char * const cut_fixture_files[];

/* Compares `text` with tests/media/golden/NAME byte for byte; with CASEREEL_UPDATE_GOLDEN=1 in
 * the environment it (re)writes the golden file instead. */
void        cut_fixture_check_golden   (const char *name,
                                        const char *text);

/* Runs argv (no shell) and returns its standard output; fails the test on a non-zero exit. */
char       *cut_fixture_run            (const char * const *argv);

/* Makes the cut's sources as tiny real media (160x90 testsrc, sine audio) in a new temp folder. */
char       *cut_fixture_make_media     (void);

/* Removes a folder made by cut_fixture_make_media and everything in it. */
void        cut_fixture_remove_folder  (const char *folder);

/* Asserts that two timelines have the same events (source paths, ranges, records, text). */
void        cut_fixture_assert_same_events (const CrTimeline *a,
                                            const CrTimeline *b);
