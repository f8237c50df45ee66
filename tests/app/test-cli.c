/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End to end through the command line: a production of 200 participants, 100 interviews and
 * 500 shots, its exports read back by independent parsers, and refused commands that leave
 * the file exactly as it was. */
#include "config.h"
#include "../cr-test-support.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "cli-run.h"
#include "cr-csv.h"

static char *project;

static char *
spawn_out (const char * const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &wait, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (wait, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

static char *
dump (void)
{
  return spawn_out ((const char * const[]) { "sqlite3", project, ".dump", NULL });
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

static void
build_production (void)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-cli-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBFName,Type,Organization,E-mail,Phone\r\n");

  project = g_build_filename (dir, "study.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  cli_ok (cli_run ("new", project, "--title", "Riverside Food Bank: two years on"));
  cli_ok (cli_run ("production", "edit", "--funder", "Northern Communities Fund", "--frame-rate", "25",
               "--time-zone", "Europe/London"));

  for (int i = 0; i < 200; i++)
    g_string_append_printf (csv, "\"Person %03d, Jr\",%s,\"Org \"\"%d\"\"\",p%03d@example.org,+44 113 496 %04d\r\n",
                            i, i % 10 == 0 ? "crew" : "interviewee", i % 7, i, i);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  cli_ok (cli_run ("import", "participants", csv_path));

  cli_ok (cli_run ("location", "add", "--name", "Main hall", "--address", "1 River St, Leeds", "--time-zone", "Europe/London"));
  cli_ok (cli_run ("location", "add", "--name", "Warehouse", "--time-zone", "Europe/London"));
  for (int q = 0; q < 10; q++)
    {
      g_autofree char *text = g_strdup_printf ("Question %d: what changed?", q + 1);
      cli_ok (cli_run ("question", "add", "--text", text));
    }
  for (int i = 0; i < 100; i++)
    {
      /* Two a day from 2026-10-01, at 10:00 and 14:00 local: the 25th is the day the clocks go back. */
      g_autofree char *title = g_strdup_printf ("Interview %03d", i);
      g_autofree char *start = g_strdup_printf ("2026-10-%02d %s", 1 + (i / 2) % 30, i % 2 ? "14:00" : "10:00");
      g_autofree char *end = g_strdup_printf ("2026-10-%02d %s", 1 + (i / 2) % 30, i % 2 ? "15:30" : "11:00");
      g_autofree char *who = g_strdup_printf ("Person %03d, Jr", 1 + i);
      g_autofree char *crew = g_strdup_printf ("Person %03d, Jr", (i % 20) * 10);
      g_autofree char *q1 = g_strdup_printf ("%d", 1 + i % 10);

      cli_ok (cli_run ("interview", "add", "--title", title, "--start", start, "--end", end,
                   "--location", i % 3 ? "Main hall" : "Warehouse", "--participant", who, "--crew", crew,
                   "--question", q1, "--question", "10", "--status", i % 4 ? "confirmed" : "planned"));
    }
  for (int s = 0; s < 500; s++)
    {
      g_autofree char *number = g_strdup_printf ("%d%c", 1 + s / 4, 'A' + s % 4);
      g_autofree char *interview = g_strdup_printf ("%d", 1 + s % 100);
      cli_ok (cli_run ("shot", "add", "--number", number, "--type", s % 4 ? "b-roll" : "interview",
                   "--size", "ms", "--duration", "0:20", "--interview", interview,
                   "--location", "Main hall", "--description", "Hands packing, \"close\""));
    }
}

static void
test_counts_and_json (void)
{
  CliResult r = cli_run ("shot", "list", "--json");
  g_autoptr(JsonNode) shots = NULL;
  g_autoptr(JsonNode) people = NULL;
  JsonObject *first;

  g_assert_cmpint (r.status, ==, 0);
  shots = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (shots)), ==, 500);
  first = json_array_get_object_element (json_node_get_array (shots), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "number"), ==, "1A");
  g_assert_cmpint (json_object_get_int_member (first, "duration"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (first, "description"), ==, "Hands packing, \"close\"");
  cli_result_clear (&r);

  r = cli_run ("participant", "list", "--json", "--where", "kind=crew");
  people = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (people)), ==, 20);
  cli_result_clear (&r);

  r = cli_run ("interview", "show", "Interview 048", "--json");
  {
    g_autoptr(JsonNode) one = parse_json (r.out);
    JsonObject *o = json_node_get_object (one);
    /* 2026-10-25 14:00 is after the clocks went back: GMT. */
    g_assert_cmpstr (json_object_get_string_member (o, "start"), ==, "2026-10-25T10:00:00+00:00");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "questions")), ==, 2);
  }
  cli_result_clear (&r);
}

static void
test_csv_exports (void)
{
  CliResult r = cli_run ("participant", "list", "--csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCsvTable) table = cr_csv_table_parse (r.out, strlen (r.out), &error);
  int name, org;

  g_assert_no_error (error);
  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 200);
  name = cr_csv_table_find_column (table, "name");
  org = cr_csv_table_find_column (table, "organisation");
  g_assert_cmpstr (cr_csv_table_get_row (table, 0)[name], ==, "Person 000, Jr");
  g_assert_cmpstr (cr_csv_table_get_row (table, 0)[org], ==, "Org \"0\"");
  cli_result_clear (&r);
  g_clear_pointer (&table, cr_csv_table_free);

  r = cli_run ("schedule", "csv");
  table = cr_csv_table_parse (r.out, strlen (r.out), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 100);
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "start"), ==, "2026-10-01 10:00");
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "participants"), ==, "Person 001, Jr");
  cli_result_clear (&r);
  g_clear_pointer (&table, cr_csv_table_free);

  r = cli_run ("shot", "list", "--csv");
  table = cr_csv_table_parse (r.out, strlen (r.out), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 500);
  cli_result_clear (&r);
}

static JsonNode *
ical_check (const char *ics_path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "ical_check.py", NULL);
  g_autofree char *out = spawn_out ((const char * const[]) { "/usr/bin/python3", "-I", script, ics_path, NULL });
  return parse_json (out);
}

static void
test_ics_export (void)
{
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *path = g_build_filename (dir, "schedule.ics", NULL);
  g_autofree char *mine = g_build_filename (dir, "person.ics", NULL);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonArray *events;
  gboolean saw_after_change = FALSE;

  cli_ok (cli_run ("schedule", "ics", "-o", path));
  all = ical_check (path);
  events = json_object_get_array_member (json_node_get_object (all), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 100);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      const char *summary = json_object_get_string_member (e, "summary");

      g_assert_cmpstr (json_object_get_string_member (e, "dtstart_tzid"), ==, "Europe/London");
      /* Both readings (library's zone data, the file's VTIMEZONE) agree. */
      g_assert_cmpstr (json_object_get_string_member (e, "dtstart"), ==,
                       json_object_get_string_member (e, "dtstart_vtimezone"));
      if (g_str_equal (summary, "Interview 048"))
        {
          /* 10:00 on 2026-10-25 in London is 10:00 UTC (GMT, after the change)... */
          g_assert_cmpstr (json_object_get_string_member (e, "dtstart"), ==, "2026-10-25T10:00:00Z");
          saw_after_change = TRUE;
        }
      if (g_str_equal (summary, "Interview 046"))   /* ...and on the 24th it is BST */
        g_assert_cmpstr (json_object_get_string_member (e, "dtstart"), ==, "2026-10-24T09:00:00Z");
      if (g_str_equal (summary, "Interview 000"))
        {
          g_assert_cmpstr (json_object_get_string_member (e, "location"), ==, "Warehouse");
          g_assert_cmpstr (json_object_get_string_member (e, "status"), ==, "TENTATIVE");
          g_assert_nonnull (strstr (json_object_get_string_member (e, "description"), "Person 001, Jr"));
          g_assert_nonnull (strstr (json_object_get_string_member (e, "description"), "Question 1: what changed?"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "attendees")), ==, 2);
        }
    }
  g_assert_true (saw_after_change);

  cli_ok (cli_run ("schedule", "ics", "--participant", "Person 000, Jr", "-o", mine));
  one = ical_check (mine);
  /* Person 000 is crew on interviews 0, 20, 40, 60 and 80. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (one), "events")), ==, 5);
}

typedef struct
{
  int         status;
  const char *needle;   /* the field the one-line error must name */
  const char *args[16];
} Refusal;

static void
test_refusals_leave_file_unchanged (void)
{
  g_autofree char *before = dump ();
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *bad_csv = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *after = NULL;
  const Refusal refusals[] = {
    { 1, "participant email:", { "participant", "add", "--name", "X", "--kind", "crew", "--email", "nope" } },
    { 1, "participant kind:", { "participant", "add", "--name", "X", "--kind", "boss" } },
    { 1, "participant name:", { "participant", "add", "--kind", "crew" } },
    { 1, "participant date_of_birth:", { "participant", "edit", "Person 001, Jr", "--date-of-birth", "2020-13-01" } },
    { 1, "participant", { "participant", "rm", "Person 001, Jr" } },
    { 1, "shot number:", { "shot", "add", "--number", "1a" } },
    { 1, "shot size:", { "shot", "edit", "1A", "--size", "enormous" } },
    { 1, "interview end:", { "interview", "add", "--title", "T", "--start", "2026-11-01 10:00", "--end", "2026-11-01 09:00" } },
    { 1, "interview start:", { "interview", "add", "--title", "T", "--start", "2026-03-29 01:30", "--end", "2026-03-29 03:00" } },
    { 1, "interview participants:", { "interview", "edit", "Interview 001", "--participant", "Nobody" } },
    { 1, "location time_zone:", { "location", "add", "--name", "Y", "--time-zone", "Europe/Leeds" } },
    { 1, "consent channels:", { "consent", "record", "Person 001, Jr", "--status", "signed", "--media", "video", "--naming", "anonymous" } },
    { 1, "production frame_rate:", { "production", "edit", "--frame-rate", "fast" } },
    { 1, "line 3", { "import", "participants", bad_csv } },
    { 1, "no interview", { "interview", "show", "Interview 999" } },
    { 2, "unknown verb", { "participant", "fly" } },
    { 2, "Unknown option", { "participant", "add", "--shoe-size", "9" } },
    { 2, "unknown command", { "dance" } },
    { 2, "name one", { "participant", "show" } },
  };

  g_assert_true (g_file_set_contents (bad_csv, "name,email\nGood Person,g@example.org\nBad Person,bad\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      CliResult r = cli_runv (refusals[i].args);
      g_autofree char *first_line = NULL;

      if (r.status != refusals[i].status || strstr (r.err, refusals[i].needle) == NULL)
        g_error ("“%s %s”: status %d, stderr “%s”; wanted %d and “%s”", refusals[i].args[0], refusals[i].args[1],
                 r.status, r.err, refusals[i].status, refusals[i].needle);
      /* The error itself is one line (an import lists its rows first). */
      g_assert_true (g_str_has_suffix (r.err, "\n"));
      first_line = g_strndup (r.err, strcspn (r.err, "\n"));
      if (!g_str_equal (refusals[i].args[0], "import"))
        g_assert_cmpuint (strlen (first_line) + 1, ==, strlen (r.err));
      cli_result_clear (&r);
    }
  after = dump ();
  g_assert_cmpstr (before, ==, after);
}

static void
test_help_everywhere (void)
{
  const char *nouns[] = { "production", "participant", "consent", "location", "question", "interview",
                          "shot", "schedule", "import", "clip" };
  CliResult r = cli_run ("--help");

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Usage"));
  cli_result_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    {
      r = cli_run (nouns[i], "--help");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Usage"));
      cli_result_clear (&r);
    }
  r = cli_run ("participant", "add", "--help");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--date-of-birth"));
  cli_result_clear (&r);
  r = cli_run ("interview", "add", "--help");
  g_assert_nonnull (strstr (r.out, "--participant"));
  cli_result_clear (&r);
}

static void
test_conflicts_reported (void)
{
  CliResult r = cli_run ("interview", "add", "--title", "Clash", "--start", "2026-10-01 10:30",
                         "--end", "2026-10-01 11:30", "--location", "Warehouse", "--crew", "Person 000, Jr");
  g_autoptr(JsonNode) list = NULL;

  /* A warning, not a refusal. */
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "warning: “Interview 000” (#1) and “Clash”"));
  cli_result_clear (&r);
  r = cli_run ("schedule", "conflicts", "--json");
  list = parse_json (r.out);
  {
    /* Interviews 000 and 060 are both 10:00-11:00 on 1 October in the Warehouse with
     * Person 000 as crew: the clash shares the person and the place with each. */
    JsonArray *all = json_node_get_array (list);
    guint with_clash = 0;
    for (guint i = 0; i < json_array_get_length (all); i++)
      {
        JsonObject *c = json_array_get_object_element (all, i);
        if (json_object_get_int_member (c, "second") == 101 || json_object_get_int_member (c, "first") == 101)
          with_clash++;
      }
    g_assert_cmpuint (with_clash, ==, 4);
  }
  cli_result_clear (&r);
  cli_ok (cli_run ("interview", "rm", "Clash"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");   /* as main () does: messages are UTF-8 */
  g_test_init (&argc, &argv, NULL);
  build_production ();
  g_test_add_func ("/cli/counts-and-json", test_counts_and_json);
  g_test_add_func ("/cli/csv-exports", test_csv_exports);
  g_test_add_func ("/cli/ics-export", test_ics_export);
  g_test_add_func ("/cli/conflicts", test_conflicts_reported);
  g_test_add_func ("/cli/refusals-leave-file-unchanged", test_refusals_leave_file_unchanged);
  g_test_add_func ("/cli/help", test_help_everywhere);
  return g_test_run ();
}
