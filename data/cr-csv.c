/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-csv"

#include "config.h"

#include <string.h>

#include "cr-csv.h"

/* Rows with more fields than the header are all named in one error, up to this many lines. */
#define MAX_LINES_NAMED 10

struct _CrCsvReader
{
  char  *data;       /* owned copy, byte-order mark removed, known to be UTF-8 */
  gsize  len;
  gsize  pos;
  guint  line;       /* physical line of pos, from 1 */
  gsize  line_start; /* offset of that line's first byte */
};

struct _CrCsvTable
{
  guint       n_columns;
  GStrv       header;  /* names as written, trimmed */
  GHashTable *columns; /* case-folded name -> index + 1 */
  GPtrArray  *rows;    /* GStrv, n_columns each */
  GArray     *lines;   /* guint, where each row starts */
};

G_DEFINE_QUARK (cr-csv-error-quark, cr_csv_error)

/* Bytes in the line end at @p: CRLF, LF or a lone CR; 0 if none. */
static gsize
line_end_length (const char *p,
                 const char *end)
{
  if (p < end && *p == '\n')
    return 1;
  if (p < end && *p == '\r')
    return p + 1 < end && p[1] == '\n' ? 2 : 1;
  return 0;
}

static void
skip_line_end (CrCsvReader *reader,
               gsize        n)
{
  reader->pos += n;
  reader->line++;
  reader->line_start = reader->pos;
}

/* The column (in characters, from 1) of @offset, which is on the reader's current line. */
static guint
column_of (CrCsvReader *reader,
           gsize        offset)
{
  return g_utf8_strlen (reader->data + reader->line_start, offset - reader->line_start) + 1;
}

static gboolean
check_utf8 (const char  *data,
            gsize        len,
            GError     **error)
{
  const char *bad = NULL;
  const char *end = data + len;
  const char *line_start = data;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &bad))
    return TRUE;
  for (const char *p = data; p < bad;)
    {
      gsize n = line_end_length (p, end);

      if (n == 0)
        {
          p++;
          continue;
        }
      p += n;
      line++;
      line_start = p;
    }
  g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_ENCODING, "line %u, column %ld: %s", line,
               g_utf8_strlen (line_start, bad - line_start) + 1,
               *bad == '\0' ? "a NUL byte" : "not valid UTF-8 (save the file as UTF-8)");
  return FALSE;
}

/**
 * cr_csv_reader_new:
 * @data: the file's bytes; copied
 *
 * Returns: (transfer full): a reader, or %NULL with @error set when @data is not UTF-8
 */
CrCsvReader *
cr_csv_reader_new (const char  *data,
                   gsize        len,
                   GError     **error)
{
  CrCsvReader *reader;

  if (len >= 3 && memcmp (data, CR_CSV_BOM, 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!check_utf8 (data, len, error))
    return NULL;

  reader = g_new0 (CrCsvReader, 1);
  /* Never NULL, even for an empty file (g_memdup2 gives NULL for 0 bytes): the reader does
   * pointer arithmetic on it. */
  reader->data = g_malloc (len + 1);
  if (len > 0)
    memcpy (reader->data, data, len);
  reader->data[len] = '\0';
  reader->len = len;
  reader->line = 1;
  return reader;
}

void
cr_csv_reader_free (CrCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->data);
  g_free (reader);
}

static gboolean
read_quoted (CrCsvReader  *reader,
             GString      *value,
             guint         field,
             GError      **error)
{
  const char *end = reader->data + reader->len;
  guint open_line = reader->line;
  guint open_column = column_of (reader, reader->pos);

  reader->pos++;
  for (;;)
    {
      const char *p = reader->data + reader->pos;
      gsize n;

      if (p == end)
        {
          g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_QUOTE,
                       "line %u, column %u: the quote that opens field %u is never closed",
                       open_line, open_column, field);
          return FALSE;
        }
      if (*p == '"' && p + 1 < end && p[1] == '"')
        {
          g_string_append_c (value, '"');
          reader->pos += 2;
        }
      else if (*p == '"')
        {
          reader->pos++;
          break;
        }
      else if ((n = line_end_length (p, end)) > 0)
        {
          /* Kept as written: the data stays exact. */
          g_string_append_len (value, p, n);
          skip_line_end (reader, n);
        }
      else
        {
          g_string_append_c (value, *p);
          reader->pos++;
        }
    }

  if (reader->pos < reader->len && reader->data[reader->pos] != ','
      && line_end_length (reader->data + reader->pos, end) == 0)
    {
      g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_QUOTE,
                   "line %u, column %u: text after the closing quote of field %u "
                   "(a quote inside a quoted field must be doubled)",
                   reader->line, column_of (reader, reader->pos), field);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_unquoted (CrCsvReader  *reader,
               GString      *value,
               guint         field,
               GError      **error)
{
  const char *end = reader->data + reader->len;
  gsize start = reader->pos;

  while (reader->pos < reader->len && reader->data[reader->pos] != ','
         && line_end_length (reader->data + reader->pos, end) == 0)
    {
      if (reader->data[reader->pos] == '"')
        {
          g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_QUOTE,
                       "line %u, column %u: a quote inside unquoted field %u "
                       "(quote the whole field and double the quote)",
                       reader->line, column_of (reader, reader->pos), field);
          return FALSE;
        }
      reader->pos++;
    }
  g_string_append_len (value, reader->data + start, reader->pos - start);
  return TRUE;
}

/**
 * cr_csv_reader_next:
 * @fields: (out) (transfer full): the record's fields (strings), or %NULL at the end
 * @line: (out) (optional): the physical line where the record starts, from 1
 *
 * Reads one record. Empty lines are skipped: RFC 4180 gives them no meaning and editors
 * leave them behind. After an error the reader must not be used again.
 *
 * Returns: %FALSE with @error set on malformed input; %TRUE otherwise, also at the end
 */
gboolean
cr_csv_reader_next (CrCsvReader  *reader,
                    GPtrArray   **fields,
                    guint        *line,
                    GError      **error)
{
  const char *end = reader->data + reader->len;
  g_autoptr(GPtrArray) record = NULL;
  gsize n;

  *fields = NULL;
  while ((n = line_end_length (reader->data + reader->pos, end)) > 0)
    skip_line_end (reader, n);
  if (reader->pos == reader->len)
    return TRUE;

  if (line)
    *line = reader->line;
  record = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      guint field = record->len + 1;
      gboolean ok;

      if (reader->pos < reader->len && reader->data[reader->pos] == '"')
        ok = read_quoted (reader, value, field, error);
      else
        ok = read_unquoted (reader, value, field, error);
      if (!ok)
        return FALSE;
      g_ptr_array_add (record, g_string_free (g_steal_pointer (&value), FALSE));

      if (reader->pos < reader->len && reader->data[reader->pos] == ',')
        {
          reader->pos++;
          continue;
        }
      if ((n = line_end_length (reader->data + reader->pos, end)) > 0)
        skip_line_end (reader, n);
      break;
    }
  *fields = g_steal_pointer (&record);
  return TRUE;
}

void
cr_csv_table_free (CrCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->header);
  g_clear_pointer (&table->columns, g_hash_table_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

static char *
column_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  return g_utf8_casefold (trimmed, -1);
}

static gboolean
set_header (CrCsvTable  *table,
            GPtrArray   *fields,
            guint        line,
            GError     **error)
{
  table->n_columns = fields->len;
  table->header = g_new0 (char *, fields->len + 1);
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = column_key (fields->pdata[i]);
      gpointer other;

      table->header[i] = g_strstrip (g_strdup (fields->pdata[i]));
      if (*key == '\0')
        continue; /* an unnamed column is kept but cannot be asked for */
      if ((other = g_hash_table_lookup (table->columns, key)) != NULL)
        {
          g_set_error (error, CR_CSV_ERROR, CR_CSV_ERROR_HEADER,
                       "line %u: columns %u and %u are both named \"%s\"",
                       line, GPOINTER_TO_UINT (other), i + 1, table->header[i]);
          return FALSE;
        }
      g_hash_table_insert (table->columns, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

/* Fields past the header's width are allowed only when empty: spreadsheets pad rows with
 * trailing commas. */
static gboolean
fits_header (CrCsvTable *table,
             GPtrArray  *fields)
{
  for (guint i = table->n_columns; i < fields->len; i++)
    if (*(const char *) fields->pdata[i] != '\0')
      return FALSE;
  return TRUE;
}

static void
add_row (CrCsvTable *table,
         GPtrArray  *fields,
         guint       line)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  /* Missing trailing fields read as empty. */
  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (i < fields->len ? fields->pdata[i] : "");
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->lines, line);
}

static void
set_field_count_error (CrCsvTable  *table,
                       GArray      *bad_lines,
                       guint        first_count,
                       GError     **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  g_string_append_printf (message, "line %u: %u fields but the header has %u columns",
                          g_array_index (bad_lines, guint, 0), first_count, table->n_columns);
  if (bad_lines->len > 1)
    {
      g_string_append (message, " (also line");
      if (bad_lines->len > 2)
        g_string_append_c (message, 's');
      for (guint i = 1; i < bad_lines->len && i <= MAX_LINES_NAMED; i++)
        g_string_append_printf (message, "%s %u", i > 1 ? "," : "",
                                g_array_index (bad_lines, guint, i));
      if (bad_lines->len > MAX_LINES_NAMED + 1)
        g_string_append_printf (message, " and %u more", bad_lines->len - MAX_LINES_NAMED - 1);
      g_string_append_c (message, ')');
    }
  g_set_error_literal (error, CR_CSV_ERROR, CR_CSV_ERROR_FIELD_COUNT, message->str);
}

/**
 * cr_csv_table_parse:
 *
 * Reads a whole file whose first record is a header. Rows shorter than the header are padded
 * with empty fields. Every row with too many fields is named in the one error; a malformed
 * quote or bad encoding stops at the first.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
CrCsvTable *
cr_csv_table_parse (const char  *data,
                    gsize        len,
                    GError     **error)
{
  g_autoptr(CrCsvReader) reader = cr_csv_reader_new (data, len, error);
  g_autoptr(CrCsvTable) table = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GArray) bad_lines = NULL;
  guint first_bad_count = 0;
  guint line = 0;

  if (reader == NULL)
    return NULL;
  if (!cr_csv_reader_next (reader, &fields, &line, error))
    return NULL;
  if (fields == NULL)
    {
      g_set_error_literal (error, CR_CSV_ERROR, CR_CSV_ERROR_HEADER, "line 1: no header row");
      return NULL;
    }

  table = g_new0 (CrCsvTable, 1);
  table->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!set_header (table, fields, line, error))
    return NULL;
  g_clear_pointer (&fields, g_ptr_array_unref);

  for (;;)
    {
      if (!cr_csv_reader_next (reader, &fields, &line, error))
        return NULL;
      if (fields == NULL)
        break;
      if (fits_header (table, fields))
        add_row (table, fields, line);
      else
        {
          if (bad_lines->len == 0)
            first_bad_count = fields->len;
          g_array_append_val (bad_lines, line);
        }
      g_clear_pointer (&fields, g_ptr_array_unref);
    }
  if (bad_lines->len > 0)
    {
      set_field_count_error (table, bad_lines, first_bad_count, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

guint
cr_csv_table_get_n_columns (CrCsvTable *table)
{
  return table->n_columns;
}

/* Returns: (transfer none): the column names as written, trimmed */
const char * const *
cr_csv_table_get_header (CrCsvTable *table)
{
  return (const char * const *) table->header;
}

/**
 * cr_csv_table_find_column:
 * @name: compared trimmed and without regard to case
 *
 * Returns: the column's index, or -1 if the header has no such column
 */
int
cr_csv_table_find_column (CrCsvTable *table,
                          const char *name)
{
  g_autofree char *key = column_key (name);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (table->columns, key)) - 1;
}

guint
cr_csv_table_get_n_rows (CrCsvTable *table)
{
  return table->rows->len;
}

/* Returns: (transfer none): n_columns fields, none %NULL */
const char * const *
cr_csv_table_get_row (CrCsvTable *table,
                      guint       row)
{
  g_return_val_if_fail (row < table->rows->len, NULL);
  return table->rows->pdata[row];
}

guint
cr_csv_table_get_line (CrCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (row < table->lines->len, 0);
  return g_array_index (table->lines, guint, row);
}

/* Returns: (transfer none) (nullable): the field, or %NULL if the header has no such column */
const char *
cr_csv_table_lookup (CrCsvTable *table,
                     guint       row,
                     const char *name)
{
  int column = cr_csv_table_find_column (table, name);

  if (column < 0)
    return NULL;
  return cr_csv_table_get_row (table, row)[column];
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    alone)
{
  /* An empty line would be skipped on reading, so a lone empty field is written as "". A
   * leading byte-order mark would be taken for the file's. */
  gboolean quote = (alone && *value == '\0') || strpbrk (value, ",\"\r\n") != NULL
                   || g_str_has_prefix (value, CR_CSV_BOM);

  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * cr_csv_append_row:
 * @fields: @n strings; %NULL ones are written empty
 *
 * Appends one record ending in CRLF, quoting a field only when it needs it. Values are kept
 * exactly, including a leading '=', '+', '-' or '@': prefixing them against spreadsheet
 * formula injection would change the data that a re-import or another program reads, so
 * whoever opens the file in a spreadsheet is expected to import it as text.
 */
void
cr_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i] ? fields[i] : "", n == 1);
    }
  g_string_append (out, "\r\n");
}
