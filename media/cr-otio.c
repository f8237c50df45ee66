/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-otio"

#include "config.h"

#include "cr-export-text.h"
#include "cr-json-writer.h"
#include "cr-otio.h"

/* OTIO schema objects. */

static void
rational_time (CrJsonWriter *w,
               const char   *name,
               gint64        value,
               const char   *rate)
{
  cr_json_key (w, name);
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", "RationalTime.1");
  cr_json_literal (w, "rate", rate);
  cr_json_key (w, "value");
  cr_json_append_int (w->out, value);
  CR_STRING_PUT (w->out, ".0");
  cr_json_close (w, '}');
}

/* The start and the duration may count at different rates: OTIO adds times exactly. */
static void
time_range_at (CrJsonWriter *w,
               const char   *name,
               gint64        start,
               const char   *start_rate,
               gint64        duration,
               const char   *duration_rate)
{
  cr_json_key (w, name);
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", "TimeRange.1");
  rational_time (w, "duration", duration, duration_rate);
  rational_time (w, "start_time", start, start_rate);
  cr_json_close (w, '}');
}

static void
time_range (CrJsonWriter *w,
            const char   *name,
            gint64        start,
            gint64        duration,
            const char   *rate)
{
  time_range_at (w, name, start, rate, duration, rate);
}

/* Rates as JSON text, computed once per rate rather than per time. */
typedef char RateText[G_ASCII_DTOSTR_BUF_SIZE];

typedef struct
{
  RateText  timeline;
  RateText *sources;   /* per source index */
} Rates;

static void
format_rate (RateText buf,
             CrRate   rate)
{
  g_autoptr(GString) text = g_string_new (NULL);

  cr_json_append_double (text, cr_rate_to_double (rate));
  g_strlcpy (buf, text->str, G_ASCII_DTOSTR_BUF_SIZE);
}

static void
empty (CrJsonWriter *w,
       const char   *name,
       char          open,
       char          close)
{
  cr_json_key (w, name);
  cr_json_open (w, open);
  cr_json_close (w, close);
}

/* The fields every OTIO item has, up to its name. */
static void
begin_item (CrJsonWriter *w,
            const char   *schema,
            const char   *name)
{
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", schema);
  empty (w, "metadata", '{', '}');
  cr_json_string (w, "name", name);
}

static void
effects_and_enabled (CrJsonWriter *w)
{
  empty (w, "effects", '[', ']');
  cr_json_literal (w, "enabled", "true");
}

static void
gap (CrJsonWriter *w,
     const Rates  *rates,
     gint64        length)
{
  cr_json_next (w);
  begin_item (w, "Gap.1", "");
  time_range (w, "source_range", 0, length, rates->timeline);
  effects_and_enabled (w);
  empty (w, "markers", '[', ']');
  cr_json_close (w, '}');
}

static void
event_metadata (CrJsonWriter          *w,
                const CrTimelineEvent *event)
{
  gint64 source_frames = event->out - event->in;


  cr_json_key (w, "metadata");
  cr_json_open (w, '{');
  cr_json_key (w, "casereel");
  cr_json_open (w, '{');
  cr_json_string (w, "label", event->label);
  cr_json_string (w, "participants", event->participants);
  cr_json_string (w, "question", event->question);
  cr_json_string (w, "note", event->note);
  /* The duration is in cut frames; this is the exact source range it plays. */
  cr_json_int (w, "source_frames", source_frames);
  cr_json_key (w, "keywords");
  cr_json_open (w, '[');
  for (guint i = 0; i < event->keywords->len; i++)
    {
      cr_json_next (w);
      cr_json_append_string (w->out, g_ptr_array_index (event->keywords, i));
    }
  cr_json_close (w, ']');
  cr_json_close (w, '}');
  cr_json_close (w, '}');
}

/* `describe`: carry the event's text and markers (the video track's clip, or the audio track's
 * when there is no video) so that they are not written twice. */
static void
clip (CrJsonWriter          *w,
      const CrTimeline      *timeline,
      const CrTimelineEvent *event,
      const Rates           *rates,
      const char            *url,
      gboolean               describe)
{
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
  const char *rate = rates->sources[event->source];
  guint i;

  cr_json_next (w);
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", "Clip.2");
  if (describe)
    event_metadata (w, event);
  else
    empty (w, "metadata", '{', '}');
  cr_json_string (w, "name", event->label ? event->label : cr_timeline_source_get_name (source));
  /* The duration counts the cut's frames, not the source's: a track adds its clips' durations,
   * so only this keeps every later clip on the cut's frame grid when the rates differ (60 frames
   * at 23.976 take 63 frames at 25). */
  time_range_at (w, "source_range", source->start_tc + event->in, rate,
                 cr_timeline_event_get_length (timeline, event), rates->timeline);
  effects_and_enabled (w);

  cr_json_key (w, "markers");
  cr_json_open (w, '[');
  for (i = 0; describe && i < event->markers->len; i++)
    {
      const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, i);

      cr_json_next (w);
      begin_item (w, "Marker.2", marker->note);
      cr_json_string (w, "color", "RED");
      cr_json_string (w, "comment", marker->note);
      time_range (w, "marked_range", source->start_tc + marker->frame, 0, rate);
      cr_json_close (w, '}');
    }
  cr_json_close (w, ']');

  cr_json_key (w, "media_references");
  cr_json_open (w, '{');
  cr_json_key (w, "DEFAULT_MEDIA");
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", "ExternalReference.1");
  cr_json_key (w, "metadata");
  cr_json_open (w, '{');
  cr_json_key (w, "casereel");
  cr_json_open (w, '{');
  cr_json_literal (w, "drop_frame", source->drop_frame ? "true" : "false");
  cr_json_literal (w, "has_video", source->has_video ? "true" : "false");
  cr_json_int (w, "audio_channels", source->audio_channels);
  cr_json_close (w, '}');
  cr_json_close (w, '}');
  cr_json_string (w, "name", cr_timeline_source_get_name (source));
  time_range (w, "available_range", source->start_tc, source->duration, rate);
  cr_json_literal (w, "available_image_bounds", "null");
  cr_json_string (w, "target_url", url);
  cr_json_close (w, '}');
  cr_json_close (w, '}');
  cr_json_string (w, "active_media_reference_key", "DEFAULT_MEDIA");
  cr_json_close (w, '}');
}

/* A track of the events given, gaps between them, to the cut's end: OTIO adds each track's
 * items, so every track lasts what the cut lasts. `sound_track` 0: the picture events' own
 * picture (video) or sound; n: the events of sound track An. */
static void
track (CrJsonWriter     *w,
       const CrTimeline *timeline,
       const Rates      *rates,
       GStrv             urls,
       gboolean          video,
       guint             sound_track,
       guint             audio_number)
{
  GPtrArray *events = sound_track > 0 ? timeline->sound_events : timeline->events;
  gint64 position = 0, end = cr_timeline_get_duration (timeline);
  g_autofree char *name = video ? g_strdup ("V1") : g_strdup_printf ("A%u", audio_number);
  guint i;

  cr_json_next (w);
  cr_json_open (w, '{');
  cr_json_string (w, "OTIO_SCHEMA", "Track.1");
  cr_json_key (w, "metadata");
  cr_json_open (w, '{');
  /* Which of the cut's tracks this is, for our reader: the picture events' sound, or A1… */
  if (!video)
    {
      g_autofree char *ours = cr_timeline_track_name (sound_track);

      cr_json_key (w, "casereel");
      cr_json_open (w, '{');
      cr_json_string (w, "track", ours);
      cr_json_close (w, '}');
    }
  cr_json_close (w, '}');
  cr_json_string (w, "name", name);
  cr_json_literal (w, "source_range", "null");
  effects_and_enabled (w);
  empty (w, "markers", '[', ']');
  cr_json_string (w, "kind", video ? "Video" : "Audio");

  cr_json_key (w, "children");
  cr_json_open (w, '[');
  for (i = 0; i < events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (events, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      gint64 length = cr_timeline_event_get_length (timeline, event);
      gboolean present = video ? source->has_video : source->audio_channels > 0;

      if (event->track != sound_track)
        continue;
      if (event->record > position)
        gap (w, rates, event->record - position);
      /* A source without this kind of media leaves a hole in this track. */
      if (!present)
        gap (w, rates, length);
      else
        clip (w, timeline, event, rates, urls[event->source], video || sound_track > 0 || !source->has_video);
      position = event->record + length;
    }
  if (end > position)
    gap (w, rates, end - position);
  cr_json_close (w, ']');
  cr_json_close (w, '}');
}

gboolean
cr_otio_write (const CrTimeline     *timeline,
               const CrOtioOptions  *options,
               GString              *out,
               GError              **error)
{
  static const CrOtioOptions defaults = { 0 };
  guint n = timeline->sources->len;
  g_auto(GStrv) urls = g_new0 (char *, n + 1);
  g_autofree RateText *source_rates = g_new0 (RateText, n + 1);
  Rates rates = { "", source_rates };
  CrJsonWriter w;
  gboolean any_audio = FALSE;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (!cr_timeline_validate (timeline, error))
    return FALSE;
  cr_json_writer_init (&w, out, (guint) CLAMP (options->indent, 0, 8));

  /* One allocation up front instead of a dozen doubling copies of a 20 MB string (a clip in both
   * tracks takes about 2.2 KB). */
  {
    gsize len = out->len;
    g_string_set_size (out, len + 4096 + (gsize) cr_timeline_count_all_events (timeline) * 2560);
    g_string_truncate (out, len);
  }

  format_rate (rates.timeline, timeline->rate);
  for (i = 0; i < n; i++)
    {
      const CrTimelineSource *source = cr_timeline_get_source (timeline, i);

      urls[i] = cr_path_to_file_url (source->path, error);
      if (urls[i] == NULL)
        return FALSE;
      format_rate (rates.sources[i], source->rate);
    }
  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      any_audio |= cr_timeline_get_source (timeline, event->source)->audio_channels > 0;
    }

  cr_json_open (&w, '{');
  cr_json_string (&w, "OTIO_SCHEMA", "Timeline.1");
  cr_json_key (&w, "metadata");
  cr_json_open (&w, '{');
  cr_json_key (&w, "casereel");
  cr_json_open (&w, '{');
  cr_json_literal (&w, "drop_frame", timeline->drop_frame ? "true" : "false");
  cr_json_int (&w, "width", timeline->width);
  cr_json_int (&w, "height", timeline->height);
  cr_json_close (&w, '}');
  cr_json_close (&w, '}');
  cr_json_string (&w, "name", timeline->name);
  rational_time (&w, "global_start_time", timeline->record_start, rates.timeline);

  cr_json_key (&w, "tracks");
  begin_item (&w, "Stack.1", "tracks");
  cr_json_literal (&w, "source_range", "null");
  effects_and_enabled (&w);
  empty (&w, "markers", '[', ']');
  cr_json_key (&w, "children");
  cr_json_open (&w, '[');
  track (&w, timeline, &rates, urls, TRUE, 0, 0);
  if (any_audio && !options->no_audio_track)
    track (&w, timeline, &rates, urls, FALSE, 0, 1);
  /* Each sound track after it, numbered on as editors number them. */
  for (i = 1; i <= cr_timeline_get_sound_tracks (timeline); i++)
    track (&w, timeline, &rates, urls, FALSE, i, i + (any_audio && !options->no_audio_track ? 1 : 0));
  cr_json_close (&w, ']');
  cr_json_close (&w, '}');
  cr_json_close (&w, '}');
  g_string_append_c (out, '\n');
  return TRUE;
}
