/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-time.h"
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

      cairo_set_source_rgba (cr, 0.96, 0.76, 0.07, self->drag_select != 0 && s->id == self->drag_select ? 0.9 : 0.6);
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

/* The select with this id among those drawn, or NULL. */
static CrRecord *
drawn_select (CrPlayer *self,
              gint64    id)
{
  for (guint i = 0; i < self->selects->len; i++)
    if (((CrRecord *) g_ptr_array_index (self->selects, i))->id == id)
      return g_ptr_array_index (self->selects, i);
  return NULL;
}

/* The select's range becomes the range marked, as if marked with I and O. */
static void
take_range (CrPlayer *self,
            CrRecord *s)
{
  self->in = cr_record_get_int (s, "in_frame", 0);
  self->out = cr_record_get_int (s, "out_frame", 0);
  cr_player_update_range (self);
}

/* A press on a select (its body or an edge) takes its range and shows its in point, to play
 * or re-mark it; elsewhere, the playhead goes where it was pressed. */
static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CrPlayer       *self)
{
  GtkWidget *area = GTK_WIDGET (self->scrubber);
  int edge = 0;
  CrRecord *s = self->clip ? select_at (self, x, y, gtk_widget_get_width (area), gtk_widget_get_height (area), &edge) : NULL;

  self->drag_x = x;
  self->drag_y = y;
  self->drag_select = 0;
  self->drag_edge = 0;
  self->drag_moved = FALSE;
  if (self->clip == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (s != NULL)
    {
      self->drag_select = s->id;
      self->drag_edge = edge;
      take_range (self, s);
      cr_player_seek (self, self->in);
    }
  else
    cr_player_seek (self, x_frame (self, x, gtk_widget_get_width (area)));
}

/* Dragging an edge moves it (drawn as it goes, the frame at the edge shown; written when
 * the drag ends); dragging anywhere else scrubs. A press on a select that moves less than
 * the drag threshold is a click: it does not throw the playhead off the select's in point. */
static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CrPlayer       *self)
{
  GtkWidget *area = GTK_WIDGET (self->scrubber);
  gint64 frame = CLAMP (x_frame (self, self->drag_x + dx, gtk_widget_get_width (area)), 0, self->length);
  CrRecord *s;

  if (self->clip == NULL)
    return;
  if (self->drag_select != 0 && !self->drag_moved &&
      !gtk_drag_check_threshold (area, (int) self->drag_x, (int) self->drag_y, (int) (self->drag_x + dx),
                                 (int) (self->drag_y + dy)))
    return;
  self->drag_moved = TRUE;
  if (self->drag_edge == 0 || (s = drawn_select (self, self->drag_select)) == NULL)
    {
      cr_player_seek (self, frame);
      return;
    }
  cr_record_take (s, self->drag_edge < 0 ? "in_frame" : "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, frame));
  take_range (self, s);
  /* The frame the edge keeps: the in point, or the last frame before the (exclusive) out. */
  cr_player_seek (self, self->drag_edge < 0 ? frame : frame - 1);
}

/* An edge dragged is written as `casereel select edit` writes it: one update through the
 * store, whose check (out after in, inside the clip) is the command line's; refused, it
 * says why in the clip's timecode and the select keeps its range. */
static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CrPlayer       *self)
{
  g_autoptr(CrRecord) changes = NULL;
  g_autoptr(GError) error = NULL;
  CrDb *db = cr_production_get_db (self->production);
  const char *field = self->drag_edge < 0 ? "in_frame" : "out_frame";
  gint64 id = self->drag_select;
  CrRecord *s = id != 0 ? drawn_select (self, id) : NULL;

  self->drag_select = 0;
  if (s == NULL || self->drag_edge == 0 || !self->drag_moved)
    return;
  changes = cr_record_new (&cr_entity_select);
  cr_record_set (changes, field, cr_record_get (s, field));
  /* Refused first in the clip's timecode, as the strip shows it; the store says frames. */
  if (!cr_clip_check_range (db, self->clip->id, cr_record_get_int (s, "in_frame", 0),
                            cr_record_get_int (s, "out_frame", 0), self->drag_edge > 0, &error) ||
      !cr_store_update (db, &cr_entity_select, id, changes, &error))
    {
      /* In words, never SQLite's, and the points as the strip calls them. */
      static const char * const points[] = { "in_frame", "In", "out_frame", "Out", NULL };
      g_autofree char *words = cr_error_words_line (&cr_entity_select, error, points);
      cr_player_say (self, words);
    }
  else
    {
      cr_player_say (self, NULL);
      cr_production_changed (self->production, &cr_entity_select);
    }
  /* The select as the file holds it now, and its range as the one marked. */
  cr_player_reload_marks (self);
  if ((s = drawn_select (self, id)) != NULL)
    take_range (self, s);
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
