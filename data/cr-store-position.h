/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* Where a row stands in cr_store_list ()'s order for the same query (offset and limit
 * ignored): 0 for the first row, -1 when the row is not in the list, -2 with error set.
 * Lets a window that shows pages of rows select a row it has just written. */
gint64 cr_store_position (CrDb            *db,
                          const CrEntity  *entity,
                          const CrQuery   *query,
                          gint64           id,
                          GError         **error);

G_END_DECLS
