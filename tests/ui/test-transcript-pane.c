/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The transcript pane beside the Footage player: an empty state that says how to import one,
 * a refused file that changes nothing, then the cues with their source timecode, the one
 * under the playhead marked (and none between cues), a row activated (Enter or a click)
 * seeking the player to its first frame, the search keeping the cues that say its words with
 * Enter going to the next one, and a cue far down a long transcript scrolled into view. */
#define G_LOG_DOMAIN "casereel-test-transcript-pane"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-clips-page.h"
#include "cr-indexer.h"
#include "cr-player.h"
#include "cr-store.h"
#include "cr-transcript-pane.h"
#include "cr-transcripts.h"
#include "cr-window.h"
#include "ui-test-support.h"

static char *root;   /* removed at exit by cr-test-support */
static char *media;  /* 8-second clips: hall.mov at 25 fps from 10:00:00:00, ntsc.mov at
                      * 29.97 drop-frame from 00:00:59;00 */

typedef struct
{
  char             *path;
  CrWindow         *window;
  CrProduction     *production;
  CrClipsPage      *clips;
  CrPlayer         *player;
  CrTranscriptPane *pane;
  gint64            clip;
} Fixture;

/* Until the picture is the frame at the position (decoded in a worker): events, not time. */
static void
wait_settled (CrPlayer *player)
{
  while (!cr_player_is_settled (player))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* After the layout and the pane's scrolling, which happen on frames. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  cr_ui_wait_for_frames (widget, 3);
  cr_ui_save_png (widget, name);
}

/* The file chooser a GtkFileChooserNative shows when there is no portal: GTK's own dialog. */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* The first mapped descendant of a type, or NULL. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The rows the list view shows (it makes widgets only for those in or near sight). */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (gtk_widget_has_css_class (widget, "cue") && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* A row's first label: the cue's timecode. */
static const char *
row_timecode (GtkWidget *row)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row)));
}

/* The row shown for the cue at a timecode, or NULL. */
static GtkWidget *
find_row (CrTranscriptPane *pane,
          const char       *timecode)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (pane), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (row_timecode (rows->pdata[i]), timecode))
      return rows->pdata[i];
  return NULL;
}

/* The timecode of the one row marked as playing; NULL when none is; fails on two. */
static const char *
playing_row (CrTranscriptPane *pane)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *found = NULL;

  cr_ui_wait_for_frames (GTK_WIDGET (pane), 2);
  collect_rows (GTK_WIDGET (pane), rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (rows->pdata[i], "playing"))
      {
        g_assert_null (found);
        found = row_timecode (rows->pdata[i]);
      }
  return found;
}

static guint
count_rows (CrTranscriptPane *pane)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (pane), rows);
  return rows->len;
}

/* The icon of the player's Play button: what the player says it is doing. */
static const char *
play_icon (CrPlayer *player)
{
  GtkWidget *button = find_mapped (GTK_WIDGET (player), GTK_TYPE_BUTTON);

  /* The first button is the one before Play: go along to the one with a playback icon. */
  for (; button; button = gtk_widget_get_next_sibling (button))
    if (GTK_IS_BUTTON (button) && gtk_button_get_icon_name (GTK_BUTTON (button)) &&
        g_str_has_prefix (gtk_button_get_icon_name (GTK_BUTTON (button)), "media-playback-"))
      return gtk_button_get_icon_name (GTK_BUTTON (button));
  return NULL;
}

static char *
write_file (const char *name,
            const char *text)
{
  char *path = g_build_filename (root, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = NULL;
  g_autofree char *dir = g_build_filename (root, "production-XXXXXX", NULL);
  const char *folders[] = { media, NULL };
  CrIndexProgress result = { 0 };

  g_assert_nonnull (g_mkdtemp (dir));
  f->path = g_build_filename (dir, "Food bank.casereel", NULL);
  production = cr_production_create (f->path, "Food bank", &error);
  g_assert_no_error (error);
  g_assert_true (cr_index_folders (cr_production_get_db (production), folders, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_resolve (cr_production_get_db (production), &cr_entity_clip, data ? data : "hall.mov",
                                   &f->clip, &error));
  g_assert_no_error (error);
  g_clear_object (&production);

  f->window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (f->window, f->path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  f->production = g_object_ref (cr_window_get_production (f->window));
  cr_window_show_page (f->window, "clips");
  f->clips = CR_CLIPS_PAGE (find_mapped (GTK_WIDGET (f->window), CR_TYPE_CLIPS_PAGE));
  g_assert_nonnull (f->clips);
  f->player = cr_clips_page_get_player (f->clips);
  f->pane = cr_clips_page_get_transcript (f->clips);
  g_assert_true (cr_clips_page_open_clip (f->clips, f->clip, 0, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cr_ui_iterate ();
  g_clear_object (&f->production);
  g_free (f->path);
}

/* Cues on whole frames at 25 fps (40 ms each), with a gap between the second and third. */
static const char srt[] =
  "1\n00:00:00,000 --> 00:00:02,000\nAna: We handed out food parcels\non Fridays.\n\n"
  "2\n00:00:02,000 --> 00:00:04,000\nAna: Then the hall got too small.\n\n"
  "3\n00:00:04,520 --> 00:00:06,000\nBen: More parcels came from the shop.\n\n"
  "4\n00:00:06,000 --> 00:00:07,960\nBen: Nobody went hungry that winter.\n\n";

static void
test_follows_and_seeks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = write_file ("backwards.srt",
                                     "1\n00:00:03,000 --> 00:00:01,000\nToo late.\n\n");
  g_autofree char *good = write_file ("hall.srt", srt);
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *status, *list, *focus;
  GtkEditable *search = cr_transcript_pane_get_search (f->pane);

  /* No transcript: the pane says how to get one. */
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 0);
  status = find_mapped (GTK_WIDGET (f->pane), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Transcript");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                                   "Import one with Import Transcript… (Ctrl+T)"));
  wait_settled (f->player);
  save_png (GTK_WIDGET (f->window), "casereel-transcript-empty.png");

  /* A refused file: one line naming the file and line, and nothing stored. */
  g_assert_false (cr_transcript_pane_import (f->pane, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "backwards.srt: "));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  stored = cr_transcript_cues (cr_production_get_db (f->production), f->clip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 0);

  g_assert_true (cr_transcript_pane_import (f->pane, good, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_null (find_mapped (GTK_WIDGET (f->pane), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 4);
  g_assert_cmpuint (count_rows (f->pane), ==, 4);
  /* Source timecode: 10:00:00:00 + 4.52 s = 113 frames = 4 s 13 frames. */
  g_assert_nonnull (find_row (f->pane, "10:00:00:00"));
  g_assert_nonnull (find_row (f->pane, "10:00:02:00"));
  g_assert_nonnull (find_row (f->pane, "10:00:04:13"));
  g_assert_nonnull (find_row (f->pane, "10:00:06:00"));

  /* The playhead: at 0 the first cue; frame 112 is in the gap; 113 begins the third. */
  g_assert_cmpint (cr_player_get_position (f->player), ==, 0);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 1);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:00:00");
  cr_player_seek (f->player, 112);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 0);
  g_assert_null (playing_row (f->pane));
  cr_player_seek (f->player, 113);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 3);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:04:13");
  cr_player_seek (f->player, 99);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 2);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:02:00");

  /* A row activated (what Enter and a click on it do) puts the player on its first frame. */
  list = find_mapped (GTK_WIDGET (f->pane), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 3);
  cr_ui_iterate ();
  g_assert_cmpint (cr_player_get_position (f->player), ==, 150);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 4);
  g_assert_cmpstr (cr_player_get_timecode (f->player), ==, "10:00:06:00");
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:06:00");

  /* Space on a cue plays from there and pauses again, as in the player. */
  cr_ui_press (list, GDK_KEY_space, 0);
  g_assert_cmpstr (play_icon (f->player), ==, "media-playback-pause-symbolic");
  cr_ui_press (list, GDK_KEY_space, 0);
  g_assert_cmpstr (play_icon (f->player), ==, "media-playback-start-symbolic");
  /* Paused where the stream got to, which is not counted here: back on the fourth cue. */
  g_signal_emit_by_name (list, "activate", 3);
  g_assert_cmpint (cr_player_get_position (f->player), ==, 150);

  /* Ctrl+F from the player goes to the transcript's search, the one the page shows beside
   * it; from the sidebar too (the window's key, which the page answers). */
  gtk_widget_grab_focus (GTK_WIDGET (f->player));
  g_assert_true (cr_ui_press_in (GTK_WIDGET (f->player), GDK_KEY_f, GDK_CONTROL_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (search) || gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  {
    GtkWidget *row = cr_ui_find_sidebar_row (GTK_WIDGET (f->window), "clips");

    g_assert_true (gtk_widget_grab_focus (row));
    g_assert_true (cr_ui_press_in (row, GDK_KEY_f, GDK_CONTROL_MASK));
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus == GTK_WIDGET (search) || gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  }

  /* The search keeps the cues that say "parcels"; Enter goes to the next after the playhead,
   * round to the first after the last. */
  gtk_editable_set_text (search, "parcels");
  g_signal_emit_by_name (search, "search-changed");
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (cr_transcript_pane_count_shown (f->pane), ==, 2);
  g_assert_cmpuint (count_rows (f->pane), ==, 2);
  g_assert_nonnull (find_row (f->pane, "10:00:00:00"));
  g_assert_null (find_row (f->pane, "10:00:02:00"));
  g_assert_nonnull (find_row (f->pane, "10:00:04:13"));
  g_assert_null (find_row (f->pane, "10:00:06:00"));
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpint (cr_player_get_position (f->player), ==, 0);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpint (cr_player_get_position (f->player), ==, 113);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 3);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:04:13");
  /* Activating the second row shown is activating the third cue. */
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpint (cr_player_get_position (f->player), ==, 0);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpint (cr_player_get_position (f->player), ==, 113);
  wait_settled (f->player);
  save_png (GTK_WIDGET (f->window), "casereel-transcript-search.png");

  /* Escape in the search shows every cue again. */
  g_signal_emit_by_name (search, "stop-search");
  g_signal_emit_by_name (search, "search-changed");
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (cr_transcript_pane_count_shown (f->pane), ==, 4);
  g_assert_cmpuint (count_rows (f->pane), ==, 4);
  wait_settled (f->player);
  save_png (GTK_WIDGET (f->window), "casereel-transcript-pane.png");
}

/* 199 cues of one frame each: the cue at frame 190 is far below the first screenful, and the
 * pane scrolls it into view when the playhead gets there. */
static void
test_scrolls_into_view (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *row, *scroller;
  double x, y;

  for (guint i = 0; i < 199; i++)
    g_string_append_printf (text, "%u\n00:00:%02u,%03u --> 00:00:%02u,%03u\nSentence number %u of the long one.\n\n",
                            i + 1, i * 40 / 1000, i * 40 % 1000, (i + 1) * 40 / 1000, (i + 1) * 40 % 1000, i + 1);
  path = write_file ("long.srt", text->str);
  g_assert_true (cr_transcript_pane_import (f->pane, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 199);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 4);
  scroller = find_mapped (GTK_WIDGET (f->pane), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  /* Cue 191 (frame 190, 10:00:07:15) is not in sight, so the list has no row for it. */
  g_assert_null (find_row (f->pane, "10:00:07:15"));
  g_assert_cmpuint (count_rows (f->pane), <, 100);

  cr_player_seek (f->player, 190);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 191);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:07:15");
  row = find_row (f->pane, "10:00:07:15");
  g_assert_true (gtk_widget_translate_coordinates (row, scroller, 0, 0, &x, &y));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y + gtk_widget_get_height (row), <=, gtk_widget_get_height (scroller));
  wait_settled (f->player);
  save_png (GTK_WIDGET (f->window), "casereel-transcript-long.png");

  /* Back to the start: the first cue comes back into view. */
  cr_player_seek (f->player, 0);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:00:00");
  row = find_row (f->pane, "10:00:00:00");
  g_assert_true (gtk_widget_translate_coordinates (row, scroller, 0, 0, &x, &y));
  g_assert_cmpfloat (y, >=, 0);
}

/* A 29.97 drop-frame clip: the rows count its labels as it does, ;00 and ;01 dropped at the
 * minute. */
static void
test_drop_frame (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file ("ntsc.srt", srt);
  gint64 other = 0;

  g_assert_true (cr_transcript_pane_import (f->pane, path, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  /* 4.52 s at 30000/1001 is frame 135; 00:00:59;00 + 30 frames is 00:01:00;02, + 28 is
   * 00:01:01;00, + 60 is 00:01:03;00, + 17 is 00:01:03;17. 2 s is frame 60: 00:01:01;02. */
  g_assert_nonnull (find_row (f->pane, "00:00:59;00"));
  g_assert_nonnull (find_row (f->pane, "00:01:01;02"));
  g_assert_nonnull (find_row (f->pane, "00:01:03;17"));
  cr_player_seek (f->player, 135);
  g_assert_cmpstr (playing_row (f->pane), ==, "00:01:03;17");
  g_assert_cmpstr (cr_player_get_timecode (f->player), ==, "00:01:03;17");

  /* Another clip in the player: its own transcript, here none; and back again. */
  g_assert_true (cr_store_resolve (cr_production_get_db (f->production), &cr_entity_clip, "hall.mov", &other, &error));
  g_assert_true (cr_clips_page_open_clip (f->clips, other, 0, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 0);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 0);
  g_assert_nonnull (find_mapped (GTK_WIDGET (f->pane), ADW_TYPE_STATUS_PAGE));
  g_assert_true (cr_clips_page_open_clip (f->clips, f->clip, 135, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 4);
  g_assert_cmpuint (cr_transcript_pane_get_current (f->pane), ==, 3);
  g_assert_cmpstr (playing_row (f->pane), ==, "00:01:03;17");
}

static gboolean
chosen_is (GtkWidget *chooser,
           GFile     *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return chosen && g_file_equal (chosen, file);
}

/* Ctrl+T from the player opens a file chooser; the file chosen there is imported. */
static void
test_import_through_chooser (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = write_file ("chosen.srt", srt);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  g_assert_null (find_file_chooser ());
  cr_ui_press (GTK_WIDGET (f->clips), GDK_KEY_t, GDK_CONTROL_MASK);
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import Transcript");
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The dialog reads the folder before it has the file as chosen: frames, not time. */
  for (guint frames = 0; frames < 500 && !chosen_is (chooser, file); frames++)
    cr_ui_wait_for_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (chosen_is (chooser, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  cr_ui_iterate ();
  g_assert_null (find_file_chooser ());
  g_assert_cmpuint (cr_transcript_pane_get_n_cues (f->pane), ==, 4);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (playing_row (f->pane), ==, "10:00:00:00");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *clip = NULL;
  g_autoptr(GSubprocess) ffmpeg = NULL;

  root = cr_test_make_tmp ("casereel-transcript-pane-XXXXXX", &error);
  g_assert_no_error (error);
  cache = g_build_filename (root, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  media = g_build_filename (root, "card", NULL);
  g_assert_cmpint (g_mkdir (media, 0700), ==, 0);
  clip = g_build_filename (media, "hall.mov", NULL);
  ffmpeg = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                             "-i", "testsrc2=size=320x180:rate=25:duration=8", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                             "-timecode", "10:00:00:00", clip, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (ffmpeg, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&ffmpeg);
  g_free (clip);
  clip = g_build_filename (media, "ntsc.mov", NULL);
  ffmpeg = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                             "-i", "testsrc2=size=320x180:rate=30000/1001:duration=8", "-c:v", "libx264",
                             "-pix_fmt", "yuv420p", "-timecode", "00:00:59;00", clip, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (ffmpeg, NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/transcript-pane/follows-and-seeks", Fixture, NULL, fixture_set_up, test_follows_and_seeks,
              fixture_tear_down);
  g_test_add ("/transcript-pane/scrolls-into-view", Fixture, NULL, fixture_set_up, test_scrolls_into_view,
              fixture_tear_down);
  g_test_add ("/transcript-pane/import-through-chooser", Fixture, NULL, fixture_set_up, test_import_through_chooser,
              fixture_tear_down);
  g_test_add ("/transcript-pane/drop-frame", Fixture, "ntsc.mov", fixture_set_up, test_drop_frame, fixture_tear_down);
  return g_test_run ();
}
