/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-posters"

#include "config.h"

#include "cr-cut-posters.h"
#include "cr-thumbnail.h"

struct _CrCutPosters
{
  gatomicrefcount  ref;
  GCallback        ready;
  gpointer         data;      /* NULL once freed: the worker's last result is dropped */
  GHashTable      *posters;   /* key (poster_key ()) -> GdkTexture */
  GHashTable      *asked;     /* every key asked for, made or not */
  GQueue           pending;   /* Wanted * */
  GCancellable    *cancellable;
  gboolean         running;
};

/* One poster asked for: a frame of a file. */
typedef struct
{
  char   *key;
  char   *path;
  gint64  at_us;
} Wanted;

static void
wanted_free (gpointer data)
{
  Wanted *wanted = data;

  g_free (wanted->key);
  g_free (wanted->path);
  g_free (wanted);
}

/* Two events cut from one clip at different points have different posters; at the same
 * point (a clip used twice, or a sound clip's one waveform) they share it. The time comes
 * first: it ends at the space, and a path may hold anything. */
static char *
poster_key (const char *path,
            gint64      at_us)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", at_us < 0 ? (gint64) -1 : at_us, path);
}

static CrCutPosters *
posters_ref (CrCutPosters *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

static void
posters_unref (CrCutPosters *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_hash_table_unref (self->posters);
  g_hash_table_unref (self->asked);
  g_queue_clear_full (&self->pending, wanted_free);
  g_object_unref (self->cancellable);
  g_free (self);
}

CrCutPosters *
cr_cut_posters_new (GCallback ready,
                    gpointer  data)
{
  CrCutPosters *self = g_new0 (CrCutPosters, 1);

  g_atomic_ref_count_init (&self->ref);
  self->ready = ready;
  self->data = data;
  self->posters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_object_unref);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->pending);
  self->cancellable = g_cancellable_new ();
  return self;
}

void
cr_cut_posters_free (CrCutPosters *self)
{
  if (self == NULL)
    return;
  self->data = NULL;
  g_cancellable_cancel (self->cancellable);
  posters_unref (self);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Wanted *wanted = task_data;
  CrThumbnailOptions options = { .at_us = wanted->at_us < 0 ? CR_THUMBNAIL_DEFAULT_TIME : wanted->at_us,
                                 .max_size = CR_CUT_POSTER_SIZE };
  GError *error = NULL;
  GBytes *png = cr_thumbnail_render (wanted->path, &options, NULL, cancellable, &error);

  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

static void start_next (CrCutPosters *self);

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrCutPosters *self = user_data;
  g_autoptr(GBytes) png = g_task_propagate_pointer (G_TASK (result), NULL);
  Wanted *wanted = g_task_get_task_data (G_TASK (result));
  GdkTexture *texture = NULL;

  self->running = FALSE;
  if (self->data == NULL)
    {
      posters_unref (self);
      return;
    }
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  if (texture != NULL)
    g_hash_table_replace (self->posters, g_strdup (wanted->key), texture);
  start_next (self);
  if (texture != NULL)
    ((void (*) (gpointer)) self->ready) (self->data);
  posters_unref (self);
}

static void
start_next (CrCutPosters *self)
{
  g_autoptr(GTask) task = NULL;
  Wanted *wanted;

  if (self->running || !(wanted = g_queue_pop_head (&self->pending)))
    return;
  self->running = TRUE;
  task = g_task_new (NULL, self->cancellable, render_done_cb, posters_ref (self));
  g_task_set_task_data (task, wanted, wanted_free);
  g_task_run_in_thread (task, render_thread);
}

void
cr_cut_posters_request (CrCutPosters *self,
                        const char   *path,
                        gint64        at_us)
{
  g_autofree char *key = NULL;
  Wanted *wanted;

  if (path == NULL)
    return;
  /* A frame that cannot be made keeps its icon; it is not asked again. */
  key = poster_key (path, at_us);
  if (g_hash_table_contains (self->asked, key))
    return;
  g_hash_table_add (self->asked, g_strdup (key));
  wanted = g_new0 (Wanted, 1);
  wanted->key = g_steal_pointer (&key);
  wanted->path = g_strdup (path);
  wanted->at_us = at_us;
  g_queue_push_tail (&self->pending, wanted);
  start_next (self);
}

GdkPaintable *
cr_cut_posters_lookup (CrCutPosters *self,
                       const char   *path,
                       gint64        at_us)
{
  g_autofree char *key = NULL;

  if (path == NULL)
    return NULL;
  key = poster_key (path, at_us);
  return g_hash_table_lookup (self->posters, key);
}

gboolean
cr_cut_posters_is_busy (CrCutPosters *self)
{
  return self->running || self->pending.length > 0;
}
