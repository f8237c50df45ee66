/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the CSV reader. Every row it gives has the header's width, and a refusal is
 * one line naming where. */
#include "config.h"

#include "cr-csv.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_fatal_logs ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrCsvTable) table = cr_csv_table_parse ((const char *) data, size, &error);

  if (table == NULL)
    {
      /* One error, but it may name several rows: one line each. */
      FUZZ_ASSERT (error != NULL && error->message[0] != '\0');
      return 0;
    }
  FUZZ_ASSERT (error == NULL);
  for (guint r = 0; r < cr_csv_table_get_n_rows (table); r++)
    {
      const char * const *row = cr_csv_table_get_row (table, r);

      FUZZ_ASSERT (g_strv_length ((char **) row) == cr_csv_table_get_n_columns (table));
      for (guint c = 0; row[c] != NULL; c++)
        FUZZ_ASSERT (g_utf8_validate (row[c], -1, NULL));
    }
  return 0;
}
