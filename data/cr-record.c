/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-record"

#include "config.h"

#include <stdlib.h>

#include "cr-entity.h"

CrRecord *
cr_record_new (const CrEntity *entity)
{
  CrRecord *record = g_new0 (CrRecord, 1);

  record->entity = entity;
  record->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return record;
}

CrRecord *
cr_record_copy (const CrRecord *record)
{
  CrRecord *copy = cr_record_new (record->entity);
  GHashTableIter iter;
  gpointer key, value;

  copy->id = record->id;
  g_hash_table_iter_init (&iter, record->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));
  return copy;
}

void
cr_record_free (CrRecord *record)
{
  if (record == NULL)
    return;
  g_hash_table_unref (record->values);
  g_free (record);
}

const char *
cr_record_get (const CrRecord *record,
               const char     *field)
{
  const char *value = g_hash_table_lookup (record->values, field);

  return value != NULL && *value != '\0' ? value : NULL;
}

gint64
cr_record_get_int (const CrRecord *record,
                   const char     *field,
                   gint64          fallback)
{
  const char *value = cr_record_get (record, field);

  return value ? g_ascii_strtoll (value, NULL, 10) : fallback;
}

gboolean
cr_record_has (const CrRecord *record,
               const char     *field)
{
  return g_hash_table_contains (record->values, field);
}

void
cr_record_take (CrRecord   *record,
                const char *field,
                char       *value)
{
  g_hash_table_insert (record->values, g_strdup (field), value);
}

void
cr_record_set (CrRecord   *record,
               const char *field,
               const char *value)
{
  cr_record_take (record, field, g_strdup (value));
}

GArray *
cr_record_get_ids (const CrRecord *record,
                   const char     *field)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *value = cr_record_get (record, field);
  g_auto(GStrv) parts = value ? g_strsplit (value, ",", -1) : NULL;

  for (guint i = 0; parts && parts[i]; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

char *
cr_record_describe (const CrRecord *record)
{
  const char *label = cr_record_get (record, record->entity->label);

  if (label != NULL)
    return g_strdup_printf ("“%s”", label);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, record->id);
}

const CrField *
cr_entity_find_field (const CrEntity *entity,
                      const char     *name)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].name, name))
      return &entity->fields[i];
  return NULL;
}

const char *
cr_field_column (const CrField *field)
{
  return field->column ? field->column : field->name;
}

const CrEntity *
cr_entity_lookup (const char *name)
{
  static const CrEntity *all[] = {
    &cr_entity_production, &cr_entity_participant, &cr_entity_consent, &cr_entity_location,
    &cr_entity_question, &cr_entity_interview, &cr_entity_shot, &cr_entity_clip,
    &cr_entity_select, &cr_entity_marker, &cr_entity_cut, &cr_entity_event,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (all[i]->name, name))
      return all[i];
  return NULL;
}
