/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line against the kept hostile inputs (tests/hostile/): each refused with one
 * clear line and the production left byte for byte as it was, or read with a one-line
 * warning and nothing half-filled. CRITICALs are fatal in a GTest, so none may be printed. */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli-run.h"
#include "media-fixtures.h"

static char *dir;
static char *project;

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

/* The production's bytes, with its WAL when there is one. */
static GBytes *
production_bytes (void)
{
  g_autofree char *wal_path = g_strconcat (project, "-wal", NULL);
  g_autofree char *main_data = NULL, *wal_data = NULL;
  gsize main_len = 0, wal_len = 0;
  GByteArray *all = g_byte_array_new ();

  g_assert_true (g_file_get_contents (project, &main_data, &main_len, NULL));
  g_byte_array_append (all, (const guint8 *) main_data, main_len);
  if (g_file_get_contents (wal_path, &wal_data, &wal_len, NULL))
    g_byte_array_append (all, (const guint8 *) wal_data, wal_len);
  return g_byte_array_free_to_bytes (all);
}

static void
assert_one_line (const char *err,
                 const char *needle)
{
  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "casereel: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  if (strstr (err, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, err);
}

/* args: NULL-terminated. Refused with one line containing needle; the file untouched. */
static void
refusedv (const char         *needle,
          const char * const *args)
{
  g_autoptr(GBytes) before = production_bytes ();
  g_autoptr(GBytes) after = NULL;
  CliResult r = cli_runv (args);

  g_assert_cmpint (r.status, !=, 0);
  assert_one_line (r.err, needle);
  g_assert_cmpstr (r.out, ==, "");
  after = production_bytes ();
  g_assert_true (g_bytes_equal (before, after));
  cli_result_clear (&r);
}

#define refused(needle, ...) refusedv (needle, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_import_refused (void)
{
  static const struct { const char *file; const char *needle; } cases[] = {
    { "otio-rate-1e-10-sigfpe.otio", "otio-rate-1e-10-sigfpe.otio: OTIO tracks.children[0].children[0]."
                                     "source_range.duration: rate 1e-10 is not a whole number" },
    { "otio-deep-100000.otio", "otio-deep-100000.otio: OTIO: nested more than 1000 levels deep" },
    { "otio-value-1e300.otio", "otio-value-1e300.otio: OTIO global_start_time: value 1.0000000000000001e+300 "
                               "is out of range" },
    { "otio-value-1e999.otio", "otio-value-1e999.otio: OTIO tracks.children[0].children[0].source_range."
                               "duration: value inf is out of range" },
    { "edl-rate-overflow.edl", "edl-rate-overflow.edl: EDL line 3: frame rate “ 1.22222222222222222222”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = hostile_path (cases[i].file);
      refused (cases[i].needle, "cut", "import", path);
    }
}

static void
test_import_empty_otio (void)
{
  g_autofree char *path = g_build_filename (dir, "empty.otio", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  refused ("empty.otio: OTIO: the file is empty", "cut", "import", path);
  g_unlink (path);
}

static void
test_import_empty_csv (void)
{
  g_autofree char *path = hostile_path ("empty.csv");
  g_autofree char *crash = g_test_build_filename (G_TEST_DIST, "hostile", "libfuzzer", "csv",
                                                  "crash-da39a3ee5e6b4b0d3255bfef95601890afd80709", NULL);

  refused ("empty.csv: line 1: no header row", "import", "participants", path);
  refused ("crash-da39a3ee5e6b4b0d3255bfef95601890afd80709: line 1: no header row",
           "import", "participants", crash);
}

/* Events outside their catalogued clip: the file, the line and the timecode, not frames. */
static void
test_import_outside_clip (void)
{
  g_autofree char *card = g_build_filename (dir, "card", NULL);
  g_autofree char *b0 = NULL, *longer = NULL;
  g_autofree char *before = hostile_path ("before-clip-start.edl");
  g_autofree char *after = hostile_path ("after-clip-end.edl");

  g_assert_cmpint (g_mkdir (card, 0700), ==, 0);
  b0 = fixture_video (card, "b0.mov", "25", "01:00:00:00", 2);
  longer = fixture_video (card, "long.mov", "25", "10:00:00:00", 20);
  cli_ok (cli_run ("index", card));

  refused ("before-clip-start.edl: Event 2 (long.mov) on line 8: in 09:00:01:00 is before the start of the "
           "media (its media runs from 10:00:00:00 to 10:00:20:00)", "cut", "import", before);
  refused ("after-clip-end.edl: Event 2 (long.mov) on line 8: out 10:00:34:00 is past the end of the "
           "media (its media runs from 10:00:00:00 to 10:00:20:00)", "cut", "import", after);
  cr_test_remove_tree (card);
}

/* A recorder's rate that no timecode counts at: a warning, then the production's rate. */
static void
probe_warns (const char *name,
             const char *needle)
{
  g_autofree char *path = hostile_path (name);
  CliResult r = cli_run ("probe", path, "--tc-rate", "25");

  g_assert_cmpint (r.status, ==, 0);
  assert_one_line (r.err, needle);
  g_assert_true (g_str_has_prefix (r.err, "casereel: warning: "));
  g_assert_null (strstr (r.out, "(null)"));
  g_assert_nonnull (strstr (r.out, "10:00:00:00 at 25/1 (bwf, rate assumed)"));
  cli_result_clear (&r);
}

static void
test_probe_bwf_rates (void)
{
  g_autofree char *path = hostile_path ("bwf-time-reference-ffffffffffffffff.wav");
  CliResult r = { 0 };

  probe_warns ("bwf-ixml-25-DF.wav", "bwf-ixml-25-DF.wav: iXML TIMECODE_RATE “25” ignored: Drop-frame timecode");
  probe_warns ("bwf-ixml-1000fps.wav", "bwf-ixml-1000fps.wav: iXML TIMECODE_RATE “1000” ignored: Frame rate "
               "1000 is too fast for timecode");

  /* A time reference of 2^64-1 samples is no time of day: no timecode, no warning. */
  r = cli_run ("probe", path, "--tc-rate", "25");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_null (strstr (r.out, "(null)"));
  g_assert_null (strstr (r.out, "(bwf)"));
  cli_result_clear (&r);
}

/* Catalogued, the same files give whole rows: every clip named, timed and with a timecode
 * counted at the production's rate (25) or none. */
static void
test_index_bwf (void)
{
  g_autofree char *card = g_build_filename (dir, "sound", NULL);
  static const char *names[] = { "bwf-ixml-25-DF.wav", "bwf-ixml-1000fps.wav",
                                 "bwf-time-reference-ffffffffffffffff.wav" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *clips;
  CliResult r = { 0 };
  guint n = 0;

  g_assert_cmpint (g_mkdir (card, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = hostile_path (names[i]);
      g_autofree char *to = g_build_filename (card, names[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (from, &data, &len, NULL));
      g_assert_true (g_file_set_contents (to, data, len, NULL));
    }
  cli_ok (cli_run ("index", card));
  r = cli_run ("clips", "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "(null)"));
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  clips = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (clips); i++)
    {
      JsonObject *clip = json_array_get_object_element (clips, i);
      const char *name = json_object_get_string_member (clip, "name");
      gboolean no_reference = g_str_equal (name, names[2]);

      if (!g_str_has_suffix (name, ".wav"))
        continue;   /* the earlier tests' video */
      n++;
      g_assert_true (json_node_is_null (json_object_get_member (clip, "error")));
      g_assert_cmpint (json_object_get_int_member (clip, "duration_us"), >, 0);
      g_assert_cmpint (json_object_get_int_member (clip, "sample_rate"), ==, 48000);
      /* 10:00:00:00 is the files' time reference (1,728,000,000 samples at 48 kHz). */
      g_assert_cmpstr (json_object_get_string_member_with_default (clip, "tc_start", NULL), ==,
                       no_reference ? NULL : "10:00:00:00");
      g_assert_cmpstr (json_object_get_string_member_with_default (clip, "tc_rate", NULL), ==,
                       no_reference ? NULL : "25/1");
    }
  g_assert_cmpuint (n, ==, 3);
  cli_result_clear (&r);
  cr_test_remove_tree (card);
}

int
main (int argc, char *argv[])
{
  int status;

  /* As the program does: messages keep their quotes (LC_ALL is C.UTF-8 in the test run). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  dir = cr_test_make_tmp ("casereel-hostile-XXXXXX", NULL);
  project = g_build_filename (dir, "hostile.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  cli_ok (cli_run ("new", project, "--title", "Hostile inputs"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25"));

  g_test_add_func ("/cli-hostile/import-refused", test_import_refused);
  g_test_add_func ("/cli-hostile/import-empty-otio", test_import_empty_otio);
  g_test_add_func ("/cli-hostile/import-empty-csv", test_import_empty_csv);
  g_test_add_func ("/cli-hostile/import-outside-clip", test_import_outside_clip);
  g_test_add_func ("/cli-hostile/probe-bwf-rates", test_probe_bwf_rates);
  g_test_add_func ("/cli-hostile/index-bwf", test_index_bwf);
  status = g_test_run ();
  cr_test_remove_tree (dir);
  return status;
}
