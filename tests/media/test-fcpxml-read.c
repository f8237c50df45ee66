/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-fcpxml.h"
#include "cut-fixture.h"

/* FCPXML import: our own files of every version come back as the same events, and files shaped
 * like DaVinci Resolve's and Final Cut Pro's exports are read with their clips, gaps and
 * speeds, a transition and connected clips reported. */

static void
test_round_trip (void)
{
  static const char * const versions[] = { "1.9", "1.10", "1.11", NULL };
  guint i;

  for (i = 0; versions[i] != NULL; i++)
    {
      g_autoptr(CrTimeline) timeline = cut_fixture_new ("/media/River Project");
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrTimeline) back = NULL;
      CrFcpxmlOptions options = { 0 };
      guint j;

      g_assert_true (cr_fcpxml_version_parse (versions[i], &options.version, NULL));
      g_assert_true (cr_fcpxml_write (timeline, &options, out, &error));
      back = cr_fcpxml_read (out->str, out->len, &error);
      g_assert_no_error (error);
      cut_fixture_assert_same_events (timeline, back);
      g_assert_cmpstr (back->name, ==, timeline->name);
      g_assert_cmpint (back->width, ==, 1920);
      for (j = 0; j < timeline->events->len; j++)
        {
          const CrTimelineEvent *a = cr_timeline_get_event (timeline, j);
          const CrTimelineEvent *b = cr_timeline_get_event (back, j);

          g_assert_cmpstr (cr_timeline_get_source (timeline, a->source)->path, ==,
                           cr_timeline_get_source (back, b->source)->path);
          g_assert_cmpint (cr_timeline_get_source (timeline, a->source)->duration, ==,
                           cr_timeline_get_source (back, b->source)->duration);
          g_assert_cmpstr (a->label, ==, b->label);
          g_assert_cmpstr (a->note, ==, b->note);
        }
      g_assert_cmpuint (back->warnings->len, ==, 0);
    }
}

/* Resolve 18 writes 1.10 with <clip>s wrapping their <video>, conform-rate on clips of another
 * rate, a dissolve in the spine and titles connected on lane 1. */
static void
test_read_resolve (void)
{
  const char *fcpxml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE fcpxml>\n"
    "<fcpxml version=\"1.10\">\n"
    " <resources>\n"
    "  <format id=\"r0\" name=\"FFVideoFormat1080p25\" frameDuration=\"1/25s\" width=\"1920\" height=\"1080\"/>\n"
    "  <format id=\"r1\" frameDuration=\"1001/24000s\" width=\"3840\" height=\"2160\"/>\n"
    "  <asset id=\"r2\" name=\"interview.mov\" start=\"36000s\" duration=\"600s\" hasVideo=\"1\" hasAudio=\"1\""
    " audioChannels=\"2\" format=\"r0\">\n"
    "   <media-rep kind=\"original-media\" src=\"file:///media/day%201/interview.mov\"/>\n"
    "  </asset>\n"
    "  <asset id=\"r3\" name=\"broll.mov\" start=\"0s\" duration=\"100100/1000s\" hasVideo=\"1\" format=\"r1\">\n"
    "   <media-rep kind=\"original-media\" src=\"file:///media/day%201/broll.mov\"/>\n"
    "  </asset>\n"
    "  <effect id=\"r4\" name=\"Basic Title\" uid=\".../Titles.localized/Basic Title.moti\"/>\n"
    " </resources>\n"
    " <library>\n"
    "  <event name=\"Sent back\">\n"
    "   <project name=\"Timeline 1\">\n"
    "    <sequence format=\"r0\" tcStart=\"3600s\" tcFormat=\"NDF\" duration=\"12s\">\n"
    "     <spine>\n"
    "      <clip name=\"interview.mov\" offset=\"3600s\" start=\"0s\" duration=\"4s\" tcFormat=\"NDF\">\n"
    "       <video ref=\"r2\" offset=\"0s\" start=\"36010s\" duration=\"4s\"/>\n"
    "       <title ref=\"r4\" lane=\"1\" offset=\"1s\" duration=\"2s\" name=\"Ann Lee\"/>\n"
    "       <note>keep</note>\n"
    "      </clip>\n"
    "      <transition name=\"Cross Dissolve\" offset=\"3603s\" duration=\"2s\"/>\n"
    "      <asset-clip ref=\"r3\" name=\"River\" offset=\"3604s\" start=\"1001/250s\" duration=\"2s\">\n"
    "       <conform-rate scaleEnabled=\"0\" srcFrameRate=\"23.98\"/>\n"
    "      </asset-clip>\n"
    "      <gap name=\"Gap\" offset=\"3606s\" start=\"3600s\" duration=\"1s\"/>\n"
    "      <asset-clip ref=\"r2\" offset=\"3607s\" start=\"36100s\" duration=\"5s\" tcFormat=\"NDF\"/>\n"
    "     </spine>\n"
    "    </sequence>\n"
    "   </project>\n"
    "  </event>\n"
    " </library>\n"
    "</fcpxml>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_fcpxml_read (fcpxml, -1, &error);
  const CrTimelineEvent *event;
  const CrTimelineSource *source;

  g_assert_no_error (error);
  g_assert_cmpint (timeline->rate.num, ==, 25);
  g_assert_cmpint (timeline->record_start, ==, 90000);
  g_assert_cmpuint (timeline->events->len, ==, 3);

  event = cr_timeline_get_event (timeline, 0);
  source = cr_timeline_get_source (timeline, event->source);
  g_assert_cmpstr (source->path, ==, "/media/day 1/interview.mov");
  g_assert_cmpint (source->start_tc, ==, 900000);
  g_assert_cmpint (source->audio_channels, ==, 2);
  g_assert_cmpint (event->in, ==, 250);
  g_assert_cmpint (event->out, ==, 350);
  g_assert_cmpint (event->record, ==, 0);
  g_assert_cmpstr (event->note, ==, "keep");

  /* 23.976 footage in the 25 sequence, at its own speed: 2 s are 48 of its frames. */
  event = cr_timeline_get_event (timeline, 1);
  source = cr_timeline_get_source (timeline, event->source);
  g_assert_cmpint (source->rate.num, ==, 24000);
  g_assert_cmpint (event->in, ==, 96);
  g_assert_cmpint (event->out, ==, 96 + 48);
  g_assert_cmpint (event->record, ==, 100);
  g_assert_cmpstr (event->label, ==, "River");

  /* After the gap, the same asset again. */
  event = cr_timeline_get_event (timeline, 2);
  g_assert_cmpuint (event->source, ==, cr_timeline_get_event (timeline, 0)->source);
  g_assert_cmpint (event->in, ==, 2500);
  g_assert_cmpint (event->record, ==, 175);

  g_assert_cmpuint (timeline->warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 0), ==,
                   "FCPXML line 20: the clips connected to “interview.mov” (lane 1) are left out: a cut has one picture track");
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 1), ==,
                   "FCPXML line 25: the transition “Cross Dissolve” is read as a cut at its centre");
}

static void
assert_read_error (const char *body,
                   const char *expected)
{
  g_autofree char *fcpxml = g_strdup_printf (
    "<fcpxml version=\"1.9\"><resources>"
    "<format id=\"r1\" frameDuration=\"1/25s\"/>"
    "<asset id=\"r2\" name=\"a.mov\" start=\"0s\" duration=\"100s\" hasVideo=\"1\" format=\"r1\" src=\"file:///m/a.mov\"/>"
    "</resources><library><event><project name=\"p\"><sequence format=\"r1\" tcStart=\"0s\">\n"
    "<spine>%s</spine></sequence></project></event></library></fcpxml>", body);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_fcpxml_read (fcpxml, -1, &error);

  g_assert_null (timeline);
  /* PARSE, or INVALID for a range outside its asset. */
  g_assert_true (error != NULL && error->domain == CR_TIMELINE_ERROR);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_read_errors (void)
{
  assert_read_error ("<asset-clip ref=\"r9\" name=\"x\" offset=\"0s\" duration=\"1s\"/>",
                     "FCPXML line 2: “x” refers to “r9”, which is not an asset among the resources");
  assert_read_error ("<asset-clip ref=\"r2\" name=\"fast\" offset=\"0s\" duration=\"1s\">"
                     "<conform-rate srcFrameRate=\"50\"/></asset-clip>",
                     "FCPXML line 2: conform-rate plays “fast” at another speed");
  assert_read_error ("<asset-clip ref=\"r2\" name=\"x\" offset=\"0.5s\" duration=\"1s\"/>",
                     "FCPXML line 2: offset “0.5s” is not a time in seconds");
  assert_read_error ("<ref-clip ref=\"r2\" offset=\"0s\" duration=\"1s\"/>",
                     "FCPXML line 2: <ref-clip> in the spine is not supported");
  assert_read_error ("<asset-clip ref=\"r2\" name=\"x\" offset=\"0s\" duration=\"1s\">",
                     "FCPXML: ");
  assert_read_error ("<asset-clip ref=\"r2\" name=\"x\" offset=\"0s\" start=\"99s\" duration=\"2s\"/>",
                     "Event 1 (a.mov) on line 2: out 00:01:41:00 is past the end of the media");
  assert_read_error ("", "FCPXML: no clips in the sequence's spine");
}

/* Sound tracks as Final Cut lays them: clips connected below the spine (lane -1 for A1, -2
 * for A2), to a clip or to a gap, one running past the last picture on a gap to the cut's
 * end. xmllint reads every version; read back, they are the same events on the same tracks. */
static void
test_round_trip_sound_tracks (void)
{
  static const char * const versions[] = { "1.9", "1.10", "1.11", NULL };

  for (guint i = 0; versions[i] != NULL; i++)
    {
      g_autoptr(CrTimeline) timeline = cut_fixture_new ("/media/River Project");
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrTimeline) back = NULL;
      g_autofree char *dir = cr_test_make_tmp ("casereel-fcpxml-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "cut.fcpxml", NULL);
      CrFcpxmlOptions options = { 0 };
      gint64 end;

      cr_timeline_add_sound_event (timeline, 1, 3, 0, 50, 100);
      cr_timeline_add_sound_event (timeline, 2, 3, 10, 40, 520);
      end = cr_timeline_get_duration (timeline);
      cr_timeline_add_sound_event (timeline, 1, 3, 51, 101, end);
      g_assert_cmpint (cr_timeline_get_duration (timeline), >, end);
      g_assert_true (cr_fcpxml_version_parse (versions[i], &options.version, NULL));
      g_assert_true (cr_fcpxml_write (timeline, &options, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, out->str, -1, NULL));
      {
        const char *lint[] = { "xmllint", "--noout", path, NULL };
        const char *lanes[] = { "xmllint", "--noout", "--xpath",
                                "concat(count(//spine/asset-clip/asset-clip[@lane='-1']), ' ',"
                                " count(//spine/*/asset-clip[@lane='-2']), ' ', count(//spine/gap/asset-clip))",
                                path, NULL };
        g_autofree char *lint_out = cut_fixture_run (lint);
        g_autofree char *counted = cut_fixture_run (lanes);

        g_assert_cmpstr (lint_out, ==, "");
        g_assert_cmpstr (g_strchomp (counted), ==, "1 1 1");
      }
      back = cr_fcpxml_read (out->str, out->len, &error);
      g_assert_no_error (error);
      cut_fixture_assert_same_events (timeline, back);
      g_assert_cmpint (cr_timeline_get_duration (back), ==, cr_timeline_get_duration (timeline));
      for (guint j = 0; j < back->warnings->len; j++)
        g_assert_null (strstr (g_ptr_array_index (back->warnings, j), "lane"));
      cut_fixture_remove_folder (dir);
    }
}

/* "N s" and "N/1 s" are one time, however long: a long asset's duration given as a fraction is
 * written back reduced to whole seconds, and must read back (fuzz-fcpxml found it would not). */
static void
test_read_whole_seconds (void)
{
  static const char * const durations[] = { "1001000/1s", "1001000s", "1001000000/1000s", NULL };
  gint64 frames = -1;

  for (guint i = 0; durations[i] != NULL; i++)
    {
      g_autofree char *fcpxml = g_strdup_printf (
        "<fcpxml version=\"1.9\"><resources>"
        "<format id=\"r1\" frameDuration=\"1/25s\"/>"
        "<asset id=\"r2\" name=\"a.mov\" start=\"0s\" duration=\"%s\" hasVideo=\"1\" format=\"r1\" src=\"file:///m/a.mov\"/>"
        "</resources><library><event><project name=\"p\"><sequence format=\"r1\" tcStart=\"0s\">\n"
        "<spine><asset-clip ref=\"r2\" name=\"x\" offset=\"0s\" start=\"4s\" duration=\"2s\"/></spine>"
        "</sequence></project></event></library></fcpxml>", durations[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrTimeline) timeline = cr_fcpxml_read (fcpxml, -1, &error);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(CrTimeline) back = NULL;
      const CrTimelineSource *source;

      g_assert_no_error (error);
      source = cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 0)->source);
      g_assert_cmpint (source->duration, ==, G_GINT64_CONSTANT (1001000) * 25);
      if (frames >= 0)
        g_assert_cmpint (source->duration, ==, frames);
      frames = source->duration;
      g_assert_true (cr_fcpxml_write (timeline, NULL, out, &error));
      g_assert_nonnull (strstr (out->str, "duration=\"1001000s\""));
      back = cr_fcpxml_read (out->str, out->len, &error);
      g_assert_no_error (error);
      cut_fixture_assert_same_events (timeline, back);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fcpxml-read/round-trip", test_round_trip);
  g_test_add_func ("/fcpxml-read/round-trip-sound-tracks", test_round_trip_sound_tracks);
  g_test_add_func ("/fcpxml-read/resolve", test_read_resolve);
  g_test_add_func ("/fcpxml-read/errors", test_read_errors);
  g_test_add_func ("/fcpxml-read/whole-seconds", test_read_whole_seconds);
  return g_test_run ();
}
