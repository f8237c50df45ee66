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

/* Who is in each event: the select's people, or for a plain clip range the clip's. */
static const char people_sql[] =
  "SELECT CASE WHEN e.selection IS NOT NULL"
  "  THEN (SELECT group_concat (participant) FROM selection_participant WHERE selection = e.selection ORDER BY position)"
  "  ELSE (SELECT group_concat (participant) FROM clip_participant WHERE clip = e.clip ORDER BY position) END"
  " FROM cut_event e WHERE e.cut = ? ORDER BY e.position";

GPtrArray *
cr_cut_check_timeline (CrDb             *db,
                       gint64            cut,
                       const CrTimeline *timeline,
                       const char       *channel,
                       const char       *on_date,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, people_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clearance_free);
  /* A person appears in many events: their consent is derived once. */
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) cr_consent_state_free);
  guint i = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cut);
  for (; sqlite3_step (stmt) == SQLITE_ROW && i < timeline->events->len; i++)
    {
      const CrTimelineEvent *te = cr_timeline_get_event (timeline, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, te->source);
      CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
      const char *ids = (const char *) sqlite3_column_text (stmt, 0);
      g_auto(GStrv) people = g_strsplit (ids ? ids : "", ",", -1);
      guint n_people = ids ? g_strv_length (people) : 0;
      /* What the event shows of a person: their picture when the source has video. */
      const char *medium = source->has_video ? "video" : "audio";
      g_autofree char *in = cr_timecode_to_string (source->start_tc + te->in, &fmt);
      g_autofree char *out = cr_timecode_to_string (source->start_tc + te->out, &fmt);

      for (guint p = 0; p < MAX (n_people, 1); p++)
        {
          CrClearance *row = g_new0 (CrClearance, 1);
          CrConsentState *state;
          gint64 person;

          row->event = i + 1;
          row->source = g_strdup (cr_timeline_source_get_name (source));
          row->path = g_strdup (source->path);
          row->source_in = g_strdup (in);
          row->source_out = g_strdup (out);
          g_ptr_array_add (rows, row);
          if (n_people == 0)
            continue;   /* nobody linked: nothing to clear, and the report shows it */

          person = g_ascii_strtoll (people[p], NULL, 10);
          if (!(state = g_hash_table_lookup (states, &person)))
            {
              if (!(state = cr_consent_current (db, person, on_date, error)))
                return NULL;
              g_hash_table_insert (states, g_memdup2 (&person, sizeof person), state);
            }
          row->participant = g_strdup (state->name);
          row->status = g_strdup (state->status ? state->status : "none");
          row->naming = g_strdup (state->naming);
          row->minor = state->minor;
          cr_consent_allows (state, channel, medium, &row->problem);
        }
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
cr_cut_check (CrDb        *db,
              gint64       cut,
              const char  *channel,
              const char  *on_date,
              GError     **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, error);

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
                               r->participant ? r->participant : "(nobody linked)", r->status, r->naming,
                               r->problem ? "no" : "yes", r->problem };
      cr_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
