/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-plan"

/* The Schedule page in the real window: an agenda grouped by day, a clash marked on both
 * interviews in words (no ids), and its calendar export read by python3-icalendar. */

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>

#include "cr-consent-filter.h"
#include "cr-people-page.h"
#include "cr-print.h"
#include "cr-record-editor.h"
#include "cr-row-picker.h"
#include "cr-indexer.h"
#include "cr-schedule-page.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "cr-window.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

typedef struct
{
  char   *dir;
  char   *path;
  gint64  hall;     /* "Aisha and Grace at the hall" */
  gint64  school;   /* "Grace at school", overlapping it */
  gint64  later;    /* the next day, no clash */
  gint64  grace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = NULL;
  g_autoptr(CrRecord) zone = cr_record_new (&cr_entity_production);
  CrDb *db;

  f->dir = cr_test_make_tmp ("casereel-plan-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "riverside.casereel", NULL);
  production = cr_production_create (f->path, "Caring Together", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (production);
  cr_record_set (zone, "time_zone", "Europe/London");
  g_assert_true (cr_store_update (db, &cr_entity_production, 1, zone, &error));

  test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", "email", "aisha@example.org", NULL);
  f->grace = test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee",
                  "email", "grace@example.org", NULL);
  test_add (db, &cr_entity_participant, "name", "Rhys Bennett", "kind", "crew", NULL);
  test_add (db, &cr_entity_consent, "participant", "Grace Hughes", "status", "requested", "date", "2026-02-20", NULL);
  test_add (db, &cr_entity_consent, "participant", "Grace Hughes", "status", "signed", "date", "2026-03-02",
       "taken_by", "Harriet Lewis", "channels", "internal,website,funder-report", "media", "video,quotes",
       "naming", "first-name", "expires", "2029-03-02", NULL);
  test_add (db, &cr_entity_location, "name", "Riverside Community Hall", NULL);
  test_add (db, &cr_entity_location, "name", "Northgate Academy library", NULL);
  f->hall = test_add (db, &cr_entity_interview, "title", "Aisha and Grace at the hall", "start", "2026-04-14 10:00",
                 "end", "2026-04-14 11:30", "location", "Riverside Community Hall",
                 "participants", "Aisha Rahman\nGrace Hughes", "crew", "Rhys Bennett", "status", "confirmed", NULL);
  f->school = test_add (db, &cr_entity_interview, "title", "Grace at school", "start", "2026-04-14 11:00",
                   "end", "2026-04-14 12:00", "location", "Northgate Academy library", "participants", "Grace Hughes",
                   "status", "planned", NULL);
  f->later = test_add (db, &cr_entity_interview, "title", "Aisha on the bus home", "start", "2026-04-15 15:30",
                  "end", "2026-04-15 16:15", "participants", "Aisha Rahman", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Every label's text under a widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* The window's sidebar: the list whose first row is the Overview. */
static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      collect_text (widget, text);
      if (g_str_has_prefix (text->str, "Overview\n"))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);
      if (found)
        return found;
    }
  return NULL;
}

static char *
row_text (CrSchedulePage *page,
          gint64          interview)
{
  GtkWidget *row = cr_schedule_page_get_row (page, interview);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (row);
  collect_text (row, out);
  return g_string_free (out, FALSE);
}

/* python3-icalendar's reading of the file: "SUMMARY|DTSTART in UTC" per event. */
static char *
read_calendar (const char *path)
{
  const char *script =
    "import sys, datetime, icalendar\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "for e in cal.walk('VEVENT'):\n"
    "    print('%s|%s' % (e['SUMMARY'], e.decoded('DTSTART').astimezone(datetime.timezone.utc).isoformat()))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("icalendar: %s", err);
  return out;
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window = cr_window_new (NULL, NULL);
  CrSchedulePage *page;
  GPtrArray *days;
  g_autofree char *hall = NULL, *school = NULL, *later = NULL;
  g_autofree char *ics = g_build_filename (f->dir, "grace.ics", NULL);
  g_autofree char *all = g_build_filename (f->dir, "all.ics", NULL);
  g_autofree char *read = NULL;

  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "interviews");
  page = CR_SCHEDULE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SCHEDULE_PAGE));
  g_assert_nonnull (page);
  /* The sidebar calls the page what it is. */
  {
    GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_STACK);
    GtkStackPage *stack_page = gtk_stack_get_page (GTK_STACK (stack), GTK_WIDGET (page));
    g_autoptr(GString) sidebar = g_string_new (NULL);

    g_assert_cmpstr (gtk_stack_page_get_title (stack_page), ==, "Schedule");
    collect_text (find_sidebar (GTK_WIDGET (window)), sidebar);
    g_assert_nonnull (strstr (sidebar->str, "Schedule\n"));
    g_assert_null (strstr (sidebar->str, "Interviews"));
  }

  /* Grouped by day, in order, in words. */
  days = cr_schedule_page_get_days (page);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Tuesday 14 April 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "Wednesday 15 April 2026");

  /* The clash is on both, with the other interview, its time and the reason; no ids. */
  g_assert_cmpstr (cr_schedule_page_get_clash (page, f->hall), ==,
                   "Clashes with “Grace at school” (11:00–12:00): Grace Hughes is in both");
  g_assert_cmpstr (cr_schedule_page_get_clash (page, f->school), ==,
                   "Clashes with “Aisha and Grace at the hall” (10:00–11:30): Grace Hughes is in both");
  g_assert_null (cr_schedule_page_get_clash (page, f->later));
  hall = row_text (page, f->hall);
  g_assert_nonnull (strstr (hall, "10:00–11:30\n"));
  g_assert_nonnull (strstr (hall, "Riverside Community Hall\n"));
  g_assert_nonnull (strstr (hall, "Aisha Rahman, Grace Hughes  ·  crew: Rhys Bennett\n"));
  g_assert_nonnull (strstr (hall, "Confirmed\n"));
  g_assert_nonnull (strstr (hall, "Clashes with “Grace at school”"));
  g_assert_null (strchr (hall, '#'));
  later = row_text (page, f->later);
  g_assert_null (strstr (later, "Clashes"));
  g_assert_nonnull (strstr (later, "No location yet\n"));

  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-agenda.png");

  /* Moving the school visit past the hall's end clears both marks at once. */
  {
    g_autoptr(CrRecord) moved = cr_record_new (&cr_entity_interview);
    CrProduction *production = cr_window_get_production (window);
    cr_record_set (moved, "start", "2026-04-14 12:00");
    cr_record_set (moved, "end", "2026-04-14 13:00");
    g_assert_true (cr_store_update (cr_production_get_db (production), &cr_entity_interview, f->school, moved,
                                    &error));
    cr_production_changed (production, &cr_entity_interview);
    g_assert_null (cr_schedule_page_get_clash (page, f->hall));
    g_assert_null (cr_schedule_page_get_clash (page, f->school));
    school = row_text (page, f->school);
    g_assert_nonnull (strstr (school, "12:00–13:00\n"));
  }

  /* A visit sharing three people and the place with the hall interview: one line for the
   * pair, naming all four, on each of the two; the summary counts the pair once. */
  {
    CrProduction *production = cr_window_get_production (window);
    CrDb *db = cr_production_get_db (production);
    g_autoptr(GString) summary = g_string_new (NULL);
    g_autofree char *shown = NULL;
    gint64 visit = test_add (db, &cr_entity_interview, "title", "Trustee visit", "start", "2026-04-14 10:00",
                             "end", "2026-04-14 11:00", "location", "Riverside Community Hall",
                             "participants", "Aisha Rahman\nGrace Hughes", "crew", "Rhys Bennett", NULL);

    cr_production_changed (production, &cr_entity_interview);
    g_assert_cmpstr (cr_schedule_page_get_clash (page, f->hall), ==,
                     "Clashes with “Trustee visit” (10:00–11:00): Aisha Rahman, Grace Hughes, Rhys Bennett and the "
                     "Riverside Community Hall are in both");
    g_assert_cmpstr (cr_schedule_page_get_clash (page, visit), ==,
                     "Clashes with “Aisha and Grace at the hall” (10:00–11:30): Aisha Rahman, Grace Hughes, Rhys "
                     "Bennett and the Riverside Community Hall are in both");
    g_assert_null (cr_schedule_page_get_clash (page, f->school));
    shown = row_text (page, f->hall);
    g_assert_nonnull (strstr (shown, "Riverside Community Hall are in both\n"));
    g_assert_null (strchr (shown, '#'));
    collect_text (GTK_WIDGET (page), summary);
    g_assert_nonnull (strstr (summary->str, "4 interviews on 2 days  ·  1 clash\n"));

    /* Only the place shared: the place alone, in words. */
    {
      g_autoptr(CrRecord) alone = cr_record_new (&cr_entity_interview);
      cr_record_set (alone, "participants", NULL);
      cr_record_set (alone, "crew", NULL);
      g_assert_true (cr_store_update (db, &cr_entity_interview, visit, alone, &error));
      g_assert_no_error (error);
    }
    cr_production_changed (production, &cr_entity_interview);
    g_assert_cmpstr (cr_schedule_page_get_clash (page, visit), ==,
                     "Clashes with “Aisha and Grace at the hall” (10:00–11:30): both at Riverside Community Hall");
    g_assert_true (cr_store_delete (db, &cr_entity_interview, visit, &error));
    g_assert_no_error (error);
    cr_production_changed (production, &cr_entity_interview);
    g_assert_null (cr_schedule_page_get_clash (page, f->hall));
  }

  /* Calendars: everyone's, and Grace's own, as an independent reader sees them. */
  g_assert_true (cr_schedule_page_export_ics (page, all, 0, &error));
  g_assert_no_error (error);
  read = read_calendar (all);
  g_assert_nonnull (strstr (read, "Aisha and Grace at the hall|2026-04-14T09:00:00+00:00"));
  g_assert_nonnull (strstr (read, "Aisha on the bus home|"));
  g_clear_pointer (&read, g_free);
  g_assert_true (cr_schedule_page_export_ics (page, ics, f->grace, &error));
  read = read_calendar (ics);
  g_assert_nonnull (strstr (read, "Grace at school|2026-04-14T11:00:00+00:00"));
  g_assert_null (strstr (read, "Aisha on the bus home"));

  /* The call sheet through GtkPrintOperation to a PDF, read by pdftotext. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "call sheet.pdf", NULL);
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;
    int status = 0;

    g_assert_true (cr_print_callsheet (GTK_WINDOW (window), cr_production_get_db (cr_window_get_production (window)),
                                       "2026-04-14", FALSE, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &text, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (text, "Aisha and Grace at the hall"));
    g_assert_nonnull (strstr (text, "Grace Hughes"));
    g_assert_nonnull (strstr (text, "Page 1 of"));
    g_assert_null (strstr (text, "Aisha on the bus home"));   /* the next day's */
    /* Nothing left beside it: the temporary name was renamed into place. */
    dir = g_dir_open (f->dir, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      g_assert_false (g_str_has_suffix (name, ".tmp"));
    /* A day without interviews: one line, no file. */
    g_assert_false (cr_print_callsheet (GTK_WINDOW (window), cr_production_get_db (cr_window_get_production (window)),
                                        "2026-05-01", FALSE, pdf, &error));
    g_assert_nonnull (error);
    g_assert_null (strchr (error->message, '\n'));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the agenda across time zones ---- */

static void
zones_set_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cr_test_make_tmp ("casereel-zones-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "zones.casereel", NULL);
}

/* The machine's zone for one test (meson runs the tests in UTC); NULL puts back none. */
static void
set_machine_zone (const char *zone)
{
  if (zone)
    g_setenv ("TZ", zone, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

/* The agenda as read from the top: each day's heading, then its rows in order, a row's
 * labels joined by " | ". */
static char *
agenda_outline (CrSchedulePage *page)
{
  GtkWidget *list = cr_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        for (GtkWidget *row = gtk_widget_get_first_child (child); row; row = gtk_widget_get_next_sibling (row))
          {
            g_autoptr(GString) text = g_string_new (NULL);
            g_auto(GStrv) lines = NULL;

            collect_text (row, text);
            g_strchomp (text->str);
            lines = g_strsplit (text->str, "\n", -1);
            g_string_append (out, "  ");
            for (guint i = 0; lines[i]; i++)
              g_string_append_printf (out, "%s%s", i ? " | " : "", lines[i]);
            g_string_append_c (out, '\n');
          }
    }
  return g_string_free (out, FALSE);
}

static CrSchedulePage *
open_schedule (CrWindow   *window,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  CrSchedulePage *page;

  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 720);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "interviews");
  page = CR_SCHEDULE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SCHEDULE_PAGE));
  g_assert_nonnull (page);
  return page;
}

/* A production planned in Leeds (Europe/London) with a call to a funder in New York, typed in
 * New York's time: the agenda reads in London's, so the call sits at 11:00 among the day's
 * interviews, New York's 06:00 named under it, and its clash with the 11:30 one is plain. The
 * machine's zone (Los Angeles here) does not matter: the production has its own. */
static void
test_agenda_zones (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) zone = cr_record_new (&cr_entity_production);
  g_autofree char *outline = NULL;
  CrSchedulePage *page;
  CrWindow *window;
  GPtrArray *days;
  gint64 call, workshop;
  g_autofree char *machine = g_strdup (g_getenv ("TZ"));

  set_machine_zone ("America/Los_Angeles");
  {
    g_autoptr(CrProduction) production = cr_production_create (f->path, "Riverside Food Bank", &error);
    CrDb *db;

    g_assert_no_error (error);
    db = cr_production_get_db (production);
    cr_record_set (zone, "time_zone", "Europe/London");
    g_assert_true (cr_store_update (db, &cr_entity_production, 1, zone, &error));
    test_add (db, &cr_entity_participant, "name", "Ana Silva", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_participant, "name", "Ben Okafor", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_location, "name", "Main hall", "time_zone", "Europe/London", NULL);
    test_add (db, &cr_entity_interview, "title", "Ana at the hall", "start", "2026-12-15 09:00",
              "end", "2026-12-15 10:00", "location", "Main hall", "participants", "Ana Silva", NULL);
    workshop = test_add (db, &cr_entity_interview, "title", "Ben at the workshop", "start", "2026-12-15 11:30",
                         "end", "2026-12-15 12:30", "participants", "Ben Okafor", NULL);
    call = test_add (db, &cr_entity_interview, "title", "Call with New York funder", "start", "2026-12-15 06:00",
                     "end", "2026-12-15 07:00", "time_zone", "America/New_York", "participants", "Ben Okafor", NULL);
    test_add (db, &cr_entity_interview, "title", "Ana on the bus home", "start", "2026-12-14 16:00",
              "end", "2026-12-14 17:00", "participants", "Ana Silva", NULL);
    /* Typed in UTC, which reads as London does in December: no second clock. */
    test_add (db, &cr_entity_interview, "title", "Ana at the allotment", "start", "2026-12-16 10:00",
              "end", "2026-12-16 11:00", "time_zone", "UTC", "participants", "Ana Silva", NULL);
  }
  window = cr_window_new (NULL, NULL);
  page = open_schedule (window, f->path);

  /* Each day once, in order, in London. */
  days = cr_schedule_page_get_days (page);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Monday 14 December 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "Tuesday 15 December 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 2), ==, "Wednesday 16 December 2026");
  g_assert_cmpstr (cr_schedule_page_get_summary (page), ==, "5 interviews on 3 days  ·  1 clash");

  /* The clash in London's time on both, so that 11:00–12:00 and 11:30–12:30 overlap. */
  g_assert_cmpstr (cr_schedule_page_get_clash (page, workshop), ==,
                   "Clashes with “Call with New York funder” (11:00–12:00): Ben Okafor is in both");
  g_assert_cmpstr (cr_schedule_page_get_clash (page, call), ==,
                   "Clashes with “Ben at the workshop” (11:30–12:30): Ben Okafor is in both");

  outline = agenda_outline (page);
  g_test_message ("%s", outline);
  g_assert_cmpstr (outline, ==,
                   "Monday 14 December 2026\n"
                   "  16:00–17:00 | Ana on the bus home | No location yet | Ana Silva | Planned\n"
                   "Tuesday 15 December 2026\n"
                   "  09:00–10:00 | Ana at the hall | Main hall | Ana Silva | Planned\n"
                   "  11:00–12:00 | 06:00–07:00 | New York time | Call with New York funder | No location yet | Ben Okafor"
                   " | Clashes with “Ben at the workshop” (11:30–12:30): Ben Okafor is in both | Planned\n"
                   "  11:30–12:30 | Ben at the workshop | No location yet | Ben Okafor"
                   " | Clashes with “Call with New York funder” (11:00–12:00): Ben Okafor is in both | Planned\n"
                   "Wednesday 16 December 2026\n"
                   "  10:00–11:00 | Ana at the allotment | No location yet | Ana Silva | Planned\n");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-agenda-zones.png");
  gtk_window_destroy (GTK_WINDOW (window));
  set_machine_zone (machine);
}

/* A production with no zone of its own reads in the machine's. A 01:00 interview in Leeds
 * on 16 December and a 22:00 New York call on the 15th (03:00 on the 16th in London) are one
 * day in London, the depot first, the call's own day and time under it; read from New York,
 * both are on the 15th. Given a zone, the production reads in it, whatever the machine's. */
static void
test_agenda_machine_zone (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = NULL;
  g_autofree char *outline = NULL;
  CrSchedulePage *page;
  CrWindow *window;
  GPtrArray *days;
  CrDb *db;
  g_autofree char *machine = g_strdup (g_getenv ("TZ"));

  set_machine_zone ("Europe/London");
  production = cr_production_create (f->path, "Leeds Night Shelter", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (production);
  test_add (db, &cr_entity_location, "name", "Leeds depot", "time_zone", "Europe/London", NULL);
  test_add (db, &cr_entity_interview, "title", "Night shift at the depot", "start", "2026-12-16 01:00",
            "end", "2026-12-16 02:00", "location", "Leeds depot", NULL);
  test_add (db, &cr_entity_interview, "title", "Call with New York funder", "start", "2026-12-15 22:00",
            "end", "2026-12-15 23:00", "time_zone", "America/New_York", NULL);
  g_clear_object (&production);
  window = cr_window_new (NULL, NULL);
  page = open_schedule (window, f->path);
  production = g_object_ref (cr_window_get_production (window));
  db = cr_production_get_db (production);
  {
    g_autoptr(CrRecord) read = cr_store_get (db, &cr_entity_production, 1, &error);

    g_assert_no_error (error);
    g_assert_null (cr_record_get (read, "time_zone"));
  }

  days = cr_schedule_page_get_days (page);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Wednesday 16 December 2026");
  g_assert_cmpstr (cr_schedule_page_get_summary (page), ==, "2 interviews on 1 day");
  outline = agenda_outline (page);
  g_assert_cmpstr (outline, ==,
                   "Wednesday 16 December 2026\n"
                   "  01:00–02:00 | Night shift at the depot | Leeds depot | Nobody to interview yet | Planned\n"
                   "  03:00–04:00 | Tue 15 Dec | 22:00–23:00 | New York time | Call with New York funder | No location yet"
                   " | Nobody to interview yet | Planned\n");
  g_clear_pointer (&outline, g_free);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-agenda-machine-zone.png");

  /* Read from New York. */
  set_machine_zone ("America/New_York");
  cr_production_changed (production, &cr_entity_production);
  days = cr_schedule_page_get_days (page);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Tuesday 15 December 2026");
  outline = agenda_outline (page);
  g_assert_cmpstr (outline, ==,
                   "Tuesday 15 December 2026\n"
                   "  20:00–21:00 | Wed 16 Dec | 01:00–02:00 | London time | Night shift at the depot | Leeds depot"
                   " | Nobody to interview yet | Planned\n"
                   "  22:00–23:00 | Call with New York funder | No location yet | Nobody to interview yet | Planned\n");
  g_clear_pointer (&outline, g_free);

  /* The production's own zone wins over the machine's. */
  {
    g_autoptr(CrRecord) zone = cr_record_new (&cr_entity_production);

    cr_record_set (zone, "time_zone", "Europe/London");
    g_assert_true (cr_store_update (db, &cr_entity_production, 1, zone, &error));
    g_assert_no_error (error);
    cr_production_changed (production, &cr_entity_production);
  }
  days = cr_schedule_page_get_days (page);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Wednesday 16 December 2026");
  g_assert_cmpstr (cr_schedule_page_get_summary (page), ==, "2 interviews on 1 day");
  gtk_window_destroy (GTK_WINDOW (window));
  set_machine_zone (machine);
}

/* A day counted from today, YYYY-MM-DD: consent is never dated ahead of today. */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The one dialog of its type among the windows, or NULL. */
static CrConsentDialog *
find_consent_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (CR_IS_CONSENT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The button under @root with this tooltip. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

/* Which of the fields that come and go are on show, "channels media …", in this order. */
static char *
shown_fields (CrConsentDialog *dialog)
{
  static const char *fields[] = { "channels", "media", "naming", "expires", "guardian_name", "guardian_relationship",
                                  "withdrawal_scope", "form_version", NULL };
  g_autoptr(GString) out = g_string_new (NULL);

  /* The fields every status has are always there. */
  g_assert_true (cr_consent_dialog_is_shown (dialog, "status"));
  g_assert_true (cr_consent_dialog_is_shown (dialog, "date"));
  g_assert_true (cr_consent_dialog_is_shown (dialog, "notes"));
  for (guint i = 0; fields[i]; i++)
    if (cr_consent_dialog_is_shown (dialog, fields[i]))
      g_string_append_printf (out, "%s%s", out->len ? " " : "", fields[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_shown (CrConsentDialog *dialog,
              const char      *expected)
{
  g_autofree char *shown = shown_fields (dialog);
  g_assert_cmpstr (shown, ==, expected);
}

static void
keep_said (CrConsentDialog  *dialog,
           const char       *text,
           char            **said)
{
  g_free (*said);
  *said = g_strdup (text);
}

/* Record consent from the Participants page: the dialog shows what each status needs, a
 * date ahead of today is refused beside the field, and a withdrawal heads the history. */
static void
test_consent_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window = cr_window_new (NULL, NULL);
  CrPeoplePage *page;
  CrEntityPage *list;
  CrConsentHistory *history;
  CrConsentDialog *dialog;
  GPtrArray *entries;
  g_autofree char *tomorrow = day_from_today (1);
  char *said = NULL;
  gint64 leo;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    /* 18 on 1 June 2026: a minor in May, an adult in July. */
    leo = test_add (db, &cr_entity_participant, "name", "Leo Hughes", "kind", "interviewee",
                    "date_of_birth", "2008-06-01", NULL);
  }
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "participants");
  page = CR_PEOPLE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_PEOPLE_PAGE));
  g_assert_nonnull (page);
  list = cr_people_page_get_list (page);
  /* The window still finds the list by its name: Ctrl+N, Ctrl+F and Undo work as before. */
  g_assert_true (cr_window_get_page (window, "participants") == list);
  history = cr_people_page_get_history (page);
  g_assert_cmpuint (cr_consent_history_get_entries (history)->len, ==, 0);
  g_assert_null (cr_people_page_record_consent (page));   /* nobody selected */

  cr_entity_page_select (list, f->grace);
  entries = cr_consent_history_get_entries (history);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entries, 0), ==, "2026-03-02 Signed");
  g_assert_cmpstr (g_ptr_array_index (entries, 1), ==, "2026-02-20 Requested");
  g_assert_true (g_str_has_prefix (cr_consent_history_get_current (history), "Today: Signed"));

  /* The list's own Record Consent button opens the dialog shaped by the status. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (list), "Record the selected participant’s consent"), "clicked");
  dialog = find_consent_dialog ();
  g_assert_nonnull (dialog);
  assert_shown (dialog, "channels media naming expires form_version");   /* signed, an adult */
  cr_consent_dialog_set_text (dialog, "status", "verbal-noted");
  assert_shown (dialog, "channels media naming expires form_version");
  cr_consent_dialog_set_text (dialog, "status", "requested");
  assert_shown (dialog, "form_version");
  cr_consent_dialog_set_text (dialog, "status", "not-requested");
  assert_shown (dialog, "");
  cr_consent_dialog_set_text (dialog, "status", "declined");
  assert_shown (dialog, "");
  cr_consent_dialog_set_text (dialog, "status", "withdrawn");
  assert_shown (dialog, "withdrawal_scope");
  {
    g_autofree char *scope = cr_consent_dialog_dup_text (dialog, "withdrawal_scope");

    g_assert_cmpstr (scope, ==, "all");   /* shown as what Record will write */
  }
  cr_consent_dialog_set_text (dialog, "withdrawal_scope", "part");
  assert_shown (dialog, "channels media withdrawal_scope");   /* what remains */
  /* It starts from what she agreed to, to untick what she withdraws; it cannot say she
   * agreed to more: a channel she never gave is refused beside the channels. */
  {
    g_autofree char *channels = cr_consent_dialog_dup_text (dialog, "channels");
    g_autofree char *media = cr_consent_dialog_dup_text (dialog, "media");

    g_assert_cmpstr (channels, ==, "internal,website,funder-report");
    g_assert_cmpstr (media, ==, "video,quotes");
  }
  cr_consent_dialog_set_text (dialog, "date", "2026-03-12");
  cr_consent_dialog_set_text (dialog, "channels", "internal,broadcast");
  g_assert_false (cr_consent_dialog_save (dialog, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "consent channels: a withdrawal can only take consent away: Grace Hughes never agreed to broadcast");
  g_clear_error (&error);
  g_assert_cmpstr (cr_consent_dialog_get_error_field (dialog), ==, "channels");
  g_assert_cmpuint (cr_consent_history_get_entries (history)->len, ==, 2);
  cr_consent_dialog_set_text (dialog, "channels", "internal,website,funder-report");
  cr_consent_dialog_set_text (dialog, "withdrawal_scope", "all");
  assert_shown (dialog, "withdrawal_scope");

  /* Dated tomorrow: refused with the store's one line, beside the date; nothing written. */
  cr_consent_dialog_set_text (dialog, "date", tomorrow);
  g_assert_false (cr_consent_dialog_save (dialog, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "consent date: "));   /* as the command line says it */
  g_assert_nonnull (strstr (error->message, "is in the future (today is"));
  g_clear_error (&error);
  g_assert_cmpstr (cr_consent_dialog_get_error_field (dialog), ==, "date");
  g_assert_true (g_str_has_prefix (cr_consent_dialog_get_error (dialog), "Date: "));
  g_assert_null (strchr (cr_consent_dialog_get_error (dialog), '\n'));
  g_assert_true (find_consent_dialog () == dialog);
  g_assert_cmpuint (cr_consent_history_get_entries (history)->len, ==, 2);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 4);
  cr_ui_save_png (GTK_WIDGET (dialog), "casereel-consent-dialog.png");

  cr_consent_dialog_set_text (dialog, "date", "2026-03-12");
  g_signal_connect (dialog, "recorded", G_CALLBACK (keep_said), &said);
  g_assert_true (cr_consent_dialog_save (dialog, &error));
  /* As `casereel consent record` says it: how far the withdrawal reaches. */
  g_assert_cmpstr (said, ==, "Grace Hughes’s withdrawal reaches 0 clips, 0 selects, 0 cut events in 0 cuts, "
                             "0 delivered files");
  g_clear_pointer (&said, g_free);
  g_assert_no_error (error);
  g_assert_null (find_consent_dialog ());   /* a recorded consent closes its dialog */
  entries = cr_consent_history_get_entries (history);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (entries, 0), ==, "2026-03-12 Withdrawn");
  g_assert_true (g_str_has_prefix (cr_consent_history_get_current (history), "Today: Withdrawn"));
  /* A withdrawn consent has no end date left to show. */
  g_assert_null (strstr (cr_consent_history_get_current (history), "until"));
  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    g_autoptr(CrConsentState) state = cr_consent_current (db, f->grace, NULL, &error);
    g_assert_cmpint (state->problem, ==, CR_CONSENT_WITHDRAWN);
  }
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-consent-history.png");

  /* Esc leaves a dialog without recording anything. */
  cr_entity_page_select (list, leo);
  dialog = cr_people_page_record_consent (page);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  cr_ui_iterate ();
  g_assert_null (find_consent_dialog ());
  g_assert_cmpuint (cr_consent_history_get_entries (history)->len, ==, 0);

  /* A minor by date of birth: the guardian shows for a grant dated before their 18th. */
  dialog = cr_people_page_record_consent (page);
  g_assert_nonnull (dialog);
  cr_consent_dialog_set_text (dialog, "date", "2026-05-01");
  assert_shown (dialog, "channels media naming expires guardian_name guardian_relationship form_version");
  cr_consent_dialog_set_text (dialog, "status", "requested");
  assert_shown (dialog, "form_version");
  cr_consent_dialog_set_text (dialog, "status", "signed");
  cr_consent_dialog_set_text (dialog, "date", "2026-07-01");
  assert_shown (dialog, "channels media naming expires form_version");
  cr_consent_dialog_set_text (dialog, "date", "2026-05-01");
  cr_consent_dialog_set_text (dialog, "channels", "internal");
  cr_consent_dialog_set_text (dialog, "media", "video");
  cr_consent_dialog_set_text (dialog, "naming", "first-name");
  g_assert_false (cr_consent_dialog_save (dialog, &error));
  g_assert_true (g_str_has_prefix (error->message, "consent guardian_name: Leo Hughes is a minor"));
  g_clear_error (&error);
  g_assert_cmpstr (cr_consent_dialog_get_error_field (dialog), ==, "guardian_name");
  cr_consent_dialog_set_text (dialog, "guardian_name", "Sara Hughes");
  cr_consent_dialog_set_text (dialog, "guardian_relationship", "mother");
  g_signal_connect (dialog, "recorded", G_CALLBACK (keep_said), &said);
  g_assert_true (cr_consent_dialog_save (dialog, &error));
  g_assert_cmpstr (said, ==, "Recorded Leo Hughes’s consent");
  g_clear_pointer (&said, g_free);
  g_assert_no_error (error);
  entries = cr_consent_history_get_entries (history);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entries, 0), ==, "2026-05-01 Signed");

  /* A participant's own form records consent through the same dialog, for that person. */
  {
    CrRecordEditor *editor = cr_entity_page_edit (list, 0);
    GtkWidget *button = find_button (GTK_WIDGET (editor), "Record this participant’s consent");

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    dialog = find_consent_dialog ();
    g_assert_nonnull (dialog);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
    gtk_window_destroy (GTK_WINDOW (dialog));
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the store (and so `casereel consent record`) says to a record, after "consent FIELD: ". */
static char *
cli_reason (CrDb       *db,
            gint64      participant,
            const char *field,
            ...)
{
  g_autoptr(CrRecord) record = cr_record_new (&cr_entity_consent);
  g_autoptr(GError) error = NULL;
  g_autofree char *who = g_strdup_printf ("%" G_GINT64_FORMAT, participant);
  g_autofree char *prefix = g_strdup_printf ("consent %s: ", field);
  const char *name;
  va_list args;

  cr_record_set (record, "participant", who);
  va_start (args, field);
  while ((name = va_arg (args, const char *)))
    cr_record_set (record, name, va_arg (args, const char *));
  va_end (args);
  g_assert_cmpint (cr_store_insert (db, record, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  return g_strdup (error->message + strlen (prefix));
}

/* The message beside the field, as the user sees it: marked, in the command line's words. */
static void
assert_said (CrConsentDialog *dialog,
             const char      *field,
             const char      *title,
             const char      *reason)
{
  GtkWidget *row = cr_ui_find_row (GTK_WIDGET (dialog), title);

  g_assert_cmpstr (cr_consent_dialog_get_error_field (dialog), ==, field);
  g_assert_nonnull (cr_consent_dialog_get_error (dialog));
  g_test_message ("%s: %s", field, cr_consent_dialog_get_error (dialog));
  g_assert_true (g_str_has_suffix (cr_consent_dialog_get_error (dialog), reason));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
}

/* The consent dialog as a form: it opens in its first field, checks what is typed as it is
 * typed with the command line's messages, Record takes the user to the field at fault, and
 * Esc on a changed dialog asks before anything is thrown away. */
static void
test_consent_form (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;
  CrWindow *window = cr_window_new (NULL, NULL);
  CrPeoplePage *page;
  CrConsentDialog *dialog;
  GtkWidget *focus;
  GtkWindow *ask;
  gint64 leo;

  db = cr_db_open (f->path, &error);
  g_assert_no_error (error);
  leo = test_add (db, &cr_entity_participant, "name", "Leo Hughes", "kind", "interviewee",
                  "date_of_birth", "2008-06-01", NULL);
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "participants");
  page = CR_PEOPLE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_PEOPLE_PAGE));
  cr_entity_page_select (cr_people_page_get_list (page), f->grace);
  before = cr_ui_dump (f->path, "consent");

  /* Opened, the first field has the keyboard. */
  dialog = cr_people_page_record_consent (page);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) == cr_ui_find_row (GTK_WIDGET (dialog), "Status"));
  g_assert_false (cr_consent_dialog_is_changed (dialog));
  g_assert_null (cr_consent_dialog_get_error (dialog));

  /* A date that does not exist is marked as it is typed, before Record, in the command
   * line's words; fixed, the mark goes. */
  reason = cli_reason (db, f->grace, "date", "status", "signed", "date", "2026-02-30", NULL);
  cr_consent_dialog_set_text (dialog, "date", "2026-02-30");
  assert_said (dialog, "date", "Date", reason);
  cr_consent_dialog_set_text (dialog, "date", "2026-03-10");
  g_assert_null (cr_consent_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (cr_ui_find_row (GTK_WIDGET (dialog), "Date"), "error"));
  /* An expiry before the date, on the expiry. */
  g_clear_pointer (&reason, g_free);
  reason = cli_reason (db, f->grace, "expires", "status", "signed", "date", "2026-03-10", "expires", "2026-03-01", NULL);
  cr_consent_dialog_set_text (dialog, "expires", "2026-03-01");
  assert_said (dialog, "expires", "Expires", reason);
  cr_consent_dialog_set_text (dialog, "expires", "2027-03-01");
  g_assert_null (cr_consent_dialog_get_error (dialog));
  /* A date ahead of today is refused as it is typed. */
  g_clear_pointer (&reason, g_free);
  reason = cli_reason (db, f->grace, "date", "status", "signed", "date", tomorrow, NULL);
  cr_consent_dialog_set_text (dialog, "date", tomorrow);
  assert_said (dialog, "date", "Date", reason);
  cr_consent_dialog_set_text (dialog, "date", "2026-03-10");
  g_assert_null (cr_consent_dialog_get_error (dialog));

  /* Esc on a changed dialog asks; Keep Editing keeps everything, Discard writes nothing. */
  g_assert_true (cr_consent_dialog_is_changed (dialog));
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  ask = cr_ui_find_question ("Discard changes?");
  g_assert_nonnull (ask);
  g_assert_nonnull (dialog);
  cr_ui_answer (ask, "keep");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (dialog);
  g_assert_null (cr_ui_find_question ("Discard changes?"));
  g_assert_true (cr_consent_dialog_is_changed (dialog));
  g_assert_true (find_consent_dialog () == dialog);
  /* The window's close (Cancel) asks too. */
  gtk_window_close (GTK_WINDOW (dialog));
  ask = cr_ui_find_question ("Discard changes?");
  g_assert_nonnull (ask);
  cr_ui_answer (ask, "discard");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_null (dialog);
  g_assert_null (find_consent_dialog ());
  after = cr_ui_dump (f->path, "consent");
  g_assert_cmpstr (before, ==, after);

  /* A minor: a guardian half written down is said as it is typed, in the command line's words. */
  cr_entity_page_select (cr_people_page_get_list (page), leo);
  dialog = cr_people_page_record_consent (page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 320);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_clear_pointer (&reason, g_free);
  reason = cli_reason (db, leo, "guardian_name", "status", "signed", "date", "2026-05-01", "channels", "internal",
                       "media", "video", "naming", "first-name", "guardian_name", "Sara Hughes", NULL);
  g_assert_true (g_str_has_prefix (reason, "Leo Hughes is a minor"));
  cr_consent_dialog_set_text (dialog, "date", "2026-05-01");
  g_assert_null (cr_consent_dialog_get_error (dialog));   /* nothing typed in the guardian yet */
  cr_consent_dialog_set_text (dialog, "guardian_name", "Sara Hughes");
  assert_said (dialog, "guardian_name", "Guardian name", reason);
  cr_consent_dialog_set_text (dialog, "guardian_name", "");
  g_assert_null (cr_consent_dialog_get_error (dialog));

  /* Record with the top of the form in view: it goes to the first field at fault, far below. */
  cr_consent_dialog_set_text (dialog, "channels", "internal");
  cr_consent_dialog_set_text (dialog, "media", "video");
  cr_consent_dialog_set_text (dialog, "naming", "first-name");
  {
    GtkWidget *scroller = cr_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    GtkWidget *row = cr_ui_find_row (GTK_WIDGET (dialog), "Guardian name");
    graphene_rect_t bounds;

    gtk_widget_grab_focus (cr_ui_find_row (GTK_WIDGET (dialog), "Status"));
    gtk_adjustment_set_value (adjustment, 0);
    cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
    g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >, gtk_widget_get_height (scroller));   /* out of view */
    g_assert_false (cr_consent_dialog_save (dialog, &error));
    g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
    g_clear_error (&error);
    cr_ui_wait_for_frames (GTK_WIDGET (dialog), 4);
    g_assert_cmpstr (cr_consent_dialog_get_error_field (dialog), ==, "guardian_name");
    focus = gtk_root_get_focus (GTK_ROOT (dialog));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) == row);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
    cr_ui_save_png (GTK_WIDGET (dialog), "consent-dialog-scrolled-to-fault.png");
  }
  after = cr_ui_dump (f->path, "consent");
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
people_ready (gpointer page)
{
  return !cr_people_page_is_busy (page);
}

static char *
filtered (CrPeoplePage *page,
          int           filter)
{
  cr_people_page_set_filter (page, filter);
  cr_ui_wait_until (people_ready, page);
  return cr_people_page_dup_shown (page);
}

/* The People list filtered by consent state, each state with its own people. */
static void
test_consent_filter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *month_ago = day_from_today (-30);
  g_autofree char *week_ago = day_from_today (-7);
  g_autofree char *year_ago = day_from_today (-400);
  g_autofree char *in_ten_days = day_from_today (10);
  g_autofree char *five_days_ago = day_from_today (-5);
  g_autofree char *shown = NULL;
  CrWindow *window;
  CrPeoplePage *page;
  static const char *expected[CR_CONSENT_N_FILTERS] = {
    [CR_CONSENT_FILTER_MISSING] = "Aisha Rahman|Mo Ali|Nia Evans",
    [CR_CONSENT_FILTER_REQUESTED] = "Rae Jones",
    [CR_CONSENT_FILTER_SIGNED] = "Sam Price",
    [CR_CONSENT_FILTER_EXPIRING] = "Eve Morgan",
    [CR_CONSENT_FILTER_EXPIRED] = "Ed Lloyd",
    [CR_CONSENT_FILTER_WITHDRAWN] = "Grace Hughes|Pat Owen",
    [CR_CONSENT_FILTER_DECLINED] = "Dee Clark",
  };

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    const char *grant[] = { "channels", "internal,website", "media", "video", "naming", "full-name", NULL };

    /* Aisha (the fixture's) has nothing on record; Rhys is crew and needs none. */
    test_add (db, &cr_entity_participant, "name", "Mo Ali", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_participant, "name", "Nia Evans", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Nia Evans", "status", "not-requested", "date", week_ago, NULL);
    test_add (db, &cr_entity_participant, "name", "Rae Jones", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Rae Jones", "status", "requested", "date", week_ago, NULL);
    test_add (db, &cr_entity_participant, "name", "Sam Price", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Sam Price", "status", "signed", "date", month_ago,
              grant[0], grant[1], grant[2], grant[3], grant[4], grant[5], NULL);
    test_add (db, &cr_entity_participant, "name", "Eve Morgan", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Eve Morgan", "status", "recorded-on-camera", "date", month_ago,
              "expires", in_ten_days, grant[0], grant[1], grant[2], grant[3], grant[4], grant[5], NULL);
    test_add (db, &cr_entity_participant, "name", "Ed Lloyd", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Ed Lloyd", "status", "signed", "date", year_ago,
              "expires", five_days_ago, grant[0], grant[1], grant[2], grant[3], grant[4], grant[5], NULL);
    /* Grace withdraws in full, Pat in part. */
    test_add (db, &cr_entity_consent, "participant", "Grace Hughes", "status", "withdrawn", "date", week_ago, NULL);
    test_add (db, &cr_entity_participant, "name", "Pat Owen", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Pat Owen", "status", "signed", "date", month_ago,
              grant[0], grant[1], grant[2], grant[3], grant[4], grant[5], NULL);
    test_add (db, &cr_entity_consent, "participant", "Pat Owen", "status", "withdrawn", "date", week_ago,
              "withdrawal_scope", "part", "channels", "internal", NULL);
    test_add (db, &cr_entity_participant, "name", "Dee Clark", "kind", "interviewee", NULL);
    test_add (db, &cr_entity_consent, "participant", "Dee Clark", "status", "declined", "date", week_ago, NULL);
  }

  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "participants");
  page = CR_PEOPLE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_PEOPLE_PAGE));
  g_assert_null (cr_people_page_dup_shown (page));   /* everyone: the full list */

  for (int i = 0; i < CR_CONSENT_N_FILTERS; i++)
    {
      g_autofree char *names = filtered (page, i);
      g_test_message ("%s: %s", cr_consent_filter_to_string (i), names);
      g_assert_cmpstr (names, ==, expected[i]);
    }

  /* The filter follows a consent recorded meanwhile: Mo is asked, and moves on. */
  shown = filtered (page, CR_CONSENT_FILTER_MISSING);
  cr_people_page_select_shown (page, 1);
  g_assert_true (g_str_has_prefix (cr_consent_history_get_current (cr_people_page_get_history (page)), "Today: "));
  {
    CrConsentDialog *dialog;
    /* The filtered list has its own Record Consent button. */
    g_signal_emit_by_name (find_button (GTK_WIDGET (page), "Record the selected person’s consent"), "clicked");
    dialog = find_consent_dialog ();
    g_assert_nonnull (dialog);
    cr_consent_dialog_set_text (dialog, "status", "requested");
    g_assert_true (cr_consent_dialog_save (dialog, &error));
    g_assert_no_error (error);
  }
  cr_ui_wait_until (people_ready, page);
  g_clear_pointer (&shown, g_free);
  shown = cr_people_page_dup_shown (page);
  g_assert_cmpstr (shown, ==, "Aisha Rahman|Nia Evans");
  g_clear_pointer (&shown, g_free);
  shown = filtered (page, CR_CONSENT_FILTER_REQUESTED);
  g_assert_cmpstr (shown, ==, "Mo Ali|Rae Jones");
  g_clear_pointer (&shown, g_free);
  shown = filtered (page, CR_CONSENT_FILTER_WITHDRAWN);
  /* The filtered list searches by name within the state. */
  cr_people_page_set_filtered_search (page, "OWEN");
  g_clear_pointer (&shown, g_free);
  shown = cr_people_page_dup_shown (page);
  g_assert_cmpstr (shown, ==, "Pat Owen");
  cr_people_page_set_filtered_search (page, "");
  g_clear_pointer (&shown, g_free);
  shown = cr_people_page_dup_shown (page);
  g_assert_cmpstr (shown, ==, "Grace Hughes|Pat Owen");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-consent-filter.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* pdftotext's reading of a PDF (an independent tool). */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static gboolean
chooser_shown (gpointer data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      {
        *(GtkWidget **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
chooser_gone (gpointer data)
{
  GtkWidget *chooser = NULL;
  return !chooser_shown (&chooser);
}

/* A page's "Save … as PDF…" entry, as the user takes it: the action opens the file chooser
 * with the document's name, and Cancel closes it having written nothing. */
static void
check_pdf_entry (GtkWidget  *page,
                 const char *action,
                 const char *title,
                 const char *file_name,
                 const char *dir)
{
  GtkWidget *chooser = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_true (gtk_widget_activate_action (page, action, NULL));
  cr_ui_wait_until (chooser_shown, &chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, file_name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  cr_ui_wait_until (chooser_gone, NULL);
  listing = g_dir_open (dir, 0, NULL);
  for (const char *entry; (entry = g_dir_read_name (listing));)
    g_assert_false (g_str_has_suffix (entry, ".pdf"));
}

/* The menu under the page's button with this tooltip, as "action|action". */
static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *tooltip)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

static char *
menu_actions (GtkWidget  *page,
              const char *tooltip)
{
  GtkWidget *button = find_menu_button (page, tooltip);
  GMenuModel *menu;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      for (int j = 0; section && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *act = NULL;
          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &act));
          g_string_append_printf (out, "%s%s", out->len ? "|" : "", act);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The Print menus of the Shots and People pages: their PDFs hold the shots and the people. */
static void
test_print_menus (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shots_pdf = g_build_filename (f->dir, "shot list.pdf", NULL);
  g_autofree char *releases_pdf = g_build_filename (f->dir, "releases.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *actions = NULL;
  CrWindow *window;
  GtkWidget *page;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    test_add (db, &cr_entity_shot, "number", "4C", "description", "Tea urn steam", "priority", "high", NULL);
    test_add (db, &cr_entity_shot, "number", "5", "description", "Drawings on wall", NULL);
  }
  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_present (GTK_WINDOW (window));

  cr_window_show_page (window, "shots");
  page = cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SHOTS_PAGE);
  actions = menu_actions (page, "Print the shot list");
  g_assert_cmpstr (actions, ==, "shots.print|shots.save-pdf");
  g_clear_pointer (&actions, g_free);
  check_pdf_entry (page, "shots.save-pdf", "Save Shot List as PDF", "Shot list.pdf", f->dir);
  /* What the entry then runs: the document through GtkPrintOperation, read by pdftotext. */
  g_assert_true (cr_print_shotlist (GTK_WINDOW (window), cr_production_get_db (cr_window_get_production (window)),
                                    shots_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (shots_pdf);
  g_assert_nonnull (strstr (text, "Tea urn steam"));
  g_assert_nonnull (strstr (text, "Drawings on wall"));
  g_assert_nonnull (strstr (text, "4C"));
  g_clear_pointer (&text, g_free);
  g_unlink (shots_pdf);

  cr_window_show_page (window, "participants");
  page = cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_PEOPLE_PAGE);
  actions = menu_actions (page, "Print the release tracker");
  g_assert_cmpstr (actions, ==, "people.print-releases|people.save-releases-pdf");
  check_pdf_entry (page, "people.save-releases-pdf", "Save Release Tracker as PDF", "Release tracker.pdf", f->dir);
  g_assert_true (cr_print_releases (GTK_WINDOW (window), cr_production_get_db (cr_window_get_production (window)),
                                    releases_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (releases_pdf);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Grace Hughes"));
  g_assert_nonnull (strstr (text, "Aisha Rahman"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The one message dialog shown over the windows, or NULL. */
static gboolean
message_shown (gpointer data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *(GtkWidget **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
chosen_is (GtkWidget  *chooser,
           const char *path)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *at = chosen ? g_file_get_path (chosen) : NULL;

  return g_strcmp0 (at, path) == 0;
}

/* The file chooser the page opened, answered with this file: its name is what the chooser
 * offered, in the folder given. Returns once it has gone. */
static void
save_in_chooser (GtkWidget  *page,
                 const char *offered,
                 const char *dir)
{
  GtkWidget *chooser = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  cr_ui_wait_until (chooser_shown, &chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Schedule");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, offered);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (dir);
  /* Once it is up: a folder set before then is forgotten when it maps. */
  while (!gtk_widget_get_mapped (chooser))
    cr_ui_wait_for_frames (page, 1);
  cr_ui_wait_for_frames (chooser, 2);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The dialog reads the folder before it has the file as chosen: frames, not time. */
  for (guint frames = 0; frames < 500 && !chosen_is (chooser, path); frames++)
    cr_ui_wait_for_frames (page, 1);
  if (!chosen_is (chooser, path))
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *at = chosen ? g_file_get_path (chosen) : NULL;
      g_autofree char *now = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_error ("chooser has %s (name %s), not %s", at, now, path);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  cr_ui_wait_until (chooser_gone, NULL);
}

/* python3's csv module's reading of the schedule: "title|start" a line. */
static char *
read_csv (const char *path)
{
  const char *script =
    "import sys, csv\n"
    "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
    "for r in rows:\n"
    "    print('%s|%s' % (r['title'], r['start']))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("csv: %s", err);
  return out;
}

/* The Schedule page's Export menu as the user takes it, among 10,000 other people: the
 * calendar of everyone, one person's (found by a search, never a list of everyone) and the
 * CSV, each through the file chooser, read back by python3-icalendar and python3's csv. */
static void
test_schedule_exports (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actions = NULL, *read = NULL;
  g_autofree char *all = g_build_filename (f->dir, "Schedule.ics", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "Schedule.csv", NULL);
  g_autofree char *grace = g_build_filename (f->dir, "Grace Hughes.ics", NULL);
  GtkWidget *dialog = NULL, *button;
  CrRowPicker *picker;
  CrStoreModel *found;
  CrWindow *window;
  GtkWidget *page;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    g_assert_true (cr_db_exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                                   "INSERT INTO participant (name, kind, role) SELECT printf ('Volunteer %d', i), "
                                   "'interviewee', 'Befriender' FROM n", &error));
    g_assert_no_error (error);
  }
  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "interviews");
  page = cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SCHEDULE_PAGE);
  g_assert_nonnull (page);
  actions = menu_actions (page, "Export the schedule");
  g_assert_cmpstr (actions, ==, "schedule.callsheet|schedule.export-ics|schedule.export-person-ics|schedule.export-csv");

  /* Everyone's calendar. */
  g_assert_true (gtk_widget_activate_action (page, "schedule.export-ics", NULL));
  save_in_chooser (page, "Schedule.ics", f->dir);
  read = read_calendar (all);
  g_assert_cmpstr (read, ==, "Aisha and Grace at the hall|2026-04-14T09:00:00+00:00\n"
                             "Grace at school|2026-04-14T10:00:00+00:00\n"
                             "Aisha on the bus home|2026-04-15T14:30:00+00:00\n");
  g_clear_pointer (&read, g_free);

  /* The CSV. */
  g_assert_true (gtk_widget_activate_action (page, "schedule.export-csv", NULL));
  save_in_chooser (page, "Schedule.csv", f->dir);
  read = read_csv (csv);
  g_assert_nonnull (strstr (read, "Aisha and Grace at the hall|"));
  g_assert_nonnull (strstr (read, "Grace at school|"));
  g_assert_nonnull (strstr (read, "Aisha on the bus home|"));
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (read), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  g_clear_pointer (&read, g_free);

  /* One person's: Export is off until someone is found; the search runs in the store, a
   * page at a time, and Enter takes the first found. */
  g_assert_true (gtk_widget_activate_action (page, "schedule.export-person-ics", NULL));
  cr_ui_wait_until (message_shown, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "One Person’s Calendar");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  button = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_null (cr_ui_find_widget (dialog, GTK_TYPE_DROP_DOWN));
  picker = CR_ROW_PICKER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (CR_IS_ROW_PICKER (picker));
  cr_ui_wait_for_frames (dialog, 3);
  cr_ui_popup (GTK_MENU_BUTTON (button));
  cr_ui_wait_for_frames (dialog, 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_WIDGET (picker)));
  found = cr_row_picker_get_model (picker);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 10003);
  /* Lazy: a page or two of 10,003 people read, not all of them. */
  g_assert_cmpuint (cr_store_model_get_n_pages (found), <=, 2);
  cr_ui_save_png (dialog, "casereel-schedule-person.png");
  cr_ui_save_png (GTK_WIDGET (picker), "casereel-schedule-person-picker.png");
  gtk_editable_set_text (cr_row_picker_get_search (picker), "grace hughes");
  g_signal_emit_by_name (cr_row_picker_get_search (picker), "search-changed");
  {
    g_autoptr(CrRow) first = g_list_model_get_item (G_LIST_MODEL (found), 0);
    g_assert_nonnull (first);
    g_assert_cmpstr (cr_row_get_label (first), ==, "Grace Hughes");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), <, 10);
  }
  g_signal_emit_by_name (cr_row_picker_get_search (picker), "activate");
  cr_ui_wait_for_frames (dialog, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Grace Hughes");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  save_in_chooser (page, "Grace Hughes.ics", f->dir);
  read = read_calendar (grace);
  g_assert_cmpstr (read, ==, "Aisha and Grace at the hall|2026-04-14T09:00:00+00:00\n"
                             "Grace at school|2026-04-14T10:00:00+00:00\n");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shots: reordered through the rows' drag and drop, status moved on in one click, coverage
 * from the clips linked to each. */
static void
test_shots (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window;
  CrShotsPage *page;
  GtkButton *status;
  g_autofree char *order = NULL;
  gint64 wide, hands, bus;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    const char *folders[] = { cr_test_fixtures (), NULL };
    g_autoptr(CrRecord) link = cr_record_new (&cr_entity_clip);
    gint64 clip = 0;

    g_assert_no_error (error);
    wide = test_add (db, &cr_entity_shot, "number", "1A", "description", "Wide of the hall as families arrive",
                "type", "establishing", "size", "ws", "location", "Riverside Community Hall", "duration", "0:08", NULL);
    hands = test_add (db, &cr_entity_shot, "number", "1B", "description", "Hands laying out the homework table",
                 "type", "detail", "size", "cu", "priority", "must", NULL);
    bus = test_add (db, &cr_entity_shot, "number", "2", "description", "The bus pulling away", "duration", "0:30", NULL);
    g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (cr_store_resolve (db, &cr_entity_clip, "VideoTrack_29_97_Start-00-00-00-00.mp4", &clip, &error));
    cr_record_set (link, "shots", "1B");
    g_assert_true (cr_store_update (db, &cr_entity_clip, clip, link, &error));
    g_assert_no_error (error);
  }

  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "shots");
  page = CR_SHOTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SHOTS_PAGE));
  g_assert_nonnull (page);
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "1A|1B|2");
  g_clear_pointer (&order, g_free);
  g_assert_cmpstr (cr_shots_page_get_coverage (page, hands), ==, "1 clip");
  g_assert_cmpstr (cr_shots_page_get_coverage (page, wide), ==, "No footage yet");
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "1 of 3 shots have footage");

  /* Drag "2" onto the first row: the drop target of that row moves it there. */
  {
    GtkWidget *first = gtk_widget_get_ancestor (GTK_WIDGET (cr_shots_page_get_status_button (page, wide)),
                                                GTK_TYPE_LIST_BOX_ROW);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (first);
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, bus);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
      }
    g_assert_true (accepted);
  }
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "2|1A|1B");
  g_clear_pointer (&order, g_free);
  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    g_autoptr(CrRecord) moved = cr_store_get (db, &cr_entity_shot, bus, &error);
    g_autoptr(CrRecord) last = cr_store_get (db, &cr_entity_shot, hands, &error);
    g_assert_cmpint (cr_record_get_int (moved, "position", 0), ==, 1);
    g_assert_cmpint (cr_record_get_int (last, "position", 0), ==, 3);
  }

  /* One click: planned -> captured, and the next: -> selected. */
  status = cr_shots_page_get_status_button (page, wide);
  g_assert_cmpstr (gtk_button_get_label (status), ==, "Planned");
  g_signal_emit_by_name (status, "clicked");
  status = cr_shots_page_get_status_button (page, wide);
  g_assert_cmpstr (gtk_button_get_label (status), ==, "Captured");
  g_signal_emit_by_name (status, "clicked");
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, wide)), ==, "Selected");
  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);
    g_autoptr(CrRecord) shot = cr_store_get (db, &cr_entity_shot, wide, &error);
    g_assert_cmpstr (cr_record_get (shot, "status"), ==, "selected");
  }
  /* The search finds status and priority words as the rows show them, in any case. */
  cr_shots_page_set_search (page, "Selected");
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "1A");
  g_clear_pointer (&order, g_free);
  cr_shots_page_set_search (page, "must");
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "1B");
  g_clear_pointer (&order, g_free);
  cr_shots_page_set_search (page, "planned");
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "2|1B");
  g_clear_pointer (&order, g_free);
  cr_shots_page_set_search (page, "no footage");
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "2|1A");
  g_clear_pointer (&order, g_free);
  cr_shots_page_set_search (page, "");
  order = cr_shots_page_dup_order (page);
  g_assert_cmpstr (order, ==, "2|1A|1B");
  g_clear_pointer (&order, g_free);
  /* The printed shot list: priority shown, and a dropped shot takes no time on the day. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "shots.pdf", NULL);
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autoptr(CrRecord) dropped = cr_record_new (&cr_entity_shot);
    CrProduction *production = cr_window_get_production (window);
    int status_code = 0;

    cr_record_set (dropped, "status", "dropped");
    g_assert_true (cr_store_update (cr_production_get_db (production), &cr_entity_shot, bus, dropped, &error));
    cr_production_changed (production, &cr_entity_shot);
    g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "1 of 2 shots have footage");
    g_assert_true (cr_print_shotlist (GTK_WINDOW (window), cr_production_get_db (production), pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &text, NULL, &status_code, &error));
    g_assert_true (g_spawn_check_wait_status (status_code, NULL));
    g_assert_nonnull (strstr (text, "Priority"));
    g_assert_nonnull (strstr (text, "must"));
    g_assert_nonnull (strstr (text, "0:30"));   /* the dropped shot's own estimate stays on its row */
    g_assert_null (strstr (text, "0:38"));      /* but not in the total */
  }
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-shots.png");

  /* A status the production refuses (another program's trigger): said in a dialog, in
   * words, and the row shows the status the shot still has. Before, only stderr heard. */
  {
    g_autofree char *was = NULL;
    sqlite3 *other = NULL;
    GtkWindow *told;
    const char *body;

    g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "CREATE TRIGGER refuse BEFORE UPDATE ON shot "
                                          "BEGIN INSERT INTO nowhere VALUES (1); END", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (other);
    status = cr_shots_page_get_status_button (page, hands);
    was = g_strdup (gtk_button_get_label (status));
    g_signal_emit_by_name (status, "clicked");
    told = cr_ui_find_question ("Could Not Change the Shot");
    g_assert_nonnull (told);
    body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (told));
    g_test_message ("told: %s", body);
    g_assert_null (strstr (body, "nowhere"));
    g_assert_null (strchr (body, '\n'));
    g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, hands)), ==, was);
    gtk_window_destroy (told);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window, open on the Shots page of the fixture's production. */
static CrShotsPage *
show_shots (Fixture   *f,
            CrWindow **window)
{
  g_autoptr(GError) error = NULL;
  CrShotsPage *page;

  *window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (*window, f->path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1120, 640);
  gtk_window_present (GTK_WINDOW (*window));
  cr_window_show_page (*window, "shots");
  page = CR_SHOTS_PAGE (cr_ui_find_widget (GTK_WIDGET (*window), CR_TYPE_SHOTS_PAGE));
  g_assert_nonnull (page);
  cr_ui_wait_for_frames (GTK_WIDGET (*window), 2);
  return page;
}

/* The words on a shot's row, one label a line. */
static char *
shot_row_text (CrShotsPage *page,
               gint64       shot)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (cr_shots_page_get_status_button (page, shot)),
                                            GTK_TYPE_LIST_BOX_ROW);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (row);
  collect_text (row, out);
  return g_string_free (out, FALSE);
}

/* A shot's row shows every detail that is set, whatever is empty before it: "B-roll · 1:30"
 * for a shot with no size. Before, the row stopped at the first empty one and said only
 * "B-roll". */
static void
test_shot_details (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broll_text = NULL;
  g_autofree char *place_text = NULL;
  g_autofree char *bare_text = NULL;
  CrWindow *window;
  CrShotsPage *page;
  gint64 broll, place, bare;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);

    g_assert_no_error (error);
    broll = test_add (db, &cr_entity_shot, "number", "3", "description", "Kettle on in the hall kitchen",
                      "type", "b-roll", "duration", "1:30", NULL);
    place = test_add (db, &cr_entity_shot, "number", "4", "description", "The car park at dusk", "type", "cutaway",
                      "location", "Riverside Community Hall", "priority", "high", NULL);
    bare = test_add (db, &cr_entity_shot, "number", "5", "description", "Anything else", NULL);
  }
  page = show_shots (f, &window);

  broll_text = shot_row_text (page, broll);
  g_test_message ("%s", broll_text);
  g_assert_nonnull (strstr (broll_text, "\nB-roll  ·  1:30\n"));
  place_text = shot_row_text (page, place);
  g_test_message ("%s", place_text);
  g_assert_nonnull (strstr (place_text, "\nCutaway  ·  Riverside Community Hall  ·  Priority: High\n"));
  /* Only the type a shot always has: no stray separator. */
  bare_text = shot_row_text (page, bare);
  g_assert_nonnull (strstr (bare_text, "\nB-roll\n"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_drop_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Drop this shot") == 0;
}

/* The Drop button on a shot's row. */
static GtkWidget *
shot_drop_button (CrShotsPage *page,
                  gint64       shot)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (cr_shots_page_get_status_button (page, shot)),
                                            GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *drop = row ? cr_ui_find_where (row, is_drop_button, NULL) : NULL;

  g_assert_nonnull (drop);
  return drop;
}

static char *
stored_status (CrWindow *window,
               gint64    shot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) record = cr_store_get (cr_production_get_db (cr_window_get_production (window)),
                                             &cr_entity_shot, shot, &error);

  g_assert_no_error (error);
  return g_strdup (cr_record_get (record, "status"));
}

typedef struct
{
  CrWindow   *window;
  gint64      shot;
  const char *was;
} StatusWait;

static gboolean
status_changed (gpointer data)
{
  StatusWait *wait = data;
  g_autofree char *now = stored_status (wait->window, wait->shot);

  return g_strcmp0 (now, wait->was) != 0;
}

/* @button activated as Space or Enter does it, and the shot's status changed by it: a
 * button's ::activate shows it pressed for a moment before it clicks. */
static void
activate_for_status (CrWindow  *window,
                     GtkWidget *button,
                     gint64     shot)
{
  g_autofree char *was = stored_status (window, shot);
  StatusWait wait = { window, shot, was };

  g_assert_true (gtk_widget_activate (button));
  cr_ui_wait_until (status_changed, &wait);
}

/* The status moved on from the keyboard keeps the keyboard on that shot's status, as does
 * its Drop button; a row with the focus keeps it when the list is read again. Before, the
 * list was built again and the focus went to its first row. */
static void
test_shot_status_focus (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status_words = NULL;
  CrWindow *window;
  CrShotsPage *page;
  GtkWidget *status, *focus;
  gint64 second;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);

    g_assert_no_error (error);
    test_add (db, &cr_entity_shot, "number", "1", "description", "The hall from the car park", NULL);
    second = test_add (db, &cr_entity_shot, "number", "2", "description", "Hands on the homework table", NULL);
    test_add (db, &cr_entity_shot, "number", "3", "description", "The bus pulling away", NULL);
  }
  page = show_shots (f, &window);

  /* Space on the status button activates it, as gtk_widget_activate () does. */
  status = GTK_WIDGET (cr_shots_page_get_status_button (page, second));
  g_assert_true (gtk_widget_grab_focus (status));
  activate_for_status (window, status, second);
  status_words = stored_status (window, second);
  g_assert_cmpstr (status_words, ==, "captured");
  status = GTK_WIDGET (cr_shots_page_get_status_button (page, second));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (status)), ==, "Captured");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == status);

  /* Again: the focus is on the new button, and stays with it. */
  activate_for_status (window, focus, second);
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, second)), ==, "Selected");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (cr_shots_page_get_status_button (page, second)));

  /* Drop: the button pressed is off now, so the keyboard goes to the shot's status. */
  focus = shot_drop_button (page, second);
  g_assert_true (gtk_widget_grab_focus (focus));
  activate_for_status (window, focus, second);
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, second)), ==, "Dropped");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (cr_shots_page_get_status_button (page, second)));

  /* A row with the focus, the list read again (another change to the shots). */
  focus = gtk_widget_get_ancestor (GTK_WIDGET (cr_shots_page_get_status_button (page, second)), GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gtk_widget_grab_focus (focus));
  cr_production_changed (cr_window_get_production (window), &cr_entity_shot);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (focus == gtk_widget_get_ancestor (GTK_WIDGET (cr_shots_page_get_status_button (page, second)),
                                                   GTK_TYPE_LIST_BOX_ROW));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Drop says so in a toast with Undo, which puts back the status the shot had; a dropped shot
 * brought back by its status comes back as it was, not as planned. Before, there was no
 * toast, and a Captured or Selected shot dropped came back Planned. */
static void
test_shot_drop_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window;
  CrShotsPage *page;
  AdwToast *toast, *first;
  char *now;
  gint64 hall, hands;

  {
    g_autoptr(CrDb) db = cr_db_open (f->path, &error);

    g_assert_no_error (error);
    hall = test_add (db, &cr_entity_shot, "number", "1A", "description", "The hall from the car park",
                     "status", "captured", NULL);
    hands = test_add (db, &cr_entity_shot, "number", "1B", "description", "Hands on the homework table",
                      "status", "selected", NULL);
  }
  page = show_shots (f, &window);
  g_assert_null (cr_shots_page_get_undo_toast (page));

  g_signal_emit_by_name (shot_drop_button (page, hall), "clicked");
  now = stored_status (window, hall);
  g_assert_cmpstr (now, ==, "dropped");
  g_free (now);
  toast = cr_shots_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Dropped shot 1A");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, hall)), ==, "Dropped");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cr_shots_page_get_status_button (page, hall))), ==,
                   "Mark as Captured");

  /* Undo: captured again, and nothing more to undo. */
  g_signal_emit_by_name (toast, "button-clicked");
  now = stored_status (window, hall);
  g_assert_cmpstr (now, ==, "captured");
  g_free (now);
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (page, hall)), ==, "Captured");
  g_assert_null (cr_shots_page_get_undo_toast (page));

  /* Brought back by its status, a selected shot is selected again; its Undo is gone. */
  g_signal_emit_by_name (shot_drop_button (page, hands), "clicked");
  toast = cr_shots_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (cr_shots_page_get_status_button (page, hands), "clicked");
  now = stored_status (window, hands);
  g_assert_cmpstr (now, ==, "selected");
  g_free (now);
  g_assert_null (cr_shots_page_get_undo_toast (page));
  g_assert_null (adw_toast_get_button_label (toast));

  /* Two drops: the newer toast undoes its own; the older has lost its button, and that shot
   * still comes back as it was by its status. */
  g_signal_emit_by_name (shot_drop_button (page, hall), "clicked");
  first = cr_shots_page_get_undo_toast (page);
  g_signal_emit_by_name (shot_drop_button (page, hands), "clicked");
  toast = cr_shots_page_get_undo_toast (page);
  g_assert_true (toast != first);
  g_assert_null (adw_toast_get_button_label (first));
  g_signal_emit_by_name (first, "button-clicked");
  now = stored_status (window, hall);
  g_assert_cmpstr (now, ==, "dropped");
  g_free (now);
  g_signal_emit_by_name (toast, "button-clicked");
  now = stored_status (window, hands);
  g_assert_cmpstr (now, ==, "selected");
  g_free (now);
  g_signal_emit_by_name (cr_shots_page_get_status_button (page, hall), "clicked");
  now = stored_status (window, hall);
  g_assert_cmpstr (now, ==, "captured");
  g_free (now);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_shown_status_page (GtkWidget     *widget,
                      gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget);
}

/* The status page the Shots page shows, or NULL when it shows its list. */
static AdwStatusPage *
shown_status_page (CrShotsPage *page)
{
  return (AdwStatusPage *) cr_ui_find_where (GTK_WIDGET (page), is_shown_status_page, NULL);
}

static gboolean
is_shown_count (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "0 of 0") != NULL;
}

static GtkWindow *
find_shot_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (CR_IS_RECORD_EDITOR (l->data) && cr_record_editor_get_entity (l->data) == &cr_entity_shot)
      return l->data;
  return NULL;
}

/* A new production's Shots page says what to do first, with its own Add Shot, as the other
 * lists do; a search that finds nothing says no shots match. Before, it showed "0 of 0 shots
 * have footage" over an empty boxed list's line, and "0 of 0 shots found have footage". */
static void
test_shots_empty (Fixture       *f,
                  gconstpointer  data)
{
  CrWindow *window;
  CrShotsPage *page;
  AdwStatusPage *status_page;
  GtkWidget *add, *editor;
  CrProduction *production;
  gint64 shot;

  page = show_shots (f, &window);
  production = cr_window_get_production (window);
  status_page = shown_status_page (page);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "No Shots Yet");
  g_assert_false (gtk_widget_is_drawable (cr_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX)));
  g_assert_null (cr_ui_find_where (GTK_WIDGET (page), is_shown_count, NULL));
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "No shots planned yet");
  cr_ui_save_png (GTK_WIDGET (window), "casereel-shots-empty.png");

  /* Its button adds a shot. */
  add = cr_ui_find_button (GTK_WIDGET (status_page), "_Add Shot");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_drawable (add));
  g_assert_null (find_shot_editor ());
  g_signal_emit_by_name (add, "clicked");
  editor = GTK_WIDGET (find_shot_editor ());
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A shot: the list, and the toolbar. */
  shot = test_add (cr_production_get_db (production), &cr_entity_shot, "number", "1", "description",
                   "The hall from the car park", NULL);
  cr_production_changed (production, &cr_entity_shot);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_null (shown_status_page (page));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (cr_shots_page_get_status_button (page, shot))));
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "The shot has no footage yet");

  /* A search that finds nothing. */
  cr_shots_page_set_search (page, "lighthouse");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "No shots match");
  status_page = shown_status_page (page);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "No Shots Match");
  g_assert_cmpstr (adw_status_page_get_description (status_page), ==, "Try a different search");
  g_assert_null (cr_ui_find_where (GTK_WIDGET (page), is_shown_count, NULL));
  g_assert_true (gtk_widget_is_drawable (cr_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY)));

  /* One that finds only dropped shots, owed no footage: how many, not "0 of 0". */
  cr_shots_page_set_search (page, "");
  g_signal_emit_by_name (shot_drop_button (page, shot), "clicked");
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "1 dropped shot");
  cr_shots_page_set_search (page, "dropped");
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==, "1 dropped shot found");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  g_test_add ("/ui/plan/agenda", Fixture, NULL, fixture_set_up, test_agenda, fixture_tear_down);
  g_test_add ("/ui/plan/agenda-zones", Fixture, NULL, zones_set_up, test_agenda_zones, fixture_tear_down);
  g_test_add ("/ui/plan/agenda-machine-zone", Fixture, NULL, zones_set_up, test_agenda_machine_zone,
              fixture_tear_down);
  g_test_add ("/ui/plan/schedule-exports", Fixture, NULL, fixture_set_up, test_schedule_exports, fixture_tear_down);
  g_test_add ("/ui/plan/shots", Fixture, NULL, fixture_set_up, test_shots, fixture_tear_down);
  g_test_add ("/ui/plan/shot-details", Fixture, NULL, fixture_set_up, test_shot_details, fixture_tear_down);
  g_test_add ("/ui/plan/shot-status-focus", Fixture, NULL, fixture_set_up, test_shot_status_focus,
              fixture_tear_down);
  g_test_add ("/ui/plan/shot-drop-undo", Fixture, NULL, fixture_set_up, test_shot_drop_undo, fixture_tear_down);
  g_test_add ("/ui/plan/shots-empty", Fixture, NULL, fixture_set_up, test_shots_empty, fixture_tear_down);
  g_test_add ("/ui/plan/consent-history", Fixture, NULL, fixture_set_up, test_consent_history, fixture_tear_down);
  g_test_add ("/ui/plan/consent-form", Fixture, NULL, fixture_set_up, test_consent_form, fixture_tear_down);
  g_test_add ("/ui/plan/print-menus", Fixture, NULL, fixture_set_up, test_print_menus, fixture_tear_down);
  g_test_add ("/ui/plan/consent-filter", Fixture, NULL, fixture_set_up, test_consent_filter, fixture_tear_down);
  return g_test_run ();
}
