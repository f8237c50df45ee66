/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cr-cli-commands.h"
#include "cr-clip-time.h"
#include "cr-store.h"
#include "cr-transcript.h"

/* `casereel transcript …`: a clip's words, imported, shown, exported, removed, searched. */

/* "12.5s", "-2s", "90" (seconds), "00:01:30.5" or "-0:30": a signed time. */
static gboolean
parse_offset (const char *text,
              gint64     *usec)
{
  const char *p = text;
  double sign = 1, seconds = 0;
  char *end = NULL;

  if (*p == '-' || *p == '+')
    sign = *p++ == '-' ? -1 : 1;
  if (*p == '\0' || *p == '-' || *p == '+')
    return FALSE;
  for (int fields = 0; fields < 3; fields++)
    {
      double part = g_ascii_strtod (p, &end);
      if (end == p || part < 0 || !isfinite (part))
        return FALSE;
      seconds = seconds * 60 + part;
      p = end;
      if (*p != ':')
        break;
      p++;
    }
  if (*p == 's')
    p++;
  /* More than a day is not an offset between two copies of one recording. */
  if (*p != '\0' || seconds > 86400)
    return FALSE;
  *usec = (gint64) llround (sign * seconds * G_USEC_PER_SEC);
  return TRUE;
}

static int
transcript_import (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *offset = NULL;
  g_auto(GStrv) speakers = NULL;
  GOptionEntry entries[] = {
    { "offset", 0, 0, G_OPTION_ARG_STRING, &offset,
      "Where the transcript's 0:00 is in the clip, for a transcript made from a copy that starts elsewhere "
      "(12.5s, -3s, 00:01:00.5)", "TIME" },
    { "speaker", 's', 0, G_OPTION_ARG_STRING_ARRAY, &speakers,
      "Who a speaker is: \"Speaker 1=Ana Silva\" (repeat); others are matched by name", "NAME=PARTICIPANT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP FILE");
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) unmapped = NULL;
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offset_us = 0;
  guint n_cues = 0;
  int status;

  g_option_context_set_summary (context,
    "Read a transcript into a clip, replacing any it had: SubRip (.srt), WebVTT (.vtt, with\n"
    "<v Speaker> voice tags) or text with [hh:mm:ss] stamps and Speaker: prefixes (.txt).\n"
    "Cue times count from the file's start and become frames of the clip. A file with a\n"
    "fault (overlapping or backwards cues, a time past the clip's end, broken UTF-8) is\n"
    "refused with its line number, and nothing is imported.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cr_cli_usage (argv[0], "%s: name one CLIP and one FILE", argv[0]);
  if (offset && !parse_offset (offset, &offset_us))
    return cr_cli_usage (argv[0], "%s: --offset “%s” is not a time (write 12.5s, -3s or 00:01:00.5)", argv[0], offset);
  for (guint i = 0; speakers && speakers[i]; i++)
    {
      const char *eq = strchr (speakers[i], '=');
      if (eq == NULL || eq == speakers[i] || eq[1] == '\0')
        return cr_cli_usage (argv[0], "%s: --speaker “%s” is not NAME=PARTICIPANT", argv[0], speakers[i]);
      g_hash_table_replace (map, g_strndup (speakers[i], eq - speakers[i]), g_strdup (eq + 1));
    }
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)))
    return cr_cli_fail (error);
  if (!cr_transcript_import (cli->db, clip->id, argv[2], offset_us, speakers ? map : NULL, &n_cues, &unmapped,
                             &error))
    return cr_cli_fail (error);
  g_print ("imported %u %s into %s\n", n_cues, n_cues == 1 ? "cue" : "cues", cr_record_get (clip, "name"));
  for (guint i = 0; i < unmapped->len; i++)
    g_print ("speaker not matched to a participant: %s (map with --speaker \"%s=NAME\")\n",
             (const char *) g_ptr_array_index (unmapped, i), (const char *) g_ptr_array_index (unmapped, i));
  return CR_EXIT_OK;
}

static JsonNode *
cue_to_json (CrDb                  *db,
             const CrTranscriptCue *cue)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *in = cr_clip_format_position (db, cue->clip, cue->in_frame);
  g_autofree char *out = cr_clip_format_position (db, cue->clip, cue->out_frame);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clip");
  json_builder_add_string_value (b, cue->clip_name);
  json_builder_set_member_name (b, "cue");
  json_builder_add_int_value (b, cue->position);
  json_builder_set_member_name (b, "in_frame");
  json_builder_add_int_value (b, cue->in_frame);
  json_builder_set_member_name (b, "out_frame");
  json_builder_add_int_value (b, cue->out_frame);
  json_builder_set_member_name (b, "source_in");
  json_builder_add_string_value (b, in);
  json_builder_set_member_name (b, "source_out");
  json_builder_add_string_value (b, out);
  json_builder_set_member_name (b, "speaker");
  if (cue->speaker)
    json_builder_add_string_value (b, cue->speaker);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "participant");
  if (cue->participant_name)
    json_builder_add_string_value (b, cue->participant_name);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, cue->text);
  if (cue->marked)
    {
      json_builder_set_member_name (b, "marked");
      json_builder_add_string_value (b, cue->marked);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_cues (CrDb      *db,
            GPtrArray *cues,
            gboolean   json,
            gboolean   search)
{
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < cues->len; i++)
        json_array_add_element (array, cue_to_json (db, g_ptr_array_index (cues, i)));
      json_node_take_array (root, array);
      cr_cli_print_json (root);
      return;
    }
  for (guint i = 0; i < cues->len; i++)
    {
      const CrTranscriptCue *cue = g_ptr_array_index (cues, i);
      const char *who = cue->participant_name ? cue->participant_name : cue->speaker;
      g_autofree char *in = cr_clip_format_position (db, cue->clip, cue->in_frame);

      if (search)
        g_print ("%s  %s  %s  %s\n", cue->clip_name, in, who ? who : "(no speaker)", cue->marked);
      else
        g_print ("%4u  %s  %s%s%s\n", cue->position, in, who ? who : "", who ? ": " : "", cue->text);
    }
}

static int
transcript_show (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "As JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP");
  g_autoptr(GPtrArray) cues = NULL;
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, "A clip's transcript: cue number, the clip's timecode, speaker, words.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one CLIP", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)) ||
      !(cues = cr_transcript_cues (cli->db, clip->id, &error)))
    return cr_cli_fail (error);
  if (cues->len == 0 && !json)
    {
      g_printerr ("casereel: %s has no transcript (add one with 'casereel transcript import')\n",
                  cr_record_get (clip, "name"));
      return CR_EXIT_FAILURE;
    }
  print_cues (cli->db, cues, json, FALSE);
  return CR_EXIT_OK;
}

static int
transcript_export (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file: .srt, .vtt or .txt", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP");
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context,
    "Write a clip's transcript: SubRip or WebVTT timed from the clip's first frame, or text\n"
    "stamped with the clip's own timecode.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return cr_cli_usage (argv[0], "%s: name one CLIP and -o FILE", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)) ||
      !cr_transcript_export (cli->db, clip->id, output, &error))
    return cr_cli_fail (error);
  g_print ("wrote %s\n", output);
  return CR_EXIT_OK;
}

static int
transcript_rm (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP");
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  gint64 removed;
  int status;

  g_option_context_set_summary (context, "Remove a clip's transcript (its selects stay).");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one CLIP", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)) ||
      (removed = cr_transcript_remove (cli->db, clip->id, &error)) < 0)
    return cr_cli_fail (error);
  if (removed == 0)
    {
      g_printerr ("casereel: %s has no transcript\n", cr_record_get (clip, "name"));
      return CR_EXIT_FAILURE;
    }
  g_print ("removed %" G_GINT64_FORMAT " %s from %s\n", removed, removed == 1 ? "cue" : "cues",
           cr_record_get (clip, "name"));
  return CR_EXIT_OK;
}

static int
transcript_search (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean json = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "As JSON", NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "At most N lines", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("WORDS");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int status;

  g_option_context_set_summary (context,
    "Find words in every transcript of the production. WORDS is an SQLite FTS5 query:\n"
    "several words (all must appear in a cue), a phrase in double quotes, a prefix (parc*),\n"
    "NEAR(food bank, 5), OR, NOT. Plain words given as one argument are searched as a phrase.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || *argv[1] == '\0')
    return cr_cli_usage (argv[0], "%s: give the WORDS to find", argv[0]);
  if (limit < 0)
    return cr_cli_usage (argv[0], "%s: --limit must not be negative", argv[0]);
  query = cr_transcript_search_query (argv[1]);
  if (!cr_cli_open (cli, &error) ||
      !(hits = cr_transcript_search (cli->db, query, "[", "]", (guint) limit, &error)))
    return cr_cli_fail (error);
  print_cues (cli->db, hits, json, TRUE);
  if (!json && hits->len == 0)
    {
      g_printerr ("casereel: no transcript says %s\n", query);
      return CR_EXIT_FAILURE;
    }
  return CR_EXIT_OK;
}

int
cr_cli_transcript (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "import", "read an .srt, .vtt or stamped .txt transcript into a clip", transcript_import },
    { "show", "a clip's transcript with its timecode (--json)", transcript_show },
    { "export", "write a clip's transcript (-o FILE.srt|.vtt|.txt)", transcript_export },
    { "rm", "remove a clip's transcript", transcript_rm },
    { "search", "find words in every transcript (phrases, prefixes, NEAR; --json)", transcript_search },
    { NULL }
  };
  return cr_cli_dispatch (cli, "transcript", verbs, argc, argv);
}
