/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-model.h"
#include "cr-clip-filter.h"
#include "cr-clip-index.h"
#include "cr-store.h"

/* Rows read lately, so that a redraw does not read them again. */
#define CACHE_ROWS 1024
/* A miss reads this many rows around it in one query: a grid binds a screenful of cards at
 * once, and one query per card was most of a scrolled frame. More after than before, since
 * scrolling on is likelier. */
#define WINDOW_BEFORE 16
#define WINDOW_AFTER 64
/* The clips in memory are read again this long after they last changed. */
#define WARM_DELAY_MS 400

struct _CrClipModel
{
  GObject       parent_instance;

  CrProduction *production;
  GArray       *ids;
  GHashTable   *rows;    /* id -> CrRow, at most CACHE_ROWS */
  CrClipFilter  filter;  /* strings owned */
  gulong        changed_id;
  GCancellable *searching; /* the filter's query running in a worker, if any */
  gboolean      replacing; /* between the two changes of replace () */
  gboolean      reread;    /* another program wrote: the next answer reads its rows again */
  gint64        total;     /* clips in the production, whatever the filter; -1: not counted */
  GMutex        reader_lock;
  CrDb         *reader;    /* the workers' connection, kept: its page cache stays warm */
  CrClipIndex  *index;     /* the clips in memory, read on `reader` (under the lock) */
  guint         warm_id;   /* reads the index again a moment after the clips change */
};

/* "will-change": emitted just before the ids are replaced, while positions still hold. */
enum { WILL_CHANGE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrClipModel, cr_clip_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return CR_TYPE_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return CR_CLIP_MODEL (model)->ids->len;
}

/* Reads the rows around `position` not yet kept, in one query. */
static void
read_window (CrClipModel *self,
             guint        position)
{
  CrDb *db = cr_production_get_db (self->production);
  guint from = position > WINDOW_BEFORE ? position - WINDOW_BEFORE : 0;
  guint to = MIN (self->ids->len, position + WINDOW_AFTER);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *taken = NULL;
  gsize n = 0;

  if (g_hash_table_size (self->rows) + (to - from) > CACHE_ROWS)
    g_hash_table_remove_all (self->rows);
  for (guint i = from; i < to; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      if (!g_hash_table_contains (self->rows, &id))
        g_array_append_val (wanted, id);
    }
  if (wanted->len == 0)
    return;
  if (!(records = cr_store_get_many (db, &cr_entity_clip, (gint64 *) (gpointer) wanted->data, wanted->len, &error)))
    {
      cr_production_read_failed (self->production, "the clips", error);
      return;
    }
  taken = g_ptr_array_steal (records, &n);
  for (gsize i = 0; i < n; i++)
    {
      CrRecord *record = taken[i];
      gint64 id = record->id;

      g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), cr_row_new (db, record));
    }
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CrClipModel *self = CR_CLIP_MODEL (model);
  CrRow *row;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;
  id = g_array_index (self->ids, gint64, position);
  if (!(row = g_hash_table_lookup (self->rows, &id)))
    {
      read_window (self, position);
      if (!(row = g_hash_table_lookup (self->rows, &id)))
        {
          /* Deleted meanwhile: a blank until the reload. */
          row = cr_row_new (cr_production_get_db (self->production), cr_record_new (&cr_entity_clip));
          g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
        }
    }
  return g_object_ref (row);
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void search_again (CrClipModel *self);

/* What a clip's logging changes (rating, notes, tags, links) does not move it in the list
 * unless the filter or the order looks at it. */
static gboolean
order_uses_logging (const CrClipFilter *f)
{
  return (f->search && *f->search) || f->interview || f->shot || f->participant || (f->tag && *f->tag) ||
         f->min_rating || f->order == CR_CLIP_ORDER_RATING;
}

/* One clip written (a star clicked in the detail pane): its row read again, in place, so the
 * card and the selection keep it; not every clip of the production read and sorted again. */
static void
refresh_row (CrClipModel *self,
             gint64       id)
{
  CrDb *db = cr_production_get_db (self->production);
  CrRow *row = g_hash_table_lookup (self->rows, &id);
  g_autoptr(GError) error = NULL;
  CrRecord *record;

  if (row == NULL)
    return;   /* not read yet: it will be read as it is now */
  if (!(record = cr_store_get (db, &cr_entity_clip, id, &error)))
    {
      g_hash_table_remove (self->rows, &id);
      cr_clip_model_reload (self);
      return;
    }
  {
    g_autoptr(CrRow) fresh = cr_row_new (db, record);
    cr_row_refill (row, fresh);
  }
}

/* The rows read so far read again in place (the clips are the same, their contents may not
 * be): their cards show what another program wrote. */
static void
refresh_rows (CrClipModel *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *taken = NULL;
  GHashTableIter iter;
  gpointer key;
  gsize n = 0;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  if (ids->len == 0)
    return;
  if (!(records = cr_store_get_many (db, &cr_entity_clip, (gint64 *) (gpointer) ids->data, ids->len, &error)))
    {
      cr_production_read_failed (self->production, "the clips", error);
      return;
    }
  taken = g_ptr_array_steal (records, &n);
  for (gsize i = 0; i < n; i++)
    {
      CrRecord *record = taken[i];
      CrRow *row = g_hash_table_lookup (self->rows, &record->id);
      g_autoptr(CrRow) fresh = cr_row_new (db, record);   /* takes the record */

      if (row != NULL)
        cr_row_refill (row, fresh);
    }
}

static void
production_changed_cb (CrClipModel    *self,
                       const CrEntity *entity)
{
  gint64 id = cr_production_get_changed_record (self->production);

  if (entity == &cr_entity_clip && id > 0)
    {
      /* Else looked for again in the worker: the window does not wait for 100,000 clips. */
      if (!order_uses_logging (&self->filter))
        refresh_row (self, id);
      else
        search_again (self);
      return;
    }
  /* No entity: another program wrote to the file (`casereel index` in a terminal, or the
   * page's own indexing worker, polled each second): looked for again in the worker, not
   * read on the main loop while an indexing run goes on. */
  if (entity == NULL)
    {
      self->reread = TRUE;
      self->total = -1;
      search_again (self);
    }
  else if (entity == &cr_entity_clip || entity == &cr_entity_interview || entity == &cr_entity_participant)
    cr_clip_model_reload (self);
}

static void
filter_clear (CrClipFilter *f)
{
  g_free ((char *) f->search);
  g_free ((char *) f->status);
  g_free ((char *) f->tag);
  memset (f, 0, sizeof *f);
}

static void
filter_copy (CrClipFilter       *to,
             const CrClipFilter *from)
{
  *to = *from;
  to->search = g_strdup (from->search);
  to->status = g_strdup (from->status);
  to->tag = g_strdup (from->tag);
}

static void
stop_searching (CrClipModel *self)
{
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
}

static void
cr_clip_model_finalize (GObject *object)
{
  CrClipModel *self = CR_CLIP_MODEL (object);

  stop_searching (self);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->production);
  g_clear_object (&self->production);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  filter_clear (&self->filter);
  g_clear_pointer (&self->index, cr_clip_index_free);
  g_clear_pointer (&self->reader, cr_db_close);
  g_mutex_clear (&self->reader_lock);
  G_OBJECT_CLASS (cr_clip_model_parent_class)->finalize (object);
}

static void
cr_clip_model_class_init (CrClipModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_clip_model_finalize;
  signals[WILL_CHANGE] = g_signal_new ("will-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 0);
}

static void
cr_clip_model_init (CrClipModel *self)
{
  g_mutex_init (&self->reader_lock);
  self->total = -1;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

CrClipModel *
cr_clip_model_new (CrProduction *production)
{
  CrClipModel *self = g_object_new (CR_TYPE_CLIP_MODEL, NULL);

  self->production = g_object_ref (production);
  self->changed_id = g_signal_connect_swapped (production, "changed", G_CALLBACK (production_changed_cb), self);
  cr_clip_model_reload (self);
  return self;
}

static GArray *
matching (CrClipModel *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = cr_clips_filter (cr_production_get_db (self->production), &self->filter, &error);

  if (ids == NULL)
    {
      cr_production_read_failed (self->production, "the clips", error);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  return ids;
}

/* reread: the clips' rows may have changed (a reload); a search only picks others. */
static void
replace (CrClipModel *self,
         GArray      *ids,
         gboolean     reread)
{
  guint removed = self->ids->len;

  g_signal_emit (self, signals[WILL_CHANGE], 0);
  g_array_unref (self->ids);
  if (reread)
    g_hash_table_remove_all (self->rows);
  /* Out, then in, as two changes: told of one, GTK 4.8's views look through every clip added
   * (g_list_model_get_item on each, reading all 100,000 rows) for the items their cards
   * showed, before they reuse the cards. */
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->replacing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  self->replacing = FALSE;
  g_array_unref (self->ids);
  self->ids = ids;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, ids->len);
}

static gboolean warm_cb (gpointer data);

/* A change in the production: read now (a running search would answer from before it). */
void
cr_clip_model_reload (CrClipModel *self)
{
  stop_searching (self);
  self->total = -1;
  self->reread = FALSE;
  replace (self, matching (self), TRUE);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  self->warm_id = g_timeout_add (WARM_DELAY_MS, warm_cb, self);
}

typedef struct
{
  CrClipModel  *model;   /* a reference */
  char         *path;
  CrClipFilter  filter;
} Search;

static void
search_free (Search *search)
{
  g_object_unref (search->model);
  g_free (search->path);
  filter_clear (&search->filter);
  g_free (search);
}

/* Under the reader's lock: the index as the file is now, read again when another connection
 * (the window's, the command line's) has written to it. Not stopped by a newer search, which
 * needs it as much. */
static gboolean
fresh_index (CrClipModel  *self,
             const char   *path,
             GError      **error)
{
  if (self->reader == NULL && !(self->reader = cr_db_open (path, error)))
    return FALSE;
  if (self->index != NULL && !cr_clip_index_is_stale (self->index, self->reader))
    return TRUE;
  g_clear_pointer (&self->index, cr_clip_index_free);
  self->index = cr_clip_index_new (self->reader, error);
  return self->index != NULL;
}

static void
warm_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CrClipModel *self = CR_CLIP_MODEL (source);
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->reader_lock);
  if (!fresh_index (self, task_data, &error))
    g_debug ("clips index: %s", error->message);
  g_mutex_unlock (&self->reader_lock);
  g_task_return_boolean (task, TRUE);
}

/* The index is read in the background once the clips have stopped changing for a moment
 * (an indexing run writes a batch a second), so that the next search finds it ready. */
static gboolean
warm_cb (gpointer data)
{
  CrClipModel *self = data;
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  self->warm_id = 0;
  g_task_set_task_data (task, g_strdup (cr_production_get_path (self->production)), g_free);
  g_task_run_in_thread (task, warm_in_thread);
  return G_SOURCE_REMOVE;
}

/* On a connection of its own, one search at a time: the window's stays free for the main
 * loop. A stale search is cancelled, so the next one waits little for the lock. */
static void
search_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Search *search = task_data;
  CrClipModel *self = search->model;
  GError *error = NULL;
  GArray *ids = NULL;

  g_mutex_lock (&self->reader_lock);
  if (fresh_index (self, search->path, &error))
    ids = cr_clip_index_filter (self->index, self->reader, &search->filter, cancellable, &error);
  g_mutex_unlock (&self->reader_lock);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrClipModel) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer filter or a reload has taken over: this answer is stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->searching)
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }
  g_clear_object (&self->searching);
  /* Not found in the background: found here, or why not said. */
  if (ids == NULL)
    ids = matching (self);
  /* The same clips in the same order (a filter that changed nothing): telling the views
   * would only make them bind everything again; what another program wrote is read into the
   * rows in place. */
  if (ids->len == self->ids->len &&
      (ids->len == 0 || memcmp (ids->data, self->ids->data, ids->len * sizeof (gint64)) == 0))
    {
      g_array_unref (ids);
      if (self->reread)
        refresh_rows (self);
      self->reread = FALSE;
      return;
    }
  replace (self, ids, self->reread);
  self->reread = FALSE;
}

/* The clips of self->filter looked for in a worker; they change when it answers. */
static void
search_again (CrClipModel *self)
{
  g_autoptr(GTask) task = NULL;
  Search *search;

  stop_searching (self);
  self->searching = g_cancellable_new ();
  search = g_new0 (Search, 1);
  search->model = g_object_ref (self);
  search->path = g_strdup (cr_production_get_path (self->production));
  filter_copy (&search->filter, &self->filter);
  task = g_task_new (NULL, self->searching, searched_cb, g_object_ref (self));
  g_task_set_source_tag (task, search_again);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, search_in_thread);
}

/* The query runs in a worker and the clips change when it answers: a search over 100,000
 * clips as the user types never holds up the window. */
void
cr_clip_model_set_filter (CrClipModel        *self,
                          const CrClipFilter *filter)
{
  g_return_if_fail (CR_IS_CLIP_MODEL (self));
  filter_clear (&self->filter);
  filter_copy (&self->filter, filter);
  search_again (self);
}

gboolean
cr_clip_model_is_settled (CrClipModel *self)
{
  g_return_val_if_fail (CR_IS_CLIP_MODEL (self), TRUE);
  return self->searching == NULL;
}

gint64
cr_clip_model_get_total (CrClipModel *self)
{
  /* Counted once a reload: a search changes what is shown, not what there is. */
  if (self->total < 0)
    self->total = cr_store_count (cr_production_get_db (self->production), &cr_entity_clip, NULL, NULL);
  return self->total;
}

gboolean
cr_clip_model_is_replacing (CrClipModel *self)
{
  return self->replacing;
}

gint64
cr_clip_model_find (CrClipModel *self,
                    gint64       id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return -1;
}

CrProduction *
cr_clip_model_get_production (CrClipModel *self)
{
  return self->production;
}
