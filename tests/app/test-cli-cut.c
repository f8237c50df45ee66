/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cut commands of issue 14: `cut edit` changes what it is given and refuses, in one line
 * naming the field, what no show or export could read, leaving the production as it was
 * (sqlite3 .dump before and after); edit lists of other editors and --ascii ones come back
 * onto the catalogued clips (generated footage). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-run.h"
#include "../cr-test-support.h"
#include "media-fixtures.h"

static char *work;
static char *project;

static char *
dump (void)
{
  return fixture_spawn_out ((const char * const[]) { "sqlite3", project, ".dump", NULL });
}

static char *
query (const char *sql)
{
  return fixture_spawn_out ((const char * const[]) { "sqlite3", project, sql, NULL });
}

/* @args must be refused with one line holding @expected; nothing in the production changes. */
static void
check_refused (const char         *expected,
               const char * const *args)
{
  g_autofree char *before = dump ();
  g_autofree char *after = NULL;
  g_auto(CliResult) r = cli_runv (args);

  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_true (g_str_has_prefix (r.err, "casereel: "));
  g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
  g_assert_nonnull (strstr (r.err, expected));
  after = dump ();
  g_assert_cmpstr (after, ==, before);
}

#define refused(expected, ...) check_refused (expected, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_edit (void)
{
  g_autofree char *row = NULL;
  g_auto(CliResult) help = { 0 };
  g_auto(CliResult) r = { 0 };

  cli_ok (cli_run ("cut", "new", "Story", "--rate", "30000/1001", "--drop-frame", "--record-start", "00:58:58;00"));
  r = cli_run ("cut", "edit", "Story", "--name", "Story v2", "--record-start", "00:59:00;02", "--size", "1280x720");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "changed cut #1\n");
  row = query ("SELECT name, frame_rate, drop_frame, width, height, record_start FROM cut");
  g_assert_cmpstr (row, ==, "Story v2|30000/1001|1|1280|720|00:59:00;02\n");

  /* A label drop frame skips, and a ";" start once drop frame is off. */
  refused ("cut record_start: “00:59:00;00” does not exist in drop-frame timecode",
           "cut", "edit", "Story v2", "--record-start", "00:59:00;00");
  refused ("cut record_start: “00:59:00;02” is drop-frame timecode",
           "cut", "edit", "Story v2", "--drop-frame", "no");
  refused ("cut drop_frame: “maybe” is not yes or no", "cut", "edit", "Story v2", "--drop-frame", "maybe");
  refused ("cut drop_frame: drop-frame timecode exists only at 29.97 and 59.94 fps",
           "cut", "edit", "Story v2", "--rate", "25");
  refused ("cut width: 8 is outside", "cut", "edit", "Story v2", "--size", "8x720");
  refused ("cut size: “wide” is not WxH", "cut", "edit", "Story v2", "--size", "wide");
  refused ("no cut “Nothing”", "cut", "edit", "Nothing", "--name", "X");
  refused ("nothing to change", "cut", "edit", "Story v2");
  cli_ok (cli_run ("cut", "new", "Other"));
  refused ("cut name: “Other” is already used by another cut", "cut", "edit", "Story v2", "--name", "Other");

  /* Both together go in: drop frame off with a start written with ":". */
  cli_ok (cli_run ("cut", "edit", "Story v2", "--drop-frame", "no", "--record-start", "01:00:00:00", "--rate", "25"));
  g_free (row);
  row = query ("SELECT frame_rate, drop_frame, record_start FROM cut WHERE id = 1");
  g_assert_cmpstr (row, ==, "25/1|0|01:00:00:00\n");

  help = cli_run ("cut", "--help");
  g_assert_nonnull (strstr (help.out, "\n  edit "));
}

/* The lines of `cut show CUT` after its first (which names the cut). */
static char *
events_of (const char *cut)
{
  g_auto(CliResult) r = cli_run ("cut", "show", cut);
  const char *rest;

  g_assert_cmpint (r.status, ==, 0);
  rest = strchr (r.out, '\n');
  g_assert_nonnull (rest);
  return g_strdup (rest + 1);
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (to, parts);
}

/* Writes @text to @name in the work folder and imports it; what it printed comes back. */
static CliResult
import_text (const char *name,
             const char *text,
             const char *cut)
{
  g_autofree char *path = g_build_filename (work, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return cli_run ("cut", "import", path, "--name", cut);
}

static char *
export_text (const char *cut,
             const char *name,
             const char *option)
{
  g_autofree char *path = g_build_filename (work, name, NULL);
  g_autofree char *text = NULL;

  cli_ok (cli_run ("cut", "export", cut, "-o", path, "--allow-unconsented", option));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

static void
make_footage_cut (void)
{
  static gboolean made;
  g_autofree char *card = g_build_filename (work, "card", NULL);

  if (made)
    return;
  made = TRUE;
  g_assert_cmpint (g_mkdir (card, 0755), ==, 0);
  g_free (fixture_video (card, "A001.MOV", "25", "10:00:00:00", 2));
  g_free (fixture_video (card, "Zoë interview.mov", "25", NULL, 2));
  cli_ok (cli_run ("index", card));
  cli_ok (cli_run ("cut", "new", "Footage"));
  cli_ok (cli_run ("cut", "add", "Footage", "--clip", "A001.MOV", "--in", "10:00:00:05", "--out", "10:00:01:00"));
  cli_ok (cli_run ("cut", "add", "Footage", "--clip", "Zoë interview.mov", "--in", "00:00:00:00",
               "--out", "00:00:01:00", "--gap", "3"));
}

/* Another editor's OTIO or FCPXML names the clip for people ("Ana interview") and its media
 * by a path on their machine: the file name at the end of the path finds the clip. */
static void
test_import_by_media_file (void)
{
  const char *formats[] = { "foreign.otio", "foreign.fcpxml" };
  g_autofree char *card = g_build_filename (work, "card", NULL);
  g_autofree char *card_uri = g_filename_to_uri (card, NULL, NULL);
  g_autofree char *want = NULL;

  make_footage_cut ();
  want = events_of ("Footage");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *mine = export_text ("Footage", formats[i] + strlen ("foreign"), NULL);
      g_autofree char *renamed = replace_all (mine, "\"A001.MOV\"", "\"Ana interview\"");
      g_autofree char *foreign = replace_all (renamed, card_uri, "file:///Volumes/Media");
      g_autofree char *cut = g_strdup_printf ("Foreign %u", i);
      g_autofree char *got = NULL;
      g_auto(CliResult) r = import_text (formats[i], foreign, cut);

      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      got = events_of (cut);
      g_assert_cmpstr (got, ==, want);
    }
}

/* A Final Cut Pro bundle is a folder holding Info.fcpxml; one without it says so in a line. */
static void
test_import_fcpxml_bundle (void)
{
  g_autofree char *bundle = g_build_filename (work, "From FCP.fcpxmld", NULL);
  g_autofree char *info = g_build_filename (bundle, "Info.fcpxml", NULL);
  g_autofree char *empty = g_build_filename (work, "Empty.fcpxmld", NULL);
  g_autofree char *fcpxml = NULL, *want = NULL, *got = NULL;
  g_auto(CliResult) r = { 0 };
  g_auto(CliResult) refused = { 0 };

  make_footage_cut ();
  want = events_of ("Footage");
  fcpxml = export_text ("Footage", "bundle.fcpxml", NULL);
  g_assert_cmpint (g_mkdir (bundle, 0755), ==, 0);
  g_assert_true (g_file_set_contents (info, fcpxml, -1, NULL));
  r = cli_run ("cut", "import", bundle);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "From FCP: 2 events\n");
  got = events_of ("From FCP");
  g_assert_cmpstr (got, ==, want);

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  refused = cli_run ("cut", "import", empty);
  g_assert_cmpint (refused.status, !=, 0);
  g_assert_cmpstr (strchr (refused.err, '\n'), ==, "\n");
  g_assert_nonnull (strstr (refused.err, "Info.fcpxml"));
}

/* A list that matches nothing is refused in one line naming what it looked for; no empty cut. */
static void
test_import_nothing_matched (void)
{
  g_autofree char *path = g_build_filename (work, "elsewhere.edl", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_auto(CliResult) r = { 0 };

  make_footage_cut ();
  g_assert_true (g_file_set_contents (path,
    "TITLE: Elsewhere\nFCM: NON-DROP FRAME\n\n"
    "001  TAPE1    V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
    "* FROM CLIP NAME: not here.mov\n"
    "002  TAPE2    V     C        00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n", -1, NULL));
  before = dump ();
  r = cli_run ("cut", "import", path);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
  g_assert_nonnull (strstr (r.err, "elsewhere.edl: none of its 2 events is of a catalogued clip "
                                   "(no clip for “not here.mov”, “TAPE2”); nothing was imported"));
  after = dump ();
  g_assert_cmpstr (after, ==, before);
}

/* An EDL written --ascii names "Zoë interview.mov" as "Zoe interview.mov": it comes back
 * whole. The name folded to ASCII finds it, and so does the reel when the name is another. */
static void
test_ascii_round_trip (void)
{
  g_autofree char *edl = NULL;
  g_autofree char *want = NULL, *got = NULL, *by_reel = NULL;
  g_auto(CliResult) r = { 0 };
  g_auto(CliResult) folded = { 0 };
  g_auto(CliResult) reel = { 0 };

  make_footage_cut ();
  want = events_of ("Footage");
  edl = export_text ("Footage", "ascii.edl", "--ascii");
  g_assert_nonnull (strstr (edl, "* FROM CLIP NAME: Zoe interview.mov\n"));
  r = import_text ("ascii.edl", edl, "From ASCII");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  got = events_of ("From ASCII");
  g_assert_cmpstr (got, ==, want);

  /* Each way alone: a reel that names nothing, then a clip name that names nothing. */
  folded = import_text ("folded.edl", "TITLE: F\nFCM: NON-DROP FRAME\n"
                        "001  TAPE9    V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
                        "* FROM CLIP NAME: ZOE Interview.mov\n", "Folded");
  g_assert_cmpstr (folded.err, ==, "");
  reel = import_text ("reel.edl", "TITLE: R\nFCM: NON-DROP FRAME\n"
                      "001  ZO_INTER V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
                      "* FROM CLIP NAME: renamed.mov\n", "Reel");
  g_assert_cmpstr (reel.err, ==, "");
  by_reel = events_of ("Reel");
  g_assert_nonnull (strstr (by_reel, "Zoë interview.mov 00:00:00:00"));
}

/* A 59.94 drop-frame clip and a Broadcast Wave (counted at the production's 25) that both
 * run past midnight, in a 59.94 DF cut whose record runs past midnight too: every edit list
 * comes back through the command line with the same events, and so does an EDL without its
 * "* RECORD START" (another editor's), which starts at its first record in. */
static void
test_round_trip_midnight (void)
{
  const char *formats[] = { "night.edl", "night.otio", "night.fcpxml" };
  g_autofree char *night = g_build_filename (work, "night", NULL);
  g_autofree char *want = NULL;

  g_assert_cmpint (g_mkdir (night, 0755), ==, 0);
  g_free (fixture_video (night, "df5994.mov", "60000/1001", "23:59:58;00", 4));
  g_free (fixture_wav (night, "night.wav", (gint64) 48000 * (86400 - 2), 4));
  cli_ok (cli_run ("index", night));
  cli_ok (cli_run ("cut", "new", "Night", "--rate", "59.94", "--drop-frame", "--record-start", "23:59:58;00"));
  cli_ok (cli_run ("cut", "add", "Night", "--clip", "df5994.mov", "--in", "23:59:59;00", "--out", "00:00:01;00",
               "--gap", "30"));
  cli_ok (cli_run ("cut", "add", "Night", "--clip", "night.wav", "--in", "23:59:59:00", "--out", "00:00:01:10",
               "--track", "A1", "--gap", "20"));
  cli_ok (cli_run ("cut", "add", "Night", "--clip", "df5994.mov", "--in", "23:59:58;10", "--out", "23:59:59;00"));
  want = events_of ("Night");
  /* The record crosses midnight, the sound is on A1. */
  g_assert_nonnull (strstr (want, "  2  00:00:00;30  df5994.mov 23:59:58;10 → 23:59:59;00"));
  g_assert_nonnull (strstr (want, "A1, sound only: 1 event\n  3  23:59:58;20  night.wav 23:59:59:00 → 00:00:01:10"));

  for (guint i = 0; i <= G_N_ELEMENTS (formats); i++)
    {
      gboolean foreign = i == G_N_ELEMENTS (formats);
      g_autofree char *text = export_text ("Night", foreign ? formats[0] : formats[i], NULL);
      g_autofree char *cut = g_strdup_printf ("Back %u", i);
      g_autofree char *got = NULL;
      g_auto(CliResult) r = { 0 };

      if (foreign)
        {
          static const char comment[] = "* RECORD START: 23:59:58;00\n";
          char *line = strstr (text, comment);
          gsize skip = sizeof comment - 1;

          g_assert_nonnull (line);
          memmove (line, line + skip, strlen (line) - skip + 1);
        }
      r = import_text (foreign ? "foreign-night.edl" : formats[i], text, cut);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      got = events_of (cut);
      g_assert_cmpstr (got, ==, want);
      if (foreign)
        {
          /* No hour of black before it: from the first record in (the sound's, 20 frames in). */
          g_auto(CliResult) show = cli_run ("cut", "show", cut);
          g_assert_true (g_str_has_prefix (show.out, "Back 3: 2 events, 00:00:03:00 (180 frames at 60000/1001)\n"));
        }
    }
}

/* A file name with a line break, a label and a cut name with a tab are shown escaped, as
 * `clips` shows them: one row a line. */
static void
test_show_escapes (void)
{
  g_autofree char *odd = g_build_filename (work, "odd", NULL);
  g_auto(CliResult) r = { 0 };
  g_auto(GStrv) rows = NULL;

  g_assert_cmpint (g_mkdir (odd, 0755), ==, 0);
  g_free (fixture_video (odd, "two\nlines.mov", "25", NULL, 1));
  cli_ok (cli_run ("index", odd));
  cli_ok (cli_run ("select", "add", "two\nlines.mov", "--in", "0", "--out", "10",
               "--label", "said\tthis"));
  cli_ok (cli_run ("cut", "new", "Odd\tnames"));
  cli_ok (cli_run ("cut", "add", "Odd\tnames", "--select", "1"));
  r = cli_run ("cut", "show", "Odd\tnames");
  g_assert_cmpint (r.status, ==, 0);
  rows = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  g_assert_true (g_str_has_prefix (rows[0], "Odd\\tnames: 1 event, "));
  g_assert_nonnull (strstr (rows[1], "  two\\nlines.mov 00:00:00:00 → 00:00:00:10  said\\tthis"));
}

/* A select outside its clip is refused in the clip's timecode, as the window says it, not
 * in frames; nothing is written. */
static void
test_select_outside_clip (void)
{
  g_autofree char *dir = g_build_filename (work, "outside", NULL);
  g_auto(CliResult) r = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) list = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_free (fixture_video (dir, "short.mov", "25", NULL, 1));
  cli_ok (cli_run ("index", dir));
  r = cli_run ("select", "add", "short.mov", "--in", "00:00:00:10", "--out", "00:00:05:00");
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "00:00:05:00 is after the clip ends (00:00:01:00)"));
  g_assert_null (strstr (r.err, "frame "));
  again = cli_run ("select", "add", "short.mov", "--in", "00:00:00:20", "--out", "00:00:00:10");
  g_assert_cmpint (again.status, !=, 0);
  g_assert_nonnull (strstr (again.err, "00:00:00:20 is not before the out point (00:00:00:10)"));
  list = cli_run ("select", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_null (strstr (list.out, "short.mov"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  work = cr_test_make_tmp ("casereel-cli-cut-XXXXXX", NULL);
  project = g_build_filename (work, "study.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  cli_ok (cli_run ("new", project, "--title", "Cuts"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25"));

  g_test_add_func ("/cli/cut/edit", test_edit);
  g_test_add_func ("/cli/cut/import-by-media-file", test_import_by_media_file);
  g_test_add_func ("/cli/cut/import-nothing-matched", test_import_nothing_matched);
  g_test_add_func ("/cli/cut/import-fcpxml-bundle", test_import_fcpxml_bundle);
  g_test_add_func ("/cli/cut/ascii-round-trip", test_ascii_round_trip);
  g_test_add_func ("/cli/cut/show-escapes", test_show_escapes);
  g_test_add_func ("/cli/cut/round-trip-midnight", test_round_trip_midnight);
  g_test_add_func ("/cli/select/outside-clip", test_select_outside_clip);
  status = g_test_run ();
  cr_test_remove_tree (work);
  g_free (project);
  g_free (work);
  return status;
}
