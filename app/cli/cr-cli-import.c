/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-exchange.h"

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
      for (guint i = 0; problems && i < problems->len; i++)
        g_printerr ("%s: %s\n", argv[1], (const char *) g_ptr_array_index (problems, i));
      g_prefix_error (&error, "%s: ", argv[1]);
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
