/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transcripts mapped onto clips: cue times become frames of 25, 29.97 drop-frame and 23.976
 * clips with known start timecodes (exact frames and labels), --offset, faults that leave
 * the old transcript whole, speakers mapped to participants, and the command line: import,
 * show, search, export (read back), select add --quote, rm. */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cli-run.h"
#include "cr-clip-time.h"
#include "cr-cues.h"
#include "cr-store.h"
#include "cr-transcript.h"
#include "../data/test-helpers.h"
#include "../data/transcript-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  CrDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cr_test_make_tmp ("casereel-transcripts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.casereel", NULL);
  f->db = cr_db_create (f->path, "Transcripts", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, cr_db_close);
  transcript_fixture_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A clip at a rate with a start timecode, `seconds` long. */
static gint64
clip_at (CrDb       *db,
         const char *name,
         const char *rate,
         const char *start,
         gboolean    drop,
         int         seconds)
{
  CrTimecodeFormat fmt = { { 0, 0 }, drop };
  g_autofree char *rate_text = NULL;
  gint64 frames = 0;

  g_assert_true (cr_rate_parse (rate, &fmt.rate, NULL));
  g_assert_true (cr_timecode_parse (start, &fmt, &frames, NULL));
  rate_text = cr_rate_to_string (fmt.rate);
  return transcript_fixture_clip (db, name, rate_text, start, frames, drop, (gint64) seconds * G_USEC_PER_SEC);
}

static GPtrArray *
import (CrDb        *db,
        gint64       clip,
        const char  *text,
        gint64       offset_us,
        GHashTable  *speakers,
        GPtrArray  **unmapped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lost = NULL;
  GPtrArray *cues;
  guint n = 0;

  g_assert_true (cr_transcript_import_text (db, clip, text, strlen (text), CR_CUES_AUTO, offset_us, speakers, &n,
                                            &lost, &error));
  g_assert_no_error (error);
  cues = cr_transcript_cues (db, clip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cues->len, ==, n);
  if (unmapped)
    *unmapped = g_steal_pointer (&lost);
  return cues;
}

#define CUE(cues, i) ((const CrTranscriptCue *) g_ptr_array_index ((cues), (i)))

static void
assert_label (CrDb       *db,
              gint64      clip,
              gint64      frame,
              const char *label)
{
  g_autofree char *text = cr_clip_format_position (db, clip, frame);
  g_assert_cmpstr (text, ==, label);
}

static void
test_frames_25 (Fixture       *f,
                gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "A001.MOV", "25", "10:00:00:00", FALSE, 60);
  g_autoptr(GPtrArray) cues = import (f->db, clip,
    "1\n00:00:01,000 --> 00:00:02,520\nOne.\n\n2\n00:00:10,040 --> 00:00:11,000\nTwo.\n", 0, NULL, NULL);

  g_assert_cmpint (CUE (cues, 0)->in_frame, ==, 25);
  g_assert_cmpint (CUE (cues, 0)->out_frame, ==, 63);
  g_assert_cmpint (CUE (cues, 1)->in_frame, ==, 251);
  g_assert_cmpint (CUE (cues, 1)->out_frame, ==, 275);
  assert_label (f->db, clip, CUE (cues, 0)->in_frame, "10:00:01:00");
  assert_label (f->db, clip, CUE (cues, 1)->in_frame, "10:00:10:01");
}

static void
test_frames_2997df (Fixture       *f,
                    gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "C001.MOV", "30000/1001", "01:00:00;00", TRUE, 120);
  /* 60.000 s = 1798.2 frames; 60.050 s = 1799.7; 60.100 s = 1801.2; 62 s = 1858.1. */
  g_autoptr(GPtrArray) cues = import (f->db, clip,
    "WEBVTT\n\n01:00.000 --> 01:00.050\nbefore the minute\n\n01:00.100 --> 01:02.000\nafter it\n", 0, NULL, NULL);

  g_assert_cmpint (CUE (cues, 0)->in_frame, ==, 1798);
  g_assert_cmpint (CUE (cues, 0)->out_frame, ==, 1800);
  g_assert_cmpint (CUE (cues, 1)->in_frame, ==, 1801);
  g_assert_cmpint (CUE (cues, 1)->out_frame, ==, 1858);
  assert_label (f->db, clip, 1798, "01:00:59;28");
  /* Labels ;00 and ;01 of minute 1 are dropped: frame 1800 is 01:01:00;02. */
  assert_label (f->db, clip, CUE (cues, 0)->out_frame, "01:01:00;02");
  assert_label (f->db, clip, CUE (cues, 1)->in_frame, "01:01:00;03");
}

static void
test_frames_23976_offset (Fixture       *f,
                          gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "B001.MOV", "24000/1001", "10:00:00:00", FALSE, 60);
  const char *text = "[00:00:10] Ana: Ten seconds in.\n[00:00:12] Ana: Twelve.\n";
  g_autoptr(GPtrArray) cues = import (f->db, clip, text, 0, NULL, NULL);
  g_autoptr(GPtrArray) moved = NULL;

  /* 10 s = 239.76 frames, 12 s = 287.71; the last stamped cue runs to the clip's end. */
  g_assert_cmpint (CUE (cues, 0)->in_frame, ==, 240);
  g_assert_cmpint (CUE (cues, 0)->out_frame, ==, 288);
  g_assert_cmpint (CUE (cues, 1)->out_frame, ==, cr_clip_length_frames (f->db, clip));
  assert_label (f->db, clip, 240, "10:00:10:00");
  assert_label (f->db, clip, 288, "10:00:12:00");

  /* Made from a copy that started 2 s into the clip: every time moves 2 s later. */
  moved = import (f->db, clip, text, 2 * G_USEC_PER_SEC, NULL, NULL);
  g_assert_cmpint (CUE (moved, 0)->in_frame, ==, 288);
  assert_label (f->db, clip, CUE (moved, 0)->in_frame, "10:00:12:00");
}

static void
assert_refused (CrDb       *db,
                gint64      clip,
                const char *text,
                gint64      offset_us,
                GHashTable *speakers,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = cr_transcript_cues (db, clip, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_false (cr_transcript_import_text (db, clip, text, strlen (text), CR_CUES_AUTO, offset_us, speakers, NULL,
                                             NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == CR_DB_ERROR);
  if (!strstr (error->message, needle))
    g_error ("“%s” does not say “%s”", error->message, needle);
  after = cr_transcript_cues (db, clip, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (CUE (after, 0)->text, ==, CUE (before, 0)->text);
}

static void
test_refused_keeps_old (Fixture       *f,
                        gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "A001.MOV", "25", "10:00:00:00", FALSE, 60);
  g_autoptr(GPtrArray) cues = import (f->db, clip, "1\n00:00:01,000 --> 00:00:02,000\nThe old words.\n", 0, NULL, NULL);
  g_autoptr(GHashTable) speakers = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (cues->len, ==, 1);

  assert_refused (f->db, clip, "1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:59,000 --> 00:01:00,500\nlate\n", 0, NULL,
                  "transcript line 6: the cue ends at 00:01:00,500, past the clip's end (00:01:00,000)");
  assert_refused (f->db, clip, "1\n00:00:01,000 --> 00:00:02,000\nearly\n", -2 * G_USEC_PER_SEC, NULL,
                  "transcript line 2: the cue at 00:00:01,000 starts before the clip does");
  assert_refused (f->db, clip, "1\n00:00:03,000 --> 00:00:02,000\nbackwards\n", 0, NULL, "transcript line 2:");
  g_hash_table_insert (speakers, "Speaker 1", "Nobody Here");
  assert_refused (f->db, clip, "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 1>Hi\n", 0, speakers,
                  "--speaker “Speaker 1”: ");
}

static void
test_speakers (Fixture       *f,
               gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "A001.MOV", "25", "10:00:00:00", FALSE, 60);
  gint64 ana = test_add (f->db, &cr_entity_participant, "name", "Ana Silva", "kind", "interviewee", NULL);
  gint64 ben = test_add (f->db, &cr_entity_participant, "name", "Ben Okafor", "kind", "crew", NULL);
  const char *text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana Silva>Hello.\n\n"
                     "00:02.000 --> 00:03.000\n<v Speaker 1>Tell me more.\n\n"
                     "00:03.000 --> 00:04.000\n<v ana silva>More.\n";
  g_autoptr(GHashTable) speakers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unmapped = NULL, mapped = NULL;
  g_autoptr(GPtrArray) cues = import (f->db, clip, text, 0, NULL, &unmapped);

  g_assert_cmpint (CUE (cues, 0)->participant, ==, ana);
  g_assert_cmpint (CUE (cues, 1)->participant, ==, 0);
  g_assert_cmpstr (CUE (cues, 1)->speaker, ==, "Speaker 1");
  g_assert_cmpint (CUE (cues, 2)->participant, ==, ana);
  g_assert_cmpuint (unmapped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unmapped, 0), ==, "Speaker 1");
  g_clear_pointer (&unmapped, g_ptr_array_unref);
  g_clear_pointer (&cues, g_ptr_array_unref);

  g_hash_table_insert (speakers, "Speaker 1", "Ben Okafor");
  mapped = import (f->db, clip, text, 0, speakers, &unmapped);
  g_assert_cmpint (CUE (mapped, 1)->participant, ==, ben);
  g_assert_cmpstr (CUE (mapped, 1)->participant_name, ==, "Ben Okafor");
  g_assert_cmpuint (unmapped->len, ==, 0);
}

static void
test_quote_to_cues (Fixture       *f,
                    gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "A001.MOV", "25", "10:00:00:00", FALSE, 60);
  g_autoptr(GPtrArray) cues = import (f->db, clip,
    "1\n00:00:01,000 --> 00:00:02,000\nWe handed out food\n\n2\n00:00:02,000 --> 00:00:03,000\n"
    "parcels, every week. Then\n\n3\n00:00:03,000 --> 00:00:04,000\nit didn’t stop.\n", 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint first = 0, last = 0;

  g_assert_cmpuint (cues->len, ==, 3);

  /* Across a cue boundary, without the punctuation, in another case. */
  g_assert_true (cr_transcript_find_quote (f->db, clip, "FOOD parcels every", &first, &last, &error));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 2);
  g_assert_true (cr_transcript_find_quote (f->db, clip, "Then it didn't stop", &first, &last, &error));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 3);
  g_assert_true (cr_transcript_find_quote (f->db, clip, "week", &first, &last, &error));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);
  /* Whole words only: "hand" is not "handed". */
  g_assert_false (cr_transcript_find_quote (f->db, clip, "hand", &first, &last, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  gint64 clip = clip_at (f->db, "A001.MOV", "25", "10:00:00:00", FALSE, 60);
  g_autofree char *srt = g_build_filename (f->dir, "a.srt", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *out_srt = g_build_filename (f->dir, "out.srt", NULL);
  g_autofree char *out_txt = g_build_filename (f->dir, "out.txt", NULL);
  g_autofree char *paper = g_build_filename (f->dir, "said.txt", NULL);
  g_autofree char *back = NULL;
  g_autoptr(GPtrArray) reread = NULL, selects = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) select = NULL;
  gsize len = 0;
  JsonArray *array;
  CliResult r;

  gint64 ana = test_add (f->db, &cr_entity_participant, "name", "Ana Silva", "kind", "interviewee", NULL);
  gint64 ben = test_add (f->db, &cr_entity_participant, "name", "Ben Okafor", "kind", "crew", NULL);
  g_autofree char *ana_id = g_strdup_printf ("%" G_GINT64_FORMAT, ana);
  g_autofree char *ben_id = g_strdup_printf ("%" G_GINT64_FORMAT, ben);

  g_assert_true (g_file_set_contents (srt,
    "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:03,000\r\nAna Silva: We handed out\r\nfood parcels every week.\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:05,000\r\nSpeaker 1: Why?\r\n\r\n"
    "3\r\n00:00:05,000 --> 00:00:08,000\r\nAna Silva: Because people asked.\r\n", -1, NULL));

  r = cli_run ("--project", f->path, "transcript", "import", "A001.MOV", srt, "--speaker", "Speaker 1=Ben Okafor");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "imported 3 cues into A001.MOV\n");
  cli_result_clear (&r);

  r = cli_run ("--project", f->path, "transcript", "show", "A001.MOV", "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "participant"), ==,
                   "Ben Okafor");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "source_in"), ==,
                   "10:00:05:00");
  cli_result_clear (&r);

  r = cli_run ("--project", f->path, "transcript", "search", "food parcels");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "A001.MOV  10:00:01:00  Ana Silva  We handed out [food parcels] every week.\n");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "transcript", "search", "parcels food");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "transcript", "search", "NEAR(\"handed\" \"week\", 5)");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "[handed]"));
  cli_result_clear (&r);

  /* Exported SubRip reads back with the same times, snapped to the clip's frames. */
  r = cli_run ("--project", f->path, "transcript", "export", "A001.MOV", "-o", out_srt);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  g_assert_true (g_file_get_contents (out_srt, &back, &len, NULL));
  reread = cr_cues_parse (back, len, CR_CUES_SRT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reread->len, ==, 3);
  g_assert_cmpint (((CrCue *) g_ptr_array_index (reread, 2))->start_us, ==, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (((CrCue *) g_ptr_array_index (reread, 2))->end_us, ==, 8 * G_USEC_PER_SEC);
  g_assert_cmpstr (((CrCue *) g_ptr_array_index (reread, 1))->speaker, ==, "Ben Okafor");
  g_clear_pointer (&back, g_free);
  r = cli_run ("--project", f->path, "transcript", "export", "A001.MOV", "-o", out_txt);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  g_assert_true (g_file_get_contents (out_txt, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, "[10:00:01:00] Ana Silva: We handed out food parcels every week.\n"
                             "[10:00:04:00] Ben Okafor: Why?\n"
                             "[10:00:05:00] Ana Silva: Because people asked.\n");

  /* A select from the words: the cues' edges, the quote as label, the speaker as person. */
  r = cli_run ("--project", f->path, "select", "add", "A001.MOV", "--quote", "food parcels every week", "--rating", "4");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  select = cr_store_find (f->db, &cr_entity_select, "food parcels every week", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_int (select, "in_frame", -1), ==, 25);
  g_assert_cmpint (cr_record_get_int (select, "out_frame", -1), ==, 75);
  g_assert_cmpint (cr_record_get_int (select, "rating", -1), ==, 4);
  /* Stored as participant ids. */
  g_assert_cmpstr (cr_record_get (select, "participants"), ==, ana_id);
  g_clear_pointer (&select, cr_record_free);

  r = cli_run ("--project", f->path, "select", "add", "A001.MOV", "--from-cue", "2", "--to-cue", "3");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  select = cr_store_find (f->db, &cr_entity_select, "Why? Because people asked.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_record_get_int (select, "in_frame", -1), ==, 100);
  g_assert_cmpint (cr_record_get_int (select, "out_frame", -1), ==, 200);
  g_assert_cmpstr (cr_record_get (select, "participants"), ==, ben_id);

  r = cli_run ("--project", f->path, "select", "add", "A001.MOV", "--quote", "never said this");
  g_assert_cmpint (r.status, ==, 1);
  /* Messages go through the locale's charset: only ASCII is compared. */
  g_assert_true (g_str_has_prefix (r.err, "casereel: quote: "));
  g_assert_true (g_str_has_suffix (r.err, "never said this\xe2\x80\x9d is not in the clip's transcript\n") ||
                 g_str_has_suffix (r.err, "never said this? is not in the clip's transcript\n"));
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "select", "add", "A001.MOV", "--from-cue", "3", "--to-cue", "9");
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);
  selects = cr_store_list (f->db, &cr_entity_select, NULL, NULL);
  g_assert_cmpuint (selects->len, ==, 2);

  /* A stamped transcript of a copy that starts 1.52 s into the clip; a fault names its line. */
  g_assert_true (g_file_set_contents (txt, "Notes\n[00:00:01] Ana Silva: One.\n[00:00:00] Ana Silva: Zero.\n", -1, NULL));
  r = cli_run ("--project", f->path, "transcript", "import", "A001.MOV", txt, "--offset", "1.52s");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "a.txt: transcript line 3: the cue starts at 00:00:00,000"));
  cli_result_clear (&r);
  g_assert_true (g_file_set_contents (txt, "Notes\n[00:00:01] Ana Silva: One.\n[00:00:02] Speaker 9: Two.\n", -1, NULL));
  r = cli_run ("--project", f->path, "transcript", "import", "A001.MOV", txt, "--offset", "1.52s");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "imported 2 cues into A001.MOV\n"
                              "speaker not matched to a participant: Speaker 9 (map with --speaker \"Speaker 9=NAME\")\n");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "transcript", "show", "A001.MOV");
  g_assert_cmpstr (r.out, ==, "   1  10:00:02:13  Ana Silva: One.\n   2  10:00:03:13  Speaker 9: Two.\n");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "transcript", "import", "A001.MOV", txt, "--offset", "soon");
  g_assert_cmpint (r.status, ==, 2);
  cli_result_clear (&r);

  /* A cut of what was said: touching matches are one event; the paper edit carries the words. */
  r = cli_run ("--project", f->path, "cut", "stringout", "Said", "--search", "One OR Two");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Said: 1 event\n");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "cut", "stringout", "Nothing", "--search", "absent words");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "stringout: no transcript says \"absent words\"; no cut was made"));
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "cut", "export", "Said", "-o", paper, "--format", "paper-text", "--allow-unconsented");
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  g_clear_pointer (&back, g_free);
  g_assert_true (g_file_get_contents (paper, &back, NULL, NULL));
  g_assert_nonnull (strstr (back, "    Source: A001.MOV 10:00:02:13 - 10:01:00:00 (00:00:57:12)\n"));
  g_assert_nonnull (strstr (back, "    Transcript: One. Two.\n"));

  r = cli_run ("--project", f->path, "transcript", "rm", "A001.MOV");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "removed 2 cues from A001.MOV\n");
  cli_result_clear (&r);
  r = cli_run ("--project", f->path, "transcript", "show", "A001.MOV");
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);
  (void) clip;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/transcripts/frames/25", Fixture, NULL, fixture_set_up, test_frames_25, fixture_tear_down);
  g_test_add ("/transcripts/frames/29.97df", Fixture, NULL, fixture_set_up, test_frames_2997df, fixture_tear_down);
  g_test_add ("/transcripts/frames/23.976-offset", Fixture, NULL, fixture_set_up, test_frames_23976_offset,
              fixture_tear_down);
  g_test_add ("/transcripts/refused-keeps-old", Fixture, NULL, fixture_set_up, test_refused_keeps_old, fixture_tear_down);
  g_test_add ("/transcripts/speakers", Fixture, NULL, fixture_set_up, test_speakers, fixture_tear_down);
  g_test_add ("/transcripts/quote-to-cues", Fixture, NULL, fixture_set_up, test_quote_to_cues, fixture_tear_down);
  g_test_add ("/transcripts/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
