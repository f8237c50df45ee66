/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-player-private.h"
#include "cr-select-dialog.h"
#include "cr-store.h"
#include "cr-thumbnail.h"

G_DEFINE_FINAL_TYPE (CrPlayer, cr_player, GTK_TYPE_WIDGET)

/* "position" is notified as the playhead moves, for what follows it (the transcript pane). */
enum { PROP_0, PROP_POSITION, N_PROPS };
static GParamSpec *props[N_PROPS];

static void show_position (CrPlayer *self);
static void request_frame (CrPlayer *self);

void
cr_player_say (CrPlayer   *self,
               const char *text)
{
  gtk_label_set_text (self->status, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text != '\0');
}

/* ---- the picture ---- */

static void
frame_decoded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CrPlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 frame = -1;
  g_autoptr(GBytes) rgba = NULL;

  if (self->reader == NULL)
    return;
  rgba = cr_frame_reader_read_finish (self->reader, result, &frame, &error);
  if (rgba == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cr_player_say (self, error->message);
      if (g_task_get_cancellable (G_TASK (result)) == self->decoding)
        g_clear_object (&self->decoding);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->decoding)
    return;   /* a newer position was asked for meanwhile */
  g_clear_object (&self->decoding);
  g_clear_object (&self->frame);
  self->frame = gdk_memory_texture_new (cr_frame_reader_get_width (self->reader),
                                        cr_frame_reader_get_height (self->reader),
                                        GDK_MEMORY_R8G8B8A8, rgba,
                                        (gsize) cr_frame_reader_get_width (self->reader) * 4);
  self->shown = frame;
  if (self->media == NULL || !gtk_media_stream_get_playing (self->media))
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->frame));
  /* Shuttling asks for the next frame as soon as one is shown; a position that moved on
   * while this one was decoded is asked for too. */
  if (self->shuttle != 0 && frame != self->position)
    show_position (self);
  else if (frame != self->position)
    request_frame (self);
}

static void
request_frame (CrPlayer *self)
{
  if (self->reader == NULL)
    return;
  if (self->shown == self->position)
    {
      /* Back on the frame shown (Right then Left): a decode still running is for another
       * frame, and would replace the right picture with the wrong one. */
      g_cancellable_cancel (self->decoding);
      g_clear_object (&self->decoding);
      return;
    }
  /* While shuttling, let the frame being decoded finish rather than start over. */
  if (self->decoding != NULL && self->shuttle != 0)
    return;
  g_cancellable_cancel (self->decoding);
  g_clear_object (&self->decoding);
  self->decoding = g_cancellable_new ();
  cr_frame_reader_read_async (self->reader, self->position, self->decoding, frame_decoded_cb, g_object_ref (self));
}

static void
show_position (CrPlayer *self)
{
  CrDb *db = cr_production_get_db (self->production);

  g_free (self->timecode_text);
  self->timecode_text = cr_clip_format_position (db, self->clip->id, self->position);
  gtk_label_set_text (self->timecode, self->timecode_text);
  request_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->scrubber));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_POSITION]);
}

/* ---- the waveform of a sound-only file ---- */

static void
waveform_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GBytes) png = cr_thumbnail_render_strip (task_data, 8, 160, cancellable, &error);
  GdkTexture *texture;

  if (png == NULL || !(texture = gdk_texture_new_from_bytes (png, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, texture, g_object_unref);
}

void
cr_player_waveform_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cr_player_waveform_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, waveform_in_thread);
}

static void
waveform_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrPlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another clip was opened meanwhile (or the player went): this one is stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->drawing)
    return;
  g_clear_object (&self->drawing);
  if (texture == NULL)
    {
      cr_player_say (self, error->message);
      return;
    }
  g_set_object (&self->waveform, texture);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->waveform));
}

/* ---- playing ---- */

static gboolean
is_playing (CrPlayer *self)
{
  return self->media != NULL && gtk_media_stream_get_playing (self->media);
}

/* The frame the stream has reached, once it has one: before it is prepared, and while a
 * seek is on its way, its clock still says 0 or the old place, and taking that would
 * throw the playhead back (L then J at once jumped to the start). */
static gboolean
stream_frame (CrPlayer *self,
              gint64   *frame)
{
  if (!gtk_media_stream_is_prepared (self->media) || gtk_media_stream_is_seeking (self->media))
    return FALSE;
  *frame = cr_usec_to_frames (gtk_media_stream_get_timestamp (self->media), self->rate);
  return TRUE;
}

static void
set_position (CrPlayer *self,
              gint64    frame)
{
  self->position = CLAMP (frame, 0, MAX (self->length - 1, 0));
  show_position (self);
}

static void
update_play_button (CrPlayer *self)
{
  gboolean moving = is_playing (self) || self->shuttle != 0;

  gtk_button_set_icon_name (self->play_button, moving ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  if (self->shuttle > 1 || self->shuttle < 0)
    {
      g_autofree char *text = g_strdup_printf ("%s %d×", self->shuttle < 0 ? "◀" : "▶", ABS (self->shuttle));
      cr_player_say (self, text);
    }
  else
    cr_player_say (self, NULL);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CrPlayer *self = CR_PLAYER (widget);

  if (is_playing (self))
    {
      gint64 frame;

      if (stream_frame (self, &frame) && frame != self->position)
        {
          self->position = MIN (frame, MAX (self->length - 1, 0));
          g_free (self->timecode_text);
          self->timecode_text = cr_clip_format_position (cr_production_get_db (self->production), self->clip->id,
                                                         self->position);
          gtk_label_set_text (self->timecode, self->timecode_text);
          gtk_widget_queue_draw (GTK_WIDGET (self->scrubber));
          g_object_notify_by_pspec (G_OBJECT (self), props[PROP_POSITION]);
        }
      return G_SOURCE_CONTINUE;
    }
  if (self->shuttle != 0)
    {
      gint64 elapsed = gdk_frame_clock_get_frame_time (clock) - self->shuttle_origin_us;
      gint64 frame = self->shuttle_origin_frame + self->shuttle * cr_usec_to_frames (elapsed, self->rate);

      if (frame < 0 || frame >= self->length)
        {
          self->shuttle = 0;
          update_play_button (self);
        }
      if (frame != self->position)
        set_position (self, frame);
      if (self->shuttle != 0)
        return G_SOURCE_CONTINUE;
    }
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_tick (CrPlayer *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
stop (CrPlayer *self)
{
  gboolean was_playing = is_playing (self);

  self->shuttle = 0;
  if (was_playing)
    {
      gint64 frame = self->position;

      gtk_media_stream_pause (self->media);
      /* Paused, the exact frame at the position the stream reached. */
      self->shown = -1;
      stream_frame (self, &frame);
      set_position (self, frame);
      if (self->frame)
        gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->frame));
    }
  update_play_button (self);
}

static void
media_prepared_cb (CrPlayer       *self,
                   GParamSpec     *pspec,
                   GtkMediaStream *media)
{
  if (gtk_media_stream_is_prepared (media) && gtk_media_stream_get_playing (media))
    gtk_media_stream_seek (media, cr_frames_to_usec (self->position, self->rate));
}

/* Real time with sound, through GStreamer; without a media backend, decoded frames at 1×. */
static void
play (CrPlayer *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (cr_record_get (self->clip, "path"));

  if (self->media == NULL)
    {
      self->media = GTK_MEDIA_STREAM (gtk_media_file_new_for_file (file));
      g_signal_connect_object (self->media, "notify::prepared", G_CALLBACK (media_prepared_cb), self, G_CONNECT_SWAPPED);
    }
  if (gtk_media_stream_get_error (self->media) == NULL)
    {
      gtk_media_stream_set_muted (self->media, FALSE);
      if (gtk_media_stream_is_prepared (self->media))
        gtk_media_stream_seek (self->media, cr_frames_to_usec (self->position, self->rate));
      gtk_media_stream_play (self->media);
      if (self->reader != NULL)
        gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->media));
    }
  else
    {
      self->shuttle = 1;
      self->shuttle_origin_frame = self->position;
      self->shuttle_origin_us = g_get_monotonic_time ();
    }
  ensure_tick (self);
  update_play_button (self);
}

/* J/K/L as editors have them: L plays at 1× with sound; L again doubles (2×, 4× … 32×),
 * J the same backwards; a key the other way starts again at 1× that way. Above 1× and
 * backwards the picture is decoded frames and the sound is off, as in an editor's shuttle
 * (GtkMediaStream has no rate to set). */
static void
shuttle (CrPlayer *self,
         int       direction)
{
  int speed = cr_player_get_speed (self);
  int next = speed != 0 && (speed > 0) == (direction > 0) ? speed * 2 : direction;
  GdkFrameClock *clock;

  next = CLAMP (next, -32, 32);
  stop (self);
  if (next == 1)
    {
      play (self);
      return;
    }
  if (self->media != NULL)
    gtk_media_stream_set_muted (self->media, TRUE);
  self->shuttle = next;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->shuttle_origin_us = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
  self->shuttle_origin_frame = self->position;
  ensure_tick (self);
  update_play_button (self);
}

/* ---- keys and actions ---- */

static gboolean
key_play_pause (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);

  if (is_playing (self) || self->shuttle != 0)
    stop (self);
  else
    play (self);
  return TRUE;
}

static gboolean
key_shuttle (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);
  int direction = g_variant_get_int32 (args);

  if (direction == 0)
    stop (self);
  else
    shuttle (self, direction);
  return TRUE;
}

static gboolean
key_step (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);
  int by = g_variant_get_int32 (args);

  stop (self);
  /* ±1000 means a second: the clip's own whole frames per second. */
  if (by == 1000 || by == -1000)
    by = (by > 0 ? 1 : -1) * cr_rate_nominal_fps (self->rate);
  set_position (self, self->position + by);
  return TRUE;
}

static gboolean
key_home_end (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);

  stop (self);
  set_position (self, g_variant_get_boolean (args) ? self->length - 1 : 0);
  return TRUE;
}

void
cr_player_update_range (CrPlayer *self)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autofree char *in = self->in >= 0 ? cr_clip_format_position (db, self->clip->id, self->in) : NULL;
  g_autofree char *out = self->out >= 0 ? cr_clip_format_position (db, self->clip->id, self->out) : NULL;
  g_autofree char *text = NULL;

  if (in && out)
    {
      CrTimecodeFormat fmt = { self->rate, FALSE };
      g_autofree char *length = cr_timecode_to_string (self->out - self->in, &fmt);
      text = g_strdup_printf ("In %s  Out %s  (%s)", in, out, length);
    }
  else if (in || out)
    text = g_strdup_printf ("%s %s", in ? "In" : "Out", in ? in : out);
  gtk_label_set_text (self->range, text ? text : "Mark a range with I and O, then press Enter");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.save-select", self->in >= 0 && self->out > self->in);
  gtk_widget_queue_draw (GTK_WIDGET (self->scrubber));
}

static gboolean
key_mark (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);
  const char *which = g_variant_get_string (args, NULL);

  if (is_playing (self))
    stop (self);
  if (g_str_equal (which, "in"))
    {
      self->in = self->position;
      if (self->out >= 0 && self->out <= self->in)
        self->out = -1;
    }
  else if (g_str_equal (which, "out"))
    {
      /* The frame shown is the last one kept; stored out points are exclusive. */
      self->out = self->position + 1;
      if (self->in >= self->out)
        self->in = -1;
    }
  else
    self->in = self->out = -1;
  cr_player_update_range (self);
  return TRUE;
}

static void
select_saved_cb (CrPlayer *self,
                 gint64    id)
{
  cr_production_changed (self->production, &cr_entity_select);
  cr_player_reload_marks (self);
  self->in = self->out = -1;
  cr_player_update_range (self);
}

static void
select_dialog_destroyed_cb (CrPlayer  *self,
                            GtkWindow *dialog)
{
  if (self->select_dialog == dialog)
    self->select_dialog = NULL;
}

static gboolean
key_save_select (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CrSelectDialog *dialog;

  if (self->in < 0 || self->out <= self->in)
    {
      gtk_label_set_text (self->range, "Mark an in point (I) and an out point (O) first");
      return TRUE;
    }
  stop (self);
  dialog = cr_select_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->production,
                                 self->clip->id, self->in, self->out);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (select_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (select_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->select_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
key_marker (GtkWidget *widget, GVariant *args, gpointer data)
{
  CrPlayer *self = CR_PLAYER (widget);

  stop (self);
  cr_player_ask_marker (self);
  return TRUE;
}

static void
step_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr(GVariant) by = g_variant_ref_sink (g_variant_new_int32 (g_variant_get_int32 (parameter)));
  key_step (widget, by, NULL);
}

static void
play_pause_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  key_play_pause (widget, NULL, NULL);
}

static void
mark_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr(GVariant) which = g_variant_ref_sink (g_variant_new_string (g_str_equal (name, "player.mark-in") ? "in" : "out"));
  key_mark (widget, which, NULL);
}

static void
save_select_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  key_save_select (widget, NULL, NULL);
}

/* ---- the class ---- */

static void
cr_player_dispose (GObject *object)
{
  CrPlayer *self = CR_PLAYER (object);

  g_cancellable_cancel (self->decoding);
  g_clear_object (&self->decoding);
  g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  if (self->marker_dialog)
    gtk_window_destroy (self->marker_dialog);
  if (self->media)
    gtk_media_stream_pause (self->media);
  g_clear_object (&self->media);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_PLAYER);
  g_clear_object (&self->frame);
  g_clear_object (&self->waveform);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_player_parent_class)->dispose (object);
}

static void
cr_player_finalize (GObject *object)
{
  CrPlayer *self = CR_PLAYER (object);

  /* In-flight decodes hold a reference to the player, so none is running now. */
  g_clear_pointer (&self->reader, cr_frame_reader_unref);
  g_clear_pointer (&self->clip, cr_record_free);
  g_clear_pointer (&self->selects, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_free (self->timecode_text);
  G_OBJECT_CLASS (cr_player_parent_class)->finalize (object);
}

static void
cr_player_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrPlayer *self = CR_PLAYER (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_player_class_init (CrPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_player_dispose;
  object_class->finalize = cr_player_finalize;
  object_class->get_property = cr_player_get_property;
  props[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "player");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-player.ui");
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, box);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, picture);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, timecode);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, status);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, scrubber);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, play_button);
  gtk_widget_class_bind_template_child (widget_class, CrPlayer, range);

  gtk_widget_class_install_action (widget_class, "player.step", "i", step_activated);
  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause_activated);
  gtk_widget_class_install_action (widget_class, "player.mark-in", NULL, mark_activated);
  gtk_widget_class_install_action (widget_class, "player.mark-out", NULL, mark_activated);
  gtk_widget_class_install_action (widget_class, "player.save-select", NULL, save_select_activated);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, key_play_pause, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_j, 0, key_shuttle, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_k, 0, key_shuttle, "i", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_l, 0, key_shuttle, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, key_step, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, key_step, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, key_step, "i", -1000);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, key_step, "i", 1000);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, key_home_end, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, key_home_end, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_i, 0, key_mark, "s", "in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_o, 0, key_mark, "s", "out");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_x, 0, key_mark, "s", "clear");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_m, 0, key_marker, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, key_save_select, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, key_save_select, NULL);
}

static void
cr_player_init (CrPlayer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = -1;
  self->in = self->out = -1;
  self->selects = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_record_free);
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_record_free);
  cr_player_scrubber_init (self);
}

CrPlayer *
cr_player_new (CrProduction *production)
{
  CrPlayer *self = g_object_new (CR_TYPE_PLAYER, NULL);

  self->production = g_object_ref (production);
  return self;
}

gboolean
cr_player_open_clip (CrPlayer  *self,
                     gint64     clip,
                     GError   **error)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(CrRecord) record = cr_store_get (db, &cr_entity_clip, clip, error);
  g_autoptr(CrFrameReader) reader = NULL;

  g_return_val_if_fail (CR_IS_PLAYER (self), FALSE);
  if (record == NULL)
    return FALSE;
  if (cr_record_get_int (record, "has_video", 0) &&
      !(reader = cr_frame_reader_open (cr_record_get (record, "path"), error)))
    return FALSE;

  stop (self);
  g_cancellable_cancel (self->decoding);
  g_clear_object (&self->decoding);
  if (self->media)
    gtk_media_stream_pause (self->media);
  g_clear_object (&self->media);
  g_clear_object (&self->frame);
  g_clear_object (&self->waveform);
  /* A decode still running keeps the old reader alive until it is done. */
  g_clear_pointer (&self->reader, cr_frame_reader_unref);
  self->reader = g_steal_pointer (&reader);
  g_clear_pointer (&self->clip, cr_record_free);
  self->clip = g_steal_pointer (&record);
  cr_clip_rate (db, clip, &self->rate.num, &self->rate.den);
  self->length = cr_clip_length_frames (db, clip);
  if (self->length <= 0 && self->reader)
    self->length = cr_frame_reader_get_n_frames (self->reader);
  self->length = MAX (self->length, 1);
  self->in = self->out = -1;
  self->shown = -1;
  gtk_picture_set_paintable (self->picture, NULL);
  cr_player_say (self, NULL);
  g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  if (self->reader == NULL)
    {
      /* Sound only: its waveform, read from the whole file in a worker (a long take is
       * seconds of decoding); the playhead is drawn over it by the scrubber. */
      self->drawing = g_cancellable_new ();
      cr_player_waveform_async (cr_record_get (self->clip, "path"), self->drawing, waveform_cb, g_object_ref (self));
    }
  cr_player_reload_marks (self);
  cr_player_update_range (self);
  set_position (self, 0);
  return TRUE;
}

gint64
cr_player_get_clip (CrPlayer *self)
{
  return self->clip ? self->clip->id : 0;
}

void
cr_player_seek (CrPlayer *self,
                gint64    frame)
{
  g_return_if_fail (CR_IS_PLAYER (self) && self->clip != NULL);
  stop (self);
  set_position (self, frame);
}

gint64
cr_player_get_position (CrPlayer *self)
{
  return self->position;
}

gint64
cr_player_get_length (CrPlayer *self)
{
  return self->length;
}

gint64
cr_player_get_in (CrPlayer *self)
{
  return self->in;
}

gint64
cr_player_get_out (CrPlayer *self)
{
  return self->out;
}

GdkPaintable *
cr_player_get_picture (CrPlayer *self)
{
  return self->reader ? GDK_PAINTABLE (self->frame) : NULL;
}

const char *
cr_player_get_timecode (CrPlayer *self)
{
  return self->timecode_text;
}

gboolean
cr_player_is_settled (CrPlayer *self)
{
  return self->reader == NULL || (self->decoding == NULL && self->shown == self->position);
}

int
cr_player_get_speed (CrPlayer *self)
{
  return is_playing (self) ? 1 : self->shuttle;
}

gboolean
cr_player_is_sounding (CrPlayer *self)
{
  return is_playing (self) && !gtk_media_stream_get_muted (self->media);
}

GdkPaintable *
cr_player_get_waveform (CrPlayer *self)
{
  return self->reader == NULL && self->drawing == NULL ? GDK_PAINTABLE (self->waveform) : NULL;
}

GtkWindow *
cr_player_get_select_dialog (CrPlayer *self)
{
  return self->select_dialog;
}

gboolean
cr_player_set_range (CrPlayer *self,
                     gint64    in,
                     gint64    out)
{
  g_return_val_if_fail (CR_IS_PLAYER (self) && self->clip != NULL, FALSE);
  if (in < 0 || out <= in || out > self->length)
    return FALSE;
  self->in = in;
  self->out = out;
  cr_player_update_range (self);
  return TRUE;
}

const char *
cr_player_get_message (CrPlayer *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->status)) ? gtk_label_get_text (self->status) : NULL;
}

GtkMediaStream *
cr_player_get_media (CrPlayer *self)
{
  return self->media;
}
