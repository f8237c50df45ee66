/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include "cr-doc-callsheet.h"

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static void
add_people (CrDoc                   *doc,
            const char              *heading,
            const CrCallSheetPerson *people,
            guint                    n_people,
            gboolean                 hide_phones)
{
  const CrDocColumn columns[] = {
    { "Name", 0, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, TRUE },
    { "Role", 0, CR_DOC_ALIGN_START },
    { "Call", 60, CR_DOC_ALIGN_START },
    { "Phone", 110, CR_DOC_ALIGN_START },
  };
  CrDocTable *table;

  if (n_people == 0)
    return;
  cr_doc_add_heading (doc, heading);
  /* Hidden numbers leave no empty column behind. */
  table = cr_doc_add_table (doc, CR_DOC_TABLE_GRID, columns, G_N_ELEMENTS (columns) - (hide_phones ? 1 : 0),
                            heading);
  for (guint i = 0; i < n_people; i++)
    {
      const CrCallSheetPerson *person = &people[i];
      g_autofree char *name = person->consent_alert ? g_strdup_printf ("%s ⚠", person->name)
                                                    : g_strdup (person->name);

      cr_doc_table_add_row (table, person->consent_alert ? CR_DOC_ROW_ALERT : CR_DOC_ROW_NORMAL,
                            (const char *[]) { name, person->role, person->call_time, person->phone });
    }
}

static void
add_schedule (CrDoc             *doc,
              const CrCallSheet *sheet)
{
  const CrDocColumn columns[] = {
    { "Time", 94, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, TRUE },
    { "Interview", 0, CR_DOC_ALIGN_START },
    { "Participants", 0, CR_DOC_ALIGN_START },
    { "Location", 0, CR_DOC_ALIGN_START },
    { "Duration", 56, CR_DOC_ALIGN_END },
  };
  CrDocTable *table;

  cr_doc_add_heading (doc, "Schedule");
  table = cr_doc_add_table (doc, CR_DOC_TABLE_GRID, columns, G_N_ELEMENTS (columns), "Schedule");
  for (guint i = 0; i < sheet->n_schedule; i++)
    {
      const CrCallSheetSlot *slot = &sheet->schedule[i];
      g_autofree char *time = has_text (slot->zone) ? g_strdup_printf ("%s %s", slot->time, slot->zone)
                                                        : g_strdup (slot->time);

      cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) {
        time, slot->title, slot->participants, slot->location, slot->duration });
    }
}

static void
add_locations (CrDoc              *doc,
               const CrCallSheet  *sheet,
               const CrDocOptions *options)
{
  if (sheet->n_locations == 0)
    return;
  cr_doc_add_heading (doc, sheet->n_locations == 1 ? "Location" : "Locations");
  for (guint i = 0; i < sheet->n_locations; i++)
    {
      const CrCallSheetLocation *location = &sheet->locations[i];
      const char *phone = options->hide_phones ? NULL : location->contact_phone;
      g_autofree char *contact = NULL;

      if (has_text (location->contact) && has_text (phone))
        contact = g_strdup_printf ("%s, %s", location->contact, phone);
      else
        contact = g_strdup (has_text (location->contact) ? location->contact : phone);
      cr_doc_add_subheading (doc, location->name);
      cr_doc_add_key_values (doc, (const char *[]) {
        "Address", or_empty (location->address),
        "Access and parking", or_empty (location->access),
        "Contact on site", or_empty (contact),
        "Nearest hospital", or_empty (location->nearest_hospital),
        NULL });
    }
}

static void
add_questions (CrDoc                      *doc,
               const CrCallSheetInterview *interview)
{
  const CrDocColumn columns[] = {
    { NULL, 28, CR_DOC_ALIGN_END, CR_DOC_CELL_TEXT, TRUE },
    { NULL, 0, CR_DOC_ALIGN_START },
  };
  CrDocTable *table;

  cr_doc_add_subheading (doc, interview->title);
  table = cr_doc_add_table (doc, CR_DOC_TABLE_PLAIN, columns, G_N_ELEMENTS (columns), NULL);
  for (guint q = 0; interview->questions[q] != NULL; q++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", q + 1);

      cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, (const char *[]) { number, interview->questions[q] });
    }
}

static void
add_interviews (CrDoc              *doc,
                const CrCallSheet  *sheet,
                const CrDocOptions *options)
{
  gboolean any_shots = FALSE, any_questions = FALSE;

  for (guint i = 0; i < sheet->n_interviews; i++)
    {
      any_shots |= sheet->interviews[i].n_shots > 0;
      any_questions |= sheet->interviews[i].questions && sheet->interviews[i].questions[0];
    }
  if (any_shots)
    {
      cr_doc_add_heading (doc, "Shots");
      for (guint i = 0; i < sheet->n_interviews; i++)
        {
          const CrCallSheetInterview *interview = &sheet->interviews[i];

          if (interview->n_shots == 0)
            continue;
          cr_doc_add_subheading (doc, interview->title);
          cr_doc_shotlist_add_table (doc, interview->title, interview->shots, interview->n_shots,
                                     FALSE, FALSE);
        }
    }
  if (any_questions && !options->hide_questions)
    {
      cr_doc_add_heading (doc, "Questions");
      for (guint i = 0; i < sheet->n_interviews; i++)
        if (sheet->interviews[i].questions && sheet->interviews[i].questions[0])
          add_questions (doc, &sheet->interviews[i]);
    }
}

static void
add_notes (CrDoc      *doc,
           const char *notes)
{
  g_auto(GStrv) paragraphs = NULL;

  if (notes == NULL || *notes == '\0')
    return;
  cr_doc_add_heading (doc, "Notes");
  paragraphs = g_strsplit (notes, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    cr_doc_add_paragraph (doc, g_strstrip (paragraphs[i]));
}

CrDoc *
cr_doc_callsheet_build (const CrCallSheet  *sheet,
                        const CrDocOptions *options)
{
  static const CrDocOptions defaults = { 0 };
  g_autofree char *day = g_strdup_printf ("%u of %u", sheet->day, sheet->n_days);
  g_autofree char *doc_name = NULL;
  const char *producer_phone;
  CrDoc *doc;

  if (options == NULL)
    options = &defaults;
  producer_phone = options->hide_phones ? NULL : sheet->producer_phone;
  doc_name = g_strdup_printf ("Call sheet · %s · %s", sheet->date, sheet->final ? "FINAL" : "DRAFT");
  doc = cr_doc_new (options, sheet->title, doc_name);
  cr_doc_set_footer_note (doc, sheet->final
                          ? "FINAL · contains personal details: share only with the people on it."
                          : "DRAFT · may change: check for the final sheet before the day.");

  cr_doc_add_title (doc, "Call sheet", sheet->title, sheet->final ? "FINAL" : "DRAFT", !sheet->final);
  cr_doc_add_facts (doc, (const char *[]) {
    "Date", or_empty (sheet->date),
    "Shoot day", day,
    "General call", or_empty (sheet->general_call),
    "Funder", or_empty (sheet->funder),
    NULL });

  if (sheet->consent_warnings && sheet->consent_warnings[0])
    cr_doc_add_warning (doc, "⚠  Consent missing, expired or withdrawn: do not film these people "
                        "until it is sorted out", sheet->consent_warnings);

  if (has_text (sheet->producer) || has_text (producer_phone) || has_text (sheet->producer_email))
    {
      cr_doc_add_heading (doc, "Production contact");
      /* Hidden phones hide the producer's too (a sheet pinned to a door); email stays. */
      cr_doc_add_key_values (doc, options->hide_phones ? (const char *[]) {
        "Producer", or_empty (sheet->producer),
        "Email", or_empty (sheet->producer_email),
        NULL } : (const char *[]) {
        "Producer", or_empty (sheet->producer),
        "Phone", or_empty (producer_phone),
        "Email", or_empty (sheet->producer_email),
        NULL });
    }

  add_schedule (doc, sheet);
  add_locations (doc, sheet, options);
  add_people (doc, "Participants", sheet->people, sheet->n_people, options->hide_phones);
  add_people (doc, "Crew", sheet->crew, sheet->n_crew, options->hide_phones);
  add_interviews (doc, sheet, options);
  add_notes (doc, sheet->notes);
  return doc;
}

gboolean
cr_doc_callsheet_write_pdf (const CrCallSheet  *sheet,
                            const CrDocOptions *options,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(CrDoc) doc = cr_doc_callsheet_build (sheet, options);

  return cr_doc_write_pdf (doc, path, error);
}
