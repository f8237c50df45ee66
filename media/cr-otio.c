/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-otio"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cr-export-text.h"
#include "cr-otio.h"

/* JSON output, streamed: a JsonBuilder tree of a 10,000-event cut costs over a second in node
 * allocations, and json-glib's generator prints doubles with 17 digits (29.970029970029969)
 * where OTIO and Python print the shortest text that reads back as the same double
 * (29.97002997002997). One member per line, "key": value, indented only on request: OTIO's own
 * four-space indent triples the size, and a 10,000-event cut is 56 MB instead of 20. */

typedef struct
{
  GString *out;
  guint    indent;     /* spaces per level */
  guint    depth;
  guint64  nonempty;   /* bit d: the container at depth d has a member already */
} Json;

/* GLib 2.74's g_string_append_len is an out-of-line call with overlap checks; a 10,000-event cut
 * makes three million of them, so the common case (room left) is a memcpy here. */
static inline void
put (GString    *out,
     const char *text,
     gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

#define PUT(out, literal) put ((out), "" literal, sizeof (literal) - 1)

static void
json_newline (Json *w)
{
  /* A newline and its indent in one append. */
  static const char indent[] = "\n                                                                "
                               "                                                                ";

  put (w->out, indent, 1 + MIN (w->indent * w->depth, sizeof indent - 2));
}

/* Before a member or an element: the comma and the line break. */
static void
json_next (Json *w)
{
  if (w->nonempty & (G_GUINT64_CONSTANT (1) << w->depth))
    g_string_append_c (w->out, ',');
  w->nonempty |= G_GUINT64_CONSTANT (1) << w->depth;
  json_newline (w);
}

static void
json_open (Json *w,
           char  bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  g_assert (w->depth < 64);
  w->nonempty &= ~(G_GUINT64_CONSTANT (1) << w->depth);
}

static void
json_close (Json *w,
            char  bracket)
{
  gboolean nonempty = (w->nonempty & (G_GUINT64_CONSTANT (1) << w->depth)) != 0;

  w->depth--;
  if (nonempty)
    json_newline (w);
  g_string_append_c (w->out, bracket);
}

static void
json_append_string (GString    *out,
                    const char *text)
{
  const char *p = text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const char *run = p;
      guchar c;

      /* Copy the run of characters that need no escape in one go. */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        p++;
      put (out, run, p - run);
      if (c == '\0')
        break;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* Keys are our own constants: nothing in them needs escaping. */
static void
json_key (Json       *w,
          const char *name)
{
  json_next (w);
  g_string_append_c (w->out, '"');
  put (w->out, name, strlen (name));
  PUT (w->out, "\": ");
}

static void
json_append_int (GString *out,
                 gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  /* printf is the slowest part of writing 10,000 clips' worth of times. */
  do
    {
      *--p = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  if (value < 0)
    *--p = '-';
  put (out, p, buf + sizeof buf - p);
}

static void
json_string (Json       *w,
             const char *name,
             const char *value)
{
  json_key (w, name);
  if (value != NULL)
    json_append_string (w->out, value);
  else
    PUT (w->out, "null");
}

static void
json_literal (Json       *w,
              const char *name,
              const char *literal)
{
  json_key (w, name);
  put (w->out, literal, strlen (literal));
}

static void
json_int (Json       *w,
          const char *name,
          gint64      value)
{
  json_key (w, name);
  json_append_int (w->out, value);
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double; whole numbers as "25.0". */
static void
json_append_double (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  guint i;

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT ".0", (gint64) value);
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* OTIO schema objects. */

static void
rational_time (Json       *w,
               const char *name,
               gint64      value,
               const char *rate)
{
  json_key (w, name);
  json_open (w, '{');
  json_string (w, "OTIO_SCHEMA", "RationalTime.1");
  json_literal (w, "rate", rate);
  json_key (w, "value");
  json_append_int (w->out, value);
  PUT (w->out, ".0");
  json_close (w, '}');
}

static void
time_range (Json       *w,
            const char *name,
            gint64      start,
            gint64      duration,
            const char *rate)
{
  json_key (w, name);
  json_open (w, '{');
  json_string (w, "OTIO_SCHEMA", "TimeRange.1");
  rational_time (w, "duration", duration, rate);
  rational_time (w, "start_time", start, rate);
  json_close (w, '}');
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

  json_append_double (text, cr_rate_to_double (rate));
  g_strlcpy (buf, text->str, G_ASCII_DTOSTR_BUF_SIZE);
}

static void
empty (Json       *w,
       const char *name,
       char        open,
       char        close)
{
  json_key (w, name);
  json_open (w, open);
  json_close (w, close);
}

/* The fields every OTIO item has, up to its name. */
static void
begin_item (Json       *w,
            const char *schema,
            const char *name)
{
  json_open (w, '{');
  json_string (w, "OTIO_SCHEMA", schema);
  empty (w, "metadata", '{', '}');
  json_string (w, "name", name);
}

static void
effects_and_enabled (Json *w)
{
  empty (w, "effects", '[', ']');
  json_literal (w, "enabled", "true");
}

static void
gap (Json        *w,
     const Rates *rates,
     gint64       length)
{
  json_next (w);
  begin_item (w, "Gap.1", "");
  time_range (w, "source_range", 0, length, rates->timeline);
  effects_and_enabled (w);
  empty (w, "markers", '[', ']');
  json_close (w, '}');
}

static void
event_metadata (Json                  *w,
                const CrTimelineEvent *event)
{
  json_key (w, "metadata");
  json_open (w, '{');
  json_key (w, "casereel");
  json_open (w, '{');
  json_string (w, "label", event->label);
  json_string (w, "participants", event->participants);
  json_string (w, "question", event->question);
  json_string (w, "note", event->note);
  json_key (w, "keywords");
  json_open (w, '[');
  for (guint i = 0; i < event->keywords->len; i++)
    {
      json_next (w);
      json_append_string (w->out, g_ptr_array_index (event->keywords, i));
    }
  json_close (w, ']');
  json_close (w, '}');
  json_close (w, '}');
}

/* `describe`: carry the event's text and markers (the video track's clip, or the audio track's
 * when there is no video) so that they are not written twice. */
static void
clip (Json                  *w,
      const CrTimeline      *timeline,
      const CrTimelineEvent *event,
      const Rates           *rates,
      const char            *url,
      gboolean               describe)
{
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
  const char *rate = rates->sources[event->source];
  guint i;

  json_next (w);
  json_open (w, '{');
  json_string (w, "OTIO_SCHEMA", "Clip.2");
  if (describe)
    event_metadata (w, event);
  else
    empty (w, "metadata", '{', '}');
  json_string (w, "name", event->label ? event->label : cr_timeline_source_get_name (source));
  time_range (w, "source_range", source->start_tc + event->in, event->out - event->in, rate);
  effects_and_enabled (w);

  json_key (w, "markers");
  json_open (w, '[');
  for (i = 0; describe && i < event->markers->len; i++)
    {
      const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, i);

      json_next (w);
      begin_item (w, "Marker.2", marker->note);
      json_string (w, "color", "RED");
      json_string (w, "comment", marker->note);
      time_range (w, "marked_range", source->start_tc + marker->frame, 0, rate);
      json_close (w, '}');
    }
  json_close (w, ']');

  json_key (w, "media_references");
  json_open (w, '{');
  json_key (w, "DEFAULT_MEDIA");
  json_open (w, '{');
  json_string (w, "OTIO_SCHEMA", "ExternalReference.1");
  json_key (w, "metadata");
  json_open (w, '{');
  json_key (w, "casereel");
  json_open (w, '{');
  json_literal (w, "drop_frame", source->drop_frame ? "true" : "false");
  json_literal (w, "has_video", source->has_video ? "true" : "false");
  json_int (w, "audio_channels", source->audio_channels);
  json_close (w, '}');
  json_close (w, '}');
  json_string (w, "name", cr_timeline_source_get_name (source));
  time_range (w, "available_range", source->start_tc, source->duration, rate);
  json_literal (w, "available_image_bounds", "null");
  json_string (w, "target_url", url);
  json_close (w, '}');
  json_close (w, '}');
  json_string (w, "active_media_reference_key", "DEFAULT_MEDIA");
  json_close (w, '}');
}

static void
track (Json             *w,
       const CrTimeline *timeline,
       const Rates      *rates,
       GStrv             urls,
       gboolean          video)
{
  gint64 position = 0;
  guint i;

  json_next (w);
  begin_item (w, "Track.1", video ? "V1" : "A1");
  json_literal (w, "source_range", "null");
  effects_and_enabled (w);
  empty (w, "markers", '[', ']');
  json_string (w, "kind", video ? "Video" : "Audio");

  json_key (w, "children");
  json_open (w, '[');
  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      gint64 length = cr_timeline_event_get_length (timeline, event);
      gboolean present = video ? source->has_video : source->audio_channels > 0;

      if (event->record > position)
        gap (w, rates, event->record - position);
      /* A source without this kind of media leaves a hole in this track. */
      if (!present)
        gap (w, rates, length);
      else
        clip (w, timeline, event, rates, urls[event->source], video || !source->has_video);
      position = event->record + length;
    }
  json_close (w, ']');
  json_close (w, '}');
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
  Json w = { out, (guint) CLAMP (options ? options->indent : 0, 0, 8), 0, 0 };
  gboolean any_audio = FALSE;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (!cr_timeline_validate (timeline, error))
    return FALSE;

  /* One allocation up front instead of a dozen doubling copies of a 20 MB string (a clip in both
   * tracks takes about 2.2 KB). */
  {
    gsize len = out->len;
    g_string_set_size (out, len + 4096 + (gsize) timeline->events->len * 2560);
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

  json_open (&w, '{');
  json_string (&w, "OTIO_SCHEMA", "Timeline.1");
  json_key (&w, "metadata");
  json_open (&w, '{');
  json_key (&w, "casereel");
  json_open (&w, '{');
  json_literal (&w, "drop_frame", timeline->drop_frame ? "true" : "false");
  json_int (&w, "width", timeline->width);
  json_int (&w, "height", timeline->height);
  json_close (&w, '}');
  json_close (&w, '}');
  json_string (&w, "name", timeline->name);
  rational_time (&w, "global_start_time", timeline->record_start, rates.timeline);

  json_key (&w, "tracks");
  begin_item (&w, "Stack.1", "tracks");
  json_literal (&w, "source_range", "null");
  effects_and_enabled (&w);
  empty (&w, "markers", '[', ']');
  json_key (&w, "children");
  json_open (&w, '[');
  track (&w, timeline, &rates, urls, TRUE);
  if (any_audio && !options->no_audio_track)
    track (&w, timeline, &rates, urls, FALSE);
  json_close (&w, ']');
  json_close (&w, '}');
  json_close (&w, '}');
  g_string_append_c (out, '\n');
  return TRUE;
}
