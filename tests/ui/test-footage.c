/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-footage"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "cr-clip-tags.h"
#include "cr-clips.h"
#include "cr-clip-card.h"
#include "cr-clips-page.h"
#include "cr-frame-reader.h"
#include "cr-indexer.h"
#include "cr-player.h"
#include "cr-select-dialog.h"
#include "cr-settings.h"
#include "cr-selects-page.h"
#include "cr-store.h"
#include "cr-timecode.h"
#include "cr-window.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"
#include "footage-fixture.h"

/* Footage made at test time with its frame number burnt into every picture, so that a wrong
 * frame is a wrong picture. Made once; each test gets a production of its own. */
static char *root;        /* removed at the end */
static char *media_dir;

typedef struct
{
  const char *file;
  const char *rate;       /* for ffmpeg */
  const char *timecode;   /* the start timecode written into the file */
  const char *at_137;     /* that timecode + 137 frames, counted by hand */
  const char *rate_words; /* as the detail pane writes it */
} Clip;

static const Clip clips[] = {
  { "pal-25.mov", "25", "10:00:00:00", "10:00:05:12", "25 fps" },
  /* Starts a second before a minute that drops ;00 and ;01. */
  { "ntsc-2997df.mov", "30000/1001", "00:00:59;00", "00:01:03;19", "29.97 DF fps" },
  { "film-23976.mov", "24000/1001", "01:00:00:00", "01:00:05:17", "23.976 fps" },
};

static void
make_media (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (media_dir, "card-dump.mov", NULL);
  g_autofree char *wav = g_build_filename (media_dir, "zoom-f8-take3.wav", NULL);
  g_autofree char *head = NULL;
  gsize len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      g_autofree char *out = g_build_filename (media_dir, clips[i].file, NULL);
      footage_make_clip (out, clips[i].rate, clips[i].timecode, 8, FALSE);
    }
  {
    /* A sound recorder's file: Broadcast Wave at 48 kHz with a bext time reference of
     * 01:00:00 (172,800,000 samples since midnight). */
    const char *argv[] = { "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=330:duration=6",
                           "-af", "volume=enable='between(t,2,3)':volume=0.1",
                           "-ar", "48000", "-c:a", "pcm_s24le", "-write_bext", "1",
                           "-metadata", "time_reference=172800000", wav, NULL };
    footage_run (argv, NULL, NULL);
  }
  /* A file that stopped being copied: a QuickTime header and nothing whole. */
  {
    g_autofree char *first = g_build_filename (media_dir, clips[0].file, NULL);
    g_assert_true (g_file_get_contents (first, &head, &len, &error));
    g_assert_true (g_file_set_contents (broken, head, MIN (len, 3000), &error));
  }
}

/* ---- driving the window ---- */

typedef FootageFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean index = GPOINTER_TO_INT (data);
  CrIndexProgress result = footage_fixture_open (f, root, media_dir, index);

  if (index)
    g_assert_cmpuint (result.failed, ==, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  footage_fixture_close (f);
}

/* ---- the tests ---- */

typedef struct
{
  CrClipsPage *page;
  guint        first;   /* clips in the grid at its first change while indexing, 0 none */
} GridWatch;

static void
grid_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gpointer    data)
{
  GridWatch *watch = data;

  if (watch->first == 0 && cr_clips_page_is_indexing (watch->page))
    watch->first = g_list_model_get_n_items (model);
}

/* Add Folder: the worker catalogues the folder and the grid fills as batches are written;
 * the damaged file is there too, as failed, with its reason. */
static void
test_index (Fixture       *f,
            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (cr_clips_page_get_model (f->clips));
  CrDb *db = cr_production_get_db (f->production);
  CrQuery failed = { .field = "status", .value = "failed" };
  guint while_running = 0;
  g_autofree char *card = NULL;
  const char *folders[] = { media_dir, NULL, NULL };
  GridWatch grid_watch = { NULL, 0 };
  gulong handler;

  /* A second card of 250 files (links to one recording): more than one batch of 200. */
  card = g_build_filename (f->dir, "card-b", NULL);
  g_mkdir (card, 0700);
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *from = g_build_filename (media_dir, clips[0].file, NULL);
      g_autofree char *name = g_strdup_printf ("B%u.mov", i);
      g_autofree char *to = g_build_filename (card, name, NULL);
      g_assert_cmpint (link (from, to), ==, 0);
    }
  folders[1] = card;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  grid_watch.page = f->clips;
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (grid_changed_cb), &grid_watch);
  cr_clips_page_index_folders (f->clips, folders);
  g_assert_true (cr_clips_page_is_indexing (f->clips));
  while (cr_clips_page_is_indexing (f->clips))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_signal_handler_disconnect (model, handler);
  g_assert_false (cr_clips_page_is_indexing (f->clips));
  while_running = grid_watch.first;
  g_test_message ("clips in the grid when it first changed during the run: %u", while_running);
  /* The first batch was in the grid before the run ended (seen as the grid changed, not by
   * sampling, so that a fast run cannot slip between two looks). */
  g_assert_cmpuint (while_running, >=, 200);
  g_assert_cmpuint (while_running, <, 255);
  /* The damaged file is named at the end, with its reason. */
  g_assert_nonnull (cr_clips_page_get_failed_text (f->clips));
  g_assert_nonnull (strstr (cr_clips_page_get_failed_text (f->clips), "card-dump.mov"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 255);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 255);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, &failed, NULL), ==, 1);
  /* Natural order, as Files sorts names: B2 before B10. */
  {
    g_autoptr(CrRow) third = g_list_model_get_item (model, 2);
    g_assert_cmpstr (cr_row_get_label (third), ==, "B2.mov");
  }
}

static gboolean
model_settled (gpointer model)
{
  return cr_clip_model_is_settled (model);
}

/* Until the filter's query (run in a worker) has answered. */
static void
settle (Fixture *f)
{
  cr_ui_wait_until (model_settled, cr_clips_page_get_model (f->clips));
}

/* The clips shown once it has. */
static guint
n_clips (Fixture *f)
{
  settle (f);
  return g_list_model_get_n_items (G_LIST_MODEL (cr_clips_page_get_model (f->clips)));
}

static const char *
only_clip (Fixture *f)
{
  static char name[256];
  g_autoptr(CrRow) row = NULL;

  g_assert_cmpuint (n_clips (f), ==, 1);
  row = g_list_model_get_item (G_LIST_MODEL (cr_clips_page_get_model (f->clips)), 0);
  g_strlcpy (name, cr_row_get_label (row), sizeof name);
  return name;
}

typedef struct
{
  CrClipsPage *page;
  GtkWidget   *stop;
  guint        first;      /* clips in the grid when Stop was pressed */
  char        *progress;   /* the bar's words then */
} StopWatch;

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                                              : gtk_label_get_text (GTK_LABEL (root));
      if (text && g_str_has_prefix (text, prefix))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, prefix);
      if (found)
        return found;
    }
  return NULL;
}

/* The first batch in the grid: its progress read, and Stop pressed as its button is. */
static void
stop_after_first_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     StopWatch  *watch)
{
  GtkWidget *label;

  if (watch->first != 0 || !cr_clips_page_is_indexing (watch->page) || g_list_model_get_n_items (model) == 0)
    return;
  watch->first = g_list_model_get_n_items (model);
  label = find_labelled (GTK_WIDGET (watch->page), GTK_TYPE_LABEL, "Indexing ");
  watch->progress = g_strdup (label ? gtk_label_get_text (GTK_LABEL (label)) : NULL);
  g_signal_emit_by_name (watch->stop, "clicked");
}

/* Add Folder's bar counts files and bytes; Stop ends the run with what was written kept, and
 * the page ready for another. */
static void
test_index_stop (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (cr_clips_page_get_model (f->clips));
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *card = g_build_filename (f->dir, "card-c", NULL);
  const char *folders[] = { card, NULL };
  StopWatch watch = { f->clips, NULL, 0, NULL };
  gulong handler;

  g_mkdir (card, 0700);
  for (guint i = 0; i < 650; i++)
    {
      g_autofree char *from = g_build_filename (media_dir, clips[0].file, NULL);
      g_autofree char *name = g_strdup_printf ("C%u.mov", i);
      g_autofree char *to = g_build_filename (card, name, NULL);
      g_assert_cmpint (link (from, to), ==, 0);
    }
  watch.stop = find_labelled (GTK_WIDGET (f->clips), GTK_TYPE_BUTTON, "_Stop");
  g_assert_nonnull (watch.stop);
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (stop_after_first_cb), &watch);
  cr_clips_page_index_folders (f->clips, folders);
  while (cr_clips_page_is_indexing (f->clips))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_signal_handler_disconnect (model, handler);
  g_test_message ("stopped with %u clips shown, the bar reading “%s”", watch.first, watch.progress);
  /* Stopped after the first batch: it and perhaps the one being written, not all 650. */
  g_assert_cmpuint (watch.first, ==, 200);
  g_assert_nonnull (watch.progress);
  /* g_format_size () puts a no-break space before the unit, and says "0 bytes": on a busy
   * machine the bar may not have counted a file yet when the first batch shows. */
  g_assert_true (g_regex_match_simple ("^Indexing [0-9]+ of 650 files · [0-9.]+\\W([kMG]?B|bytes) of "
                                       "[0-9.]+\\W[kMG]?B", watch.progress, 0, 0));
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), <, 650);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), >=, 200);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cr_store_count (db, &cr_entity_clip, NULL, NULL));
  /* Ready for another run, which catalogues the rest once. */
  cr_clips_page_index_folders (f->clips, folders);
  g_assert_true (cr_clips_page_is_indexing (f->clips));
  while (cr_clips_page_is_indexing (f->clips))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 650);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 650);
  g_free (watch.progress);
}

/* Filters combine; the detail pane speaks in words, not columns. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 aisha = test_add (db, &cr_entity_participant, "name", "Aisha Adeyemi", "kind", "interviewee", NULL);
  g_autofree char *aisha_id = g_strdup_printf ("%" G_GINT64_FORMAT, aisha);
  gint64 interview = test_add (db, &cr_entity_interview, "title", "Aisha at the drop-in", "start", "2026-03-03 10:00", "end", "2026-03-03 11:00",
                          "participants", aisha_id, NULL);
  g_autofree char *interview_id = g_strdup_printf ("%" G_GINT64_FORMAT, interview);
  g_autoptr(CrRecord) link = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 ntsc = footage_clip_id (db, clips[1].file);

  cr_production_changed (f->production, &cr_entity_interview);
  cr_record_set (link, "interview", interview_id);
  g_assert_true (cr_store_update (db, &cr_entity_clip, ntsc, link, &error));
  g_assert_no_error (error);
  cr_production_changed (f->production, &cr_entity_clip);
  g_assert_cmpuint (n_clips (f), ==, 5);

  cr_clips_page_set_interview (f->clips, interview);
  g_assert_cmpstr (only_clip (f), ==, clips[1].file);
  /* Combined with "sound only", nothing is left; the page says so. */
  cr_clips_page_set_interview (f->clips, 0);
  cr_clips_page_set_status (f->clips, "failed");
  g_assert_cmpstr (only_clip (f), ==, "card-dump.mov");
  cr_clips_page_select (f->clips, footage_clip_id (db, "card-dump.mov"));
  detail = cr_clips_page_describe_detail (f->clips);
  g_assert_nonnull (strstr (detail, "Could not be read"));
  g_assert_nonnull (strstr (detail, "card-dump.mov"));
  cr_clips_page_set_status (f->clips, NULL);
  g_assert_cmpuint (n_clips (f), ==, 5);

  /* Search reaches the linked interview's title. */
  cr_clips_page_set_search (f->clips, "drop-in");
  settle (f);
  g_assert_cmpstr (only_clip (f), ==, clips[1].file);
  cr_clips_page_set_search (f->clips, "");
  settle (f);

  cr_clips_page_select (f->clips, ntsc);
  g_clear_pointer (&detail, g_free);
  detail = cr_clips_page_describe_detail (f->clips);
  g_test_message ("%s", detail);
  g_assert_nonnull (strstr (detail, "29.97 DF fps"));
  g_assert_nonnull (strstr (detail, "00:00:59;00"));
  g_assert_nonnull (strstr (detail, "00:00:08:00"));   /* 8 s, 240 frames */
  g_assert_nonnull (strstr (detail, "320 × 180"));
  g_assert_nonnull (strstr (detail, "H.264"));
  g_assert_nonnull (strstr (detail, "Aisha at the drop-in"));
  g_assert_null (strstr (detail, "duration_us"));
  g_assert_null (strstr (detail, "µs"));
  /* The pane's rows are kept from clip to clip: nothing of the one before stays shown. */
  g_assert_null (strstr (detail, "Could not be read"));
  cr_clips_page_select (f->clips, footage_clip_id (db, "card-dump.mov"));
  g_clear_pointer (&detail, g_free);
  detail = cr_clips_page_describe_detail (f->clips);
  g_assert_nonnull (strstr (detail, "Could not be read"));
  g_assert_null (strstr (detail, "H.264"));
  g_assert_null (strstr (detail, "29.97 DF fps"));
  g_assert_null (strstr (detail, "Aisha at the drop-in"));
}

/* The picture the player shows, as straight RGBA. */
static GBytes *
shown_rgba (CrPlayer *player,
            int      *width,
            int      *height)
{
  GdkTexture *texture = GDK_TEXTURE (cr_player_get_picture (player));
  guint8 *bgra, *rgba;
  gsize n;

  g_assert_nonnull (texture);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  n = (gsize) *width * *height;
  bgra = g_malloc (n * 4);
  /* GTK 4.8 downloads as premultiplied BGRA in memory (little-endian ARGB32); video is opaque. */
  gdk_texture_download (texture, bgra, (gsize) *width * 4);
  rgba = g_malloc (n * 4);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpuint (bgra[4 * i + 3], ==, 255);
      rgba[4 * i + 0] = bgra[4 * i + 2];
      rgba[4 * i + 1] = bgra[4 * i + 1];
      rgba[4 * i + 2] = bgra[4 * i + 0];
      rgba[4 * i + 3] = 255;
    }
  g_free (bgra);
  return g_bytes_new_take (rgba, n * 4);
}

/* Saves the range just marked through the dialog Enter opens. */
static gint64
save_with_enter (CrPlayer   *player,
                 const char *label)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gint64 id;

  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Return, 0);
  dialog = cr_player_get_select_dialog (player);
  g_assert_true (CR_IS_SELECT_DIALOG (dialog));
  cr_select_dialog_set_label (CR_SELECT_DIALOG (dialog), label);
  id = cr_select_dialog_save (CR_SELECT_DIALOG (dialog), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cr_ui_iterate ();
  g_assert_null (cr_player_get_select_dialog (player));
  return id;
}

/* Pictures served from the reader's cache (decoded ahead of a paused frame, or kept behind
 * it) are FFmpeg's decode of the frame asked for, as much as a fresh seek's are. */
static void
test_reader_cache (void)
{
  g_autofree char *path = g_build_filename (media_dir, clips[0].file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFrameReader) reader = cr_frame_reader_open (path, &error);
  g_autoptr(GBytes) paused = NULL;
  /* Ahead of the pause, behind it, the pause again, then a seek to a new GOP and back. */
  static const gint64 asked[] = { 137, 171, 126, 130, 61, 129 };

  g_assert_no_error (error);
  paused = cr_frame_reader_read (reader, 130, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) expected = footage_ffmpeg_frame (path, 130);
    g_assert_true (g_bytes_equal (paused, expected));
  }
  cr_frame_reader_decode_ahead (reader);
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_autoptr(GBytes) rgba = cr_frame_reader_read (reader, asked[i], NULL, &error);
      g_autoptr(GBytes) expected = footage_ffmpeg_frame (path, asked[i]);

      g_assert_no_error (error);
      g_test_message ("frame %" G_GINT64_FORMAT, asked[i]);
      g_assert_true (g_bytes_equal (rgba, expected));
      if (asked[i] == 61)
        cr_frame_reader_decode_ahead (reader);
    }
}

/* Frame 137 by the keys: the picture is FFmpeg's frame 137 and the label its timecode;
 * I, O and Enter keep exactly the frames marked. */
static void
test_frame_137 (Fixture       *f,
                gconstpointer  data)
{
  const Clip *clip = &clips[GPOINTER_TO_INT (data) - 1];
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *path = g_build_filename (media_dir, clip->file, NULL);
  gint64 id = footage_clip_id (db, clip->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = footage_ffmpeg_frame (path, 137);
  g_autoptr(GBytes) before = footage_ffmpeg_frame (path, 136);
  g_autoptr(GBytes) shown = NULL;
  CrPlayer *player;
  GtkWidget *widget;
  int width, height, fps, seconds, frames, in;
  gint64 select, sel_out;

  g_assert_true (cr_clips_page_open_clip (f->clips, id, 0, &error));
  g_assert_no_error (error);
  player = cr_clips_page_get_player (f->clips);
  widget = GTK_WIDGET (player);
  footage_wait_settled (player);
  g_assert_cmpint (cr_player_get_position (player), ==, 0);
  g_assert_cmpstr (cr_player_get_timecode (player), ==, clip->timecode);

  /* Whole seconds with Shift+Right, the rest frame by frame; one back and forward again. */
  fps = g_str_equal (clip->rate, "25") ? 25 : g_str_equal (clip->rate, "30000/1001") ? 30 : 24;
  seconds = 137 / fps;
  frames = 137 % fps;
  for (int i = 0; i < seconds; i++)
    cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  for (int i = 0; i < frames + 1; i++)
    cr_ui_press (widget, GDK_KEY_Right, 0);
  cr_ui_press (widget, GDK_KEY_Left, 0);
  footage_wait_settled (player);
  g_assert_cmpint (cr_player_get_position (player), ==, 137);
  g_assert_cmpstr (cr_player_get_timecode (player), ==, clip->at_137);

  shown = shown_rgba (player, &width, &height);
  g_assert_cmpint (width, ==, 320);
  g_assert_cmpint (height, ==, 180);
  g_assert_cmpuint (g_bytes_get_size (expected), ==, g_bytes_get_size (shown));
  /* The frame before is a different picture (its number differs), so equality means 137. */
  g_assert_false (g_bytes_equal (before, expected));
  g_assert_true (g_bytes_equal (shown, expected));

  /* I here, then a second and 3 frames on, O: the select holds [137, 137 + fps + 3 + 1). */
  cr_ui_press (widget, GDK_KEY_i, 0);
  cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  for (int i = 0; i < 3; i++)
    cr_ui_press (widget, GDK_KEY_Right, 0);
  cr_ui_press (widget, GDK_KEY_o, 0);
  in = 137;
  g_assert_cmpint (cr_player_get_in (player), ==, in);
  g_assert_cmpint (cr_player_get_out (player), ==, in + fps + 3 + 1);
  select = save_with_enter (player, "Why she started coming");
  g_assert_cmpint (footage_select_frames (db, select, &sel_out), ==, in);
  g_assert_cmpint (sel_out, ==, in + fps + 3 + 1);
  /* X clears; Enter without a range makes nothing. */
  cr_ui_press (widget, GDK_KEY_i, 0);
  cr_ui_press (widget, GDK_KEY_x, 0);
  g_assert_cmpint (cr_player_get_in (player), ==, -1);
  cr_ui_press (widget, GDK_KEY_Return, 0);
  g_assert_null (cr_player_get_select_dialog (player));
  g_assert_cmpint (cr_store_count (db, &cr_entity_select, NULL, NULL), ==, 1);
}

/* A sound recorder's file: its waveform and the same keys. */
static void
test_bwf (Fixture       *f,
          gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 id = footage_clip_id (db, "zoom-f8-take3.wav");
  g_autoptr(GError) error = NULL;
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  GtkWidget *widget = GTK_WIDGET (player);
  g_autofree char *start = NULL;
  gint64 select, out;
  int fps;

  g_assert_true (cr_clips_page_open_clip (f->clips, id, 0, &error));
  g_assert_no_error (error);
  g_assert_null (cr_player_get_picture (player));
  /* Its own timecode: 01:00:00 from the bext time reference. */
  start = g_strdup (cr_player_get_timecode (player));
  g_assert_true (g_str_has_prefix (start, "01:00:00"));
  fps = (int) (cr_player_get_length (player) / 6);
  g_assert_cmpint (fps, >=, 23);
  cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  cr_ui_press (widget, GDK_KEY_Right, GDK_SHIFT_MASK);
  cr_ui_press (widget, GDK_KEY_i, 0);
  for (int i = 0; i < 10; i++)
    cr_ui_press (widget, GDK_KEY_Right, 0);
  cr_ui_press (widget, GDK_KEY_o, 0);
  g_assert_true (g_str_has_prefix (cr_player_get_timecode (player), "01:00:02:10"));
  select = save_with_enter (player, "Ambience of the hall");
  g_assert_cmpint (footage_select_frames (db, select, &out), ==, 2 * fps);
  g_assert_cmpint (out, ==, 2 * fps + 11);
  /* End goes to the last frame. */
  cr_ui_press (widget, GDK_KEY_End, 0);
  g_assert_cmpint (cr_player_get_position (player), ==, cr_player_get_length (player) - 1);
}

/* The Selects page: timecode in and out, edited the way the command line reads them. */
static void
test_selects_page (Fixture       *f,
                   gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 clip = footage_clip_id (db, clips[0].file);
  g_autofree char *clip_text = g_strdup_printf ("%" G_GINT64_FORMAT, clip);
  gint64 id = test_add (db, &cr_entity_select, "clip", clip_text, "in_frame", "50", "out_frame", "100",
                   "label", "The bus story", NULL);
  CrSelectsPage *page;
  g_autoptr(GError) error = NULL;
  gint64 out;

  cr_production_changed (f->production, &cr_entity_select);
  page = CR_SELECTS_PAGE (footage_window_page (f->window, "selects"));
  g_assert_true (CR_IS_SELECTS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_selects_page_get_model (page))), ==, 1);
  /* 10:00:03:00 is frame 75 of a clip that starts at 10:00:00:00 at 25 fps. */
  g_assert_true (cr_selects_page_set_point (page, id, FALSE, "10:00:03:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (footage_select_frames (db, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 100);
  /* An out point before the in point is refused and changes nothing. */
  g_assert_false (cr_selects_page_set_point (page, id, TRUE, "10:00:01:00", &error));
  g_assert_nonnull (strstr (error->message, "out"));
  g_clear_error (&error);
  g_assert_false (cr_selects_page_set_point (page, id, TRUE, "ten past", &error));
  g_assert_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_SYNTAX);
  g_assert_cmpint (footage_select_frames (db, id, &out), ==, 75);
  g_assert_cmpint (out, ==, 100);
}

/* The In or Out cell of a Selects row as shown, the row's @n-th editable cell counted from
 * the top: 0 is the first row's In, 1 its Out. */
static GtkEditableLabel *
selects_point_cell (CrSelectsPage *page,
                    guint          n)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  guint seen = 0;

  g_ptr_array_add (todo, page);
  while (todo->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (todo, 0);

      if (GTK_IS_EDITABLE_LABEL (w) && gtk_widget_get_mapped (w) && seen++ == n)
        return GTK_EDITABLE_LABEL (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (todo, c);
    }
  g_assert_not_reached ();
}

/* A point typed into a cell and committed with Enter, as the user does it; what the page
 * says under the table then, or NULL. */
static const char *
selects_type_point (Fixture       *f,
                    CrSelectsPage *page,
                    guint          n,
                    const char    *text)
{
  GtkEditableLabel *cell = selects_point_cell (page, n);
  GtkWidget *said = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), CR_TYPE_SELECTS_PAGE, "error_label"));

  gtk_editable_label_start_editing (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  gtk_editable_label_stop_editing (cell, TRUE);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  return gtk_widget_get_visible (said) ? gtk_label_get_text (GTK_LABEL (said)) : NULL;
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A point the clip does not hold, or out of order, is refused in the clip's timecode, as the
 * cells show the points, never as the store's frames. */
static void
test_selects_point_words (Fixture       *f,
                          gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *clip = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clips[0].file));
  gint64 id = test_add (db, &cr_entity_select, "clip", clip, "in_frame", "50", "out_frame", "100",
                        "label", "The bus story", NULL);
  CrSelectsPage *page;
  gint64 out;

  cr_production_changed (f->production, &cr_entity_select);
  page = CR_SELECTS_PAGE (footage_window_page (f->window, "selects"));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  /* The 25 fps clip starts at 10:00:00:00 and lasts 8 s, 200 frames. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (selects_point_cell (page, 1))), ==, "10:00:04:00");
  g_assert_cmpstr (selects_type_point (f, page, 1, "10:00:09:00"), ==,
                   "Out: 10:00:09:00 is after the clip ends (10:00:08:00)");
  /* A frame number is said as the timecode it is. */
  g_assert_cmpstr (selects_type_point (f, page, 1, "225"), ==, "Out: 10:00:09:00 is after the clip ends (10:00:08:00)");
  g_assert_cmpstr (selects_type_point (f, page, 1, "10:00:01:00"), ==,
                   "Out: 10:00:01:00 is not after the in point (10:00:02:00)");
  /* Before the start: not the next day's 09:59:59:00, past the end. */
  g_assert_cmpstr (selects_type_point (f, page, 0, "09:59:59:00"), ==,
                   "In: 09:59:59:00 is before the clip starts (10:00:00:00)");
  g_assert_cmpstr (selects_type_point (f, page, 0, "10:00:05:00"), ==,
                   "In: 10:00:05:00 is not before the out point (10:00:04:00)");
  /* What is no position at all is said under the column's name too. */
  g_assert_true (g_str_has_prefix (selects_type_point (f, page, 1, "ten past"), "Out: “ten past” is not a position"));
  g_assert_cmpint (footage_select_frames (db, id, &out), ==, 50);
  g_assert_cmpint (out, ==, 100);
  /* The cells show the points kept; the clip's end itself is a good out point. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (selects_point_cell (page, 1))), ==, "10:00:04:00");
  g_assert_null (selects_type_point (f, page, 1, "10:00:08:00"));
  g_assert_cmpint (footage_select_frames (db, id, &out), ==, 50);
  g_assert_cmpint (out, ==, 200);
}

/* A double-click on an In or Out cell edits it: the first click begins the edit and the
 * second, which also activates the row, must not open the clip and leave the page with what
 * is being typed. Enter or a double-click elsewhere on the row still opens it. */
static void
test_selects_double_click_edits (Fixture       *f,
                                 gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *clip = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clips[0].file));
  gint64 id = test_add (db, &cr_entity_select, "clip", clip, "in_frame", "50", "out_frame", "100",
                        "label", "The bus story", NULL);
  CrSelectsPage *page;
  GtkEditableLabel *cell;
  GtkWidget *label_cell;
  gint64 out;

  cr_production_changed (f->production, &cr_entity_select);
  page = CR_SELECTS_PAGE (footage_window_page (f->window, "selects"));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  cell = selects_point_cell (page, 1);
  /* The first click's release begins the edit; the second press activates the row, as
   * GtkListItemWidget does for a double-click. */
  gtk_editable_label_start_editing (cell);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cell), "list.activate-item", "u", 0));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (cr_window_get_page_name (f->window), ==, "selects");
  g_assert_true (gtk_editable_label_get_editing (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), "10:00:05:00");
  gtk_editable_label_stop_editing (cell, TRUE);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpint (footage_select_frames (db, id, &out), ==, 50);
  g_assert_cmpint (out, ==, 125);

  /* Elsewhere on the row, the same activation opens the clip with the select's range. */
  label_cell = cr_ui_find_where (GTK_WIDGET (page), is_label_reading, "The bus story");
  g_assert_nonnull (label_cell);
  g_assert_true (gtk_widget_activate_action (label_cell, "list.activate-item", "u", 0));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (cr_window_get_page_name (f->window), ==, "clips");
  g_assert_cmpint (cr_player_get_in (cr_clips_page_get_player (f->clips)), ==, 50);
  g_assert_cmpint (cr_player_get_out (cr_clips_page_get_player (f->clips)), ==, 125);
}

/* The labels of the Selects list, in its order, comma-separated. */
static char *
selects_labels (CrSelectsPage *page)
{
  GListModel *model = G_LIST_MODEL (cr_selects_page_get_model (page));
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      g_string_append_printf (labels, "%s%s", i ? ", " : "", cr_row_get_display (row, "label"));
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* The Selects list sorted as by a click on the header titled @title. */
static char *
selects_sorted (CrSelectsPage *page,
                const char    *title,
                GtkSortType    direction)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (cr_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        {
          g_assert_nonnull (gtk_column_view_column_get_sorter (column));
          gtk_column_view_sort_by_column (view, column, direction);
          cr_ui_iterate ();
          return selects_labels (page);
        }
    }
  g_assert_not_reached ();
}

/* Every column of the Selects table sorts as it reads: names in natural order, In and Out
 * by the time their timecode says (clips of three rates and start timecodes), Duration by
 * how long a select lasts, not by its frames. */
static void
test_selects_sort (Fixture       *f,
                   gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  g_autofree char *pal = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clips[0].file));
  g_autofree char *ntsc = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clips[1].file));
  g_autofree char *film = g_strdup_printf ("%" G_GINT64_FORMAT, footage_clip_id (db, clips[2].file));
  g_autofree char *q10 = g_strdup_printf ("%" G_GINT64_FORMAT, test_add (db, &cr_entity_question, "text", "Question 10", NULL));
  g_autofree char *q2 = g_strdup_printf ("%" G_GINT64_FORMAT, test_add (db, &cr_entity_question, "text", "Question 2", NULL));
  CrSelectsPage *page;

  test_add (db, &cr_entity_participant, "name", "Ann 1000", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Ann 200", "kind", "interviewee", NULL);
  /* 10:00:02:00 to 10:00:04:10, 2.4 s; 00:01:00;01 to 00:01:02;06, 2.17 s (65 frames);
   * 01:00:00:10 to 01:00:01:16, 1.25 s. */
  test_add (db, &cr_entity_select, "clip", pal, "in_frame", "50", "out_frame", "110", "label", "Clip 1000",
            "question", q10, "participants", "Ann 1000", NULL);
  test_add (db, &cr_entity_select, "clip", ntsc, "in_frame", "30", "out_frame", "95", "label", "Clip 200",
            "question", q2, "participants", "Ann 200", NULL);
  test_add (db, &cr_entity_select, "clip", film, "in_frame", "10", "out_frame", "40", "label", "Clip 30", NULL);
  cr_production_changed (f->production, &cr_entity_select);
  page = CR_SELECTS_PAGE (footage_window_page (f->window, "selects"));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);

  g_assert_cmpstr (selects_sorted (page, "Label", GTK_SORT_ASCENDING), ==, "Clip 30, Clip 200, Clip 1000");
  g_assert_cmpstr (selects_sorted (page, "Label", GTK_SORT_DESCENDING), ==, "Clip 1000, Clip 200, Clip 30");
  /* film-23976, ntsc-2997df, pal-25 */
  g_assert_cmpstr (selects_sorted (page, "Clip", GTK_SORT_ASCENDING), ==, "Clip 30, Clip 200, Clip 1000");
  g_assert_cmpstr (selects_sorted (page, "In", GTK_SORT_ASCENDING), ==, "Clip 200, Clip 30, Clip 1000");
  g_assert_cmpstr (selects_sorted (page, "Out", GTK_SORT_DESCENDING), ==, "Clip 1000, Clip 30, Clip 200");
  g_assert_cmpstr (selects_sorted (page, "Duration", GTK_SORT_ASCENDING), ==, "Clip 30, Clip 200, Clip 1000");
  /* No question or person sorts last either way. */
  g_assert_cmpstr (selects_sorted (page, "Question", GTK_SORT_ASCENDING), ==, "Clip 200, Clip 1000, Clip 30");
  g_assert_cmpstr (selects_sorted (page, "Question", GTK_SORT_DESCENDING), ==, "Clip 1000, Clip 200, Clip 30");
  g_assert_cmpstr (selects_sorted (page, "People", GTK_SORT_ASCENDING), ==, "Clip 200, Clip 1000, Clip 30");
}

/* ---- the filter bar and the list view ---- */

/* The toolbar's toggle button with this icon (grid or list). */
static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *icon)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, icon);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether any label at or below `root` that is shown has had its text cut ("An…"). */
static gboolean
any_label_cut (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    {
      g_test_message ("cut: “%s”", gtk_label_get_text (GTK_LABEL (root)));
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (any_label_cut (child))
      return TRUE;
  return FALSE;
}

static void
tag (CrDb        *db,
     gint64       clip,
     const char  *a,
     const char  *b)
{
  const char *tags[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_clip_tags_change (db, clip, tags, FALSE, &error));
  g_assert_no_error (error);
}

/* The filters sit in a popover behind one button; those that are on show as chips under the
 * toolbar; the tag filter combines with the others; Clear Filters turns them all off. */
static void
test_filter_bar (Fixture       *f,
                 gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  GtkWidget *button = cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_MENU_BUTTON);
  g_autofree char *chips = NULL;
  GtkPopover *popover;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1180, 760);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  /* The window as the toolkit lays it out, inside its 1180 px default (less any frame). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1180);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >, 1100);
  tag (db, footage_clip_id (db, clips[0].file), "B-roll", NULL);
  tag (db, footage_clip_id (db, clips[1].file), "B-roll", "best");
  tag (db, footage_clip_id (db, "zoom-f8-take3.wav"), "best", NULL);
  cr_production_changed (f->production, &cr_entity_clip);
  g_assert_cmpuint (n_clips (f), ==, 5);
  chips = cr_clips_page_describe_filters (f->clips);
  g_assert_cmpstr (chips, ==, "");
  g_clear_pointer (&chips, g_free);

  /* The search reaches tags (part of one, any case) and notes. */
  {
    g_autoptr(CrRecord) note = cr_record_new (&cr_entity_clip);
    g_autoptr(GError) error = NULL;

    cr_record_set (note, "notes", "The hall before the doors open");
    g_assert_true (cr_store_update (db, &cr_entity_clip, footage_clip_id (db, clips[2].file), note, &error));
    g_assert_no_error (error);
    cr_production_changed (f->production, &cr_entity_clip);
  }
  cr_clips_page_set_search (f->clips, "b-RO");
  g_assert_cmpuint (n_clips (f), ==, 2);
  cr_clips_page_set_search (f->clips, "doors open");
  g_assert_cmpstr (only_clip (f), ==, clips[2].file);
  cr_clips_page_set_search (f->clips, "");
  g_assert_cmpuint (n_clips (f), ==, 5);

  /* A tag no clip has cannot be chosen; tags match without case. */
  g_assert_false (cr_clips_page_set_tag (f->clips, "laughter"));
  g_assert_cmpuint (n_clips (f), ==, 5);
  g_assert_true (cr_clips_page_set_tag (f->clips, "b-roll"));
  g_assert_cmpuint (n_clips (f), ==, 2);
  chips = cr_clips_page_describe_filters (f->clips);
  g_assert_cmpstr (chips, ==, "Tag: B-roll\n");
  g_clear_pointer (&chips, g_free);

  /* Combined: "best" and sound only is the sound recorder's take. */
  g_assert_true (cr_clips_page_set_tag (f->clips, "best"));
  g_assert_cmpuint (n_clips (f), ==, 2);
  cr_clips_page_set_kind (f->clips, CR_CLIP_KIND_AUDIO_ONLY);
  g_assert_cmpstr (only_clip (f), ==, "zoom-f8-take3.wav");
  chips = cr_clips_page_describe_filters (f->clips);
  g_assert_cmpstr (chips, ==, "Sound only\nTag: best\n");
  g_clear_pointer (&chips, g_free);
  cr_clips_page_set_kind (f->clips, CR_CLIP_KIND_VIDEO);
  g_assert_cmpstr (only_clip (f), ==, clips[1].file);

  /* The toolbar fits the default window: nothing in it is cut short. */
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_nonnull (button);
  g_assert_false (any_label_cut (gtk_widget_get_parent (button)));
  g_assert_cmpint (gtk_widget_get_width (cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_SEARCH_ENTRY)), >=, 240);
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-footage-filters.png");

  /* The popover: every filter named in full. */
  popover = cr_ui_popup (GTK_MENU_BUTTON (button));
  cr_ui_wait_for_frames (GTK_WIDGET (popover), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_false (any_label_cut (GTK_WIDGET (popover)));
  cr_ui_save_png (GTK_WIDGET (popover), "casereel-footage-filter-popover.png");
  gtk_popover_popdown (popover);

  /* A chip's × turns its filter off: "Video" goes, "Tag: best" stays. */
  {
    GtkWidget *chip = cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_FLOW_BOX_CHILD);

    g_assert_nonnull (chip);
    chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (chip));
    g_assert_true (gtk_widget_has_css_class (chip, "filter-chip"));
    g_signal_emit_by_name (chip, "clicked");
    cr_ui_iterate ();
    g_clear_pointer (&chips, g_free);
    chips = cr_clips_page_describe_filters (f->clips);
    g_assert_cmpstr (chips, ==, "Tag: best\n");
    g_assert_cmpuint (n_clips (f), ==, 2);
    g_clear_pointer (&chips, g_free);
  }

  /* Clear Filters: all clips again, no chips. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->clips), "clips.clear-filters", NULL));
  g_assert_cmpuint (n_clips (f), ==, 5);
  chips = cr_clips_page_describe_filters (f->clips);
  g_assert_cmpstr (chips, ==, "");
}

/* Clips that were never on this machine, to sort: their names and lengths only. */
static void
add_named_clips (CrDb *db)
{
  static const struct { const char *name; gint64 seconds; } named[] = {
    { "Clip 10.mov", 20 }, { "Clip 2.mov", 3 }, { "Clip 1.mov", 1 },
  };
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GError) error = NULL;
  guint relinked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      CrClipInfo *info = g_new0 (CrClipInfo, 1);
      info->name = g_strdup (named[i].name);
      info->path = g_strdup_printf ("/media/elsewhere/%s", named[i].name);
      info->size = 1000 + i;
      info->mtime_us = 1700000000000000;
      info->identity = g_strdup_printf ("%040x", i + 1);
      info->duration_us = named[i].seconds * G_USEC_PER_SEC;
      info->has_video = TRUE;
      info->frame_rate = g_strdup ("25/1");
      g_ptr_array_add (batch, info);
    }
  g_assert_true (cr_clips_write_batch (db, batch, &relinked, &error));
  g_assert_no_error (error);
}

/* The rows in the order the list view shows them, by name. */
static char *
list_names (GtkColumnView *list)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (list));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      g_string_append_printf (s, "%s%s", i ? ", " : "", cr_row_get_label (row));
    }
  return g_string_free (s, FALSE);
}

/* Every label in the view, depth first: the header and then the rows as drawn. */
static void
collect_labels (GtkWidget *root,
                GString   *s)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (s, "%s|", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, s);
}

/* The view chosen (grid or list) is the one a page opened later shows: the clips-view key. */
static void
test_clips_view (Fixture       *f,
                 gconstpointer  data)
{
  GSettings *settings = cr_settings_get ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;

  g_assert_nonnull (settings);
  first = g_settings_get_string (settings, "clips-view");
  g_assert_cmpstr (first, ==, "grid");
  for (guint round = 0; round < 2; round++)
    {
      gboolean list = round == 0;
      GtkWidget *button = find_toggle (GTK_WIDGET (f->clips), list ? "view-list-symbolic" : "view-grid-symbolic");
      g_autofree char *saved = NULL;

      g_assert_nonnull (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      saved = g_settings_get_string (settings, "clips-view");
      g_assert_cmpstr (saved, ==, list ? "list" : "grid");
      /* Closed and opened again: a new window, a new page. */
      gtk_window_destroy (GTK_WINDOW (f->window));
      cr_ui_iterate ();
      g_clear_object (&f->production);
      f->window = cr_window_new (NULL, NULL);
      g_assert_true (cr_window_open (f->window, f->path, FALSE, &error));
      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
      gtk_window_present (GTK_WINDOW (f->window));
      g_set_object (&f->production, cr_window_get_production (f->window));
      f->clips = CR_CLIPS_PAGE (footage_window_page (f->window, "clips"));
      cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
      g_assert_cmpint (gtk_widget_get_mapped (cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_COLUMN_VIEW)), ==, list);
      g_assert_cmpint (gtk_widget_get_mapped (cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_GRID_VIEW)), ==, !list);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
        find_toggle (GTK_WIDGET (f->clips), list ? "view-list-symbolic" : "view-grid-symbolic"))));
    }
}

/* Every card the grid shows, described, a line each. */
static char *
describe_cards (GtkWidget *root)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();
  g_autoptr(GString) s = g_string_new (NULL);

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      if (CR_IS_CLIP_CARD (w) && gtk_widget_get_child_visible (gtk_widget_get_parent (w)) &&
          cr_clip_card_describe (CR_CLIP_CARD (w)))
        g_ptr_array_add (lines, (gpointer) cr_clip_card_describe (CR_CLIP_CARD (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_strdup (s->str);
}

/* A card says what its badges show: failed with its reason, offline, the interview, the
 * rating; and its length and timecode. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 interview = test_add (db, &cr_entity_interview, "title", "Aisha at the drop-in", "start", "2026-03-03 10:00",
                               "end", "2026-03-03 11:00", NULL);
  g_autofree char *interview_id = g_strdup_printf ("%" G_GINT64_FORMAT, interview);
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;
  g_autofree char *cards = NULL;

  cr_record_set (change, "interview", interview_id);
  cr_record_set (change, "rating", "4");
  g_assert_true (cr_store_update (db, &cr_entity_clip, footage_clip_id (db, clips[0].file), change, &error));
  g_assert_no_error (error);
  cr_production_changed (f->production, &cr_entity_interview);
  cr_production_changed (f->production, &cr_entity_clip);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  cards = describe_cards (GTK_WIDGET (f->clips));
  g_test_message ("%s", cards);
  g_assert_nonnull (strstr (cards, "pal-25.mov, 00:00:08:00, TC 10:00:00:00 · 25 fps, Interview: Aisha at the drop-in, "
                                   "4 of 5 stars\n"));
  g_assert_nonnull (strstr (cards, "ntsc-2997df.mov, 00:00:08:00, TC 00:00:59;00 · 29.97 DF fps\n"));
  g_assert_nonnull (strstr (cards, "card-dump.mov, Could not be read, "));
}

/* One clip logged: its row is read again in place (the same row object, so the card and
 * the selection keep it) and its card shows it; with a filter that looks at what changed,
 * the clips are looked for again. */
static void
test_card_refresh (Fixture       *f,
                   gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrClipModel *model = cr_clips_page_get_model (f->clips);
  gint64 pal = footage_clip_id (db, clips[0].file);
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRow) before = NULL;
  g_autoptr(CrRow) after = NULL;
  g_autofree char *cards = NULL;
  gint64 position = cr_clip_model_find (model, pal);

  g_assert_cmpint (position, >=, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  before = g_list_model_get_item (G_LIST_MODEL (model), position);
  cr_record_set (change, "rating", "4");
  g_assert_true (cr_store_update (db, &cr_entity_clip, pal, change, &error));
  g_assert_no_error (error);
  cr_production_changed_record (f->production, &cr_entity_clip, pal);
  after = g_list_model_get_item (G_LIST_MODEL (model), position);
  g_assert_true (after == before);
  g_assert_cmpint (cr_record_get_int (cr_row_get_record (after), "rating", 0), ==, 4);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  cards = describe_cards (GTK_WIDGET (f->clips));
  g_assert_nonnull (strstr (cards, "pal-25.mov, 00:00:08:00, TC 10:00:00:00 · 25 fps, 4 of 5 stars\n"));

  /* Another program rates it (the command line): the same clips, looked for in the worker,
   * and the row read again in place. */
  {
    g_autoptr(CrDb) other = cr_db_open (f->path, &error);
    g_autoptr(CrRow) again = NULL;

    g_assert_no_error (error);
    g_assert_true (cr_db_exec (other, "UPDATE clip SET rating = 5 WHERE name = 'pal-25.mov'", &error));
    g_assert_no_error (error);
    g_assert_true (cr_production_check_for_changes (f->production));
    while (!cr_clip_model_is_settled (model))
      g_main_context_iteration (NULL, TRUE);
    again = g_list_model_get_item (G_LIST_MODEL (model), position);
    g_assert_true (again == before);
    g_assert_cmpint (cr_record_get_int (cr_row_get_record (again), "rating", 0), ==, 5);
    cr_record_set (change, "rating", "4");
    g_assert_true (cr_store_update (db, &cr_entity_clip, pal, change, &error));
  }

  /* Four stars or more: the clip is found again when its rating drops below. */
  cr_clip_model_set_filter (model, &(CrClipFilter) { .min_rating = 4 });
  while (!cr_clip_model_is_settled (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  cr_record_set (change, "rating", "2");
  g_assert_true (cr_store_update (db, &cr_entity_clip, pal, change, &error));
  cr_production_changed_record (f->production, &cr_entity_clip, pal);
  while (!cr_clip_model_is_settled (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* The grid keeps as many columns as fit and no more (GtkGridView makes 30 rows of
 * max-columns cards): its first row is full, with no room for another card, and
 * max-columns is that row's length. */
static void
test_grid_columns (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *grid = cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_GRID_VIEW);
  guint clips = g_list_model_get_n_items (G_LIST_MODEL (cr_clips_page_get_model (f->clips)));
  int width = gtk_widget_get_width (grid), top = G_MAXINT, cell_min = 0, right = 0;
  guint in_row = 0, cells = 0;

  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  width = gtk_widget_get_width (grid);
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell; cell = gtk_widget_get_next_sibling (cell))
    {
      graphene_rect_t box;

      if (g_strcmp0 (gtk_widget_get_css_name (cell), "child") != 0 || !gtk_widget_get_child_visible (cell))
        continue;
      g_assert_true (gtk_widget_compute_bounds (cell, grid, &box));
      if (cell_min == 0)
        gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &cell_min, NULL, NULL, NULL);
      if (box.origin.y < top)
        {
          top = box.origin.y;
          in_row = 0;
          right = 0;
        }
      if (box.origin.y == top)
        {
          in_row++;
          right = MAX (right, (int) (box.origin.x + box.size.width));
        }
      cells++;
    }
  g_assert_cmpuint (cells, ==, clips);
  g_assert_cmpuint (clips, >, in_row);   /* more clips than a row: the row is as long as fits */
  g_assert_cmpint (cell_min, >, 0);
  g_assert_cmpuint (gtk_grid_view_get_max_columns (GTK_GRID_VIEW (grid)), ==, in_row);
  g_assert_cmpint ((int) (in_row + 1) * cell_min, >, width);
  g_assert_cmpint (right, <=, width);
  g_assert_cmpuint (in_row, <, 12);     /* the template's most, which made cards for 12 */
}

/* The list view: names in natural order, sorting by a column's header orders the rows. */
static void
test_list_view (Fixture       *f,
                gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  GtkWidget *list_button = find_toggle (GTK_WIDGET (f->clips), "view-list-symbolic");
  GtkColumnView *list = GTK_COLUMN_VIEW (cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_COLUMN_VIEW));
  GListModel *model;
  g_autofree char *names = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  gint64 last = G_MININT64;

  add_named_clips (db);
  cr_production_changed (f->production, &cr_entity_clip);
  g_assert_nonnull (list_button);
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (list_button), TRUE);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 4);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_mapped (cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_GRID_VIEW)));

  names = list_names (list);
  g_assert_cmpstr (names, ==, "card-dump.mov, Clip 1.mov, Clip 2.mov, Clip 10.mov, film-23976.mov, "
                              "ntsc-2997df.mov, pal-25.mov, zoom-f8-take3.wav");
  /* As drawn, too: Clip 2 is on a row above Clip 10. */
  collect_labels (GTK_WIDGET (list), shown);
  g_test_message ("%s", shown->str);
  g_assert_nonnull (strstr (shown->str, "Clip 2.mov|"));
  g_assert_true (strstr (shown->str, "Clip 2.mov|") < strstr (shown->str, "Clip 10.mov|"));
  g_assert_nonnull (strstr (shown->str, "Duration|"));
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-footage-list.png");

  /* By duration: the rows' lengths never go down; the failed file (no length) first. */
  cr_clips_page_sort_by (f->clips, "Duration", FALSE);
  settle (f);
  model = G_LIST_MODEL (gtk_column_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      gint64 us = cr_record_get_int (cr_row_get_record (row), "duration_us", -1);
      g_test_message ("%s %" G_GINT64_FORMAT, cr_row_get_label (row), us);
      g_assert_cmpint (us, >=, last);
      last = us;
    }
  g_clear_pointer (&names, g_free);
  names = list_names (list);
  g_assert_true (g_str_has_prefix (names, "card-dump.mov, Clip 1.mov, Clip 2.mov, zoom-f8-take3.wav, "));
  g_assert_true (g_str_has_suffix (names, ", Clip 10.mov"));
  /* The other way round. */
  cr_clips_page_sort_by (f->clips, "Duration", TRUE);
  settle (f);
  g_clear_pointer (&names, g_free);
  names = list_names (list);
  g_assert_true (g_str_has_prefix (names, "Clip 10.mov, "));
  g_assert_true (g_str_has_suffix (names, ", Clip 1.mov, card-dump.mov"));
  /* Filters still apply to the sorted list. */
  cr_clips_page_set_search (f->clips, "Clip");
  settle (f);
  g_clear_pointer (&names, g_free);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "Clip 10.mov, Clip 2.mov, Clip 1.mov");
  cr_clips_page_set_search (f->clips, "");
  settle (f);
  /* Back by name: natural order again. */
  cr_clips_page_sort_by (f->clips, "Name", FALSE);
  settle (f);
  g_clear_pointer (&names, g_free);
  names = list_names (list);
  g_assert_true (g_str_has_prefix (names, "card-dump.mov, Clip 1.mov, Clip 2.mov, Clip 10.mov"));

  /* Typing runs the query in a worker: the page has answered before it does, and a search
   * typed on before the first answer makes that answer stale, never shown. */
  cr_clips_page_set_search (f->clips, "Clip");
  g_assert_false (cr_clip_model_is_settled (cr_clips_page_get_model (f->clips)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_clips_page_get_model (f->clips))), ==, 8);
  cr_clips_page_set_search (f->clips, "pal");
  g_assert_cmpstr (only_clip (f), ==, "pal-25.mov");
  cr_clips_page_set_search (f->clips, "");
  g_assert_cmpuint (n_clips (f), ==, 8);
}

/* ---- markers, shuttle, the waveform ---- */

static GtkEditable *
marker_note (GtkWindow *dialog)
{
  GtkWidget *entry = cr_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static void
dialog_gone (gpointer  data,
             GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* M asks for a note: Enter adds the marker at the frame shown, with that note, and the
 * scrubber draws it; Escape adds nothing. */
static void
test_marker (Fixture       *f,
             gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  gint64 id = footage_clip_id (db, clips[0].file);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  CrQuery of_clip = { .field = "clip", .value = id_text };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  GtkWindow *dialog;
  gboolean gone = FALSE;
  CrRecord *marker;

  g_assert_true (cr_clips_page_open_clip (f->clips, id, 0, &error));
  cr_player_seek (player, 42);
  footage_wait_settled (player);
  g_assert_cmpuint (cr_player_count_markers (player), ==, 0);

  /* Escape: nothing is written. */
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_m, 0);
  dialog = cr_player_get_marker_dialog (player);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  gtk_editable_set_text (marker_note (dialog), "not this one");
  g_object_weak_ref (G_OBJECT (dialog), dialog_gone, &gone);
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  cr_ui_wait_until (is_true, &gone);
  g_assert_null (cr_player_get_marker_dialog (player));
  g_assert_cmpint (cr_store_count (db, &cr_entity_marker, &of_clip, NULL), ==, 0);
  g_assert_cmpuint (cr_player_count_markers (player), ==, 0);

  /* Enter in the note: added at frame 42 with its note. */
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_m, 0);
  dialog = cr_player_get_marker_dialog (player);
  g_assert_nonnull (dialog);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  /* The note takes the keys at once (its inner text widget holds the focus). */
  {
    GtkWidget *focus = gtk_window_get_focus (dialog);
    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (marker_note (dialog))
                   || gtk_widget_is_ancestor (focus, GTK_WIDGET (marker_note (dialog))));
  }
  gtk_editable_set_text (marker_note (dialog), "Mum laughs at the kettle");
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 6);
  cr_ui_save_png (GTK_WIDGET (dialog), "casereel-marker-note.png");
  gone = FALSE;
  g_object_weak_ref (G_OBJECT (dialog), dialog_gone, &gone);
  /* Enter, as the note's text field takes it. */
  cr_ui_press (cr_ui_find_widget (GTK_WIDGET (marker_note (dialog)), GTK_TYPE_TEXT), GDK_KEY_Return, 0);
  cr_ui_wait_until (is_true, &gone);
  markers = cr_store_list (db, &cr_entity_marker, &of_clip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (markers->len, ==, 1);
  marker = g_ptr_array_index (markers, 0);
  g_assert_cmpint (cr_record_get_int (marker, "frame", -1), ==, 42);
  g_assert_cmpstr (cr_record_get (marker, "note"), ==, "Mum laughs at the kettle");
  g_assert_cmpuint (cr_player_count_markers (player), ==, 1);
  /* The player has the keyboard again for the next key. */
  g_assert_null (cr_player_get_marker_dialog (player));
}

/* J/K/L as a state machine, key after key with nothing run in between (so no clock moves
 * it, however loaded the machine): L 1× with sound, L again 2×, 4×, 8× without; K stops;
 * J backwards 1×, 2×; L from there is 1× forward again. The sound starts on the first L and
 * is not ready by the second: stopping it then keeps the playhead where it was (it once
 * took the unready stream's 0 and jumped to the start). */
static void
test_shuttle (Fixture       *f,
              gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  GtkWidget *widget = GTK_WIDGET (player);
  g_autoptr(GError) error = NULL;
  static const struct { guint key; int speed; } steps[] = {
    { GDK_KEY_l, 1 }, { GDK_KEY_l, 2 }, { GDK_KEY_l, 4 }, { GDK_KEY_l, 8 }, { GDK_KEY_k, 0 },
    { GDK_KEY_j, -1 }, { GDK_KEY_j, -2 }, { GDK_KEY_j, -4 }, { GDK_KEY_l, 1 }, { GDK_KEY_j, -1 },
    { GDK_KEY_k, 0 }, { GDK_KEY_l, 1 }, { GDK_KEY_l, 2 }, { GDK_KEY_l, 4 }, { GDK_KEY_l, 8 }, { GDK_KEY_l, 16 },
    { GDK_KEY_l, 32 }, { GDK_KEY_l, 32 }, { GDK_KEY_k, 0 },
  };

  g_assert_true (cr_clips_page_open_clip (f->clips, footage_clip_id (db, clips[0].file), 0, &error));
  cr_player_seek (player, 100);
  footage_wait_settled (player);
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      cr_ui_press_only (widget, steps[i].key, 0);
      g_test_message ("%s → %d", gdk_keyval_name (steps[i].key), cr_player_get_speed (player));
      g_assert_cmpint (cr_player_get_speed (player), ==, steps[i].speed);
      /* Sound only at 1× forward. */
      if (steps[i].speed != 1)
        g_assert_false (cr_player_is_sounding (player));
      g_assert_cmpint (cr_player_get_position (player), ==, 100);
    }
  /* Stopped, the picture is the exact frame at the playhead again. */
  footage_wait_settled (player);
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
}

static gboolean
stack_moving (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (stack_moving (child))
      return TRUE;
  return FALSE;
}

/* The grid's cell that holds the card of `name`. */
static GtkWidget *
card_cell (GtkWidget  *grid,
           const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("%s, ", name);

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *card = cr_ui_find_widget (cell, CR_TYPE_CLIP_CARD);

      if (card && cr_clip_card_describe (CR_CLIP_CARD (card)) &&
          g_str_has_prefix (cr_clip_card_describe (CR_CLIP_CARD (card)), prefix))
        return cell;
    }
  return NULL;
}

/* Whether a menu button at or below `root` shows its menu. */
static gboolean
menu_open (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) &&
      gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)))))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (menu_open (child))
      return TRUE;
  return FALSE;
}

/* A double-clicked card opens the player with the keyboard in it: Space plays, not the
 * window's menu (the grid's click handling once took the focus back after the player took
 * it, and the hidden grid let it fall to the header bar's menu button). */
static void
test_double_click_keys (Fixture       *f,
                        gconstpointer  data)
{
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  GtkWidget *grid = cr_ui_find_widget (GTK_WIDGET (f->clips), GTK_TYPE_GRID_VIEW);
  GtkWidget *cell, *focus;

  settle (f);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  cell = card_cell (grid, clips[0].file);
  g_assert_nonnull (cell);
  {
    GListModel *model = G_LIST_MODEL (cr_clips_page_get_model (f->clips));
    gint64 id = footage_clip_id (cr_production_get_db (f->production), clips[0].file);
    guint position = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (model) && position == GTK_INVALID_LIST_POSITION; i++)
      {
        g_autoptr(CrRow) row = g_list_model_get_item (model, i);

        if (cr_row_get_id (row) == id)
          position = i;
      }
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    /* As GTK 4.8's grid handles a double-click, in one turn of the loop: the cell activates
     * the grid (the page opens the player), then, its click handled, takes the focus. Real
     * clicks through XTEST were tried and could land nowhere on a loaded server. */
    g_signal_emit_by_name (grid, "activate", position);
    gtk_widget_grab_focus (cell);
  }
  cr_ui_iterate ();
  while (stack_moving (GTK_WIDGET (f->clips)))
    cr_ui_wait_for_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpint (cr_player_get_clip (player), ==, footage_clip_id (cr_production_get_db (f->production), clips[0].file));
  footage_wait_settled (player);

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_test_message ("focus in %s", G_OBJECT_TYPE_NAME (w));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (player) || gtk_widget_is_ancestor (focus, GTK_WIDGET (player)));
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
  g_assert_true (cr_ui_press_in (focus, GDK_KEY_space, 0));
  g_assert_cmpint (cr_player_get_speed (player), ==, 1);
  g_assert_false (menu_open (GTK_WIDGET (f->window)));
  g_assert_true (cr_ui_press_in (focus, GDK_KEY_space, 0));
  g_assert_cmpint (cr_player_get_speed (player), ==, 0);
}

static gboolean
has_waveform (gpointer data)
{
  return cr_player_get_waveform (data) != NULL;
}

/* The waveform is made off the main loop: opening the file returns before it exists, and the
 * picture shows it once the worker is done. */
static void
test_waveform (Fixture       *f,
               gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  g_autoptr(GError) error = NULL;
  GtkPicture *picture;
  GdkTexture *texture;
  g_autofree guint8 *pixels = NULL;
  int width, height, dark = 0, light = 0;

  g_assert_true (cr_clips_page_open_clip (f->clips, footage_clip_id (db, "zoom-f8-take3.wav"), 0, &error));
  g_assert_no_error (error);
  /* No main loop has run since: the worker's answer cannot have been taken yet. */
  g_assert_null (cr_player_get_waveform (player));
  cr_ui_wait_until (has_waveform, player);
  picture = GTK_PICTURE (cr_ui_find_widget (GTK_WIDGET (player), GTK_TYPE_PICTURE));
  g_assert_true (gtk_picture_get_paintable (picture) == cr_player_get_waveform (player));
  texture = GDK_TEXTURE (cr_player_get_waveform (player));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >, 100);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* A drawing, not a blank: both the trace and the ground are there. */
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      int lum = pixels[4 * i] + pixels[4 * i + 1] + pixels[4 * i + 2];
      dark += lum < 150;
      light += lum > 450;
    }
  g_test_message ("waveform %d×%d: %d dark, %d light", width, height, dark, light);
  g_assert_cmpint (dark, >, width * height / 50);
  g_assert_cmpint (light, >, width * height / 50);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-player-waveform.png");

  /* A video clip opened while a waveform is on its way: the late answer is dropped. */
  g_assert_true (cr_clips_page_open_clip (f->clips, footage_clip_id (db, "zoom-f8-take3.wav"), 0, &error));
  g_assert_true (cr_clips_page_open_clip (f->clips, footage_clip_id (db, clips[0].file), 0, &error));
  footage_wait_settled (player);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_null (cr_player_get_waveform (player));
  g_assert_true (gtk_picture_get_paintable (picture) == cr_player_get_picture (player));
}

/* ---- screenshots for the README ---- */

/* Waits until every poster the grid asked for has arrived (each card drops its spinner). */
static void
wait_for_posters (Fixture *f)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "thumbnails", "large", NULL);
  guint n = 0;

  /* Four readable clips get a poster in the shared cache. */
  while (n < 4)
    {
      g_autoptr(GDir) dir = g_dir_open (cache, 0, NULL);
      n = 0;
      while (dir && g_dir_read_name (dir))
        n++;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  g_assert_cmpuint (n, >=, 4);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 6);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrPlayer *player = cr_clips_page_get_player (f->clips);
  g_autoptr(GError) error = NULL;
  gint64 id = footage_clip_id (db, clips[0].file);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(CrRecord) rating = cr_record_new (&cr_entity_clip);

  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  cr_record_set (rating, "rating", "4");
  cr_record_set (rating, "notes", "Wide of the drop-in as the families arrive.");
  g_assert_true (cr_store_update (db, &cr_entity_clip, id, rating, &error));
  cr_production_changed (f->production, &cr_entity_clip);
  test_add (db, &cr_entity_select, "clip", id_text, "in_frame", "20", "out_frame", "80", "label", "Families arrive", NULL);
  test_add (db, &cr_entity_select, "clip", id_text, "in_frame", "120", "out_frame", "190", "label", "Kettle on", NULL);
  cr_production_changed (f->production, &cr_entity_select);
  cr_clips_page_select (f->clips, id);
  wait_for_posters (f);
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-footage.png");

  g_assert_true (cr_clips_page_open_clip (f->clips, id, 0, &error));
  cr_player_seek (player, 137);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_i, 0);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_m, 0);
  {
    GtkWindow *dialog = cr_player_get_marker_dialog (player);
    gboolean gone = FALSE;

    g_assert_nonnull (dialog);
    gtk_editable_set_text (marker_note (dialog), "The kettle goes on");
    g_object_weak_ref (G_OBJECT (dialog), dialog_gone, &gone);
    cr_ui_press (cr_ui_find_widget (GTK_WIDGET (marker_note (dialog)), GTK_TYPE_TEXT), GDK_KEY_Return, 0);
    cr_ui_wait_until (is_true, &gone);
    g_assert_cmpuint (cr_player_count_markers (player), ==, 1);
  }
  footage_wait_settled (player);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 4);
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-player.png");

  footage_window_page (f->window, "selects");
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 4);
  cr_ui_save_png (GTK_WIDGET (f->window), "casereel-selects.png");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  int status;

  root = cr_test_make_tmp ("casereel-footage-XXXXXX", &error);
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
  make_media ();

  g_test_add ("/footage/index", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_index, fixture_tear_down);
  g_test_add ("/footage/index-stop", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_index_stop,
              fixture_tear_down);
  g_test_add ("/footage/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/footage/filter-bar", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filter_bar, fixture_tear_down);
  g_test_add ("/footage/clips-view", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_clips_view, fixture_tear_down);
  g_test_add ("/footage/cards", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/footage/card-refresh", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_card_refresh,
              fixture_tear_down);
  g_test_add ("/footage/grid-columns", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_grid_columns,
              fixture_tear_down);
  g_test_add ("/footage/list-view", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_list_view, fixture_tear_down);
  g_test_add ("/footage/marker", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_marker, fixture_tear_down);
  g_test_add ("/footage/shuttle", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_shuttle, fixture_tear_down);
  g_test_add ("/footage/double-click-keys", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_double_click_keys,
              fixture_tear_down);
  g_test_add ("/footage/waveform", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_waveform, fixture_tear_down);
  g_test_add ("/footage/frame-137/25", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_frame_137, fixture_tear_down);
  g_test_add ("/footage/frame-137/29.97-df", Fixture, GINT_TO_POINTER (2), fixture_set_up, test_frame_137,
              fixture_tear_down);
  g_test_add ("/footage/frame-137/23.976", Fixture, GINT_TO_POINTER (3), fixture_set_up, test_frame_137,
              fixture_tear_down);
  g_test_add_func ("/footage/reader-cache", test_reader_cache);
  g_test_add ("/footage/bwf", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_bwf, fixture_tear_down);
  g_test_add ("/footage/selects-page", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_selects_page,
              fixture_tear_down);
  g_test_add ("/footage/selects-point-words", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_selects_point_words, fixture_tear_down);
  g_test_add ("/footage/selects-double-click-edits", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_selects_double_click_edits, fixture_tear_down);
  g_test_add ("/footage/selects-sort", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_selects_sort,
              fixture_tear_down);
  g_test_add ("/footage/screenshots", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshots,
              fixture_tear_down);
  status = g_test_run ();
  cr_test_remove_tree (root);
  g_free (root);
  g_free (media_dir);
  return status;
}
