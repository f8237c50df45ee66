/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-edl.h"
#include "cr-otio.h"
#include "cut-fixture.h"

/* Cuts of two hours that mix 23.976, 25, 29.97 DF, 59.94 DF and Broadcast WAV sources, in 25
 * and 29.97 DF lists that start before, at and an hour before midnight after 01:00:00:00, with
 * sources whose ranges cross midnight and more than 999 events. Each is written as EDL and
 * OTIO, checked by an independent reader of each format's rules, and read back exactly. */

static const CrRate rate_23976 = { 24000, 1001 };
static const CrRate rate_25 = { 25, 1 };
static const CrRate rate_2997 = { 30000, 1001 };
static const CrRate rate_5994 = { 60000, 1001 };

static const struct
{
  const char   *name;
  const CrRate *rate;
  gboolean      drop_frame;
  const char   *start_tc;
  gboolean      video;
  int           audio;
} sources[] = {
  { "Interview 23.976.mov", &rate_23976, FALSE, "12:39:59:00", TRUE, 2 },
  { "B-roll 25.mov", &rate_25, FALSE, "10:00:00:00", TRUE, 0 },
  { "Interview 29.97 DF.mov", &rate_2997, TRUE, "00:09:59;00", TRUE, 1 },
  { "Action 59.94 DF.mov", &rate_5994, TRUE, "00:09:59;00", TRUE, 2 },
  { "Sound 1.WAV", &rate_25, FALSE, "23:59:50:00", FALSE, 2 },   /* Broadcast WAV, its timecode */
  { "Night 25.mov", &rate_25, FALSE, "23:59:40:00", TRUE, 2 },
};

#define HOURS_OF_MEDIA 3

static CrTimeline *
mixed_cut (CrRate      rate,
           gboolean    drop_frame,
           const char *record_start)
{
  CrTimeline *timeline = cr_timeline_new ("Mixed rates", rate, drop_frame, 1920, 1080);
  CrTimecodeFormat fmt = { rate, drop_frame };
  g_autoptr(GRand) random = g_rand_new_with_seed (14);
  gint64 two_hours = (gint64) cr_rate_nominal_fps (rate) * 7200;
  gint64 record = 0;
  guint i;

  g_assert_true (cr_timecode_parse (record_start, &fmt, &timeline->record_start, NULL));
  for (i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename ("/media/Mixed", sources[i].name, NULL);
      CrTimecodeFormat sfmt = { *sources[i].rate, sources[i].drop_frame };
      gint64 start_tc = 0;

      g_assert_true (cr_timecode_parse (sources[i].start_tc, &sfmt, &start_tc, NULL));
      cr_timeline_add_source (timeline, path, NULL, *sources[i].rate, sources[i].drop_frame, start_tc,
                              (gint64) cr_rate_nominal_fps (*sources[i].rate) * 3600 * HOURS_OF_MEDIA,
                              sources[i].video, sources[i].audio);
    }

  /* Across midnight first: 23:59:50:00 to 00:00:10:00 of the night clip, 23:59:55:00 to
   * 00:00:05:00 of the sound. */
  cr_timeline_add_event (timeline, 5, 250, 750, record);
  record = cr_timeline_get_duration (timeline);
  cr_timeline_add_event (timeline, 4, 125, 375, record);
  record = cr_timeline_get_duration (timeline);

  while (record < two_hours)
    {
      guint source = (guint) g_rand_int_range (random, 0, G_N_ELEMENTS (sources));
      const CrTimelineSource *src = cr_timeline_get_source (timeline, source);
      gint64 length = g_rand_int_range (random, 3, 300);
      gint64 in = g_rand_int_range (random, 0, (gint32) (src->duration - length));

      if (g_rand_int_range (random, 0, 8) == 0)
        record += g_rand_int_range (random, 1, 50);
      cr_timeline_add_event (timeline, source, in, in + length, record);
      record = cr_timeline_get_duration (timeline);
    }
  g_assert_true (cr_timeline_validate (timeline, NULL));
  g_assert_cmpuint (timeline->events->len, >, 999);
  return timeline;
}

typedef struct
{
  CrRate      rate;
  gboolean    drop_frame;
  const char *record_start;
} Cut;

static const Cut cuts[] = {
  { { 25, 1 }, FALSE, "00:58:58:00" },
  { { 25, 1 }, FALSE, "01:00:00:00" },
  { { 25, 1 }, FALSE, "23:00:00:00" },
  { { 30000, 1001 }, TRUE, "00:58:58;00" },
  { { 30000, 1001 }, TRUE, "01:00:00;00" },
  { { 30000, 1001 }, TRUE, "23:00:00;00" },
};

static char *
run_script (const char *script,
            const char *text,
            const char *file_name,
            const char *arg1,
            const char *arg2)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-mixed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *program = g_test_build_filename (G_TEST_DIST, "media", script, NULL);
  const char *argv[] = { "/usr/bin/python3", program, path, arg1, arg2, NULL };
  char *out;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  out = cut_fixture_run (argv);
  cut_fixture_remove_folder (dir);
  return out;
}

/* Matches each source read back to the cut's (by name, as `cut import` does) and moves it to the
 * clip's start timecode. */
static void
rebase_by_name (CrTimeline       *back,
                const CrTimeline *cut)
{
  guint i, j;

  for (i = 0; i < back->sources->len; i++)
    {
      const CrTimelineSource *read = cr_timeline_get_source (back, i);
      gboolean found = FALSE;

      for (j = 0; j < cut->sources->len; j++)
        {
          const CrTimelineSource *orig = cr_timeline_get_source (cut, j);

          if (g_str_equal (cr_timeline_source_get_name (read), cr_timeline_source_get_name (orig)))
            {
              cr_timeline_rebase_source (back, i, orig->start_tc, orig->duration);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

static void
assert_same_sources (const CrTimeline *cut,
                     const CrTimeline *back)
{
  guint i;

  for (i = 0; i < cut->events->len; i++)
    g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (cut, cr_timeline_get_event (cut, i)->source)),
                     ==,
                     cr_timeline_source_get_name (cr_timeline_get_source (back, cr_timeline_get_event (back, i)->source)));
}

static void
test_edl (gconstpointer data)
{
  const Cut *c = data;
  g_autoptr(CrTimeline) cut = mixed_cut (c->rate, c->drop_frame, c->record_start);
  g_autoptr(GString) edl = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = NULL;
  g_autofree char *num = g_strdup_printf ("%d", c->rate.num);
  g_autofree char *den = g_strdup_printf ("%d", c->rate.den);
  g_autofree char *checked = NULL;
  g_auto(GStrv) lines = NULL;
  guint i;

  g_assert_true (cr_edl_write (cut, NULL, edl, &error));
  g_assert_no_error (error);

  /* The independent reader's frames are the cut's, event by event. */
  checked = run_script ("test-edl-cmx3600.py", edl->str, "cut.edl", num, den);
  lines = g_strsplit (checked, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, cut->events->len + 1);
  for (i = 0; i < cut->events->len; i++)
    {
      const CrTimelineEvent *event = cr_timeline_get_event (cut, i);
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                   cut->record_start + event->record,
                                                   cr_timeline_event_get_length (cut, event));
      g_assert_cmpstr (lines[i], ==, expected);
    }

  /* The night clip's range across midnight counts on past 24 hours rather than wrapping. */
  g_assert_nonnull (strstr (edl->str, c->drop_frame ? "* SOURCE IN OUT: 23:59:50:00 24:00:10:00\n"
                                                    : " 23:59:50:00 24:00:10:00 "));
  g_assert_nonnull (strstr (edl->str, "\n* EVENTS 1000 TO "));

  back = cr_edl_read (edl->str, -1, NULL, &error);
  g_assert_no_error (error);
  rebase_by_name (back, cut);
  cut_fixture_assert_same_events (cut, back);
  assert_same_sources (cut, back);
}

static void
test_otio (gconstpointer data)
{
  const Cut *c = data;
  g_autoptr(CrTimeline) cut = mixed_cut (c->rate, c->drop_frame, c->record_start);
  g_autoptr(GString) otio = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = NULL;
  g_autofree char *checked = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *end = NULL;
  guint i, line = 0, track;

  g_assert_true (cr_otio_write (cut, NULL, otio, &error));
  g_assert_no_error (error);

  /* By OTIO's time rules every clip starts at its event's record frame and both tracks last
   * exactly the cut's frames. */
  checked = run_script ("test-otio-rules.py", otio->str, "cut.otio", NULL, NULL);
  lines = g_strsplit (checked, "\n", -1);
  end = g_strdup_printf ("end %" G_GINT64_FORMAT, cr_timeline_get_duration (cut));
  for (track = 0; track < 2; track++)
    {
      g_assert_cmpstr (lines[line++], ==, track == 0 ? "Video" : "Audio");
      for (i = 0; i < cut->events->len; i++)
        {
          const CrTimelineEvent *event = cr_timeline_get_event (cut, i);
          const CrTimelineSource *source = cr_timeline_get_source (cut, event->source);
          gboolean present = track == 0 ? source->has_video : source->audio_channels > 0;
          g_autofree char *expected = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                       present ? "clip" : "gap", event->record,
                                                       cr_timeline_event_get_length (cut, event));

          if (g_str_has_prefix (lines[line], "gap ") && !g_str_equal (lines[line], expected))
            line++;   /* the hole before the event */
          g_assert_cmpstr (lines[line++], ==, expected);
        }
      g_assert_cmpstr (lines[line++], ==, end);
    }

  back = cr_otio_read (otio->str, -1, &error);
  g_assert_no_error (error);
  cut_fixture_assert_same_events (cut, back);
  assert_same_sources (cut, back);
}

/* Other writers wrap a range across midnight to 00: it is read as the next day. */
static void
test_read_wrapped_midnight (void)
{
  const char *edl =
    "TITLE: Night\n"
    "FCM: NON-DROP FRAME\n"
    "001  NIGHT    V     C        23:59:55:00 00:00:05:00 23:59:59:00 00:00:09:00\n"
    "002  DAY      V     C        10:00:05:00 10:00:06:00 00:00:09:00 00:00:10:00\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (edl, -1, &options, &error);
  const CrTimelineEvent *event;

  g_assert_no_error (error);
  /* The cut starts at its first record in (no "* RECORD START"). */
  g_assert_cmpint (timeline->record_start, ==, (gint64) (23 * 3600 + 59 * 60 + 59) * 25);
  event = cr_timeline_get_event (timeline, 0);
  g_assert_cmpint (event->in, ==, (gint64) (23 * 3600 + 59 * 60 + 55) * 25);
  g_assert_cmpint (event->out - event->in, ==, 250);
  g_assert_cmpint (event->record, ==, 0);
  /* The record labels after midnight are the next day's too. */
  event = cr_timeline_get_event (timeline, 1);
  g_assert_cmpint (event->record, ==, 250);

  /* An out point before its in point that is not a day's wrap stays an error. */
  g_clear_pointer (&timeline, cr_timeline_free);
  timeline = cr_edl_read ("TITLE: x\nFCM: NON-DROP FRAME\n"
                          "001  R V C 10:00:05:00 10:00:00:00 01:00:00:00 01:00:05:00\n",
                          -1, &options, &error);
  g_assert_null (timeline);
  g_assert_cmpstr (error->message, ==, "EDL line 3: an out point is not after its in point");
}

/* Another editor's 25 fps list of clips catalogued at 23.976 and 29.97 DF: the source
 * timecodes are the clips' own carried into the list's rate (no rate comments), the lengths
 * the list's frames. Each event lands on the clip's frames that the labels name. */
static void
test_read_foreign_rates (void)
{
  const char *edl =
    "TITLE: From the other editor\n"
    "FCM: NON-DROP FRAME\n"
    "001  INT23    V     C        12:40:02:00 12:40:04:12 01:00:00:00 01:00:02:12\n"
    "* FROM CLIP NAME: Interview 23.976.mov\n"
    "002  INT23    V     C        12:40:05:13 12:40:06:13 01:00:02:12 01:00:03:12\n"
    "* FROM CLIP NAME: Interview 23.976.mov\n"
    "003  INT2997  V     C        00:11:00:10 00:11:02:10 01:00:03:12 01:00:05:12\n"
    "* FROM CLIP NAME: Interview 29.97 DF.mov\n"
    "004  INT2997  V     C        00:12:00:00 00:12:01:00 01:00:05:12 01:00:06:12\n"
    "* FROM CLIP NAME: Interview 29.97 DF.mov\n";
  CrEdlReadOptions options = { .rate = { 25, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) cut = mixed_cut (rate_25, FALSE, "01:00:00:00");
  g_autoptr(CrTimeline) back = cr_edl_read (edl, -1, &options, &error);
  /* in, out (clip frames from its first), record (list frames) */
  const gint64 expected[][3] = {
    { 72, 72 + 59, 0 },          /* 3 s after 12:39:59:00 at 24 labels a second; 59 frames last 62 at 25 */
    { 157, 157 + 24, 62 },       /* :13 of 25 is :13 of 24 (scaled up); 24 frames last 25 */
    { 1840, 1840 + 60, 87 },     /* 00:11:00;12 (:10 of 25 is ;12 of 30) is 1840 after 00:09:59;00 */
    { 3628, 3628 + 30, 137 },    /* 00:12:00:00 is the minute's first label, 00:12:00;02 */
  };
  guint i;

  g_assert_no_error (error);
  g_assert_cmpuint (back->events->len, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < back->sources->len; i++)
    for (guint j = 0; j < cut->sources->len; j++)
      {
        const CrTimelineSource *orig = cr_timeline_get_source (cut, j);

        if (g_str_equal (cr_timeline_source_get_name (cr_timeline_get_source (back, i)),
                         cr_timeline_source_get_name (orig)))
          {
            cr_edl_read_source_at (back, i, orig->rate, orig->drop_frame);
            cr_timeline_rebase_source (back, i, orig->start_tc, orig->duration);
          }
      }
  g_assert_true (cr_timeline_validate (back, &error));
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CrTimelineEvent *event = cr_timeline_get_event (back, i);
      const CrTimelineSource *source = cr_timeline_get_source (back, event->source);
      CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
      g_autofree char *label = cr_timecode_to_string (source->start_tc + event->in, &fmt);

      g_test_message ("event %u: %s, %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, i + 1, label, event->in, event->out);
      g_assert_cmpint (event->in, ==, expected[i][0]);
      g_assert_cmpint (event->out, ==, expected[i][1]);
      g_assert_cmpint (event->record, ==, expected[i][2]);
    }
  /* The labels those frames have in the clips. */
  {
    CrTimecodeFormat df = { rate_2997, TRUE };
    gint64 start = 0, at = 0;

    g_assert_true (cr_timecode_parse ("00:09:59;00", &df, &start, NULL));
    g_assert_true (cr_timecode_parse ("00:11:00;12", &df, &at, NULL));
    g_assert_cmpint (at - start, ==, expected[2][0]);
    g_assert_true (cr_timecode_parse ("00:12:00;02", &df, &at, NULL));
    g_assert_cmpint (at - start, ==, expected[3][0]);
  }
}

/* Our own lists without the rate comments, read as another editor's: every record position
 * and length is the cut's; the source in points are exact where the list counts as many labels
 * a second as the source or more in the same drop mode, and otherwise within the frames that
 * one label of the list stands for. */
static int
by_record (gconstpointer a,
           gconstpointer b)
{
  const CrTimelineEvent *x = *(const CrTimelineEvent *const *) a;
  const CrTimelineEvent *y = *(const CrTimelineEvent *const *) b;

  return x->record < y->record ? -1 : x->record > y->record;
}

static void
test_read_without_comments (gconstpointer data)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  const Cut *c = data;
  g_autoptr(CrTimeline) cut = mixed_cut (c->rate, c->drop_frame, c->record_start);
  g_autoptr(GString) edl = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = NULL;
  CrEdlOptions write_options = { .no_rate_comments = TRUE };
  CrEdlReadOptions options = { .rate = c->rate, .has_record_start = TRUE, .record_start = cut->record_start };
  guint i, exact = 0;

  g_assert_true (cr_edl_write (cut, &write_options, edl, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (edl->str, "SOURCE IN OUT"));
  back = cr_edl_read (edl->str, -1, &options, &error);
  g_assert_no_error (error);
  for (i = 0; i < back->sources->len; i++)
    for (guint j = 0; j < cut->sources->len; j++)
      {
        const CrTimelineSource *orig = cr_timeline_get_source (cut, j);

        if (g_str_equal (cr_timeline_source_get_name (cr_timeline_get_source (back, i)),
                         cr_timeline_source_get_name (orig)))
          {
            cr_edl_read_source_at (back, i, orig->rate, orig->drop_frame);
            cr_timeline_rebase_source (back, i, orig->start_tc, orig->duration);
          }
      }
  g_assert_true (cr_timeline_validate (back, &error));
  g_assert_no_error (error);
  /* Without our comments a sound-only clip's line reads as sound track A1's event: a plain
   * list cannot say that it stood on the picture track. Those are the BWF events. */
  for (i = 0; i < back->events->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (back->events, i));
  for (i = 0; i < back->sound_events->len; i++)
    {
      const CrTimelineEvent *e = g_ptr_array_index (back->sound_events, i);

      g_assert_cmpuint (e->track, ==, 1);
      g_assert_false (cr_timeline_get_source (back, e->source)->has_video);
      g_ptr_array_add (all, (gpointer) e);
    }
  g_ptr_array_sort (all, by_record);
  g_assert_cmpuint (back->sound_events->len, >, 0);
  g_assert_cmpuint (all->len, ==, cut->events->len);
  for (i = 0; i < cut->events->len; i++)
    g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (cut, cr_timeline_get_event (cut, i)->source)),
                     ==,
                     cr_timeline_source_get_name (cr_timeline_get_source (back,
                                                                          ((CrTimelineEvent *) g_ptr_array_index (all, i))->source)));
  for (i = 0; i < cut->events->len; i++)
    {
      const CrTimelineEvent *a = cr_timeline_get_event (cut, i);
      const CrTimelineEvent *b = g_ptr_array_index (all, i);
      const CrTimelineSource *source = cr_timeline_get_source (cut, a->source);
      int source_fps = cr_rate_nominal_fps (source->rate), list_fps = cr_rate_nominal_fps (c->rate);

      g_assert_cmpint (b->record, ==, a->record);
      g_assert_cmpint (cr_timeline_event_get_length (back, b), ==, cr_timeline_event_get_length (cut, a));
      if (source_fps <= list_fps && source->drop_frame == c->drop_frame)
        {
          g_assert_cmpint (b->in, ==, a->in);
          g_assert_cmpint (b->out, ==, a->out);
          exact++;
        }
      else
        {
          /* A drop-frame list has no labels for a minute's first frames: its first label stands
           * for them all. */
          int bound = MAX ((source_fps + list_fps - 1) / list_fps, c->drop_frame ? list_fps / 15 : 0);

          g_assert_cmpint (ABS (b->in - a->in), <=, bound);
        }
    }
  /* One source in six or more has the list's rate. */
  g_assert_cmpuint (exact, >, cut->events->len / 10);
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);
  for (i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *rate = g_strdup_printf ("%s%s", cuts[i].rate.den == 1 ? "25" : "29.97",
                                               cuts[i].drop_frame ? "DF" : "");
      g_autofree char *start = g_strdelimit (g_strdup (cuts[i].record_start), ":;", '.');
      g_autofree char *edl = g_strdup_printf ("/mixed/edl/%s/%s", rate, start);
      g_autofree char *otio = g_strdup_printf ("/mixed/otio/%s/%s", rate, start);

      g_test_add_data_func (edl, &cuts[i], test_edl);
      g_test_add_data_func (otio, &cuts[i], test_otio);
    }
  g_test_add_func ("/mixed/edl/read-wrapped-midnight", test_read_wrapped_midnight);
  g_test_add_func ("/mixed/edl/read-foreign-rates", test_read_foreign_rates);
  for (i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *start = g_strdelimit (g_strdup (cuts[i].record_start), ":;", '.');
      g_autofree char *path = g_strdup_printf ("/mixed/edl/without-comments/%s/%s",
                                               cuts[i].drop_frame ? "29.97DF" : "25", start);

      g_test_add_data_func (path, &cuts[i], test_read_without_comments);
    }
  return g_test_run ();
}
