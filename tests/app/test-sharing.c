/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several programs on one production file, as the issue found them: a connection opened and
 * closed beside another, other processes writing at the same time, an index killed at several
 * points, a full disk. Each time: no row lost, no "damaged", integrity_check ok (by the sqlite3
 * program, not by us). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cr-cli.h"
#include "cr-db.h"
#include "cr-store.h"
#include "../cr-test-support.h"

#define ADDS 200
#define FILES 500

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
run (const char * const *argv,
     char              **out,
     char              **err)
{
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL) |
                     (err ? 0 : G_SPAWN_STDERR_TO_DEV_NULL), NULL, NULL, out, err, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* What the sqlite3 program says: an independent reader of the file. */
static char *
sqlite3_says (const char *path,
              const char *sql)
{
  g_autofree char *out = NULL;

  g_assert_true (run ((const char *[]) { "sqlite3", path, sql, NULL }, &out, NULL));
  return g_strstrip (g_steal_pointer (&out));
}

static void
assert_whole (const char *path)
{
  g_autofree char *check = sqlite3_says (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

static char *
casereel (Fixture            *f,
          const char * const *args,
          int                *status,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, g_strdup (g_getenv ("CASEREEL_BIN")));
  g_ptr_array_add (argv, g_strdup_printf ("--project=%s", f->path));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, err, status, &error));
  g_assert_no_error (error);
  return out;
}

#define casereel_ok(f, ...) G_STMT_START {                                                   \
    int status_ = 0;                                                                          \
    g_autofree char *err_ = NULL;                                                             \
    g_free (casereel (f, (const char *[]) { __VA_ARGS__, NULL }, &status_, &err_));          \
    if (!g_spawn_check_wait_status (status_, NULL))                                           \
      g_error ("casereel %s failed: %s", #__VA_ARGS__, err_);                                 \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;

  g_assert_nonnull (g_getenv ("CASEREEL_BIN"));
  f->dir = cr_test_make_tmp ("casereel-sharing-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "river.casereel", NULL);
  db = cr_db_create (f->path, "River", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (f->dir, "small-disk", NULL);

  /* A failed check must not leave the test's tmpfs mounted. */
  if (g_file_test (mnt, G_FILE_TEST_IS_DIR))
    run ((const char *[]) { "umount", mnt, NULL }, NULL, NULL);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
add_person (CrDb       *db,
            const char *name)
{
  g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cr_record_set (r, "name", name);
  cr_record_set (r, "kind", "interviewee");
  id = cr_store_insert (db, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

/* The reproduction: A writes, B opens and closes in the same process, another process
 * runs a command, A commits a row: the other processes see it. */
static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) a = cr_db_open (f->path, &error);
  g_autoptr(CrDb) b = NULL;
  g_autofree char *count = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  add_person (a, "Before");
  b = cr_db_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&b, cr_db_close);
  casereel_ok (f, "participant", "list");
  add_person (a, "After");

  listed = casereel (f, (const char *[]) { "participant", "list", NULL }, &status, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (listed, "Before"));
  g_assert_nonnull (strstr (listed, "After"));
  count = sqlite3_says (f->path, "SELECT count(*) FROM participant");
  g_assert_cmpstr (count, ==, "2");
  /* And the other way: a command's row is seen by A. */
  casereel_ok (f, "participant", "add", "--name", "From the command line", "--kind", "crew");
  g_assert_cmpint (cr_store_count (a, &cr_entity_participant, NULL, NULL), ==, 3);
  g_clear_pointer (&a, cr_db_close);
  assert_whole (f->path);
}

/* One "process of 200 participant add": this test program run again, each add a whole
 * command-line run (open, write, close) as `casereel participant add` would be. */
static int
adder_main (const char *path,
            const char *who)
{
  g_autofree char *project = g_strdup_printf ("--project=%s", path);
  int failed = 0;

  for (int i = 0; i < ADDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %03d", who, i);
      char *argv[] = { "casereel", project, "participant", "add", "--name", name, "--kind", "interviewee", NULL };

      if (cr_cli_run (G_N_ELEMENTS (argv) - 1, argv) != 0)
        failed++;
    }
  return failed == 0 ? 0 : 1;
}

static GSubprocess *
start_adder (Fixture    *f,
             const char *who)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                     "/proc/self/exe", "--adder", f->path, who, NULL);

  g_assert_no_error (error);
  return p;
}

static void
finish_adder (GSubprocess *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_test_message ("adder: %s", err);
  g_assert_null (strstr (err, "damaged"));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (p));
}

/* A folder of media for the indexer: hard links to one small fixture, so it costs no space. */
static char *
media_folder (Fixture *f,
              guint    n)
{
  g_autofree char *source = g_build_filename (cr_test_fixtures (), "VideoTrack_29_97_Start-00-00-00-00.mp4", NULL);
  char *dir = g_build_filename (f->dir, "card", NULL);
  g_autofree char *first = g_build_filename (dir, "clip-0000.mp4", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (source, &data, &len, NULL))
    g_error ("%s: missing: this test needs ../shared/fixtures/media", source);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (first, data, len, NULL));
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *p = g_strdup_printf ("%s/clip-%04u.mp4", dir, i);
      g_assert_cmpint (link (first, p), ==, 0);
    }
  return dir;
}

/* Two command lines of 200 adds each and an index, all at once. */
static void
test_writers_at_once (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *card = media_folder (f, FILES);
  g_autoptr(GSubprocess) one = start_adder (f, "Alpha");
  g_autoptr(GSubprocess) two = start_adder (f, "Beta");
  g_autofree char *index_err = NULL;
  g_autofree char *index_out = NULL;
  g_autofree char *people = NULL;
  g_autofree char *clips = NULL;
  int status = 0;

  index_out = casereel (f, (const char *[]) { "index", card, NULL }, &status, &index_err);
  g_test_message ("index: %s", index_out);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (index_err, "damaged"));
  finish_adder (one);
  finish_adder (two);

  people = sqlite3_says (f->path, "SELECT count(*) FROM participant");
  g_assert_cmpint (g_ascii_strtoll (people, NULL, 10), ==, 2 * ADDS);
  clips = sqlite3_says (f->path, "SELECT count(*) FROM clip");
  g_assert_cmpint (g_ascii_strtoll (clips, NULL, 10), ==, FILES);
  assert_whole (f->path);
}

static gint64
count_clips (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (path, &error);

  g_assert_no_error (error);
  return cr_store_count (db, &cr_entity_clip, NULL, NULL);
}

/* kill -9 of `index` at several points, chosen by how far it got (its rows in the file), not
 * by time: the file stays whole and the next index completes. */
static void
test_index_killed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *card = media_folder (f, FILES);
  g_autofree char *clips = NULL;
  /* Killed at once (before or while its first write), then twice just after a batch landed. */
  static const gint64 after[] = { 0, 1, 1 };

  for (guint k = 0; k < G_N_ELEMENTS (after); k++)
    {
      g_autofree char *project = g_strdup_printf ("--project=%s", f->path);
      const char *argv[] = { g_getenv ("CASEREEL_BIN"), project, "index", card, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status = 0;
      gboolean ended = FALSE;
      gint64 before = count_clips (f->path), seen = before, now;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      /* Wait for the index to reach the point (or to end), reading the file as it goes. */
      while (seen < before + after[k] && !(ended = waitpid (pid, &status, WNOHANG) == pid))
        {
          g_usleep (1000);
          seen = count_clips (f->path);
        }
      if (!ended)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
        }
      g_spawn_close_pid (pid);
      now = count_clips (f->path);
      g_test_message ("index killed with %" G_GINT64_FORMAT " clips written (%" G_GINT64_FORMAT " before)", now, before);
      assert_whole (f->path);
      /* A killed index leaves whole batches of rows only, never half of one. */
      g_assert_true ((now - before) % 200 == 0 || now == FILES);
    }
  casereel_ok (f, "index", card);
  assert_whole (f->path);
  clips = sqlite3_says (f->path, "SELECT count(*) FROM clip WHERE status = 'online'");
  g_assert_cmpint (g_ascii_strtoll (clips, NULL, 10), ==, FILES);
}

/* Writing the production on a full disk: one clear line, and the file as it was. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *card = media_folder (f, 20);
  g_autofree char *before = NULL, *after = NULL, *count = NULL;
  g_autoptr(GString) rows = g_string_new ("name,kind,organisation\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  gsize before_len = 0, after_len = 0;
  char block[65536];
  FILE *fp;

  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!run ((const char *[]) { "mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt, NULL }, NULL, NULL))
    {
      g_test_skip ("mounting a small tmpfs is not permitted here (not root): a full disk cannot be made");
      return;
    }
  g_free (f->path);
  f->path = g_build_filename (mnt, "river.casereel", NULL);
  db = cr_db_create (f->path, "River", &error);
  g_assert_no_error (error);
  add_person (db, "Already here");
  g_clear_pointer (&db, cr_db_close);
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (rows, "Person %04d with a long enough name to fill pages,interviewee,Riverside Young Carers\n", i);
  g_assert_true (g_file_set_contents (csv, rows->str, rows->len, NULL));

  /* Fill the disk to the last byte. */
  memset (block, 'x', sizeof block);
  g_assert_nonnull ((fp = fopen (filler, "wb")));
  while (fwrite (block, 1, sizeof block, fp) == sizeof block)
    ;
  while (fwrite (block, 1, 1, fp) == 1 && fflush (fp) == 0)
    ;
  fclose (fp);
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  {
    const char *tries[][8] = {
      { "participant", "add", "--name", "One more", "--kind", "crew", NULL },
      { "import", "participants", csv, NULL },
      { "index", card, NULL },
    };
    for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
      {
        g_autofree char *err = NULL;
        g_autofree char *out = NULL;
        g_auto(GStrv) lines = NULL;
        int status = 0;

        out = casereel (f, tries[t], &status, &err);
        g_test_message ("%s: %s", tries[t][0], err);
        g_assert_false (g_spawn_check_wait_status (status, NULL));
        lines = g_strsplit (g_strchomp (err), "\n", -1);
        g_assert_cmpuint (g_strv_length (lines), ==, 1);
        g_assert_nonnull (strstr (err, "disk is full"));
        g_assert_null (strstr (err, "damaged"));
      }
  }
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  /* With room again: whole, and with only the row it had. */
  g_unlink (filler);
  assert_whole (f->path);
  count = sqlite3_says (f->path, "SELECT group_concat (name) FROM participant");
  g_assert_cmpstr (count, ==, "Already here");
  g_assert_true (run ((const char *[]) { "umount", mnt, NULL }, NULL, NULL));
}

/* What the command line says about the file itself, one line each. */
static void
assert_one_line (Fixture            *f,
                 const char * const *args,
                 gboolean            succeeds,
                 const char         *words)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  out = casereel (f, args, &status, &err);
  g_test_message ("%s %s: %s", args[0], args[1], err);
  g_assert_cmpint (g_spawn_check_wait_status (status, NULL), ==, succeeds);
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (err, words));
  g_assert_null (strstr (err, "damaged"));
  g_assert_null (strstr (err, "no such production"));
}

static void
test_command_line_words (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *loop_a = g_build_filename (f->dir, "a.casereel", NULL);
  g_autofree char *loop_b = g_build_filename (f->dir, "b.casereel", NULL);
  g_autofree char *mnt = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *path = g_build_filename (mnt, "card.casereel", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;

  g_free (f->path);
  f->path = g_strdup ("");
  assert_one_line (f, (const char *[]) { "participant", "list", NULL }, FALSE, "--project: the path is empty");
  g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
  g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);
  g_free (f->path);
  f->path = g_strdup (loop_a);
  assert_one_line (f, (const char *[]) { "participant", "list", NULL }, FALSE, "loops back on itself");

  /* Read-only media: read with one line saying so; a write refused in words. */
  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!run ((const char *[]) { "mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt, NULL }, NULL, NULL))
    {
      g_test_skip ("mounting a tmpfs is not permitted here (not root): read-only media cannot be made");
      return;
    }
  g_free (f->path);
  f->path = g_strdup (path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrDb) db = cr_db_create (path, "On a card", &error);
    g_assert_no_error (error);
    add_person (db, "Recorded before");
  }
  g_assert_true (run ((const char *[]) { "mount", "-o", "remount,ro", mnt, NULL }, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  assert_one_line (f, (const char *[]) { "participant", "list", NULL }, TRUE, "opened read-only: it is on read-only media");
  assert_one_line (f, (const char *[]) { "participant", "add", "--name", "Not written", "--kind", "crew", NULL }, FALSE,
                   "read-only (it is on read-only media); nothing was changed");
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_true (run ((const char *[]) { "umount", mnt, NULL }, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--adder"))
    return adder_main (argv[2], argv[3]);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sharing/two-connections", Fixture, NULL, fixture_set_up, test_two_connections, fixture_tear_down);
  g_test_add ("/sharing/writers-at-once", Fixture, NULL, fixture_set_up, test_writers_at_once, fixture_tear_down);
  g_test_add ("/sharing/index-killed", Fixture, NULL, fixture_set_up, test_index_killed, fixture_tear_down);
  g_test_add ("/sharing/command-line-words", Fixture, NULL, fixture_set_up, test_command_line_words, fixture_tear_down);
  g_test_add ("/sharing/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  return g_test_run ();
}
