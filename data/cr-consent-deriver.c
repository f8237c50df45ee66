/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <string.h>

#include "cr-consent-deriver.h"
#include "cr-consent-current-private.h"

/* Reading consent_now's rows and deriving the states from them cost about the same, so a
 * second thread derives each batch of rows while the next is read; once the rows are
 * read, the reading thread derives the batches left beside it. */

/* Small enough that a few hundred people make several batches (the tests have 600). */
#define BATCH_ROWS 512

/* A row copied out of the statement: offsets into its batch's bytes. */
typedef struct
{
  guint    slot;
  gint64   participant;
  gsize    name_at;
  gboolean minor;
  gboolean erased;
  gsize    facts_at;
  int      facts_len;
  gssize   grant_at;    /* -1: none */
  int      grant_len;
} Row;

typedef struct
{
  GString *bytes;
  GArray  *rows;
} Batch;

static Batch the_end;   /* pushed after the last batch */

struct _CrConsentDeriver
{
  GAsyncQueue    *queue;
  GThread        *thread;
  Batch          *filling;
  char           *date;
  CrConsentState **states;   /* by slot; each written by one thread only */
  gboolean        *later;
  guint            n_slots;
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new (Batch, 1);

  batch->bytes = g_string_sized_new (BATCH_ROWS * 256);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), BATCH_ROWS);
  return batch;
}

static void
batch_free (Batch *batch)
{
  if (batch == NULL || batch == &the_end)
    return;
  g_string_free (batch->bytes, TRUE);
  g_array_unref (batch->rows);
  g_free (batch);
}

static gpointer
derive_batches (gpointer data)
{
  CrConsentDeriver *d = data;
  Batch *batch;

  while ((batch = g_async_queue_pop (d->queue)) != &the_end)
    {
      for (guint i = 0; i < batch->rows->len; i++)
        {
          const Row *row = &g_array_index (batch->rows, Row, i);
          const char *bytes = batch->bytes->str;
          CrConsentFacts latest, grant;
          gboolean has_grant = FALSE;

          if (row->facts_len < 0)
            d->states[row->slot] = cr_consent_derive (row->participant, bytes + row->name_at, row->minor, row->erased,
                                                      NULL, NULL, d->date);
          else if (!cr_consent_now_answer (bytes + row->facts_at, row->facts_len,
                                           row->grant_at < 0 ? NULL : bytes + row->grant_at, row->grant_len,
                                           d->date, &latest, &grant, &has_grant))
            d->later[row->slot] = TRUE;   /* later than the date, or not as 0011 writes it */
          else
            d->states[row->slot] = cr_consent_derive (row->participant, bytes + row->name_at, row->minor, row->erased,
                                                      &latest, has_grant ? &grant : NULL, d->date);
        }
      batch_free (batch);
    }
  /* The other thread deriving sees the end too. */
  g_async_queue_push (d->queue, &the_end);
  return NULL;
}

CrConsentDeriver *
cr_consent_deriver_new (const char *date,
                        guint       n_slots)
{
  CrConsentDeriver *d = g_new0 (CrConsentDeriver, 1);

  d->queue = g_async_queue_new_full ((GDestroyNotify) batch_free);
  d->date = g_strdup (date);
  d->n_slots = n_slots;
  d->states = g_new0 (CrConsentState *, MAX (n_slots, 1));
  d->later = g_new0 (gboolean, MAX (n_slots, 1));
  /* Without a thread, the batches wait in the queue and are derived at the end. */
  d->thread = g_thread_try_new ("consent-derive", derive_batches, d, NULL);
  return d;
}

static gsize
copy_text (GString    *bytes,
           const char *text,
           int         len)
{
  gsize at = bytes->len;

  /* With a NUL after it: a name as a string, facts as 0011 packs them (ending in one). */
  if (text)
    g_string_append_len (bytes, text, len);
  g_string_append_c (bytes, '\0');
  return at;
}

void
cr_consent_deriver_add (CrConsentDeriver *d,
                        guint             slot,
                        gint64            participant,
                        const char       *name,
                        int               name_len,
                        gboolean          minor,
                        gboolean          erased,
                        const char       *facts,
                        int               facts_len,
                        const char       *grant_facts,
                        int               grant_len)
{
  Row row = { slot, participant, 0, minor, erased, 0, -1, -1, 0 };

  g_return_if_fail (slot < d->n_slots);
  if (d->filling == NULL)
    d->filling = batch_new ();
  row.name_at = copy_text (d->filling->bytes, name, name ? name_len : 0);
  if (facts)
    {
      row.facts_at = copy_text (d->filling->bytes, facts, facts_len);
      row.facts_len = facts_len;
    }
  if (facts && grant_facts)
    {
      row.grant_at = (gssize) copy_text (d->filling->bytes, grant_facts, grant_len);
      row.grant_len = grant_len;
    }
  g_array_append_val (d->filling->rows, row);
  if (d->filling->rows->len == BATCH_ROWS)
    g_async_queue_push (d->queue, g_steal_pointer (&d->filling));
}

CrConsentState **
cr_consent_deriver_finish (CrConsentDeriver  *d,
                           gboolean         **later)
{
  CrConsentState **states;

  if (d->filling)
    g_async_queue_push (d->queue, g_steal_pointer (&d->filling));
  g_async_queue_push (d->queue, &the_end);
  derive_batches (d);
  if (d->thread)
    g_thread_join (g_steal_pointer (&d->thread));
  states = g_steal_pointer (&d->states);
  *later = g_steal_pointer (&d->later);
  return states;
}

void
cr_consent_deriver_free (CrConsentDeriver *d)
{
  if (d == NULL)
    return;
  if (d->thread)
    {
      /* Abandoned before the end (an error while reading): the thread is stopped first. */
      g_async_queue_push (d->queue, &the_end);
      g_thread_join (d->thread);
    }
  batch_free (d->filling);
  g_async_queue_unref (d->queue);
  if (d->states)
    for (guint i = 0; i < d->n_slots; i++)
      cr_consent_state_free (d->states[i]);
  g_free (d->states);
  g_free (d->later);
  g_free (d->date);
  g_free (d);
}
