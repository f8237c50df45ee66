/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-edl"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-edl.h"
#include "cr-edl-private.h"
#include "cr-export-text.h"

void
cr_edl_append_timecode (GString                *out,
                        gint64                  frames,
                        const CrTimecodeFormat *fmt)
{
  char label[CR_TIMECODE_MAX_LEN];
  gint64 day = cr_timecode_frames_per_day (fmt);
  gint64 days = frames >= 0 && day > 0 ? frames / day : 0;

  cr_timecode_format_into (frames, fmt, label);
  if (days > 0)
    {
      int hours = (label[0] - '0') * 10 + (label[1] - '0') + (int) (24 * days);

      g_string_append_printf (out, "%02d%s", hours, label + 2);
    }
  else
    g_string_append (out, label);
}

gboolean
cr_edl_parse_timecode (const char              *text,
                       const CrTimecodeFormat  *fmt,
                       gint64                  *frames,
                       GError                 **error)
{
  g_autofree char *copy = g_strdup (text);
  int hours;

  if (g_ascii_isdigit (copy[0]) && g_ascii_isdigit (copy[1]) && copy[2] != '\0' &&
      (hours = (copy[0] - '0') * 10 + (copy[1] - '0')) >= 24 && hours < 48)
    {
      copy[0] = (char) ('0' + (hours - 24) / 10);
      copy[1] = (char) ('0' + (hours - 24) % 10);
      if (!cr_timecode_parse (copy, fmt, frames, error))
        return FALSE;
      *frames += cr_timecode_frames_per_day (fmt);
      return TRUE;
    }
  return cr_timecode_parse (text, fmt, frames, error);
}

static gint64
relabel (gint64                  frames,
         const CrTimecodeFormat *from,
         const CrTimecodeFormat *to,
         gboolean                up)
{
  char label[CR_TIMECODE_MAX_LEN];
  char text[CR_TIMECODE_MAX_LEN + 8];
  gint64 from_day = cr_timecode_frames_per_day (from);
  gint64 days = frames >= 0 ? frames / from_day : 0;
  int from_fps = cr_rate_nominal_fps (from->rate);
  int to_fps = cr_rate_nominal_fps (to->rate);
  int hh = 0, mm = 0, ss = 0, ff = 0;
  gint64 result = 0;

  cr_timecode_format_into (frames, from, label);
  if (sscanf (label, "%d:%d:%d%*c%d", &hh, &mm, &ss, &ff) != 4)
    return 0;
  /* Rounded down, so that the last frame digit of a second stays inside that second; back up,
   * so that a label scaled down and back is the label it was. */
  /* The first label of a minute that drop frame skips into stands for the minute's start. */
  if (up && from->drop_frame && ss == 0 && mm % 10 != 0 && ff == from_fps / 15)
    ff = 0;
  if (up)
    ff = MIN ((int) (((gint64) ff * to_fps + from_fps - 1) / from_fps), to_fps - 1);
  else
    ff = (int) ((gint64) ff * to_fps / from_fps);
  if (to->drop_frame && ss == 0 && mm % 10 != 0)
    ff = MAX (ff, to_fps / 15);
  g_snprintf (text, sizeof text, "%02d:%02d:%02d%c%02d", hh, mm, ss, to->drop_frame ? ';' : ':', ff);
  if (!cr_timecode_parse (text, to, &result, NULL))
    return 0;
  return result + days * cr_timecode_frames_per_day (to);
}

gint64
cr_edl_relabel (gint64                  frames,
                const CrTimecodeFormat *from,
                const CrTimecodeFormat *to)
{
  return relabel (frames, from, to, FALSE);
}

/* The source frames whose length at the list's rate is `length`, as the writer counts it:
 * the nearest to length × rate / list rate that gives it back. */
static gint64
frames_for_length (const CrTimeline *timeline,
                   CrRate            rate,
                   gint64            length)
{
  CrTimeline at_source = { .rate = rate };
  CrTimelineSource list = { .rate = timeline->rate };
  CrTimelineSource source = { .rate = rate };
  gint64 guess = cr_timeline_source_to_record (&at_source, &list, length);
  const gint64 tries[] = { guess, guess - 1, guess + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    if (tries[i] > 0 && cr_timeline_source_to_record (timeline, &source, tries[i]) == length)
      return tries[i];
  return MAX (guess, 1);
}

void
cr_edl_read_source_at (CrTimeline *timeline,
                       guint       source,
                       CrRate      rate,
                       gboolean    drop_frame)
{
  CrTimelineSource *src;
  CrTimecodeFormat list_fmt, own_fmt = { rate, drop_frame };

  g_return_if_fail (source < timeline->sources->len);
  src = g_ptr_array_index (timeline->sources, source);
  list_fmt = cr_timeline_source_get_format (src);
  if (rate.num <= 0 || rate.den <= 0 || (cr_rate_equal (rate, src->rate) && drop_frame == src->drop_frame))
    return;
  src->duration = 0;
  for (guint i = 0; i < cr_timeline_count_all_events (timeline); i++)
    {
      CrTimelineEvent *event = cr_timeline_get_any_event (timeline, i);
      gint64 length;

      if (event->source != source)
        continue;
      length = event->out - event->in;
      event->in = relabel (src->start_tc + event->in, &list_fmt, &own_fmt, TRUE) - src->start_tc;
      event->out = event->in + frames_for_length (timeline, rate, length);
      src->duration = MAX (src->duration, event->out);
    }
  src->rate = rate;
  src->drop_frame = drop_frame;
}
