/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-row"

#include "config.h"

#include "cr-record-format.h"
#include "cr-row.h"

struct _CrRow
{
  GObject parent_instance;

  /* owned */
  CrRecord   *record;    /* NULL for a "none" row */
  GHashTable *display;   /* field name -> one-line text */
  char       *label;
};

G_DEFINE_FINAL_TYPE (CrRow, cr_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cells are one line high: a note's line breaks become spaces. */
static char *
one_line (char *text)
{
  if (text != NULL)
    g_strdelimit (text, "\r\n\t", ' ');
  return text;
}

static void
cr_row_finalize (GObject *object)
{
  CrRow *self = CR_ROW (object);

  g_clear_pointer (&self->record, cr_record_free);
  g_clear_pointer (&self->display, g_hash_table_unref);
  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (cr_row_parent_class)->finalize (object);
}

static void
cr_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CrRow *self = CR_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_row_class_init (CrRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_row_finalize;
  object_class->get_property = cr_row_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cr_row_init (CrRow *self)
{
  self->display = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

CrRow *
cr_row_new (CrDb     *db,
            CrRecord *record)
{
  CrRow *self = g_object_new (CR_TYPE_ROW, NULL);
  const CrEntity *entity = record->entity;

  self->record = record;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      char *text = one_line (cr_record_display (db, record, f));

      /* Keys are the field table's own strings, which live as long as the program. */
      if (text != NULL)
        g_hash_table_insert (self->display, (gpointer) f->name, text);
    }
  if (cr_record_get (record, entity->label))
    self->label = g_strdup (cr_row_get_display (self, entity->label));
  else
    self->label = cr_record_describe (record);
  return self;
}

CrRow *
cr_row_new_none (const char *label)
{
  CrRow *self = g_object_new (CR_TYPE_ROW, NULL);

  self->label = g_strdup (label);
  return self;
}

gint64
cr_row_get_id (CrRow *self)
{
  g_return_val_if_fail (CR_IS_ROW (self), 0);
  return self->record ? self->record->id : 0;
}

const CrRecord *
cr_row_get_record (CrRow *self)
{
  g_return_val_if_fail (CR_IS_ROW (self), NULL);
  return self->record;
}

const char *
cr_row_get_label (CrRow *self)
{
  g_return_val_if_fail (CR_IS_ROW (self), NULL);
  return self->label;
}

const char *
cr_row_get_display (CrRow      *self,
                    const char *field)
{
  const char *text;

  g_return_val_if_fail (CR_IS_ROW (self), "");
  text = g_hash_table_lookup (self->display, field);
  return text ? text : "";
}

void
cr_row_refill (CrRow *self,
               CrRow *fresh)
{
  CrRecord *record;
  GHashTable *display;
  char *label;

  g_return_if_fail (CR_IS_ROW (self));
  g_return_if_fail (CR_IS_ROW (fresh));
  /* Swapped, not copied: `fresh` goes away with the old contents. */
  record = self->record;
  display = self->display;
  label = self->label;
  self->record = fresh->record;
  self->display = fresh->display;
  self->label = fresh->label;
  fresh->record = record;
  fresh->display = display;
  fresh->label = label;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  g_signal_emit (self, signals[CHANGED], 0);
}
