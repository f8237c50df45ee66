/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-cue-item.h"

struct _CrCueItem
{
  GObject   parent_instance;
  guint     index;      /* 0-based */
  gboolean  playing;
};

enum { PROP_0, PROP_PLAYING, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (CrCueItem, cr_cue_item, G_TYPE_OBJECT)

static void
cr_cue_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id == PROP_PLAYING)
    g_value_set_boolean (value, CR_CUE_ITEM (object)->playing);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cr_cue_item_class_init (CrCueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = cr_cue_item_get_property;
  props[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, props);
}

static void
cr_cue_item_init (CrCueItem *self)
{
}

CrCueItem *
cr_cue_item_new (guint index)
{
  CrCueItem *self = g_object_new (CR_TYPE_CUE_ITEM, NULL);

  self->index = index;
  return self;
}

guint
cr_cue_item_get_index (CrCueItem *self)
{
  return self->index;
}

gboolean
cr_cue_item_get_playing (CrCueItem *self)
{
  return self->playing;
}

void
cr_cue_item_set_playing (CrCueItem *self,
                         gboolean   playing)
{
  if (self->playing == playing)
    return;
  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PLAYING]);
}
