/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-fcpxml.h"
#include "cut-fixture.h"

#define FOLDER "/media/River Project"

static char *
write_fcpxml (const CrTimeline      *timeline,
              const CrFcpxmlOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_fcpxml_write (timeline, options, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Writes `text` to a temp file for xmllint; returns its path (the folder is removed by the caller). */
static char *
save (const char *text,
      char      **dir)
{
  *dir = cr_test_make_tmp ("casereel-fcpxml-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  {
    char *path = g_build_filename (*dir, "cut.fcpxml", NULL);
    g_assert_true (g_file_set_contents (path, text, -1, NULL));
    return path;
  }
}

static char *
xpath (const char *path,
       const char *query)
{
  const char *argv[] = { "xmllint", "--noout", "--xpath", query, path, NULL };
  return g_strchomp (cut_fixture_run (argv));
}

static void
test_golden (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *fcpxml = write_fcpxml (timeline, NULL);

  cut_fixture_check_golden ("cut.fcpxml", fcpxml);
}

static void
test_structure (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *fcpxml = write_fcpxml (timeline, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = save (fcpxml, &dir);
  const char *lint[] = { "xmllint", "--noout", path, NULL };
  g_autofree char *lint_out = cut_fixture_run (lint);
  g_autofree char *value = NULL;
  g_auto(GStrv) times = NULL;
  guint i;

  g_assert_cmpstr (lint_out, ==, "");

#define CHECK(query, expected) \
  G_STMT_START { g_free (value); value = xpath (path, query); g_assert_cmpstr (value, ==, expected); } G_STMT_END

  CHECK ("string(/fcpxml/@version)", "1.9");
  CHECK ("string(//format[@id=/fcpxml/library/event/project/sequence/@format]/@frameDuration)", "1001/30000s");
  CHECK ("string(//sequence/@tcFormat)", "DF");
  /* 01:00:00;00 at 29.97 drop-frame is frame 107892. */
  CHECK ("string(//sequence/@tcStart)", "8999991/2500s");
  CHECK ("count(//asset)", "6");
  /* Each asset's own format: its rate, and its size when known (never the sequence's by default). */
  CHECK ("string(//format[@id=//asset[1]/@format]/@frameDuration)", "1001/24000s");
  CHECK ("string(//format[@id=//asset[1]/@format]/@width)", "3840");
  CHECK ("string(//asset[3]/@format)", "r1");
  CHECK ("count(//format[@id=//asset[2]/@format]/@width)", "0");
  CHECK ("count(//asset/media-rep[@kind='original-media'])", "6");
  CHECK ("count(//spine/asset-clip)", "6");
  CHECK ("count(//spine/gap)", "1");
  /* Names and URLs come back from the parser exactly: quotes, ampersand, non-ASCII, newline. */
  CHECK ("string(//asset[2]/@name)", "B-roll \"weir\" & lock.mp4");
  CHECK ("string(//asset[2]/media-rep/@src)", "file:///media/River%20Project/B-roll%20%22weir%22%20&%20lock.mp4");
  CHECK ("string(//asset[3]/@name)", "Zoë's interview.mov");
  CHECK ("string(//asset[5]/@name)", "line\nbreak.mov");
  CHECK ("string(//asset[5]/media-rep/@src)", "file:///media/River%20Project/line%0Abreak.mov");
  CHECK ("string(//asset-clip[3]/note)", "Line one\nline two\ttabbed");
  CHECK ("string(//asset-clip[1]/note)", "Strong opening, \"keep\" <all> of it");
  CHECK ("string(//asset-clip[1]/keyword/@value)", "river, opening");
  CHECK ("string(//asset-clip[1]/marker[2]/@value)", "looks at the weir & smiles");
  /* The asset's start is its start timecode: 12:39:59:00 at 23.976 = frame 1094376. */
  CHECK ("string(//asset[1]/@start)", "45644599/1000s");
  /* Event 3 (25 fps) starts after a 45-frame gap: 01:00:00;00 + 495 frames. */
  CHECK ("string(//spine/gap/@duration)", "3003/2000s");
  CHECK ("string(//asset-clip[3]/@offset)", "36165129/10000s");
  CHECK ("string(//asset-clip[3]/@duration)", "19019/7500s");
  CHECK ("string(//asset-clip[3]/@start)", "36002s");

  /* Every time is an exact rational: no decimal point anywhere. */
  g_free (value);
  value = xpath (path, "//@offset|//@start|//@duration|//@tcStart|//@frameDuration");
  times = g_regex_split_simple ("\\s+", g_strstrip (value), 0, 0);
  g_assert_cmpuint (g_strv_length (times), >, 30);
  for (i = 0; times[i] != NULL; i++)
    {
      g_assert_true (g_regex_match_simple ("^[a-zA-Z]+=\"(0|[0-9]+(/[0-9]+)?)s\"$", times[i], 0, 0));
      g_assert_null (strchr (times[i], '.'));
    }
#undef CHECK
  cut_fixture_remove_folder (dir);
}

static void
test_versions (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  CrFcpxmlOptions options = { .version = CR_FCPXML_1_11, .event_name = "Rough cuts" };
  g_autofree char *fcpxml = write_fcpxml (timeline, &options);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CrFcpxmlVersion version;

  g_assert_nonnull (strstr (fcpxml, "<fcpxml version=\"1.11\">"));
  g_assert_nonnull (strstr (fcpxml, "<event name=\"Rough cuts\">"));
  g_assert_true (cr_fcpxml_version_parse ("1.10", &version, &error));
  g_assert_cmpint (version, ==, CR_FCPXML_1_10);
  g_assert_false (cr_fcpxml_version_parse ("1.12", &version, &error));
  g_assert_cmpstr (error->message, ==, "FCPXML version “1.12” is not one of 1.9, 1.10, 1.11");
  g_clear_error (&error);

  options.version = 7;
  g_assert_false (cr_fcpxml_write (timeline, &options, out, &error));
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID);
}

static void
test_relative_path (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new ("relative");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cr_fcpxml_write (timeline, NULL, out, &error));
  g_assert_cmpstr (error->message, ==, "Source path “relative/A001_Interview Ann.mov” is not absolute, "
                   "so it cannot be written as a file URL");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fcpxml/golden", test_golden);
  g_test_add_func ("/fcpxml/structure", test_structure);
  g_test_add_func ("/fcpxml/versions", test_versions);
  g_test_add_func ("/fcpxml/relative-path", test_relative_path);
  return g_test_run ();
}
