/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-edl"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cr-edl.h"
#include "cr-edl-private.h"
#include "cr-export-text.h"
#include "cr-message.h"

/* An event line waits for the comments under it ("* FROM CLIP NAME:", "* SOURCE FRAME RATE:")
 * before its timecodes can be read. */
typedef struct
{
  guint     line;
  char    **fields;          /* number reel channel C src-in src-out rec-in rec-out */
  char     *clip_name;
  gboolean  has_source_rate;
  CrRate    source_rate;
  gboolean  source_drop;
  char     *source_in_out;   /* "* SOURCE IN OUT:": the exact source range at the source's rate */
  int       transition;      /* a dissolve's or wipe's frames into this event; 0: a cut */
  char     *transition_name; /* "dissolve", "wipe W001" */
  gboolean  has_to_name;     /* a "* TO CLIP NAME:" named the incoming clip */
  gboolean  fcm_drop;        /* the FCM mode in force at the event */
  gboolean  picture_track;   /* "* TRACK: V": ours, a sound-only clip's event on the picture track */
} Pending;

typedef struct
{
  const CrEdlReadOptions *options;
  CrTimeline             *timeline;
  gboolean                have_rate;
  gboolean                fcm_seen;
  gboolean                fcm_drop;
  gboolean                events_started;
  gint64                  first_record;   /* -1 until the first event */
  char                   *record_start;   /* "* RECORD START:" under the first event, or NULL */
  gboolean                start_given;    /* by that comment or the options */
  Pending                 pending;
  GHashTable             *source_by_key;  /* "name\nrate\ndrop" -> index + 1 */
  GHashTable             *sound_at;       /* "source in out record" of each sound event */
} Reader;

static gboolean
fail (GError    **error,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Reels and names come from the file: shown escaped, so the message stays one line. */
  shown = cr_message_text (message, CR_MESSAGE_MAX_LINE);
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "EDL line %u: %s", line, shown);
  return FALSE;
}

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->fields, g_strfreev);
  g_clear_pointer (&pending->clip_name, g_free);
  g_clear_pointer (&pending->source_in_out, g_free);
  g_clear_pointer (&pending->transition_name, g_free);
  pending->transition = 0;
  pending->has_to_name = FALSE;
  pending->has_source_rate = FALSE;
  pending->picture_track = FALSE;
}

/* "30000/1001 DROP FRAME" (our own rate comments). */
static gboolean
parse_rate_comment (const char  *text,
                    guint        line,
                    CrRate      *rate,
                    gboolean    *drop,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto(GStrv) words = g_strsplit (trimmed, " ", 2);

  if (words[0] == NULL || !cr_rate_parse (words[0], rate, &local_error))
    return fail (error, line, "frame rate “%s”: %s", text,
                 local_error ? local_error->message : "missing");
  *drop = words[1] != NULL && g_str_has_prefix (g_strstrip (words[1]), "DROP");
  return TRUE;
}

static gboolean
parse_tc (const char              *text,
          const CrTimecodeFormat  *fmt,
          guint                    line,
          const char              *what,
          gint64                  *out,
          GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!cr_edl_parse_timecode (text, fmt, out, &local_error))
    return fail (error, line, "%s “%s”: %s", what, text, local_error->message);
  return TRUE;
}

/* With no record start given the cut starts at the first record in, not the hour before it
 * (an hour of black before a list that starts at 00:59:58:00). A later line from before it
 * that is not the next day's (sound listed after the picture) moves the start down to it. */
static void
lower_record_start (CrTimeline *timeline,
                    gint64      rec_in)
{
  gint64 by = timeline->record_start - rec_in;

  for (guint i = 0; i < timeline->events->len; i++)
    ((CrTimelineEvent *) g_ptr_array_index (timeline->events, i))->record += by;
  for (guint i = 0; i < timeline->sound_events->len; i++)
    ((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, i))->record += by;
  timeline->record_start = rec_in;
}

static guint
find_source (Reader     *reader,
             const char *name,
             CrRate      rate,
             gboolean    drop,
             const char *channel)
{
  g_autofree char *key = g_strdup_printf ("%s\n%d/%d\n%d", name, rate.num, rate.den, drop);
  gpointer found = g_hash_table_lookup (reader->source_by_key, key);
  CrTimelineSource *source;
  guint index;

  if (found != NULL)
    index = GPOINTER_TO_UINT (found) - 1;
  else
    {
      index = cr_timeline_add_source (reader->timeline, name, name, rate, drop, 0, 0, FALSE, 0);
      g_hash_table_insert (reader->source_by_key, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
    }

  source = g_ptr_array_index (reader->timeline->sources, index);
  /* Kept for matching when the clip name does not match ("Zoe" in a list written --ascii). */
  if (source->reel == NULL && reader->pending.clip_name != NULL)
    source->reel = g_strdup (reader->pending.fields[1]);
  if (strchr (channel, 'V') != NULL || g_str_equal (channel, "B"))
    source->has_video = TRUE;
  if (g_str_has_prefix (channel, "AA"))
    source->audio_channels = MAX (source->audio_channels, 2);
  else if (channel[0] == 'A' || g_str_equal (channel, "B"))
    source->audio_channels = MAX (source->audio_channels, channel[1] == '2' ? 2 : 1);
  return index;
}

static gboolean
ensure_rate (Reader  *reader,
             guint    line,
             GError **error)
{
  if (reader->have_rate)
    return TRUE;
  if (reader->options->rate.num > 0 && reader->options->rate.den > 0)
    reader->timeline->rate = reader->options->rate;
  else if (reader->fcm_drop)
    {
      /* Only 29.97 has drop-frame labels in an EDL without a rate comment. */
      reader->timeline->rate.num = 30000;
      reader->timeline->rate.den = 1001;
    }
  else
    return fail (error, line, "the EDL does not say its frame rate (no “* FRAME RATE:” comment); give one");
  reader->timeline->drop_frame = reader->fcm_drop;
  reader->have_rate = TRUE;
  return TRUE;
}

/* Timeline frames as frames at `rate` (the same rounding as the other way). */
static gint64
timeline_to_source (const CrTimeline *timeline,
                    CrRate            rate,
                    gint64            frames)
{
  CrTimeline probe = { .rate = rate };
  CrTimelineSource source = { .rate = timeline->rate };

  return cr_timeline_source_to_record (&probe, &source, frames);
}

/* The sound track a line's channel names: A and AA are A1; A2, A3… their number; 0: picture. */
static guint
channel_track (Reader     *reader,
               const char *channel)
{
  if (channel[0] != 'A' || strchr (channel, 'V') != NULL || reader->pending.picture_track)
    return 0;
  return g_ascii_isdigit (channel[1]) ? (guint) g_ascii_strtoull (channel + 1, NULL, 10) : 1;
}

static CrTimelineEvent *
last_on_track (CrTimeline *timeline,
               guint       track)
{
  if (track == 0)
    return timeline->events->len > 0 ? g_ptr_array_index (timeline->events, timeline->events->len - 1) : NULL;
  for (guint i = timeline->sound_events->len; i > 0; i--)
    if (((CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, i - 1))->track == track)
      return g_ptr_array_index (timeline->sound_events, i - 1);
  return NULL;
}

/* The last event read on the pending line's track. */
static CrTimelineEvent *
previous_on_track (Reader *reader)
{
  return last_on_track (reader->timeline, channel_track (reader, reader->pending.fields[2]));
}

/* A dissolve or wipe becomes a cut at its centre: the outgoing event (the one that ends where
 * the transition starts) runs on for half of it, and this one starts half of it later. */
static gboolean
cut_at_transition_centre (Reader  *reader,
                          CrRate   source_rate,
                          gint64  *src_in,
                          gint64  *rec_in,
                          gint64   rec_out,
                          GError **error)
{
  Pending *p = &reader->pending;
  CrTimeline *timeline = reader->timeline;
  gint64 half = p->transition / 2;
  CrTimelineEvent *before;

  if (p->transition > rec_out - *rec_in)
    return fail (error, p->line, "the %s of %d frames is longer than its event", p->transition_name,
                 p->transition);
  if ((before = previous_on_track (reader)) != NULL)
    {
      CrTimelineSource *source = g_ptr_array_index (timeline->sources, before->source);

      if (before->record + cr_timeline_event_get_length (timeline, before) == *rec_in - timeline->record_start)
        {
          before->out += timeline_to_source (timeline, source->rate, half);
          source->duration = MAX (source->duration, before->out);
        }
    }
  *src_in += timeline_to_source (timeline, source_rate, half);
  *rec_in += half;
  cr_timeline_add_warning (timeline, "EDL line %u: the %s of %d frames is read as a cut at its centre",
                           p->line, p->transition_name, p->transition);
  return TRUE;
}

/* A line at the record time of the event before it: the same range's sound on a line of its
 * own is that event; another source's sound under the picture needs a track of its own. */
static gboolean
is_under_previous (Reader     *reader,
                   const char *name,
                   CrRate      rate,
                   gint64      src_in,
                   gint64      src_out,
                   gint64      record,
                   gboolean   *same_event)
{
  CrTimeline *timeline = reader->timeline;
  const CrTimelineEvent *before;
  const CrTimelineSource *source;

  if (timeline->events->len == 0)
    return FALSE;
  before = g_ptr_array_index (timeline->events, timeline->events->len - 1);
  if (record >= before->record + cr_timeline_event_get_length (timeline, before))
    return FALSE;
  source = cr_timeline_get_source (timeline, before->source);
  *same_event = g_str_equal (source->name, name) && cr_rate_equal (source->rate, rate) &&
                before->in == src_in && before->out == src_out && before->record == record;
  return TRUE;
}

static gboolean
finish_event (Reader  *reader,
              GError **error)
{
  Pending *p = &reader->pending;
  CrTimeline *timeline = reader->timeline;
  CrTimecodeFormat record_fmt;
  CrTimecodeFormat source_fmt;
  const CrTimelineSource *source;
  CrTimelineEvent *event;
  gint64 src_in, src_out, rec_in, rec_out;
  gboolean exact_source = FALSE, wrapped = FALSE, sound_only;
  guint index;

  if (p->fields == NULL)
    return TRUE;

  if (!ensure_rate (reader, p->line, error))
    return FALSE;
  record_fmt = cr_timeline_get_format (timeline);
  source_fmt.rate = p->has_source_rate ? p->source_rate : timeline->rate;
  source_fmt.drop_frame = p->has_source_rate ? p->source_drop : p->fcm_drop;
  if (p->has_source_rate && p->source_in_out != NULL)
    {
      /* Ours: the line's source timecodes are relabelled at the list's rate for other readers;
       * the comment has the source's own. */
      g_auto(GStrv) exact = g_strsplit (p->source_in_out, " ", -1);

      if (g_strv_length (exact) != 2)
        return fail (error, p->line, "“* SOURCE IN OUT:” needs two timecodes");
      if (!parse_tc (exact[0], &source_fmt, p->line, "source in", &src_in, error) ||
          !parse_tc (exact[1], &source_fmt, p->line, "source out", &src_out, error))
        return FALSE;
      exact_source = TRUE;
    }
  else if (!parse_tc (p->fields[4], &source_fmt, p->line, "source in", &src_in, error) ||
           !parse_tc (p->fields[5], &source_fmt, p->line, "source out", &src_out, error))
    return FALSE;
  if (!parse_tc (p->fields[6], &record_fmt, p->line, "record in", &rec_in, error) ||
      !parse_tc (p->fields[7], &record_fmt, p->line, "record out", &rec_out, error))
    return FALSE;

  /* A range across midnight as other writers give it (23:59:55:00 00:00:05:00): the out point
   * is on the next day. Refused below when the lengths then disagree. */
  if (src_out <= src_in)
    {
      src_out += cr_timecode_frames_per_day (&source_fmt);
      wrapped = TRUE;
    }
  if (rec_out <= rec_in)
    {
      rec_out += cr_timecode_frames_per_day (&record_fmt);
      wrapped = TRUE;
    }

  if (reader->first_record < 0)
    {
      gint64 start = 0;

      reader->first_record = rec_in;
      reader->start_given = reader->options->has_record_start || reader->record_start != NULL;
      if (reader->options->has_record_start)
        start = reader->options->record_start;
      else if (reader->record_start != NULL)
        {
          if (!parse_tc (reader->record_start, &record_fmt, p->line, "record start", &start, error))
            return FALSE;
        }
      else
        start = rec_in;
      timeline->record_start = start;
    }
  else if (rec_in < timeline->record_start && !reader->start_given &&
           timeline->record_start - rec_in < cr_timecode_frames_per_day (&record_fmt) / 2)
    lower_record_start (timeline, rec_in);
  else if (rec_in < timeline->record_start)
    {
      /* A list that runs past midnight and writes the labels of the next day from 00. */
      rec_in += cr_timecode_frames_per_day (&record_fmt);
      rec_out += cr_timecode_frames_per_day (&record_fmt);
    }
  if (rec_in < timeline->record_start)
    return fail (error, p->line, "record in %s is before the record start", p->fields[6]);
  /* Past midnight labels count on to 47:59:59 (cr_edl_append_timecode); a second midnight is no edit. */
  if (rec_out >= 2 * cr_timecode_frames_per_day (&record_fmt) || src_out >= 2 * cr_timecode_frames_per_day (&source_fmt))
    return fail (error, p->line, "the event runs past a second midnight");
  if (p->transition > 0 &&
      !cut_at_transition_centre (reader, source_fmt.rate, &src_in, &rec_in, rec_out, error))
    return FALSE;

  {
    const char *name = p->clip_name ? p->clip_name : p->fields[1];
    const char *channel = p->fields[2];
    gboolean same_event = FALSE;

    sound_only = channel[0] == 'A' && strchr (channel, 'V') == NULL && !p->picture_track;
    if (is_under_previous (reader, name, source_fmt.rate, src_in, src_out, rec_in - timeline->record_start,
                           &same_event))
      {
        g_autofree char *where = g_strdup_printf ("line %u", p->line);

        if (same_event)
          {
            /* The picture event's own sound on a line of its own. */
            find_source (reader, name, source_fmt.rate, source_fmt.drop_frame, p->fields[2]);
            cr_timeline_note_sound (timeline, CR_TIMELINE_SOUND_JOINED, where);
            pending_clear (p);
            return TRUE;
          }
        if (!sound_only)
          return fail (error, p->line, "record in %s is before the previous event ends: a cut has one "
                       "picture track", p->fields[6]);
      }
  }

  index = find_source (reader, p->clip_name ? p->clip_name : p->fields[1],
                       source_fmt.rate, source_fmt.drop_frame, p->fields[2]);
  if (sound_only)
    {
      /* Sound alone (A, AA: track A1; A2, A3…): on its own track, where the list puts it. */
      const char *channel = p->fields[2];
      guint wanted = channel_track (reader, channel), track;

      g_autofree char *key = g_strdup_printf ("%u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              index, src_in, src_out, rec_in);

      if (wanted == 0 || wanted > 99)
        return fail (error, p->line, "channel “%s” is not a sound track", channel);
      /* The same sound on another channel (A and A2 of one stereo clip): one event plays it. */
      if (g_hash_table_contains (reader->sound_at, key))
        {
          g_autofree char *where = g_strdup_printf ("line %u", p->line);

          cr_timeline_note_sound (timeline, CR_TIMELINE_SOUND_JOINED, where);
          pending_clear (p);
          return TRUE;
        }
      g_hash_table_add (reader->sound_at, g_steal_pointer (&key));
      /* Sound over sound on one channel (music under room tone): the next track free there. */
      for (track = wanted; track <= 99; track++)
        {
          const CrTimelineEvent *before = last_on_track (timeline, track);

          if (before == NULL ||
              rec_in - timeline->record_start >= before->record + cr_timeline_event_get_length (timeline, before))
            break;
        }
      if (track > 99)
        return fail (error, p->line, "record in %s: no sound track is free there", p->fields[6]);
      if (track != wanted)
        {
          g_autofree char *was = cr_timeline_track_name (wanted), *now = cr_timeline_track_name (track);

          cr_timeline_add_warning (timeline, "EDL line %u: its sound overlaps the event before it on %s, so it "
                                   "is put on %s", p->line, was, now);
        }
      event = cr_timeline_add_sound_event (timeline, track, index, src_in, src_out, rec_in - timeline->record_start);
    }
  else
    event = cr_timeline_add_event (timeline, index, src_in, src_out, rec_in - timeline->record_start);
  event->line = p->line;
  source = cr_timeline_get_source (timeline, index);
  ((CrTimelineSource *) source)->duration = MAX (source->duration, src_out);

  /* A speed change or a miscounted rate shows as record and source lengths that disagree;
   * converted lengths may differ by the rounding of one frame. */
  {
    gint64 expected = cr_timeline_event_get_length (timeline, event);
    gint64 slack = exact_source || cr_rate_equal (source_fmt.rate, timeline->rate) ? 0 : 1;

    if (ABS ((rec_out - rec_in) - expected) > slack && wrapped)
      return fail (error, p->line, "an out point is not after its in point");
    if (ABS ((rec_out - rec_in) - expected) > slack)
      return fail (error, p->line, "record length %" G_GINT64_FORMAT " frames does not match the source "
                   "length (%" G_GINT64_FORMAT " at the timeline rate): speed changes are not supported",
                   rec_out - rec_in, expected);
  }

  pending_clear (p);
  return TRUE;
}

static gboolean
read_line (Reader  *reader,
           char    *text,
           guint    line,
           GError **error)
{
  Pending *p = &reader->pending;
  g_auto(GStrv) fields = NULL;
  guint n;

  g_strchomp (text);
  if (text[0] == '\0')
    return TRUE;

  if (g_str_has_prefix (text, "TITLE:"))
    {
      g_free (reader->timeline->name);
      reader->timeline->name = g_strstrip (g_strdup (text + strlen ("TITLE:")));
      return TRUE;
    }
  if (g_str_has_prefix (text, "FCM:"))
    {
      gboolean drop = strstr (text, "NON-DROP") == NULL && strstr (text, "DROP") != NULL;

      if (!reader->events_started)
        {
          reader->fcm_seen = TRUE;
          reader->fcm_drop = drop;
          if (reader->have_rate)
            reader->timeline->drop_frame = drop;
        }
      else if (p->fields != NULL)
        p->fcm_drop = drop;
      return TRUE;
    }
  if (text[0] == '*')
    {
      const char *body = text + 1;

      while (*body == ' ')
        body++;
      /* Ours come under the first event (CMX3600 readers refuse a comment above it). */
      gboolean before_first = reader->first_record < 0;

      if (g_str_has_prefix (body, "FRAME RATE:") && before_first)
        {
          gboolean drop;

          if (!parse_rate_comment (body + strlen ("FRAME RATE:"), line, &reader->timeline->rate, &drop, error))
            return FALSE;
          reader->timeline->drop_frame = reader->fcm_seen ? reader->fcm_drop : drop;
          reader->have_rate = TRUE;
        }
      else if (g_str_has_prefix (body, "RECORD START:") && before_first)
        {
          g_free (reader->record_start);
          reader->record_start = g_strstrip (g_strdup (body + strlen ("RECORD START:")));
        }
      else if (g_str_has_prefix (body, "TRACK: V") && (body[8] == '\0' || g_ascii_isspace (body[8]))
               && p->fields != NULL)
        p->picture_track = TRUE;
      else if (g_str_has_prefix (body, "SOURCE IN OUT:") && p->fields != NULL)
        {
          g_free (p->source_in_out);
          p->source_in_out = g_strstrip (g_strdup (body + strlen ("SOURCE IN OUT:")));
        }
      else if (g_str_has_prefix (body, "SOURCE FRAME RATE:") && p->fields != NULL)
        {
          if (!parse_rate_comment (body + strlen ("SOURCE FRAME RATE:"), line, &p->source_rate,
                                   &p->source_drop, error))
            return FALSE;
          p->has_source_rate = TRUE;
        }
      else if (g_str_has_prefix (body, "FROM CLIP NAME:") && p->fields != NULL && !p->has_to_name)
        {
          g_free (p->clip_name);
          p->clip_name = g_strstrip (g_strdup (body + strlen ("FROM CLIP NAME:")));
        }
      else if (g_str_has_prefix (body, "TO CLIP NAME:") && p->fields != NULL && p->transition > 0)
        {
          /* Under a dissolve the FROM name is the outgoing clip's; this event is the incoming. */
          g_free (p->clip_name);
          p->clip_name = g_strstrip (g_strdup (body + strlen ("TO CLIP NAME:")));
          p->has_to_name = TRUE;
        }
      else if (g_str_has_prefix (body, "SOURCE FILE:") && p->fields != NULL && p->clip_name == NULL)
        {
          /* Avid and Resolve name the file here; a FROM CLIP NAME, when present, wins. */
          p->clip_name = g_strstrip (g_strdup (body + strlen ("SOURCE FILE:")));
        }
      /* Other comments (LOC, SOURCE FILE, ASC_SOP ...) carry nothing we keep. */
      return TRUE;
    }
  if (g_str_has_prefix (text, "M2") || g_str_has_prefix (text, "SPLIT"))
    return fail (error, line, "motion effects and split edits are not supported");

  fields = g_strsplit_set (text, " \t", -1);
  {
    /* Collapse the runs of spaces that align the columns. */
    guint i, j;
    for (i = 0, j = 0; fields[i] != NULL; i++)
      if (fields[i][0] != '\0')
        fields[j++] = fields[i];
      else
        g_free (fields[i]);
    fields[j] = NULL;
    n = j;
  }
  if (n < 4 || !g_ascii_isdigit (fields[0][0]))
    {
      g_autofree char *shown = cr_text_for_message (text);
      return fail (error, line, "“%s” is not an event, a comment or a header", shown);
    }
  if (g_strcmp0 (fields[3], "C") != 0)
    {
      gboolean wipe = fields[3][0] == 'W' && strlen (fields[3]) == 4 && g_ascii_isdigit (fields[3][1]) &&
                      g_ascii_isdigit (fields[3][2]) && g_ascii_isdigit (fields[3][3]);
      guint64 frames = 0;
      char *name;
      guint i;

      if (!g_str_equal (fields[3], "D") && !wipe)
        return fail (error, line, "transition “%s”: only cuts, dissolves and wipes are supported", fields[3]);
      if (n != 9 || !g_ascii_string_to_unsigned (fields[4], 10, 1, 999, &frames, NULL))
        return fail (error, line, "a %s needs 9 fields (number reel channel %s frames and four timecodes)",
                     wipe ? "wipe" : "dissolve", fields[3]);
      name = wipe ? g_strdup_printf ("wipe %s", fields[3]) : g_strdup ("dissolve");
      /* The line before, at no length and with the same number, is its outgoing side. */
      if (p->fields != NULL && g_str_equal (p->fields[0], fields[0]) &&
          g_str_equal (p->fields[4], p->fields[5]) && g_str_equal (p->fields[6], p->fields[7]))
        pending_clear (p);
      if (!finish_event (reader, error))
        {
          g_free (name);
          return FALSE;
        }
      if (g_str_equal (fields[1], "BL"))
        {
          g_free (name);
          return TRUE;  /* to black: a hole, as a cut to black is */
        }
      g_free (fields[4]);
      for (i = 4; i < n; i++)
        fields[i] = fields[i + 1];
      n--;
      reader->events_started = TRUE;
      p->line = line;
      p->fields = g_steal_pointer (&fields);
      p->fcm_drop = reader->fcm_drop;
      p->transition = (int) frames;
      p->transition_name = name;
      return TRUE;
    }
  if (n != 8)
    return fail (error, line, "a cut needs 8 fields (number reel channel C and four timecodes), not %u", n);

  if (!finish_event (reader, error))
    return FALSE;
  reader->events_started = TRUE;
  if (g_str_equal (fields[1], "BL"))
    return TRUE;  /* black: a hole that the next record in point leaves anyway */
  p->line = line;
  p->fields = g_steal_pointer (&fields);
  p->fcm_drop = reader->fcm_drop;
  return TRUE;
}

CrTimeline *
cr_edl_read (const char              *text,
             gssize                   length,
             const CrEdlReadOptions  *options,
             GError                 **error)
{
  static const CrEdlReadOptions defaults = { { 0, 0 }, FALSE, 0, 0, 0 };
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GHashTable) source_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sound_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { 0 };
  CrRate unknown = { 25, 1 };
  gboolean ok = TRUE;
  guint i;

  if (options == NULL)
    options = &defaults;
  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "EDL: the text is not UTF-8");
      return NULL;
    }

  /* The rate is filled in from the file or the options before the first event. */
  timeline = cr_timeline_new ("", unknown, FALSE, options->width > 0 ? options->width : 1920,
                              options->height > 0 ? options->height : 1080);
  reader.options = options;
  reader.timeline = timeline;
  reader.first_record = -1;
  reader.source_by_key = source_by_key;
  reader.sound_at = sound_at;

  lines = g_strsplit (copy, "\n", -1);
  for (i = 0; ok && lines[i] != NULL; i++)
    ok = read_line (&reader, lines[i], i + 1, error);
  if (ok)
    ok = finish_event (&reader, error);
  pending_clear (&reader.pending);
  g_free (reader.record_start);
  if (!ok)
    return NULL;
  if (timeline->events->len == 0 && timeline->sound_events->len == 0)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "EDL: no events");
      return NULL;
    }
  cr_timeline_add_sound_summary (timeline, "EDL", "line");
  if (!cr_timeline_validate (timeline, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
