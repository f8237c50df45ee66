/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel"

#include "config.h"

#include <locale.h>

#include "cr-application.h"
#include "cr-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CrApplication) app = NULL;

  setlocale (LC_ALL, "");

  /* With arguments Casereel is a command-line tool and needs no display. */
  if (argc > 1)
    return cr_cli_run (argc, argv);

  app = cr_application_new (NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
