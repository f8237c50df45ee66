/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cr-db.h"

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  CR_EXIT_OK = 0,
  CR_EXIT_FAILURE = 1,
  CR_EXIT_USAGE = 2,
  CR_EXIT_UNCONSENTED = 3,
};

/* What every command gets: the global options and, on demand, the open production. */
typedef struct
{
  char     *project_path;  /* --project, $CASEREEL_PROJECT, or the default production */
  gboolean  project_given; /* named explicitly: never created implicitly */
  CrDb     *db;            /* opened by cr_cli_open () */
  gboolean  interactive;   /* stdout is a terminal: progress bars are welcome */
} CrCli;

/* One top-level word: `casereel NOUN …`. argv[0] is the noun. */
typedef int (*CrCliFunc) (CrCli *cli, int argc, char **argv);

typedef struct
{
  const char *noun;
  const char *summary;
  CrCliFunc   run;
} CrCliCommand;

/* Runs `casereel ARGS…` without a display. Returns the exit status; output goes to
 * stdout and stderr. argv[0] is the program name. */
int       cr_cli_run            (int argc, char **argv);

/* The title a production gets when Casereel makes the default one by itself. */
#define CR_CLI_DEFAULT_TITLE "Untitled case study"

/* The default production: $XDG_DATA_HOME/casereel/default.casereel. */
char     *cr_cli_default_project (void);

/* Opens (and for the default production, creates) the production. */
CrDb     *cr_cli_open           (CrCli *cli, GError **error);

/* Prints "casereel: MESSAGE" on one line and returns CR_EXIT_FAILURE. */
int       cr_cli_fail           (const GError *error);
/* Prints "casereel: MESSAGE" (printf-style) and a hint to --help; returns CR_EXIT_USAGE. */
int       cr_cli_usage          (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Parses a command's options. On --help prints help and sets *exit_status = 0; on bad
 * usage prints one line and sets *exit_status = 2. Returns TRUE to carry on. */
gboolean  cr_cli_parse          (GOptionContext *context, int *argc, char ***argv, int *exit_status);

/* Prints a JSON node, pretty, with a final newline. */
void      cr_cli_print_json     (JsonNode *node);

/* Dispatches `NOUN VERB …` to the verb's function; prints the verbs on --help or none. */
typedef struct
{
  const char *verb;
  const char *summary;
  CrCliFunc   run;
} CrCliVerb;

int       cr_cli_dispatch       (CrCli *cli, const char *noun, const CrCliVerb *verbs,
                                 int argc, char **argv);

G_END_DECLS
