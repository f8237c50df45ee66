/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The WHERE and ORDER BY of a CrQuery over table alias t, shared by the store's lists,
 * counts, positions and id lists so that they always agree. ?5 is the search as a LIKE
 * pattern (cr_store_query_pattern ()), ?2 the filter's value; ?3 and ?4 are the caller's
 * (bind with cr_store_query_bind ()). */
/* "SELECT t.id, each field … FROM table t", and the record a row of it reads as. */
char     *cr_store_query_select (const CrEntity *entity);
CrRecord *cr_store_query_record (const CrEntity *entity, sqlite3_stmt *stmt);
char *cr_store_query_where (const CrEntity *entity, const CrQuery *query, GError **error);
char *cr_store_query_order (const CrEntity *entity, const CrQuery *query, GError **error);
void  cr_store_query_bind  (sqlite3_stmt *stmt, const CrQuery *query);
/* "%part\_1%": the search, its LIKE wildcards escaped with a backslash. */
char *cr_store_query_pattern (const char *search);

G_END_DECLS
