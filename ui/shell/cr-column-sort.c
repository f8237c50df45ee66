/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-column-sort"

#include "config.h"

#include "cr-column-sort.h"

/* GTK 4.8 cannot say which column the view sorts by (that came in 4.10), so each column's
 * sorter answers "larger" and notes its field: comparing two items with the view's sorter
 * asks the primary column first, and the answer's sign is its direction. */
static const char *asked;

static int
note_field (gconstpointer a,
            gconstpointer b,
            gpointer      field)
{
  asked = field;
  return GTK_ORDERING_LARGER;
}

void
cr_column_sort_add (GtkColumnViewColumn *column,
                    const char          *field)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (note_field, (gpointer) field, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
  g_object_set_data (G_OBJECT (column), "cr-sort-field", (gpointer) field);
}

void
cr_column_sort_apply (GtkColumnView *view,
                      CrStoreModel  *model)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  if (gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    {
      cr_store_model_set_sort (model, NULL, FALSE);
      return;
    }
  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  asked = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  cr_store_model_set_sort (model, asked, asked != NULL && order == GTK_ORDERING_SMALLER);
}

/* The view's sorter keeps every column clicked before, and GTK 4.8 leaves their arrows up,
 * though the model sorts by the first only: the others are taken out of it (setting a
 * column's sorter again does that, and redraws its header). */
static void
keep_primary_only (GtkColumnView *view,
                   CrStoreModel  *model)
{
  const char *field = cr_store_model_get_sort (model, NULL);
  GListModel *columns = gtk_column_view_get_columns (view);

  if (field == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *own = g_object_get_data (G_OBJECT (column), "cr-sort-field");
      g_autoptr(GtkSorter) sorter = NULL;

      if (own == NULL || g_str_equal (own, field))
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (column));
      gtk_column_view_column_set_sorter (column, NULL);
      gtk_column_view_column_set_sorter (column, sorter);
    }
}

static void
view_sort_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      GtkColumnView   *view)
{
  CrStoreModel *model = g_object_get_data (G_OBJECT (sorter), "cr-model");

  if (g_object_get_data (G_OBJECT (sorter), "cr-resorting"))
    return;
  cr_column_sort_apply (view, model);
  g_object_set_data (G_OBJECT (sorter), "cr-resorting", GINT_TO_POINTER (TRUE));
  keep_primary_only (view, model);
  g_object_set_data (G_OBJECT (sorter), "cr-resorting", NULL);
}

void
cr_column_sort_follow (GtkColumnView *view,
                       CrStoreModel  *model)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);

  g_object_set_data (G_OBJECT (sorter), "cr-model", model);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (view_sort_changed_cb), view, 0);
}

void
cr_column_sort_stop (GtkColumnView *view,
                     CrStoreModel  *model)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);

  g_signal_handlers_disconnect_by_func (sorter, view_sort_changed_cb, view);
  g_object_set_data (G_OBJECT (sorter), "cr-model", NULL);
}
