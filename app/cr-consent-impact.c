/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-consent-current.h"
#include "cr-consent-impact.h"
#include "cr-csv.h"

void
cr_impact_free (CrImpact *impact)
{
  if (impact == NULL)
    return;
  cr_impact_row_free (impact->row);
  g_free (impact->source_in);
  g_free (impact->source_out);
  g_free (impact);
}

const char *
cr_impact_kind_to_string (CrImpactKind kind)
{
  static const char *names[] = { "clip", "select", "event", "delivery" };
  return kind <= CR_IMPACT_DELIVERY ? names[kind] : "unknown";
}

static gboolean
list_has (const char *list,
          const char *word)
{
  g_auto(GStrv) parts = list && word ? g_strsplit (list, ",", -1) : NULL;
  return parts && g_strv_contains ((const char * const *) parts, word);
}

/* Whether a partial withdrawal reaches this row. */
static gboolean
covered (const CrConsentState *state,
         const CrImpactRow    *row)
{
  if (!state->partly_withdrawn)
    return TRUE;
  if (row->kind == CR_IMPACT_DELIVERY)
    return state->withdrawn_media != NULL || row->channel == NULL ||
           list_has (state->withdrawn_channels, row->channel);
  return state->withdrawn_channels != NULL ||
         list_has (state->withdrawn_media, row->has_video ? "video" : "audio");
}

GPtrArray *
cr_consent_impact (CrDb        *db,
                   gint64       participant,
                   const char  *on_date,
                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) impact = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_impact_free);
  const CrConsentState *state;

  g_array_append_val (ids, participant);
  if (!(states = cr_consent_current_many (db, ids, on_date, error)) ||
      !(shown = cr_participant_shown_in (db, participant, error)))
    return NULL;
  if (!(state = g_hash_table_lookup (states, &participant)))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "participant: no participant #%" G_GINT64_FORMAT,
                   participant);
      return NULL;
    }
  for (guint i = 0; i < shown->len; i++)
    {
      CrImpactRow *row = g_ptr_array_index (shown, i);
      CrImpact *item;

      if (!covered (state, row))
        continue;
      item = g_new0 (CrImpact, 1);
      item->row = g_ptr_array_steal_index (shown, i--);
      if (row->kind != CR_IMPACT_DELIVERY)
        {
          gint64 out = row->out_frame >= 0 ? row->out_frame : cr_clip_length_frames (db, row->clip);
          item->source_in = cr_clip_format_position (db, row->clip, row->in_frame);
          item->source_out = out >= 0 ? cr_clip_format_position (db, row->clip, out) : NULL;
        }
      g_ptr_array_add (impact, item);
    }
  return g_steal_pointer (&impact);
}

char *
cr_consent_impact_summary (GPtrArray *impact)
{
  guint n[4] = { 0 };
  g_autoptr(GHashTable) cuts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < impact->len; i++)
    {
      const CrImpactRow *row = ((CrImpact *) g_ptr_array_index (impact, i))->row;
      n[row->kind]++;
      if (row->kind == CR_IMPACT_EVENT)
        g_hash_table_add (cuts, g_memdup2 (&row->cut, sizeof row->cut));
    }
  return g_strdup_printf ("%u clip%s, %u select%s, %u cut event%s in %u cut%s, %u delivered file%s",
                          n[0], n[0] == 1 ? "" : "s", n[1], n[1] == 1 ? "" : "s", n[2], n[2] == 1 ? "" : "s",
                          g_hash_table_size (cuts), g_hash_table_size (cuts) == 1 ? "" : "s",
                          n[3], n[3] == 1 ? "" : "s");
}

char *
cr_consent_impact_to_csv (GPtrArray *impact)
{
  static const char *header[] = { "kind", "clip", "path", "source_in", "source_out", "select", "label", "cut",
                                  "event", "channel", "delivered_at" };
  g_autoptr(GString) out = g_string_new (NULL);

  cr_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < impact->len; i++)
    {
      const CrImpact *item = g_ptr_array_index (impact, i);
      const CrImpactRow *r = item->row;
      g_autofree char *select = r->select ? g_strdup_printf ("%" G_GINT64_FORMAT, r->select) : NULL;
      g_autofree char *event = r->position ? g_strdup_printf ("%u", r->position) : NULL;
      const char *fields[] = { cr_impact_kind_to_string (r->kind), r->clip_name, r->path, item->source_in,
                               item->source_out, select, r->label, r->cut_name, event, r->channel,
                               r->delivered_at };
      cr_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
