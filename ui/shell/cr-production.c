/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-production"

#include "config.h"

#include "cr-production.h"
#include "cr-store.h"

struct _CrProduction
{
  GObject parent_instance;

  /* owned */
  CrDb *db;
};

G_DEFINE_FINAL_TYPE (CrProduction, cr_production, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cr_production_finalize (GObject *object)
{
  CrProduction *self = CR_PRODUCTION (object);

  g_clear_pointer (&self->db, cr_db_close);
  G_OBJECT_CLASS (cr_production_parent_class)->finalize (object);
}

static void
cr_production_class_init (CrProductionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_production_finalize;

  /**
   * CrProduction::changed:
   * @entity: (type gpointer): the CrEntity whose rows changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
cr_production_init (CrProduction *self)
{
}

static CrProduction *
wrap (CrDb *db)
{
  CrProduction *self;

  if (db == NULL)
    return NULL;
  self = g_object_new (CR_TYPE_PRODUCTION, NULL);
  self->db = db;
  return self;
}

CrProduction *
cr_production_open (const char  *path,
                    GError     **error)
{
  return wrap (cr_db_open (path, error));
}

CrProduction *
cr_production_create (const char  *path,
                      const char  *title,
                      GError     **error)
{
  return wrap (cr_db_create (path, title, error));
}

CrProduction *
cr_production_open_or_create (const char  *path,
                              const char  *title,
                              GError     **error)
{
  return wrap (cr_db_open_or_create (path, title, error));
}

CrDb *
cr_production_get_db (CrProduction *self)
{
  g_return_val_if_fail (CR_IS_PRODUCTION (self), NULL);
  return self->db;
}

const char *
cr_production_get_path (CrProduction *self)
{
  g_return_val_if_fail (CR_IS_PRODUCTION (self), NULL);
  return cr_db_get_path (self->db);
}

char *
cr_production_dup_title (CrProduction *self)
{
  g_autoptr(CrRecord) record = cr_store_get (self->db, &cr_entity_production, 1, NULL);
  g_autofree char *base = NULL;
  char *dot;

  if (record && cr_record_get (record, "title"))
    return g_strdup (cr_record_get (record, "title"));
  base = g_path_get_basename (cr_production_get_path (self));
  if ((dot = strrchr (base, '.')) && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

void
cr_production_changed (CrProduction   *self,
                       const CrEntity *entity)
{
  g_return_if_fail (CR_IS_PRODUCTION (self));
  g_signal_emit (self, signals[CHANGED], 0, entity);
}
