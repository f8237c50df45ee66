/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A long edit list comes in whole: 20,000 events, in order, positions 1..n without holes
 * (the import used to count the cut for every event: 23 s for this). */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-cut.h"
#include "edl-many.h"
#include "../data/test-helpers.h"

#define EVENTS 20000

static void
test_import_20000 (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autofree char *dir = g_path_get_dirname (cr_db_get_path (db));
  g_autofree char *edl = g_build_filename (dir, "many.edl", NULL);
  g_autofree char *text = edl_many_text (EVENTS);
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cut;

  g_assert_true (edl_many_add_clip (db, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (edl, text, -1, NULL));
  cut = cr_cut_import (db, edl, "Many", (CrRate) { 0, 0 }, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cut, >, 0);
  g_assert_cmpuint (unmatched->len, ==, 0);
  g_assert_cmpuint (cr_cut_count_events (db, cut), ==, EVENTS);

  /* Counted apart from the import's own counting: every position once, 1..n. */
  stmt = cr_db_prepare (db, "SELECT count(*), count(DISTINCT position), min(position), max(position)"
                            " FROM cut_event WHERE cut = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, cut);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, EVENTS);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, EVENTS);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, EVENTS);

  /* In the EDL's order, with the EDL's ranges. */
  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->events->len, ==, EVENTS);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->in, ==, 0);
  g_assert_cmpint (cr_timeline_get_event (timeline, 0)->out, ==, 25);
  g_assert_cmpint (cr_timeline_get_event (timeline, EVENTS - 1)->in, ==, (gint64) (EVENTS - 1) * 40);
  g_assert_cmpint (cr_timeline_get_event (timeline, EVENTS - 1)->out, ==, (gint64) (EVENTS - 1) * 40 + 25);

  g_unlink (edl);
  g_clear_pointer (&db, cr_db_close);
  {
    g_autofree char *path = g_build_filename (dir, "test.casereel", NULL);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cut/import/20000-events", test_import_20000);
  return g_test_run ();
}
