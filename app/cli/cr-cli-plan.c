/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-cli-entity.h"

/* The planning nouns share one implementation over their field tables. */

int
cr_cli_production (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_run (cli, &cr_entity_production, argc, argv);
}

int
cr_cli_participant (CrCli *cli, int argc, char **argv)
{
  /* Erasure is not an edit: it has its own verb, beside the shared ones. */
  if (argc >= 2 && g_str_equal (argv[1], "erase"))
    {
      g_autofree char *name = g_strdup ("participant erase");
      argv[1] = name;
      return cr_cli_participant_erase (cli, argc - 1, argv + 1);
    }
  return cr_cli_entity_run (cli, &cr_entity_participant, argc, argv);
}

int
cr_cli_location (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_run (cli, &cr_entity_location, argc, argv);
}

int
cr_cli_question (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_run (cli, &cr_entity_question, argc, argv);
}

int
cr_cli_interview (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_run (cli, &cr_entity_interview, argc, argv);
}

int
cr_cli_shot (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_run (cli, &cr_entity_shot, argc, argv);
}
