/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the window's lists on a big production, in-process.
 *   xvfb-run -a build/tests/bench/bench-window
 * Makes a production of 10,000 participants (each with a consent history of two or three
 * records), 100,000 clips and a cut of 1,000 events, opens the real window and prints:
 *  - Participants scrolled to the end, a page at a time: the longest frame's work, from
 *    before-paint to after-paint (layout, binding, drawing; target: none over 16 ms);
 *  - a search typed on the Clips page narrowing 100,000 clips, to its frame, and the longest
 *    the main loop was held meanwhile, beside the same query run on the main loop (target
 *    < 50 ms, never freezing);
 *  - a search typed on the Participants page, to the frame that shows it;
 *  - opening the 1,000-event cut, to its first frame (target < 300 ms). */
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

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  gint64  start;    /* before-paint of the frame under way */
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
  double ms = (g_get_monotonic_time () - f->start) / 1000.0;

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

  /* Participants, a few screens at a time to the end. */
  {
    CrEntityPage *people = cr_window_get_page (window, "participants");
    GtkWidget *scroller;
    GtkAdjustment *adj;
    guint steps = 0;

    t0 = g_get_monotonic_time ();
    cr_window_show_page (window, "participants");
    wait_frames (&frames, 2);
    g_print ("%-44s %9.1f ms\n", "Participants page shown (2 frames)", (g_get_monotonic_time () - t0) / 1000.0);
    scroller = gtk_widget_get_ancestor (cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW),
                                        GTK_TYPE_SCROLLED_WINDOW);
    adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    frames.recording = TRUE;
    while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
      {
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) * 3);
        wait_frames (&frames, 1);
        steps++;
      }
    frames.recording = FALSE;
    g_print ("%-44s %9.1f ms %12s %8s   (median %.1f ms, %u jumps to row %u; target <= 16 ms)\n",
             "scroll Participants to the end, worst frame", bench_longest (frames.work), "", "", bench_median (frames.work),
             steps, g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))));
    g_array_set_size (frames.work, 0);

    /* A search typed on the page: from the words to the frame that shows the rows. */
    for (const char * const *s = (const char * const[]) { "withdrawn", "Participant 42", "riverside", NULL }; *s; s++)
      {
        g_autofree char *label = g_strdup_printf ("search Participants for “%s”, to its frame", *s);
        double query_ms;

        t0 = g_get_monotonic_time ();
        cr_entity_page_set_search (people, *s);
        query_ms = (g_get_monotonic_time () - t0) / 1000.0;
        wait_frames (&frames, 1);
        g_print ("%-44s %9.1f ms %12s %8s   (%u found; %.1f ms of it before the frame)\n", label,
                 (g_get_monotonic_time () - t0) / 1000.0, "", "",
                 g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))), query_ms);
      }
    cr_entity_page_set_search (people, NULL);
  }

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
          double before = thread_cpu_ms ();
          cr_clips_page_set_search (page, *s);
          held = thread_cpu_ms () - before;
        }
        while (!cr_clip_model_is_settled (model))
          {
            double before = thread_cpu_ms ();
            g_main_context_iteration (NULL, TRUE);
            held = MAX (held, thread_cpu_ms () - before);
          }
        gtk_widget_queue_draw (GTK_WIDGET (window));
        wait_frames (&frames, 1);
        frames.recording = FALSE;
        ms = (g_get_monotonic_time () - t0) / 1000.0;
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

  /* The 1,000-event cut, opened. */
  {
    CrCutsPage *cuts = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
    CrDb *db = cr_production_get_db (cr_window_get_production (window));
    gint64 cut = 0, empty = 0;

    cr_store_resolve (db, &cr_entity_cut, "Long cut", &cut, NULL);
    cr_store_resolve (db, &cr_entity_cut, "An empty cut", &empty, NULL);
    cr_window_show_page (window, "cuts");
    cr_cuts_page_show_cut (cuts, empty);
    wait_frames (&frames, 2);
    t0 = g_get_monotonic_time ();
    cr_cuts_page_show_cut (cuts, cut);
    wait_frames (&frames, 1);
    g_print ("%-44s %9.1f ms %12s %8s   (%u events; target < 300 ms)\n", "open a 1,000-event cut, first frame",
             (g_get_monotonic_time () - t0) / 1000.0, "", "", g_list_model_get_n_items (cr_cuts_page_get_events (cuts)));
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
