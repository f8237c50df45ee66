/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cli-run.h"
#include "media-test-util.h"
#include "thumbnail-check.h"

/* `casereel probe`, `thumb` and `extract` on files made by ffmpeg, checked with ffprobe. */

static char *dir;
static char *clip;
static char *cache;   /* $XDG_CACHE_HOME */

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
test_probe (void)
{
  g_auto(CliResult) r = cli_run ("probe", "--json", clip);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) bad = { 0 };
  g_autofree char *text = path_in_dir ("notes.mov");
  JsonObject *root, *tc;

  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tc = json_object_get_object_member (root, "timecode");
  g_assert_cmpstr (json_object_get_string_member (tc, "start"), ==, "01:00:00:00");
  g_assert_cmpstr (json_object_get_string_member (tc, "rate"), ==, "25/1");
  g_assert_cmpint (json_object_get_int_member (root, "duration_us"), ==, 6000000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "streams")), ==, 3);

  g_assert_true (g_file_set_contents (text, "not a clip", -1, NULL));
  bad = cli_run ("probe", text);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "notes.mov: not a media file"));
  g_assert_null (strchr (strchr (bad.err, '\n') + 1, '\n'));
}

static void
test_thumb (void)
{
  g_autofree char *out = path_in_dir ("poster.png");
  g_auto(CliResult) r = cli_run ("thumb", clip, "--at", "01:00:01:05", "-o", out);
  g_autoptr(JsonObject) info = NULL;
  JsonObject *s;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "frame at 1.200000 s"));
  info = media_test_ffprobe (out);
  s = json_array_get_object_element (json_object_get_array_member (info, "streams"), 0);
  g_assert_cmpstr (json_object_get_string_member (s, "codec_name"), ==, "png");
  g_assert_cmpint (json_object_get_int_member (s, "width"), ==, 256);
  g_assert_cmpint (json_object_get_int_member (s, "height"), ==, 192);

  /* Past the end (the clip lasts 6 s from 01:00:00:00): refused, not the last frame. */
  {
    g_autofree char *late = path_in_dir ("late.png");
    g_auto(CliResult) past = cli_run ("thumb", clip, "--at", "01:00:07:00", "-o", late);

    g_assert_cmpint (past.status, ==, 2);
    g_assert_nonnull (strstr (past.err, "thumb: --at 01:00:07:00 is past the end of"));
    g_assert_nonnull (strstr (past.err, "(it lasts 6.000 s)"));
    g_assert_false (g_file_test (late, G_FILE_TEST_EXISTS));
  }
}

static void
test_extract (void)
{
  g_autofree char *out = path_in_dir ("cut.mp4");
  g_auto(CliResult) r = cli_run ("extract", clip, "--in", "01:00:02:10", "--out", "01:00:04:00",
                                 "--reencode", "-o", out);
  g_auto(CliResult) bad = { 0 };
  g_autoptr(JsonObject) info = NULL;
  JsonObject *format, *video;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "2.400000 s to 4.000000 s, starts at 01:00:02:10 at 25/1"));
  info = media_test_ffprobe (out);
  format = json_object_get_object_member (info, "format");
  g_assert_cmpint (media_test_seconds_us (format, "duration"), ==, 1600000);
  /* MP4 keeps it on the video stream and its timecode track, not on the container. */
  video = json_array_get_object_element (json_object_get_array_member (info, "streams"), 0);
  g_assert_cmpstr (json_object_get_string_member (video, "codec_type"), ==, "video");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (video, "tags"), "timecode"),
                   ==, "01:00:02:10");

  bad = cli_run ("extract", clip, "--in", "soon", "-o", out);
  g_assert_cmpint (bad.status, ==, 2);
}

static char *
probe_timecode (const char *project,
                const char *path,
                const char *tc_rate)
{
  g_auto(CliResult) r = tc_rate ? cli_run ("--project", project, "probe", "--json", "--tc-rate", tc_rate, path)
                                : cli_run ("--project", project, "probe", "--json", path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *tc;

  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  tc = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "timecode");
  return g_strdup_printf ("%s %s", json_object_get_string_member (tc, "start"),
                          json_object_get_string_member (tc, "rate"));
}

/* `index` makes each new video clip's poster frame in the thumbnail cache and says how many;
 * ones already there are not made again; --no-posters makes none. */
static void
test_index_posters (void)
{
  g_autofree char *card = path_in_dir ("posters card");
  g_autofree char *plain = path_in_dir ("plain card");
  g_autofree char *video = g_build_filename (card, "C0001.MP4", NULL);
  g_autofree char *sound = g_build_filename (card, "take.wav", NULL);
  g_autofree char *other = g_build_filename (plain, "C0002.MP4", NULL);
  g_autofree char *project = path_in_dir ("posters.casereel");
  g_autofree char *again = path_in_dir ("posters-again.casereel");
  g_autofree char *report = NULL;

  g_assert_cmpint (g_mkdir (card, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (plain, 0700), ==, 0);
  media_test_ffmpeg (video, "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "2", "-c:v", "libx264",
                     "-preset", "ultrafast", "-pix_fmt", "yuv420p", NULL);
  media_test_ffmpeg (sound, "-f", "lavfi", "-i", "sine=r=48000", "-t", "1", "-c:a", "pcm_s16le", NULL);
  media_test_ffmpeg (other, "-i", video, "-c", "copy", NULL);
  {
    g_auto(CliResult) made = cli_run ("new", project, "--title", "Posters");
    g_auto(CliResult) made_again = cli_run ("new", again, "--title", "Posters again");
    g_auto(CliResult) indexed = cli_run ("--project", project, "index", card);
    g_auto(CliResult) indexed_again = cli_run ("--project", again, "index", card);
    g_auto(CliResult) no_posters = cli_run ("--project", project, "index", "--no-posters", plain);

    g_assert_cmpint (made.status, ==, 0);
    g_assert_cmpint (made_again.status, ==, 0);
    g_assert_cmpint (indexed.status, ==, 0);
    g_assert_nonnull (strstr (indexed.out, "2 media files: 2 added, 0 updated, 0 unchanged, 0 relinked, 0 offline, "
                                           "0 failed\n1 poster frame made\n"));
    g_assert_cmpint (indexed_again.status, ==, 0);
    g_assert_nonnull (strstr (indexed_again.out, "\n0 poster frames made, 1 already in the thumbnail cache\n"));
    g_assert_cmpint (no_posters.status, ==, 0);
    g_assert_null (strstr (no_posters.out, "poster"));
  }
  report = thumbnail_check (cache, (const char *[]) { video, sound, other, NULL });
  g_assert_cmpstr (report, ==, "C0001.MP4: 256x144, URI ok, MTime ok\n"
                               "take.wav: none\n"
                               "C0002.MP4: none\n");
}

/* A Broadcast WAV whose file names no timecode rate (bext, no iXML) counts by one rule in
 * probe, extract and the catalogue: the rate the production catalogued it at, else the
 * production's, unless --tc-rate says otherwise. It used to have no timecode in probe and
 * extract while the catalogue gave it one (and took selects in it). */
static void
test_bwf_timecode_rule (void)
{
  g_autofree char *folder = path_in_dir ("sound");
  g_autofree char *project = path_in_dir ("rule.casereel");
  g_autofree char *wav = g_build_filename (folder, "take.wav", NULL);
  g_autofree char *copy = path_in_dir ("uncatalogued.wav");
  g_autofree char *part = path_in_dir ("take-part.wav");
  g_autofree char *tc = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* 10:00:00:00 in samples since midnight at 48 kHz. */
  media_test_ffmpeg (wav, "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", "-c:a", "pcm_s24le",
                     "-write_bext", "1", "-metadata", "time_reference=1728000000", NULL);
  media_test_ffmpeg (copy, "-i", wav, "-c", "copy", "-write_bext", "1", "-metadata", "time_reference=1728000000", NULL);
  {
    g_auto(CliResult) made = cli_run ("new", project, "--title", "Rule");
    g_auto(CliResult) rate = cli_run ("--project", project, "production", "edit", "--frame-rate", "25");
    g_auto(CliResult) indexed = cli_run ("--project", project, "index", folder);

    g_assert_cmpint (made.status, ==, 0);
    g_assert_cmpint (rate.status, ==, 0);
    g_assert_cmpint (indexed.status, ==, 0);
    g_assert_nonnull (strstr (indexed.out, "1 media file: 1 added, "));
  }
  tc = probe_timecode (project, wav, NULL);
  g_assert_cmpstr (tc, ==, "10:00:00:00 25/1");
  g_clear_pointer (&tc, g_free);

  /* The catalogue's rate stays the file's when the production's changes; a file not
   * catalogued takes the production's; --tc-rate wins. */
  {
    g_auto(CliResult) rate = cli_run ("--project", project, "production", "edit", "--frame-rate", "30");

    g_assert_cmpint (rate.status, ==, 0);
  }
  tc = probe_timecode (project, wav, NULL);
  g_assert_cmpstr (tc, ==, "10:00:00:00 25/1");
  g_clear_pointer (&tc, g_free);
  tc = probe_timecode (project, copy, NULL);
  g_assert_cmpstr (tc, ==, "10:00:00:00 30/1");
  g_clear_pointer (&tc, g_free);
  tc = probe_timecode (project, wav, "24");
  g_assert_cmpstr (tc, ==, "10:00:00:00 24/1");

  /* extract takes the same timecodes the catalogue gives, and its file starts at its in point. */
  {
    g_auto(CliResult) r = cli_run ("--project", project, "extract", wav, "--in", "10:00:01:00", "--out",
                                   "10:00:02:00", "-o", part);
    g_autoptr(JsonObject) info = NULL;
    JsonObject *tags;

    g_assert_cmpint (r.status, ==, 0);
    /* Copied sound ends with its last whole packet: the range printed says where. */
    g_assert_true (g_str_has_prefix (r.out, part));
    g_assert_nonnull (strstr (r.out, ": 1.000000 s to 2.0"));
    g_assert_nonnull (strstr (r.out, " s, starts at 10:00:01:00 at 25/1\n"));
    info = media_test_ffprobe (part);
    tags = json_object_get_object_member (json_object_get_object_member (info, "format"), "tags");
    g_assert_cmpstr (json_object_get_string_member (tags, "time_reference"), ==, "1728048000");
  }
}

/* Progress lines "WHAT: N% …" of a run's stdout: each tenth at least once, in order, and the
 * last line the command's own. */
static void
assert_progress_lines (const char *out,
                       const char *what)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s: ", what);
  gboolean tenth[11] = { FALSE };
  int last = -1;
  guint n = 0, i;

  for (i = 0; lines[i] != NULL && g_str_has_prefix (lines[i], prefix); i++, n++)
    {
      char *end = NULL;
      gint64 percent = g_ascii_strtoll (lines[i] + strlen (prefix), &end, 10);

      g_assert_true (end != NULL && *end == '%');
      g_assert_cmpint (percent, >, last);
      g_assert_cmpint (percent, <=, 100);
      tenth[percent / 10] = TRUE;
      last = (int) percent;
    }
  g_assert_cmpuint (n, >=, 10);
  for (i = 1; i <= 10; i++)
    g_assert_true (tenth[i]);
  /* After them only the result. */
  g_assert_nonnull (lines[n]);
  g_assert_false (g_str_has_prefix (lines[n], prefix));
}

/* Not on a terminal (a log, a script) a re-encode and a render print progress lines to stdout;
 * stderr keeps to its warnings. A render past the consent check says so. */
static void
test_progress_lines (void)
{
  g_autofree char *folder = path_in_dir ("footage");
  g_autofree char *copy = g_build_filename (folder, "clip.mov", NULL);
  g_autofree char *project = path_in_dir ("render.casereel");
  g_autofree char *out = path_in_dir ("cut-lines.mp4");
  g_autofree char *review = path_in_dir ("review.mp4");

  {
    g_auto(CliResult) r = cli_run ("extract", clip, "--in", "01:00:01:00", "--out", "01:00:03:00", "--reencode",
                                   "-o", out);

    g_assert_cmpint (r.status, ==, 0);
    assert_progress_lines (r.out, "extract");
    g_assert_nonnull (strstr (r.out, "\nextract: 100% 2.0/2.0 s\n"));
    g_assert_null (strstr (r.err, "extract: "));
  }

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  media_test_ffmpeg (copy, "-i", clip, "-c", "copy", "-timecode", "01:00:00:00", NULL);
  {
    g_auto(CliResult) made = cli_run ("new", project, "--title", "Render");
    g_auto(CliResult) indexed = cli_run ("--project", project, "index", folder);
    g_auto(CliResult) cut = cli_run ("--project", project, "cut", "new", "Review", "--size", "320x240");
    g_auto(CliResult) add = cli_run ("--project", project, "cut", "add", "Review", "--clip", "clip.mov", "--in",
                                     "01:00:01:00", "--out", "01:00:03:00");
    g_auto(CliResult) r = cli_run ("--project", project, "cut", "render", "Review", "-o", review, "--allow-unconsented");
    g_auto(GStrv) err_lines = NULL;

    g_assert_cmpint (made.status, ==, 0);
    g_assert_cmpint (indexed.status, ==, 0);
    g_assert_cmpint (cut.status, ==, 0);
    g_assert_cmpint (add.status, ==, 0);
    g_assert_cmpint (r.status, ==, 0);
    assert_progress_lines (r.out, "render");
    g_assert_nonnull (strstr (r.out, "\nrender: 100% 50/50 frames\n"));
    /* Nobody is linked to the clip: rendered anyway, and said. */
    g_assert_nonnull (strstr (r.err, "casereel: warning: written despite 1 consent problem; recorded in the "
                                     "delivery log"));
    err_lines = g_strsplit (r.err, "\n", -1);
    for (guint i = 0; err_lines[i] != NULL; i++)
      g_assert_false (g_str_has_prefix (err_lines[i], "render: "));
  }
}

/* The small things of issue 14's list, each still checked: a clip name with a line break
 * stays on its row in `clips`, "1 media file", "Add an interview", one space in the help hint. */
static void
test_small_messages (void)
{
  g_autofree char *folder = path_in_dir ("lines");
  g_autofree char *wav = g_build_filename (folder, "two\nlines.wav", NULL);
  g_autofree char *project = path_in_dir ("lines.casereel");
  g_auto(CliResult) made = { 0 }, indexed = { 0 }, listed = { 0 }, help = { 0 }, bad = { 0 };
  g_auto(CliResult) cue = { 0 }, removed = { 0 }, change = { 0 }, rm = { 0 }, shot = { 0 };
  g_autofree char *srt = g_build_filename (folder, "one.srt", NULL);
  g_auto(GStrv) rows = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  media_test_ffmpeg (wav, "-f", "lavfi", "-i", "sine=r=48000", "-t", "1", NULL);
  made = cli_run ("new", project, "--title", "Lines");
  g_assert_cmpint (made.status, ==, 0);
  indexed = cli_run ("--project", project, "index", folder);
  g_assert_cmpint (indexed.status, ==, 0);
  g_assert_nonnull (strstr (indexed.out, "1 media file: 1 added, "));
  listed = cli_run ("--project", project, "clips");
  g_assert_cmpint (listed.status, ==, 0);
  rows = g_strsplit (listed.out, "\n", -1);
  {
    guint with_name = 0;

    /* One row holds the name, escaped; no row starts with the name's second line. */
    for (guint i = 0; rows[i] != NULL; i++)
      {
        if (strstr (rows[i], "lines.wav") != NULL)
          {
            g_assert_nonnull (strstr (rows[i], "\ttwo\\nlines.wav\t"));
            with_name++;
          }
        g_assert_false (g_str_has_prefix (rows[i], "lines.wav"));
      }
    g_assert_cmpuint (with_name, ==, 1);
  }

  help = cli_run ("--project", project, "interview", "add", "--help");
  g_assert_nonnull (strstr (help.out, "Add an interview."));
  change = cli_run ("--project", project, "interview", "edit", "--help");
  g_assert_nonnull (strstr (change.out, "Change an interview: "));
  rm = cli_run ("--project", project, "interview", "rm", "--help");
  g_assert_nonnull (strstr (rm.out, "Remove an interview."));
  shot = cli_run ("--project", project, "shot", "rm", "--help");
  g_assert_nonnull (strstr (shot.out, "Remove a shot."));

  /* One cue, not "1 cues". */
  g_assert_true (g_file_set_contents (srt, "1\n00:00:00,000 --> 00:00:00,500\nHello.\n", -1, NULL));
  cue = cli_run ("--project", project, "transcript", "import", "two\nlines.wav", srt);
  g_assert_cmpint (cue.status, ==, 0);
  g_assert_true (g_str_has_prefix (cue.out, "imported 1 cue into "));
  removed = cli_run ("--project", project, "transcript", "rm", "two\nlines.wav");
  g_assert_cmpint (removed.status, ==, 0);
  g_assert_true (g_str_has_prefix (removed.out, "removed 1 cue from "));
  bad = cli_run ("--project", project, "--bogus");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "(see 'casereel --help')\n"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = media_test_dir ();
  /* Before anything asks GLib for it: it keeps the first answer. */
  cache = path_in_dir ("cache");
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  clip = path_in_dir ("clip.mov");
  media_test_ffmpeg (clip, "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine=r=48000",
                     "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25",
                     "-c:a", "aac", "-timecode", "01:00:00:00", NULL);

  g_test_add_func ("/cli/media/probe", test_probe);
  g_test_add_func ("/cli/media/thumb", test_thumb);
  g_test_add_func ("/cli/media/extract", test_extract);
  g_test_add_func ("/cli/media/bwf-timecode-rule", test_bwf_timecode_rule);
  g_test_add_func ("/cli/media/index-posters", test_index_posters);
  g_test_add_func ("/cli/media/progress-lines", test_progress_lines);
  g_test_add_func ("/cli/media/small-messages", test_small_messages);

  status = g_test_run ();
  if (status == 0)
    {
      const char *argv_rm[] = { "rm", "-rf", dir, NULL };
      media_test_run (argv_rm);
    }
  g_free (clip);
  g_free (cache);
  g_free (dir);
  return status;
}
