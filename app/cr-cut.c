/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include "cr-cut.h"
#include "cr-cut-events.h"
#include "cr-store.h"

G_DEFINE_QUARK (cr-cut-error-quark, cr_cut_error)

guint
cr_cut_count_events (CrDb   *db,
                     gint64  cut)
{
  return cr_cut_events_count (db, cut);
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

gint64
cr_cut_add_event (CrDb        *db,
                  gint64       cut,
                  gint64       select,
                  gint64       clip,
                  gint64       in,
                  gint64       out,
                  gint64       gap_before,
                  const char  *note,
                  guint        position,
                  GError     **error)
{
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_event);
  guint count = cr_cut_count_events (db, cut);
  gint64 id;

  if (select > 0)
    {
      g_autoptr(CrRecord) sel = cr_store_get (db, &cr_entity_select, select, error);
      if (sel == NULL)
        return 0;
      clip = cr_record_get_int (sel, "clip", 0);
      in = cr_record_get_int (sel, "in_frame", 0);
      out = cr_record_get_int (sel, "out_frame", 0);
      cr_record_take (input, "selection", int_text (select));
    }
  if (position == 0 || position > count + 1)
    position = count + 1;
  cr_record_take (input, "cut", int_text (cut));
  cr_record_take (input, "clip", int_text (clip));
  cr_record_take (input, "in_frame", int_text (in));
  cr_record_take (input, "out_frame", int_text (out));
  cr_record_take (input, "gap_before", int_text (gap_before));
  cr_record_take (input, "position", int_text (position));
  if (note)
    cr_record_set (input, "note", note);

  if (!cr_db_begin (db, error))
    return 0;
  if (!cr_cut_events_make_room (db, cut, position, error) ||
      !(id = cr_store_insert (db, input, error)) ||
      !cr_cut_events_picture_first (db, cut, error))
    {
      cr_db_rollback (db);
      return 0;
    }
  return cr_db_commit (db, error) ? id : 0;
}

gint64
cr_cut_add_event_on_track (CrDb        *db,
                           gint64       cut,
                           const char  *track,
                           gint64       select,
                           gint64       clip,
                           gint64       in,
                           gint64       out,
                           gint64       gap_before,
                           const char  *note,
                           guint        position,
                           GError     **error)
{
  gint64 id;
  guint64 number = 0;

  if (track == NULL || g_str_equal (track, "V"))
    return cr_cut_add_event (db, cut, select, clip, in, out, gap_before, note, position, error);
  if (track[0] != 'A' || !g_ascii_string_to_unsigned (track + 1, 10, 1, 99, &number, NULL) ||
      g_ascii_isdigit (track[1]) == FALSE)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "track: “%s” is not V or a sound track A1 to A99", track);
      return 0;
    }
  {
    g_autofree char *name = g_strdup_printf ("A%" G_GUINT64_FORMAT, number);

    if (!cr_db_begin (db, error))
      return 0;
    /* Added as the last event, then put on its track; the sound tracks' events come last. */
    if (!(id = cr_cut_add_event (db, cut, select, clip, in, out, gap_before, note, 0, error)) ||
        !cr_cut_events_set_track (db, id, name, error) || !cr_cut_events_picture_first (db, cut, error))
      {
        cr_db_rollback (db);
        return 0;
      }
  }
  return cr_db_commit (db, error) ? id : 0;
}

static gboolean
check_position (CrDb    *db,
                gint64   cut,
                guint    position,
                GError **error)
{
  guint count = cr_cut_count_events (db, cut);

  if (position < 1 || position > count)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "event: position %u is not in the cut (1–%u)",
                   position, count);
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_cut_move_event (CrDb    *db,
                   gint64   cut,
                   guint    from,
                   guint    to,
                   GError **error)
{
  if (!check_position (db, cut, from, error) || !check_position (db, cut, to, error))
    return FALSE;
  if (from == to)
    return TRUE;
  /* A picture event moved among the sound tracks' stays the last picture event. */
  if (!cr_db_begin (db, error))
    return FALSE;
  if (!cr_cut_events_move (db, cut, from, to, error) || !cr_cut_events_picture_first (db, cut, error))
    {
      cr_db_rollback (db);
      return FALSE;
    }
  return cr_db_commit (db, error);
}

gboolean
cr_cut_remove_event (CrDb    *db,
                     gint64   cut,
                     guint    position,
                     GError **error)
{
  if (!check_position (db, cut, position, error))
    return FALSE;
  return cr_cut_events_remove (db, cut, position, error);
}

gint64
cr_cut_duplicate (CrDb        *db,
                  gint64       cut,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(CrRecord) original = cr_store_get (db, &cr_entity_cut, cut, error);
  g_autoptr(CrRecord) copy = NULL;
  gint64 id;

  if (original == NULL)
    return 0;
  copy = cr_record_copy (original);
  copy->id = 0;
  g_hash_table_remove (copy->values, "created_at");
  cr_record_set (copy, "name", name);
  if (!cr_db_begin (db, error))
    return 0;
  if (!(id = cr_store_insert (db, copy, error)) ||
      !cr_cut_events_copy (db, cut, id, error))
    {
      cr_db_rollback (db);
      return 0;
    }
  return cr_db_commit (db, error) ? id : 0;
}

gint64
cr_cut_stringout (CrDb               *db,
                  const char         *name,
                  const CrStringout  *what,
                  GError            **error)
{
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_cut);
  /* Tags are stored stripped: " b-roll" typed is the tag "b-roll". */
  g_autofree char *tag = what->tag ? g_strstrip (g_strdup (what->tag)) : NULL;
  guint added = 0;
  gint64 cut;

  cr_record_set (input, "name", name);
  if (!cr_db_begin (db, error))
    return 0;
  if (!(cut = cr_store_insert (db, input, error)) ||
      !cr_cut_events_add_selects (db, cut, what->questions, tag, what->min_rating, &added, error))
    goto fail;
  if (added == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "stringout: no select matches; no cut was made");
      goto fail;
    }
  return cr_db_commit (db, error) ? cut : 0;

fail:
  cr_db_rollback (db);
  return 0;
}
