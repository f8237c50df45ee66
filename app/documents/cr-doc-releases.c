/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include <string.h>

#include "cr-csv.h"
#include "cr-doc-releases.h"

static gboolean
row_cleared (const CrReleaseRow *row)
{
  return !row->withdrawn && (row->missing == NULL || *row->missing == '\0');
}

CrDoc *
cr_doc_releases_build (const CrReleaseTracker *tracker,
                       const CrDocOptions     *options)
{
  const CrDocColumn columns[] = {
    { "Participant", 84, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, TRUE },
    { "Consent", 100, CR_DOC_ALIGN_START },
    { "Scope", 0, CR_DOC_ALIGN_START },
    { "Naming", 56, CR_DOC_ALIGN_START },
    { "Expires", 54, CR_DOC_ALIGN_START },
    { "Guardian", 64, CR_DOC_ALIGN_START },
    { "Missing", 0, CR_DOC_ALIGN_START },
  };
  g_autofree char *doc_name = NULL;
  g_autofree char *total = g_strdup_printf ("%u", tracker->n_rows);
  g_autofree char *cleared = NULL;
  g_autofree char *open = NULL;
  g_autofree char *withdrawn = NULL;
  guint n_cleared = 0, n_withdrawn = 0;
  CrDocTable *table;
  CrDoc *doc;

  for (guint i = 0; i < tracker->n_rows; i++)
    {
      n_cleared += row_cleared (&tracker->rows[i]) ? 1 : 0;
      n_withdrawn += tracker->rows[i].withdrawn ? 1 : 0;
    }
  cleared = g_strdup_printf ("%u", n_cleared);
  open = g_strdup_printf ("%u", tracker->n_rows - n_cleared - n_withdrawn);
  withdrawn = g_strdup_printf ("%u", n_withdrawn);
  doc_name = tracker->as_of ? g_strdup_printf ("Release tracker · %s", tracker->as_of)
                            : g_strdup ("Release tracker");

  doc = cr_doc_new (options, tracker->title, doc_name);
  cr_doc_set_footer_note (doc, "Contains personal data: keep it safe. Highlighted rows are withdrawals.");
  cr_doc_add_title (doc, "Release tracker", tracker->title, NULL, FALSE);
  cr_doc_add_facts (doc, (const char *[]) {
    "Participants", total,
    "Cleared", cleared,
    "Still missing something", open,
    "Withdrawn", withdrawn,
    NULL });
  if (tracker->as_of)
    {
      g_autofree char *line = g_strdup_printf ("Consent as recorded on %s. A withdrawal stops all "
                                               "further use of that person's footage.", tracker->as_of);

      cr_doc_add_paragraph (doc, line);
    }
  cr_doc_add_heading (doc, "Participants");
  if (tracker->n_rows == 0)
    {
      cr_doc_add_paragraph (doc, "No participants yet.");
      return doc;
    }
  table = cr_doc_add_table (doc, CR_DOC_TABLE_GRID, columns, G_N_ELEMENTS (columns), "Participants");
  for (guint i = 0; i < tracker->n_rows; i++)
    {
      const CrReleaseRow *row = &tracker->rows[i];
      const char *missing = row->missing && *row->missing ? row->missing : (row->withdrawn ? "" : "—");

      cr_doc_table_add_row (table, row->withdrawn ? CR_DOC_ROW_ALERT : CR_DOC_ROW_NORMAL,
                            (const char *[]) { row->participant, row->status, row->scope, row->naming,
                                               row->expires, row->guardian, missing });
    }
  return doc;
}

gboolean
cr_doc_releases_write_pdf (const CrReleaseTracker *tracker,
                           const CrDocOptions     *options,
                           const char             *path,
                           GError                **error)
{
  g_autoptr(CrDoc) doc = cr_doc_releases_build (tracker, options);

  return cr_doc_write_pdf (doc, path, error);
}

char *
cr_doc_releases_to_csv (const CrReleaseTracker *tracker)
{
  static const char * const header[] = {
    "participant", "consent", "scope", "naming", "expires", "guardian", "missing", "withdrawn",
  };
  /* The byte-order mark tells spreadsheets that the names are UTF-8. */
  GString *out = g_string_new (CR_CSV_BOM);

  cr_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < tracker->n_rows; i++)
    {
      const CrReleaseRow *row = &tracker->rows[i];
      const char * const fields[] = {
        row->participant, row->status, row->scope, row->naming, row->expires, row->guardian,
        row->missing, row->withdrawn ? "yes" : "no",
      };

      cr_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}

gboolean
cr_doc_releases_write_csv (const CrReleaseTracker *tracker,
                           const char             *path,
                           GError                **error)
{
  g_autofree char *csv = cr_doc_releases_to_csv (tracker);

  return cr_doc_save_bytes (path, csv, strlen (csv), error);
}
