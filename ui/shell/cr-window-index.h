/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-window.h"

G_BEGIN_DECLS

/* win.index-folder: choose a folder of footage and catalogue it in a worker, with progress
 * and a Stop button in a toast. win.stop-indexing stops it; what was indexed stays. */
void cr_window_index_folder   (CrWindow *self);
void cr_window_stop_indexing  (CrWindow *self);
/* Indexes without asking (tests, drag and drop). */
void cr_window_index_path     (CrWindow *self, const char *folder);

G_END_DECLS
