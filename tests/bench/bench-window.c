/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the window's lists on a big production, in-process.
 *   xvfb-run -a build/tests/bench/bench-window
 * Makes a production of 10,000 participants (each with a consent history of two or three
 * records), 100,000 clips and a cut of 1,000 events, opens the real window and prints:
 *  - Participants scrolled to the end, a page at a time: the longest frame's work, from
 *    before-paint to after-paint (layout, binding, drawing; target: none over 16 ms),
 *    beside a plain GtkColumnView over a GtkStringList scrolled the same way: the floor;
 *  - a search typed on the Clips page narrowing 100,000 clips, to its frame, with the main
 *    thread's CPU per turn of the loop and the worst frame meanwhile, beside the same query run
 *    on the main loop (target < 50 ms, never freezing);
 *  - a search typed on the Participants page, to the frame that shows it, beside the plain
 *    view showing as many rows;
 *  - opening the 1,000-event cut, to its first frame (target < 300 ms), then until its list
 *    has every event, and scrolling it to the end (the longest frame). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "../ui/ui-test-support.h"
#include "bench-stats.h"
#include "cr-clip-filter.h"
#include "cr-clips.h"
#include "cr-clips-page.h"
#include "cr-cuts-page.h"
#include "cr-entity-page.h"
#include "cr-production.h"
#include "cr-store-model.h"
#include "cr-store-query.h"
#include "cr-window.h"

#define PEOPLE 10000
#define CLIPS 100000
#define EVENTS 1000

static void
exec (CrDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!cr_db_exec (db, sql, &error))
    g_error ("%s", error->message);
}

static void
fill (CrDb *db)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GError) error = NULL;
  guint relinked = 0;

  exec (db, "BEGIN");
  exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
            "INSERT INTO participant (name, kind, role, organisation) SELECT printf ('Participant %d', i), "
            "'interviewee', 'Young carer', 'Riverside Young Carers' FROM n");
  /* A history each: asked, then signed; every tenth later withdrew, every seventh expired. */
  exec (db, "INSERT INTO consent (participant, status, date) SELECT id, 'requested', '2025-11-03' FROM participant");
  exec (db, "INSERT INTO consent (participant, status, date, channels, media, naming, expires) "
            "SELECT id, 'signed', '2025-12-01', 'internal,website,social-media,funder-report', 'all', 'full-name', "
            "CASE WHEN id % 7 = 0 THEN '2026-01-01' ELSE '2029-12-01' END FROM participant");
  exec (db, "INSERT INTO consent (participant, status, date) SELECT id, 'withdrawn', '2026-02-10' FROM participant "
            "WHERE id % 10 = 0");
  exec (db, "COMMIT");
  for (int i = 0; i < CLIPS; i++)
    {
      CrClipInfo *info = g_new0 (CrClipInfo, 1);
      info->name = g_strdup_printf ("A%03d_C%03d_0312%02d.mov", i / 1000, i % 1000, i % 60);
      info->path = g_strdup_printf ("/media/card-%03d/%s", i / 1000, info->name);
      info->size = 400000000 + i;
      info->mtime_us = 1700000000000000 + i;
      info->identity = g_strdup_printf ("%040x", i);
      info->format = g_strdup ("mov,mp4,m4a,3gp,3g2,mj2");
      info->duration_us = 60000000;
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
  exec (db, "BEGIN");
  exec (db, "INSERT INTO clip_participant (clip, participant, position) SELECT id, 1 + id % 10000, 1 FROM clip");
  exec (db, "INSERT INTO cut (name, frame_rate) VALUES ('Long cut', '25/1'), ('An empty cut', '25/1')");
  exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
            "INSERT INTO cut_event (cut, position, clip, in_frame, out_frame) "
            "SELECT (SELECT id FROM cut WHERE name = 'Long cut'), i, (SELECT min (id) FROM clip) + i * 97, 0, 125 FROM n");
  exec (db, "COMMIT");
}

/* ---- frames ---- */


typedef struct
{
  gint64  start;    /* before-paint of the frame under way */
  gint64  end;      /* after-paint of the last frame: when it was on screen */
  guint   count;    /* frames finished */
  GArray *work;     /* ms from before-paint to after-paint, while recording */
  gboolean recording;
} Frames;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *f)
{
  f->start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  double ms;

  f->end = g_get_monotonic_time ();
  ms = (f->end - f->start) / 1000.0;

  if (f->recording)
    g_array_append_val (f->work, ms);
  f->count++;
}

static void
wait_frames (Frames *f,
             guint   n)
{
  guint until = f->count + n;

  while (f->count < until)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Runs the main loop for `seconds`, idle or not. */
static void
settle (guint seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* ---- Participants, beside a plain GtkColumnView ---- */

/* A frame even when nothing changed (a search that finds everyone shows the same rows). */
static void
wait_drawn (GtkWidget *window,
            Frames    *frames,
            guint      n)
{
  gtk_widget_queue_draw (window);
  wait_frames (frames, n);
}

/* Scrolls the column view's list to the end a few screens at a time; the frames' work, and
 * in `step` the main thread's CPU for each jump: the rows bound when the scroll position
 * moves (GTK 4.8 binds them then, before the frame) and the frame. */
static void
scroll_to_end (GtkWidget *view,
               Frames    *frames,
               guint     *steps,
               GArray    *step)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  *steps = 0;
  frames->recording = TRUE;
  while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
    {
      gint64 cpu = bench_thread_cpu_us ();
      double ms;

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) * 3);
      wait_frames (frames, 1);
      ms = (bench_thread_cpu_us () - cpu) / 1000.0;
      g_array_append_val (step, ms);
      (*steps)++;
    }
  frames->recording = FALSE;
}

static void
reference_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  with_icon)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (with_icon)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
reference_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  column)
{
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *texts[] = { name, "Young carer", "Riverside Young Carers", "Interviewee", "Signed" };

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (gtk_list_item_get_child (item))),
                      texts[GPOINTER_TO_INT (column)]);
}

/* The floor on this display: a GtkColumnView with the same columns and widths over a
 * GtkStringList of the same names, as many rows on screen, scrolled the same way. */
static GtkWidget *
reference_window (GtkStringList **names,
                  GtkWidget     **view)
{
  static const struct { const char *title; int width; gboolean expand; } columns[] = {
    { "Name", 180, TRUE }, { "Role", 160, TRUE }, { "Organisation", 210 }, { "Kind", 110 }, { "Consent", 160 },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  *names = gtk_string_list_new (NULL);
  for (int i = 1; i <= PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %d", i);
      gtk_string_list_append (*names, name);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (*names)));
  *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (*view), TRUE);
  /* As the page's table is: libadwaita's rows of a data table, as tall as the page's. */
  gtk_widget_add_css_class (*view, "data-table");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (reference_setup_cb), GINT_TO_POINTER (c == 4));
      g_signal_connect (factory, "bind", G_CALLBACK (reference_bind_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (columns[c].title, factory);
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (*view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), *view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  return window;
}

static void
bench_participants (CrWindow *window,
                    Frames   *frames)
{
  CrEntityPage *people = cr_window_get_page (window, "participants");
  GtkWidget *view = cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW);
  GtkStringList *names = NULL;
  GtkWidget *ref_view = NULL;
  GtkWidget *ref = NULL;
  GdkFrameClock *clock;
  Frames ref_frames = { 0 };
  g_autoptr(GArray) step = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ref_step = g_array_new (FALSE, FALSE, sizeof (double));
  double ours, ours_median, floor, floor_median;
  guint ours_over, floor_over;
  guint steps = 0, ref_steps = 0;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  cr_window_show_page (window, "participants");
  wait_frames (frames, 2);
  g_print ("%-44s %9.1f ms\n", "Participants page shown (2 frames)", (g_get_monotonic_time () - t0) / 1000.0);
  /* What the window reads in the background when it opens (the clips' index, everyone's
   * consent) is done first: the figure is the scroll's, as the reference's after it is. */
  settle (2);
  scroll_to_end (view, frames, &steps, step);
  ours = bench_longest (frames->work);
  ours_median = bench_median (frames->work);
  ours_over = bench_count_over (frames->work, 16);
  g_array_set_size (frames->work, 0);

  /* The reference, in the same run, on the same display. */
  ref = reference_window (&names, &ref_view);
  ref_frames.work = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_window_present (GTK_WINDOW (ref));
  while (!gtk_widget_get_mapped (ref))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (ref);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &ref_frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &ref_frames);
  wait_frames (&ref_frames, 2);
  /* As many rows on screen as the page shows, so that a jump of three screens binds as many
   * rows in each: the window is made taller or shorter by the difference. */
  {
    int want = gtk_widget_get_height (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
    GtkWidget *ref_scroller = gtk_widget_get_ancestor (ref_view, GTK_TYPE_SCROLLED_WINDOW);

    for (int tries = 0; tries < 5 && gtk_widget_get_height (ref_scroller) != want; tries++)
      {
        int w, h;

        gtk_window_get_default_size (GTK_WINDOW (ref), &w, &h);
        gtk_window_set_default_size (GTK_WINDOW (ref), w, h + want - gtk_widget_get_height (ref_scroller));
        wait_frames (&ref_frames, 3);
      }
    g_print ("%-44s %9d px %9d px\n", "  the list's height on screen", want, gtk_widget_get_height (ref_scroller));
  }
  scroll_to_end (ref_view, &ref_frames, &ref_steps, ref_step);
  floor = bench_longest (ref_frames.work);
  floor_median = bench_median (ref_frames.work);
  floor_over = bench_count_over (ref_frames.work, 16);
  g_print ("%-44s %9.1f ms %9.1f ms %7.2fx   (median %.1f ms vs %.1f ms, over 16 ms %u and %u times in %u and %u "
           "jumps to row %u; target <= 16 ms)\n",
           "scroll Participants to the end, worst frame", ours, floor, ours / MAX (floor, 0.001), ours_median,
           floor_median, ours_over, floor_over, steps, ref_steps,
           g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))));
  g_print ("%-44s %9.1f ms %9.1f ms %7.2fx   (median %.1f ms vs %.1f ms: the rows bound as the list moves, "
           "and the frame)\n", "  each jump's main-thread CPU, the most", bench_longest (step),
           bench_longest (ref_step), bench_longest (step) / MAX (bench_longest (ref_step), 0.001),
           bench_median (step), bench_median (ref_step));

  /* A search typed on the page: from the words to the frame that shows the rows; then the
   * reference showing as many names (a splice of its whole list). Each window is measured
   * with the other hidden, so that neither draws during the other's figure. */
  {
    static const char * const searches[] = { "withdrawn", "Participant 42", "riverside", "expired" };
    double ms[G_N_ELEMENTS (searches)], typed[G_N_ELEMENTS (searches)], work[G_N_ELEMENTS (searches)];
    double answer[G_N_ELEMENTS (searches)], after[G_N_ELEMENTS (searches)];
    guint typed_frames[G_N_ELEMENTS (searches)];
    guint found[G_N_ELEMENTS (searches)];

    gtk_widget_set_visible (ref, FALSE);
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        guint count;

        /* As typed: the query in the background; the main loop's longest piece of work
         * meanwhile is its longest frame. */
        g_array_set_size (frames->work, 0);
        frames->recording = TRUE;
        count = frames->count;
        t0 = g_get_monotonic_time ();
        cr_entity_page_type_search (people, searches[i]);
        while (cr_store_model_is_searching (cr_entity_page_get_model (people)))
          g_main_context_iteration (NULL, TRUE);
        answer[i] = (g_get_monotonic_time () - t0) / 1000.0;
        wait_drawn (GTK_WIDGET (window), frames, 1);
        frames->recording = FALSE;
        typed_frames[i] = frames->count - count;
        /* On screen at the frame's after-paint; what the loop did in that turn after it
         * (the rows off screen refilled) is said beside it. */
        typed[i] = (frames->end - t0) / 1000.0;
        after[i] = (g_get_monotonic_time () - frames->end) / 1000.0;
        work[i] = bench_longest (frames->work);

        /* Waited for, as a caller does: the same search's frame. */
        cr_entity_page_set_search (people, NULL);
        wait_drawn (GTK_WIDGET (window), frames, 2);
        t0 = g_get_monotonic_time ();
        cr_entity_page_set_search (people, searches[i]);
        wait_drawn (GTK_WIDGET (window), frames, 1);
        ms[i] = (frames->end - t0) / 1000.0;
        found[i] = g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people)));
        cr_entity_page_set_search (people, NULL);
        wait_drawn (GTK_WIDGET (window), frames, 2);
      }
    gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
    gtk_widget_set_visible (ref, TRUE);
    while (!gtk_widget_get_mapped (ref))
      g_main_context_iteration (NULL, TRUE);
    wait_drawn (ref, &ref_frames, 2);
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        g_autofree char *label = g_strdup_printf ("search Participants for “%s”, to its frame", searches[i]);
        g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
        double ref_ms;

        for (guint r = 0; r < found[i]; r++)
          g_ptr_array_add (rows, g_strdup_printf ("Participant %u", r + 1));
        g_ptr_array_add (rows, NULL);
        t0 = g_get_monotonic_time ();
        gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                                (const char * const *) rows->pdata);
        wait_drawn (ref, &ref_frames, 1);
        ref_ms = (ref_frames.end - t0) / 1000.0;
        wait_drawn (ref, &ref_frames, 2);
        g_print ("%-44s %9.1f ms %9.1f ms %7.2fx   (%u found; target < 50 ms)\n", label, ms[i], ref_ms,
                 ms[i] / MAX (ref_ms, 0.001), found[i]);
        g_print ("%-44s %9.1f ms %12s %8s   (answered in the background after %.1f ms, %u frames meanwhile, "
                 "the longest %.1f ms; then %.1f ms more work in that turn)\n", "  the same typed, to its frame",
                 typed[i], "", "", answer[i], typed_frames[i], work[i], after[i]);
      }
    gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
    while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
      g_main_context_iteration (NULL, TRUE);
  }
  g_signal_handlers_disconnect_by_data (clock, &ref_frames);
  gtk_window_destroy (GTK_WINDOW (ref));
  g_array_unref (ref_frames.work);
  g_object_unref (names);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CrProduction *production;
  CrWindow *window;
  GdkFrameClock *clock;
  Frames frames = { 0 };
  gint64 t0;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  dir = g_dir_make_tmp ("casereel-bench-XXXXXX", &error);
  path = g_build_filename (dir, "big.casereel", NULL);
  production = cr_production_create (path, "A big production", &error);
  if (production == NULL)
    g_error ("%s", error->message);
  g_print ("making 10,000 participants with consent histories, 100,000 clips, a 1,000-event cut…\n");
  fill (cr_production_get_db (production));
  g_clear_object (&production);

  t0 = g_get_monotonic_time ();
  window = cr_window_new (NULL, NULL);
  if (!cr_window_open (window, path, FALSE, &error))
    g_error ("%s", error->message);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  frames.work = g_array_new (FALSE, FALSE, sizeof (double));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  wait_frames (&frames, 2);
  g_print ("%-44s %9.0f ms\n", "window open on it, first frames", (g_get_monotonic_time () - t0) / 1000.0);
  g_print ("%-44s %12s %12s %8s\n", "", "casereel", "reference", "ratio");

  bench_participants (window, &frames);

  /* A search typed on the Clips page, narrowing 100,000 clips: to the frame that shows the
   * answer, and the longest the main loop was held meanwhile (a frozen window); beside it the
   * same query run on the main loop, as the page did before (the reference). */
  {
    CrClipsPage *page;
    CrClipModel *model;
    CrDb *db = cr_production_get_db (cr_window_get_production (window));

    cr_window_show_page (window, "clips");
    wait_frames (&frames, 2);
    page = CR_CLIPS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CLIPS_PAGE));
    model = cr_clips_page_get_model (page);
    for (const char * const *s = (const char * const[]) { "A042_C1", "C999", "_031259", "Interview 7", "no such words", NULL };
         *s; s++)
      {
        CrClipFilter same = { .search = *s };
        g_autoptr(GArray) ids = NULL;
        double ms, ref, held = 0;

        cr_clips_page_set_search (page, "");
        while (!cr_clip_model_is_settled (model))
          g_main_context_iteration (NULL, TRUE);
        /* A frame even when nothing changed (the search was already empty). */
        gtk_widget_queue_draw (GTK_WIDGET (window));
        wait_frames (&frames, 1);
        /* The main thread's CPU time per turn of the loop: what it spends, not what it
         * waits for the worker in poll (). */
        g_array_set_size (frames.work, 0);
        frames.recording = TRUE;
        t0 = g_get_monotonic_time ();
        {
          double before = (bench_thread_cpu_us () / 1000.0);
          cr_clips_page_set_search (page, *s);
          held = (bench_thread_cpu_us () / 1000.0) - before;
        }
        while (!cr_clip_model_is_settled (model))
          {
            double before = (bench_thread_cpu_us () / 1000.0);
            g_main_context_iteration (NULL, TRUE);
            held = MAX (held, (bench_thread_cpu_us () / 1000.0) - before);
          }
        gtk_widget_queue_draw (GTK_WIDGET (window));
        wait_frames (&frames, 1);
        frames.recording = FALSE;
        ms = (frames.end - t0) / 1000.0;
        t0 = g_get_monotonic_time ();
        ids = cr_clips_filter (db, &same, NULL);
        ref = (g_get_monotonic_time () - t0) / 1000.0;
        if (ids == NULL || ids->len != g_list_model_get_n_items (G_LIST_MODEL (model)))
          g_error ("the query on the main loop found %u, the page %u", ids ? ids->len : 0,
                   g_list_model_get_n_items (G_LIST_MODEL (model)));
        {
          g_autofree char *label = g_strdup_printf ("search Clips for “%s”, to its frame", *s);
          g_print ("%-44s %9.1f ms %9.1f ms %7.2fx   (%u found; main loop: %.1f ms of CPU at most a turn, "
                   "worst frame %.1f ms; target < 50 ms)\n",
                   label, ms, ref, ref / MAX (ms, 0.001), ids->len, held, bench_longest (frames.work));
        }
      }
  }

  /* The 1,000-event cut, opened: to its first frame (the rows on screen, the strip, the
   * total), then until the list has all its events, and scrolled to the end. */
  {
    CrCutsPage *cuts = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
    CrDb *db = cr_production_get_db (cr_window_get_production (window));
    GtkListView *list = GTK_LIST_VIEW (cr_cuts_page_get_list (cuts));
    GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
    g_autofree char *load = NULL;
    gint64 cut = 0, empty = 0, cpu0;
    guint first_rows, n_frames = 0, steps = 0;
    double first_ms;

    cr_store_resolve (db, &cr_entity_cut, "Long cut", &cut, NULL);
    cr_store_resolve (db, &cr_entity_cut, "An empty cut", &empty, NULL);
    cr_window_show_page (window, "cuts");
    cr_cuts_page_show_cut (cuts, empty);
    wait_frames (&frames, 2);
    /* The machine's load, since wall-clock figures move with it; CPU time of this thread too. */
    g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
    g_print ("%-44s %s", "load average (1, 5, 15 min)", load ? load : "?\n");
    t0 = g_get_monotonic_time ();
    cpu0 = bench_thread_cpu_us ();
    cr_cuts_page_show_cut (cuts, cut);
    wait_frames (&frames, 1);
    first_ms = (frames.end - t0) / 1000.0;
    first_rows = g_list_model_get_n_items (rows);
    g_print ("%-44s %9.1f ms %12s %8s   (%.1f ms CPU; %u events, %u in the list so far; target < 300 ms)\n",
             "open a 1,000-event cut, first frame", first_ms, "", "", (bench_thread_cpu_us () - cpu0) / 1000.0,
             g_list_model_get_n_items (cr_cuts_page_get_events (cuts)), first_rows);
    frames.recording = TRUE;
    while (g_list_model_get_n_items (rows) < g_list_model_get_n_items (cr_cuts_page_get_events (cuts)))
      {
        wait_frames (&frames, 1);
        n_frames++;
      }
    frames.recording = FALSE;
    g_print ("%-44s %9.1f ms %12s %8s   (%u more frames, the longest %.1f ms of work)\n",
             "  ... until the list has every event", (g_get_monotonic_time () - t0) / 1000.0, "", "", n_frames,
             frames.work->len ? bench_longest (frames.work) : 0.0);
    g_array_set_size (frames.work, 0);

    /* Scrolled to the end, a few screens at a time, as for Participants. */
    frames.recording = TRUE;
    while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
      {
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) * 3);
        wait_frames (&frames, 1);
        steps++;
      }
    frames.recording = FALSE;
    g_print ("%-44s %9.1f ms %12s %8s   (median %.1f ms, %u jumps)\n", "scroll the cut to the end, worst frame",
             bench_longest (frames.work), "", "", bench_median (frames.work), steps);
    g_array_set_size (frames.work, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (frames.work);
  /* CASEREEL_BENCH_KEEP=1 leaves the production to look at with the sqlite3 program. */
  if (g_getenv ("CASEREEL_BENCH_KEEP"))
    g_print ("kept %s\n", path);
  else
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
