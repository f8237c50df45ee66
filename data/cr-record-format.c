/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-format"

#include "config.h"

#include "cr-message.h"
#include "cr-record-format.h"
#include "cr-store.h"

char *
cr_record_local_time (const CrRecord *record,
                      const char     *field,
                      const char     *format)
{
  const char *value = cr_record_get (record, field);
  const char *zone = cr_record_get (record, "time_zone");
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (value == NULL || !(utc = g_date_time_new_from_iso8601 (value, NULL)))
    return NULL;
  tz = zone ? g_time_zone_new_identifier (zone) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, format);
}

GDateTime *
cr_record_time_in (const CrRecord *record,
                   const char     *field,
                   GTimeZone      *tz)
{
  const char *value = cr_record_get (record, field);
  g_autoptr(GDateTime) utc = value ? g_date_time_new_from_iso8601 (value, NULL) : NULL;

  return utc ? g_date_time_to_timezone (utc, tz) : NULL;
}

char *
cr_record_display (CrDb           *db,
                   const CrRecord *record,
                   const CrField  *field)
{
  const char *value = cr_record_get (record, field->name);

  if (value == NULL)
    return NULL;
  switch (field->type)
    {
    case CR_FIELD_REF:
      return cr_store_label (db, field->ref, g_ascii_strtoll (value, NULL, 10));
    case CR_FIELD_LINKS:
      {
        g_autoptr(GArray) ids = cr_record_get_ids (record, field->name);
        g_autoptr(GString) text = g_string_new (NULL);
        for (guint i = 0; i < ids->len; i++)
          {
            g_autofree char *label = cr_store_label (db, field->ref, g_array_index (ids, gint64, i));
            g_string_append_printf (text, "%s%s", i ? "; " : "", label ? label : "?");
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    case CR_FIELD_DATETIME:
      return cr_record_local_time (record, field->name, "%Y-%m-%d %H:%M");
    case CR_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "1") ? "yes" : "no");
    case CR_FIELD_DURATION:
      {
        gint64 s = g_ascii_strtoll (value, NULL, 10);
        if (s >= 3600)
          return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", s / 3600, (int) (s / 60 % 60), (int) (s % 60));
        return g_strdup_printf ("%d:%02d", (int) (s / 60), (int) (s % 60));
      }
    default:
      return g_strdup (value);
    }
}

static JsonNode *
reference_node (CrDb           *db,
                const CrEntity *target,
                gint64          id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *label = cr_store_label (db, target, id);
  g_autofree char *valid = cr_text_make_valid (label);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, id);
  json_builder_set_member_name (b, target->label);
  json_builder_add_string_value (b, valid);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
cr_record_to_json (CrDb           *db,
                   const CrRecord *record)
{
  const CrEntity *entity = record->entity;
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "id", record->id);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      const char *value = cr_record_get (record, f->name);

      if (value == NULL)
        {
          if (f->type == CR_FIELD_LINKS || f->type == CR_FIELD_SET)
            json_object_set_array_member (obj, f->name, json_array_new ());
          else
            json_object_set_null_member (obj, f->name);
          continue;
        }
      switch (f->type)
        {
        case CR_FIELD_INT:
        case CR_FIELD_DURATION:
          json_object_set_int_member (obj, f->name, g_ascii_strtoll (value, NULL, 10));
          break;
        case CR_FIELD_BOOL:
          json_object_set_boolean_member (obj, f->name, g_str_equal (value, "1"));
          break;
        case CR_FIELD_REF:
          json_object_set_member (obj, f->name, reference_node (db, f->ref, g_ascii_strtoll (value, NULL, 10)));
          break;
        case CR_FIELD_LINKS:
          {
            g_autoptr(GArray) ids = cr_record_get_ids (record, f->name);
            JsonArray *array = json_array_new ();
            for (guint k = 0; k < ids->len; k++)
              json_array_add_element (array, reference_node (db, f->ref, g_array_index (ids, gint64, k)));
            json_object_set_array_member (obj, f->name, array);
            break;
          }
        case CR_FIELD_SET:
          {
            g_auto(GStrv) parts = g_strsplit (value, ",", -1);
            JsonArray *array = json_array_new ();
            for (guint k = 0; parts[k]; k++)
              json_array_add_string_element (array, parts[k]);
            json_object_set_array_member (obj, f->name, array);
            break;
          }
        case CR_FIELD_DATETIME:
          {
            g_autofree char *local = cr_record_local_time (record, f->name, "%Y-%m-%dT%H:%M:%S%:z");
            json_object_set_string_member (obj, f->name, local ? local : value);
            break;
          }
        default:
          {
            /* JSON is UTF-8 only: a clip's name from the disk may be Latin-1. */
            g_autofree char *valid = cr_text_make_valid (value);
            json_object_set_string_member (obj, f->name, valid);
            break;
          }
        }
    }
  json_node_take_object (node, obj);
  return node;
}
