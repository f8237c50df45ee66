/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the player's exact frames and the Footage page, in one run.
 *   xvfb-run -a build/tests/bench/bench-footage [H264-FILE | --page]
 * Without a file it makes a 10-minute 1080p25 H.264 file with 250-frame GOPs (kept in
 * $XDG_CACHE_HOME/casereel-bench for the next run), then prints side by side:
 *  - seek to any frame: media/'s frame reader vs the reference process
 *    `ffmpeg -ss T -i F -frames:v 1` (target: median < 150 ms);
 *  - frame-step forward (target: < 20 ms);
 *  - the Footage page over 100,000 clips: first frame (target < 1.5 s), the longest frame while
 *    scrolling to the end (target < 16 ms), resident memory (target < 400 MB); with
 *    BENCH_SEARCH set, searches typed on the page; with BENCH_RATE, stars clicked in its
 *    detail pane. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench-stats.h"
#include "cr-clips.h"
#include "cr-clip-detail.h"
#include "cr-clips-page.h"
#include "cr-frame-reader.h"
#include "cr-production.h"
#include "cr-ui-resources.h"

#define SEEKS 25
#define REFERENCE_SEEKS 10
#define STEPS 100
#define NEAR_SEEKS 10
#define CLIPS 100000

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &wait, &error) || !g_spawn_check_wait_status (wait, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static char *
make_long_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "casereel-bench", NULL);
  char *path = g_build_filename (dir, "ten-minutes-1080p25-gop250.mp4", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_mkdir_with_parents (dir, 0700);
  g_print ("making %s (once)…\n", path);
  {
    const char *argv[] = { "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=600",
                           "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250",
                           "-sc_threshold", "0", "-bf", "2", "-pix_fmt", "yuv420p", path, NULL };
    run (argv);
  }
  return path;
}

/* CPU time of this process (all its threads) or of its waited-for children, in ms: what a
 * seek costs whatever else the machine runs. */
static double
cpu_ms (int who)
{
  struct rusage use;

  getrusage (who, &use);
  return (use.ru_utime.tv_sec + use.ru_stime.tv_sec) * 1000.0 + (use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1000.0;
}

/* The keyframes' frame numbers, from ffprobe's packet list (no decoding). */
static GArray *
keyframes (const char *path,
           CrRate      rate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  int wait = 0;
  const char *argv[] = { "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                         "-of", "csv=p=0", path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &wait, &error) || !g_spawn_check_wait_status (wait, &error))
    g_error ("ffprobe: %s", error->message);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strchr (lines[i], 'K'))
      {
        gint64 at = (gint64) (g_ascii_strtod (lines[i], NULL) * rate.num / rate.den + 0.5);
        g_array_append_val (keys, at);
      }
  g_array_sort (keys, (GCompareFunc) bench_compare_gint64);
  return keys;
}

static gint64
keyframe_before (GArray *keys,
                 gint64  frame)
{
  gint64 best = 0;

  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, gint64, i) <= frame)
      best = g_array_index (keys, gint64, i);
  return best;
}

static void
bench_frames (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrFrameReader) reader = cr_frame_reader_open (path, &error);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ref_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) distance = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (137);
  gint64 n, frames[SEEKS];
  CrRate rate;
  double gop_ms, gop_cpu, ffmpeg_ms, ffmpeg_cpu, per_frame_cpu;
  gint64 gop_len;

  if (reader == NULL)
    g_error ("%s", error->message);
  n = cr_frame_reader_get_n_frames (reader);
  rate = cr_frame_reader_get_rate (reader);
  keys = keyframes (path, rate);
  g_assert_cmpuint (keys->len, >=, 2);
  for (int i = 0; i < SEEKS; i++)
    {
      double d;
      frames[i] = g_rand_int_range (rand, 0, (gint32) MIN (n - 1, G_MAXINT32));
      d = frames[i] - keyframe_before (keys, frames[i]) + 1;
      g_array_append_val (distance, d);
    }
  for (int i = 0; i < SEEKS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms (RUSAGE_SELF);
      g_autoptr(GBytes) rgba = cr_frame_reader_read (reader, frames[i], NULL, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      if (rgba == NULL)
        g_error ("%s", error->message);
      g_array_append_val (ours, ms);
      cpu = cpu_ms (RUSAGE_SELF) - cpu;
      g_array_append_val (ours_cpu, cpu);
    }
  for (int i = 0; i < REFERENCE_SEEKS; i++)
    {
      g_autofree char *at = g_strdup_printf ("%.6f", (double) frames[i] * rate.den / rate.num);
      const char *argv[] = { "ffmpeg", "-v", "error", "-ss", at, "-i", path, "-frames:v", "1", "-f", "null", "-", NULL };
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms (RUSAGE_CHILDREN), ms;
      run (argv);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ref, ms);
      cpu = cpu_ms (RUSAGE_CHILDREN) - cpu;
      g_array_append_val (ref_cpu, cpu);
    }
  /* The floor: decoding alone, one whole GOP from its keyframe, by ffmpeg with two threads
   * and by our reader (a read at the keyframe, then one at the GOP's last frame). */
  gop_len = g_array_index (keys, gint64, 1) - g_array_index (keys, gint64, 0);
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, gop_len);
    const char *argv[] = { "ffmpeg", "-v", "error", "-threads", "2", "-i", path, "-frames:v", count, "-f", "null", "-", NULL };
    gint64 start = g_get_monotonic_time ();
    double cpu = cpu_ms (RUSAGE_CHILDREN);
    run (argv);
    ffmpeg_ms = (g_get_monotonic_time () - start) / 1000.0;
    ffmpeg_cpu = cpu_ms (RUSAGE_CHILDREN) - cpu;
  }
  {
    gint64 key = g_array_index (keys, gint64, 1), start;
    g_autoptr(GBytes) at_key = cr_frame_reader_read (reader, key, NULL, &error);
    g_autoptr(GBytes) at_end = NULL;
    double cpu;
    g_assert_nonnull (at_key);
    start = g_get_monotonic_time ();
    cpu = cpu_ms (RUSAGE_SELF);
    at_end = cr_frame_reader_read (reader, key + gop_len - 1, NULL, &error);
    gop_ms = (g_get_monotonic_time () - start) / 1000.0;
    gop_cpu = cpu_ms (RUSAGE_SELF) - cpu;
    g_assert_nonnull (at_end);
  }
  per_frame_cpu = ffmpeg_cpu / gop_len;
  /* Stepping on from a frame in the middle of a GOP, each step asked for at once. */
  {
    g_autoptr(GBytes) first = cr_frame_reader_read (reader, n / 2 + 100, NULL, &error);
    g_assert_nonnull (first);
    for (int i = 1; i <= STEPS; i++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GBytes) rgba = cr_frame_reader_read (reader, n / 2 + 100 + i, NULL, &error);
        double ms = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_nonnull (rgba);
        g_array_append_val (steps, ms);
      }
  }
  /* Paused on a frame (the player then decodes ahead), the user steps or seeks near it. */
  for (int i = 0; i < NEAR_SEEKS; i++)
    {
      gint64 paused = frames[i] + 20, to = paused + g_rand_int_range (rand, -8, 24), start;
      g_autoptr(GBytes) shown = cr_frame_reader_read (reader, paused, NULL, &error);
      g_autoptr(GBytes) rgba = NULL;
      double ms;
      g_assert_nonnull (shown);
      cr_frame_reader_decode_ahead (reader);
      start = g_get_monotonic_time ();
      rgba = cr_frame_reader_read (reader, MAX (to, 0), NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (rgba);
      g_array_append_val (near, ms);
    }
  g_print ("%-34s %12s %12s %8s\n", "", "casereel", "reference", "ratio");
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (target < 150 ms)\n", "seek to any frame, median",
           bench_median (ours), bench_median (ref), bench_median (ref) / MAX (bench_median (ours), 0.001));
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (CPU time, all threads)\n", "  its CPU time, median",
           bench_median (ours_cpu), bench_median (ref_cpu), bench_median (ref_cpu) / MAX (bench_median (ours_cpu), 0.001));
  g_print ("%-34s %9.1f ms\n", "  worst", bench_longest (ours));
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (decoding alone, %" G_GINT64_FORMAT " frames; reference: ffmpeg -threads 2)\n",
           "floor: a whole GOP from its key", gop_ms, ffmpeg_ms, ffmpeg_ms / MAX (gop_ms, 0.001), gop_len);
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx\n", "  its CPU time", gop_cpu, ffmpeg_cpu, ffmpeg_cpu / MAX (gop_cpu, 0.001));
  g_print ("%-34s %9.0f    %9.1f ms            (frames from the key to a seek's target; ffmpeg's CPU per frame × that)\n",
           "  median seek decodes", bench_median (distance), per_frame_cpu * bench_median (distance));
  g_print ("%-34s %9.1f ms %12s %8s   (target < 20 ms; worst %.1f ms)\n", "frame-step forward, median",
           bench_median (steps), "-", "", bench_longest (steps));
  g_print ("%-34s %9.1f ms %12s %8s   (-8…+23 frames from a paused frame; worst %.1f ms)\n", "seek near a paused frame, median",
           bench_median (near), "-", "", bench_longest (near));
}

static gint64
resident_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
fill (CrDb *db)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GError) error = NULL;
  guint relinked = 0;

  for (int i = 0; i < CLIPS; i++)
    {
      CrClipInfo *info = g_new0 (CrClipInfo, 1);
      info->name = g_strdup_printf ("A%03d_C%03d_0312%02d.mov", i / 1000, i % 1000, i % 60);
      info->path = g_strdup_printf ("/media/card-%03d/%s", i / 1000, info->name);
      info->size = 400000000 + i;
      info->mtime_us = 1700000000000000 + i;
      info->identity = g_strdup_printf ("%040x", i);
      info->format = g_strdup ("mov,mp4,m4a,3gp,3g2,mj2");
      info->duration_us = 60000000 + (gint64) i * 40000;
      info->has_video = info->has_audio = TRUE;
      info->width = 1920;
      info->height = 1080;
      info->video_codec = g_strdup ("h264");
      info->frame_rate = g_strdup ("25/1");
      info->audio_codec = g_strdup ("aac");
      info->sample_rate = 48000;
      info->channels = 2;
      info->tc_start = g_strdup ("10:00:00:00");
      info->tc_frames = 900000;
      info->tc_rate = g_strdup ("25/1");
      info->tc_source = g_strdup ("tmcd");
      g_ptr_array_add (batch, info);
    }
  if (!cr_clips_write_batch (db, batch, &relinked, &error))
    g_error ("%s", error->message);
}

typedef struct
{
  gint64  last;
  GArray *frames;   /* ms between frames */
  guint   count;
  gint64  began;    /* this frame's before-paint */
  double  began_cpu;
  GArray *work;     /* ms from before-paint to after-paint, while recording */
  GArray *work_cpu; /* the main thread's CPU time in that span: the same, whatever the load */
} Ticks;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A frame's own work, from the clock's before-paint to its after-paint (update, layout with
 * the binding of new cards, drawing): what makes a frame late. The time between ticks is
 * paced by the clock (16.7 ms at best) and says nothing about the work. */
static void
before_paint_cb (GdkFrameClock *clock,
                 Ticks         *t)
{
  t->began = g_get_monotonic_time ();
  t->began_cpu = thread_cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Ticks         *t)
{
  if (t->work != NULL && t->began)
    {
      double ms = (g_get_monotonic_time () - t->began) / 1000.0, cpu = thread_cpu_ms () - t->began_cpu;
      g_array_append_val (t->work, ms);
      g_array_append_val (t->work_cpu, cpu);
    }
  t->began = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Ticks *t = data;
  gint64 now = g_get_monotonic_time ();

  if (t->last)
    {
      double ms = (now - t->last) / 1000.0;
      g_array_append_val (t->frames, ms);
    }
  t->last = now;
  t->count++;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  double worst, median, worst_cpu, median_cpu;
  guint  frames, over, jumps;
} Scroll;

/* Scrolls `scroller` four pages at a time to the end; each step's work (layout, binding,
 * drawing) is timed from the frame clock's before-paint to its after-paint. */
static Scroll
scroll_to_end (GtkWidget *window,
               GtkWidget *scroller,
               Ticks     *ticks)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Scroll out = { 0 };

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), ticks);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), ticks);
  ticks->work = work;
  ticks->work_cpu = work_cpu;
  while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
    {
      guint seen = ticks->count;
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) * 4);
      while (ticks->count < seen + 2)
        g_main_context_iteration (NULL, TRUE);
      out.jumps++;
    }
  ticks->work = NULL;
  g_signal_handlers_disconnect_by_data (clock, ticks);
  for (guint i = 0; i < work->len; i++)
    out.over += g_array_index (work, double, i) > 16.0;
  out.frames = work->len;
  out.median = bench_median (work);
  out.worst = bench_longest (work);
  out.median_cpu = bench_median (work_cpu);
  out.worst_cpu = bench_longest (work_cpu);
  return out;
}

/* The reference: a plain GtkGridView, as wide and high as the page's grid, with cards of the
 * same size (a picture and two labels) over a trivial model: what GTK itself costs on this
 * display, the floor under the page's figure. */
static void
reference_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();

  gtk_widget_set_size_request (picture, 176, 99);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
reference_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

  gtk_label_set_text (GTK_LABEL (name), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)), "TC 10:00:00:00 · 25 fps");
}

static Scroll
bench_reference (int width,
                 int height)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  Ticks ticks = { 0, g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, 0, NULL, NULL };
  GtkWidget *window = gtk_window_new (), *scroller = gtk_scrolled_window_new (), *grid;
  Scroll out;

  for (int i = 0; i < CLIPS; i++)
    {
      char name[64];
      g_snprintf (name, sizeof name, "A%03d_C%03d_0312%02d.mov", i / 1000, i % 1000, i % 60);
      gtk_string_list_append (strings, name);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (reference_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (reference_bind_cb), NULL);
  grid = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (strings)))),
                            g_object_ref (factory));
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (grid), 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_add_tick_callback (window, tick_cb, &ticks, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (ticks.count < 2)
    g_main_context_iteration (NULL, TRUE);
  out = scroll_to_end (window, scroller, &ticks);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (ticks.frames);
  return out;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
bench_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casereel-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "many.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Many clips", &error);
  GtkWidget *window, *page, *scroller;
  Ticks ticks = { 0, g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, 0, NULL, NULL };
  gint64 start, rss_before, rss_page;
  double first_ms;
  Scroll ours, ref;

  if (production == NULL)
    g_error ("%s", error->message);
  fill (cr_production_get_db (production));
  rss_before = resident_kb ();

  start = g_get_monotonic_time ();
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  page = GTK_WIDGET (cr_clips_page_new (production));
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_widget_add_tick_callback (window, tick_cb, &ticks, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (ticks.count < 2)
    g_main_context_iteration (NULL, TRUE);
  first_ms = (g_get_monotonic_time () - start) / 1000.0;

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (g_object_get_data (G_OBJECT (page), "cr-grid")), GTK_TYPE_SCROLLED_WINDOW);
  ours = scroll_to_end (window, scroller, &ticks);
  if (g_getenv ("BENCH_SEARCH"))
    for (int i = 0; i < 6; i++)
      {
        double before = thread_cpu_ms ();
        cr_clips_page_set_search (CR_CLIPS_PAGE (page), i % 2 ? "" : "A042_C1");
        while (!cr_clip_model_is_settled (cr_clips_page_get_model (CR_CLIPS_PAGE (page))))
          g_main_context_iteration (NULL, TRUE);
        g_print ("search %d: %.1f ms of main-thread CPU\n", i, thread_cpu_ms () - before);
      }
  /* BENCH_RATE: stars clicked in the detail pane; each is one write, then the page hears
   * that one clip changed and reads its row again; beside it the page's reload of them all. */
  if (g_getenv ("BENCH_RATE"))
    {
      GtkWidget *detail = find_widget (page, CR_TYPE_CLIP_DETAIL);

      g_assert (detail != NULL);
      for (int i = 0; i < 6; i++)
        {
          double before = thread_cpu_ms ();
          gint64 t0 = g_get_monotonic_time ();

          g_signal_emit_by_name (cr_clip_detail_get_star (CR_CLIP_DETAIL (detail), 1 + i % 5), "clicked");
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_print ("star click %d: %.1f ms, %.1f ms of main-thread CPU (the write, the clip's row read again, the pane)\n",
                   i, (g_get_monotonic_time () - t0) / 1000.0, thread_cpu_ms () - before);
        }
      /* The same without the write and the pane's own work: what the page's reload costs. */
      for (int i = 0; i < 3; i++)
        {
          double before = thread_cpu_ms ();
          gint64 t0 = g_get_monotonic_time ();

          cr_production_changed (production, &cr_entity_clip);
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_print ("clips changed %d: %.1f ms, %.1f ms of main-thread CPU (the page's reload alone)\n",
                   i, (g_get_monotonic_time () - t0) / 1000.0, thread_cpu_ms () - before);
        }
    }
  rss_page = resident_kb ();
  ref = bench_reference (gtk_widget_get_width (scroller), gtk_widget_get_height (scroller));

  g_print ("%-34s %12s %12s %8s\n", "", "casereel", "plain grid", "ratio");
  g_print ("%-34s %9.0f ms %12s %8s   (target < 1500 ms)\n", "Footage page, 100,000 clips: first", first_ms, "", "");
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (target < 16 ms)\n", "  scrolling to the end, worst frame",
           ours.worst, ref.worst, ours.worst / MAX (ref.worst, 0.001));
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (%u frames, %u jumps of 4 pages)\n", "  median frame",
           ours.median, ref.median, ours.median / MAX (ref.median, 0.001), ours.frames, ours.jumps);
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx   (the main thread's CPU time: what the load does not change)\n",
           "  worst frame, CPU time", ours.worst_cpu, ref.worst_cpu, ours.worst_cpu / MAX (ref.worst_cpu, 0.001));
  g_print ("%-34s %9.1f ms %9.1f ms %7.2fx\n", "  median frame, CPU time",
           ours.median_cpu, ref.median_cpu, ours.median_cpu / MAX (ref.median_cpu, 0.001));
  g_print ("%-34s %9u %12u\n", "  frames over 16 ms", ours.over, ref.over);
  g_print ("%-34s %9.0f MB %12s %8s   (target < 400 MB; %.0f MB before the page)\n", "  resident memory",
           rss_page / 1024.0, "", "", rss_before / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (ticks.frames);
  g_clear_object (&production);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  /* The page's templates: a static library links its resources only when asked for. */
  g_assert (cr_ui_get_resource () != NULL);
  /* --page: the Footage page alone (its figures do not depend on the file). */
  if (argc > 1 && g_str_equal (argv[1], "--page"))
    {
      bench_page ();
      return 0;
    }
  /* --frames [FILE]: the player's frames alone. */
  if (argc > 1 && g_str_equal (argv[1], "--frames"))
    {
      path = argc > 2 ? g_strdup (argv[2]) : make_long_file ();
      bench_frames (path);
      return 0;
    }
  path = argc > 1 ? g_strdup (argv[1]) : make_long_file ();
  bench_frames (path);
  bench_page ();
  return 0;
}
