/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cr-consent-current.h"
#include "cr-consent-current-private.h"
#include "cr-consent-deriver.h"

/* Everyone's current consent in one pass. Most people's latest record is on or before the
 * date asked about (records dated after today are refused), so their consent comes from
 * consent_now (0011), the latest record and latest grant that triggers keep per person:
 * one short row each, read beside the people in id order. Those whose latest record is
 * later than the date (a question about the past) are answered from the history: their
 * records by person, newest first (date, then id), from the covering index consent_current;
 * a person's first record is their latest and their first grant their latest grant.
 * ?1: the date asked about; ?2: a JSON array of ids, or absent for everyone. */
#define FACTS "status, date, channels, media, naming, expires, guardian_name, guardian_relationship," \
  " form_version, withdrawal_scope"
#define N_FACTS 10
#define IN_IDS " IN (SELECT value FROM json_each (?2))"

static const char people_sql[] = "SELECT id, name, minor, date_of_birth, erased_at FROM participant ORDER BY id";
static const char some_people_sql[] =
  "SELECT id, name, minor, date_of_birth, erased_at FROM participant WHERE id" IN_IDS " ORDER BY id";
static const char records_sql[] =
  "SELECT participant, " FACTS " FROM consent WHERE date <= ?1 ORDER BY participant, date DESC, id DESC";
static const char some_records_sql[] =
  "SELECT participant, " FACTS " FROM consent WHERE date <= ?1 AND participant" IN_IDS
  " ORDER BY participant, date DESC, id DESC";
/* Columns: 0 participant, 1 the latest record's facts, 2 the grant's when it is another
 * record (see 0011 for how facts are packed, and now_row () for what else they tell). */
static const char now_sql[] = "SELECT participant, facts, grant_facts FROM consent_now ORDER BY participant";
/* The people named, each with their consent_now row: the ids' JSON array is walked once
 * (CROSS JOIN keeps it the outer loop), each id a look-up in both tables. Columns as
 * people_sql's, then 5 and 6 as now_sql's 1 and 2. */
static const char some_people_now_sql[] =
  "SELECT p.id, p.name, p.minor, p.date_of_birth, p.erased_at, n.facts, n.grant_facts"
  " FROM json_each (?2) j CROSS JOIN participant p ON p.id = j.value"
  " LEFT JOIN consent_now n ON n.participant = p.id";

/* One record's facts, copied out of the statement before it steps on; reused person to
 * person so that the pass allocates nothing per record. */
typedef struct
{
  GString *text;
  gssize   at[N_FACTS];   /* offsets into text; -1: NULL */
} SavedFacts;

static void
save_facts (SavedFacts   *saved,
            sqlite3_stmt *stmt)
{
  g_string_truncate (saved->text, 0);
  for (int i = 0; i < N_FACTS; i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 1 + i);

      saved->at[i] = value ? (gssize) saved->text->len : -1;
      if (value)
        g_string_append_len (saved->text, value, (gssize) strlen (value) + 1);
    }
}

static void
facts_of (const SavedFacts *saved,
          CrConsentFacts   *f)
{
  const char *v[N_FACTS];

  for (int i = 0; i < N_FACTS; i++)
    v[i] = saved->at[i] < 0 ? NULL : saved->text->str + saved->at[i];
  *f = (CrConsentFacts) { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9] };
}

static int
by_id (const void *a,
       const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids once each and in order: SQLite builds its IN set fastest from sorted input. A
 * cut's check names some 20,000 people, so the digits are written by hand, not by printf. */
static char *
ids_json (GArray *ids,
          guint  *distinct)
{
  g_autofree gint64 *sorted = g_memdup2 (ids->data, ids->len * sizeof (gint64));
  GString *json = g_string_sized_new (16 + ids->len * 8);

  if (ids->len > 0)
    qsort (sorted, ids->len, sizeof (gint64), by_id);
  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    if (i == 0 || sorted[i] != sorted[i - 1])
      {
        char digits[24];
        int n = 0;
        guint64 v = sorted[i] < 0 ? 0 - (guint64) sorted[i] : (guint64) sorted[i];

        do
          digits[n++] = (char) ('0' + v % 10);
        while ((v /= 10) != 0);
        if (json->len > 1)
          g_string_append_c (json, ',');
        if (sorted[i] < 0)
          g_string_append_c (json, '-');
        while (n > 0)
          g_string_append_c (json, digits[--n]);
      }
  g_string_append_c (json, ']');
  if (distinct)
    {
      *distinct = 0;
      for (guint i = 0; i < ids->len; i++)
        *distinct += i == 0 || sorted[i] != sorted[i - 1];
    }
  return g_string_free (json, FALSE);
}

static sqlite3_stmt *
prepare_stream (CrDb        *db,
                const char  *sql,
                const char  *date,
                const char  *ids,
                GError     **error)
{
  sqlite3_stmt *stmt = cr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_index (stmt, "?1"))
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?1"), date, -1, SQLITE_TRANSIENT);
  if (ids)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?2"), ids, -1, SQLITE_TRANSIENT);
  return stmt;
}

GPtrArray *
cr_consent_history_states (CrDb        *db,
                           GArray      *participants,
                           const char  *date,
                           GError     **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
  g_autofree char *ids = participants ? ids_json (participants, NULL) : NULL;
  g_autoptr(sqlite3_stmt) people = prepare_stream (db, ids ? some_people_sql : people_sql, date, ids, error);
  g_autoptr(sqlite3_stmt) records = people ? prepare_stream (db, ids ? some_records_sql : records_sql, date, ids, error)
                                           : NULL;
  g_autoptr(GString) latest_text = g_string_sized_new (256);
  g_autoptr(GString) grant_text = g_string_sized_new (256);
  SavedFacts latest = { latest_text }, grant = { grant_text };
  int prc, rrc;

  if (records == NULL)
    return NULL;
  rrc = sqlite3_step (records);
  while ((prc = sqlite3_step (people)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (people, 0);
      gboolean has_latest = FALSE, has_grant = FALSE, grant_is_latest = FALSE;
      CrConsentFacts latest_facts, grant_facts;

      /* Records of nobody cannot be (the foreign key), but the streams must not stall on one. */
      while (rrc == SQLITE_ROW && sqlite3_column_int64 (records, 0) < person)
        rrc = sqlite3_step (records);
      for (; rrc == SQLITE_ROW && sqlite3_column_int64 (records, 0) == person; rrc = sqlite3_step (records))
        {
          gboolean is_grant;

          if (has_grant)
            continue;
          is_grant = cr_consent_is_grant ((const char *) sqlite3_column_text (records, 1));
          if (!has_latest)
            {
              save_facts (&latest, records);
              has_latest = TRUE;
              grant_is_latest = has_grant = is_grant;
            }
          else if (is_grant)
            {
              save_facts (&grant, records);
              has_grant = TRUE;
            }
        }
      if (rrc != SQLITE_ROW && rrc != SQLITE_DONE)
        break;
      if (has_latest)
        facts_of (&latest, &latest_facts);
      if (has_grant)
        facts_of (grant_is_latest ? &latest : &grant, &grant_facts);
      g_ptr_array_add (states, cr_consent_derive (person, (const char *) sqlite3_column_text (people, 1),
                                                  cr_consent_is_minor (sqlite3_column_int (people, 2) != 0,
                                                                       (const char *) sqlite3_column_text (people, 3),
                                                                       date),
                                                  sqlite3_column_type (people, 4) != SQLITE_NULL,
                                                  has_latest ? &latest_facts : NULL, has_grant ? &grant_facts : NULL,
                                                  date));
    }
  if (rrc != SQLITE_ROW && rrc != SQLITE_DONE)
    prc = rrc;
  if (prc != SQLITE_DONE)
    {
      cr_db_set_error (db, prc, error);
      return NULL;
    }
  return g_steal_pointer (&states);
}

/* A packed facts value, read in place: FALSE if it is not what 0011 writes. The value ends
 * in a NUL, so each fact's end is found by strlen, which cannot run past it. */
static gboolean
unpack_facts (const char     *at,
              int             bytes,
              CrConsentFacts *f)
{
  const char *end = at + bytes;
  const char *v[N_FACTS];

  if (at == NULL || bytes < 2 * N_FACTS || end[-1] != '\0')
    return FALSE;
  for (int i = 0; i < N_FACTS; i++)
    {
      if (at >= end || (*at != '0' && *at != '1'))
        return FALSE;
      v[i] = *at == '1' ? at + 1 : NULL;
      at += 1 + strlen (at + 1) + 1;
    }
  *f = (CrConsentFacts) { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9] };
  return TRUE;
}

gboolean
cr_consent_now_answer (const char     *facts,
                       int             facts_len,
                       const char     *grant_facts,
                       int             grant_len,
                       const char     *date,
                       CrConsentFacts *latest,
                       CrConsentFacts *grant,
                       gboolean       *has_grant)
{
  if (!unpack_facts (facts, facts_len, latest) || latest->status == NULL || latest->date == NULL ||
      strcmp (latest->date, date) > 0)
    return FALSE;
  if (grant_facts != NULL)
    {
      *has_grant = TRUE;
      return unpack_facts (grant_facts, grant_len, grant);
    }
  *has_grant = cr_consent_is_grant (latest->status);
  *grant = *latest;
  return TRUE;
}

/* A row's facts in @column and its grant's in the next, as cr_consent_now_answer () takes them. */
static gboolean
now_row (sqlite3_stmt   *stmt,
         int             column,
         const char     *date,
         CrConsentFacts *latest,
         CrConsentFacts *grant,
         gboolean       *has_grant)
{
  return cr_consent_now_answer (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column),
                                sqlite3_column_blob (stmt, column + 1), sqlite3_column_bytes (stmt, column + 1),
                                date, latest, grant, has_grant);
}

/* The states of everyone, in id order: from consent_now where it answers for the date,
 * from the history for the rest. */
static GPtrArray *
query_states (CrDb        *db,
              const char  *date,
              GError     **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
  g_autoptr(sqlite3_stmt) people = prepare_stream (db, people_sql, date, NULL, error);
  g_autoptr(sqlite3_stmt) now = people ? prepare_stream (db, now_sql, date, NULL, error) : NULL;
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) past = NULL;
  int prc, nrc;

  if (now == NULL)
    return NULL;
  nrc = sqlite3_step (now);
  while ((prc = sqlite3_step (people)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (people, 0);
      gboolean has_latest = FALSE, has_grant = FALSE;
      CrConsentFacts latest, grant;

      while (nrc == SQLITE_ROW && sqlite3_column_int64 (now, 0) < person)
        nrc = sqlite3_step (now);
      if (nrc == SQLITE_ROW && sqlite3_column_int64 (now, 0) == person)
        {
          has_latest = now_row (now, 1, date, &latest, &grant, &has_grant);
          has_grant = has_latest && has_grant;
          if (!has_latest)
            {
              /* Later than the date asked about (or not as 0011 writes it): answered from
               * the history below; its place is kept. */
              g_array_append_val (later, person);
              g_ptr_array_add (states, NULL);
              continue;
            }
        }
      g_ptr_array_add (states, cr_consent_derive (person, (const char *) sqlite3_column_text (people, 1),
                                                  cr_consent_is_minor (sqlite3_column_int (people, 2) != 0,
                                                                       (const char *) sqlite3_column_text (people, 3),
                                                                       date),
                                                  sqlite3_column_type (people, 4) != SQLITE_NULL,
                                                  has_latest ? &latest : NULL, has_grant ? &grant : NULL, date));
    }
  if (nrc != SQLITE_ROW && nrc != SQLITE_DONE)
    prc = nrc;
  if (prc != SQLITE_DONE)
    {
      cr_db_set_error (db, prc, error);
      return NULL;
    }
  if (later->len == 0)
    return g_steal_pointer (&states);

  /* Both lists are in id order: the history's answers fill the places kept for them. */
  if (!(past = cr_consent_history_states (db, later, date, error)))
    return NULL;
  for (guint i = 0, m = 0, k = 0; i < states->len; i++)
    if (states->pdata[i] == NULL)
      {
        gint64 person = g_array_index (later, gint64, m++);
        CrConsentState *state = k < past->len ? past->pdata[k] : NULL;

        if (state == NULL || state->participant != person)
          {
            /* Removed between the two reads (by another process): left out, as if gone first. */
            g_ptr_array_remove_index (states, i--);
            continue;
          }
        states->pdata[i] = state;
        past->pdata[k++] = NULL;
      }
  return g_steal_pointer (&states);
}

static void
add_state (GHashTable     *table,
           CrConsentState *state)
{
  g_hash_table_insert (table, &state->participant, state);
}

/* The people named: one pass over the ids (some_people_now_sql), each row derived beside
 * the reading; those whose latest record is after the date answered from the history. */
static GHashTable *
named_states (CrDb        *db,
              GArray      *participants,
              const char  *date,
              GError     **error)
{
  guint distinct = 0;
  g_autofree char *ids = ids_json (participants, &distinct);
  g_autoptr(sqlite3_stmt) stmt = prepare_stream (db, some_people_now_sql, date, ids, error);
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) who = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrConsentDeriver) deriver = NULL;
  g_autofree CrConsentState **derived = NULL;
  g_autofree gboolean *is_later = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  deriver = cr_consent_deriver_new (date, distinct);
  /* Each id gives at most one row (both joins are on primary keys). */
  while (who->len < distinct && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      const char *facts = sqlite3_column_blob (stmt, 5);
      const char *grant_facts = facts ? sqlite3_column_blob (stmt, 6) : NULL;

      cr_consent_deriver_add (deriver, who->len, person, (const char *) sqlite3_column_text (stmt, 1),
                              sqlite3_column_bytes (stmt, 1),
                              cr_consent_is_minor (sqlite3_column_int (stmt, 2) != 0,
                                                   (const char *) sqlite3_column_text (stmt, 3), date),
                              sqlite3_column_type (stmt, 4) != SQLITE_NULL,
                              facts, facts ? sqlite3_column_bytes (stmt, 5) : 0,
                              grant_facts, grant_facts ? sqlite3_column_bytes (stmt, 6) : 0);
      g_array_append_val (who, person);
    }
  if (who->len == distinct)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, error);
      return NULL;
    }
  derived = cr_consent_deriver_finish (deriver, &is_later);
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) cr_consent_state_free);
  for (guint i = 0; i < who->len; i++)
    if (is_later[i])
      g_array_append_val (later, g_array_index (who, gint64, i));
    else
      add_state (table, g_steal_pointer (&derived[i]));
  if (later->len > 0)
    {
      g_autoptr(GPtrArray) past = cr_consent_history_states (db, later, date, error);

      if (past == NULL)
        return NULL;
      for (guint i = 0; i < past->len; i++)
        add_state (table, g_steal_pointer (&past->pdata[i]));
    }
  return g_steal_pointer (&table);
}

GHashTable *
cr_consent_current_many (CrDb        *db,
                         GArray      *participants,
                         const char  *on_date,
                         GError     **error)
{
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GHashTable) table = NULL;

  if (participants)
    return named_states (db, participants, date, error);
  if (!(states = query_states (db, date, error)))
    return NULL;
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) cr_consent_state_free);
  for (guint i = 0; i < states->len; i++)
    add_state (table, g_steal_pointer (&states->pdata[i]));
  return g_steal_pointer (&table);
}

static int
by_expiry (gconstpointer a,
           gconstpointer b)
{
  const CrConsentState *x = *(const CrConsentState * const *) a;
  const CrConsentState *y = *(const CrConsentState * const *) b;
  int c = g_strcmp0 (x->expires, y->expires);

  return c ? c : g_utf8_collate (x->name, y->name);
}

GPtrArray *
cr_consent_expiring (CrDb        *db,
                     const char  *on_date,
                     guint        days,
                     GError     **error)
{
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  g_autoptr(GPtrArray) all = cr_consent_current_all (db, date, error);
  g_autoptr(GPtrArray) soon = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *until = NULL;

  if (all == NULL)
    return NULL;
  if (!(day = g_date_time_new_from_iso8601 (iso, NULL)))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "date: “%s” is not YYYY-MM-DD", date);
      return NULL;
    }
  last = g_date_time_add_days (day, (int) days);
  until = g_date_time_format (last, "%Y-%m-%d");
  for (guint i = 0; i < all->len; i++)
    {
      CrConsentState *s = g_ptr_array_index (all, i);
      if (s->problem == CR_CONSENT_OK && s->expires && g_strcmp0 (s->expires, until) <= 0)
        g_ptr_array_add (soon, g_ptr_array_steal_index (all, i--));
    }
  g_ptr_array_sort (soon, by_expiry);
  return g_steal_pointer (&soon);
}
