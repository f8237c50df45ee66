/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the Footage tests share (test-footage, test-player): footage made at test time by
 * ffmpeg with its frame number burnt into every picture, so that a wrong frame is a wrong
 * picture; a production whose footage the indexer has catalogued, open in a window; and the
 * player driven until the picture shown is the frame at its position. */

#include <string.h>

#include "cr-clips-page.h"
#include "cr-indexer.h"
#include "cr-player.h"
#include "cr-settings.h"
#include "cr-store.h"
#include "cr-window.h"
#include "../cr-test-support.h"
#include "ui-test-support.h"

static const char *footage_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/* Runs a program to its end, which must be a success; its output in @out when asked. */
static inline void
footage_run (const char * const *argv,
             char              **out,
             gsize              *out_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, out ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_NONE,
                                                   &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, out ? &bytes : NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  if (out)
    *out = g_bytes_unref_to_data (g_steal_pointer (&bytes), out_len);
}

/* 320 × 180 H.264 of @seconds at @rate (for ffmpeg: "25", "30000/1001") starting at
 * @timecode, its frame number drawn on each picture; long GOPs with B-frames, so the frame
 * asked for is rarely a keyframe. With @tone, a 440 Hz sine as AAC beside it. */
static inline void
footage_make_clip (const char *path,
                   const char *rate,
                   const char *timecode,
                   int         seconds,
                   gboolean    tone)
{
  g_autofree char *src = g_strdup_printf ("testsrc2=size=320x180:rate=%s:duration=%d", rate, seconds);
  g_autofree char *sine = g_strdup_printf ("sine=frequency=440:duration=%d", seconds);
  g_autofree char *draw = g_strdup_printf ("drawtext=fontfile=%s:text=%%{n}:fontsize=64:x=12:y=12:"
                                           "fontcolor=white:box=1:boxcolor=black", footage_font);
  const char *argv[32] = { "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", src };
  guint n = 8;

  g_assert_true (g_file_test (footage_font, G_FILE_TEST_EXISTS));
  if (tone)
    {
      argv[n++] = "-f";
      argv[n++] = "lavfi";
      argv[n++] = "-i";
      argv[n++] = sine;
    }
  for (const char * const *a = (const char * const[]) { "-vf", draw, "-c:v", "libx264", "-g", "60", "-bf", "2",
                                                        "-pix_fmt", "yuv420p", "-timecode", timecode, NULL }; *a; a++)
    argv[n++] = *a;
  if (tone)
    {
      argv[n++] = "-c:a";
      argv[n++] = "aac";
      argv[n++] = "-ar";
      argv[n++] = "48000";
    }
  argv[n++] = path;
  argv[n] = NULL;
  g_assert_cmpuint (n, <, G_N_ELEMENTS (argv));
  footage_run (argv, NULL, NULL);
}

/* FFmpeg's own decode of a frame, as RGBA, by the ffmpeg program. */
static inline GBytes *
footage_ffmpeg_frame (const char *path,
                      gint64      frame)
{
  g_autofree char *select = g_strdup_printf ("select=eq(n\\,%" G_GINT64_FORMAT ")", frame);
  const char *argv[] = { "ffmpeg", "-v", "error", "-i", path, "-vf", select, "-vsync", "0", "-frames:v", "1",
                         "-sws_flags", "bicubic", "-pix_fmt", "rgba", "-f", "rawvideo", "-", NULL };
  char *out = NULL;
  gsize len = 0;

  footage_run (argv, &out, &len);
  return g_bytes_new_take (out, len);
}

/* Until the picture shown is the frame at the player's position. */
static inline void
footage_wait_settled (CrPlayer *player)
{
  while (!cr_player_is_settled (player))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (cr_player_is_settled (player));
}

/* A page of the window by name (its Clips and Selects are not list pages). */
static inline GtkWidget *
footage_window_page (CrWindow   *window,
                     const char *name)
{
  GtkWidget *list = GTK_WIDGET (cr_window_get_page (window, "participants"));
  GtkWidget *page = NULL;

  g_assert_nonnull (list);
  cr_window_show_page (window, name);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, name);
  /* The participants list may sit inside its page (CrPeoplePage), not straight in the
   * window's stack: the stack is the first one above it that holds a page of that name. */
  for (GtkWidget *w = gtk_widget_get_parent (list); w != NULL && page == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_STACK (w))
      page = gtk_stack_get_child_by_name (GTK_STACK (w), name);
  g_assert_nonnull (page);
  return page;
}

static inline gint64
footage_clip_id (CrDb       *db,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (cr_store_resolve (db, &cr_entity_clip, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* A select's in point, and its out point in @out, as the file holds them. */
static inline gint64
footage_select_frames (CrDb   *db,
                       gint64  id,
                       gint64 *out)
{
  g_autoptr(CrRecord) select = cr_store_get (db, &cr_entity_select, id, NULL);

  g_assert_nonnull (select);
  *out = cr_record_get_int (select, "out_frame", -1);
  return cr_record_get_int (select, "in_frame", -1);
}

typedef struct
{
  char         *dir;
  char         *path;
  CrProduction *production;
  CrWindow     *window;
  CrClipsPage  *clips;
} FootageFixture;

/* A production in a folder of its own under @root whose footage (@media_dir, when @index)
 * is catalogued by the indexer, as `casereel index` does it, open in a window on its Clips
 * page. What the indexer made of the folder is returned. */
static inline CrIndexProgress
footage_fixture_open (FootageFixture *f,
                      const char     *root,
                      const char     *media_dir,
                      gboolean        index)
{
  g_autoptr(GError) error = NULL;
  const char *folders[] = { media_dir, NULL };
  CrIndexProgress result = { 0 };

  f->dir = g_build_filename (root, "production-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (f->dir));
  f->path = g_build_filename (f->dir, "Young carers.casereel", NULL);
  f->production = cr_production_create (f->path, "Young carers", &error);
  g_assert_no_error (error);
  if (index)
    {
      g_assert_true (cr_index_folders (cr_production_get_db (f->production), folders, NULL, NULL, NULL, &result, &error));
      g_assert_no_error (error);
    }
  f->window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (f->window, f->path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  /* From here on, writes go through the window's own production, which tells its pages. */
  g_set_object (&f->production, cr_window_get_production (f->window));
  f->clips = CR_CLIPS_PAGE (footage_window_page (f->window, "clips"));
  g_assert_true (CR_IS_CLIPS_PAGE (f->clips));
  return result;
}

static inline void
footage_fixture_close (FootageFixture *f)
{
  /* A test that chose the list leaves the next one its own page, in the grid. */
  if (cr_settings_get ())
    g_settings_reset (cr_settings_get (), "clips-view");
  gtk_window_destroy (GTK_WINDOW (f->window));
  cr_ui_iterate ();
  g_clear_object (&f->production);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}
