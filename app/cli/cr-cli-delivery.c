/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-cli-commands.h"
#include "cr-consent-erase.h"
#include "cr-delivery.h"
#include "cr-store.h"

/* The delivery log, and erasure: the two records a data protection officer asks about. */

static JsonNode *
deliveries_to_json (GPtrArray *list)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      CrDelivery *d = g_ptr_array_index (list, i);

      json_builder_begin_object (b);
#define STR(key, value) json_builder_set_member_name (b, key); \
  if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, d->id);
      STR ("path", d->path);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, d->size);
      STR ("sha256", d->sha256);
      STR ("kind", d->kind);
      STR ("format", d->format);
      json_builder_set_member_name (b, "cut_id");
      json_builder_add_int_value (b, d->cut);
      STR ("cut", d->cut_name);
      STR ("channel", d->channel);
      json_builder_set_member_name (b, "override");
      json_builder_add_boolean_value (b, d->override);
      STR ("delivered_at", d->delivered_at);
      json_builder_set_member_name (b, "people");
      json_builder_begin_array (b);
      for (guint p = 0; p < d->people->len; p++)
        {
          CrDeliveryPerson *person = g_ptr_array_index (d->people, p);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "participant");
          json_builder_add_int_value (b, person->participant);
          STR ("name", person->name);
          STR ("problem", person->problem);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
#undef STR
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

int
cr_cli_deliveries (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "Every file an export or a render wrote: path, size, SHA-256, when, which cut, the channel\n"
    "checked, whether the consent check was overridden, and who is in it.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cr_cli_usage (argv[0], "%s: takes no arguments", argv[0]);
  if (!cr_cli_open (cli, &error) || !(list = cr_delivery_list (cli->db, &error)))
    return cr_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = deliveries_to_json (list);
      cr_cli_print_json (node);
      return CR_EXIT_OK;
    }
  g_print ("id\tdelivered_at\tkind\tcut\tchannel\toverride\tsize\tsha256\tpath\tpeople\n");
  for (guint i = 0; i < list->len; i++)
    {
      CrDelivery *d = g_ptr_array_index (list, i);
      g_autoptr(GString) people = g_string_new (NULL);

      for (guint p = 0; p < d->people->len; p++)
        {
          CrDeliveryPerson *person = g_ptr_array_index (d->people, p);
          g_string_append_printf (people, "%s%s", p ? ", " : "", person->name);
          if (person->problem)
            g_string_append_printf (people, " (%s)", person->problem);
        }
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", d->id, d->delivered_at,
               d->kind, d->cut_name, d->channel ? d->channel : "-", d->override ? "yes" : "no", d->size, d->sha256,
               d->path, people->len ? people->str : "-");
    }
  return CR_EXIT_OK;
}

int
cr_cli_participant_erase (CrCli  *cli,
                          int     argc,
                          char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PARTICIPANT");
  g_autoptr(CrRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, "Do not ask for confirmation", NULL },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "Erase a person's personal data at their request: the name becomes \"Erased participant N\";\n"
    "contact details, date of birth, notes, guardian and signed forms' paths are cleared, and\n"
    "the name is taken out of titles and notes. Consent dates and statuses stay, so footage of\n"
    "them still fails the consent check. Cannot be undone.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one participant by id or name", argv[0]);
  if (!cr_cli_open (cli, &error) || !(person = cr_store_find (cli->db, &cr_entity_participant, argv[1], &error)))
    return cr_cli_fail (error);
  if (!yes)
    {
      char answer[16] = "";

      g_print ("Erase the personal data of %s (#%" G_GINT64_FORMAT ")? This cannot be undone. [y/N] ",
               cr_record_get (person, "name"), person->id);
      fflush (stdout);
      if (fgets (answer, sizeof answer, stdin) == NULL || (answer[0] != 'y' && answer[0] != 'Y'))
        {
          g_printerr ("casereel: participant: %s was not erased (answer y, or give --yes)\n",
                      cr_record_get (person, "name"));
          return CR_EXIT_FAILURE;
        }
    }
  if (!cr_participant_erase (cli->db, person->id, &error))
    return cr_cli_fail (error);
  g_print ("erased participant #%" G_GINT64_FORMAT "; consent dates and statuses kept\n", person->id);
  return CR_EXIT_OK;
}
