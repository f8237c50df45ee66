/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-edl.h"
#include "cr-timeline-export.h"
#include "cut-fixture.h"

#define FOLDER "/media/River Project"

static char *
write_edl (const CrTimeline   *timeline,
           const CrEdlOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_edl_write (timeline, options, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_golden (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *edl = write_edl (timeline, NULL);

  cut_fixture_check_golden ("cut.edl", edl);
}

static void
test_event_lines (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *edl = write_edl (timeline, NULL);
  g_auto(GStrv) lines = g_strsplit (edl, "\n", -1);
  guint events = 0, i;

  /* Every line is a header, a comment, blank or an event: the newline in a file name and in the
   * title cannot break a line or fake an event. */
  for (i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0' || line[0] == '*' || g_str_has_prefix (line, "TITLE: ") ||
          g_str_has_prefix (line, "FCM: "))
        continue;
      g_assert_true (g_ascii_isdigit (line[0]));
      events++;
    }
  g_assert_cmpuint (events, ==, timeline->events->len);
  g_assert_nonnull (strstr (edl, "* FROM CLIP NAME: line break.mov\n"));
  /* No comment above the first event: CMX3600 readers refuse one there. */
  g_assert_nonnull (strstr (edl, "FCM: DROP FRAME\n\n001  "));
  g_assert_nonnull (strstr (edl, "01:00:10;00\n* FRAME RATE: 30000/1001 DROP FRAME\n* RECORD START: 01:00:00;00\n"));

  /* Event 1: the 23.976 source's label carried into the 29.97 DF list, its 300 record frames
   * as the source length there; its own timecodes in a comment. Out points exclusive. */
  g_assert_nonnull (strstr (edl, "001  A001_INT AA/V  C        12:40:09;00 12:40:19;00 01:00:00;00 01:00:10;00\n"));
  g_assert_nonnull (strstr (edl, "* SOURCE IN OUT: 12:40:09:00 12:40:19:00\n"));
  /* Event 3: 25 fps source; 63 frames become 76 at 29.97 (2 s 16 f), after a 45-frame gap. */
  g_assert_nonnull (strstr (edl, "003  B_ROLL_W V     C        10:00:02;00 10:00:04;16 01:00:16;15 01:00:19;01\n"));
  g_assert_nonnull (strstr (edl, "* SOURCE IN OUT: 10:00:02:00 10:00:04:13\n"));
  /* Event 5 crosses a dropped minute: 00:01:00;00 and ;01 do not exist. */
  g_assert_nonnull (strstr (edl, "00:00:59;10 00:01:01;22"));
}

static void
test_reel_names (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_auto(GStrv) reels = cr_edl_reel_names (timeline);
  const char * const expected[] = { "A001_INT", "B_ROLL_W", "ZO_S_INT", "A101_1", "LINE_BRE", "A001_IN2", NULL };
  guint i;

  g_assert_cmpstrv (reels, expected);

  /* Ten collisions need two digits and stay within 8 characters. */
  g_clear_pointer (&timeline, cr_timeline_free);
  g_clear_pointer (&reels, g_strfreev);
  timeline = cr_timeline_new ("many", (CrRate) { 25, 1 }, FALSE, 1920, 1080);
  for (i = 0; i < 11; i++)
    cr_timeline_add_source (timeline, "/m/Interview take.mov", NULL, (CrRate) { 25, 1 }, FALSE, 0, 10, TRUE, 0);
  cr_timeline_add_source (timeline, "/m/....mov", NULL, (CrRate) { 25, 1 }, FALSE, 0, 10, TRUE, 0);
  reels = cr_edl_reel_names (timeline);
  g_assert_cmpstr (reels[0], ==, "INTERVIE");
  g_assert_cmpstr (reels[1], ==, "INTERVI2");
  g_assert_cmpstr (reels[10], ==, "INTERV11");
  g_assert_cmpstr (reels[11], ==, "CLIP");
  for (i = 0; reels[i] != NULL; i++)
    g_assert_cmpuint (strlen (reels[i]), <=, 8);
}

/* At 59.94 drop-frame the frame field reaches 59 and four labels drop each minute. */
static void
test_5994 (void)
{
  CrRate rate = { 60000, 1001 };
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("59.94", rate, TRUE, 1280, 720);
  g_autofree char *edl = NULL;
  guint source = cr_timeline_add_source (timeline, "/m/fast.mov", NULL, rate, TRUE, 0, 10000, TRUE, 0);

  cr_timeline_add_event (timeline, source, 0, 3599, 0);
  cr_timeline_add_event (timeline, source, 3599, 3601, 3599);
  edl = write_edl (timeline, NULL);
  g_assert_nonnull (strstr (edl, "001  FAST     V     C        00:00:00;00 00:00:59;59 01:00:00;00 01:00:59;59\n"));
  g_assert_nonnull (strstr (edl, "002  FAST     V     C        00:00:59;59 00:01:00;05 01:00:59;59 01:01:00;05\n"));
}

static void
test_no_comments (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  CrEdlOptions options = { .no_clip_names = TRUE, .no_rate_comments = TRUE };
  g_autofree char *edl = write_edl (timeline, &options);

  g_assert_null (strstr (edl, "FROM CLIP"));
  g_assert_null (strstr (edl, "FRAME RATE"));
  g_assert_null (strchr (edl, '*'));
}

/* --ascii: every byte of the list is ASCII, names transliterated. */
static void
test_ascii (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  CrEdlOptions options = { .ascii = TRUE };
  g_autofree char *edl = write_edl (timeline, &options);

  for (const char *p = edl; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
  g_assert_nonnull (strstr (edl, "TITLE: River Project - rough cut 1 \"A&B\"\n"));
  g_assert_nonnull (strstr (edl, "* FROM CLIP NAME: Zoe's interview.mov\n"));
}

/* Reading back gives the same events once each source is matched to its clip. */
static void
test_round_trip (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *edl = write_edl (timeline, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = cr_edl_read (edl, -1, NULL, &error);
  g_autofree char *again = NULL;
  guint i;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->name, ==, timeline->name);
  g_assert_cmpuint (back->sources->len, ==, timeline->sources->len);
  for (i = 0; i < back->sources->len; i++)
    {
      const CrTimelineSource *read = cr_timeline_get_source (back, i);
      const CrTimelineSource *orig = NULL;
      guint j;

      /* A newline in a name comes back as a space (documented in cr-edl.h). */
      for (j = 0; j < timeline->sources->len; j++)
        {
          g_autofree char *one_line = g_strdelimit (g_strdup (cut_fixture_files[j]), "\n", ' ');
          if (g_str_equal (cr_timeline_source_get_name (read), one_line))
            orig = cr_timeline_get_source (timeline, j);
        }
      g_assert_nonnull (orig);
      cr_timeline_rebase_source (back, i, orig->start_tc, orig->duration);
    }
  cut_fixture_assert_same_events (timeline, back);

  /* Written again, it is the same file but for the newline that became a space. */
  g_free (((CrTimelineSource *) cr_timeline_get_source (timeline, 4))->path);
  ((CrTimelineSource *) cr_timeline_get_source (timeline, 4))->path = g_strdup ("line break.mov");
  g_free (edl);
  edl = write_edl (timeline, NULL);
  again = write_edl (back, NULL);
  g_assert_cmpstr (again, ==, edl);
}

static void
test_read_foreign (void)
{
  /* Another tool's EDL: no rate comment, so the rate comes from the caller; separate V and A
   * events, a comment we do not know, CRLF line ends. */
  const char *edl =
    "TITLE: Foreign\r\n"
    "FCM: NON-DROP FRAME\r\n"
    "\r\n"
    "001  TAPE1    V     C        10:00:00:00 10:00:02:00 00:59:58:00 01:00:00:00\r\n"
    "* LOC: 10:00:01:00 RED note\r\n"
    "002  TAPE2    A     C        00:00:10:00 00:00:11:12 01:00:00:00 01:00:01:12\r\n"
    "*SOURCE FILE: tape two.wav\r\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);
  const CrTimelineEvent *event;

  g_assert_no_error (error);
  g_assert_cmpstr (timeline->name, ==, "Foreign");
  g_assert_cmpint (timeline->rate.num, ==, 25);
  /* The first record in, not the hour before it: no hour of black (issue 14). */
  g_assert_cmpint (timeline->record_start, ==, (59 * 60 + 58) * 25);
  /* The sound line is sound track A1's event, where the list puts it. */
  g_assert_cmpuint (timeline->events->len, ==, 1);
  g_assert_cmpuint (timeline->sound_events->len, ==, 1);
  event = g_ptr_array_index (timeline->sound_events, 0);
  g_assert_cmpuint (event->track, ==, 1);
  g_assert_cmpint (event->record, ==, 2 * 25);
  g_assert_cmpint (event->out - event->in, ==, 37);
  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, "tape two.wav");
  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, 0)), ==, "TAPE1");
  g_assert_false (cr_timeline_get_source (timeline, event->source)->has_video);
  g_assert_cmpint (cr_timeline_get_source (timeline, event->source)->audio_channels, ==, 1);
}

/* A list by track: the music under the opening, listed after the picture, starts before it.
 * The cut starts with the music; the picture keeps its place. */
static void
test_read_sound_listed_after (void)
{
  const char *edl =
    "TITLE: By track\n"
    "FCM: NON-DROP FRAME\n"
    "001  TAPE1    V     C        10:00:00:00 10:00:02:00 01:00:02:00 01:00:04:00\n"
    "002  MUSIC    A     C        00:00:10:00 00:00:14:00 01:00:00:00 01:00:04:00\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpint (timeline->record_start, ==, 3600 * 25);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->record, ==, 50);
  g_assert_cmpuint (timeline->sound_events->len, ==, 1);
  g_assert_cmpint (((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, 0))->record, ==, 0);
}

/* What Premiere and Resolve send back: the sound of an event on a line of its own, a dissolve
 * (its outgoing side at no length, FROM and TO clip names), another source's sound under the
 * picture, a wipe. */
static void
test_read_dissolve_and_split_audio (void)
{
  const char *edl =
    "TITLE: Sent back\n"
    "FCM: NON-DROP FRAME\n"
    "\n"
    "001  AX       V     C        00:00:10:00 00:00:15:00 01:00:00:00 01:00:05:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "001  AX       A     C        00:00:10:00 00:00:15:00 01:00:00:00 01:00:05:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "002  AX       V     C        00:00:15:00 00:00:15:00 01:00:05:00 01:00:05:00\n"
    "002  BX       V     D    030 00:01:00:00 00:01:04:00 01:00:05:00 01:00:09:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "* TO CLIP NAME: broll.mov\n"
    "003  SOUND    A2    C        00:00:00:00 00:00:02:00 01:00:06:00 01:00:08:00\n"
    "004  BX       V     C        00:01:04:00 00:01:06:00 01:00:09:00 01:00:11:00\n"
    "* FROM CLIP NAME: broll.mov\n"
    "005  BX       V     C        00:01:06:00 00:01:06:00 01:00:11:00 01:00:11:00\n"
    "005  AX       V     W001 010 00:00:20:00 00:00:21:00 01:00:11:00 01:00:12:00\n"
    "* FROM CLIP NAME: broll.mov\n"
    "* TO CLIP NAME: interview.mov\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);
  const CrTimelineEvent *event;
  const CrTimelineSource *source;

  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 4);
  /* The picture and sound lines of event 1 are one event of a source with both. */
  event = cr_timeline_get_event (timeline, 0);
  source = cr_timeline_get_source (timeline, event->source);
  g_assert_cmpstr (source->name, ==, "interview.mov");
  g_assert_true (source->has_video);
  g_assert_cmpint (source->audio_channels, ==, 1);
  /* Cut at the dissolve's centre: 15 frames on for the outgoing, 15 later for the incoming. */
  g_assert_cmpint (event->in, ==, 250);
  g_assert_cmpint (event->out, ==, 375 + 15);
  g_assert_cmpint (event->record, ==, 0);
  event = cr_timeline_get_event (timeline, 1);
  g_assert_cmpstr (cr_timeline_get_source (timeline, event->source)->name, ==, "broll.mov");
  g_assert_cmpint (event->in, ==, 1500 + 15);
  g_assert_cmpint (event->out, ==, 1600);
  g_assert_cmpint (event->record, ==, 125 + 15);
  event = cr_timeline_get_event (timeline, 2);
  g_assert_cmpint (event->in, ==, 1600);
  g_assert_cmpint (event->out, ==, 1650 + 5);
  g_assert_cmpint (event->record, ==, 225);
  event = cr_timeline_get_event (timeline, 3);
  g_assert_cmpstr (cr_timeline_get_source (timeline, event->source)->name, ==, "interview.mov");
  g_assert_cmpint (event->in, ==, 500 + 5);
  g_assert_cmpint (event->record, ==, 275 + 5);

  /* Another source's sound under the picture: on its track A2, overlapping the picture. */
  g_assert_cmpuint (timeline->sound_events->len, ==, 1);
  event = g_ptr_array_index (timeline->sound_events, 0);
  g_assert_cmpuint (event->track, ==, 2);
  g_assert_cmpstr (cr_timeline_get_source (timeline, event->source)->name, ==, "SOUND");
  g_assert_cmpint (event->in, ==, 0);
  g_assert_cmpint (event->out, ==, 50);
  g_assert_cmpint (event->record, ==, 150);

  g_assert_cmpuint (timeline->warnings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 0), ==,
                   "EDL line 9: the dissolve of 30 frames is read as a cut at its centre");
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 1), ==,
                   "EDL line 16: the wipe W001 of 10 frames is read as a cut at its centre");
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 2), ==,
                   "EDL split sound: 1 sound line joined the event of the same clip and range (line 6)");
}

static void
assert_sound (const CrTimeline *timeline,
              guint             index,
              guint             track,
              const char       *name,
              gint64            in,
              gint64            out,
              gint64            record)
{
  const CrTimelineEvent *event = g_ptr_array_index (timeline->sound_events, index);

  g_assert_cmpuint (event->track, ==, track);
  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, name);
  g_assert_cmpint (event->in, ==, in);
  g_assert_cmpint (event->out, ==, out);
  g_assert_cmpint (event->record, ==, record);
}

static void
assert_event (const CrTimeline *timeline,
              guint             index,
              const char       *name,
              gint64            in,
              gint64            out,
              gint64            record)
{
  const CrTimelineEvent *event = cr_timeline_get_event (timeline, index);

  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, name);
  g_assert_cmpint (event->in, ==, in);
  g_assert_cmpint (event->out, ==, out);
  g_assert_cmpint (event->record, ==, record);
}

/* Shaped like Premiere's export of a sequence with split sound: an event's picture and its two
 * mono tracks on three lines (V, A, A2 at the same record time), the sound of a clip on its own
 * (a J-cut's lead, on A and A2), a BWF's room tone on its own, music under another clip's
 * picture. The picture lines are the cut's events, the event's own sound joins them and A2's
 * copy of A joins it (said in one line), every other sound line is an event of its sound track
 * at its record time; the
 * cut's own EDL of the result reads back as the same events on the same tracks, with nothing
 * to say. */
static void
test_read_premiere_split_sound (void)
{
  const char *edl =
    "TITLE: Premiere\n"
    "FCM: NON-DROP FRAME\n"
    "\n"
    "001  AX       V     C        00:00:10:00 00:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "001  AX       A     C        00:00:10:00 00:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "001  AX       A2    C        00:00:10:00 00:00:14:00 01:00:00:00 01:00:04:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "002  AX       A     C        00:00:20:00 00:00:22:00 01:00:03:00 01:00:05:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "002  AX       A2    C        00:00:20:00 00:00:22:00 01:00:03:00 01:00:05:00\n"
    "* FROM CLIP NAME: interview.mov\n"
    "003  AX       AA    C        00:00:00:00 00:00:03:00 01:00:06:00 01:00:09:00\n"
    "* FROM CLIP NAME: room tone.wav\n"
    "004  BX       V     C        00:01:00:00 00:01:02:00 01:00:09:00 01:00:11:00\n"
    "* FROM CLIP NAME: broll.mov\n"
    "004  AX       A     C        00:00:30:00 00:00:32:00 01:00:09:00 01:00:11:00\n"
    "* FROM CLIP NAME: music.wav\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);
  g_autoptr(CrTimeline) again = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  const CrTimelineSource *source;
  guint i;

  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 2);
  assert_event (timeline, 0, "interview.mov", 250, 350, 0);
  assert_event (timeline, 1, "broll.mov", 1500, 1550, 225);
  /* The J-cut's lead overlaps the picture event before it by a second, on both tracks. */
  g_assert_cmpuint (timeline->sound_events->len, ==, 3);
  assert_sound (timeline, 0, 1, "interview.mov", 500, 550, 75);
  assert_sound (timeline, 1, 1, "room tone.wav", 0, 75, 150);
  assert_sound (timeline, 2, 1, "music.wav", 750, 800, 225);
  g_assert_cmpuint (cr_timeline_get_sound_tracks (timeline), ==, 1);
  g_assert_cmpint (cr_timeline_get_duration (timeline), ==, 275);
  source = cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 0)->source);
  g_assert_true (source->has_video);
  g_assert_cmpint (source->audio_channels, ==, 2);
  source = cr_timeline_get_source (timeline, ((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, 1))->source);
  g_assert_false (source->has_video);
  g_assert_cmpint (source->audio_channels, ==, 2);

  g_assert_cmpuint (timeline->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 0), ==,
                   "EDL split sound: 3 sound lines joined the event of the same clip and range (line 6, line 8, "
                   "line 12)");

  /* The round trip: the cut's own list of it (one line per event). */
  for (i = 0; i < timeline->sources->len; i++)
    {
      CrTimelineSource *each = g_ptr_array_index (timeline->sources, i);

      each->duration = 100000;
    }
  g_assert_true (cr_edl_write (timeline, NULL, written, &error));
  g_assert_no_error (error);
  /* Each sound event on its channel, in record order among the picture's. */
  g_assert_nonnull (strstr (written->str, "\n002  INTERVIE A     C        00:00:20:00 00:00:22:00 01:00:03:00 01:00:05:00\n"));
  g_assert_nonnull (strstr (written->str, "\n003  ROOM_TON A     C        00:00:00:00 00:00:03:00 01:00:06:00 01:00:09:00\n"));
  g_assert_nonnull (strstr (written->str, "\n005  MUSIC    A     C        00:00:30:00 00:00:32:00 01:00:09:00 01:00:11:00\n"));
  again = cr_edl_read (written->str, -1, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->events->len, ==, 2);
  g_assert_cmpuint (again->sound_events->len, ==, 3);
  for (i = 0; i < 2; i++)
    {
      const CrTimelineEvent *event = cr_timeline_get_event (timeline, i);

      assert_event (again, i, cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)),
                    event->in, event->out, event->record);
    }
  for (i = 0; i < 3; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->sound_events, i);

      assert_sound (again, i, event->track,
                    cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)),
                    event->in, event->out, event->record);
    }
  g_assert_cmpuint (again->warnings->len, ==, 0);
}

static void
assert_read_error (const char *edl,
                   const char *expected)
{
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);

  g_assert_null (timeline);
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_read_errors (void)
{
  assert_read_error ("TITLE: x\n001  R V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
                     "002  R V K B 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n",
                     "EDL line 3: transition “K”: only cuts, dissolves and wipes are supported");
  assert_read_error ("TITLE: x\n001  R V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
                     "002  R V D 030 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n",
                     "EDL line 3: the dissolve of 30 frames is longer than its event");
  assert_read_error ("TITLE: x\n001  R V C 00:00:00:00 00:00:02:00 01:00:00:00 01:00:02:00\n"
                     "002  S V C 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n",
                     "EDL line 3: record in 01:00:01:00 is before the previous event ends: a cut has one picture track");
  assert_read_error ("TITLE: x\n\n001  R V C 00:00:00:00 00:00:01:99 01:00:00:00 01:00:01:00\n",
                     "EDL line 3: source out “00:00:01:99”");
  assert_read_error ("TITLE: x\n001  R V C 00:00:00:00 00:00:02:00 01:00:00:00 01:00:01:00\n",
                     "EDL line 2: record length 25 frames does not match");
  assert_read_error ("TITLE: x\nhello\nworld\n", "EDL line 2: “hello” is not an event");
  assert_read_error ("TITLE: x\n001  R V C 00:00:00:00 00:00:02:00\n", "EDL line 2: a cut needs 8 fields");
  assert_read_error ("TITLE: x\nM2   R       050.0                01:00:00:00\n", "EDL line 2: motion effects");
  assert_read_error ("TITLE: x\n", "EDL: no events");

  /* Without a rate comment or option, only drop-frame says its rate. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrTimeline) timeline =
      cr_edl_read ("FCM: NON-DROP FRAME\n001  R V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n",
                   -1, NULL, &error);
    g_assert_null (timeline);
    g_assert_nonnull (strstr (error->message, "EDL line 2: the EDL does not say its frame rate"));
  }
}

static void
test_validate (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CrTimelineEvent *event = g_ptr_array_index (timeline->events, 1);

  event->out = 301;
  g_assert_false (cr_edl_write (timeline, NULL, out, &error));
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Event 2 (Zoë's interview.mov): out 00:59:59;01 is past the end "
                   "of the media (its media runs from 00:59:49;00 to 00:59:59;00)");
  g_clear_error (&error);

  event->out = 250;
  event = g_ptr_array_index (timeline->events, 4);
  event->in = -1;
  g_assert_false (cr_timeline_validate (timeline, &error));
  g_assert_cmpstr (error->message, ==, "Event 5 (line\\nbreak.mov): in 00:00:58;29 is before the start "
                   "of the media (its media runs from 00:00:59;00 to 00:01:03;02)");
  g_clear_error (&error);

  event->in = 10;
  event->record = 690;
  g_assert_false (cr_timeline_validate (timeline, &error));
  g_assert_cmpstr (error->message, ==, "Event 5 starts at record frame 690, before the previous event ends (697)");
  g_clear_error (&error);

  event->record = 697;
  cr_timeline_event_add_marker (event, 80, "after the out point");
  g_assert_false (cr_timeline_validate (timeline, &error));
  g_assert_nonnull (strstr (error->message, "Event 5 (line\\nbreak.mov): marker at 00:01:01;22 is outside the event"));
}

static void
test_export_file (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-edl-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.edl", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "cut.edl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = write_edl (timeline, NULL);
  g_autoptr(GDir) listing = NULL;
  CrTimelineEvent *event;

  g_assert_true (cr_timeline_export_file (timeline, CR_EXPORT_EDL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  /* A timeline that cannot be written leaves the older file as it was, and no temp file. */
  event = g_ptr_array_index (timeline->events, 0);
  event->out = 100000;
  g_assert_false (cr_timeline_export_file (timeline, CR_EXPORT_EDL, NULL, path, &error));
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  event->out = 480;
  g_assert_false (cr_timeline_export_file (timeline, CR_EXPORT_EDL, NULL, bad_path, &error));
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, bad_path));

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "cut.edl");
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edl/golden", test_golden);
  g_test_add_func ("/edl/event-lines", test_event_lines);
  g_test_add_func ("/edl/reel-names", test_reel_names);
  g_test_add_func ("/edl/59.94", test_5994);
  g_test_add_func ("/edl/no-comments", test_no_comments);
  g_test_add_func ("/edl/ascii", test_ascii);
  g_test_add_func ("/edl/round-trip", test_round_trip);
  g_test_add_func ("/edl/read-foreign", test_read_foreign);
  g_test_add_func ("/edl/read-sound-listed-after", test_read_sound_listed_after);
  g_test_add_func ("/edl/read-errors", test_read_errors);
  g_test_add_func ("/edl/read-dissolve-and-split-audio", test_read_dissolve_and_split_audio);
  g_test_add_func ("/edl/read-premiere-split-sound", test_read_premiere_split_sound);
  g_test_add_func ("/edl/validate", test_validate);
  g_test_add_func ("/edl/export-file", test_export_file);
  return g_test_run ();
}
