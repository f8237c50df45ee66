/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-clip-index"

/* The Footage page's searches answer from memory (cr-clip-index.c): on a production of
 * clips with every kind of value (names that sort naturally, any case, non-ASCII, % and _,
 * missing notes, ratings and rates, links to interviews, shots, people and tags), every
 * filter it is asked gives exactly the ids, in exactly the order, that the SQL of
 * cr_clips_filter () gives. And it knows when another connection has changed the file. */

#include "config.h"
#include "../cr-test-support.h"

#include <sqlite3.h>
#include <string.h>

#include "cr-clip-index.h"
#include "test-helpers.h"

#define CLIPS 1500

static const char *words[] = { "Ana", "ana", "ANA", "Zoë", "zoë", "École", "école", "take_2", "take%2", "50%", "queue",
                               "Queue", "drop-in", "A001", "a001", "C999", "B10", "B2", "b2", "ü", "Ü", "kettle" };

static void
exec (CrDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!cr_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static const char *
pick (const char **from,
      guint        n)
{
  return from[g_test_rand_int_range (0, n)];
}

static void
fill (CrDb *db)
{
  static const char *statuses[] = { "online", "online", "online", "offline", "failed" };
  static const char *rates[] = { "25/1", "30000/1001", "24000/1001", "60000/1001", NULL };
  static const char *tags[] = { "queue", "Kettle", "drop-in", "take_2", "école" };

  exec (db, "BEGIN");
  exec (db, "INSERT INTO participant (name, kind) VALUES ('Ana Silva', 'interviewee'), ('Leo Park', 'interviewee')");
  exec (db, "INSERT INTO interview (title, starts_at, ends_at, time_zone) VALUES"
            " ('Ana at the drop-in', '2026-03-03T10:00:00Z', '2026-03-03T11:00:00Z', 'Europe/London'),"
            " ('Leo: 50% of the queue', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', 'Europe/London'),"
            " ('École visit', '2026-03-05T10:00:00Z', '2026-03-05T11:00:00Z', 'Europe/London')");
  /* Ana gave the first interview, Leo the second with Ana beside him; nobody the third. */
  exec (db, "INSERT INTO interview_participant (interview, participant, position) VALUES (1, 1, 0), (2, 2, 0), (2, 1, 1)");
  exec (db, "INSERT INTO shot (number, description) VALUES ('1', 'Queue at nine'), ('2', 'Kettle')");
  for (guint i = 0; i < CLIPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s%u.%s", pick (words, G_N_ELEMENTS (words)),
                                               g_test_rand_bit () ? "Clip " : "clip_", g_test_rand_int_range (1, 400),
                                               g_test_rand_bit () ? "MOV" : "wav");
      g_autofree char *notes = g_test_rand_int_range (0, 3) == 0 ? NULL
                               : g_strdup_printf ("%s and %s", pick (words, G_N_ELEMENTS (words)), pick (words, G_N_ELEMENTS (words)));
      const char *rate = pick (rates, G_N_ELEMENTS (rates));
      int rating = g_test_rand_int_range (-1, 6);
      int interview = g_test_rand_int_range (0, 4);
      gboolean video = g_test_rand_bit ();
      char *sql = sqlite3_mprintf ("INSERT INTO clip (path, name, size, mtime_us, status, duration_us, has_video, has_audio,"
                                   " frame_rate, tc_frames, creation_time, rating, notes, interview)"
                                   " VALUES ('/media/%u/%q', %Q, 1, 1, %Q, %s, %d, %d, %Q, %s, %s, %s, %Q, %s)",
                                   i, name, name, pick (statuses, G_N_ELEMENTS (statuses)),
                                   g_test_rand_bit () ? "NULL" : "1000000 * (abs (random ()) % 20)",
                                   video, !video || g_test_rand_bit (), rate,
                                   g_test_rand_bit () ? "NULL" : "abs (random ()) % 2000000",
                                   g_test_rand_bit () ? "NULL" : "'2026-03-0' || (1 + abs (random ()) % 9) || 'T10:00:00Z'",
                                   rating < 0 ? "NULL" : (const char *[]) { "0", "1", "2", "3", "4", "5" }[rating], notes,
                                   interview == 0 ? "NULL" : (const char *[]) { "", "1", "2", "3" }[interview]);
      exec (db, sql);
      sqlite3_free (sql);
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        if (g_test_rand_int_range (0, 4) == 0)
          {
            char *tag = sqlite3_mprintf ("INSERT INTO clip_tag (clip, tag) VALUES (last_insert_rowid (), %Q)", tags[t]);
            exec (db, tag);
            sqlite3_free (tag);
          }
    }
  exec (db, "INSERT INTO clip_shot (clip, shot, position) SELECT id, 1 + id % 2, 0 FROM clip WHERE id % 5 = 0");
  exec (db, "INSERT INTO clip_participant (clip, participant, position) SELECT id, 1 + id % 2, 0 FROM clip WHERE id % 3 = 0");
  exec (db, "COMMIT");
}

static void
assert_same (CrDb               *db,
             CrClipIndex        *index,
             const CrClipFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) by_sql = cr_clips_filter (db, filter, &error);
  g_autoptr(GArray) by_index = NULL;

  g_assert_no_error (error);
  by_index = cr_clip_index_filter (index, db, filter, NULL, &error);
  g_assert_no_error (error);
  if (by_sql->len != by_index->len ||
      (by_sql->len > 0 && memcmp (by_sql->data, by_index->data, by_sql->len * sizeof (gint64)) != 0))
    g_error ("search “%s”, status %s, kind %d, interview %" G_GINT64_FORMAT ", shot %" G_GINT64_FORMAT
             ", participant %" G_GINT64_FORMAT ", tag %s, rating %d, order %d%s: SQL %u clips, index %u",
             filter->search, filter->status, filter->kind, filter->interview, filter->shot, filter->participant,
             filter->tag, filter->min_rating, filter->order, filter->descending ? " descending" : "", by_sql->len,
             by_index->len);
}

static void
test_same_answers (void)
{
  static const char *searches[] = { NULL, "", "a", "ana", "ANA", "zoë", "ZOË", "école", "cole", "_", "%", "take_2",
                                    "50%", "clip 1", "CLIP_3", "queue", "drop", "visit", "ü", ".mov", "B1", "no such" };
  static const char *statuses[] = { NULL, "online", "offline", "failed" };
  static const char *tags[] = { NULL, "queue", "QUEUE", "école", "take_2", "none" };
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrClipIndex) index = NULL;
  CrClipFilter none = { 0 };

  fill (db);
  index = cr_clip_index_new (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_clip_index_get_size (index), ==, CLIPS);
  assert_same (db, index, &none);
  /* Each condition alone, in every order both ways. */
  for (int order = CR_CLIP_ORDER_NAME; order <= CR_CLIP_ORDER_STATUS; order++)
    for (int descending = 0; descending < 2; descending++)
      {
        for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
          assert_same (db, index, &(CrClipFilter) { .search = searches[s], .order = order, .descending = descending });
        for (int rating = -1; rating <= 5; rating++)
          assert_same (db, index, &(CrClipFilter) { .min_rating = rating, .order = order, .descending = descending });
      }
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    assert_same (db, index, &(CrClipFilter) { .status = statuses[s] });
  for (int kind = CR_CLIP_KIND_ANY; kind <= CR_CLIP_KIND_AUDIO_ONLY; kind++)
    assert_same (db, index, &(CrClipFilter) { .kind = kind });
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    assert_same (db, index, &(CrClipFilter) { .tag = tags[t] });
  /* And combined at random. */
  for (guint i = 0; i < 400; i++)
    {
      CrClipFilter f = {
        .search = searches[g_test_rand_int_range (0, G_N_ELEMENTS (searches))],
        .status = statuses[g_test_rand_int_range (0, G_N_ELEMENTS (statuses))],
        .kind = g_test_rand_int_range (0, 3),
        .interview = g_test_rand_int_range (0, 4),
        .shot = g_test_rand_int_range (0, 3),
        .participant = g_test_rand_int_range (0, 3),
        .tag = tags[g_test_rand_int_range (0, G_N_ELEMENTS (tags))],
        .min_rating = g_test_rand_int_range (0, 3) ? 0 : g_test_rand_int_range (-1, 6),
        .order = g_test_rand_int_range (CR_CLIP_ORDER_NAME, CR_CLIP_ORDER_STATUS + 1),
        .descending = g_test_rand_bit (),
      };
      assert_same (db, index, &f);
    }
}

/* A person's clips are those linked to them and those of the interviews they gave, counted
 * here from the fixture's own rules (not from the query under test). */
static void
test_person (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrClipIndex) index = NULL;

  fill (db);
  index = cr_clip_index_new (db, &error);
  g_assert_no_error (error);
  for (gint64 person = 1; person <= 2; person++)
    {
      CrClipFilter f = { .participant = person };
      g_autoptr(GArray) found = cr_clip_index_filter (index, db, &f, NULL, &error);
      g_autoptr(GPtrArray) clips = NULL;
      guint expected = 0, of_interviews = 0;

      g_assert_no_error (error);
      clips = cr_store_list (db, &cr_entity_clip, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < clips->len; i++)
        {
          CrRecord *clip = g_ptr_array_index (clips, i);
          gint64 interview = cr_record_get_int (clip, "interview", 0);
          /* clip_participant: every third clip, Ana or Leo by the id's parity. */
          gboolean linked = clip->id % 3 == 0 && 1 + clip->id % 2 == person;
          gboolean gave = person == 1 ? interview == 1 || interview == 2 : interview == 2;

          expected += linked || gave;
          of_interviews += gave && !linked;
        }
      g_assert_cmpuint (of_interviews, >, 0);
      g_assert_cmpuint (found->len, ==, expected);
      assert_same (db, index, &f);
    }
}

/* Read on one connection, told by another's commit that it is out of date; once read
 * again, it has the new clip. */
static void
test_stale (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrDb) other = cr_db_open (cr_db_get_path (db), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrClipIndex) index = NULL;
  g_autoptr(GArray) found = NULL;
  CrClipFilter queue = { .search = "queue" };

  fill (db);
  g_assert_nonnull (other);
  index = cr_clip_index_new (db, &error);
  g_assert_no_error (error);
  g_assert_false (cr_clip_index_is_stale (index, db));
  exec (other, "INSERT INTO clip (path, name, size, mtime_us, notes) VALUES ('/media/new.mov', 'new.mov', 1, 1, 'the queue')");
  g_assert_true (cr_clip_index_is_stale (index, db));
  found = cr_clip_index_filter (index, db, &queue, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&index, cr_clip_index_free);
  index = cr_clip_index_new (db, &error);
  g_assert_no_error (error);
  g_assert_false (cr_clip_index_is_stale (index, db));
  g_assert_cmpuint (cr_clip_index_get_size (index), ==, CLIPS + 1);
  assert_same (db, index, &queue);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clip-index/same-answers", test_same_answers);
  g_test_add_func ("/clip-index/stale", test_stale);
  g_test_add_func ("/clip-index/person", test_person);
  return g_test_run ();
}
