/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-consent-standing.h"
#include "cr-production.h"
#include "cr-row.h"

G_BEGIN_DECLS

/* A GListModel of CrRow over one entity's rows in the store's order. It knows how many
 * rows there are and fetches them a page at a time as a list asks for them, keeping a
 * bounded number of pages, so a list of 100,000 rows costs a few hundred (and its ids). It reloads
 * itself when the production says rows changed.
 * A list of participants also keeps where everyone's consent stands (one read, again only
 * when consent or people change): it sorts by it ("consent") and its search finds the
 * Consent column's words. */

#define CR_STORE_MODEL_PAGE_SIZE 256
#define CR_STORE_MODEL_MAX_PAGES 16

#define CR_TYPE_STORE_MODEL (cr_store_model_get_type ())
G_DECLARE_FINAL_TYPE (CrStoreModel, cr_store_model, CR, STORE_MODEL, GObject)

CrStoreModel   *cr_store_model_new            (CrProduction   *production,
                                               const CrEntity *entity);
const CrEntity *cr_store_model_get_entity     (CrStoreModel   *self);
CrProduction   *cr_store_model_get_production (CrStoreModel   *self);
/* Only rows that the store's search finds (label, other text, status words, tags, linked
 * names; any case); NULL or "" for all. */
void            cr_store_model_set_search     (CrStoreModel   *self,
                                               const char     *search);
const char     *cr_store_model_get_search     (CrStoreModel   *self);
/* The same, with the query run in a worker on a connection of its own: the window is not
 * held up while it reads; a later search (or a reload) makes an earlier one's answer stale
 * and it is dropped. The rows change, as a reload changes them, when the answer comes. */
void            cr_store_model_search_in_background (CrStoreModel *self,
                                                     const char   *search);
/* Whether a background search's answer is still to come. */
gboolean        cr_store_model_is_searching   (CrStoreModel   *self);
/* Only rows whose field has this stored value, or NULL for all. */
void            cr_store_model_set_filter     (CrStoreModel   *self,
                                               const char     *field,
                                               const char     *value);
/* Orders by a field (names in natural order), or NULL for the entity's own order; for
 * participants, "consent" orders by where consent stands, problems first, then by name. */
void            cr_store_model_set_sort       (CrStoreModel   *self,
                                               const char     *field,
                                               gboolean        descending);
const char     *cr_store_model_get_sort       (CrStoreModel   *self,
                                               gboolean       *descending);
/* Counts again and drops the fetched pages; emits ::reloading, then items-changed, then
 * ::reloaded. A selection over the model should let go of its row on ::reloading:
 * GtkSingleSelection otherwise looks for it among every new row, which fetches them all. */
void            cr_store_model_reload         (CrStoreModel   *self);
/* The rows on screen (`n` of them from `first`; 0: unknown), as the list's page sees them:
 * an answer refills those first, the other rows held for the list just after. Moved, the
 * page the list will need next in that direction is read in the background. */
void            cr_store_model_set_shown      (CrStoreModel   *self,
                                               guint           first,
                                               guint           n);
gboolean        cr_store_model_is_reading_ahead (CrStoreModel *self);
/* Whether rows off screen wait to be refilled with the last answer, and their refill now
 * (after the frame that shows the answer; else it comes a moment later by itself). */
gboolean        cr_store_model_has_rest       (CrStoreModel   *self);
void            cr_store_model_refill_rest    (CrStoreModel   *self);
/* The position of the row with this id, or -1. */
gint64          cr_store_model_find           (CrStoreModel   *self,
                                               gint64          id);
guint           cr_store_model_get_n_pages    (CrStoreModel   *self);
/* From now on a reload refills the rows somebody holds (a list's bound rows) in place, each
 * emitting CrRow::changed, and items-changed says only how the length changed: a list view
 * then keeps its row widgets instead of making them all again (GTK 4.8 also looks for the
 * row it tracks among every new row when that row is removed). */
void            cr_store_model_keep_rows      (CrStoreModel   *self);
/* A participant's current consent and its standing, from the model's one read; NULL for
 * someone the read did not see, or a list of another entity. */
const CrConsentState *cr_store_model_get_consent (CrStoreModel      *self,
                                                  gint64             id,
                                                  CrConsentStanding *standing);

G_END_DECLS
