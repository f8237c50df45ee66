/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include "cr-consent-current.h"

/* Per person: the latest record on or before ?1, and the latest grant (both by date, then
 * by id, as the history is ordered). ?2: a JSON array of ids, or NULL for everyone. */
#define GRANTS "('signed', 'verbal-noted', 'recorded-on-camera')"
#define FACTS(t) t ".status, " t ".date, " t ".channels, " t ".media, " t ".naming, " t ".expires, " \
  t ".guardian_name, " t ".guardian_relationship, " t ".form_version, " t ".withdrawal_scope"
enum { COL_ID, COL_NAME, COL_MINOR, COL_DOB, COL_ERASED, COL_LATEST, COL_GRANT = COL_LATEST + 10 };

#define CURRENT_SQL(people, order) \
  "SELECT p.id, p.name, p.minor, p.date_of_birth, p.erased_at, " FACTS ("l") ", " FACTS ("g") \
  " FROM " people \
  " LEFT JOIN consent l ON l.id = (SELECT id FROM consent WHERE participant = p.id AND date <= ?1" \
  "   ORDER BY date DESC, id DESC LIMIT 1)" \
  " LEFT JOIN consent g ON g.id = (SELECT id FROM consent WHERE participant = p.id AND date <= ?1" \
  "   AND status IN " GRANTS " ORDER BY date DESC, id DESC LIMIT 1)" order

/* Everyone in name order (for lists); the people named in ?2, in no order (for lookups). */
static const char everyone_sql[] = CURRENT_SQL ("participant p", " ORDER BY p.name COLLATE NOCASE, p.id");
static const char some_sql[] =
  CURRENT_SQL ("(SELECT DISTINCT value AS id FROM json_each (?2)) ids JOIN participant p ON p.id = ids.id", "");
static const char lookup_sql[] = CURRENT_SQL ("participant p", "");

static const char *
text (sqlite3_stmt *stmt,
      int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static void
facts_at (sqlite3_stmt   *stmt,
          int             col,
          CrConsentFacts *f)
{
  *f = (CrConsentFacts) { text (stmt, col), text (stmt, col + 1), text (stmt, col + 2), text (stmt, col + 3),
                          text (stmt, col + 4), text (stmt, col + 5), text (stmt, col + 6), text (stmt, col + 7),
                          text (stmt, col + 8), text (stmt, col + 9) };
}

static char *
ids_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void insert_state (CrConsentState *state, gpointer table);

/* Calls `each` with every state (in name order unless for a table); it takes the state. */
static gboolean
query_states (CrDb        *db,
              GArray      *participants,
              const char  *on_date,
              void       (*each) (CrConsentState *state, gpointer data),
              gpointer     data,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, participants ? some_sql : each == insert_state ? lookup_sql
                                                                                     : everyone_sql, error);
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  g_autofree char *ids = participants ? ids_json (participants) : NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  if (ids)
    sqlite3_bind_text (stmt, 2, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrConsentState *state = g_new0 (CrConsentState, 1);
      CrConsentFacts latest, grant;
      gboolean has_latest = sqlite3_column_type (stmt, COL_LATEST) != SQLITE_NULL;
      gboolean has_grant = sqlite3_column_type (stmt, COL_GRANT) != SQLITE_NULL;

      state->participant = sqlite3_column_int64 (stmt, COL_ID);
      state->name = g_strdup (text (stmt, COL_NAME));
      state->minor = cr_consent_is_minor (sqlite3_column_int (stmt, COL_MINOR) != 0, text (stmt, COL_DOB), date);
      state->erased = sqlite3_column_type (stmt, COL_ERASED) != SQLITE_NULL;
      facts_at (stmt, COL_LATEST, &latest);
      facts_at (stmt, COL_GRANT, &grant);
      cr_consent_derive (state, has_latest ? &latest : NULL, has_grant ? &grant : NULL, date);
      each (state, data);
    }
  return rc == SQLITE_DONE || cr_db_set_error (db, rc, error);
}

static void
insert_state (CrConsentState *state,
              gpointer        table)
{
  g_hash_table_insert (table, &state->participant, state);
}

GHashTable *
cr_consent_current_many (CrDb        *db,
                         GArray      *participants,
                         const char  *on_date,
                         GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) cr_consent_state_free);

  if (!query_states (db, participants, on_date, insert_state, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

static void
append_state (CrConsentState *state,
              gpointer        list)
{
  g_ptr_array_add (list, state);
}

GPtrArray *
cr_consent_current_all (CrDb        *db,
                        const char  *on_date,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);

  if (!query_states (db, NULL, on_date, append_state, list, error))
    return NULL;
  return g_steal_pointer (&list);
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
