/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cr-cli-commands.h"
#include "cr-cli-progress.h"
#include "cr-cli-entity.h"
#include "cr-clip-time.h"
#include "cr-cut.h"
#include "cr-edl.h"
#include "cr-fcpxml.h"
#include "cr-message.h"
#include "cr-otio.h"
#include "cr-mlt.h"
#include "cr-paperedit.h"
#include "cr-record-format.h"
#include "cr-store.h"
#include "cr-transcript.h"

static CrRecord *
find_cut (CrCli       *cli,
          const char  *name,
          GError     **error)
{
  if (!cr_cli_open (cli, error))
    return NULL;
  return cr_store_find (cli->db, &cr_entity_cut, name, error);
}

/* "Website" -> "website": the channel as consent records it. */
static gboolean
normalize_channel (CrCli    *cli,
                   char    **channel,
                   GError  **error)
{
  char *normal = NULL;

  if (*channel == NULL)
    return TRUE;
  if (!cr_field_normalize (cli->db, &cr_entity_consent, cr_entity_find_field (&cr_entity_consent, "channels"),
                           *channel, NULL, &normal, error))
    return FALSE;
  g_free (*channel);
  *channel = normal;
  return TRUE;
}

/* "Story: 1 event", "Story: 3 events". */
static void
print_event_count (const char *cut,
                   guint       count)
{
  g_print ("%s: %u %s\n", cut, count, count == 1 ? "event" : "events");
}

/* "1280x720" into width and height; the store checks their range. */
static gboolean
set_size (CrRecord    *input,
          const char  *size,
          GError     **error)
{
  int w, h;
  char tail;

  if (sscanf (size, "%dx%d%c", &w, &h, &tail) != 2)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "cut size: “%s” is not WxH", size);
      return FALSE;
    }
  cr_record_take (input, "width", g_strdup_printf ("%d", w));
  cr_record_take (input, "height", g_strdup_printf ("%d", h));
  return TRUE;
}

static int
cut_new (CrCli  *cli,
         int     argc,
         char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("NAME");
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_cut);
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL, *size = NULL, *start = NULL;
  gboolean drop = FALSE;
  GOptionEntry entries[] = {
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate, "Timeline frame rate (default: the production's)", "FPS" },
    { "drop-frame", 0, 0, G_OPTION_ARG_NONE, &drop, "Drop-frame timecode (29.97, 59.94)", NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Frame size (default 1920x1080)", "WxH" },
    { "record-start", 0, 0, G_OPTION_ARG_STRING, &start, "Record start timecode (default 01:00:00:00)", "TC" },
    { NULL }
  };
  gint64 id;
  int status;

  g_option_context_set_summary (context, "Make an empty cut.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: give the cut a NAME", argv[0]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  cr_record_set (input, "name", argv[1]);
  if (rate)
    cr_record_set (input, "frame_rate", rate);
  cr_record_set (input, "drop_frame", drop ? "1" : "0");
  if (start)
    cr_record_set (input, "record_start", start);
  if (size && !set_size (input, size, &error))
    return cr_cli_fail (error);
  if (!(id = cr_store_insert (cli->db, input, &error)))
    return cr_cli_fail (error);
  g_print ("added cut #%" G_GINT64_FORMAT " “%s”\n", id, argv[1]);
  return CR_EXIT_OK;
}

/* The options of cut new; the store refuses what cannot be shown or exported (a ";" start
 * without drop frame, a label drop frame skips) and then changes nothing. */
static int
cut_edit (CrCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT");
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_cut);
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *rate = NULL, *drop = NULL, *size = NULL, *start = NULL, *notes = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "A new name", "NAME" },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate, "Timeline frame rate", "FPS" },
    { "drop-frame", 0, 0, G_OPTION_ARG_STRING, &drop, "Drop-frame timecode (29.97, 59.94)", "yes|no" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Frame size", "WxH" },
    { "record-start", 0, 0, G_OPTION_ARG_STRING, &start, "Record start timecode", "TC" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, "Notes (empty clears them)", "TEXT" },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context, "Change a cut: give only what changes.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one CUT", argv[0]);
  if (!name && !rate && !drop && !size && !start && !notes)
    return cr_cli_usage (argv[0], "%s: nothing to change", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (name)
    cr_record_set (changes, "name", name);
  if (rate)
    cr_record_set (changes, "frame_rate", rate);
  if (drop)
    cr_record_set (changes, "drop_frame", drop);
  if (start)
    cr_record_set (changes, "record_start", start);
  if (notes)
    cr_record_set (changes, "notes", notes);
  if ((size && !set_size (changes, size, &error)) ||
      !cr_store_update (cli->db, &cr_entity_cut, cut->id, changes, &error))
    return cr_cli_fail (error);
  g_print ("changed cut #%" G_GINT64_FORMAT "\n", cut->id);
  return CR_EXIT_OK;
}

static int
cut_list (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_list (cli, &cr_entity_cut, argc, argv);
}

/* The picture track's events, then the sound tracks' (by track, in record order). */
static const CrTimelineEvent *
any_event (const CrTimeline *timeline,
           guint             i)
{
  return i < timeline->events->len ? g_ptr_array_index (timeline->events, i)
                                   : g_ptr_array_index (timeline->sound_events, i - timeline->events->len);
}

static int
cut_show (CrCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("NAME");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  CrTimecodeFormat fmt;
  g_autofree char *total = NULL, *shown = NULL;
  int status;

  g_option_context_set_summary (context, "The cut's events with source and record timecodes, and its duration.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one cut", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)) || !(timeline = cr_cut_build_timeline (cli->db, cut->id, &error)))
    return cr_cli_fail (error);
  fmt = cr_timeline_get_format (timeline);
  total = cr_timecode_to_string (cr_timeline_get_duration (timeline), &(CrTimecodeFormat) { fmt.rate, FALSE });

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cut");
      json_builder_add_value (b, cr_record_to_json (cli->db, cut));
      json_builder_set_member_name (b, "duration_frames");
      json_builder_add_int_value (b, cr_timeline_get_duration (timeline));
      json_builder_set_member_name (b, "duration");
      json_builder_add_string_value (b, total);
      json_builder_set_member_name (b, "events");
      json_builder_begin_array (b);
      for (guint i = 0; i < timeline->events->len + timeline->sound_events->len; i++)
        {
          const CrTimelineEvent *e = any_event (timeline, i);
          g_autofree char *track = cr_timeline_track_name (e->track);
          const CrTimelineSource *s = cr_timeline_get_source (timeline, e->source);
          CrTimecodeFormat sf = cr_timeline_source_get_format (s);
          g_autofree char *in = cr_timecode_to_string (s->start_tc + e->in, &sf);
          g_autofree char *out = cr_timecode_to_string (s->start_tc + e->out, &sf);
          g_autofree char *rec = cr_timecode_to_string (timeline->record_start + e->record, &fmt);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "position");
          json_builder_add_int_value (b, e->position);
          json_builder_set_member_name (b, "track");
          json_builder_add_string_value (b, track);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, cr_timeline_source_get_name (s));
          json_builder_set_member_name (b, "in_frame");
          json_builder_add_int_value (b, e->in);
          json_builder_set_member_name (b, "out_frame");
          json_builder_add_int_value (b, e->out);
          json_builder_set_member_name (b, "source_in");
          json_builder_add_string_value (b, in);
          json_builder_set_member_name (b, "source_out");
          json_builder_add_string_value (b, out);
          json_builder_set_member_name (b, "record_in");
          json_builder_add_string_value (b, rec);
          json_builder_set_member_name (b, "length_frames");
          json_builder_add_int_value (b, cr_timeline_event_get_length (timeline, e));
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, e->label);
          json_builder_set_member_name (b, "participants");
          json_builder_add_string_value (b, e->participants);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cr_cli_print_json (root);
      return CR_EXIT_OK;
    }

  /* One row a line, as `clips` prints them: line breaks, tabs and escapes in a name shown escaped. */
  shown = cr_message_text (cr_record_get (cut, "name"), 0);
  g_print ("%s: %u %s, %s (%" G_GINT64_FORMAT " %s at %d/%d)\n", shown, timeline->events->len,
           timeline->events->len == 1 ? "event" : "events", total, cr_timeline_get_duration (timeline),
           cr_timeline_get_duration (timeline) == 1 ? "frame" : "frames", fmt.rate.num, fmt.rate.den);
  /* The picture track's events, then each sound track's under its name. */
  for (guint i = 0; i < timeline->events->len + timeline->sound_events->len; i++)
    {
      const CrTimelineEvent *e = any_event (timeline, i);
      const CrTimelineEvent *before = i > 0 ? any_event (timeline, i - 1) : NULL;
      const CrTimelineSource *s = cr_timeline_get_source (timeline, e->source);
      CrTimecodeFormat sf = cr_timeline_source_get_format (s);
      g_autofree char *in = cr_timecode_to_string (s->start_tc + e->in, &sf);
      g_autofree char *out = cr_timecode_to_string (s->start_tc + e->out, &sf);
      g_autofree char *rec = cr_timecode_to_string (timeline->record_start + e->record, &fmt);
      g_autofree char *name = cr_message_text (cr_timeline_source_get_name (s), 0);
      g_autofree char *label = cr_message_text (e->label ? e->label : "", 0);
      g_autofree char *people = cr_message_text (e->participants ? e->participants : "", 0);

      if (e->track > 0 && (before == NULL || before->track != e->track))
        {
          g_autofree char *track = cr_timeline_track_name (e->track);
          guint n = 0;

          for (guint j = 0; j < timeline->sound_events->len; j++)
            n += ((const CrTimelineEvent *) g_ptr_array_index (timeline->sound_events, j))->track == e->track;
          g_print ("%s, sound only: %u %s\n", track, n, n == 1 ? "event" : "events");
        }
      g_print ("%3u  %s  %s %s → %s  %s%s%s\n", e->position, rec, name, in, out, label,
               e->participants ? " — " : "", people);
    }
  return CR_EXIT_OK;
}

static int
cut_add (CrCli  *cli,
         int     argc,
         char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(CrRecord) select = NULL;
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *select_name = NULL, *clip_name = NULL, *in = NULL, *out = NULL, *note = NULL;
  g_autofree char *track = NULL;
  gint64 gap = 0, in_f = 0, out_f = 0;
  int at = 0, status;
  GOptionEntry entries[] = {
    { "select", 's', 0, G_OPTION_ARG_STRING, &select_name, "Add this select", "ID" },
    { "clip", 'c', 0, G_OPTION_ARG_STRING, &clip_name, "Or a range of this clip (with --in, --out)", "CLIP" },
    { "in", 'i', 0, G_OPTION_ARG_STRING, &in, "In point in the clip's timecode", "TC" },
    { "out", 'o', 0, G_OPTION_ARG_STRING, &out, "Out point (exclusive)", "TC" },
    { "gap", 0, 0, G_OPTION_ARG_INT64, &gap, "Frames of black before it", "FRAMES" },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, "A note on the event", "TEXT" },
    { "at", 0, 0, G_OPTION_ARG_INT, &at, "Position (default: the end)", "N" },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, "Sound track A1, A2…: only its sound, after that track's last "
      "event (default: V, the picture)", "TRACK" },
    { NULL }
  };

  g_option_context_set_summary (context, "Add an event to a cut: a select, or a range of a clip.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || (select_name == NULL) == (clip_name == NULL))
    return cr_cli_usage (argv[0], "%s: name the CUT and either --select or --clip", argv[0]);
  if (clip_name && (in == NULL || out == NULL))
    return cr_cli_usage (argv[0], "%s: --clip needs --in and --out", argv[0]);
  if (gap < 0 || at < 0)
    return cr_cli_usage (argv[0], "%s: --gap and --at must not be negative", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (select_name && !(select = cr_store_find (cli->db, &cr_entity_select, select_name, &error)))
    return cr_cli_fail (error);
  if (clip_name)
    {
      if (!(clip = cr_store_find (cli->db, &cr_entity_clip, clip_name, &error)) ||
          !cr_clip_parse_position (cli->db, clip->id, in, &in_f, &error) ||
          !cr_clip_parse_position (cli->db, clip->id, out, &out_f, &error))
        {
          g_prefix_error (&error, "event: ");
          return cr_cli_fail (error);
        }
    }
  if (!cr_cut_add_event_on_track (cli->db, cut->id, track, select ? select->id : 0, clip ? clip->id : 0, in_f, out_f,
                                  gap, note, (guint) at, &error))
    return cr_cli_fail (error);
  print_event_count (cr_record_get (cut, "name"), cr_cut_count_events (cli->db, cut->id));
  return CR_EXIT_OK;
}

static int
positional_ints (int argc, char **argv, int first, guint *a, guint *b)
{
  for (int i = first; i < argc; i++)
    {
      char *end = NULL;
      guint64 v = g_ascii_strtoull (argv[i], &end, 10);
      if (end == argv[i] || *end != '\0' || v == 0 || v > G_MAXUINT)
        return cr_cli_usage (argv[0], "%s: “%s” is not an event position", argv[0], argv[i]);
      *(i == first ? a : b) = (guint) v;
    }
  return -1;
}

static int
cut_move (CrCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT FROM TO");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GError) error = NULL;
  guint from = 0, to = 0;
  int status;

  g_option_context_set_summary (context, "Move the event at position FROM to position TO.");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cr_cli_usage (argv[0], "%s: give CUT FROM TO", argv[0]);
  if ((status = positional_ints (argc, argv, 2, &from, &to)) >= 0)
    return status;
  if (!(cut = find_cut (cli, argv[1], &error)) || !cr_cut_move_event (cli->db, cut->id, from, to, &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

static int
cut_rm (CrCli  *cli,
        int     argc,
        char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT [POSITION]");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0, unused = 0;
  int status;

  g_option_context_set_summary (context, "Remove the event at POSITION, or with no position the whole cut.");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 && argc != 3)
    return cr_cli_usage (argv[0], "%s: give CUT [POSITION]", argv[0]);
  if (argc == 3 && (status = positional_ints (argc, argv, 2, &position, &unused)) >= 0)
    return status;
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (position ? !cr_cut_remove_event (cli->db, cut->id, position, &error)
               : !cr_store_delete (cli->db, &cr_entity_cut, cut->id, &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

static int
cut_duplicate (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT NEW-NAME");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, "Copy a cut with all its events under a new name.");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cr_cli_usage (argv[0], "%s: give CUT NEW-NAME", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)) || !cr_cut_duplicate (cli->db, cut->id, argv[2], &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

static int
cut_stringout (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("NAME");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) questions = NULL;
  g_autofree char *tag = NULL, *search = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int min_rating = -1, status;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      "Instead: the passages of any transcript that say this (an FTS5 query, as for 'transcript search')", "WORDS" },
    { "question", 'q', 0, G_OPTION_ARG_STRING_ARRAY, &questions, "Selects answering this question (repeat; in this order)", "ID" },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag, "Selects from clips with this tag", "TAG" },
    { "min-rating", 'r', 0, G_OPTION_ARG_INT, &min_rating, "Selects rated at least N", "N" },
    { NULL }
  };
  CrStringout what = { 0 };
  gint64 cut;

  g_option_context_set_summary (context,
    "Make a cut NAME from every select that answers the chosen questions (in question order,\n"
    "then by participant), or that matches a tag or a minimum rating.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: give the new cut a NAME", argv[0]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (search)
    {
      if (questions || tag || min_rating >= 0)
        return cr_cli_usage (argv[0], "%s: --search makes a cut of its own: no --question, --tag or --min-rating", argv[0]);
      g_autofree char *query = cr_transcript_search_query (search);
      if (!(cut = cr_transcript_stringout (cli->db, argv[1], query, &error)))
        return cr_cli_fail (error);
      print_event_count (argv[1], cr_cut_count_events (cli->db, cut));
      return CR_EXIT_OK;
    }
  for (guint i = 0; questions && questions[i]; i++)
    {
      g_autoptr(CrRecord) q = cr_store_find (cli->db, &cr_entity_question, questions[i], &error);
      if (q == NULL)
        return cr_cli_fail (error);
      g_array_append_val (ids, q->id);
    }
  what.questions = ids;
  what.tag = tag;
  what.min_rating = min_rating;
  if (!(cut = cr_cut_stringout (cli->db, argv[1], &what, &error)))
    return cr_cli_fail (error);
  print_event_count (argv[1], cr_cut_count_events (cli->db, cut));
  return CR_EXIT_OK;
}

static void
print_problems (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CrClearance *r = g_ptr_array_index (rows, i);
      if (r->problem)
        g_printerr ("event %u (%s %s–%s): %s: %s\n", r->event, r->source, r->source_in, r->source_out,
                    r->participant ? r->participant : "(nobody linked)", r->problem);
    }
}

/* --allow-unconsented: each person and reason, and that the delivery log has it. */
static void
print_override (GPtrArray *rows)
{
  g_autofree char *warning = rows ? cr_clearance_override_warning (rows) : NULL;

  if (warning)
    g_printerr ("%scasereel: warning: written despite %u consent problem%s; recorded in the delivery log"
                " (see 'casereel deliveries')\n", warning, cr_clearance_count_problems (rows),
                cr_clearance_count_problems (rows) == 1 ? "" : "s");
}

static int
cut_check (CrCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *channel = NULL, *on = NULL, *report = NULL;
  GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, "Where it will be shown: internal, website, social-media, funder-report, broadcast", "CHANNEL" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "Check as of DATE (default today)", "YYYY-MM-DD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &report, "Also write the clearance report (CSV)", "FILE" },
    { NULL }
  };
  guint problems;
  int status;

  g_option_context_set_summary (context,
    "Check everyone in every event against their consent. Lists each problem with the event,\n"
    "the person and the reason; exit status 3 when there are problems.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one cut", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (!normalize_channel (cli, &channel, &error))
    return cr_cli_fail (error);
  if (!(rows = cr_cut_check (cli->db, cut->id, channel, on, &error)))
    return cr_cli_fail (error);
  if (report)
    {
      g_autofree char *csv = cr_clearance_to_csv (rows);
      if (!cr_cli_write_output (report, csv, strlen (csv), &error))
        return cr_cli_fail (error);
    }
  print_problems (rows);
  problems = cr_clearance_count_problems (rows);
  g_print ("%s: %u event%s, %u consent problem%s\n", cr_record_get (cut, "name"), cr_cut_count_events (cli->db, cut->id),
           cr_cut_count_events (cli->db, cut->id) == 1 ? "" : "s", problems, problems == 1 ? "" : "s");
  return problems ? CR_EXIT_UNCONSENTED : CR_EXIT_OK;
}

static int
cut_export (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL, *output = NULL, *channel = NULL, *version = NULL;
  gboolean allow = FALSE, no_clip_names = FALSE, ascii = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "edl, fcpxml, otio, mlt, paper-csv, paper-text (default: from the file name)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The edit list to write", "FILE" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, "Where it will be shown, for the consent check", "CHANNEL" },
    { "allow-unconsented", 0, 0, G_OPTION_ARG_NONE, &allow, "Export even when the consent check fails", NULL },
    { "fcpxml-version", 0, 0, G_OPTION_ARG_STRING, &version, "1.9 (default), 1.10 or 1.11", "V" },
    { "no-clip-names", 0, 0, G_OPTION_ARG_NONE, &no_clip_names, "EDL: leave out * FROM CLIP NAME comments", NULL },
    { "ascii", 0, 0, G_OPTION_ARG_NONE, &ascii, "EDL: ASCII only, for old systems (Zoë as Zoe)", NULL },
    { NULL }
  };
  CrExportFormat format;
  CrEdlOptions edl = { 0 };
  CrFcpxmlOptions fcpxml = { 0 };
  gconstpointer options = NULL;
  int status;

  g_option_context_set_summary (context,
    "Write the cut as an edit list, next to a clearance report (FILE.clearance.csv). Refuses\n"
    "with exit status 3 when anyone's consent does not allow it, unless --allow-unconsented.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return cr_cli_usage (argv[0], "%s: name one cut and give -o FILE", argv[0]);
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');
      format_name = g_strdup (dot ? dot + 1 : "");
      if (g_str_equal (format_name, "xml") || g_str_equal (format_name, "kdenlive"))
        g_free (format_name), format_name = g_strdup ("mlt");
    }
  if (!cr_export_format_parse (format_name, &format, &error))
    return cr_cli_usage (argv[0], "%s: %s", argv[0], error->message);
  if (format == CR_EXPORT_EDL)
    {
      edl.no_clip_names = no_clip_names;
      edl.ascii = ascii;
      options = &edl;
    }
  else if (format == CR_EXPORT_FCPXML)
    {
      if (version && !cr_fcpxml_version_parse (version, &fcpxml.version, &error))
        return cr_cli_usage (argv[0], "%s: %s", argv[0], error->message);
      if (version == NULL)
        cr_fcpxml_version_parse ("1.9", &fcpxml.version, NULL);
      options = &fcpxml;
    }
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (!normalize_channel (cli, &channel, &error))
    return cr_cli_fail (error);
  if (!cr_cut_export (cli->db, cut->id, format, options, output, channel, allow, &rows, &error))
    {
      if (rows)
        print_problems (rows);
      status = cr_cli_fail (error);
      return g_error_matches (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED) ? CR_EXIT_UNCONSENTED : status;
    }
  print_override (rows);
  g_print ("%s\n", output);
  return CR_EXIT_OK;
}

static void
render_progress (gint64   done,
                 gint64   total,
                 gpointer user_data)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " frames", done, total);

  cr_cli_progress_update (user_data, total > 0 ? (double) done / total : 1.0, text);
}

static int
cut_render (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CUT");
  g_autoptr(CrRecord) cut = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *output = NULL, *channel = NULL;
  CrCutRenderOptions options = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The review copy to write (MP4)", "FILE" },
    { "burn-timecode", 0, 0, G_OPTION_ARG_NONE, &options.burn_timecode, "Burn in each frame's source timecode", NULL },
    { "burn-names", 0, 0, G_OPTION_ARG_NONE, &options.burn_names, "Burn in who is seen, as their consent allows naming them", NULL },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, "Where it will be shown, for the consent check", "CHANNEL" },
    { "allow-unconsented", 0, 0, G_OPTION_ARG_NONE, &options.allow_unconsented, "Render even when the consent check fails", NULL },
    { NULL }
  };
  g_autoptr(CrCliProgress) progress = NULL;
  gboolean ok;
  int status;

  g_option_context_set_summary (context,
    "Render a review copy of the cut (H.264/AAC MP4 at the cut's size and rate), next to a\n"
    "clearance report. Ctrl+C stops and leaves no partial file.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return cr_cli_usage (argv[0], "%s: name one cut and give -o FILE", argv[0]);
  if (!(cut = find_cut (cli, argv[1], &error)))
    return cr_cli_fail (error);
  if (!normalize_channel (cli, &channel, &error))
    return cr_cli_fail (error);
  options.channel = channel;
  progress = cr_cli_progress_begin (cancellable);
  cr_cli_progress_print_lines (progress, "render");
  ok = cr_cut_render (cli->db, cut->id, output, &options, render_progress, progress, cancellable, &rows, &error);
  g_clear_pointer (&progress, cr_cli_progress_end);
  if (!ok)
    {
      if (rows)
        print_problems (rows);
      status = cr_cli_fail (error);
      return g_error_matches (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED) ? CR_EXIT_UNCONSENTED : status;
    }
  print_override (rows);
  g_print ("%s\n", output);
  return CR_EXIT_OK;
}

static int
cut_import (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *rate_text = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Name of the new cut (default: the file's name)", "NAME" },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text, "EDL frame rate if the file does not say", "FPS" },
    { NULL }
  };
  CrRate rate = { 0, 0 };
  gint64 cut;
  int status;

  g_option_context_set_summary (context,
    "Read a CMX3600 EDL, an OpenTimelineIO or FCPXML file (or .fcpxmld bundle) into a new cut,\n"
    "matching its sources to catalogued clips by path, file name or reel name; lists what it\n"
    "could not match.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one FILE", argv[0]);
  if (rate_text && !cr_rate_parse (rate_text, &rate, &error))
    return cr_cli_usage (argv[0], "%s: %s", argv[0], error->message);
  if (name == NULL)
    name = cr_cut_import_name (argv[1]);
  if (!cr_cli_open (cli, &error) ||
      !(cut = cr_cut_import_full (cli->db, argv[1], name, rate, &unmatched, &warnings, &error)))
    return cr_cli_fail (error);
  for (guint i = 0; warnings && i < warnings->len; i++)
    g_printerr ("casereel: warning: %s\n", (const char *) g_ptr_array_index (warnings, i));
  for (guint i = 0; unmatched && i < unmatched->len; i++)
    g_printerr ("casereel: warning: no catalogued clip for “%s”; its events were left out\n",
                (const char *) g_ptr_array_index (unmatched, i));
  print_event_count (name, cr_cut_count_events (cli->db, cut));
  return CR_EXIT_OK;
}

int
cr_cli_cut (CrCli  *cli,
            int     argc,
            char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "new", "an empty cut (--rate, --size, --record-start)", cut_new },
    { "edit", "change its name, rate, drop frame, size or record start", cut_edit },
    { "list", "list cuts", cut_list },
    { "show", "events and total duration (--json)", cut_show },
    { "add", "add a select or a clip range", cut_add },
    { "move", "move an event", cut_move },
    { "rm", "remove an event, or the cut", cut_rm },
    { "duplicate", "copy a cut", cut_duplicate },
    { "stringout", "a cut of every select answering questions, with a tag or rating", cut_stringout },
    { "check", "check everyone in the cut against their consent", cut_check },
    { "export", "write an edit list (EDL, FCPXML, OTIO, MLT, paper edit)", cut_export },
    { "render", "a review copy as MP4 (--burn-timecode, --burn-names)", cut_render },
    { "import", "read an EDL, OTIO or FCPXML file (or .fcpxmld) into a new cut", cut_import },
    { NULL }
  };
  return cr_cli_dispatch (cli, "cut", verbs, argc, argv);
}
