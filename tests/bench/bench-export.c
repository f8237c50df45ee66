/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-edl.h"
#include "cr-otio.h"
#include "cr-timeline-export.h"

/* Times every edit-list writer on a 10,000-event cut (best of several runs, since the machine is
 * shared) and the two readers on the writers' output. Exit status 1 when a writer misses the
 * 100 ms target. Built by meson, not run by `meson test`:
 *   build/tests/bench/bench-export [EVENTS [FORMAT]] */

#define TARGET_MS 100.0
#define RUNS 5

static CrTimeline *
build_cut (guint n_events)
{
  static const CrRate rates[] = { { 24000, 1001 }, { 25, 1 }, { 30000, 1001 } };
  CrTimeline *timeline = cr_timeline_new ("Benchmark cut", rates[2], TRUE, 1920, 1080);
  gint64 record = 0;
  guint i;

  for (i = 0; i < 500; i++)
    {
      g_autofree char *path = g_strdup_printf ("/media/Bench project/Card %u/Interview & take %03u – Zoë.mov",
                                               i / 50, i);
      cr_timeline_add_source (timeline, path, NULL, rates[i % 3], i % 3 == 2, 90000 + i * 1000,
                              100000, TRUE, i % 4 == 0 ? 0 : 2);
    }

  for (i = 0; i < n_events; i++)
    {
      guint source = (i * 7) % 500;
      gint64 in = (i * 37) % 90000;
      CrTimelineEvent *event;

      /* A one-second gap every tenth event. */
      if (i % 10 == 9)
        record += 30;
      event = cr_timeline_add_event (timeline, source, in, in + 48 + i % 200, record);
      event->label = g_strdup_printf ("Select %u \"quoted\" & more", i);
      event->participants = g_strdup ("Ann Lee, Bo Chen");
      event->question = g_strdup_printf ("%u. What changed, and why?", i % 12 + 1);
      if (i % 3 == 0)
        event->note = g_strdup ("A note with a comma, a \"quote\" and\na line break");
      if (i % 5 == 0)
        cr_timeline_event_add_marker (event, in + 10, "marker <note>");
      cr_timeline_event_add_keyword (event, "river");
      record += cr_timeline_event_get_length (timeline, event);
    }
  return timeline;
}

int
main (int   argc,
      char *argv[])
{
  guint n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  const char *only = argc > 2 ? argv[2] : NULL;
  g_autoptr(CrTimeline) timeline = build_cut (n_events);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edl = g_string_new (NULL);
  g_autoptr(GString) otio = g_string_new (NULL);
  gboolean ok = TRUE;
  CrExportFormat format;
  gint64 start;
  int run;

  if (!cr_timeline_validate (timeline, &error))
    g_error ("%s", error->message);
  printf ("%u events, %u sources, %" G_GINT64_FORMAT " frames\n", timeline->events->len,
          timeline->sources->len, cr_timeline_get_duration (timeline));

  start = g_get_monotonic_time ();
  for (run = 0; run < RUNS; run++)
    if (!cr_timeline_validate (timeline, &error))
      g_error ("%s", error->message);
  printf ("%-12s %8.1f ms (mean of %d)\n", "validate", (g_get_monotonic_time () - start) / 1000.0 / RUNS, RUNS);

  for (format = CR_EXPORT_EDL; format <= CR_EXPORT_PAPEREDIT_TEXT; format++)
    {
      double best = G_MAXDOUBLE;
      gsize bytes = 0;

      if (only != NULL && g_strcmp0 (only, cr_export_format_to_string (format)) != 0)
        continue;

      for (run = 0; run < RUNS; run++)
        {
          g_autoptr(GString) out = g_string_new (NULL);

          start = g_get_monotonic_time ();
          if (!cr_timeline_write (timeline, format, NULL, out, &error))
            g_error ("%s: %s", cr_export_format_to_string (format), error->message);
          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
          bytes = out->len;
          if (format == CR_EXPORT_EDL && edl->len == 0)
            g_string_assign (edl, out->str);
          if (format == CR_EXPORT_OTIO && otio->len == 0)
            g_string_assign (otio, out->str);
        }
      /* The same into a string whose memory is already mapped: what the writer itself costs,
       * without the kernel's page faults for fresh memory (large on a virtual machine). */
      {
        g_autoptr(GString) warm = g_string_sized_new (bytes + 1);
        double best_warm = G_MAXDOUBLE;

        memset (warm->str, ' ', bytes);
        for (run = 0; run < RUNS; run++)
          {
            g_string_truncate (warm, 0);
            start = g_get_monotonic_time ();
            if (!cr_timeline_write (timeline, format, NULL, warm, &error))
              g_error ("%s: %s", cr_export_format_to_string (format), error->message);
            best_warm = MIN (best_warm, (g_get_monotonic_time () - start) / 1000.0);
          }
        printf ("%-12s %8.1f ms  (%5.1f ms into mapped memory)  %9" G_GSIZE_FORMAT " bytes  %s\n",
                cr_export_format_to_string (format), best, best_warm, bytes,
                best < TARGET_MS ? "ok" : "OVER TARGET");
      }
      ok &= best < TARGET_MS;
    }

  /* The readers have no target; shown for reference. */
  if (only == NULL)
  {
    g_autoptr(CrTimeline) back = NULL;

    start = g_get_monotonic_time ();
    back = cr_edl_read (edl->str, edl->len, NULL, &error);
    if (back == NULL)
      g_error ("EDL read: %s", error->message);
    printf ("%-12s %8.1f ms\n", "read edl", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&back, cr_timeline_free);

    start = g_get_monotonic_time ();
    back = cr_otio_read (otio->str, otio->len, &error);
    if (back == NULL)
      g_error ("OTIO read: %s", error->message);
    printf ("%-12s %8.1f ms\n", "read otio", (g_get_monotonic_time () - start) / 1000.0);
  }

  return ok ? 0 : 1;
}
