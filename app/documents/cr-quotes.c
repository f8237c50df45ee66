/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-quotes"

#include "config.h"

#include <string.h>

#include "cr-clip-time.h"
#include "cr-cut.h"
#include "cr-quotes.h"
#include "cr-store.h"
#include "cr-transcripts.h"

/* The medium a consent form names for words used in print. */
#define QUOTES_MEDIUM "quotes"

static void
quote_free (CrQuote *quote)
{
  g_free (quote->question_text);
  g_free (quote->text);
  g_free (quote->attribution);
  g_free (quote);
}

static void
left_out_free (CrQuoteLeftOut *left)
{
  g_free (left->who);
  g_free (left->where);
  g_free (left->reason);
  g_free (left);
}

void
cr_quotes_free (CrQuotes *quotes)
{
  if (quotes == NULL)
    return;
  g_ptr_array_unref (quotes->quotes);
  g_ptr_array_unref (quotes->left_out);
  g_free (quotes);
}

static char *
first_name (const char *name)
{
  const char *space = strchr (name, ' ');

  return space ? g_strndup (name, space - name) : g_strdup (name);
}

/* "a parent", "an outreach worker": the role as a common noun. */
static char *
neutral_description (const CrRecord *participant,
                     gboolean        minor)
{
  const char *role = cr_record_get (participant, "role");
  const char *kind = cr_record_get (participant, "kind");
  g_autofree char *noun = NULL;

  /* A minor's role may name their school: it is never used. */
  if (minor)
    return g_strdup ("a young person");
  if (role == NULL || *role == '\0')
    return g_strdup (g_strcmp0 (kind, "crew") == 0 ? "a member of the team" :
                     g_strcmp0 (kind, "contact") == 0 ? "a partner" : "a participant");
  noun = g_strdup (role);
  /* "Parent" -> "parent", but "NHS nurse" keeps its capitals. */
  if (g_ascii_isupper (noun[0]) && !g_ascii_isupper (noun[1]))
    noun[0] = g_ascii_tolower (noun[0]);
  return g_strdup_printf ("%s %s", strchr ("aeiouAEIOU", noun[0]) ? "an" : "a", noun);
}

char *
cr_quotes_attribution (const CrRecord       *participant,
                       const CrConsentState *state)
{
  const char *name = cr_record_get (participant, "name");
  const char *naming = state->naming;

  /* Without a naming level on the form, nobody is named. */
  if (naming == NULL || g_str_equal (naming, "anonymous") || name == NULL)
    return neutral_description (participant, state->minor);
  if (state->minor || g_str_equal (naming, "first-name"))
    return first_name (name);
  {
    GString *out = g_string_new (name);
    const char *role = cr_record_get (participant, "role");
    const char *organisation = cr_record_get (participant, "organisation");

    if (role && *role)
      g_string_append_printf (out, ", %s", role);
    if (organisation && *organisation)
      g_string_append_printf (out, ", %s", organisation);
    return g_string_free (out, FALSE);
  }
}

static gboolean
wanted (GArray *questions,
        gint64  question)
{
  if (questions == NULL)
    return TRUE;
  for (guint i = 0; i < questions->len; i++)
    if (g_array_index (questions, gint64, i) == question)
      return TRUE;
  return FALSE;
}

static void
leave_out (CrQuotes                  *quotes,
           CrDb                      *db,
           const CrTranscriptPassage *p,
           const char                *who,
           char                      *reason)
{
  CrQuoteLeftOut *left = g_new0 (CrQuoteLeftOut, 1);
  g_autofree char *at = cr_clip_format_position (db, p->clip, p->in_frame);

  left->who = g_strdup (who);
  left->where = g_strdup_printf ("%s at %s", p->clip_name, at);
  left->reason = reason;
  g_ptr_array_add (quotes->left_out, left);
}

CrQuotes *
cr_quotes_gather (CrDb                   *db,
                  const CrQuotesOptions  *options,
                  GError                **error)
{
  g_autoptr(GPtrArray) passages = cr_transcript_passages (db, options->cut, error);
  g_autoptr(CrQuotes) quotes = g_new0 (CrQuotes, 1);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) cr_consent_state_free);

  if (passages == NULL)
    return NULL;
  quotes->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_free);
  quotes->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) left_out_free);
  for (guint i = 0; i < passages->len; i++)
    {
      const CrTranscriptPassage *p = g_ptr_array_index (passages, i);
      g_autoptr(CrRecord) person = NULL;
      CrConsentState *state;
      CrQuote *quote;
      char *reason = NULL;

      if (!wanted (options->questions, p->question))
        continue;
      if (p->participant == 0)
        {
          leave_out (quotes, db, p, "(nobody linked)", g_strdup ("nobody is linked to it, so no consent covers it"));
          continue;
        }
      if (!(person = cr_store_get (db, &cr_entity_participant, p->participant, error)))
        return NULL;
      if (!(state = g_hash_table_lookup (states, &p->participant)))
        {
          if (!(state = cr_consent_current (db, p->participant, options->on_date, error)))
            return NULL;
          g_hash_table_insert (states, g_memdup2 (&p->participant, sizeof p->participant), state);
        }
      if (!cr_consent_allows (state, options->channel, QUOTES_MEDIUM, &reason))
        {
          const char *name = cr_record_get (person, "name");
          g_autofree char *who = state->minor ? first_name (name) : g_strdup (name);
          leave_out (quotes, db, p, who, reason);
          continue;
        }
      quote = g_new0 (CrQuote, 1);
      quote->question = p->question;
      quote->question_text = g_strdup (p->question_text);
      quote->text = g_strdup (p->text);
      quote->attribution = cr_quotes_attribution (person, state);
      g_ptr_array_add (quotes->quotes, quote);
    }
  return g_steal_pointer (&quotes);
}

void
cr_quotes_add_quotes (const CrQuotes *quotes,
                      CrWriting      *writing,
                      CrWritingKind   heading,
                      GArray         *only_questions)
{
  gint64 last = -1;

  for (guint i = 0; i < quotes->quotes->len; i++)
    {
      const CrQuote *q = g_ptr_array_index (quotes->quotes, i);

      if (!wanted (only_questions, q->question))
        continue;
      if (q->question != last)
        cr_writing_add (writing, heading, "%s", q->question ? q->question_text : "Other moments");
      last = q->question;
      cr_writing_add (writing, CR_WRITING_QUOTE, "“%s”", q->text);
      cr_writing_add (writing, CR_WRITING_ATTRIBUTION, "%s", q->attribution);
    }
}

void
cr_quotes_add_left_out (const CrQuotes *quotes,
                        CrWriting      *writing)
{
  if (quotes->left_out->len == 0)
    return;
  cr_writing_add (writing, CR_WRITING_HEADING, "Left out");
  cr_writing_add (writing, CR_WRITING_PARAGRAPH,
                  "For the producer: these passages were not used because consent does not allow it. "
                  "Remove this list before the document is shared.");
  for (guint i = 0; i < quotes->left_out->len; i++)
    {
      const CrQuoteLeftOut *l = g_ptr_array_index (quotes->left_out, i);
      cr_writing_add (writing, CR_WRITING_ITEM, "%s (%s): %s", l->who, l->where, l->reason);
    }
}

void
cr_quotes_refuse (const CrQuotes  *quotes,
                  const char      *path,
                  GError         **error)
{
  g_autoptr(GString) why = g_string_new (NULL);

  for (guint i = 0; i < MIN (quotes->left_out->len, 3); i++)
    {
      const CrQuoteLeftOut *l = g_ptr_array_index (quotes->left_out, i);
      g_string_append_printf (why, "%s%s: %s", i ? "; " : "", l->who, l->reason);
    }
  if (quotes->left_out->len > 3)
    g_string_append_printf (why, "; and %u more", quotes->left_out->len - 3);
  g_set_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED,
               "%s: not written: %u passage%s cannot be quoted (%s); --allow-unconsented writes the rest and lists them",
               path, quotes->left_out->len, quotes->left_out->len == 1 ? "" : "s", why->str);
}

gboolean
cr_quotes_write (CrDb                   *db,
                 const CrQuotesOptions  *options,
                 gboolean                allow_unconsented,
                 const char             *path,
                 CrQuotes              **result,
                 GError                **error)
{
  g_autoptr(CrQuotes) quotes = cr_quotes_gather (db, options, error);
  g_autoptr(CrWriting) writing = cr_writing_new ();
  g_autoptr(CrRecord) production = NULL;

  if (quotes == NULL)
    return FALSE;
  if (quotes->left_out->len && !allow_unconsented)
    {
      cr_quotes_refuse (quotes, path, error);
      return FALSE;
    }
  production = cr_store_get (db, &cr_entity_production, 1, NULL);
  cr_writing_add (writing, CR_WRITING_TITLE, "Quotes: %s",
                  production && cr_record_get (production, "title") ? cr_record_get (production, "title") : "");
  cr_quotes_add_quotes (quotes, writing, CR_WRITING_HEADING, NULL);
  if (quotes->quotes->len == 0)
    cr_writing_add (writing, CR_WRITING_PARAGRAPH, "No quotes yet: make selects over transcribed clips.");
  cr_quotes_add_left_out (quotes, writing);
  if (!cr_writing_save (writing, path, error))
    return FALSE;
  if (result)
    *result = g_steal_pointer (&quotes);
  return TRUE;
}
