/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-trim"

#include "config.h"

#include "cr-cut-trim-popover.h"

struct _CrCutTrimPopover
{
  GtkPopover  parent_instance;

  /* template widgets */
  GtkEntry   *in_entry;
  GtkEntry   *out_entry;
  GtkLabel   *trim_error;
  GtkWidget  *trim_apply;
};

G_DEFINE_FINAL_TYPE (CrCutTrimPopover, cr_cut_trim_popover, GTK_TYPE_POPOVER)

enum
{
  TRIM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
trim_clicked_cb (CrCutTrimPopover *self)
{
  g_autofree char *message = NULL;

  g_signal_emit (self, signals[TRIM], 0, gtk_editable_get_text (GTK_EDITABLE (self->in_entry)),
                 gtk_editable_get_text (GTK_EDITABLE (self->out_entry)), &message);
  if (message == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }
  gtk_label_set_text (self->trim_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->trim_error), TRUE);
}

static void
cr_cut_trim_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CR_TYPE_CUT_TRIM_POPOVER);
  G_OBJECT_CLASS (cr_cut_trim_popover_parent_class)->dispose (object);
}

static void
cr_cut_trim_popover_class_init (CrCutTrimPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_cut_trim_popover_dispose;

  signals[TRIM] = g_signal_new ("trim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_STRING, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-cut-trim-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CrCutTrimPopover, in_entry);
  gtk_widget_class_bind_template_child (widget_class, CrCutTrimPopover, out_entry);
  gtk_widget_class_bind_template_child (widget_class, CrCutTrimPopover, trim_error);
  gtk_widget_class_bind_template_child (widget_class, CrCutTrimPopover, trim_apply);
  gtk_widget_class_bind_template_callback (widget_class, trim_clicked_cb);
}

static void
cr_cut_trim_popover_init (CrCutTrimPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), self->trim_apply);
}

GtkWidget *
cr_cut_trim_popover_new (void)
{
  return g_object_new (CR_TYPE_CUT_TRIM_POPOVER, NULL);
}

void
cr_cut_trim_popover_set_range (CrCutTrimPopover *self,
                               const char       *source_in,
                               const char       *source_out)
{
  g_return_if_fail (CR_IS_CUT_TRIM_POPOVER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->in_entry), source_in ? source_in : "");
  gtk_editable_set_text (GTK_EDITABLE (self->out_entry), source_out ? source_out : "");
  gtk_widget_set_visible (GTK_WIDGET (self->trim_error), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->in_entry));
}
