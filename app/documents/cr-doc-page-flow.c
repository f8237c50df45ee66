/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include "cr-doc-page-private.h"

/* Pagination: measured units in, pages of placements out. Rows go whole to the page
 * that has room for them, under their table's header; headings stay with what follows;
 * flowing text and rows taller than a page are cut between lines. */

static gboolean
is_row (const Unit *unit)
{
  return unit->block->kind == BLOCK_TABLE;
}

/* Where a unit may be cut: below a text line, and never through a line of another
 * layout beside it (the other cells of a row). Returns the largest such place in
 * (from, limit], or from if there is none. */
static double
unit_break_before (const Unit *unit,
                   double      from,
                   double      limit)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (double));
  double best = from;

  if (limit >= unit->height)
    return unit->height;
  for (guint i = 0; i < unit->n_layouts; i++)
    {
      PangoLayoutIter *iter;

      if (unit->layouts[i] == NULL)
        continue;
      iter = pango_layout_get_iter (unit->layouts[i]);
      do
        {
          int y0, y1;
          double range[2];

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          range[0] = unit->layout_y[i] + pango_units_to_double (y0);
          range[1] = unit->layout_y[i] + pango_units_to_double (y1);
          g_array_append_vals (lines, range, 2);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  for (guint i = 1; i < lines->len; i += 2)
    {
      double cut = g_array_index (lines, double, i);
      gboolean clean = TRUE;

      if (cut <= best || cut > limit)
        continue;
      for (guint j = 0; j < lines->len && clean; j += 2)
        clean = !(g_array_index (lines, double, j) < cut - 0.01 &&
                  cut + 0.01 < g_array_index (lines, double, j + 1));
      if (clean)
        best = cut;
    }
  return best;
}

typedef struct
{
  GPtrArray   *pages;
  GArray      *page;
  double       top;
  double       bottom;
  double       y;
  CrDocTable  *header_shown; /* the table whose header is on this page already */
  double       space_after;  /* asked for by the unit placed last */
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (flow->pages, flow->page);
  flow->y = flow->top;
  flow->header_shown = NULL;
}

static gboolean
flow_page_empty (Flow *flow)
{
  return flow->page->len == 0;
}

static void
flow_place (Flow       *flow,
            Unit       *unit,
            CrDocTable *table,
            gboolean    continued,
            double      from,
            double      height)
{
  Placement p = { unit, table, continued, flow->y, from, height };

  g_array_append_val (flow->page, p);
  flow->y += height;
}

static gboolean
flow_only_header (Flow       *flow,
                  const Unit *unit)
{
  Placement *first = &g_array_index (flow->page, Placement, 0);

  return flow->page->len == 1 && first->unit == NULL && is_row (unit) &&
         first->table == unit->block->table;
}

/* A table row needs its table's header above it on every page. */
static double
header_needed (Flow       *flow,
               const Unit *unit)
{
  CrDocTable *table;

  if (!is_row (unit))
    return 0;
  table = unit->block->table;
  if (flow->header_shown == table)
    return 0;
  return table->header_height + (unit->row > 0 ? table->continued_height : 0);
}

static void
flow_header (Flow *flow,
             Unit *unit)
{
  CrDocTable *table = unit->block->table;
  double height = header_needed (flow, unit);

  if (height > 0)
    flow_place (flow, NULL, table, unit->row > 0, 0, height);
  flow->header_shown = table;
}

/* The least of units[i] that must go with the heading above it: a row with its header,
 * the first lines of text, or a subheading with what it keeps with in turn. */
static double
lead_height (GPtrArray *units,
             guint      i)
{
  const Unit *unit = g_ptr_array_index (units, i);
  double head = 0;

  if (is_row (unit) && unit->row == 0)
    head = unit->block->table->header_height;
  if (unit->splittable)
    return unit->space_before + unit_break_before (unit, 0, 30);
  if (unit->keep_with_next && i + 1 < units->len)
    head += lead_height (units, i + 1);
  return unit->space_before + head + unit->height;
}

static void
flow_unit (Flow      *flow,
           GPtrArray *units,
           guint      i)
{
  Unit *unit = g_ptr_array_index (units, i);
  double space = flow_page_empty (flow) ? 0 : MAX (unit->space_before, flow->space_after);
  double need = header_needed (flow, unit);
  double from = 0;

  /* Flowing text, and a row that will not fit on any page, start wherever two lines or
   * so fit; anything else goes whole to the next page. */
  if (unit->splittable || need + unit->height > flow->bottom - flow->top)
    need += unit_break_before (unit, 0, 30);
  else
    need += unit->height;
  if (unit->keep_with_next && i + 1 < units->len)
    need += lead_height (units, i + 1);
  if (!flow_page_empty (flow) && flow->y + space + need > flow->bottom)
    {
      flow_new_page (flow);
      space = 0;
    }
  flow->y += space;
  if (is_row (unit))
    flow_header (flow, unit);

  /* Usually one slice; more only for flowing text, or a row taller than a page. */
  while (from < unit->height)
    {
      double cut = unit_break_before (unit, from, from + flow->bottom - flow->y);

      if (cut <= from)
        {
          /* Nothing fits here. A page holding only this row's header counts as empty. */
          if (!flow_page_empty (flow) && !flow_only_header (flow, unit))
            {
              flow_new_page (flow);
              if (is_row (unit))
                flow_header (flow, unit);
              continue;
            }
          /* A single line taller than the page: cut it at the bottom margin. */
          cut = MIN (unit->height, from + flow->bottom - flow->y);
        }
      flow_place (flow, unit, NULL, FALSE, from, cut - from);
      from = cut;
      if (from < unit->height)
        {
          flow_new_page (flow);
          if (is_row (unit))
            flow_header (flow, unit);
        }
    }
  flow->space_after = unit->space_after;
}

GPtrArray *
cr_doc_flow (GPtrArray *units,
             double     top,
             double     bottom)
{
  Flow flow = { NULL };

  flow.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow.top = top;
  flow.bottom = bottom;
  flow_new_page (&flow);
  for (guint i = 0; i < units->len; i++)
    flow_unit (&flow, units, i);
  return flow.pages;
}
