/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clearance"

#include "config.h"

#include "cr-consent.h"
#include "cr-csv.h"
#include "cr-cut.h"
#include "cr-store.h"

void
cr_clearance_free (CrClearance *row)
{
  if (row == NULL)
    return;
  g_free (row->source);
  g_free (row->path);
  g_free (row->source_in);
  g_free (row->source_out);
  g_free (row->participant);
  g_free (row->status);
  g_free (row->naming);
  g_free (row->problem);
  g_free (row);
}

/* Who is in an event: the select's people, or for a plain clip range the clip's. */
static GArray *
event_people (CrDb           *db,
              const CrRecord *event)
{
  gint64 select = cr_record_get_int (event, "selection", 0);
  g_autoptr(CrRecord) owner = select ? cr_store_get (db, &cr_entity_select, select, NULL)
                                     : cr_store_get (db, &cr_entity_clip, cr_record_get_int (event, "clip", 0), NULL);

  return owner ? cr_record_get_ids (owner, "participants") : g_array_new (FALSE, FALSE, sizeof (gint64));
}

GPtrArray *
cr_cut_check (CrDb        *db,
              gint64       cut,
              const char  *channel,
              const char  *on_date,
              GError     **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, error);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clearance_free);
  g_autofree char *cut_text = g_strdup_printf ("%" G_GINT64_FORMAT, cut);
  CrQuery query = { .field = "cut", .value = cut_text };

  if (timeline == NULL || !(events = cr_store_list (db, &cr_entity_event, &query, error)))
    return NULL;
  g_assert (events->len == timeline->events->len);

  for (guint i = 0; i < events->len; i++)
    {
      const CrTimelineEvent *te = cr_timeline_get_event (timeline, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, te->source);
      CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
      g_autoptr(GArray) people = event_people (db, g_ptr_array_index (events, i));
      /* What the event shows of a person: their picture when the source has video. */
      const char *medium = source->has_video ? "video" : "audio";

      for (guint p = 0; p < MAX (people->len, 1); p++)
        {
          CrClearance *row = g_new0 (CrClearance, 1);

          row->event = i + 1;
          row->source = g_strdup (cr_timeline_source_get_name (source));
          row->path = g_strdup (source->path);
          row->source_in = cr_timecode_to_string (source->start_tc + te->in, &fmt);
          row->source_out = cr_timecode_to_string (source->start_tc + te->out, &fmt);
          g_ptr_array_add (rows, row);
          if (people->len == 0)
            continue;   /* nobody linked: nothing to clear, and the report shows it */

          {
            g_autoptr(CrConsentState) state = cr_consent_current (db, g_array_index (people, gint64, p), on_date, error);
            char *reason = NULL;

            if (state == NULL)
              return NULL;
            row->participant = g_strdup (state->name);
            row->status = g_strdup (state->status ? state->status : "none");
            row->naming = g_strdup (state->naming);
            if (!cr_consent_allows (state, channel, medium, &reason))
              row->problem = reason;
          }
        }
    }
  return g_steal_pointer (&rows);
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
                               r->participant ? r->participant : "(nobody linked)", r->status, r->naming,
                               r->problem ? "no" : "yes", r->problem };
      cr_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
