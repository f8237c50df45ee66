/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): what poster frames cost a cold index.
 *   build/tests/bench/bench-index-posters [FOLDER]
 * Indexes FOLDER (by default a corpus it makes once in /tmp/casereel-bench-posters: 450 hard
 * links of a 10 s 1080p H.264 clip and 50 of a WAV, so three batches) into a new production,
 * first without posters, then with them into an empty thumbnail cache, and prints when the
 * last file was probed (the catalogue is written a batch later, a few milliseconds) and when
 * the posters were done. The catalogue should be about as fast with posters as without. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "cr-indexer.h"

typedef struct
{
  gint64 start;
  double probed;   /* seconds until every file was probed */
} Timing;

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &wait, &error) || !g_spawn_check_wait_status (wait, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static char *
make_corpus (void)
{
  const char *dir = "/tmp/casereel-bench-posters";
  g_autofree char *clips = g_build_filename (dir, "clips", NULL);
  g_autofree char *video = g_build_filename (dir, "base.mp4", NULL);
  g_autofree char *sound = g_build_filename (dir, "base.wav", NULL);

  g_mkdir_with_parents (clips, 0755);
  if (!g_file_test (video, G_FILE_TEST_EXISTS))
    run ((const char *[]) { "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                            "testsrc2=size=1920x1080:rate=25:duration=10", "-f", "lavfi", "-i",
                            "sine=frequency=440:sample_rate=48000:duration=10", "-c:v", "libx264",
                            "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac",
                            video, NULL });
  if (!g_file_test (sound, G_FILE_TEST_EXISTS))
    run ((const char *[]) { "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                            "sine=frequency=220:sample_rate=48000:duration=10", "-c:a", "pcm_s24le", sound, NULL });
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf (i < 450 ? "clip%03u.mp4" : "sound%03u.wav", i);
      g_autofree char *path = g_build_filename (clips, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && link (i < 450 ? video : sound, path) != 0)
        g_error ("link %s failed", path);
    }
  return g_steal_pointer (&clips);
}

static void
progress_cb (const CrIndexProgress *p,
             gpointer               user_data)
{
  Timing *t = user_data;

  if (t->probed == 0 && p->files_total > 0 && p->files_done == p->files_total)
    t->probed = (g_get_monotonic_time () - t->start) / 1e6;
}

static double
index_once (const char      *tmp,
            const char      *folder,
            CrIndexFlags     flags,
            Timing          *t,
            CrIndexProgress *result)
{
  g_autofree char *path = g_build_filename (tmp, flags ? "posters.casereel" : "plain.casereel", NULL);
  const char *folders[] = { folder, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Benchmark", &error);

  if (db == NULL)
    g_error ("%s", error->message);
  t->start = g_get_monotonic_time ();
  if (!cr_index_folders_full (db, folders, flags, progress_cb, t, NULL, result, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - t->start) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autofree char *folder = argc > 1 ? g_strdup (argv[1]) : make_corpus ();
  g_autofree char *tmp = g_dir_make_tmp ("casereel-bench-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (tmp, "cache", NULL);
  Timing plain = { 0 }, posters = { 0 };
  CrIndexProgress r1 = { 0 }, r2 = { 0 };
  double plain_total, posters_total;
  g_autofree char *rm = NULL;

  setlocale (LC_ALL, "");
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  plain_total = index_once (tmp, folder, CR_INDEX_DEFAULT, &plain, &r1);
  posters_total = index_once (tmp, folder, CR_INDEX_POSTERS, &posters, &r2);

  g_print ("%u files, %u with video, %u processors\n\n", r2.seen, r2.posters_total, g_get_num_processors ());
  g_print ("| %-38s | %9s |\n|%s|%s|\n", "cold index", "time", "----------------------------------------",
           "-----------");
  g_print ("| %-38s | %7.3f s |\n", "without posters: all probed", plain.probed);
  g_print ("| %-38s | %7.3f s |\n", "without posters: done", plain_total);
  g_print ("| %-38s | %7.3f s |\n", "with posters: all probed", posters.probed);
  g_print ("| %-38s | %7.3f s |\n", "with posters: done", posters_total);
  g_print ("\n%u posters made, %u failed: %.2f s more than without, %.1f ms a poster\n", r2.posters_made,
           r2.posters_failed, posters_total - plain_total,
           r2.posters_made ? (posters_total - plain_total) * 1000 / r2.posters_made : 0.0);
  rm = g_strdup_printf ("rm -rf '%s'", tmp);
  if (system (rm) != 0)
    g_printerr ("could not remove %s\n", tmp);
  return 0;
}
