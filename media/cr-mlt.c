/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-mlt"

#include "config.h"

#include "cr-export-text.h"
#include "cr-mlt.h"

static int
gcd (int a,
     int b)
{
  while (b != 0)
    {
      int t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static void
write_property (GString    *out,
                const char *name,
                const char *value)
{
  g_string_append_printf (out, "    <property name=\"%s\">", name);
  cr_xml_append_escaped (out, value, FALSE);
  g_string_append (out, "</property>\n");
}

/* The events of one track (0: the picture's), blanks between them. */
static void
write_playlist (GString          *out,
                const CrTimeline *timeline,
                GPtrArray        *events,
                guint             track)
{
  gint64 position = 0;

  g_string_append_printf (out, "  <playlist id=\"playlist%u\">\n", track);
  for (guint i = 0; i < events->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (events, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      gint64 length = cr_timeline_event_get_length (timeline, event);
      gint64 available = cr_timeline_source_to_record (timeline, source, source->duration);
      gint64 in = cr_timeline_source_to_record (timeline, source, event->in);

      if (event->track != track)
        continue;
      /* Rounding the in point and the length separately can reach one frame past the media. */
      if (in + length > available)
        in = MAX (0, available - length);
      if (event->record > position)
        g_string_append_printf (out, "    <blank length=\"%" G_GINT64_FORMAT "\"/>\n",
                                event->record - position);
      g_string_append_printf (out, "    <entry producer=\"producer%u\" in=\"%" G_GINT64_FORMAT
                              "\" out=\"%" G_GINT64_FORMAT "\"/>\n",
                              event->source, in, in + length - 1);
      position = event->record + length;
    }
  g_string_append (out, "  </playlist>\n");
}

gboolean
cr_mlt_write (const CrTimeline    *timeline,
              const CrMltOptions  *options,
              GString             *out,
              GError             **error)
{
  static const CrMltOptions defaults = { 0 };
  int aspect = gcd (timeline->width, timeline->height);
  gint64 total;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (!cr_timeline_validate (timeline, error))
    return FALSE;
  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      if (source->path == NULL || !g_path_is_absolute (source->path))
        {
          g_autofree char *name = cr_text_for_message (source->path);
          g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                       "Source %u: path “%s” is not absolute", i + 1, name);
          return FALSE;
        }
    }
  total = cr_timeline_get_duration (timeline);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<mlt LC_NUMERIC=\"C\"");
  g_string_append (out, " title=\"");
  cr_xml_append_escaped (out, timeline->name, TRUE);
  g_string_append (out, "\" producer=\"tractor0\">\n  <profile description=\"");
  cr_xml_append_escaped (out, timeline->name, TRUE);
  g_string_append_printf (out, "\" width=\"%d\" height=\"%d\" progressive=\"%d\""
                          " sample_aspect_num=\"1\" sample_aspect_den=\"1\""
                          " display_aspect_num=\"%d\" display_aspect_den=\"%d\""
                          " frame_rate_num=\"%d\" frame_rate_den=\"%d\" colorspace=\"%d\"/>\n",
                          timeline->width, timeline->height, options->interlaced ? 0 : 1,
                          timeline->width / aspect, timeline->height / aspect,
                          timeline->rate.num, timeline->rate.den,
                          timeline->height >= 720 ? 709 : 601);

  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      gint64 length = cr_timeline_source_to_record (timeline, source, source->duration);
      g_autofree char *length_text = g_strdup_printf ("%" G_GINT64_FORMAT, length);

      g_string_append_printf (out, "  <producer id=\"producer%u\" in=\"0\" out=\"%" G_GINT64_FORMAT "\">\n",
                              i, length - 1);
      write_property (out, "length", length_text);
      write_property (out, "eof", "pause");
      write_property (out, "resource", source->path);
      write_property (out, "mlt_service", "avformat");
      write_property (out, "shotcut:caption", cr_timeline_source_get_name (source));
      g_string_append (out, "  </producer>\n");
    }

  /* A black background under the cut, as Shotcut and Kdenlive make: MLT shows a blank or an
   * audio-only stretch as a white test card otherwise. */
  g_string_append_printf (out, "  <producer id=\"black\" in=\"0\" out=\"%" G_GINT64_FORMAT "\">\n",
                          MAX (total, 1) - 1);
  {
    g_autofree char *length_text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (total, 1));
    write_property (out, "length", length_text);
  }
  write_property (out, "eof", "pause");
  write_property (out, "resource", "black");
  write_property (out, "mlt_service", "color");
  g_string_append_printf (out, "  </producer>\n"
                          "  <playlist id=\"background\">\n"
                          "    <entry producer=\"black\" in=\"0\" out=\"%" G_GINT64_FORMAT "\"/>\n"
                          "  </playlist>\n", MAX (total, 1) - 1);

  /* The picture events, then one playlist for each sound track. */
  write_playlist (out, timeline, timeline->events, 0);
  for (i = 1; i <= cr_timeline_get_sound_tracks (timeline); i++)
    write_playlist (out, timeline, timeline->sound_events, i);

  g_string_append_printf (out, "  <tractor id=\"tractor0\" in=\"0\" out=\"%" G_GINT64_FORMAT "\">\n"
                          "    <track producer=\"background\"/>\n"
                          "    <track producer=\"playlist0\"/>\n", MAX (total, 1) - 1);
  /* A sound track is heard, not seen, and mixed into what is under it, as Shotcut mixes. */
  for (i = 1; i <= cr_timeline_get_sound_tracks (timeline); i++)
    g_string_append_printf (out, "    <track producer=\"playlist%u\" hide=\"video\"/>\n", i);
  for (i = 1; i <= cr_timeline_get_sound_tracks (timeline); i++)
    g_string_append_printf (out, "    <transition id=\"mix%u\">\n"
                            "      <property name=\"a_track\">1</property>\n"
                            "      <property name=\"b_track\">%u</property>\n"
                            "      <property name=\"mlt_service\">mix</property>\n"
                            "      <property name=\"always_active\">1</property>\n"
                            "      <property name=\"sum\">1</property>\n"
                            "    </transition>\n", i, i + 1);
  g_string_append (out, "  </tractor>\n</mlt>\n");
  return TRUE;
}
