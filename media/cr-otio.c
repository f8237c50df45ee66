/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-otio"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "cr-export-text.h"
#include "cr-otio.h"

/* JSON output. json-glib's generator prints doubles with 17 digits (29.970029970029969); OTIO and
 * Python print the shortest text that reads back as the same double (29.97002997002997), so the
 * tree built with JsonBuilder is written out here. */

static void
json_append_string (GString    *out,
                    const char *text)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_append_double (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int digits;

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%.1f", value);
      return;
    }
  for (digits = 15; digits < 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (digits == 17)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (out, buf);
}

static void
json_indent (GString *out,
             guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "    ");
}

static void
json_append_node (GString  *out,
                  JsonNode *node,
                  guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          json_append_double (out, json_node_get_double (node));
          break;
        default:
          json_append_string (out, json_node_get_string (node));
          break;
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            json_indent (out, depth + 1);
            json_append_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          json_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            json_indent (out, depth + 1);
            json_append_string (out, name);
            g_string_append (out, ": ");
            json_append_node (out, member, depth + 1);
          }
        if (!first)
          json_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;
    }
}

/* OTIO schema objects. */

static void
add_rational_time (JsonBuilder *b,
                   gint64       value,
                   CrRate       rate)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "OTIO_SCHEMA");
  json_builder_add_string_value (b, "RationalTime.1");
  json_builder_set_member_name (b, "rate");
  json_builder_add_double_value (b, cr_rate_to_double (rate));
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, (double) value);
  json_builder_end_object (b);
}

static void
add_time_range (JsonBuilder *b,
                gint64       start,
                gint64       duration,
                CrRate       rate)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "OTIO_SCHEMA");
  json_builder_add_string_value (b, "TimeRange.1");
  json_builder_set_member_name (b, "duration");
  add_rational_time (b, duration, rate);
  json_builder_set_member_name (b, "start_time");
  add_rational_time (b, start, rate);
  json_builder_end_object (b);
}

static void
add_string_member (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Starts an object with the fields every OTIO item has, up to its markers. */
static void
begin_item (JsonBuilder *b,
            const char  *schema,
            const char  *name)
{
  json_builder_begin_object (b);
  add_string_member (b, "OTIO_SCHEMA", schema);
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  add_string_member (b, "name", name);
}

static void
add_empty_effects_and_enabled (JsonBuilder *b)
{
  json_builder_set_member_name (b, "effects");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, TRUE);
}

static void
add_gap (JsonBuilder      *b,
         const CrTimeline *timeline,
         gint64            length)
{
  begin_item (b, "Gap.1", "");
  json_builder_set_member_name (b, "source_range");
  add_time_range (b, 0, length, timeline->rate);
  add_empty_effects_and_enabled (b);
  json_builder_set_member_name (b, "markers");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_casereel_event_metadata (JsonBuilder           *b,
                             const CrTimelineEvent *event)
{
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "casereel");
  json_builder_begin_object (b);
  add_string_member (b, "label", event->label);
  add_string_member (b, "participants", event->participants);
  add_string_member (b, "question", event->question);
  add_string_member (b, "note", event->note);
  json_builder_set_member_name (b, "keywords");
  json_builder_begin_array (b);
  for (guint i = 0; i < event->keywords->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (event->keywords, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static gboolean
add_clip (JsonBuilder           *b,
          const CrTimeline      *timeline,
          const CrTimelineEvent *event,
          GError               **error)
{
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
  g_autofree char *url = cr_path_to_file_url (source->path, error);
  guint i;

  if (url == NULL)
    return FALSE;

  json_builder_begin_object (b);
  add_string_member (b, "OTIO_SCHEMA", "Clip.2");
  add_casereel_event_metadata (b, event);
  add_string_member (b, "name", event->label ? event->label : cr_timeline_source_get_name (source));
  json_builder_set_member_name (b, "source_range");
  add_time_range (b, source->start_tc + event->in, event->out - event->in, source->rate);
  add_empty_effects_and_enabled (b);

  json_builder_set_member_name (b, "markers");
  json_builder_begin_array (b);
  for (i = 0; i < event->markers->len; i++)
    {
      const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, i);

      begin_item (b, "Marker.2", marker->note);
      add_string_member (b, "color", "RED");
      add_string_member (b, "comment", marker->note);
      json_builder_set_member_name (b, "marked_range");
      add_time_range (b, source->start_tc + marker->frame, 0, source->rate);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "media_references");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "DEFAULT_MEDIA");
  json_builder_begin_object (b);
  add_string_member (b, "OTIO_SCHEMA", "ExternalReference.1");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "casereel");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "drop_frame");
  json_builder_add_boolean_value (b, source->drop_frame);
  json_builder_set_member_name (b, "has_video");
  json_builder_add_boolean_value (b, source->has_video);
  json_builder_set_member_name (b, "audio_channels");
  json_builder_add_int_value (b, source->audio_channels);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string_member (b, "name", cr_timeline_source_get_name (source));
  json_builder_set_member_name (b, "available_range");
  add_time_range (b, source->start_tc, source->duration, source->rate);
  json_builder_set_member_name (b, "available_image_bounds");
  json_builder_add_null_value (b);
  add_string_member (b, "target_url", url);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string_member (b, "active_media_reference_key", "DEFAULT_MEDIA");
  json_builder_end_object (b);
  return TRUE;
}

static gboolean
add_track (JsonBuilder      *b,
           const CrTimeline *timeline,
           gboolean          video,
           GError          **error)
{
  gint64 position = 0;
  guint i;

  begin_item (b, "Track.1", video ? "V1" : "A1");
  json_builder_set_member_name (b, "source_range");
  json_builder_add_null_value (b);
  add_empty_effects_and_enabled (b);
  json_builder_set_member_name (b, "markers");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  add_string_member (b, "kind", video ? "Video" : "Audio");

  json_builder_set_member_name (b, "children");
  json_builder_begin_array (b);
  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      gint64 length = cr_timeline_event_get_length (timeline, event);
      gboolean present = video ? source->has_video : source->audio_channels > 0;

      if (event->record > position)
        add_gap (b, timeline, event->record - position);
      /* A source without this kind of media leaves a hole in this track. */
      if (!present)
        add_gap (b, timeline, length);
      else if (!add_clip (b, timeline, event, error))
        return FALSE;
      position = event->record + length;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return TRUE;
}

gboolean
cr_otio_write (const CrTimeline     *timeline,
               const CrOtioOptions  *options,
               GString              *out,
               GError              **error)
{
  static const CrOtioOptions defaults = { 0 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean any_audio = FALSE;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (!cr_timeline_validate (timeline, error))
    return FALSE;

  for (i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      any_audio |= cr_timeline_get_source (timeline, event->source)->audio_channels > 0;
    }

  json_builder_begin_object (b);
  add_string_member (b, "OTIO_SCHEMA", "Timeline.1");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "casereel");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "drop_frame");
  json_builder_add_boolean_value (b, timeline->drop_frame);
  json_builder_set_member_name (b, "width");
  json_builder_add_int_value (b, timeline->width);
  json_builder_set_member_name (b, "height");
  json_builder_add_int_value (b, timeline->height);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string_member (b, "name", timeline->name);
  json_builder_set_member_name (b, "global_start_time");
  add_rational_time (b, timeline->record_start, timeline->rate);

  json_builder_set_member_name (b, "tracks");
  begin_item (b, "Stack.1", "tracks");
  json_builder_set_member_name (b, "source_range");
  json_builder_add_null_value (b);
  add_empty_effects_and_enabled (b);
  json_builder_set_member_name (b, "markers");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "children");
  json_builder_begin_array (b);
  if (!add_track (b, timeline, TRUE, error))
    return FALSE;
  if (any_audio && !options->no_audio_track && !add_track (b, timeline, FALSE, error))
    return FALSE;
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_append_node (out, root, 0);
  g_string_append_c (out, '\n');
  return TRUE;
}
