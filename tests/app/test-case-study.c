/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The written case study from what people said: a full-name, a first-name-only, an
 * anonymous, a minor's and a withdrawn person's words, each attributed exactly as their
 * consent allows (or left out and listed), checked in the Markdown and, through pandoc, in
 * the DOCX; refusal with exit 3; sections by question topic or as given. */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cli-run.h"
#include "cr-store.h"
#include "media-fixtures.h"
#include "../data/test-helpers.h"
#include "../data/transcript-fixtures.h"

static char *dir;
static char *project;

static char *
out_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The DOCX as another program reads it. */
static char *
pandoc (const char *path,
        const char *to)
{
  const char *argv[] = { "pandoc", "--standalone", "--wrap=none", "-t", to, path, NULL };
  return fixture_spawn_out (argv);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (!strstr (text, needle))
    g_error ("expected “%s” in:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle))
    g_error ("did not expect “%s” in:\n%s", needle, text);
}

static void
assert_before (const char *text,
               const char *a,
               const char *b)
{
  const char *pa = strstr (text, a), *pb = strstr (text, b);

  if (!pa || !pb || pa >= pb)
    g_error ("expected “%s” before “%s” in:\n%s", a, b, text);
}

static void
person (CrDb       *db,
        const char *name,
        const char *role,
        const char *organisation)
{
  test_add (db, &cr_entity_participant, "name", name, "kind", "interviewee", "role", role,
            "organisation", organisation ? organisation : "", NULL);
}

static void
consent (CrDb       *db,
         const char *who,
         const char *media,
         const char *naming)
{
  test_add (db, &cr_entity_consent, "participant", who, "status", "signed", "date", "2026-03-01",
            "channels", "website,funder-report", "media", media, "naming", naming, NULL);
}

/* Everyone's words in one clip, a select over each, answering question 1 or 2. */
static void
make_production (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (project, "Riverside Food Bank: two years on", &error);
  g_autofree char *srt = out_path ("interview.srt");
  static const struct { const char *who, *words, *question; } said[] = {
    { "Ana Silva", "We handed out food parcels every week.", "1" },
    { "Ben Okafor", "I drove the van to every estate.", "1" },
    { "Carol Jones", "My children ate properly again.", "2" },
    { "Dylan Price", "I liked the breakfast club best.", "2" },
    { "Eve Stone", "I should not appear anywhere.", "2" },
    { "Frank Moor", "Only on camera, never in print.", "1" },
  };
  g_autoptr(GString) cues = g_string_new (NULL);
  CliResult r;

  g_assert_no_error (error);
  transcript_fixture_clip (db, "A001.MOV", "25/1", "10:00:00:00", 900000, FALSE, 120 * G_USEC_PER_SEC);
  test_add (db, &cr_entity_question, "text", "What was hard before?", "topic", "The challenge", "position", "1", NULL);
  test_add (db, &cr_entity_question, "text", "What changed for your family?", "topic", "What changed", "position", "2",
            NULL);
  person (db, "Ana Silva", "Volunteer coordinator", "Riverside Food Bank");
  person (db, "Ben Okafor", "Driver", "Riverside Food Bank");
  person (db, "Carol Jones", "Parent", "Riverside Food Bank");
  test_add (db, &cr_entity_participant, "name", "Dylan Price", "kind", "interviewee", "role", "Pupil at Hill School",
            "date_of_birth", "2014-05-01", "guardian_name", "Mary Price", "guardian_relationship", "mother", NULL);
  person (db, "Eve Stone", "Cook", NULL);
  person (db, "Frank Moor", "Trustee", NULL);
  consent (db, "Ana Silva", "video,quotes", "full-name");
  consent (db, "Ben Okafor", "video,quotes", "first-name");
  consent (db, "Carol Jones", "quotes", "anonymous");
  /* Full name on the form, but a minor: never the surname. */
  consent (db, "Dylan Price", "video,quotes", "full-name");
  consent (db, "Eve Stone", "video,quotes", "full-name");
  test_add (db, &cr_entity_consent, "participant", "Eve Stone", "status", "withdrawn", "date", "2026-04-01",
            "withdrawal_scope", "all", NULL);
  consent (db, "Frank Moor", "video", "full-name");
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    g_string_append_printf (cues, "%u\n00:00:%02u,000 --> 00:00:%02u,000\n%s: %s\n\n", i + 1, 2 * i + 1, 2 * i + 3,
                            said[i].who, said[i].words);
  g_assert_true (g_file_set_contents (srt, cues->str, -1, NULL));
  g_clear_pointer (&db, cr_db_close);

  r = cli_run ("--project", project, "production", "edit", "--funder", "Northern Communities Fund",
               "--description", "Two years of a food bank that became a community hub.");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  r = cli_run ("--project", project, "transcript", "import", "A001.MOV", srt);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "imported 6 cues into A001.MOV\n");
  cli_result_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    {
      r = cli_run ("--project", project, "select", "add", "A001.MOV", "--quote", said[i].words, "--question",
                   said[i].question);
      g_assert_cmpint (r.status, ==, 0);
      cli_result_clear (&r);
    }
}

/* What every written form must show, in its own syntax for an attribution. */
static void
assert_attributions (const char *text,
                     const char *dash)
{
  g_autofree char *ana = g_strdup_printf ("%sAna Silva, Volunteer coordinator, Riverside Food Bank", dash);
  g_autofree char *ben = g_strdup_printf ("%sBen\n", dash);
  g_autofree char *carol = g_strdup_printf ("%sa parent\n", dash);
  g_autofree char *dylan = g_strdup_printf ("%sDylan\n", dash);

  assert_has (text, ana);
  assert_has (text, "We handed out food parcels every week.");
  assert_has (text, ben);
  assert_lacks (text, "Okafor");
  assert_has (text, "My children ate properly again.");
  assert_has (text, carol);
  assert_lacks (text, "Carol");
  assert_lacks (text, "Jones");
  assert_has (text, "I liked the breakfast club best.");
  assert_has (text, dylan);
  assert_lacks (text, "Price");
  assert_lacks (text, "Hill School");
  /* The withdrawn and the uncovered are listed, never quoted. */
  assert_lacks (text, "I should not appear anywhere.");
  assert_lacks (text, "never in print");
  assert_has (text, "Eve Stone (A001.MOV at 10:00:09:00): consent withdrawn");
  assert_has (text, "Frank Moor (A001.MOV at 10:00:11:00): consent does not cover quotes");
  /* By question, in question order. */
  assert_before (text, "What was hard before?", "We handed out food parcels");
  assert_before (text, "I drove the van", "What changed for your family?");
  assert_before (text, "What changed for your family?", "My children ate");
}

static void
test_quotes_refused (void)
{
  g_autofree char *md = out_path ("refused.md");
  g_autofree char *wrote = NULL;
  CliResult r = cli_run ("--project", project, "quotes", "-o", md);

  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  assert_has (r.err, "not written: 2 passages cannot be quoted (Frank Moor: consent does not cover quotes; "
                     "Eve Stone: consent withdrawn)");
  /* One line. */
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
  g_assert_false (g_file_test (md, G_FILE_TEST_EXISTS));
  cli_result_clear (&r);

  /* Nobody's consent covers broadcast. */
  r = cli_run ("--project", project, "quotes", "-o", md, "--channel", "broadcast", "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 0);
  wrote = g_strdup_printf ("wrote %s: 0 quotes, 6 left out (listed at the end)\n", md);
  g_assert_cmpstr (r.out, ==, wrote);
  cli_result_clear (&r);
  r = cli_run ("--project", project, "quotes", "-o", md, "--channel", "nowhere");
  g_assert_cmpint (r.status, ==, 1);
  /* Messages go through the locale's charset: only ASCII is compared. */
  assert_has (r.err, "nowhere");
  assert_has (r.err, "is not one of internal, website");
  cli_result_clear (&r);
}

static void
test_quotes_markdown (void)
{
  g_autofree char *md = out_path ("quotes.md");
  g_autofree char *text = NULL;
  CliResult r = cli_run ("--project", project, "quotes", "-o", md, "--channel", "website", "--allow-unconsented");

  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  text = read_text (md);
  assert_attributions (text, "> — ");
  assert_has (text, "# Quotes: Riverside Food Bank: two years on\n");
  assert_has (text, "## What was hard before?\n\n> “We handed out food parcels every week.”\n>\n"
                    "> — Ana Silva, Volunteer coordinator, Riverside Food Bank\n");
}

static void
test_quotes_question_filter (void)
{
  g_autofree char *md = out_path ("q2.md");
  g_autofree char *text = NULL;
  CliResult r = cli_run ("--project", project, "quotes", "-o", md, "--question", "2", "--allow-unconsented");

  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  text = read_text (md);
  assert_has (text, "My children ate properly again.");
  assert_lacks (text, "What was hard before?");
  assert_lacks (text, "food parcels");
  /* Frank answered question 1: not part of this document, so not listed either. */
  assert_lacks (text, "Frank");
}

static void
test_quotes_docx_and_html (void)
{
  g_autofree char *docx = out_path ("quotes.docx");
  g_autofree char *html = out_path ("quotes.html");
  g_autofree char *plain = NULL, *from_html = NULL;
  CliResult r = cli_run ("--project", project, "quotes", "-o", docx, "--allow-unconsented");

  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  plain = pandoc (docx, "plain");
  assert_attributions (plain, "— ");
  r = cli_run ("--project", project, "quotes", "-o", html, "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  {
    const char *argv[] = { "pandoc", "--wrap=none", "-f", "html", "-t", "plain", html, NULL };
    from_html = fixture_spawn_out (argv);
  }
  assert_attributions (from_html, "— ");
}

/* The passages of a cut: a stringout by words has no selects, so the speaker of the cues
 * is the person, and an event answers no question. */
static void
test_quotes_of_cut (void)
{
  g_autofree char *md = out_path ("cut.md");
  g_autofree char *text = NULL;
  CliResult r = cli_run ("--project", project, "cut", "stringout", "Food", "--search", "parcels OR breakfast");

  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  r = cli_run ("--project", project, "quotes", "--cut", "Food", "-o", md);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  text = read_text (md);
  assert_has (text, "## Other moments\n\n> “We handed out food parcels every week.”\n>\n"
                    "> — Ana Silva, Volunteer coordinator, Riverside Food Bank\n\n"
                    "> “I liked the breakfast club best.”\n>\n> — Dylan\n");
  assert_lacks (text, "My children");
  assert_lacks (text, "Left out");
}

static void
test_case_study (void)
{
  g_autofree char *docx = out_path ("case-study.docx");
  g_autofree char *md = out_path ("case-study.md");
  g_autofree char *pdf = out_path ("x.pdf");
  g_autofree char *markdown = NULL, *text = NULL;
  CliResult r = cli_run ("--project", project, "case-study", "-o", docx, "--allow-unconsented");

  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  markdown = pandoc (docx, "markdown");
  assert_has (markdown, "title: \"Riverside Food Bank: two years on\"");
  assert_has (markdown, "Funder: Northern Communities Fund");
  assert_has (markdown, "Two years of a food bank that became a community hub.");
  /* Each question under the section its topic names; empty sections say so. */
  assert_before (markdown, "# The challenge", "We handed out food parcels");
  assert_before (markdown, "We handed out food parcels", "# What we did");
  assert_before (markdown, "# What we did", "No quotes chosen for this section yet");
  assert_before (markdown, "# What changed", "My children ate properly again.");
  /* pandoc writes the heading's apostrophe escaped. */
  assert_before (markdown, "My children ate properly again.", "s next\n");
  assert_has (markdown, "Dylan");
  assert_lacks (markdown, "Price");
  assert_lacks (markdown, "Okafor");
  assert_lacks (markdown, "I should not appear anywhere.");
  assert_has (markdown, "Eve Stone");

  r = cli_run ("--project", project, "case-study", "-o", md, "--section", "Impact=2", "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  text = read_text (md);
  assert_has (text, "## Impact\n\n### What changed for your family?\n");
  assert_lacks (text, "The challenge");
  assert_lacks (text, "food parcels");
  assert_has (text, "> — a parent\n");

  r = cli_run ("--project", project, "case-study", "-o", md);
  g_assert_cmpint (r.status, ==, 3);
  cli_result_clear (&r);
  r = cli_run ("--project", project, "case-study", "-o", pdf, "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "x.pdf: name the file .md, .html or .docx");
  cli_result_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = cr_test_make_tmp ("casereel-case-study-XXXXXX", &error);
  g_assert_no_error (error);
  project = g_build_filename (dir, "riverside.casereel", NULL);
  make_production ();
  g_test_add_func ("/case-study/quotes/refused", test_quotes_refused);
  g_test_add_func ("/case-study/quotes/markdown", test_quotes_markdown);
  g_test_add_func ("/case-study/quotes/question", test_quotes_question_filter);
  g_test_add_func ("/case-study/quotes/docx-html", test_quotes_docx_and_html);
  g_test_add_func ("/case-study/quotes/cut", test_quotes_of_cut);
  g_test_add_func ("/case-study/draft", test_case_study);
  status = g_test_run ();
  transcript_fixture_rmdir (dir);
  g_free (project);
  g_free (dir);
  return status;
}
