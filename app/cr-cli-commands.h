/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cli.h"

G_BEGIN_DECLS

/* Each command lives in its own file, app/cr-cli-NOUN.c. Keep this list and the table in
 * the order `casereel --help` shows them. */
int cr_cli_new (CrCli *cli, int argc, char **argv);

#define CR_CLI_COMMANDS /* further { "noun", "summary", cr_cli_noun }, entries */

G_END_DECLS
