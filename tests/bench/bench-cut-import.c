/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): importing an EDL of 20,000 (and 80,000) events into a cut, beside the
 * sqlite3 program inserting the same number of rows in one transaction as the reference.
 * Target: 20,000 events well under a second (it took 23 s when each event counted the cut).
 *   build/tests/bench/bench-cut-import */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cr-cut.h"
#include "edl-many.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

/* The reference: sqlite3 inserting n rows of the same shape in one transaction. */
static double
sqlite3_reference (const char *dir,
                   guint       n)
{
  g_autofree char *db = g_build_filename (dir, "reference.sqlite", NULL);
  g_autofree char *sql_path = g_build_filename (dir, "reference.sql", NULL);
  g_autoptr(GString) sql = g_string_new ("PRAGMA journal_mode = WAL; CREATE TABLE e (id INTEGER PRIMARY KEY,"
                                         " cut INTEGER, position INTEGER, clip INTEGER, in_frame INTEGER,"
                                         " out_frame INTEGER, gap_before INTEGER, note TEXT);"
                                         " CREATE INDEX e_by_cut ON e (cut, position); BEGIN;\n");
  const char *argv[] = { "sqlite3", db, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "INSERT INTO e VALUES (NULL, 1, %u, 1, %u, %u, 0, NULL);\n", i + 1, i * 50, i * 50 + 25);
  g_string_append (sql, "COMMIT;\n");
  check (g_file_set_contents (sql_path, sql->str, sql->len, &error), error);
  start = g_get_monotonic_time ();
  {
    g_autoptr(GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                                  &error);
    g_autoptr(GBytes) input = g_bytes_new_static (sql->str, sql->len);
    check (p != NULL, error);
    check (g_subprocess_communicate (p, input, NULL, NULL, NULL, &error), error);
    status = g_subprocess_get_exit_status (p);
  }
  if (status != 0)
    g_error ("sqlite3 failed");
  g_unlink (sql_path);
  g_unlink (db);
  return ms_since (start);
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 5000, 20000, 80000 };
  g_autofree char *dir = g_dir_make_tmp ("casereel-bench-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.casereel", NULL);
  g_autofree char *edl = g_build_filename (dir, "many.edl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Benchmark", &error);

  setlocale (LC_ALL, "");
  check (db != NULL, error);
  check (edl_many_add_clip (db, &error), error);
  g_print ("%-28s %12s %14s %8s\n", "EDL import", "casereel ms", "sqlite3 ms", "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *text = edl_many_text (sizes[s]);
      g_autoptr(GPtrArray) unmatched = NULL;
      g_autofree char *label = g_strdup_printf ("%u events", sizes[s]);
      double ours, theirs;
      gint64 start, cut;

      check (g_file_set_contents (edl, text, -1, &error), error);
      start = g_get_monotonic_time ();
      cut = cr_cut_import (db, edl, label, (CrRate) { 0, 0 }, &unmatched, &error);
      ours = ms_since (start);
      check (cut > 0 && cr_cut_count_events (db, cut) == sizes[s], error);
      theirs = sqlite3_reference (dir, sizes[s]);
      g_print ("%-28s %12.1f %14.1f %8.2f\n", label, ours, theirs, ours / theirs);
    }
  g_clear_pointer (&db, cr_db_close);
  g_unlink (edl);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
