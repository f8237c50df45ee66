/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cr-consent-current.h"
#include "cr-consent-current-private.h"
#include "cr-consent-deriver.h"
#include "cr-consent-now-reader.h"

/* Everyone's current consent, in name order. The people come from the covering name index
 * (0013), which holds all that consent needs of them, while a second connection reads
 * consent_now in id order beside it (cr-consent-now-reader.c); then each row is derived
 * into its person's place, half in another thread. Where there is no second connection
 * (inside a transaction, a read-only file) or a commit came between the two reads, one
 * connection reads both, each row derived by the deriver beside the reading. */

static const char people_by_name_sql[] =
  "SELECT id, name, minor, date_of_birth, erased_at FROM participant ORDER BY name COLLATE NOCASE, id";
static const char now_sql[] = "SELECT participant, facts, grant_facts FROM consent_now ORDER BY participant";

/* One person, read in name order; the name is kept in a shared buffer. */
typedef struct
{
  gint64   id;
  gsize    name_at;
  gboolean minor;
  gboolean erased;
} Person;

static int
by_person_id (const void *a,
              const void *b)
{
  gint64 x = ((const Person *) a)->id, y = ((const Person *) b)->id;

  return x < y ? -1 : x > y;
}

/* Where each id is in name order. Ids are never reused, so they are mostly dense and a
 * table by id finds a person at once; sparse ids are searched for in a sorted copy (whose
 * name_at holds the place). */
typedef struct
{
  guint  *where;
  gint64  lo, span;
  Person *sorted;
  guint   n;
} Places;

static void
places_init (Places       *places,
             const GArray *persons)
{
  gint64 lo = G_MAXINT64, hi = G_MININT64;

  *places = (Places) { NULL, 0, 0, NULL, persons->len };
  for (guint i = 0; i < persons->len; i++)
    {
      lo = MIN (lo, g_array_index (persons, Person, i).id);
      hi = MAX (hi, g_array_index (persons, Person, i).id);
    }
  if (persons->len > 0 && hi - lo < 4 * (gint64) persons->len + 64)
    {
      places->lo = lo;
      places->span = hi - lo + 1;
      places->where = g_new0 (guint, places->span);
      for (guint i = 0; i < persons->len; i++)
        places->where[g_array_index (persons, Person, i).id - lo] = i + 1;
    }
  else if (persons->len > 0)
    {
      places->sorted = g_memdup2 (persons->data, persons->len * sizeof (Person));
      for (guint i = 0; i < persons->len; i++)
        places->sorted[i].name_at = i;
      qsort (places->sorted, persons->len, sizeof (Person), by_person_id);
    }
}

/* -1: not among the people read. */
static gint64
place_of (const Places *places,
          gint64        id)
{
  Person key = { id };
  const Person *found;

  if (places->where)
    return id >= places->lo && id - places->lo < places->span ? (gint64) places->where[id - places->lo] - 1 : -1;
  found = places->sorted ? bsearch (&key, places->sorted, places->n, sizeof (Person), by_person_id) : NULL;
  return found ? (gint64) found->name_at : -1;
}

static void
places_clear (Places *places)
{
  g_free (places->where);
  g_free (places->sorted);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Places, places_clear)

static CrConsentState *
derive_person (const Person         *p,
               const GString        *names,
               const CrConsentFacts *latest,
               const CrConsentFacts *grant,
               const char           *date)
{
  return cr_consent_derive (p->id, names->str + p->name_at, p->minor, p->erased, latest, grant, date);
}

/* Hands consent_now's rows to the deriver, each to its person's place. The statement has
 * its first row. */
static int
read_rows (sqlite3_stmt     *now,
           int               rc,
           const Places     *places,
           const GArray     *persons,
           const GString    *names,
           CrConsentDeriver *deriver)
{
  for (; rc == SQLITE_ROW; rc = sqlite3_step (now))
    {
      gint64 at = place_of (places, sqlite3_column_int64 (now, 0));
      const Person *p;
      const char *grant_facts;

      if (at < 0)
        continue;   /* added after the people were read: not in this answer */
      p = &g_array_index (persons, Person, at);
      grant_facts = sqlite3_column_blob (now, 2);
      cr_consent_deriver_add (deriver, (guint) at, p->id, names->str + p->name_at, (int) strlen (names->str + p->name_at),
                              p->minor, p->erased, sqlite3_column_blob (now, 1), sqlite3_column_bytes (now, 1),
                              grant_facts, grant_facts ? sqlite3_column_bytes (now, 2) : 0);
    }
  return rc;
}

/* The people in name order, from a statement that may have stepped already (rc). */
static int
read_people (sqlite3_stmt *people,
             const char   *date,
             GArray       *persons,
             GString      *names)
{
  int rc;

  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (people, 1);
      Person p = {
        sqlite3_column_int64 (people, 0), names->len,
        cr_consent_is_minor (sqlite3_column_int (people, 2) != 0, (const char *) sqlite3_column_text (people, 3), date),
        sqlite3_column_type (people, 4) != SQLITE_NULL,
      };

      /* With its NUL (SQLite ends every text with one). */
      g_string_append_len (names, name ? name : "", name ? sqlite3_column_bytes (people, 1) + 1 : 1);
      g_array_append_val (persons, p);
    }
  return rc;
}

/* The answer from the states derived by place (NULL: no consent_now row, or *later*: the
 * history answers), which it takes. */
static GPtrArray *
finish_states (CrDb            *db,
               const GArray    *persons,
               const GString   *names,
               const Places    *places,
               const char      *date,
               CrConsentState **derived,
               const gboolean  *is_later,
               GError         **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_full (persons->len, (GDestroyNotify) cr_consent_state_free);
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint kept = 0;

  for (guint i = 0; i < persons->len; i++)
    g_ptr_array_add (states, derived[i]);

  /* No record at all: no consent. */
  for (guint i = 0; i < persons->len; i++)
    if (is_later[i])
      g_array_append_val (later, g_array_index (persons, Person, i).id);
    else if (states->pdata[i] == NULL)
      states->pdata[i] = derive_person (&g_array_index (persons, Person, i), names, NULL, NULL, date);

  if (later->len > 0)
    {
      g_autoptr(GPtrArray) past = cr_consent_history_states (db, later, date, error);

      if (past == NULL)
        return NULL;
      for (guint k = 0; k < past->len; k++)
        {
          CrConsentState *state = g_ptr_array_index (past, k);
          gint64 at = place_of (places, state->participant);

          if (at >= 0 && states->pdata[at] == NULL)
            states->pdata[at] = g_steal_pointer (&past->pdata[k]);
        }
    }

  /* Someone the history no longer has was removed between the reads (by another process):
   * left out, as if gone first. */
  for (guint i = 0; i < states->len; i++)
    kept += states->pdata[i] != NULL;
  if (kept < states->len)
    {
      GPtrArray *list = g_ptr_array_new_full (kept, (GDestroyNotify) cr_consent_state_free);

      for (guint i = 0; i < states->len; i++)
        if (states->pdata[i] != NULL)
          g_ptr_array_add (list, g_steal_pointer (&states->pdata[i]));
      return list;
    }
  return g_steal_pointer (&states);
}

/* One connection: the first consent_now row is read before the people, so that both
 * reads are one snapshot of the file. */
static GPtrArray *
all_on_one_connection (CrDb        *db,
                       const char  *date,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) people = cr_db_prepare (db, people_by_name_sql, error);
  g_autoptr(sqlite3_stmt) now = people ? cr_db_prepare (db, now_sql, error) : NULL;
  g_autoptr(GArray) persons = g_array_sized_new (FALSE, FALSE, sizeof (Person), 1024);
  g_autoptr(GString) names = g_string_sized_new (64 * 1024);
  g_autoptr(CrConsentDeriver) deriver = NULL;
  g_autofree CrConsentState **derived = NULL;
  g_autofree gboolean *is_later = NULL;
  g_auto(Places) places = { 0 };
  int prc, nrc;

  if (now == NULL)
    return NULL;
  nrc = sqlite3_step (now);
  prc = read_people (people, date, persons, names);
  if (prc != SQLITE_DONE || (nrc != SQLITE_ROW && nrc != SQLITE_DONE))
    {
      cr_db_set_error (db, prc != SQLITE_DONE ? prc : nrc, error);
      return NULL;
    }
  places_init (&places, persons);

  deriver = cr_consent_deriver_new (date, persons->len);
  nrc = read_rows (now, nrc, &places, persons, names, deriver);
  if (nrc != SQLITE_DONE)
    {
      cr_db_set_error (db, nrc, error);
      return NULL;
    }
  derived = cr_consent_deriver_finish (deriver, &is_later);
  return finish_states (db, persons, names, &places, date, derived, is_later, error);
}

/* Rows [from, to) of consent_now, derived into their people's places. */
typedef struct
{
  const CrConsentNowRows *now;
  const Places           *places;
  const GArray           *persons;
  const GString          *names;
  const char             *date;
  CrConsentState        **states;
  gboolean               *later;
  guint                   from, to;
} Share;

static gpointer
derive_share (gpointer data)
{
  const Share *s = data;

  for (guint i = s->from; i < s->to; i++)
    {
      const CrConsentNowRow *row = &g_array_index (s->now->rows, CrConsentNowRow, i);
      gint64 at = place_of (s->places, row->participant);
      CrConsentFacts latest, grant;
      gboolean has_grant = FALSE;

      if (at < 0)
        continue;   /* not among the people: removed, in this snapshot, as the rows say */
      if (!cr_consent_now_answer (row->facts, row->facts_len, row->grant, row->grant_len, s->date, &latest, &grant,
                                  &has_grant))
        s->later[at] = TRUE;   /* later than the date, or not as 0011 writes it */
      else
        s->states[at] = derive_person (&g_array_index (s->persons, Person, at), s->names, &latest,
                                       has_grant ? &grant : NULL, s->date);
    }
  return NULL;
}

/* Two connections. NULL without an error: a commit came between the reads (or the second
 * one failed), and one connection must read again. */
static GPtrArray *
all_beside (CrDb        *db,
            CrDb        *reader,
            const char  *date,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) people = cr_db_prepare (db, people_by_name_sql, error);
  g_autoptr(GArray) persons = g_array_sized_new (FALSE, FALSE, sizeof (Person), 1024);
  g_autoptr(GString) names = g_string_sized_new (64 * 1024);
  g_autoptr(CrConsentNowRows) now = NULL;
  g_autofree CrConsentState **derived = NULL;
  g_autofree gboolean *is_later = NULL;
  g_auto(Places) places = { 0 };
  CrConsentNowReading *reading;
  GThread *helper;
  Share shares[2];
  int prc;

  if (people == NULL || !(reading = cr_consent_now_reading_start (reader)))
    return NULL;
  prc = read_people (people, date, persons, names);
  g_clear_pointer (&people, sqlite3_finalize);   /* the snapshot ends before the check */
  now = cr_consent_now_reading_finish (reading);
  if (prc != SQLITE_DONE)
    {
      cr_db_set_error (db, prc, error);
      return NULL;
    }
  if (now == NULL)
    return NULL;
  places_init (&places, persons);
  derived = g_new0 (CrConsentState *, MAX (persons->len, 1));
  is_later = g_new0 (gboolean, MAX (persons->len, 1));
  for (guint k = 0; k < 2; k++)
    shares[k] = (Share) { now, &places, persons, names, date, derived, is_later,
                          k * now->rows->len / 2, (k + 1) * now->rows->len / 2 };
  helper = g_thread_try_new ("consent-derive", derive_share, &shares[0], NULL);
  if (helper == NULL)
    derive_share (&shares[0]);
  derive_share (&shares[1]);
  if (helper)
    g_thread_join (helper);
  return finish_states (db, persons, names, &places, date, derived, is_later, error);
}

GPtrArray *
cr_consent_current_all (CrDb        *db,
                        const char  *on_date,
                        GError     **error)
{
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  CrDb *reader = cr_db_get_reader (db);

  if (reader != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      GPtrArray *states = all_beside (db, reader, date, &local_error);

      if (states != NULL)
        return states;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return all_on_one_connection (db, date, error);
}
