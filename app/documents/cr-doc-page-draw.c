/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cr-doc-page-private.h"
#include "cr-output.h"

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_title (CrDoc   *doc,
            Unit    *unit,
            cairo_t *cr)
{
  double width = cr_doc_content_width (doc);

  show_layout (cr, unit->layouts[0], 0, 0, INK_SOFT);
  show_layout (cr, unit->layouts[1], 0, unit->layout_y[1], INK);
  if (unit->layouts[2] != NULL)
    {
      double h = cr_doc_layout_height (unit->layouts[2]) + 8;
      double x = width - unit->extra;
      PangoLayoutIter *iter = pango_layout_get_iter (unit->layouts[1]);
      int y0, y1;
      double y;

      /* Level with the title's first line, however many lines it wraps to. */
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      y = unit->layout_y[1] + (pango_units_to_double (y1 - y0) - h) / 2;

      /* DRAFT: red outline, so a draft is never mistaken for the real thing; FINAL: solid. */
      rounded_rect (cr, x, MAX (y, 0), unit->extra, h, 3);
      if (unit->block->alert)
        {
          set_color (cr, ALERT_INK);
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
          show_layout (cr, unit->layouts[2], x + 9, MAX (y, 0) + 4, ALERT_INK);
        }
      else
        {
          set_color (cr, RULE_DARK);
          cairo_fill (cr);
          show_layout (cr, unit->layouts[2], x + 9, MAX (y, 0) + 4, 0xffffff);
        }
    }
  hline (cr, 0, width, unit->height - 0.75, 1.5, RULE_DARK);
}

static void
draw_facts (Unit    *unit,
            cairo_t *cr)
{
  guint n = unit->n_layouts / 2;

  for (guint i = 0; i < n; i++)
    {
      double x = unit->layout_x[2 * i] - FACT_PAD;

      rounded_rect (cr, x, 0, unit->extra_widths[i], unit->height, 3);
      set_color (cr, FACT_FILL);
      cairo_fill (cr);
      show_layout (cr, unit->layouts[2 * i], unit->layout_x[2 * i], unit->layout_y[2 * i], INK_SOFT);
      show_layout (cr, unit->layouts[2 * i + 1], unit->layout_x[2 * i + 1], unit->layout_y[2 * i + 1], INK);
    }
}

static void
draw_warning (CrDoc   *doc,
              Unit    *unit,
              cairo_t *cr)
{
  double width = cr_doc_content_width (doc);

  cairo_rectangle (cr, 0, 0, width, unit->height);
  set_color (cr, ALERT_FILL);
  cairo_fill_preserve (cr);
  set_color (cr, ALERT_INK);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_rectangle (cr, 0, 0, WARNING_BAR, unit->height);
  cairo_fill (cr);
  show_layout (cr, unit->layouts[0], unit->layout_x[0], unit->layout_y[0], ALERT_INK);
  show_layout (cr, unit->layouts[1], unit->layout_x[1], unit->layout_y[1], INK);
}

static void
draw_tick (cairo_t *cr,
           double   x,
           double   y,
           gboolean ticked)
{
  cairo_rectangle (cr, x, y, TICK_SIZE, TICK_SIZE);
  set_color (cr, INK_SOFT);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
  if (ticked)
    {
      cairo_move_to (cr, x + 1.8, y + TICK_SIZE * 0.55);
      cairo_line_to (cr, x + TICK_SIZE * 0.42, y + TICK_SIZE - 1.8);
      cairo_line_to (cr, x + TICK_SIZE - 1.4, y + 1.6);
      set_color (cr, INK);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
}

static void
draw_row (CrDoc   *doc,
          Unit    *unit,
          cairo_t *cr)
{
  CrDocTable *table = unit->block->table;
  Row *row = g_ptr_array_index (table->rows, unit->row);
  double width = cr_doc_content_width (doc);
  gboolean grid = table->style == CR_DOC_TABLE_GRID;
  guint32 ink = row->style == CR_DOC_ROW_ALERT ? ALERT_INK : INK;

  if (grid)
    {
      if (row->style == CR_DOC_ROW_ALERT)
        {
          cairo_rectangle (cr, 0, 0, width, unit->height);
          set_color (cr, ALERT_FILL);
          cairo_fill (cr);
          cairo_rectangle (cr, 0, 0, 2.5, unit->height);
          set_color (cr, ALERT_INK);
          cairo_fill (cr);
        }
      else if (row->style == CR_DOC_ROW_NORMAL && unit->row % 2 == 1)
        {
          cairo_rectangle (cr, 0, 0, width, unit->height);
          set_color (cr, BAND);
          cairo_fill (cr);
        }
      if (row->style == CR_DOC_ROW_TOTAL)
        hline (cr, 0, width, 0.45, 0.9, RULE_DARK);
      else
        hline (cr, 0, width, unit->height - 0.25, 0.5, RULE_LIGHT);
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].kind == CR_DOC_CELL_TICK)
        {
          if (row->style != CR_DOC_ROW_TOTAL)
            draw_tick (cr, table->x[i] + (table->width[i] - TICK_SIZE) / 2, unit->layout_y[i] + 0.5,
                       *row->cells[i] != '\0');
          continue;
        }
      show_layout (cr, unit->layouts[i], unit->layout_x[i], unit->layout_y[i],
                   table->columns[i].strong && !grid ? INK_SOFT : ink);
    }
}

static void
draw_header_row (CrDoc      *doc,
                 CrDocTable *table,
                 gboolean    continued,
                 cairo_t    *cr)
{
  double width = cr_doc_content_width (doc);
  double y = 0;

  if (continued && table->continued != NULL)
    {
      show_layout (cr, table->continued, 0, 0, INK_SOFT);
      y = table->continued_height;
    }
  cairo_rectangle (cr, 0, y, width, table->header_height);
  set_color (cr, HEADER_FILL);
  cairo_fill (cr);
  hline (cr, 0, width, y + table->header_height - 0.5, 1.0, RULE_DARK);
  for (guint i = 0; i < table->n_columns; i++)
    {
      double right, left = cr_doc_table_pad_x (table, i, &right);

      show_layout (cr, table->header[i], table->x[i] + left, y + GRID_PAD_Y, INK);
    }
}

static void
draw_unit (CrDoc   *doc,
           Unit    *unit,
           cairo_t *cr)
{
  switch (unit->block->kind)
    {
    case BLOCK_TITLE:
      draw_title (doc, unit, cr);
      break;
    case BLOCK_FACTS:
      draw_facts (unit, cr);
      break;
    case BLOCK_HEADING:
      show_layout (cr, unit->layouts[0], 0, 0, INK);
      hline (cr, 0, cr_doc_content_width (doc), unit->height - 0.4, 0.8, RULE_DARK);
      break;
    case BLOCK_SUBHEADING:
    case BLOCK_PARAGRAPH:
      show_layout (cr, unit->layouts[0], 0, 0, INK);
      break;
    case BLOCK_WARNING:
      draw_warning (doc, unit, cr);
      break;
    case BLOCK_TABLE:
      draw_row (doc, unit, cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_running_header (CrDoc   *doc,
                     cairo_t *cr,
                     guint    page)
{
  double width = cr_doc_content_width (doc);
  g_autofree char *page_text = g_strdup_printf ("Page %u of %u", page + 1, doc->pages->len);
  g_autoptr(PangoLayout) name = cr_doc_make_layout (doc, doc->doc_name, "Sans 7.5", width / 2 - 6,
                                                    CR_DOC_ALIGN_END);
  g_autoptr(PangoLayout) title = cr_doc_make_layout (doc, doc->title, "Sans Bold 7.5", width / 2 - 6,
                                                     CR_DOC_ALIGN_START);
  g_autoptr(PangoLayout) number = cr_doc_make_layout (doc, page_text, "Sans 7.5", width / 3, CR_DOC_ALIGN_END);
  double footer_y = doc->page_height - MARGIN_BOTTOM - 10;

  /* One line each: a long title is cut with an ellipsis rather than pushing into the body. */
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  show_layout (cr, title, MARGIN_X, MARGIN_TOP, INK);
  show_layout (cr, name, MARGIN_X + width / 2 + 6, MARGIN_TOP, INK_SOFT);
  hline (cr, MARGIN_X, MARGIN_X + width, MARGIN_TOP + 13, 0.5, RULE_LIGHT);

  hline (cr, MARGIN_X, MARGIN_X + width, footer_y - 5, 0.5, RULE_LIGHT);
  if (doc->footer_note != NULL)
    {
      g_autoptr(PangoLayout) note = cr_doc_make_layout (doc, doc->footer_note, "Sans 7", width * 2 / 3 - 6,
                                                        CR_DOC_ALIGN_START);

      pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_END);
      show_layout (cr, note, MARGIN_X, footer_y, INK_SOFT);
    }
  show_layout (cr, number, MARGIN_X + width * 2 / 3, footer_y, INK);
}

void
cr_doc_draw_page (CrDoc   *doc,
                  cairo_t *cr,
                  guint    page)
{
  GArray *placements;

  cr_doc_paginate (doc);
  g_return_if_fail (page < doc->pages->len);
  placements = g_ptr_array_index (doc->pages, page);

  cairo_save (cr);
  draw_running_header (doc, cr, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);
      gboolean slice = p->unit != NULL && (p->from > 0 || p->height < p->unit->height);

      cairo_save (cr);
      if (slice)
        {
          /* A part of a unit: show only its lines between from and from + height. */
          cairo_rectangle (cr, 0, p->y, doc->page_width, p->height);
          cairo_clip (cr);
        }
      cairo_translate (cr, MARGIN_X, p->y - p->from);
      if (p->unit == NULL)
        draw_header_row (doc, p->table, p->continued, cr);
      else
        draw_unit (doc, p->unit, cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* Files */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
cr_doc_write_pdf (CrDoc       *doc,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = cr_doc_paginate (doc);
  g_autofree char *subject = g_strdup_printf ("%s — %s", doc->doc_name, doc->title);

  /* The PDF is made in memory, so a failure never leaves half a file on disk. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, doc->page_width, doc->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Casereel " PACKAGE_VERSION);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (surface);

      cr_doc_draw_page (doc, cr, i);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot make “%s”: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return cr_doc_save_bytes (path, bytes->data, bytes->len, error);
}

gboolean
cr_doc_save_bytes (const char  *path,
                   const void  *data,
                   gsize        len,
                   GError     **error)
{
  return cr_output_write_file (path, data, len, 0666, error);
}
