/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-paperedit"

#include "config.h"

#include "cr-export-text.h"
#include "cr-paperedit.h"

/* The fields of one event, as text. */
typedef struct
{
  char       number[16];
  const char *label;
  const char *participants;
  const char *question;
  const char *source;
  GString    *source_in;
  GString    *source_out;
  GString    *duration;
  GString    *record_in;
  const char *note;
  GString    *markers;
  GString    *keywords;
  const char *transcript;
} Row;

static void
row_fill (Row                   *row,
          const CrTimeline      *timeline,
          guint                  index)
{
  const CrTimelineEvent *event = cr_timeline_get_event (timeline, index);
  const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
  CrTimecodeFormat source_fmt = cr_timeline_source_get_format (source);
  CrTimecodeFormat record_fmt = cr_timeline_get_format (timeline);
  /* A duration is a count, not a label: count it without dropped labels. */
  CrTimecodeFormat length_fmt = { timeline->rate, FALSE };
  guint i;

  g_snprintf (row->number, sizeof row->number, "%u", index + 1);
  row->label = event->label ? event->label : "";
  row->participants = event->participants ? event->participants : "";
  row->question = event->question ? event->question : "";
  row->source = cr_timeline_source_get_name (source);
  row->note = event->note ? event->note : "";
  row->transcript = event->transcript ? event->transcript : "";
  g_string_truncate (row->source_in, 0);
  g_string_truncate (row->source_out, 0);
  g_string_truncate (row->duration, 0);
  g_string_truncate (row->record_in, 0);
  g_string_truncate (row->markers, 0);
  g_string_truncate (row->keywords, 0);
  cr_append_timecode (row->source_in, source->start_tc + event->in, &source_fmt);
  cr_append_timecode (row->source_out, source->start_tc + event->out, &source_fmt);
  cr_append_timecode (row->duration, cr_timeline_event_get_length (timeline, event), &length_fmt);
  cr_append_timecode (row->record_in, timeline->record_start + event->record, &record_fmt);
  for (i = 0; i < event->markers->len; i++)
    {
      const CrTimelineMarker *marker = &g_array_index (event->markers, CrTimelineMarker, i);

      if (i > 0)
        g_string_append (row->markers, "; ");
      cr_append_timecode (row->markers, source->start_tc + marker->frame, &source_fmt);
      g_string_append_printf (row->markers, " %s", marker->note);
    }
  for (i = 0; i < event->keywords->len; i++)
    g_string_append_printf (row->keywords, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (event->keywords, i));
}

static void
write_csv_row (GString     *out,
               const char **fields,
               guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      cr_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
write_text_field (GString    *out,
                  const char *title,
                  const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, "    %s: ", title);
  cr_text_append_one_line (out, value);
  g_string_append_c (out, '\n');
}

gboolean
cr_paperedit_write (const CrTimeline          *timeline,
                    const CrPapereditOptions  *options,
                    GString                   *out,
                    GError                   **error)
{
  static const CrPapereditOptions defaults = { 0 };
  static const char *header[] = {
    "Event", "Label", "Participants", "Question", "Source", "Source In", "Source Out",
    "Duration", "Record In", "Notes", "Markers", "Keywords", "Transcript",
  };
  Row row = { "", NULL, NULL, NULL, NULL, g_string_new (NULL), g_string_new (NULL),
              g_string_new (NULL), g_string_new (NULL), NULL, g_string_new (NULL), g_string_new (NULL), NULL };
  CrTimecodeFormat length_fmt = { timeline->rate, FALSE };
  gboolean ok = FALSE;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (options->style != CR_PAPEREDIT_CSV && options->style != CR_PAPEREDIT_TEXT)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Paper edit style %d is neither CSV nor text", (int) options->style);
      goto out;
    }
  if (!cr_timeline_validate (timeline, error))
    goto out;

  if (options->style == CR_PAPEREDIT_CSV)
    write_csv_row (out, header, G_N_ELEMENTS (header));
  else
    {
      g_autofree char *rate = cr_rate_to_string (timeline->rate);

      cr_text_append_one_line (out, timeline->name);
      g_string_append_printf (out, "\n%u %s, %s fps%s, duration ", timeline->events->len,
                              timeline->events->len == 1 ? "event" : "events", rate,
                              timeline->drop_frame ? " drop-frame" : "");
      cr_append_timecode (out, cr_timeline_get_duration (timeline), &length_fmt);
      g_string_append (out, "\n");
    }

  for (i = 0; i < timeline->events->len; i++)
    {
      row_fill (&row, timeline, i);
      if (options->style == CR_PAPEREDIT_CSV)
        {
          const char *fields[] = {
            row.number, row.label, row.participants, row.question, row.source,
            row.source_in->str, row.source_out->str, row.duration->str, row.record_in->str,
            row.note, row.markers->str, row.keywords->str, row.transcript,
          };
          G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (header));
          write_csv_row (out, fields, G_N_ELEMENTS (fields));
        }
      else
        {
          g_string_append_printf (out, "\n%s. ", row.number);
          cr_text_append_one_line (out, row.label[0] ? row.label : row.source);
          g_string_append_c (out, '\n');
          write_text_field (out, "Participants", row.participants);
          write_text_field (out, "Question", row.question);
          g_string_append (out, "    Source: ");
          cr_text_append_one_line (out, row.source);
          g_string_append_printf (out, " %s - %s (%s)\n    Record in: %s\n", row.source_in->str,
                                  row.source_out->str, row.duration->str, row.record_in->str);
          write_text_field (out, "Notes", row.note);
          write_text_field (out, "Markers", row.markers->str);
          write_text_field (out, "Keywords", row.keywords->str);
          write_text_field (out, "Transcript", row.transcript);
        }
    }
  ok = TRUE;

out:
  g_string_free (row.source_in, TRUE);
  g_string_free (row.source_out, TRUE);
  g_string_free (row.duration, TRUE);
  g_string_free (row.record_in, TRUE);
  g_string_free (row.markers, TRUE);
  g_string_free (row.keywords, TRUE);
  return ok;
}
