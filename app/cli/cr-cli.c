/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "cr-cli.h"
#include "cr-cli-commands.h"
#include "cr-media.h"
#include "cr-message.h"
#include "cr-output.h"

static const CrCliCommand commands[] = {
  { "new", "create a production file", cr_cli_new },
  CR_CLI_COMMANDS
};

char *
cr_cli_default_project (void)
{
  return g_build_filename (g_get_user_data_dir (), "casereel", "default.casereel", NULL);
}

CrDb *
cr_cli_open (CrCli   *cli,
             GError **error)
{
  if (cli->db != NULL)
    return cli->db;
  if (cli->project_given && *cli->project_path == '\0')
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "--project: the path is empty; name a production file (--project=FILE.casereel)");
      return NULL;
    }
  if (cli->project_given)
    cli->db = cr_db_open (cli->project_path, error);
  else
    cli->db = cr_db_open_or_create (cli->project_path, CR_CLI_DEFAULT_TITLE, error);
  /* A plain missing file (not a loop, not a folder): say how to make it. */
  if (cli->db == NULL && cli->project_given && error && *error &&
      g_error_matches (*error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND) &&
      !g_file_test (cli->project_path, G_FILE_TEST_IS_SYMLINK))
    {
      g_clear_error (error);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND,
                   "%s: no such production (make it with 'casereel new %s --title TITLE')",
                   cli->project_path, cli->project_path);
    }
  return cli->db;
}

int
cr_cli_fail (const GError *error)
{
  /* One line of a sensible length, whatever a library or a hostile file put in it: control
   * characters and terminal escapes shown, not obeyed. */
  g_autofree char *line = cr_message_text (error ? error->message : "failed", CR_MESSAGE_MAX_LINE);

  g_printerr ("casereel: %s\n", line);
  return CR_EXIT_FAILURE;
}

int
cr_cli_usage (const char *command,
              const char *format,
              ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  line = cr_message_text (msg, CR_MESSAGE_MAX_LINE);
  g_printerr ("casereel: %s (see 'casereel %s%s--help')\n", line, command ? command : "",
              command && command[0] != '\0' ? " " : "");
  return CR_EXIT_USAGE;
}

gboolean
cr_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("casereel %s", (*argv)[0]);

  /* GOption names the program in its help text. */
  g_set_prgname (prgname);
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        break;
      if (g_str_equal ((*argv)[i], "--help") || g_str_equal ((*argv)[i], "-h") ||
          g_str_has_prefix ((*argv)[i], "--help-"))
        {
          g_autofree char *help = g_option_context_get_help (context, FALSE, NULL);
          g_print ("%s", help);
          *exit_status = CR_EXIT_OK;
          return FALSE;
        }
    }
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = cr_cli_usage ((*argv)[0], "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
cr_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  /* JSON is UTF-8 whatever the locale: bytes, not g_print's conversion. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static void
print_verbs (const char      *noun,
             const CrCliVerb *verbs)
{
  g_print ("Usage:\n  casereel %s VERB [OPTION…]\n\nVerbs:\n", noun);
  for (guint i = 0; verbs[i].verb; i++)
    g_print ("  %-12s %s\n", verbs[i].verb, verbs[i].summary);
  g_print ("\n'casereel %s VERB --help' tells more.\n", noun);
}

int
cr_cli_dispatch (CrCli           *cli,
                 const char      *noun,
                 const CrCliVerb *verbs,
                 int              argc,
                 char           **argv)
{
  g_autofree char *name = NULL;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_verbs (noun, verbs);
      return argc < 2 ? CR_EXIT_USAGE : CR_EXIT_OK;
    }
  for (guint i = 0; verbs[i].verb; i++)
    if (g_str_equal (verbs[i].verb, argv[1]))
      {
        /* The verb sees "NOUN VERB" as its program name, for --help and messages. */
        name = g_strdup_printf ("%s %s", noun, verbs[i].verb);
        argv[1] = name;
        return verbs[i].run (cli, argc - 1, argv + 1);
      }
  return cr_cli_usage (noun, "%s: unknown verb “%s”", noun, argv[1]);
}

static void
print_help (void)
{
  g_autofree char *default_project = cr_cli_default_project ();

  g_print ("Usage:\n  casereel [--project FILE] NOUN VERB [OPTION…]\n"
           "  casereel [FILE.casereel…]  (opens the window, on FILE with --project FILE alone)\n"
           "  casereel --demo [FILE]     (makes the demo production)\n\n"
           "Plan, catalogue and rough-cut a video case study.\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].noun, commands[i].summary);
  g_print ("\nGlobal options:\n"
           "  --project FILE  the production to work on (also $CASEREEL_PROJECT);\n"
           "                  default: %s\n"
           "  --version       print the version and the libraries in use\n"
           "  --help          show this help; 'casereel NOUN --help' tells more\n",
           default_project);
}

int
cr_cli_run (int    argc,
            char **argv)
{
  CrCli cli = { 0 };
  int i = 1;
  int status = CR_EXIT_USAGE;
  const char *env = g_getenv ("CASEREEL_PROJECT");

  cli.interactive = isatty (STDOUT_FILENO);
  cr_media_init ();

  /* Global options come before the noun. */
  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--version"))
        {
          g_autofree char *libs = cr_media_describe_libraries ();
          g_print ("casereel %s\n%s\nSQLite %s\n", PACKAGE_VERSION, libs, sqlite3_libversion ());
          return CR_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return CR_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--project") && i + 1 < argc)
        {
          g_free (cli.project_path);
          cli.project_path = g_strdup (argv[++i]);
          cli.project_given = TRUE;
        }
      else if (g_str_has_prefix (argv[i], "--project="))
        {
          g_free (cli.project_path);
          cli.project_path = g_strdup (argv[i] + strlen ("--project="));
          cli.project_given = TRUE;
        }
      else
        {
          g_free (cli.project_path);
          return cr_cli_usage ("", "unknown option “%s”", argv[i]);
        }
    }
  if (cli.project_path == NULL && env != NULL && *env != '\0')
    {
      cli.project_path = g_strdup (env);
      cli.project_given = TRUE;
    }
  if (cli.project_path == NULL)
    cli.project_path = cr_cli_default_project ();

  if (i >= argc)
    {
      print_help ();
    }
  else
    {
      gboolean found = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (g_str_equal (commands[c].noun, argv[i]))
          {
            status = commands[c].run (&cli, argc - i, argv + i);
            found = TRUE;
            break;
          }
      if (!found)
        status = cr_cli_usage ("", "unknown command “%s”", argv[i]);
    }

  /* A list or an export to the screen, redirected to a full disk, is a failure too. */
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_autoptr(GError) error = NULL;

      /* errno is the flush's; a failed write before it leaves only the error flag. */
      cr_output_set_error (&error, "standard output", errno != 0 ? errno : EIO);
      clearerr (stdout);
      status = cr_cli_fail (error);
    }
  /* After the command's own output; a refused write already said "read-only" instead. */
  if (status == CR_EXIT_OK && cli.db != NULL && cr_db_get_read_only_reason (cli.db))
    g_printerr ("casereel: %s: opened read-only: %s\n", cli.project_path, cr_db_get_read_only_reason (cli.db));
  g_clear_pointer (&cli.db, cr_db_close);
  g_free (cli.project_path);
  return status;
}
