/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-db"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cr-db.h"
#include "cr-db-file.h"

static gboolean
stat_error (const char  *path,
            int          saved,
            GError     **error)
{
  switch (saved)
    {
    case ENOENT:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "%s: no such file", path);
      break;
    case ELOOP:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND,
                   "%s: a symbolic link that loops back on itself; it leads to no file", path);
      break;
    case ENOTDIR:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND,
                   "%s: a part of the path is a file, not a folder", path);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_PERMISSION,
                   "%s: permission denied (a folder on the way cannot be entered)", path);
      break;
    default:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL, "%s: %s", path, g_strerror (saved));
      break;
    }
  return FALSE;
}

static char *
write_refusal (int saved)
{
  if (saved == EROFS)
    return g_strdup ("it is on read-only media");
  if (saved == EACCES || saved == EPERM)
    return g_strdup ("no permission to write it or its folder");
  return g_strdup_printf ("it cannot be written (%s)", g_strerror (saved));
}

gboolean
cr_db_file_check (const char  *path,
                  char       **read_only_reason,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  GStatBuf st;

  *read_only_reason = NULL;
  if (path == NULL || *path == '\0')
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "production file: the path is empty; name a .casereel file");
      return FALSE;
    }
  if (g_stat (path, &st) != 0)
    return stat_error (path, errno, error);
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: a folder, not a Casereel production", path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a regular file, so not a Casereel production", path);
      return FALSE;
    }
  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_PERMISSION, "%s: permission denied (the file cannot be read)", path);
      return FALSE;
    }
  /* SQLite writes beside the file (-wal, -shm), so the folder must be writable too. */
  dir = g_path_get_dirname (path);
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    *read_only_reason = write_refusal (errno);
  return TRUE;
}

char *
cr_db_file_immutable_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  return uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;
}
