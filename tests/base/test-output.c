/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Output files written whole or not at all: replaced only by a complete file, a previous file
 * kept on every failure (a full disk, a read-only disk, a folder without permission), temps
 * of a killed run removed by the next run; and input echoed into messages made harmless. */
#define _GNU_SOURCE
#include "config.h"
#include "../cr-test-support.h"

#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "../disk-full.h"
#include "cr-message.h"
#include "cr-output.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static char *
make_folder (void)
{
  char *folder = g_build_filename (disk_full_dir, "out", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
test_write_and_replace (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "cut.edl", NULL);
  g_autofree char *text = NULL, *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_output_write_file (path, "first\n", 6, 0644, &error));
  g_assert_no_error (error);
  g_assert_true (cr_output_write_file (path, "second, longer\n", 15, 0644, &error));
  text = read_text (path);
  g_assert_cmpstr (text, ==, "second, longer\n");
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, "cut.edl");

  /* A folder under the output's name is found before any work. */
  g_assert_false (cr_output_write_file (folder, "x", 1, 0644, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_true (g_str_has_suffix (error->message, "out: not written: it is a folder"));
  g_clear_error (&error);
  g_assert_false (cr_output_write_file ("", "x", 1, 0644, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpstr (error->message, ==, "No output file given (an empty name)");
  remove_folder (folder);
}

static void
test_abandoned_keeps_previous (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "report.csv", NULL);
  g_autofree char *text = NULL, *names = NULL;
  g_autoptr(GError) error = NULL;
  CrOutput *output;

  g_assert_true (cr_output_write_file (path, "good\n", 5, 0644, &error));
  output = cr_output_begin (path, 0644, &error);
  g_assert_no_error (error);
  g_assert_true (cr_output_write (output, "half a ", 7, &error));
  /* The temp is beside the output, hidden, and not the output itself. */
  g_assert_true (g_str_has_prefix (cr_output_get_temp_path (output), folder));
  g_assert_true (g_file_test (cr_output_get_temp_path (output), G_FILE_TEST_EXISTS));
  cr_output_free (output);

  text = read_text (path);
  g_assert_cmpstr (text, ==, "good\n");
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, "report.csv");
  remove_folder (folder);
}

static void
put (const char *folder,
     const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "left by a killed run", -1, NULL));
}

static void
test_stale_temps (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "r.mp4", NULL);
  g_autofree char *live = g_build_filename (folder, ".r.mp4.LIVE00.part", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  put (folder, ".r.mp4.aB3xYz.part");
  put (folder, ".r.mp4.Qq9999.part");
  /* Not temps of r.mp4: another output's, a user's file, a name that only looks alike. */
  put (folder, ".other.mp4.aB3xYz.part");
  put (folder, "r.mp4.aB3xYz.part");
  put (folder, ".r.mp4.toolong1.part");
  /* A run still writing holds its temp locked: it is not stale. */
  put (folder, ".r.mp4.LIVE00.part");
  fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (cr_output_write_file (path, "new", 3, 0644, &error));
  g_assert_no_error (error);
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, ".other.mp4.aB3xYz.part .r.mp4.LIVE00.part .r.mp4.toolong1.part r.mp4 r.mp4.aB3xYz.part");
  close (fd);
  remove_folder (folder);
}

static void
test_long_name (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *name = g_strnfill (250, 'n');
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  /* The temp's name would pass NAME_MAX if it held the whole name. */
  g_assert_true (cr_output_write_file (path, "x", 1, 0644, &error));
  g_assert_no_error (error);
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, name);
  remove_folder (folder);
}

static void
check_disk_full (gsize room,
                 gsize size)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "cut.otio", NULL);
  g_autofree char *data = g_malloc (size);
  g_autofree char *text = NULL, *names = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, 'x', size);
  g_assert_true (cr_output_write_file (path, "the cut as it was\n", -1 + sizeof "the cut as it was\n", 0644, &error));
  disk_full_fill (room);
  g_assert_false (cr_output_write_file (path, data, size, 0644, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  expected = g_strdup_printf ("%s: not written: the disk is full", path);
  g_assert_cmpstr (error->message, ==, expected);
  disk_full_empty ();

  text = read_text (path);
  g_assert_cmpstr (text, ==, "the cut as it was\n");
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, "cut.otio");
  remove_folder (folder);
}

static void
test_disk_full (void)
{
  /* No room at all: the first write fails. */
  check_disk_full (0, 100 * 1024);
  /* Some room: a part is written before the disk fills. */
  check_disk_full (16 * 1024, 512 * 1024);
}

static void
test_read_only_disk (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "schedule.ics", NULL);
  g_autofree char *text = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_output_write_file (path, "BEGIN:VCALENDAR\r\n", 17, 0644, &error));
  g_assert_cmpint (mount (NULL, disk_full_dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  g_assert_false (cr_output_write_file (path, "other", 5, 0644, &error));
  g_assert_cmpint (mount (NULL, disk_full_dir, NULL, MS_REMOUNT, NULL), ==, 0);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ROFS);
  expected = g_strdup_printf ("%s: not written: its folder is on a read-only disk", path);
  g_assert_cmpstr (error->message, ==, expected);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "BEGIN:VCALENDAR\r\n");
  remove_folder (folder);
}

static void
test_no_permission (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "call-sheet.pdf", NULL);
  g_autofree char *names = NULL;
  int status = 0;
  pid_t pid;

  /* Root may write anywhere: the check runs as nobody, in a child. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: not written: no permission to write in its folder", path);

      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (2);
      if (cr_output_write_file (path, "%PDF", 4, 0644, &error))
        _exit (3);
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) || strcmp (error->message, expected) != 0)
        {
          fprintf (stderr, "got: %s\n", error->message);
          _exit (4);
        }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  names = disk_full_list (folder);
  g_assert_cmpstr (names, ==, "");
  remove_folder (folder);
}

static void
test_message_text (void)
{
  g_autofree char *escape = cr_message_text ("name\x1b[2J\r\nnext\tcol\x7f", 0);
  g_autofree char *latin1 = cr_message_text ("Caf\xe9 \xff", 0);
  g_autofree char *bidi = cr_message_text ("abc\xe2\x80\xae" "fdp.exe", 0);
  g_autofree char *plain = cr_message_text ("Zoë 李小龙", CR_MESSAGE_MAX_VALUE);
  g_autofree char *huge = g_strnfill (1024 * 1024, 'a');
  g_autofree char *cut = NULL;

  g_assert_cmpstr (escape, ==, "name\\x1b[2J\\r\\nnext\\tcol\\x7f");
  g_assert_cmpstr (latin1, ==, "Caf\\xe9 \\xff");
  g_assert_cmpstr (bidi, ==, "abc\\u202efdp.exe");
  g_assert_cmpstr (plain, ==, "Zoë 李小龙");
  g_assert_null (strchr (escape, '\x1b'));

  /* A 1 MB field comes back as its start and end with a count, not whole. */
  huge[0] = 'S';
  huge[1024 * 1024 - 1] = 'E';
  cut = cr_message_text (huge, 100);
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_cmpuint (strlen (cut), <, 200);
  g_assert_true (g_str_has_prefix (cut, "Saaa"));
  g_assert_true (g_str_has_suffix (cut, "aaaE"));
  g_assert_nonnull (strstr (cut, "[1048476 characters left out]"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  disk_full_mount ("1m");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/output/write-and-replace", test_write_and_replace);
  g_test_add_func ("/output/abandoned-keeps-previous", test_abandoned_keeps_previous);
  g_test_add_func ("/output/stale-temps", test_stale_temps);
  g_test_add_func ("/output/long-name", test_long_name);
  g_test_add_func ("/output/disk-full", test_disk_full);
  g_test_add_func ("/output/read-only-disk", test_read_only_disk);
  g_test_add_func ("/output/no-permission", test_no_permission);
  g_test_add_func ("/message/text", test_message_text);
  status = g_test_run ();
  disk_full_unmount ();
  return status;
}
