/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-undo"

#include "config.h"

#include "cr-store-links.h"
#include "cr-store.h"
#include "cr-undo.h"

/* The entities whose rows may refer to others: a delete sets their references to it to
 * nothing (a clip's interview) or drops their links (a clip's shots), and an undo puts
 * them back. */
static const CrEntity * const referrers[] = {
  &cr_entity_participant, &cr_entity_consent, &cr_entity_location, &cr_entity_question,
  &cr_entity_interview, &cr_entity_shot, &cr_entity_clip, &cr_entity_select,
};

typedef struct
{
  const CrEntity *entity;
  const CrField  *field;
  gint64          id;
} Reference;

typedef struct
{
  const CrEntity *entity;
  const CrField  *field;   /* a CR_FIELD_LINKS of entity */
  GArray         *back;    /* CrLinkBack */
} Links;

struct _CrUndoDelete
{
  CrRecord *record;
  GArray   *references;   /* Reference */
  GArray   *links;        /* Links */
};

static void
links_clear (Links *links)
{
  g_clear_pointer (&links->back, g_array_unref);
}

CrUndoDelete *
cr_undo_delete_new (CrDb            *db,
                    const CrRecord  *record,
                    GError         **error)
{
  g_autoptr(CrUndoDelete) undo = g_rc_box_new0 (CrUndoDelete);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);

  undo->record = cr_record_copy (record);
  undo->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  undo->links = g_array_new (FALSE, FALSE, sizeof (Links));
  g_array_set_clear_func (undo->links, (GDestroyNotify) links_clear);
  for (guint e = 0; e < G_N_ELEMENTS (referrers); e++)
    for (guint i = 0; i < referrers[e]->n_fields; i++)
      {
        const CrField *f = &referrers[e]->fields[i];
        CrQuery query = { .field = f->name, .value = id };
        g_autoptr(GPtrArray) rows = NULL;

        if (f->ref != record->entity)
          continue;
        /* Other rows' links to it (the row's own are restored with it). */
        if (f->type == CR_FIELD_LINKS)
          {
            Links links = { referrers[e], f, cr_store_links_to (db, referrers[e], f, record->id, error) };

            if (links.back == NULL)
              return NULL;
            g_array_append_val (undo->links, links);
            continue;
          }
        if (f->type != CR_FIELD_REF)
          continue;
        if (!(rows = cr_store_list (db, referrers[e], &query, error)))
          return NULL;
        for (guint r = 0; r < rows->len; r++)
          {
            Reference ref = { referrers[e], f, ((CrRecord *) g_ptr_array_index (rows, r))->id };
            g_array_append_val (undo->references, ref);
          }
      }
  return g_steal_pointer (&undo);
}

const CrRecord *
cr_undo_delete_get_record (CrUndoDelete *undo)
{
  return undo->record;
}

/* The row as input for the store: links are read one per line. */
static CrRecord *
as_input (const CrRecord *record)
{
  const CrEntity *entity = record->entity;
  CrRecord *input = cr_record_new (entity);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      const char *value = cr_record_get (record, f->name);
      char *text;

      if (value == NULL || (f->flags & CR_FIELD_READONLY))
        continue;
      text = g_strdup (value);
      if (f->type == CR_FIELD_LINKS)
        g_strdelimit (text, ",", '\n');
      cr_record_take (input, f->name, text);
    }
  return input;
}

gint64
cr_undo_delete_restore (CrUndoDelete  *undo,
                        CrDb          *db,
                        GError       **error)
{
  g_autoptr(CrRecord) input = as_input (undo->record);
  g_autofree char *id_text = NULL;
  gint64 id;

  /* All of it or nothing: the row without its links would be half an undo. */
  if (!cr_db_begin (db, error))
    return 0;
  if (!(id = cr_store_insert (db, input, error)))
    {
      cr_db_rollback (db);
      return 0;
    }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  for (guint i = 0; i < undo->references->len; i++)
    {
      const Reference *ref = &g_array_index (undo->references, Reference, i);
      g_autoptr(CrRecord) change = cr_record_new (ref->entity);
      g_autoptr(GError) local = NULL;

      /* A row removed since then stays removed; the others point here again. */
      cr_record_set (change, ref->field->name, id_text);
      if (!cr_store_update (db, ref->entity, ref->id, change, &local) &&
          !g_error_matches (local, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          cr_db_rollback (db);
          return 0;
        }
    }
  for (guint i = 0; i < undo->links->len; i++)
    {
      const Links *links = &g_array_index (undo->links, Links, i);

      if (!cr_store_links_back (db, links->entity, links->field, links->back, id, error))
        {
          cr_db_rollback (db);
          return 0;
        }
    }
  /* A commit that fails has rolled back already. */
  if (!cr_db_commit (db, error))
    return 0;
  return id;
}

GPtrArray *
cr_undo_delete_dup_touched (CrUndoDelete *undo)
{
  GPtrArray *touched = g_ptr_array_new ();

  for (guint i = 0; i < undo->references->len; i++)
    {
      const CrEntity *entity = g_array_index (undo->references, Reference, i).entity;

      if (!g_ptr_array_find (touched, entity, NULL))
        g_ptr_array_add (touched, (gpointer) entity);
    }
  for (guint i = 0; i < undo->links->len; i++)
    {
      const Links *links = &g_array_index (undo->links, Links, i);

      if (links->back->len > 0 && !g_ptr_array_find (touched, links->entity, NULL))
        g_ptr_array_add (touched, (gpointer) links->entity);
    }
  return touched;
}

CrUndoDelete *
cr_undo_delete_ref (CrUndoDelete *undo)
{
  return g_rc_box_acquire (undo);
}

static void
clear (CrUndoDelete *undo)
{
  g_clear_pointer (&undo->record, cr_record_free);
  g_clear_pointer (&undo->references, g_array_unref);
  g_clear_pointer (&undo->links, g_array_unref);
}

void
cr_undo_delete_unref (CrUndoDelete *undo)
{
  if (undo != NULL)
    g_rc_box_release_full (undo, (GDestroyNotify) clear);
}
