/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-otio.h"
#include "cut-fixture.h"

#define FOLDER "/media/River Project"

static char *
write_otio (const CrTimeline *timeline)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_otio_write (timeline, NULL, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_golden (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *otio = write_otio (timeline);

  cut_fixture_check_golden ("cut.otio", otio);
}

/* Python's json module, independent of json-glib, reads the file and finds the exact rates,
 * the structure and the escaped names. */
static void
test_python_reads (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *otio = write_otio (timeline);
  g_autofree char *dir = cr_test_make_tmp ("casereel-otio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.otio", NULL);
  const char *script =
    "import json, sys\n"
    "t = json.load(open(sys.argv[1], encoding='utf-8'))\n"
    "assert t['OTIO_SCHEMA'] == 'Timeline.1'\n"
    "g = t['global_start_time']\n"
    "assert g['rate'] == 30000/1001 and g['value'] == 107892, g\n"
    "tracks = t['tracks']['children']\n"
    "assert [k['kind'] for k in tracks] == ['Video', 'Audio']\n"
    "v = tracks[0]['children']\n"
    "print(';'.join(c['OTIO_SCHEMA'] for c in v))\n"
    "c = v[0]\n"
    "r = c['media_references']['DEFAULT_MEDIA']\n"
    "assert r['OTIO_SCHEMA'] == 'ExternalReference.1'\n"
    "assert c['source_range']['start_time']['rate'] == 24000/1001\n"
    "assert c['source_range']['start_time']['value'] == 1094616\n"
    "assert c['source_range']['duration']['value'] == 300\n"
    "assert c['source_range']['duration']['rate'] == 30000/1001\n"
    "assert c['metadata']['casereel']['source_frames'] == 240\n"
    "assert r['available_range']['start_time']['value'] == 1094376\n"
    "assert r['available_range']['duration']['value'] == 600\n"
    "assert c['markers'][1]['comment'] == 'looks at the weir & smiles'\n"
    "assert v[2]['OTIO_SCHEMA'] == 'Gap.1' and v[2]['source_range']['duration']['value'] == 45\n"
    "assert v[3]['media_references']['DEFAULT_MEDIA']['target_url'] == "
    "'file:///media/River%20Project/B-roll%20%22weir%22%20&%20lock.mp4'\n"
    "n = [x for x in v if x['OTIO_SCHEMA'] == 'Clip.2'][3]\n"
    "assert n['name'] == 'Name with a\\nnewline', n['name']\n"
    "assert n['media_references']['DEFAULT_MEDIA']['name'] == 'line\\nbreak.mov'\n"
    "assert n['media_references']['DEFAULT_MEDIA']['target_url'].endswith('/line%0Abreak.mov')\n"
    "z = v[1]['media_references']['DEFAULT_MEDIA']\n"
    "assert z['target_url'].endswith('/Zo%C3%AB\\'s%20interview.mov'), z['target_url']\n"
    "assert t['name'] == 'River Project \\u2013 rough cut 1 \"A&B\"'\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (path, otio, -1, NULL));
  out = cut_fixture_run (argv);
  /* Video: clip, clip, gap, clip, gap (the audio-only source), clip, clip. */
  g_assert_cmpstr (out, ==, "Clip.2;Clip.2;Gap.1;Clip.2;Gap.1;Clip.2;Clip.2\n");
  g_assert_nonnull (strstr (otio, "\"rate\": 29.97002997002997,"));
  g_assert_nonnull (strstr (otio, "\"rate\": 23.976023976023978,"));
  g_assert_nonnull (strstr (otio, "\"rate\": 25.0,"));
  cut_fixture_remove_folder (dir);
}

static void
test_round_trip (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *otio = write_otio (timeline);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = cr_otio_read (otio, -1, &error);
  guint i;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->name, ==, timeline->name);
  cut_fixture_assert_same_events (timeline, back);
  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *a = cr_timeline_get_event (timeline, i);
      const CrTimelineEvent *b = cr_timeline_get_event (back, i);

      g_assert_cmpstr (cr_timeline_get_source (timeline, a->source)->path, ==,
                       cr_timeline_get_source (back, b->source)->path);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpstr (a->note, ==, b->note);
      g_assert_cmpuint (a->markers->len, ==, b->markers->len);
      g_assert_cmpuint (a->keywords->len, ==, b->keywords->len);
    }
  /* Everything comes back: writing it again gives the same file. */
  again = write_otio (back);
  g_assert_cmpstr (again, ==, otio);
}

/* A file as OpenTimelineIO's own Python writer makes it: Clip.1 with a single media_reference,
 * integer rates, no casereel metadata, no audio track, a gap first, a 24 fps clip in a 24 fps
 * timeline without global_start_time. */
static void
test_read_foreign (void)
{
  const char *otio =
    "{\"OTIO_SCHEMA\": \"Timeline.1\", \"metadata\": {}, \"name\": \"Foreign\",\n"
    " \"global_start_time\": null,\n"
    " \"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": [\n"
    "  {\"OTIO_SCHEMA\": \"Track.1\", \"kind\": \"Video\", \"name\": \"V1\", \"children\": [\n"
    "   {\"OTIO_SCHEMA\": \"Gap.1\", \"source_range\": {\"OTIO_SCHEMA\": \"TimeRange.1\",\n"
    "     \"start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24, \"value\": 0},\n"
    "     \"duration\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24, \"value\": 12}}},\n"
    "   {\"OTIO_SCHEMA\": \"Clip.1\", \"name\": \"Shot 1\",\n"
    "    \"source_range\": {\"OTIO_SCHEMA\": \"TimeRange.1\",\n"
    "     \"start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 86424.0},\n"
    "     \"duration\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 48.0}},\n"
    "    \"markers\": [{\"OTIO_SCHEMA\": \"Marker.1\", \"name\": \"look\", \"marked_range\": {\n"
    "     \"OTIO_SCHEMA\": \"TimeRange.1\",\n"
    "     \"start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 86430.0},\n"
    "     \"duration\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 0.0}}}],\n"
    "    \"media_reference\": {\"OTIO_SCHEMA\": \"ExternalReference.1\",\n"
    "     \"target_url\": \"file:///footage/shot%201.mov\",\n"
    "     \"available_range\": {\"OTIO_SCHEMA\": \"TimeRange.1\",\n"
    "      \"start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 86400.0},\n"
    "      \"duration\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 240.0}}}}\n"
    "  ]}]}}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read (otio, -1, &error);
  const CrTimelineEvent *event;
  const CrTimelineSource *source;

  g_assert_no_error (error);
  g_assert_cmpstr (timeline->name, ==, "Foreign");
  g_assert_cmpint (timeline->rate.num, ==, 24);
  g_assert_cmpint (timeline->rate.den, ==, 1);
  g_assert_cmpint (timeline->record_start, ==, 0);
  g_assert_cmpuint (timeline->events->len, ==, 1);
  event = cr_timeline_get_event (timeline, 0);
  source = cr_timeline_get_source (timeline, event->source);
  g_assert_cmpstr (source->path, ==, "/footage/shot 1.mov");
  g_assert_cmpstr (cr_timeline_source_get_name (source), ==, "shot 1.mov");
  g_assert_cmpint (source->start_tc, ==, 86400);
  g_assert_cmpint (source->duration, ==, 240);
  g_assert_true (source->has_video);
  g_assert_cmpint (event->in, ==, 24);
  g_assert_cmpint (event->out, ==, 72);
  g_assert_cmpint (event->record, ==, 12);
  g_assert_cmpstr (event->label, ==, "Shot 1");
  g_assert_cmpuint (event->markers->len, ==, 1);
  g_assert_cmpint (g_array_index (event->markers, CrTimelineMarker, 0).frame, ==, 30);
  g_assert_cmpstr (g_array_index (event->markers, CrTimelineMarker, 0).note, ==, "look");
}

static void
assert_read_error (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read (text, -1, &error);

  g_assert_null (timeline);
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_read_errors (void)
{
  g_autoptr(CrTimeline) timeline = cut_fixture_new (FOLDER);
  g_autofree char *otio = write_otio (timeline);
  g_autoptr(GString) broken = NULL;
  char *at;

  assert_read_error ("{", "OTIO: ");
  assert_read_error ("{\"OTIO_SCHEMA\": \"Clip.2\"}", "OTIO root: not a Timeline");
  assert_read_error ("{\"OTIO_SCHEMA\": \"Timeline.1\", \"tracks\": {}}", "OTIO tracks: not a Stack");

  /* A rate that is neither whole nor NTSC, in the first clip's range. */
  broken = g_string_new (otio);
  at = strstr (broken->str, "\"rate\": 23.976023976023978");
  g_assert_nonnull (at);
  memcpy (at + strlen ("\"rate\": "), "23.500000000000000", 18);
  assert_read_error (broken->str, "OTIO tracks.children[0].children[0].source_range.start_time: "
                     "rate 23.5 is not a whole number or an NTSC rate");

  g_string_assign (broken, otio);
  at = strstr (broken->str, "\"Gap.1\"");
  memcpy (at, "\"Gup.1\"", 7);
  assert_read_error (broken->str, "OTIO tracks.children[0].children[2]: Gup.1 is not supported");
}

#define RT(v) "{\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 25.0, \"value\": " #v "}"
#define RANGE(start, length) "{\"OTIO_SCHEMA\": \"TimeRange.1\", \"start_time\": " RT (start) \
  ", \"duration\": " RT (length) "}"
#define CLIP(file, start, length) "{\"OTIO_SCHEMA\": \"Clip.2\", \"name\": \"" file "\", \"source_range\": " \
  RANGE (start, length) ", \"media_references\": {\"DEFAULT_MEDIA\": {\"OTIO_SCHEMA\": " \
  "\"ExternalReference.1\", \"target_url\": \"file:///m/" file "\"}}, \"active_media_reference_key\": \"DEFAULT_MEDIA\"}"
#define TRANSITION(in, out) "{\"OTIO_SCHEMA\": \"Transition.1\", \"transition_type\": \"SMPTE_Dissolve\", " \
  "\"in_offset\": " RT (in) ", \"out_offset\": " RT (out) "}"
#define GAP(length) "{\"OTIO_SCHEMA\": \"Gap.1\", \"source_range\": " RANGE (0, length) "}"
#define TRACK(name, kind, items) "{\"OTIO_SCHEMA\": \"Track.1\", \"name\": \"" name "\", \"kind\": \"" kind "\", " \
  "\"children\": [" items "]}"

/* Shaped like Resolve's export: two picture and two sound tracks, dissolves (one that starts at
 * the cut, one centred on it), each clip's sound in A1 and music under the last picture. */
static void
test_read_resolve (void)
{
  const char *otio =
    "{\"OTIO_SCHEMA\": \"Timeline.1\", \"name\": \"Sent back\", \"global_start_time\": " RT (90000) ", "
    "\"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": ["
    TRACK ("V1", "Video", CLIP ("a.mov", 100, 50) ", " TRANSITION (0, 20) ", " CLIP ("b.mov", 1000, 60) ", "
           TRANSITION (10, 10) ", " CLIP ("c.mov", 0, 40)) ", "
    TRACK ("V2", "Video", CLIP ("title.mov", 0, 25)) ", "
    TRACK ("A1", "Audio", CLIP ("a.mov", 100, 50) ", " TRANSITION (0, 20) ", " CLIP ("b.mov", 1000, 60) ", "
           CLIP ("music.wav", 0, 40)) ", "
    TRACK ("A2", "Audio", CLIP ("music.wav", 0, 150))
    "]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read (otio, -1, &error);
  const char * const warnings[] = {
    "OTIO tracks.children[1] (“V2”) is left out: a cut has one picture track",
    "OTIO tracks.children[0].children[1]: the transition SMPTE_Dissolve of 20 frames is read as a cut at its centre",
    "OTIO tracks.children[0].children[3]: the transition SMPTE_Dissolve of 20 frames is read as a cut at its centre",
    "OTIO tracks.children[2].children[1]: the transition SMPTE_Dissolve of 20 frames is read as a cut at its centre",
    NULL,
  };
  const CrTimelineEvent *event;
  guint i;

  g_assert_no_error (error);
  g_assert_cmpint (timeline->record_start, ==, 90000);
  g_assert_cmpuint (timeline->events->len, ==, 3);
  /* The dissolve from the cut (in 0, out 20) is centred 10 frames after it. */
  event = cr_timeline_get_event (timeline, 0);
  g_assert_cmpint (event->in, ==, 100);
  g_assert_cmpint (event->out, ==, 160);
  g_assert_cmpint (event->record, ==, 0);
  g_assert_true (cr_timeline_get_source (timeline, event->source)->has_video);
  g_assert_cmpint (cr_timeline_get_source (timeline, event->source)->audio_channels, ==, 2);
  event = cr_timeline_get_event (timeline, 1);
  g_assert_cmpint (event->in, ==, 1010);
  g_assert_cmpint (event->out, ==, 1060);
  g_assert_cmpint (event->record, ==, 60);
  /* The centred one leaves the cut where it was. */
  event = cr_timeline_get_event (timeline, 2);
  g_assert_cmpint (event->in, ==, 0);
  g_assert_cmpint (event->out, ==, 40);
  g_assert_cmpint (event->record, ==, 110);
  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, "c.mov");
  /* The music under the last picture, and the music of A2 under all of it: on their tracks. */
  g_assert_cmpuint (timeline->sound_events->len, ==, 2);
  event = g_ptr_array_index (timeline->sound_events, 0);
  g_assert_cmpuint (event->track, ==, 1);
  g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, "music.wav");
  g_assert_cmpint (event->in, ==, 0);
  g_assert_cmpint (event->out, ==, 40);
  g_assert_cmpint (event->record, ==, 110);
  event = g_ptr_array_index (timeline->sound_events, 1);
  g_assert_cmpuint (event->track, ==, 2);
  g_assert_cmpint (event->in, ==, 0);
  g_assert_cmpint (event->out, ==, 150);
  g_assert_cmpint (event->record, ==, 0);

  g_assert_cmpuint (timeline->warnings->len, ==, g_strv_length ((GStrv) warnings));
  for (i = 0; warnings[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (timeline->warnings, i), ==, warnings[i]);
}

/* Python's json module, not json-glib, adds up each track as OTIO does: every track lasts the
 * cut's `frames` (at 25 fps here) and there are `tracks` of them. */
static void
otio_tracks_last (const char *otio,
                  gint64      frames,
                  guint       tracks)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-otio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tracks.otio", NULL);
  g_autofree char *expected = g_strdup_printf ("%u tracks, each %" G_GINT64_FORMAT "\n", tracks, frames);
  const char *script =
    "import json, sys\n"
    "from fractions import Fraction as F\n"
    "t = json.load(open(sys.argv[1], encoding='utf-8'))\n"
    "ends = set()\n"
    "for k in t['tracks']['children']:\n"
    "    d = sum(F(c['source_range']['duration']['value']) / F(c['source_range']['duration']['rate'])\n"
    "            for c in k['children'] if c['OTIO_SCHEMA'] != 'Transition.1')\n"
    "    ends.add(d * 25)\n"
    "assert len(ends) == 1, ends\n"
    "print('%d tracks, each %s' % (len(t['tracks']['children']), ends.pop()))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (path, otio, -1, NULL));
  out = cut_fixture_run (argv);
  g_assert_cmpstr (out, ==, expected);
  cut_fixture_remove_folder (dir);
}

/* Shaped like Premiere's: a stereo clip's sound as two mono tracks (A1 and A2 under V1), the
 * sound of a clip alone where V1 has a gap (a J-cut's lead) in both, a BWF alone in A1 only.
 * The picture's own sound joins its events, the lead and the BWF are sound track A1's events
 * (A2's copy of the lead joins it); written back, every track as long as the cut, it reads as
 * the same events on the same tracks. */
static void
test_read_premiere_split_sound (void)
{
  const char *otio =
    "{\"OTIO_SCHEMA\": \"Timeline.1\", \"name\": \"Premiere\", \"global_start_time\": " RT (90000) ", "
    "\"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": ["
    TRACK ("V1", "Video", CLIP ("a.mov", 100, 50) ", " GAP (30) ", " CLIP ("b.mov", 0, 20)) ", "
    TRACK ("A1", "Audio", CLIP ("a.mov", 100, 50) ", " CLIP ("b.mov", 500, 10) ", " CLIP ("tone.wav", 0, 20) ", "
           CLIP ("b.mov", 0, 20)) ", "
    TRACK ("A2", "Audio", CLIP ("a.mov", 100, 50) ", " CLIP ("b.mov", 500, 10) ", " GAP (20) ", "
           CLIP ("b.mov", 0, 20))
    "]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read (otio, -1, &error);
  g_autoptr(CrTimeline) again = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  const CrTimelineEvent *event;
  guint i;

  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 2);
  g_assert_cmpuint (timeline->sound_events->len, ==, 2);
  for (i = 0; i < 4; i++)
    {
      const char *names[] = { "a.mov", "b.mov", "b.mov", "tone.wav" };
      const gint64 ins[] = { 100, 0, 500, 0 };
      const gint64 outs[] = { 150, 20, 510, 20 };
      const gint64 records[] = { 0, 80, 50, 60 };
      const guint tracks[] = { 0, 0, 1, 1 };

      event = cr_timeline_get_any_event (timeline, i);
      g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (timeline, event->source)), ==, names[i]);
      g_assert_cmpuint (event->track, ==, tracks[i]);
      g_assert_cmpint (event->in, ==, ins[i]);
      g_assert_cmpint (event->out, ==, outs[i]);
      g_assert_cmpint (event->record, ==, records[i]);
    }
  g_assert_false (cr_timeline_get_source (timeline, cr_timeline_get_any_event (timeline, 3)->source)->has_video);
  g_assert_cmpuint (timeline->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (timeline->warnings, 0), ==,
                   "OTIO split sound: 3 sound clips joined the event of the same clip and range "
                   "(tracks.children[2].children[0], tracks.children[2].children[1], tracks.children[2].children[3])");

  /* Written back (the picture, its sound, sound track A1) it reads as the same events. */
  for (i = 0; i < timeline->sources->len; i++)
    ((CrTimelineSource *) g_ptr_array_index (timeline->sources, i))->duration = 100000;
  g_assert_true (cr_otio_write (timeline, NULL, written, &error));
  g_assert_no_error (error);
  again = cr_otio_read (written->str, -1, &error);
  g_assert_no_error (error);
  cut_fixture_assert_same_events (timeline, again);
  g_assert_cmpuint (again->warnings->len, ==, 0);
  for (i = 0; i < cr_timeline_count_all_events (timeline); i++)
    g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (again, cr_timeline_get_any_event (again, i)->source)),
                     ==, cr_timeline_source_get_name (cr_timeline_get_source (timeline, cr_timeline_get_any_event (timeline, i)->source)));
  otio_tracks_last (written->str, cr_timeline_get_duration (timeline), 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/otio/golden", test_golden);
  g_test_add_func ("/otio/python-reads", test_python_reads);
  g_test_add_func ("/otio/round-trip", test_round_trip);
  g_test_add_func ("/otio/read-foreign", test_read_foreign);
  g_test_add_func ("/otio/read-errors", test_read_errors);
  g_test_add_func ("/otio/read-resolve", test_read_resolve);
  g_test_add_func ("/otio/read-premiere-split-sound", test_read_premiere_split_sound);
  return g_test_run ();
}
