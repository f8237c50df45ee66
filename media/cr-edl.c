/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-edl"

#include "config.h"

#include <string.h>

#include "cr-edl.h"
#include "cr-edl-private.h"
#include "cr-export-text.h"

#define REEL_MAX 8

/* "Interview 1 (Zoë).mov" -> "INTERVIE". */
static char *
reel_base (const char *file_name)
{
  g_autofree char *stem = g_strdup (file_name);
  GString *reel = g_string_new (NULL);
  char *dot = strrchr (stem, '.');
  const char *p;

  if (dot != NULL && dot != stem)
    *dot = '\0';

  for (p = stem; *p != '\0' && reel->len < REEL_MAX; p = g_utf8_next_char (p))
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (reel, g_ascii_toupper (*p));
      else if (reel->len > 0 && reel->str[reel->len - 1] != '_')
        g_string_append_c (reel, '_');
    }
  while (reel->len > 0 && reel->str[reel->len - 1] == '_')
    g_string_truncate (reel, reel->len - 1);
  if (reel->len == 0)
    g_string_append (reel, "CLIP");
  return g_string_free (reel, FALSE);
}

GStrv
cr_edl_reel_names (const CrTimeline *timeline)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  /* base -> the next number to try, so that 500 "INTERVIE"s do not retry 2, 3, 4 ... each time */
  g_autoptr(GHashTable) next_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GStrv names;
  guint i;

  /* "BL" is black in CMX3600, never a reel: a clip named "bl.mov" becomes BL2. */
  g_hash_table_add (taken, (char *) "BL");
  /* The vector owns the names; the set only borrows them. */
  names = g_new0 (char *, timeline->sources->len + 1);
  for (i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = g_ptr_array_index (timeline->sources, i);
      g_autofree char *base = reel_base (cr_timeline_source_get_name (source));
      char *reel = g_strdup (base);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (next_number, base));

      for (n = MAX (n, 2); g_hash_table_contains (taken, reel); n++)
        {
          char suffix[16];
          gsize keep;

          g_snprintf (suffix, sizeof suffix, "%u", n);
          keep = MIN (strlen (base), REEL_MAX - strlen (suffix));
          g_free (reel);
          reel = g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
        }
      g_hash_table_insert (next_number, g_steal_pointer (&base), GUINT_TO_POINTER (n));
      g_hash_table_add (taken, reel);
      names[i] = reel;
    }
  return names;
}

const char *
cr_edl_channel_for_source (const CrTimelineSource *source)
{
  if (source->audio_channels <= 0)
    return "V";
  if (!source->has_video)
    return source->audio_channels == 1 ? "A" : "AA";
  return source->audio_channels == 1 ? "B" : "AA/V";
}

/* A title or a name on one line; with `ascii`, its letters transliterated ("Zoë" -> "Zoe"). */
static void
append_text (GString    *out,
             const char *text,
             gboolean    ascii)
{
  g_autofree char *plain = ascii && text != NULL ? g_str_to_ascii (text, "C") : NULL;

  cr_text_append_one_line (out, plain ? plain : text);
}

static void
append_rate_comment (GString          *out,
                     const char       *what,
                     CrRate            rate,
                     gboolean          drop_frame)
{
  g_string_append_printf (out, "* %s: %d/%d %s\n", what, rate.num, rate.den,
                          drop_frame ? "DROP FRAME" : "NON-DROP FRAME");
}

static int
compare_record (gconstpointer a,
                gconstpointer b)
{
  const CrTimelineEvent *x = *(const CrTimelineEvent *const *) a;
  const CrTimelineEvent *y = *(const CrTimelineEvent *const *) b;

  if (x->record != y->record)
    return x->record < y->record ? -1 : 1;
  return x->track < y->track ? -1 : x->track > y->track;
}

/* Every track's events by record time, the picture's first where they start together, as
 * editors list split sound. */
static GPtrArray *
events_in_record_order (const CrTimeline *timeline)
{
  GPtrArray *order = g_ptr_array_sized_new (timeline->events->len + timeline->sound_events->len);

  for (guint i = 0; i < timeline->events->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (timeline->events, i));
  for (guint i = 0; i < timeline->sound_events->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (timeline->sound_events, i));
  /* g_ptr_array_sort is stable (a merge sort): a track's events keep their order. */
  g_ptr_array_sort (order, compare_record);
  return order;
}

/* CMX3600 numbers events in three columns. */
#define EVENTS_PER_NUMBERING 999

gboolean
cr_edl_write (const CrTimeline    *timeline,
              const CrEdlOptions  *options,
              GString             *out,
              GError             **error)
{
  static const CrEdlOptions defaults = { 0 };
  CrTimecodeFormat record_fmt = cr_timeline_get_format (timeline);
  g_auto(GStrv) reels = NULL;
  g_autoptr(GPtrArray) order = NULL;
  guint i;

  if (options == NULL)
    options = &defaults;
  if (!cr_timeline_validate (timeline, error))
    return FALSE;

  reels = cr_edl_reel_names (timeline);

  g_string_append (out, "TITLE: ");
  append_text (out, timeline->name, options->ascii);
  g_string_append_printf (out, "\nFCM: %s\n", timeline->drop_frame ? "DROP FRAME" : "NON-DROP FRAME");

  order = events_in_record_order (timeline);
  for (i = 0; i < order->len; i++)
    {
      const CrTimelineEvent *event = g_ptr_array_index (order, i);
      const CrTimelineSource *source = cr_timeline_get_source (timeline, event->source);
      g_autofree char *sound_channel = event->track == 1 ? g_strdup ("A")
                                       : event->track > 1 ? cr_timeline_track_name (event->track) : NULL;
      CrTimecodeFormat source_fmt = cr_timeline_source_get_format (source);
      gboolean other_format = !cr_rate_equal (source->rate, timeline->rate) ||
                              source->drop_frame != timeline->drop_frame;
      gint64 length = cr_timeline_event_get_length (timeline, event);
      gint64 rec_in = timeline->record_start + event->record;
      gint64 src_in = source->start_tc + event->in;
      gint64 src_out = source->start_tc + event->out;

      /* Readers take the source length from the source timecodes at the list's rate: a source
       * of another rate is relabelled there, and its exact frames go in a comment. */
      if (other_format)
        {
          src_in = cr_edl_relabel (src_in, &source_fmt, &record_fmt);
          src_out = src_in + length;
        }

      g_string_append_c (out, '\n');
      /* Past 999 the numbers start again at 001, as CMX3600 systems count, and a comment says so. */
      if (i > 0 && i % EVENTS_PER_NUMBERING == 0)
        g_string_append_printf (out, "* EVENTS %u TO %u ARE NUMBERED FROM 001 AGAIN\n", i + 1,
                                MIN (i + EVENTS_PER_NUMBERING, order->len));
      /* A sound track's event on its channel, as CMX3600 has it: A, A2, then A3… */
      g_string_append_printf (out, "%03u  %-8s %-5s C        ", i % EVENTS_PER_NUMBERING + 1,
                              reels[event->source], sound_channel ? sound_channel : cr_edl_channel_for_source (source));
      cr_edl_append_timecode (out, src_in, other_format ? &record_fmt : &source_fmt);
      g_string_append_c (out, ' ');
      cr_edl_append_timecode (out, src_out, other_format ? &record_fmt : &source_fmt);
      g_string_append_c (out, ' ');
      cr_edl_append_timecode (out, rec_in, &record_fmt);
      g_string_append_c (out, ' ');
      cr_edl_append_timecode (out, rec_in + length, &record_fmt);
      g_string_append_c (out, '\n');

      /* Under the first event, not above it: the CMX3600 readers refuse a comment there. */
      if (i == 0 && !options->no_rate_comments)
        {
          append_rate_comment (out, "FRAME RATE", timeline->rate, timeline->drop_frame);
          g_string_append (out, "* RECORD START: ");
          cr_edl_append_timecode (out, timeline->record_start, &record_fmt);
          g_string_append_c (out, '\n');
        }
      if (!options->no_clip_names)
        {
          g_string_append (out, "* FROM CLIP NAME: ");
          append_text (out, cr_timeline_source_get_name (source), options->ascii);
          g_string_append_c (out, '\n');
        }
      /* A sound-only clip's event on the picture track: our reader puts it back there, not on A1
       * (with the exactness comments: a plain list has none). */
      if (!options->no_rate_comments && sound_channel == NULL && !source->has_video && source->audio_channels > 0)
        g_string_append (out, "* TRACK: V\n");
      if (!options->no_rate_comments && other_format)
        {
          append_rate_comment (out, "SOURCE FRAME RATE", source->rate, source->drop_frame);
          g_string_append (out, "* SOURCE IN OUT: ");
          cr_edl_append_timecode (out, source->start_tc + event->in, &source_fmt);
          g_string_append_c (out, ' ');
          cr_edl_append_timecode (out, source->start_tc + event->out, &source_fmt);
          g_string_append_c (out, '\n');
        }
    }

  return TRUE;
}
