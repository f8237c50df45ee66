/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cuts over real (generated) footage at 23.976, 25 and 29.97 drop-frame: stringout order,
 * event editing, the consent check for every reason, refusal to export, and edit lists that
 * independent tools read (xmllint, melt, ffprobe) and that come back through import. */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-consent.h"
#include "cr-csv.h"
#include "cr-cut.h"
#include "cr-indexer.h"
#include "cr-store.h"
#include "media-fixtures.h"
#include "../data/test-helpers.h"

static char *card;
static char *outdir;

static CrDb *
production_with_footage (void)
{
  CrDb *db = test_new_production ();
  const char *folders[] = { card, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 3);
  return db;
}

static gint64
add_select (CrDb       *db,
            const char *clip,
            const char *in,
            const char *out,
            const char *label,
            const char *people,
            const char *question)
{
  return test_add (db, &cr_entity_select, "clip", clip, "in_frame", in, "out_frame", out, "label", label,
                   "participants", people ? people : "", "question", question ? question : "", NULL);
}

static void
consent (CrDb       *db,
         const char *who,
         const char *status,
         const char *date,
         const char *channels,
         const char *media,
         const char *expires)
{
  test_add (db, &cr_entity_consent, "participant", who, "status", status, "date", date,
            "channels", channels ? channels : "", "media", media ? media : "",
            "naming", channels ? "first-name" : "", "expires", expires ? expires : "", NULL);
}

static void
test_stringout_and_editing (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrTimeline) timeline = NULL;
  gint64 q1, q2, cut, copy;
  CrStringout what = { .min_rating = -1 };

  test_add (db, &cr_entity_participant, "name", "Bea", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Al", "kind", "interviewee", NULL);
  q1 = test_add (db, &cr_entity_question, "text", "Before?", NULL);
  q2 = test_add (db, &cr_entity_question, "text", "After?", NULL);
  add_select (db, "a2398.mov", "10", "30", "bea after", "Bea", "2");
  add_select (db, "b25.mp4", "0", "25", "al before", "Al", "1");
  add_select (db, "a2398.mov", "40", "60", "al after", "Al", "2");
  add_select (db, "c2997df.mov", "5", "20", "bea before", "Bea", "1");
  add_select (db, "c2997df.mov", "30", "40", "no question", "Bea", NULL);

  /* Asked for "after" first: question order as chosen, then by participant. */
  g_array_append_val (questions, q2);
  g_array_append_val (questions, q1);
  what.questions = questions;
  cut = cr_cut_stringout (db, "Story", &what, &error);
  g_assert_no_error (error);
  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_cmpuint (timeline->events->len, ==, 4);
  g_assert_cmpstr (cr_timeline_get_event (timeline, 0)->label, ==, "al after");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 1)->label, ==, "bea after");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 2)->label, ==, "al before");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 3)->label, ==, "bea before");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 3)->question, ==, "Before?");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 3)->participants, ==, "Bea");
  /* Events follow each other: each starts where the one before ends, in timeline frames. */
  g_assert_cmpint (cr_timeline_get_event (timeline, 1)->record, ==,
                   cr_timeline_event_get_length (timeline, cr_timeline_get_event (timeline, 0)));
  g_clear_pointer (&timeline, cr_timeline_free);

  /* Nothing matches: refused, no cut left behind. */
  what = (CrStringout) { .tag = "nothing-has-this", .min_rating = -1 };
  g_assert_cmpint (cr_cut_stringout (db, "Empty", &what, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, 1);

  /* Move the last to the front, remove the second, duplicate. */
  g_assert_true (cr_cut_move_event (db, cut, 4, 1, &error));
  g_assert_true (cr_cut_remove_event (db, cut, 2, &error));
  g_assert_false (cr_cut_remove_event (db, cut, 9, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  copy = cr_cut_duplicate (db, cut, "Story v2", &error);
  g_assert_no_error (error);
  timeline = cr_cut_build_timeline (db, copy, &error);
  g_assert_cmpuint (timeline->events->len, ==, 3);
  g_assert_cmpstr (cr_timeline_get_event (timeline, 0)->label, ==, "bea before");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 1)->label, ==, "bea after");
  g_assert_cmpstr (cr_timeline_get_event (timeline, 2)->label, ==, "al before");

  /* A range past the clip's end is refused with the clip's length. */
  g_assert_cmpint (cr_cut_add_event (db, cut, 0, 1, 0, 100000, 0, NULL, 0, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "past the end"));
}

static const char *
problem_of (GPtrArray  *rows,
            const char *who)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CrClearance *r = g_ptr_array_index (rows, i);
      if (g_strcmp0 (r->participant, who) == 0)
        return r->problem ? r->problem : "cleared";
    }
  return "absent";
}

static void
test_consent_check_every_reason (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CrRecord) minor = cr_record_new (&cr_entity_participant);
  g_autofree char *out = g_build_filename (outdir, "refused.edl", NULL);
  g_autofree char *report = g_strconcat (out, ".clearance.csv", NULL);
  const char *people[] = { "Ana", "Ben", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy" };
  gint64 cut, fay = 0;
  CrStringout all = { .min_rating = -1 };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = test_add (db, &cr_entity_participant, "name", people[i], "kind", "interviewee", NULL);
      g_autofree char *in = g_strdup_printf ("%u", i * 5);
      g_autofree char *out_frame = g_strdup_printf ("%u", i * 5 + 5);
      add_select (db, "a2398.mov", in, out_frame, people[i], people[i], NULL);
      if (g_str_equal (people[i], "Fay"))
        fay = id;
    }
  consent (db, "Ana", "signed", "2026-01-01", "all", "all", NULL);                          /* cleared */
  consent (db, "Ben", "declined", "2026-01-01", NULL, NULL, NULL);                          /* declined */
  consent (db, "Cy", "signed", "2026-01-01", "all", "all", NULL);
  consent (db, "Cy", "withdrawn", "2026-02-01", NULL, NULL, NULL);                          /* withdrawn */
  consent (db, "Di", "signed", "2024-01-01", "all", "all", "2026-01-01");                   /* expired */
  consent (db, "Ed", "signed", "2026-01-01", "internal,funder-report", "all", NULL);         /* channel */
  consent (db, "Fay", "signed", "2026-01-01", "all", "all", NULL);                          /* becomes minor */
  consent (db, "Gus", "signed", "2026-01-01", "all", "audio,quotes", NULL);                 /* medium */
  /* Hal: no consent at all.  Ivy: only asked. */
  consent (db, "Ivy", "requested", "2026-01-01", NULL, NULL, NULL);
  cr_record_set (minor, "minor", "yes");
  g_assert_true (cr_store_update (db, &cr_entity_participant, fay, minor, &error));

  cut = cr_cut_stringout (db, "Everyone", &all, &error);
  g_assert_no_error (error);
  rows = cr_cut_check (db, cut, "website", "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (problem_of (rows, "Ana"), ==, "cleared");
  g_assert_cmpstr (problem_of (rows, "Ben"), ==, "consent declined");
  g_assert_cmpstr (problem_of (rows, "Cy"), ==, "consent withdrawn");
  g_assert_cmpstr (problem_of (rows, "Di"), ==, "consent expired");
  g_assert_cmpstr (problem_of (rows, "Ed"), ==, "consent does not cover the channel website");
  g_assert_cmpstr (problem_of (rows, "Fay"), ==, "consent minor without a guardian");
  g_assert_cmpstr (problem_of (rows, "Gus"), ==, "consent does not cover video");
  g_assert_cmpstr (problem_of (rows, "Hal"), ==, "consent missing");
  g_assert_cmpstr (problem_of (rows, "Ivy"), ==, "consent not given yet");
  g_assert_cmpuint (cr_clearance_count_problems (rows), ==, 8);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Internal use is fine for Ed. */
  rows = cr_cut_check (db, cut, "internal", "2026-06-01", &error);
  g_assert_cmpstr (problem_of (rows, "Ed"), ==, "cleared");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Export refuses and writes nothing, not even the report (it would stand beside an
   * earlier file it does not describe); the report's rows name the problems. */
  g_assert_false (cr_cut_export (db, cut, CR_EXPORT_EDL, NULL, out, "website", FALSE, &rows, &error));
  g_assert_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  {
    g_autofree char *text = cr_clearance_to_csv (rows);
    g_autoptr(CrCsvTable) table = NULL;

    table = cr_csv_table_parse (text, strlen (text), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 9);
    g_assert_cmpstr (cr_csv_table_lookup (table, 1, "participant"), ==, "Ben");
    g_assert_cmpstr (cr_csv_table_lookup (table, 1, "cleared"), ==, "no");
    g_assert_cmpstr (cr_csv_table_lookup (table, 0, "naming"), ==, "first-name");
    g_assert_cmpstr (cr_csv_table_lookup (table, 0, "source_in"), ==, "01:00:00:00");
  }
  /* With the user's say-so it is written. */
  g_assert_true (cr_cut_export (db, cut, CR_EXPORT_EDL, NULL, out, "website", TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (report, G_FILE_TEST_EXISTS));
}

/* One cut mixing 23.976, 25 and 29.97 drop-frame sources, with a gap. */
static gint64
mixed_cut (CrDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 cut;

  test_add (db, &cr_entity_participant, "name", "Zoë & “Jo”", "kind", "interviewee", NULL);
  consent (db, "Zoë & “Jo”", "signed", "2026-01-01", "all", "all", NULL);
  add_select (db, "a2398.mov", "12", "36", "opening", "Zoë & “Jo”", NULL);
  add_select (db, "b25.mp4", "5", "30", "middle", "Zoë & “Jo”", NULL);
  add_select (db, "c2997df.mov", "10", "40", "end", "Zoë & “Jo”", NULL);
  cut = test_add (db, &cr_entity_cut, "name", "Mixed", "frame_rate", "25", "width", "320", "height", "180", NULL);
  for (gint64 s = 1; s <= 3; s++)
    g_assert_true (cr_cut_add_event (db, cut, s, 0, 0, 0, s == 3 ? 10 : 0, NULL, 0, &error));
  return cut;
}

static char *
export (CrDb           *db,
        gint64          cut,
        CrExportFormat  format,
        const char     *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (outdir, name, NULL);

  g_assert_true (cr_cut_export (db, cut, format, NULL, path, "website", FALSE, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_same_events (CrDb   *db,
                    gint64  a,
                    gint64  b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) ta = cr_cut_build_timeline (db, a, &error);
  g_autoptr(CrTimeline) tb = cr_cut_build_timeline (db, b, &error);

  g_assert_cmpuint (ta->events->len, ==, tb->events->len);
  g_assert_true (cr_rate_equal (ta->rate, tb->rate));
  g_assert_cmpint (ta->record_start, ==, tb->record_start);
  for (guint i = 0; i < ta->events->len; i++)
    {
      const CrTimelineEvent *ea = cr_timeline_get_event (ta, i);
      const CrTimelineEvent *eb = cr_timeline_get_event (tb, i);
      g_assert_cmpstr (cr_timeline_get_source (ta, ea->source)->path, ==, cr_timeline_get_source (tb, eb->source)->path);
      g_assert_cmpint (ea->in, ==, eb->in);
      g_assert_cmpint (ea->out, ==, eb->out);
      g_assert_cmpint (ea->record, ==, eb->record);
      /* An event that was a select is linked to it again. */
      g_assert_cmpstr (ea->label, ==, eb->label);
    }
}

static void
test_round_trips (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  gint64 cut = mixed_cut (db);
  g_autofree char *edl = export (db, cut, CR_EXPORT_EDL, "mixed.edl");
  g_autofree char *otio = export (db, cut, CR_EXPORT_OTIO, "mixed.otio");
  g_autofree char *fcpxml = export (db, cut, CR_EXPORT_FCPXML, "mixed.fcpxml");
  gint64 from_edl, from_otio, from_fcpxml;

  from_edl = cr_cut_import (db, edl, "From EDL", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);
  assert_same_events (db, cut, from_edl);
  g_clear_pointer (&unmatched, g_ptr_array_unref);

  from_otio = cr_cut_import (db, otio, "From OTIO", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);
  assert_same_events (db, cut, from_otio);
  g_clear_pointer (&unmatched, g_ptr_array_unref);

  from_fcpxml = cr_cut_import (db, fcpxml, "From FCPXML", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);
  assert_same_events (db, cut, from_fcpxml);
}

static void
test_import_lists_unmatched (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autofree char *edl = g_build_filename (outdir, "foreign.edl", NULL);
  g_autoptr(CrTimeline) timeline = NULL;
  gint64 cut;

  g_assert_true (g_file_set_contents (edl,
    "TITLE: Foreign\nFCM: NON-DROP FRAME\n* FRAME RATE: 25/1 NON-DROP FRAME\n\n"
    "001  B25      V     C        00:00:00:05 00:00:01:00 01:00:00:00 01:00:00:20\n\n"
    "002  ELSEWHER V     C        00:00:00:00 00:00:01:00 01:00:00:20 01:00:01:20\n"
    "* FROM CLIP NAME: elsewhere.mov\n", -1, NULL));
  cut = cr_cut_import (db, edl, "Foreign", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unmatched, 0), ==, "elsewhere.mov");
  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_cmpuint (timeline->events->len, ==, 1);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->in, ==, 5);
}

static void
test_fcpxml_and_mlt_read_by_tools (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  gint64 cut = mixed_cut (db);
  g_autofree char *fcpxml = export (db, cut, CR_EXPORT_FCPXML, "mixed.fcpxml");
  g_autofree char *mlt = export (db, cut, CR_EXPORT_MLT, "mixed.mlt");
  g_autofree char *mp4 = g_build_filename (outdir, "mixed-melt.mp4", NULL);
  g_autofree char *consumer = g_strdup_printf ("avformat:%s", mp4);
  g_autofree char *offsets = NULL;
  g_autofree char *frames = NULL;
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, &error);

  fixture_run ((const char * const[]) { "xmllint", "--noout", fcpxml, NULL });
  offsets = fixture_spawn_out ((const char * const[]) { "xmllint", "--xpath",
    "//spine/*/@offset | //spine/*/@duration | //spine/*/@start", fcpxml, NULL });
  g_assert_null (strchr (offsets, '.'));
  g_assert_nonnull (strstr (offsets, "s\""));

  fixture_run ((const char * const[]) { "melt", "-quiet", mlt, "-consumer", consumer, "an=1", NULL });
  frames = fixture_spawn_out ((const char * const[]) { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
    "-show_entries", "stream=nb_read_frames", "-of", "default=nokey=1:noprint_wrappers=1", mp4, NULL });
  g_assert_cmpint (g_ascii_strtoll (frames, NULL, 10), ==, cr_timeline_get_duration (timeline));
}

/* An editor's list sent back: the clip whose name has a line break is named with a space (as
 * EDLs write it) and still found; the dissolve is a cut at its centre, and the import says so. */
static void
test_import_sent_back (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autofree char *folder = g_build_filename (outdir, "night card", NULL);
  g_autofree char *clip = NULL, *other = NULL;
  g_autofree char *edl = g_build_filename (outdir, "sent-back.edl", NULL);
  const char *folders[] = { folder, NULL };
  gint64 cut;

  g_mkdir_with_parents (folder, 0755);
  clip = fixture_video (folder, "line\nbreak.mov", "25", NULL, 2);
  other = fixture_video (folder, "b25.mp4", "25", NULL, 2);
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (edl,
    "TITLE: Sent back\nFCM: NON-DROP FRAME\n\n"
    "001  LINE_BRE V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
    "* FROM CLIP NAME: line break.mov\n"
    "002  LINE_BRE V     C        00:00:01:00 00:00:01:00 01:00:01:00 01:00:01:00\n"
    "002  B25      V     D    010 00:00:00:05 00:00:01:05 01:00:01:00 01:00:02:00\n"
    "* FROM CLIP NAME: line break.mov\n"
    "* TO CLIP NAME: b25.mp4\n", -1, NULL));
  cut = cr_cut_import_full (db, edl, "Sent back", (CrRate) { 25, 1 }, &unmatched, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "EDL line 7: the dissolve of 10 frames is read as a cut at its centre");

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 2);
  g_assert_cmpstr (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 0)->source)->path, ==, clip);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->out, ==, 30);
  g_assert_cmpstr (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 1)->source)->path, ==, other);
  g_assert_cmpint (cr_timeline_get_event (timeline, 1)->in, ==, 10);
  g_assert_cmpint (cr_timeline_get_event (timeline, 1)->record, ==, 30);
  g_assert_cmpint (timeline->record_start, ==, 3600 * 25);
}

/* A drop-frame cut cannot start on a label drop-frame skips, nor a cut that is not drop frame
 * on a ";" start: either could never be shown or exported (issue 14). Refused on adding and on
 * changing, and the row stays as it was. */
static void
test_drop_frame_record_start (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_cut);
  g_autoptr(CrRecord) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  gint64 cut;

  test_refused (db, &cr_entity_cut, "record_start", "name", "A", "frame_rate", "30000/1001",
                "drop_frame", "1", "record_start", "00:59:00;00", NULL);
  test_refused (db, &cr_entity_cut, "record_start", "name", "B", "frame_rate", "60000/1001",
                "drop_frame", "1", "record_start", "00:01:00;03", NULL);
  /* A ";" start on a cut that is not drop frame: every show and export would refuse it. */
  test_refused (db, &cr_entity_cut, "record_start", "name", "F", "frame_rate", "30000/1001",
                "record_start", "00:59:00;00", NULL);
  /* The same labels exist without drop frame, and at each tenth minute. */
  test_add (db, &cr_entity_cut, "name", "C", "frame_rate", "30000/1001", "record_start", "00:59:00:00", NULL);
  test_add (db, &cr_entity_cut, "name", "D", "frame_rate", "30000/1001", "drop_frame", "1",
            "record_start", "00:50:00;00", NULL);
  cut = test_add (db, &cr_entity_cut, "name", "E", "frame_rate", "30000/1001", "drop_frame", "1",
                  "record_start", "00:58:58;00", NULL);

  cr_record_set (changes, "record_start", "00:59:00;01");
  g_assert_false (cr_store_update (db, &cr_entity_cut, cut, changes, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "cut record_start: “00:59:00;01” does not exist in drop-frame "
                   "timecode: frames 00 to 01 are skipped at each minute except every tenth");
  g_clear_error (&error);
  /* Turning drop frame off under a ";" start is refused the same way, naming the start. */
  g_clear_pointer (&changes, cr_record_free);
  changes = cr_record_new (&cr_entity_cut);
  cr_record_set (changes, "drop_frame", "0");
  g_assert_false (cr_store_update (db, &cr_entity_cut, cut, changes, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "cut record_start: “00:58:58;00” is drop-frame timecode (“;”), but the cut "
                   "is not drop frame: write 00:58:58:00, or make the cut drop frame");
  g_clear_error (&error);
  row = cr_store_get (db, &cr_entity_cut, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (row, "record_start"), ==, "00:58:58;00");
  g_assert_cmpstr (cr_record_get (row, "drop_frame"), ==, "1");

  /* What is stored builds a timeline. */
  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpint (timeline->record_start, ==, (58 * 60 + 58) * 30 - 2 * (58 - 58 / 10));
}

static void
test_render (void)
{
  g_autoptr(CrDb) db = production_with_footage ();
  g_autoptr(GError) error = NULL;
  gint64 cut = mixed_cut (db);
  g_autofree char *mp4 = g_build_filename (outdir, "review.mp4", NULL);
  g_autofree char *refused = g_build_filename (outdir, "refused.mp4", NULL);
  g_autofree char *frames = NULL;
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, &error);
  CrCutRenderOptions options = { .channel = "website", .burn_timecode = TRUE, .burn_names = TRUE };

  g_assert_true (cr_cut_render (db, cut, mp4, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  frames = fixture_spawn_out ((const char * const[]) { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
    "-show_entries", "stream=nb_read_frames,width,height", "-of", "default=noprint_wrappers=1", mp4, NULL });
  {
    g_autofree char *want = g_strdup_printf ("width=320\nheight=180\nnb_read_frames=%" G_GINT64_FORMAT "\n",
                                             cr_timeline_get_duration (timeline));
    g_assert_cmpstr (frames, ==, want);
  }

  /* Someone without consent: refused before any work, nothing written but the report. */
  test_add (db, &cr_entity_participant, "name", "Nobody Asked", "kind", "interviewee", NULL);
  add_select (db, "b25.mp4", "0", "10", "unasked", "Nobody Asked", NULL);
  g_assert_true (cr_cut_add_event (db, cut, 4, 0, 0, 0, 0, NULL, 0, &error));
  g_assert_false (cr_cut_render (db, cut, refused, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_autofree char *root = cr_test_make_tmp ("casereel-cut-XXXXXX", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  g_test_init (&argc, &argv, NULL);
  card = g_build_filename (root, "card", NULL);
  outdir = g_build_filename (root, "out", NULL);
  g_mkdir_with_parents (card, 0755);
  g_mkdir_with_parents (outdir, 0755);
  a = fixture_video (card, "a2398.mov", "24000/1001", "01:00:00:00", 3);
  b = fixture_video (card, "b25.mp4", "25", NULL, 2);
  c = fixture_video (card, "c2997df.mov", "30000/1001", "00:59:59;00", 2);

  g_test_add_func ("/cut/stringout-and-editing", test_stringout_and_editing);
  g_test_add_func ("/cut/consent-check", test_consent_check_every_reason);
  g_test_add_func ("/cut/round-trips", test_round_trips);
  g_test_add_func ("/cut/import-unmatched", test_import_lists_unmatched);
  g_test_add_func ("/cut/fcpxml-mlt-tools", test_fcpxml_and_mlt_read_by_tools);
  g_test_add_func ("/cut/drop-frame-record-start", test_drop_frame_record_start);
  g_test_add_func ("/cut/import-sent-back", test_import_sent_back);
  g_test_add_func ("/cut/render", test_render);
  return g_test_run ();
}
