/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-db.h"

G_BEGIN_DECLS

/* Indexing: folders of camera cards and sound recorders -> the catalogue. A scan that only
 * stats, then new and changed files probed by a pool of workers, then results written in
 * batches, one transaction each. Unchanged files (same path, size and time) are not opened. */

typedef struct
{
  guint   files_total;     /* media files found by the scan that need probing */
  guint   files_done;
  guint64 bytes_total;
  guint64 bytes_done;
  guint   seen;            /* media files found in all */
  guint   added;
  guint   updated;
  guint   unchanged;
  guint   relinked;        /* moved or renamed files recognised by content */
  guint   offline;         /* gone from disk since the last index */
  guint   failed;          /* could not be read; kept with the reason */
  guint   probed;          /* files opened */
} CrIndexProgress;

typedef void (*CrIndexProgressFunc) (const CrIndexProgress *progress, gpointer user_data);

/* Runs on the calling thread (which owns db) and uses worker threads for probing. On
 * cancellation, every batch written so far stays written and is consistent. */
gboolean cr_index_folders (CrDb                *db,
                           const char * const  *folders,
                           CrIndexProgressFunc  progress,
                           gpointer             user_data,
                           GCancellable        *cancellable,
                           CrIndexProgress     *result,
                           GError             **error);

G_END_DECLS
