/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-delivery"

#include "config.h"

#include "cr-delivery.h"

static void
person_free (CrDeliveryPerson *p)
{
  g_free (p->name);
  g_free (p->problem);
  g_free (p);
}

CrDelivery *
cr_delivery_new (void)
{
  CrDelivery *d = g_new0 (CrDelivery, 1);

  d->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  return d;
}

void
cr_delivery_free (CrDelivery *d)
{
  if (d == NULL)
    return;
  g_free (d->path);
  g_free (d->sha256);
  g_free (d->kind);
  g_free (d->format);
  g_free (d->cut_name);
  g_free (d->channel);
  g_free (d->delivered_at);
  g_ptr_array_unref (d->people);
  g_free (d);
}

void
cr_delivery_add_person (CrDelivery *d,
                        gint64      participant,
                        const char *problem)
{
  CrDeliveryPerson *p;

  for (guint i = 0; i < d->people->len; i++)
    {
      p = g_ptr_array_index (d->people, i);
      if (p->participant == participant)
        {
          /* In several events: the first problem found is the one kept. */
          if (p->problem == NULL)
            p->problem = g_strdup (problem);
          return;
        }
    }
  p = g_new0 (CrDeliveryPerson, 1);
  p->participant = participant;
  p->problem = g_strdup (problem);
  g_ptr_array_add (d->people, p);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *value)
{
  if (value)
    sqlite3_bind_text (stmt, col, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

gint64
cr_delivery_record (CrDb              *db,
                    const CrDelivery  *d,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) insert = cr_db_prepare (db,
    "INSERT INTO delivery (path, size, sha256, kind, format, cut, cut_name, channel, override)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) person = NULL;
  gint64 id;

  if (insert == NULL ||
      !(person = cr_db_prepare (db, "INSERT INTO delivery_participant (delivery, participant, problem) VALUES (?, ?, ?)",
                                error)) ||
      !cr_db_begin (db, error))
    return 0;
  bind_text (insert, 1, d->path);
  sqlite3_bind_int64 (insert, 2, d->size);
  bind_text (insert, 3, d->sha256);
  bind_text (insert, 4, d->kind);
  bind_text (insert, 5, d->format);
  sqlite3_bind_int64 (insert, 6, d->cut);
  bind_text (insert, 7, d->cut_name);
  bind_text (insert, 8, d->channel);
  sqlite3_bind_int (insert, 9, d->override ? 1 : 0);
  if (!cr_db_step_done (db, insert, error))
    goto fail;
  id = cr_db_last_insert_id (db);
  for (guint i = 0; i < d->people->len; i++)
    {
      CrDeliveryPerson *p = g_ptr_array_index (d->people, i);

      sqlite3_reset (person);
      sqlite3_bind_int64 (person, 1, id);
      sqlite3_bind_int64 (person, 2, p->participant);
      bind_text (person, 3, p->problem);
      if (!cr_db_step_done (db, person, error))
        goto fail;
    }
  return cr_db_commit (db, error) ? id : 0;

fail:
  cr_db_rollback (db);
  return 0;
}

GPtrArray *
cr_delivery_list (CrDb    *db,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT d.id, d.path, d.size, d.sha256, d.kind, d.format, d.cut, d.cut_name, d.channel, d.override,"
    " d.delivered_at, dp.participant, p.name, dp.problem"
    " FROM delivery d LEFT JOIN delivery_participant dp ON dp.delivery = d.id"
    " LEFT JOIN participant p ON p.id = dp.participant ORDER BY d.id, p.name COLLATE NOCASE, p.id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_delivery_free);
  CrDelivery *d = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(col) g_strdup ((const char *) sqlite3_column_text (stmt, col))
      if (d == NULL || d->id != sqlite3_column_int64 (stmt, 0))
        {
          d = cr_delivery_new ();
          d->id = sqlite3_column_int64 (stmt, 0);
          d->path = TEXT (1);
          d->size = sqlite3_column_int64 (stmt, 2);
          d->sha256 = TEXT (3);
          d->kind = TEXT (4);
          d->format = TEXT (5);
          d->cut = sqlite3_column_int64 (stmt, 6);
          d->cut_name = TEXT (7);
          d->channel = TEXT (8);
          d->override = sqlite3_column_int (stmt, 9) != 0;
          d->delivered_at = TEXT (10);
          g_ptr_array_add (list, d);
        }
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        {
          CrDeliveryPerson *p = g_new0 (CrDeliveryPerson, 1);
          p->participant = sqlite3_column_int64 (stmt, 11);
          p->name = TEXT (12);
          p->problem = TEXT (13);
          g_ptr_array_add (d->people, p);
        }
#undef TEXT
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
