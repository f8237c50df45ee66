/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-strip"

#include "config.h"

#include "cr-cut-event.h"
#include "cr-cut-strip.h"

struct _CrCutStrip
{
  GtkWidget   parent_instance;

  GListModel *events;
  guint       selected;
};

G_DEFINE_FINAL_TYPE (CrCutStrip, cr_cut_strip, GTK_TYPE_WIDGET)

#define GAP 2.0
#define HEIGHT 28

static gint64
total_length (CrCutStrip *self)
{
  guint n = self->events ? g_list_model_get_n_items (self->events) : 0;
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (self->events, i);
      total += cr_cut_event_get_length (event);
    }
  return total;
}

double
cr_cut_strip_get_share (CrCutStrip *self,
                        guint       position)
{
  g_autoptr(CrCutEvent) event = NULL;
  gint64 total = total_length (self);

  g_return_val_if_fail (CR_IS_CUT_STRIP (self), 0);
  if (total <= 0 || self->events == NULL || !(event = g_list_model_get_item (self->events, position)))
    return 0;
  return (double) cr_cut_event_get_length (event) / (double) total;
}

static void
badge_color (CrCutEvent *event,
             GdkRGBA    *color)
{
  /* The palette of libadwaita's accent, success, warning and error colours. */
  switch (cr_cut_event_get_badge (event))
    {
    case CR_CUT_BADGE_CLEARED: gdk_rgba_parse (color, "#26a269"); break;
    case CR_CUT_BADGE_PROBLEM: gdk_rgba_parse (color, "#e01b24"); break;
    case CR_CUT_BADGE_NOBODY: gdk_rgba_parse (color, "#cd9309"); break;
    default: gdk_rgba_parse (color, "#3584e4"); break;
    }
}

static void
cr_cut_strip_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CrCutStrip *self = CR_CUT_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n = self->events ? g_list_model_get_n_items (self->events) : 0;
  gint64 total = total_length (self), before = 0;
  /* Gaps between blocks while they leave the blocks most of the width; a long cut is one
   * bar of touching blocks, every one still as wide as its share. */
  double gap = n > 1 && GAP * (n - 1) <= width / 4 ? GAP : 0;
  double usable = width - gap * (n > 0 ? n - 1 : 0);
  GskRoundedRect whole;
  double selected_x = 0, selected_w = -1;

  if (n == 0 || total <= 0 || usable <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&whole, &GRAPHENE_RECT_INIT (0, 0, width, height), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &whole);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (self->events, i);
      gint64 length = cr_cut_event_get_length (event);
      /* From where the events before it end to where it ends: the widths add up exactly. */
      double x = usable * (double) before / (double) total + gap * i;
      double w = usable * (double) (before + length) / (double) total + gap * i - x;
      GdkRGBA color;

      before += length;
      badge_color (event, &color);
      if (i != self->selected)
        color.alpha = 0.55;
      if (gap > 0)
        {
          GskRoundedRect rect;

          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, 0, w, height), MIN (4, w / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, w, height));
          gtk_snapshot_pop (snapshot);
        }
      else
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, w, height));
      if (i == self->selected)
        {
          selected_x = x;
          selected_w = w;
        }
    }
  gtk_snapshot_pop (snapshot);
  /* The selected event outlined, at least as wide as its outline, over its neighbours. */
  if (selected_w >= 0)
    {
      GskRoundedRect rect;
      GdkRGBA border[4];
      float widths[4] = { 2, 2, 2, 2 };
      double w = MAX (selected_w, 6);
      double x = CLAMP (selected_x + selected_w / 2 - w / 2, 0, MAX (0, width - w));

      for (guint b = 0; b < 4; b++)
        gdk_rgba_parse (&border[b], "#1c71d8");
      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, 0, w, height), MIN (4, w / 2));
      gtk_snapshot_append_border (snapshot, &rect, widths, border);
    }
}

static void
cr_cut_strip_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? HEIGHT : 0;
}

static void
items_changed_cb (CrCutStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cr_cut_strip_dispose (GObject *object)
{
  cr_cut_strip_set_model (CR_CUT_STRIP (object), NULL);
  G_OBJECT_CLASS (cr_cut_strip_parent_class)->dispose (object);
}

static void
cr_cut_strip_class_init (CrCutStripClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_cut_strip_dispose;
  widget_class->snapshot = cr_cut_strip_snapshot;
  widget_class->measure = cr_cut_strip_measure;
  gtk_widget_class_set_css_name (widget_class, "cut-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cr_cut_strip_init (CrCutStrip *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
}

GtkWidget *
cr_cut_strip_new (void)
{
  return g_object_new (CR_TYPE_CUT_STRIP, NULL);
}

void
cr_cut_strip_set_model (CrCutStrip *self,
                        GListModel *events)
{
  g_return_if_fail (CR_IS_CUT_STRIP (self));
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_set_object (&self->events, events);
  if (events != NULL)
    g_signal_connect_object (events, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cr_cut_strip_set_selected (CrCutStrip *self,
                           guint       position)
{
  g_return_if_fail (CR_IS_CUT_STRIP (self));
  self->selected = position;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
