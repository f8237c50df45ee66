/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-cli-entity.h"
#include "cr-clip-time.h"
#include "cr-store.h"
#include "cr-transcript.h"

/* Options shared by `select add` and `select edit`: positions are typed in the clip's own
 * timecode and stored as frames. */
typedef struct
{
  char  *in, *out, *label, *notes, *rating, *question, *people;
  char **participants;
} SelectOptions;

static void
select_options_clear (SelectOptions *o)
{
  g_free (o->in);
  g_free (o->out);
  g_free (o->label);
  g_free (o->notes);
  g_free (o->rating);
  g_free (o->question);
  g_free (o->people);
  g_strfreev (o->participants);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SelectOptions, select_options_clear)

static void
add_select_options (GOptionContext *context,
                    SelectOptions  *o)
{
  GOptionEntry entries[] = {
    { "in", 'i', 0, G_OPTION_ARG_STRING, &o->in, "In point: the clip's timecode, a frame, or seconds (12.5s)", "TC" },
    { "out", 'o', 0, G_OPTION_ARG_STRING, &o->out, "Out point, exclusive (same forms)", "TC" },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &o->label, "A few words on what is said or seen", "TEXT" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &o->notes, "Notes for the editor", "TEXT" },
    { "rating", 'r', 0, G_OPTION_ARG_STRING, &o->rating, "0 to 5 stars", "N" },
    { "question", 'q', 0, G_OPTION_ARG_STRING, &o->question, "The question it answers (id or text)", "ID" },
    { "participant", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &o->participants, "Who is visible (repeat)", "NAME|ID" },
    { "people", 0, 0, G_OPTION_ARG_STRING, &o->people, "Who is visible, comma-separated", "A,B" },
    { NULL }
  };
  g_option_context_add_main_entries (context, entries, NULL);
}

static gboolean
collect (CrDb           *db,
         gint64          clip,
         SelectOptions  *o,
         CrRecord       *record,
         GError        **error)
{
  gint64 frames;

  if (o->in)
    {
      if (!cr_clip_parse_position (db, clip, o->in, &frames, error))
        {
          g_prefix_error (error, "select in: ");
          return FALSE;
        }
      cr_record_take (record, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, frames));
    }
  if (o->out)
    {
      if (!cr_clip_parse_position (db, clip, o->out, &frames, error))
        {
          g_prefix_error (error, "select out: ");
          return FALSE;
        }
      cr_record_take (record, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, frames));
    }
  /* Both given: outside the clip, or out of order, said in the clip's timecode as the
   * window says it (the store would say frames). */
  if (o->in && o->out)
    {
      gint64 in = cr_record_get_int (record, "in_frame", 0), out = cr_record_get_int (record, "out_frame", 0);

      if (!cr_clip_check_range (db, clip, in, out, FALSE, error) ||
          !cr_clip_check_range (db, clip, in, out, TRUE, error))
        return FALSE;
    }
  if (o->label)
    cr_record_set (record, "label", o->label);
  if (o->notes)
    cr_record_set (record, "notes", o->notes);
  if (o->rating)
    cr_record_set (record, "rating", o->rating);
  if (o->question)
    cr_record_set (record, "question", o->question);
  if (o->participants || o->people)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_auto(GStrv) split = o->people ? g_strsplit (o->people, ",", -1) : NULL;
      for (guint i = 0; o->participants && o->participants[i]; i++)
        g_string_append_printf (list, "%s\n", o->participants[i]);
      for (guint i = 0; split && split[i]; i++)
        g_string_append_printf (list, "%s\n", split[i]);
      cr_record_set (record, "participants", list->str);
    }
  return TRUE;
}

static int
select_add (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP");
  g_auto(SelectOptions) o = { 0 };
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_select);
  g_autoptr(GError) error = NULL;
  g_autofree char *clip_id = NULL, *quote = NULL;
  int from_cue = 0, to_cue = 0;
  GOptionEntry words[] = {
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote,
      "Instead of --in/--out: the words, found in the clip's transcript (the select spans their cues)", "WORDS" },
    { "from-cue", 0, 0, G_OPTION_ARG_INT, &from_cue, "Instead of --in/--out: the first cue of the transcript", "N" },
    { "to-cue", 0, 0, G_OPTION_ARG_INT, &to_cue, "The last cue (default: --from-cue)", "M" },
    { NULL }
  };
  gint64 id;
  int status;

  g_option_context_set_summary (context,
    "Mark a range [in, out) of a clip worth keeping, by --in and --out or by what was said\n"
    "(--quote, or --from-cue/--to-cue): then in and out are the cues' edges, the label is\n"
    "the words and the person is the speaker, unless given.");
  add_select_options (context, &o);
  g_option_context_add_main_entries (context, words, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one CLIP", argv[0]);
  if ((quote || from_cue || to_cue) && (o.in || o.out || (quote && (from_cue || to_cue))))
    return cr_cli_usage (argv[0], "%s: give --in and --out, or --quote, or --from-cue/--to-cue", argv[0]);
  if (!quote && !from_cue && !to_cue && (o.in == NULL || o.out == NULL))
    return cr_cli_usage (argv[0], "%s: --in and --out are required", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)))
    return cr_cli_fail (error);
  clip_id = g_strdup_printf ("%" G_GINT64_FORMAT, clip->id);
  cr_record_set (input, "clip", clip_id);
  if (quote || from_cue || to_cue)
    {
      guint first = (guint) MAX (from_cue, 0), last = (guint) MAX (to_cue ? to_cue : from_cue, 0);
      g_autofree char *said = NULL;
      gint64 in, out, speaker;

      if (!from_cue && to_cue)
        return cr_cli_usage (argv[0], "%s: --to-cue needs --from-cue", argv[0]);
      if ((quote && !cr_transcript_find_quote (cli->db, clip->id, quote, &first, &last, &error)) ||
          !cr_transcript_cue_range (cli->db, clip->id, first, last, &in, &out, &speaker, &said, &error))
        return cr_cli_fail (error);
      cr_record_take (input, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, in));
      cr_record_take (input, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, out));
      cr_record_set (input, "label", quote ? quote : said);
      if (speaker)
        cr_record_take (input, "participants", g_strdup_printf ("%" G_GINT64_FORMAT, speaker));
    }
  if (!collect (cli->db, clip->id, &o, input, &error) || !(id = cr_store_insert (cli->db, input, &error)))
    return cr_cli_fail (error);
  g_print ("added select #%" G_GINT64_FORMAT "\n", id);
  return CR_EXIT_OK;
}

static int
select_edit (CrCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("SELECT");
  g_auto(SelectOptions) o = { 0 };
  g_autoptr(CrRecord) select = NULL;
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_select);
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, "Change a select; an empty value clears a field.");
  add_select_options (context, &o);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one SELECT by id or label", argv[0]);
  if (!cr_cli_open (cli, &error) || !(select = cr_store_find (cli->db, &cr_entity_select, argv[1], &error)))
    return cr_cli_fail (error);
  if (!collect (cli->db, cr_record_get_int (select, "clip", 0), &o, changes, &error) ||
      !cr_store_update (cli->db, &cr_entity_select, select->id, changes, &error))
    return cr_cli_fail (error);
  g_print ("changed select #%" G_GINT64_FORMAT "\n", select->id);
  return CR_EXIT_OK;
}

static int
select_list (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_list (cli, &cr_entity_select, argc, argv);
}

static int
select_show (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_show (cli, &cr_entity_select, argc, argv);
}

static int
select_rm (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_rm (cli, &cr_entity_select, argc, argv);
}

int
cr_cli_select (CrCli  *cli,
               int     argc,
               char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "add", "mark a range of a clip (--in, --out in the clip's timecode, or --quote)", select_add },
    { "list", "list selects (--where clip=NAME, --json)", select_list },
    { "show", "one select (--json)", select_show },
    { "edit", "change a select", select_edit },
    { "rm", "remove a select", select_rm },
    { NULL }
  };
  return cr_cli_dispatch (cli, "select", verbs, argc, argv);
}

static int
marker_add (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP");
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_marker);
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL, *note = NULL, *clip_id = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "Where: the clip's timecode, a frame, or seconds", "TC" },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, "What happens there", "TEXT" },
    { NULL }
  };
  gint64 frame, id;
  int status;

  g_option_context_set_summary (context, "Put a marker with a note on a clip.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || at == NULL)
    return cr_cli_usage (argv[0], "%s: name one CLIP and give --at", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)))
    return cr_cli_fail (error);
  if (!cr_clip_parse_position (cli->db, clip->id, at, &frame, &error))
    {
      g_prefix_error (&error, "marker at: ");
      return cr_cli_fail (error);
    }
  clip_id = g_strdup_printf ("%" G_GINT64_FORMAT, clip->id);
  cr_record_set (input, "clip", clip_id);
  cr_record_take (input, "frame", g_strdup_printf ("%" G_GINT64_FORMAT, frame));
  cr_record_set (input, "note", note);
  if (!(id = cr_store_insert (cli->db, input, &error)))
    return cr_cli_fail (error);
  g_print ("added marker #%" G_GINT64_FORMAT "\n", id);
  return CR_EXIT_OK;
}

static int
marker_list (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_list (cli, &cr_entity_marker, argc, argv);
}

static int
marker_rm (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_rm (cli, &cr_entity_marker, argc, argv);
}

int
cr_cli_marker (CrCli  *cli,
               int     argc,
               char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "add", "a marker on a clip (--at TC --note TEXT)", marker_add },
    { "list", "list markers (--where clip=NAME, --json)", marker_list },
    { "rm", "remove a marker", marker_rm },
    { NULL }
  };
  return cr_cli_dispatch (cli, "marker", verbs, argc, argv);
}
