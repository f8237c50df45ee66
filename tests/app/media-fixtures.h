/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small recordings made at test time with the ffmpeg command-line tool. */

#include <glib.h>

static inline void
fixture_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &wait, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (wait, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
}

static inline char *
fixture_spawn_out (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &wait, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (wait, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

/* A video with sound: rate as "24000/1001", timecode NULL for none. */
static inline char *
fixture_video (const char *dir,
               const char *name,
               const char *rate,
               const char *timecode,
               int         seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *video = g_strdup_printf ("testsrc2=size=160x90:rate=%s:duration=%d", rate, seconds);
  g_autofree char *audio = g_strdup_printf ("sine=frequency=440:sample_rate=48000:duration=%d", seconds);
  const char *argv[] = { "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", video, "-f", "lavfi",
                         "-i", audio, "-c:v", "libx264", "-preset", "ultrafast", "-g", "12", "-pix_fmt", "yuv420p",
                         "-c:a", "aac", "-shortest",
                         timecode ? "-timecode" : path, timecode ? timecode : NULL, timecode ? path : NULL, NULL };
  fixture_run (argv);
  return path;
}

/* A Broadcast Wave file with a time reference (samples since midnight at 48 kHz). */
static inline char *
fixture_wav (const char *dir,
             const char *name,
             gint64      time_reference,
             int         seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *audio = g_strdup_printf ("sine=frequency=220:sample_rate=48000:duration=%d", seconds);
  g_autofree char *tref = g_strdup_printf ("time_reference=%" G_GINT64_FORMAT, time_reference);
  const char *argv[] = { "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", audio, "-c:a", "pcm_s24le",
                         "-write_bext", "1", "-metadata", tref, path, NULL };
  fixture_run (argv);
  return path;
}
