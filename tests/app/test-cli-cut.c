/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cut commands of issue 14: `cut edit` changes what it is given and refuses, in one line
 * naming the field, what no show or export could read, leaving the production as it was
 * (sqlite3 .dump before and after). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-run.h"
#include "../cr-test-support.h"
#include "media-fixtures.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static char *work;
static char *project;

static void
ok (CliResult r)
{
  if (r.status != 0)
    g_error ("command failed (%d): %s", r.status, r.err);
  cli_result_clear (&r);
}

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

  ok (cli_run ("cut", "new", "Story", "--rate", "30000/1001", "--drop-frame", "--record-start", "00:58:58;00"));
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
  ok (cli_run ("cut", "new", "Other"));
  refused ("cut name: “Other” is already used by another cut", "cut", "edit", "Story v2", "--name", "Other");

  /* Both together go in: drop frame off with a start written with ":". */
  ok (cli_run ("cut", "edit", "Story v2", "--drop-frame", "no", "--record-start", "01:00:00:00", "--rate", "25"));
  g_free (row);
  row = query ("SELECT frame_rate, drop_frame, record_start FROM cut WHERE id = 1");
  g_assert_cmpstr (row, ==, "25/1|0|01:00:00:00\n");

  help = cli_run ("cut", "--help");
  g_assert_nonnull (strstr (help.out, "\n  edit "));
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
  ok (cli_run ("new", project, "--title", "Cuts"));
  ok (cli_run ("production", "edit", "--frame-rate", "25"));

  g_test_add_func ("/cli/cut/edit", test_edit);
  status = g_test_run ();
  cr_test_remove_tree (work);
  g_free (project);
  g_free (work);
  return status;
}
