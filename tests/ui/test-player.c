/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-player"

/* The Footage player and what leads to it (issue 10): the scrubber's selects (a click takes
 * one, a drag of an edge edits it as `casereel select edit` does), the keys not covered by
 * test-footage (Space, Shift+Left, Home), playback with sound as far as a machine with no
 * sound card can tell, the Selects page (its order, its timecode cells, Open in Player), the
 * Save Select dialog's people and the Clips page's filters by person, shot, rating and state.
 * Footage is made at test time with its frame number burnt into every picture. */

#include "config.h"

#include <glib/gstdio.h>

#include "cr-clip-model.h"
#include "cr-clips-page.h"
#include "cr-select-dialog.h"
#include "cr-selects-page.h"
#include "cr-timecode.h"
#include "../data/test-helpers.h"
#include "footage-fixture.h"

static char *root;        /* removed at the end */
static char *media_dir;

/* Interviews at 25 fps: the first with sound, 8 s (200 frames); two short ones without. */
#define TALK "interview-a.mov"
#define TALK_START "10:00:00:00"
#define TALK_FRAMES 200
#define SECOND "interview-b.mov"
#define BROLL "broll-c.mov"

typedef FootageFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CrIndexProgress result = footage_fixture_open (f, root, data ? data : media_dir, TRUE);

  g_assert_cmpuint (result.failed, ==, 0);
  g_assert_cmpuint (result.added, ==, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  footage_fixture_close (f);
}

static gint64
add_select (Fixture    *f,
            const char *clip,
            gint64      in,
            gint64      out,
            const char *label)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *clip_text = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clip));
  g_autofree char *in_text = g_strdup_printf ("%" G_GINT64_FORMAT, in);
  g_autofree char *out_text = g_strdup_printf ("%" G_GINT64_FORMAT, out);
  gint64 id = test_add (db, &cr_entity_select, "clip", clip_text, "in_frame", in_text, "out_frame", out_text,
                        "label", label, NULL);

  cr_production_changed (f->production, &cr_entity_select);
  return id;
}

/* Counts the production's ::changed. */
static void
count_changed (guint *count)
{
  (*count)++;
}

/* A select's frames as another connection to the file reads them: what is committed. */
static gint64
committed_frames (Fixture *f,
                  gint64   select,
                  gint64  *out)
{
  g_autoptr(GError) error = NULL;
  CrDb *db = cr_db_open (f->path, &error);
  gint64 in;

  g_assert_no_error (error);
  in = footage_select_frames (db, select, out);
  cr_db_close (db);
  return in;
}

/* The picture the player shows is FFmpeg's own decode of this frame of the clip. */
static void
assert_picture_is (CrPlayer   *player,
                   const char *clip,
                   gint64      frame)
{
  g_autofree char *path = g_build_filename (media_dir, clip, NULL);
  g_autoptr(GBytes) expected = footage_ffmpeg_frame (path, frame);
  GdkTexture *texture;
  int width, height;
  gsize n;
  g_autofree guint8 *bgra = NULL;
  const guint8 *rgba;

  footage_wait_settled (player);
  g_assert_cmpint (cr_player_get_position (player), ==, frame);
  texture = GDK_TEXTURE (cr_player_get_picture (player));
  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  n = (gsize) width * height;
  g_assert_cmpuint (g_bytes_get_size (expected), ==, n * 4);
  bgra = g_malloc (n * 4);
  /* GTK 4.8 downloads as premultiplied BGRA in memory (little-endian ARGB32); video is opaque. */
  gdk_texture_download (texture, bgra, (gsize) width * 4);
  rgba = g_bytes_get_data (expected, NULL);
  for (gsize i = 0; i < n; i++)
    if (bgra[4 * i + 2] != rgba[4 * i] || bgra[4 * i + 1] != rgba[4 * i + 1] || bgra[4 * i] != rgba[4 * i + 2])
      g_error ("%s: the picture shown is not frame %" G_GINT64_FORMAT " (pixel %" G_GSIZE_FORMAT " differs)", clip,
               frame, i);
}

/* The label in the player that shows the timecode (the one whose text the player says it
 * shows; there is exactly one). */
static const char *
timecode_label (CrPlayer *player)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, player);
  while (stack->len)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "numeric") &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), cr_player_get_timecode (player)) == 0)
        {
          g_assert_null (found);
          found = w;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_nonnull (found);
  return gtk_label_get_text (GTK_LABEL (found));
}

static CrPlayer *
open_clip (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  CrPlayer *player = cr_clips_page_get_player (f->clips);

  g_assert_true (cr_clips_page_open_clip (f->clips, footage_clip_id (cr_production_get_db (f->production), name), 0,
                                          &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  footage_wait_settled (player);
  return player;
}

/* ---- the scrubber, through its own gesture ---- */

static GtkWidget *
scrubber (CrPlayer *player)
{
  GtkWidget *area = cr_ui_find_widget (GTK_WIDGET (player), GTK_TYPE_DRAWING_AREA);

  g_assert_nonnull (area);
  g_assert_cmpint (gtk_widget_get_width (area), >, 2 * TALK_FRAMES);
  return area;
}

static GtkGesture *
scrubber_drag (CrPlayer *player)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scrubber (player));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);   /* the widget keeps it */
    }
  g_assert_not_reached ();
}

/* Where frame `frame` starts on the strip, and the middle of it. */
static double
edge_x (CrPlayer *player,
        gint64    frame)
{
  return (double) frame * gtk_widget_get_width (scrubber (player)) / cr_player_get_length (player);
}

static double
middle_x (CrPlayer *player,
          gint64    frame)
{
  return edge_x (player, frame) + 0.5 * gtk_widget_get_width (scrubber (player)) / cr_player_get_length (player);
}

/* The selects are drawn in the lower half; the range being marked in the upper. */
static double
selects_y (CrPlayer *player)
{
  return gtk_widget_get_height (scrubber (player)) * 0.75;
}

static void
press (CrPlayer *player,
       double    x,
       double    y)
{
  g_signal_emit_by_name (scrubber_drag (player), "drag-begin", x, y);
  cr_ui_iterate ();
}

static void
move (CrPlayer *player,
      double    dx,
      double    dy)
{
  g_signal_emit_by_name (scrubber_drag (player), "drag-update", dx, dy);
  cr_ui_iterate ();
}

static void
release (CrPlayer *player,
         double    dx,
         double    dy)
{
  g_signal_emit_by_name (scrubber_drag (player), "drag-end", dx, dy);
  cr_ui_iterate ();
}

/* A click on a select takes its range as the one marked and shows its in point; a hand that
 * moves a pixel while clicking does not throw the playhead off it. Elsewhere a click seeks. */
static void
test_scrubber_click (Fixture       *f,
                     gconstpointer  data)
{
  CrPlayer *player;

  add_select (f, TALK, 120, 160, "Later");
  add_select (f, TALK, 50, 100, "Why she started coming");
  player = open_clip (f, TALK);
  g_assert_cmpint (cr_player_get_in (player), ==, -1);

  press (player, middle_x (player, 75), selects_y (player));
  move (player, 1, 0);
  release (player, 1, 0);
  g_assert_cmpint (cr_player_get_in (player), ==, 50);
  g_assert_cmpint (cr_player_get_out (player), ==, 100);
  assert_picture_is (player, TALK, 50);
  g_assert_cmpstr (timecode_label (player), ==, "10:00:02:00");
  /* The focus widget of its window, whichever window the display has active: the tests share it. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (player)));

  /* The other select; then a click above the selects seeks and keeps the range. */
  press (player, middle_x (player, 140), selects_y (player));
  release (player, 0, 0);
  g_assert_cmpint (cr_player_get_in (player), ==, 120);
  g_assert_cmpint (cr_player_get_out (player), ==, 160);
  assert_picture_is (player, TALK, 120);
  press (player, middle_x (player, 30), gtk_widget_get_height (scrubber (player)) * 0.25);
  release (player, 0, 0);
  assert_picture_is (player, TALK, 30);
  g_assert_cmpint (cr_player_get_in (player), ==, 120);
  /* Nothing was written by clicking. */
  g_assert_cmpint (cr_store_count (cr_production_get_db (f->production), &cr_entity_select, NULL, NULL), ==, 2);
}

/* Dragging an edge edits the select: nothing is written while it moves (the frame at the edge
 * is shown), one update when it ends; an in point past the out point is refused, as the
 * command line refuses it, in the clip's timecode, and the select keeps its range. */
static void
test_scrubber_drag (Fixture       *f,
                    gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 id = add_select (f, TALK, 50, 100, "Why she started coming");
  g_autoptr(CrRecord) refused = cr_record_new (&cr_entity_select);
  g_autoptr(GError) cli = NULL;
  CrPlayer *player = open_clip (f, TALK);
  double start;
  gint64 out;

  /* The out edge from 100 to 150. */
  start = edge_x (player, 100);
  press (player, start, selects_y (player));
  move (player, middle_x (player, 130) - start, 0);
  move (player, middle_x (player, 150) - start, 0);
  g_assert_cmpint (committed_frames (f, id, &out), ==, 50);
  g_assert_cmpint (out, ==, 100);
  /* The last frame kept is shown as it goes; the range marked follows. */
  assert_picture_is (player, TALK, 149);
  g_assert_cmpint (cr_player_get_out (player), ==, 150);
  release (player, middle_x (player, 150) - start, 0);
  g_assert_cmpint (committed_frames (f, id, &out), ==, 50);
  g_assert_cmpint (out, ==, 150);
  g_assert_cmpint (cr_player_get_in (player), ==, 50);
  g_assert_cmpint (cr_player_get_out (player), ==, 150);
  g_assert_null (cr_player_get_message (player));

  /* The in edge from 50 to 40. */
  start = edge_x (player, 50);
  press (player, start, selects_y (player));
  move (player, middle_x (player, 40) - start, 0);
  assert_picture_is (player, TALK, 40);
  release (player, middle_x (player, 40) - start, 0);
  g_assert_cmpint (committed_frames (f, id, &out), ==, 40);
  g_assert_cmpint (out, ==, 150);

  /* The in edge past the out point: refused, as `casereel select edit --in` refuses it, but
   * in the clip's timecode, as the strip shows it (frames 170 and 150 at 25 fps). */
  cr_record_set (refused, "in_frame", "170");
  g_assert_false (cr_store_update (db, &cr_entity_select, id, refused, &cli));
  g_assert_nonnull (cli);
  start = edge_x (player, 40);
  press (player, start, selects_y (player));
  move (player, middle_x (player, 170) - start, 0);
  release (player, middle_x (player, 170) - start, 0);
  g_test_message ("said: %s", cr_player_get_message (player));
  g_assert_cmpstr (cr_player_get_message (player), ==, "In: 10:00:06:20 is not before the out point (10:00:06:00)");
  g_assert_cmpint (committed_frames (f, id, &out), ==, 40);
  g_assert_cmpint (out, ==, 150);
  g_assert_cmpint (cr_player_get_in (player), ==, 40);
  g_assert_cmpint (cr_player_get_out (player), ==, 150);

  /* The out edge dragged past the end stops at the clip's last frame. */
  start = edge_x (player, 150);
  press (player, start, selects_y (player));
  move (player, gtk_widget_get_width (scrubber (player)) + 50 - start, 0);
  release (player, gtk_widget_get_width (scrubber (player)) + 50 - start, 0);
  g_assert_cmpint (committed_frames (f, id, &out), ==, 40);
  g_assert_cmpint (out, ==, TALK_FRAMES);
  g_assert_null (cr_player_get_message (player));

  /* A click on an edge is a click: it writes nothing. */
  {
    guint changes = 0;

    g_signal_connect_swapped (f->production, "changed", G_CALLBACK (count_changed), &changes);
    start = edge_x (player, 40);
    press (player, start, selects_y (player));
    release (player, 0, 0);
    g_signal_handlers_disconnect_by_func (f->production, count_changed, &changes);
    g_assert_cmpuint (changes, ==, 0);
    g_assert_cmpint (committed_frames (f, id, &out), ==, 40);
    g_assert_cmpint (out, ==, TALK_FRAMES);
    g_assert_cmpint (cr_player_get_in (player), ==, 40);
    assert_picture_is (player, TALK, 40);
  }
}

/* ---- keys ---- */

typedef struct
{
  CrPlayer *player;
  gint64    beyond;
} Moved;

static gboolean
moved_beyond (gpointer data)
{
  Moved *m = data;
  return cr_player_get_position (m->player) > m->beyond;
}

/* Until `done`, polling: a playing stream moves on its own thread, and the frame clock only
 * ticks while the loop runs. No deadline: meson's timeout stops a test that hangs. */
static void
poll_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  while (!done (data))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* Shift+Left goes back a second (25 frames here) and stops at the first frame; Home goes to
 * the first frame, whose timecode is the clip's own start. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(CrRecord) clip = cr_store_get (db, &cr_entity_clip, footage_clip_id (db, TALK), NULL);
  CrPlayer *player = open_clip (f, TALK);
  GtkWidget *widget = GTK_WIDGET (player);

  g_assert_cmpstr (cr_record_get (clip, "tc_start"), ==, TALK_START);
  for (int i = 0; i < 3; i++)
    cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  for (int i = 0; i < 7; i++)
    cr_ui_press (widget, GDK_KEY_Right, 0);
  g_assert_cmpint (cr_player_get_position (player), ==, 82);
  cr_ui_press (widget, GDK_KEY_Left, GDK_SHIFT_MASK);
  assert_picture_is (player, TALK, 57);
  g_assert_cmpstr (timecode_label (player), ==, "10:00:02:07");
  cr_ui_press (widget, GDK_KEY_Left, GDK_SHIFT_MASK);
  cr_ui_press (widget, GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_cmpint (cr_player_get_position (player), ==, 7);
  cr_ui_press (widget, GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_cmpint (cr_player_get_position (player), ==, 0);

  cr_ui_press (widget, GDK_KEY_End, 0);
  g_assert_cmpint (cr_player_get_position (player), ==, TALK_FRAMES - 1);
  cr_ui_press (widget, GDK_KEY_Home, 0);
  assert_picture_is (player, TALK, 0);
  g_assert_cmpstr (timecode_label (player), ==, cr_record_get (clip, "tc_start"));
}

/* Space plays in real time with sound (GtkMediaFile: GStreamer here) and pauses on the exact
 * frame the stream reached. With no sound card (Xvfb, a build machine), GStreamer's
 * autoaudiosink falls back to a fake sink that keeps the clock: the stream still has sound,
 * unmuted, and moves on; whether anything is heard cannot be told here. */
static void
test_space (Fixture       *f,
            gconstpointer  data)
{
  CrPlayer *player = open_clip (f, TALK);
  GtkWidget *widget = GTK_WIDGET (player);
  GtkMediaStream *media;
  Moved moved = { player, 30 };
  gint64 paused;

  cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
  cr_ui_press (widget, GDK_KEY_space, 0);
  media = cr_player_get_media (player);
  g_assert_nonnull (media);
  g_assert_no_error (gtk_media_stream_get_error (media));
  g_assert_true (gtk_media_stream_get_playing (media));
  g_assert_cmpint (cr_player_get_speed (player), ==, 1);
  g_assert_true (cr_player_is_sounding (player));
  /* The picture is the stream's while it plays. */
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (cr_ui_find_widget (widget, GTK_TYPE_PICTURE))) ==
                 GDK_PAINTABLE (media));
  poll_until (moved_beyond, &moved);
  g_assert_true (gtk_media_stream_is_prepared (media));
  g_assert_true (gtk_media_stream_has_audio (media));
  g_assert_true (gtk_media_stream_has_video (media));
  g_assert_false (gtk_media_stream_get_muted (media));
  /* It started where the playhead was, not at the start of the file. */
  g_assert_cmpint (gtk_media_stream_get_timestamp (media), >=, 25 * G_USEC_PER_SEC / 25);

  cr_ui_press (widget, GDK_KEY_space, 0);
  g_assert_false (gtk_media_stream_get_playing (media));
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
  g_assert_false (cr_player_is_sounding (player));
  paused = cr_player_get_position (player);
  g_assert_cmpint (paused, >, 30);
  g_assert_cmpint (paused, <, TALK_FRAMES);
  /* Paused: the exact frame decoded at the position the stream reached. */
  assert_picture_is (player, TALK, paused);
  g_assert_true (cr_player_get_picture (player) ==
                 gtk_picture_get_paintable (GTK_PICTURE (cr_ui_find_widget (widget, GTK_TYPE_PICTURE))));
  /* Space again plays on from there. */
  cr_ui_press (widget, GDK_KEY_space, 0);
  g_assert_true (gtk_media_stream_get_playing (media));
  moved.beyond = paused;
  poll_until (moved_beyond, &moved);
  cr_ui_press (widget, GDK_KEY_k, 0);
  g_assert_false (gtk_media_stream_get_playing (media));
}

typedef struct
{
  GtkMediaStream *media;
  gint64          last;
  guint           steps;    /* timestamps notified that moved forward */
  gboolean        back;     /* one moved backwards while playing */
  guint           followed; /* playhead moves to the stream's frame */
  guint           astray;   /* playhead moves to another frame */
} Clock;

static void
timestamp_cb (GtkMediaStream *media,
              GParamSpec     *pspec,
              Clock          *clock)
{
  gint64 now = gtk_media_stream_get_timestamp (media);

  if (!gtk_media_stream_get_playing (media) || gtk_media_stream_is_seeking (media))
    return;
  if (now > clock->last)
    clock->steps++;
  else if (now < clock->last)
    clock->back = TRUE;
  clock->last = now;
}

static void
position_cb (CrPlayer   *player,
             GParamSpec *pspec,
             Clock      *clock)
{
  gint64 frame = cr_usec_to_frames (gtk_media_stream_get_timestamp (clock->media), (CrRate) { 25, 1 });

  if (!gtk_media_stream_get_playing (clock->media))
    return;
  if (cr_player_get_position (player) == frame)
    clock->followed++;
  else
    clock->astray++;
}

static gboolean
stepped (gpointer data)
{
  const Clock *clock = data;

  /* Ten timestamps and ten moves of the playhead, on the stream's frame or not: judged after. */
  return clock->steps >= 10 && clock->followed + clock->astray >= 10;
}

/* At 1× the playhead follows the stream's own clock (sound and picture come from one
 * GStreamer pipeline, which keeps them together; with no sound card its fake sink keeps
 * time): each timestamp the stream notifies moves forward, and each frame the playhead moves
 * to is the frame of the stream's timestamp then. */
static void
test_audio_clock (Fixture       *f,
                  gconstpointer  data)
{
  CrPlayer *player = open_clip (f, TALK);
  Clock clock = { 0 };
  gulong id, moved;

  cr_ui_press (GTK_WIDGET (player), GDK_KEY_l, 0);
  clock.media = cr_player_get_media (player);
  g_assert_nonnull (clock.media);
  g_assert_true (cr_player_is_sounding (player));
  id = g_signal_connect (clock.media, "notify::timestamp", G_CALLBACK (timestamp_cb), &clock);
  moved = g_signal_connect (player, "notify::position", G_CALLBACK (position_cb), &clock);
  poll_until (stepped, &clock);
  g_test_message ("%u timestamps, playhead on the stream's frame %u times, elsewhere %u", clock.steps,
                  clock.followed, clock.astray);
  g_assert_false (clock.back);
  g_assert_cmpuint (clock.steps, >=, 10);
  g_assert_cmpuint (clock.astray, ==, 0);
  g_assert_true (gtk_media_stream_has_audio (clock.media));
  g_signal_handler_disconnect (clock.media, id);
  g_signal_handler_disconnect (player, moved);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_k, 0);
  g_assert_false (gtk_media_stream_get_playing (clock.media));
}

/* ---- the Selects page ---- */

static CrSelectsPage *
selects_page (Fixture *f)
{
  CrSelectsPage *page = CR_SELECTS_PAGE (footage_window_page (f->window, "selects"));

  g_assert_true (CR_IS_SELECTS_PAGE (page));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  return page;
}

static char *
selects_order (CrSelectsPage *page)
{
  GListModel *model = G_LIST_MODEL (cr_selects_page_get_model (page));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      g_string_append_printf (s, "%s;", cr_row_get_display (row, "label"));
    }
  return g_string_free (s, FALSE);
}

/* By clip as the Clip column names it, in natural order, then by in point, however the
 * selects were made: a clip catalogued later (a second card) sorts among the others. */
static void
test_selects_order (Fixture       *f,
                    gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  const char *folders[2] = { NULL, NULL };
  g_autofree char *card2 = g_build_filename (f->dir, "card2", NULL);
  g_autofree char *late = g_build_filename (card2, "a-roll.mov", NULL);
  CrIndexProgress result = { 0 };

  /* The second card's clip is catalogued after the others: its id is the highest. */
  g_mkdir (card2, 0700);
  footage_make_clip (late, "25", "09:00:00:00", 2, FALSE);
  folders[0] = card2;
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (footage_clip_id (db, "a-roll.mov"), >, footage_clip_id (db, TALK));
  add_select (f, SECOND, 60, 80, "b60");
  add_select (f, TALK, 150, 160, "a150");
  add_select (f, BROLL, 10, 20, "c10");
  add_select (f, TALK, 20, 40, "a20");
  add_select (f, "a-roll.mov", 30, 40, "r30");
  add_select (f, SECOND, 5, 15, "b5");
  add_select (f, TALK, 100, 110, "a100");
  add_select (f, "a-roll.mov", 0, 10, "r0");

  order = selects_order (selects_page (f));
  g_assert_cmpstr (order, ==, "r0;r30;c10;a20;a100;a150;b5;b60;");
}

/* The GtkEditableLabel cells of the table, with their text. */
static void
collect_editable (GtkWidget *root,
                  GPtrArray *found)
{
  if (GTK_IS_EDITABLE_LABEL (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_editable (c, found);
}

static GtkEditableLabel *
cell_showing (CrSelectsPage *page,
              const char    *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GtkEditableLabel *found = NULL;

  collect_editable (GTK_WIDGET (page), cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_str_equal (gtk_editable_get_text (cells->pdata[i]), text))
      {
        g_assert_null (found);
        found = cells->pdata[i];
      }
  g_assert_nonnull (found);
  return found;
}

/* Types in a cell as a user does: the cell starts editing, its text is replaced, Enter. */
static void
type_in_cell (GtkEditableLabel *cell,
              const char       *text)
{
  GtkWidget *inner;

  gtk_widget_activate_action (GTK_WIDGET (cell), "editing.start", NULL);
  g_assert_true (gtk_editable_label_get_editing (cell));
  inner = cr_ui_find_widget (GTK_WIDGET (cell), GTK_TYPE_TEXT);
  g_assert_nonnull (inner);
  gtk_editable_set_text (GTK_EDITABLE (inner), text);
  /* A refusal reloads the table: the cell may be made again (the page keeps it). */
  g_object_add_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);
  g_signal_emit_by_name (inner, "activate");   /* what Enter in it does */
  cr_ui_iterate ();
  if (cell)
    {
      g_assert_false (gtk_editable_label_get_editing (cell));
      g_object_remove_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);
    }
}

static GtkWidget *
find_label (GtkWidget *root)
{
  /* The error line: the page's label with the editor-error class. */
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "editor-error"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c);
      if (found)
        return found;
    }
  return NULL;
}

/* In and out are typed as the clip's timecode in the table's own cells; a refusal says why
 * and puts the old text back; Escape changes nothing. */
static void
test_selects_cells (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_select (f, TALK, 50, 100, "The bus story");
  CrSelectsPage *page = selects_page (f);
  GtkWidget *error_line = find_label (GTK_WIDGET (page));
  GtkEditableLabel *cell;
  guint changes = 0;
  gint64 out;

  g_assert_nonnull (error_line);
  /* 10:00:02:00 is frame 50: the In cell shows it; 10:00:03:00 is frame 75. */
  type_in_cell (cell_showing (page, "10:00:02:00"), "10:00:03:00");
  g_assert_cmpint (committed_frames (f, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 100);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  cell_showing (page, "10:00:03:00");
  g_assert_false (gtk_widget_get_visible (error_line));

  /* The out cell (10:00:04:00) before the in point: refused, in words, nothing written. */
  type_in_cell (cell_showing (page, "10:00:04:00"), "10:00:01:00");
  g_assert_cmpint (committed_frames (f, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 100);
  g_assert_true (gtk_widget_get_visible (error_line));
  g_test_message ("said: %s", gtk_label_get_text (GTK_LABEL (error_line)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_line)), "after the in point"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error_line)), "out_frame"));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  cell_showing (page, "10:00:04:00");

  /* Seconds, as the command line takes them, in the out cell: 6.4 s is frame 160. */
  type_in_cell (cell_showing (page, "10:00:04:00"), "6.4s");
  g_assert_cmpint (committed_frames (f, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 160);
  g_assert_false (gtk_widget_get_visible (error_line));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  cell = cell_showing (page, "10:00:06:10");

  /* Escape: the cell stops editing with its old text, and nothing is written or reloaded. */
  g_signal_connect_swapped (f->production, "changed", G_CALLBACK (count_changed), &changes);
  gtk_widget_activate_action (GTK_WIDGET (cell), "editing.start", NULL);
  gtk_editable_set_text (GTK_EDITABLE (cr_ui_find_widget (GTK_WIDGET (cell), GTK_TYPE_TEXT)), "10:00:07:00");
  gtk_widget_activate_action (GTK_WIDGET (cell), "editing.stop", "b", FALSE);
  cr_ui_iterate ();
  g_assert_false (gtk_editable_label_get_editing (cell));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "10:00:06:10");
  /* Enter on a cell left as it was: the same. */
  type_in_cell (cell, "10:00:06:10");
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (f->production, count_changed, &changes);
  g_assert_cmpint (committed_frames (f, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 160);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

/* Open in Player shows the select's clip on the Clips page at its in point, with its range
 * marked: Enter there would save it again, I and O re-mark it. */
static void
test_selects_open (Fixture       *f,
                   gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrSelectsPage *page;
  GtkWidget *open;
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  guint position;
  gint64 brother;

  add_select (f, TALK, 10, 20, "First");
  brother = add_select (f, SECOND, 37, 61, "Her brother");
  page = selects_page (f);
  open = find_button (GTK_WIDGET (page), "Show the select's clip in the player, at its in point");
  g_assert_nonnull (open);
  g_assert_false (gtk_widget_get_sensitive (open));
  position = (guint) cr_store_model_find (cr_selects_page_get_model (page), brother);
  g_assert_cmpuint (position, ==, 1);
  gtk_single_selection_set_selected (cr_selects_page_get_selection (page), position);
  g_assert_true (gtk_widget_get_sensitive (open));
  g_signal_emit_by_name (open, "clicked");
  cr_ui_iterate ();

  g_assert_cmpstr (cr_window_get_page_name (f->window), ==, "clips");
  g_assert_cmpint (cr_player_get_clip (player), ==, footage_clip_id (db, SECOND));
  g_assert_cmpint (cr_player_get_in (player), ==, 37);
  g_assert_cmpint (cr_player_get_out (player), ==, 61);
  assert_picture_is (player, SECOND, 37);
  g_assert_cmpstr (timecode_label (player), ==, "11:00:01:12");
  /* The focus widget of its window, whichever window the display has active: the tests share it. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (player)));

  /* The other, by activating its row (Enter or a double click). */
  page = selects_page (f);
  g_signal_emit_by_name (cr_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW), "activate", 0u);
  cr_ui_iterate ();
  g_assert_cmpint (cr_player_get_clip (player), ==, footage_clip_id (db, TALK));
  g_assert_cmpint (cr_player_get_in (player), ==, 10);
  g_assert_cmpint (cr_player_get_out (player), ==, 20);
  assert_picture_is (player, TALK, 10);
}

/* ---- the Save Select dialog's people ---- */

static void
link_clip (Fixture    *f,
           const char *clip,
           const char *field,
           const char *value)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;

  cr_record_set (change, field, value);
  g_assert_true (cr_store_update (db, &cr_entity_clip, footage_clip_id (db, clip), change, &error));
  g_assert_no_error (error);
  cr_production_changed (f->production, &cr_entity_clip);
}

static CrSelectDialog *
mark_and_ask (CrPlayer *player)
{
  GtkWidget *widget = GTK_WIDGET (player);
  GtkWindow *dialog;

  cr_ui_press (widget, GDK_KEY_i, 0);
  cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  cr_ui_press (widget, GDK_KEY_o, 0);
  cr_ui_press (widget, GDK_KEY_Return, 0);
  dialog = cr_player_get_select_dialog (player);
  g_assert_true (CR_IS_SELECT_DIALOG (dialog));
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return CR_SELECT_DIALOG (dialog);
}

/* Enter on a clip of an interview: People holds the interview's people, in its order, and a
 * Save links them to the select; a clip of no interview starts with nobody. */
static void
test_dialog_people (Fixture       *f,
                    gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 grace = test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee", NULL);
  gint64 aisha = test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", NULL);
  gint64 interview = test_add (db, &cr_entity_interview, "title", "Aisha and Grace at the hall",
                               "start", "2026-04-14 10:00", "end", "2026-04-14 11:30",
                               "participants", "Aisha Rahman\nGrace Hughes", NULL);
  g_autofree char *interview_text = g_strdup_printf ("%" G_GINT64_FORMAT, interview);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) select = NULL;
  g_autoptr(GArray) people = NULL;
  CrSelectDialog *dialog;
  CrPlayer *player;
  gint64 id;

  cr_production_changed (f->production, &cr_entity_participant);
  cr_production_changed (f->production, &cr_entity_interview);
  link_clip (f, TALK, "interview", interview_text);
  player = open_clip (f, TALK);
  dialog = mark_and_ask (player);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cr_ui_find_row (GTK_WIDGET (dialog), "People (comma-separated)"))),
                   ==, "Aisha Rahman, Grace Hughes");
  g_assert_false (cr_select_dialog_is_changed (dialog));
  cr_select_dialog_set_label (dialog, "Why they come on Tuesdays");
  id = cr_select_dialog_save (dialog, &error);
  g_assert_no_error (error);
  cr_ui_iterate ();
  select = cr_store_get (db, &cr_entity_select, id, &error);
  g_assert_no_error (error);
  people = cr_record_get_ids (select, "participants");
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, aisha);
  g_assert_cmpint (g_array_index (people, gint64, 1), ==, grace);

  /* No interview, nobody. */
  player = open_clip (f, BROLL);
  dialog = mark_and_ask (player);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cr_ui_find_row (GTK_WIDGET (dialog), "People (comma-separated)"))),
                   ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cr_ui_iterate ();
}

/* ---- the Clips page's filters ---- */

static gboolean
model_settled (gpointer model)
{
  return cr_clip_model_is_settled (model);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The clips shown once the filter's query (in a worker) has answered, by name, sorted. */
static char *
shown (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (cr_clips_page_get_model (f->clips));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  cr_ui_wait_until (model_settled, model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      g_ptr_array_add (names, g_strdup (cr_row_get_label (row)));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
not_indexing (gpointer page)
{
  return !cr_clips_page_is_indexing (page);
}

/* A card of its own: the files this test moves are its copies, not the others'. */
static char *
own_card (void)
{
  g_autofree char *dir = g_build_filename (root, "own-card-XXXXXX", NULL);
  const char *names[] = { TALK, SECOND, BROLL };

  g_assert_nonnull (g_mkdtemp (dir));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (media_dir, names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) src = g_file_new_for_path (from);
      g_autoptr(GFile) dst = g_file_new_for_path (to);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&dir);
}

/* Each filter narrows to exactly the clips it names: linked to a person, covering a shot, of
 * at least so many stars, online or offline (a file gone from the card, found so by
 * `casereel index` on another connection); and they combine. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 aisha = test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", NULL);
  gint64 grace = test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee", NULL);
  gint64 nobody = test_add (db, &cr_entity_participant, "name", "Zed Nobody", "kind", "crew", NULL);
  gint64 hall = test_add (db, &cr_entity_shot, "number", "4A", "description", "The hall from the door", NULL);
  gint64 kettle = test_add (db, &cr_entity_shot, "number", "7", "description", "Kettle on", NULL);
  g_autofree char *all = NULL, *text = NULL;
  g_autoptr(CrRecord) broll = cr_store_get (db, &cr_entity_clip, footage_clip_id (db, BROLL), NULL);
  g_autofree char *card = g_path_get_dirname (cr_record_get (broll, "path"));
  g_autofree char *gone = g_build_filename (card, BROLL, NULL);
  g_autofree char *away = g_build_filename (f->dir, BROLL, NULL);

  cr_production_changed (f->production, &cr_entity_participant);
  cr_production_changed (f->production, &cr_entity_shot);
  link_clip (f, TALK, "participants", "Aisha Rahman\nGrace Hughes");
  link_clip (f, SECOND, "participants", "Grace Hughes");
  link_clip (f, BROLL, "shots", "4A");
  link_clip (f, SECOND, "shots", "4A");
  link_clip (f, TALK, "rating", "4");
  link_clip (f, SECOND, "rating", "2");
  all = shown (f);
  g_assert_cmpstr (all, ==, BROLL " " TALK " " SECOND);

  cr_clips_page_set_participant (f->clips, aisha);
  g_assert_cmpstr ((text = shown (f)), ==, TALK);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_participant (f->clips, grace);
  g_assert_cmpstr ((text = shown (f)), ==, TALK " " SECOND);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_participant (f->clips, nobody);
  g_assert_cmpstr ((text = shown (f)), ==, "");
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_participant (f->clips, 0);
  g_assert_cmpstr ((text = shown (f)), ==, all);
  g_clear_pointer (&text, g_free);

  cr_clips_page_set_shot (f->clips, hall);
  g_assert_cmpstr ((text = shown (f)), ==, BROLL " " SECOND);
  g_clear_pointer (&text, g_free);
  /* Combined with a person: both must hold. */
  cr_clips_page_set_participant (f->clips, grace);
  g_assert_cmpstr ((text = shown (f)), ==, SECOND);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_participant (f->clips, 0);
  cr_clips_page_set_shot (f->clips, kettle);
  g_assert_cmpstr ((text = shown (f)), ==, "");
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_shot (f->clips, 0);

  cr_clips_page_set_min_rating (f->clips, 2);
  g_assert_cmpstr ((text = shown (f)), ==, TALK " " SECOND);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_min_rating (f->clips, 3);
  g_assert_cmpstr ((text = shown (f)), ==, TALK);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_min_rating (f->clips, 5);
  g_assert_cmpstr ((text = shown (f)), ==, "");
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_min_rating (f->clips, 0);
  /* The chips say which are on. */
  cr_clips_page_set_min_rating (f->clips, 3);
  cr_clips_page_set_participant (f->clips, grace);
  text = cr_clips_page_describe_filters (f->clips);
  g_assert_cmpstr (text, ==, "★★★ or more\nPerson: “Grace Hughes”\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr ((text = shown (f)), ==, TALK);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_min_rating (f->clips, 0);
  cr_clips_page_set_participant (f->clips, 0);

  /* A file gone from the card: catalogued again (Add Folder), it is offline. */
  cr_clips_page_set_status (f->clips, "online");
  g_assert_cmpstr ((text = shown (f)), ==, all);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_status (f->clips, "offline");
  g_assert_cmpstr ((text = shown (f)), ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (g_rename (gone, away), ==, 0);
  cr_clips_page_index_folder (f->clips, card);
  cr_ui_wait_until (not_indexing, f->clips);
  g_assert_cmpstr ((text = shown (f)), ==, BROLL);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_status (f->clips, "online");
  g_assert_cmpstr ((text = shown (f)), ==, TALK " " SECOND);
  g_clear_pointer (&text, g_free);
  /* Offline and a shot: the b-roll still covers it. */
  cr_clips_page_set_status (f->clips, "offline");
  cr_clips_page_set_shot (f->clips, hall);
  g_assert_cmpstr ((text = shown (f)), ==, BROLL);
  g_clear_pointer (&text, g_free);
  cr_clips_page_set_status (f->clips, NULL);
  cr_clips_page_set_shot (f->clips, 0);
  g_assert_cmpstr ((text = shown (f)), ==, all);
  /* Back on the card, catalogued again: online. */
  g_assert_cmpint (g_rename (away, gone), ==, 0);
  cr_clips_page_index_folder (f->clips, card);
  cr_ui_wait_until (not_indexing, f->clips);
  cr_clips_page_set_status (f->clips, "offline");
  g_assert_cmpstr ((text = shown (f)), ==, "");
}

/* The same file gone, found offline by `casereel index` in a terminal (another connection):
 * the production sees the other connection's commit (::changed with no entity), and the
 * Clips page should show the clip offline without being told which rows changed. */
static void
test_offline_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autoptr(CrRecord) broll = cr_store_get (db, &cr_entity_clip, footage_clip_id (db, BROLL), NULL);
  g_autofree char *card = g_path_get_dirname (cr_record_get (broll, "path"));
  g_autofree char *gone = g_build_filename (card, BROLL, NULL);
  g_autofree char *away = g_build_filename (f->dir, BROLL, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  CrDb *other;
  const char *folders[] = { card, NULL };
  CrIndexProgress result = { 0 };

  cr_clips_page_set_status (f->clips, "offline");
  g_assert_cmpstr ((text = shown (f)), ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (g_rename (gone, away), ==, 0);
  other = cr_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cr_index_folders (other, folders, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.offline, ==, 1);
  cr_db_close (other);
  g_assert_true (cr_production_check_for_changes (f->production));
  text = shown (f);
  /* Put back for the tests after this one, whatever happened. */
  g_assert_cmpint (g_rename (away, gone), ==, 0);
  g_assert_cmpstr (text, ==, BROLL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *card = NULL;
  int status;

  root = cr_test_make_tmp ("casereel-player-XXXXXX", &error);
  g_assert_no_error (error);
  /* Posters go to the freedesktop cache: this run's own, removed with the rest. */
  cache = g_build_filename (root, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  media_dir = g_build_filename (root, "card", NULL);
  g_mkdir (media_dir, 0700);
  {
    g_autofree char *talk = g_build_filename (media_dir, TALK, NULL);
    g_autofree char *second = g_build_filename (media_dir, SECOND, NULL);
    g_autofree char *broll = g_build_filename (media_dir, BROLL, NULL);

    footage_make_clip (talk, "25", TALK_START, TALK_FRAMES / 25, TRUE);
    footage_make_clip (second, "25", "11:00:00:00", 4, FALSE);
    footage_make_clip (broll, "25", "12:00:00:00", 4, FALSE);
  }
  card = own_card ();

  g_test_add ("/player/scrubber/click", Fixture, NULL, fixture_set_up, test_scrubber_click, fixture_tear_down);
  g_test_add ("/player/scrubber/drag", Fixture, NULL, fixture_set_up, test_scrubber_drag, fixture_tear_down);
  g_test_add ("/player/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/player/space", Fixture, NULL, fixture_set_up, test_space, fixture_tear_down);
  g_test_add ("/player/audio-clock", Fixture, NULL, fixture_set_up, test_audio_clock, fixture_tear_down);
  g_test_add ("/player/selects/order", Fixture, NULL, fixture_set_up, test_selects_order, fixture_tear_down);
  g_test_add ("/player/selects/cells", Fixture, NULL, fixture_set_up, test_selects_cells, fixture_tear_down);
  g_test_add ("/player/selects/open", Fixture, NULL, fixture_set_up, test_selects_open, fixture_tear_down);
  g_test_add ("/player/dialog-people", Fixture, NULL, fixture_set_up, test_dialog_people, fixture_tear_down);
  g_test_add ("/player/filters", Fixture, card, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/player/filters/offline-elsewhere", Fixture, card, fixture_set_up, test_offline_elsewhere,
              fixture_tear_down);
  status = g_test_run ();
  cr_test_remove_tree (root);
  g_free (root);
  g_free (media_dir);
  return status;
}
