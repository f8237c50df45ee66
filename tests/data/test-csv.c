/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-csv"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-csv.h"

/* Reads every record of @text; each record is its fields joined with '|', after "line:". */
static GPtrArray *
read_all (const char *text,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCsvReader) reader = cr_csv_reader_new (text, len, &error);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autofree char *joined = NULL;
      guint line = 0;

      g_assert_true (cr_csv_reader_next (reader, &fields, &line, &error));
      g_assert_no_error (error);
      if (fields == NULL)
        break;
      g_ptr_array_add (fields, NULL);
      joined = g_strjoinv ("|", (char **) fields->pdata);
      g_ptr_array_add (records, g_strdup_printf ("%u:%s", line, joined));
    }
  return records;
}

static void
assert_records (const char  *text,
                const char **expected)
{
  g_autoptr(GPtrArray) records = read_all (text, strlen (text));
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (records->len, n); i++)
    g_assert_cmpstr (records->pdata[i], ==, expected[i]);
  g_assert_cmpuint (records->len, ==, n);
}

/* Reads @text to the end and returns the error it stops with. */
static GError *
read_error (const char *text,
            gsize       len)
{
  g_autoptr(CrCsvReader) reader = NULL;
  GError *error = NULL;

  reader = cr_csv_reader_new (text, len, &error);
  if (reader == NULL)
    return error;
  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;

      if (!cr_csv_reader_next (reader, &fields, NULL, &error))
        return error;
      if (fields == NULL)
        break;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_error (const char *text,
              gssize      len,
              int         code,
              const char *message)
{
  g_autoptr(GError) error = read_error (text, len < 0 ? strlen (text) : (gsize) len);

  g_assert_error (error, CR_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_plain (void)
{
  const char *expected[] = { "1:name|email", "2:Ann|ann@example.org", "3:Bob|", NULL };
  const char *trailing_comma[] = { "1:a|b|", "2:|", "3:", NULL };

  assert_records ("name,email\r\nAnn,ann@example.org\r\nBob,\r\n", expected);
  /* No line end after the last record. */
  assert_records ("name,email\nAnn,ann@example.org\nBob,", expected);
  assert_records ("a,b,\n,\n\"\"\n", trailing_comma);
  assert_records ("", (const char *[]) { NULL });
  assert_records ("\r\n\n", (const char *[]) { NULL });
}

static void
test_quoted (void)
{
  const char *text =
    "id,note\r\n"
    "1,\"Smith, Jane\"\r\n"
    "2,\"She said \"\"hello\"\"\"\r\n"
    "3,\"two\nlines\"\r\n"
    "4,\"crlf\r\ninside\r\nagain\"\r\n"
    "5,\"\",\"\"\"\"\r\n"
    "6,  spaced  ,\"a,\"\"b\"\"\nc\"\r\n";
  const char *expected[] = {
    "1:id|note",
    "2:1|Smith, Jane",
    "3:2|She said \"hello\"",
    "4:3|two\nlines",
    "6:4|crlf\r\ninside\r\nagain",
    "9:5||\"",
    "10:6|  spaced  |a,\"b\"\nc",
    NULL,
  };

  assert_records (text, expected);
}

static void
test_bom_and_line_ends (void)
{
  const char *expected[] = { "1:name|email", "2:Zoë|z@example.org", "4:Åse|a@example.org",
                             "5:Bo|b@example.org", NULL };

  /* The byte-order mark is not part of the first column's name. */
  assert_records ("\xEF\xBB\xBFname,email\r\nZoë,z@example.org\r\n\r\nÅse,a@example.org\r\n"
                  "Bo,b@example.org\r\n", expected);
  assert_records ("\xEF\xBB\xBFname,email\nZoë,z@example.org\n\nÅse,a@example.org\n"
                  "Bo,b@example.org", expected);
  /* Old Mac lone CR, and a mix. */
  assert_records ("name,email\rZoë,z@example.org\r\rÅse,a@example.org\r\nBo,b@example.org\n",
                  expected);
  assert_records ("\xEF\xBB\xBF", (const char *[]) { NULL });
}

static void
test_errors (void)
{
  assert_error ("a,b\r\n1,\"open\r\n2,3\r\n", -1, CR_CSV_ERROR_QUOTE,
                "line 2, column 3: the quote that opens field 2 is never closed");
  assert_error ("a,b\n1,ab\"c\"\n", -1, CR_CSV_ERROR_QUOTE,
                "line 2, column 5: a quote inside unquoted field 2 "
                "(quote the whole field and double the quote)");
  assert_error ("a,b\n\"x\nyz\"q,1\n", -1, CR_CSV_ERROR_QUOTE,
                "line 3, column 4: text after the closing quote of field 1 "
                "(a quote inside a quoted field must be doubled)");
  /* Columns count characters, not bytes. */
  assert_error ("a,b\nÅÅ,\"Å\" \n", -1, CR_CSV_ERROR_QUOTE,
                "line 2, column 7: text after the closing quote of field 2 "
                "(a quote inside a quoted field must be doubled)");
  assert_error ("name\r\nZoë\r\nJos\xe9\r\n", -1, CR_CSV_ERROR_ENCODING,
                "line 3, column 4: not valid UTF-8 (save the file as UTF-8)");
  assert_error ("\xEF\xBB\xBFname\nab\xc3", -1, CR_CSV_ERROR_ENCODING,
                "line 2, column 3: not valid UTF-8 (save the file as UTF-8)");
  assert_error ("name\nab\0cd\n", 10, CR_CSV_ERROR_ENCODING, "line 2, column 3: a NUL byte");
}

static CrCsvTable *
parse_table (const char *text)
{
  g_autoptr(GError) error = NULL;
  CrCsvTable *table = cr_csv_table_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_table_error (const char *text,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCsvTable) table = cr_csv_table_parse (text, strlen (text), &error);

  g_assert_null (table);
  g_assert_error (error, CR_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_table (void)
{
  g_autoptr(CrCsvTable) table = parse_table ("\xEF\xBB\xBF Name ,E-Mail,,Notes\r\n"
                                             "Ann,ann@example.org,x,\"multi\nline\"\r\n"
                                             "\r\n"
                                             "Bob\r\n"
                                             "Cy,cy@example.org,,,,\r\n");
  const char * const *header = cr_csv_table_get_header (table);
  const char * const *row;

  g_assert_cmpuint (cr_csv_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (header[0], ==, "Name");
  g_assert_cmpstr (header[1], ==, "E-Mail");
  g_assert_cmpstr (header[2], ==, "");
  g_assert_null (header[4]);
  g_assert_cmpint (cr_csv_table_find_column (table, "name"), ==, 0);
  g_assert_cmpint (cr_csv_table_find_column (table, "  e-MAIL "), ==, 1);
  g_assert_cmpint (cr_csv_table_find_column (table, "NOTES"), ==, 3);
  g_assert_cmpint (cr_csv_table_find_column (table, "phone"), ==, -1);
  g_assert_cmpint (cr_csv_table_find_column (table, ""), ==, -1);

  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (cr_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (cr_csv_table_get_line (table, 1), ==, 5);
  g_assert_cmpuint (cr_csv_table_get_line (table, 2), ==, 6);
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "e-mail"), ==, "ann@example.org");
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "notes"), ==, "multi\nline");
  g_assert_null (cr_csv_table_lookup (table, 0, "phone"));
  /* A short row is padded; trailing empty fields past the header are dropped. */
  row = cr_csv_table_get_row (table, 1);
  g_assert_cmpstr (row[0], ==, "Bob");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[3], ==, "");
  g_assert_null (row[4]);
  g_assert_cmpstr (cr_csv_table_lookup (table, 2, "E-mail"), ==, "cy@example.org");
}

static void
test_table_errors (void)
{
  assert_table_error ("", CR_CSV_ERROR_HEADER, "line 1: no header row");
  assert_table_error ("\xEF\xBB\xBF\r\n", CR_CSV_ERROR_HEADER, "line 1: no header row");
  assert_table_error ("\nname,Email,EMAIL \n", CR_CSV_ERROR_HEADER,
                      "line 2: columns 2 and 3 are both named \"EMAIL\"");
  assert_table_error ("a,b\n1,2,3\n1,2\n4,5,,\n\"x\ny\",1,2,3\n", CR_CSV_ERROR_FIELD_COUNT,
                      "line 2: 3 fields but the header has 2 columns (also line 5)");
  assert_table_error ("a,b\n1,2,3\n1,2,3\n1,2,3\n", CR_CSV_ERROR_FIELD_COUNT,
                      "line 2: 3 fields but the header has 2 columns (also lines 3, 4)");
  assert_table_error ("a,b\n1,2,3\n\"x\n", CR_CSV_ERROR_QUOTE,
                      "line 3, column 1: the quote that opens field 1 is never closed");
}

static const char *awkward[][4] = {
  { "name", "email", "notes", "empty" },
  { "Zoë O'Brien", "zoe@example.org", "She said \"yes\", then \"no\"", "" },
  { " leading and trailing ", "a,b", "line 1\nline 2\r\nline 3\rline 4", "" },
  { "日本語 🎬 Łódź", "\"", "\"\"", "," },
  { "=SUM(A1:A2)", "+44 20 7946 0000", "-1", "@handle" },
  { "\xEF\xBB\xBF" "bom-led", "", "tab\there", "x" },
};

static char *
write_awkward (void)
{
  GString *out = g_string_new (CR_CSV_BOM);

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    cr_csv_append_row (out, awkward[i], 4);
  return g_string_free (out, FALSE);
}

static void
test_writer (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *plain[] = { "a", "b c", NULL, "d'e" };
  const char *quoted[] = { "x,y", "say \"hi\"", "two\nlines", "cr\r" };
  const char *lone_empty[] = { "" };
  const char *lone_null[] = { NULL };

  cr_csv_append_row (out, plain, 4);
  cr_csv_append_row (out, quoted, 4);
  cr_csv_append_row (out, lone_empty, 1);
  cr_csv_append_row (out, lone_null, 1);
  cr_csv_append_row (out, plain, 0);
  g_assert_cmpstr (out->str, ==,
                   "a,b c,,d'e\r\n"
                   "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n"
                   "\"\"\r\n"
                   "\"\"\r\n"
                   "\r\n");
}

static void
test_round_trip (void)
{
  g_autofree char *text = write_awkward ();
  g_autoptr(CrCsvTable) table = parse_table (text);

  g_assert_true (g_str_has_prefix (text, CR_CSV_BOM "name,email,notes,empty\r\n"));
  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, G_N_ELEMENTS (awkward) - 1);
  for (guint i = 1; i < G_N_ELEMENTS (awkward); i++)
    {
      const char * const *row = cr_csv_table_get_row (table, i - 1);

      for (guint j = 0; j < 4; j++)
        g_assert_cmpstr (row[j], ==, awkward[i][j]);
      g_assert_cmpstr (cr_csv_table_lookup (table, i - 1, "NOTES"), ==, awkward[i][2]);
    }
  /* Physical lines: the note on the second row has an LF, a CRLF and a CR: four lines. */
  g_assert_cmpuint (cr_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (cr_csv_table_get_line (table, 1), ==, 3);
  g_assert_cmpuint (cr_csv_table_get_line (table, 2), ==, 7);
}

/* Python's csv module, an independent reader, gets back exactly the values written. */
static void
test_python_reads (void)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    json.dump(list(csv.reader(f, strict=True)), sys.stdout)\n";
  g_autofree char *dir = cr_test_make_tmp ("casereel-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "awkward.csv", NULL);
  g_autofree char *text = write_awkward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-I", "-c", script, path, NULL };

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("python3 failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (awkward));
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpuint (json_array_get_length (row), ==, 4);
      for (guint j = 0; j < 4; j++)
        g_assert_cmpstr (json_array_get_string_element (row, j), ==, awkward[i][j]);
    }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/reader/plain", test_plain);
  g_test_add_func ("/csv/reader/quoted", test_quoted);
  g_test_add_func ("/csv/reader/bom-and-line-ends", test_bom_and_line_ends);
  g_test_add_func ("/csv/reader/errors", test_errors);
  g_test_add_func ("/csv/table/header", test_table);
  g_test_add_func ("/csv/table/errors", test_table_errors);
  g_test_add_func ("/csv/writer/quoting", test_writer);
  g_test_add_func ("/csv/writer/round-trip", test_round_trip);
  g_test_add_func ("/csv/writer/python-reads", test_python_reads);
  return g_test_run ();
}
