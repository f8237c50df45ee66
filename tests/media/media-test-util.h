/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the media tests: fixtures made with the ffmpeg command-line tool at test
 * time, and ffprobe's own reading of a file to compare against. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A fresh folder for this test run's files. */
char       *media_test_dir        (void);

/* Runs a program (argv[0] looked up in PATH); fails the test if it does not exit 0. */
void        media_test_run        (const char *const *argv);

/* ffmpeg -v error -y -nostdin ARGS… OUT */
void        media_test_ffmpeg     (const char *out,
                                   ...) G_GNUC_NULL_TERMINATED;

/* ffprobe -of json -show_format -show_streams FILE, parsed. */
JsonObject *media_test_ffprobe    (const char *path);

/* A decimal seconds string as ffprobe prints it ("1.433367"), in microseconds; -1 if absent. */
gint64      media_test_seconds_us (JsonObject *object,
                                   const char *member);

/* One frame as ffmpeg decodes it after the filter ("select=eq(n\\,10)"), RGB24 bytes. */
GBytes     *media_test_ffmpeg_rgb (const char *path,
                                   const char *filter);

/* Mean absolute difference of two same-sized pictures, 0 to 255. */
double      media_test_mean_difference (GBytes *a,
                                        GBytes *b);

G_END_DECLS
