/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "media-test-util.h"

char *
media_test_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = cr_test_make_tmp ("casereel-media-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
run_capture (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

void
media_test_run (const char *const *argv)
{
  g_free (run_capture (argv));
}

void
media_test_ffmpeg (const char *out,
                   ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "ffmpeg");
  g_ptr_array_add (argv, (char *) "-v");
  g_ptr_array_add (argv, (char *) "error");
  g_ptr_array_add (argv, (char *) "-y");
  g_ptr_array_add (argv, (char *) "-nostdin");
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) out);
  g_ptr_array_add (argv, NULL);
  media_test_run ((const char *const *) argv->pdata);
}

JsonObject *
media_test_ffprobe (const char *path)
{
  const char *argv[] = { "ffprobe", "-v", "error", "-of", "json", "-show_format",
                         "-show_streams", path, NULL };
  g_autofree char *out = run_capture (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

gint64
media_test_seconds_us (JsonObject *object,
                       const char *member)
{
  const char *text;
  gint64 whole, frac = 0;
  const char *dot;
  gboolean negative;

  if (!json_object_has_member (object, member))
    return -1;
  text = json_object_get_string_member (object, member);
  negative = text[0] == '-';
  whole = g_ascii_strtoll (text + negative, NULL, 10);
  dot = strchr (text, '.');
  if (dot != NULL)
    {
      /* ffprobe prints six decimals: exact microseconds, no floating point needed. */
      char digits[7] = "000000";
      memcpy (digits, dot + 1, MIN (strlen (dot + 1), 6));
      frac = g_ascii_strtoll (digits, NULL, 10);
    }
  return (negative ? -1 : 1) * (whole * G_USEC_PER_SEC + frac);
}

GBytes *
media_test_ffmpeg_rgb (const char *path,
                       const char *filter)
{
  const char *argv[] = { "ffmpeg", "-v", "error", "-nostdin", "-i", path, "-vf", filter,
                         "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return g_steal_pointer (&bytes);
}

double
media_test_mean_difference (GBytes *a,
                            GBytes *b)
{
  gsize n;
  const guint8 *pa = g_bytes_get_data (a, &n), *pb = g_bytes_get_data (b, NULL);
  double sum = 0;

  g_assert_cmpuint (g_bytes_get_size (a), ==, g_bytes_get_size (b));
  for (gsize i = 0; i < n; i++)
    sum += ABS ((int) pa[i] - (int) pb[i]);
  return sum / n;
}
