/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-indexer.h"
#include "cr-production.h"

G_BEGIN_DECLS

/* Catalogues folders in a worker with its own connection to the production file (SQLite
 * connections belong to one thread; WAL lets the window read meanwhile). On the main loop it
 * reports progress, says the clips changed after each batch written (so they appear as they
 * are found), and at the end hands over the names of the files that could not be read. */

typedef void (*CrClipsIndexProgress) (const CrIndexProgress *progress, gint64 elapsed_us, gpointer user_data);

void        cr_clips_index_async  (CrProduction         *production,
                                   const char * const   *folders,
                                   CrClipsIndexProgress  progress,
                                   gpointer              user_data,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              callback_data);
/* The totals; *failed (optional) gets "name: reason" lines of this run's failed files. */
gboolean    cr_clips_index_finish (GAsyncResult         *result,
                                   CrIndexProgress      *totals,
                                   GStrv                *failed,
                                   GError              **error);

G_END_DECLS
