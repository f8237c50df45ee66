/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <stdio.h>

#include "cr-cli-entity.h"
#include "cr-exchange.h"
#include "cr-message.h"
#include "cr-output.h"
#include "cr-record-format.h"
#include "cr-schedule.h"
#include "cr-store.h"

struct _CrFieldOptions
{
  const CrEntity *entity;
  GArray         *entries;   /* GOptionEntry, NULL-terminated */
  GPtrArray      *fields;    /* const CrField *, parallel to entries */
  GPtrArray      *strings;   /* option names we allocated */
  char          **values;    /* one slot per entry: char * or char ** */
  gboolean        grouped;
};

static char *
option_name (const CrField *field)
{
  char *name = g_strdup (field->name);

  g_strdelimit (name, "_", '-');
  /* A list is given by repeating the singular option: --participant A --participant B. */
  if (field->type == CR_FIELD_LINKS && g_str_has_suffix (name, "s"))
    name[strlen (name) - 1] = '\0';
  return name;
}

CrFieldOptions *
cr_field_options_new (const CrEntity *entity,
                      gboolean        skip_create_only)
{
  CrFieldOptions *self = g_new0 (CrFieldOptions, 1);
  GOptionEntry end = { NULL };

  self->entity = entity;
  self->entries = g_array_new (FALSE, TRUE, sizeof (GOptionEntry));
  self->fields = g_ptr_array_new ();
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->values = g_new0 (char *, entity->n_fields + 1);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      GOptionEntry entry = { 0 };
      char *name;

      if ((f->flags & CR_FIELD_READONLY) || (skip_create_only && (f->flags & CR_FIELD_CREATE_ONLY)))
        continue;
      name = option_name (f);
      g_ptr_array_add (self->strings, name);
      entry.long_name = name;
      entry.arg = f->type == CR_FIELD_LINKS ? G_OPTION_ARG_STRING_ARRAY : G_OPTION_ARG_STRING;
      entry.arg_data = &self->values[self->fields->len];
      entry.description = f->blurb;
      entry.arg_description = f->type == CR_FIELD_LINKS ? "NAME|ID" : "VALUE";
      g_array_append_val (self->entries, entry);
      g_ptr_array_add (self->fields, (gpointer) f);
    }
  g_array_append_val (self->entries, end);
  return self;
}

void
cr_field_options_free (CrFieldOptions *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->fields->len; i++)
    {
      const CrField *f = g_ptr_array_index (self->fields, i);
      if (f->type == CR_FIELD_LINKS)
        g_strfreev ((char **) self->values[i]);
      else
        g_free (self->values[i]);
    }
  g_free (self->values);
  g_array_unref (self->entries);
  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

GOptionGroup *
cr_field_options_group (CrFieldOptions *self)
{
  g_autofree char *title = g_strdup_printf ("%s fields:", self->entity->name);
  g_autofree char *help = g_strdup_printf ("Show the %s fields", self->entity->name);
  GOptionGroup *group = g_option_group_new ("fields", title, help, NULL, NULL);

  g_option_group_add_entries (group, (GOptionEntry *) (void *) self->entries->data);
  return group;
}

CrRecord *
cr_field_options_collect (CrFieldOptions *self)
{
  CrRecord *record = cr_record_new (self->entity);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const CrField *f = g_ptr_array_index (self->fields, i);

      if (self->values[i] == NULL)
        continue;
      if (f->type == CR_FIELD_LINKS)
        cr_record_take (record, f->name, g_strjoinv ("\n", (char **) self->values[i]));
      else
        cr_record_set (record, f->name, self->values[i]);
    }
  return record;
}

gboolean
cr_cli_write_output (const char  *path,
                     const char  *text,
                     gsize        len,
                     GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      fwrite (text, 1, len, stdout);
      return TRUE;
    }
  /* Whole or not at all: no half-written file, and a previous one stays as it was. */
  return cr_output_write_file (path, text, len, 0666, error);
}

static void G_GNUC_PRINTF (2, 3)
set_summary (GOptionContext *context,
             const char     *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_option_context_set_summary (context, text);
}

/* "an interview", "a shot": the article before the entity's name. */
static const char *
article (const CrEntity *entity)
{
  return strchr ("aeiou", entity->name[0]) ? "an" : "a";
}

static gboolean
in_table (const CrEntity *entity,
          const CrField  *f)
{
  if (entity->columns)
    return g_strv_contains (entity->columns, f->name);
  return f->type == CR_FIELD_ENUM || f->type == CR_FIELD_REF || f->type == CR_FIELD_DATETIME ||
         f->type == CR_FIELD_DATE;
}

void
cr_cli_print_table (CrDb           *db,
                    const CrEntity *entity,
                    GPtrArray      *rows)
{
  g_autoptr(GString) out = g_string_new ("id\t");

  g_string_append (out, entity->label);
  for (guint i = 0; i < entity->n_fields; i++)
    if (in_table (entity, &entity->fields[i]) && !g_str_equal (entity->fields[i].name, entity->label))
      g_string_append_printf (out, "\t%s", entity->fields[i].name);
  g_string_append_c (out, '\n');

  for (guint r = 0; r < rows->len; r++)
    {
      CrRecord *record = g_ptr_array_index (rows, r);
      /* One row a line, whatever a name holds: tabs, line breaks, terminal escapes and bytes
       * that are not UTF-8 are shown escaped. */
      g_autofree char *label = cr_message_text (cr_record_get (record, entity->label), 0);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s", record->id, label);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const CrField *f = &entity->fields[i];
          g_autofree char *shown = NULL;
          g_autofree char *text = NULL;

          if (!in_table (entity, f) || g_str_equal (f->name, entity->label))
            continue;
          shown = cr_record_display (db, record, f);
          text = cr_message_text (shown, 0);
          g_string_append_printf (out, "\t%s", text);
        }
      g_string_append_c (out, '\n');
      if (out->len > 65536)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

void
cr_cli_print_records_json (CrDb      *db,
                           GPtrArray *rows)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (array, cr_record_to_json (db, g_ptr_array_index (rows, i)));
  json_node_take_array (node, array);
  cr_cli_print_json (node);
}

void
cr_cli_print_record (CrDb           *db,
                     const CrRecord *record)
{
  const CrEntity *entity = record->entity;

  g_print ("%s #%" G_GINT64_FORMAT "\n", entity->name, record->id);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_autofree char *text = cr_record_display (db, record, &entity->fields[i]);
      if (text)
        g_print ("  %s: %s\n", entity->fields[i].name, text);
    }
}

static void
warn_conflicts (CrDb   *db,
                gint64  interview)
{
  g_autoptr(GPtrArray) conflicts = cr_schedule_conflicts (db, interview, NULL);

  /* A warning, not a refusal: the producer may mean it (a crew member shared on purpose). */
  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      g_autofree char *text = cr_conflict_describe (g_ptr_array_index (conflicts, i));
      g_printerr ("casereel: warning: %s\n", text);
    }
}

static int
verb_add (CrCli           *cli,
          const CrEntity  *entity,
          int              argc,
          char           **argv)
{
  g_autoptr(CrFieldOptions) fields = cr_field_options_new (entity, FALSE);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CrRecord) input = NULL;
  g_autoptr(CrRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the new row as JSON", NULL },
    { NULL }
  };
  gint64 id;
  int status;

  set_summary (context, "Add %s %s.", article (entity), entity->name);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, cr_field_options_group (fields));
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);

  input = cr_field_options_collect (fields);
  if (!(id = cr_store_insert (cli->db, input, &error)) || !(stored = cr_store_get (cli->db, entity, id, &error)))
    return cr_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = cr_record_to_json (cli->db, stored);
      cr_cli_print_json (node);
    }
  else
    {
      g_autofree char *what = cr_record_describe (stored);
      g_print ("added %s #%" G_GINT64_FORMAT " %s\n", entity->name, id, what);
    }
  if (entity == &cr_entity_interview)
    warn_conflicts (cli->db, id);
  return CR_EXIT_OK;
}

int
cr_cli_entity_list (CrCli           *cli,
                    const CrEntity  *entity,
                    int              argc,
                    char           **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *search = NULL;
  g_autofree char *where = NULL;
  g_autofree char *value = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  g_autofree char *output = NULL;
  gint64 limit = 0, offset = 0;
  CrQuery query = { 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "Print CSV (RFC 4180) with every field", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of the screen", "FILE" },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, "Only rows whose name contains TEXT", "TEXT" },
    { "where", 'w', 0, G_OPTION_ARG_STRING, &where, "Only rows whose FIELD is VALUE", "FIELD=VALUE" },
    { "limit", 0, 0, G_OPTION_ARG_INT64, &limit, "At most N rows", "N" },
    { "offset", 0, 0, G_OPTION_ARG_INT64, &offset, "Skip the first N rows", "N" },
    { NULL }
  };
  int status;

  set_summary (context, "List the %s.", entity->plural);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cr_cli_usage (argv[0], "%s: unexpected “%s”", argv[0], argv[1]);
  if (limit < 0 || offset < 0)
    return cr_cli_usage (argv[0], "%s: --limit and --offset must not be negative", argv[0]);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);

  query.search = search;
  query.limit = limit;
  query.offset = offset;
  if (where)
    {
      g_auto(GStrv) pair = g_strsplit (where, "=", 2);
      const CrField *f = pair[1] ? cr_entity_find_field (entity, g_strdelimit (pair[0], "-", '_')) : NULL;

      if (f == NULL || f->type == CR_FIELD_LINKS)
        return cr_cli_usage (argv[0], "%s: --where wants FIELD=VALUE with a field of %s", argv[0], entity->name);
      if (!cr_field_normalize (cli->db, entity, f, pair[1], NULL, &value, &error))
        return cr_cli_fail (error);
      query.field = f->name;
      query.value = value;
    }
  if (csv)
    {
      g_autofree char *text = cr_export_csv (cli->db, entity, &query, &error);
      if (text == NULL || !cr_cli_write_output (output, text, strlen (text), &error))
        return cr_cli_fail (error);
      return CR_EXIT_OK;
    }
  if (!(rows = cr_store_list (cli->db, entity, &query, &error)))
    return cr_cli_fail (error);

  if (json)
    {
      cr_cli_print_records_json (cli->db, rows);
    }
  else
    cr_cli_print_table (cli->db, entity, rows);
  return CR_EXIT_OK;
}

int
cr_cli_entity_show (CrCli           *cli,
                    const CrEntity  *entity,
                    int              argc,
                    char           **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|NAME");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) record = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  int status;

  set_summary (context, "Show one %s.", entity->name);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 && entity != &cr_entity_production)
    return cr_cli_usage (argv[0], "%s: name one %s by id or name", argv[0], entity->name);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  record = entity == &cr_entity_production ? cr_store_get (cli->db, entity, 1, &error)
                                           : cr_store_find (cli->db, entity, argv[1], &error);
  if (record == NULL)
    return cr_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = cr_record_to_json (cli->db, record);
      cr_cli_print_json (node);
    }
  else
    cr_cli_print_record (cli->db, record);
  return CR_EXIT_OK;
}

int
cr_cli_entity_edit (CrCli           *cli,
                    const CrEntity  *entity,
                    int              argc,
                    char           **argv)
{
  g_autoptr(CrFieldOptions) fields = cr_field_options_new (entity, TRUE);
  g_autoptr(GOptionContext) context = g_option_context_new (entity == &cr_entity_production ? NULL : "ID|NAME");
  g_autoptr(CrRecord) changes = NULL;
  g_autoptr(CrRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  set_summary (context, "Change %s %s: give only the fields to change; an empty value clears a field.",
               article (entity), entity->name);
  g_option_context_add_group (context, cr_field_options_group (fields));
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != (entity == &cr_entity_production ? 1 : 2))
    return cr_cli_usage (argv[0], "%s: name one %s by id or name", argv[0], entity->name);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  record = entity == &cr_entity_production ? cr_store_get (cli->db, entity, 1, &error)
                                           : cr_store_find (cli->db, entity, argv[1], &error);
  if (record == NULL)
    return cr_cli_fail (error);
  changes = cr_field_options_collect (fields);
  if (g_hash_table_size (changes->values) == 0)
    return cr_cli_usage (argv[0], "%s: nothing to change", argv[0]);
  if (!cr_store_update (cli->db, entity, record->id, changes, &error))
    return cr_cli_fail (error);
  g_print ("changed %s #%" G_GINT64_FORMAT "\n", entity->name, record->id);
  if (entity == &cr_entity_interview)
    warn_conflicts (cli->db, record->id);
  return CR_EXIT_OK;
}

int
cr_cli_entity_rm (CrCli           *cli,
                  const CrEntity  *entity,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|NAME");
  g_autoptr(CrRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  int status;

  set_summary (context, "Remove %s %s.", article (entity), entity->name);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cr_cli_usage (argv[0], "%s: name one %s by id or name", argv[0], entity->name);
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);
  if (!(record = cr_store_find (cli->db, entity, argv[1], &error)))
    return cr_cli_fail (error);
  if (!cr_store_delete (cli->db, entity, record->id, &error))
    return cr_cli_fail (error);
  what = cr_record_describe (record);
  g_print ("removed %s #%" G_GINT64_FORMAT " %s\n", entity->name, record->id, what);
  return CR_EXIT_OK;
}

int
cr_cli_entity_run (CrCli           *cli,
                   const CrEntity  *entity,
                   int              argc,
                   char           **argv)
{
  static const struct {
    const char *verb;
    const char *summary;
    int (*run) (CrCli *, const CrEntity *, int, char **);
  } verbs[] = {
    { "add", "add one", verb_add },
    { "list", "list them (--json, --search, --where, --limit, --offset)", cr_cli_entity_list },
    { "show", "show one (--json)", cr_cli_entity_show },
    { "edit", "change fields of one", cr_cli_entity_edit },
    { "rm", "remove one", cr_cli_entity_rm },
  };
  gboolean single = entity == &cr_entity_production;
  g_autofree char *name = NULL;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("Usage:\n  casereel %s VERB [OPTION…]\n\nVerbs:\n", entity->name);
      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        if (!single || verbs[i].run == cr_cli_entity_show || verbs[i].run == cr_cli_entity_edit)
          g_print ("  %-6s %s\n", verbs[i].verb, verbs[i].summary);
      g_print ("\n'casereel %s VERB --help' lists the options.\n", entity->name);
      return argc < 2 ? CR_EXIT_USAGE : CR_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].verb) &&
        (!single || verbs[i].run == cr_cli_entity_show || verbs[i].run == cr_cli_entity_edit))
      {
        name = g_strdup_printf ("%s %s", entity->name, verbs[i].verb);
        argv[1] = name;
        return verbs[i].run (cli, entity, argc - 1, argv + 1);
      }
  return cr_cli_usage (entity->name, "%s: unknown verb “%s”", entity->name, argv[1]);
}
