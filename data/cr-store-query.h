/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The WHERE and ORDER BY of a CrQuery over table alias t, shared by the store's lists,
 * counts, positions and id lists so that they always agree. ?1 is the search, ?2 the
 * filter's value (bind with cr_store_query_bind ()). */
/* "SELECT t.id, each field … FROM table t", and the record a row of it reads as. */
char     *cr_store_query_select (const CrEntity *entity);
CrRecord *cr_store_query_record (const CrEntity *entity, sqlite3_stmt *stmt);
char *cr_store_query_where (const CrEntity *entity, const CrQuery *query, GError **error);
char *cr_store_query_order (const CrEntity *entity, const CrQuery *query, GError **error);
void  cr_store_query_bind  (sqlite3_stmt *stmt, const CrQuery *query);

G_END_DECLS
