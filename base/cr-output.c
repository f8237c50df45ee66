/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cr-message.h"
#include "cr-output.h"

#define TEMP_SUFFIX ".part"
/* ".NAME.XXXXXX.part" must stay within NAME_MAX (255) however long NAME is. */
#define TEMP_NAME_MAX_BASE 200

struct _CrOutput
{
  char     *path;
  char     *temp_path;
  int       fd;
  gboolean  committed;
};

void
cr_output_set_error (GError     **error,
                     const char  *path,
                     int          errnum)
{
  g_autofree char *shown = cr_message_text (path, CR_MESSAGE_MAX_VALUE);
  const char *why;

  switch (errnum)
    {
    case ENOSPC:
    case EDQUOT:
      why = "the disk is full";
      break;
    case EROFS:
      why = "its folder is on a read-only disk";
      break;
    case EACCES:
    case EPERM:
      why = "no permission to write in its folder";
      break;
    case ENOENT:
      why = "its folder does not exist";
      break;
    case ENOTDIR:
      why = "its folder is not a folder";
      break;
    case EISDIR:
      why = "it is a folder";
      break;
    case ENAMETOOLONG:
      why = "the name is too long";
      break;
    case EIO:
      why = "the disk reported an input/output error";
      break;
    default:
      why = g_strerror (errnum);
      break;
    }
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errnum), "%s: not written: %s", shown, why);
}

/* ".NAME." for NAME's temps: what the next run looks for. */
static char *
temp_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (strlen (base) > TEMP_NAME_MAX_BASE)
    base[TEMP_NAME_MAX_BASE] = '\0';
  return g_strdup_printf (".%s.", base);
}

static gboolean
is_temp_of (const char *name,
            const char *prefix)
{
  gsize n = strlen (name), p = strlen (prefix);

  return n == p + 6 + strlen (TEMP_SUFFIX) && strncmp (name, prefix, p) == 0
         && g_str_has_suffix (name, TEMP_SUFFIX);
}

/* A temp that nobody holds locked was left by a run that died: a live writer keeps its
 * temp locked until it is renamed. */
static void
remove_stale_temps (const char *folder,
                    const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_of (name, prefix))
        continue;
      path = g_build_filename (folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

CrOutput *
cr_output_begin (const char  *path,
                 int          mode,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  CrOutput *output;

  /* `-o ""` from a command line is the user's input, not a programming error. */
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No output file given (an empty name)");
      return NULL;
    }
  /* Found now rather than by the rename after all the work. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cr_output_set_error (error, path, EISDIR);
      return NULL;
    }
  folder = g_path_get_dirname (path);
  prefix = temp_prefix (path);
  remove_stale_temps (folder, prefix);

  output = g_new0 (CrOutput, 1);
  output->path = g_strdup (path);
  name = g_strconcat (prefix, "XXXXXX" TEMP_SUFFIX, NULL);
  output->temp_path = g_build_filename (folder, name, NULL);
  output->fd = g_mkstemp_full (output->temp_path, O_RDWR | O_CLOEXEC, mode);
  if (output->fd < 0)
    {
      cr_output_set_error (error, path, errno);
      g_clear_pointer (&output->temp_path, g_free);
      cr_output_free (output);
      return NULL;
    }
  /* Held until the rename: tells the next run that this temp is not stale. */
  flock (output->fd, LOCK_EX | LOCK_NB);
  return output;
}

int
cr_output_get_fd (CrOutput *output)
{
  return output->fd;
}

const char *
cr_output_get_temp_path (CrOutput *output)
{
  return output->temp_path;
}

const char *
cr_output_get_path (CrOutput *output)
{
  return output->path;
}

gboolean
cr_output_write (CrOutput    *output,
                 const void  *data,
                 gsize        len,
                 GError     **error)
{
  const char *p = data;

  g_return_val_if_fail (output->fd >= 0 && !output->committed, FALSE);

  while (len > 0)
    {
      gssize n = write (output->fd, p, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          cr_output_set_error (error, output->path, errno);
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* The rename itself is on disk only once the folder is. Not every file system can sync a
 * folder, and the file is complete either way, so a refusal here is not a failure. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
cr_output_commit (CrOutput  *output,
                  GError   **error)
{
  int fd = output->fd;

  g_return_val_if_fail (fd >= 0 && !output->committed, FALSE);

  /* EINVAL: a file system that cannot sync (a pipe-like target); the data is written. */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      cr_output_set_error (error, output->path, errno);
      return FALSE;
    }
  if (g_rename (output->temp_path, output->path) != 0)
    {
      cr_output_set_error (error, output->path, errno);
      return FALSE;
    }
  output->committed = TRUE;
  output->fd = -1;
  /* After the rename, so that the lock covers the temp for as long as it has its name. */
  close (fd);
  sync_folder (output->path);
  return TRUE;
}

void
cr_output_free (CrOutput *output)
{
  if (output == NULL)
    return;
  /* Unlinked while still locked, so that no other run sees it as stale and removes it. */
  if (!output->committed && output->temp_path != NULL)
    g_unlink (output->temp_path);
  if (output->fd >= 0)
    close (output->fd);
  g_free (output->temp_path);
  g_free (output->path);
  g_free (output);
}

gboolean
cr_output_write_file (const char  *path,
                      const void  *data,
                      gsize        len,
                      int          mode,
                      GError     **error)
{
  g_autoptr(CrOutput) output = cr_output_begin (path, mode, error);

  return output != NULL && cr_output_write (output, data, len, error)
         && cr_output_commit (output, error);
}
