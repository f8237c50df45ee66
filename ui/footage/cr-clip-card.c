/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-words.h"
#include "cr-thumbnail.h"

struct _CrClipCard
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *box;
  GtkPicture   *poster;
  GtkWidget    *placeholder;
  GtkBox       *badges;
  GtkLabel     *duration;
  GtkLabel     *name;
  GtkLabel     *meta;

  /* owned */
  GCancellable *loading;
  guint         poster_source;  /* the poster is asked for when this fires */
  char         *poster_path;
  int           width, height;  /* measured once: see measure () */
};

/* The poster's width: every card is as wide, whatever its text. */
#define CARD_WIDTH 176

/* A card asks for its poster once it has stayed bound this long. Scrolling through 100,000
 * clips binds thousands of cards on the way; each asking at once filled GTask's thread pool
 * queue, whose sorted insert grew with it, with requests cancelled a frame later. */
#define POSTER_DELAY_MS 60

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
      gtk_picture_set_paintable (self->poster, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (self->placeholder, FALSE);
    }
  else
    g_debug ("%s", error->message);
}

/* Tooltips asked for when shown: gtk_widget_set_tooltip_text () on a shown widget asks the X
 * server where the pointer is, twice, and a card binds several while the grid scrolls. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "cr-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (!g_object_get_data (G_OBJECT (widget), "cr-tooltip-asked"))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "cr-tooltip-asked", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), "cr-tooltip", g_strdup (text), g_free);
  if (gtk_widget_get_has_tooltip (widget) != (text != NULL))
    gtk_widget_set_has_tooltip (widget, text != NULL);
}

static void
add_badge (CrClipCard *self,
           const char *icon,
           const char *tooltip,
           const char *style)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  set_tooltip (image, tooltip);
  gtk_widget_add_css_class (image, "clip-badge");
  if (style)
    gtk_widget_add_css_class (image, style);
  gtk_box_append (self->badges, image);
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

void
cr_clip_card_bind (CrClipCard   *self,
                   CrProduction *production,
                   CrRow        *row)
{
  const CrRecord *clip;
  GtkWidget *child;
  const char *status;
  g_autofree char *duration = NULL;
  g_autofree char *rate = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  gint64 rating;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->poster_source, g_source_remove);
  gtk_picture_set_paintable (self->poster, NULL);
  gtk_widget_set_visible (self->placeholder, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges))))
    gtk_box_remove (self->badges, child);
  if (row == NULL)
    return;

  clip = cr_row_get_record (row);
  status = cr_record_get (clip, "status");
  gtk_label_set_text (self->name, cr_row_get_label (row));
  set_tooltip (GTK_WIDGET (self->name), cr_record_get (clip, "path"));
  duration = cr_clip_words_duration (cr_production_get_db (production), clip);
  gtk_label_set_text (self->duration, duration ? duration : "");
  gtk_widget_set_visible (GTK_WIDGET (self->duration), duration != NULL);
  if (cr_record_get (clip, "tc_start"))
    g_string_append_printf (meta, "TC %s", cr_record_get (clip, "tc_start"));
  if ((rate = cr_clip_words_rate (clip)))
    g_string_append_printf (meta, "%s%s fps", meta->len ? " · " : "", rate);
  else if (cr_record_get_int (clip, "has_audio", 0) && !cr_record_get_int (clip, "has_video", 0))
    g_string_append_printf (meta, "%sSound only", meta->len ? " · " : "");
  gtk_label_set_text (self->meta, meta->str);
  set_tooltip (GTK_WIDGET (self->meta), NULL);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder),
                                cr_record_get_int (clip, "has_video", 0) ? "camera-video-symbolic" : "audio-x-generic-symbolic");
  if (g_strcmp0 (status, "failed") == 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder), "dialog-warning-symbolic");
      add_badge (self, "dialog-error-symbolic", cr_record_get (clip, "error"), "error");
      /* The reason names the file; the card already does, so it says what went wrong. */
      gtk_label_set_text (self->meta, "Could not be read");
      set_tooltip (GTK_WIDGET (self->meta), cr_record_get (clip, "error"));
    }
  else if (g_strcmp0 (status, "offline") == 0)
    add_badge (self, "network-offline-symbolic", "Offline: the file is no longer where it was indexed", "warning");
  if (cr_record_get (clip, "interview"))
    {
      g_autofree char *tip = g_strdup_printf ("Interview: %s", cr_row_get_display (row, "interview"));
      add_badge (self, "user-available-symbolic", tip, NULL);
    }
  if ((rating = cr_record_get_int (clip, "rating", 0)) > 0)
    {
      g_autofree char *tip = g_strdup_printf ("%" G_GINT64_FORMAT " of 5 stars", rating);
      add_badge (self, "starred-symbolic", tip, "accent");
    }

  /* Only clips that can be read get a poster; the placeholder stays for the others. */
  if (g_strcmp0 (status, "online") == 0)
    {
      g_free (self->poster_path);
      self->poster_path = g_strdup (cr_record_get (clip, "path"));
      self->poster_source = g_timeout_add (POSTER_DELAY_MS, ask_for_poster_cb, self);
    }
}

/* A card's size never depends on its clip: its labels are one line each, ellipsized, and its
 * badges and duration lie over the poster. So it is measured once, not on every bind (a
 * label's new text queues a resize, and the grid measures every card in view again, each
 * through Pango: most of a scrolled frame). */
static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  CrClipCard *self = CR_CLIP_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->width == 0)
        {
          gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &self->width, NULL, NULL, NULL);
          self->width = MAX (CARD_WIDTH, self->width);
        }
      *minimum = *natural = self->width;
    }
  else
    {
      if (self->height == 0)
        gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, -1, &self->height, NULL, NULL, NULL);
      *minimum = *natural = self->height;
    }
}

static void
size_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  gtk_widget_allocate (CR_CLIP_CARD (widget)->box, width, height, baseline, NULL);
}

/* Another font makes other lines. */
static void
font_changed_cb (CrClipCard *self)
{
  self->width = self->height = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
cr_clip_card_dispose (GObject *object)
{
  CrClipCard *self = CR_CLIP_CARD (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->poster_source, g_source_remove);
  g_clear_pointer (&self->poster_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CLIP_CARD);
  G_OBJECT_CLASS (cr_clip_card_parent_class)->dispose (object);
}

static void
cr_clip_card_class_init (CrClipCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_clip_card_dispose;
  widget_class->measure = measure;
  widget_class->size_allocate = size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-clip-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, box);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, poster);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, placeholder);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, badges);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, duration);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, name);
  gtk_widget_class_bind_template_child (widget_class, CrClipCard, meta);
}

static void
cr_clip_card_init (CrClipCard *self)
{
  GtkSettings *settings = gtk_settings_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (settings, "notify::gtk-font-name", G_CALLBACK (font_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (font_changed_cb), self, G_CONNECT_SWAPPED);
}

CrClipCard *
cr_clip_card_new (void)
{
  return g_object_new (CR_TYPE_CLIP_CARD, NULL);
}
