/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the command line says about bad input, and what it refuses to change silently: echoed
 * input escaped and cut short, a handful of lines for a file of bad rows, one line for two
 * columns of one field, impossible durations, rates and timecodes refused, names that are not
 * UTF-8 shown escaped and written as valid JSON (read back by python3's json). Each refusal
 * leaves the production exactly as it was (sqlite3 .dump before and after). */
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
input_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "app", "inputs", name, NULL);
}

static void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_prefix (text, "casereel: "));
  /* The first line break is the last character. */
  g_assert_cmpstr (strchr (text, '\n'), ==, "\n");
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
  assert_one_line (r.err);
  g_assert_nonnull (strstr (r.err, expected));
  after = dump ();
  g_assert_cmpstr (after, ==, before);
}

#define refused(expected, ...) check_refused (expected, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_escaped_and_cut (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  g_autofree char *before = dump ();
  g_autofree char *after = NULL;
  g_auto(CliResult) r = { 0 };

  /* A terminal escape in a value is shown, not obeyed. */
  refused ("“clear\\x1b[2Jscreen” is not one of", "participant", "add", "--name", "Ann", "--kind", "clear\x1b[2Jscreen");
  refused ("\\x1b]0;title\\x07", "participant", "add", "--name", "Ann", "--email", "\x1b]0;title\x07");

  /* A 1 MB field does not come back whole: one line of a few hundred characters. */
  huge[0] = '@';
  r = cli_run ("participant", "add", "--name", "Ann", "--email", huge);
  g_assert_cmpint (r.status, !=, 0);
  assert_one_line (r.err);
  g_assert_cmpuint (strlen (r.err), <, 700);
  g_assert_nonnull (strstr (r.err, "characters left out"));
  g_assert_nonnull (strstr (r.err, "participant email"));
  after = dump ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_many_bad_rows (void)
{
  g_autofree char *csv = g_build_filename (work, "bad-rows.csv", NULL);
  g_autoptr(GString) text = g_string_new ("name,email\r\n");
  g_autofree char *before = dump ();
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(CliResult) r = { 0 };

  for (int i = 0; i < 50000; i++)
    g_string_append_printf (text, "Person %d,not-an-address-%d\r\n", i, i);
  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  r = cli_run ("import", "participants", csv);
  g_assert_cmpint (r.status, !=, 0);
  lines = g_strsplit (r.err, "\n", -1);
  /* Five rows, a count for the rest, the summary, and the empty string after the last break. */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[0], csv));
  g_assert_nonnull (strstr (lines[0], "line 2: participant email"));
  g_assert_nonnull (strstr (lines[4], "line 6: participant email"));
  g_assert_cmpstr (strstr (lines[5], "… and"), ==, "… and 49995 more bad rows");
  g_assert_nonnull (strstr (lines[6], "50000 bad rows"));
  g_assert_nonnull (strstr (lines[6], "nothing was imported"));
  after = dump ();
  g_assert_cmpstr (after, ==, before);
  g_unlink (csv);
}

static void
test_two_columns_one_field (void)
{
  g_autofree char *csv = input_path ("csv-two-columns-one-field.csv");

  refused ("line 1: columns 2 “organisation” and 3 “organization” are both the organisation; "
           "columns 4 “email” and 5 “e-mail” are both the email; keep one of each",
           "import", "participants", csv);
}

static void
test_empty_csv (void)
{
  g_autofree char *csv = input_path ("empty.csv");

  refused ("empty.csv: line 1: no header row", "import", "participants", csv);
}

static void
test_impossible_values (void)
{
  refused ("shot duration: “-0:20” is not a duration", "shot", "add", "--number", "9", "--duration=-0:20");
  refused ("shot duration: “0:-20” is not a duration", "shot", "add", "--number", "9", "--duration=0:-20");
  refused ("shot duration: “99999999999” is not a duration", "shot", "add", "--number", "9", "--duration=99999999999");
  refused ("production record_start: “00:00:00:25” has frame 25, but at 25/1 the frames of a second count 0 to 24",
           "production", "edit", "--record-start", "00:00:00:25");
  refused ("production record_start: “-1:00:00:00” is not a timecode", "production", "edit", "--record-start", "-1:00:00:00");
  /* A rate that makes the record start impossible is refused too. */
  cli_ok (cli_run ("production", "edit", "--record-start", "00:59:59:24"));
  refused ("production record_start: “00:59:59:24” has frame 24, but at 24/1",
           "production", "edit", "--frame-rate", "24");
  refused ("production frame_rate: “1000” has no timecode", "production", "edit", "--frame-rate", "1000");
  refused ("production frame_rate: “12.5” is not a frame rate", "production", "edit", "--frame-rate", "12.5");
  refused ("production frame_rate: “30001/1001” has no timecode", "production", "edit", "--frame-rate", "30001/1001");
  refused ("cut record_start: “01:00:00:30” has frame 30", "cut", "new", "Story", "--rate", "30000/1001",
           "--record-start", "01:00:00:30");
  /* Stored, it would make every cut show and export fail (issue 14). */
  refused ("cut record_start: “00:59:00;00” is drop-frame timecode (“;”), but the cut is not drop frame",
           "cut", "new", "Story", "--rate", "30000/1001", "--record-start", "00:59:00;00");
  cli_ok (cli_run ("production", "edit", "--record-start", "01:00:00:00"));
  /* What timecode counts still goes in. */
  cli_ok (cli_run ("production", "edit", "--frame-rate", "29.97"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "60/2"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25"));
}

static void
test_names_not_utf8 (void)
{
  g_autofree char *card = g_build_filename (work, "card", NULL);
  g_autofree char *source = NULL;
  g_autofree char *json = NULL, *names = NULL;
  const char *odd[] = { "caf\xe9.mp4", "two\nlines.mp4", "clear\x1b[2J.mp4" };
  g_auto(CliResult) list = { 0 };
  g_auto(CliResult) r = { 0 };
  g_auto(GStrv) rows = NULL;

  g_assert_cmpint (g_mkdir (card, 0755), ==, 0);
  source = fixture_video (card, "plain.mp4", "25", NULL, 1);
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *path = g_build_filename (card, odd[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (source, &data, &len, NULL));
      g_assert_true (g_file_set_contents (path, data, len, NULL));
    }
  cli_ok (cli_run ("index", card));

  /* One row a line, the odd bytes shown escaped. */
  list = cli_run ("clips");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_null (strchr (list.out, '\x1b'));
  rows = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 6);
  g_assert_nonnull (strstr (list.out, "\tcaf\\xe9.mp4\t"));
  g_assert_nonnull (strstr (list.out, "\ttwo\\nlines.mp4\t"));
  g_assert_nonnull (strstr (list.out, "\tclear\\x1b[2J.mp4\t"));

  /* Valid JSON, read by another parser; a name with a line break keeps it. */
  r = cli_run ("clips", "--json");
  g_assert_cmpint (r.status, ==, 0);
  json = g_build_filename (work, "clips.json", NULL);
  g_assert_true (g_file_set_contents (json, r.out, -1, NULL));
  names = fixture_spawn_out ((const char * const[]) {
    "/usr/bin/python3", "-c",
    "import json, sys\n"
    "raw = open(sys.argv[1], 'rb').read()\n"
    "rows = json.loads(raw.decode('utf-8', errors='strict'))\n"
    "print(sorted(repr(r['name']) for r in rows))\n",
    json, NULL });
  g_assert_cmpstr (names, ==, "[\"'caf\\\\\\\\xe9.mp4'\", \"'clear\\\\x1b[2J.mp4'\", \"'plain.mp4'\", \"'two\\\\nlines.mp4'\"]\n");
  g_unlink (json);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* g_printerr writes in the locale's charset: C.UTF-8 from the test set-up. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  work = cr_test_make_tmp ("casereel-messages-XXXXXX", NULL);
  project = g_build_filename (work, "study.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  cli_ok (cli_run ("new", project, "--title", "Messages"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25"));
  cli_ok (cli_run ("participant", "add", "--name", "Bea Example", "--kind", "interviewee"));

  g_test_add_func ("/cli/messages/escaped-and-cut", test_escaped_and_cut);
  g_test_add_func ("/cli/messages/many-bad-rows", test_many_bad_rows);
  g_test_add_func ("/cli/silent/two-columns-one-field", test_two_columns_one_field);
  g_test_add_func ("/cli/silent/empty-csv", test_empty_csv);
  g_test_add_func ("/cli/silent/impossible-values", test_impossible_values);
  g_test_add_func ("/cli/silent/names-not-utf8", test_names_not_utf8);
  status = g_test_run ();
  cr_test_remove_tree (work);
  g_free (project);
  g_free (work);
  return status;
}
