/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  CR_EXIT_OK = 0,
  CR_EXIT_FAILURE = 1,
  CR_EXIT_USAGE = 2,
  CR_EXIT_UNCONSENTED = 3,
};

/* Runs `casereel ARGS…` without a display. Returns the exit status; output goes to
 * stdout and stderr. argv[0] is the program name. */
int cr_cli_run (int argc, char **argv);

G_END_DECLS
