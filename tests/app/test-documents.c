/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-doc-callsheet.h"
#include "cr-doc-releases.h"
#include "cr-doc-shotlist.h"

/* Helpers: external tools (poppler-utils, python3) read what we wrote. */

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = cr_test_make_tmp ("casereel-docs-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);

  return run ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", last,
                                 pdf, "-", NULL });
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* Each of EXPECTED appears in TEXT, after the one before it. */
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

/* Page 1 as a PNG in the build folder, for a person to look at. */
static void
render_preview (const char *pdf,
                const char *name)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "documents", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_autofree char *copy = g_strconcat (prefix, ".pdf", NULL);
  g_autofree char *pdf_data = NULL;
  gsize pdf_len = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_unlink (png);
  /* The whole PDF beside it, too. */
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, NULL));
  g_assert_true (g_file_set_contents (copy, pdf_data, pdf_len, NULL));
  out = run ((const char *[]) { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                                pdf, prefix, NULL });
  g_assert_true (g_file_get_contents (png, &data, &len, NULL));
  g_assert_cmpuint (len, >, 2000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_test_message ("preview: %s", png);
}

/* Sample data */

static const CrShotRow alder_shots[] = {
  { "1A", "establishing", "WS", "static", "24mm", "The library from across the square", NULL, 20, "planned", FALSE },
  { "1B", "interview", "MCU", "static", "50mm", "Zoë at her desk, window light", "Zoë Ødegård", 600, "captured", TRUE },
};
static const char * const alder_questions[] = {
  "How did the reading group start?",
  "What changed for you after the first year?",
  NULL,
};
static const CrShotRow river_shots[] = {
  { "2A", "b-roll", "CU", "handheld", "35mm", "Hands on the river map", "李小龙", 45, "planned", FALSE },
};
static const char * const river_questions[] = {
  "What does the river mean to the neighbourhood?",
  NULL,
};
static const CrCallSheetLocation sheet_locations[] = {
  { "Alder Street Library", "12 Alder Street, Leeds LS2 9JT", "Side gate on Pine Lane; two bays reserved",
    "Priya Nair", "+44 113 496 0000", "Leeds General Infirmary, Great George St, LS1 3EX, 0113 243 2799" },
  { "Riverside Hall", "3 Quay Road, Leeds LS1 4AP", "Loading bay at the back, call on arrival",
    "Ngũgĩ Kamau", "+44 113 496 0999", "St James's University Hospital, Beckett St, LS9 7TF" },
};
static const CrCallSheetSlot sheet_schedule[] = {
  { "09:30–11:00", "BST", "Reading group founder", "Zoë Ødegård", "Alder Street Library", "1 h 30 min" },
  { "13:15–14:00", "BST", "The river map", "李小龙, Ngũgĩ Kamau", "Riverside Hall", "45 min" },
};
static const CrCallSheetPerson sheet_people[] = {
  { "Zoë Ødegård", "Founder, reading group", "09:00", "+44 7700 900123", FALSE },
  { "李小龙", "Volunteer", "12:45", "+44 7700 900456", TRUE },
  { "Ngũgĩ Kamau", "Caretaker", "12:45", "+44 7700 900789", FALSE },
};
static const CrCallSheetPerson sheet_crew[] = {
  { "Sam Okafor", "Director of photography", "08:00", "+44 7700 900321", FALSE },
  { "Ines Duarte", "Sound", "08:00", "+44 7700 900654", FALSE },
};
static const CrCallSheetInterview sheet_interviews[] = {
  { "Reading group founder", alder_shots, G_N_ELEMENTS (alder_shots), alder_questions },
  { "The river map", river_shots, G_N_ELEMENTS (river_shots), river_questions },
};
static const char * const sheet_warnings[] = {
  "李小龙: consent withdrawn on 2026-02-10",
  NULL,
};

static CrCallSheet
sample_sheet (void)
{
  CrCallSheet sheet = {
    .title = "Voices of the Aire",
    .funder = "Leeds Community Fund",
    .date = "Tuesday 14 April 2026",
    .day = 2,
    .n_days = 3,
    .general_call = "08:00 BST",
    .final = TRUE,
    .producer = "Maya Lindqvist",
    .producer_phone = "+44 7700 900001",
    .producer_email = "maya@example.org",
    .locations = sheet_locations,
    .n_locations = G_N_ELEMENTS (sheet_locations),
    .schedule = sheet_schedule,
    .n_schedule = G_N_ELEMENTS (sheet_schedule),
    .people = sheet_people,
    .n_people = G_N_ELEMENTS (sheet_people),
    .crew = sheet_crew,
    .n_crew = G_N_ELEMENTS (sheet_crew),
    .interviews = sheet_interviews,
    .n_interviews = G_N_ELEMENTS (sheet_interviews),
    .consent_warnings = sheet_warnings,
    .notes = "Lunch at 12:00 in the library kitchen.\nThe hall is cold: bring layers.",
  };

  return sheet;
}

/* Call sheet */

static void
test_callsheet_values (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "day2.pdf", NULL);
  g_autoptr(GError) error = NULL;
  CrCallSheet sheet = sample_sheet ();
  CrDocOptions options = { CR_DOC_PAPER_A4, FALSE, FALSE };
  g_autofree char *text = NULL;

  g_assert_true (cr_doc_callsheet_write_pdf (&sheet, &options, pdf, &error));
  g_assert_no_error (error);
  render_preview (pdf, "callsheet");
  text = pdf_text (pdf, 0);
  assert_in_order (text, (const char *[]) {
    "Voices of the Aire", "Call sheet · Tuesday 14 April 2026", /* running header */
    "FINAL",
    "Tuesday 14 April 2026", "2 of 3", "08:00 BST", "Leeds Community Fund",
    "Consent missing, expired or withdrawn", "李小龙: consent withdrawn on 2026-02-10",
    "Maya Lindqvist", "+44 7700 900001", "maya@example.org",
    "Schedule",
    "09:30–11:00 BST", "Reading group founder", "Zoë Ødegård", "Alder Street Library", "1 h 30 min",
    "13:15–14:00 BST", "The river map", "李小龙, Ngũgĩ Kamau", "Riverside Hall", "45 min",
    "Alder Street Library", "12 Alder Street, Leeds LS2 9JT", "Side gate on Pine Lane",
    "Priya Nair, +44 113 496 0000", "Leeds General Infirmary",
    "Riverside Hall", "3 Quay Road", "Ngũgĩ Kamau, +44 113 496 0999", "St James's University Hospital",
    "Participants", "Zoë Ødegård", "09:00", "+44 7700 900123",
    "李小龙", "12:45", "+44 7700 900456",
    "Ngũgĩ Kamau", "12:45", "+44 7700 900789",
    "Crew", "Sam Okafor", "Director of photography", "08:00", "+44 7700 900321",
    "Shots", "Reading group founder", "1A", "establishing", "WS", "0:20",
    "1B", "interview", "MCU", "10:00",
    "The river map", "2A", "b-roll", "CU", "handheld", "0:45",
    "Questions", "Reading group founder", "1.", "How did the reading group start?",
    "2.", "What changed for you after the first year?",
    "The river map", "1.", "What does the river mean to the neighbourhood?",
    "Notes", "Lunch at 12:00 in the library kitchen.", "The hall is cold: bring layers.",
    NULL });
  g_assert_null (strstr (text, "DRAFT"));
  cr_test_remove_tree (dir);
}

static void
test_callsheet_hidden (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "everyone.pdf", NULL);
  g_autoptr(GError) error = NULL;
  CrCallSheet sheet = sample_sheet ();
  CrDocOptions options = { CR_DOC_PAPER_LETTER, TRUE, TRUE };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char * const hidden[] = {
    "+44 7700 900123", "+44 7700 900456", "+44 7700 900789", "+44 7700 900321", "+44 7700 900654",
    "+44 113 496 0000", "+44 113 496 0999", "How did the reading group start?",
    "What does the river mean", "Questions", NULL,
  };

  sheet.final = FALSE;
  g_assert_true (cr_doc_callsheet_write_pdf (&sheet, &options, pdf, &error));
  g_assert_no_error (error);
  render_preview (pdf, "callsheet-draft-letter");
  text = pdf_text (pdf, 0);
  for (guint i = 0; hidden[i] != NULL; i++)
    if (strstr (text, hidden[i]) != NULL)
      g_error ("“%s” should be hidden:\n%s", hidden[i], text);
  /* No empty Phone column in the people's tables. A table that runs onto the next page repeats
   * its header under "… (continued)": that is the same table, wherever the fonts break it. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint tables = 0;
    gboolean continued = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "(continued)"))
        continued = TRUE;
      else if (strstr (lines[i], "Name") && strstr (lines[i], "Role"))
        {
          g_assert_null (strstr (lines[i], "Phone"));
          tables += continued ? 0 : 1;
          continued = FALSE;
        }
    g_assert_cmpuint (tables, ==, 2);
  }
  /* What stays: the names, the producer's email, the emergency information; not the
   * producer's number, which is a phone like the others. */
  g_assert_null (strstr (text, "+44 7700 900001"));
  assert_in_order (text, (const char *[]) {
    "DRAFT", "李小龙: consent withdrawn", "Production contact", "Email", "Priya Nair", "Leeds General Infirmary",
    "Zoë Ødegård", "09:00", "李小龙", "Ngũgĩ Kamau", "Sam Okafor", "Shots", "1A", "DRAFT", NULL });
  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  cr_test_remove_tree (dir);
}

/* Shot list */

typedef struct
{
  GPtrArray *strings;
  CrShotRow  rows[60];
  CrShotGroup groups[3];
} LongList;

static const char *
keep (LongList *list,
      char     *s)
{
  g_ptr_array_add (list->strings, s);
  return s;
}

static void
long_list_init (LongList   *list,
                CrShotList *shotlist)
{
  static const char * const names[] = { "Alder Street Library", "Riverside Hall", "Ngũgĩ's allotment" };

  list->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 60; i++)
    {
      CrShotRow *row = &list->rows[i];

      *row = (CrShotRow) { 0 };  /* fields the test does not name (priority) are unset */
      row->number = keep (list, g_strdup_printf ("S%02u", i + 1));
      row->type = i % 3 ? "b-roll" : "cutaway";
      row->size = "MS";
      row->movement = i % 2 ? "pan" : "static";
      row->lens = "35mm";
      /* Some rows wrap over three lines: the list must still break only between rows. */
      row->description = keep (list, g_strdup_printf ("begin%02u %s end%02u", i + 1,
                                                      i % 4 == 0 ? "a slow reveal of the reading room "
                                                      "with the morning light coming through the tall windows "
                                                      "and the chairs still stacked" : "hands turning pages",
                                                      i + 1));
      row->participants = i % 5 ? "Zoë Ødegård" : "李小龙, Ngũgĩ Kamau";
      row->duration = 15 + i;
      row->status = i < 10 ? "captured" : "planned";
      row->done = i < 10;
    }
  for (guint g = 0; g < 3; g++)
    {
      list->groups[g].name = names[g];
      list->groups[g].shots = list->rows + 20 * g;
      list->groups[g].n_shots = 20;
    }
  *shotlist = (CrShotList) { "Voices of the Aire", "location", list->groups, 3 };
}

/* Each shot's priority is printed, and a dropped shot takes no time in the estimate. */
static void
test_shotlist_priority_dropped (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "shots.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const CrShotRow rows[] = {
    { "1A", "establishing", "WS", NULL, NULL, "Library exterior", NULL, 20, "planned", FALSE, "must" },
    { "1B", "b-roll", "CU", NULL, NULL, "Stacked chairs", NULL, 300, "dropped", FALSE, "low" },
    { "1C", "detail", "ECU", NULL, NULL, "Date stamp", NULL, 15, "captured", TRUE, NULL },
  };
  const CrShotGroup group = { "Alder Street Library", rows, G_N_ELEMENTS (rows) };
  const CrShotList list = { "Voices of the Aire", "location", &group, 1 };

  g_assert_true (cr_doc_shotlist_write_pdf (&list, NULL, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  assert_in_order (text, (const char *[]) {
    "Library exterior", "0:20", "must", "planned",
    "Stacked chairs", "5:00", "low", "dropped",
    "Date stamp", "0:15", "normal", "captured",
    "Total", "3 shots, 1 done", "0:35", NULL });
  g_assert_null (strstr (text, "5:35"));
  cr_test_remove_tree (dir);
}

static void
test_shotlist_pages (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "shots.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDoc) doc = NULL;
  g_autoptr(GPtrArray) page_texts = NULL;
  LongList list;
  CrShotList shotlist;
  int pages;

  long_list_init (&list, &shotlist);
  g_assert_true (cr_doc_shotlist_write_pdf (&shotlist, NULL, pdf, &error));
  g_assert_no_error (error);
  render_preview (pdf, "shotlist");
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 3);
  doc = cr_doc_shotlist_build (&shotlist, NULL);
  g_assert_cmpint (cr_doc_paginate (doc), ==, pages);

  page_texts = g_ptr_array_new_with_free_func (g_free);
  for (int p = 1; p <= pages; p++)
    {
      char *text = pdf_text (pdf, p);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p, pages);

      g_ptr_array_add (page_texts, text);
      /* The header row on every page, with the running header and footer. */
      assert_in_order (text, (const char *[]) {
        "Voices of the Aire", "Shot list · by location",
        "No.", "Type", "Size", "Movement", "Lens", "Description", "Participants", "Est.", "Priority", "Status",
        footer, NULL });
      if (p > 1)
        g_assert_nonnull (strstr (text, "(continued)"));
    }

  /* Every row whole on one page: its number, first and last words together. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("S%02u ", i + 1);
      g_autofree char *begin = g_strdup_printf ("begin%02u", i + 1);
      g_autofree char *end = g_strdup_printf ("end%02u", i + 1);
      guint on_page = 0;

      for (guint p = 0; p < page_texts->len; p++)
        {
          const char *text = g_ptr_array_index (page_texts, p);

          if (strstr (text, number))
            {
              g_assert_cmpuint (on_page, ==, 0);
              on_page = p + 1;
              g_assert_nonnull (strstr (text, begin));
              g_assert_nonnull (strstr (text, end));
            }
        }
      g_assert_cmpuint (on_page, >, 0);
    }

  /* Totals per group, after the group's last shot. */
  {
    g_autofree char *text = pdf_text (pdf, 0);

    assert_in_order (text, (const char *[]) {
      "Alder Street Library", "S01", "S20", "Total", "20 shots, 10 done", "8:10",
      "Riverside Hall", "S21", "S40", "Total", "20 shots, 0 done", "14:50",
      "Ngũgĩ's allotment", "S41", "S60", "Total", "20 shots, 0 done", "21:30", NULL });
  }
  g_ptr_array_unref (list.strings);
  cr_test_remove_tree (dir);
}

/* Page engine: a row taller than a page is cut between lines and continued. */
static void
test_page_tall_row (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "tall.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDoc) doc = cr_doc_new (NULL, "Tall", "Engine test");
  g_autoptr(GString) tall = g_string_new ("first-line");
  const CrDocColumn columns[] = { { "Key", 60 }, { "Value", 0 } };
  CrDocTable *table;
  g_autofree char *text = NULL;
  int pages;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (tall, "\nline %03u", i);
  g_string_append (tall, "\nlast-line");
  cr_doc_add_heading (doc, "A long table");
  table = cr_doc_add_table (doc, CR_DOC_TABLE_GRID, columns, 2, "A long table");
  cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) { "short", "one line" });
  cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) { "tall", tall->str });
  cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) { "after", "the end" });
  g_assert_true (cr_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  render_preview (pdf, "tall-row");
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 3);
  text = pdf_text (pdf, 0);
  /* Nothing lost, nothing twice: every line once, in order. */
  assert_in_order (text, (const char *[]) { "short", "first-line", "line 000", "line 075", "line 149",
                                            "last-line", "after", "the end", NULL });
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("line %03u", i);
      const char *found = strstr (text, line);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, line));
    }
  for (int p = 2; p <= pages; p++)
    {
      g_autofree char *page = pdf_text (pdf, p);

      assert_in_order (page, (const char *[]) { "A long table (continued)", "Key", "Value", NULL });
    }
  cr_test_remove_tree (dir);
}

/* Release tracker */

static const CrReleaseRow release_rows[] = {
  { "Zoë Ødegård", "signed 2026-01-12", "website, funder report; video, quotes", "full name",
    "2028-01-12", NULL, NULL, FALSE },
  { "李小龙", "withdrawn 2026-02-10", "all", "anonymous", NULL, NULL, NULL, TRUE },
  { "Ngũgĩ Kamau", "requested 2026-03-01", "website", "first name", NULL, NULL, "signed form", FALSE },
  { "Lily \"Tiger\" Chen, 14", "signed 2026-03-02", "internal", "first name", "2027-03-02",
    "Mei Chen (mother)", "child's assent,\nsecond page", FALSE },
};

static void
test_releases (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "releases.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "releases.csv", NULL);
  g_autoptr(GError) error = NULL;
  CrReleaseTracker tracker = { "Voices of the Aire", "14 April 2026", release_rows, G_N_ELEMENTS (release_rows) };
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *raw = NULL;

  g_assert_true (cr_doc_releases_write_pdf (&tracker, NULL, pdf, &error));
  g_assert_no_error (error);
  render_preview (pdf, "releases");
  text = pdf_text (pdf, 0);
  assert_in_order (text, (const char *[]) {
    "Release tracker · 14 April 2026", "PARTICIPANTS", "CLEARED", "STILL MISSING SOMETHING", "WITHDRAWN", "4", "1", "2", "1",
    "Participant", "Consent", "Scope", "Naming", "Expires", "Guardian", "Missing",
    "Zoë Ødegård", "signed 2026-01-12", "full name", "2028-01-12",
    "李小龙", "withdrawn 2026-02-10", "anonymous",
    "Ngũgĩ Kamau", "requested 2026-03-01", "first name", "signed form",
    "Lily \"Tiger\"", "Mei Chen", NULL });

  /* The CSV as Python's csv module reads it. */
  g_assert_true (cr_doc_releases_write_csv (&tracker, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &raw, NULL, NULL));
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBFparticipant,consent,scope,naming,expires,guardian,missing,withdrawn\r\n"));
  parsed = run ((const char *[]) { "/usr/bin/python3", "-c",
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))\n", csv, NULL });
  g_assert_cmpstr (g_strstrip (parsed), ==,
    "[[\"participant\", \"consent\", \"scope\", \"naming\", \"expires\", \"guardian\", \"missing\", \"withdrawn\"], "
    "[\"Zoë Ødegård\", \"signed 2026-01-12\", \"website, funder report; video, quotes\", \"full name\", \"2028-01-12\", \"\", \"\", \"no\"], "
    "[\"李小龙\", \"withdrawn 2026-02-10\", \"all\", \"anonymous\", \"\", \"\", \"\", \"yes\"], "
    "[\"Ngũgĩ Kamau\", \"requested 2026-03-01\", \"website\", \"first name\", \"\", \"\", \"signed form\", \"no\"], "
    "[\"Lily \\\"Tiger\\\" Chen, 14\", \"signed 2026-03-02\", \"internal\", \"first name\", \"2027-03-02\", "
    "\"Mei Chen (mother)\", \"child's assent,\\nsecond page\", \"no\"]]");
  cr_test_remove_tree (dir);
}

/* Little to say: sections without content are left out, not printed empty. */
static void
test_sparse (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *sheet_pdf = g_build_filename (dir, "sparse.pdf", NULL);
  g_autofree char *shots_pdf = g_build_filename (dir, "noshots.pdf", NULL);
  g_autofree char *releases_pdf = g_build_filename (dir, "nobody.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const CrCallSheetSlot slot = { "10:00–10:30", NULL, "A very long interview title that will need to wrap "
                                 "over more than one line in its column", NULL, NULL, "30 min" };
  const CrCallSheet sheet = {
    .title = "A production whose working title is far too long to fit in the running header of the page "
             "without being shortened",
    .date = "Monday 1 June 2026", .day = 1, .n_days = 1, .general_call = "09:00 UTC",
    .schedule = &slot, .n_schedule = 1,
  };
  const CrShotList shots = { "Empty", "location", NULL, 0 };
  const CrReleaseTracker nobody = { "Empty", NULL, NULL, 0 };
  g_autofree char *text = NULL;

  g_assert_true (cr_doc_callsheet_write_pdf (&sheet, NULL, sheet_pdf, &error));
  g_assert_no_error (error);
  render_preview (sheet_pdf, "callsheet-sparse");
  g_assert_cmpint (pdf_pages (sheet_pdf), ==, 1);
  text = pdf_text (sheet_pdf, 0);
  assert_in_order (text, (const char *[]) { "DRAFT", "Monday 1 June 2026", "1 of 1", "09:00 UTC", "—",
                                            "Schedule", "10:00–10:30", "A very long interview", "30 min",
                                            "Page 1 of 1", NULL });
  for (guint i = 0; i < 7; i++)
    {
      const char *absent[] = { "Production contact", "Nearest hospital", "Phone", "Crew", "Shots",
                               "Questions", "Notes" };

      g_assert_null (strstr (text, absent[i]));
    }
  g_clear_pointer (&text, g_free);

  g_assert_true (cr_doc_shotlist_write_pdf (&shots, NULL, shots_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (shots_pdf, 0);
  assert_in_order (text, (const char *[]) { "SHOTS", "0", "No shots are planned yet.", "Page 1 of 1", NULL });
  g_clear_pointer (&text, g_free);

  g_assert_true (cr_doc_releases_write_pdf (&nobody, NULL, releases_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (releases_pdf, 0);
  assert_in_order (text, (const char *[]) { "PARTICIPANTS", "0", "No participants yet.", "Page 1 of 1", NULL });
  cr_test_remove_tree (dir);
}

/* Unwritable places: a one-line error naming the path, and nothing left behind. */
static void
assert_dir_holds (const char *dir,
                  guint       n_entries)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_entries);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "sheet.pdf", NULL);
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "sheet.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder", NULL);
  CrCallSheet sheet = sample_sheet ();
  CrReleaseTracker tracker = { "T", NULL, release_rows, 1 };
  const char *paths[] = { missing, under_file, folder };

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) csv_error = NULL;

      g_assert_false (cr_doc_callsheet_write_pdf (&sheet, NULL, paths[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_false (cr_doc_releases_write_csv (&tracker, paths[i], &csv_error));
      g_assert_nonnull (strstr (csv_error->message, paths[i]));
    }
  /* Only the file and the folder made above: no temporary file left over. */
  assert_dir_holds (dir, 2);
  assert_dir_holds (folder, 0);
  cr_test_remove_tree (dir);
}

/* Writing replaces an existing file whole. */
static void
test_replace (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "r.csv", NULL);
  g_autoptr(GError) error = NULL;
  CrReleaseTracker tracker = { "T", NULL, release_rows, 1 };
  g_autofree char *data = NULL;

  g_assert_true (g_file_set_contents (csv, "old contents that are longer than the new ones\n"
                                      "old contents that are longer than the new ones\n"
                                      "old contents that are longer than the new ones\n", -1, NULL));
  g_assert_true (cr_doc_releases_write_csv (&tracker, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_null (strstr (data, "old contents"));
  g_assert_nonnull (strstr (data, "Zoë Ødegård"));
  assert_dir_holds (dir, 1);
  cr_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/documents/callsheet/values", test_callsheet_values);
  g_test_add_func ("/documents/callsheet/hidden", test_callsheet_hidden);
  g_test_add_func ("/documents/shotlist/pages", test_shotlist_pages);
  g_test_add_func ("/documents/shotlist/priority-dropped", test_shotlist_priority_dropped);
  g_test_add_func ("/documents/page/tall-row", test_page_tall_row);
  g_test_add_func ("/documents/releases", test_releases);
  g_test_add_func ("/documents/sparse", test_sparse);
  g_test_add_func ("/documents/unwritable", test_unwritable);
  g_test_add_func ("/documents/replace", test_replace);
  return g_test_run ();
}
