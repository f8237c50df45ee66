/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-paperedit.h"
#include "cr-timeline-export.h"
#include "cut-fixture.h"

#define FOLDER "/media/River Project"

static char *
write_paperedit (const CrTimeline *timeline,
                 CrPapereditStyle  style)
{
  CrPapereditOptions options = { .style = style };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_paperedit_write (timeline, &options, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_golden (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *csv = NULL, *text = NULL;

  /* What is said in the first event, as its clip's transcript has it. */
  ((CrTimelineEvent *) g_ptr_array_index (timeline->events, 0))->transcript = g_strdup ("The river, \"our\" river, is why we stay.");
  csv = write_paperedit (timeline, CR_PAPEREDIT_CSV);
  text = write_paperedit (timeline, CR_PAPEREDIT_TEXT);

  cut_fixture_check_golden ("cut-paperedit.csv", csv);
  cut_fixture_check_golden ("cut-paperedit.txt", text);
}

/* Python's csv module (RFC 4180 dialect) reads every field back as written. */
static void
test_csv_reads_back (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *csv = write_paperedit (timeline, CR_PAPEREDIT_CSV);
  g_autofree char *dir = cr_test_make_tmp ("casereel-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.csv", NULL);
  const char *script =
    "import csv, sys\n"
    "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
    "assert rows[0][:5] == ['Event', 'Label', 'Participants', 'Question', 'Source'], rows[0]\n"
    "assert len(rows) == 7 and all(len(r) == 13 for r in rows) and rows[0][12] == 'Transcript'\n"
    "r = rows[1]\n"
    "assert r[9] == 'Strong opening, \"keep\" <all> of it', r[9]\n"
    "assert r[5:9] == ['12:40:09:00', '12:40:19:00', '00:00:10:00', '01:00:00;00'], r[5:9]\n"
    "assert r[10] == '12:40:11:12 laughs; 12:40:16:12 looks at the weir & smiles', r[10]\n"
    "assert rows[2][2] == 'Zo\\u00eb Bront\\u00eb, Bo Chen' and rows[2][3] == '2. Who, else, uses it?'\n"
    "assert rows[3][4] == 'B-roll \"weir\" & lock.mp4' and rows[3][9] == 'Line one\\nline two\\ttabbed'\n"
    "assert rows[3][7] == '00:00:02:16', rows[3][7]\n"
    "assert rows[5][1] == 'Name with a\\nnewline' and rows[5][4] == 'line\\nbreak.mov'\n"
    "assert rows[6][11] == 'closing, \"end\"'\n"
    "print(len(rows))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  out = cut_fixture_run (argv);
  g_assert_cmpstr (out, ==, "7\n");
  cut_fixture_remove_folder (dir);
}

static void
test_text_one_line_per_field (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *text = write_paperedit (timeline, CR_PAPEREDIT_TEXT);

  g_assert_nonnull (strstr (text, "\n5. Name with a newline\n    Source: line break.mov 00:00:59;10 - 00:01:01;22 (00:00:02:10)\n"));
  g_assert_nonnull (strstr (text, "    Notes: Line one line two tabbed\n"));
  g_assert_true (g_str_has_prefix (text, "River Project – rough cut 1 \"A&B\"\n6 events, 30000/1001 fps drop-frame, duration 00:00:30:17\n"));
}

static void
test_text_one_event (void)
{
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("One", (CrRate) { 25, 1 }, FALSE, 1920, 1080);
  guint source = cr_timeline_add_source (timeline, FOLDER "/a.mov", NULL, (CrRate) { 25, 1 }, FALSE, 0, 100, TRUE, 2);
  g_autofree char *text = NULL;

  cr_timeline_add_event (timeline, source, 0, 25, 0);
  text = write_paperedit (timeline, CR_PAPEREDIT_TEXT);
  g_assert_true (g_str_has_prefix (text, "One\n1 event, 25/1 fps, duration 00:00:01:00\n"));
}

static void
test_export_formats (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *expected_csv = write_paperedit (timeline, CR_PAPEREDIT_CSV);
  g_autofree char *expected_text = write_paperedit (timeline, CR_PAPEREDIT_TEXT);
  CrPapereditOptions wrong = { .style = CR_PAPEREDIT_CSV };
  g_autoptr(GError) error = NULL;
  CrExportFormat format;

  /* The format decides the style, whatever the options say. */
  g_assert_true (cr_timeline_write (timeline, CR_EXPORT_PAPEREDIT_CSV, NULL, csv, &error));
  g_assert_true (cr_timeline_write (timeline, CR_EXPORT_PAPEREDIT_TEXT, &wrong, text, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (csv->str, ==, expected_csv);
  g_assert_cmpstr (text->str, ==, expected_text);

  g_assert_true (cr_export_format_parse ("paper-text", &format, &error));
  g_assert_cmpint (format, ==, CR_EXPORT_PAPEREDIT_TEXT);
  g_assert_cmpstr (cr_export_format_extension (format), ==, ".txt");
  g_assert_cmpstr (cr_export_format_to_string (CR_EXPORT_FCPXML), ==, "fcpxml");
  g_assert_false (cr_export_format_parse ("aaf", &format, &error));
  g_assert_cmpstr (error->message, ==, "Export format “aaf” is not one of edl, fcpxml, otio, mlt, paper-csv, paper-text");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paperedit/golden", test_golden);
  g_test_add_func ("/paperedit/csv-reads-back", test_csv_reads_back);
  g_test_add_func ("/paperedit/text-one-line-per-field", test_text_one_line_per_field);
  g_test_add_func ("/paperedit/text-one-event", test_text_one_event);
  g_test_add_func ("/paperedit/export-formats", test_export_formats);
  return g_test_run ();
}
