/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a production: each problem with the file gets its own words, read-only media opens
 * for reading, a held lock ends in "busy", closing leaves one self-contained file, and a
 * connection sees when another one committed. */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cr-db.h"
#include "cr-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
run (const char * const *argv)
{
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;

  f->dir = cr_test_make_tmp ("casereel-db-open-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "river.casereel", NULL);
  db = cr_db_create (f->path, "River", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (f->dir, "card", NULL);

  /* A failed check must not leave the test's tmpfs mounted. */
  if (g_file_test (mnt, G_FILE_TEST_IS_DIR))
    run ((const char *[]) { "umount", mnt, NULL });
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

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, CR_DB_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "damaged"));
}

static void
test_says_what_is_wrong (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.casereel", NULL);
  g_autofree char *loop_a = g_build_filename (f->dir, "a.casereel", NULL);
  g_autofree char *loop_b = g_build_filename (f->dir, "b.casereel", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.casereel", NULL);
  g_autofree char *through = g_build_filename (f->path, "x.casereel", NULL);

  assert_refused ("", CR_DB_ERROR_INVALID, "path is empty");
  assert_refused (missing, CR_DB_ERROR_NOT_FOUND, "no such file");
  g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
  g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);
  assert_refused (loop_a, CR_DB_ERROR_NOT_FOUND, "loops back on itself");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_refused (folder, CR_DB_ERROR_NOT_A_PRODUCTION, "a folder");
  assert_refused (through, CR_DB_ERROR_NOT_FOUND, "is a file, not a folder");
  /* None of these made a file. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Closing leaves every row in the file itself: a copy without -wal (as a user would e-mail
 * it) opens with everything. */
static void
test_close_leaves_one_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.casereel", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) a = cr_db_open (f->path, &error);
  g_autoptr(CrDb) b = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);
      add_person (a, name);
    }
  /* Another connection in this process opens and closes meanwhile. */
  b = cr_db_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&b, cr_db_close);
  add_person (a, "Last one");
  g_clear_pointer (&a, cr_db_close);

  g_assert_true (!g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_get_contents (wal, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, 0);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  b = cr_db_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (b, &cr_entity_participant, NULL, NULL), ==, 51);
}

static void
test_sees_other_commits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) a = cr_db_open (f->path, &error);
  g_autoptr(CrDb) b = cr_db_open (f->path, &error);
  guint seen = 0;

  g_assert_no_error (error);
  cr_db_has_changed (a, &seen);
  g_assert_false (cr_db_has_changed (a, &seen));
  /* Its own writes are not news. */
  add_person (a, "Mine");
  g_assert_false (cr_db_has_changed (a, &seen));
  add_person (b, "Theirs");
  g_assert_true (cr_db_has_changed (a, &seen));
  g_assert_false (cr_db_has_changed (a, &seen));
  g_assert_cmpint (cr_store_count (a, &cr_entity_participant, NULL, NULL), ==, 2);
}

/* A writer that holds the file past the timeout gets "busy", not "damaged", and nothing of
 * its write lands. */
static void
test_busy_is_busy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) holder = cr_db_open (f->path, &error);
  g_autoptr(CrDb) other = cr_db_open (f->path, &error);
  g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);

  g_assert_no_error (error);
  g_assert_true (cr_db_begin (holder, &error));
  add_person (holder, "Held");
  cr_record_set (r, "name", "Waiting");
  cr_record_set (r, "kind", "interviewee");
  g_assert_cmpint (cr_store_insert (other, r, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_BUSY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_assert_null (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_true (cr_db_commit (holder, &error));
  g_assert_cmpint (cr_store_count (other, &cr_entity_participant, NULL, NULL), ==, 1);
}

/* The checks on read-only media, in a child: a failed assertion there still lets the parent
 * unmount. */
static void
check_read_only (const char *path)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);
  gsize before_len = 0, after_len = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = cr_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_db_get_read_only_reason (db), ==, "it is on read-only media");
  g_assert_cmpint (cr_store_count (db, &cr_entity_participant, NULL, NULL), ==, 1);
  cr_record_set (r, "name", "Not written");
  cr_record_set (r, "kind", "interviewee");
  g_assert_cmpint (cr_store_insert (db, r, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_READ_ONLY);
  g_printerr ("%s\n", error->message);
  g_assert_nonnull (strstr (error->message, "read-only media"));
  g_clear_pointer (&db, cr_db_close);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* Read-only media: a small tmpfs remounted read-only (needs root to mount). */
static void
test_read_only_media (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (f->dir, "card", NULL);
  g_autofree char *path = g_build_filename (mnt, "card.casereel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  gboolean ok;

  if (g_test_subprocess ())
    {
      check_read_only (g_getenv ("CASEREEL_TEST_READ_ONLY"));
      return;
    }
  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!run ((const char *[]) { "mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt, NULL }))
    {
      g_test_skip ("mounting a tmpfs is not permitted here (not root): read-only media cannot be made");
      return;
    }
  db = cr_db_create (path, "On a card", &error);
  g_assert_no_error (error);
  add_person (db, "Recorded before");
  g_clear_pointer (&db, cr_db_close);
  ok = run ((const char *[]) { "mount", "-o", "remount,ro", mnt, NULL });
  if (ok)
    {
      g_setenv ("CASEREEL_TEST_READ_ONLY", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
    }
  run ((const char *[]) { "umount", mnt, NULL });
  g_assert_true (ok);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*read-only (it is on read-only media); nothing was changed*");
}

/* Root without the capabilities that let it pass file modes: it meets another user's files
 * as any user would. (Becoming "nobody" instead would fail where "/" itself is the owner's
 * only, as in a chroot made with mktemp -d.) access(2) checks root's permitted set, so the
 * capabilities go from every set. */
static void
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2];
  const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  g_assert_cmpint (syscall (SYS_capget, &header, caps), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      guint32 bit = 1u << (dropped[i] % 32);

      caps[dropped[i] / 32].effective &= ~bit;
      caps[dropped[i] / 32].permitted &= ~bit;
      caps[dropped[i] / 32].inheritable &= ~bit;
    }
  g_assert_cmpint (syscall (SYS_capset, &header, caps), ==, 0);
}

/* Files another user owns, as this user meets them: run as root (as CI is), they belong to
 * "nobody" and the checks run in a child without root's file capabilities; run as anyone
 * else, the modes alone shut this user out. */
static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *closed = g_build_filename (f->dir, "closed", NULL);
  g_autofree char *behind = g_build_filename (closed, "behind.casereel", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked.casereel", NULL);
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autofree char *readable = g_build_filename (shared, "readable.casereel", NULL);
  gboolean root = geteuid () == 0;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrDb) db = NULL;

      if (root)
        drop_file_capabilities ();
      assert_refused (g_getenv ("CASEREEL_TEST_BEHIND"), CR_DB_ERROR_PERMISSION,
                      "permission denied (a folder on the way cannot be entered)");
      assert_refused (g_getenv ("CASEREEL_TEST_LOCKED"), CR_DB_ERROR_PERMISSION,
                      "permission denied (the file cannot be read)");
      /* Readable but not writable: opened for reading, saying why. */
      db = cr_db_open (g_getenv ("CASEREEL_TEST_READABLE"), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cr_db_get_read_only_reason (db), ==, "no permission to write it or its folder");
      g_assert_cmpint (cr_store_count (db, &cr_entity_participant, NULL, NULL), ==, 1);
      return;
    }

  g_assert_cmpint (g_mkdir (closed, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (shared, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      const char *path = i == 0 ? behind : i == 1 ? locked : readable;
      g_autoptr(GError) error = NULL;
      g_autoptr(CrDb) db = cr_db_create (path, "Someone else's", &error);

      g_assert_no_error (error);
      add_person (db, "Recorded before");
      g_clear_pointer (&db, cr_db_close);
    }
  g_assert_cmpint (g_chmod (locked, 0600), ==, 0);
  g_assert_cmpint (g_chmod (readable, 0644), ==, 0);
  if (root)
    {
      const char *theirs[] = { closed, behind, locked, shared, readable };

      for (guint i = 0; i < G_N_ELEMENTS (theirs); i++)
        g_assert_cmpint (chown (theirs[i], 65534, 65534), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_chmod (closed, 0000), ==, 0);
      g_assert_cmpint (g_chmod (locked, 0000), ==, 0);
      g_assert_cmpint (g_chmod (shared, 0555), ==, 0);
      g_assert_cmpint (g_chmod (readable, 0444), ==, 0);
    }
  g_setenv ("CASEREEL_TEST_BEHIND", behind, TRUE);
  g_setenv ("CASEREEL_TEST_LOCKED", locked, TRUE);
  g_setenv ("CASEREEL_TEST_READABLE", readable, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_chmod (closed, 0700);
  g_chmod (shared, 0755);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/db/open/says-what-is-wrong", Fixture, NULL, fixture_set_up, test_says_what_is_wrong, fixture_tear_down);
  g_test_add ("/db/close/leaves-one-file", Fixture, NULL, fixture_set_up, test_close_leaves_one_file, fixture_tear_down);
  g_test_add ("/db/share/sees-other-commits", Fixture, NULL, fixture_set_up, test_sees_other_commits, fixture_tear_down);
  g_test_add ("/db/share/busy", Fixture, NULL, fixture_set_up, test_busy_is_busy, fixture_tear_down);
  g_test_add ("/db/open/permission", Fixture, NULL, fixture_set_up, test_permission, fixture_tear_down);
  g_test_add ("/db/open/read-only-media", Fixture, NULL, fixture_set_up, test_read_only_media, fixture_tear_down);
  return g_test_run ();
}
