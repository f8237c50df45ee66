/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-error-words.h"
#include "cr-player-private.h"
#include "cr-store.h"

/* The strip under the picture: the clip's length, its selects (click one to take its range,
 * drag an edge to change it), markers, the in/out range being marked and the playhead. */

#define EDGE_PX 5

static double
frame_x (CrPlayer *self,
         gint64    frame,
         int       width)
{
  return self->length > 0 ? (double) frame * width / self->length : 0;
}

static gint64
x_frame (CrPlayer *self,
         double    x,
         int       width)
{
  return width > 0 ? (gint64) (x * self->length / width) : 0;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  CrPlayer *self = user_data;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  GdkRGBA fg;

  if (self->clip == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  /* The clip. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
  cairo_rectangle (cr, 0, 8, width, height - 16);
  cairo_fill (cr);
  /* Existing selects, as blocks in the lower half. */
  for (guint i = 0; i < self->selects->len; i++)
    {
      CrRecord *s = g_ptr_array_index (self->selects, i);
      double x0 = frame_x (self, cr_record_get_int (s, "in_frame", 0), width);
      double x1 = frame_x (self, cr_record_get_int (s, "out_frame", 0), width);

      cairo_set_source_rgba (cr, 0.96, 0.76, 0.07, s->id == self->drag_select ? 0.9 : 0.6);
      cairo_rectangle (cr, x0, height / 2.0, MAX (x1 - x0, 2), height / 2.0 - 8);
      cairo_fill (cr);
    }
  /* The range being marked, in the upper half. */
  if (self->in >= 0 || self->out >= 0)
    {
      double x0 = frame_x (self, self->in >= 0 ? self->in : 0, width);
      double x1 = frame_x (self, self->out >= 0 ? self->out : self->length, width);

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.5);
      cairo_rectangle (cr, x0, 8, MAX (x1 - x0, 2), height / 2.0 - 8);
      cairo_fill (cr);
    }
  /* Markers: small triangles on top. */
  cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 1);
  for (guint i = 0; i < self->markers->len; i++)
    {
      double x = frame_x (self, cr_record_get_int (g_ptr_array_index (self->markers, i), "frame", 0), width);
      cairo_move_to (cr, x - 4, 0);
      cairo_line_to (cr, x + 4, 0);
      cairo_line_to (cr, x, 7);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  /* The playhead. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1);
  cairo_rectangle (cr, frame_x (self, self->position, width) - 1, 0, 2, height);
  cairo_fill (cr);
}

/* The select under x, and whether x is on its in or out edge. */
static CrRecord *
select_at (CrPlayer *self,
           double    x,
           double    y,
           int       width,
           int       height,
           int      *edge)
{
  *edge = 0;
  if (y < height / 2.0)
    return NULL;
  for (guint i = 0; i < self->selects->len; i++)
    {
      CrRecord *s = g_ptr_array_index (self->selects, i);
      double x0 = frame_x (self, cr_record_get_int (s, "in_frame", 0), width);
      double x1 = frame_x (self, cr_record_get_int (s, "out_frame", 0), width);

      if (x >= x0 - EDGE_PX && x <= x1 + EDGE_PX)
        {
          *edge = ABS (x - x0) <= EDGE_PX ? -1 : ABS (x - x1) <= EDGE_PX ? 1 : 0;
          return s;
        }
    }
  return NULL;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CrPlayer       *self)
{
  GtkWidget *area = GTK_WIDGET (self->scrubber);
  int edge;
  CrRecord *s = self->clip ? select_at (self, x, y, gtk_widget_get_width (area), gtk_widget_get_height (area), &edge) : NULL;

  self->drag_select = 0;
  if (self->clip == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (s != NULL && edge != 0)
    {
      self->drag_select = s->id;
      self->drag_in_edge = edge < 0;
    }
  else if (s != NULL)
    {
      /* Clicking a select takes its range, to play or re-mark it. */
      self->in = cr_record_get_int (s, "in_frame", 0);
      self->out = cr_record_get_int (s, "out_frame", 0);
      cr_player_update_range (self);
      cr_player_seek (self, self->in);
    }
  else
    cr_player_seek (self, x_frame (self, x, gtk_widget_get_width (area)));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CrPlayer       *self)
{
  double x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (self->scrubber));
  gint64 frame;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  frame = CLAMP (x_frame (self, x + dx, width), 0, self->length);
  if (self->drag_select == 0)
    {
      cr_player_seek (self, frame);
      return;
    }
  for (guint i = 0; i < self->selects->len; i++)
    {
      CrRecord *s = g_ptr_array_index (self->selects, i);
      if (s->id != self->drag_select)
        continue;
      cr_record_take (s, self->drag_in_edge ? "in_frame" : "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, frame));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->scrubber));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CrPlayer       *self)
{
  g_autoptr(CrRecord) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = self->drag_in_edge ? "in_frame" : "out_frame";

  if (self->drag_select == 0)
    return;
  changes = cr_record_new (&cr_entity_select);
  for (guint i = 0; i < self->selects->len; i++)
    {
      CrRecord *s = g_ptr_array_index (self->selects, i);
      if (s->id == self->drag_select)
        cr_record_set (changes, field, cr_record_get (s, field));
    }
  /* The store checks the edit (out after in, inside the clip); refused, the old range stays. */
  if (!cr_store_update (cr_production_get_db (self->production), &cr_entity_select, self->drag_select, changes, &error))
    {
      /* As the forms say it: never SQLite's words. */
      g_autofree char *words = cr_error_words (&cr_entity_select, error);
      cr_player_say (self, words);
    }
  else
    cr_production_changed (self->production, &cr_entity_select);
  self->drag_select = 0;
  cr_player_reload_marks (self);
}

void
cr_player_reload_marks (CrPlayer *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->clip->id);
  CrQuery query = { .field = "clip", .value = id };
  GPtrArray *list;

  g_ptr_array_set_size (self->selects, 0);
  g_ptr_array_set_size (self->markers, 0);
  if ((list = cr_store_list (db, &cr_entity_select, &query, NULL)))
    {
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (self->selects, cr_record_copy (g_ptr_array_index (list, i)));
      g_ptr_array_unref (list);
    }
  if ((list = cr_store_list (db, &cr_entity_marker, &query, NULL)))
    {
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (self->markers, cr_record_copy (g_ptr_array_index (list, i)));
      g_ptr_array_unref (list);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->scrubber));
}

void
cr_player_scrubber_init (CrPlayer *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_drawing_area_set_draw_func (self->scrubber, draw_cb, self, NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrubber), GTK_EVENT_CONTROLLER (drag));
}
