/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-words.h"
#include "cr-clips-page-private.h"

/* The list view: a GtkColumnView over the same lazy model as the grid. The model holds ids
 * only, so sorting it in GTK would read all 100,000 rows; the columns' sorters instead tell
 * the page which column and which way, and the data layer sorts the ids.
 *
 * GTK 4.8 has no API for the column a GtkColumnView is sorted by (4.10 adds one), so the page
 * asks its sorter: each column's sorter notes its column when asked to compare and says
 * "smaller"; the view's sorter asks the primary column first and turns the answer round when
 * that column sorts descending. */

typedef struct
{
  CrClipsPage *page;
  CrClipOrder  order;
} Column;

static const struct
{
  const char  *title;
  CrClipOrder  order;
  gboolean     expand;
  gboolean     numeric;
} columns[] = {
  { "Name", CR_CLIP_ORDER_NAME, TRUE, FALSE },
  { "Duration", CR_CLIP_ORDER_DURATION, FALSE, TRUE },
  { "Start", CR_CLIP_ORDER_START, FALSE, TRUE },
  { "Rate", CR_CLIP_ORDER_RATE, FALSE, TRUE },
  { "Recorded", CR_CLIP_ORDER_RECORDED, FALSE, FALSE },
  { "Rating", CR_CLIP_ORDER_RATING, FALSE, FALSE },
  { "Status", CR_CLIP_ORDER_STATUS, FALSE, FALSE },
};

static int
note_column (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  Column *column = data;

  column->page->probed = (int) column->order;
  return GTK_ORDERING_SMALLER;
}

static char *
cell_text (CrClipsPage *self,
           CrRow       *row,
           CrClipOrder  order)
{
  const CrRecord *clip = cr_row_get_record (row);

  switch (order)
    {
    case CR_CLIP_ORDER_NAME:
      return g_strdup (cr_row_get_label (row));
    case CR_CLIP_ORDER_DURATION:
      return cr_clip_words_duration (cr_production_get_db (self->production), clip);
    case CR_CLIP_ORDER_START:
      return g_strdup (cr_record_get (clip, "tc_start"));
    case CR_CLIP_ORDER_RATE:
      return cr_clip_words_rate (clip);
    case CR_CLIP_ORDER_RECORDED:
      return cr_clip_words_recorded (clip);
    case CR_CLIP_ORDER_RATING:
      return NULL;   /* drawn as stars by bind_cb */
    case CR_CLIP_ORDER_STATUS:
    default:
      {
        /* "Failed", as the filter names it, not the stored "failed". */
        char *text = g_strdup (cr_row_get_display (row, "status"));
        if (*text)
          *text = g_ascii_toupper (*text);
        return text;
      }
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint i = GPOINTER_TO_UINT (data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (columns[i].numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (columns[i].order == CR_CLIP_ORDER_RATING)
    gtk_widget_add_css_class (label, "clip-stars");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  CrClipsPage *self = g_object_get_data (G_OBJECT (factory), "cr-page");
  guint i = GPOINTER_TO_UINT (data);
  CrRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (columns[i].order == CR_CLIP_ORDER_RATING)
    {
      static const char stars[] = "★★★★★";
      gint64 rating = CLAMP (cr_record_get_int (cr_row_get_record (row), "rating", 0), 0, 5);
      /* Each star is three bytes of UTF-8. */
      text = g_strndup (stars, (gsize) rating * 3);
    }
  else
    text = cell_text (self, row, columns[i].order);
  gtk_label_set_text (label, text ? text : "");
  if (columns[i].order == CR_CLIP_ORDER_STATUS)
    {
      const char *why = cr_record_get (cr_row_get_record (row), "error");

      /* Setting a tooltip asks the X server where the pointer is: only when it changes. */
      if (g_strcmp0 (why, gtk_widget_get_tooltip_text (GTK_WIDGET (label))) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), why);
    }
}

static void
sort_changed_cb (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 CrClipsPage     *self)
{
  GtkOrdering answer;

  if (self->filling)
    return;   /* the columns are going with the page */
  self->probed = -1;
  /* Two different objects: gtk_sorter_compare () answers "equal" for an item and itself
   * without asking. The sorters never look at them. */
  answer = gtk_sorter_compare (sorter, self, self->selection);
  if (self->probed < 0 || answer == GTK_ORDERING_EQUAL)
    {
      self->order = CR_CLIP_ORDER_NAME;
      self->descending = FALSE;
    }
  else
    {
      self->order = (CrClipOrder) self->probed;
      self->descending = answer == GTK_ORDERING_LARGER;
    }
  cr_clips_page_filter_changed (self);
}

void
cr_clips_page_list_init (CrClipsPage *self)
{
  GtkColumnViewColumn *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      Column *data = g_new0 (Column, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      data->page = self;
      data->order = columns[i].order;
      sorter = GTK_SORTER (gtk_custom_sorter_new (note_column, data, g_free));
      g_object_set_data (G_OBJECT (factory), "cr-page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (columns[i].title, g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->list, column);
      if (i == 0)
        name = column;
    }
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  /* By name, as the model already is: no need to sort 100,000 ids again for it. */
  self->filling = TRUE;
  gtk_column_view_sort_by_column (self->list, name, GTK_SORT_ASCENDING);
  self->filling = FALSE;
  g_signal_connect_object (gtk_column_view_get_sorter (self->list), "changed", G_CALLBACK (sort_changed_cb), self, 0);
}

void
cr_clips_page_sort_by (CrClipsPage *self,
                       const char  *title,
                       gboolean     descending)
{
  GListModel *list = gtk_column_view_get_columns (self->list);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        gtk_column_view_sort_by_column (self->list, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}
