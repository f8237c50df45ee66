/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-event-row"

#include "config.h"

#include "cr-cut-event-row.h"
#include "cr-cut-trim-popover.h"

struct _CrCutEventRow
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkLabel    *number;
  GtkImage    *poster_icon;
  GtkPicture  *poster;
  GtkLabel    *title;
  GtkLabel    *source;
  GtkLabel    *people;
  GtkLabel    *duration;
  GtkLabel    *record;
  GtkWidget   *badge;
  GtkImage    *badge_icon;
  GtkLabel    *badge_label;
  GtkMenuButton *trim_button;
  GtkWidget   *remove_button;

  /* owned */
  CrCutEvent  *event;
};

G_DEFINE_FINAL_TYPE (CrCutEventRow, cr_cut_event_row, GTK_TYPE_WIDGET)

enum
{
  MOVE_EVENT,
  REMOVE_EVENT,
  TRIM_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- trim: the popover is made the first time it is asked for ---- */

static char *
trim_asked_cb (CrCutEventRow *self,
               const char    *in,
               const char    *out)
{
  char *message = NULL;

  g_signal_emit (self, signals[TRIM_EVENT], 0, in, out, &message);
  return message;
}

static void
trim_shown_cb (CrCutEventRow *self,
               GtkWidget     *popover)
{
  if (self->event != NULL)
    cr_cut_trim_popover_set_range (CR_CUT_TRIM_POPOVER (popover), cr_cut_event_get_source_in (self->event),
                                   cr_cut_event_get_source_out (self->event));
}

static void
make_trim_popover (GtkMenuButton *button,
                   gpointer       user_data)
{
  CrCutEventRow *self = user_data;
  GtkWidget *popover = cr_cut_trim_popover_new ();

  g_signal_connect_object (popover, "trim", G_CALLBACK (trim_asked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (trim_shown_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, popover);
}

/* Tooltips are worked out when shown: setting one on every row of a long cut costs a
 * round trip to the display each (GTK asks where the pointer is). */
static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  CrCutEventRow *self)
{
  const char *text = NULL;

  if (widget == GTK_WIDGET (self->trim_button))
    text = "Trim the event’s in and out";
  else if (widget == self->remove_button)
    text = "Remove the event from the cut";
  else if (widget == GTK_WIDGET (self->record))
    text = "Where the event starts in the cut (record in)";
  else if (widget == self->badge && self->event != NULL)
    text = cr_cut_event_get_badge_words (self->event);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
remove_clicked_cb (CrCutEventRow *self)
{
  g_signal_emit (self, signals[REMOVE_EVENT], 0);
}

/* ---- drag and drop: an event's number travels; the row it lands on is where it goes ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrCutEventRow *self)
{
  if (self->event == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, cr_cut_event_get_position (self->event));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CrCutEventRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrCutEventRow *self)
{
  guint from = g_value_get_uint (value);

  if (self->event == NULL || from == cr_cut_event_get_position (self->event))
    return FALSE;
  g_signal_emit (self, signals[MOVE_EVENT], 0, from, cr_cut_event_get_position (self->event));
  return TRUE;
}

static void show_event (CrCutEventRow *self);

/* ---- the class ---- */

static void
cr_cut_event_row_dispose (GObject *object)
{
  CrCutEventRow *self = CR_CUT_EVENT_ROW (object);

  if (self->event != NULL)
    g_signal_handlers_disconnect_by_func (self->event, show_event, self);
  g_clear_object (&self->event);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CUT_EVENT_ROW);
  /* The template's unnamed children too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cr_cut_event_row_parent_class)->dispose (object);
}

static void
cr_cut_event_row_class_init (CrCutEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_cut_event_row_dispose;

  signals[MOVE_EVENT] = g_signal_new ("move-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[REMOVE_EVENT] = g_signal_new ("remove-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                        NULL, NULL, G_TYPE_NONE, 0);
  signals[TRIM_EVENT] = g_signal_new ("trim-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_STRING, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-cut-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, number);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, poster_icon);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, poster);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, title);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, source);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, people);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, duration);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, record);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, badge);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, badge_icon);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, trim_button);
  gtk_widget_class_bind_template_child (widget_class, CrCutEventRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cut-event");
}

static void
cr_cut_event_row_init (CrCutEventRow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_menu_button_set_create_popup_func (self->trim_button, make_trim_popover, self, NULL);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
cr_cut_event_row_new (void)
{
  return g_object_new (CR_TYPE_CUT_EVENT_ROW, NULL);
}

static const char *
badge_style (CrCutBadge badge)
{
  switch (badge)
    {
    case CR_CUT_BADGE_CLEARED: return "success";
    case CR_CUT_BADGE_NOBODY: return "warning";
    case CR_CUT_BADGE_PROBLEM: return "error";
    default: return "dim-label";
    }
}

static const char *
badge_icon (CrCutBadge badge)
{
  switch (badge)
    {
    case CR_CUT_BADGE_CLEARED: return "emblem-ok-symbolic";
    case CR_CUT_BADGE_NOBODY: return "dialog-question-symbolic";
    case CR_CUT_BADGE_PROBLEM: return "dialog-warning-symbolic";
    default: return "content-loading-symbolic";
    }
}

static void
show_event (CrCutEventRow *self)
{
  CrCutEvent *event = self->event;
  g_autofree char *number = NULL;
  g_autofree char *source = NULL;
  g_autofree char *record = NULL;
  GdkPaintable *poster;
  CrCutBadge badge;

  number = g_strdup_printf ("%u", cr_cut_event_get_position (event));
  source = g_strdup_printf ("%s  ·  %s – %s", cr_cut_event_get_source (event), cr_cut_event_get_source_in (event),
                            cr_cut_event_get_source_out (event));
  record = g_strdup_printf ("at %s", cr_cut_event_get_record_in (event));
  gtk_label_set_text (self->number, number);
  gtk_label_set_text (self->title, cr_cut_event_get_label (event) ? cr_cut_event_get_label (event)
                                                                  : cr_cut_event_get_source (event));
  gtk_label_set_text (self->source, source);
  gtk_label_set_text (self->people, cr_cut_event_get_people (event) ? cr_cut_event_get_people (event)
                                                                    : "Nobody linked");
  gtk_label_set_text (self->duration, cr_cut_event_get_duration (event));
  gtk_label_set_text (self->record, record);

  badge = cr_cut_event_get_badge (event);
  gtk_label_set_text (self->badge_label, cr_cut_event_get_badge_words (event));
  gtk_image_set_from_icon_name (self->badge_icon, badge_icon (badge));
  for (CrCutBadge b = CR_CUT_BADGE_UNCHECKED; b <= CR_CUT_BADGE_PROBLEM; b++)
    gtk_widget_remove_css_class (self->badge, badge_style (b));
  gtk_widget_add_css_class (self->badge, badge_style (badge));

  poster = cr_cut_event_get_poster (event);
  gtk_picture_set_paintable (self->poster, poster);
  gtk_image_set_from_icon_name (self->poster_icon,
                                cr_cut_event_has_video (event) ? "video-x-generic-symbolic" : "audio-x-generic-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->poster), poster != NULL);
}

void
cr_cut_event_row_bind (CrCutEventRow *self,
                       CrCutEvent    *event)
{
  g_return_if_fail (CR_IS_CUT_EVENT_ROW (self));
  if (self->event != NULL)
    g_signal_handlers_disconnect_by_func (self->event, show_event, self);
  g_set_object (&self->event, event);
  if (event == NULL)
    return;
  /* The page reads a cut again into the same events: the row follows its event. */
  g_signal_connect_object (event, "changed", G_CALLBACK (show_event), self, G_CONNECT_SWAPPED);
  show_event (self);
}

CrCutEvent *
cr_cut_event_row_get_event (CrCutEventRow *self)
{
  g_return_val_if_fail (CR_IS_CUT_EVENT_ROW (self), NULL);
  return self->event;
}

void
cr_cut_event_row_start_trim (CrCutEventRow *self)
{
  g_return_if_fail (CR_IS_CUT_EVENT_ROW (self));
  gtk_menu_button_popup (self->trim_button);
}
