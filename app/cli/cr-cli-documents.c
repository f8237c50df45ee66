/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-doc-gather.h"

/* `casereel callsheet`, `casereel shotlist`, `casereel releases`: printable documents. */

static gboolean
parse_paper (const char    *command,
             const char    *paper,
             CrDocOptions  *options,
             int           *status)
{
  if (paper == NULL || g_ascii_strcasecmp (paper, "a4") == 0)
    options->paper = CR_DOC_PAPER_A4;
  else if (g_ascii_strcasecmp (paper, "letter") == 0)
    options->paper = CR_DOC_PAPER_LETTER;
  else
    {
      *status = cr_cli_usage (command, "%s: --paper is a4 or letter, not “%s”", command, paper);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

int
cr_cli_callsheet (CrCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  gboolean draft = FALSE, final = FALSE, hide_phones = FALSE, no_questions = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF file to write", "FILE.pdf" },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, "Mark the sheet DRAFT (the default)", NULL },
    { "final", 0, 0, G_OPTION_ARG_NONE, &final, "Mark the sheet FINAL", NULL },
    { "hide-phones", 0, 0, G_OPTION_ARG_NONE, &hide_phones,
      "Leave out people's and location contacts' phone numbers (for a sheet that goes to everyone)", NULL },
    { "no-questions", 0, 0, G_OPTION_ARG_NONE, &no_questions, "Leave out the interview questions", NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4 (the default) or letter", "SIZE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DATE — the call sheet of a shoot day");
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  g_autoptr(GError) error = NULL;
  CrDocOptions options = { 0 };
  CrCallSheet sheet;
  int status;

  g_option_context_set_summary (context,
    "DATE is YYYY-MM-DD. The sheet lists that day's interviews in each location's time zone,\n"
    "who is called when (crew 60 minutes, interviewees 30 minutes before their first\n"
    "interview), the shots and questions, and warns about missing consent.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one DATE (YYYY-MM-DD)", argv[0]);
  if (output == NULL)
    return cr_cli_usage (argv[0], "%s: -o FILE.pdf is required", argv[0]);
  if (draft && final)
    return cr_cli_usage (argv[0], "%s: --draft or --final, not both", argv[0]);
  if (!parse_paper (argv[0], paper, &options, &status))
    return status;
  options.hide_phones = hide_phones;
  options.hide_questions = no_questions;

  if (!cr_cli_open (cli, &error) ||
      !cr_doc_gather_callsheet (cli->db, argv[1], arena, &sheet, &error))
    return cr_cli_fail (error);
  sheet.final = final;
  if (!cr_doc_callsheet_write_pdf (&sheet, &options, output, &error))
    return cr_cli_fail (error);
  g_print ("%s\n", output);
  return CR_EXIT_OK;
}

int
cr_cli_shotlist (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *by = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF file to write", "FILE.pdf" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, "Group by location (the default) or interview", "GROUP" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4 (the default) or letter", "SIZE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the shot list, with a tick box per shot");
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  g_autoptr(GError) error = NULL;
  CrShotGrouping grouping = CR_SHOT_GROUP_BY_LOCATION;
  CrDocOptions options = { 0 };
  CrShotList list;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (output == NULL)
    return cr_cli_usage (argv[0], "%s: -o FILE.pdf is required", argv[0]);
  if (by != NULL && g_ascii_strcasecmp (by, "interview") == 0)
    grouping = CR_SHOT_GROUP_BY_INTERVIEW;
  else if (by != NULL && g_ascii_strcasecmp (by, "location") != 0)
    return cr_cli_usage (argv[0], "%s: --by is location or interview, not “%s”", argv[0], by);
  if (!parse_paper (argv[0], paper, &options, &status))
    return status;

  if (!cr_cli_open (cli, &error) ||
      !cr_doc_gather_shotlist (cli->db, grouping, arena, &list, &error) ||
      !cr_doc_shotlist_write_pdf (&list, &options, output, &error))
    return cr_cli_fail (error);
  g_print ("%s\n", output);
  return CR_EXIT_OK;
}

int
cr_cli_releases (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write: .pdf or .csv", "FILE" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "Consent as on this date (default: today)", "YYYY-MM-DD" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4 (the default) or letter, for a PDF", "SIZE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— every participant's consent, and what is missing");
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  g_autoptr(GError) error = NULL;
  CrDocOptions options = { 0 };
  CrReleaseTracker tracker;
  gboolean csv;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (output == NULL)
    return cr_cli_usage (argv[0], "%s: -o FILE.pdf or -o FILE.csv is required", argv[0]);
  csv = has_suffix (output, ".csv");
  if (!csv && !has_suffix (output, ".pdf"))
    return cr_cli_usage (argv[0], "%s: “%s” must end in .pdf or .csv", argv[0], output);
  if (!parse_paper (argv[0], paper, &options, &status))
    return status;

  if (!cr_cli_open (cli, &error) ||
      !cr_doc_gather_releases (cli->db, on, arena, &tracker, &error))
    return cr_cli_fail (error);
  if (csv ? !cr_doc_releases_write_csv (&tracker, output, &error)
          : !cr_doc_releases_write_pdf (&tracker, &options, output, &error))
    return cr_cli_fail (error);
  g_print ("%s\n", output);
  return CR_EXIT_OK;
}
