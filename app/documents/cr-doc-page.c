/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include "cr-doc-page-private.h"

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_clear_layout (CrDocTable *table)
{
  if (table->header != NULL)
    for (guint i = 0; i < table->n_columns; i++)
      g_clear_object (&table->header[i]);
  g_clear_pointer (&table->header, g_free);
  g_clear_pointer (&table->x, g_free);
  g_clear_pointer (&table->width, g_free);
  g_clear_object (&table->continued);
}

static void
table_free (CrDocTable *table)
{
  table_clear_layout (table);
  g_strfreev (table->titles);
  g_free (table->columns);
  g_free (table->caption);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_strfreev (block->texts);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  for (guint i = 0; i < unit->n_layouts; i++)
    g_clear_object (&unit->layouts[i]);
  g_free (unit->layouts);
  g_free (unit->layout_x);
  g_free (unit->layout_y);
  g_free (unit->extra_widths);
  g_free (unit);
}

static void
doc_clear_layout (CrDoc *doc)
{
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  g_clear_pointer (&doc->units, g_ptr_array_unref);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      if (block->table != NULL)
        table_clear_layout (block->table);
    }
  g_clear_object (&doc->context);
  doc->dirty = TRUE;
}

CrDoc *
cr_doc_new (const CrDocOptions *options,
            const char         *title,
            const char         *doc_name)
{
  CrDoc *doc = g_new0 (CrDoc, 1);

  if (options != NULL)
    doc->options = *options;
  doc->title = g_strdup (title ? title : "");
  doc->doc_name = g_strdup (doc_name ? doc_name : "");
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->dirty = TRUE;
  if (doc->options.paper == CR_DOC_PAPER_LETTER)
    cr_doc_set_page_size (doc, LETTER_WIDTH, LETTER_HEIGHT);
  else
    cr_doc_set_page_size (doc, A4_WIDTH, A4_HEIGHT);
  return doc;
}

void
cr_doc_free (CrDoc *doc)
{
  if (doc == NULL)
    return;
  doc_clear_layout (doc);
  g_ptr_array_unref (doc->blocks);
  g_free (doc->title);
  g_free (doc->doc_name);
  g_free (doc->footer_note);
  g_free (doc);
}

void
cr_doc_set_page_size (CrDoc  *doc,
                      double  width,
                      double  height)
{
  /* Below this the margins leave no room for a table. */
  doc->page_width = MAX (width, 4 * MARGIN_X + 4 * MIN_FLEX_WIDTH);
  doc->page_height = MAX (height, MARGIN_TOP + HEADER_SPACE + FOOTER_SPACE + MARGIN_BOTTOM + 100);
  doc->dirty = TRUE;
}

void
cr_doc_set_footer_note (CrDoc      *doc,
                        const char *note)
{
  g_free (doc->footer_note);
  doc->footer_note = g_strdup (note);
}

static Block *
add_block (CrDoc     *doc,
           BlockKind  kind,
           char     **texts)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->texts = texts;
  g_ptr_array_add (doc->blocks, block);
  doc->dirty = TRUE;
  return block;
}

/* N strings; NULL ones become empty, so that the vector keeps its length. */
static char **
strv_of (guint n,
         ...)
{
  char **result = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      const char *s = va_arg (args, const char *);

      result[i] = g_strdup (s ? s : "");
    }
  va_end (args);
  return result;
}

void
cr_doc_add_title (CrDoc      *doc,
                  const char *kicker,
                  const char *title,
                  const char *badge,
                  gboolean    badge_alert)
{
  Block *block = add_block (doc, BLOCK_TITLE, strv_of (3, kicker, title, badge));

  block->alert = badge_alert;
}

void
cr_doc_add_facts (CrDoc              *doc,
                  const char * const *labels_and_values)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n = 0;

  for (; labels_and_values[n] != NULL && labels_and_values[n + 1] != NULL; n += 2)
    {
      g_autofree char *label = g_utf8_strup (labels_and_values[n], -1);

      g_strv_builder_add (builder, label);
      g_strv_builder_add (builder, *labels_and_values[n + 1] ? labels_and_values[n + 1] : "—");
    }
  if (n > 0)
    add_block (doc, BLOCK_FACTS, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

void
cr_doc_add_heading (CrDoc      *doc,
                    const char *text)
{
  add_block (doc, BLOCK_HEADING, strv_of (1, text));
}

void
cr_doc_add_subheading (CrDoc      *doc,
                       const char *text)
{
  add_block (doc, BLOCK_SUBHEADING, strv_of (1, text));
}

void
cr_doc_add_paragraph (CrDoc      *doc,
                      const char *text)
{
  if (text != NULL && *text != '\0')
    add_block (doc, BLOCK_PARAGRAPH, strv_of (1, text));
}

void
cr_doc_add_key_values (CrDoc              *doc,
                       const char * const *keys_and_values)
{
  const CrDocColumn columns[] = {
    { NULL, 112, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, TRUE },
    { NULL, 0, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, FALSE },
  };
  CrDocTable *table = NULL;

  for (guint i = 0; keys_and_values[i] != NULL; i += 2)
    {
      const char *value = keys_and_values[i + 1];

      if (value == NULL)
        break;
      if (*value == '\0')
        continue;
      if (table == NULL)
        table = cr_doc_add_table (doc, CR_DOC_TABLE_PLAIN, columns, G_N_ELEMENTS (columns), NULL);
      cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) { keys_and_values[i], value });
    }
}

void
cr_doc_add_warning (CrDoc              *doc,
                    const char         *title,
                    const char * const *lines)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    g_string_append_printf (body, "%s•  %s", i ? "\n" : "", lines[i]);
  add_block (doc, BLOCK_WARNING, strv_of (2, title, body->str));
  g_string_free (body, TRUE);
}

CrDocTable *
cr_doc_add_table (CrDoc             *doc,
                  CrDocTableStyle    style,
                  const CrDocColumn *columns,
                  guint              n_columns,
                  const char        *caption)
{
  CrDocTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (CrDocTable, 1);
  table->style = style;
  table->n_columns = n_columns;
  table->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  table->titles = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      table->titles[i] = g_strdup (columns[i].title ? columns[i].title : "");
      table->columns[i].title = table->titles[i];
    }
  table->caption = g_strdup (caption);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  add_block (doc, BLOCK_TABLE, NULL)->table = table;
  return table;
}

void
cr_doc_table_add_row (CrDocTable         *table,
                      CrDocRowStyle       style,
                      const char * const *cells)
{
  Row *row = g_new0 (Row, 1);

  row->style = style;
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

/* Layout */

PangoLayout *
cr_doc_make_layout (CrDoc      *doc,
                    const char *text,
                    const char *font,
                    double      width,
                    CrDocAlign  align)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  static const PangoAlignment alignments[] = {
    [CR_DOC_ALIGN_START] = PANGO_ALIGN_LEFT,
    [CR_DOC_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [CR_DOC_ALIGN_END] = PANGO_ALIGN_RIGHT,
  };

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
      /* Words first; a word wider than the column (a URL, a long name) breaks anywhere. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignments[align]);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

double
cr_doc_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

double
cr_doc_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

static Unit *
unit_new (Block *block,
          guint  n_layouts)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->block = block;
  unit->n_layouts = n_layouts;
  unit->layouts = g_new0 (PangoLayout *, n_layouts);
  unit->layout_x = g_new0 (double, n_layouts);
  unit->layout_y = g_new0 (double, n_layouts);
  return unit;
}

double
cr_doc_content_width (CrDoc *doc)
{
  return doc->page_width - 2 * MARGIN_X;
}

static void
measure_title (CrDoc *doc,
               Block *block,
               Unit  *unit)
{
  double width = cr_doc_content_width (doc);
  double badge_width = 0;
  g_autofree char *kicker = g_utf8_strup (block->texts[0], -1);
  double y;

  if (*block->texts[2] != '\0')
    {
      unit->layouts[2] = cr_doc_make_layout (doc, block->texts[2], "Sans Bold 11", -1, CR_DOC_ALIGN_START);
      badge_width = cr_doc_layout_width (unit->layouts[2]) + 2 * 9;
    }
  unit->extra = badge_width;
  unit->layouts[0] = cr_doc_make_layout (doc, kicker, "Sans Bold 8", width - badge_width - 12,
                                         CR_DOC_ALIGN_START);
  unit->layouts[1] = cr_doc_make_layout (doc, block->texts[1], "Sans Bold 20", width - badge_width - 12,
                                         CR_DOC_ALIGN_START);
  y = cr_doc_layout_height (unit->layouts[0]) + 2;
  unit->layout_y[1] = y;
  unit->height = y + cr_doc_layout_height (unit->layouts[1]) + 8 + 1.5;
}

static void
measure_facts (CrDoc *doc,
               Block *block,
               Unit  *unit)
{
  guint n = unit->n_layouts / 2;
  double width = cr_doc_content_width (doc) - FACT_GAP * (n - 1);
  g_autofree double *box = g_new0 (double, n);
  double natural = 0, label_height = 0, value_height = 0, x = 0;

  for (guint i = 0; i < 2 * n; i++)
    unit->layouts[i] = cr_doc_make_layout (doc, block->texts[i], i % 2 ? "Sans Bold 12" : "Sans Bold 6.5",
                                           -1, CR_DOC_ALIGN_START);
  /* Each box as wide as its text, the rest shared out; equal boxes if that will not fit. */
  for (guint i = 0; i < n; i++)
    {
      box[i] = MAX (cr_doc_layout_width (unit->layouts[2 * i]),
                    cr_doc_layout_width (unit->layouts[2 * i + 1])) + 2 * FACT_PAD;
      natural += box[i];
    }
  for (guint i = 0; i < n; i++)
    {
      box[i] = natural <= width ? box[i] + (width - natural) / n : width / n;
      for (guint j = 2 * i; j <= 2 * i + 1; j++)
        {
          pango_layout_set_width (unit->layouts[j], pango_units_from_double (box[i] - 2 * FACT_PAD));
          pango_layout_set_wrap (unit->layouts[j], PANGO_WRAP_WORD_CHAR);
        }
      label_height = MAX (label_height, cr_doc_layout_height (unit->layouts[2 * i]));
      value_height = MAX (value_height, cr_doc_layout_height (unit->layouts[2 * i + 1]));
    }
  unit->extra_widths = g_steal_pointer (&box);
  for (guint i = 0; i < n; i++)
    {
      unit->layout_x[2 * i] = unit->layout_x[2 * i + 1] = x + FACT_PAD;
      unit->layout_y[2 * i] = FACT_PAD - 1;
      unit->layout_y[2 * i + 1] = FACT_PAD - 1 + label_height + 2;
      x += unit->extra_widths[i] + FACT_GAP;
    }
  unit->height = 2 * FACT_PAD + label_height + 1 + value_height;
  unit->space_before = 10;
  unit->space_after = 10;
}

static void
measure_text (CrDoc      *doc,
              Block      *block,
              Unit       *unit,
              const char *font)
{
  unit->layouts[0] = cr_doc_make_layout (doc, block->texts[0], font, cr_doc_content_width (doc),
                                         CR_DOC_ALIGN_START);
  unit->height = cr_doc_layout_height (unit->layouts[0]);
}

static void
measure_warning (CrDoc *doc,
                 Block *block,
                 Unit  *unit)
{
  double inner = cr_doc_content_width (doc) - WARNING_BAR - 2 * WARNING_PAD;
  g_autoptr(PangoLayout) probe = NULL;
  PangoLayout *body;
  double bullet;

  unit->layouts[0] = cr_doc_make_layout (doc, block->texts[0], "Sans Bold 9.5", inner,
                                         CR_DOC_ALIGN_START);
  body = unit->layouts[1] = cr_doc_make_layout (doc, block->texts[1], "Sans 9", inner,
                                                CR_DOC_ALIGN_START);
  /* Wrapped lines hang under the text, not under the bullet. */
  probe = cr_doc_make_layout (doc, "•  ", "Sans 9", -1, CR_DOC_ALIGN_START);
  bullet = cr_doc_layout_width (probe);
  pango_layout_set_indent (body, -pango_units_from_double (bullet));
  unit->layout_x[0] = unit->layout_x[1] = WARNING_BAR + WARNING_PAD;
  unit->layout_y[0] = WARNING_PAD;
  unit->layout_y[1] = WARNING_PAD + cr_doc_layout_height (unit->layouts[0]) + 3;
  unit->height = unit->layout_y[1] + cr_doc_layout_height (body) + WARNING_PAD;
  unit->space_before = 10;
}

static void
table_measure_columns (CrDoc      *doc,
                       CrDocTable *table)
{
  double width = cr_doc_content_width (doc);
  double fixed = 0;
  guint n_flex = 0;
  double flex, scale = 1, x = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].width > 0)
        fixed += table->columns[i].width;
      else
        n_flex++;
    }
  /* Narrow paper: fixed columns give way so that flexible ones keep a readable width. */
  if (fixed > 0 && fixed + n_flex * MIN_FLEX_WIDTH > width)
    scale = (width - n_flex * MIN_FLEX_WIDTH) / fixed;
  flex = n_flex ? (width - fixed * scale) / n_flex : 0;
  table->x = g_new0 (double, table->n_columns);
  table->width = g_new0 (double, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      table->x[i] = x;
      table->width[i] = table->columns[i].width > 0 ? table->columns[i].width * scale : flex;
      x += table->width[i];
    }
}

double
cr_doc_table_pad_x (CrDocTable *table,
                    guint       column,
                    double     *right)
{
  if (table->style == CR_DOC_TABLE_PLAIN)
    {
      *right = column + 1 < table->n_columns ? PLAIN_GAP : 0;
      return 0;
    }
  *right = GRID_PAD_X;
  return GRID_PAD_X;
}

static void
measure_table_header (CrDoc      *doc,
                      CrDocTable *table)
{
  double height = 0;

  table->header = g_new0 (PangoLayout *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      double right, left = cr_doc_table_pad_x (table, i, &right);

      table->header[i] = cr_doc_make_layout (doc, table->columns[i].title, "Sans Bold 7.5",
                                             table->width[i] - left - right, table->columns[i].align);
      height = MAX (height, cr_doc_layout_height (table->header[i]));
    }
  table->header_height = table->style == CR_DOC_TABLE_GRID ? height + 2 * GRID_PAD_Y + 1 : 0;
  if (table->caption != NULL && table->style == CR_DOC_TABLE_GRID)
    {
      g_autofree char *text = g_strdup_printf ("%s (continued)", table->caption);

      table->continued = cr_doc_make_layout (doc, text, "Sans Bold 9", cr_doc_content_width (doc),
                                             CR_DOC_ALIGN_START);
      table->continued_height = cr_doc_layout_height (table->continued) + 4;
    }
}

static void
measure_row (CrDoc      *doc,
             CrDocTable *table,
             guint       index,
             Unit       *unit)
{
  Row *row = g_ptr_array_index (table->rows, index);
  gboolean plain = table->style == CR_DOC_TABLE_PLAIN;
  double pad_y = plain ? PLAIN_PAD_Y : GRID_PAD_Y;
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const CrDocColumn *column = &table->columns[i];
      double right, left = cr_doc_table_pad_x (table, i, &right);
      gboolean bold = column->strong || row->style == CR_DOC_ROW_TOTAL;
      const char *font = plain ? (bold ? "Sans Bold 9" : "Sans 9") : (bold ? "Sans Bold 8" : "Sans 8");

      unit->layout_x[i] = table->x[i] + left;
      unit->layout_y[i] = pad_y;
      if (column->kind == CR_DOC_CELL_TICK)
        {
          height = MAX (height, TICK_SIZE + 1);
          continue;
        }
      unit->layouts[i] = cr_doc_make_layout (doc, row->cells[i], font, table->width[i] - left - right,
                                             column->align);
      height = MAX (height, cr_doc_layout_height (unit->layouts[i]));
    }
  unit->height = height + 2 * pad_y;
  if (index == 0)
    unit->space_before = plain ? 4 : 6;
}

static GPtrArray *
measure_units (CrDoc *doc)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (unit_free);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      Unit *unit;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          unit = unit_new (block, 3);
          measure_title (doc, block, unit);
          break;
        case BLOCK_FACTS:
          unit = unit_new (block, g_strv_length (block->texts));
          measure_facts (doc, block, unit);
          break;
        case BLOCK_HEADING:
          unit = unit_new (block, 1);
          measure_text (doc, block, unit, "Sans Bold 11.5");
          unit->height += 5; /* the rule under it */
          unit->space_before = 18;
          unit->keep_with_next = TRUE;
          break;
        case BLOCK_SUBHEADING:
          unit = unit_new (block, 1);
          measure_text (doc, block, unit, "Sans Bold 9.5");
          unit->space_before = 11;
          unit->keep_with_next = TRUE;
          break;
        case BLOCK_PARAGRAPH:
          unit = unit_new (block, 1);
          measure_text (doc, block, unit, "Sans 9");
          unit->space_before = 5;
          unit->splittable = TRUE;
          break;
        case BLOCK_WARNING:
          unit = unit_new (block, 2);
          measure_warning (doc, block, unit);
          break;
        case BLOCK_TABLE:
          table_measure_columns (doc, block->table);
          measure_table_header (doc, block->table);
          for (guint r = 0; r < block->table->rows->len; r++)
            {
              unit = unit_new (block, block->table->n_columns);
              unit->row = r;
              measure_row (doc, block->table, r, unit);
              g_ptr_array_add (units, unit);
            }
          continue;
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (units, unit);
    }
  return units;
}

static void
context_init (CrDoc *doc)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The same metrics whatever the device, so that print and PDF break lines alike. */
  doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (doc->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
}

guint
cr_doc_paginate (CrDoc *doc)
{
  if (!doc->dirty)
    return doc->pages->len;
  doc_clear_layout (doc);
  context_init (doc);
  doc->units = measure_units (doc);
  doc->pages = cr_doc_flow (doc->units, MARGIN_TOP + HEADER_SPACE,
                            doc->page_height - MARGIN_BOTTOM - FOOTER_SPACE);
  doc->dirty = FALSE;
  return doc->pages->len;
}

void
cr_doc_get_page_size (CrDoc  *doc,
                      double *width,
                      double *height)
{
  if (width != NULL)
    *width = doc->page_width;
  if (height != NULL)
    *height = doc->page_height;
}

