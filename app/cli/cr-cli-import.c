/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-exchange.h"
#include "cr-message.h"

/* Bad rows listed one a line before the rest are counted. */
#define CR_CLI_MAX_PROBLEMS 5

static int
import_participants (CrCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  guint imported = 0;
  int status;

  g_option_context_set_summary (context,
    "Add participants from a CSV file with a header row (name, kind, role, organisation, email,\n"
    "phone, notes, date_of_birth, minor, guardian_name, guardian_relationship; kind defaults to\n"
    "interviewee). All rows or none: every bad row is reported with its line number.");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one CSV file", argv[0]);
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    return cr_cli_fail (error);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!cr_import_participants (cli->db, data, len, &imported, &problems, &error))
    {
      g_autofree char *file = cr_message_text (argv[1], CR_MESSAGE_MAX_VALUE);
      guint shown = problems ? MIN (problems->len, CR_CLI_MAX_PROBLEMS) : 0;

      /* A handful of lines and a count, not one line per bad row of a 50,000-row file. */
      for (guint i = 0; i < shown; i++)
        {
          g_autofree char *line = cr_message_text (g_ptr_array_index (problems, i), CR_MESSAGE_MAX_LINE);
          g_printerr ("%s: %s\n", file, line);
        }
      if (problems && problems->len > shown)
        g_printerr ("%s: … and %u more bad row%s\n", file, problems->len - shown,
                    problems->len - shown == 1 ? "" : "s");
      g_prefix_error (&error, "%s: ", file);
      return cr_cli_fail (error);
    }
  g_print ("imported %u participant%s\n", imported, imported == 1 ? "" : "s");
  return CR_EXIT_OK;
}

int
cr_cli_import (CrCli  *cli,
               int     argc,
               char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "participants", "add participants from a CSV file", import_participants },
    { NULL }
  };
  return cr_cli_dispatch (cli, "import", verbs, argc, argv);
}
