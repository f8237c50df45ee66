/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include "cr-consent-current.h"
#include "cr-consent-summary.h"
#include "cr-store.h"

#define PAGE_SIZE 500

void
cr_consent_summary_free (CrConsentSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->problems);
  g_free (summary);
}

CrConsentSummary *
cr_consent_summary (CrDb          *db,
                    const char    *on_date,
                    guint          keep,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(CrConsentSummary) summary = g_new0 (CrConsentSummary, 1);
  CrQuery query = { .field = "kind", .value = "interviewee", .limit = PAGE_SIZE };

  summary->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
  for (query.offset = 0;; query.offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) people = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) states = NULL;

      if (!(people = cr_store_list (db, &cr_entity_participant, &query, error)))
        return NULL;
      for (guint i = 0; i < people->len; i++)
        g_array_append_val (ids, ((CrRecord *) g_ptr_array_index (people, i))->id);
      /* The page's consent in one query, not one per person. */
      if (!(states = cr_consent_current_many (db, ids, on_date, error)))
        return NULL;
      for (guint i = 0; i < people->len; i++)
        {
          CrRecord *person = g_ptr_array_index (people, i);
          CrConsentState *state = NULL;

          if (!g_hash_table_steal_extended (states, &person->id, NULL, (gpointer *) &state))
            continue;
          summary->n_people++;
          if (state->problem != CR_CONSENT_OK && summary->n_problems++ < keep)
            g_ptr_array_add (summary->problems, state);
          else
            cr_consent_state_free (state);
        }
      if (people->len < PAGE_SIZE)
        break;
    }
  return g_steal_pointer (&summary);
}
