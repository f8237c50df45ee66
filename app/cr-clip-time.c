/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cliptime"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-store.h"

/* The clip's timecode: counted at its own rate, starting at its start timecode when the file
 * carries one at that rate, else at 00:00:00:00. */
static void
clip_timecode (CrDb             *db,
               gint64            clip,
               CrTimecodeFormat *fmt,
               gint64           *start)
{
  g_autoptr(CrRecord) row = cr_store_get (db, &cr_entity_clip, clip, NULL);
  CrRate tc_rate = { 0, 0 };

  cr_clip_rate (db, clip, &fmt->rate.num, &fmt->rate.den);
  fmt->drop_frame = FALSE;
  *start = 0;
  if (row && cr_record_get (row, "tc_start") && cr_rate_parse (cr_record_get (row, "tc_rate"), &tc_rate, NULL) &&
      cr_rate_equal (tc_rate, fmt->rate))
    {
      fmt->drop_frame = cr_record_get_int (row, "tc_drop", 0);
      *start = cr_record_get_int (row, "tc_frames", 0);
    }
}

gboolean
cr_clip_parse_position (CrDb        *db,
                        gint64       clip,
                        const char  *text,
                        gint64      *frames,
                        GError     **error)
{
  CrTimecodeFormat fmt;
  gint64 start, label, day;
  char *end = NULL;

  clip_timecode (db, clip, &fmt, &start);
  if (strchr (text, ':') || strchr (text, ';'))
    {
      if (!cr_timecode_parse (text, &fmt, &label, error))
        return FALSE;
      /* A recording that runs past midnight counts on from 00:00:00:00. */
      day = cr_timecode_frames_per_day (&fmt);
      *frames = ((label - start) % day + day) % day;
      return TRUE;
    }
  if (g_str_has_suffix (text, "s"))
    {
      double seconds = g_ascii_strtod (text, &end);
      if (end == text || *end != 's' || end[1] != '\0' || seconds < 0 || !isfinite (seconds))
        goto bad;
      *frames = (gint64) llround (seconds * fmt.rate.num / fmt.rate.den);
      return TRUE;
    }
  *frames = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || *frames < 0)
    goto bad;
  return TRUE;

bad:
  g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_SYNTAX,
               "“%s” is not a position (write the clip's timecode HH:MM:SS:FF, a frame number, or seconds such as 12.5s)",
               text);
  return FALSE;
}

char *
cr_clip_format_position (CrDb   *db,
                         gint64  clip,
                         gint64  frames)
{
  CrTimecodeFormat fmt;
  gint64 start;

  clip_timecode (db, clip, &fmt, &start);
  return cr_timecode_to_string (start + frames, &fmt);
}

gboolean
cr_clip_parse_point (CrDb        *db,
                     gint64       clip,
                     const char  *text,
                     gint64      *frames,
                     GError     **error)
{
  CrTimecodeFormat fmt;
  gint64 start, length, day;

  if (!cr_clip_parse_position (db, clip, text, frames, error))
    return FALSE;
  if (!strchr (text, ':') && !strchr (text, ';'))
    return TRUE;
  length = cr_clip_length_frames (db, clip);
  if (length < 0 || *frames <= length)
    return TRUE;
  /* Read past midnight, a label shortly before the start would be a day later. */
  clip_timecode (db, clip, &fmt, &start);
  day = cr_timecode_frames_per_day (&fmt);
  if (day - *frames < *frames - length)
    *frames -= day;
  return TRUE;
}

gboolean
cr_clip_check_range (CrDb     *db,
                     gint64    clip,
                     gint64    in,
                     gint64    out,
                     gboolean  out_moved,
                     GError  **error)
{
  const CrEntity *e = &cr_entity_select;
  const CrField *field = cr_entity_find_field (e, out_moved ? "out_frame" : "in_frame");
  gint64 moved = out_moved ? out : in;
  gint64 length = cr_clip_length_frames (db, clip);
  g_autofree char *at = cr_clip_format_position (db, clip, moved);

  if (moved < 0)
    {
      g_autofree char *start = cr_clip_format_position (db, clip, 0);
      return cr_field_error (e, field, error, "%s is before the clip starts (%s)", at, start);
    }
  if (length >= 0 && moved > length)
    {
      g_autofree char *end = cr_clip_format_position (db, clip, length);
      return cr_field_error (e, field, error, "%s is after the clip ends (%s)", at, end);
    }
  if (out <= in)
    {
      g_autofree char *other = cr_clip_format_position (db, clip, out_moved ? in : out);
      return cr_field_error (e, field, error, out_moved ? "%s is not after the in point (%s)"
                                                        : "%s is not before the out point (%s)", at, other);
    }
  return TRUE;
}
