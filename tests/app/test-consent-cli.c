/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Consent on the command line, as a new user meets it: a select without people on a clip of
 * a withdrawn person, clip suggest linking the interview's people, the override's warning
 * and the delivery log, the withdrawal's impact read by Python's csv module, expiry, future
 * dates, the release tracker, and erasure checked with grep and sqlite3. */
#include "config.h"
#include "../cr-test-support.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "cli-run.h"
#include "consent-fixture.h"
#include "media-fixtures.h"

static char *root;
static char *card;
static char *project;

static char *
spawn_status (const char * const *argv,
              int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &wait, &error))
    g_error ("%s: %s", argv[0], error->message);
  *exit_status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
  return out;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static guint
lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
setup (void)
{
  g_autofree char *two = g_build_filename (card, "two.mov", NULL);
  /* Recorded during the interview, by its creation time (naive: the production's zone). */
  const char *argv[] = { "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                         "testsrc2=size=160x90:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                         "-pix_fmt", "yuv420p", "-metadata", "creation_time=2026-03-29T09:15:00Z", two, NULL };

  g_free (fixture_video (card, "one.mov", "25", NULL, 2));
  fixture_run (argv);
  project = g_build_filename (root, "study.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  cli_ok (cli_run ("new", project, "--title", "Riverside"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25", "--time-zone", "Europe/London"));
  cli_ok (cli_run ("participant", "add", "--name", "Ana Silva", "--kind", "interviewee",
               "--email", "ana.silva@example.org", "--phone", "+44 7700 900123"));
  cli_ok (cli_run ("participant", "add", "--name", "Ben Okafor", "--kind", "contact"));
  cli_ok (cli_run ("participant", "add", "--name", "Cam Reyes", "--kind", "crew"));
  cli_ok (cli_run ("consent", "record", "Ana Silva", "--status", "signed", "--date", "2026-01-01", "--channels", "all",
               "--media", "all", "--naming", "full-name", "--guardian-name", "Rosa Ferreira"));
  cli_ok (cli_run ("index", card));
}

static void
test_withdrawn_select_without_people (void)
{
  g_autofree char *edl = g_build_filename (root, "answers.edl", NULL);
  g_autofree char *sha = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *d, *p;
  CliResult r;
  int status;

  cli_ok (cli_run ("clip", "link", "one.mov", "--participant", "Ana Silva"));
  cli_ok (cli_run ("select", "add", "one.mov", "--in", "0", "--out", "10", "--label", "the first visit"));
  cli_ok (cli_run ("cut", "new", "Answers"));
  cli_ok (cli_run ("cut", "add", "Answers", "--select", "1"));
  r = cli_run ("consent", "record", "Ana Silva", "--status", "withdrawn", "--date", "2026-02-01");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "the withdrawal reaches 1 clip, 1 select, 1 cut event in 1 cut, 0 delivered files"));
  cli_result_clear (&r);

  r = cli_run ("cut", "check", "Answers", "--channel", "website");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.err, ==, "event 1 (one.mov 00:00:00:00–00:00:00:10): Ana Silva: consent withdrawn\n");
  g_assert_nonnull (strstr (r.out, "1 consent problem"));
  cli_result_clear (&r);

  r = cli_run ("cut", "export", "Answers", "-o", edl, "--channel", "website");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_false (g_file_test (edl, G_FILE_TEST_EXISTS));
  cli_result_clear (&r);

  r = cli_run ("deliveries", "--json");
  node = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  cli_result_clear (&r);
  g_clear_pointer (&node, json_node_unref);

  /* The override names the person and the reason, and is recorded. */
  r = cli_run ("cut", "export", "Answers", "-o", edl, "--channel", "website", "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "warning: consent overridden: event 1 (one.mov 00:00:00:00–00:00:00:10): "
                                   "Ana Silva: consent withdrawn\n"));
  g_assert_nonnull (strstr (r.err, "recorded in the delivery log"));
  cli_result_clear (&r);
  r = cli_run ("deliveries", "--json");
  node = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  d = json_array_get_object_element (json_node_get_array (node), 0);
  sha = spawn_status ((const char *[]) { "sha256sum", edl, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (sha, json_object_get_string_member (d, "sha256")));
  g_assert_cmpstr (json_object_get_string_member (d, "path"), ==, edl);
  g_assert_cmpstr (json_object_get_string_member (d, "cut"), ==, "Answers");
  g_assert_cmpstr (json_object_get_string_member (d, "channel"), ==, "website");
  g_assert_true (json_object_get_boolean_member (d, "override"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "people")), ==, 1);
  p = json_array_get_object_element (json_object_get_array_member (d, "people"), 0);
  g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "Ana Silva");
  g_assert_cmpstr (json_object_get_string_member (p, "problem"), ==, "consent withdrawn");
  cli_result_clear (&r);
}

static void
test_suggest_links_interview_people (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *clip;
  JsonArray *people;
  CliResult r;

  cli_ok (cli_run ("interview", "add", "--title", "Ben at the hall", "--start", "2026-03-29 10:00",
               "--end", "2026-03-29 11:00", "--participant", "Ben Okafor"));
  r = cli_run ("clip", "suggest", "--apply");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "two.mov → interview “Ben at the hall”"));
  cli_result_clear (&r);
  r = cli_run ("clip", "show", "two.mov", "--json");
  node = parse_json (r.out);
  clip = json_node_get_object (node);
  people = json_object_get_array_member (clip, "participants");
  g_assert_cmpuint (json_array_get_length (people), ==, 1);
  cli_result_clear (&r);

  /* He has no consent: a select without people on the clip is refused because of him. */
  cli_ok (cli_run ("select", "add", "two.mov", "--in", "0", "--out", "5"));
  cli_ok (cli_run ("cut", "new", "Hall"));
  cli_ok (cli_run ("cut", "add", "Hall", "--select", "2"));
  r = cli_run ("cut", "check", "Hall");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "Ben Okafor: consent missing"));
  cli_result_clear (&r);

  /* The release tracker lists him (a contact, in an interview, without consent) and the crew
   * member who appears in a shot; not a contact who appears nowhere. */
  cli_ok (cli_run ("participant", "add", "--name", "Dee Nobody", "--kind", "contact"));
  cli_ok (cli_run ("shot", "add", "--number", "4A", "--participant", "Cam Reyes"));
  {
    g_autofree char *csv = g_build_filename (root, "releases.csv", NULL);
    g_autofree char *text = NULL;
    cli_ok (cli_run ("releases", "-o", csv));
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "Ben Okafor"));
    g_assert_nonnull (strstr (text, "Cam Reyes"));
    g_assert_null (strstr (text, "Dee Nobody"));
  }
}

static void
test_impact_csv_and_json (void)
{
  g_autofree char *csv = g_build_filename (root, "impact.csv", NULL);
  g_autofree char *script = g_strdup_printf (
    "import csv\n"
    "rows = list(csv.DictReader(open(%s, newline='')))\n"
    "print(';'.join(r['kind'] + ':' + r['clip'] + ':' + r['source_in'] + '-' + r['source_out'] for r in rows))\n",
    "__import__('sys').argv[1]");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) node = NULL;
  CliResult r;
  int status;

  cli_ok (cli_run ("consent", "impact", "Ana Silva", "--csv", "-o", csv));
  out = spawn_status ((const char *[]) { "/usr/bin/python3", "-c", script, csv, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "clip:one.mov:00:00:00:00-00:00:02:00;select:one.mov:00:00:00:00-00:00:00:10;"
                                        "event:one.mov:00:00:00:00-00:00:00:10;delivery::-");
  r = cli_run ("consent", "impact", "Ana Silva", "--json");
  node = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 4);
  cli_result_clear (&r);
}

static void
test_expiring_and_future (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 20);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 90);
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 3);
  g_autofree char *soon_text = g_date_time_format (soon, "%Y-%m-%d");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *ahead_text = g_date_time_format (ahead, "%Y-%m-%d");
  g_autofree char *before = NULL;
  CliResult r;

  cli_ok (cli_run ("participant", "add", "--name", "Eli Soon", "--kind", "interviewee"));
  cli_ok (cli_run ("participant", "add", "--name", "Fay Later", "--kind", "interviewee"));
  cli_ok (cli_run ("consent", "record", "Eli Soon", "--status", "signed", "--channels", "all", "--media", "all",
               "--naming", "full-name", "--expires", soon_text));
  cli_ok (cli_run ("consent", "record", "Fay Later", "--status", "signed", "--channels", "all", "--media", "all",
               "--naming", "full-name", "--expires", later_text));
  r = cli_run ("consent", "status", "--expiring", "30d");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (lines (r.out), ==, 2);
  g_assert_nonnull (strstr (r.out, "Eli Soon"));
  g_assert_null (strstr (r.out, "Fay Later"));
  cli_result_clear (&r);
  r = cli_run ("consent", "status", "--expiring", "soon");
  g_assert_cmpint (r.status, ==, 2);
  cli_result_clear (&r);

  /* A consent dated after today is refused, in one line naming the field. */
  r = cli_run ("consent", "history", "Fay Later");
  before = g_strdup (r.out);
  cli_result_clear (&r);
  r = cli_run ("consent", "record", "Fay Later", "--status", "withdrawn", "--date", ahead_text);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "casereel: consent date: "));
  g_assert_cmpuint (lines (r.err), ==, 1);
  cli_result_clear (&r);
  r = cli_run ("consent", "history", "Fay Later");
  g_assert_cmpstr (r.out, ==, before);
  cli_result_clear (&r);
}

static guint
grep_count (const char *needle)
{
  g_autofree char *wal = g_strconcat (project, "-wal", NULL);
  const char *files[] = { project, wal };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *out = NULL;
      int status;

      if (!g_file_test (files[i], G_FILE_TEST_EXISTS))
        continue;
      out = spawn_status ((const char *[]) { "grep", "-c", "-a", "-F", needle, files[i], NULL }, &status);
      g_assert_cmpint (status, <=, 1);
      n += (guint) g_ascii_strtoull (out, NULL, 10);
    }
  return n;
}

static void
test_erase (void)
{
  /* The guardian named on her record too: it is copied into the current-consent summary. */
  const char *personal[] = { "Ana Silva", "ana.silva@example.org", "+44 7700 900123", "Rosa Ferreira" };
  g_autofree char *dump = NULL;
  int saved = dup (STDIN_FILENO);
  int devnull = open ("/dev/null", O_RDONLY);
  CliResult r;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_cmpuint (grep_count (personal[i]), >, 0);

  /* Without --yes it asks; no answer is no. */
  dup2 (devnull, STDIN_FILENO);
  r = cli_run ("participant", "erase", "Ana Silva");
  dup2 (saved, STDIN_FILENO);
  close (saved);
  close (devnull);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "was not erased"));
  cli_result_clear (&r);
  cli_ok (cli_run ("participant", "show", "Ana Silva"));

  r = cli_run ("participant", "erase", "Ana Silva", "--yes");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_cmpuint (grep_count (personal[i]), ==, 0);
  dump = spawn_status ((const char *[]) { "sqlite3", project, ".dump", NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (dump, "Erased participant 1"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (dump, personal[i]));

  /* The cut that showed her still fails. */
  r = cli_run ("cut", "check", "Answers", "--channel", "website");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.err, ==, "event 1 (one.mov 00:00:00:00–00:00:00:10): Erased participant 1: consent withdrawn\n");
  cli_result_clear (&r);
  r = cli_run ("participant", "erase", "1", "--yes");
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");   /* as main () does: messages are UTF-8 */
  g_test_init (&argc, &argv, NULL);
  root = cr_test_make_tmp ("casereel-consent-cli-XXXXXX", NULL);
  card = g_build_filename (root, "card", NULL);
  g_mkdir_with_parents (card, 0755);
  setup ();

  /* One production, in the order a user works: each test builds on the one before. */
  g_test_add_func ("/consent-cli/withdrawn-select-without-people", test_withdrawn_select_without_people);
  g_test_add_func ("/consent-cli/suggest-links-interview-people", test_suggest_links_interview_people);
  g_test_add_func ("/consent-cli/impact-csv-json", test_impact_csv_and_json);
  g_test_add_func ("/consent-cli/expiring-and-future", test_expiring_and_future);
  g_test_add_func ("/consent-cli/erase", test_erase);
  status = g_test_run ();
  consent_fixture_remove (root);
  g_free (project);
  g_free (card);
  g_free (root);
  return status;
}
