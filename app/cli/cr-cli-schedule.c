/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include "cr-cli-commands.h"
#include <string.h>

#include "cr-cli-entity.h"
#include "cr-exchange.h"
#include "cr-schedule.h"
#include "cr-store.h"

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

static int
schedule_ics (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *who = NULL;
  g_autofree char *ics = NULL;
  g_autoptr(CrRecord) person = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (default: the screen)", "FILE" },
    { "participant", 'p', 0, G_OPTION_ARG_STRING, &who, "Only this person's interviews", "NAME|ID" },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "The schedule as an iCalendar file (RFC 5545) for any calendar program: one event per\n"
    "interview, in its own time zone, with the people, the place and the questions.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (who && !(person = cr_store_find (cli->db, &cr_entity_participant, who, &error)))
    return cr_cli_fail (error);
  if (!(ics = cr_export_schedule_ics (cli->db, person ? person->id : 0, &error)) ||
      !cr_cli_write_output (output, ics, strlen (ics), &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

static int
schedule_csv (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (default: the screen)", "FILE" },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context, "The schedule as CSV, times in each interview's own zone.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!(csv = cr_export_csv (cli->db, &cr_entity_interview, NULL, &error)) ||
      !cr_cli_write_output (output, csv, strlen (csv), &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

int
cr_cli_schedule (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "conflicts", "interviews that overlap and share a person or place", schedule_conflicts },
    { "ics", "export the schedule as an iCalendar file", schedule_ics },
    { "csv", "export the schedule as CSV", schedule_csv },
    { NULL }
  };
  return cr_cli_dispatch (cli, "schedule", verbs, argc, argv);
}
