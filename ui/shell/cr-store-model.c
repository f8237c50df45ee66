/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store-model"

#include "config.h"

#include "cr-store-model.h"
#include "cr-store.h"

struct _CrStoreModel
{
  GObject parent_instance;

  /* borrowed */
  const CrEntity *entity;

  /* owned */
  CrProduction *production;
  char         *search;
  char         *field;
  char         *value;
  char         *sort;
  gboolean      descending;
  GArray       *ids;       /* the rows in order (gint64), from one query per reload */
  guint         n_items;
  GHashTable   *pages;     /* page number -> GPtrArray of CrRow */
  GQueue        recent;    /* page numbers, most recently used first */
  gulong        changed_id;
};

static void cr_store_model_list_model_init (GListModelInterface *iface);

enum
{
  RELOADING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CrStoreModel, cr_store_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cr_store_model_list_model_init))

static CrQuery
make_query (CrStoreModel *self)
{
  CrQuery query = { .search = self->search, .field = self->field, .value = self->value,
                    .sort = self->sort, .descending = self->descending };
  return query;
}

static void
touch_page (CrStoreModel *self,
            guint         page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_delete_link (&self->recent, link);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > CR_STORE_MODEL_MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
}

/* One query by id for the page's rows: an OFFSET into a sorted list would sort again and
 * step over every row before it. */
static GPtrArray *
fetch_page (CrStoreModel *self,
            guint         page)
{
  CrDb *db = cr_production_get_db (self->production);
  guint start = page * CR_STORE_MODEL_PAGE_SIZE;
  guint n = MIN (CR_STORE_MODEL_PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint r = 0;

  if (!(records = cr_store_get_many (db, self->entity, ids, n, &error)))
    g_warning ("Could not read %s: %s", self->entity->plural, error->message);
  /* The rows take the records: steal them from the list rather than copy. A row removed
   * behind our back (another program) reads as a dash until the next reload. */
  if (records)
    g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < n; i++)
    {
      CrRecord *record = records && r < records->len ? g_ptr_array_index (records, r) : NULL;

      if (record != NULL && record->id == ids[i])
        {
          g_ptr_array_add (rows, cr_row_new (db, record));
          r++;
        }
      else
        g_ptr_array_add (rows, cr_row_new_none ("—"));
    }
  return rows;
}

static GType
cr_store_model_get_item_type (GListModel *model)
{
  return CR_TYPE_ROW;
}

static guint
cr_store_model_get_n_items (GListModel *model)
{
  return CR_STORE_MODEL (model)->n_items;
}

static gpointer
cr_store_model_get_item (GListModel *model,
                         guint       position)
{
  CrStoreModel *self = CR_STORE_MODEL (model);
  guint page = position / CR_STORE_MODEL_PAGE_SIZE;
  guint index = position % CR_STORE_MODEL_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  if (!(rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page))))
    {
      rows = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  touch_page (self, page);
  /* The file changed behind our back (another program): answer something, never NULL. */
  if (index >= rows->len)
    return cr_row_new_none ("—");
  return g_object_ref (g_ptr_array_index (rows, index));
}

static void
cr_store_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cr_store_model_get_item_type;
  iface->get_n_items = cr_store_model_get_n_items;
  iface->get_item = cr_store_model_get_item;
}

static void
production_changed_cb (CrStoreModel   *self,
                       const CrEntity *entity,
                       CrProduction   *production)
{
  /* Any write may change how our rows read (a renamed location), so reload on all. */
  cr_store_model_reload (self);
}

static void
cr_store_model_dispose (GObject *object)
{
  CrStoreModel *self = CR_STORE_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->production);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_store_model_parent_class)->dispose (object);
}

static void
cr_store_model_finalize (GObject *object)
{
  CrStoreModel *self = CR_STORE_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  G_OBJECT_CLASS (cr_store_model_parent_class)->finalize (object);
}

static void
cr_store_model_class_init (CrStoreModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cr_store_model_dispose;
  object_class->finalize = cr_store_model_finalize;

  signals[RELOADING] = g_signal_new ("reloading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cr_store_model_init (CrStoreModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

static void
list_ids (CrStoreModel *self)
{
  CrQuery query = make_query (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->ids, g_array_unref);
  if (!(self->ids = cr_store_list_ids (cr_production_get_db (self->production), self->entity, &query, &error)))
    {
      g_warning ("Could not list %s: %s", self->entity->plural, error->message);
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  self->n_items = self->ids->len;
}

CrStoreModel *
cr_store_model_new (CrProduction   *production,
                    const CrEntity *entity)
{
  CrStoreModel *self = g_object_new (CR_TYPE_STORE_MODEL, NULL);

  self->production = g_object_ref (production);
  self->entity = entity;
  list_ids (self);
  self->changed_id = g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  return self;
}

const CrEntity *
cr_store_model_get_entity (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), NULL);
  return self->entity;
}

CrProduction *
cr_store_model_get_production (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), NULL);
  return self->production;
}

void
cr_store_model_reload (CrStoreModel *self)
{
  guint old = self->n_items;

  g_return_if_fail (CR_IS_STORE_MODEL (self));
  g_signal_emit (self, signals[RELOADING], 0);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  list_ids (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
cr_store_model_set_search (CrStoreModel *self,
                           const char   *search)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (search, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  cr_store_model_reload (self);
}

const char *
cr_store_model_get_search (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), NULL);
  return self->search;
}

void
cr_store_model_set_filter (CrStoreModel *self,
                           const char   *field,
                           const char   *value)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  g_free (self->field);
  g_free (self->value);
  self->field = g_strdup (field);
  self->value = g_strdup (value);
  cr_store_model_reload (self);
}

gint64
cr_store_model_find (CrStoreModel *self,
                     gint64        id)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), -1);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return -1;
}

void
cr_store_model_set_sort (CrStoreModel *self,
                         const char   *field,
                         gboolean      descending)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  if (g_strcmp0 (field, self->sort) == 0 && descending == self->descending)
    return;
  g_free (self->sort);
  self->sort = g_strdup (field);
  self->descending = descending;
  cr_store_model_reload (self);
}

const char *
cr_store_model_get_sort (CrStoreModel *self,
                         gboolean     *descending)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), NULL);
  if (descending)
    *descending = self->descending;
  return self->sort;
}

guint
cr_store_model_get_n_pages (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}
