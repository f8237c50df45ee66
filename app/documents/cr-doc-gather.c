/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-consent.h"
#include "cr-consent-current.h"
#include "cr-consent-people.h"
#include "cr-doc-gather.h"
#include "cr-record-format.h"
#include "cr-store.h"
#include "cr-zone.h"

#define CREW_CALL_MINUTES        60
#define INTERVIEWEE_CALL_MINUTES 30

struct _CrDocArena
{
  GStringChunk *strings;
  GPtrArray    *blocks;
};

CrDocArena *
cr_doc_arena_new (void)
{
  CrDocArena *arena = g_new0 (CrDocArena, 1);

  arena->strings = g_string_chunk_new (4096);
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  return arena;
}

void
cr_doc_arena_free (CrDocArena *arena)
{
  if (arena == NULL)
    return;
  g_string_chunk_free (arena->strings);
  g_ptr_array_unref (arena->blocks);
  g_free (arena);
}

static const char *
arena_str (CrDocArena *arena,
           const char *text)
{
  return text ? g_string_chunk_insert (arena->strings, text) : NULL;
}

static const char *
arena_take (CrDocArena *arena,
            char       *text)
{
  const char *kept = arena_str (arena, text);

  g_free (text);
  return kept;
}

/* The array's elements now belong to the arena; *N gets their number. */
static gpointer
arena_array (CrDocArena *arena,
             GArray     *array,
             guint      *n)
{
  gpointer data;

  *n = array->len;
  data = g_array_free (array, FALSE);
  g_ptr_array_add (arena->blocks, data);
  return data;
}

/* Rows of an entity by id. */
static GHashTable *
load_by_id (CrDb            *db,
            const CrEntity  *entity,
            GError         **error)
{
  g_autoptr(GPtrArray) rows = cr_store_list (db, entity, NULL, error);
  GHashTable *table;

  if (rows == NULL)
    return NULL;
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) cr_record_free);
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      CrRecord *record = g_ptr_array_index (rows, i);

      g_hash_table_insert (table, &record->id, record);
    }
  return table;
}

static const CrRecord *
lookup (GHashTable *table,
        gint64      id)
{
  return id > 0 ? g_hash_table_lookup (table, &id) : NULL;
}

static const char *
field_of (GHashTable *table,
          gint64      id,
          const char *field)
{
  const CrRecord *record = lookup (table, id);

  return record ? cr_record_get (record, field) : NULL;
}

/* "a, b, c" from the names of the rows a LINKS field lists. */
static char *
join_names (const CrRecord *record,
            const char     *field,
            GHashTable     *people)
{
  g_autoptr(GArray) ids = cr_record_get_ids (record, field);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *name = field_of (people, g_array_index (ids, gint64, i), "name");

      if (name != NULL)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
    }
  return g_string_free (names, FALSE);
}

/* "social-media,funder-report" reads "social media, funder report". */
static char *
humanize (const char *stored)
{
  g_autofree char *spaced = NULL;
  g_auto(GStrv) words = NULL;

  if (stored == NULL || *stored == '\0')
    return NULL;
  spaced = g_strdelimit (g_strdup (stored), "-", ' ');
  words = g_strsplit (spaced, ",", -1);
  return g_strjoinv (", ", words);
}

static gboolean
parse_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "“%s” is not a date: write YYYY-MM-DD",
                   text ? text : "");
      return FALSE;
    }
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* "Tuesday 14 April 2026" or, with SHORT, "14 April 2026". */
static char *
date_label (const GDate *date,
            gboolean     short_form)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (noon, short_form ? "%-d %B %Y" : "%A %-d %B %Y");
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Shots */

static void
fill_shot_row (CrDocArena     *arena,
               const CrRecord *shot,
               GHashTable     *people,
               CrShotRow      *row)
{
  const char *status = cr_record_get (shot, "status");

  row->number = arena_str (arena, cr_record_get (shot, "number"));
  row->type = arena_str (arena, cr_record_get (shot, "type"));
  row->size = cr_record_get (shot, "size") ? arena_take (arena, g_ascii_strup (cr_record_get (shot, "size"), -1))
                                           : NULL;
  row->movement = arena_str (arena, cr_record_get (shot, "movement"));
  row->lens = arena_str (arena, cr_record_get (shot, "lens"));
  row->description = arena_str (arena, cr_record_get (shot, "description"));
  row->participants = arena_take (arena, join_names (shot, "participants", people));
  row->duration = (guint) cr_record_get_int (shot, "duration", 0);
  row->status = arena_str (arena, status ? status : "planned");
  row->priority = arena_str (arena, cr_record_get (shot, "priority"));
  row->done = g_strcmp0 (status, "captured") == 0 || g_strcmp0 (status, "selected") == 0;
}

typedef struct
{
  char   *name;
  GArray *rows; /* CrShotRow */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  if (group->rows)
    g_array_unref (group->rows);
  g_free (group);
}

gboolean
cr_doc_gather_shotlist (CrDb            *db,
                        CrShotGrouping   by,
                        CrDocArena      *arena,
                        CrShotList      *list,
                        GError         **error)
{
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) locations = NULL;
  g_autoptr(GHashTable) interviews = NULL;
  g_autoptr(GPtrArray) shots = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *out;

  if (!(production = cr_store_get (db, &cr_entity_production, 1, error)) ||
      !(people = load_by_id (db, &cr_entity_participant, error)) ||
      !(locations = load_by_id (db, &cr_entity_location, error)) ||
      !(interviews = load_by_id (db, &cr_entity_interview, error)) ||
      !(shots = cr_store_list (db, &cr_entity_shot, NULL, error)))
    return FALSE;

  for (guint i = 0; i < shots->len; i++)
    {
      const CrRecord *shot = g_ptr_array_index (shots, i);
      gint64 interview = cr_record_get_int (shot, "interview", 0);
      gint64 location = cr_record_get_int (shot, "location", 0);
      g_autofree char *key = NULL;
      const char *name;
      Group *group;
      CrShotRow row = { 0 };

      if (by == CR_SHOT_GROUP_BY_INTERVIEW)
        {
          name = field_of (interviews, interview, "title");
          key = g_strdup_printf ("%" G_GINT64_FORMAT, name ? interview : 0);
          name = name ? name : "No interview";
        }
      else
        {
          if (location == 0 && lookup (interviews, interview) != NULL)
            location = cr_record_get_int (lookup (interviews, interview), "location", 0);
          name = field_of (locations, location, "name");
          key = g_strdup_printf ("%" G_GINT64_FORMAT, name ? location : 0);
          name = name ? name : "No location";
        }
      group = g_hash_table_lookup (group_of, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->name = g_strdup (name);
          group->rows = g_array_new (FALSE, TRUE, sizeof (CrShotRow));
          g_ptr_array_add (groups, group);
          g_hash_table_insert (group_of, g_steal_pointer (&key), group);
        }
      fill_shot_row (arena, shot, people, &row);
      g_array_append_val (group->rows, row);
    }

  out = g_array_new (FALSE, TRUE, sizeof (CrShotGroup));
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      CrShotGroup g = { arena_str (arena, group->name) };

      g.shots = arena_array (arena, g_steal_pointer (&group->rows), &g.n_shots);
      g_array_append_val (out, g);
    }
  *list = (CrShotList) {
    .title = arena_str (arena, cr_record_get (production, "title")),
    .grouped_by = by == CR_SHOT_GROUP_BY_INTERVIEW ? "interview" : "location",
  };
  list->groups = arena_array (arena, out, &list->n_groups);
  return TRUE;
}

/* Call sheet */

typedef struct
{
  const CrRecord *interview;
  GDateTime      *start; /* in the zone the crew reads */
  GDateTime      *end;
} Slot;

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
}

/* The location's zone, else the interview's: the crew reads the clock of the place. */
static GTimeZone *
zone_of (const CrRecord *interview,
         GHashTable     *locations)
{
  const char *zone = field_of (locations, cr_record_get_int (interview, "location", 0), "time_zone");
  GTimeZone *tz = zone ? cr_zone_new (zone, NULL) : NULL;

  if (tz == NULL && cr_record_get (interview, "time_zone"))
    tz = cr_zone_new (cr_record_get (interview, "time_zone"), NULL);
  return tz ? tz : g_time_zone_new_utc ();
}


static char *
duration_text (GDateTime *start,
               GDateTime *end)
{
  gint64 minutes = g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;

  if (minutes >= 60 && minutes % 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT " h %" G_GINT64_FORMAT " min", minutes / 60, minutes % 60);
  if (minutes >= 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT " h", minutes / 60);
  return g_strdup_printf ("%" G_GINT64_FORMAT " min", minutes);
}

static char *
call_time (GDateTime *start,
           int        minutes_before)
{
  g_autoptr(GDateTime) call = g_date_time_add_minutes (start, -minutes_before);

  /* With its zone, as the schedule says it: a day may cross zones. */
  return g_date_time_format (call, "%H:%M %Z");
}

static char *
consent_warning (const char           *name,
                 const CrConsentState *state)
{
  switch (state->problem)
    {
    case CR_CONSENT_MISSING:
      return g_strdup_printf ("%s: no consent recorded", name);
    case CR_CONSENT_PENDING:
      return g_strdup_printf ("%s: consent asked for but not given yet", name);
    case CR_CONSENT_EXPIRED:
      return g_strdup_printf ("%s: consent expired on %s", name, state->expires);
    case CR_CONSENT_NO_GUARDIAN:
      return g_strdup_printf ("%s: a minor without a guardian's consent", name);
    case CR_CONSENT_OK:
      return NULL;
    case CR_CONSENT_DECLINED:
    case CR_CONSENT_WITHDRAWN:
    default:
      return g_strdup_printf ("%s: consent %s on %s", name, cr_consent_problem_to_string (state->problem),
                              state->date ? state->date : "an unknown date");
    }
}

/* Adds each person a LINKS field lists, the first time they are met: the slots come in
 * order, so their call is set by their first interview. */
static gboolean
add_people (CrDb           *db,
            CrDocArena     *arena,
            const Slot     *slot,
            const char     *field,
            int             call_minutes,
            const char     *date,
            GHashTable     *people,
            GHashTable     *seen,
            GArray         *out,
            GPtrArray      *warnings,
            GError        **error)
{
  g_autoptr(GArray) ids = cr_record_get_ids (slot->interview, field);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const CrRecord *person = lookup (people, id);
      CrCallSheetPerson row = { 0 };

      if (person == NULL || g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      row.name = arena_str (arena, cr_record_get (person, "name"));
      row.role = arena_str (arena, cr_record_get (person, "role"));
      row.call_time = arena_take (arena, call_time (slot->start, call_minutes));
      row.phone = arena_str (arena, cr_record_get (person, "phone"));
      if (warnings != NULL)
        {
          g_autoptr(CrConsentState) state = cr_consent_current (db, id, date, error);
          char *warning;

          if (state == NULL)
            return FALSE;
          warning = consent_warning (row.name, state);
          row.consent_alert = warning != NULL;
          if (warning != NULL)
            g_ptr_array_add (warnings, (gpointer) arena_take (arena, warning));
        }
      g_array_append_val (out, row);
    }
  return TRUE;
}

static void
add_location (CrDocArena     *arena,
              const CrRecord *location,
              GHashTable     *seen,
              GArray         *out)
{
  CrCallSheetLocation row;

  if (location == NULL || g_hash_table_contains (seen, &location->id))
    return;
  g_hash_table_add (seen, g_memdup2 (&location->id, sizeof location->id));
  row = (CrCallSheetLocation) {
    arena_str (arena, cr_record_get (location, "name")),
    arena_str (arena, cr_record_get (location, "address")),
    arena_str (arena, cr_record_get (location, "access_notes")),
    arena_str (arena, cr_record_get (location, "contact")),
    arena_str (arena, cr_record_get (location, "contact_phone")),
    arena_str (arena, cr_record_get (location, "nearest_hospital")),
  };
  g_array_append_val (out, row);
}

static gboolean
add_interview (CrDb            *db,
               CrDocArena      *arena,
               const CrRecord  *interview,
               GHashTable      *people,
               GHashTable      *questions,
               GArray          *out,
               GError         **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, interview->id);
  CrQuery query = { .field = "interview", .value = id };
  g_autoptr(GPtrArray) shots = cr_store_list (db, &cr_entity_shot, &query, error);
  g_autoptr(GArray) question_ids = cr_record_get_ids (interview, "questions");
  GArray *rows;
  GPtrArray *texts = g_ptr_array_new ();
  CrCallSheetInterview entry = { arena_str (arena, cr_record_get (interview, "title")) };

  if (shots == NULL)
    {
      g_ptr_array_unref (texts);
      return FALSE;
    }
  rows = g_array_new (FALSE, TRUE, sizeof (CrShotRow));
  for (guint i = 0; i < shots->len; i++)
    {
      CrShotRow row = { 0 };

      fill_shot_row (arena, g_ptr_array_index (shots, i), people, &row);
      g_array_append_val (rows, row);
    }
  entry.shots = arena_array (arena, rows, &entry.n_shots);
  for (guint i = 0; i < question_ids->len; i++)
    {
      const char *text = field_of (questions, g_array_index (question_ids, gint64, i), "text");

      if (text != NULL)
        g_ptr_array_add (texts, (gpointer) arena_str (arena, text));
    }
  g_ptr_array_add (texts, NULL);
  entry.questions = (const char * const *) g_ptr_array_free (texts, FALSE);
  g_ptr_array_add (arena->blocks, (gpointer) entry.questions);
  g_array_append_val (out, entry);
  return TRUE;
}

/* A location's shots that belong to no interview (b-roll, establishing shots): filmed on
 * a day there, so they go on that day's sheet under the place's name. */
static gboolean
add_location_shots (CrDb            *db,
                    CrDocArena      *arena,
                    const CrRecord  *location,
                    GHashTable      *people,
                    GArray          *out,
                    GError         **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, location->id);
  CrQuery query = { .field = "location", .value = id };
  g_autoptr(GPtrArray) shots = cr_store_list (db, &cr_entity_shot, &query, error);
  g_autoptr(GArray) rows = NULL;
  static const char * const no_questions[] = { NULL };
  CrCallSheetInterview entry = { 0 };

  if (shots == NULL)
    return FALSE;
  rows = g_array_new (FALSE, TRUE, sizeof (CrShotRow));
  for (guint i = 0; i < shots->len; i++)
    {
      const CrRecord *shot = g_ptr_array_index (shots, i);
      CrShotRow row = { 0 };

      if (cr_record_get_int (shot, "interview", 0) != 0)
        continue;
      fill_shot_row (arena, shot, people, &row);
      g_array_append_val (rows, row);
    }
  if (rows->len == 0)
    return TRUE;
  entry.title = arena_take (arena, g_strdup_printf ("%s · outside interviews", cr_record_get (location, "name")));
  entry.shots = arena_array (arena, g_steal_pointer (&rows), &entry.n_shots);
  entry.questions = no_questions;
  g_array_append_val (out, entry);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_days (GPtrArray *days)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < days->len && i < 6; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (days, i));
  if (days->len > 6)
    g_string_append (text, ", …");
  return g_string_free (text, FALSE);
}

gboolean
cr_doc_gather_callsheet (CrDb         *db,
                         const char   *date,
                         CrDocArena   *arena,
                         CrCallSheet  *sheet,
                         GError      **error)
{
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) locations = NULL;
  g_autoptr(GHashTable) questions = NULL;
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(GHashTable) day_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_autoptr(GHashTable) seen_people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_crew = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  GArray *schedule, *person_rows, *crew_rows, *place_rows, *interview_rows;
  GDate day;

  g_array_set_clear_func (slots, slot_clear);
  if (!parse_date (date, &day, error))
    return FALSE;
  if (!(production = cr_store_get (db, &cr_entity_production, 1, error)) ||
      !(people = load_by_id (db, &cr_entity_participant, error)) ||
      !(locations = load_by_id (db, &cr_entity_location, error)) ||
      !(questions = load_by_id (db, &cr_entity_question, error)) ||
      !(interviews = cr_store_list (db, &cr_entity_interview, NULL, error)))
    return FALSE;

  /* The shoot days, and this day's interviews in order of time. */
  for (guint i = 0; i < interviews->len; i++)
    {
      const CrRecord *interview = g_ptr_array_index (interviews, i);
      g_autoptr(GTimeZone) tz = zone_of (interview, locations);
      Slot slot = { interview, cr_record_time_in (interview, "start", tz), cr_record_time_in (interview, "end", tz) };
      char *local_day;

      if (g_strcmp0 (cr_record_get (interview, "status"), "cancelled") == 0 || !slot.start || !slot.end)
        {
          slot_clear (&slot);
          continue;
        }
      local_day = g_date_time_format (slot.start, "%Y-%m-%d");
      if (g_str_equal (local_day, date))
        g_array_append_val (slots, slot);
      else
        slot_clear (&slot);
      /* Asked first: g_hash_table_add () of a day already there would make the copy about
       * to be freed its key, and later days were compared with freed memory. */
      if (g_hash_table_contains (day_set, local_day))
        g_free (local_day);
      else
        {
          g_hash_table_add (day_set, local_day);
          g_ptr_array_add (days, local_day);
        }
    }
  g_ptr_array_sort (days, compare_strings);
  if (slots->len == 0)
    {
      g_autofree char *listed = list_days (days);

      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "no interviews on %s%s%s%s", date,
                   days->len ? " (shoot days: " : " (none are scheduled)", listed, days->len ? ")" : "");
      return FALSE;
    }

  schedule = g_array_new (FALSE, TRUE, sizeof (CrCallSheetSlot));
  person_rows = g_array_new (FALSE, TRUE, sizeof (CrCallSheetPerson));
  crew_rows = g_array_new (FALSE, TRUE, sizeof (CrCallSheetPerson));
  place_rows = g_array_new (FALSE, TRUE, sizeof (CrCallSheetLocation));
  interview_rows = g_array_new (FALSE, TRUE, sizeof (CrCallSheetInterview));
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);
      const CrRecord *location = lookup (locations, cr_record_get_int (slot->interview, "location", 0));
      g_autofree char *start = g_date_time_format (slot->start, "%H:%M");
      g_autofree char *end = g_date_time_format (slot->end, "%H:%M");
      CrCallSheetSlot row = {
        arena_take (arena, g_strdup_printf ("%s–%s", start, end)),
        arena_take (arena, g_date_time_format (slot->start, "%Z")),
        arena_str (arena, cr_record_get (slot->interview, "title")),
        arena_take (arena, join_names (slot->interview, "participants", people)),
        location ? arena_str (arena, cr_record_get (location, "name")) : NULL,
        arena_take (arena, duration_text (slot->start, slot->end)),
      };

      g_array_append_val (schedule, row);
      add_location (arena, location, seen_places, place_rows);
      if (!add_people (db, arena, slot, "participants", INTERVIEWEE_CALL_MINUTES, date, people,
                       seen_people, person_rows, warnings, error) ||
          !add_people (db, arena, slot, "crew", CREW_CALL_MINUTES, date, people, seen_crew, crew_rows,
                       NULL, error) ||
          !add_interview (db, arena, slot->interview, people, questions, interview_rows, error))
        {
          g_array_unref (schedule);
          g_array_unref (person_rows);
          g_array_unref (crew_rows);
          g_array_unref (place_rows);
          g_array_unref (interview_rows);
          return FALSE;
        }
      if (cr_record_get (slot->interview, "notes"))
        g_string_append_printf (notes, "%s%s: %s", notes->len ? "\n" : "",
                                cr_record_get (slot->interview, "title"), cr_record_get (slot->interview, "notes"));
    }
  {
    g_autoptr(GHashTable) places = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < slots->len; i++)
      {
        const Slot *slot = &g_array_index (slots, Slot, i);
        const CrRecord *location = lookup (locations, cr_record_get_int (slot->interview, "location", 0));

        if (location == NULL || !g_hash_table_add (places, (gpointer) &location->id))
          continue;
        if (!add_location_shots (db, arena, location, people, interview_rows, error))
          {
            g_array_unref (schedule);
            g_array_unref (person_rows);
            g_array_unref (crew_rows);
            g_array_unref (place_rows);
            g_array_unref (interview_rows);
            return FALSE;
          }
      }
  }

  *sheet = (CrCallSheet) {
    .title = arena_str (arena, cr_record_get (production, "title")),
    .funder = arena_str (arena, cr_record_get (production, "funder")),
    .date = arena_take (arena, date_label (&day, FALSE)),
    .n_days = days->len,
    .producer = arena_str (arena, cr_record_get (production, "producer")),
    .producer_phone = arena_str (arena, cr_record_get (production, "producer_phone")),
    .producer_email = arena_str (arena, cr_record_get (production, "producer_email")),
    .notes = notes->len ? arena_str (arena, notes->str) : NULL,
  };
  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (g_ptr_array_index (days, i), date))
      sheet->day = i + 1;
  {
    const Slot *first = &g_array_index (slots, Slot, 0);
    g_autoptr(GDateTime) call = g_date_time_add_minutes (first->start, -CREW_CALL_MINUTES);

    sheet->general_call = arena_take (arena, g_date_time_format (call, "%H:%M %Z"));
  }
  sheet->schedule = arena_array (arena, schedule, &sheet->n_schedule);
  sheet->people = arena_array (arena, person_rows, &sheet->n_people);
  sheet->crew = arena_array (arena, crew_rows, &sheet->n_crew);
  sheet->locations = arena_array (arena, place_rows, &sheet->n_locations);
  sheet->interviews = arena_array (arena, interview_rows, &sheet->n_interviews);
  g_ptr_array_add (warnings, NULL);
  sheet->consent_warnings = (const char * const *) g_ptr_array_steal (warnings, NULL);
  g_ptr_array_add (arena->blocks, (gpointer) sheet->consent_warnings);
  return TRUE;
}

/* Release tracker */

static char *
release_missing (const CrConsentState *state)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  switch (state->problem)
    {
    case CR_CONSENT_MISSING:
      g_ptr_array_add (items, "a consent form");
      break;
    case CR_CONSENT_PENDING:
      g_ptr_array_add (items, "signed consent");
      break;
    case CR_CONSENT_DECLINED:
      g_ptr_array_add (items, "declined: do not use");
      break;
    case CR_CONSENT_EXPIRED:
      return g_strdup_printf ("renewal (expired %s)", state->expires);
    case CR_CONSENT_WITHDRAWN:
      return NULL; /* the row is highlighted: nothing can make it usable */
    case CR_CONSENT_NO_GUARDIAN:
    case CR_CONSENT_OK:
    default:
      break;
    }
  /* A minor needs a guardian's consent whatever else is missing. */
  if (state->minor && state->guardian_name == NULL)
    g_ptr_array_add (items, "a guardian's consent");
  if (items->len == 0)
    return NULL;
  g_ptr_array_add (items, NULL);
  return g_strjoinv ("; ", (char **) items->pdata);
}

static char *
release_status (const CrConsentState *state)
{
  g_autofree char *status = NULL;

  if (state->status == NULL)
    return g_strdup ("none recorded");
  status = state->partly_withdrawn ? g_strdup ("withdrawn in part") : humanize (state->status);
  return state->date ? g_strdup_printf ("%s %s", status, state->date) : g_steal_pointer (&status);
}

/* Every choice reads "all channels" rather than the whole list. */
static char *
humanize_set (const char         *stored,
              const char * const *choices,
              const char         *all)
{
  g_auto(GStrv) parts = stored ? g_strsplit (stored, ",", -1) : NULL;

  if (parts != NULL && g_strv_length (parts) == g_strv_length ((char **) choices))
    return g_strdup (all);
  return humanize (stored);
}

static char *
release_scope (const CrConsentState *state)
{
  g_autofree char *channels = humanize_set (state->channels, cr_consent_channels, "all channels");
  g_autofree char *media = humanize_set (state->media, cr_consent_media, "all media");

  /* What the withdrawn grant covered is no longer any use. */
  if (state->problem == CR_CONSENT_WITHDRAWN)
    return g_strdup ("none");

  if (channels && media)
    return g_strdup_printf ("%s; %s", channels, media);
  return g_strdup (channels ? channels : media);
}

static char *
release_guardian (const CrConsentState *state)
{
  if (!state->minor)
    return NULL;
  if (state->guardian_name == NULL)
    return g_strdup ("none recorded");
  if (state->guardian_relationship == NULL)
    return g_strdup (state->guardian_name);
  return g_strdup_printf ("%s (%s)", state->guardian_name, state->guardian_relationship);
}

gboolean
cr_doc_gather_releases (CrDb              *db,
                        const char        *on_date,
                        CrDocArena        *arena,
                        CrReleaseTracker  *tracker,
                        GError           **error)
{
  g_autofree char *now = on_date ? g_strdup (on_date) : today ();
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GHashTable) appear = NULL;
  GArray *rows;
  GDate day;

  if (!parse_date (now, &day, error) ||
      !(production = cr_store_get (db, &cr_entity_production, 1, error)) ||
      !(people = cr_store_list (db, &cr_entity_participant, NULL, error)) ||
      !(states = cr_consent_current_many (db, NULL, now, error)) ||
      !(appear = cr_participants_who_appear (db, error)))
    return FALSE;

  rows = g_array_new (FALSE, TRUE, sizeof (CrReleaseRow));
  for (guint i = 0; i < people->len; i++)
    {
      const CrRecord *person = g_ptr_array_index (people, i);
      const CrConsentState *state = g_hash_table_lookup (states, &person->id);
      CrReleaseRow row;

      if (state == NULL)
        continue;   /* added since the list was read */
      /* Everyone who is interviewed, filmed or logged in footage, whatever their kind; other
       * crew and contacts only when they have a consent history. */
      if (state->status == NULL && g_strcmp0 (cr_record_get (person, "kind"), "interviewee") != 0 &&
          !g_hash_table_contains (appear, &person->id))
        continue;
      row = (CrReleaseRow) {
        arena_str (arena, cr_record_get (person, "name")),
        arena_take (arena, release_status (state)),
        arena_take (arena, release_scope (state)),
        arena_take (arena, humanize (state->naming)),
        arena_str (arena, state->expires),
        arena_take (arena, release_guardian (state)),
        arena_take (arena, release_missing (state)),
        state->problem == CR_CONSENT_WITHDRAWN,
      };
      g_array_append_val (rows, row);
    }
  *tracker = (CrReleaseTracker) {
    .title = arena_str (arena, cr_record_get (production, "title")),
    .as_of = arena_take (arena, date_label (&day, TRUE)),
  };
  tracker->rows = arena_array (arena, rows, &tracker->n_rows);
  return TRUE;
}
