/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store-model"

#include "config.h"

#include <string.h>

#include "cr-list-consent.h"
#include "cr-store-model.h"
#include "cr-store.h"

typedef struct _Reader Reader;

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
  gboolean      keep_rows;
  guint         generation;   /* of the ids: a background search answers only its own */
  guint         ids_serial;   /* one more each time the ids change: a page read ahead for
                               * other ids is not taken */
  GHashTable   *reading;      /* pages being read ahead for these ids (a set) */
  guint         n_reading;    /* reads ahead under way, for any ids */
  gboolean      searching;    /* a background search of this generation is under way */
  GCancellable *cancellable;
  Reader       *reader;       /* the background searches' connection */
  GHashTable   *prefetched;   /* page -> GPtrArray of CrRow, read by a background search */
  CrListConsent *consent;   /* participants: everyone's consent, read when first asked */
  guint         warm_id;    /* the searches' consent words are read again when this fires */
  guint         shown_first;  /* the rows on screen, as the page last said (shown_n 0: not said) */
  guint         shown_n;
  GHashTable   *deferred;   /* page -> GPtrArray: the fresh rows (or NULL) not yet swapped in */
  guint         deferred_id;
};

/* The searches' consent words are read in the background this long after they may have
 * changed, so that the first search that a consent word matches does not wait for them. */
#define WARM_DELAY_MS 400

static void schedule_warm (CrStoreModel *self);

static void cr_store_model_list_model_init (GListModelInterface *iface);
static void reader_unref (Reader *reader);

enum
{
  RELOADING,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CrStoreModel, cr_store_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cr_store_model_list_model_init))

static CrQuery
make_query (CrStoreModel *self)
{
  CrQuery query = { .search = self->search, .field = self->field, .value = self->value,
                    .sort = self->sort, .descending = self->descending,
                    .consent_shown_apart = self->consent != NULL };
  return query;
}

/* Whether anybody but the page holds one of its rows (a list's bound row). */
static gboolean
page_is_held (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_atomic_int_get ((int *) &G_OBJECT (g_ptr_array_index (rows, i))->ref_count) > 1)
      return TRUE;
  return FALSE;
}

static void
free_pages_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  g_ptr_array_unref (data);
}

/* A page no longer kept is freed in a worker: the 4,000 rows a search's answer could drop
 * took 10-15 ms of the turn that showed it. Nobody holds their rows any more, and a row's
 * finalize only frees memory. The pages a turn drops gather in `dropped`. */
static void
drop_page (CrStoreModel  *self,
           gpointer       page,
           GPtrArray    **dropped)
{
  GPtrArray *rows = NULL;

  if (!g_hash_table_steal_extended (self->pages, page, NULL, (gpointer *) &rows))
    return;
  if (*dropped == NULL)
    *dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (*dropped, rows);
}

static void
free_in_worker (GPtrArray *dropped)
{
  g_autoptr(GTask) task = NULL;

  if (dropped == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, free_in_worker);
  g_task_set_task_data (task, dropped, NULL);
  g_task_run_in_thread (task, free_pages_thread);
}

static void
touch_page (CrStoreModel *self,
            guint         page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));
  GPtrArray *dropped = NULL;

  if (link != NULL)
    g_queue_delete_link (&self->recent, link);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  if (g_queue_get_length (&self->recent) <= CR_STORE_MODEL_MAX_PAGES)
    return;
  /* The least used page goes; one whose rows are on screen must stay, when rows are kept,
   * or a reload could not refill them. So does a list's first page: a search scrolls the
   * list there, and its rows are bound in that turn, before the answer refills them. */
  for (link = self->recent.tail; link && g_queue_get_length (&self->recent) > CR_STORE_MODEL_MAX_PAGES;)
    {
      GList *prev = link->prev;

      if (!self->keep_rows ||
          (link->data != GUINT_TO_POINTER (0) && !page_is_held (g_hash_table_lookup (self->pages, link->data))))
        {
          drop_page (self, link->data, &dropped);
          g_queue_delete_link (&self->recent, link);
        }
      link = prev;
    }
  free_in_worker (dropped);
}

/* One query by id for a page's rows: an OFFSET into a sorted list would sort again and
 * step over every row before it. Runs on any connection (a background search's too). */
/* The rows always (a dash for each that could not be read); `error` says why they could not. */
static GPtrArray *
read_rows (CrDb           *db,
           const CrEntity *entity,
           GArray         *all,
           guint           page,
           GError        **error)
{
  guint start = page * CR_STORE_MODEL_PAGE_SIZE;
  guint n = MIN (CR_STORE_MODEL_PAGE_SIZE, all->len - start);
  const gint64 *ids = &g_array_index (all, gint64, start);
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint r = 0;

  records = cr_store_get_many (db, entity, ids, n, error);
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

/* "the participants", for a line that says they could not be read. */
static void
read_failed (CrStoreModel *self,
             const GError *error)
{
  g_autofree char *what = g_strdup_printf ("the %s", self->entity->plural);

  cr_production_read_failed (self->production, what, error);
}

static GPtrArray *
fetch_page (CrStoreModel *self,
            guint         page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = read_rows (cr_production_get_db (self->production), self->entity, self->ids, page, &error);

  if (error != NULL)
    read_failed (self, error);
  return rows;
}

/* Rows held for the list but off screen are refilled just after the frame that shows a new
 * answer: GTK 4.8 binds some 200 rows of every column, and setting all their labels was most
 * of the wait for a search. Whoever asks for such a row first gets it refilled. */
#define REST_DELAY_MS 100

static void
deferred_free (GPtrArray *fresh)
{
  for (guint i = 0; i < fresh->len; i++)
    g_clear_object (&fresh->pdata[i]);
  g_ptr_array_free (fresh, TRUE);
}

static void
refill_deferred_row (CrStoreModel *self,
                     guint         page,
                     GPtrArray    *rows,
                     guint         index)
{
  GPtrArray *fresh = g_hash_table_lookup (self->deferred, GUINT_TO_POINTER (page));
  g_autoptr(CrRow) row = NULL;

  if (fresh == NULL || index >= fresh->len || index >= rows->len || fresh->pdata[index] == NULL)
    return;
  row = g_steal_pointer (&fresh->pdata[index]);
  cr_row_refill (g_ptr_array_index (rows, index), row);
}

static gboolean
refill_deferred_cb (gpointer data)
{
  CrStoreModel *self = data;
  GHashTableIter iter;
  gpointer page, fresh;

  self->deferred_id = 0;
  g_hash_table_iter_init (&iter, self->deferred);
  while (g_hash_table_iter_next (&iter, &page, &fresh))
    {
      GPtrArray *rows = g_hash_table_lookup (self->pages, page);

      for (guint i = 0; rows && i < ((GPtrArray *) fresh)->len; i++)
        refill_deferred_row (self, GPOINTER_TO_UINT (page), rows, i);
    }
  g_hash_table_remove_all (self->deferred);
  return G_SOURCE_REMOVE;
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
  refill_deferred_row (self, page, rows, index);
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
  /* Consent is read again only when it may have changed (a new record, a person added,
   * their kind changed); NULL is any change. */
  if (entity == NULL || entity == &cr_entity_consent || entity == &cr_entity_participant)
    {
      if (self->consent)
        {
          cr_list_consent_forget (self->consent);
          schedule_warm (self);
        }
    }
  /* Any write may change how our rows read (a renamed location), so reload on all. */
  cr_store_model_reload (self);
}

static void
cr_store_model_dispose (GObject *object)
{
  CrStoreModel *self = CR_STORE_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->production);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_store_model_parent_class)->dispose (object);
}

static void
cr_store_model_finalize (GObject *object)
{
  CrStoreModel *self = CR_STORE_MODEL (object);

  g_clear_pointer (&self->deferred, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->reading, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->consent, cr_list_consent_free);
  g_clear_pointer (&self->reader, reader_unref);
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
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cr_store_model_init (CrStoreModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->deferred = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) deferred_free);
  self->reading = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->recent);
}

static gboolean
by_consent (CrStoreModel *self)
{
  return self->entity == &cr_entity_participant && g_strcmp0 (self->sort, "consent") == 0;
}

/* The rows of the query in its order; with `extra` (ids), those too, in the same order:
 * everyone in order, kept if either found them. Runs on any connection (the worker's). */
/* Everyone in a list's order, kept by a worker's reader between searches (the order only
 * changes when the file does): a search that a consent word also matches is merged into it. */
typedef struct
{
  char   *key;      /* the query without its search */
  GArray *ids;
  guint   seen;     /* the file's data_version when read */
} Everyone;

static void
everyone_clear (Everyone *e)
{
  g_clear_pointer (&e->key, g_free);
  g_clear_pointer (&e->ids, g_array_unref);
}

static GArray *
everyone_ids (CrDb            *db,
              const CrEntity  *entity,
              const CrQuery   *all,
              Everyone        *cache,
              GError         **error)
{
  g_autofree char *key = NULL;
  GArray *ids;

  if (cache == NULL)
    return cr_store_list_ids (db, entity, all, error);
  key = g_strdup_printf ("%s|%s|%s|%s|%d", entity->name, all->field ? all->field : "", all->value ? all->value : "",
                         all->sort ? all->sort : "", all->descending);
  if (cr_db_has_changed (db, &cache->seen) || g_strcmp0 (key, cache->key) != 0)
    everyone_clear (cache);
  if (cache->ids == NULL)
    {
      if (!(ids = cr_store_list_ids (db, entity, all, error)))
        return NULL;
      cache->ids = ids;
      cache->key = g_steal_pointer (&key);
    }
  return g_array_ref (cache->ids);
}

static GArray *
matching_ids (CrDb            *db,
              const CrEntity  *entity,
              CrQuery         *query,
              GHashTable      *extra,
              Everyone        *cache,
              GError         **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) everyone = NULL;
  g_autoptr(GHashTable) in = NULL;
  CrQuery all = *query;
  GArray *ids;

  /* No consent word matched: the query is the whole answer. */
  if (extra == NULL || g_hash_table_size (extra) == 0)
    return cr_store_list_ids (db, entity, query, error);
  if (!(found = cr_store_list_ids (db, entity, query, error)))
    return NULL;
  all.search = NULL;
  if (!(everyone = everyone_ids (db, entity, &all, cache, error)))
    return NULL;
  in = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (in, &g_array_index (found, gint64, i));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found->len + g_hash_table_size (extra));
  for (guint i = 0; i < everyone->len; i++)
    {
      gint64 *id = &g_array_index (everyone, gint64, i);

      if (g_hash_table_contains (in, id) || g_hash_table_contains (extra, id))
        g_array_append_val (ids, *id);
    }
  return ids;
}

/* The query as the database can answer it: consent is no column of the table, so a list
 * by consent is read in name order and put in consent order after. */
static CrQuery
database_query (CrStoreModel *self)
{
  CrQuery query = make_query (self);

  if (by_consent (self))
    {
      query.sort = self->entity->label;
      query.descending = FALSE;
    }
  return query;
}

/* The people whose Consent column reads like the search, as owned ids, or NULL. */
static GHashTable *
extra_matches (CrStoreModel  *self,
               GError       **error)
{
  if (self->consent == NULL || self->search == NULL)
    return NULL;
  return cr_list_consent_matching (self->consent, cr_production_get_db (self->production), self->search, error);
}

static GArray *
query_ids (CrStoreModel  *self,
           GError       **error)
{
  CrQuery query = database_query (self);
  g_autoptr(GError) failed = NULL;
  g_autoptr(GHashTable) extra = extra_matches (self, &failed);

  if (failed != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return NULL;
    }
  return matching_ids (cr_production_get_db (self->production), self->entity, &query, extra, NULL, error);
}

/* Takes the rows found (NULL: the query failed, said in `error`), in the list's order. */
static void
take_ids (CrStoreModel *self,
          GArray       *ids,
          const GError *error)
{
  g_clear_pointer (&self->ids, g_array_unref);
  if ((self->ids = ids) == NULL)
    {
      read_failed (self, error);
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  else if (by_consent (self))
    {
      g_autoptr(GError) failed = NULL;

      /* Unsorted by consent, but shown, and why said. */
      if (!cr_list_consent_sort (self->consent, cr_production_get_db (self->production), self->ids,
                                 self->descending, &failed))
        read_failed (self, failed);
    }
  self->n_items = self->ids->len;
  self->ids_serial++;
  g_hash_table_remove_all (self->reading);
}

static void
list_ids (CrStoreModel *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;

  /* A search still under way in the background is answered here already. */
  self->generation++;
  self->searching = FALSE;
  ids = query_ids (self, &error);
  take_ids (self, ids, error);
}

CrStoreModel *
cr_store_model_new (CrProduction   *production,
                    const CrEntity *entity)
{
  CrStoreModel *self = g_object_new (CR_TYPE_STORE_MODEL, NULL);

  self->production = g_object_ref (production);
  self->entity = entity;
  if (entity == &cr_entity_participant)
    {
      self->consent = cr_list_consent_new ();
      schedule_warm (self);
    }
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

/* The held pages read again for their new ids, refilling the rows in place; the others go. */
static void
refill_held_pages (CrStoreModel *self)
{
  g_autofree gpointer *pages = (gpointer *) g_hash_table_get_keys_as_array (self->pages, NULL);
  guint n_pages = g_hash_table_size (self->pages);
  GPtrArray *dropped = NULL;

  /* What an earlier answer left to refill is replaced by this one's. */
  g_hash_table_remove_all (self->deferred);

  for (guint p = 0; p < n_pages; p++)
    {
      guint page = GPOINTER_TO_UINT (pages[p]);
      GPtrArray *rows = g_hash_table_lookup (self->pages, pages[p]);
      g_autoptr(GPtrArray) fresh = NULL;

      if (page * CR_STORE_MODEL_PAGE_SIZE >= self->n_items || !page_is_held (rows))
        {
          g_queue_remove (&self->recent, pages[p]);
          drop_page (self, pages[p], &dropped);
          continue;
        }
      /* A background search read the pages on screen already, when it could. */
      if (!(self->prefetched && g_hash_table_steal_extended (self->prefetched, pages[p], NULL, (gpointer *) &fresh)))
        fresh = fetch_page (self, page);
      {
        GPtrArray *later = NULL;

        for (guint i = 0; i < MIN (rows->len, fresh->len); i++)
          {
            guint position = page * CR_STORE_MODEL_PAGE_SIZE + i;

            /* On screen, or a screen either side of it: now. */
            if (self->shown_n == 0 ||
                (position + self->shown_n >= self->shown_first && position < self->shown_first + 2 * self->shown_n))
              cr_row_refill (g_ptr_array_index (rows, i), g_ptr_array_index (fresh, i));
            else
              {
                if (later == NULL)
                  later = g_ptr_array_new_full (fresh->len, NULL);
                g_ptr_array_set_size (later, i + 1);
                later->pdata[i] = g_object_ref (g_ptr_array_index (fresh, i));
              }
          }
        if (later != NULL)
          {
            g_hash_table_insert (self->deferred, pages[p], later);
            /* The page asks for them once the answer has been drawn; this, if it does not. */
            if (self->deferred_id == 0)
              self->deferred_id = g_timeout_add_full (G_PRIORITY_LOW, REST_DELAY_MS, refill_deferred_cb, self, NULL);
          }
      }
      /* The last page may have grown or shrunk: the rows past the end go with the tail. */
      if (fresh->len < rows->len)
        g_ptr_array_set_size (rows, fresh->len);
      for (guint i = rows->len; i < fresh->len; i++)
        g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (fresh, i)));
    }
  free_in_worker (dropped);
}

/* After the ids changed: the list's rows, as the mode says; `old` is how many there were. */
static void
show_ids (CrStoreModel *self,
          guint         old)
{
  if (!self->keep_rows)
    {
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->recent);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
    }
  else
    {
      refill_held_pages (self);
      if (self->n_items < old)
        g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old - self->n_items, 0);
      else if (self->n_items > old)
        g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
    }
  g_signal_emit (self, signals[RELOADED], 0);
}

void
cr_store_model_reload (CrStoreModel *self)
{
  guint old = self->n_items;

  g_return_if_fail (CR_IS_STORE_MODEL (self));
  g_signal_emit (self, signals[RELOADING], 0);
  list_ids (self);
  show_ids (self, old);
}

/* ---- a search in the background ---- */

/* The connection the searches read through, opened by the first: one worker at a time. */
struct _Reader
{
  gatomicrefcount  ref;
  GMutex           lock;
  char            *path;
  CrDb            *db;
  Everyone         everyone;   /* under the lock */
  CrListConsent   *consent;    /* everyone's consent words, for the searches; under the lock */
  guint            consent_seen; /* the file's data_version when they were read */
};

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref))
    return;
  everyone_clear (&reader->everyone);
  g_clear_pointer (&reader->consent, cr_list_consent_free);
  g_clear_pointer (&reader->db, cr_db_close);
  g_mutex_clear (&reader->lock);
  g_free (reader->path);
  g_free (reader);
}

static Reader *
ensure_reader (CrStoreModel *self)
{
  if (self->reader == NULL)
    {
      self->reader = g_new0 (Reader, 1);
      g_atomic_ref_count_init (&self->reader->ref);
      g_mutex_init (&self->reader->lock);
      self->reader->path = g_strdup (cr_production_get_path (self->production));
    }
  return self->reader;
}

/* Everyone's consent words on the worker's connection, read if the file changed since. */
static GHashTable *
reader_consent_matching (Reader      *reader,
                         const char  *search,
                         GError     **error)
{
  if (reader->consent == NULL)
    reader->consent = cr_list_consent_new ();
  if (cr_db_has_changed (reader->db, &reader->consent_seen))
    cr_list_consent_forget (reader->consent);
  return cr_list_consent_matching (reader->consent, reader->db, search, error);
}

typedef struct
{
  Reader         *reader;
  const CrEntity *entity;
  char           *search;
  char           *field;
  char           *value;
  char           *sort;
  gboolean        descending;
  gboolean        consent_words; /* a participant's consent words count as found */
  GArray         *held;         /* the pages on screen (guint), to read with the ids; or NULL */
  guint           generation;
} Search;

typedef struct
{
  GArray     *ids;
  GHashTable *rows;   /* page -> GPtrArray of CrRow */
} Answer;

static void
answer_free (Answer *answer)
{
  g_clear_pointer (&answer->ids, g_array_unref);
  g_clear_pointer (&answer->rows, g_hash_table_unref);
  g_free (answer);
}

static void
search_free (Search *search)
{
  reader_unref (search->reader);
  g_free (search->search);
  g_free (search->field);
  g_free (search->value);
  g_free (search->sort);
  g_clear_pointer (&search->held, g_array_unref);
  g_free (search);
}

/* Reads in the background what the first search would otherwise wait for: everyone's
 * consent words and everyone in the list's order, on the worker's connection. */
static void
warm_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Search *warm = data;
  Reader *reader = warm->reader;
  CrQuery all = { .field = warm->field, .value = warm->value, .sort = warm->sort, .descending = warm->descending };
  g_autoptr(GMutexLocker) locker = NULL;
  GHashTable *none;
  GArray *everyone;

  locker = g_mutex_locker_new (&reader->lock);
  /* Not readable: the search that needs it says why. */
  if (reader->db == NULL && !(reader->db = cr_db_open (reader->path, NULL)))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  /* A search nobody can match: it reads the words, and finds no one (or fails, and the
   * search that needs them says why). */
  none = reader_consent_matching (reader, "\x01", NULL);
  g_clear_pointer (&none, g_hash_table_unref);
  everyone = everyone_ids (reader->db, warm->entity, &all, &reader->everyone, NULL);
  g_clear_pointer (&everyone, g_array_unref);
  g_task_return_boolean (task, TRUE);
}

static gboolean
warm_cb (gpointer data)
{
  CrStoreModel *self = data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  CrQuery query = database_query (self);
  Search *warm = g_new0 (Search, 1);

  self->warm_id = 0;
  warm->reader = reader_ref (ensure_reader (self));
  warm->entity = self->entity;
  warm->field = g_strdup (query.field);
  warm->value = g_strdup (query.value);
  warm->sort = g_strdup (query.sort);
  warm->descending = query.descending;
  g_task_set_source_tag (task, warm_cb);
  g_task_set_task_data (task, warm, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, warm_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_warm (CrStoreModel *self)
{
  g_clear_handle_id (&self->warm_id, g_source_remove);
  self->warm_id = g_timeout_add_full (G_PRIORITY_LOW, WARM_DELAY_MS, warm_cb, self, NULL);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Search *search = data;
  CrQuery query = { .search = search->search, .field = search->field, .value = search->value,
                    .sort = search->sort, .descending = search->descending,
                    .consent_shown_apart = search->consent_words };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GHashTable) extra = NULL;
  GError *error = NULL;
  Answer *answer;
  GArray *ids;

  /* A later search has replaced this one before it began. */
  if (g_task_return_error_if_cancelled (task))
    return;
  locker = g_mutex_locker_new (&search->reader->lock);
  if (search->reader->db == NULL && !(search->reader->db = cr_db_open (search->reader->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The consent words, worked out here for everyone the first time (a pass over the
   * consent history), kept until the file changes. */
  if (search->consent_words && search->search != NULL &&
      !(extra = reader_consent_matching (search->reader, search->search, &error)) && error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!(ids = matching_ids (search->reader->db, search->entity, &query, extra, &search->reader->everyone,
                            &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  answer = g_new0 (Answer, 1);
  answer->ids = ids;
  answer->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  /* The rows on screen, read here too: the main loop then only swaps them in. */
  for (guint i = 0; search->held && i < search->held->len; i++)
    {
      guint page = g_array_index (search->held, guint, i);
      g_autoptr(GPtrArray) rows = NULL;

      /* A page that cannot be read here is read, and its failure said, on the main loop. */
      if (page * CR_STORE_MODEL_PAGE_SIZE < ids->len &&
          (rows = read_rows (search->reader->db, search->entity, ids, page, &error)) && error == NULL)
        g_hash_table_insert (answer->rows, GUINT_TO_POINTER (page), g_steal_pointer (&rows));
      g_clear_error (&error);
    }
  g_task_return_pointer (task, answer, (GDestroyNotify) answer_free);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CrStoreModel *self = CR_STORE_MODEL (source);
  Search *search = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Answer *answer = g_task_propagate_pointer (G_TASK (result), &error);
  guint old = self->n_items;

  /* Stale: a later search, or a reload, has answered since. */
  if (search->generation != self->generation)
    {
      g_clear_pointer (&answer, answer_free);
      return;
    }
  self->searching = FALSE;
  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[RELOADING], 0);
  take_ids (self, answer ? g_steal_pointer (&answer->ids) : NULL, error);
  self->prefetched = answer ? g_steal_pointer (&answer->rows) : NULL;
  show_ids (self, old);
  /* Pages read with the answer that no row on screen took (its first page, when the list
   * was scrolled away from it) are kept for when it is shown from the top. */
  if (self->prefetched != NULL)
    {
      GHashTableIter iter;
      gpointer page, rows;

      g_hash_table_iter_init (&iter, self->prefetched);
      while (g_hash_table_iter_next (&iter, &page, &rows))
        if (!g_hash_table_contains (self->pages, page) &&
            GPOINTER_TO_UINT (page) * CR_STORE_MODEL_PAGE_SIZE < self->n_items)
          {
            g_hash_table_iter_steal (&iter);
            g_hash_table_insert (self->pages, page, rows);
            touch_page (self, GPOINTER_TO_UINT (page));
          }
    }
  g_clear_pointer (&self->prefetched, g_hash_table_unref);
  g_clear_pointer (&answer, answer_free);
}

void
cr_store_model_search_in_background (CrStoreModel *self,
                                     const char   *text)
{
  g_autoptr(GTask) task = NULL;
  Search *search;
  CrQuery query;

  g_return_if_fail (CR_IS_STORE_MODEL (self));
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  ensure_reader (self);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  query = database_query (self);
  search = g_new0 (Search, 1);
  search->reader = reader_ref (self->reader);
  search->entity = self->entity;
  search->search = g_strdup (query.search);
  search->field = g_strdup (query.field);
  search->value = g_strdup (query.value);
  search->sort = g_strdup (query.sort);
  search->descending = query.descending;
  /* The consent words are read in the worker: the first search would read everyone's here. */
  search->consent_words = self->consent != NULL;
  /* A list by consent is put in order here after: its pages are known only then. */
  if (self->keep_rows && !by_consent (self))
    {
      GHashTableIter iter;
      gpointer page, rows;

      search->held = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &page, &rows))
        {
          guint number = GPOINTER_TO_UINT (page);

          if (page_is_held (rows) && number > 0)
            g_array_append_val (search->held, number);
        }
      /* The answer is shown from its top: its first rows are read with it, held or not. */
      {
        guint first = 0;
        g_array_prepend_val (search->held, first);
      }
    }
  search->generation = ++self->generation;
  self->searching = TRUE;
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, cr_store_model_search_in_background);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, search_thread);
}

/* ---- the next page, read ahead ---- */

/* Scrolled, the list binds some 200 rows past the screen: the page it will need next is
 * read in the background, so that no frame of a scroll waits for a page read (1-5 ms each,
 * three of them in the first jump's frame). */

typedef struct
{
  Reader         *reader;
  const CrEntity *entity;
  GArray         *ids;     /* the page's ids */
  guint           page;
  guint           serial;
} Ahead;

static void
ahead_free (Ahead *ahead)
{
  reader_unref (ahead->reader);
  g_array_unref (ahead->ids);
  g_free (ahead);
}

static void
read_ahead_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Ahead *ahead = data;
  g_autoptr(GMutexLocker) locker = NULL;

  locker = g_mutex_locker_new (&ahead->reader->lock);

  /* Not readable here: the list reads the page itself when it needs it. */
  if (ahead->reader->db == NULL && !(ahead->reader->db = cr_db_open (ahead->reader->path, NULL)))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = read_rows (ahead->reader->db, ahead->entity, ahead->ids, 0, &error);

    /* Not read: the list reads the page itself, and says why it could not. */
    g_task_return_pointer (task, error ? NULL : g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
  }
}

static void
read_ahead_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  CrStoreModel *self = CR_STORE_MODEL (source);
  Ahead *ahead = g_task_get_task_data (G_TASK (result));
  GPtrArray *rows = g_task_propagate_pointer (G_TASK (result), NULL);
  gpointer page = GUINT_TO_POINTER (ahead->page);

  self->n_reading--;
  /* Read for other ids: the set was emptied when they changed, and the rows are not theirs. */
  if (ahead->serial != self->ids_serial)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      return;
    }
  /* Done either way: a page dropped later may be read ahead again. */
  g_hash_table_remove (self->reading, page);
  if (rows == NULL || g_hash_table_contains (self->pages, page))
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      return;
    }
  g_hash_table_insert (self->pages, page, rows);
  touch_page (self, ahead->page);
}

static void
read_ahead (CrStoreModel *self,
            guint         page)
{
  g_autoptr(GTask) task = NULL;
  guint start = page * CR_STORE_MODEL_PAGE_SIZE;
  Ahead *ahead;

  if (start >= self->n_items || g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)) ||
      !g_hash_table_add (self->reading, GUINT_TO_POINTER (page)))
    return;
  ahead = g_new0 (Ahead, 1);
  ahead->reader = reader_ref (ensure_reader (self));
  ahead->entity = self->entity;
  ahead->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), CR_STORE_MODEL_PAGE_SIZE);
  g_array_append_vals (ahead->ids, &g_array_index (self->ids, gint64, start),
                       MIN (CR_STORE_MODEL_PAGE_SIZE, self->n_items - start));
  ahead->page = page;
  ahead->serial = self->ids_serial;
  self->n_reading++;
  task = g_task_new (self, NULL, read_ahead_cb, NULL);
  g_task_set_source_tag (task, read_ahead);
  g_task_set_task_data (task, ahead, (GDestroyNotify) ahead_free);
  g_task_run_in_thread (task, read_ahead_thread);
}

/* The rows GTK 4.8's list holds bound past the screen; the page read ahead is the one half a
 * page past them, in the way the list moves. */
#define LIST_HOLDS 200

void
cr_store_model_set_shown (CrStoreModel *self,
                          guint         first,
                          guint         n)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  /* Not while a search is under way: its answer replaces the rows, and it reads through
   * the same connection. */
  if (self->shown_n > 0 && n > 0 && first != self->shown_first && !self->searching)
    {
      if (first > self->shown_first)
        read_ahead (self, (first + n + LIST_HOLDS + CR_STORE_MODEL_PAGE_SIZE / 2) / CR_STORE_MODEL_PAGE_SIZE);
      else if (first > CR_STORE_MODEL_PAGE_SIZE / 2)
        read_ahead (self, (first - CR_STORE_MODEL_PAGE_SIZE / 2) / CR_STORE_MODEL_PAGE_SIZE);
    }
  self->shown_first = first;
  self->shown_n = n;
}

gboolean
cr_store_model_is_reading_ahead (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), FALSE);
  return self->n_reading > 0;
}

gboolean
cr_store_model_has_rest (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), FALSE);
  return g_hash_table_size (self->deferred) > 0;
}

void
cr_store_model_refill_rest (CrStoreModel *self)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  refill_deferred_cb (self);
}

gboolean
cr_store_model_is_searching (CrStoreModel *self)
{
  g_return_val_if_fail (CR_IS_STORE_MODEL (self), FALSE);
  return self->searching;
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

void
cr_store_model_keep_rows (CrStoreModel *self)
{
  g_return_if_fail (CR_IS_STORE_MODEL (self));
  self->keep_rows = TRUE;
}

const CrConsentState *
cr_store_model_get_consent (CrStoreModel      *self,
                            gint64             id,
                            CrConsentStanding *standing)
{
  CrConsentStandings *standings;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CR_IS_STORE_MODEL (self), NULL);
  if (self->consent == NULL)
    return NULL;
  if (!(standings = cr_list_consent_standings (self->consent, cr_production_get_db (self->production), &error)))
    {
      read_failed (self, error);
      return NULL;
    }
  if (standing)
    *standing = cr_consent_standings_of (standings, id);
  return cr_consent_standings_state (standings, id);
}
