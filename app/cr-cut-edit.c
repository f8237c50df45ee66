/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-edit"

#include "config.h"

#include "cr-clip-tags.h"
#include "cr-cut-edit.h"
#include "cr-cut-events.h"
#include "cr-store.h"

struct _CrCutRemoved
{
  gint64  cut;
  guint   position;
  gint64  select;
  gint64  clip;
  gint64  in;
  gint64  out;
  gint64  gap_before;
  char   *note;
};

struct _CrCutOrder
{
  gint64  cut;
  GArray *ids;    /* gint64 event ids, in the order saved */
};

/* The event at a 1-based position, as stored. */
static CrRecord *
get_event (CrDb    *db,
           gint64   cut,
           guint    position,
           GError **error)
{
  g_autofree char *cut_text = g_strdup_printf ("%" G_GINT64_FORMAT, cut);
  CrQuery query = { .field = "cut", .value = cut_text };
  g_autoptr(GPtrArray) events = cr_store_list (db, &cr_entity_event, &query, error);

  if (events == NULL)
    return NULL;
  if (position < 1 || position > events->len)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "event: position %u is not in the cut (1–%u)",
                   position, events->len);
      return NULL;
    }
  return g_ptr_array_steal_index (events, position - 1);
}

static gboolean
parse_source_tc (const char              *field,
                 const char              *text,
                 const CrTimelineSource  *source,
                 gint64                  *out,
                 GError                 **error)
{
  CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
  g_autoptr(GError) local = NULL;
  gint64 frames;

  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: give a timecode such as 01:00:10:00", field);
      return FALSE;
    }
  if (!cr_timecode_parse (trimmed, &fmt, &frames, &local))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: %s", field, local->message);
      return FALSE;
    }
  if (frames < source->start_tc)
    {
      g_autofree char *start = cr_timecode_to_string (source->start_tc, &fmt);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: %s is before the clip starts (%s)", field,
                   text, start);
      return FALSE;
    }
  /* Past the end, in the same timecode (the store would say it in frames from the start). */
  if (source->duration > 0 && frames > source->start_tc + source->duration)
    {
      g_autofree char *end = cr_timecode_to_string (source->start_tc + source->duration, &fmt);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: %s is after the clip ends (%s)", field, text, end);
      return FALSE;
    }
  *out = frames - source->start_tc;
  return TRUE;
}

gboolean
cr_cut_trim_event (CrDb        *db,
                   gint64       cut,
                   guint        position,
                   const char  *source_in,
                   const char  *source_out,
                   GError     **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, error);
  g_autoptr(CrRecord) event = NULL;
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_event);
  const CrTimelineSource *source;
  gint64 in, out;

  if (timeline == NULL || !(event = get_event (db, cut, position, error)))
    return FALSE;
  source = cr_timeline_get_source (timeline, cr_timeline_get_event (timeline, position - 1)->source);
  if (!parse_source_tc ("source in", source_in, source, &in, error) ||
      !parse_source_tc ("source out", source_out, source, &out, error))
    return FALSE;
  if (out <= in)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "source out: %s is not after source in (%s)",
                   source_out, source_in);
      return FALSE;
    }
  /* The store checks the range against the clip's length, in the same transaction. */
  cr_record_take (changes, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, in));
  cr_record_take (changes, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, out));
  return cr_store_update (db, &cr_entity_event, event->id, changes, error);
}

gboolean
cr_cut_add_selects (CrDb          *db,
                    gint64         cut,
                    const gint64  *selects,
                    guint          n_selects,
                    guint          position,
                    GError       **error)
{
  if (n_selects == 0)
    return TRUE;
  if (!cr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_selects; i++)
    if (!cr_cut_add_event (db, cut, selects[i], 0, 0, 0, 0, NULL, position ? position + i : 0, error))
      {
        cr_db_rollback (db);
        return FALSE;
      }
  return cr_db_commit (db, error);
}

CrCutRemoved *
cr_cut_take_event (CrDb    *db,
                   gint64   cut,
                   guint    position,
                   GError **error)
{
  g_autoptr(CrRecord) event = get_event (db, cut, position, error);
  g_autoptr(CrCutRemoved) removed = NULL;

  if (event == NULL)
    return NULL;
  removed = g_new0 (CrCutRemoved, 1);
  removed->cut = cut;
  removed->position = position;
  removed->select = cr_record_get_int (event, "selection", 0);
  removed->clip = cr_record_get_int (event, "clip", 0);
  removed->in = cr_record_get_int (event, "in_frame", 0);
  removed->out = cr_record_get_int (event, "out_frame", 0);
  removed->gap_before = cr_record_get_int (event, "gap_before", 0);
  removed->note = g_strdup (cr_record_get (event, "note"));
  if (!cr_cut_remove_event (db, cut, position, error))
    return NULL;
  return g_steal_pointer (&removed);
}

gboolean
cr_cut_removed_restore (CrCutRemoved  *removed,
                        CrDb          *db,
                        GError       **error)
{
  gint64 id;

  if (!cr_db_begin (db, error))
    return FALSE;
  /* A trimmed select comes back with its trimmed range: the clip range is given, then the
   * link to the select, in the one transaction. */
  id = cr_cut_add_event (db, removed->cut, 0, removed->clip, removed->in, removed->out, removed->gap_before,
                         removed->note, removed->position, error);
  if (id != 0 && removed->select > 0)
    {
      g_autoptr(CrRecord) link = cr_record_new (&cr_entity_event);
      cr_record_take (link, "selection", g_strdup_printf ("%" G_GINT64_FORMAT, removed->select));
      if (!cr_store_update (db, &cr_entity_event, id, link, error))
        id = 0;
    }
  if (id == 0)
    {
      cr_db_rollback (db);
      return FALSE;
    }
  return cr_db_commit (db, error);
}

guint
cr_cut_removed_get_position (const CrCutRemoved *removed)
{
  return removed->position;
}

void
cr_cut_removed_free (CrCutRemoved *removed)
{
  if (removed == NULL)
    return;
  g_free (removed->note);
  g_free (removed);
}

CrCutOrder *
cr_cut_order_save (CrDb    *db,
                   gint64   cut,
                   GError **error)
{
  GArray *ids = cr_cut_events_ids (db, cut, error);
  CrCutOrder *order;

  if (ids == NULL)
    return NULL;
  order = g_new0 (CrCutOrder, 1);
  order->cut = cut;
  order->ids = ids;
  return order;
}

gboolean
cr_cut_order_restore (CrCutOrder  *order,
                      CrDb        *db,
                      GError     **error)
{
  return cr_cut_events_set_order (db, order->cut, order->ids, error);
}

gint64
cr_cut_order_get_cut (const CrCutOrder *order)
{
  return order->cut;
}

gint64
cr_cut_order_get_event (const CrCutOrder *order,
                        guint             position)
{
  return position >= 1 && position <= order->ids->len ? g_array_index (order->ids, gint64, position - 1) : 0;
}

guint
cr_cut_order_find (const CrCutOrder *order,
                   gint64            event)
{
  for (guint i = 0; i < order->ids->len; i++)
    if (g_array_index (order->ids, gint64, i) == event)
      return i + 1;
  return 0;
}

void
cr_cut_order_free (CrCutOrder *order)
{
  if (order == NULL)
    return;
  g_array_unref (order->ids);
  g_free (order);
}

GStrv
cr_cut_stringout_tags (CrDb *db)
{
  return cr_clip_tags_of_selects (db);
}

int
cr_cut_stringout_preview (CrDb               *db,
                          const CrStringout  *what,
                          GError            **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("preview %s", uuid);
  g_autoptr(GError) local = NULL;
  gint64 cut;
  int count = 0;

  /* The stringout itself, made and rolled back: the count is exactly what Create makes. */
  if (!cr_db_begin (db, error))
    return -1;
  cut = cr_cut_stringout (db, name, what, &local);
  if (cut > 0)
    count = (int) cr_cut_count_events (db, cut);
  cr_db_rollback (db);
  if (cut == 0 && !g_error_matches (local, CR_DB_ERROR, CR_DB_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return -1;
    }
  return count;
}
