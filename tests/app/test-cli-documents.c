/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cr-db.h"
#include "cr-store.h"

/* `casereel callsheet|shotlist|releases` on a production made with the store, read back
 * with pdftotext and Python's csv module. */

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static gint64
add (CrDb           *db,
     const CrEntity *entity,
     ...)
{
  g_autoptr(CrRecord) input = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  gint64 id;

  va_start (args, entity);
  while ((field = va_arg (args, const char *)))
    cr_record_set (input, field, va_arg (args, const char *));
  va_end (args);
  id = cr_store_insert (db, input, &error);
  g_assert_no_error (error);
  return id;
}

/* Two shoot days in two zones, a cancelled interview on a third, and people whose
 * consent is signed, withdrawn or missing. */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  g_autoptr(CrRecord) production = cr_record_new (&cr_entity_production);

  fx->dir = cr_test_make_tmp ("casereel-cli-docs-XXXXXX", &error);
  g_assert_no_error (error);
  fx->project = g_build_filename (fx->dir, "aire.casereel", NULL);
  db = cr_db_create (fx->project, "Voices of the Aire", &error);
  g_assert_no_error (error);

  cr_record_set (production, "funder", "Leeds Community Fund");
  cr_record_set (production, "producer", "Maya Lindqvist");
  cr_record_set (production, "producer_phone", "+44 7700 900001");
  cr_record_set (production, "time_zone", "Europe/London");
  g_assert_true (cr_store_update (db, &cr_entity_production, 1, production, &error));
  g_assert_no_error (error);

  add (db, &cr_entity_location, "name", "Alder Street Library", "address", "12 Alder Street, Leeds",
       "contact", "Priya Nair", "contact_phone", "+44 113 496 0000",
       "nearest_hospital", "Leeds General Infirmary", "time_zone", "Europe/London", NULL);
  add (db, &cr_entity_location, "name", "Brooklyn studio", "address", "1 Water St, Brooklyn",
       "nearest_hospital", "NYU Langone Brooklyn", "time_zone", "America/New_York", NULL);
  add (db, &cr_entity_participant, "name", "Zoë Ødegård", "kind", "interviewee", "role", "Founder",
       "phone", "+44 7700 900123", NULL);
  add (db, &cr_entity_participant, "name", "李小龙", "kind", "interviewee", "phone", "+44 7700 900456", NULL);
  add (db, &cr_entity_participant, "name", "Ngũgĩ Kamau", "kind", "interviewee", "phone", "+44 7700 900789", NULL);
  add (db, &cr_entity_participant, "name", "Sam Okafor", "kind", "crew", "role", "Camera",
       "phone", "+44 7700 900321", NULL);
  add (db, &cr_entity_consent, "participant", "Zoë Ødegård", "status", "signed", "date", "2026-01-12",
       "channels", "website", "media", "video", "naming", "full-name", "expires", "2028-01-12", NULL);
  add (db, &cr_entity_consent, "participant", "李小龙", "status", "signed", "date", "2026-01-12",
       "channels", "website", "media", "video", "naming", "anonymous", NULL);
  add (db, &cr_entity_consent, "participant", "李小龙", "status", "withdrawn", "date", "2026-02-10",
       "withdrawal_scope", "all", NULL);
  add (db, &cr_entity_question, "text", "How did the reading group start?", NULL);
  add (db, &cr_entity_question, "text", "What does the river mean to you?", NULL);

  /* Typed in each location's zone. */
  add (db, &cr_entity_interview, "title", "The river map", "start", "2026-04-14 13:15",
       "end", "2026-04-14 14:00", "location", "Alder Street Library",
       "participants", "李小龙\nNgũgĩ Kamau", "crew", "Sam Okafor", "questions", "2", NULL);
  add (db, &cr_entity_interview, "title", "Reading group founder", "start", "2026-04-14 09:30",
       "end", "2026-04-14 11:00", "location", "Alder Street Library",
       "participants", "Zoë Ødegård", "crew", "Sam Okafor", "questions", "1", "notes", "Bring the map", NULL);
  add (db, &cr_entity_interview, "title", "New York partner", "start", "2026-04-16 10:00",
       "end", "2026-04-16 11:00", "location", "Brooklyn studio", "participants", "Zoë Ødegård", NULL);
  add (db, &cr_entity_interview, "title", "Called off", "start", "2026-04-20 10:00", "end", "2026-04-20 11:00",
       "location", "Alder Street Library", "participants", "Zoë Ødegård", "status", "cancelled", NULL);

  add (db, &cr_entity_shot, "number", "1A", "type", "establishing", "size", "ws",
       "description", "Library exterior", "interview", "Reading group founder", "duration", "20", NULL);
  add (db, &cr_entity_shot, "number", "1B", "type", "interview", "size", "mcu",
       "interview", "Reading group founder", "participants", "Zoë Ødegård", "duration", "600",
       "status", "captured", NULL);
  add (db, &cr_entity_shot, "number", "2A", "type", "b-roll", "size", "cu", "description", "Hands on the map",
       "interview", "The river map", "duration", "45", NULL);
  add (db, &cr_entity_shot, "number", "3A", "type", "b-roll", "location", "Brooklyn studio",
       "description", "The East River", "duration", "30", NULL);
  add (db, &cr_entity_shot, "number", "9Z", "type", "detail", "description", "Spare hands", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  cr_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->project);
}

/* Runs casereel --project FILE ARGS…; returns the exit status. */
static int
casereel (Fixture             *fx,
          const char * const  *args,
          char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEREEL_BIN"));
  g_ptr_array_add (argv, "--project");
  g_ptr_array_add (argv, fx->project);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
tool_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *pdf)
{
  return tool_output ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL });
}

static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  const char *at = text;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (at, expected[i]);

      if (found == NULL)
        g_error ("“%s” missing (or out of order) in:\n%s", expected[i], text);
      at = found + strlen (expected[i]);
    }
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* One line, naming what was wrong; exit status 1 or 2; nothing written. */
static void
assert_refused (Fixture            *fx,
                const char * const *args,
                int                 expected_status,
                const char         *needle,
                const char         *output)
{
  g_autofree char *err = NULL;
  guint before = count_entries (fx->dir);
  int status = casereel (fx, args, &err);

  g_assert_cmpint (status, ==, expected_status);
  if (strstr (err, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, err);
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fx->dir), ==, before);
}

static void
test_callsheet (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->dir, "day1.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (casereel (fx, (const char *[]) { "callsheet", "2026-04-14", "-o", pdf, "--final", NULL },
                             &err), ==, 0);
  text = pdf_text (pdf);
  /* In time order whatever order they were added in; London summer time. */
  assert_in_order (text, (const char *[]) {
    "Voices of the Aire", "FINAL", "Tuesday 14 April 2026", "1 of 2", "08:30 BST", "Leeds Community Fund",
    "Consent missing, expired or withdrawn", "李小龙: consent withdrawn on 2026-02-10",
    "Ngũgĩ Kamau: no consent recorded",
    "Maya Lindqvist", "+44 7700 900001",
    "Schedule", "09:30–11:00 BST", "Reading group founder", "Zoë Ødegård", "Alder Street Library", "1 h 30 min",
    "13:15–14:00 BST", "The river map", "李小龙, Ngũgĩ Kamau", "45 min",
    "Alder Street Library", "12 Alder Street, Leeds", "Priya Nair, +44 113 496 0000", "Leeds General Infirmary",
    "Participants", "Zoë Ødegård", "09:00 BST", "+44 7700 900123", "李小龙", "12:45 BST", "+44 7700 900456",
    "Ngũgĩ Kamau", "12:45 BST", "+44 7700 900789",
    "Crew", "Sam Okafor", "Camera", "08:30 BST", "+44 7700 900321",
    "Shots", "Reading group founder", "1A", "establishing", "WS", "Library exterior", "0:20",
    "1B", "interview", "MCU", "10:00", "captured",
    "The river map", "2A", "b-roll", "CU", "Hands on the map", "0:45",
    "Questions", "Reading group founder", "How did the reading group start?",
    "The river map", "What does the river mean to you?",
    "Notes", "Reading group founder: Bring the map", NULL });
  g_assert_null (strstr (text, "New York partner"));
  g_assert_null (strstr (text, "Called off"));
  g_assert_null (strstr (text, "DRAFT"));
}

static void
test_callsheet_other_zone (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->dir, "day2.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_assert_cmpint (casereel (fx, (const char *[]) { "callsheet", "2026-04-16", "-o", pdf, "--hide-phones",
                                                    "--no-questions", "--paper", "letter", NULL }, &err), ==, 0);
  text = pdf_text (pdf);
  /* 10:00 in Brooklyn is 15:00 in London: the sheet reads the place's clock. */
  assert_in_order (text, (const char *[]) {
    "DRAFT", "Thursday 16 April 2026", "2 of 2", "09:00 EDT", "Maya Lindqvist",
    "10:00–11:00 EDT", "New York partner", "Zoë Ødegård", "Brooklyn studio",
    "NYU Langone Brooklyn", "Zoë Ødegård", "09:30 EDT",
    /* The place's b-roll that belongs to no interview is filmed that day too. */
    "Shots", "Brooklyn studio · outside interviews", "3A", "b-roll", "The East River", "0:30", NULL });
  /* Hidden phones: the producer's as well as everyone else's. */
  g_assert_null (strstr (text, "+44 7700 900001"));
  g_assert_null (strstr (text, "+44 7700 900123"));
  g_assert_null (strstr (text, "15:00"));
  g_assert_null (strstr (text, "Questions"));
  g_assert_null (strstr (text, "Consent missing"));
  info = tool_output ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

/* "Shoot day N of M" counts each day once, however many interviews it has and in whatever
 * order they were added (a day seen again once made the set compare later days with freed
 * memory: the demo's first day read "2 of 4" of three). */
static void
test_callsheet_day_count (Fixture       *fx,
                          gconstpointer  data)
{
  static const struct { const char *day, *of; } days[] = {
    { "2026-04-14", "1 of 4" }, { "2026-04-16", "2 of 4" }, { "2026-04-17", "3 of 4" }, { "2026-04-18", "4 of 4" },
  };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CrDb) db = cr_db_open (fx->project, &error);
    /* Days seen again and again, out of order. */
    static const char * const times[][2] = {
      { "2026-04-18 09:00", "2026-04-18 10:00" }, { "2026-04-14 15:00", "2026-04-14 16:00" },
      { "2026-04-17 09:00", "2026-04-17 10:00" }, { "2026-04-18 14:00", "2026-04-18 15:00" },
      { "2026-04-14 16:30", "2026-04-14 17:00" }, { "2026-04-17 11:00", "2026-04-17 12:00" },
      { "2026-04-18 16:00", "2026-04-18 17:00" },
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        g_autofree char *title = g_strdup_printf ("Extra %u", i + 1);

        add (db, &cr_entity_interview, "title", title, "start", times[i][0], "end", times[i][1], "location",
             "Alder Street Library", "participants", "Zoë Ødegård", NULL);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = g_strdup_printf ("day%u.pdf", i + 1);
      g_autofree char *pdf = g_build_filename (fx->dir, name, NULL);
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;

      g_assert_cmpint (casereel (fx, (const char *[]) { "callsheet", days[i].day, "-o", pdf, NULL }, &err), ==, 0);
      text = pdf_text (pdf);
      if (strstr (text, days[i].of) == NULL)
        g_error ("the call sheet of %s does not say “%s”:\n%s", days[i].day, days[i].of, text);
    }
}

static void
test_callsheet_refused (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->dir, "refused.pdf", NULL);
  g_autofree char *missing_dir = g_build_filename (fx->dir, "no-such-folder", "day.pdf", NULL);

  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-15", "-o", pdf, NULL }, 1,
                  "no interviews on 2026-04-15 (shoot days: 2026-04-14, 2026-04-16)", pdf);
  /* Only cancelled interviews: not a shoot day. */
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-20", "-o", pdf, NULL }, 1,
                  "no interviews on 2026-04-20", pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-02-30", "-o", pdf, NULL }, 1,
                  "“2026-02-30” is not a date", pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "14/04/2026", "-o", pdf, NULL }, 1,
                  "“14/04/2026” is not a date", pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-14", "-o", missing_dir, NULL }, 1,
                  missing_dir, missing_dir);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-14", "-o", fx->dir, NULL }, 1,
                  fx->dir, pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-14", NULL }, 2, "-o FILE.pdf is required", pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-14", "-o", pdf, "--draft", "--final", NULL }, 2,
                  "not both", pdf);
  assert_refused (fx, (const char *[]) { "callsheet", "2026-04-14", "-o", pdf, "--paper", "a3", NULL }, 2,
                  "a4 or letter", pdf);
}

static void
test_shotlist (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *by_location = g_build_filename (fx->dir, "shots.pdf", NULL);
  g_autofree char *by_interview = g_build_filename (fx->dir, "shots-interview.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (casereel (fx, (const char *[]) { "shotlist", "-o", by_location, NULL }, &err), ==, 0);
  text = pdf_text (by_location);
  /* A shot without a location takes its interview's. */
  assert_in_order (text, (const char *[]) {
    "Shot list · by location", "5", "1 of 5", "11:35",
    "Alder Street Library", "1A", "1B", "2A", "Total", "3 shots, 1 done", "11:05",
    "Brooklyn studio", "3A", "The East River", "0:30", "Total", "1 shot, 0 done",
    "No location", "9Z", "Spare hands", "Total", NULL });
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (casereel (fx, (const char *[]) { "shotlist", "-o", by_interview, "--by", "interview", NULL },
                             &err), ==, 0);
  text = pdf_text (by_interview);
  assert_in_order (text, (const char *[]) {
    "Shot list · by interview", "Reading group founder", "1A", "1B", "Total", "2 shots, 1 done",
    "The river map", "2A", "Total", "No interview", "3A", "9Z", "Total", "2 shots, 0 done", NULL });
  assert_refused (fx, (const char *[]) { "shotlist", "-o", by_location, "--by", "colour", NULL }, 2,
                  "location or interview", "/nonexistent");
}

static void
test_releases (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->dir, "releases.pdf", NULL);
  g_autofree char *csv = g_build_filename (fx->dir, "releases.csv", NULL);
  g_autofree char *txt = g_build_filename (fx->dir, "releases.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;

  g_assert_cmpint (casereel (fx, (const char *[]) { "releases", "-o", pdf, "--on", "2026-04-14", NULL }, &err), ==, 0);
  text = pdf_text (pdf);
  assert_in_order (text, (const char *[]) {
    "Release tracker · 14 April 2026", "PARTICIPANTS", "3",
    "Ngũgĩ Kamau", "none recorded", "a consent form",
    "Zoë Ødegård", "signed 2026-01-12", "website; video", "full name", "2028-01-12",
    "李小龙", "withdrawn 2026-02-10", NULL });
  /* Crew without a consent history are not on it. */
  g_assert_null (strstr (text, "Sam Okafor"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (casereel (fx, (const char *[]) { "releases", "-o", csv, "--on", "2026-04-14", NULL }, &err), ==, 0);
  parsed = tool_output ((const char *[]) { "/usr/bin/python3", "-c",
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    for row in csv.DictReader(f):\n"
    "        print('|'.join([row['participant'], row['consent'], row['missing'], row['withdrawn']]))\n",
    csv, NULL });
  g_assert_cmpstr (parsed, ==,
                   "Ngũgĩ Kamau|none recorded|a consent form|no\n"
                   "Zoë Ødegård|signed 2026-01-12||no\n"
                   "李小龙|withdrawn 2026-02-10||yes\n");
  assert_refused (fx, (const char *[]) { "releases", "-o", txt, NULL }, 2, "must end in .pdf or .csv", txt);
  assert_refused (fx, (const char *[]) { "releases", "-o", csv, "--on", "soon", NULL }, 1, "“soon” is not a date",
                  "/nonexistent");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-documents/callsheet", Fixture, NULL, fixture_set_up, test_callsheet, fixture_tear_down);
  g_test_add ("/cli-documents/callsheet-other-zone", Fixture, NULL, fixture_set_up, test_callsheet_other_zone,
              fixture_tear_down);
  g_test_add ("/cli-documents/callsheet-day-count", Fixture, NULL, fixture_set_up, test_callsheet_day_count,
              fixture_tear_down);
  g_test_add ("/cli-documents/callsheet-refused", Fixture, NULL, fixture_set_up, test_callsheet_refused,
              fixture_tear_down);
  g_test_add ("/cli-documents/shotlist", Fixture, NULL, fixture_set_up, test_shotlist, fixture_tear_down);
  g_test_add ("/cli-documents/releases", Fixture, NULL, fixture_set_up, test_releases, fixture_tear_down);
  return g_test_run ();
}
