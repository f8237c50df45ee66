/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-mlt.h"
#include "cr-timeline-export.h"
#include "cut-fixture.h"

#define FOLDER "/media/River Project"

static char *
write_mlt (const CrTimeline *timeline)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_mlt_write (timeline, NULL, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_golden (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *mlt = write_mlt (timeline);

  cut_fixture_check_golden ("cut.mlt", mlt);
}

static char *
xpath (const char *path,
       const char *query)
{
  const char *argv[] = { "xmllint", "--noout", "--xpath", query, path, NULL };
  return g_strchomp (cut_fixture_run (argv));
}

/* melt renders the cut, made of real 23.976, 25 and 29.97 files (one audio-only, names with
 * quotes, an ampersand, non-ASCII letters and a newline), to exactly the cut's frame count. */
static void
test_melt_renders (void)
{
  g_autofree char *folder = cut_fixture_make_media ();
  g_autoptr(CrTimeline) timeline = cut_fixture_new (folder);
  g_autofree char *mlt_path = g_build_filename (folder, "cut & \"take\".mlt", NULL);
  g_autofree char *mp4_path = g_build_filename (folder, "out.mp4", NULL);
  g_autofree char *consumer = g_strdup_printf ("avformat:%s", mp4_path);
  g_autofree char *frames = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *resource = NULL;
  g_autoptr(GError) error = NULL;

  timeline->width = 160;
  timeline->height = 90;
  g_assert_true (cr_timeline_export_file (timeline, CR_EXPORT_MLT, NULL, mlt_path, &error));
  g_assert_no_error (error);

  /* The resource comes back from the XML parser exactly, newline included. */
  resource = xpath (mlt_path, "string(//producer[@id='producer4']/property[@name='resource'])");
  g_assert_cmpstr (resource, ==, cr_timeline_get_source (timeline, 4)->path);

  {
    const char *melt[] = { "melt", "-quiet", mlt_path, "-consumer", consumer, "real_time=-1", NULL };
    const char *probe[] = { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                            "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", mp4_path, NULL };
    g_autofree char *melt_out G_GNUC_UNUSED = cut_fixture_run (melt);

    frames = g_strchomp (cut_fixture_run (probe));
  }
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, cr_timeline_get_duration (timeline));
  g_assert_cmpstr (frames, ==, expected);
  g_assert_cmpstr (frames, ==, "917");

  /* Every producer loaded (a missing file still renders, as a grey-ish pattern): frames from the
   * testsrc sources are bright, the gap and the audio-only event black. */
  {
    g_autofree char *graph = g_strdup_printf ("movie=%s,signalstats", mp4_path);
    const char *stats[] = { "ffprobe", "-v", "error", "-f", "lavfi", "-i", graph, "-show_entries",
                            "frame_tags=lavfi.signalstats.YAVG", "-of", "csv=p=0", NULL };
    g_autofree char *text = cut_fixture_run (stats);
    g_auto(GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);
    g_autofree gboolean *picture = g_new0 (gboolean, cr_timeline_get_duration (timeline));
    guint i;

    for (i = 0; i < timeline->events->len; i++)
      {
        const CrTimelineEvent *event = cr_timeline_get_event (timeline, i);
        gint64 f, length = cr_timeline_event_get_length (timeline, event);

        for (f = event->record; f < event->record + length; f++)
          picture[f] = cr_timeline_get_source (timeline, event->source)->has_video;
      }
    g_assert_cmpuint (g_strv_length (lines), ==, 917);
    for (i = 0; lines[i] != NULL; i++)
      {
        double yavg = g_ascii_strtod (lines[i], NULL);

        if (picture[i] ? yavg < 100 : yavg > 20)
          g_error ("frame %u: average luma %.1f, expected %s", i, yavg, picture[i] ? "testsrc" : "black");
      }
  }
  cut_fixture_remove_folder (folder);
}

/* The RMS level in dB of a file's sound from `from` to `to` seconds, as FFmpeg's astats says. */
static double
sound_level (const char *path,
             double      from,
             double      to)
{
  g_autofree char *graph = g_strdup_printf ("amovie=%s,atrim=start=%.3f:end=%.3f,astats=metadata=1:reset=0",
                                            path, from, to);
  const char *argv[] = { "ffprobe", "-v", "error", "-f", "lavfi", "-i", graph, "-show_entries",
                         "frame_tags=lavfi.astats.Overall.RMS_level", "-of", "csv=p=0", NULL };
  g_autofree char *text = cut_fixture_run (argv);
  g_auto(GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >, 0);
  /* Accumulated: the last frame's is the whole stretch's; silence is "-inf". */
  return g_str_has_suffix (lines[n - 1], "inf") ? -1000 : g_ascii_strtod (lines[n - 1], NULL);
}

/* A sound track melt renders: a picture with silent sound for 4 s and a tone on A1 from 1 s
 * to 3 s over it. The render has the picture's 100 frames and a sound stream, silent before
 * and after the tone and loud under it. */
static void
test_melt_mixes_sound_tracks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = cr_test_make_tmp ("casereel-mlt-XXXXXX", &error);
  g_autofree char *picture = g_build_filename (folder, "picture.mov", NULL);
  g_autofree char *tone = g_build_filename (folder, "tone.wav", NULL);
  g_autofree char *mlt_path = g_build_filename (folder, "cut.mlt", NULL);
  g_autofree char *mp4_path = g_build_filename (folder, "out.mp4", NULL);
  g_autofree char *consumer = g_strdup_printf ("avformat:%s", mp4_path);
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("Sound", (CrRate) { 25, 1 }, FALSE, 160, 90);
  const char *make_picture[] = { "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=25",
                                 "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "4.2", "-c:v", "mpeg4",
                                 "-c:a", "pcm_s16le", picture, NULL };
  const char *make_tone[] = { "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                              "-t", "3", "-ac", "2", tone, NULL };
  guint pic, snd;
  g_autofree char *frames = NULL, *streams = NULL;

  g_assert_no_error (error);
  g_free (cut_fixture_run (make_picture));
  g_free (cut_fixture_run (make_tone));
  pic = cr_timeline_add_source (timeline, picture, NULL, (CrRate) { 25, 1 }, FALSE, 0, 105, TRUE, 2);
  snd = cr_timeline_add_source (timeline, tone, NULL, (CrRate) { 25, 1 }, FALSE, 0, 75, FALSE, 2);
  cr_timeline_add_event (timeline, pic, 0, 100, 0);
  cr_timeline_add_sound_event (timeline, 1, snd, 0, 50, 25);
  g_assert_true (cr_timeline_export_file (timeline, CR_EXPORT_MLT, NULL, mlt_path, &error));
  g_assert_no_error (error);
  /* Read by an independent XML parser: a sound track, heard not seen, mixed in. */
  {
    g_autofree char *hide = xpath (mlt_path, "string(//tractor/track[@producer='playlist1']/@hide)");
    g_autofree char *mix = xpath (mlt_path, "string(//transition/property[@name='mlt_service'])");
    g_autofree char *blank = xpath (mlt_path, "string(//playlist[@id='playlist1']/blank/@length)");

    g_assert_cmpstr (hide, ==, "video");
    g_assert_cmpstr (mix, ==, "mix");
    g_assert_cmpstr (blank, ==, "25");
  }

  {
    const char *melt[] = { "melt", "-quiet", mlt_path, "-consumer", consumer, "real_time=-1", "acodec=aac", NULL };
    const char *probe[] = { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                            "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", mp4_path, NULL };
    const char *kinds[] = { "ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                            mp4_path, NULL };
    g_autofree char *melt_out G_GNUC_UNUSED = cut_fixture_run (melt);

    frames = g_strchomp (cut_fixture_run (probe));
    streams = g_strchomp (cut_fixture_run (kinds));
  }
  g_assert_cmpstr (frames, ==, "100");
  g_assert_cmpstr (streams, ==, "video\naudio");
  g_assert_cmpfloat (sound_level (mp4_path, 0.1, 0.9), <, -60);
  /* ffmpeg's sine is at an eighth of full scale: about -21 dB RMS alone. */
  g_assert_cmpfloat (sound_level (mp4_path, 1.2, 2.8), >, -30);
  g_assert_cmpfloat (sound_level (mp4_path, 3.2, 3.9), <, -60);
  cut_fixture_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mlt/golden", test_golden);
  g_test_add_func ("/mlt/melt-renders", test_melt_renders);
  g_test_add_func ("/mlt/melt-mixes-sound-tracks", test_melt_mixes_sound_tracks);
  return g_test_run ();
}
