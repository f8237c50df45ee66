/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-consent.h"
#include "cr-store.h"

char *
cr_consent_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
cr_consent_is_grant (const char *status)
{
  return g_strcmp0 (status, "signed") == 0 || g_strcmp0 (status, "verbal-noted") == 0 ||
         g_strcmp0 (status, "recorded-on-camera") == 0;
}

gboolean
cr_consent_is_minor (gboolean    marked,
                     const char *dob,
                     const char *on_date)
{
  int by, bm, bd, y, m, d, age;

  if (marked)
    return TRUE;
  if (dob == NULL || on_date == NULL ||
      sscanf (dob, "%d-%d-%d", &by, &bm, &bd) != 3 || sscanf (on_date, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  age = y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
  return age < CR_CONSENT_ADULT_AGE;
}

gboolean
cr_participant_is_minor (const CrRecord *participant,
                         const char     *on_date)
{
  return cr_consent_is_minor (cr_record_get_int (participant, "minor", 0) != 0,
                              cr_record_get (participant, "date_of_birth"), on_date);
}

/* A rule the record breaks: without `all`, the check refuses with it at once; with it, the
 * message is kept and the check goes on to the next rule. */
#define BROKEN(field, ...)                                                                    \
  G_STMT_START {                                                                              \
    GError *broken_ = NULL;                                                                   \
    cr_field_error (e, cr_entity_find_field (e, (field)), &broken_, __VA_ARGS__);             \
    if (all == NULL)                                                                          \
      {                                                                                       \
        g_propagate_error (error, broken_);                                                   \
        return FALSE;                                                                         \
      }                                                                                       \
    g_ptr_array_add (all, broken_);                                                           \
  } G_STMT_END

static char *taken_away (const char *granted, const char *remaining);

/* The members of `wanted` that `given` lacks, as words: "broadcast, social-media". */
static char *
beyond (const char *wanted,
        const char *given)
{
  g_autofree char *extra = given ? taken_away (wanted, given) : g_strdup (wanted);
  g_auto(GStrv) parts = extra ? g_strsplit (extra, ",", -1) : NULL;

  return parts ? g_strjoinv (", ", parts) : NULL;
}

/* A withdrawal only takes consent away: what it says remains must be within what the
 * person's consent covers now, or it would clear them for a channel they never agreed to. */
static gboolean
check_partial_withdrawal (CrDb      *db,
                          CrRecord  *record,
                          CrRecord  *person,
                          GPtrArray *all,
                          GError   **error)
{
  const CrEntity *e = record->entity;
  const char *channels = cr_record_get (record, "channels");
  const char *media = cr_record_get (record, "media");
  const char *name = cr_record_get (person, "name");
  g_autoptr(CrConsentState) now = NULL;
  g_autofree char *extra_channels = NULL, *extra_media = NULL;

  if (channels == NULL && media == NULL)
    BROKEN ("channels", "a partial withdrawal says which channels or media remain");
  if (!(now = cr_consent_current (db, person->id, cr_record_get (record, "date"), error)))
    return FALSE;
  if (now->problem != CR_CONSENT_OK && now->problem != CR_CONSENT_EXPIRED && now->problem != CR_CONSENT_NO_GUARDIAN)
    {
      BROKEN ("withdrawal_scope", "%s has no consent in force to withdraw part of (it is %s); withdraw all of it",
              name, cr_consent_problem_to_string (now->problem));
      return TRUE;
    }
  if (channels && (extra_channels = beyond (channels, now->channels)))
    BROKEN ("channels", "a withdrawal can only take consent away: %s never agreed to %s", name, extra_channels);
  if (media && (extra_media = beyond (media, now->media)))
    BROKEN ("media", "a withdrawal can only take consent away: %s never agreed to %s", name, extra_media);
  return TRUE;
}

static gboolean
check (CrDb      *db,
       CrRecord  *record,
       GPtrArray *all,
       GError   **error)
{
  const CrEntity *e = record->entity;
  const char *status = cr_record_get (record, "status");
  const char *date = cr_record_get (record, "date");
  const char *expires = cr_record_get (record, "expires");
  g_autoptr(CrRecord) person = NULL;

  if (date == NULL)
    cr_record_take (record, "date", cr_consent_today ());
  date = cr_record_get (record, "date");
  if (status == NULL || cr_record_get (record, "participant") == NULL)
    return TRUE;   /* the required-field check names what is missing */

  if (!(person = cr_store_get (db, &cr_entity_participant, cr_record_get_int (record, "participant", 0), error)))
    return FALSE;
  if (cr_record_get (person, "erased_at"))
    {
      /* Nothing else about the record matters then. */
      BROKEN ("participant", "%s was erased at their request; their consent cannot be recorded again",
              cr_record_get (person, "name"));
      return TRUE;
    }

  {
    g_autofree char *now = cr_consent_today ();
    /* Consent is recorded when it is given, not ahead of time. */
    if (g_strcmp0 (date, now) > 0)
      BROKEN ("date", "%s is in the future (today is %s)", date, now);
  }
  if (expires && g_strcmp0 (expires, date) <= 0)
    BROKEN ("expires", "must be after the consent date %s", date);

  if (cr_consent_is_grant (status))
    {
      /* A form is not blanket permission: what it covers must be written down. */
      static const char *scope[] = { "channels", "media", "naming" };
      for (guint i = 0; i < G_N_ELEMENTS (scope); i++)
        if (cr_record_get (record, scope[i]) == NULL)
          BROKEN (scope[i], "say what the consent covers (required when it is %s)", status);
      if (g_str_equal (status, "verbal-noted") && cr_record_get (record, "notes") == NULL)
        BROKEN ("notes", "write down what was said (required for verbal consent)");
      if (cr_participant_is_minor (person, date))
        {
          /* The guardian named on the participant counts unless this record names another. */
          if (cr_record_get (record, "guardian_name") == NULL)
            cr_record_set (record, "guardian_name", cr_record_get (person, "guardian_name"));
          if (cr_record_get (record, "guardian_relationship") == NULL)
            cr_record_set (record, "guardian_relationship", cr_record_get (person, "guardian_relationship"));
          if (cr_record_get (record, "guardian_name") == NULL || cr_record_get (record, "guardian_relationship") == NULL)
            BROKEN ("guardian_name", "%s is a minor: record the guardian's name and relationship",
                    cr_record_get (person, "name"));
        }
    }
  if (g_str_equal (status, "withdrawn"))
    {
      if (cr_record_get (record, "withdrawal_scope") == NULL)
        cr_record_set (record, "withdrawal_scope", "all");
      if (g_str_equal (cr_record_get (record, "withdrawal_scope"), "part") &&
          !check_partial_withdrawal (db, record, person, all, error))
        return FALSE;
    }
  else if (cr_record_get (record, "withdrawal_scope") != NULL)
    BROKEN ("withdrawal_scope", "only for a withdrawal");
  return TRUE;
}

#undef BROKEN

gboolean
cr_consent_check (CrDb      *db,
                  CrRecord  *record,
                  gboolean   creating,
                  GError   **error)
{
  return check (db, record, NULL, error);
}

GPtrArray *
cr_consent_check_every (CrDb      *db,
                        CrRecord  *record,
                        GError   **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (record->entity == &cr_entity_consent, NULL);
  if (!check (db, record, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

void
cr_consent_state_free (CrConsentState *state)
{
  /* The strings live in the state's own allocation (see pack ()). */
  g_free (state);
}

/* Whether the comma-separated list has the item (len bytes) as one of its members; read
 * in place, as a cut's check asks it of every person in every event. */
static gboolean
list_has_n (const char *list,
            const char *item,
            gsize       len)
{
  for (const char *at = list; at != NULL; at = strchr (at, ','), at = at ? at + 1 : NULL)
    {
      gsize n = strcspn (at, ",");
      if (n > 0 && n == len && memcmp (at, item, len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The members of `granted` that `remaining` leaves out. Called for everyone with a partial
 * withdrawal in every set-based pass, so it walks the lists in place. */
static char *
taken_away (const char *granted,
            const char *remaining)
{
  GString *out = NULL;

  if (remaining == NULL)
    return NULL;   /* the withdrawal left this dimension as it was */
  for (const char *at = granted; at != NULL; at = strchr (at, ','), at = at ? at + 1 : NULL)
    {
      gsize n = strcspn (at, ",");

      if (n == 0 || list_has_n (remaining, at, n))
        continue;
      if (out == NULL)
        out = g_string_sized_new (64);
      else
        g_string_append_c (out, ',');
      g_string_append_len (out, at, (gssize) n);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

/* The members of `remaining` that `granted` has too; "" for none. */
static char *
kept (const char *remaining,
      const char *granted)
{
  GString *out = g_string_sized_new (64);

  for (const char *at = remaining; at != NULL; at = strchr (at, ','), at = at ? at + 1 : NULL)
    {
      gsize n = strcspn (at, ",");

      if (n == 0 || granted == NULL || !list_has_n (granted, at, n))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append_len (out, at, (gssize) n);
    }
  return g_string_free (out, FALSE);
}

enum { S_NAME, S_STATUS, S_DATE, S_CHANNELS, S_MEDIA, S_NAMING, S_EXPIRES, S_GUARDIAN_NAME,
       S_GUARDIAN_RELATIONSHIP, S_FORM_VERSION, S_WITHDRAWN_CHANNELS, S_WITHDRAWN_MEDIA, N_STRINGS };

/* One allocation for the state and its strings: everyone's consent at once is 100,000 of
 * them, and a dozen small allocations each cost more than the query that finds them. */
static CrConsentState *
pack (const CrConsentState *draft,
      const char           *strings[N_STRINGS])
{
  gsize size = sizeof (CrConsentState), len[N_STRINGS] = { 0 };
  CrConsentState *state;
  char **slots[N_STRINGS];
  char *at;

  for (int i = 0; i < N_STRINGS; i++)
    size += strings[i] ? (len[i] = strlen (strings[i]) + 1) : 0;
  state = g_malloc (size);
  *state = *draft;
  slots[S_NAME] = &state->name;
  slots[S_STATUS] = &state->status;
  slots[S_DATE] = &state->date;
  slots[S_CHANNELS] = &state->channels;
  slots[S_MEDIA] = &state->media;
  slots[S_NAMING] = &state->naming;
  slots[S_EXPIRES] = &state->expires;
  slots[S_GUARDIAN_NAME] = &state->guardian_name;
  slots[S_GUARDIAN_RELATIONSHIP] = &state->guardian_relationship;
  slots[S_FORM_VERSION] = &state->form_version;
  slots[S_WITHDRAWN_CHANNELS] = &state->withdrawn_channels;
  slots[S_WITHDRAWN_MEDIA] = &state->withdrawn_media;
  at = (char *) (state + 1);
  for (int i = 0; i < N_STRINGS; i++)
    {
      *slots[i] = strings[i] ? memcpy (at, strings[i], len[i]) : NULL;
      at += strings[i] ? len[i] : 0;
    }
  return state;
}

CrConsentState *
cr_consent_derive (gint64                participant,
                   const char           *name,
                   gboolean              minor,
                   gboolean              erased,
                   const CrConsentFacts *latest,
                   const CrConsentFacts *grant,
                   const char           *date)
{
  CrConsentState draft = { .participant = participant, .minor = minor, .erased = erased };
  const char *s[N_STRINGS] = { [S_NAME] = name };
  g_autofree char *withdrawn_channels = NULL;
  g_autofree char *withdrawn_media = NULL;
  g_autofree char *kept_channels = NULL, *kept_media = NULL;

  if (latest == NULL)
    {
      draft.problem = CR_CONSENT_MISSING;
      goto erased;
    }
  s[S_STATUS] = latest->status;
  s[S_DATE] = latest->date;

  if (grant != NULL)
    {
      s[S_CHANNELS] = grant->channels;
      s[S_MEDIA] = grant->media;
      s[S_NAMING] = grant->naming;
      s[S_EXPIRES] = grant->expires;
      s[S_GUARDIAN_NAME] = grant->guardian_name;
      s[S_GUARDIAN_RELATIONSHIP] = grant->guardian_relationship;
      s[S_FORM_VERSION] = grant->form_version;
    }

  if (cr_consent_is_grant (latest->status))
    draft.problem = CR_CONSENT_OK;
  else if (g_str_equal (latest->status, "withdrawn"))
    {
      if (grant != NULL && g_strcmp0 (latest->withdrawal_scope, "part") == 0)
        {
          /* What remains is what the withdrawal names, within what was granted. */
          draft.partly_withdrawn = TRUE;
          draft.problem = CR_CONSENT_OK;
          s[S_WITHDRAWN_CHANNELS] = withdrawn_channels = taken_away (grant->channels, latest->channels);
          s[S_WITHDRAWN_MEDIA] = withdrawn_media = taken_away (grant->media, latest->media);
          /* Never more than was granted, whatever an older file holds. */
          if (latest->channels)
            s[S_CHANNELS] = kept_channels = kept (latest->channels, grant->channels);
          if (latest->media)
            s[S_MEDIA] = kept_media = kept (latest->media, grant->media);
        }
      else
        {
          /* Nothing may be used any more: the old grant says only what it once covered. */
          draft.problem = CR_CONSENT_WITHDRAWN;
          s[S_CHANNELS] = s[S_MEDIA] = NULL;
        }
    }
  else if (g_str_equal (latest->status, "declined"))
    draft.problem = CR_CONSENT_DECLINED;
  else
    draft.problem = CR_CONSENT_PENDING;

  if (draft.problem == CR_CONSENT_OK && s[S_EXPIRES] && g_strcmp0 (s[S_EXPIRES], date) < 0)
    draft.problem = CR_CONSENT_EXPIRED;
  if (draft.problem == CR_CONSENT_OK && minor && s[S_GUARDIAN_NAME] == NULL)
    draft.problem = CR_CONSENT_NO_GUARDIAN;
erased:
  /* Nobody can confirm an erased person's consent any more. */
  if (erased && (draft.problem == CR_CONSENT_OK || draft.problem == CR_CONSENT_MISSING))
    draft.problem = CR_CONSENT_ERASED;
  return pack (&draft, s);
}

static void
facts_of (const CrRecord *r,
          CrConsentFacts *facts)
{
  *facts = (CrConsentFacts) {
    cr_record_get (r, "status"), cr_record_get (r, "date"), cr_record_get (r, "channels"),
    cr_record_get (r, "media"), cr_record_get (r, "naming"), cr_record_get (r, "expires"),
    cr_record_get (r, "guardian_name"), cr_record_get (r, "guardian_relationship"),
    cr_record_get (r, "form_version"), cr_record_get (r, "withdrawal_scope"),
  };
}

CrConsentState *
cr_consent_current (CrDb        *db,
                    gint64       participant,
                    const char  *on_date,
                    GError     **error)
{
  g_autoptr(CrRecord) person = NULL;
  g_autofree char *date = on_date ? g_strdup (on_date) : cr_consent_today ();
  CrQuery query = { .field = "participant" };
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, participant);
  g_autoptr(GPtrArray) history = NULL;
  CrRecord *grant = NULL;
  CrRecord *latest = NULL;
  CrConsentFacts latest_facts, grant_facts;

  if (!(person = cr_store_get (db, &cr_entity_participant, participant, error)))
    return NULL;
  query.value = id_text;
  if (!(history = cr_store_list (db, &cr_entity_consent, &query, error)))
    return NULL;

  /* History is ordered by date, then by when it was recorded. Records dated after the
   * day asked about do not count yet. */
  for (guint i = 0; i < history->len; i++)
    {
      CrRecord *r = g_ptr_array_index (history, i);
      if (g_strcmp0 (cr_record_get (r, "date"), date) > 0)
        break;
      latest = r;
      if (cr_consent_is_grant (cr_record_get (r, "status")))
        grant = r;
    }
  if (latest)
    facts_of (latest, &latest_facts);
  if (grant)
    facts_of (grant, &grant_facts);
  return cr_consent_derive (participant, cr_record_get (person, "name"), cr_participant_is_minor (person, date),
                            cr_record_get (person, "erased_at") != NULL, latest ? &latest_facts : NULL,
                            grant ? &grant_facts : NULL, date);
}

const char *
cr_consent_problem_to_string (CrConsentProblem problem)
{
  switch (problem)
    {
    case CR_CONSENT_OK: return "ok";
    case CR_CONSENT_MISSING: return "missing";
    case CR_CONSENT_PENDING: return "not given yet";
    case CR_CONSENT_DECLINED: return "declined";
    case CR_CONSENT_WITHDRAWN: return "withdrawn";
    case CR_CONSENT_EXPIRED: return "expired";
    case CR_CONSENT_NO_GUARDIAN: return "minor without a guardian";
    case CR_CONSENT_ERASED: return "erased at the person's request";
    default: return "unknown";
    }
}

static gboolean
list_has (const char *list,
          const char *word)
{
  return list != NULL && list_has_n (list, word, strlen (word));
}

gboolean
cr_consent_allows (const CrConsentState  *state,
                   const char            *channel,
                   const char            *medium,
                   char                 **reason)
{
  if (state->problem != CR_CONSENT_OK)
    {
      if (reason)
        *reason = g_strdup_printf ("consent %s", cr_consent_problem_to_string (state->problem));
      return FALSE;
    }
  if (channel && !list_has (state->channels, channel))
    {
      if (reason)
        *reason = g_strdup_printf ("consent does not cover the channel %s", channel);
      return FALSE;
    }
  if (medium && !list_has (state->media, medium))
    {
      if (reason)
        *reason = g_strdup_printf ("consent does not cover %s", medium);
      return FALSE;
    }
  return TRUE;
}
