/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small tmpfs to fill up, mounted in a mount namespace of this test's own: nothing is left
 * mounted when the test ends, however it ends. Needs root (CAP_SYS_ADMIN); without it the test
 * fails with one line saying so instead of skipping. Call disk_full_mount () first in main(),
 * before any thread starts (a namespace cannot be unshared by a threaded process). */

#ifndef _GNU_SOURCE
#error "define _GNU_SOURCE before any include: unshare() needs it"
#endif
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cr-test-support.h"

static char *disk_full_dir;    /* the mount point, inside a temp folder of the test */
static char *disk_full_filler; /* the file that takes all the space */

static inline void
disk_full_refused (const char *what)
{
  fprintf (stderr, "disk-full tests: cannot %s (%s): they need root to mount a small tmpfs\n",
           what, g_strerror (errno));
  exit (1);
}

static inline void
disk_full_mount (const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);
  g_autofree char *top = NULL;

  if (unshare (CLONE_NEWNS) != 0)
    disk_full_refused ("make a mount namespace");
  /* Private, so that the tmpfs is seen by this test only. In a chroot (a fresh-Debian check)
   * "/" is no mount point and cannot be made private (EINVAL); /dev/shm, which every Debian
   * system mounts, can, and the disk goes there instead. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0)
    top = cr_test_make_tmp ("casereel-full-XXXXXX", NULL);
  else if (errno == EINVAL && mount (NULL, "/dev/shm", NULL, MS_REC | MS_PRIVATE, NULL) == 0)
    {
      top = g_build_filename ("/dev/shm", "casereel-full-XXXXXX", NULL);
      if (g_mkdtemp_full (top, 0700) != NULL)
        cr_test_remove_at_exit (top);
      else
        g_clear_pointer (&top, g_free);
    }
  else
    disk_full_refused ("make mounts private");
  if (top == NULL)
    disk_full_refused ("make a temp folder");
  disk_full_dir = g_build_filename (top, "disk", NULL);
  g_mkdir (disk_full_dir, 0755);
  if (mount ("tmpfs", disk_full_dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    disk_full_refused ("mount a tmpfs");
  disk_full_filler = g_build_filename (disk_full_dir, "filler", NULL);
}

/* Fills the disk, leaving @room bytes (rounded to pages by tmpfs) free. */
static inline void
disk_full_fill (gsize room)
{
  static const char block[64 * 1024];
  int fd = open (disk_full_filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  off_t size = 0;

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, block, sizeof block);

      if (n > 0)
        size += n;
      else if (n < 0 && errno == EINTR)
        continue;
      else if (n < 0 && errno == ENOSPC)
        break;
      else
        g_error ("filling the disk: %s", g_strerror (errno));
    }
  /* The last pages, smaller than the block. */
  for (;;)
    {
      gssize n = write (fd, block, 512);

      if (n > 0)
        size += n;
      else
        break;
    }
  if (room > 0)
    g_assert_cmpint (ftruncate (fd, size > (off_t) room ? size - (off_t) room : 0), ==, 0);
  close (fd);
}

static inline void
disk_full_empty (void)
{
  g_unlink (disk_full_filler);
}

static inline void
disk_full_unmount (void)
{
  g_autofree char *top = g_path_get_dirname (disk_full_dir);

  disk_full_empty ();
  umount2 (disk_full_dir, MNT_DETACH);
  g_rmdir (disk_full_dir);
  g_rmdir (top);
  g_clear_pointer (&disk_full_dir, g_free);
  g_clear_pointer (&disk_full_filler, g_free);
}

static inline int
disk_full_compare_names (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Names in @folder, sorted and joined by spaces: what a failed write must not have changed. */
static inline char *
disk_full_list (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, disk_full_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
