/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-timeline"

#include "config.h"

#include <string.h>

#include "cr-export-text.h"
#include "cr-timeline.h"

G_DEFINE_QUARK (cr-timeline-error-quark, cr_timeline_error)

static void
source_free (gpointer data)
{
  CrTimelineSource *source = data;

  g_free (source->path);
  g_free (source->name);
  g_free (source->reel);
  g_free (source);
}

static void
marker_clear (gpointer data)
{
  CrTimelineMarker *marker = data;

  g_free (marker->note);
}

static void
event_free (gpointer data)
{
  CrTimelineEvent *event = data;

  g_free (event->label);
  g_free (event->participants);
  g_free (event->question);
  g_free (event->note);
  g_free (event->transcript);
  g_array_unref (event->markers);
  g_ptr_array_unref (event->keywords);
  g_free (event);
}

CrTimeline *
cr_timeline_new (const char *name,
                 CrRate      rate,
                 gboolean    drop_frame,
                 int         width,
                 int         height)
{
  CrTimeline *timeline = g_new0 (CrTimeline, 1);

  timeline->name = g_strdup (name ? name : "");
  timeline->rate = rate;
  timeline->drop_frame = drop_frame;
  timeline->width = width;
  timeline->height = height;
  timeline->record_start = 0;
  if (rate.num > 0 && rate.den > 0)
    {
      CrTimecodeFormat fmt = { rate, drop_frame };
      /* 01:00:00:00, counted the way this rate labels frames. */
      if (!cr_timecode_parse (drop_frame ? "01:00:00;00" : "01:00:00:00", &fmt,
                              &timeline->record_start, NULL))
        timeline->record_start = 0;
    }
  timeline->sources = g_ptr_array_new_with_free_func (source_free);
  timeline->events = g_ptr_array_new_with_free_func (event_free);
  timeline->sound_events = g_ptr_array_new_with_free_func (event_free);
  timeline->warnings = g_ptr_array_new_with_free_func (g_free);
  return timeline;
}

void
cr_timeline_free (CrTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_free (timeline->name);
  g_ptr_array_unref (timeline->warnings);
  for (guint i = 0; i < G_N_ELEMENTS (timeline->sound); i++)
    g_clear_pointer (&timeline->sound[i], g_ptr_array_unref);
  g_ptr_array_unref (timeline->sources);
  g_ptr_array_unref (timeline->events);
  g_ptr_array_unref (timeline->sound_events);
  g_free (timeline);
}

guint
cr_timeline_add_source (CrTimeline *timeline,
                        const char *path,
                        const char *name,
                        CrRate      rate,
                        gboolean    drop_frame,
                        gint64      start_tc,
                        gint64      duration,
                        gboolean    has_video,
                        int         audio_channels)
{
  CrTimelineSource *source = g_new0 (CrTimelineSource, 1);

  source->path = g_strdup (path);
  source->name = g_strdup (name);
  source->rate = rate;
  source->drop_frame = drop_frame;
  source->start_tc = start_tc;
  source->duration = duration;
  source->has_video = has_video;
  source->audio_channels = audio_channels;
  g_ptr_array_add (timeline->sources, source);
  return timeline->sources->len - 1;
}

static CrTimelineEvent *
event_new (guint  source,
           gint64 in,
           gint64 out,
           gint64 record)
{
  CrTimelineEvent *event = g_new0 (CrTimelineEvent, 1);

  event->source = source;
  event->in = in;
  event->out = out;
  event->record = record;
  event->markers = g_array_new (FALSE, FALSE, sizeof (CrTimelineMarker));
  g_array_set_clear_func (event->markers, marker_clear);
  event->keywords = g_ptr_array_new_with_free_func (g_free);
  return event;
}

CrTimelineEvent *
cr_timeline_add_sound_event (CrTimeline *timeline,
                             guint       track,
                             guint       source,
                             gint64      in,
                             gint64      out,
                             gint64      record)
{
  CrTimelineEvent *event = event_new (source, in, out, record);
  guint at = timeline->sound_events->len;

  g_return_val_if_fail (track > 0, NULL);
  event->track = track;
  /* After the last event of the same or a lower track. */
  while (at > 0 && ((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, at - 1))->track > track)
    at--;
  g_ptr_array_insert (timeline->sound_events, at, event);
  return event;
}

guint
cr_timeline_count_all_events (const CrTimeline *timeline)
{
  return timeline->events->len + timeline->sound_events->len;
}

CrTimelineEvent *
cr_timeline_get_any_event (const CrTimeline *timeline,
                           guint             index)
{
  return index < timeline->events->len ? g_ptr_array_index (timeline->events, index)
                                       : g_ptr_array_index (timeline->sound_events, index - timeline->events->len);
}

guint
cr_timeline_get_sound_tracks (const CrTimeline *timeline)
{
  guint n = timeline->sound_events->len;

  return n > 0 ? ((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, n - 1))->track : 0;
}

char *
cr_timeline_track_name (guint track)
{
  return track == 0 ? g_strdup ("V") : g_strdup_printf ("A%u", track);
}

CrTimelineEvent *
cr_timeline_add_event (CrTimeline *timeline,
                       guint       source,
                       gint64      in,
                       gint64      out,
                       gint64      record)
{
  CrTimelineEvent *event = event_new (source, in, out, record);

  g_ptr_array_add (timeline->events, event);
  return event;
}

void
cr_timeline_event_add_marker (CrTimelineEvent *event,
                              gint64           frame,
                              const char      *note)
{
  CrTimelineMarker marker = { frame, g_strdup (note ? note : "") };

  g_array_append_val (event->markers, marker);
}

void
cr_timeline_event_add_keyword (CrTimelineEvent *event,
                               const char      *keyword)
{
  g_ptr_array_add (event->keywords, g_strdup (keyword));
}

void
cr_timeline_source_set_size (CrTimeline *timeline,
                             guint       source,
                             int         width,
                             int         height)
{
  CrTimelineSource *src;

  g_return_if_fail (source < timeline->sources->len);
  src = g_ptr_array_index (timeline->sources, source);
  src->width = MAX (width, 0);
  src->height = MAX (height, 0);
}

void
cr_timeline_add_warning (CrTimeline *timeline,
                         const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (timeline->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

const CrTimelineSource *
cr_timeline_get_source (const CrTimeline *timeline,
                        guint             index)
{
  g_return_val_if_fail (index < timeline->sources->len, NULL);
  return g_ptr_array_index (timeline->sources, index);
}

const CrTimelineEvent *
cr_timeline_get_event (const CrTimeline *timeline,
                       guint             index)
{
  g_return_val_if_fail (index < timeline->events->len, NULL);
  return g_ptr_array_index (timeline->events, index);
}

const char *
cr_timeline_source_get_name (const CrTimelineSource *source)
{
  const char *slash;

  if (source->name != NULL && source->name[0] != '\0')
    return source->name;
  if (source->path == NULL)
    return "";
  slash = strrchr (source->path, G_DIR_SEPARATOR);
  return slash ? slash + 1 : source->path;
}

CrTimecodeFormat
cr_timeline_get_format (const CrTimeline *timeline)
{
  CrTimecodeFormat fmt = { timeline->rate, timeline->drop_frame };

  return fmt;
}

CrTimecodeFormat
cr_timeline_source_get_format (const CrTimelineSource *source)
{
  CrTimecodeFormat fmt = { source->rate, source->drop_frame };

  return fmt;
}

gint64
cr_timeline_source_to_record (const CrTimeline       *timeline,
                              const CrTimelineSource *source,
                              gint64                  frames)
{
  gint64 num, den;

  if (cr_rate_equal (timeline->rate, source->rate))
    return frames;
  /* cr_timeline_validate refuses such rates; until then, never divide by zero. */
  if (timeline->rate.num <= 0 || timeline->rate.den <= 0 || source->rate.num <= 0 || source->rate.den <= 0)
    return 0;

  /* frames × (src.den / src.num) seconds × (tl.num / tl.den) frames per second, rounded to
   * the nearest frame with halves away from zero. Fits in 64 bits for any real rate. */
  num = frames * source->rate.den * timeline->rate.num;
  den = (gint64) source->rate.num * timeline->rate.den;
  if (num >= 0)
    return (2 * num + den) / (2 * den);
  return -((-2 * num + den) / (2 * den));
}

gint64
cr_timeline_event_get_length (const CrTimeline      *timeline,
                              const CrTimelineEvent *event)
{
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);

  return cr_timeline_source_to_record (timeline, source, event->out - event->in);
}

gint64
cr_timeline_get_duration (const CrTimeline *timeline)
{
  gint64 end = 0;
  guint i;

  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      end = MAX (end, event->record + cr_timeline_event_get_length (timeline, event));
    }
  for (i = 0; i < timeline->sound_events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->sound_events, i);
      end = MAX (end, event->record + cr_timeline_event_get_length (timeline, event));
    }
  return end;
}

void
cr_timeline_rebase_source (CrTimeline *timeline,
                           guint       source,
                           gint64      start_tc,
                           gint64      duration)
{
  CrTimelineSource *src;
  gint64 shift;
  guint i, j;

  g_return_if_fail (source < timeline->sources->len);

  src = g_ptr_array_index (timeline->sources, source);
  shift = start_tc - src->start_tc;
  src->start_tc = start_tc;
  src->duration = duration;
  for (i = 0; i < timeline->events->len + timeline->sound_events->len; i++)
    {
      CrTimelineEvent *event = i < timeline->events->len ? g_ptr_array_index (timeline->events, i)
                               : g_ptr_array_index (timeline->sound_events, i - timeline->events->len);

      if (event->source != source)
        continue;
      event->in -= shift;
      event->out -= shift;
      for (j = 0; j < event->markers->len; j++)
        g_array_index (event->markers, CrTimelineMarker, j).frame -= shift;
    }
}

static gboolean
text_check (const char  *text,
            guint        event_number,
            const char  *field,
            GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
               "Event %u: the %s is not valid UTF-8", event_number, field);
  return FALSE;
}

static gboolean
event_fail (GError                **error,
            const CrTimelineSource *source,
            const CrTimelineEvent  *event,
            guint                   number,
            const char             *format,
            gint64                  frame)
{
  CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
  g_autofree char *name = cr_text_for_message (cr_timeline_source_get_name (source));
  g_autofree char *tc = cr_timecode_to_string (source->start_tc + frame, &fmt);
  g_autofree char *end = cr_timecode_to_string (source->start_tc + source->duration, &fmt);
  g_autofree char *start = cr_timecode_to_string (source->start_tc, &fmt);
  g_autofree char *what = g_strdup_printf (format, tc);
  g_autofree char *line = event->line > 0 ? g_strdup_printf (" on line %u", event->line) : g_strdup ("");

  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
               "Event %u (%s)%s: %s (its media runs from %s to %s)", number, name, line, what, start, end);
  return FALSE;
}

gboolean
cr_timeline_validate (const CrTimeline  *timeline,
                      GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  CrTimecodeFormat fmt = cr_timeline_get_format (timeline);
  gint64 previous_end = 0;
  guint i, j;

  if (!cr_timecode_format_check (&fmt, &local_error))
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Timeline rate: %s", local_error->message);
      return FALSE;
    }
  if (timeline->width <= 0 || timeline->height <= 0)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Timeline frame size %d×%d is not a picture size", timeline->width, timeline->height);
      return FALSE;
    }
  if (timeline->record_start < 0)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Timeline record start is negative");
      return FALSE;
    }
  if (!g_utf8_validate (timeline->name, -1, NULL))
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Timeline name is not valid UTF-8");
      return FALSE;
    }

  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      CrTimecodeFormat sfmt = cr_timeline_source_get_format (source);

      if (!cr_timecode_format_check (&sfmt, &local_error))
        {
          g_autofree char *name = cr_text_for_message (cr_timeline_source_get_name (source));
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Source %u (%s): %s", i + 1, name, local_error->message);
          return FALSE;
        }
      if ((source->path && !g_utf8_validate (source->path, -1, NULL)) ||
          (source->name && !g_utf8_validate (source->name, -1, NULL)))
        {
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Source %u: its path or name is not valid UTF-8", i + 1);
          return FALSE;
        }
      if (source->start_tc < 0 || source->duration <= 0)
        {
          g_autofree char *name = cr_text_for_message (cr_timeline_source_get_name (source));
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Source %u (%s): no media (start %" G_GINT64_FORMAT ", duration %"
                       G_GINT64_FORMAT " frames)", i + 1, name, source->start_tc, source->duration);
          return FALSE;
        }
    }

  for (i = 0; i < timeline->events->len + timeline->sound_events->len; i++)
    {
      gboolean sound = i >= timeline->events->len;
      const CrTimelineEvent *event = !sound ? g_ptr_array_index (timeline->events, i)
                                     : g_ptr_array_index (timeline->sound_events, i - timeline->events->len);
      const CrTimelineEvent *previous = i == 0 ? NULL
                                        : i - 1 < timeline->events->len ? g_ptr_array_index (timeline->events, i - 1)
                                        : g_ptr_array_index (timeline->sound_events, i - 1 - timeline->events->len);
      const CrTimelineSource *source;
      guint number = i + 1;

      /* Each track is its own sequence. */
      if (previous == NULL || previous->track != event->track || (sound && event->track == 0))
        previous_end = 0;
      if (sound && event->track == 0)
        {
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Event %u: a sound-only event needs a sound track (A1, A2…)", number);
          return FALSE;
        }

      if (event->source >= timeline->sources->len)
        {
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Event %u: source %u does not exist", number, event->source + 1);
          return FALSE;
        }
      source = g_ptr_array_index (timeline->sources, event->source);

      if (event->in < 0)
        return event_fail (error, source, event, number, "in %s is before the start of the media", event->in);
      if (event->out > source->duration)
        return event_fail (error, source, event, number, "out %s is past the end of the media", event->out);
      if (event->out <= event->in)
        return event_fail (error, source, event, number, "out %s is not after the in point", event->out);
      if (cr_timeline_event_get_length (timeline, event) <= 0)
        return event_fail (error, source, event, number, "the range ending at %s is shorter than one timeline frame",
                           event->out);
      for (j = 0; j < event->markers->len; j++)
        {
          const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, j);
          if (marker->frame < event->in || marker->frame >= event->out)
            return event_fail (error, source, event, number, "marker at %s is outside the event", marker->frame);
          if (!text_check (marker->note, number, "marker note", error))
            return FALSE;
        }
      for (j = 0; j < event->keywords->len; j++)
        if (!text_check (g_ptr_array_index (event->keywords, j), number, "keyword", error))
          return FALSE;
      if (!text_check (event->label, number, "label", error) ||
          !text_check (event->participants, number, "participants", error) ||
          !text_check (event->question, number, "question", error) ||
          !text_check (event->note, number, "note", error))
        return FALSE;

      if (event->record < previous_end)
        {
          g_autofree char *track = event->track > 0 ? cr_timeline_track_name (event->track) : NULL;

          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Event %u starts at record frame %" G_GINT64_FORMAT ", before the previous event%s%s "
                       "ends (%" G_GINT64_FORMAT ")", number, event->record, track ? " on " : "", track ? track : "",
                       previous_end);
          return FALSE;
        }
      previous_end = event->record + cr_timeline_event_get_length (timeline, event);
    }

  return TRUE;
}
