/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cut-fixture.h"

static const CrRate rate_23976 = { 24000, 1001 };
static const CrRate rate_25 = { 25, 1 };
static const CrRate rate_2997 = { 30000, 1001 };

const char * const cut_fixture_files[] = {
  "A001_Interview Ann.mov",
  "B-roll \"weir\" & lock.mp4",
  "Zoë's interview.mov",
  "A101_1.WAV",
  "line\nbreak.mov",
  "A001_Interview Bo.mov",
  NULL,
};

/* Per source: rate, drop-frame, start timecode (frames), duration, video, audio channels. */
static const struct
{
  const CrRate *rate;
  gboolean      drop_frame;
  const char   *start_tc;
  gint64        duration;
  gboolean      video;
  int           audio;
} sources[] = {
  { &rate_23976, FALSE, "12:39:59:00", 600, TRUE, 2 },
  { &rate_25, FALSE, "10:00:00:00", 250, TRUE, 0 },
  { &rate_2997, TRUE, "00:59:49;00", 300, TRUE, 1 },
  { &rate_23976, FALSE, "12:39:59:00", 240, FALSE, 2 },  /* audio only */
  { &rate_2997, TRUE, "00:00:59;00", 120, TRUE, 2 },     /* its range crosses a dropped minute */
  { &rate_23976, FALSE, "01:00:00:00", 120, TRUE, 2 },
};

CrTimeline *
cut_fixture_new (const char *folder)
{
  CrTimeline *timeline = cr_timeline_new ("River Project – rough cut 1 \"A&B\"", rate_2997, TRUE, 1920, 1080);
  CrTimelineEvent *event;
  guint i;

  for (i = 0; cut_fixture_files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, cut_fixture_files[i], NULL);
      CrTimecodeFormat fmt = { *sources[i].rate, sources[i].drop_frame };
      gint64 start_tc = 0;

      g_assert_true (cr_timecode_parse (sources[i].start_tc, &fmt, &start_tc, NULL));
      cr_timeline_add_source (timeline, path, NULL, *sources[i].rate, sources[i].drop_frame,
                              start_tc, sources[i].duration, sources[i].video, sources[i].audio);
    }
  /* Sizes known for some sources only: UHD, the sequence's own, unknown for the rest. */
  cr_timeline_source_set_size (timeline, 0, 3840, 2160);
  cr_timeline_source_set_size (timeline, 2, 1920, 1080);

  /* 240 frames at 23.976 = exactly 300 at 29.97. */
  event = cr_timeline_add_event (timeline, 0, 240, 480, 0);
  event->label = g_strdup ("Why the river matters");
  event->participants = g_strdup ("Ann Lee");
  event->question = g_strdup ("1. What does the river mean to you?");
  event->note = g_strdup ("Strong opening, \"keep\" <all> of it");
  cr_timeline_event_add_marker (event, 300, "laughs");
  cr_timeline_event_add_marker (event, 420, "looks at the weir & smiles");
  cr_timeline_event_add_keyword (event, "river");
  cr_timeline_event_add_keyword (event, "opening");

  event = cr_timeline_add_event (timeline, 2, 100, 250, 300);
  event->participants = g_strdup ("Zoë Brontë, Bo Chen");
  event->question = g_strdup ("2. Who, else, uses it?");

  /* A 45-frame gap; 63 frames at 25 = 75.52 at 29.97, rounded to 76. */
  event = cr_timeline_add_event (timeline, 1, 50, 113, 495);
  event->label = g_strdup ("Weir & lock");
  event->note = g_strdup ("Line one\nline two\ttabbed");

  /* Audio only: 101 frames at 23.976 = 126.25 at 29.97, rounded to 126. */
  event = cr_timeline_add_event (timeline, 3, 0, 101, 571);
  event->label = g_strdup ("Room tone");

  /* 00:00:59;10 to 00:01:01;22: the labels ;00 and ;01 of minute 1 do not exist. */
  event = cr_timeline_add_event (timeline, 4, 10, 80, 697);
  event->label = g_strdup ("Name with a\nnewline");
  cr_timeline_event_add_marker (event, 40, "drop-frame minute");

  event = cr_timeline_add_event (timeline, 5, 0, 120, 767);
  event->participants = g_strdup ("Bo Chen");
  cr_timeline_event_add_keyword (event, "closing, \"end\"");

  return timeline;
}

void
cut_fixture_check_golden (const char *name,
                          const char *text)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "media", "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("CASEREEL_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  if (strcmp (text, expected) != 0)
    {
      /* Name the first line that differs rather than print two whole files. */
      g_auto(GStrv) got = g_strsplit (text, "\n", -1);
      g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
      guint i;

      for (i = 0; got[i] != NULL && want[i] != NULL && g_str_equal (got[i], want[i]); i++)
        ;
      g_error ("%s differs at line %u: got “%s”, expected “%s” (CASEREEL_UPDATE_GOLDEN=1 rewrites it)",
               name, i + 1, got[i] ? got[i] : "(end)", want[i] ? want[i] : "(end)");
    }
}

char *
cut_fixture_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

char *
cut_fixture_make_media (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = cr_test_make_tmp ("casereel-cut-XXXXXX", &error);
  guint i;

  g_assert_no_error (error);
  for (i = 0; cut_fixture_files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, cut_fixture_files[i], NULL);
      g_autofree char *rate = g_strdup_printf ("%d/%d", sources[i].rate->num, sources[i].rate->den);
      /* A little longer than the frames the timeline says are available. */
      g_autofree char *seconds = g_strdup_printf ("%.3f", (double) (sources[i].duration + 2) *
                                                  sources[i].rate->den / sources[i].rate->num);
      g_autofree char *video = g_strdup_printf ("testsrc=size=160x90:rate=%s", rate);
      g_autofree char *audio = g_strdup_printf ("sine=frequency=440:sample_rate=48000");
      g_autofree char *channels = g_strdup_printf ("%d", MAX (sources[i].audio, 1));
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;

      g_ptr_array_add (argv, "ffmpeg");
      g_ptr_array_add (argv, "-v");
      g_ptr_array_add (argv, "error");
      if (sources[i].video)
        {
          g_ptr_array_add (argv, "-f");
          g_ptr_array_add (argv, "lavfi");
          g_ptr_array_add (argv, "-i");
          g_ptr_array_add (argv, video);
        }
      if (sources[i].audio > 0)
        {
          g_ptr_array_add (argv, "-f");
          g_ptr_array_add (argv, "lavfi");
          g_ptr_array_add (argv, "-i");
          g_ptr_array_add (argv, audio);
          g_ptr_array_add (argv, "-ac");
          g_ptr_array_add (argv, channels);
        }
      g_ptr_array_add (argv, "-t");
      g_ptr_array_add (argv, seconds);
      if (sources[i].video)
        {
          g_ptr_array_add (argv, "-c:v");
          g_ptr_array_add (argv, "mpeg4");
          g_ptr_array_add (argv, "-g");
          g_ptr_array_add (argv, "1");
        }
      g_ptr_array_add (argv, "-f");
      g_ptr_array_add (argv, g_str_has_suffix (path, ".WAV") ? "wav" : g_str_has_suffix (path, ".mp4") ? "mp4" : "mov");
      g_ptr_array_add (argv, path);
      g_ptr_array_add (argv, NULL);
      out = cut_fixture_run ((const char * const *) argv->pdata);
    }
  return folder;
}

void
cut_fixture_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

void
cut_fixture_assert_same_events (const CrTimeline *a,
                                const CrTimeline *b)
{
  guint i;

  g_assert_cmpuint (a->events->len, ==, b->events->len);
  g_assert_cmpuint (a->sound_events->len, ==, b->sound_events->len);
  g_assert_true (cr_rate_equal (a->rate, b->rate));
  g_assert_cmpint (a->drop_frame, ==, b->drop_frame);
  g_assert_cmpint (a->record_start, ==, b->record_start);
  /* Every track's events: the picture's, then the sound tracks'. */
  for (i = 0; i < a->events->len + a->sound_events->len; i++)
    {
      gboolean sound = i >= a->events->len;
      const CrTimelineEvent *ea = sound ? g_ptr_array_index (a->sound_events, i - a->events->len)
                                  : cr_timeline_get_event (a, i);
      const CrTimelineEvent *eb = sound ? g_ptr_array_index (b->sound_events, i - b->events->len)
                                  : cr_timeline_get_event (b, i);
      const CrTimelineSource *sa = cr_timeline_get_source (a, ea->source);
      const CrTimelineSource *sb = cr_timeline_get_source (b, eb->source);

      g_assert_cmpuint (ea->track, ==, eb->track);
      g_assert_cmpint (ea->in, ==, eb->in);
      g_assert_cmpint (ea->out, ==, eb->out);
      g_assert_cmpint (ea->record, ==, eb->record);
      g_assert_true (cr_rate_equal (sa->rate, sb->rate));
      g_assert_cmpint (sa->drop_frame, ==, sb->drop_frame);
      g_assert_cmpint (sa->start_tc, ==, sb->start_tc);
      g_assert_cmpint (sa->has_video, ==, sb->has_video);
      g_assert_cmpint (sa->audio_channels, ==, sb->audio_channels);
    }
}
