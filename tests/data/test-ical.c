/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-ical"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-ical.h"

/* One event to write, its times in UTC, and what a reader must get back. */
typedef struct
{
  const char *uid;
  const char *start;        /* UTC, ISO 8601 */
  const char *end;
  const char *tzid;
  const char *written_tzid; /* the TZID the file may use: NULL where UTC is written */
  const char *dtstart_line; /* the property as written */
} Case;

static const Case cases[] = {
  /* 2026-03-29: London goes from 01:00 GMT to 02:00 BST. 00:30 GMT to 03:30 BST. */
  { "spring-overnight@test", "2026-03-29T00:30:00Z", "2026-03-29T02:30:00Z", "Europe/London",
    "Europe/London", "DTSTART;TZID=Europe/London:20260329T003000" },
  /* 10:00 to 11:00 BST. */
  { "spring-morning@test", "2026-03-29T09:00:00Z", "2026-03-29T10:00:00Z", "Europe/London",
    "Europe/London", "DTSTART;TZID=Europe/London:20260329T100000" },
  /* 2026-10-25: back from 02:00 BST to 01:00 GMT. 00:30 BST to 03:30 GMT. */
  { "autumn-overnight@test", "2026-10-24T23:30:00Z", "2026-10-25T03:30:00Z", "Europe/London",
    "Europe/London", "DTSTART;TZID=Europe/London:20261025T003000" },
  { "autumn-morning@test", "2026-10-25T10:00:00Z", "2026-10-25T11:30:00Z", "Europe/London",
    "Europe/London", "DTSTART;TZID=Europe/London:20261025T100000" },
  /* 01:30 BST to 01:30 GMT: both shown twice by the clocks, so written in UTC. */
  { "autumn-repeated-hour@test", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
    "Europe/London", NULL, "DTSTART:20261025T003000Z" },
  /* New York springs forward at 02:00 EST on 2026-03-08: 01:30 EST to 03:30 EDT. */
  { "new-york@test", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", "America/New_York",
    "America/New_York", "DTSTART;TZID=America/New_York:20260308T013000" },
  { "utc@test", "2026-06-01T12:00:00Z", "2026-06-01T13:00:00Z", NULL, NULL,
    "DTSTART:20260601T120000Z" },
  { "utc-named@test", "2026-06-02T12:00:00Z", "2026-06-02T12:00:00Z", "UTC", NULL,
    "DTSTART:20260602T120000Z" },
  /* A zone whose last change was in 1951, and one that never changed. */
  { "tokyo@test", "2026-07-01T01:00:00Z", "2026-07-01T02:00:00Z", "Asia/Tokyo", "Asia/Tokyo",
    "DTSTART;TZID=Asia/Tokyo:20260701T100000" },
  { "fixed@test", "2026-07-01T01:00:00Z", "2026-07-01T02:00:00Z", "Etc/GMT-3", "Etc/GMT-3",
    "DTSTART;TZID=Etc/GMT-3:20260701T040000" },
};

static const CrIcalAttendee attendees[] = {
  { "Zoë O'Brien, Jr.; Producer: \"ZB\"", "zoe@example.org" },
  { NULL, "crew@example.org" },
  { "日本語の名前", "kenji@example.jp" },
};

static const char *categories[] = { "Interview", "Day 1", NULL };
static const char *calendar_name = "River Project: schedule, draft; v2";
static const char *location = "Room 4, Floor 2; Building \"A\" \\ Annex";
static const char *description = "Participants: Zoë, Bob\nQuestions:\r\n1. Why; how?\r\n"
                                 "2. What next,\tthen?\n\n(end)";

static GDateTime *
parse_utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

/* 200 characters of mixed scripts, so folding meets multi-byte characters at every width. */
static char *
long_summary (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) < 200)
    g_string_append (text, "Zoë Ødegård–Łukasz, 日本語; 🎬 ");
  return g_utf8_substring (text->str, 0, 200);
}

static char *
summary_for (guint i)
{
  if (i == 0)
    return long_summary ();
  return g_strdup_printf ("Interview %u; part %u, \"take\" \\ %s", i, i + 1, cases[i].uid);
}

static char *
write_calendar (GError **error)
{
  CrIcalEvent events[G_N_ELEMENTS (cases)];
  GDateTime *times[G_N_ELEMENTS (cases) * 2];
  char *summaries[G_N_ELEMENTS (cases)];
  g_autoptr(GDateTime) stamp = parse_utc ("2026-01-02T03:04:05Z");
  char *text;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      times[2 * i] = parse_utc (cases[i].start);
      times[2 * i + 1] = parse_utc (cases[i].end);
      summaries[i] = summary_for (i);
      events[i] = (CrIcalEvent) {
        .uid = cases[i].uid,
        .dtstamp = stamp,
        .start = times[2 * i],
        .end = times[2 * i + 1],
        .tzid = cases[i].tzid,
        .summary = summaries[i],
        .location = i % 2 ? location : NULL,
        .description = description,
        .attendees = attendees,
        .n_attendees = i % 3 == 0 ? G_N_ELEMENTS (attendees) : 0,
        .status = i % 4,
        .categories = i % 2 ? NULL : categories,
      };
    }
  text = cr_ical_write_calendar (calendar_name, events, G_N_ELEMENTS (cases), error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_date_time_unref (times[2 * i]);
      g_date_time_unref (times[2 * i + 1]);
      g_free (summaries[i]);
    }
  return text;
}

static void
test_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = write_calendar (&error);
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) parts = NULL;
  guint folded = 0;
  const char *p;

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  /* Every physical line: at most 75 octets, CRLF, no stray CR or LF, whole characters. */
  for (p = text; *p;)
    {
      const char *crlf = strstr (p, "\r\n");
      gsize len;

      g_assert_nonnull (crlf);
      len = crlf - p;
      g_assert_cmpuint (len, <=, 75);
      g_assert_null (memchr (p, '\n', len));
      g_assert_null (memchr (p, '\r', len));
      g_assert_true (g_utf8_validate (p, len, NULL));
      if (*p == ' ')
        folded++;
      p = crlf + 2;
    }
  g_assert_cmpuint (folded, >=, 5);

  parts = g_strsplit (text, "\r\n ", -1);
  unfolded = g_strjoinv ("", parts);
  g_assert_true (g_str_has_prefix (unfolded, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                             "PRODID:-//Casereel//Casereel 0.1//EN\r\n"
                                             "CALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-WR-CALNAME:River Project: schedule\\, draft\\; v2\r\n"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("\r\n%s\r\n", cases[i].dtstart_line);

      g_assert_nonnull (strstr (unfolded, line));
    }
  g_assert_nonnull (strstr (unfolded, "\r\nLOCATION:Room 4\\, Floor 2\\; Building \"A\" "
                                      "\\\\ Annex\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nDESCRIPTION:Participants: Zoë\\, Bob\\nQuestions:"
                                      "\\n1. Why\\; how?\\n2. What next\\,\tthen?\\n\\n(end)\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nATTENDEE;CN=\"Zoë O'Brien, Jr.; Producer: 'ZB'\""
                                      ":mailto:zoe@example.org\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nATTENDEE:mailto:crew@example.org\r\n"));
  /* The London VTIMEZONE holds both 2026 changes, each in the offset before it. */
  g_assert_nonnull (strstr (unfolded, "\r\nBEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\n"
                                      "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n"
                                      "END:DAYLIGHT\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nBEGIN:STANDARD\r\nDTSTART:20261025T020000\r\n"
                                      "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n"
                                      "END:STANDARD\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nBEGIN:VTIMEZONE\r\nTZID:Etc/GMT-3\r\nBEGIN:STANDARD\r\n"
                                      "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\n"
                                      "TZOFFSETTO:+0300\r\nTZNAME:+03\r\nEND:STANDARD\r\n"
                                      "END:VTIMEZONE\r\n"));
  g_assert_null (strstr (unfolded, "TZID:UTC"));
}

static JsonObject *
run_checker (const char *ics_path,
             JsonParser *parser)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "ical_check.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-I", script, ics_path, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("ical_check.py failed: %s\n%s", error->message, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
member (JsonObject *object,
        const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_null_member (object, name) ? NULL
                                                     : json_object_get_string_member (object, name);
}

static void
assert_event (JsonObject *event,
              guint       i)
{
  const char *statuses[] = { NULL, "TENTATIVE", "CONFIRMED", "CANCELLED" };
  g_autofree char *summary = summary_for (i);
  JsonArray *list;

  g_assert_cmpstr (member (event, "dtstamp"), ==, "2026-01-02T03:04:05Z");
  g_assert_cmpstr (member (event, "dtstart"), ==, cases[i].start);
  g_assert_cmpstr (member (event, "dtend"), ==, cases[i].end);
  g_assert_cmpstr (member (event, "dtstart_vtimezone"), ==, cases[i].start);
  g_assert_cmpstr (member (event, "dtend_vtimezone"), ==, cases[i].end);
  g_assert_cmpstr (member (event, "dtstart_tzid"), ==, cases[i].written_tzid);
  g_assert_cmpstr (member (event, "dtend_tzid"), ==, cases[i].written_tzid);
  g_assert_cmpstr (member (event, "summary"), ==, summary);
  g_assert_cmpstr (member (event, "location"), ==, i % 2 ? location : NULL);
  /* The one CRLF in the description comes back as LF: iCalendar has one newline escape. */
  g_assert_cmpstr (member (event, "description"), ==,
                   "Participants: Zoë, Bob\nQuestions:\n1. Why; how?\n2. What next,\tthen?\n\n(end)");
  g_assert_cmpstr (member (event, "status"), ==, statuses[i % 4]);

  list = json_object_get_array_member (event, "categories");
  g_assert_cmpuint (json_array_get_length (list), ==, i % 2 ? 0 : 2);
  for (guint j = 0; j < json_array_get_length (list); j++)
    g_assert_cmpstr (json_array_get_string_element (list, j), ==, categories[j]);

  list = json_object_get_array_member (event, "attendees");
  g_assert_cmpuint (json_array_get_length (list), ==, i % 3 == 0 ? G_N_ELEMENTS (attendees) : 0);
  for (guint j = 0; j < json_array_get_length (list); j++)
    {
      JsonObject *attendee = json_array_get_object_element (list, j);
      g_autofree char *address = g_strconcat ("mailto:", attendees[j].email, NULL);

      g_assert_cmpstr (member (attendee, "address"), ==, address);
      g_assert_cmpstr (member (attendee, "cn"), ==,
                       j == 0 ? "Zoë O'Brien, Jr.; Producer: 'ZB'" : attendees[j].name);
    }
}

/* python-icalendar reads back every time, zone and text exactly. */
static void
test_python_reads (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = write_calendar (&error);
  g_autofree char *dir = cr_test_make_tmp ("casereel-ical-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "schedule.ics", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *object;
  JsonArray *events;
  GList *zone_names;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  root = run_checker (path, parser);

  object = json_object_get_object_member (root, "calendar");
  g_assert_cmpstr (member (object, "version"), ==, "2.0");
  g_assert_cmpstr (member (object, "prodid"), ==, "-//Casereel//Casereel 0.1//EN");
  g_assert_cmpstr (member (object, "calscale"), ==, "GREGORIAN");
  g_assert_cmpstr (member (object, "x-wr-calname"), ==, calendar_name);
  g_assert_cmpstr (member (object, "name"), ==, calendar_name);

  /* One VTIMEZONE per zone shown, agreeing with pytz every hour around the events. */
  object = json_object_get_object_member (root, "zones");
  zone_names = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (zone_names), ==, 4);
  g_list_free (zone_names);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsonObject *zone;
      JsonArray *mismatches;

      if (cases[i].written_tzid == NULL)
        continue;
      zone = json_object_get_object_member (object, cases[i].written_tzid);
      g_assert_nonnull (zone);
      mismatches = json_object_get_array_member (zone, "mismatches");
      if (json_array_get_length (mismatches) > 0)
        g_error ("%s: VTIMEZONE differs from pytz at %s", cases[i].written_tzid,
                 json_array_get_string_element (mismatches, 0));
    }
  /* London: the change before the span, then two a year for three years or so. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "Europe/London"),
                                               "observances"), >=, 6);

  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      g_assert_cmpstr (member (event, "uid"), ==, cases[i].uid);
      assert_event (event, i);
    }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_invalid (const CrIcalEvent *event,
                const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cr_ical_write_calendar ("x", event, 1, &error);

  g_assert_null (text);
  g_assert_error (error, CR_ICAL_ERROR, CR_ICAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_invalid (void)
{
  g_autoptr(GDateTime) start = parse_utc ("2026-03-29T09:00:00Z");
  g_autoptr(GDateTime) end = parse_utc ("2026-03-29T10:00:00Z");
  const CrIcalAttendee bad_email[] = { { "Ann", "ann@example.org" }, { "Bob", "bob at home" } };
  const CrIcalEvent good = { .uid = "a@test", .dtstamp = start, .start = start, .end = end,
                             .tzid = "Europe/London" };
  CrIcalEvent event;

  event = good;
  event.tzid = "Europe/Lundon";
  assert_invalid (&event, "event a@test: unknown time zone \"Europe/Lundon\" "
                          "(expected an IANA name such as Europe/London)");
  event = good;
  event.start = end;
  event.end = start;
  assert_invalid (&event, "event a@test: end is before start");
  event = good;
  event.uid = "";
  assert_invalid (&event, "event 1: uid is missing");
  event = good;
  event.end = NULL;
  assert_invalid (&event, "event a@test: end is missing");
  event = good;
  event.dtstamp = NULL;
  assert_invalid (&event, "event a@test: dtstamp is missing");
  event = good;
  event.summary = "bad \xff";
  assert_invalid (&event, "event 1: summary is not valid UTF-8");
  event = good;
  event.attendees = bad_email;
  event.n_attendees = 2;
  assert_invalid (&event, "event a@test: attendee 2: \"bob at home\" is not an email address");
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cr_ical_write_calendar (NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                             "PRODID:-//Casereel//Casereel 0.1//EN\r\nCALSCALE:GREGORIAN\r\n"
                             "END:VCALENDAR\r\n");
}

static void
test_attendee_without_email (void)
{
  g_autoptr(GDateTime) start = parse_utc ("2026-03-29T09:00:00Z");
  const CrIcalAttendee people[] = { { "No Email", NULL }, { "Empty", "" }, { NULL, "a@b.org" } };
  const CrIcalEvent event = { .uid = "a@test", .dtstamp = start, .start = start, .end = start,
                              .attendees = people, .n_attendees = G_N_ELEMENTS (people) };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cr_ical_write_calendar (NULL, &event, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20260329T090000Z\r\nDTEND:20260329T090000Z\r\n"
                                  "ATTENDEE:mailto:a@b.org\r\nEND:VEVENT\r\n"));
  g_assert_null (strstr (text, "No Email"));
  g_assert_null (strstr (text, "Empty"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/lines", test_lines);
  g_test_add_func ("/ical/python-reads", test_python_reads);
  g_test_add_func ("/ical/invalid", test_invalid);
  g_test_add_func ("/ical/empty", test_empty);
  g_test_add_func ("/ical/attendee-without-email", test_attendee_without_email);
  return g_test_run ();
}
