/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-db"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-db.h"
#include "cr-db-file.h"
#include "cr-natural-sort.h"
#include "cr-data-resources.h"

#define MIGRATIONS_PATH "/org/casereel/data/migrations"

struct _CrDb
{
  sqlite3 *handle;
  char    *path;
  char    *read_only;  /* why the file is opened for reading only, or NULL */
  gboolean registered; /* counted in open_files */
  int      depth;      /* open transactions: outermost is BEGIN, inner ones are savepoints */
  CrDb    *reader;     /* a second connection, for reading in another thread beside this one */
  gboolean no_reader;  /* it could not be opened: not tried again */
};

/* How long a connection waits for another writer (a window, an index) before saying "busy". */
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (cr-db-error-quark, cr_db_error)

/* The connections this process has open, per file: only the last one to close folds the WAL
 * into the file. A checkpoint that empties the WAL counts as a change to every other
 * connection (PRAGMA data_version), so a worker thread's checkpoint would make the window
 * reload for nothing. */
typedef struct
{
  guint    count;
  gboolean wrote;   /* some connection changed rows: the WAL is worth folding in */
} OpenFile;

static GMutex open_files_lock;
static GHashTable *open_files;   /* canonical path -> OpenFile */

static char *
open_file_key (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

static void
open_file_add (const char *path)
{
  g_autofree char *key = open_file_key (path);
  OpenFile *file;

  g_mutex_lock (&open_files_lock);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!(file = g_hash_table_lookup (open_files, key)))
    g_hash_table_insert (open_files, g_steal_pointer (&key), (file = g_new0 (OpenFile, 1)));
  file->count++;
  g_mutex_unlock (&open_files_lock);
}

/* TRUE when this was the last connection to the file and one of them wrote. */
static gboolean
open_file_remove (const char *path,
                  gboolean    wrote)
{
  g_autofree char *key = open_file_key (path);
  OpenFile *file;
  gboolean fold = FALSE;

  g_mutex_lock (&open_files_lock);
  if (open_files && (file = g_hash_table_lookup (open_files, key)))
    {
      file->wrote |= wrote;
      if (--file->count == 0)
        {
          fold = file->wrote;
          g_hash_table_remove (open_files, key);
        }
    }
  g_mutex_unlock (&open_files_lock);
  return fold;
}

gboolean
cr_db_set_error (CrDb    *db,
                 int      rc,
                 GError **error)
{
  const char *path = db ? db->path : "production";
  const char *msg = db && db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  /* A full disk shows up as SQLITE_FULL or, growing the -shm or -wal, as an I/O error. */
  if ((rc & 0xff) == SQLITE_IOERR && db && db->handle && sqlite3_system_errno (db->handle) == ENOSPC)
    rc = SQLITE_FULL;
  /* Say what is wrong with the file in words; SQLite's own text only where it adds something. */
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: the file is damaged (%s)", path, msg);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT, "%s: %s", path, msg);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_BUSY,
                   "%s: busy: another program kept the production locked for %d s; nothing was changed, try again",
                   path, BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_READ_ONLY,
                   "%s: read-only (%s); nothing was changed", path,
                   db && db->read_only ? db->read_only : "the file or its folder cannot be written");
      break;
    case SQLITE_FULL:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_DISK_FULL,
                   "%s: the disk is full; nothing was changed, the production is as it was", path);
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_PERMISSION, "%s: permission denied (%s)", path, msg);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_PERMISSION,
                   "%s: cannot open the file or the -wal/-shm files beside it (%s)", path, msg);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL,
                   "%s: the disk failed to read or write (%s); nothing was changed", path, msg);
      break;
    default:
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL, "%s: %s", path, msg);
      break;
    }
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

/* Up to 64 MiB of pages kept per connection (SQLite's default is 2 MiB): a production of
 * 100,000 people is read whole by the consent passes, and would otherwise come back from
 * the kernel page by page on every pass. Memory is taken only as pages are read. */
#define CACHE_PRAGMA "PRAGMA cache_size = -65536"

static gboolean
configure (CrDb    *db,
           GError **error)
{
  return cr_db_exec (db, CACHE_PRAGMA, error) &&
         cr_db_exec (db, "PRAGMA foreign_keys = ON", error) &&
         cr_db_exec (db, "PRAGMA journal_mode = WAL", error) &&
         cr_db_exec (db, "PRAGMA synchronous = NORMAL", error);
}

static CrDb *
db_new (const char *path,
        const char *filename,
        int         flags,
        GError    **error)
{
  CrDb *db = g_new0 (CrDb, 1);
  int rc;

  db->path = g_strdup (path);
  rc = sqlite3_open_v2 (filename, &db->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      cr_db_set_error (db, rc, error);
      cr_db_close (db);
      return NULL;
    }
  /* Before any statement: the very first read may meet another process's write lock. */
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->handle, 1);
  /* Lists sort names as people count: "Participant 200" before "Participant 1000". */
  cr_natural_register (db->handle);
  db->registered = TRUE;
  open_file_add (path);
  return db;
}

/* A fault of the file itself (damage), told apart from a busy or unreadable one. */
static gboolean
refuse_unreadable (CrDb    *db,
                   GError **error)
{
  int rc = sqlite3_extended_errcode (db->handle);

  if (rc == SQLITE_NOTADB)
    g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                 "%s: not a Casereel production (not a SQLite database)", db->path);
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                 "%s: not a Casereel production (the file is damaged: %s)", db->path, sqlite3_errmsg (db->handle));
  else
    cr_db_set_error (db, rc, error);
  return FALSE;
}

/* Everything here only reads, so a file that is not ours (or is from the future) is left
 * byte for byte as it was. */
static gboolean
check_production (CrDb    *db,
                  GError **error)
{
  int pages, app_id, version, latest;

  pages = pragma_int (db, "page_count", NULL);
  if (pages < 0)
    return refuse_unreadable (db, error);
  if (pages == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (an empty file)", db->path);
      return FALSE;
    }
  app_id = pragma_int (db, "application_id", NULL);
  if (app_id == -1)
    return refuse_unreadable (db, error);
  if (app_id != CR_DB_APPLICATION_ID)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_A_PRODUCTION,
                   "%s: not a Casereel production (a SQLite database of another program)", db->path);
      return FALSE;
    }
  version = pragma_int (db, "user_version", NULL);
  if (version < 0)
    return refuse_unreadable (db, error);
  latest = cr_db_get_latest_version ();
  if (version > latest)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_TOO_NEW,
                   "%s: written by a newer Casereel (file version %d, this program knows up to %d); "
                   "it was left untouched", db->path, version, latest);
      return FALSE;
    }
  if (db->read_only && version < latest)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_READ_ONLY,
                   "%s: read-only (%s), and written by an older Casereel: it needs an update that cannot be "
                   "written there; copy it somewhere writable", db->path, db->read_only);
      return FALSE;
    }
  /* Reading the schema finds a damaged file before anything is written to it; a full
   * integrity check would cost seconds on a large production at every start. */
  if (sqlite3_exec (db->handle, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK)
    return refuse_unreadable (db, error);
  return TRUE;
}

/* Read-only media, or a folder of another user's: a WAL file needs its -shm beside it, which
 * cannot be made there (CANTOPEN on read-only media, READONLY_CANTINIT in a folder we may
 * not write), so such a file is read as immutable. */
static CrDb *
open_read_only (const char  *path,
                char        *reason,
                GError     **error)
{
  g_autofree char *why = reason;
  g_autoptr(CrDb) db = db_new (path, path, SQLITE_OPEN_READONLY, error);
  g_autofree char *uri = NULL;

  if (db == NULL)
    return NULL;
  if (pragma_int (db, "page_count", NULL) < 0 &&
      ((sqlite3_errcode (db->handle) & 0xff) == SQLITE_CANTOPEN ||
       (sqlite3_errcode (db->handle) & 0xff) == SQLITE_READONLY))
    {
      g_clear_pointer (&db, cr_db_close);
      if (!(uri = cr_db_file_immutable_uri (path)))
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_SQL, "%s: cannot name the file to SQLite", path);
          return NULL;
        }
      if (!(db = db_new (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error)))
        return NULL;
    }
  db->read_only = g_steal_pointer (&why);
  return g_steal_pointer (&db);
}

CrDb *
cr_db_open (const char  *path,
            GError     **error)
{
  g_autoptr(CrDb) db = NULL;
  char *read_only = NULL;

  /* Only SQLite opens the file: any descriptor of ours, once closed, would drop the
   * process's POSIX locks and let another process's checkpoint destroy our WAL. */
  if (!cr_db_file_check (path, &read_only, error))
    return NULL;
  if (read_only)
    db = open_read_only (path, read_only, error);
  else
    db = db_new (path, path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL || !check_production (db, error))
    return NULL;
  if (db->read_only)
    return cr_db_exec (db, CACHE_PRAGMA, error) && cr_db_exec (db, "PRAGMA foreign_keys = ON", error)
           ? g_steal_pointer (&db) : NULL;
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
  if (!(db = db_new (path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, error)))
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
  /* First: the last connection to close is the one that folds the WAL in. */
  g_clear_pointer (&db->reader, cr_db_close);
  if (db->registered &&
      open_file_remove (db->path, db->handle && sqlite3_total_changes (db->handle) > 0) && db->handle)
    cr_db_checkpoint (db);
  if (db->handle)
    sqlite3_close_v2 (db->handle);
  g_free (db->read_only);
  g_free (db->path);
  g_free (db);
}

gboolean
cr_db_checkpoint (CrDb *db)
{
  int rc;

  if (db->read_only || db->depth > 0)
    return FALSE;
  /* Leave one self-contained file: fold the WAL into it and empty it. Without waiting:
   * when another connection is busy, the last one to close does it. */
  sqlite3_busy_timeout (db->handle, 0);
  rc = sqlite3_exec (db->handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);
  return rc == SQLITE_OK;
}

CrDb *
cr_db_get_reader (CrDb *db)
{
  if (db->read_only || db->no_reader || db->depth > 0 || !sqlite3_get_autocommit (db->handle))
    return NULL;
  if (db->reader == NULL)
    {
      db->reader = db_new (db->path, db->path, SQLITE_OPEN_READONLY, NULL);
      if (db->reader == NULL || !cr_db_exec (db->reader, CACHE_PRAGMA, NULL))
        {
          g_clear_pointer (&db->reader, cr_db_close);
          db->no_reader = TRUE;
          return NULL;
        }
    }
  return db->reader;
}

const char *
cr_db_get_read_only_reason (CrDb *db)
{
  return db->read_only;
}

gboolean
cr_db_has_changed (CrDb  *db,
                   guint *seen)
{
  int version = pragma_int (db, "data_version", NULL);

  /* data_version moves only when another connection commits. */
  if (version < 0 || (guint) version == *seen)
    return FALSE;
  *seen = (guint) version;
  return TRUE;
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
