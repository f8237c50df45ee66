/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-demo"

#include "config.h"
#include "../cr-test-support.h"

#include <json-glib/json-glib.h>

#include "cli-run.h"
#include "cr-consent.h"
#include "cr-demo.h"
#include "cr-media.h"
#include "cr-schedule.h"
#include "cr-store.h"

/* The demo production, made once for all the tests below, and checked with ffprobe and
 * ffmpeg (its clips), the consent rules and the command line (its cuts). */
static char *dir;
static char *path;
static char *media;

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

static JsonObject *
ffprobe (const char *file)
{
  const char *argv[] = { "ffprobe", "-v", "error", "-of", "json", "-show_format", "-show_streams", file, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_every_page_has_rows (void)
{
  const CrEntity *entities[] = { &cr_entity_participant, &cr_entity_consent, &cr_entity_location,
                                 &cr_entity_question, &cr_entity_interview, &cr_entity_shot, &cr_entity_clip,
                                 &cr_entity_select, &cr_entity_marker, &cr_entity_cut, &cr_entity_event };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (path, &error);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(CrRecord) production = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      gint64 n = cr_store_count (db, entities[i], NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GINT64_FORMAT, entities[i]->plural, n);
      g_assert_cmpint (n, >, 0);
    }
  g_assert_cmpint (cr_store_count (db, &cr_entity_participant, NULL, NULL), >=, 12);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), >=, 12);
  production = cr_store_get (db, &cr_entity_production, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (production, "funder"), ==, "Northern Communities Fund");

  /* Two shoot days and one clash: two interviews in the same hall at once. */
  conflicts = cr_schedule_conflicts (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, >, 0);
  for (guint i = 0; i < conflicts->len; i++)
    {
      CrConflict *c = g_ptr_array_index (conflicts, i);
      g_assert_cmpstr (c->first_title, ==, "Grace and Leo");
      g_assert_cmpstr (c->second_title, ==, "David, the trustee");
    }
}

static CrConsentState *
consent_of (CrDb       *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  CrConsentState *state;

  g_assert_true (cr_store_resolve (db, &cr_entity_participant, name, &id, &error));
  g_assert_no_error (error);
  state = cr_consent_current (db, id, NULL, &error);
  g_assert_no_error (error);
  return state;
}

static void
test_every_consent_state (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (path, &error);
  static const struct { const char *name; CrConsentProblem problem; } expected[] = {
    { "Ana Silva", CR_CONSENT_OK }, { "Grace Mensah", CR_CONSENT_OK }, { "Leo Mensah", CR_CONSENT_OK },
    { "David Hughes", CR_CONSENT_OK }, { "Fatima Begum", CR_CONSENT_OK },
    { "Sam Carter", CR_CONSENT_WITHDRAWN }, { "Hannah Reid", CR_CONSENT_EXPIRED },
    { "Maria Lopez", CR_CONSENT_PENDING }, { "Owen Price", CR_CONSENT_DECLINED },
    { "Ben Okafor", CR_CONSENT_MISSING },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrConsentState) state = consent_of (db, expected[i].name);
      g_assert_cmpstr (cr_consent_problem_to_string (state->problem), ==,
                       cr_consent_problem_to_string (expected[i].problem));
    }
  {
    g_autoptr(CrConsentState) leo = consent_of (db, "Leo Mensah");
    g_autoptr(CrConsentState) fatima = consent_of (db, "Fatima Begum");
    g_autoptr(CrConsentState) grace = consent_of (db, "Grace Mensah");
    g_autofree char *reason = NULL;

    g_assert_true (leo->minor);
    g_assert_cmpstr (leo->guardian_name, ==, "Grace Mensah");
    g_assert_true (fatima->partly_withdrawn);
    g_assert_false (cr_consent_allows (fatima, "website", "video", &reason));
    g_assert_true (cr_consent_allows (fatima, "funder-report", "video", NULL));
    g_assert_cmpstr (grace->status, ==, "verbal-noted");
    g_assert_cmpstr (grace->naming, ==, "anonymous");
  }
}

static const char *
stream_tag (JsonObject *probe,
            const char *type,
            const char *tag)
{
  JsonArray *streams = json_object_get_array_member (probe, "streams");

  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      JsonObject *s = json_array_get_object_element (streams, i);
      if (g_str_equal (json_object_get_string_member (s, "codec_type"), type))
        {
          if (g_str_equal (tag, "r_frame_rate") || g_str_equal (tag, "codec_name"))
            return json_object_get_string_member (s, tag);
          if (json_object_has_member (s, "tags")
              && json_object_has_member (json_object_get_object_member (s, "tags"), tag))
            return json_object_get_string_member (json_object_get_object_member (s, "tags"), tag);
        }
    }
  return NULL;
}

static void
test_clips_by_ffprobe (void)
{
  static const struct { const char *file; const char *rate; const char *timecode; } clips[] = {
    { "card-A/A001.MOV", "25/1", "10:05:00:00" },
    { "card-B/2B/B002.MOV", "30000/1001", "12:25:00;02" },
    { "drone/1A/C001.MOV", "24000/1001", "09:30:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      g_autofree char *file = g_build_filename (media, clips[i].file, NULL);
      g_autoptr(JsonObject) probe = ffprobe (file);

      g_assert_cmpstr (stream_tag (probe, "video", "r_frame_rate"), ==, clips[i].rate);
      /* The timecode track, as ffprobe reads it. */
      g_assert_cmpstr (stream_tag (probe, "data", "timecode"), ==, clips[i].timecode);
      g_assert_cmpstr (stream_tag (probe, "audio", "codec_name"), ==, "pcm_s16le");
    }
  {
    g_autofree char *wav = g_build_filename (media, "zoom-f8", "ZOOM0001.WAV", NULL);
    g_autoptr(JsonObject) probe = ffprobe (wav);
    JsonObject *tags = json_object_get_object_member (json_object_get_object_member (probe, "format"), "tags");

    /* 10:05:00 of samples since midnight at 48 kHz. */
    g_assert_cmpstr (json_object_get_string_member (tags, "time_reference"), ==, "1742400000");
    g_assert_cmpstr (json_object_get_string_member (tags, "encoded_by"), ==, "ZOOM F8n");
  }
}

/* The burnt-in timecode, read back from pixels that ffmpeg decoded: the same 5×7 digits,
 * sampled at the centre of each dot of the band under the bars (512×288: dots of 6 px). */
static const guint8 digits[12][7] = {
  { 0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e }, { 0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e },
  { 0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f }, { 0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e },
  { 0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02 }, { 0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e },
  { 0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e }, { 0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08 },
  { 0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e }, { 0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c },
  { 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x0c, 0x00 }, { 0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x04, 0x08 },
};

static char *
read_burnt_timecode (const char *file,
                     int         frame)
{
  g_autofree char *select = g_strdup_printf ("select=eq(n\\,%d)", frame);
  const char *argv[] = { "ffmpeg", "-v", "error", "-nostdin", "-i", file, "-vf", select, "-frames:v", "1",
                         "-f", "rawvideo", "-pix_fmt", "gray", "-", NULL };
  g_autofree char *pixels = run (argv);
  GString *label = g_string_new (NULL);
  const int width = 512, scale = 6, x0 = (512 - 11 * 36) / 2, y0 = 192 + (96 - 42) / 2;

  for (int ch = 0; ch < 11; ch++)
    {
      guint8 rows[7] = { 0 };
      int found = -1;

      for (int row = 0; row < 7; row++)
        for (int col = 0; col < 5; col++)
          {
            int x = x0 + ch * 6 * scale + col * scale + scale / 2;
            int y = y0 + row * scale + scale / 2;
            if ((guint8) pixels[y * width + x] > 128)
              rows[row] |= 0x10 >> col;
          }
      for (int g = 0; g < 12; g++)
        if (memcmp (rows, digits[g], 7) == 0)
          found = g;
      g_string_append_c (label, found < 0 ? '?' : found == 10 ? ':' : found == 11 ? ';' : '0' + found);
    }
  return g_string_free (label, FALSE);
}

static void
test_burnt_in_timecode (void)
{
  g_autofree char *a001 = g_build_filename (media, "card-A", "A001.MOV", NULL);
  g_autofree char *b002 = g_build_filename (media, "card-B", "2B", "B002.MOV", NULL);
  g_autofree char *first = read_burnt_timecode (a001, 0);
  g_autofree char *last = read_burnt_timecode (a001, 199);
  g_autofree char *df_first = read_burnt_timecode (b002, 0);
  g_autofree char *df_later = read_burnt_timecode (b002, 149);

  g_assert_cmpstr (first, ==, "10:05:00:00");
  g_assert_cmpstr (last, ==, "10:05:07:24");
  g_assert_cmpstr (df_first, ==, "12:25:00;02");
  /* 149 frames on at 29.97 drop-frame: ;02 + 28 is the next second's ;00. */
  g_assert_cmpstr (df_later, ==, "12:25:05;01");
}

static void
test_cuts_export_and_check (void)
{
  g_autofree char *edl = g_build_filename (dir, "best.edl", NULL);
  g_autofree char *refused = g_build_filename (dir, "answers.edl", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  CliResult best = cli_run ("--project", path, "cut", "export", "Best answers", "-o", edl, "--channel", "website");
  CliResult answers = cli_run ("--project", path, "cut", "export", "Answers", "-o", refused, "--channel", "website");
  guint events = 0;

  /* Everyone in the five-star cut may be on the website; the stringout of all answers
   * holds a withdrawal, a lapsed form and people who allowed the funder's report only. */
  g_assert_cmpint (best.status, ==, CR_EXIT_OK);
  g_assert_cmpint (answers.status, ==, CR_EXIT_UNCONSENTED);
  g_assert_nonnull (strstr (answers.err, "4"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (edl, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_isdigit (lines[i][0]) && strstr (lines[i], " C "))
      events++;
  g_assert_cmpuint (events, >=, 3);
  cli_result_clear (&best);
  cli_result_clear (&answers);
}

static void
test_taken_path_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize len_before, len_after;

  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  g_assert_false (cr_demo_create (path, NULL, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "riverside.casereel"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status;

  g_test_init (&argc, &argv, NULL);
  cr_media_init ();
  dir = cr_test_make_tmp ("casereel-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "riverside.casereel", NULL);
  media = cr_demo_media_folder (path);
  g_assert_true (g_str_has_suffix (media, "riverside-media"));

  start = g_get_monotonic_time ();
  if (!cr_demo_create (path, NULL, &error))
    g_error ("the demo: %s", error->message);
  /* Reported, not asserted: the machine may be busy. */
  g_test_message ("demo made in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  {
    g_autofree char *part = g_strconcat (path, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  g_test_add_func ("/demo/pages", test_every_page_has_rows);
  g_test_add_func ("/demo/consent", test_every_consent_state);
  g_test_add_func ("/demo/clips", test_clips_by_ffprobe);
  g_test_add_func ("/demo/burnt-in-timecode", test_burnt_in_timecode);
  g_test_add_func ("/demo/cuts", test_cuts_export_and_check);
  g_test_add_func ("/demo/taken", test_taken_path_refused);
  status = g_test_run ();
  cr_test_remove_tree (dir);
  g_free (path);
  g_free (media);
  g_free (dir);
  return status;
}
