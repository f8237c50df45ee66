/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-demo"

#include "config.h"

#include <glib/gstdio.h>

#include "cr-demo-private.h"
#include "cr-store.h"

#define DEMO_TITLE "Riverside Food Bank: two years on"

char *
cr_demo_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "casereel", "demo", "riverside.casereel", NULL);
}

char *
cr_demo_media_folder (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, "-media", NULL);
  return g_build_filename (dir, name, NULL);
}

gint64
cr_demo_insert (CrDb           *db,
                const CrEntity *entity,
                GError        **error,
                ...)
{
  g_autoptr(CrRecord) record = cr_record_new (entity);
  const char *field;
  va_list args;

  va_start (args, error);
  while ((field = va_arg (args, const char *)) != NULL)
    cr_record_set (record, field, va_arg (args, const char *));
  va_end (args);
  return cr_store_insert (db, record, error);
}

static char *
day_from_today (GDateTime *today,
                int        days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
days_clear (CrDemoDays *days)
{
  g_free (days->day1);
  g_free (days->day2);
  g_free (days->before);
  g_free (days->lapsed);
  g_free (days->expires);
  g_free (days->ahead);
}

static gboolean
fill (CrDb         *db,
      const char   *media,
      GCancellable *cancellable,
      GError      **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  CrDemoDays days = {
    .day1 = day_from_today (today, -14),
    .day2 = day_from_today (today, -13),
    .before = day_from_today (today, -40),
    .lapsed = day_from_today (today, -5),
    .expires = day_from_today (today, 730),
    .ahead = day_from_today (today, 9),
  };
  gboolean ok;

  /* The plan is one transaction: all of it or none. The footage follows, as a user's
   * indexing would, in its own transactions. */
  ok = cr_db_begin (db, error);
  if (ok && !(ok = cr_demo_plan (db, &days, error)))
    cr_db_rollback (db);
  ok = ok && cr_db_commit (db, error);
  ok = ok && cr_demo_footage (db, &days, media, cancellable, error);
  days_clear (&days);
  return ok;
}

static void
remove_production (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

gboolean
cr_demo_create (const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *media = cr_demo_media_folder (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  CrDb *db;
  gboolean ok;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_EXISTS,
                   "%s: already exists (open it, or name another file for the demo)", display);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0 || g_mkdir_with_parents (media, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *where = g_filename_display_name (g_file_test (dir, G_FILE_TEST_IS_DIR) ? media : dir);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", where, g_strerror (saved));
      return FALSE;
    }
  /* Made under a temporary name and renamed once complete: a failure leaves no production. */
  remove_production (part);
  if ((db = cr_db_create (part, DEMO_TITLE, error)) == NULL)
    return FALSE;
  ok = fill (db, media, cancellable, error);
  cr_db_close (db);
  if (ok && g_rename (part, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    remove_production (part);
  return ok;
}
