/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-feed"

#include "config.h"

#include "cr-cut-feed.h"

#define FEED_FIRST 12     /* a screen of rows and a little more */
#define FEED_STEP 6       /* about 10 ms of rows a frame on a quiet machine */
#define FEED_ROWS 210     /* past the rows the list builds: the rest come in one go */

struct _CrCutFeed
{
  GtkWidget  *widget;
  GListModel *all;
  GListStore *shown;
  guint       tick;
  gboolean    first_shown;   /* the frame that shows the first lot has passed */
};

CrCutFeed *
cr_cut_feed_new (GtkWidget  *widget,
                 GListModel *all)
{
  CrCutFeed *self = g_new0 (CrCutFeed, 1);

  self->widget = widget;
  self->all = g_object_ref (all);
  self->shown = g_list_store_new (g_list_model_get_item_type (all));
  return self;
}

static void
stop (CrCutFeed *self)
{
  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;
}

void
cr_cut_feed_free (CrCutFeed *self)
{
  if (self == NULL)
    return;
  stop (self);
  g_object_unref (self->shown);
  g_object_unref (self->all);
  g_free (self);
}

GListModel *
cr_cut_feed_get_model (CrCutFeed *self)
{
  return G_LIST_MODEL (self->shown);
}

static void
feed_more (CrCutFeed *self,
           guint      count)
{
  guint have = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint n = g_list_model_get_n_items (self->all);
  guint add = have >= FEED_ROWS ? n - have : MIN (count, n - have);
  g_autofree gpointer *items = g_new0 (gpointer, add + 1);

  for (guint i = 0; i < add; i++)
    items[i] = g_list_model_get_item (self->all, have + i);
  g_list_store_splice (self->shown, have, 0, items, add);
  for (guint i = 0; i < add; i++)
    g_object_unref (items[i]);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CrCutFeed *self = user_data;

  /* The frame that shows the first lot is not made longer by the next. */
  if (!self->first_shown)
    {
      self->first_shown = TRUE;
      return G_SOURCE_CONTINUE;
    }
  feed_more (self, FEED_STEP);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) < g_list_model_get_n_items (self->all))
    return G_SOURCE_CONTINUE;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

void
cr_cut_feed_keep (CrCutFeed *self,
                  guint      n)
{
  guint have = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  if (have > n)
    g_list_store_splice (self->shown, n, have - n, NULL, 0);
}

void
cr_cut_feed_start (CrCutFeed *self)
{
  guint n = g_list_model_get_n_items (self->all);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) >= n)
    return;
  if (!gtk_widget_get_mapped (self->widget))
    {
      feed_more (self, n);
      return;
    }
  feed_more (self, FEED_FIRST);
  self->first_shown = FALSE;
  if (self->tick == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->shown)) < n)
    self->tick = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

void
cr_cut_feed_clear (CrCutFeed *self)
{
  stop (self);
  g_list_store_remove_all (self->shown);
}
