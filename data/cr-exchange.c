/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-exchange"

#include "config.h"

#include <string.h>

#include "cr-csv.h"
#include "cr-exchange.h"
#include "cr-ical.h"
#include "cr-message.h"
#include "cr-record-format.h"

char *
cr_export_csv (CrDb            *db,
               const CrEntity  *entity,
               const CrQuery   *query,
               GError         **error)
{
  g_autoptr(GPtrArray) rows = cr_store_list (db, entity, query, error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree const char **fields = g_new0 (const char *, entity->n_fields + 1);

  if (rows == NULL)
    return NULL;
  fields[0] = "id";
  for (guint i = 0; i < entity->n_fields; i++)
    fields[i + 1] = entity->fields[i].name;
  cr_csv_append_row (out, fields, entity->n_fields + 1);

  for (guint r = 0; r < rows->len; r++)
    {
      CrRecord *record = g_ptr_array_index (rows, r);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, record->id));
      for (guint i = 0; i < entity->n_fields; i++)
        g_ptr_array_add (values, cr_record_display (db, record, &entity->fields[i]));
      cr_csv_append_row (out, (const char * const *) values->pdata, values->len);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A header cell as a field name: "Date of birth" -> date_of_birth, with common aliases. */
static const CrField *
field_for_header (const char *header)
{
  static const struct { const char *alias; const char *field; } aliases[] = {
    { "e_mail", "email" }, { "email_address", "email" }, { "mail", "email" },
    { "organization", "organisation" }, { "org", "organisation" }, { "company", "organisation" },
    { "dob", "date_of_birth" }, { "birth_date", "date_of_birth" }, { "birthday", "date_of_birth" },
    { "type", "kind" }, { "phone_number", "phone" }, { "telephone", "phone" }, { "mobile", "phone" },
    { "job_title", "role" }, { "title", "role" }, { "full_name", "name" }, { "note", "notes" },
    { "guardian", "guardian_name" }, { "relationship", "guardian_relationship" },
  };
  g_autofree char *key = g_utf8_strdown (header, -1);

  g_strstrip (key);
  g_strdelimit (key, " -", '_');
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (key, aliases[i].alias))
      return cr_entity_find_field (&cr_entity_participant, aliases[i].field);
  return cr_entity_find_field (&cr_entity_participant, key);
}

/* "organisation" and "organization" (or "email" and "e-mail") are one field: keeping either
 * would drop the other's values without a word, so the file is refused, naming both. */
static gboolean
refuse_same_field_twice (const char * const  *header,
                         const CrField      **map,
                         guint                n_columns,
                         GError             **error)
{
  g_autoptr(GString) pairs = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    for (guint d = 0; map[c] != NULL && d < c; d++)
      if (map[d] == map[c])
        {
          g_autofree char *first = cr_message_text (header[d], CR_MESSAGE_MAX_VALUE);
          g_autofree char *second = cr_message_text (header[c], CR_MESSAGE_MAX_VALUE);

          g_string_append_printf (pairs, "%scolumns %u “%s” and %u “%s” are both the %s", pairs->len ? "; " : "",
                                  d + 1, first, c + 1, second, map[c]->name);
          break;
        }
  if (pairs->len == 0)
    return TRUE;
  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "line 1: %s; keep one of each, nothing was imported",
               pairs->str);
  return FALSE;
}

gboolean
cr_import_participants (CrDb         *db,
                        const char   *data,
                        gsize         len,
                        guint        *imported,
                        GPtrArray   **problems,
                        GError      **error)
{
  g_autoptr(CrCsvTable) table = cr_csv_table_parse (data, len, error);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autofree const CrField **map = NULL;
  const char * const *header;
  guint n_columns;
  gboolean has_name = FALSE;

  *imported = 0;
  if (problems)
    *problems = NULL;
  if (table == NULL)
    return FALSE;

  header = cr_csv_table_get_header (table);
  n_columns = cr_csv_table_get_n_columns (table);
  map = g_new0 (const CrField *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      map[c] = field_for_header (header[c]);
      if (map[c] == NULL && *header[c] != '\0')
        {
          /* A quoted header can hold a line break: the problem stays one line. */
          g_autofree char *shown = cr_message_text (header[c], CR_MESSAGE_MAX_VALUE);

          g_ptr_array_add (bad, g_strdup_printf ("line 1: column %u “%s” is not a participant field", c + 1, shown));
        }
      has_name |= map[c] && g_str_equal (map[c]->name, "name");
    }
  if (!refuse_same_field_twice (header, map, n_columns, error))
    return FALSE;
  if (!has_name)
    g_ptr_array_add (bad, g_strdup ("line 1: no “name” column"));

  if (bad->len == 0)
    {
      if (!cr_db_begin (db, error))
        return FALSE;
      for (guint r = 0; r < cr_csv_table_get_n_rows (table); r++)
        {
          const char * const *row = cr_csv_table_get_row (table, r);
          g_autoptr(CrRecord) input = cr_record_new (&cr_entity_participant);
          g_autoptr(GError) row_error = NULL;

          for (guint c = 0; c < n_columns; c++)
            if (map[c] && row[c] && *row[c])
              cr_record_set (input, map[c]->name, row[c]);
          /* People in a contact sheet are mostly the ones to be interviewed. */
          if (!cr_record_has (input, "kind"))
            cr_record_set (input, "kind", "interviewee");
          if (cr_store_insert (db, input, &row_error))
            (*imported)++;
          else
            g_ptr_array_add (bad, g_strdup_printf ("line %u: %s", cr_csv_table_get_line (table, r), row_error->message));
        }
      if (bad->len == 0)
        return cr_db_commit (db, error);
      cr_db_rollback (db);
      *imported = 0;
    }

  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
               "%u bad row%s (first: %s); nothing was imported", bad->len, bad->len == 1 ? "" : "s",
               (const char *) g_ptr_array_index (bad, 0));
  if (problems)
    *problems = g_steal_pointer (&bad);
  return FALSE;
}

static CrIcalStatus
ical_status (const char *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    return CR_ICAL_STATUS_CANCELLED;
  if (g_strcmp0 (status, "planned") == 0)
    return CR_ICAL_STATUS_TENTATIVE;
  return CR_ICAL_STATUS_CONFIRMED;
}

typedef struct
{
  char           *uid;
  char           *location;
  char           *description;
  GDateTime      *start;
  GDateTime      *end;
  GArray         *attendees;  /* CrIcalAttendee, strings owned by `strings` */
  GPtrArray      *strings;
} EventText;

static void
event_text_clear (EventText *t)
{
  g_free (t->uid);
  g_free (t->location);
  g_free (t->description);
  g_clear_pointer (&t->start, g_date_time_unref);
  g_clear_pointer (&t->end, g_date_time_unref);
  g_clear_pointer (&t->attendees, g_array_unref);
  g_clear_pointer (&t->strings, g_ptr_array_unref);
}

static void
add_people (CrDb           *db,
            const CrRecord *interview,
            const char     *field,
            const char     *heading,
            EventText      *t,
            GString        *description)
{
  g_autoptr(GArray) ids = cr_record_get_ids (interview, field);

  if (ids->len == 0)
    return;
  g_string_append_printf (description, "%s%s:", description->len ? "\n" : "", heading);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrRecord) person = cr_store_get (db, &cr_entity_participant, g_array_index (ids, gint64, i), NULL);
      const char *role;
      CrIcalAttendee a = { 0 };

      if (person == NULL)
        continue;
      role = cr_record_get (person, "role");
      g_string_append_printf (description, "\n- %s%s%s", cr_record_get (person, "name"),
                              role ? ", " : "", role ? role : "");
      if (cr_record_get (person, "email"))
        {
          a.name = g_strdup (cr_record_get (person, "name"));
          a.email = g_strdup (cr_record_get (person, "email"));
          g_ptr_array_add (t->strings, (char *) a.name);
          g_ptr_array_add (t->strings, (char *) a.email);
          g_array_append_val (t->attendees, a);
        }
    }
}

static void
fill_event (CrDb           *db,
            const CrRecord *interview,
            const char     *stamp,
            EventText      *t,
            CrIcalEvent    *e)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GArray) questions = cr_record_get_ids (interview, "questions");
  gint64 location = cr_record_get_int (interview, "location", 0);

  t->strings = g_ptr_array_new_with_free_func (g_free);
  t->attendees = g_array_new (FALSE, TRUE, sizeof (CrIcalAttendee));
  t->uid = g_strdup_printf ("interview-%" G_GINT64_FORMAT "-%s@casereel", interview->id, stamp);
  t->start = g_date_time_new_from_iso8601 (cr_record_get (interview, "start"), NULL);
  t->end = g_date_time_new_from_iso8601 (cr_record_get (interview, "end"), NULL);
  if (location)
    {
      g_autoptr(CrRecord) place = cr_store_get (db, &cr_entity_location, location, NULL);
      const char *address = place ? cr_record_get (place, "address") : NULL;
      g_autofree char *flat = address ? g_strdup (address) : NULL;

      if (flat)
        g_strdelimit (g_strstrip (flat), "\r\n", ',');
      if (place)
        t->location = flat ? g_strdup_printf ("%s, %s", cr_record_get (place, "name"), flat)
                           : g_strdup (cr_record_get (place, "name"));
    }
  add_people (db, interview, "participants", "Interviewees", t, description);
  add_people (db, interview, "crew", "Crew", t, description);
  if (questions->len)
    g_string_append_printf (description, "%sQuestions:", description->len ? "\n" : "");
  for (guint i = 0; i < questions->len; i++)
    {
      g_autofree char *text = cr_store_label (db, &cr_entity_question, g_array_index (questions, gint64, i));
      g_string_append_printf (description, "\n%u. %s", i + 1, text ? text : "");
    }
  if (cr_record_get (interview, "notes"))
    g_string_append_printf (description, "%s%s", description->len ? "\n\n" : "", cr_record_get (interview, "notes"));
  t->description = g_string_free (g_steal_pointer (&description), FALSE);

  *e = (CrIcalEvent) {
    .uid = t->uid,
    .start = t->start,
    .end = t->end,
    .tzid = cr_record_get (interview, "time_zone"),
    .summary = cr_record_get (interview, "title"),
    .location = t->location,
    .description = *t->description ? t->description : NULL,
    .attendees = (const CrIcalAttendee *) (void *) t->attendees->data,
    .n_attendees = t->attendees->len,
    .status = ical_status (cr_record_get (interview, "status")),
  };
}

char *
cr_export_schedule_ics (CrDb    *db,
                        gint64   participant,
                        GError **error)
{
  g_autoptr(GPtrArray) interviews = cr_store_list (db, &cr_entity_interview, NULL, error);
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (CrIcalEvent));
  g_autofree EventText *texts = NULL;
  g_autofree char *stamp = NULL;
  char *ics;
  guint n = 0;

  if (interviews == NULL || !(production = cr_store_get (db, &cr_entity_production, 1, error)))
    return NULL;
  /* The production's creation time makes UIDs unique across productions and stable
   * across exports. */
  stamp = g_strdup (cr_record_get (production, "created_at"));
  {
    char *w = stamp;
    for (const char *r = stamp; *r; r++)
      if (g_ascii_isalnum (*r))
        *w++ = *r;
    *w = '\0';
  }
  texts = g_new0 (EventText, interviews->len);
  for (guint i = 0; i < interviews->len; i++)
    {
      CrRecord *interview = g_ptr_array_index (interviews, i);
      CrIcalEvent e = { 0 };

      if (participant > 0)
        {
          g_autoptr(GArray) people = cr_record_get_ids (interview, "participants");
          g_autoptr(GArray) crew = cr_record_get_ids (interview, "crew");
          gboolean in = FALSE;
          for (guint k = 0; k < people->len; k++)
            in |= g_array_index (people, gint64, k) == participant;
          for (guint k = 0; k < crew->len; k++)
            in |= g_array_index (crew, gint64, k) == participant;
          if (!in)
            continue;
        }
      fill_event (db, interview, stamp, &texts[n], &e);
      e.dtstamp = now;
      g_array_append_val (events, e);
      n++;
    }
  ics = cr_ical_write_calendar (cr_record_get (production, "title"), (const CrIcalEvent *) (void *) events->data,
                                events->len, error);
  for (guint i = 0; i < n; i++)
    event_text_clear (&texts[i]);
  return ics;
}
