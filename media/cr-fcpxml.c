/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-fcpxml"

#include "config.h"

#include "cr-export-text.h"
#include "cr-fcpxml.h"

static const char * const version_names[] = { "1.9", "1.10", "1.11" };

const char *
cr_fcpxml_version_to_string (CrFcpxmlVersion version)
{
  if ((guint) version >= G_N_ELEMENTS (version_names))
    return NULL;
  return version_names[version];
}

gboolean
cr_fcpxml_version_parse (const char       *text,
                         CrFcpxmlVersion  *out,
                         GError          **error)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (version_names); i++)
    if (g_strcmp0 (text, version_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
               "FCPXML version “%s” is not one of 1.9, 1.10, 1.11", text ? text : "");
  return FALSE;
}

/* Appends ` name="value"` with the value escaped. */
static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  cr_xml_append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_time (GString    *out,
           const char *name,
           gint64      frames,
           CrRate      rate)
{
  g_string_append_printf (out, " %s=\"", name);
  cr_append_frames_time (out, frames, rate);
  g_string_append_c (out, '"');
}

/* A format: a rate and, when known, a picture size. */
typedef struct
{
  CrRate rate;
  int    width;
  int    height;
} Format;

/* Resource ids: "r1" is the sequence's format, then one format per further rate and size of the
 * sources, then one asset per source. Returns the id number of the format, adding it (and
 * writing its element) when it is new. */
static guint
format_id (GArray  *formats,
           Format   format,
           GString *out)
{
  guint i;

  for (i = 0; i < formats->len; i++)
    {
      const Format *known = &g_array_index (formats, Format, i);
      if (cr_rate_equal (known->rate, format.rate) && known->width == format.width &&
          known->height == format.height)
        return i + 1;
    }
  g_array_append_val (formats, format);
  g_string_append_printf (out, "        <format id=\"r%u\"", formats->len);
  attr_time (out, "frameDuration", 1, format.rate);
  /* Without a known size Final Cut reads it from the media. */
  if (format.width > 0 && format.height > 0)
    g_string_append_printf (out, " width=\"%d\" height=\"%d\"", format.width, format.height);
  g_string_append (out, "/>\n");
  return formats->len;
}

static gboolean
write_resources (const CrTimeline  *timeline,
                 GString           *out,
                 guint             *first_asset,
                 GError           **error)
{
  g_autoptr(GArray) formats = g_array_new (FALSE, FALSE, sizeof (Format));
  g_autofree guint *asset_format = g_new0 (guint, timeline->sources->len + 1);
  Format sequence = { timeline->rate, timeline->width, timeline->height };
  guint i;

  format_id (formats, sequence, out);
  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      Format format = { source->rate, source->width, source->height };

      /* Sound too: its frames count at its timecode's rate, which a reader cannot tell otherwise. */
      asset_format[i] = format_id (formats, format, out);
    }

  *first_asset = formats->len + 1;
  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      g_autofree char *url = cr_path_to_file_url (source->path, error);

      if (url == NULL)
        return FALSE;

      g_string_append_printf (out, "        <asset id=\"r%u\"", *first_asset + i);
      attr (out, "name", cr_timeline_source_get_name (source));
      attr_time (out, "start", source->start_tc, source->rate);
      attr_time (out, "duration", source->duration, source->rate);
      g_string_append_printf (out, " hasVideo=\"%d\"", source->has_video ? 1 : 0);
      g_string_append_printf (out, " format=\"r%u\"", asset_format[i]);
      if (source->audio_channels > 0)
        g_string_append_printf (out, " hasAudio=\"1\" audioSources=\"1\" audioChannels=\"%d\"",
                                source->audio_channels);
      else
        g_string_append (out, " hasAudio=\"0\"");
      g_string_append (out, ">\n            <media-rep kind=\"original-media\"");
      attr (out, "src", url);
      g_string_append (out, "/>\n        </asset>\n");
    }
  return TRUE;
}

/* The sound-track events that start inside a spine item, as clips connected to it below the
 * spine (lane -n for An), their offsets in the item's own time: `start` at `start_rate` is
 * the item's start, `record` its record position. */
static void
write_connected (const CrTimeline *timeline,
                 GArray           *connected,
                 guint             first_asset,
                 gint64            record,
                 gint64            start,
                 CrRate            start_rate,
                 GString          *out)
{
  for (guint i = 0; i < connected->len; i++)
    {
      const CrTimelineEvent *e = g_array_index (connected, const CrTimelineEvent *, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, e->source);
      /* start + (e->record - record) frames of the cut, one exact rational. */
      gint64 num = start * start_rate.den * timeline->rate.num + (e->record - record) * timeline->rate.den * start_rate.num;
      gint64 den = (gint64) start_rate.num * timeline->rate.num;

      g_string_append_printf (out, "                            <asset-clip ref=\"r%u\" lane=\"-%u\"",
                              first_asset + e->source, e->track);
      g_string_append (out, " offset=\"");
      cr_append_rational_time (out, num, den);
      g_string_append_c (out, '"');
      attr (out, "name", e->label ? e->label : cr_timeline_source_get_name (source));
      attr_time (out, "start", source->start_tc + e->in, source->rate);
      attr_time (out, "duration", cr_timeline_event_get_length (timeline, e), timeline->rate);
      g_string_append_printf (out, " tcFormat=\"%s\" audioRole=\"dialogue\"", source->drop_frame ? "DF" : "NDF");
      if (e->note != NULL)
        {
          g_string_append (out, ">\n                                <note>");
          cr_xml_append_escaped (out, e->note, FALSE);
          g_string_append (out, "</note>\n                            </asset-clip>\n");
        }
      else
        g_string_append (out, "/>\n");
    }
}

static void
write_clip (const CrTimeline      *timeline,
            const CrTimelineEvent *event,
            guint                  asset_id,
            guint                  first_asset,
            GArray                *connected,
            GString               *out)
{
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
  gint64 length = cr_timeline_event_get_length (timeline, event);
  guint i;

  g_string_append_printf (out, "                        <asset-clip ref=\"r%u\"", asset_id);
  attr_time (out, "offset", timeline->record_start + event->record, timeline->rate);
  attr (out, "name", event->label ? event->label : cr_timeline_source_get_name (source));
  attr_time (out, "start", source->start_tc + event->in, source->rate);
  attr_time (out, "duration", length, timeline->rate);
  g_string_append_printf (out, " tcFormat=\"%s\"", source->drop_frame ? "DF" : "NDF");

  if (event->note == NULL && event->markers->len == 0 && event->keywords->len == 0 && connected->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");

  /* The DTD's order: note, connected clips, then markers and keywords. Times inside a clip are
   * the asset's. */
  if (event->note != NULL)
    {
      g_string_append (out, "                            <note>");
      cr_xml_append_escaped (out, event->note, FALSE);
      g_string_append (out, "</note>\n");
    }
  write_connected (timeline, connected, first_asset, event->record, source->start_tc + event->in, source->rate, out);
  for (i = 0; i < event->markers->len; i++)
    {
      const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, i);

      g_string_append (out, "                            <marker");
      attr_time (out, "start", source->start_tc + marker->frame, source->rate);
      attr_time (out, "duration", 1, source->rate);
      attr (out, "value", marker->note);
      g_string_append (out, "/>\n");
    }
  if (event->keywords->len > 0)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      /* Final Cut keeps one keyword element per range, its keywords comma-separated. */
      for (i = 0; i < event->keywords->len; i++)
        g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (event->keywords, i));

      g_string_append (out, "                            <keyword");
      attr_time (out, "start", source->start_tc + event->in, source->rate);
      attr_time (out, "duration", event->out - event->in, source->rate);
      attr (out, "value", joined->str);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "                        </asset-clip>\n");
}

static void
write_gap (const CrTimeline *timeline,
           gint64            from,
           gint64            length,
           guint             first_asset,
           GArray           *connected,
           GString          *out)
{
  g_string_append (out, "                        <gap name=\"Gap\"");
  attr_time (out, "offset", timeline->record_start + from, timeline->rate);
  attr_time (out, "start", timeline->record_start + from, timeline->rate);
  attr_time (out, "duration", length, timeline->rate);
  if (connected->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  write_connected (timeline, connected, first_asset, from, timeline->record_start + from, timeline->rate, out);
  g_string_append (out, "                        </gap>\n");
}

/* The sound events that start in [from, to) of the cut. */
static GArray *
starting_in (const CrTimeline *timeline,
             gint64            from,
             gint64            to)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (const CrTimelineEvent *));

  for (guint i = 0; i < timeline->sound_events->len; i++)
    {
      const CrTimelineEvent *e = g_ptr_array_index (timeline->sound_events, i);

      if (e->record >= from && e->record < to)
        g_array_append_val (found, e);
    }
  return found;
}

gboolean
cr_fcpxml_write (const CrTimeline       *timeline,
                 const CrFcpxmlOptions  *options,
                 GString                *out,
                 GError                **error)
{
  static const CrFcpxmlOptions defaults = { 0 };
  const char *version;
  guint first_asset = 0;
  gint64 position = 0;
  guint i;

  if (options == NULL)
    options = &defaults;
  version = cr_fcpxml_version_to_string (options->version);
  if (version == NULL)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "FCPXML version %d is not one of 1.9, 1.10, 1.11", (int) options->version);
      return FALSE;
    }
  if (!cr_timeline_validate (timeline, error))
    return FALSE;

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE fcpxml>\n\n"
                          "<fcpxml version=\"%s\">\n"
                          "    <resources>\n", version);
  if (!write_resources (timeline, out, &first_asset, error))
    return FALSE;
  g_string_append (out, "    </resources>\n    <library>\n        <event");
  attr (out, "name", options->event_name ? options->event_name : timeline->name);
  g_string_append (out, ">\n            <project");
  attr (out, "name", timeline->name);
  g_string_append (out, ">\n                <sequence format=\"r1\"");
  attr_time (out, "duration", cr_timeline_get_duration (timeline), timeline->rate);
  attr_time (out, "tcStart", timeline->record_start, timeline->rate);
  g_string_append_printf (out, " tcFormat=\"%s\" audioLayout=\"stereo\" audioRate=\"48k\">\n"
                          "                    <spine>\n",
                          timeline->drop_frame ? "DF" : "NDF");

  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      gint64 end = event->record + cr_timeline_event_get_length (timeline, event);

      if (event->record > position)
        {
          g_autoptr(GArray) under = starting_in (timeline, position, event->record);

          write_gap (timeline, position, event->record - position, first_asset, under, out);
        }
      {
        g_autoptr(GArray) under = starting_in (timeline, event->record, end);

        write_clip (timeline, event, first_asset + event->source, first_asset, under, out);
      }
      position = end;
    }
  /* Sound past the last picture hangs from a gap to the cut's end. */
  if (cr_timeline_get_duration (timeline) > position)
    {
      g_autoptr(GArray) under = starting_in (timeline, position, cr_timeline_get_duration (timeline));

      write_gap (timeline, position, cr_timeline_get_duration (timeline) - position, first_asset, under, out);
    }

  g_string_append (out,
                   "                    </spine>\n"
                   "                </sequence>\n"
                   "            </project>\n"
                   "        </event>\n"
                   "    </library>\n"
                   "</fcpxml>\n");
  return TRUE;
}
