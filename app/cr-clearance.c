/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clearance"

#include "config.h"

#include <string.h>

#include "cr-consent-current.h"
#include "cr-consent-people.h"
#include "cr-csv.h"
#include "cr-cut.h"
#include "cr-store.h"

void
cr_clearance_free (CrClearance *row)
{
  /* The strings live in the row's own allocation (see new_row ()). */
  g_free (row);
}

enum { T_SOURCE, T_PATH, T_IN, T_OUT, T_PARTICIPANT, T_STATUS, T_NAMING, T_PROBLEM, N_TEXTS };

/* One allocation for the row and its words: a long cut's check is tens of thousands of
 * rows, and eight small allocations each cost more than finding the consent. */
static CrClearance *
new_row (const CrClearance *draft,
         const char        *texts[N_TEXTS])
{
  gsize size = sizeof (CrClearance), len[N_TEXTS] = { 0 };
  CrClearance *row;
  char **slots[N_TEXTS];
  char *at;

  for (int i = 0; i < N_TEXTS; i++)
    size += texts[i] ? (len[i] = strlen (texts[i]) + 1) : 0;
  row = g_malloc (size);
  *row = *draft;
  slots[T_SOURCE] = &row->source;
  slots[T_PATH] = &row->path;
  slots[T_IN] = &row->source_in;
  slots[T_OUT] = &row->source_out;
  slots[T_PARTICIPANT] = &row->participant;
  slots[T_STATUS] = &row->status;
  slots[T_NAMING] = &row->naming;
  slots[T_PROBLEM] = &row->problem;
  at = (char *) (row + 1);
  for (int i = 0; i < N_TEXTS; i++)
    {
      *slots[i] = texts[i] ? memcpy (at, texts[i], len[i]) : NULL;
      at += len[i];
    }
  return row;
}

/* The events read for their people and the timeline disagree (another process changed the
 * cut in between): no answer rather than one that passes over an event. */
static GPtrArray *
changed_meanwhile (GError **error)
{
  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut: its events changed while it was being checked; check it again");
  return NULL;
}

/* The consent rule, the one implementation of it: the people in an event are the select's,
 * the clip's and the clip's interview's (cr_cut_event_people ()); each must be cleared for
 * the channel and for what the event shows of them; an event with nobody in it is a problem
 * unless its clip is marked as showing no identifiable person. */
GPtrArray *
cr_cut_check_timeline (CrDb             *db,
                       gint64            cut,
                       const CrTimeline *timeline,
                       const char       *channel,
                       const char       *on_date,
                       GError          **error)
{
  g_autoptr(GPtrArray) events = cr_cut_event_people (db, cut, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clearance_free);
  g_autoptr(GArray) everyone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) by_position = g_ptr_array_new ();

  if (events == NULL)
    return NULL;
  for (guint i = 0; i < events->len; i++)
    {
      CrEventPeople *ep = g_ptr_array_index (events, i);
      g_array_append_vals (everyone, ep->people->data, ep->people->len);
    }
  /* Everyone's consent at once, however many events they are in. */
  if (!(states = cr_consent_current_many (db, everyone, on_date, error)))
    return NULL;

  /* The events are numbered across tracks: a sound track's are checked too (someone heard). */
  for (guint i = 0; i < cr_timeline_count_all_events (timeline); i++)
    {
      CrTimelineEvent *te = cr_timeline_get_any_event (timeline, i);
      guint at = te->position > 0 ? te->position - 1 : i;

      if (at >= by_position->len)
        g_ptr_array_set_size (by_position, at + 1);
      g_ptr_array_index (by_position, at) = te;
    }
  for (guint i = 0; i < events->len && i < by_position->len; i++)
    {
      CrEventPeople *ep = g_ptr_array_index (events, i);
      const CrTimelineEvent *te = g_ptr_array_index (by_position, i);
      const CrTimelineSource *source = te != NULL ? cr_timeline_get_source (timeline, te->source) : NULL;
      CrTimecodeFormat fmt = source != NULL ? cr_timeline_source_get_format (source) : (CrTimecodeFormat) { 0 };
      /* What the event shows of a person: their picture when it plays the source's video. */
      const char *medium = source != NULL && source->has_video && te->track == 0 ? "video" : "audio";
      g_autofree char *in = NULL;
      g_autofree char *out = NULL;
      const char *texts[N_TEXTS] = { NULL };

      if (te == NULL)
        return changed_meanwhile (error);
      in = cr_timecode_to_string (source->start_tc + te->in, &fmt);
      out = cr_timecode_to_string (source->start_tc + te->out, &fmt);
      texts[T_SOURCE] = cr_timeline_source_get_name (source);
      texts[T_PATH] = source->path;
      texts[T_IN] = in;
      texts[T_OUT] = out;
      if (ep->people->len == 0)
        {
          CrClearance draft = { .event = i + 1, .reason = ep->no_person ? CR_CLEARANCE_OK : CR_CLEARANCE_NOBODY };

          texts[T_PROBLEM] = ep->no_person ? NULL : "nobody identified";
          g_ptr_array_add (rows, new_row (&draft, texts));
          continue;
        }
      for (guint p = 0; p < ep->people->len; p++)
        {
          gint64 person = g_array_index (ep->people, gint64, p);
          const CrConsentState *state = g_hash_table_lookup (states, &person);
          g_autofree char *problem = NULL;
          CrClearance draft = { .event = i + 1, .participant_id = person };

          if (state == NULL)
            {
              g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "participant: no participant #%" G_GINT64_FORMAT,
                           person);
              return NULL;
            }
          draft.minor = state->minor;
          draft.reason = cr_clearance_reason_of (state, channel, medium);
          cr_consent_allows (state, channel, medium, &problem);
          texts[T_PARTICIPANT] = state->name;
          texts[T_STATUS] = state->status ? state->status : "none";
          texts[T_NAMING] = state->naming;
          texts[T_PROBLEM] = problem;
          g_ptr_array_add (rows, new_row (&draft, texts));
        }
    }
  if (events->len != by_position->len)
    return changed_meanwhile (error);
  return g_steal_pointer (&rows);
}

CrClearanceReason
cr_clearance_reason_of (const CrConsentState *state,
                        const char           *channel,
                        const char           *medium)
{
  switch (state->problem)
    {
    case CR_CONSENT_OK: break;
    case CR_CONSENT_MISSING: return CR_CLEARANCE_MISSING;
    case CR_CONSENT_PENDING: return CR_CLEARANCE_PENDING;
    case CR_CONSENT_DECLINED: return CR_CLEARANCE_DECLINED;
    case CR_CONSENT_WITHDRAWN: return CR_CLEARANCE_WITHDRAWN;
    case CR_CONSENT_EXPIRED: return CR_CLEARANCE_EXPIRED;
    case CR_CONSENT_NO_GUARDIAN: return CR_CLEARANCE_NO_GUARDIAN;
    case CR_CONSENT_ERASED: return CR_CLEARANCE_ERASED;
    default: return CR_CLEARANCE_MISSING;
    }
  if (!cr_consent_allows (state, channel, NULL, NULL))
    return CR_CLEARANCE_CHANNEL;
  if (!cr_consent_allows (state, NULL, medium, NULL))
    return CR_CLEARANCE_MEDIUM;
  return CR_CLEARANCE_OK;
}

GPtrArray *
cr_cut_check (CrDb        *db,
              gint64       cut,
              const char  *channel,
              const char  *on_date,
              GError     **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline_plain (db, cut, error);

  if (timeline == NULL)
    return NULL;
  return cr_cut_check_timeline (db, cut, timeline, channel, on_date, error);
}

guint
cr_clearance_count_problems (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((CrClearance *) g_ptr_array_index (rows, i))->problem != NULL;
  return n;
}

char *
cr_clearance_to_csv (GPtrArray *rows)
{
  static const char *header[] = { "event", "source", "path", "source_in", "source_out", "participant",
                                  "consent", "naming", "cleared", "problem" };
  g_autoptr(GString) out = g_string_new (NULL);

  cr_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      CrClearance *r = g_ptr_array_index (rows, i);
      g_autofree char *event = g_strdup_printf ("%u", r->event);
      const char *fields[] = { event, r->source, r->path, r->source_in, r->source_out,
                               r->participant ? r->participant
                                              : r->problem ? "(nobody identified)" : "(no identifiable person)",
                               r->status, r->naming,
                               r->problem ? "no" : "yes", r->problem };
      cr_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cr_clearance_override_warning (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      CrClearance *r = g_ptr_array_index (rows, i);
      if (r->problem)
        g_string_append_printf (out, "warning: consent overridden: event %u (%s %s–%s): %s: %s\n", r->event, r->source,
                                r->source_in, r->source_out, r->participant ? r->participant : "(nobody linked)",
                                r->problem);
    }
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
