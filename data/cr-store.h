/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* Create, read, update, delete and list rows of any entity of the planning model. Values go
 * in as the user typed them and are normalised and checked; every write is one transaction,
 * and a refused write changes nothing. */

typedef struct
{
  /* Any case, part of: the row's label or another one-line text, a status word, a tag, or
   * the name of a row it points at or is linked with (a participant's interview title). */
  const char *search;
  const char *field;    /* with value: only rows whose field equals value (stored form) */
  const char *value;
  gint64      offset;
  gint64      limit;    /* 0: no limit */
  const char *sort;     /* a field to order by (names in natural order), one of the orders
                         * a table shows worked out of several fields (a select's "in_time",
                         * "out_time", "duration"), or NULL: the entity's order */
  gboolean    descending;
  /* Participants: the caller matches the search against the consent words it shows itself
   * ("Expired" for a signed release past its date), so the latest status is not matched
   * here. */
  gboolean    consent_shown_apart;
} CrQuery;

CrRecord  *cr_store_get     (CrDb *db, const CrEntity *entity, gint64 id, GError **error);
/* The id of a row named by id ("12" or "#12") or by label (case-insensitive; must name one
 * row, and an exact id wins over a label made of digits). */
gboolean   cr_store_resolve (CrDb *db, const CrEntity *entity, const char *id_or_label, gint64 *out,
                             GError **error);
/* The same row, read. */
CrRecord  *cr_store_find    (CrDb *db, const CrEntity *entity, const char *id_or_label, GError **error);
GPtrArray *cr_store_list    (CrDb *db, const CrEntity *entity, const CrQuery *query, GError **error);
gint64     cr_store_count   (CrDb *db, const CrEntity *entity, const CrQuery *query, GError **error);
/* The ids of the rows a query lists, in its order (gint64; offset and limit ignored). */
GArray    *cr_store_list_ids (CrDb *db, const CrEntity *entity, const CrQuery *query, GError **error);
/* The rows with these ids, in the order given; an id that names nothing is left out. */
GPtrArray *cr_store_get_many (CrDb *db, const CrEntity *entity, const gint64 *ids, guint n_ids, GError **error);

/* Returns the new row's id, or 0 with error set. */
gint64     cr_store_insert  (CrDb *db, const CrRecord *input, GError **error);
gboolean   cr_store_update  (CrDb *db, const CrEntity *entity, gint64 id, const CrRecord *changes,
                             GError **error);
gboolean   cr_store_delete  (CrDb *db, const CrEntity *entity, gint64 id, GError **error);

/* The label of a row of an entity, for showing references; NULL if there is none. */
char      *cr_store_label   (CrDb *db, const CrEntity *entity, gint64 id);

G_END_DECLS
