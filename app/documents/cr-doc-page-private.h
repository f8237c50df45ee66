/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Inside the page engine, shared by its three parts: building and measuring
 * (cr-doc-page.c), pagination (cr-doc-page-flow.c), drawing and files (cr-doc-page-draw.c).
 * Nothing outside cr-doc-page*.c includes this. */

#include <pango/pangocairo.h>

#include "cr-doc-page.h"

G_BEGIN_DECLS

/* Measures in points (1/72 inch). */
#define A4_WIDTH       595.276
#define A4_HEIGHT      841.890
#define LETTER_WIDTH   612.0
#define LETTER_HEIGHT  792.0
#define MARGIN_X        42.0
#define MARGIN_TOP      32.0
#define MARGIN_BOTTOM   30.0
#define HEADER_SPACE    30.0 /* running header, its rule and the gap below it */
#define FOOTER_SPACE    26.0
#define GRID_PAD_X       4.0
#define GRID_PAD_Y       3.5
#define PLAIN_PAD_Y      1.8
#define PLAIN_GAP       10.0 /* between the columns of a plain table */
#define TICK_SIZE        8.5
#define FACT_GAP         6.0
#define FACT_PAD         7.0
#define WARNING_PAD      8.0
#define WARNING_BAR      3.5
#define MIN_FLEX_WIDTH  40.0

/* One palette: dark slate text and rules, a red that survives black-and-white copying. */
#define INK            0x1b1f24
#define INK_SOFT       0x56606b
#define RULE_DARK      0x3b4652
#define RULE_LIGHT     0xcfd5db
#define BAND           0xf4f6f8
#define HEADER_FILL    0xe4e9ee
#define FACT_FILL      0xeef1f4
#define ALERT_INK      0xa11b1b
#define ALERT_FILL     0xfbe9e9

typedef enum
{
  BLOCK_TITLE,
  BLOCK_FACTS,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_WARNING,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  CrDocRowStyle  style;
  char         **cells;
} Row;

struct _CrDocTable
{
  CrDocTableStyle   style;
  CrDocColumn      *columns; /* titles point into titles[] */
  char            **titles;
  guint             n_columns;
  char             *caption;
  GPtrArray        *rows; /* Row */

  /* Laid out by cr_doc_paginate () */
  double           *x;
  double           *width;
  PangoLayout     **header;
  double            header_height;
  PangoLayout      *continued;
  double            continued_height;
};

typedef struct
{
  BlockKind    kind;
  char       **texts;
  gboolean     alert;
  CrDocTable  *table;
} Block;

/* What the paginator moves around: a block, or one row of a table. */
typedef struct
{
  Block         *block;
  guint          row;          /* for BLOCK_TABLE */
  double         space_before; /* dropped at the top of a page */
  double         space_after;  /* the larger of this and the next one's space_before */
  double         height;
  gboolean       keep_with_next;
  gboolean       splittable;   /* flowing text may continue on the next page */
  PangoLayout  **layouts;
  double        *layout_x;
  double        *layout_y;
  guint          n_layouts;
  double         extra;        /* a title's badge width */
  double        *extra_widths; /* the widths of facts' boxes */
} Unit;

typedef struct
{
  Unit        *unit;  /* NULL: a table's header row */
  CrDocTable  *table;
  gboolean     continued;
  double       y;
  double       from;  /* where in the unit this slice starts */
  double       height;
} Placement;

struct _CrDoc
{
  CrDocOptions   options;
  char          *title;
  char          *doc_name;
  char          *footer_note;
  double         page_width;
  double         page_height;
  GPtrArray     *blocks; /* Block */

  /* Laid out by cr_doc_paginate () */
  PangoContext  *context;
  GPtrArray     *units;  /* Unit */
  GPtrArray     *pages;  /* GArray of Placement */
  gboolean       dirty;
};

PangoLayout *cr_doc_make_layout    (CrDoc       *doc,
                                   const char  *text,
                                   const char  *font,
                                   double       width,
                                   CrDocAlign   align);
double       cr_doc_layout_height  (PangoLayout *layout);
double       cr_doc_layout_width   (PangoLayout *layout);
double       cr_doc_content_width  (CrDoc       *doc);
/* The padding left of a table cell's text; *RIGHT gets the padding right of it. */
double       cr_doc_table_pad_x    (CrDocTable  *table,
                                    guint        column,
                                    double      *right);
/* Lays UNITS out between TOP and BOTTOM (points from the paper's top) of each page;
 * returns the pages, each a GArray of Placement. */
GPtrArray   *cr_doc_flow           (GPtrArray   *units,
                                    double       top,
                                    double       bottom);

G_END_DECLS
