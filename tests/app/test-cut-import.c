/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A long edit list comes in whole: 20,000 events, in order, positions 1..n without holes
 * (the import used to count the cut for every event: 23 s for this). */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-run.h"
#include "cr-cut.h"
#include "edl-many.h"
#include "../data/test-helpers.h"

#define EVENTS 20000

static void
test_import_20000 (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autofree char *dir = g_path_get_dirname (cr_db_get_path (db));
  g_autofree char *edl = g_build_filename (dir, "many.edl", NULL);
  g_autofree char *text = edl_many_text (EVENTS);
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cut;

  g_assert_true (edl_many_add_clip (db, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (edl, text, -1, NULL));
  cut = cr_cut_import (db, edl, "Many", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cut, >, 0);
  g_assert_cmpuint (unmatched->len, ==, 0);
  g_assert_cmpuint (cr_cut_count_events (db, cut), ==, EVENTS);

  /* Counted apart from the import's own counting: every position once, 1..n. */
  stmt = cr_db_prepare (db, "SELECT count(*), count(DISTINCT position), min(position), max(position)"
                            " FROM cut_event WHERE cut = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, cut);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, EVENTS);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, EVENTS);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, EVENTS);

  /* In the EDL's order, with the EDL's ranges. */
  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, EVENTS);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->in, ==, 0);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->out, ==, 25);
  g_assert_cmpint (cr_timeline_get_event (timeline, EVENTS - 1)->in, ==, (gint64) (EVENTS - 1) * 40);
  g_assert_cmpint (cr_timeline_get_event (timeline, EVENTS - 1)->out, ==, (gint64) (EVENTS - 1) * 40 + 25);

  g_unlink (edl);
  g_clear_pointer (&db, cr_db_close);
  {
    g_autofree char *path = g_build_filename (dir, "test.casereel", NULL);
    g_unlink (path);
    g_rmdir (dir);
  }
}

static CrClipInfo *
clip_at (const char *name,
         const char *rate,
         const char *tc_start,
         gboolean    drop)
{
  CrClipInfo *c = g_new0 (CrClipInfo, 1);
  CrRate r;
  CrTimecodeFormat fmt;

  g_assert_true (cr_rate_parse (rate, &r, NULL));
  fmt = (CrTimecodeFormat) { r, drop };
  c->path = g_strconcat ("/media/card/", name, NULL);
  c->name = g_strdup (name);
  c->size = 1000000;
  c->identity = g_strdup (name);
  c->duration_us = (gint64) 600 * G_USEC_PER_SEC;
  c->has_video = c->has_audio = TRUE;
  c->channels = 2;
  c->frame_rate = g_strdup (rate);
  c->tc_start = g_strdup (tc_start);
  g_assert_true (cr_timecode_parse (tc_start, &fmt, &c->tc_frames, NULL));
  c->tc_rate = g_strdup (rate);
  c->tc_drop = drop;
  return c;
}

/* Another editor's 25 fps list of a 23.976 and a 29.97 DF clip, with the clips' timecodes
 * carried into the list's rate (no rate comments): the cut's events are the clips' frames
 * those labels name, their lengths the list's. */
static void
test_import_foreign_rates (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autofree char *dir = g_path_get_dirname (cr_db_get_path (db));
  g_autofree char *edl = g_build_filename (dir, "foreign.edl", NULL);
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "TITLE: From the other editor\n"
    "FCM: NON-DROP FRAME\n"
    "001  INT23    V     C        12:40:02:00 12:40:04:12 01:00:00:00 01:00:02:12\n"
    "* FROM CLIP NAME: Ann 23.976.mov\n"
    "002  INT2997  V     C        00:11:00:10 00:11:02:10 01:00:02:12 01:00:04:12\n"
    "* FROM CLIP NAME: Bo 29.97.mov\n";
  const CrTimelineEvent *event;
  gint64 cut;

  g_ptr_array_add (clips, clip_at ("Ann 23.976.mov", "24000/1001", "12:39:59:00", FALSE));
  g_ptr_array_add (clips, clip_at ("Bo 29.97.mov", "30000/1001", "00:09:59;00", TRUE));
  g_assert_true (cr_clips_write_batch (db, clips, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (edl, text, -1, NULL));
  cut = cr_cut_import (db, edl, "Foreign", (CrRate) { 25, 1 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 2);
  /* 3 s after 12:39:59:00 at 24 labels a second; 59 frames of 23.976 last 62 at 25. */
  event = cr_timeline_get_event (timeline, 0);
  g_assert_cmpint (event->in, ==, 72);
  g_assert_cmpint (event->out, ==, 72 + 59);
  g_assert_cmpint (event->record, ==, 0);
  /* :10 of 25 is ;12 of 30: 00:11:00;12 is 1840 frames after 00:09:59;00; 60 frames last 50. */
  event = cr_timeline_get_event (timeline, 1);
  g_assert_cmpint (event->in, ==, 1840);
  g_assert_cmpint (event->out, ==, 1840 + 60);
  g_assert_cmpint (event->record, ==, 62);
  g_assert_cmpint (cr_timeline_get_duration (timeline), ==, 112);

  g_clear_pointer (&db, cr_db_close);
  cr_test_remove_tree (dir);
}

static void
assert_same_cut_events (const CrTimeline *a,
                        const CrTimeline *b)
{
  g_assert_cmpuint (a->events->len, ==, b->events->len);
  g_assert_cmpuint (a->sound_events->len, ==, b->sound_events->len);
  for (guint i = 0; i < cr_timeline_count_all_events (a); i++)
    {
      const CrTimelineEvent *ea = cr_timeline_get_any_event (a, i);
      const CrTimelineEvent *eb = cr_timeline_get_any_event (b, i);

      g_assert_cmpuint (ea->track, ==, eb->track);

      g_assert_cmpstr (cr_timeline_get_source (a, ea->source)->path, ==, cr_timeline_get_source (b, eb->source)->path);
      g_assert_cmpint (ea->in, ==, eb->in);
      g_assert_cmpint (ea->out, ==, eb->out);
      g_assert_cmpint (ea->record, ==, eb->record);
    }
}

/* Premiere's EDL of split sound into the store: an event's V, A and A2 lines become one event,
 * a J-cut's lead and a BWF's room tone are events of sound track A1, music over the room tone
 * on the same channel goes to A2 (a warning says so), and one line says what joined. The cut
 * exported as EDL, OTIO and FCPXML and imported again is the same events on the same tracks, with
 * nothing to say; the consent check counts who is heard on the sound tracks. */
static void
test_import_split_sound (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autofree char *dir = g_path_get_dirname (cr_db_get_path (db));
  g_autofree char *edl = g_build_filename (dir, "premiere.edl", NULL);
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "TITLE: Premiere\n"
    "FCM: NON-DROP FRAME\n"
    "001  AX       V     C        10:00:10:00 10:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: Ann 25.mov\n"
    "001  AX       A     C        10:00:10:00 10:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: Ann 25.mov\n"
    "001  AX       A2    C        10:00:10:00 10:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: Ann 25.mov\n"
    "002  AX       A     C        10:00:20:00 10:00:22:00 01:00:04:00 01:00:06:00\n"
    "* FROM CLIP NAME: Ann 25.mov\n"
    "003  AX       AA    C        09:00:00:00 09:00:03:00 01:00:06:00 01:00:09:00\n"
    "* FROM CLIP NAME: Room tone.wav\n"
    "004  AX       A     C        00:00:30:00 00:00:32:00 01:00:07:00 01:00:09:00\n"
    "* FROM CLIP NAME: Music.wav\n";
  const char * const formats[] = { "again.edl", "again.otio", "again.fcpxml", NULL };
  const CrExportFormat kinds[] = { CR_EXPORT_EDL, CR_EXPORT_OTIO, CR_EXPORT_FCPXML };
  CrClipInfo *sound;
  gint64 cut;

  g_ptr_array_add (clips, clip_at ("Ann 25.mov", "25/1", "10:00:00:00", FALSE));
  sound = clip_at ("Room tone.wav", "25/1", "09:00:00:00", FALSE);
  sound->has_video = FALSE;
  g_ptr_array_add (clips, sound);
  sound = clip_at ("Music.wav", "25/1", "00:00:00:00", FALSE);
  sound->has_video = FALSE;
  g_ptr_array_add (clips, sound);
  g_assert_true (cr_clips_write_batch (db, clips, NULL, &error));
  g_assert_no_error (error);
  /* Who is heard: Ann's lead (her consent covers sound only) and the musician (none). */
  {
    g_autoptr(CrRecord) ann = cr_record_new (&cr_entity_participant);
    g_autoptr(CrRecord) mo = cr_record_new (&cr_entity_participant);
    g_autoptr(CrRecord) consent = cr_record_new (&cr_entity_consent);
    g_autoptr(CrRecord) lead = cr_record_new (&cr_entity_select);
    g_autoptr(CrRecord) music = cr_record_new (&cr_entity_select);
    g_autofree char *ann_id = NULL;

    cr_record_set (ann, "name", "Ann Lee");
    cr_record_set (ann, "kind", "interviewee");
    cr_record_set (mo, "name", "Mo Reed");
    cr_record_set (mo, "kind", "interviewee");
    ann_id = g_strdup_printf ("%" G_GINT64_FORMAT, cr_store_insert (db, ann, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_insert (db, mo, &error), >, 0);
    cr_record_set (consent, "participant", ann_id);
    cr_record_set (consent, "status", "signed");
    cr_record_set (consent, "date", "2026-01-05");
    cr_record_set (consent, "channels", "all");
    cr_record_set (consent, "media", "audio");
    cr_record_set (consent, "naming", "full-name");
    g_assert_cmpint (cr_store_insert (db, consent, &error), >, 0);
    g_assert_no_error (error);
    cr_record_set (lead, "clip", "Ann 25.mov");
    cr_record_set (lead, "in_frame", "500");
    cr_record_set (lead, "out_frame", "550");
    cr_record_set (lead, "participants", "Ann Lee");
    g_assert_cmpint (cr_store_insert (db, lead, &error), >, 0);
    g_assert_no_error (error);
    cr_record_set (music, "clip", "Music.wav");
    cr_record_set (music, "in_frame", "750");
    cr_record_set (music, "out_frame", "800");
    cr_record_set (music, "participants", "Mo Reed");
    g_assert_cmpint (cr_store_insert (db, music, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (edl, text, -1, NULL));
  cut = cr_cut_import_full (db, edl, "Premiere", (CrRate) { 25, 1 }, &unmatched, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "EDL line 13: its sound overlaps the event before it on A1, so it is put on A2");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "EDL split sound: 2 sound lines joined the event of the same clip and range (line 5, line 7)");

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 1);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->in, ==, 250);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->out, ==, 350);
  /* Read back from the store: each track's gaps from its own events. */
  g_assert_cmpuint (timeline->sound_events->len, ==, 3);
  {
    const guint tracks[] = { 1, 1, 2 };
    const gint64 ins[] = { 500, 0, 750 }, outs[] = { 550, 75, 800 }, records[] = { 100, 150, 175 };

    for (guint i = 0; i < 3; i++)
      {
        const CrTimelineEvent *e = g_ptr_array_index (timeline->sound_events, i);

        g_assert_cmpuint (e->track, ==, tracks[i]);
        g_assert_cmpint (e->in, ==, ins[i]);
        g_assert_cmpint (e->out, ==, outs[i]);
        g_assert_cmpint (e->record, ==, records[i]);
      }
  }
  g_assert_false (cr_timeline_get_source (timeline, ((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, 1))->source)->has_video);
  g_assert_cmpint (cr_timeline_get_duration (timeline), ==, 225);

  /* `cut show` lists the picture's events, then each sound track's under its name. */
  {
    CliResult r;

    g_setenv ("CASEREEL_PROJECT", cr_db_get_path (db), TRUE);
    r = cli_run ("cut", "show", "Premiere");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==,
                     "Premiere: 1 event, 00:00:09:00 (225 frames at 25/1)\n"
                     "  1  01:00:00:00  Ann 25.mov 10:00:10:00 → 10:00:14:00  \n"
                     "A1, sound only: 2 events\n"
                     "  2  01:00:04:00  Ann 25.mov 10:00:20:00 → 10:00:22:00   — Ann Lee\n"
                     "  3  01:00:06:00  Room tone.wav 09:00:00:00 → 09:00:03:00  \n"
                     "A2, sound only: 1 event\n"
                     "  4  01:00:07:00  Music.wav 00:00:30:00 → 00:00:32:00   — Mo Reed\n");
    cli_result_clear (&r);
  }

  /* The consent check counts who is heard on the sound tracks: Ann's sound-only consent
   * clears her lead on A1 (event 2: it plays her clip's sound, not its picture), the
   * musician on A2 (event 4) has none. */
  {
    g_autoptr(GPtrArray) rows = cr_cut_check (db, cut, NULL, "2026-02-01", &error);
    gboolean ann_seen = FALSE, mo_seen = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        const CrClearance *row = g_ptr_array_index (rows, i);

        g_test_message ("event %u: %s %s", row->event, row->participant, row->problem);
        if (g_strcmp0 (row->participant, "Ann Lee") == 0)
          {
            g_assert_cmpuint (row->event, ==, 2);
            g_assert_cmpint (row->reason, ==, CR_CLEARANCE_OK);
            ann_seen = TRUE;
          }
        if (g_strcmp0 (row->participant, "Mo Reed") == 0)
          {
            g_assert_cmpuint (row->event, ==, 4);
            g_assert_cmpint (row->reason, ==, CR_CLEARANCE_MISSING);
            mo_seen = TRUE;
          }
      }
    g_assert_true (ann_seen);
    g_assert_true (mo_seen);
    g_assert_cmpuint (rows->len, ==, 4);
  }

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i], NULL);
      g_autofree char *report = g_strconcat (path, ".clearance.csv", NULL);
      g_autofree char *name = g_strdup_printf ("Again %u", i);
      g_autoptr(GPtrArray) again_unmatched = NULL;
      g_autoptr(GPtrArray) again_warnings = NULL;
      g_autoptr(CrTimeline) again = NULL;
      gint64 back;

      g_assert_true (cr_cut_export (db, cut, kinds[i], NULL, path, NULL, TRUE,
                                    NULL, &error));
      g_assert_no_error (error);
      back = cr_cut_import_full (db, path, name, (CrRate) { 25, 1 }, &again_unmatched, &again_warnings, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again_unmatched->len, ==, 0);
      g_assert_cmpuint (again_warnings->len, ==, 0);
      again = cr_cut_build_timeline (db, back, &error);
      g_assert_no_error (error);
      assert_same_cut_events (timeline, again);
      g_unlink (path);
      g_unlink (report);
    }

  /* A picture event added or moved later is numbered among the picture's, before the sound
   * tracks' (the Cuts page shows the picture's events as 1, 2…). */
  {
    g_autoptr(CrTimeline) after = NULL;
    g_autoptr(CrRecord) ann = cr_store_find (db, &cr_entity_clip, "Ann 25.mov", &error);

    g_assert_no_error (error);
    g_assert_cmpint (cr_cut_add_event (db, cut, 0, ann->id, 0, 25, 0, NULL, 0, &error), >, 0);
    g_assert_no_error (error);
    g_assert_true (cr_cut_move_event (db, cut, 1, 5, &error));
    g_assert_no_error (error);
    after = cr_cut_build_timeline (db, cut, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->events->len, ==, 2);
    g_assert_cmpuint (after->sound_events->len, ==, 3);
    /* The added event first (0-25), the imported one moved after it: still 1 and 2. */
    g_assert_cmpint (cr_timeline_get_event (after, 0)->in, ==, 0);
    g_assert_cmpuint (cr_timeline_get_event (after, 0)->position, ==, 1);
    g_assert_cmpint (cr_timeline_get_event (after, 1)->in, ==, 250);
    g_assert_cmpuint (cr_timeline_get_event (after, 1)->position, ==, 2);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpuint (((CrTimelineEvent *) g_ptr_array_index (after->sound_events, i))->position, ==, 3 + i);
    /* The sound tracks did not move. */
    g_assert_cmpint (((CrTimelineEvent *) g_ptr_array_index (after->sound_events, 0))->record, ==, 100);
  }

  /* `cut add --track A2` puts a range of a clip after A2's last event; a track that is not
   * one is refused in one line and nothing changes. */
  {
    g_autoptr(CrTimeline) after = NULL;
    const CrTimelineEvent *added;
    CliResult r = cli_run ("cut", "add", "Premiere", "--clip", "Music.wav", "--in", "00:00:40:00", "--out",
                           "00:00:41:00", "--track", "A2", "--gap", "5");

    g_assert_cmpint (r.status, ==, 0);
    cli_result_clear (&r);
    r = cli_run ("cut", "add", "Premiere", "--clip", "Music.wav", "--in", "00:00:40:00", "--out", "00:00:41:00",
                 "--track", "B1");
    g_assert_cmpint (r.status, !=, 0);
    g_assert_nonnull (strstr (r.err, "track: “B1” is not V or a sound track A1 to A99"));
    cli_result_clear (&r);
    after = cr_cut_build_timeline (db, cut, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->events->len, ==, 2);
    g_assert_cmpuint (after->sound_events->len, ==, 4);
    added = g_ptr_array_index (after->sound_events, 3);
    g_assert_cmpuint (added->track, ==, 2);
    g_assert_cmpint (added->in, ==, 1000);
    g_assert_cmpint (added->out, ==, 1025);
    /* After the music (175 + 50) and the gap of 5. */
    g_assert_cmpint (added->record, ==, 230);
    g_assert_cmpuint (added->position, ==, 6);
  }

  g_clear_pointer (&db, cr_db_close);
  cr_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cut/import/20000-events", test_import_20000);
  g_test_add_func ("/cut/import/foreign-rates", test_import_foreign_rates);
  g_test_add_func ("/cut/import/split-sound", test_import_split_sound);
  return g_test_run ();
}
