/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every test program shares: the real camera files beside the checkout, and temporary
 * folders that are gone when the test ends, so a run leaves nothing in /tmp. */
#pragma once

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

/* GLib writes messages in the locale's character set, and a program that never calls
 * setlocale () is in ASCII: a failed check on "李小龙" printed "???". The suite's environment
 * names a UTF-8 locale (LC_ALL=C.UTF-8); only the character type is taken from it. */
__attribute__((constructor)) static void
cr_test_set_locale (void)
{
  setlocale (LC_CTYPE, "");
}

/* The folder of real recordings (../shared/fixtures/media). A checkout without it fails here
 * with one line that says what is missing, rather than later with a crash or a puzzle. */
static inline const char *
cr_test_fixtures (void)
{
  const char *folder = g_getenv ("CASEREEL_FIXTURES");

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "this test needs the real camera files in ../shared/fixtures/media "
               "beside the checkout (or CASEREEL_FIXTURES); not found at %s\n",
               folder ? folder : "(CASEREEL_FIXTURES unset)");
      exit (1);
    }
  return folder;
}

static GPtrArray *cr_test_tmp_dirs;
static pid_t cr_test_tmp_owner;  /* a forked child that exits must not remove its parent's */

static inline void
cr_test_remove_tree (const char *path)
{
  GDir *dir = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      cr_test_remove_tree (child);
      g_free (child);
    }
  if (dir)
    g_dir_close (dir);
  g_remove (path);
}

static inline void
cr_test_remove_tmp_dirs (void)
{
  if (getpid () != cr_test_tmp_owner)
    return;
  for (guint i = 0; cr_test_tmp_dirs && i < cr_test_tmp_dirs->len; i++)
    cr_test_remove_tree (g_ptr_array_index (cr_test_tmp_dirs, i));
  g_clear_pointer (&cr_test_tmp_dirs, g_ptr_array_unref);
}

/* @dir, and all in it, is removed when the test program exits. */
static inline void
cr_test_remove_at_exit (const char *dir)
{
  if (cr_test_tmp_dirs == NULL)
    {
      cr_test_tmp_dirs = g_ptr_array_new_with_free_func (g_free);
      cr_test_tmp_owner = getpid ();
      atexit (cr_test_remove_tmp_dirs);
    }
  g_ptr_array_add (cr_test_tmp_dirs, g_strdup (dir));
}

/* g_dir_make_tmp () whose folder, and all in it, is removed when the test program exits. */
static inline char *
cr_test_make_tmp (const char  *tmpl,
                  GError     **error)
{
  char *dir = g_dir_make_tmp (tmpl, error);

  if (dir != NULL)
    cr_test_remove_at_exit (dir);
  return dir;
}
