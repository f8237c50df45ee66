/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-cli-commands.h"
#include "cr-cli-progress.h"
#include "cr-cut-sources.h"
#include "cr-store.h"
#include "cr-extract.h"
#include "cr-output.h"
#include "cr-probe.h"
#include "cr-thumbnail.h"

/* `casereel probe`, `thumb` and `extract`: one media file, no production needed. */

/* Seconds as "12.5", "12.5s" or "90", exactly (no floating point): microseconds. */
static gboolean
parse_seconds (const char *text,
               gint64     *out_us)
{
  gint64 whole = 0, frac = 0, scale = G_USEC_PER_SEC;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > G_MAXINT64 / G_USEC_PER_SEC / 10)
        return FALSE;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      if (scale > 1)
        {
          scale /= 10;
          frac += (*p - '0') * scale;
        }
  if (*p == 's')
    p++;
  if (*p != '\0')
    return FALSE;
  *out_us = whole * G_USEC_PER_SEC + frac;
  return TRUE;
}

/* A position in the file: its own timecode (HH:MM:SS:FF, ;FF for drop-frame) or seconds from
 * its first frame. Timecode counts at the file's timecode rate, or at its video rate from
 * 00:00:00:00 when it has none. */
static gboolean
parse_position (const CrProbe  *probe,
                const char     *option,
                const char     *text,
                gint64         *out_us,
                GError        **error)
{
  const CrProbeStream *video = cr_probe_get_first_stream (probe, CR_STREAM_VIDEO);
  CrTimecodeFormat fmt = { { 0, 0 }, FALSE };
  gint64 start = 0, label, day;

  if (strchr (text, ':') == NULL && strchr (text, ';') == NULL)
    {
      if (parse_seconds (text, out_us))
        return TRUE;
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%s: “%s” is not a position (write the file's timecode HH:MM:SS:FF or seconds such as 12.5)",
                   option, text);
      return FALSE;
    }
  if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
    {
      fmt = probe->timecode.format;
      start = probe->timecode.frames;
    }
  else if (video != NULL && video->frame_rate.num > 0)
    {
      fmt.rate = video->frame_rate;
      fmt.drop_frame = cr_timecode_text_is_drop (text);
    }
  else
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID,
                   "%s: the file has no timecode and no frame rate to count one; give seconds", option);
      return FALSE;
    }
  if (!cr_timecode_parse (text, &fmt, &label, error))
    {
      g_prefix_error (error, "%s: ", option);
      return FALSE;
    }
  /* A recording that runs past midnight counts on from 00:00:00:00. */
  day = cr_timecode_frames_per_day (&fmt);
  *out_us = cr_frames_to_usec (((label - start) % day + day) % day, fmt.rate);
  return TRUE;
}

static char *
format_timecode (gint64                  frames,
                 const CrTimecodeFormat *fmt)
{
  g_autofree char *label = cr_timecode_to_string (frames, fmt);
  g_autofree char *rate = cr_rate_to_string (fmt->rate);

  return g_strdup_printf ("%s at %s", label, rate);
}

/* probe ---------------------------------------------------------------------------------- */

static void
print_probe (const CrProbe *probe)
{
  const CrProbeRecorder *rec = &probe->recorder;

  g_print ("%s\n", probe->path);
  g_print ("  format     %s (%s)\n", probe->format_long ? probe->format_long : probe->format, probe->format);
  if (probe->duration_us >= 0)
    g_print ("  duration   %" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT " s\n",
             probe->duration_us / G_USEC_PER_SEC, probe->duration_us % G_USEC_PER_SEC);
  if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
    {
      g_autofree char *tc = format_timecode (probe->timecode.frames, &probe->timecode.format);
      g_print ("  timecode   %s (%s%s)\n", tc, cr_timecode_source_to_string (probe->timecode.source),
               probe->timecode.rate_from_caller ? ", rate assumed" : "");
      if (probe->timecode.rate_mismatch)
        {
          g_autofree char *video = cr_rate_to_string (probe->timecode.video_rate);
          g_print ("  note       the timecode track counts at another rate than the video (%s)\n", video);
        }
    }
  for (guint i = 0; i < probe->streams->len; i++)
    {
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "  #%d %-7s %s", s->index, cr_stream_type_to_string (s->type),
                              s->codec ? s->codec : (s->codec_tag ? s->codec_tag : "?"));
      if (s->profile)
        g_string_append_printf (line, " (%s)", s->profile);
      if (s->type == CR_STREAM_VIDEO)
        {
          g_autofree char *rate = s->frame_rate.num ? cr_rate_to_string (s->frame_rate) : g_strdup ("?");
          g_string_append_printf (line, " %dx%d %s fps", s->width, s->height, rate);
          if (s->variable_frame_rate)
            g_string_append (line, " variable");
          if (s->pixel_format)
            g_string_append_printf (line, " %s", s->pixel_format);
          if (s->rotation)
            g_string_append_printf (line, " rotated %d°", s->rotation);
        }
      else if (s->type == CR_STREAM_AUDIO)
        g_string_append_printf (line, " %d Hz %d ch%s%s", s->sample_rate, s->channels,
                                s->channel_layout ? " " : "", s->channel_layout ? s->channel_layout : "");
      g_print ("%s\n", line->str);
    }
  if (rec->scene || rec->take || rec->tape)
    g_print ("  recorder   scene %s, take %s, tape %s\n", rec->scene ? rec->scene : "-",
             rec->take ? rec->take : "-", rec->tape ? rec->tape : "-");
  if (rec->camera_make || rec->camera_model)
    g_print ("  camera     %s %s\n", rec->camera_make ? rec->camera_make : "", rec->camera_model ? rec->camera_model : "");
  g_print ("  identity   %s\n", probe->identity);
}

/* The one rule for a Broadcast WAV whose file names no timecode rate, in probe, extract and
 * thumb as in the catalogue: --tc-rate when given; else the rate the production catalogued the
 * file's timecode at (the rate its selects were logged in); else the production's rate, as the
 * catalogue counts a new file; else (no production) none. Never makes a production. */
static gboolean
bwf_timecode_rate (CrCli            *cli,
                   const char       *path,
                   const char       *option,
                   const char       *command,
                   CrTimecodeFormat *fmt,
                   GError          **error)
{
  CrDb *db;

  *fmt = (CrTimecodeFormat) { { 0, 0 }, FALSE };
  if (option != NULL)
    {
      gsize n = strspn (option, "0123456789./");
      g_autofree char *number = g_strndup (option, n);
      g_autoptr(GError) local_error = NULL;

      if (!cr_rate_parse (number, &fmt->rate, &local_error))
        {
          g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED, "%s: --tc-rate: %s", command,
                       local_error->message);
          return FALSE;
        }
      fmt->drop_frame = g_ascii_strcasecmp (option + n, "DF") == 0;
      return TRUE;
    }
  if (!cli->project_given && !g_file_test (cli->project_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if ((db = cr_cli_open (cli, NULL)) != NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      gint64 clip = cr_clip_find_by_path (db, absolute);
      g_autoptr(CrRecord) row = clip > 0 ? cr_store_get (db, &cr_entity_clip, clip, NULL) : NULL;
      g_autoptr(CrRecord) production = cr_store_get (db, &cr_entity_production, 1, NULL);
      const char *rate = row && cr_record_get (row, "tc_start") ? cr_record_get (row, "tc_rate") : NULL;

      if (rate != NULL && cr_rate_parse (rate, &fmt->rate, NULL))
        fmt->drop_frame = cr_record_get_int (row, "tc_drop", 0);
      else if (production && cr_record_get (production, "frame_rate"))
        cr_rate_parse (cr_record_get (production, "frame_rate"), &fmt->rate, NULL);
    }
  return TRUE;
}

int
cr_cli_probe (CrCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *rate = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Every field, as JSON", NULL },
    { "tc-rate", 0, 0, G_OPTION_ARG_STRING, &rate,
      "Rate to count a Broadcast Wave time reference at when the file names none (25, 29.97DF…)", "RATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — what a media file holds");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = NULL;
  CrProbeOptions options = { { { 0, 0 }, FALSE }, 0 };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage ("probe", "probe: name one FILE");
  if (!bwf_timecode_rate (cli, argv[1], rate, "probe", &options.fallback_timecode, &error))
    return cr_cli_usage ("probe", "%s", error->message);

  probe = cr_probe_file (argv[1], &options, NULL, &error);
  if (probe == NULL)
    return cr_cli_fail (error);
  if (probe->warning != NULL)
    g_printerr ("casereel: warning: %s\n", probe->warning);
  if (json)
    {
      g_autoptr(JsonNode) node = cr_probe_to_json (probe);
      cr_cli_print_json (node);
    }
  else
    print_probe (probe);
  return CR_EXIT_OK;
}

/* thumb ---------------------------------------------------------------------------------- */

int
cr_cli_thumb (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *at = NULL, *out = NULL;
  int size = 0, strip = 0;
  gboolean cache = FALSE;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "The file's timecode or seconds (default: a tenth in)", "TC|SECONDS" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "The PNG to write", "OUT.png" },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, "Longer side in pixels (default 256)", "PIXELS" },
    { "strip", 0, 0, G_OPTION_ARG_INT, &strip, "N frames across the clip, side by side, SIZE high", "N" },
    { "cache", 0, 0, G_OPTION_ARG_NONE, &cache,
      "Put it in the shared thumbnail cache (--size 128, 256, 512 or 1024); print its path", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — a poster frame (a waveform for sound)");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  CrThumbnailOptions options = { CR_THUMBNAIL_DEFAULT_TIME, 0 };
  gint64 frame_us = -1;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage ("thumb", "thumb: name one FILE");
  if (cache)
    {
      CrThumbnailSize which = CR_THUMBNAIL_LARGE;
      g_autofree char *path = NULL;

      if (size > 0 && size <= CR_THUMBNAIL_NORMAL)
        which = CR_THUMBNAIL_NORMAL;
      else if (size > CR_THUMBNAIL_X_LARGE)
        which = CR_THUMBNAIL_XX_LARGE;
      else if (size > CR_THUMBNAIL_LARGE)
        which = CR_THUMBNAIL_X_LARGE;
      path = cr_thumbnail_cache_write (argv[1], which, NULL, &error);
      if (path == NULL)
        return cr_cli_fail (error);
      g_print ("%s\n", path);
      return CR_EXIT_OK;
    }
  if (out == NULL)
    return cr_cli_usage ("thumb", "thumb: -o OUT.png is required");
  if (size < 0 || strip < 0)
    return cr_cli_usage ("thumb", "thumb: --size and --strip must be positive");

  if (at != NULL)
    {
      CrProbeOptions probe_options = { { { 0, 0 }, FALSE }, 0 };
      g_autoptr(CrProbe) probe = NULL;

      if (!bwf_timecode_rate (cli, argv[1], NULL, "thumb", &probe_options.fallback_timecode, &error))
        return cr_cli_usage ("thumb", "%s", error->message);
      probe = cr_probe_file (argv[1], &probe_options, NULL, &error);
      if (probe == NULL)
        return cr_cli_fail (error);
      if (!parse_position (probe, "--at", at, &options.at_us, &error))
        return cr_cli_usage ("thumb", "thumb: %s", error->message);
      /* Past the end the decoder would give the last frame, as if it were the one asked for. */
      if (probe->duration_us >= 0 && options.at_us >= probe->duration_us)
        return cr_cli_usage ("thumb", "thumb: --at %s is past the end of %s (it lasts %" G_GINT64_FORMAT
                             ".%03" G_GINT64_FORMAT " s)", at, argv[1], probe->duration_us / G_USEC_PER_SEC,
                             probe->duration_us % G_USEC_PER_SEC / 1000);
    }
  options.max_size = size;
  if (strip > 0)
    png = cr_thumbnail_render_strip (argv[1], strip, size > 0 ? size : 90, NULL, &error);
  else
    png = cr_thumbnail_render (argv[1], &options, &frame_us, NULL, &error);
  if (png == NULL)
    return cr_cli_fail (error);
  if (!cr_output_write_file (out, g_bytes_get_data (png, NULL), g_bytes_get_size (png), 0666, &error))
    return cr_cli_fail (error);
  if (frame_us >= 0)
    g_print ("%s: frame at %" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT " s\n", out,
             frame_us / G_USEC_PER_SEC, frame_us % G_USEC_PER_SEC);
  else
    g_print ("%s\n", out);
  return CR_EXIT_OK;
}

/* extract -------------------------------------------------------------------------------- */

static void
show_progress (gint64   done_us,
               gint64   total_us,
               gpointer user_data)
{
  g_autofree char *text = g_strdup_printf ("%.1f/%.1f s", done_us / (double) G_USEC_PER_SEC,
                                           total_us / (double) G_USEC_PER_SEC);

  cr_cli_progress_update (user_data, total_us > 0 ? (double) done_us / total_us : 1.0, text);
}

int
cr_cli_extract (CrCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *in = NULL, *out_point = NULL, *out = NULL, *rate = NULL;
  gboolean reencode = FALSE;
  GOptionEntry entries[] = {
    { "in", 0, 0, G_OPTION_ARG_STRING, &in, "First frame: the file's timecode or seconds", "TC" },
    { "out", 0, 0, G_OPTION_ARG_STRING, &out_point, "End, not included (default: the end)", "TC" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "The new file (.mov, .mp4, .mkv, .mxf …)", "OUT" },
    { "reencode", 0, 0, G_OPTION_ARG_NONE, &reencode, "Frame-accurate, as H.264 and AAC", NULL },
    { "tc-rate", 0, 0, G_OPTION_ARG_STRING, &rate,
      "Rate to count a Broadcast Wave time reference at when the file names none (default: the "
      "production's)", "RATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — cut [in, out) into a new file");
  CrProbeOptions probe_options = { { { 0, 0 }, FALSE }, 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = NULL;
  g_auto(CrExtractResult) result = { 0 };
  g_autoptr(CrCliProgress) progress = NULL;
  CrExtractOptions options = { 0, -1, FALSE, show_progress, NULL };
  gboolean ok;
  int status;

  g_option_context_set_summary (context,
    "Without --reencode the streams are copied: the cut starts at the keyframe at or before\n"
    "--in and ends at --out (H.264 whose B-frames need pictures past --out has its last\n"
    "pictures re-encoded); the range really written is printed. The new file's timecode is\n"
    "that of its first frame. Ctrl+C stops and leaves no file behind.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage ("extract", "extract: name one FILE");
  if (in == NULL || out == NULL)
    return cr_cli_usage ("extract", "extract: --in and -o are required");

  if (!bwf_timecode_rate (cli, argv[1], rate, "extract", &probe_options.fallback_timecode, &error))
    return cr_cli_usage ("extract", "%s", error->message);
  options.timecode_fallback = probe_options.fallback_timecode;
  probe = cr_probe_file (argv[1], &probe_options, NULL, &error);
  if (probe == NULL)
    return cr_cli_fail (error);
  if (!parse_position (probe, "--in", in, &options.in_us, &error)
      || (out_point != NULL && !parse_position (probe, "--out", out_point, &options.out_us, &error)))
    return cr_cli_usage ("extract", "extract: %s", error->message);
  options.reencode = reencode;

  progress = cr_cli_progress_begin (cancellable);
  /* A re-encode takes its time: a log shows it going on. A copy is over in a moment. */
  if (reencode)
    cr_cli_progress_print_lines (progress, "extract");
  options.progress_data = progress;
  ok = cr_extract (argv[1], out, &options, &result, cancellable, &error);
  g_clear_pointer (&progress, cr_cli_progress_end);
  if (!ok)
    return cr_cli_fail (error);

  for (guint i = 0; result.notes != NULL && result.notes[i] != NULL; i++)
    g_printerr ("casereel: note: %s\n", result.notes[i]);
  g_print ("%s: %" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT " s to %" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT " s",
           out, result.in_us / G_USEC_PER_SEC, result.in_us % G_USEC_PER_SEC,
           result.out_us / G_USEC_PER_SEC, result.out_us % G_USEC_PER_SEC);
  if (result.has_timecode)
    {
      g_autofree char *tc = format_timecode (result.timecode_frames, &result.timecode_format);
      g_print (", starts at %s", tc);
    }
  g_print ("\n");
  return CR_EXIT_OK;
}
