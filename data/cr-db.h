/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CR_DB_ERROR (cr_db_error_quark ())

typedef enum
{
  CR_DB_ERROR_NOT_A_PRODUCTION, /* not SQLite, corrupt, or another program's database */
  CR_DB_ERROR_TOO_NEW,          /* written by a newer Casereel */
  CR_DB_ERROR_EXISTS,           /* "new" on a path that is taken */
  CR_DB_ERROR_NOT_FOUND,        /* no such file or row */
  CR_DB_ERROR_INVALID,          /* a value failed validation; message names the field */
  CR_DB_ERROR_CONFLICT,         /* unique or reference constraint */
  CR_DB_ERROR_SQL,              /* anything else SQLite said */
  CR_DB_ERROR_BUSY,             /* another connection held the lock past the timeout */
  CR_DB_ERROR_READ_ONLY,        /* read-only media or no permission to write */
  CR_DB_ERROR_PERMISSION,       /* the file or its folder cannot be reached or read */
  CR_DB_ERROR_DISK_FULL,        /* a write found no space; it was rolled back */
} CrDbError;

/* 'CRL1': marks a SQLite file as a Casereel production. */
#define CR_DB_APPLICATION_ID 0x43524c31

typedef struct _CrDb CrDb;

GQuark        cr_db_error_quark        (void);

CrDb         *cr_db_open               (const char   *path,
                                        GError      **error);
CrDb         *cr_db_create             (const char   *path,
                                        const char   *title,
                                        GError      **error);
CrDb         *cr_db_open_or_create     (const char   *path,
                                        const char   *title,
                                        GError      **error);
/* Folds the WAL into the file when no other connection is using it (without waiting). */
void          cr_db_close              (CrDb         *db);
gboolean      cr_db_checkpoint         (CrDb         *db);

const char   *cr_db_get_path           (CrDb         *db);
/* NULL when writable; else why the file was opened for reading only ("it is on read-only media"). */
const char   *cr_db_get_read_only_reason (CrDb       *db);
/* TRUE when another connection (another process, another thread) committed since the last
 * call; *seen holds what was seen (start at 0). */
gboolean      cr_db_has_changed        (CrDb         *db,
                                        guint        *seen);
sqlite3      *cr_db_get_handle         (CrDb         *db);
/* A second connection to the same file, read-only, for one thread to read beside this
 * one (it is this connection's, closed with it). NULL where it cannot see what this one
 * sees: inside a transaction, or on a file opened read-only. Used by one thread at a time,
 * like this one. */
CrDb         *cr_db_get_reader         (CrDb         *db);
int           cr_db_get_schema_version (CrDb         *db);
int           cr_db_get_latest_version (void);

gboolean      cr_db_begin              (CrDb         *db,
                                        GError      **error);
gboolean      cr_db_commit             (CrDb         *db,
                                        GError      **error);
void          cr_db_rollback           (CrDb         *db);

gboolean      cr_db_exec               (CrDb         *db,
                                        const char   *sql,
                                        GError      **error);
sqlite3_stmt *cr_db_prepare            (CrDb         *db,
                                        const char   *sql,
                                        GError      **error);
gboolean      cr_db_step_done          (CrDb         *db,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
gboolean      cr_db_set_error          (CrDb         *db,
                                        int           rc,
                                        GError      **error);
gint64        cr_db_last_insert_id     (CrDb         *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrDb, cr_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
