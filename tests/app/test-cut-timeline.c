/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-cut-timeline"

/* A cut's timeline is read in a few set-based queries (its clips, their markers and tags
 * together). Each source and event is checked here against the one-clip-at-a-time reads it
 * replaced (cr_store_get, cr_clip_rate, cr_clip_length_frames, cr_clip_markers,
 * cr_clip_tags_get), on clips chosen for the cases that differ: timecode at the clip's rate
 * or at another, no rate of its own, unknown duration, drop-frame, a clip used twice, markers
 * inside and outside an event, tags. */

#include "config.h"
#include "../cr-test-support.h"

#include "cr-clip-tags.h"
#include "cr-clips.h"
#include "cr-cut.h"
#include "cr-cut-sources.h"
#include "cr-store.h"
#include "../data/test-helpers.h"

static CrClipInfo *
clip_info (const char *name,
           const char *rate,
           gint64      duration_us,
           const char *tc_start,
           gint64      tc_frames,
           const char *tc_rate,
           gboolean    tc_drop,
           gboolean    video)
{
  CrClipInfo *info = g_new0 (CrClipInfo, 1);
  static int serial;

  info->name = g_strdup (name);
  info->path = g_strdup_printf ("/media/card-a/%s", name);
  info->size = 1000 + serial;
  info->mtime_us = 1700000000000000 + serial;
  info->identity = g_strdup_printf ("%040x", ++serial);
  info->format = g_strdup ("mov,mp4,m4a,3gp,3g2,mj2");
  info->duration_us = duration_us;
  info->has_video = video;
  info->has_audio = TRUE;
  info->width = video ? 1920 : 0;
  info->height = video ? 1080 : 0;
  info->frame_rate = g_strdup (rate);
  info->sample_rate = 48000;
  info->channels = video ? 2 : 4;
  info->tc_start = g_strdup (tc_start);
  info->tc_frames = tc_frames;
  info->tc_rate = g_strdup (tc_rate);
  info->tc_drop = tc_drop;
  info->tc_source = g_strdup (tc_start ? "tmcd" : NULL);
  return info;
}

static void
test_sources_and_extras (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-cut-timeline-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.casereel", NULL);
  g_autoptr(CrDb) db = cr_db_create (path, "Timeline", &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(CrTimeline) words = NULL;
  g_autoptr(CrTimeline) plain = NULL;
  guint relinked = 0;
  gint64 cut;

  g_assert_no_error (error);
  /* Timecode at its own rate; at another rate (a sound file's recorder); no rate of its own
   * but a timecode rate; nothing but the production's; drop-frame; unknown duration. */
  g_ptr_array_add (batch, clip_info ("A001.mov", "25/1", 60000000, "10:00:00:00", 900000, "25/1", FALSE, TRUE));
  g_ptr_array_add (batch, clip_info ("S001.wav", "25/1", 30000000, "13:37:31:07", 1472800, "30000/1001", FALSE, FALSE));
  g_ptr_array_add (batch, clip_info ("B002.mov", NULL, 20000000, "01:00:00:00", 90000, "24000/1001", FALSE, TRUE));
  g_ptr_array_add (batch, clip_info ("C003.mov", NULL, 10000000, NULL, 0, NULL, FALSE, TRUE));
  g_ptr_array_add (batch, clip_info ("D004.mov", "30000/1001", 12345678, "00:59:59;28", 107890, "30000/1001", TRUE, TRUE));
  g_ptr_array_add (batch, clip_info ("E005.mov", "25/1", -1, NULL, 0, NULL, FALSE, TRUE));
  g_assert_true (cr_clips_write_batch (db, batch, &relinked, &error));
  g_assert_no_error (error);

  test_add (db, &cr_entity_marker, "clip", "A001.mov", "frame", "10", "note", "laughs", NULL);
  test_add (db, &cr_entity_marker, "clip", "A001.mov", "frame", "40", "note", "door", NULL);
  test_add (db, &cr_entity_marker, "clip", "A001.mov", "frame", "400", "note", "outside every event", NULL);
  test_add (db, &cr_entity_marker, "clip", "D004.mov", "frame", "5", "note", "a wave", NULL);
  g_assert_true (cr_clip_tags_change (db, cr_clip_find_by_name (db, "A001.mov"),
                                      (const char *[]) { "school", "Bus", NULL }, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cr_clip_tags_change (db, cr_clip_find_by_name (db, "C003.mov"), (const char *[]) { "hall", NULL },
                                      FALSE, &error));
  g_assert_no_error (error);

  cut = test_add (db, &cr_entity_cut, "name", "Every case", "frame_rate", "25", NULL);
  {
    /* clip, in, out: A001 twice, once around both first markers and once around neither. */
    const char *events[][3] = {
      { "A001.mov", "0", "50" }, { "S001.wav", "25", "100" }, { "B002.mov", "0", "48" }, { "C003.mov", "5", "30" },
      { "D004.mov", "0", "30" }, { "E005.mov", "0", "25" }, { "A001.mov", "100", "200" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (events); i++)
      {
        g_autofree char *position = g_strdup_printf ("%u", i + 1);
        test_add (db, &cr_entity_event, "cut", "Every case", "position", position, "clip", events[i][0],
                  "in_frame", events[i][1], "out_frame", events[i][2], NULL);
      }
  }

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  words = cr_cut_build_timeline_words (db, cut, &error);
  g_assert_no_error (error);
  plain = cr_cut_build_timeline_plain (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, 7);
  /* Six clips, A001 once: an event cut from a clip again shares its source. */
  g_assert_cmpuint (timeline->sources->len, ==, 6);
  g_assert_cmpuint (cr_timeline_get_event (timeline, 0)->source, ==, cr_timeline_get_event (timeline, 6)->source);

  for (guint i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = cr_timeline_get_event (timeline, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      gint64 clip_id = cr_clip_find_by_path (db, source->path);
      g_autoptr(CrRecord) clip = cr_store_get (db, &cr_entity_clip, clip_id, &error);
      g_autoptr(GArray) frames = NULL;
      g_auto(GStrv) notes = NULL;
      g_auto(GStrv) tags = cr_clip_tags_get (db, clip_id);
      CrRate tc_rate = { 0, 0 };
      guint markers = 0;
      int num, den;

      g_assert_no_error (error);
      g_assert_nonnull (clip);
      cr_clip_rate (db, clip_id, &num, &den);
      g_assert_cmpint (source->rate.num, ==, num);
      g_assert_cmpint (source->rate.den, ==, den);
      g_assert_cmpint (source->duration, ==, cr_clip_length_frames (db, clip_id));
      g_assert_cmpstr (cr_timeline_source_get_name (source), ==, cr_record_get (clip, "name"));
      g_assert_cmpint (source->has_video, ==, cr_record_get_int (clip, "has_video", 0));
      g_assert_cmpint (source->audio_channels, ==, cr_record_get_int (clip, "channels", 0));
      g_assert_cmpint (source->width, ==, cr_record_get_int (clip, "width", 0));
      /* The start timecode only where it counts at the clip's own rate. */
      if (cr_record_get (clip, "tc_rate"))
        g_assert_true (cr_rate_parse (cr_record_get (clip, "tc_rate"), &tc_rate, NULL));
      if (cr_record_get (clip, "tc_start") && cr_rate_equal (tc_rate, source->rate))
        {
          g_assert_cmpint (source->start_tc, ==, cr_record_get_int (clip, "tc_frames", 0));
          g_assert_cmpint (source->drop_frame, ==, cr_record_get_int (clip, "tc_drop", 0));
        }
      else
        g_assert_cmpint (source->start_tc, ==, 0);

      /* Markers inside the event, keywords the clip's tags, in their order. */
      g_assert_true (cr_clip_markers (db, clip_id, &frames, &notes, &error));
      for (guint m = 0; m < frames->len; m++)
        {
          gint64 frame = g_array_index (frames, gint64, m);
          if (frame < event->in || frame >= event->out)
            continue;
          g_assert_cmpuint (markers, <, event->markers->len);
          g_assert_cmpint (g_array_index (event->markers, CrTimelineMarker, markers).frame, ==, frame);
          g_assert_cmpstr (g_array_index (event->markers, CrTimelineMarker, markers).note, ==, notes[m]);
          markers++;
        }
      g_assert_cmpuint (event->markers->len, ==, markers);
      g_assert_cmpuint (event->keywords->len, ==, g_strv_length (tags));
      for (guint t = 0; tags[t]; t++)
        g_assert_cmpstr (g_ptr_array_index (event->keywords, t), ==, tags[t]);

      /* The page's and the consent check's timelines: the same sources and frames, without
       * the extras. */
      g_assert_cmpint (cr_timeline_get_event (words, i)->in, ==, event->in);
      g_assert_cmpint (cr_timeline_get_event (plain, i)->record, ==, event->record);
      g_assert_cmpint (cr_timeline_get_source (words, cr_timeline_get_event (words, i)->source)->start_tc, ==,
                       source->start_tc);
      g_assert_cmpuint (cr_timeline_get_event (words, i)->markers->len, ==, 0);
    }
  /* What the cases come to, worked out by hand. */
  g_assert_cmpuint (cr_timeline_get_event (timeline, 0)->markers->len, ==, 2);
  g_assert_cmpuint (cr_timeline_get_event (timeline, 6)->markers->len, ==, 0);
  g_assert_cmpint (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 0)->source)->start_tc, ==, 900000);
  g_assert_cmpint (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 1)->source)->start_tc, ==, 0);
  g_assert_cmpint (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 2)->source)->start_tc, ==, 90000);
  g_assert_cmpint (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 5)->source)->duration, ==, -1);
  g_assert_true (cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, 4)->source)->drop_frame);

  g_clear_pointer (&db, cr_db_close);
  cr_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cut/timeline/sources-and-extras", test_sources_and_extras);
  return g_test_run ();
}
