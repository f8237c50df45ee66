/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-fcpxml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-export-text.h"
#include "cr-fcpxml.h"
#include "cr-message.h"

/* FCPXML times are rational seconds, "1001/30000s" or "3600s". Values past these are not
 * edit lists (a year at 1000 fps is 3e10 frames). */
#define MAX_NUMERATOR G_GINT64_CONSTANT (100000000000000)
#define MAX_DENOMINATOR 1000000000

typedef struct
{
  gint64 num;
  gint64 den;
} Time;

typedef struct
{
  char     *name;
  char     *path;
  char     *format;          /* a format id, or NULL: the sequence's */
  Time      start;
  Time      duration;
  gboolean  has_video;
  int       channels;
  int       source;          /* index in the timeline + 1, once an event uses it */
} Asset;

/* A spine item being read: its own times, and the media reference inside a <clip>. */
typedef struct
{
  gboolean  active;
  guint     line;
  char     *ref;
  char     *name;
  Time      offset;
  Time      start;
  Time      duration;
  gboolean  drop_frame;
  gboolean  inner_found;     /* <clip>: its <video>/<audio>/<asset-clip> */
  Time      inner_offset;
  Time      inner_start;
  char     *note;
  gboolean  in_note;
  guint     depth;           /* elements open inside the item */
} Item;

typedef struct
{
  GMarkupParseContext *context;
  GHashTable          *formats;     /* id -> CrRate * */
  GHashTable          *sizes;       /* id -> "WxH" */
  GHashTable          *assets;      /* id -> Asset * */
  Asset               *asset;       /* the <asset> being read */
  CrTimeline          *timeline;
  gboolean             in_sequence;
  gboolean             sequence_seen;
  guint                spine_depth; /* 0: outside the sequence's spine; 1: in it */
  Item                 item;
  GArray              *tag_lines;   /* guint: the line of each start tag, in document order */
  guint                tags_seen;
  Time                 gap_offset;  /* the spine's gap being read, for clips connected to it */
  Time                 gap_start;
  gboolean             warned_lane;
} Reader;

static void
asset_free (gpointer data)
{
  Asset *asset = data;

  g_free (asset->name);
  g_free (asset->path);
  g_free (asset->format);
  g_free (asset);
}

static void
item_clear (Item *item)
{
  g_free (item->ref);
  g_free (item->name);
  g_free (item->note);
  memset (item, 0, sizeof *item);
}

/* GMarkup reports where it has read to, often past the tag's line: the line of each start tag,
 * found the same way (outside comments, CDATA, declarations and end tags), instead. */
static GArray *
find_tag_lines (const char *text,
                gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint line = 1;
  gsize i = 0;

  while (i < length)
    {
      const char *skip_to = NULL;

      if (text[i] == '\n')
        line++;
      if (text[i] != '<' || i + 1 >= length)
        {
          i++;
          continue;
        }
      if (length - i >= 4 && memcmp (text + i, "<!--", 4) == 0)
        skip_to = "-->";
      else if (length - i >= 9 && memcmp (text + i, "<![CDATA[", 9) == 0)
        skip_to = "]]>";
      else if (text[i + 1] == '?' || text[i + 1] == '!' || text[i + 1] == '/')
        skip_to = ">";
      else
        g_array_append_val (lines, line);
      i++;
      if (skip_to != NULL)
        {
          gsize n = strlen (skip_to);

          while (i < length && !(length - i >= n && memcmp (text + i, skip_to, n) == 0))
            {
              if (text[i] == '\n')
                line++;
              i++;
            }
        }
    }
  return lines;
}

static guint
current_line (Reader *reader)
{
  if (reader->tags_seen == 0 || reader->tags_seen > reader->tag_lines->len)
    {
      int line = 0;

      g_markup_parse_context_get_position (reader->context, &line, NULL);
      return (guint) line;
    }
  return g_array_index (reader->tag_lines, guint, reader->tags_seen - 1);
}

static gboolean
fail (Reader     *reader,
      GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *reader,
      GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  shown = cr_message_text (message, CR_MESSAGE_MAX_LINE);
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "FCPXML line %u: %s", current_line (reader), shown);
  return FALSE;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static gboolean
parse_time (Reader      *reader,
            const char  *text,
            const char  *what,
            Time        *out,
            GError     **error)
{
  guint64 num = 0, den = 1;
  const char *slash;
  g_autofree char *body = NULL;

  if (text == NULL)
    {
      out->num = 0;
      out->den = 1;
      return TRUE;
    }
  if (!g_str_has_suffix (text, "s"))
    return fail (reader, error, "%s “%s” is not a time in seconds (“1001/30000s”)", what, text);
  body = g_strndup (text, strlen (text) - 1);
  slash = strchr (body, '/');
  if (slash != NULL)
    {
      g_autofree char *top = g_strndup (body, slash - body);

      if (!g_ascii_string_to_unsigned (top, 10, 0, MAX_NUMERATOR, &num, NULL) ||
          !g_ascii_string_to_unsigned (slash + 1, 10, 1, MAX_DENOMINATOR, &den, NULL))
        return fail (reader, error, "%s “%s” is not a time in seconds (“1001/30000s”)", what, text);
    }
  /* "N s" is "N/1 s": the same bound, or what the writer reduces a fraction to cannot be read back. */
  else if (!g_ascii_string_to_unsigned (body, 10, 0, MAX_NUMERATOR, &num, NULL))
    return fail (reader, error, "%s “%s” is not a time in seconds (“1001/30000s”)", what, text);
  out->num = (gint64) num;
  out->den = (gint64) den;
  return TRUE;
}

/* Seconds as frames at `rate`, to the nearest frame. */
static gint64
time_to_frames (Time   time,
                CrRate rate)
{
  /* num × rate.num fits in 64 bits (1e14 × 1e5 would not: divide first when large). */
  double frames = (double) time.num * rate.num / ((double) time.den * rate.den);

  return (gint64) (frames + 0.5);
}

static gboolean
rate_of_format (Reader      *reader,
                const char  *id,
                CrRate      *rate,
                GError     **error)
{
  CrRate *found = id ? g_hash_table_lookup (reader->formats, id) : NULL;

  if (found == NULL)
    return fail (reader, error, "format “%s” is not among the resources or has no frameDuration", id ? id : "");
  *rate = *found;
  return TRUE;
}

static gboolean
start_format (Reader       *reader,
              const char  **names,
              const char  **values,
              GError      **error)
{
  const char *id = attribute (names, values, "id");
  const char *frame = attribute (names, values, "frameDuration");
  const char *width = attribute (names, values, "width");
  const char *height = attribute (names, values, "height");
  Time duration;
  CrRate rate;
  g_autoptr(GError) local_error = NULL;

  if (id == NULL || frame == NULL)
    return TRUE;   /* a format by name only (FFVideoFormat1080p25) says no rate: not used by clips here */
  if (!parse_time (reader, frame, "frameDuration", &duration, error))
    return FALSE;
  if (duration.num <= 0 || duration.num > G_MAXINT || duration.den > G_MAXINT)
    return fail (reader, error, "frameDuration “%s” is not a frame rate", frame);
  rate.num = (int) duration.den;
  rate.den = (int) duration.num;
  {
    CrTimecodeFormat fmt = { rate, FALSE };

    if (!cr_timecode_format_check (&fmt, &local_error))
      return fail (reader, error, "frameDuration “%s”: %s", frame, local_error->message);
  }
  g_hash_table_insert (reader->formats, g_strdup (id), g_memdup2 (&rate, sizeof rate));
  if (width != NULL && height != NULL)
    g_hash_table_insert (reader->sizes, g_strdup (id), g_strdup_printf ("%sx%s", width, height));
  return TRUE;
}

static gboolean
start_asset (Reader       *reader,
             const char  **names,
             const char  **values,
             GError      **error)
{
  const char *id = attribute (names, values, "id");
  const char *src = attribute (names, values, "src");   /* 1.8 and older */
  const char *video = attribute (names, values, "hasVideo");
  const char *audio = attribute (names, values, "hasAudio");
  const char *channels = attribute (names, values, "audioChannels");
  Asset *asset;

  if (id == NULL)
    return fail (reader, error, "an asset without an id");
  asset = g_new0 (Asset, 1);
  g_hash_table_replace (reader->assets, g_strdup (id), asset);
  reader->asset = asset;
  asset->name = g_strdup (attribute (names, values, "name"));
  asset->format = g_strdup (attribute (names, values, "format"));
  asset->has_video = g_strcmp0 (video, "1") == 0;
  asset->channels = g_strcmp0 (audio, "1") == 0 ? (int) CLAMP (g_ascii_strtoll (channels ? channels : "2", NULL, 10), 1, 64) : 0;
  if (src != NULL)
    asset->path = g_str_has_prefix (src, "file:") ? g_filename_from_uri (src, NULL, NULL) : g_strdup (src);
  return parse_time (reader, attribute (names, values, "start"), "asset start", &asset->start, error) &&
         parse_time (reader, attribute (names, values, "duration"), "asset duration", &asset->duration, error);
}

static gboolean
start_sequence (Reader       *reader,
                const char  **names,
                const char  **values,
                GError      **error)
{
  const char *format = attribute (names, values, "format");
  const char *size;
  CrRate rate;
  Time start;
  CrTimeline *timeline = reader->timeline;

  if (reader->sequence_seen)
    return TRUE;   /* the first project's sequence */
  reader->sequence_seen = TRUE;
  reader->in_sequence = TRUE;
  if (!rate_of_format (reader, format, &rate, error) ||
      !parse_time (reader, attribute (names, values, "tcStart"), "tcStart", &start, error))
    return FALSE;
  timeline->rate = rate;
  timeline->drop_frame = g_strcmp0 (attribute (names, values, "tcFormat"), "DF") == 0;
  timeline->record_start = time_to_frames (start, rate);
  size = g_hash_table_lookup (reader->sizes, format);
  if (size != NULL)
    sscanf (size, "%dx%d", &timeline->width, &timeline->height);
  return TRUE;
}

static gboolean
start_item (Reader       *reader,
            const char   *element,
            const char  **names,
            const char  **values,
            GError      **error)
{
  Item *item = &reader->item;

  item_clear (item);
  item->active = TRUE;
  item->line = current_line (reader);
  item->ref = g_strdup (attribute (names, values, "ref"));
  item->name = g_strdup (attribute (names, values, "name"));
  item->drop_frame = g_strcmp0 (attribute (names, values, "tcFormat"), "DF") == 0;
  if (g_str_equal (element, "clip"))
    g_clear_pointer (&item->ref, g_free);
  return parse_time (reader, attribute (names, values, "offset"), "offset", &item->offset, error) &&
         parse_time (reader, attribute (names, values, "start"), "start", &item->start, error) &&
         parse_time (reader, attribute (names, values, "duration"), "duration", &item->duration, error);
}

static int
by_track_and_record (gconstpointer a,
                     gconstpointer b)
{
  const CrTimelineEvent *x = *(const CrTimelineEvent *const *) a;
  const CrTimelineEvent *y = *(const CrTimelineEvent *const *) b;

  if (x->track != y->track)
    return x->track < y->track ? -1 : 1;
  return x->record < y->record ? -1 : x->record > y->record;
}

static double
seconds (Time t)
{
  return t.den != 0 ? (double) t.num / (double) t.den : 0;
}

/* The asset's source in the timeline, added the first time an event uses it. */
static guint
source_of (Reader   *reader,
           Asset    *asset,
           CrRate    rate,
           gboolean  drop_frame)
{
  if (asset->source == 0)
    {
      guint index = cr_timeline_add_source (reader->timeline, asset->path ? asset->path : asset->name, asset->name,
                                            rate, drop_frame, time_to_frames (asset->start, rate),
                                            MAX (time_to_frames (asset->duration, rate), 1),
                                            asset->has_video || asset->channels == 0, asset->channels);
      asset->source = (int) index + 1;
    }
  return (guint) asset->source - 1;
}

/* A clip connected below the spine (lane -n) is an event of sound track An, where it plays in
 * the sequence: its offset counts in its parent's time (`parent_offset` in the sequence is
 * `parent_start` in the parent). One above it (a title, a cutaway) is left out, said once. */
static gboolean
connected_clip (Reader       *reader,
                const char   *element,
                const char  **names,
                const char  **values,
                Time          parent_offset,
                Time          parent_start,
                const char   *parent_name,
                guint         parent_line,
                GError      **error)
{
  CrTimeline *timeline = reader->timeline;
  const char *lane = attribute (names, values, "lane");
  const char *ref = attribute (names, values, "ref");
  gint64 track = g_ascii_strtoll (lane, NULL, 10);
  Asset *asset = ref ? g_hash_table_lookup (reader->assets, ref) : NULL;
  Time offset, start, duration;
  CrRate rate;
  gint64 record, in, used;
  CrTimelineEvent *event;

  if (track >= 0 || track < -99 || asset == NULL || !g_str_equal (element, "asset-clip"))
    {
      if (!reader->warned_lane)
        cr_timeline_add_warning (timeline, "FCPXML line %u: the clips connected to “%s” (lane %s) are "
                                 "left out: a cut has one picture track", parent_line, parent_name ? parent_name : "",
                                 lane);
      reader->warned_lane = TRUE;
      return TRUE;
    }
  if (!parse_time (reader, attribute (names, values, "offset"), "offset", &offset, error) ||
      !parse_time (reader, attribute (names, values, "start"), "start", &start, error) ||
      !parse_time (reader, attribute (names, values, "duration"), "duration", &duration, error))
    return FALSE;
  if (!rate_of_format (reader, asset->format ? asset->format : NULL, &rate, NULL))
    rate = timeline->rate;
  record = (gint64) ((seconds (parent_offset) + seconds (offset) - seconds (parent_start)) * timeline->rate.num /
                     timeline->rate.den + 0.5) - timeline->record_start;
  in = time_to_frames (start, rate) - time_to_frames (asset->start, rate);
  used = time_to_frames (duration, rate);
  if (used <= 0 || record < 0)
    return fail (reader, error, "the clip connected to “%s” does not play inside the sequence",
                 parent_name ? parent_name : "");
  event = cr_timeline_add_sound_event (timeline, (guint) -track,
                                       source_of (reader, asset, rate,
                                                  g_strcmp0 (attribute (names, values, "tcFormat"), "DF") == 0),
                                       in, in + used, record);
  event->line = current_line (reader);
  if (attribute (names, values, "name") != NULL && g_strcmp0 (attribute (names, values, "name"), asset->name) != 0)
    event->label = g_strdup (attribute (names, values, "name"));
  return TRUE;
}

/* Inside a spine item: the media of a <clip>, a speed, a note, connected clips. */
static gboolean
start_inside_item (Reader       *reader,
                   const char   *element,
                   const char  **names,
                   const char  **values,
                   GError      **error)
{
  Item *item = &reader->item;
  const char *lane = attribute (names, values, "lane");

  if (lane != NULL && g_strcmp0 (lane, "0") != 0)
    return item->depth != 1 ||
           connected_clip (reader, element, names, values, item->offset, item->start, item->name, item->line, error);
  if (g_str_equal (element, "conform-rate"))
    {
      if (g_strcmp0 (attribute (names, values, "scaleEnabled"), "0") != 0 &&
          attribute (names, values, "srcFrameRate") != NULL)
        return fail (reader, error, "conform-rate plays “%s” at another speed: speed changes are not supported",
                     item->name ? item->name : "");
      return TRUE;
    }
  if (g_str_equal (element, "timeMap") || g_str_equal (element, "timept"))
    return fail (reader, error, "a retime (timeMap) in “%s”: speed changes are not supported",
                 item->name ? item->name : "");
  if (g_str_equal (element, "note") && item->depth == 1)
    {
      item->in_note = TRUE;
      return TRUE;
    }
  if (item->ref == NULL && !item->inner_found && attribute (names, values, "ref") != NULL &&
      (g_str_equal (element, "video") || g_str_equal (element, "audio") || g_str_equal (element, "asset-clip")))
    {
      item->ref = g_strdup (attribute (names, values, "ref"));
      item->inner_found = TRUE;
      return parse_time (reader, attribute (names, values, "offset"), "offset", &item->inner_offset, error) &&
             parse_time (reader, attribute (names, values, "start"), "start", &item->inner_start, error);
    }
  return TRUE;
}

static gboolean
finish_item (Reader  *reader,
             GError **error)
{
  Item *item = &reader->item;
  CrTimeline *timeline = reader->timeline;
  Asset *asset = item->ref ? g_hash_table_lookup (reader->assets, item->ref) : NULL;
  CrTimelineEvent *event;
  CrRate rate;
  gint64 start_tc, in, used, record;

  if (asset == NULL)
    return fail (reader, error, "“%s” refers to “%s”, which is not an asset among the resources",
                 item->name ? item->name : "", item->ref ? item->ref : "");
  if (!rate_of_format (reader, asset->format ? asset->format : NULL, &rate, NULL))
    rate = timeline->rate;
  start_tc = time_to_frames (asset->start, rate);
  in = time_to_frames (item->start, rate);
  if (item->inner_found)
    in = time_to_frames (item->inner_start, rate) + in - time_to_frames (item->inner_offset, rate);
  in -= start_tc;
  used = time_to_frames (item->duration, rate);
  record = time_to_frames (item->offset, timeline->rate) - timeline->record_start;
  if (used <= 0)
    return fail (reader, error, "“%s” has no duration", item->name ? item->name : "");
  if (record < 0)
    return fail (reader, error, "“%s” starts before the sequence's tcStart", item->name ? item->name : "");

  event = cr_timeline_add_event (timeline, source_of (reader, asset, rate, item->drop_frame), in, in + used, record);
  event->line = item->line;
  event->note = g_steal_pointer (&item->note);
  if (item->name != NULL && g_strcmp0 (item->name, asset->name) != 0)
    event->label = g_strdup (item->name);
  item_clear (item);
  return TRUE;
}

static void
on_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              data,
          GError              **error)
{
  Reader *reader = data;

  reader->tags_seen++;
  if (reader->item.active)
    {
      reader->item.depth++;
      start_inside_item (reader, element, names, values, error);
      return;
    }
  if (reader->spine_depth > 0)
    {
      reader->spine_depth++;
      /* A clip connected to a gap. */
      if (reader->spine_depth == 3 && attribute (names, values, "lane") != NULL)
        connected_clip (reader, element, names, values, reader->gap_offset, reader->gap_start, "Gap",
                        current_line (reader), error);
      if (reader->spine_depth != 2)
        return;
      if (g_str_equal (element, "gap"))
        {
          if (!parse_time (reader, attribute (names, values, "offset"), "offset", &reader->gap_offset, error) ||
              !parse_time (reader, attribute (names, values, "start"), "start", &reader->gap_start, error))
            return;
        }
      if (g_str_equal (element, "asset-clip") || g_str_equal (element, "clip"))
        start_item (reader, element, names, values, error);
      else if (g_str_equal (element, "transition"))
        {
          const char *name = attribute (names, values, "name");

          cr_timeline_add_warning (reader->timeline, "FCPXML line %u: the transition “%s” is read as a cut "
                                   "at its centre", current_line (reader), name ? name : "");
        }
      else if (!g_str_equal (element, "gap"))
        fail (reader, error, "<%s> in the spine is not supported (only clips, gaps and transitions)", element);
      return;
    }
  if (g_str_equal (element, "format"))
    start_format (reader, names, values, error);
  else if (g_str_equal (element, "asset"))
    start_asset (reader, names, values, error);
  else if (g_str_equal (element, "media-rep") && reader->asset != NULL && reader->asset->path == NULL)
    {
      const char *src = attribute (names, values, "src");

      if (src != NULL && g_strcmp0 (attribute (names, values, "kind"), "proxy-media") != 0)
        reader->asset->path = g_str_has_prefix (src, "file:") ? g_filename_from_uri (src, NULL, NULL) : g_strdup (src);
    }
  else if (g_str_equal (element, "project") && reader->timeline->name[0] == '\0')
    {
      const char *name = attribute (names, values, "name");

      g_free (reader->timeline->name);
      reader->timeline->name = g_strdup (name ? name : "");
    }
  else if (g_str_equal (element, "sequence"))
    start_sequence (reader, names, values, error);
  else if (g_str_equal (element, "spine") && reader->in_sequence)
    reader->spine_depth = 1;
}

static void
on_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              data,
        GError              **error)
{
  Reader *reader = data;

  if (reader->item.active)
    {
      if (reader->item.depth > 0)
        {
          reader->item.depth--;
          if (g_str_equal (element, "note"))
            reader->item.in_note = FALSE;
          return;
        }
      reader->spine_depth--;
      finish_item (reader, error);
      return;
    }
  if (reader->spine_depth > 0)
    {
      reader->spine_depth--;
      if (reader->spine_depth == 0)
        reader->in_sequence = FALSE;   /* one spine: the first sequence's */
      return;
    }
  if (g_str_equal (element, "asset"))
    reader->asset = NULL;
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  Reader *reader = data;

  if (reader->item.active && reader->item.in_note)
    {
      g_autofree char *more = g_strndup (text, length);
      char *joined = g_strconcat (reader->item.note ? reader->item.note : "", more, NULL);

      g_free (reader->item.note);
      reader->item.note = joined;
    }
}

CrTimeline *
cr_fcpxml_read (const char  *text,
                gssize       length,
                GError     **error)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, asset_free);
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("", (CrRate) { 25, 1 }, FALSE, 1920, 1080);
  g_autoptr(GError) local_error = NULL;
  Reader reader = { 0 };
  gboolean ok;

  if (length < 0)
    length = strlen (text);
  reader.formats = formats;
  reader.sizes = sizes;
  reader.assets = assets;
  reader.timeline = timeline;
  reader.tag_lines = find_tag_lines (text, length);
  reader.context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  ok = g_markup_parse_context_parse (reader.context, text, length, &local_error) &&
       g_markup_parse_context_end_parse (reader.context, &local_error);
  g_markup_parse_context_free (reader.context);
  g_array_unref (reader.tag_lines);
  item_clear (&reader.item);
  if (!ok)
    {
      /* Ours already say "FCPXML line N"; GMarkup's are prefixed here and kept on one line. */
      g_autofree char *shown = cr_message_text (local_error->message, CR_MESSAGE_MAX_LINE);

      if (g_str_has_prefix (local_error->message, "FCPXML "))
        g_set_error_literal (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, shown);
      else
        g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "FCPXML: %s", shown);
      return NULL;
    }
  if (!reader.sequence_seen)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "FCPXML: no sequence");
      return NULL;
    }
  if (timeline->events->len == 0)
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE, "FCPXML: no clips in the sequence's spine");
      return NULL;
    }
  /* Connected clips come in the order of their parents: each track in record order. */
  g_ptr_array_sort (timeline->sound_events, by_track_and_record);
  if (!cr_timeline_validate (timeline, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
