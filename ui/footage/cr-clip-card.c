/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-words.h"
#include "cr-thumbnail.h"

/* One widget that draws itself: GtkGridView 4.8 makes a card for every clip it lays out (30
 * rows of them) whenever the clips change or a row scrolls in, and a card of eight widgets
 * built from a template was most of a search's main-loop turn. Drawn, a card costs its text. */

typedef enum { BADGE_PLAIN, BADGE_ERROR, BADGE_WARNING, BADGE_ACCENT } BadgeStyle;

typedef struct
{
  const char *icon;
  BadgeStyle  style;
  char       *tooltip;
} Badge;

#define MAX_BADGES 3

struct _CrClipCard
{
  GtkWidget     parent_instance;

  char         *name;
  char         *meta;
  char         *duration;       /* or NULL */
  const char   *placeholder;    /* the icon until the poster comes */
  char         *path_tooltip;   /* over the name */
  char         *meta_tooltip;   /* over the second line */
  char         *spoken;         /* all of it in words */
  Badge         badges[MAX_BADGES];
  guint         n_badges;
  GdkPaintable *poster;
  PangoLayout  *name_layout;    /* made when first drawn after a bind */
  PangoLayout  *meta_layout;
  PangoLayout  *duration_layout;

  /* owned */
  CrRow        *row;            /* the clip shown, whose ::changed binds it again */
  CrProduction *production;     /* not owned: the page's, which outlives its cards */
  gulong        row_changed;
  GCancellable *loading;
  guint         poster_source;  /* the poster is asked for when this fires */
  char         *poster_path;
};

/* The poster's size: every card is as wide, whatever its text. */
#define CARD_WIDTH 176
#define POSTER_HEIGHT 99
#define LINE_GAP 6
#define BADGE_SIZE 16
#define BADGE_PADDING 3
#define OVERLAY_MARGIN 6

/* A card asks for its poster once it has stayed bound this long. Scrolling through 100,000
 * clips binds thousands of cards on the way; each asking at once filled GTask's thread pool
 * queue, whose sorted insert grew with it, with requests cancelled a frame later. */
#define POSTER_DELAY_MS 60

/* The height of a line of each text, measured once for every card in the font they were
 * measured in: a card's size never depends on its clip (one ellipsized line each), so the
 * grid measures nothing per bind. */
static int name_line_height, meta_line_height;
static char *measured_font;

G_DEFINE_FINAL_TYPE (CrClipCard, cr_clip_card, GTK_TYPE_WIDGET)

static void
poster_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree char *png = cr_thumbnail_cache_write (task_data, CR_THUMBNAIL_LARGE, cancellable, &error);
  GdkTexture *texture;

  if (png == NULL || !(texture = gdk_texture_new_from_filename (png, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, texture, g_object_unref);
}

void
cr_clip_poster_load_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cr_clip_poster_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, poster_in_thread);
}

GdkTexture *
cr_clip_poster_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
poster_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CrClipCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = cr_clip_poster_load_finish (result, &error);

  /* A card reused for another clip meanwhile has a new request; this one is stale. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  if (texture != NULL)
    {
      g_set_object (&self->poster, GDK_PAINTABLE (texture));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    g_debug ("%s", error->message);
}

static void
add_badge (CrClipCard *self,
           const char *icon,
           const char *tooltip,
           BadgeStyle  style)
{
  Badge *badge;

  if (self->n_badges == MAX_BADGES)
    return;
  badge = &self->badges[self->n_badges++];
  badge->icon = icon;
  badge->style = style;
  badge->tooltip = g_strdup (tooltip);
}

static void
clear (CrClipCard *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->meta, g_free);
  g_clear_pointer (&self->duration, g_free);
  g_clear_pointer (&self->path_tooltip, g_free);
  g_clear_pointer (&self->meta_tooltip, g_free);
  g_clear_pointer (&self->spoken, g_free);
  for (guint i = 0; i < self->n_badges; i++)
    g_clear_pointer (&self->badges[i].tooltip, g_free);
  self->n_badges = 0;
  g_clear_object (&self->poster);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->meta_layout);
  g_clear_object (&self->duration_layout);
}

static gboolean
ask_for_poster_cb (gpointer data)
{
  CrClipCard *self = data;

  self->poster_source = 0;
  self->loading = g_cancellable_new ();
  cr_clip_poster_load_async (self->poster_path, self->loading, poster_loaded_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
row_changed_cb (CrClipCard *self)
{
  cr_clip_card_bind (self, self->production, self->row);
}

void
cr_clip_card_bind (CrClipCard   *self,
                   CrProduction *production,
                   CrRow        *row)
{
  const CrRecord *clip;
  const char *status;
  g_autofree char *rate = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  gint64 rating;

  /* The same clip shown again (logged): its poster stays, with no flash of the placeholder. */
  g_autoptr(GdkPaintable) kept = self->row == row && self->poster ? g_object_ref (self->poster) : NULL;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->poster_source, g_source_remove);
  clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->row != row)
    {
      if (self->row)
        g_clear_signal_handler (&self->row_changed, self->row);
      g_set_object (&self->row, row);
      /* A row read again in place (its clip was logged) is shown again. */
      if (row)
        self->row_changed = g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
    }
  self->production = production;
  if (row == NULL)
    {
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), FALSE);
      return;
    }

  clip = cr_row_get_record (row);
  status = cr_record_get (clip, "status");
  self->name = g_strdup (cr_row_get_label (row));
  self->path_tooltip = g_strdup (cr_record_get (clip, "path"));
  self->duration = cr_clip_words_duration (cr_production_get_db (production), clip);
  if (cr_record_get (clip, "tc_start"))
    g_string_append_printf (meta, "TC %s", cr_record_get (clip, "tc_start"));
  if ((rate = cr_clip_words_rate (clip)))
    g_string_append_printf (meta, "%s%s fps", meta->len ? " · " : "", rate);
  else if (cr_record_get_int (clip, "has_audio", 0) && !cr_record_get_int (clip, "has_video", 0))
    g_string_append_printf (meta, "%sSound only", meta->len ? " · " : "");

  self->placeholder = cr_record_get_int (clip, "has_video", 0) ? "camera-video-symbolic" : "audio-x-generic-symbolic";
  if (g_strcmp0 (status, "failed") == 0)
    {
      self->placeholder = "dialog-warning-symbolic";
      add_badge (self, "dialog-error-symbolic", cr_record_get (clip, "error"), BADGE_ERROR);
      /* The reason names the file; the card already does, so it says what went wrong. */
      g_string_assign (meta, "Could not be read");
      self->meta_tooltip = g_strdup (cr_record_get (clip, "error"));
    }
  else if (g_strcmp0 (status, "offline") == 0)
    add_badge (self, "network-offline-symbolic", "Offline: the file is no longer where it was indexed", BADGE_WARNING);
  if (cr_record_get (clip, "interview"))
    {
      g_autofree char *tip = g_strdup_printf ("Interview: %s", cr_row_get_display (row, "interview"));
      add_badge (self, "user-available-symbolic", tip, BADGE_PLAIN);
    }
  if ((rating = cr_record_get_int (clip, "rating", 0)) > 0)
    {
      g_autofree char *tip = g_strdup_printf ("%" G_GINT64_FORMAT " of 5 stars", rating);
      add_badge (self, "starred-symbolic", tip, BADGE_ACCENT);
    }
  self->meta = g_string_free (g_steal_pointer (&meta), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* What a screen reader says of the card: what it shows, badges in words. */
  g_string_append (spoken, self->name);
  if (self->duration)
    g_string_append_printf (spoken, ", %s", self->duration);
  if (*self->meta)
    g_string_append_printf (spoken, ", %s", self->meta);
  for (guint i = 0; i < self->n_badges; i++)
    if (self->badges[i].tooltip)
      g_string_append_printf (spoken, ", %s", self->badges[i].tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
  self->spoken = g_string_free (g_steal_pointer (&spoken), FALSE);

  /* Only clips that can be read get a poster; the placeholder stays for the others. */
  if (g_strcmp0 (status, "online") == 0 && kept != NULL)
    self->poster = g_steal_pointer (&kept);
  else if (g_strcmp0 (status, "online") == 0)
    {
      g_free (self->poster_path);
      self->poster_path = g_strdup (cr_record_get (clip, "path"));
      self->poster_source = g_timeout_add (POSTER_DELAY_MS, ask_for_poster_cb, self);
    }
}

/* ---- drawing ---- */

static PangoLayout *
make_layout (GtkWidget          *widget,
             const char         *text,
             PangoWeight         weight,
             double              scale,
             PangoEllipsizeMode  ellipsize,
             int                 width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  /* Figures of one width, as the "numeric" style class: timecodes do not shift. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, ellipsize);
  if (width > 0)
    pango_layout_set_width (layout, width * PANGO_SCALE);
  return layout;
}

/* libadwaita's .heading and .caption, as the card's two lines were styled. */
#define NAME_WEIGHT PANGO_WEIGHT_BOLD
#define META_SCALE (9.0 / 11.0)
#define DURATION_SCALE (1.0 / 1.2)

static char *
font_of (GtkWidget *widget)
{
  return pango_font_description_to_string (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static void
measure_lines (GtkWidget *widget)
{
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) meta = NULL;

  if (name_line_height > 0)
    return;
  g_free (measured_font);
  measured_font = font_of (widget);
  name = make_layout (widget, "Ag", NAME_WEIGHT, 1.0, PANGO_ELLIPSIZE_NONE, -1);
  meta = make_layout (widget, "Ag", PANGO_WEIGHT_NORMAL, META_SCALE, PANGO_ELLIPSIZE_NONE, -1);
  pango_layout_get_pixel_size (name, NULL, &name_line_height);
  pango_layout_get_pixel_size (meta, NULL, &meta_line_height);
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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = CARD_WIDTH;
  else
    {
      measure_lines (widget);
      *minimum = *natural = POSTER_HEIGHT + LINE_GAP + name_line_height + LINE_GAP + meta_line_height;
    }
}

static GdkRGBA
theme_color (GtkWidget  *widget,
             const char *name,
             const char *fallback)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  return color;
}

static void
draw_icon (GtkWidget     *widget,
           GtkSnapshot   *snapshot,
           const char    *name,
           int            size,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, size,
                                                                 gtk_widget_get_scale_factor (widget),
                                                                 gtk_widget_get_direction (widget), 0);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), size, size,
                                            color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
draw_poster (CrClipCard  *self,
             GtkSnapshot *snapshot,
             int          width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GskRoundedRect frame;
  GdkRGBA black = { 0, 0, 0, 1 };

  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (0, 0, width, POSTER_HEIGHT), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_color (snapshot, &black, &frame.bounds);
  if (self->poster)
    {
      /* Contained: the whole picture, centred, at its own shape. */
      double ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->poster);
      double w = width, h = POSTER_HEIGHT;

      if (ratio > 0 && ratio * h > w)
        h = w / ratio;
      else if (ratio > 0)
        w = ratio * h;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2, (POSTER_HEIGHT - h) / 2));
      gdk_paintable_snapshot (self->poster, GDK_SNAPSHOT (snapshot), w, h);
      gtk_snapshot_restore (snapshot);
    }
  else if (self->placeholder)
    {
      GdkRGBA dim = { 1, 1, 1, 0.6 };
      draw_icon (widget, snapshot, self->placeholder, 32, (width - 32) / 2.0, (POSTER_HEIGHT - 32) / 2.0, &dim);
    }
  gtk_snapshot_pop (snapshot);

  /* Badges in the top right corner, in their colours. */
  for (guint i = 0; i < self->n_badges; i++)
    {
      const Badge *badge = &self->badges[self->n_badges - 1 - i];
      int size = BADGE_SIZE + 2 * BADGE_PADDING;
      float x = width - OVERLAY_MARGIN - (i + 1) * size - i * 4, y = OVERLAY_MARGIN;
      GdkRGBA bg = { 0, 0, 0, 0.6 }, fg = { 1, 1, 1, 1 };
      GskRoundedRect circle;

      if (badge->style == BADGE_ERROR)
        bg = theme_color (widget, "error_bg_color", "#c01c28"), fg = theme_color (widget, "error_fg_color", "white");
      else if (badge->style == BADGE_WARNING)
        bg = theme_color (widget, "warning_bg_color", "#cd9309"), fg = theme_color (widget, "warning_fg_color", "black");
      else if (badge->style == BADGE_ACCENT)
        bg = theme_color (widget, "accent_bg_color", "#3584e4"), fg = theme_color (widget, "accent_fg_color", "white");
      gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x, y, size, size), size / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, &bg, &circle.bounds);
      gtk_snapshot_pop (snapshot);
      draw_icon (widget, snapshot, badge->icon, BADGE_SIZE, x + BADGE_PADDING, y + BADGE_PADDING, &fg);
    }

  /* The length in a dark pill in the bottom right corner. */
  if (self->duration)
    {
      GdkRGBA pill = { 0, 0, 0, 0.65 }, white = { 1, 1, 1, 1 };
      GskRoundedRect box;
      int w, h;

      if (self->duration_layout == NULL)
        self->duration_layout = make_layout (widget, self->duration, PANGO_WEIGHT_NORMAL, DURATION_SCALE,
                                             PANGO_ELLIPSIZE_NONE, -1);
      pango_layout_get_pixel_size (self->duration_layout, &w, &h);
      gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (width - OVERLAY_MARGIN - w - 10,
                                                                  POSTER_HEIGHT - OVERLAY_MARGIN - h - 2, w + 10, h + 2), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &pill, &box.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.bounds.origin.x + 5, box.bounds.origin.y + 1));
      gtk_snapshot_append_layout (snapshot, self->duration_layout, &white);
      gtk_snapshot_restore (snapshot);
    }
}

static void
snapshot (GtkWidget   *widget,
          GtkSnapshot *snapshot)
{
  CrClipCard *self = CR_CLIP_CARD (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, dim;

  if (self->name == NULL)
    return;
  measure_lines (widget);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.55;   /* as .dim-label */
  draw_poster (self, snapshot, width);
  if (self->name_layout == NULL)
    self->name_layout = make_layout (widget, self->name, NAME_WEIGHT, 1.0, PANGO_ELLIPSIZE_MIDDLE, width);
  if (self->meta_layout == NULL)
    self->meta_layout = make_layout (widget, self->meta, PANGO_WEIGHT_NORMAL, META_SCALE, PANGO_ELLIPSIZE_END, width);
  pango_layout_set_width (self->name_layout, width * PANGO_SCALE);
  pango_layout_set_width (self->meta_layout, width * PANGO_SCALE);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, POSTER_HEIGHT + LINE_GAP));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, name_line_height + LINE_GAP));
  gtk_snapshot_append_layout (snapshot, self->meta_layout, &dim);
  gtk_snapshot_restore (snapshot);
}

/* The tooltip of what is under the pointer: a badge says what it means, the name shows the
 * file's path, a failed clip's second line its reason. Asked for when shown: setting one on
 * a shown widget asks the X server where the pointer is, and a card binds often. */
static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  CrClipCard *self = CR_CLIP_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int size = BADGE_SIZE + 2 * BADGE_PADDING;
  const char *text = NULL;

  if (y >= OVERLAY_MARGIN && y < OVERLAY_MARGIN + size)
    for (guint i = 0; i < self->n_badges && text == NULL; i++)
      {
        int right = width - OVERLAY_MARGIN - i * (size + 4);
        if (x < right && x >= right - size)
          text = self->badges[self->n_badges - 1 - i].tooltip;
      }
  if (text == NULL && y >= POSTER_HEIGHT && y < POSTER_HEIGHT + LINE_GAP + name_line_height)
    text = self->path_tooltip;
  else if (text == NULL && y >= POSTER_HEIGHT + LINE_GAP + name_line_height)
    text = self->meta_tooltip;
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cr_clip_card_dispose (GObject *object)
{
  CrClipCard *self = CR_CLIP_CARD (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->poster_source, g_source_remove);
  g_clear_pointer (&self->poster_path, g_free);
  if (self->row)
    g_clear_signal_handler (&self->row_changed, self->row);
  g_clear_object (&self->row);
  clear (self);
  G_OBJECT_CLASS (cr_clip_card_parent_class)->dispose (object);
}

static void
cr_clip_card_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  CrClipCard *self = CR_CLIP_CARD (widget);

  g_autofree char *font = NULL;

  GTK_WIDGET_CLASS (cr_clip_card_parent_class)->css_changed (widget, change);
  /* The layouts carry the font they were made with; another font makes other lines. */
  g_clear_object (&self->name_layout);
  g_clear_object (&self->meta_layout);
  g_clear_object (&self->duration_layout);
  if (measured_font != NULL && g_strcmp0 (measured_font, (font = font_of (widget))) != 0)
    {
      name_line_height = meta_line_height = 0;
      gtk_widget_queue_resize (widget);
    }
}

static void
cr_clip_card_class_init (CrClipCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_clip_card_dispose;
  widget_class->measure = measure;
  widget_class->snapshot = snapshot;
  widget_class->query_tooltip = query_tooltip;
  widget_class->css_changed = cr_clip_card_css_changed;
  gtk_widget_class_set_css_name (widget_class, "clipcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cr_clip_card_init (CrClipCard *self)
{
}

const char *
cr_clip_card_describe (CrClipCard *self)
{
  return self->spoken;
}

CrClipCard *
cr_clip_card_new (void)
{
  return g_object_new (CR_TYPE_CLIP_CARD, NULL);
}
