/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-production"

#include "config.h"

#include "cr-error-words.h"
#include "cr-production.h"
#include "cr-store.h"

struct _CrProduction
{
  GObject parent_instance;

  /* owned */
  CrDb  *db;
  guint  poll_id;       /* looks for other programs' commits */
  guint  data_version;  /* the file's change count as last seen */
  gint64 record;        /* the one record ::changed is about, while it is emitted; 0: any */
};

/* Often enough that a row added on the command line shows while the user looks; one PRAGMA
 * that reads a shared-memory counter, so nearly free. */
#define POLL_SECONDS 1

G_DEFINE_FINAL_TYPE (CrProduction, cr_production, G_TYPE_OBJECT)

enum
{
  CHANGED,
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cr_production_finalize (GObject *object)
{
  CrProduction *self = CR_PRODUCTION (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->db, cr_db_close);
  G_OBJECT_CLASS (cr_production_parent_class)->finalize (object);
}

static void
cr_production_class_init (CrProductionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_production_finalize;

  /**
   * CrProduction::changed:
   * @entity: (type gpointer): the CrEntity whose rows changed, or NULL when another program
   *   (or another connection) changed the file and any rows may have changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /**
   * CrProduction::read-failed:
   * @line: what could not be read and why, in words: "Could not read the participants: the
   *   production file may be damaged"
   *
   * A list or page could not read rows it shows; the window says so once.
   */
  signals[READ_FAILED] = g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cr_production_init (CrProduction *self)
{
}

static gboolean
poll_cb (gpointer user_data)
{
  cr_production_check_for_changes (CR_PRODUCTION (user_data));
  return G_SOURCE_CONTINUE;
}

/* The process may end without finalizing us (a reference held to the end): fold the WAL
 * into the file anyway, so the file alone holds everything. */
static void
application_shutdown_cb (CrProduction *self)
{
  if (self->db != NULL)
    cr_db_checkpoint (self->db);
}

static CrProduction *
wrap (CrDb *db)
{
  CrProduction *self;
  GApplication *app = g_application_get_default ();

  if (db == NULL)
    return NULL;
  self = g_object_new (CR_TYPE_PRODUCTION, NULL);
  self->db = db;
  cr_db_has_changed (db, &self->data_version);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  if (app != NULL)
    g_signal_connect_object (app, "shutdown", G_CALLBACK (application_shutdown_cb), self, G_CONNECT_SWAPPED);
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

void
cr_production_changed_record (CrProduction   *self,
                              const CrEntity *entity,
                              gint64          id)
{
  gint64 outer;

  g_return_if_fail (CR_IS_PRODUCTION (self));
  outer = self->record;
  self->record = id;
  g_signal_emit (self, signals[CHANGED], 0, entity);
  self->record = outer;
}

gint64
cr_production_get_changed_record (CrProduction *self)
{
  g_return_val_if_fail (CR_IS_PRODUCTION (self), 0);
  return self->record;
}

void
cr_production_read_failed (CrProduction *self,
                           const char   *what,
                           const GError *error)
{
  g_autofree char *line = NULL;

  g_return_if_fail (CR_IS_PRODUCTION (self));
  g_return_if_fail (error != NULL);
  line = cr_error_words_read (error, what);
  g_signal_emit (self, signals[READ_FAILED], 0, line);
}

gboolean
cr_production_check_for_changes (CrProduction *self)
{
  g_return_val_if_fail (CR_IS_PRODUCTION (self), FALSE);

  if (!cr_db_has_changed (self->db, &self->data_version))
    return FALSE;
  /* Another program wrote: we cannot know which rows, so everything reloads. */
  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}
