/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A small page engine for printed documents (call sheet, shot list, release tracker).
 *
 * A document is built from blocks (title, facts, headings, paragraphs, key-value lists,
 * a warning box, tables), then laid out once into pages, then any page is drawn on any
 * cairo context whose unit is the point and whose origin is the paper's top-left corner:
 * a PDF surface here, a GtkPrintOperation's context in the window. Text goes through
 * Pango and fontconfig ("Sans"), so any script renders with the system's fonts.
 *
 * To print from the window with GtkPrintOperation: set_use_full_page (TRUE) and
 * set_unit (GTK_UNIT_POINTS); in ::begin-print, cr_doc_set_page_size () with the page
 * setup's paper size in points, then set_n_pages (cr_doc_paginate ()); in ::draw-page,
 * cr_doc_draw_page () on gtk_print_context_get_cairo_context (). Line breaks do not depend
 * on the device (metrics are unhinted), so print and PDF break lines alike.
 *
 * Every page has a running header (production title and document name) and a footer
 * ("Page N of M"). Tables repeat their header row on each page and break between rows,
 * never inside one. The one exception is a row taller than a whole page: it is cut
 * between two text lines (never through a line), continued at the top of the next page
 * under the repeated header, so nothing is lost or clipped. */

typedef enum
{
  CR_DOC_PAPER_A4,
  CR_DOC_PAPER_LETTER,
} CrDocPaper;

typedef struct
{
  CrDocPaper paper;
  gboolean   hide_phones;    /* call sheet: for sheets handed to everyone */
  gboolean   hide_questions; /* call sheet: leave each interview's questions out */
} CrDocOptions;

typedef enum
{
  CR_DOC_ALIGN_START,
  CR_DOC_ALIGN_CENTER,
  CR_DOC_ALIGN_END,
} CrDocAlign;

typedef enum
{
  CR_DOC_CELL_TEXT,
  CR_DOC_CELL_TICK, /* a box to tick by hand; a non-empty cell text draws it ticked */
} CrDocCellKind;

typedef struct
{
  const char    *title;
  double         width;  /* points; 0 shares what is left equally with other 0 columns */
  CrDocAlign     align;
  CrDocCellKind  kind;
  gboolean       strong; /* bold (the keys of a key-value list, a name column) */
} CrDocColumn;

typedef enum
{
  CR_DOC_TABLE_GRID,  /* header row, rules between rows, light banding */
  CR_DOC_TABLE_PLAIN, /* no header and no rules: key-value lists, numbered lists */
} CrDocTableStyle;

typedef enum
{
  CR_DOC_ROW_NORMAL,
  CR_DOC_ROW_ALERT, /* highlighted: a withdrawal, a missing consent */
  CR_DOC_ROW_TOTAL, /* bold, ruled off: totals at the end of a group */
} CrDocRowStyle;

typedef struct _CrDoc      CrDoc;
typedef struct _CrDocTable CrDocTable;

/* TITLE goes in every page's header, DOC_NAME beside it ("Call sheet · 3 March 2026"). */
CrDoc      *cr_doc_new            (const CrDocOptions *options,
                                   const char         *title,
                                   const char         *doc_name);
void        cr_doc_free           (CrDoc              *doc);

/* Paper size in points, for a print dialog's page setup; A4 or Letter otherwise. */
void        cr_doc_set_page_size  (CrDoc              *doc,
                                   double              width,
                                   double              height);
/* Small print on the left of every footer (e.g. "Contains personal data"). */
void        cr_doc_set_footer_note (CrDoc             *doc,
                                    const char        *note);

/* The big block at the top of the first page: KICKER ("CALL SHEET") over TITLE, with an
 * optional BADGE on the right ("DRAFT" in red when BADGE_ALERT, "FINAL" otherwise). */
void        cr_doc_add_title      (CrDoc              *doc,
                                   const char         *kicker,
                                   const char         *title,
                                   const char         *badge,
                                   gboolean            badge_alert);
/* A row of boxed facts, LABEL over VALUE: "label", "value", …, NULL. */
void        cr_doc_add_facts      (CrDoc              *doc,
                                   const char * const *labels_and_values);
void        cr_doc_add_heading    (CrDoc              *doc,
                                   const char         *text);
void        cr_doc_add_subheading (CrDoc              *doc,
                                   const char         *text);
void        cr_doc_add_paragraph  (CrDoc              *doc,
                                   const char         *text);
/* "key", "value", …, NULL; pairs whose value is "" are left out (a NULL value ends the
 * list, like a NULL key). */
void        cr_doc_add_key_values (CrDoc              *doc,
                                   const char * const *keys_and_values);
/* A boxed warning: TITLE, then one bullet per line. */
void        cr_doc_add_warning    (CrDoc              *doc,
                                   const char         *title,
                                   const char * const *lines);

/* The table belongs to DOC; COLUMNS are copied. CAPTION, if not NULL, is shown above the
 * repeated header row when the table continues on a later page. */
CrDocTable *cr_doc_add_table      (CrDoc              *doc,
                                   CrDocTableStyle     style,
                                   const CrDocColumn  *columns,
                                   guint               n_columns,
                                   const char         *caption);
/* CELLS holds one string per column; NULL is an empty cell. */
void        cr_doc_table_add_row  (CrDocTable         *table,
                                   CrDocRowStyle       style,
                                   const char * const *cells);

/* Lays the document out into pages (again, if blocks were added) and returns how many. */
guint       cr_doc_paginate       (CrDoc              *doc);
void        cr_doc_get_page_size  (CrDoc              *doc,
                                   double             *width,
                                   double             *height);
/* Draws page PAGE (from 0) on CR, in points from the paper's top-left corner. */
void        cr_doc_draw_page      (CrDoc              *doc,
                                   cairo_t            *cr,
                                   guint               page);
/* All pages into a PDF file, written to a temporary name and renamed into place. */
gboolean    cr_doc_write_pdf      (CrDoc              *doc,
                                   const char         *path,
                                   GError            **error);

/* Writes DATA to a temporary file beside PATH and renames it into place; on failure
 * nothing is left behind and the one-line error names PATH. */
gboolean    cr_doc_save_bytes     (const char         *path,
                                   const void         *data,
                                   gsize               len,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrDoc, cr_doc_free)

G_END_DECLS
