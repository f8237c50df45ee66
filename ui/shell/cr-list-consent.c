/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-list-consent"

#include "config.h"

#include <string.h>

#include "cr-consent-words.h"
#include "cr-list-consent.h"
#include "cr-store.h"

/* As the Overview's "consent ends within 30 days". */
#define EXPIRING_DAYS 30

struct _CrListConsent
{
  CrConsentStandings *standings;
  GHashTable         *words;   /* id -> the Consent column's words, casefolded */
};

CrListConsent *
cr_list_consent_new (void)
{
  return g_new0 (CrListConsent, 1);
}

void
cr_list_consent_forget (CrListConsent *consent)
{
  g_clear_pointer (&consent->standings, cr_consent_standings_free);
  g_clear_pointer (&consent->words, g_hash_table_unref);
}

void
cr_list_consent_free (CrListConsent *consent)
{
  if (consent == NULL)
    return;
  cr_list_consent_forget (consent);
  g_free (consent);
}

CrConsentStandings *
cr_list_consent_standings (CrListConsent *consent,
                           CrDb          *db,
                           GError       **error)
{
  if (consent->standings == NULL)
    consent->standings = cr_consent_standings_read (db, NULL, EXPIRING_DAYS, error);
  return consent->standings;
}

static GHashTable *
words_of_everyone (CrListConsent *consent,
                   CrDb          *db,
                   GError       **error)
{
  CrConsentStandings *standings;
  g_autoptr(GArray) everyone = NULL;
  CrQuery all = { 0 };

  if (consent->words != NULL)
    return consent->words;
  if (!(standings = cr_list_consent_standings (consent, db, error)) ||
      !(everyone = cr_store_list_ids (db, &cr_entity_participant, &all, error)))
    return NULL;
  consent->words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < everyone->len; i++)
    {
      gint64 id = g_array_index (everyone, gint64, i);
      const CrConsentState *state = cr_consent_standings_state (standings, id);
      const char *style = NULL;
      g_autofree char *words = NULL;

      if (state == NULL)
        continue;
      words = cr_consent_words (state, cr_consent_standings_of (standings, id), &style);
      g_hash_table_insert (consent->words, g_memdup2 (&id, sizeof id), g_utf8_casefold (words, -1));
    }
  return consent->words;
}

GHashTable *
cr_list_consent_matching (CrListConsent *consent,
                          CrDb          *db,
                          const char    *search,
                          GError       **error)
{
  g_autofree char *folded = g_utf8_casefold (search, -1);
  GHashTable *words = words_of_everyone (consent, db, error);
  GHashTable *matches = NULL;
  GHashTableIter iter;
  gpointer id, text;

  if (words == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &id, &text))
    if (strstr (text, folded) != NULL)
      {
        if (matches == NULL)
          matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
        g_hash_table_add (matches, g_memdup2 (id, sizeof (gint64)));
      }
  return matches;
}

typedef struct
{
  int    standing;
  guint  index;
} Ranked;

static int
by_standing (gconstpointer a,
             gconstpointer b,
             gpointer      descending)
{
  const Ranked *x = a, *y = b;

  if (x->standing != y->standing)
    return (x->standing < y->standing ? -1 : 1) * (descending ? -1 : 1);
  /* Within a standing, the names stay in their order either way. */
  return x->index < y->index ? -1 : x->index > y->index;
}

gboolean
cr_list_consent_sort (CrListConsent *consent,
                      CrDb          *db,
                      GArray        *ids,
                      gboolean       descending,
                      GError       **error)
{
  CrConsentStandings *standings = cr_list_consent_standings (consent, db, error);
  g_autofree Ranked *ranked = NULL;
  g_autoptr(GArray) sorted = NULL;

  if (standings == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  ranked = g_new (Ranked, ids->len);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  for (guint i = 0; i < ids->len; i++)
    ranked[i] = (Ranked) { cr_consent_standings_of (standings, g_array_index (ids, gint64, i)), i };
  g_qsort_with_data (ranked, (gint) ids->len, sizeof (Ranked), by_standing, GINT_TO_POINTER (descending));
  for (guint i = 0; i < ids->len; i++)
    g_array_append_val (sorted, g_array_index (ids, gint64, ranked[i].index));
  memcpy (ids->data, sorted->data, ids->len * sizeof (gint64));
  return TRUE;
}
