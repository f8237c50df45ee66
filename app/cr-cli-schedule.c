/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include "cr-schedule.h"

static int
schedule_conflicts (CrCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "Interviews that overlap in time and share a person or a location (cancelled ones do not count).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!(conflicts = cr_schedule_conflicts (cli->db, 0, &error)))
    return cr_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < conflicts->len; i++)
        {
          CrConflict *c = g_ptr_array_index (conflicts, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "first");
          json_builder_add_int_value (b, c->first);
          json_builder_set_member_name (b, "second");
          json_builder_add_int_value (b, c->second);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, c->kind);
          json_builder_set_member_name (b, "shared");
          json_builder_add_int_value (b, c->shared);
          json_builder_set_member_name (b, "shared_name");
          json_builder_add_string_value (b, c->shared_name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cr_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          g_autofree char *text = cr_conflict_describe (g_ptr_array_index (conflicts, i));
          g_print ("%s\n", text);
        }
      if (conflicts->len == 0)
        g_printerr ("no conflicts\n");
    }
  return CR_EXIT_OK;
}

int
cr_cli_schedule (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "conflicts", "interviews that overlap and share a person or place", schedule_conflicts },
    { NULL }
  };
  return cr_cli_dispatch (cli, "schedule", verbs, argc, argv);
}
