/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-error-words"

/* No SQL text ever reaches the user (issue 11): a failed read or write of the production is
 * said in plain words that name what could not be read or saved, whatever SQLite said ("no
 * such table", "database is locked", "disk I/O error", "constraint failed", "SQL logic
 * error"); the store's own words (a field that failed validation, a row not found) pass as
 * they are. The errors here are real ones, made by data/ on a file a second connection
 * damaged or locked, or made by cr_db_set_error () from SQLite's own text for each result
 * code; and the Schedule and Shots pages show the words on a damaged file. */

#include "config.h"
#include "../cr-test-support.h"

#include "cr-error-words.h"
#include "cr-schedule-page.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

/* SQLite's words, and the data layer's way of quoting them, that must not be shown. */
static void
assert_plain (const char *words,
              const char *path)
{
  static const char *const sqlite_words[] = {
    "sql", "no such", "constraint", "database", "malformed", "i/o", "logic error", "disk image",
    "unable to open", "not an error", "datatype", "authoriz", "schema", NULL,
  };
  g_autofree char *folded = g_utf8_strdown (words, -1);

  g_test_message ("said: %s", words);
  for (guint i = 0; sqlite_words[i]; i++)
    if (strstr (folded, sqlite_words[i]))
      g_error ("“%s” says SQLite’s “%s”", words, sqlite_words[i]);
  g_assert_null (strchr (words, '\n'));
  if (path)
    g_assert_null (strstr (words, path));
}

/* A second connection, as another program would have it: raw SQLite, not data/. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 2000);
  return handle;
}

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

typedef struct
{
  char         *dir;
  char         *path;
  CrProduction *production;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrDb *db;

  f->dir = cr_test_make_tmp ("casereel-error-words-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "riverside.casereel", NULL);
  f->production = cr_production_create (f->path, "Caring Together", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (f->production);
  test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_interview, "title", "Grace at school", "start", "2026-04-14 11:00",
            "end", "2026-04-14 12:00", "participants", "Grace Hughes", NULL);
  test_add (db, &cr_entity_shot, "number", "1", "description", "The hall at dawn", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->production);
  g_free (f->path);
  g_free (f->dir);
}

/* A table gone under a production that is open: SQLite's "no such table: interview". */
static void
test_missing_table (Fixture       *f,
                    gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *read = NULL;
  g_autofree char *reason = NULL;
  sqlite3 *other = raw_open (f->path);

  raw_exec (other, "DROP TABLE interview");
  sqlite3_close (other);
  rows = cr_store_list (db, &cr_entity_interview, NULL, &error);
  g_assert_null (rows);
  /* The error is SQLite's, as the data layer passes it on: what the words must replace. */
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "no such table"));

  read = cr_error_words_read (error, "the schedule");
  assert_plain (read, f->path);
  g_assert_cmpstr (read, ==, "Could not read the schedule: the production file may be damaged");
  reason = cr_error_words_reason (error, TRUE);
  assert_plain (reason, f->path);
  g_assert_cmpstr (reason, ==, "the production file refused the change; nothing was changed");
}

/* Another program holding the file's write lock past the busy timeout: "database is
 * locked". (A WAL file's readers pass a writer, so a read is not kept out this way; every
 * code, BUSY among them, is said as a read in /ui/error-words/every-code.) */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) shot = cr_record_new (&cr_entity_shot);
  g_autofree char *read = NULL;
  g_autofree char *write = NULL;
  sqlite3 *other = raw_open (f->path);

  raw_exec (other, "BEGIN IMMEDIATE; UPDATE shot SET description = description");
  cr_record_set (shot, "number", "2");
  cr_record_set (shot, "description", "The river");
  g_assert_cmpint (cr_store_insert (db, shot, &error), ==, 0);
  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_BUSY);

  write = cr_error_words_write (error, "the shot");
  assert_plain (write, f->path);
  g_assert_cmpstr (write, ==, "Could not save the shot: another program kept the production file locked; "
                              "nothing was changed; try again");
  read = cr_error_words_read (error, "the shot list");
  assert_plain (read, f->path);
  g_assert_cmpstr (read, ==, "Could not read the shot list: another program kept the production file locked; try again");
}

/* Every result code the engine has words for, with SQLite's own text for it, as
 * cr_db_set_error () makes the error: never shown, whichever helper says it. */
static void
test_every_code (Fixture       *f,
                 gconstpointer  data)
{
  static const int codes[] = {
    SQLITE_ERROR, SQLITE_INTERNAL, SQLITE_PERM, SQLITE_ABORT, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM,
    SQLITE_READONLY, SQLITE_INTERRUPT, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN,
    SQLITE_PROTOCOL, SQLITE_SCHEMA, SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_MISUSE,
    SQLITE_AUTH, SQLITE_RANGE, SQLITE_NOTADB, SQLITE_IOERR_SHORT_READ, SQLITE_CONSTRAINT_UNIQUE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *read = NULL;
      g_autofree char *write = NULL;
      g_autofree char *form = NULL;
      g_autofree char *reason = NULL;

      cr_db_set_error (NULL, codes[i], &error);
      g_assert_nonnull (error);
      g_test_message ("%d: %s", codes[i], error->message);
      read = cr_error_words_read (error, "the schedule");
      assert_plain (read, NULL);
      g_assert_true (g_str_has_prefix (read, "Could not read the schedule: "));
      write = cr_error_words_write (error, "the transcript");
      assert_plain (write, NULL);
      g_assert_true (g_str_has_prefix (write, "Could not save the transcript: "));
      form = cr_error_words (&cr_entity_interview, error);
      assert_plain (form, NULL);
      reason = cr_error_words_reason (error, FALSE);
      assert_plain (reason, NULL);
    }
}

/* A real constraint refused on a write, and the store's own words, which pass as they are. */
static void
test_store_words (Fixture       *f,
                  gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autoptr(CrRecord) nameless = cr_record_new (&cr_entity_participant);

  g_assert_false (cr_db_exec (db, "CREATE TEMP TABLE pair (x UNIQUE); INSERT INTO pair VALUES (1); "
                                  "INSERT INTO pair VALUES (1)", &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "UNIQUE constraint failed"));
  words = cr_error_words_write (error, "the cut");
  assert_plain (words, f->path);
  g_assert_cmpstr (words, ==, "Could not save the cut: it clashes with another row of the production; nothing was changed");
  g_clear_error (&error);
  g_clear_pointer (&words, g_free);

  /* Validation: the field and its reason, word for word. */
  cr_record_set (nameless, "kind", "interviewee");
  g_assert_cmpint (cr_store_insert (db, nameless, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  words = cr_error_words_read (error, "the people");
  g_assert_cmpstr (words, ==, error->message);
  g_clear_error (&error);
  g_clear_pointer (&words, g_free);

  /* A row that is not there. */
  g_assert_null (cr_store_get (db, &cr_entity_interview, 999, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
  words = cr_error_words_read (error, "the interview");
  g_assert_cmpstr (words, ==, error->message);
  g_clear_error (&error);
  g_clear_pointer (&words, g_free);

  /* Another domain's: a file the importer could not find. */
  g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "interview.srt: no such file");
  words = cr_error_words_write (error, "the transcript");
  g_assert_cmpstr (words, ==, "interview.srt: no such file");
}

/* The Schedule page on the file whose interview table another connection dropped: its line
 * says what could not be read, in words. */
static void
test_schedule_page (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrSchedulePage) page = g_object_ref_sink (cr_schedule_page_new (f->production));
  GtkWidget *window = gtk_window_new ();
  sqlite3 *other;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  cr_ui_wait_for_frames (window, 2);
  g_assert_cmpuint (cr_schedule_page_get_days (page)->len, ==, 1);
  g_assert_false (g_str_has_prefix (cr_schedule_page_get_summary (page), "Could not"));

  other = raw_open (f->path);
  raw_exec (other, "DROP TABLE interview");
  sqlite3_close (other);
  cr_production_changed (f->production, &cr_entity_interview);
  cr_ui_wait_for_frames (window, 2);
  assert_plain (cr_schedule_page_get_summary (page), f->path);
  g_assert_cmpstr (cr_schedule_page_get_summary (page), ==,
                   "Could not read the schedule: the production file may be damaged");
  g_assert_cmpuint (cr_schedule_page_get_days (page)->len, ==, 0);
  cr_ui_save_png (window, "casereel-schedule-unreadable.png");
  gtk_window_destroy (GTK_WINDOW (window));
  cr_ui_iterate ();
}

/* The Shots page on a file whose shot table another connection dropped. */
static void
test_shots_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrShotsPage) page = g_object_ref_sink (cr_shots_page_new (f->production));
  sqlite3 *other;

  g_assert_cmpstr (cr_shots_page_get_summary (page), !=, "");
  g_assert_false (g_str_has_prefix (cr_shots_page_get_summary (page), "Could not"));
  other = raw_open (f->path);
  raw_exec (other, "DROP TABLE shot");
  sqlite3_close (other);
  cr_production_changed (f->production, &cr_entity_shot);
  assert_plain (cr_shots_page_get_summary (page), f->path);
  g_assert_cmpstr (cr_shots_page_get_summary (page), ==,
                   "Could not read the shot list: the production file may be damaged");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/error-words/missing-table", Fixture, NULL, fixture_set_up, test_missing_table, fixture_tear_down);
  g_test_add ("/ui/error-words/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/ui/error-words/every-code", Fixture, NULL, fixture_set_up, test_every_code, fixture_tear_down);
  g_test_add ("/ui/error-words/store-words", Fixture, NULL, fixture_set_up, test_store_words, fixture_tear_down);
  g_test_add ("/ui/error-words/schedule-page", Fixture, NULL, fixture_set_up, test_schedule_page, fixture_tear_down);
  g_test_add ("/ui/error-words/shots-page", Fixture, NULL, fixture_set_up, test_shots_page, fixture_tear_down);
  return g_test_run ();
}
