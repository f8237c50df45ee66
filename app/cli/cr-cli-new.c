/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"

int
cr_cli_new (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = NULL;
  int status;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The case study's working title", "TITLE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — create a production file");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage ("new", "new: name one FILE to create");
  if (title == NULL)
    return cr_cli_usage ("new", "new: --title is required");

  db = cr_db_create (argv[1], title, &error);
  if (db == NULL)
    return cr_cli_fail (error);
  g_print ("%s\n", argv[1]);
  return CR_EXIT_OK;
}
