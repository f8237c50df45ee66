/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cell-text"

#include "config.h"

#include "cr-cell-text.h"
#include "cr-words.h"

#define ICON_SIZE 16
#define ICON_GAP 6

struct _CrCellText
{
  GtkWidget parent_instance;

  char        *text;
  CrCellTone   tone;
  PangoLayout *layout;       /* made when first drawn or measured across */
  int          line_height;  /* of the font, in pixels; 0: not yet known */
};

G_DEFINE_FINAL_TYPE (CrCellText, cr_cell_text, GTK_TYPE_WIDGET)

static gboolean
has_icon (CrCellText *self)
{
  return self->tone >= CR_CELL_TONE_SUCCESS;
}

static int
text_start (CrCellText *self)
{
  return has_icon (self) ? ICON_SIZE + ICON_GAP : 0;
}

static PangoLayout *
ensure_layout (CrCellText *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  return self->layout;
}

/* The font's line, as a one-line label of it is tall: what every row of the table shares. */
static int
line_height (CrCellText *self)
{
  if (self->line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->line_height = MAX (1, PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                                     pango_font_metrics_get_descent (metrics)));
      pango_font_metrics_unref (metrics);
    }
  return self->line_height;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  CrCellText *self = CR_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = MAX (line_height (self), has_icon (self) ? ICON_SIZE : 0);
      return;
    }
  /* Across: as wide as the whole text, and narrower by ellipsizing it. */
  {
    PangoLayout *layout = ensure_layout (self);
    PangoRectangle logical;

    pango_layout_set_width (layout, -1);
    pango_layout_get_pixel_extents (layout, NULL, &logical);
    *minimum = text_start (self);
    *natural = text_start (self) + logical.width;
  }
}

static GdkRGBA
tone_color (CrCellText *self)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  const char *name = NULL;
  GdkRGBA color;

  switch (self->tone)
    {
    case CR_CELL_TONE_SUCCESS: name = "success_color"; break;
    case CR_CELL_TONE_WARNING: name = "warning_color"; break;
    case CR_CELL_TONE_ERROR: name = "error_color"; break;
    case CR_CELL_TONE_PLAIN:
    case CR_CELL_TONE_DIM:
    default: break;
    }
  if (name == NULL || !gtk_style_context_lookup_color (style, name, &color))
    gtk_style_context_get_color (style, &color);
  /* As libadwaita's dim-label. */
  if (self->tone == CR_CELL_TONE_DIM)
    color.alpha *= 0.55f;
  return color;
}

static void
draw_icon (CrCellText    *self,
           GtkSnapshot   *snapshot,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, cr_words_status_icon (
                                                                   self->tone == CR_CELL_TONE_SUCCESS ? "success"
                                                                   : self->tone == CR_CELL_TONE_WARNING ? "warning"
                                                                   : "error"),
                                                                 NULL, ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                                                 gtk_widget_get_direction (widget), 0);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), ICON_SIZE,
                                            ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot (GtkWidget   *widget,
          GtkSnapshot *snapshot)
{
  CrCellText *self = CR_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int start = text_start (self);
  int room = MAX (0, width - start);
  GdkRGBA color = tone_color (self);
  PangoLayout *layout;
  PangoRectangle logical;

  if (has_icon (self))
    draw_icon (self, snapshot, rtl ? width - ICON_SIZE : 0, (height - ICON_SIZE) / 2.0f, &color);
  if (self->text == NULL || *self->text == '\0' || room == 0)
    return;
  layout = ensure_layout (self);
  if (pango_layout_get_width (layout) != room * PANGO_SCALE)
    pango_layout_set_width (layout, room * PANGO_SCALE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl ? 0 : start, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
css_changed (GtkWidget         *widget,
             GtkCssStyleChange *change)
{
  CrCellText *self = CR_CELL_TEXT (widget);

  GTK_WIDGET_CLASS (cr_cell_text_parent_class)->css_changed (widget, change);
  /* A new font or theme: laid out and measured again, coloured again. */
  g_clear_object (&self->layout);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
direction_changed (GtkWidget        *widget,
                   GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
cr_cell_text_finalize (GObject *object)
{
  CrCellText *self = CR_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (cr_cell_text_parent_class)->finalize (object);
}

static void
cr_cell_text_class_init (CrCellTextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cr_cell_text_finalize;
  widget_class->measure = measure;
  widget_class->snapshot = snapshot;
  widget_class->css_changed = css_changed;
  widget_class->direction_changed = direction_changed;
  gtk_widget_class_set_css_name (widget_class, "celltext");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cr_cell_text_init (CrCellText *self)
{
}

GtkWidget *
cr_cell_text_new (void)
{
  return g_object_new (CR_TYPE_CELL_TEXT, NULL);
}

void
cr_cell_text_set (CrCellText *self,
                  const char *text,
                  CrCellTone  tone)
{
  g_return_if_fail (CR_IS_CELL_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0 && self->tone == tone)
    return;
  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      if (self->layout != NULL)
        pango_layout_set_text (self->layout, text, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  self->tone = tone;
  /* Measured again, which is cheap: its height is its font's, whatever the text, and only a
   * measure across (its natural width) lays the text out. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cr_cell_text_set_text (CrCellText *self,
                       const char *text)
{
  g_return_if_fail (CR_IS_CELL_TEXT (self));

  cr_cell_text_set (self, text, self->tone);
}

const char *
cr_cell_text_get_text (CrCellText *self)
{
  g_return_val_if_fail (CR_IS_CELL_TEXT (self), NULL);

  return self->text ? self->text : "";
}

CrCellTone
cr_cell_text_get_tone (CrCellText *self)
{
  g_return_val_if_fail (CR_IS_CELL_TEXT (self), CR_CELL_TONE_PLAIN);

  return self->tone;
}

CrCellTone
cr_cell_tone_for_style (const char *style_class)
{
  if (g_strcmp0 (style_class, "success") == 0)
    return CR_CELL_TONE_SUCCESS;
  if (g_strcmp0 (style_class, "warning") == 0)
    return CR_CELL_TONE_WARNING;
  if (g_strcmp0 (style_class, "error") == 0)
    return CR_CELL_TONE_ERROR;
  return CR_CELL_TONE_DIM;
}
