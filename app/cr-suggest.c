/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-suggest"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-clip-links.h"
#include "cr-store.h"
#include "cr-suggest.h"
#include "cr-zone.h"

void
cr_suggestion_free (CrSuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->clip_name);
  g_free (s->kind);
  g_free (s->target_name);
  g_free (s->reason);
  g_free (s);
}

static void
add (GPtrArray  *list,
     gint64      clip,
     const char *clip_name,
     const char *kind,
     gint64      target,
     const char *target_name,
     char       *reason)
{
  CrSuggestion *s = g_new0 (CrSuggestion, 1);

  s->clip = clip;
  s->clip_name = g_strdup (clip_name);
  s->kind = g_strdup (kind);
  s->target = target;
  s->target_name = g_strdup (target_name);
  s->reason = reason;
  g_ptr_array_add (list, s);
}

/* When a clip was recorded: its creation time (naive times are taken in the production's
 * zone, as cameras keep local time), else the file's modification time. */
static GDateTime *
recorded_at (const CrRecord *clip,
             GTimeZone      *zone)
{
  const char *created = cr_record_get (clip, "creation_time");
  GDateTime *when = NULL;

  if (created)
    when = g_date_time_new_from_iso8601 (created, zone);
  return when;
}

/* An interview as the matching needs it, read once rather than once per clip. */
typedef struct
{
  const CrRecord *record;
  GDateTime      *start;
  GDateTime      *end;
  GTimeZone      *zone;
} Slot;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_clear_pointer (&slot->zone, g_time_zone_unref);
}

static GArray *
interview_slots (GPtrArray *interviews)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (Slot));

  g_array_set_clear_func (slots, (GDestroyNotify) slot_clear);
  for (guint i = 0; i < interviews->len; i++)
    {
      CrRecord *iv = g_ptr_array_index (interviews, i);
      Slot slot = { iv };

      if (g_strcmp0 (cr_record_get (iv, "status"), "cancelled") == 0)
        continue;
      slot.start = g_date_time_new_from_iso8601 (cr_record_get (iv, "start"), NULL);
      slot.end = g_date_time_new_from_iso8601 (cr_record_get (iv, "end"), NULL);
      slot.zone = cr_zone_new (cr_record_get (iv, "time_zone"), NULL);
      if (slot.start && slot.end && slot.zone)
        g_array_append_val (slots, slot);
      else
        slot_clear (&slot);
    }
  return slots;
}

static gboolean
inside (GDateTime  *at,
        const Slot *slot)
{
  return at && g_date_time_compare (at, slot->start) >= 0 && g_date_time_compare (at, slot->end) < 0;
}

/* Time-of-day timecode on the recording day, in the interview's zone. */
static gboolean
tc_inside (const CrRecord *clip,
           GDateTime      *day,
           const Slot     *slot)
{
  const char *tc = cr_record_get (clip, "tc_start");
  g_autoptr(GDateTime) local_day = NULL;
  g_autoptr(GDateTime) at = NULL;
  int h, m, s;

  if (tc == NULL || sscanf (tc, "%d:%d:%d", &h, &m, &s) != 3)
    return FALSE;
  local_day = g_date_time_to_timezone (day, slot->zone);
  at = g_date_time_new (slot->zone, g_date_time_get_year (local_day), g_date_time_get_month (local_day),
                        g_date_time_get_day_of_month (local_day), h, m, s);
  return inside (at, slot);
}

GPtrArray *
cr_suggest_links (CrDb    *db,
                  GError **error)
{
  g_autoptr(GPtrArray) clips = cr_store_list (db, &cr_entity_clip, NULL, error);
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GPtrArray) shots = NULL;
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_suggestion_free);

  if (clips == NULL || !(interviews = cr_store_list (db, &cr_entity_interview, NULL, error)) ||
      !(shots = cr_store_list (db, &cr_entity_shot, NULL, error)) ||
      !(production = cr_store_get (db, &cr_entity_production, 1, error)))
    return NULL;
  zone = cr_zone_new (cr_record_get (production, "time_zone"), NULL);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  slots = interview_slots (interviews);

  for (guint c = 0; c < clips->len; c++)
    {
      CrRecord *clip = g_ptr_array_index (clips, c);
      g_autoptr(GDateTime) when = recorded_at (clip, zone);
      g_autoptr(GArray) linked_shots = cr_record_get_ids (clip, "shots");
      g_auto(GStrv) parts = g_strsplit (cr_record_get (clip, "path"), G_DIR_SEPARATOR_S, -1);

      if (when && cr_record_get (clip, "interview") == NULL)
        for (guint i = 0; i < slots->len; i++)
          {
            const Slot *slot = &g_array_index (slots, Slot, i);
            const CrRecord *iv = slot->record;

            if (inside (when, slot))
              add (list, clip->id, cr_record_get (clip, "name"), "interview", iv->id, cr_record_get (iv, "title"),
                   g_strdup_printf ("recorded %s, during the interview", cr_record_get (clip, "creation_time")));
            else if (tc_inside (clip, when, slot))
              add (list, clip->id, cr_record_get (clip, "name"), "interview", iv->id, cr_record_get (iv, "title"),
                   g_strdup_printf ("timecode %s is during the interview", cr_record_get (clip, "tc_start")));
            else
              continue;
            break;
          }

      /* Folders above the file named like a shot number. */
      for (guint p = 0; parts[p] && parts[p + 1]; p++)
        for (guint s = 0; s < shots->len; s++)
          {
            CrRecord *shot = g_ptr_array_index (shots, s);
            gboolean already = FALSE;

            if (*parts[p] == '\0' || g_ascii_strcasecmp (parts[p], cr_record_get (shot, "number")) != 0)
              continue;
            for (guint k = 0; k < linked_shots->len; k++)
              already |= g_array_index (linked_shots, gint64, k) == shot->id;
            if (!already)
              add (list, clip->id, cr_record_get (clip, "name"), "shot", shot->id, cr_record_get (shot, "number"),
                   g_strdup_printf ("in a folder named %s", parts[p]));
          }
    }
  return g_steal_pointer (&list);
}

gboolean
cr_suggest_apply (CrDb       *db,
                  GPtrArray  *suggestions,
                  GError    **error)
{
  if (!cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    {
      CrSuggestion *s = g_ptr_array_index (suggestions, i);
      gboolean ok = g_str_equal (s->kind, "interview") ? cr_clip_link_interview (db, s->clip, s->target, error)
                                                       : cr_clip_link_shot (db, s->clip, s->target, error);
      if (!ok)
        {
          cr_db_rollback (db);
          return FALSE;
        }
    }
  return cr_db_commit (db, error);
}
