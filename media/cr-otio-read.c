/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-otio"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cr-export-text.h"
#include "cr-message.h"
#include "cr-otio.h"

/* Eleven days at 1000 fps: more than any recording, small enough that frames × rate fits. */
#define MAX_FRAMES 1e9

/* json-glib parses recursively: a file nested deeper than this is refused before parsing,
 * so that it cannot overflow the stack. OTIO nests a dozen levels; 1000 leaves room. */
#define MAX_DEPTH 1000

typedef struct
{
  CrTimeline *timeline;
  GHashTable *source_by_key;   /* "url\nrate" -> index + 1 */
  GHashTable *event_at;        /* record frame (gint64 *) -> source index + 1, from the video track */
  GHashTable *sound_at;        /* the same, of the sound tracks' events */
  gboolean    video_track;     /* reading a Video track */
  gboolean    more_audio;      /* reading an Audio track after the first */
  guint       sound_track;     /* reading an Audio track of a sound track (A1…); 0: of the picture's */
  gboolean    ours_says;       /* the track's metadata names the cut's track: nothing there is a copy */
  GHashTable *from_audio;      /* CrTimelineEvent * read from the Audio track -> its place */
  CrTimelineEvent *last;       /* the event of the item before, in this track; NULL after a gap */
  gint64      shift;           /* a transition's centre after the cut before it, for the next clip */
  GHashTable *open_ended;      /* sources without an available_range: they reach their last out */
} Reader;

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_where = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Names and keys come from the file: shown escaped, so the message stays one line. */
  shown = cr_message_text (message, CR_MESSAGE_MAX_LINE);
  shown_where = cr_message_text (where, CR_MESSAGE_MAX_VALUE);
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "OTIO %s: %s", shown_where, shown);
  return FALSE;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* json-glib's getters assume the node's type (a CRITICAL or a misread otherwise): these
 * check it and give the default for anything else. */
static gboolean
node_boolean (JsonNode *node,
              gboolean  otherwise)
{
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return otherwise;
  return json_node_get_boolean (node);
}

/* An integer in 0..max; -1 (refused by the validation) for one outside. */
static int
node_int (JsonNode *node,
          int       otherwise,
          int       max)
{
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return otherwise;
  value = json_node_get_int (node);
  return value >= 0 && value <= max ? (int) value : -1;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
schema_is (JsonObject *object,
           const char *prefix)
{
  const char *schema = member_string (object, "OTIO_SCHEMA");

  return schema != NULL && g_str_has_prefix (schema, prefix) && schema[strlen (prefix)] == '.';
}

/* OTIO writes a rate as a double: whole numbers, or n × 1000/1001 for the NTSC family. */
static gboolean
rate_from_double (double  value,
                  CrRate *rate)
{
  double ntsc = value * 1.001;

  /* Below 1 fps, a whole-number test would round 1e-10 to a rate of 0/1; NaN fails too. */
  if (!(value >= 1 && value <= 1000))
    return FALSE;
  if (fabs (value - round (value)) < 1e-9)
    {
      rate->num = (int) round (value);
      rate->den = 1;
      return TRUE;
    }
  if (fabs (ntsc - round (ntsc)) < 1e-6)
    {
      rate->num = (int) round (ntsc) * 1000;
      rate->den = 1001;
      return TRUE;
    }
  return FALSE;
}

/* A RationalTime as whole frames at its own rate. */
static gboolean
read_time (JsonObject  *object,
           const char  *where,
           gint64      *frames,
           CrRate      *rate,
           GError     **error)
{
  JsonNode *value = object ? json_object_get_member (object, "value") : NULL;
  JsonNode *rate_node = object ? json_object_get_member (object, "rate") : NULL;
  double v, r;

  if (!schema_is (object, "RationalTime") || value == NULL || rate_node == NULL ||
      !node_is_number (value) || !node_is_number (rate_node))
    return fail (error, where, "not a RationalTime with a value and a rate");
  v = json_node_get_double (value);
  r = json_node_get_double (rate_node);
  if (!rate_from_double (r, rate))
    return fail (error, where, "rate %.17g is not a whole number or an NTSC rate", r);
  /* Before the cast: a double past gint64 (1e300) has no integer value, and a large but
   * representable one would overflow the rate conversions. */
  if (!(fabs (v) <= MAX_FRAMES))
    return fail (error, where, "value %.17g is out of range (at most %.0f frames)", v, MAX_FRAMES);
  if (fabs (v - round (v)) > 1e-6)
    return fail (error, where, "value %.17g is not a whole frame", v);
  *frames = (gint64) round (v);
  return TRUE;
}

static gint64
rescale (gint64 frames,
         CrRate from,
         CrRate to)
{
  CrTimeline probe = { .rate = to };
  CrTimelineSource source = { .rate = from };

  return cr_timeline_source_to_record (&probe, &source, frames);
}

/* A TimeRange as start and duration, both at `rate` (the start's rate unless given). */
static gboolean
read_range (JsonObject  *object,
            const char  *where,
            gint64      *start,
            gint64      *duration,
            CrRate      *rate,
            gboolean     rate_given,
            GError     **error)
{
  g_autofree char *start_where = g_strdup_printf ("%s.start_time", where);
  g_autofree char *duration_where = g_strdup_printf ("%s.duration", where);
  CrRate start_rate, duration_rate;

  if (!schema_is (object, "TimeRange"))
    return fail (error, where, "not a TimeRange");
  if (!read_time (member_object (object, "start_time"), start_where, start, &start_rate, error) ||
      !read_time (member_object (object, "duration"), duration_where, duration, &duration_rate, error))
    return FALSE;
  if (!rate_given)
    *rate = start_rate;
  *start = rescale (*start, start_rate, *rate);
  *duration = rescale (*duration, duration_rate, *rate);
  return TRUE;
}

static JsonObject *
media_reference (JsonObject *clip)
{
  JsonObject *references = member_object (clip, "media_references");
  const char *key = member_string (clip, "active_media_reference_key");

  if (references != NULL)
    return member_object (references, key ? key : "DEFAULT_MEDIA");
  return member_object (clip, "media_reference");   /* Clip.1 */
}

static const char *
casereel_string (JsonObject *metadata,
                 const char *name)
{
  return member_string (member_object (metadata, "casereel"), name);
}

static JsonNode *
casereel_member (JsonObject *metadata,
                 const char *name)
{
  JsonObject *ours = member_object (metadata, "casereel");

  return ours ? json_object_get_member (ours, name) : NULL;
}

static guint
find_source (Reader     *reader,
             JsonObject *clip,
             JsonObject *reference,
             CrRate      rate,
             gboolean    has_range,
             gint64      start,
             gint64      duration)
{
  const char *url = member_string (reference, "target_url");
  const char *name = member_string (reference, "name");
  JsonObject *metadata = member_object (reference, "metadata");
  JsonNode *drop = casereel_member (metadata, "drop_frame");
  JsonNode *video = casereel_member (metadata, "has_video");
  JsonNode *audio = casereel_member (metadata, "audio_channels");
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  gpointer found;
  guint index;

  if (url == NULL)
    url = member_string (clip, "name");
  if (url == NULL)
    url = "";
  key = g_strdup_printf ("%s\n%d/%d", url, rate.num, rate.den);
  found = g_hash_table_lookup (reader->source_by_key, key);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  if (g_str_has_prefix (url, "file:"))
    path = g_filename_from_uri (url, NULL, NULL);
  if (path == NULL)
    path = g_strdup (url);
  if (name != NULL && name[0] == '\0')
    name = NULL;

  index = cr_timeline_add_source (reader->timeline, path, name, rate,
                                  node_boolean (drop, FALSE),
                                  has_range ? start : 0, has_range ? duration : 0,
                                  node_boolean (video, reader->video_track),
                                  MAX (node_int (audio, reader->video_track ? 0 : 2, 64), 0));
  g_hash_table_insert (reader->source_by_key, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
  return index;
}

static gboolean
read_clip (Reader      *reader,
           JsonObject  *clip,
           const char  *where,
           gint64       record,
           gint64      *length,
           GError     **error)
{
  JsonObject *reference = media_reference (clip);
  JsonObject *available = member_object (reference, "available_range");
  JsonObject *metadata = member_object (clip, "metadata");
  JsonNode *markers = json_object_get_member (clip, "markers");
  JsonNode *keywords = casereel_member (metadata, "keywords");
  g_autofree char *where_range = g_strdup_printf ("%s.source_range", where);
  g_autofree char *where_available = g_strdup_printf ("%s.media_reference.available_range", where);
  CrTimelineSource *source;
  CrTimelineEvent *event;
  gint64 start = 0, duration = 0, in, used, cut_frames = 0;
  CrRate rate = { 0, 0 };
  gboolean has_range = available != NULL;
  const char *label;
  guint index, i;

  if (has_range && !read_range (available, where_available, &start, &duration, &rate, FALSE, error))
    return FALSE;
  if (member_object (clip, "source_range") == NULL)
    return fail (error, where_range, "missing: a clip needs the range it uses");
  if (!read_range (member_object (clip, "source_range"), where_range, &in, &used, &rate, has_range, error))
    return FALSE;
  if (used <= 0)
    return fail (error, where_range, "the duration is not positive");
  /* Ours: the duration counts cut frames and the metadata has the exact source frames. */
  {
    JsonNode *exact = casereel_member (metadata, "source_frames");
    gint64 frames = exact != NULL && json_node_get_value_type (exact) == G_TYPE_INT64
                    ? json_node_get_int (exact) : 0;
    CrRate duration_rate;
    g_autofree char *where_duration = g_strdup_printf ("%s.duration", where_range);

    if (!read_time (member_object (member_object (clip, "source_range"), "duration"), where_duration,
                    &cut_frames, &duration_rate, error))
      return FALSE;
    cut_frames = rescale (cut_frames, duration_rate, reader->timeline->rate);
    if (frames > 0 && frames <= MAX_FRAMES && rescale (frames, rate, reader->timeline->rate) == cut_frames)
      used = frames;
  }

  index = find_source (reader, clip, reference, rate, has_range, start, duration);
  source = g_ptr_array_index (reader->timeline->sources, index);
  if (!has_range)
    {
      source->duration = MAX (source->duration, in + used);
      g_hash_table_add (reader->open_ended, source);
    }
  if (!reader->video_track && source->audio_channels == 0)
    source->audio_channels = 2;   /* in an audio track without our metadata */
  /* Metadata that says neither picture nor sound: the track it is in says which. */
  if (reader->video_track && !source->has_video && source->audio_channels == 0)
    source->has_video = TRUE;

  /* The audio of a clip already read from the video track is the same event. */
  if (reader->shift != 0)
    {
      gint64 shift = rescale (reader->shift, reader->timeline->rate, rate);

      in += shift;
      used -= shift;
      record += reader->shift;
      if (used <= 0)
        return fail (error, where_range, "the transition before it is longer than the clip");
    }

  if (!reader->video_track && !(reader->ours_says && reader->sound_track > 0) &&
      GPOINTER_TO_UINT (g_hash_table_lookup (reader->event_at, &record)) == index + 1)
    {
      /* Its length in the track, as OTIO adds it: the source frames rounded twice may differ. */
      *length = cut_frames - reader->shift;
      /* A1 with V1 is how OTIO writes a clip; a second sound track's copy is split sound. */
      if (reader->more_audio)
        cr_timeline_note_sound (reader->timeline, CR_TIMELINE_SOUND_JOINED, where);
      return TRUE;
    }
  /* The same sound in a later Audio track (Premiere's A1 and A2 of one stereo clip): one event. */
  if (!reader->video_track && reader->sound_track > 0 && !reader->ours_says &&
      GPOINTER_TO_UINT (g_hash_table_lookup (reader->sound_at, &record)) == index + 1)
    {
      *length = cut_frames - reader->shift;
      cr_timeline_note_sound (reader->timeline, CR_TIMELINE_SOUND_JOINED, where);
      return TRUE;
    }
  if (!reader->video_track && reader->sound_track > 0)
    event = cr_timeline_add_sound_event (reader->timeline, reader->sound_track, index, in - source->start_tc,
                                         in - source->start_tc + used, record);
  else
    event = cr_timeline_add_event (reader->timeline, index, in - source->start_tc,
                                   in - source->start_tc + used, record);
  event->label = g_strdup (casereel_string (metadata, "label"));
  event->participants = g_strdup (casereel_string (metadata, "participants"));
  event->question = g_strdup (casereel_string (metadata, "question"));
  event->note = g_strdup (casereel_string (metadata, "note"));
  label = member_string (clip, "name");
  if (casereel_member (metadata, "label") == NULL && label != NULL && label[0] != '\0' &&
      g_strcmp0 (label, cr_timeline_source_get_name (source)) != 0)
    event->label = g_strdup (label);
  if (keywords != NULL && JSON_NODE_HOLDS_ARRAY (keywords))
    for (i = 0; i < json_array_get_length (json_node_get_array (keywords)); i++)
      {
        JsonNode *keyword = json_array_get_element (json_node_get_array (keywords), i);

        if (json_node_get_value_type (keyword) == G_TYPE_STRING)
          cr_timeline_event_add_keyword (event, json_node_get_string (keyword));
      }

  if (markers != NULL && JSON_NODE_HOLDS_ARRAY (markers))
    for (i = 0; i < json_array_get_length (json_node_get_array (markers)); i++)
      {
        JsonObject *marker = element_object (json_node_get_array (markers), i);
        g_autofree char *where_marker = g_strdup_printf ("%s.markers[%u].marked_range", where, i);
        const char *note = member_string (marker, "comment");
        gint64 at = 0, span = 0;

        if (!read_range (member_object (marker, "marked_range"), where_marker, &at, &span, &rate, TRUE, error))
          return FALSE;
        if (note == NULL || note[0] == '\0')
          note = member_string (marker, "name");
        cr_timeline_event_add_marker (event, at - source->start_tc, note);
      }

  *length = cr_timeline_event_get_length (reader->timeline, event);
  reader->last = event;
  if (reader->video_track)
    g_hash_table_insert (reader->event_at, g_memdup2 (&record, sizeof record), GUINT_TO_POINTER (index + 1));
  else if (reader->sound_track > 0)
    {
      if (!g_hash_table_contains (reader->sound_at, &record))
        g_hash_table_insert (reader->sound_at, g_memdup2 (&record, sizeof record), GUINT_TO_POINTER (index + 1));
    }
  else
    {
      g_hash_table_insert (reader->from_audio, event, g_strdup (where));
      /* The same sound in a later Audio track (Premiere's A1 and A2 of one stereo clip) joins it. */
      if (!g_hash_table_contains (reader->event_at, &record))
        g_hash_table_insert (reader->event_at, g_memdup2 (&record, sizeof record), GUINT_TO_POINTER (index + 1));
    }
  return TRUE;
}

/* A transition takes no time in its track: it overlaps the clips either side by its in and out
 * offsets. It becomes a cut at its centre: the clip before runs on (or stops short) by half
 * their difference, and the clip after starts as much later. */
static gboolean
read_transition (Reader      *reader,
                 JsonObject  *item,
                 const char  *where,
                 gint64       position,
                 GError     **error)
{
  g_autofree char *in_where = g_strdup_printf ("%s.in_offset", where);
  g_autofree char *out_where = g_strdup_printf ("%s.out_offset", where);
  const char *kind = member_string (item, "transition_type");
  CrRate rate = reader->timeline->rate, in_rate, out_rate;
  gint64 in_offset, out_offset, shift;

  if (!read_time (member_object (item, "in_offset"), in_where, &in_offset, &in_rate, error) ||
      !read_time (member_object (item, "out_offset"), out_where, &out_offset, &out_rate, error))
    return FALSE;
  in_offset = rescale (in_offset, in_rate, rate);
  out_offset = rescale (out_offset, out_rate, rate);
  if (in_offset < 0 || out_offset < 0)
    return fail (error, where, "a transition's offsets cannot be negative");
  shift = (out_offset - in_offset) / 2;
  if (shift != 0 && reader->last != NULL)
    {
      CrTimelineEvent *before = reader->last;
      CrTimelineSource *source = g_ptr_array_index (reader->timeline->sources, before->source);

      if (before->record + cr_timeline_event_get_length (reader->timeline, before) == position)
        {
          before->out += rescale (shift, rate, source->rate);
          if (g_hash_table_contains (reader->open_ended, source))
            source->duration = MAX (source->duration, before->out);
        }
    }
  reader->shift = shift;
  {
    g_autofree char *shown = cr_message_text (kind ? kind : "Transition", CR_MESSAGE_MAX_VALUE);
    g_autofree char *shown_where = cr_message_text (where, CR_MESSAGE_MAX_VALUE);

    cr_timeline_add_warning (reader->timeline, "OTIO %s: the transition %s of %" G_GINT64_FORMAT
                             " frames is read as a cut at its centre", shown_where, shown,
                             in_offset + out_offset);
  }
  return TRUE;
}

/* The cut's track an Audio track is: ours say ("V": the picture events' own sound); another
 * editor's n-th Audio track is sound track An, its copies of the picture events' sound joined
 * to them. */
static guint
sound_track_of (JsonObject *track,
                guint       audio_number)
{
  const char *ours = casereel_string (member_object (track, "metadata"), "track");

  if (ours != NULL && ours[0] == 'A' && g_ascii_isdigit (ours[1]))
    return (guint) CLAMP (g_ascii_strtoull (ours + 1, NULL, 10), 1, 99);
  if (ours != NULL && g_str_equal (ours, "V"))
    return 0;
  return MIN (audio_number, 99);
}

/* Sound from the Audio track under another event's picture needs a track of its own. */
static void
leave_out_sound_under_picture (Reader *reader)
{
  CrTimeline *timeline = reader->timeline;
  gint64 previous_end = 0;
  guint i = 0;

  while (i < timeline->events->len)
    {
      CrTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const char *where = g_hash_table_lookup (reader->from_audio, event);

      if (event->record < previous_end && where != NULL)
        {
          cr_timeline_note_sound (timeline, CR_TIMELINE_SOUND_LEFT_OUT, where);
          g_hash_table_remove (reader->from_audio, event);
          g_ptr_array_remove_index (timeline->events, i);
          continue;
        }
      /* Sound only where no picture is, of a clip whose picture is used elsewhere. */
      if (where != NULL && cr_timeline_get_source (timeline, event->source)->has_video)
        cr_timeline_note_sound (timeline, CR_TIMELINE_SOUND_ALONE, where);
      previous_end = MAX (previous_end, event->record + cr_timeline_event_get_length (timeline, event));
      i++;
    }
}

static gint
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const CrTimelineEvent *ea = *(CrTimelineEvent * const *) a;
  const CrTimelineEvent *eb = *(CrTimelineEvent * const *) b;

  return (ea->record > eb->record) - (ea->record < eb->record);
}

static gboolean
read_track (Reader      *reader,
            JsonObject  *track,
            const char  *where,
            GError     **error)
{
  JsonNode *children = json_object_get_member (track, "children");
  JsonArray *items;
  gint64 position = 0;
  guint i;

  if (children == NULL || !JSON_NODE_HOLDS_ARRAY (children))
    return fail (error, where, "a track without children");
  items = json_node_get_array (children);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *item_where = g_strdup_printf ("%s.children[%u]", where, i);
      JsonObject *item;
      gint64 length = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, item_where, "not an object");
      item = json_node_get_object (node);

      if (schema_is (item, "Gap"))
        {
          g_autofree char *range_where = g_strdup_printf ("%s.source_range", item_where);
          gint64 start = 0;
          CrRate rate = reader->timeline->rate;

          if (!read_range (member_object (item, "source_range"), range_where, &start, &length, &rate,
                           TRUE, error))
            return FALSE;
        }
      else if (schema_is (item, "Clip"))
        {
          gint64 shift = reader->shift;

          /* The shift is part of the clip's time in the track: the event starts after it. */
          if (!read_clip (reader, item, item_where, position, &length, error))
            return FALSE;
          length += shift;
          reader->shift = 0;
        }
      else if (schema_is (item, "Transition"))
        {
          if (!read_transition (reader, item, item_where, position, error))
            return FALSE;
          continue;
        }
      else
        {
          const char *schema = member_string (item, "OTIO_SCHEMA");
          return fail (error, item_where, "%s is not supported (only clips and gaps)",
                       schema ? schema : "an item without OTIO_SCHEMA");
        }
      if (schema_is (item, "Gap"))
        reader->last = NULL;
      position += length;
    }
  return TRUE;
}

/* The timeline rate: global_start_time's, else the first clip's. */
static gboolean
timeline_rate (JsonObject  *root,
               JsonObject  *track,
               CrRate      *rate,
               gint64      *start,
               GError     **error)
{
  JsonObject *global = member_object (root, "global_start_time");
  JsonNode *children = json_object_get_member (track, "children");
  guint i;

  *start = 0;
  if (global != NULL)
    return read_time (global, "global_start_time", start, rate, error);
  if (children != NULL && JSON_NODE_HOLDS_ARRAY (children))
    for (i = 0; i < json_array_get_length (json_node_get_array (children)); i++)
      {
        JsonObject *item = element_object (json_node_get_array (children), i);
        gint64 unused, duration;

        if (item != NULL && member_object (item, "source_range") != NULL &&
            read_range (member_object (item, "source_range"), "source_range", &unused, &duration,
                        rate, FALSE, NULL))
          return TRUE;
      }
  return fail (error, "global_start_time", "missing, and no clip gives a rate");
}

/* The deepest nesting of arrays and objects, counting brackets outside strings; stops
 * counting past MAX_DEPTH. Malformed text is left for the parser to name. */
static guint
json_depth (const char *text,
            gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0, deepest = 0;

  for (gsize i = 0; i < length && deepest <= MAX_DEPTH; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          /* Not inside MAX (): it evaluates its arguments twice. */
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
}

CrTimeline *
cr_otio_read (const char  *text,
              gssize       length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) source_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GHashTable) event_at = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) sound_at = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) from_audio = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) open_ended = g_hash_table_new (g_direct_hash, g_direct_equal);
  JsonObject *root, *stack, *metadata, *track, *video = NULL, *audio = NULL;
  JsonNode *children, *width, *height, *drop;
  Reader reader = { 0 };
  CrRate rate = { 0, 0 };
  gint64 start = 0;
  guint i, video_index = 0, audio_number = 0;

  if (length < 0)
    length = strlen (text);
  if (json_depth (text, length) > MAX_DEPTH)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE,
                   "OTIO: nested more than %d levels deep, not an edit list", MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib quotes the text it stopped at, line breaks included. */
      g_autofree char *shown = cr_text_for_message (local_error->message);

      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "OTIO: %s", shown);
      return NULL;
    }
  /* An empty file parses without error and without a root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "OTIO: the file is empty");
      return NULL;
    }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (!schema_is (root, "Timeline"))
    {
      fail (error, "root", "not a Timeline");
      return NULL;
    }
  stack = member_object (root, "tracks");
  children = stack ? json_object_get_member (stack, "children") : NULL;
  if (children == NULL || !JSON_NODE_HOLDS_ARRAY (children))
    {
      fail (error, "tracks", "not a Stack with children");
      return NULL;
    }
  /* The first video track, then the first audio track for the events that have no video. */
  for (i = 0; i < json_array_get_length (json_node_get_array (children)); i++)
    {
      JsonObject *candidate = element_object (json_node_get_array (children), i);
      const char *kind = member_string (candidate, "kind");

      if (!schema_is (candidate, "Track"))
        continue;
      if (video == NULL && g_strcmp0 (kind, "Video") == 0)
        {
          video = candidate;
          video_index = i;
        }
      if (audio == NULL && g_strcmp0 (kind, "Audio") == 0)
        audio = candidate;
    }
  if (video == NULL && audio == NULL)
    {
      fail (error, "tracks", "no video or audio track");
      return NULL;
    }
  track = video ? video : audio;
  if (!timeline_rate (root, track, &rate, &start, error))
    return NULL;

  metadata = member_object (root, "metadata");
  width = casereel_member (metadata, "width");
  height = casereel_member (metadata, "height");
  drop = casereel_member (metadata, "drop_frame");
  timeline = cr_timeline_new (member_string (root, "name"), rate, node_boolean (drop, FALSE),
                              node_int (width, 1920, 65536), node_int (height, 1080, 65536));
  timeline->record_start = start;
  reader.timeline = timeline;
  reader.source_by_key = source_by_key;

  reader.event_at = event_at;
  reader.sound_at = sound_at;
  reader.from_audio = from_audio;
  reader.open_ended = open_ended;
  for (i = 0; i < json_array_get_length (json_node_get_array (children)); i++)
    {
      JsonObject *candidate = element_object (json_node_get_array (children), i);

      if (schema_is (candidate, "Track") && candidate != video && g_strcmp0 (member_string (candidate, "kind"), "Audio") != 0)
        {
          g_autofree char *name = cr_message_text (member_string (candidate, "name") ? member_string (candidate, "name") : "",
                                                   CR_MESSAGE_MAX_VALUE);

          cr_timeline_add_warning (timeline, "OTIO tracks.children[%u] (“%s”) is left out: a cut has one "
                                   "picture track", i, name);
        }
    }
  /* The picture track first, then every sound track in order: the first sound of a clip at a
   * record position is its event's (or an event of its own), later copies join it. */
  for (i = 0; i <= json_array_get_length (json_node_get_array (children)); i++)
    {
      JsonObject *which = i == 0 ? video : element_object (json_node_get_array (children), i - 1);
      g_autofree char *where = g_strdup_printf ("tracks.children[%u]", i == 0 ? video_index : i - 1);

      if (which == NULL || (i > 0 && (!schema_is (which, "Track") ||
                                      g_strcmp0 (member_string (which, "kind"), "Audio") != 0)))
        continue;
      reader.video_track = which == video;
      reader.more_audio = !reader.video_track && which != audio;
      if (!reader.video_track)
        audio_number++;
      reader.sound_track = reader.video_track ? 0 : sound_track_of (which, audio_number);
      reader.ours_says = casereel_string (member_object (which, "metadata"), "track") != NULL;
      reader.last = NULL;
      reader.shift = 0;
      if (!read_track (&reader, which, where, error))
        return NULL;
    }
  g_ptr_array_sort (timeline->events, compare_records);
  leave_out_sound_under_picture (&reader);
  cr_timeline_add_sound_summary (timeline, "OTIO", "clip");
  if (!cr_timeline_validate (timeline, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
