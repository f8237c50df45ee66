/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <string.h>

#include "cr-consent-now-reader.h"

/* Reading the people and reading consent_now cost about the same; on two connections they
 * run side by side. They must be one snapshot of the file. SQLite here has no snapshot
 * API, so the reader's data_version tells: it moves when a transaction starts and finds a
 * commit since this connection's last one. Taken in the read's transaction, and again
 * after the caller's read began: unchanged, no commit came in between, and both reads saw
 * the same file. */

static const char now_sql[] = "SELECT participant, facts, grant_facts FROM consent_now ORDER BY participant";

struct _CrConsentNowReading
{
  CrDb             *reader;
  GThread          *thread;
  GMutex            lock;
  GCond             cond;
  gboolean          started;
  gint64            version;    /* data_version in the read's transaction; -1: failed */
  CrConsentNowRows *rows;       /* NULL: failed */
};

static gint64
data_version (CrDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, "PRAGMA data_version", NULL);

  return stmt && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static void
say_started (CrConsentNowReading *r,
             gint64               version)
{
  g_mutex_lock (&r->lock);
  r->version = version;
  r->started = TRUE;
  g_cond_signal (&r->cond);
  g_mutex_unlock (&r->lock);
}

/* The values are copied into blocks, not one growing buffer: nothing is moved as it grows,
 * and blocks this size come back from the heap on the next read instead of being mapped
 * anew, page by page. */
#define BLOCK_SIZE (64 * 1024)

typedef struct
{
  GPtrArray *blocks;
  char      *at, *end;
} Blocks;

static const char *
keep (Blocks     *b,
      const char *value,
      int         len)
{
  char *copy;

  if (b->at == NULL || (gsize) (b->end - b->at) < (gsize) len + 1)
    {
      gsize size = MAX (BLOCK_SIZE, (gsize) len + 1);

      b->at = g_malloc (size);
      b->end = b->at + size;
      g_ptr_array_add (b->blocks, b->at);
    }
  copy = b->at;
  memcpy (copy, value, len);
  copy[len] = '\0';
  b->at += len + 1;
  return copy;
}

static CrConsentNowRows *
read_rows (CrDb *db)
{
  g_autoptr(sqlite3_stmt) now = cr_db_prepare (db, now_sql, NULL);
  g_autoptr(CrConsentNowRows) rows = g_new0 (CrConsentNowRows, 1);
  int rc;

  if (now == NULL)
    return NULL;
  Blocks blocks = { g_ptr_array_new_with_free_func (g_free), NULL, NULL };

  rows->rows = g_array_sized_new (FALSE, FALSE, sizeof (CrConsentNowRow), 4096);
  rows->blocks = blocks.blocks;
  while ((rc = sqlite3_step (now)) == SQLITE_ROW)
    {
      const char *facts = sqlite3_column_blob (now, 1);
      const char *grant = sqlite3_column_blob (now, 2);
      CrConsentNowRow row = { sqlite3_column_int64 (now, 0), NULL, sqlite3_column_bytes (now, 1), NULL, 0 };

      if (facts == NULL)
        return NULL;   /* NOT NULL in the schema: not as 0011 writes it */
      row.facts = keep (&blocks, facts, row.facts_len);
      if (grant != NULL)
        {
          row.grant_len = sqlite3_column_bytes (now, 2);
          row.grant = keep (&blocks, grant, row.grant_len);
        }
      g_array_append_val (rows->rows, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

static gpointer
read_in_thread (gpointer data)
{
  CrConsentNowReading *r = data;

  if (!cr_db_exec (r->reader, "BEGIN", NULL))
    {
      say_started (r, -1);
      return NULL;
    }
  /* The pragma starts the transaction: its snapshot is the one read below. */
  say_started (r, data_version (r->reader));
  if (r->version >= 0)
    r->rows = read_rows (r->reader);
  cr_db_exec (r->reader, "COMMIT", NULL);
  return NULL;
}

CrConsentNowReading *
cr_consent_now_reading_start (CrDb *reader)
{
  CrConsentNowReading *r = g_new0 (CrConsentNowReading, 1);

  r->reader = reader;
  g_mutex_init (&r->lock);
  g_cond_init (&r->cond);
  r->thread = g_thread_try_new ("consent-now", read_in_thread, r, NULL);
  if (r->thread == NULL)
    {
      g_mutex_clear (&r->lock);
      g_cond_clear (&r->cond);
      g_free (r);
      return NULL;
    }
  g_mutex_lock (&r->lock);
  while (!r->started)
    g_cond_wait (&r->cond, &r->lock);
  g_mutex_unlock (&r->lock);
  return r;
}

CrConsentNowRows *
cr_consent_now_reading_finish (CrConsentNowReading *r)
{
  CrConsentNowRows *rows;

  g_thread_join (r->thread);
  rows = g_steal_pointer (&r->rows);
  /* The thread has ended: the reader is this thread's again. */
  if (rows != NULL && (r->version < 0 || data_version (r->reader) != r->version))
    g_clear_pointer (&rows, cr_consent_now_rows_free);
  g_mutex_clear (&r->lock);
  g_cond_clear (&r->cond);
  g_free (r);
  return rows;
}

void
cr_consent_now_rows_free (CrConsentNowRows *rows)
{
  if (rows == NULL)
    return;
  if (rows->rows)
    g_array_unref (rows->rows);
  if (rows->blocks)
    g_ptr_array_unref (rows->blocks);
  g_free (rows);
}
