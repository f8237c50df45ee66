/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CSV as in RFC 4180, read leniently (UTF-8 with or without a byte-order mark; CRLF, LF or CR
 * line ends) and written strictly (CRLF, quotes only where needed). */

#define CR_CSV_ERROR (cr_csv_error_quark ())

typedef enum
{
  CR_CSV_ERROR_ENCODING,    /* not UTF-8, or a NUL byte */
  CR_CSV_ERROR_QUOTE,       /* an unterminated quote, or a quote inside an unquoted field */
  CR_CSV_ERROR_FIELD_COUNT, /* a row with more fields than the header has columns */
  CR_CSV_ERROR_HEADER,      /* no header row, or two columns with the same name */
} CrCsvError;

/* Spreadsheets want it in front of UTF-8 CSV to read it as UTF-8. */
#define CR_CSV_BOM "\xEF\xBB\xBF"

typedef struct _CrCsvReader CrCsvReader;
typedef struct _CrCsvTable CrCsvTable;

GQuark             cr_csv_error_quark       (void);

CrCsvReader       *cr_csv_reader_new        (const char          *data,
                                             gsize                len,
                                             GError             **error);
void               cr_csv_reader_free       (CrCsvReader         *reader);
gboolean           cr_csv_reader_next       (CrCsvReader         *reader,
                                             GPtrArray          **fields,
                                             guint               *line,
                                             GError             **error);

CrCsvTable        *cr_csv_table_parse       (const char          *data,
                                             gsize                len,
                                             GError             **error);
void               cr_csv_table_free        (CrCsvTable          *table);
guint              cr_csv_table_get_n_columns (CrCsvTable        *table);
const char * const *cr_csv_table_get_header (CrCsvTable          *table);
int                cr_csv_table_find_column (CrCsvTable          *table,
                                             const char          *name);
guint              cr_csv_table_get_n_rows  (CrCsvTable          *table);
const char * const *cr_csv_table_get_row    (CrCsvTable          *table,
                                             guint                row);
guint              cr_csv_table_get_line    (CrCsvTable          *table,
                                             guint                row);
const char        *cr_csv_table_lookup      (CrCsvTable          *table,
                                             guint                row,
                                             const char          *name);

void               cr_csv_append_row        (GString             *out,
                                             const char * const  *fields,
                                             guint                n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCsvReader, cr_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCsvTable, cr_csv_table_free)

G_END_DECLS
