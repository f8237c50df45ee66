/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <stdio.h>

#include "cr-cli.h"
#include "cr-db.h"
#include "cr-media.h"

int
cr_cli_run (int    argc,
            char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "--version"))
    {
      g_autofree char *libs = cr_media_describe_libraries ();
      g_print ("casereel %s\n%s\nSQLite %s\n", PACKAGE_VERSION, libs, sqlite3_libversion ());
      return CR_EXIT_OK;
    }
  g_printerr ("casereel: unknown command\n");
  return CR_EXIT_USAGE;
}
