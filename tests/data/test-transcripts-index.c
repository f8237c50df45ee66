/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index after migration 0010 (cues indexed in one statement per import, not by a
 * trigger per cue): a production whose transcripts were imported before it keeps them, found
 * as before, and every later import, re-import and removal keeps the index in step with the
 * cues, as FTS5's own integrity check sees it. */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-transcripts.h"
#include "test-helpers.h"
#include "transcript-fixtures.h"

#define MIGRATIONS "/org/casereel/data/migrations"
#define INDEX_VERSION 10

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Writes a production as a release before migration 0010 left it, with one clip and two
 * cues that its triggers indexed; returns the last version applied. */
static int
write_old_production (const char *path)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS, 0, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3 *h = NULL;
  char *message = NULL;
  int version = 0;

  g_assert_nonnull (names);
  for (guint i = 0; names[i]; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);
  g_string_append_printf (sql, "PRAGMA application_id = %d;", CR_DB_APPLICATION_ID);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = g_ptr_array_index (sorted, i);
      g_autofree char *resource = g_strdup_printf ("%s/%s", MIGRATIONS, name);
      g_autoptr(GBytes) bytes = NULL;
      int number = (int) g_ascii_strtoll (name, NULL, 10);

      if (number >= INDEX_VERSION)
        continue;
      bytes = g_resources_lookup_data (resource, 0, NULL);
      g_assert_nonnull (bytes);
      g_string_append_len (sql, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
      g_string_append (sql, ";\n");
      version = number;
    }
  g_assert_cmpint (version, >=, 6);
  g_string_append_printf (sql,
    "PRAGMA user_version = %d;"
    "INSERT INTO production (id, title) VALUES (1, 'Old');"
    "INSERT INTO clip (id, path, name, size, mtime_us, duration_us, has_video, frame_rate)"
    " VALUES (1, '/media/card/OLD001.MOV', 'OLD001.MOV', 1000, 1, 60000000, 1, '25/1');"
    "INSERT INTO transcript_cue (clip, position, in_frame, out_frame, text) VALUES"
    " (1, 1, 0, 50, 'We handed out food parcels every week.'),"
    " (1, 2, 50, 100, 'The allotment fed the whole street.');", version);
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  if (sqlite3_exec (h, sql->str, NULL, NULL, &message) != SQLITE_OK)
    g_error ("old production: %s", message);
  sqlite3_close (h);
  return version;
}

/* FTS5's check that every cue, and nothing else, is in the index as its text says. */
static void
assert_index_matches_cues (CrDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_db_exec (db, "INSERT INTO transcript_search (transcript_search, rank)"
                                 " VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

static guint
count_hits (CrDb       *db,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cr_transcript_search (db, query, "[", "]", 0, &error);

  g_assert_no_error (error);
  return hits->len;
}

static CrTranscriptCue *
cue (gint64      in,
     gint64      out,
     const char *text)
{
  CrTranscriptCue *c = g_new0 (CrTranscriptCue, 1);

  c->in_frame = in;
  c->out_frame = out;
  c->text = g_strdup (text);
  return c;
}

static void
test_old_production_keeps_transcripts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-transcripts-index-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.casereel", NULL);
  g_autoptr(CrDb) db = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  gint64 clip_b;

  g_assert_no_error (error);
  g_assert_cmpint (write_old_production (path), <, INDEX_VERSION);
  db = cr_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_db_get_schema_version (db), ==, cr_db_get_latest_version ());
  g_assert_cmpint (cr_db_get_schema_version (db), >=, INDEX_VERSION);

  /* What the old triggers indexed is still found, marked, on the old clip. */
  assert_index_matches_cues (db);
  hits = cr_transcript_search (db, "\"food parcels\"", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((CrTranscriptCue *) hits->pdata[0])->clip_name, ==, "OLD001.MOV");
  g_assert_cmpstr (((CrTranscriptCue *) hits->pdata[0])->marked, ==, "We handed out [food parcels] every week.");

  /* A new clip's transcript is indexed by the import itself. */
  clip_b = transcript_fixture_clip (db, "NEW002.MOV", "25/1", "10:00:00:00", 900000, FALSE, 60 * G_USEC_PER_SEC);
  g_ptr_array_add (other, cue (0, 25, "More food parcels at the hall."));
  g_ptr_array_add (other, cue (25, 60, "Nobody went hungry."));
  g_assert_true (cr_transcript_replace (db, clip_b, other, &error));
  g_assert_no_error (error);
  assert_index_matches_cues (db);
  g_assert_cmpuint (count_hits (db, "\"food parcels\""), ==, 2);
  g_assert_cmpuint (count_hits (db, "hungry"), ==, 1);

  /* Re-importing the old clip drops its old words from the index and adds the new ones. */
  g_ptr_array_add (again, cue (0, 40, "Seed swaps every spring."));
  g_assert_true (cr_transcript_replace (db, 1, again, &error));
  g_assert_no_error (error);
  assert_index_matches_cues (db);
  g_assert_cmpuint (count_hits (db, "allotment"), ==, 0);
  g_assert_cmpuint (count_hits (db, "\"seed swaps\""), ==, 1);
  g_assert_cmpuint (count_hits (db, "\"food parcels\""), ==, 1);

  /* Removing a transcript removes its words. */
  g_assert_cmpint (cr_transcript_remove (db, clip_b, &error), ==, 2);
  g_assert_no_error (error);
  assert_index_matches_cues (db);
  g_assert_cmpuint (count_hits (db, "\"food parcels\""), ==, 0);
  g_assert_cmpuint (count_hits (db, "hungry"), ==, 0);

  g_clear_pointer (&db, cr_db_close);
  transcript_fixture_rmdir (dir);
}

/* A failed import leaves neither cues nor index entries behind (the index statement is in the
 * same transaction as the cues). */
static void
test_failed_import_leaves_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-transcripts-index-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.casereel", NULL);
  g_autoptr(CrDb) db = cr_db_create (path, "Index", &error);
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GPtrArray) cues = NULL;
  gint64 clip;

  g_assert_no_error (error);
  clip = transcript_fixture_clip (db, "A001.MOV", "25/1", "10:00:00:00", 900000, FALSE, 60 * G_USEC_PER_SEC);
  g_ptr_array_add (good, cue (0, 25, "Tea in the church hall."));
  g_assert_true (cr_transcript_replace (db, clip, good, &error));
  g_assert_no_error (error);

  /* The second cue breaks the table's rule (out after in): nothing of this import stays. */
  g_ptr_array_add (bad, cue (0, 25, "Parcels on Fridays."));
  g_ptr_array_add (bad, cue (30, 30, "Backwards."));
  g_assert_false (cr_transcript_replace (db, clip, bad, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_index_matches_cues (db);
  g_assert_cmpuint (count_hits (db, "parcels"), ==, 0);
  g_assert_cmpuint (count_hits (db, "\"church hall\""), ==, 1);
  cues = cr_transcript_cues (db, clip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cues->len, ==, 1);

  g_clear_pointer (&db, cr_db_close);
  transcript_fixture_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/transcripts/index/old-production-keeps-transcripts", test_old_production_keeps_transcripts);
  g_test_add_func ("/transcripts/index/failed-import-leaves-index", test_failed_import_leaves_index);
  return g_test_run ();
}
