/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue: a first index, re-index of unchanged files without opening them, moved files
 * keeping their logging, missing files going offline, bad files recorded, and cancel. */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "cr-indexer.h"
#include "cr-store.h"
#include "cr-suggest.h"
#include "media-fixtures.h"
#include "thumbnail-check.h"

static char *dir;     /* the card */
static char *video;   /* 23.976 with timecode */
static char *cache;   /* $XDG_CACHE_HOME, empty at the start */

static CrDb *
new_production (void)
{
  g_autofree char *tmp = cr_test_make_tmp ("casereel-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "p.casereel", NULL);
  g_autoptr(GError) error = NULL;
  CrDb *db = cr_db_create (path, "Index", &error);

  g_assert_no_error (error);
  return db;
}

static CrIndexProgress
index_ok (CrDb *db)
{
  const char *folders[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  CrIndexProgress result = { 0 };

  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

static gint64
test_add_row (CrDb           *db,
              const CrEntity *entity,
              const char     *f1, const char *v1,
              const char     *f2, const char *v2,
              const char     *f3, const char *v3,
              const char     *f4, const char *v4)
{
  g_autoptr(CrRecord) input = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cr_record_set (input, f1, v1);
  if (f2)
    cr_record_set (input, f2, v2);
  if (f3)
    cr_record_set (input, f3, v3);
  if (f4)
    cr_record_set (input, f4, v4);
  id = cr_store_insert (db, input, &error);
  g_assert_no_error (error);
  return id;
}

static CrRecord *
clip_named (CrDb       *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  CrRecord *r = cr_store_find (db, &cr_entity_clip, name, &error);

  g_assert_no_error (error);
  return r;
}

static void
test_first_index_and_reindex (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(CrRecord) bad = NULL;
  g_autoptr(CrRecord) wav = NULL;
  CrIndexProgress r = index_ok (db);
  struct utimbuf;

  /* 3 media files and one that claims to be: the text file named .mp4 is reported, the
   * notes.txt is not media and not listed. */
  g_assert_cmpuint (r.seen, ==, 4);
  g_assert_cmpuint (r.added, ==, 3);
  g_assert_cmpuint (r.failed, ==, 1);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 4);

  clip = clip_named (db, "a2398.mov");
  g_assert_cmpstr (cr_record_get (clip, "status"), ==, "online");
  g_assert_cmpstr (cr_record_get (clip, "frame_rate"), ==, "24000/1001");
  g_assert_cmpstr (cr_record_get (clip, "tc_start"), ==, "01:00:00:00");
  g_assert_cmpstr (cr_record_get (clip, "tc_source"), ==, "tmcd");
  g_assert_cmpint (cr_record_get_int (clip, "has_audio", 0), ==, 1);

  wav = clip_named (db, "sound.wav");
  g_assert_cmpstr (cr_record_get (wav, "tc_source"), ==, "bwf");
  g_assert_cmpint (cr_record_get_int (wav, "has_video", 1), ==, 0);

  bad = clip_named (db, "broken.mp4");
  g_assert_cmpstr (cr_record_get (bad, "status"), ==, "failed");
  g_assert_nonnull (strstr (cr_record_get (bad, "error"), "broken.mp4"));

  /* Nothing changed: nothing is opened. */
  r = index_ok (db);
  g_assert_cmpuint (r.probed, ==, 0);
  g_assert_cmpuint (r.unchanged, ==, 4);

  /* A newer modification time: that file alone is probed again. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (video);
    g_autoptr(GFileInfo) info = g_file_info_new ();
    g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) (g_get_real_time () / G_USEC_PER_SEC + 100));
    g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  r = index_ok (db);
  g_assert_cmpuint (r.probed, ==, 1);
  g_assert_cmpuint (r.updated, ==, 1);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 4);
}

static void
test_moved_and_deleted (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autoptr(CrRecord) note = cr_record_new (&cr_entity_clip);
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(CrRecord) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (dir, "moved", NULL);
  g_autofree char *from = g_build_filename (dir, "b25.mp4", NULL);
  g_autofree char *to = g_build_filename (sub, "renamed.mp4", NULL);
  g_autofree char *wav = g_build_filename (dir, "sound.wav", NULL);
  g_autofree char *wav_copy = g_build_filename (dir, "..", "sound-keep.wav", NULL);
  CrIndexProgress r;
  gint64 id;

  index_ok (db);
  clip = clip_named (db, "b25.mp4");
  id = clip->id;
  cr_record_set (note, "notes", "Ana laughs at 00:02");
  cr_record_set (note, "rating", "4");
  g_assert_true (cr_store_update (db, &cr_entity_clip, id, note, &error));

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_cmpint (g_rename (from, to), ==, 0);
  g_assert_cmpint (g_rename (wav, wav_copy), ==, 0);
  r = index_ok (db);
  g_assert_cmpuint (r.relinked, ==, 1);
  g_assert_cmpuint (r.offline, ==, 1);   /* sound.wav went; b25.mp4 moved and is online */
  moved = cr_store_get (db, &cr_entity_clip, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (moved, "path"), ==, to);
  g_assert_cmpstr (cr_record_get (moved, "name"), ==, "renamed.mp4");
  g_assert_cmpstr (cr_record_get (moved, "status"), ==, "online");
  g_assert_cmpstr (cr_record_get (moved, "notes"), ==, "Ana laughs at 00:02");
  g_clear_pointer (&clip, cr_record_free);
  clip = clip_named (db, "sound.wav");
  g_assert_cmpstr (cr_record_get (clip, "status"), ==, "offline");
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 4);

  /* Put things back for the other tests. */
  g_assert_cmpint (g_rename (to, from), ==, 0);
  g_assert_cmpint (g_rename (wav_copy, wav), ==, 0);
  g_rmdir (sub);
  r = index_ok (db);
  g_clear_pointer (&clip, cr_record_free);
  clip = clip_named (db, "sound.wav");
  g_assert_cmpstr (cr_record_get (clip, "status"), ==, "online");
}

static void
cancel_after_some (const CrIndexProgress *p,
                   gpointer               user_data)
{
  if (p->files_done >= 16)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_consistent (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autofree char *many = g_build_filename (dir, "..", "many", NULL);
  g_autofree char *source = g_build_filename (dir, "sound.wav", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *folders[] = { many, NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CrIndexProgress r = { 0 };
  gint64 written;

  g_assert_cmpint (g_mkdir_with_parents (many, 0755), ==, 0);
  for (int i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("take%02d.wav", i);
      g_autofree char *path = g_build_filename (many, name, NULL);
      g_autoptr(GFile) a = g_file_new_for_path (source);
      g_autoptr(GFile) b = g_file_new_for_path (path);
      g_assert_true (g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }

  g_assert_false (cr_index_folders (db, folders, cancel_after_some, cancellable, cancellable, &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  written = cr_store_count (db, &cr_entity_clip, NULL, NULL);
  g_assert_cmpint (written, >=, 16);
  g_assert_cmpint (written, <, 80);
  /* Every row written is a whole clip. */
  stmt = cr_db_prepare (db, "SELECT count(*) FROM clip WHERE status <> 'online' OR duration_us IS NULL OR identity IS NULL", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_clear_error (&error);

  /* The next run finishes the job without redoing what was done. */
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, &r, &error));
  g_assert_cmpuint (r.unchanged, ==, (guint) written);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 80);
}

static void
cancel_when_probed (const CrIndexProgress *p,
                    gpointer               user_data)
{
  if (p->files_total > 0 && p->files_done == p->files_total)
    g_cancellable_cancel (user_data);
}

/* Indexing makes each new video clip's poster frame in the freedesktop cache, as the file
 * manager reads it; a sound file gets none, one already there is not made again, a changed
 * file gets a new one, and a stopped run makes none but keeps its catalogue. */
static void
test_posters (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autoptr(CrDb) other = new_production ();
  g_autoptr(CrDb) third = new_production ();
  g_autofree char *root = cr_test_make_tmp ("casereel-posters-XXXXXX", NULL);
  g_autofree char *card = g_build_filename (root, "card 1", NULL);
  g_autofree char *a = NULL, *b = NULL, *w = NULL, *broken = NULL, *report = NULL;
  g_autofree char *a_png = NULL, *b_png = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *folders[] = { card, NULL };
  CrIndexProgress r = { 0 };
  GStatBuf a_first, a_again, b_first, b_again;

  g_assert_cmpint (g_mkdir_with_parents (card, 0755), ==, 0);
  a = fixture_video (card, "A001 take.mov", "25", "10:00:00:00", 2);
  b = fixture_video (card, "b.mp4", "30000/1001", NULL, 2);
  w = fixture_wav (card, "sound.wav", 0, 1);
  broken = g_build_filename (card, "broken.mp4", NULL);
  g_assert_true (g_file_set_contents (broken, "not a movie", -1, NULL));

  /* Without the flag: none, as before. */
  g_assert_true (cr_index_folders (third, folders, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.posters_total, ==, 0);
  g_assert_cmpuint (thumbnail_count (cache), ==, 0);

  g_assert_true (cr_index_folders_full (db, folders, CR_INDEX_POSTERS, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 3);
  g_assert_cmpuint (r.failed, ==, 1);
  g_assert_cmpuint (r.posters_total, ==, 2);
  g_assert_cmpuint (r.posters_done, ==, 2);
  g_assert_cmpuint (r.posters_made, ==, 2);
  g_assert_cmpuint (r.posters_fresh, ==, 0);
  g_assert_cmpuint (r.posters_failed, ==, 0);
  report = thumbnail_check (cache, (const char *[]) { a, b, w, broken, NULL });
  g_assert_cmpstr (report, ==,
                   "A001 take.mov: 160x90, URI ok, MTime ok\n"
                   "b.mp4: 160x90, URI ok, MTime ok\n"
                   "sound.wav: none\n"
                   "broken.mp4: none\n");
  g_assert_cmpuint (thumbnail_count (cache), ==, 2);

  /* Unchanged files (the unreadable one too) are not opened, nor their posters looked at. */
  g_assert_true (cr_index_folders_full (db, folders, CR_INDEX_POSTERS, NULL, NULL, NULL, &r, &error));
  g_assert_cmpuint (r.unchanged, ==, 4);
  g_assert_cmpuint (r.posters_total, ==, 0);

  /* Another production of the same card: the posters are there for the files as they are. */
  {
    g_autofree char *uri_a = g_filename_to_uri (a, NULL, NULL);
    g_autofree char *uri_b = g_filename_to_uri (b, NULL, NULL);
    g_autofree char *md5_a = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri_a, -1);
    g_autofree char *md5_b = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri_b, -1);
    g_autofree char *name_a = g_strconcat (md5_a, ".png", NULL);
    g_autofree char *name_b = g_strconcat (md5_b, ".png", NULL);

    a_png = g_build_filename (cache, "thumbnails", "large", name_a, NULL);
    b_png = g_build_filename (cache, "thumbnails", "large", name_b, NULL);
  }
  g_assert_cmpint (g_stat (a_png, &a_first), ==, 0);
  g_assert_cmpint (g_stat (b_png, &b_first), ==, 0);
  g_assert_true (cr_index_folders_full (other, folders, CR_INDEX_POSTERS, NULL, NULL, NULL, &r, &error));
  g_assert_cmpuint (r.posters_total, ==, 2);
  g_assert_cmpuint (r.posters_fresh, ==, 2);
  g_assert_cmpuint (r.posters_made, ==, 0);
  g_assert_cmpint (g_stat (a_png, &a_again), ==, 0);
  g_assert_cmpuint (a_again.st_ino, ==, a_first.st_ino);   /* a new poster is a new file renamed in */

  /* A changed file (new time): a new poster, whose Thumb::MTime is the new time. */
  {
    struct utimbuf later = { .actime = 1700000000, .modtime = 1700000000 };
    g_assert_cmpint (g_utime (b, &later), ==, 0);
  }
  g_assert_true (cr_index_folders_full (db, folders, CR_INDEX_POSTERS, NULL, NULL, NULL, &r, &error));
  g_assert_cmpuint (r.updated, ==, 1);
  g_assert_cmpuint (r.posters_total, ==, 1);
  g_assert_cmpuint (r.posters_made, ==, 1);
  g_assert_cmpint (g_stat (b_png, &b_again), ==, 0);
  g_assert_cmpuint (b_again.st_ino, !=, b_first.st_ino);
  g_clear_pointer (&report, g_free);
  report = thumbnail_check (cache, (const char *[]) { b, NULL });
  g_assert_cmpstr (report, ==, "b.mp4: 160x90, URI ok, MTime ok\n");

  /* Stopped once every file was probed: the catalogue is written, no poster is made. */
  g_assert_cmpint (g_unlink (a_png), ==, 0);
  g_assert_cmpint (g_unlink (b_png), ==, 0);
  g_clear_pointer (&third, cr_db_close);
  third = new_production ();
  g_assert_false (cr_index_folders_full (third, folders, CR_INDEX_POSTERS, cancel_when_probed, cancellable,
                                         cancellable, &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (cr_store_count (third, &cr_entity_clip, NULL, NULL), ==, 4);
  g_assert_cmpuint (r.posters_total, ==, 2);
  g_assert_cmpuint (r.posters_made, ==, 0);
  g_assert_cmpuint (thumbnail_count (cache), ==, 0);
}

static void
test_suggested_links (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autofree char *root = cr_test_make_tmp ("casereel-suggest-XXXXXX", NULL);
  g_autofree char *shot_dir = g_build_filename (root, "day1", "4A", NULL);
  g_autofree char *wav = g_build_filename (root, "day1", "A101_1.WAV", NULL);
  g_autofree char *real = g_build_filename (cr_test_fixtures (), "A101_1.WAV", NULL);
  g_autofree char *copy = g_build_filename (shot_dir, "b25.mp4", NULL);
  g_autofree char *from = g_build_filename (dir, "b25.mp4", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (real), b = g_file_new_for_path (wav);
  g_autoptr(GFile) c = g_file_new_for_path (from), d = g_file_new_for_path (copy);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) clip = NULL;
  const char *folders[] = { root, NULL };
  gint64 interview, shot;

  g_assert_cmpint (g_mkdir_with_parents (shot_dir, 0755), ==, 0);
  g_assert_true (g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_copy (c, d, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));

  /* The Sound Devices file was recorded at 12:40 on 31 December 2018. */
  interview = test_add_row (db, &cr_entity_interview, "title", "New Year's Eve", "start", "2018-12-31 12:30",
                            "end", "2018-12-31 13:00", "time_zone", "UTC");
  test_add_row (db, &cr_entity_interview, "title", "Earlier", "start", "2018-12-31 09:00",
                "end", "2018-12-31 10:00", "time_zone", "UTC");
  shot = test_add_row (db, &cr_entity_shot, "number", "4a", NULL, NULL, NULL, NULL, NULL, NULL);

  list = cr_suggest_links (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      CrSuggestion *s = g_ptr_array_index (list, i);
      if (g_str_equal (s->kind, "interview"))
        {
          g_assert_cmpstr (s->clip_name, ==, "A101_1.WAV");
          g_assert_cmpint (s->target, ==, interview);
        }
      else
        {
          g_assert_cmpstr (s->clip_name, ==, "b25.mp4");
          g_assert_cmpint (s->target, ==, shot);
        }
    }
  /* Nothing is linked until confirmed; then the suggestions are used up. */
  clip = clip_named (db, "A101_1.WAV");
  g_assert_null (cr_record_get (clip, "interview"));
  g_assert_true (cr_suggest_apply (db, list, &error));
  g_clear_pointer (&clip, cr_record_free);
  clip = clip_named (db, "A101_1.WAV");
  g_assert_cmpint (cr_record_get_int (clip, "interview", 0), ==, interview);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_suggest_links (db, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_not_a_folder (void)
{
  g_autoptr(CrDb) db = new_production ();
  g_autoptr(GError) error = NULL;
  const char *folders[] = { "/nonexistent/card", NULL };

  g_assert_false (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/card"));
}

int
main (int argc, char **argv)
{
  g_autofree char *root = cr_test_make_tmp ("casereel-card-XXXXXX", NULL);
  g_autofree char *b = NULL, *w = NULL, *txt = NULL, *notes = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Before anything asks GLib for it: it keeps the first answer. */
  cache = g_build_filename (root, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  dir = g_build_filename (root, "card", NULL);
  g_mkdir_with_parents (dir, 0755);
  video = fixture_video (dir, "a2398.mov", "24000/1001", "01:00:00:00", 2);
  b = fixture_video (dir, "b25.mp4", "25", NULL, 2);
  /* 12:00:00 at 48 kHz */
  w = fixture_wav (dir, "sound.wav", (gint64) 12 * 3600 * 48000, 1);
  txt = g_build_filename (dir, "broken.mp4", NULL);
  g_file_set_contents (txt, "this is a text file, not a movie\n", -1, NULL);
  notes = g_build_filename (dir, "notes.txt", NULL);
  g_file_set_contents (notes, "shot list for day 1\n", -1, NULL);

  g_test_add_func ("/indexer/first-and-again", test_first_index_and_reindex);
  g_test_add_func ("/indexer/moved-and-deleted", test_moved_and_deleted);
  g_test_add_func ("/indexer/cancel", test_cancel_leaves_consistent);
  g_test_add_func ("/indexer/not-a-folder", test_not_a_folder);
  g_test_add_func ("/indexer/suggested-links", test_suggested_links);
  g_test_add_func ("/indexer/posters", test_posters);
  return g_test_run ();
}
