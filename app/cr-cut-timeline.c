/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "cr-clips.h"
#include "cr-cut-private.h"
#include "cr-cut-appender.h"
#include "cr-cut-events.h"
#include "cr-cut-match.h"
#include "cr-cut-sources.h"
#include "cr-edl.h"
#include "cr-fcpxml.h"
#include "cr-otio.h"
#include "cr-output.h"
#include "cr-record-format.h"
#include "cr-store.h"
#include "cr-transcripts.h"

static CrRate
rate_of (const char *text,
         CrRate      fallback)
{
  CrRate rate;

  if (text && cr_rate_parse (text, &rate, NULL))
    return rate;
  return fallback;
}

/* A clip's rate, and its start timecode and drop mode when the timecode counts at that rate
 * (a BWF file counts at the recorder's rate, which may not be the clip's): 0 otherwise. */
static void
clip_timecode (CrDb     *db,
               CrRecord *clip,
               CrRate   *rate,
               gboolean *drop,
               gint64   *start)
{
  int num, den;

  cr_clip_rate (db, clip->id, &num, &den);
  *rate = (CrRate) { num, den };
  *drop = FALSE;
  *start = 0;
  if (cr_record_get (clip, "tc_start") &&
      cr_rate_equal (rate_of (cr_record_get (clip, "tc_rate"), (CrRate) { 0, 0 }), *rate))
    {
      *start = cr_record_get_int (clip, "tc_frames", 0);
      *drop = cr_record_get_int (clip, "tc_drop", 0);
    }
}

/* A clip's rate as cr_clip_rate () reads it: 25/1 when it has none, and FALSE then or when
 * the text is not "num/den" (its length is then unknown). */
static gboolean
clip_rate_of (const CrCutClip *clip,
              CrRate          *rate)
{
  int num = 25, den = 1;
  gboolean known = clip->rate && sscanf (clip->rate, "%d/%d", &num, &den) == 2 && num > 0 && den > 0;

  *rate = (CrRate) { num, den };
  return known;
}

/* A clip as a timeline source: its own rate, and its start timecode and drop mode when the
 * timecode counts at that rate (as clip_timecode ()); its length to the nearest frame, as
 * cr_clip_length_frames (). */
static guint
add_source (CrTimeline      *timeline,
            GHashTable      *sources,
            const CrCutClip *clip)
{
  gpointer found;
  CrRate rate;
  gboolean known = clip_rate_of (clip, &rate);
  gint64 start = 0, length = -1;
  gboolean drop = FALSE;
  guint index;

  if (g_hash_table_lookup_extended (sources, &clip->id, NULL, &found))
    return GPOINTER_TO_UINT (found);
  if (clip->tc_start && cr_rate_equal (rate_of (clip->tc_rate, (CrRate) { 0, 0 }), rate))
    {
      start = clip->tc_frames;
      drop = clip->tc_drop;
    }
  /* Nearest whole frame: containers round durations to their own time base. */
  if (known && clip->duration_us >= 0)
    length = (gint64) ((clip->duration_us * (__int128) rate.num + (__int128) rate.den * 500000) /
                       ((__int128) rate.den * 1000000));
  index = cr_timeline_add_source (timeline, clip->path, clip->name, rate, drop, start, length, clip->has_video,
                                  clip->channels);
  cr_timeline_source_set_size (timeline, index, clip->width, clip->height);
  g_hash_table_insert (sources, (gpointer) &clip->id, GUINT_TO_POINTER (index));
  return index;
}

typedef enum
{
  READ_FRAMES,   /* sources and frames: what the consent check needs */
  READ_WORDS,    /* and each event's label, note, question and people: what the Cuts page lists */
  READ_ALL,      /* and what is said, markers and keywords: what edit lists carry */
} ReadWhat;

static CrTimeline *
build_timeline (CrDb      *db,
                gint64     cut,
                ReadWhat   what,
                GError   **error)
{
  g_autoptr(CrRecord) row = cr_store_get (db, &cr_entity_cut, cut, error);
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CrTranscriptWords) said = what == READ_ALL ? cr_transcript_words_new (db, NULL) : NULL;
  g_autoptr(GHashTable) clips = NULL;
  g_autoptr(GHashTable) extras = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GArray) ends = g_array_new (FALSE, TRUE, sizeof (gint64));  /* each track's end */
  CrTimecodeFormat fmt;
  gint64 record = 0;

  if (row == NULL)
    return NULL;
  fmt.rate = rate_of (cr_record_get (row, "frame_rate"), (CrRate) { 25, 1 });
  fmt.drop_frame = cr_record_get_int (row, "drop_frame", 0);
  timeline = cr_timeline_new (cr_record_get (row, "name"), fmt.rate, fmt.drop_frame,
                              (int) cr_record_get_int (row, "width", 1920), (int) cr_record_get_int (row, "height", 1080));
  if (cr_record_get (row, "record_start") &&
      !cr_timecode_parse (cr_record_get (row, "record_start"), &fmt, &timeline->record_start, error))
    {
      g_prefix_error (error, "cut record_start: ");
      return NULL;
    }
  /* The cut's clips, markers and tags read together, not a few queries per clip. */
  if (!(rows = what == READ_FRAMES ? cr_cut_events_frames (db, cut, error) : cr_cut_events_list (db, cut, error)) ||
      !(tracks = cr_cut_events_tracks (db, cut, error)) ||
      !(clips = cr_cut_clips_read (db, cut, error)) ||
      (what == READ_ALL && !(extras = cr_cut_clip_extras_read (db, cut, error))))
    return NULL;
  for (guint r = 0; r < rows->len; r++)
    {
      CrCutEventRow *row = g_ptr_array_index (rows, r);
      const CrCutClip *clip = g_hash_table_lookup (clips, &row->clip);
      /* Each track's events follow one another: "A2" is sound track 2, "V" the picture. */
      const char *name = r < tracks->len ? g_ptr_array_index (tracks, r) : "V";
      guint track = name[0] == 'A' ? (guint) g_ascii_strtoull (name + 1, NULL, 10) : 0;
      const CrCutClipExtras *x;
      CrTimelineEvent *event;
      guint source;

      if (clip == NULL)
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "no clip #%" G_GINT64_FORMAT, row->clip);
          return NULL;
        }
      source = add_source (timeline, sources, clip);
      if (track >= ends->len)
        g_array_set_size (ends, track + 1);
      record = g_array_index (ends, gint64, track) + row->gap_before;
      event = track == 0 ? cr_timeline_add_event (timeline, source, row->in, row->out, record)
                         : cr_timeline_add_sound_event (timeline, track, source, row->in, row->out, record);
      event->position = r + 1;
      event->note = g_steal_pointer (&row->note);
      event->label = g_steal_pointer (&row->label);
      event->question = g_steal_pointer (&row->question);
      event->participants = g_steal_pointer (&row->participants);
      g_array_index (ends, gint64, track) = record + cr_timeline_event_get_length (timeline, event);
      if (what != READ_ALL)
        continue;
      event->transcript = said ? cr_transcript_words_get (said, row->clip, event->in, event->out) : NULL;

      /* The clip's markers inside the event, and its tags as keywords. */
      if (!(x = g_hash_table_lookup (extras, &row->clip)))
        continue;
      for (guint i = 0; i < x->frames->len; i++)
        {
          gint64 frame = g_array_index (x->frames, gint64, i);
          if (frame >= event->in && frame < event->out)
            cr_timeline_event_add_marker (event, frame, g_ptr_array_index (x->notes, i));
        }
      for (guint i = 0; i < x->tags->len; i++)
        cr_timeline_event_add_keyword (event, g_ptr_array_index (x->tags, i));
    }
  return g_steal_pointer (&timeline);
}

CrTimeline *
cr_cut_build_timeline (CrDb    *db,
                       gint64   cut,
                       GError **error)
{
  return build_timeline (db, cut, READ_ALL, error);
}

CrTimeline *
cr_cut_build_timeline_plain (CrDb    *db,
                             gint64   cut,
                             GError **error)
{
  return build_timeline (db, cut, READ_FRAMES, error);
}

CrTimeline *
cr_cut_build_timeline_words (CrDb    *db,
                             gint64   cut,
                             GError **error)
{
  return build_timeline (db, cut, READ_WORDS, error);
}

gboolean
cr_cut_clear_for_output (CrDb              *db,
                         gint64             cut,
                         const CrTimeline  *timeline,
                         const char        *path,
                         const char        *channel,
                         gboolean           allow_unconsented,
                         GPtrArray        **clearance,
                         CrOutput         **report,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = cr_cut_check_timeline (db, cut, timeline, channel, NULL, error);
  g_autofree char *report_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(CrOutput) output = NULL;
  guint problems;

  if (rows == NULL)
    return FALSE;
  problems = cr_clearance_count_problems (rows);
  if (clearance)
    *clearance = g_ptr_array_ref (rows);
  /* A refusal writes nothing: a report beside an earlier output must stay that output's. */
  if (problems > 0 && !allow_unconsented)
    {
      g_set_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED,
                   "%s: not written: %u consent problem%s (or give --allow-unconsented)",
                   path, problems, problems == 1 ? "" : "s");
      return FALSE;
    }
  /* Written first, so that a full disk fails before the output's work. */
  report_path = g_strconcat (path, ".clearance.csv", NULL);
  csv = cr_clearance_to_csv (rows);
  if (!(output = cr_output_begin (report_path, 0666, error)) || !cr_output_write (output, csv, strlen (csv), error))
    return FALSE;
  *report = g_steal_pointer (&output);
  return TRUE;
}

gboolean
cr_cut_placing_cb (gpointer   data,
                   GError   **error)
{
  CrCutPlacing *placing = data;

  return placing->func (placing->clearance, placing->data, error);
}

gboolean
cr_cut_export_placing (CrDb             *db,
                       gint64            cut,
                       CrExportFormat    format,
                       gconstpointer     options,
                       const char       *path,
                       const char       *channel,
                       gboolean          allow_unconsented,
                       CrCutPlacingFunc  placing,
                       gpointer          placing_data,
                       GPtrArray       **clearance,
                       GError          **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CrOutput) report = NULL;
  CrCutPlacing hook = { placing, placing_data, NULL };
  gboolean cleared;

  if (timeline == NULL)
    return FALSE;
  cleared = cr_cut_clear_for_output (db, cut, timeline, path, channel, allow_unconsented, &rows, &report, error);
  if (clearance && rows)
    *clearance = g_ptr_array_ref (rows);
  hook.clearance = rows;
  return cleared &&
         cr_timeline_export_file_placing (timeline, format, options, path, placing ? cr_cut_placing_cb : NULL,
                                          &hook, error) &&
         cr_output_commit (report, error) &&
         cr_cut_log_delivery (db, cut, path, "export", cr_export_format_to_string (format), channel, rows, error);
}

gboolean
cr_cut_export (CrDb            *db,
               gint64           cut,
               CrExportFormat   format,
               gconstpointer    options,
               const char      *path,
               const char      *channel,
               gboolean         allow_unconsented,
               GPtrArray      **clearance,
               GError         **error)
{
  return cr_cut_export_placing (db, cut, format, options, path, channel, allow_unconsented, NULL, NULL, clearance,
                                error);
}

/* An import that matched none of its events would be an empty cut, said with exit 0. */
static gboolean
some_event_matched (const CrTimeline  *timeline,
                    GArray            *clips,
                    const char        *path,
                    GPtrArray         *missing,
                    GError           **error)
{
  guint n = cr_timeline_count_all_events (timeline);
  g_autoptr(GString) names = g_string_new (NULL);

  /* A list with no events is no list of unknown clips: it is imported as it was. */
  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (clips, gint64, cr_timeline_get_any_event (timeline, i)->source) != 0)
      return TRUE;
  for (guint i = 0; i < missing->len && i < 3; i++)
    g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", (const char *) g_ptr_array_index (missing, i));
  if (missing->len > 3)
    g_string_append_printf (names, " and %u more", missing->len - 3);
  g_set_error (error, CR_CUT_ERROR, CR_CUT_ERROR_NO_MATCH,
               "%s: none of its %u %s is of a catalogued clip (no clip for %s); nothing was imported: "
               "catalogue the media first", path, n, n == 1 ? "event" : "events", names->str);
  return FALSE;
}

char *
cr_cut_import_name (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  /* "rough cut v3.fcpxml" is the cut "rough cut v3"; a name that is all extension stays. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

gint64
cr_cut_import (CrDb        *db,
               const char  *path,
               const char  *name,
               CrRate       rate,
               GPtrArray  **unmatched,
               GError     **error)
{
  return cr_cut_import_full (db, path, name, rate, unmatched, NULL, error);
}

gint64
cr_cut_import_full (CrDb        *db,
                    const char  *path,
                    const char  *name,
                    CrRate       rate,
                    GPtrArray  **unmatched,
                    GPtrArray  **warnings,
                    GError     **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrRecord) cut = cr_record_new (&cr_entity_cut);
  g_autoptr(GArray) clips = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree char *rate_text = NULL;
  g_autoptr(CrCutAppender) appender = NULL;
  g_autoptr(CrCutMatcher) matcher = NULL;
  g_autofree char *bundle = NULL;
  gint64 cut_id, previous_end = 0;
  gboolean from_edl = FALSE;

  /* A Final Cut Pro bundle (.fcpxmld) is a folder that holds its list as Info.fcpxml. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    bundle = g_build_filename (path, "Info.fcpxml", NULL);
  if (!g_file_get_contents (bundle ? bundle : path, &text, &len, error))
    return 0;
  if (g_str_has_suffix (path, ".otio"))
    timeline = cr_otio_read (text, len, error);
  else if (bundle || g_str_has_suffix (path, ".fcpxml") ||
           (g_str_has_suffix (path, ".xml") && strstr (text, "<fcpxml") != NULL))
    timeline = cr_fcpxml_read (text, len, error);
  else
    {
      CrEdlReadOptions options = { 0 };
      g_autoptr(CrRecord) production = cr_store_get (db, &cr_entity_production, 1, NULL);
      options.rate = rate.num > 0 ? rate : rate_of (production ? cr_record_get (production, "frame_rate") : NULL,
                                                    (CrRate) { 25, 1 });
      timeline = cr_edl_read (text, len, &options, error);
      from_edl = TRUE;
    }
  if (timeline == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return 0;
    }

  matcher = cr_cut_matcher_new (db);
  for (guint i = 0; i < timeline->sources->len; i++)
    {
      const CrTimelineSource *source = cr_timeline_get_source (timeline, i);
      gint64 clip = cr_cut_matcher_find (matcher, source);

      g_array_append_val (clips, clip);
      if (clip == 0)
        g_ptr_array_add (missing, g_strdup (cr_timeline_source_get_name (source)));
      else if (source->start_tc == 0 || source->duration <= 0)
        {
          /* The reader did not know where the media starts, or (an EDL of another editor)
           * gave a clip of another rate at the list's: now we do. */
          g_autoptr(CrRecord) row = cr_store_get (db, &cr_entity_clip, clip, NULL);
          CrRate clip_rate = { 0, 0 };
          gboolean clip_drop = FALSE;
          gint64 start = 0;

          if (row)
            clip_timecode (db, row, &clip_rate, &clip_drop, &start);
          if (row && from_edl && cr_rate_equal (source->rate, timeline->rate))
            cr_edl_read_source_at (timeline, i, clip_rate, clip_drop);
          cr_timeline_rebase_source (timeline, i, start, cr_clip_length_frames (db, clip));
        }
    }
  if (!some_event_matched (timeline, clips, path, missing, error))
    return 0;
  /* Only now, against the catalogued clips, can an event fall outside its media. */
  if (!cr_timeline_validate (timeline, error))
    {
      g_prefix_error (error, "%s: ", path);
      return 0;
    }

  rate_text = cr_rate_to_string (timeline->rate);
  cr_record_set (cut, "name", name);
  cr_record_set (cut, "frame_rate", rate_text);
  cr_record_set (cut, "drop_frame", timeline->drop_frame ? "1" : "0");
  cr_record_take (cut, "width", g_strdup_printf ("%d", timeline->width));
  cr_record_take (cut, "height", g_strdup_printf ("%d", timeline->height));
  {
    CrTimecodeFormat fmt = cr_timeline_get_format (timeline);
    cr_record_take (cut, "record_start", cr_timecode_to_string (timeline->record_start, &fmt));
  }
  if (!cr_db_begin (db, error))
    return 0;
  if (!(cut_id = cr_store_insert (db, cut, error)))
    goto fail;
  if (!(appender = cr_cut_appender_new (db, cut_id, error)))
    goto fail;
  for (guint i = 0; i < timeline->events->len; i++)
    {
      const CrTimelineEvent *e = cr_timeline_get_event (timeline, i);
      gint64 clip = g_array_index (clips, gint64, e->source);

      if (clip == 0)
        continue;
      /* An event that is exactly a select becomes that select again. */
      if (!cr_cut_appender_add (appender, clip, e->in, e->out, MAX (0, e->record - previous_end), e->note, error))
        goto fail;
      previous_end = e->record + cr_timeline_event_get_length (timeline, e);
    }
  /* Then each sound track, its gaps counted from its own previous event. */
  for (guint i = 0; i < timeline->sound_events->len; i++)
    {
      const CrTimelineEvent *e = g_ptr_array_index (timeline->sound_events, i);
      const CrTimelineEvent *before = i > 0 ? g_ptr_array_index (timeline->sound_events, i - 1) : NULL;
      gint64 clip = g_array_index (clips, gint64, e->source);
      g_autofree char *track = cr_timeline_track_name (e->track);

      if (before == NULL || before->track != e->track)
        previous_end = 0;
      if (clip == 0)
        continue;
      if (!cr_cut_appender_add_on_track (appender, track, clip, e->in, e->out, MAX (0, e->record - previous_end),
                                         e->note, error))
        goto fail;
      previous_end = e->record + cr_timeline_event_get_length (timeline, e);
    }
  if (!cr_db_commit (db, error))
    return 0;
  if (unmatched)
    *unmatched = g_steal_pointer (&missing);
  if (warnings)
    *warnings = g_ptr_array_ref (timeline->warnings);
  return cut_id;

fail:
  cr_db_rollback (db);
  return 0;
}
