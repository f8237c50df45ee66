/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cues in the production file: replaced in one transaction, searched with FTS5 (phrases,
 * prefixes, NEAR) in production order with the match marked, and read back as the words of
 * a select. */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-transcripts.h"
#include "test-helpers.h"
#include "transcript-fixtures.h"

typedef struct
{
  char *dir;
  CrDb *db;
  gint64 clip_a, clip_b, ana;
} Fixture;

static CrTranscriptCue *
cue (gint64      in,
     gint64      out,
     gint64      participant,
     const char *text)
{
  CrTranscriptCue *c = g_new0 (CrTranscriptCue, 1);

  c->in_frame = in;
  c->out_frame = out;
  c->participant = participant;
  c->speaker = participant ? g_strdup ("Ana") : NULL;
  c->text = g_strdup (text);
  return c;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);

  f->dir = cr_test_make_tmp ("casereel-transcripts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.casereel", NULL);
  f->db = cr_db_create (path, "Transcripts", &error);
  g_assert_no_error (error);
  f->ana = test_add (f->db, &cr_entity_participant, "name", "Ana Silva", "kind", "interviewee", NULL);
  /* Named so that "B" sorts before "A" by nothing but its name: production order is by name. */
  f->clip_b = transcript_fixture_clip (f->db, "B002.MOV", "25/1", "10:00:00:00", 900000, FALSE, 60 * G_USEC_PER_SEC);
  f->clip_a = transcript_fixture_clip (f->db, "A001.MOV", "25/1", "09:00:00:00", 810000, FALSE, 60 * G_USEC_PER_SEC);
  g_ptr_array_add (a, cue (0, 50, f->ana, "We handed out food parcels every week."));
  g_ptr_array_add (a, cue (50, 100, 0, "The food bank grew; the parcels got bigger."));
  g_ptr_array_add (a, cue (100, 150, f->ana, "Café volunteers came on Tuesdays."));
  g_assert_true (cr_transcript_replace (f->db, f->clip_a, a, &error));
  g_assert_no_error (error);
  g_ptr_array_add (b, cue (25, 75, 0, "More food parcels, and a cafe."));
  g_assert_true (cr_transcript_replace (f->db, f->clip_b, b, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, cr_db_close);
  transcript_fixture_rmdir (f->dir);
  g_free (f->dir);
}

#define HIT(hits, i) ((const CrTranscriptCue *) g_ptr_array_index ((hits), (i)))

static void
test_cues (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cues = cr_transcript_cues (f->db, f->clip_a, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cues->len, ==, 3);
  g_assert_cmpuint (HIT (cues, 2)->position, ==, 3);
  g_assert_cmpint (HIT (cues, 2)->in_frame, ==, 100);
  g_assert_cmpstr (HIT (cues, 0)->participant_name, ==, "Ana Silva");
  g_assert_null (HIT (cues, 1)->participant_name);
  g_assert_cmpstr (HIT (cues, 1)->clip_name, ==, "A001.MOV");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phrase = cr_transcript_search (f->db, "\"food parcels\"", "[", "]", 0, &error);
  g_autoptr(GPtrArray) prefix = NULL, near = NULL, accents = NULL, none = NULL, bad = NULL, limited = NULL;

  g_assert_no_error (error);
  /* The phrase, not both words anywhere: "food bank … parcels" is not a match. */
  g_assert_cmpuint (phrase->len, ==, 2);
  g_assert_cmpstr (HIT (phrase, 0)->clip_name, ==, "A001.MOV");
  g_assert_cmpstr (HIT (phrase, 0)->marked, ==, "We handed out [food parcels] every week.");
  g_assert_cmpstr (HIT (phrase, 1)->clip_name, ==, "B002.MOV");
  g_assert_cmpint (HIT (phrase, 1)->in_frame, ==, 25);

  prefix = cr_transcript_search (f->db, "parc*", "<", ">", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prefix->len, ==, 3);
  g_assert_cmpstr (HIT (prefix, 1)->marked, ==, "The food bank grew; the <parcels> got bigger.");

  near = cr_transcript_search (f->db, "NEAR(bank parcels, 2)", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (near->len, ==, 1);
  g_assert_cmpuint (HIT (near, 0)->position, ==, 2);

  /* "cafe" finds "Café" too. */
  accents = cr_transcript_search (f->db, "cafe", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accents->len, ==, 2);

  limited = cr_transcript_search (f->db, "food", "[", "]", 1, &error);
  g_assert_cmpuint (limited->len, ==, 1);

  none = cr_transcript_search (f->db, "\"parcels food\"", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  bad = cr_transcript_search (f->db, "\"unclosed", "[", "]", 0, &error);
  g_assert_null (bad);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "search: “\"unclosed”"));
}

static void
test_replace_and_remove (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) hits = NULL, cues = NULL;

  /* A refused replacement leaves the old transcript whole. */
  g_ptr_array_add (bad, cue (0, 10, 0, "fine"));
  g_ptr_array_add (bad, cue (20, 20, 0, "empty range"));
  g_assert_false (cr_transcript_replace (f->db, f->clip_a, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  cues = cr_transcript_cues (f->db, f->clip_a, &error);
  g_assert_cmpuint (cues->len, ==, 3);
  g_clear_pointer (&cues, g_ptr_array_unref);

  /* Replaced: the old words are no longer found, the new ones are. */
  g_ptr_array_add (fresh, cue (0, 10, 0, "Something else entirely."));
  g_assert_true (cr_transcript_replace (f->db, f->clip_a, fresh, &error));
  hits = cr_transcript_search (f->db, "\"every week\"", "[", "]", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cr_transcript_search (f->db, "entirely", "[", "]", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_cmpint (cr_transcript_remove (f->db, f->clip_a, &error), ==, 1);
  g_assert_cmpint (cr_transcript_remove (f->db, f->clip_a, &error), ==, 0);
  hits = cr_transcript_search (f->db, "entirely OR food", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (HIT (hits, 0)->clip_name, ==, "B002.MOV");
}

static void
test_passages (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autofree char *clip_a = g_strdup_printf ("%" G_GINT64_FORMAT, f->clip_a);
  g_autofree char *clip_b = g_strdup_printf ("%" G_GINT64_FORMAT, f->clip_b);
  const CrTranscriptPassage *p;

  test_add (f->db, &cr_entity_question, "text", "Second?", "position", "2", NULL);
  test_add (f->db, &cr_entity_question, "text", "First?", "position", "1", NULL);
  /* Over the second and third cues; nobody linked, but the third cue's speaker is Ana. */
  test_add (f->db, &cr_entity_select, "clip", clip_a, "in_frame", "60", "out_frame", "120", "question", "Second?", NULL);
  test_add (f->db, &cr_entity_select, "clip", clip_a, "in_frame", "0", "out_frame", "50", "question", "First?", NULL);
  /* Where nothing is transcribed: not a passage. */
  test_add (f->db, &cr_entity_select, "clip", clip_b, "in_frame", "100", "out_frame", "200", NULL);
  passages = cr_transcript_passages (f->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (passages->len, ==, 2);
  p = g_ptr_array_index (passages, 0);
  g_assert_cmpstr (p->question_text, ==, "First?");
  g_assert_cmpstr (p->text, ==, "We handed out food parcels every week.");
  g_assert_cmpint (p->participant, ==, f->ana);
  p = g_ptr_array_index (passages, 1);
  g_assert_cmpstr (p->question_text, ==, "Second?");
  g_assert_cmpstr (p->text, ==, "The food bank grew; the parcels got bigger. Café volunteers came on Tuesdays.");
  g_assert_cmpint (p->participant, ==, f->ana);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/transcript/store/cues", Fixture, NULL, fixture_set_up, test_cues, fixture_tear_down);
  g_test_add ("/transcript/store/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/transcript/store/replace-remove", Fixture, NULL, fixture_set_up, test_replace_and_remove,
              fixture_tear_down);
  g_test_add ("/transcript/store/passages", Fixture, NULL, fixture_set_up, test_passages, fixture_tear_down);
  return g_test_run ();
}
