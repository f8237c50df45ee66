/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-db.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-db-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static void
test_create_migrates (void)
{
  g_autofree char *path = temp_path ("new.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "  River Project  ", &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (cr_db_get_schema_version (db), ==, cr_db_get_latest_version ());
  g_assert_cmpint (cr_db_get_latest_version (), >=, 1);

  stmt = cr_db_prepare (db, "SELECT title FROM production", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "River Project");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cr_db_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cr_db_prepare (db, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&db, cr_db_close);

  /* Reopening an up-to-date file works and changes nothing. */
  db = cr_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_db_get_schema_version (db), ==, cr_db_get_latest_version ());
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *path = temp_path ("taken.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  CrDb *db;

  g_assert_true (g_file_set_contents (path, "my notes", -1, NULL));
  before = read_file (path);
  db = cr_db_create (path, "X", &error);
  g_assert_null (db);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_EXISTS);
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_create_needs_title (void)
{
  g_autofree char *path = temp_path ("untitled.casereel");
  g_autoptr(GError) error = NULL;

  g_assert_null (cr_db_create (path, "   ", &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "title"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  CrDb *db = cr_db_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, CR_DB_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_text_file (void)
{
  g_autofree char *path = temp_path ("notes.casereel");

  g_assert_true (g_file_set_contents (path, "this is not a database\n", -1, NULL));
  assert_refused_untouched (path, CR_DB_ERROR_NOT_A_PRODUCTION);
}

static void
test_refuses_empty_file (void)
{
  g_autofree char *path = temp_path ("empty.casereel");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_untouched (path, CR_DB_ERROR_NOT_A_PRODUCTION);
}

static void
test_refuses_foreign_database (void)
{
  g_autofree char *path = temp_path ("other.sqlite");
  sqlite3 *h = NULL;

  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
  assert_refused_untouched (path, CR_DB_ERROR_NOT_A_PRODUCTION);
}

static void
test_refuses_corrupt_file (void)
{
  g_autofree char *path = temp_path ("corrupt.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Corrupt me", &error);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_no_error (error);
  g_clear_pointer (&db, cr_db_close);   /* checkpoints the WAL into the file */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  /* Scribble over the schema page, keeping the header. */
  memset (data + 100, 0x5a, MIN (len - 100, 3000));
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  assert_refused_untouched (path, CR_DB_ERROR_NOT_A_PRODUCTION);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *path = temp_path ("future.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "From the future", &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", cr_db_get_latest_version () + 1);

  g_assert_no_error (error);
  g_assert_true (cr_db_exec (db, bump, &error));
  g_assert_true (cr_db_exec (db, "PRAGMA journal_mode = DELETE", &error));
  g_clear_pointer (&db, cr_db_close);

  assert_refused_untouched (path, CR_DB_ERROR_TOO_NEW);
}

static void
test_migrates_old_file (void)
{
  g_autofree char *path = temp_path ("old.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  sqlite3 *h = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) first = g_resources_lookup_data ("/org/casereel/data/migrations/0001-plan.sql", 0, &error);

  g_assert_no_error (error);
  /* A file as the first release wrote it: version 1 only. */
  sql = g_strdup_printf ("PRAGMA application_id = %d; %.*s; PRAGMA user_version = 1;"
                         "INSERT INTO production (id, title) VALUES (1, 'Old');"
                         "INSERT INTO participant (id, name, kind) VALUES (7, 'Ada', 'interviewee');"
                         "INSERT INTO consent (id, participant, status, date, channels, media, naming)"
                         "  VALUES (3, 7, 'signed', '2025-02-01', 'internal', 'video', 'full-name'),"
                         "         (4, 7, 'withdrawn', '2025-03-01', NULL, NULL, NULL),"
                         "         (5, 7, 'requested', '2025-01-01', NULL, NULL, NULL);",
                         CR_DB_APPLICATION_ID, (int) g_bytes_get_size (first),
                         (const char *) g_bytes_get_data (first, NULL));
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);

  db = cr_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_db_get_schema_version (db), ==, cr_db_get_latest_version ());

  /* Its consent history is summed up by 0011: the latest record by date, the latest grant. */
  {
    g_autoptr(sqlite3_stmt) now = cr_db_prepare (db, "SELECT latest, latest_date, facts, grant_id, grant_facts"
                                                     " FROM consent_now WHERE participant = 7", &error);
    /* status, date, channels, media, naming, expires, guardian, relationship, form, scope */
    static const char latest[] = "1withdrawn\0" "12025-03-01\0" "0\0" "0\0" "0\0" "0\0" "0\0" "0\0" "0\0" "0";
    static const char grant[] = "1signed\0" "12025-02-01\0" "1internal\0" "1video\0" "1full-name\0" "0\0" "0\0"
                                "0\0" "0\0" "0";

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (now), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (now, 0), ==, 4);
    g_assert_cmpstr ((const char *) sqlite3_column_text (now, 1), ==, "2025-03-01");
    g_assert_cmpmem (sqlite3_column_blob (now, 2), sqlite3_column_bytes (now, 2), latest, sizeof latest);
    g_assert_cmpint (sqlite3_column_int (now, 3), ==, 3);
    g_assert_cmpmem (sqlite3_column_blob (now, 4), sqlite3_column_bytes (now, 4), grant, sizeof grant);
    g_assert_cmpint (sqlite3_step (now), ==, SQLITE_DONE);
  }
}

static void
test_nested_transactions (void)
{
  g_autofree char *path = temp_path ("tx.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Tx", &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (cr_db_begin (db, &error));
  g_assert_true (cr_db_exec (db, "UPDATE production SET funder = 'A'", &error));
  g_assert_true (cr_db_begin (db, &error));
  g_assert_true (cr_db_exec (db, "UPDATE production SET funder = 'B'", &error));
  cr_db_rollback (db);
  g_assert_true (cr_db_commit (db, &error));
  g_assert_no_error (error);

  stmt = cr_db_prepare (db, "SELECT funder FROM production", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "A");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db/create/migrates", test_create_migrates);
  g_test_add_func ("/db/create/refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/db/create/needs-title", test_create_needs_title);
  g_test_add_func ("/db/open/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/db/open/refuses-empty-file", test_refuses_empty_file);
  g_test_add_func ("/db/open/refuses-foreign-database", test_refuses_foreign_database);
  g_test_add_func ("/db/open/refuses-corrupt-file", test_refuses_corrupt_file);
  g_test_add_func ("/db/open/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/db/open/migrates-old-file", test_migrates_old_file);
  g_test_add_func ("/db/transaction/nested", test_nested_transactions);
  return g_test_run ();
}
