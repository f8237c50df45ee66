/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cr-application.h"
#include "cr-cli.h"
#include "cr-demo.h"
#include "cr-media.h"

/* `casereel --demo [FILE]`: makes the demo production and prints where. */
static int
run_demo (int    argc,
          char **argv)
{
  g_autofree char *path = argc > 2 ? g_strdup (argv[2]) : cr_demo_default_path ();
  g_autoptr(GError) error = NULL;

  if (argc > 3)
    return cr_cli_usage ("", "--demo takes one FILE at most");
  cr_media_init ();
  if (!cr_demo_create (path, NULL, &error))
    return cr_cli_fail (error);
  g_print ("%s\n", path);
  return CR_EXIT_OK;
}

/* The files to open in the window when the arguments name productions and no command:
 * `casereel FILE.casereel …` or `casereel --project FILE`. NULL: a command-line run. */
static GStrv
window_files (int    argc,
              char **argv)
{
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();

  if (argc == 3 && g_str_equal (argv[1], "--project"))
    g_strv_builder_add (files, argv[2]);
  else if (argc == 2 && g_str_has_prefix (argv[1], "--project="))
    g_strv_builder_add (files, argv[1] + strlen ("--project="));
  else
    for (int i = 1; i < argc; i++)
      {
        /* A command starts with a word; a production is named by its suffix or a path. */
        if (argv[i][0] == '-' || !(g_str_has_suffix (argv[i], ".casereel") || strchr (argv[i], '/')))
          return NULL;
        g_strv_builder_add (files, argv[i]);
      }
  return g_strv_builder_end (files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CrApplication) app = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GStrvBuilder) args = NULL;
  g_auto(GStrv) app_argv = NULL;

  setlocale (LC_ALL, "");
  /* Arguments are UTF-8 whatever the locale says: under LANG=C GOption would otherwise
   * refuse "Zoë" as an invalid byte sequence. Messages stay in the user's language. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && g_str_equal (argv[1], "--demo"))
    return run_demo (argc, argv);
  /* With a command Casereel is a command-line tool and needs no display. */
  if (argc > 1 && (files = window_files (argc, argv)) == NULL)
    return cr_cli_run (argc, argv);

  args = g_strv_builder_new ();
  g_strv_builder_add (args, argv[0]);
  if (files != NULL)
    g_strv_builder_addv (args, (const char **) files);
  app_argv = g_strv_builder_end (args);
  app = cr_application_new ();
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (app_argv), app_argv);
}
