/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <string.h>

#include "cr-cli-commands.h"
#include "cr-cli-entity.h"
#include "cr-consent.h"
#include "cr-consent-current.h"
#include "cr-consent-impact.h"
#include "cr-record-format.h"
#include "cr-store.h"

static int
consent_record (CrCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(CrFieldOptions) fields = cr_field_options_new (&cr_entity_consent, TRUE);
  g_autoptr(GOptionContext) context = g_option_context_new ("PARTICIPANT");
  g_autoptr(CrRecord) input = NULL;
  g_autoptr(CrRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;
  int status;

  g_option_context_set_summary (context,
    "Add to a participant's consent history. Nothing is ever overwritten: a withdrawal or a\n"
    "renewal is a new record. Signed, verbal and on-camera consent must say its channels,\n"
    "media and naming; a minor's needs a guardian.");
  g_option_context_add_group (context, cr_field_options_group (fields));
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one participant by id or name", argv[0]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!(person = cr_store_find (cli->db, &cr_entity_participant, argv[1], &error)))
    return cr_cli_fail (error);

  input = cr_field_options_collect (fields);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, person->id);
  cr_record_set (input, "participant", id_text);
  if (!(id = cr_store_insert (cli->db, input, &error)))
    return cr_cli_fail (error);
  g_print ("recorded consent #%" G_GINT64_FORMAT " for %s\n", id, cr_record_get (person, "name"));
  if (g_strcmp0 (cr_record_get (input, "status"), "withdrawn") == 0)
    {
      g_autoptr(GPtrArray) impact = cr_consent_impact (cli->db, person->id, NULL, &error);
      g_autofree char *summary = NULL;

      if (impact == NULL)
        return cr_cli_fail (error);
      summary = cr_consent_impact_summary (impact);
      g_print ("the withdrawal reaches %s (see 'casereel consent impact %" G_GINT64_FORMAT "')\n", summary, person->id);
    }
  return CR_EXIT_OK;
}

static int
consent_history (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PARTICIPANT");
  g_autoptr(CrRecord) person = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  CrQuery query = { .field = "participant" };
  int status;

  g_option_context_set_summary (context, "Every consent record of a participant, oldest first.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one participant by id or name", argv[0]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!(person = cr_store_find (cli->db, &cr_entity_participant, argv[1], &error)))
    return cr_cli_fail (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, person->id);
  query.value = id_text;
  if (!(rows = cr_store_list (cli->db, &cr_entity_consent, &query, &error)))
    return cr_cli_fail (error);
  if (json)
    cr_cli_print_records_json (cli->db, rows);
  else
    for (guint i = 0; i < rows->len; i++)
      cr_cli_print_record (cli->db, g_ptr_array_index (rows, i));
  return CR_EXIT_OK;
}

static JsonNode *
state_to_json (const CrConsentState *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "participant");
  json_builder_add_int_value (b, s->participant);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, s->name);
#define STR(member) json_builder_set_member_name (b, #member); \
  if (s->member) json_builder_add_string_value (b, s->member); else json_builder_add_null_value (b);
  STR (status) STR (date) STR (channels) STR (media) STR (naming) STR (expires) STR (guardian_name)
#undef STR
  json_builder_set_member_name (b, "minor");
  json_builder_add_boolean_value (b, s->minor);
  json_builder_set_member_name (b, "partly_withdrawn");
  json_builder_add_boolean_value (b, s->partly_withdrawn);
  json_builder_set_member_name (b, "usable");
  json_builder_add_boolean_value (b, s->problem == CR_CONSENT_OK);
  json_builder_set_member_name (b, "problem");
  if (s->problem == CR_CONSENT_OK)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, cr_consent_problem_to_string (s->problem));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* "30d", "30": days. */
static gboolean
parse_days (const char  *text,
            guint       *days,
            GError     **error)
{
  guint64 n;
  char *end = NULL;

  n = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != '\0' && g_strcmp0 (end, "d") != 0) || n > 36500)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "--expiring: “%s” is not a number of days (e.g. 30d)", text);
      return FALSE;
    }
  *days = (guint) n;
  return TRUE;
}

static int
consent_status (CrCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[PARTICIPANT]");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(CrRecord) only = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;
  g_autofree char *on_normal = NULL;
  g_autofree char *expiring = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "As it stands on DATE (default today)", "YYYY-MM-DD" },
    { "expiring", 0, 0, G_OPTION_ARG_STRING, &expiring, "Only usable consent that lapses within DAYS (e.g. 30d)", "DAYS" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  guint days = 0;
  int status;

  json_node_take_array (node, array);
  g_option_context_set_summary (context, "Each participant's current consent, derived from the history.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return cr_cli_usage (argv[0], "%s: name at most one participant", argv[0]);
  if (expiring && !parse_days (expiring, &days, &error))
    return cr_cli_usage (argv[0], "%s", error->message);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (on && !cr_field_normalize (cli->db, &cr_entity_consent, cr_entity_find_field (&cr_entity_consent, "date"),
                                 on, NULL, &on_normal, &error))
    return cr_cli_fail (error);

  if (argc == 2 && !(only = cr_store_find (cli->db, &cr_entity_participant, argv[1], &error)))
    return cr_cli_fail (error);
  if (expiring)
    people = cr_consent_expiring (cli->db, on_normal, days, &error);
  else if (only)
    {
      CrConsentState *state = cr_consent_current (cli->db, only->id, on_normal, &error);

      if (state != NULL)
        {
          people = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_consent_state_free);
          g_ptr_array_add (people, state);
        }
    }
  else
    people = cr_consent_current_all (cli->db, on_normal, &error);
  if (people == NULL)
    return cr_cli_fail (error);

  if (!json)
    g_print ("id\tname\tstatus\tchannels\tmedia\tnaming\texpires\tproblem\n");
  for (guint i = 0; i < people->len; i++)
    {
      CrConsentState *s = g_ptr_array_index (people, i);

      if (only && s->participant != only->id)
        continue;
      if (json)
        json_array_add_element (array, state_to_json (s));
      else
        g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s->participant, s->name,
                 s->status ? s->status : "-", s->channels ? s->channels : "-", s->media ? s->media : "-",
                 s->naming ? s->naming : "-", s->expires ? s->expires : "-",
                 s->problem == CR_CONSENT_OK ? "-" : cr_consent_problem_to_string (s->problem));
    }
  if (json)
    cr_cli_print_json (node);
  return CR_EXIT_OK;
}

static JsonNode *
impact_to_json (GPtrArray *impact)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < impact->len; i++)
    {
      const CrImpact *item = g_ptr_array_index (impact, i);
      const CrImpactRow *r = item->row;

      json_builder_begin_object (b);
#define STR(key, value) json_builder_set_member_name (b, key); \
  if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b);
#define INT(key, value) json_builder_set_member_name (b, key); \
  if (value) json_builder_add_int_value (b, value); else json_builder_add_null_value (b);
      STR ("kind", cr_impact_kind_to_string (r->kind));
      STR ("clip", r->clip_name);
      STR ("path", r->path);
      STR ("source_in", item->source_in);
      STR ("source_out", item->source_out);
      INT ("select", r->select);
      STR ("label", r->label);
      INT ("cut_id", r->cut);
      STR ("cut", r->cut_name);
      INT ("event", r->position);
      STR ("channel", r->channel);
      STR ("delivered_at", r->delivered_at);
#undef STR
#undef INT
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static int
consent_impact (CrCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PARTICIPANT");
  g_autoptr(CrRecord) person = NULL;
  g_autoptr(GPtrArray) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE, csv = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "CSV (with -o FILE, or on standard output)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the CSV to FILE", "FILE" },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "Every clip, select, cut event and delivered file that shows a participant, with the\n"
    "clip's timecodes. After a partial withdrawal, only what it takes away.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one participant by id or name", argv[0]);
  if (json && (csv || output))
    return cr_cli_usage (argv[0], "%s: --json and --csv are either-or", argv[0]);
  if (!cr_cli_open (cli, &error) || !(person = cr_store_find (cli->db, &cr_entity_participant, argv[1], &error)) ||
      !(impact = cr_consent_impact (cli->db, person->id, NULL, &error)))
    return cr_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = impact_to_json (impact);
      cr_cli_print_json (node);
    }
  else if (csv || output)
    {
      g_autofree char *text = cr_consent_impact_to_csv (impact);
      if (output == NULL)
        g_print ("%s", text);
      else if (!cr_cli_write_output (output, text, strlen (text), &error))
        return cr_cli_fail (error);
    }
  else
    {
      g_autofree char *summary = cr_consent_impact_summary (impact);
      for (guint i = 0; i < impact->len; i++)
        {
          const CrImpact *item = g_ptr_array_index (impact, i);
          const CrImpactRow *r = item->row;

          if (r->kind == CR_IMPACT_DELIVERY)
            g_print ("delivery\t%s\t%s\t%s\t%s\n", r->path, r->cut_name, r->channel ? r->channel : "-", r->delivered_at);
          else if (r->kind == CR_IMPACT_EVENT)
            g_print ("event\t%s %u\t%s\t%s–%s\n", r->cut_name, r->position, r->clip_name, item->source_in,
                     item->source_out ? item->source_out : "");
          else
            g_print ("%s\t%s\t%s\t%s–%s\n", cr_impact_kind_to_string (r->kind), r->label ? r->label : "-",
                     r->clip_name, item->source_in, item->source_out ? item->source_out : "");
        }
      g_print ("%s: %s\n", cr_record_get (person, "name"), summary);
    }
  return CR_EXIT_OK;
}

int
cr_cli_consent (CrCli  *cli,
                int     argc,
                char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "record", "add a consent record for a participant", consent_record },
    { "history", "a participant's consent records, oldest first", consent_history },
    { "status", "current consent of one or every participant (--expiring 30d)", consent_status },
    { "impact", "every clip, select, cut event and delivered file that shows a person", consent_impact },
    { NULL }
  };
  return cr_cli_dispatch (cli, "consent", verbs, argc, argv);
}
