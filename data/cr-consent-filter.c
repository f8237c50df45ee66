/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include "cr-consent-current.h"
#include "cr-consent-filter.h"
#include "cr-consent-standing.h"
#include "cr-store.h"

static const char * const names[] = { "missing", "requested", "signed", "expiring", "expired", "withdrawn",
                                      "declined" };
G_STATIC_ASSERT (G_N_ELEMENTS (names) == CR_CONSENT_N_FILTERS);

const char *
cr_consent_filter_to_string (CrConsentFilter filter)
{
  g_return_val_if_fail (filter < CR_CONSENT_N_FILTERS, NULL);
  return names[filter];
}

void
cr_consent_sorted_free (CrConsentSorted *sorted)
{
  if (sorted == NULL)
    return;
  for (guint i = 0; i < CR_CONSENT_N_FILTERS; i++)
    g_ptr_array_unref (sorted->people[i]);
  g_free (sorted);
}

/* The filter a person's standing falls under, or -1 for none (needs none, erased). */
static int
filter_of (const CrConsentState *s,
           const char           *soon,
           GHashTable           *crew)
{
  switch (cr_consent_standing_of (s, g_hash_table_contains (crew, &s->participant), soon))
    {
    case CR_CONSENT_STANDING_WITHDRAWN:
      return CR_CONSENT_FILTER_WITHDRAWN;
    case CR_CONSENT_STANDING_EXPIRED:
      return CR_CONSENT_FILTER_EXPIRED;
    case CR_CONSENT_STANDING_DECLINED:
      return CR_CONSENT_FILTER_DECLINED;
    case CR_CONSENT_STANDING_MISSING:
      return CR_CONSENT_FILTER_MISSING;
    case CR_CONSENT_STANDING_REQUESTED:
      return CR_CONSENT_FILTER_REQUESTED;
    case CR_CONSENT_STANDING_EXPIRING:
      return CR_CONSENT_FILTER_EXPIRING;
    case CR_CONSENT_STANDING_NO_GUARDIAN:
      /* Given, with its problem shown on the row. */
    case CR_CONSENT_STANDING_SIGNED:
      return CR_CONSENT_FILTER_SIGNED;
    case CR_CONSENT_STANDING_NOT_NEEDED:
    case CR_CONSENT_STANDING_ERASED:
    default:
      return -1;
    }
}

CrConsentSorted *
cr_consent_sort_by_filter (CrDb        *db,
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
  g_autoptr(CrConsentSorted) sorted = NULL;

  if (day == NULL)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "date: “%s” is not YYYY-MM-DD", date);
      return NULL;
    }
  last = g_date_time_add_days (day, (int) days);
  soon = g_date_time_format (last, "%Y-%m-%d");
  if (!(crew = cr_participants_not_filmed (db, error)) || !(all = cr_consent_current_all (db, date, error)))
    return NULL;

  sorted = g_new0 (CrConsentSorted, 1);
  for (guint i = 0; i < CR_CONSENT_N_FILTERS; i++)
    sorted->people[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
  /* Each state moves to its list (stealing one by one would shift the array each time). */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CrConsentState *state = g_ptr_array_index (all, i);
      int filter = filter_of (state, soon, crew);

      if (filter >= 0)
        g_ptr_array_add (sorted->people[filter], state);
      else
        cr_consent_state_free (state);
    }
  return g_steal_pointer (&sorted);
}
