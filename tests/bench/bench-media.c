/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the catalogue against the reference tools, in one run, side by side.
 *   build/tests/bench/bench-media [CORPUS-FOLDER]
 * Makes a corpus of 1,000 short clips in mixed containers (once; kept for the next run), then
 * times: a cold index vs ffprobe once per file vs mediainfo once over all files; a re-index of
 * the unchanged corpus; a re-index of 10,000 unchanged files; poster frames vs
 * `ffmpeg -ss T -i F -frames:v 1` per file; stream-copy extraction vs `ffmpeg -ss -to -c copy`.
 * Targets (2 cores): cold index >= 100x ffprobe and >= 4x mediainfo; 10,000 unchanged < 0.5 s;
 * thumbnails >= 20x ffmpeg; extraction <= 1.2x ffmpeg's stream copy. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "cr-extract.h"
#include "cr-indexer.h"
#include "cr-thumbnail.h"

#define COPIES 100

typedef struct
{
  const char *name;
  const char *args;   /* ffmpeg output options, space-separated */
  gboolean    video;
} Base;

static const Base bases[] = {
  { "interview.mov", "-c:v libx264 -preset ultrafast -c:a aac -timecode 10:00:00:00", TRUE },
  { "phone.mp4", "-c:v libx264 -preset ultrafast -c:a aac", TRUE },
  { "screen.mkv", "-c:v libx264 -preset ultrafast -c:a aac", TRUE },
  { "web.webm", "-c:v libvpx -b:v 200k -c:a libvorbis", TRUE },
  { "camera.mxf", "-c:v mpeg2video -c:a pcm_s16le", TRUE },
  { "old.avi", "-c:v mjpeg -c:a pcm_s16le", TRUE },
  { "broadcast.ts", "-c:v libx264 -preset ultrafast -c:a aac -f mpegts", TRUE },
  { "recorder.wav", "-vn -c:a pcm_s24le -write_bext 1 -metadata time_reference=1728000000", FALSE },
  { "voice.m4a", "-vn -c:a aac", FALSE },
  { "music.mp3", "-vn -c:a libmp3lame", FALSE },
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
run (GPtrArray *argv)
{
  g_autoptr(GError) error = NULL;
  int wait = 0;

  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &wait, &error) || !g_spawn_check_wait_status (wait, &error))
    g_error ("%s: %s", (char *) argv->pdata[0], error->message);
  g_ptr_array_set_size (argv, argv->len - 1);
}

static GPtrArray *
args (const char *first, ...)
{
  GPtrArray *a = g_ptr_array_new_with_free_func (g_free);
  const char *s = first;
  va_list ap;

  va_start (ap, first);
  for (; s; s = va_arg (ap, const char *))
    g_ptr_array_add (a, g_strdup (s));
  va_end (ap);
  return a;
}

static GPtrArray *
make_corpus (const char *dir)
{
  g_autofree char *base_dir = g_build_filename (dir, "bases", NULL);
  g_autofree char *clips_dir = g_build_filename (dir, "clips", NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  g_mkdir_with_parents (base_dir, 0755);
  g_mkdir_with_parents (clips_dir, 0755);
  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      g_autofree char *base = g_build_filename (base_dir, bases[b].name, NULL);
      if (!g_file_test (base, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GPtrArray) a = args ("ffmpeg", "-nostdin", "-y", "-f", "lavfi", "-i",
                                         "testsrc2=size=320x180:rate=25:duration=3", "-f", "lavfi", "-i",
                                         "sine=frequency=440:sample_rate=48000:duration=3", "-g", "25", NULL);
          g_auto(GStrv) opts = g_strsplit (bases[b].args, " ", -1);
          for (guint i = 0; opts[i]; i++)
            g_ptr_array_add (a, g_strdup (opts[i]));
          g_ptr_array_add (a, g_strdup (base));
          run (a);
        }
      for (int c = 0; c < COPIES; c++)
        {
          g_autofree char *name = g_strdup_printf ("%03d-%s", c, bases[b].name);
          g_autofree char *path = g_build_filename (clips_dir, name, NULL);
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_autoptr(GFile) from = g_file_new_for_path (base), to = g_file_new_for_path (path);
              g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
            }
          g_ptr_array_add (files, g_steal_pointer (&path));
        }
    }
  return files;
}

static CrDb *
fresh_production (const char *dir,
                  const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CrDb *db;

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *p = g_strconcat (path, suffix[i], NULL);
      g_unlink (p);
    }
  if (!(db = cr_db_create (path, "Benchmark", &error)))
    g_error ("%s", error->message);
  return db;
}

static double
index_once (CrDb       *db,
            const char *folder,
            guint      *seen)
{
  const char *folders[] = { folder, NULL };
  g_autoptr(GError) error = NULL;
  CrIndexProgress result = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (!cr_index_folders (db, folders, NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);
  if (seen)
    *seen = result.seen;
  return seconds_since (start);
}

static void
row (const char *what,
     double      ours,
     const char *tool,
     double      theirs,
     const char *target)
{
  if (theirs > 0)
    g_print ("| %-34s | %9.3f s | %-30s | %9.3f s | %7.1f× | %-14s |\n", what, ours, tool, theirs, theirs / ours, target);
  else
    g_print ("| %-34s | %9.3f s | %-30s | %11s | %8s | %-14s |\n", what, ours, tool, "", "", target);
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "/tmp/casereel-bench-corpus";
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *clips = g_build_filename (dir, "clips", NULL);
  g_autofree char *many = g_build_filename (dir, "ten-thousand", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(CrDb) db = NULL;
  g_autoptr(CrDb) big = NULL;
  double cold, reindex, ten_k, ffprobe, mediainfo, thumbs, ffthumbs, extract, ffextract;
  guint seen = 0, video_files = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  g_print ("Making the corpus in %s …\n", dir);
  files = make_corpus (dir);
  g_mkdir_with_parents (out, 0755);

  /* Cold index: a new production, every file probed. Drop the page cache's advantage
   * evenly by reading every file once first (the reference tools get the same). */
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      g_file_get_contents (g_ptr_array_index (files, i), &data, NULL, NULL);
    }
  db = fresh_production (dir, "bench.casereel");
  cold = index_once (db, clips, &seen);
  if (seen != files->len)
    g_error ("indexed %u of %u files", seen, files->len);
  reindex = index_once (db, clips, NULL);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) a = args ("ffprobe", "-v", "error", "-show_format", "-show_streams",
                                     g_ptr_array_index (files, i), NULL);
      run (a);
    }
  ffprobe = seconds_since (start);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) a = args ("mediainfo", NULL);
    for (guint i = 0; i < files->len; i++)
      g_ptr_array_add (a, g_strdup (g_ptr_array_index (files, i)));
    run (a);
  }
  mediainfo = seconds_since (start);

  /* 10,000 unchanged files: hard links of the corpus, indexed once, then timed again. */
  g_mkdir_with_parents (many, 0755);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i % files->len));
      g_autofree char *name = g_strdup_printf ("%05u-%s", i, base);
      g_autofree char *path = g_build_filename (many, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && link (g_ptr_array_index (files, i % files->len), path) != 0)
        g_error ("link %s failed", path);
    }
  big = fresh_production (dir, "bench-10k.casereel");
  index_once (big, many, NULL);
  ten_k = index_once (big, many, NULL);

  /* Poster frames a tenth into each video clip, in this process, one after another. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *f = g_ptr_array_index (files, i);
      CrThumbnailOptions options = { CR_THUMBNAIL_DEFAULT_TIME, 256 };
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;

      if (!bases[i / COPIES].video)
        continue;
      if (!(png = cr_thumbnail_render (f, &options, NULL, NULL, &error)))
        g_error ("%s", error->message);
      video_files++;
    }
  thumbs = seconds_since (start);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *png = g_build_filename (out, "ffmpeg-thumb.png", NULL);
      g_autoptr(GPtrArray) a = NULL;

      if (!bases[i / COPIES].video)
        continue;
      a = args ("ffmpeg", "-nostdin", "-y", "-v", "error", "-ss", "0.3", "-i", g_ptr_array_index (files, i),
                "-frames:v", "1", "-vf", "scale=256:-2", png, NULL);
      run (a);
    }
  ffthumbs = seconds_since (start);

  /* Stream-copy extraction of 1 s from the middle of each video clip. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *f = g_ptr_array_index (files, i);
      g_autofree char *name = g_strdup_printf ("cut-%s", bases[i / COPIES].name);
      g_autofree char *dest = g_build_filename (out, name, NULL);
      CrExtractOptions options = { .in_us = 1000000, .out_us = 2000000 };
      g_auto(CrExtractResult) result = { 0 };
      g_autoptr(GError) error = NULL;

      if (!bases[i / COPIES].video)
        continue;
      if (!cr_extract (f, dest, &options, &result, NULL, &error))
        g_error ("%s", error->message);
    }
  extract = seconds_since (start);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("ffcut-%s", bases[i / COPIES].name);
      g_autofree char *dest = g_build_filename (out, name, NULL);
      g_autoptr(GPtrArray) a = NULL;

      if (!bases[i / COPIES].video)
        continue;
      a = args ("ffmpeg", "-nostdin", "-y", "-v", "error", "-ss", "1", "-to", "2", "-i", g_ptr_array_index (files, i),
                "-map", "0:v", "-map", "0:a", "-c", "copy", dest, NULL);
      run (a);
    }
  ffextract = seconds_since (start);

  g_print ("\n%u files (%u with video), %u processors\n\n", files->len, video_files, g_get_num_processors ());
  g_print ("| %-34s | %11s | %-30s | %11s | %8s | %-14s |\n", "Casereel", "time", "reference", "time", "ratio", "target");
  g_print ("|%s|%s|%s|%s|%s|%s|\n", "------------------------------------", "-------------",
           "--------------------------------", "-------------", "----------", "----------------");
  row ("cold index, 1,000 files", cold, "ffprobe once per file", ffprobe, "≥ 100×");
  row ("cold index, 1,000 files", cold, "mediainfo once over all", mediainfo, "≥ 4×");
  row ("re-index, 1,000 unchanged", reindex, "", 0, "");
  row ("re-index, 10,000 unchanged", ten_k, "", 0, "< 0.5 s");
  row ("poster frames", thumbs, "ffmpeg -ss -frames:v 1 each", ffthumbs, "≥ 20×");
  row ("stream-copy extraction (1 s)", extract, "ffmpeg -ss -to -c copy each", ffextract, "≥ 0.83× (1.2)");
  return 0;
}
