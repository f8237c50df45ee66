/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-db"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-db.h"
#include "cr-data-resources.h"

#define MIGRATIONS_PATH "/org/casereel/data/migrations"

struct _CrDb
{
  sqlite3 *handle;
  char    *path;
  int      depth; /* open transactions: outermost is BEGIN, inner ones are savepoints */
};

G_DEFINE_QUARK (cr-db-error-quark, cr_db_error)

gboolean
cr_db_set_error (CrDb    *db,
                 int      rc,
                 GError **error)
{
  int code = CR_DB_ERROR_SQL;
  const char *msg = db && db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = CR_DB_ERROR_NOT_A_PRODUCTION;
      break;
    case SQLITE_CONSTRAINT:
      code = CR_DB_ERROR_CONFLICT;
      break;
    default:
      break;
    }
  g_set_error (error, CR_DB_ERROR, code, "%s: %s", db ? db->path : "database", msg);
  return FALSE;
}

gboolean
cr_db_exec (CrDb        *db,
            const char  *sql,
            GError     **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cr_db_set_error (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
cr_db_prepare (CrDb        *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
cr_db_step_done (CrDb          *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cr_db_set_error (db, rc, error);
  return TRUE;
}

gint64
cr_db_last_insert_id (CrDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

gboolean
cr_db_begin (CrDb    *db,
             GError **error)
{
  g_autofree char *sql = NULL;

  if (db->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sp%d", db->depth);
  if (!cr_db_exec (db, sql, error))
    return FALSE;
  db->depth++;
  return TRUE;
}

gboolean
cr_db_commit (CrDb    *db,
              GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db->depth > 0, FALSE);

  if (db->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sp%d", db->depth - 1);
  if (!cr_db_exec (db, sql, error))
    {
      cr_db_rollback (db);
      return FALSE;
    }
  db->depth--;
  return TRUE;
}

void
cr_db_rollback (CrDb *db)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (db->depth > 0);

  if (db->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d", db->depth - 1, db->depth - 1);
  /* A failed rollback leaves SQLite's own automatic rollback in place; nothing more to do. */
  sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  db->depth--;
}

static int
pragma_int (CrDb       *db,
            const char *pragma,
            GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  cr_db_set_error (db, rc, error);
  return -1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are SQL files in the GResource, named NNNN-what.sql; the number is the
 * user_version the file leads to. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (cr_data_get_resource (), MIGRATIONS_PATH, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

int
cr_db_get_latest_version (void)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  int latest = 0;

  for (guint i = 0; i < list->len; i++)
    latest = MAX (latest, (int) g_ascii_strtoll (g_ptr_array_index (list, i), NULL, 10));
  return latest;
}

static gboolean
foreign_keys_hold (CrDb    *db,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT, "a row of %s refers to a missing row of %s",
                   (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  return rc == SQLITE_DONE || cr_db_set_error (db, rc, error);
}

static gboolean
migrate (CrDb    *db,
         GError **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  int current = pragma_int (db, "user_version", error);

  if (current < 0)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int version = (int) g_ascii_strtoll (name, NULL, 10);
      g_autofree char *path = NULL;
      g_autofree char *bump = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;

      if (version <= current)
        continue;
      path = g_strdup_printf ("%s/%s", MIGRATIONS_PATH, name);
      bytes = g_resource_lookup_data (cr_data_get_resource (), path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      /* One transaction per migration: a failure leaves the file at the last good version.
       * Foreign keys are off while it runs, so that a migration can rebuild a table that
       * others refer to (SQLite's way to change a column); they are checked before commit. */
      if (!cr_db_exec (db, "PRAGMA foreign_keys = OFF", error) || !cr_db_begin (db, error))
        return FALSE;
      if (!cr_db_exec (db, sql, error) || !cr_db_exec (db, bump, error) || !foreign_keys_hold (db, error))
        {
          cr_db_rollback (db);
          cr_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
          g_prefix_error (error, "migration %s: ", name);
          return FALSE;
        }
      if (!cr_db_commit (db, error) || !cr_db_exec (db, "PRAGMA foreign_keys = ON", error))
        return FALSE;
      current = version;
    }
  return TRUE;
}

static gboolean
configure (CrDb    *db,
           GError **error)
{
  sqlite3_busy_timeout (db->handle, 5000);
  sqlite3_extended_result_codes (db->handle, 1);
  return cr_db_exec (db, "PRAGMA foreign_keys = ON", error) &&
         cr_db_exec (db, "PRAGMA journal_mode = WAL", error) &&
         cr_db_exec (db, "PRAGMA synchronous = NORMAL", error);
}

/* Reads the first bytes ourselves: SQLite opens lazily and would happily treat
 * an empty or foreign file as a new database and write to it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char head[16] = { 0 };
  FILE *fp = g_fopen (path, "rb");
  size_t n;

  if (fp == NULL)
    {
      int saved = errno;
      g_set_error (error, CR_DB_ERROR,
                   saved == ENOENT ? CR_DB_ERROR_NOT_FOUND : CR_DB_ERROR_SQL,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  n = fread (head, 1, sizeof head, fp);
  fclose (fp);
  if (n != sizeof head || memcmp (head, magic, sizeof head) != 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (not a SQLite database)", path);
      return FALSE;
    }
  return TRUE;
}

static CrDb *
db_new (const char *path,
        int         flags,
        GError    **error)
{
  CrDb *db = g_new0 (CrDb, 1);
  int rc;

  db->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &db->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      cr_db_set_error (db, rc, error);
      cr_db_close (db);
      return NULL;
    }
  return db;
}

CrDb *
cr_db_open (const char  *path,
            GError     **error)
{
  g_autoptr(CrDb) db = NULL;
  int app_id, version, latest;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;
  if (!(db = db_new (path, SQLITE_OPEN_READWRITE, error)))
    return NULL;

  /* Only reads until we know the file is ours and not from the future. */
  app_id = pragma_int (db, "application_id", error);
  if (app_id == -1)
    {
      g_clear_error (error);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (the file is damaged: %s)",
                   path, sqlite3_errmsg (db->handle));
      return NULL;
    }
  if (app_id != CR_DB_APPLICATION_ID)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (a SQLite database of another program)", path);
      return NULL;
    }
  version = pragma_int (db, "user_version", error);
  if (version < 0)
    return NULL;
  latest = cr_db_get_latest_version ();
  if (version > latest)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_TOO_NEW,
                   "%s: written by a newer Casereel (file version %d, this program knows up to %d); "
                   "it was left untouched", path, version, latest);
      return NULL;
    }
  /* Reading the schema finds a damaged file before anything is written to it; a full
   * integrity check would cost seconds on a large production at every start. */
  if (!cr_db_exec (db, "SELECT count(*) FROM sqlite_master", error))
    {
      g_clear_error (error);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (the file is damaged: %s)", path, sqlite3_errmsg (db->handle));
      return NULL;
    }

  if (!configure (db, error) || !migrate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

CrDb *
cr_db_create (const char  *path,
              const char  *title,
              GError     **error)
{
  g_autoptr(CrDb) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (path != NULL, NULL);

  if (*clean_title == '\0')
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "production title: must not be empty");
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_EXISTS,
                   "%s: a file of that name already exists; it was left untouched", path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL, "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  if (!(db = db_new (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, error)))
    return NULL;

  app_id = g_strdup_printf ("PRAGMA application_id = %d", CR_DB_APPLICATION_ID);
  if (!configure (db, error) || !cr_db_exec (db, app_id, error) || !migrate (db, error))
    goto fail;

  stmt = cr_db_prepare (db, "INSERT INTO production (id, title) VALUES (1, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean_title, -1, SQLITE_TRANSIENT);
  if (!cr_db_step_done (db, stmt, error))
    goto fail;
  return g_steal_pointer (&db);

fail:
  /* Nothing of a half-made production is left behind. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&db, cr_db_close);
  for (guint i = 0; i < 3; i++)
    {
      static const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *p = g_strconcat (path, suffix[i], NULL);
      g_unlink (p);
    }
  return NULL;
}

CrDb *
cr_db_open_or_create (const char  *path,
                      const char  *title,
                      GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return cr_db_open (path, error);
  return cr_db_create (path, title, error);
}

void
cr_db_close (CrDb *db)
{
  if (db == NULL)
    return;
  if (db->handle)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

const char *
cr_db_get_path (CrDb *db)
{
  return db->path;
}

sqlite3 *
cr_db_get_handle (CrDb *db)
{
  return db->handle;
}

int
cr_db_get_schema_version (CrDb *db)
{
  return pragma_int (db, "user_version", NULL);
}
