/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include "cr-consent-current.h"
#include "cr-consent-standing.h"
#include "cr-store.h"

struct _CrConsentStandings
{
  GHashTable *states;      /* id (in the state) -> CrConsentState */
  GHashTable *standings;   /* id (in the state) -> CrConsentStanding */
};

void
cr_consent_standings_free (CrConsentStandings *standings)
{
  if (standings == NULL)
    return;
  g_hash_table_unref (standings->standings);
  g_hash_table_unref (standings->states);
  g_free (standings);
}

CrConsentStanding
cr_consent_standing_of (const CrConsentState *s,
                        gboolean              crew,
                        const char           *soon)
{
  if (s->erased)
    return CR_CONSENT_STANDING_ERASED;
  switch (s->problem)
    {
    case CR_CONSENT_MISSING:
      return crew ? CR_CONSENT_STANDING_NOT_NEEDED : CR_CONSENT_STANDING_MISSING;
    case CR_CONSENT_PENDING:
      return g_strcmp0 (s->status, "requested") == 0 ? CR_CONSENT_STANDING_REQUESTED : CR_CONSENT_STANDING_MISSING;
    case CR_CONSENT_DECLINED:
      return CR_CONSENT_STANDING_DECLINED;
    case CR_CONSENT_WITHDRAWN:
      return CR_CONSENT_STANDING_WITHDRAWN;
    case CR_CONSENT_EXPIRED:
      return CR_CONSENT_STANDING_EXPIRED;
    case CR_CONSENT_NO_GUARDIAN:
      /* Given, and taken back in part: the withdrawal is what stands. */
      return s->partly_withdrawn ? CR_CONSENT_STANDING_WITHDRAWN : CR_CONSENT_STANDING_NO_GUARDIAN;
    case CR_CONSENT_OK:
      if (s->partly_withdrawn)
        return CR_CONSENT_STANDING_WITHDRAWN;
      /* As the Overview's "ends within 30 days" counts it. */
      if (s->expires && soon && g_strcmp0 (s->expires, soon) <= 0)
        return CR_CONSENT_STANDING_EXPIRING;
      return CR_CONSENT_STANDING_SIGNED;
    case CR_CONSENT_ERASED:
    default:
      return CR_CONSENT_STANDING_ERASED;
    }
}

GHashTable *
cr_participants_not_filmed (CrDb    *db,
                            GError **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (const char * const *kind = (const char * const[]) { "crew", "contact", NULL }; *kind; kind++)
    {
      CrQuery query = { .field = "kind", .value = *kind };
      g_autoptr(GArray) rows = cr_store_list_ids (db, &cr_entity_participant, &query, error);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        g_hash_table_add (ids, g_memdup2 (&g_array_index (rows, gint64, i), sizeof (gint64)));
    }
  return g_steal_pointer (&ids);
}

CrConsentStandings *
cr_consent_standings_read (CrDb        *db,
                           const char  *on_date,
                           guint        days,
                           GError     **error)
{
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *soon = NULL;
  g_autoptr(GHashTable) crew = NULL;
  g_autoptr(GPtrArray) all = NULL;
  CrConsentStandings *standings;

  if (day == NULL)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "date: “%s” is not YYYY-MM-DD", date);
      return NULL;
    }
  last = g_date_time_add_days (day, (int) days);
  soon = g_date_time_format (last, "%Y-%m-%d");
  if (!(crew = cr_participants_not_filmed (db, error)) || !(all = cr_consent_current_all (db, date, error)))
    return NULL;
  standings = g_new0 (CrConsentStandings, 1);
  standings->states = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify) cr_consent_state_free);
  standings->standings = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* The states move to the table, keyed by their own id field. */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CrConsentState *state = g_ptr_array_index (all, i);
      CrConsentStanding standing = cr_consent_standing_of (state, g_hash_table_contains (crew, &state->participant),
                                                           soon);

      g_hash_table_insert (standings->states, &state->participant, state);
      g_hash_table_insert (standings->standings, &state->participant, GINT_TO_POINTER (standing));
    }
  return standings;
}

const CrConsentState *
cr_consent_standings_state (CrConsentStandings *standings,
                            gint64              participant)
{
  g_return_val_if_fail (standings != NULL, NULL);
  return g_hash_table_lookup (standings->states, &participant);
}

CrConsentStanding
cr_consent_standings_of (CrConsentStandings *standings,
                         gint64              participant)
{
  gpointer value = NULL;

  g_return_val_if_fail (standings != NULL, CR_CONSENT_STANDING_MISSING);
  /* Someone the read did not see has nothing on record yet. */
  if (!g_hash_table_lookup_extended (standings->standings, &participant, NULL, &value))
    return CR_CONSENT_STANDING_MISSING;
  return GPOINTER_TO_INT (value);
}
