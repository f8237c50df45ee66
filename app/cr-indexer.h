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
  guint   written;         /* results committed to the production so far, in batches */
  /* With CR_INDEX_POSTERS: the video clips written whose poster frame was asked for, those
   * done, and of those the posters made now, found in the cache already, or that could not be
   * made (the rest of those done were skipped: the run was stopped). */
  guint   posters_total;
  guint   posters_done;
  guint   posters_made;
  guint   posters_fresh;
  guint   posters_failed;
} CrIndexProgress;

typedef enum
{
  CR_INDEX_DEFAULT = 0,
  /* Each new or changed video clip gets its poster frame in the freedesktop thumbnail cache
   * (the size the Clips page shows), made by a pool of workers after its batch is written;
   * the run returns when they are done. A thumbnail already there for the file as it is now
   * is not made again. */
  CR_INDEX_POSTERS = 1 << 0,
} CrIndexFlags;

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

/* The same, with flags: cr_index_folders () is this with CR_INDEX_DEFAULT. Cancelling also
 * stops the posters: those not made yet are made by the Clips page's cards when shown. */
gboolean cr_index_folders_full (CrDb                *db,
                                const char * const  *folders,
                                CrIndexFlags         flags,
                                CrIndexProgressFunc  progress,
                                gpointer             user_data,
                                GCancellable        *cancellable,
                                CrIndexProgress     *result,
                                GError             **error);

G_END_DECLS
