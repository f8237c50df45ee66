/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A full disk during every output command: one clear line naming the file, nothing under the
 * final name but the previous file as it was, no temp left, the production unchanged
 * (sqlite3 .dump before and after). The outputs go to a small tmpfs; the production and the
 * footage stay on the ordinary disk. */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <sys/mount.h>

#include "../disk-full.h"
#include "cli-run.h"
#include "../cr-test-support.h"
#include "cr-cut.h"
#include "cr-timeline-export.h"
#include "media-fixtures.h"

static char *work;      /* production and footage */
static char *project;
static char *out;       /* on the tmpfs */
static char *clip;      /* with a timecode track */
static char *plain;     /* without one, for extract: no note line besides the error */

static char *
dump (void)
{
  return fixture_spawn_out ((const char * const[]) { "sqlite3", project, ".dump", NULL });
}

static char *
out_path (const char *name)
{
  return g_build_filename (out, name, NULL);
}

/* Every file in the output folder and what it holds. */
static GHashTable *
snapshot (void)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = out_path (name);
      char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_hash_table_insert (files, g_strdup (name), text);
    }
  return files;
}

static void
assert_same_files (GHashTable *before,
                   const char *rewritten)
{
  g_autoptr(GHashTable) after = snapshot ();
  GHashTableIter iter;
  gpointer name, text;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &text))
    if (g_strcmp0 (name, rewritten) != 0)
      g_assert_cmpstr (g_hash_table_lookup (after, name), ==, text);
}

static void
previous (const char *name)
{
  g_autofree char *path = out_path (name);
  g_autofree char *text = g_strdup_printf ("the previous %s, which must survive\n", name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Runs @args with @room bytes free on the output disk; @named is the file the one line of
 * error must name; @rewritten (or NULL), a file that was complete before the disk filled and
 * so may be new: the clearance report, written whatever the outcome. */
static void
check_full (gsize               room,
            const char         *named,
            const char         *rewritten,
            const char * const *args)
{
  g_autofree char *before_dump = dump ();
  g_autoptr(GHashTable) before = snapshot ();
  g_autofree char *named_path = out_path (named);
  g_autofree char *after_dump = NULL;
  CliResult r;

  disk_full_fill (room);
  r = cli_runv (args);
  disk_full_empty ();

  g_test_message ("%s: %s", args[0], r.err);
  g_assert_cmpint (r.status, !=, 0);
  /* One line, naming the output and saying why. */
  g_assert_true (g_str_has_prefix (r.err, "casereel: "));
  /* The first line break is the last character. */
  g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
  g_assert_nonnull (strstr (r.err, named_path));
  g_assert_nonnull (strstr (r.err, "the disk is full"));
  g_assert_null (strstr (r.out, named_path));

  assert_same_files (before, rewritten);
  after_dump = dump ();
  g_assert_cmpstr (after_dump, ==, before_dump);
  cli_result_clear (&r);
}

#define full(room, named, ...) check_full (room, named, NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define full_after(room, named, rewritten, ...) \
  check_full (room, named, rewritten, (const char * const[]) { __VA_ARGS__, NULL })

static goffset
size_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* Room for the first file but not for the second, in whole pages as tmpfs counts them; 0 when
 * the second is not the bigger by enough. */
static gsize
room_for (goffset first,
          goffset second)
{
  gsize room = ((gsize) first + 4095) / 4096 * 4096 + 4096;

  return second > (goffset) room + 4096 ? room : 0;
}

static void
test_cut_export (void)
{
  static const char *names[] = { "cut.edl", "cut.fcpxml", "cut.otio", "cut.mlt", "paper.csv", "paper.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = out_path (names[i]);
      g_autofree char *report = g_strconcat (names[i], ".clearance.csv", NULL);
      const char *format = i == 4 ? "paper-csv" : i == 5 ? "paper-text" : strrchr (names[i], '.') + 1;

      g_autofree char *trial = out_path ("trial");
      g_autofree char *trial_report = out_path ("trial.clearance.csv");
      gsize room;

      /* How big they are, to leave room for the report but not for the edit list. */
      cli_ok (cli_run ("cut", "export", "Big", "-f", format, "-o", trial, "--allow-unconsented"));
      room = room_for (size_of (trial_report), size_of (trial));
      g_unlink (trial);
      g_unlink (trial_report);

      previous (names[i]);
      previous (report);
      /* No room at all: the clearance report, written first, is the file that fails. */
      full (0, report, "cut", "export", "Big", "-f", format, "-o", path, "--allow-unconsented");
      /* The report fits; the edit list fails after a part of it is written. An EDL is about
       * as big as its report: the writer itself is checked for it below. */
      if (room > 0)
        full_after (room, names[i], report, "cut", "export", "Big", "-f", format, "-o", path, "--allow-unconsented");
      else
        g_test_message ("%s: about as big as its report, checked through the writer", names[i]);
    }
}

/* The edit-list writer on its own, for every format: nothing written, then a part written. */
static void
test_edit_list_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (project, &error);
  g_autoptr(CrTimeline) timeline = NULL;

  g_assert_no_error (error);
  timeline = cr_cut_build_timeline (db, 1, &error);
  g_assert_no_error (error);
  for (CrExportFormat f = CR_EXPORT_EDL; f <= CR_EXPORT_PAPEREDIT_TEXT; f++)
    {
      g_autofree char *path = out_path ("writer-output");
      g_autofree char *expected = g_strdup_printf ("%s: not written: the disk is full", path);
      goffset size;

      g_assert_true (cr_timeline_export_file (timeline, f, NULL, path, &error));
      g_assert_no_error (error);
      size = size_of (path);
      /* Big enough that half of it is a whole page or more. */
      g_assert_cmpint (size, >, 8192);
      for (gsize room = 0; room <= (gsize) size / 2; room += (gsize) size / 2 / 4096 * 4096)
        {
          g_autoptr(GHashTable) before = NULL;

          previous ("writer-output");
          before = snapshot ();
          disk_full_fill (room);
          g_assert_false (cr_timeline_export_file (timeline, f, NULL, path, &error));
          disk_full_empty ();
          g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_WRITE);
          g_assert_cmpstr (error->message, ==, expected);
          g_clear_error (&error);
          assert_same_files (before, NULL);
        }
      g_unlink (path);
    }
}

static void
test_clearance_report (void)
{
  g_autofree char *path = out_path ("clearance.csv");

  previous ("clearance.csv");
  full (0, "clearance.csv", "cut", "check", "Big", "-o", path);
}

static void
test_lists (void)
{
  g_autofree char *ics = out_path ("schedule.ics");
  g_autofree char *csv = out_path ("schedule.csv");
  g_autofree char *people = out_path ("people.csv");
  g_autofree char *shots = out_path ("shots.csv");

  previous ("schedule.ics");
  previous ("schedule.csv");
  previous ("people.csv");
  previous ("shots.csv");
  full (0, "schedule.ics", "schedule", "ics", "-o", ics);
  full (0, "schedule.csv", "schedule", "csv", "-o", csv);
  full (0, "people.csv", "participant", "list", "--csv", "-o", people);
  full (0, "shots.csv", "shot", "list", "--csv", "-o", shots);
}

static void
test_pictures_and_documents (void)
{
  g_autofree char *thumb = out_path ("poster.png");
  g_autofree char *strip = out_path ("strip.png");
  g_autofree char *call = out_path ("call.pdf");
  g_autofree char *shots = out_path ("shots.pdf");
  g_autofree char *releases = out_path ("releases.pdf");
  g_autofree char *releases_csv = out_path ("releases.csv");

  previous ("poster.png");
  previous ("strip.png");
  previous ("call.pdf");
  previous ("shots.pdf");
  previous ("releases.pdf");
  previous ("releases.csv");
  full (0, "poster.png", "thumb", clip, "-o", thumb);
  full (0, "strip.png", "thumb", clip, "--strip", "6", "-o", strip);
  full (0, "call.pdf", "callsheet", "2026-03-02", "-o", call);
  full (8192, "call.pdf", "callsheet", "2026-03-02", "-o", call);
  full (0, "shots.pdf", "shotlist", "-o", shots);
  full (0, "releases.pdf", "releases", "-o", releases);
  full (0, "releases.csv", "releases", "-o", releases_csv);
}

/* The written case study and the quotes, in each of their formats (DOCX is a zip built in
 * memory, then written like any other output). */
static void
test_writing (void)
{
  static const char *names[] = { "case-study.docx", "case-study.md", "case-study.html", "quotes.docx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = out_path (names[i]);
      const char *command = g_str_has_prefix (names[i], "quotes") ? "quotes" : "case-study";

      previous (names[i]);
      full (0, names[i], command, "-o", path, "--allow-unconsented");
    }
}

static void
test_render_and_extract (void)
{
  g_autofree char *render = out_path ("review.mp4");
  g_autofree char *extract = out_path ("range.mp4");

  previous ("review.mp4");
  previous ("review.mp4.clearance.csv");
  previous ("range.mp4");
  full (0, "review.mp4.clearance.csv", "cut", "render", "Short", "-o", render, "--allow-unconsented");
  /* The report fits; the video fills the disk part-way through. */
  full_after (16384, "review.mp4", "review.mp4.clearance.csv", "cut", "render", "Short", "-o", render, "--allow-unconsented");
  full (0, "range.mp4", "extract", plain, "--in", "1", "--out", "3", "-o", extract);
  full (16384, "range.mp4", "extract", plain, "--in", "1", "--out", "3", "--reencode", "-o", extract);
}

static void cr_test_remove_tree (const char *folder);

/* A read-only disk is reported as such: not "damaged", not a bare errno. */
static void
test_read_only_folder (void)
{
  const char *names[] = { "ro.ics", "ro.edl", "ro.png" };
  g_autofree char *ics = out_path (names[0]);
  g_autofree char *edl = out_path (names[1]);
  g_autofree char *png = out_path (names[2]);
  const char * const *runs[] = {
    (const char * const[]) { "schedule", "ics", "-o", ics, NULL },
    (const char * const[]) { "cut", "export", "Short", "-o", edl, "--allow-unconsented", NULL },
    (const char * const[]) { "thumb", clip, "-o", png, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *before = NULL;
      CliResult r;

      previous (names[i]);
      before = disk_full_list (out);
      g_assert_cmpint (mount (NULL, disk_full_dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      r = cli_runv (runs[i]);
      g_assert_cmpint (mount (NULL, disk_full_dir, NULL, MS_REMOUNT, NULL), ==, 0);
      g_test_message ("%s", r.err);
      g_assert_cmpint (r.status, !=, 0);
      g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
      g_assert_nonnull (strstr (r.err, "its folder is on a read-only disk"));
      g_assert_null (strstr (r.err, "damaged"));
      {
        g_autofree char *after = disk_full_list (out);
        g_assert_cmpstr (after, ==, before);
      }
      cli_result_clear (&r);
    }
}

/* What a killed run left, `.NAME.XXXXXX.part`, goes with the next run of the same output. */
static void
test_stale_temps (void)
{
  g_autofree char *render = out_path ("again.mp4");
  g_autofree char *edl = out_path ("again.edl");
  g_autofree char *names = NULL;

  previous (".again.mp4.k1ll3d.part");
  previous (".again.edl.k1ll3d.part");
  previous (".again.edl.clearance.csv.k1ll3d.part");
  previous (".someone-else.mp4.k1ll3d.part");
  cli_ok (cli_run ("cut", "render", "Short", "-o", render, "--allow-unconsented"));
  cli_ok (cli_run ("cut", "export", "Short", "-o", edl, "--allow-unconsented"));
  names = disk_full_list (out);
  g_assert_nonnull (strstr (names, " again.edl again.edl.clearance.csv again.mp4 again.mp4.clearance.csv"));
  g_assert_null (strstr (names, ".again."));
  g_assert_nonnull (strstr (names, ".someone-else.mp4.k1ll3d.part"));
  g_unlink (render);
}

/* `participant list --csv > file` on a full disk: the screen's output fails too, and says so.
 * Run in this process with its standard output on the full disk. */
static void
test_standard_output (void)
{
  g_autofree char *path = out_path ("screen.csv");
  g_autofree char *err_path = g_build_filename (work, "stderr.txt", NULL);
  g_autofree char *err = NULL;
  char *args[] = { (char *) "casereel", (char *) "participant", (char *) "list", (char *) "--csv", NULL };
  int out_fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int saved_out, saved_err, status;

  g_assert_cmpint (out_fd, >=, 0);
  g_assert_cmpint (err_fd, >=, 0);
  disk_full_fill (0);
  fflush (stdout);
  fflush (stderr);
  saved_out = dup (STDOUT_FILENO);
  saved_err = dup (STDERR_FILENO);
  dup2 (out_fd, STDOUT_FILENO);
  dup2 (err_fd, STDERR_FILENO);
  close (out_fd);
  close (err_fd);
  status = cr_cli_run (G_N_ELEMENTS (args) - 1, args);
  fflush (stderr);
  dup2 (saved_out, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved_out);
  close (saved_err);
  disk_full_empty ();

  g_assert_true (g_file_get_contents (err_path, &err, NULL, NULL));
  g_test_message ("%s", err);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (err, ==, "casereel: standard output: not written: the disk is full\n");
  g_unlink (err_path);
  g_unlink (path);
}

/* The production itself on the full disk: `index` says it failed and claims no counts. */
static void
test_index_on_full_disk (void)
{
  g_autofree char *copy = g_build_filename (disk_full_dir, "on-full-disk.casereel", NULL);
  g_autofree char *backup = g_strconcat (".backup ", copy, NULL);
  g_autofree char *more = g_build_filename (work, "more", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  CrDb *keep;
  CliResult r;

  fixture_run ((const char * const[]) { "sqlite3", project, backup, NULL });
  g_assert_cmpint (g_mkdir (more, 0755), ==, 0);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%d.mp4", i);
      g_autofree char *path = g_build_filename (more, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (plain, &data, &len, NULL));
      g_assert_true (g_file_set_contents (path, data, len, NULL));
    }
  before = fixture_spawn_out ((const char * const[]) { "sqlite3", copy, ".dump", NULL });

  /* Held open meanwhile, as the window would: its -wal and -shm exist, so the index opens
   * the file and fails where it writes the clips it found. */
  keep = cr_db_open (copy, &error);
  g_assert_no_error (error);
  disk_full_fill (0);
  r = cli_run ("--project", copy, "index", more);
  disk_full_empty ();
  g_clear_pointer (&keep, cr_db_close);
  g_test_message ("out: %s err: %s", r.out, r.err);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_null (strstr (r.out, "added"));
  g_assert_true (g_str_has_prefix (r.err, "casereel: "));
  g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
  /* The production layer says it in words (cr-db.c), not in SQLite's. */
  g_assert_nonnull (strstr (r.err, "the disk is full"));
  g_assert_null (strstr (r.err, "damaged"));
  after = fixture_spawn_out ((const char * const[]) { "sqlite3", copy, ".dump", NULL });
  g_assert_cmpstr (after, ==, before);
  cli_result_clear (&r);
  cr_test_remove_tree (more);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (copy);
  }
}

static void
build_production (void)
{
  const char *folders[] = { "index", NULL, NULL };

  work = cr_test_make_tmp ("casereel-outputs-XXXXXX", NULL);
  project = g_build_filename (work, "study.casereel", NULL);
  g_setenv ("CASEREEL_PROJECT", project, TRUE);
  clip = fixture_video (work, "a.mov", "25", "01:00:00:00", 8);
  plain = g_build_filename (work, "plain.mp4", NULL);
  fixture_run ((const char * const[]) { "ffmpeg", "-nostdin", "-v", "error", "-y", "-i", clip, "-map", "0:v",
                                        "-map", "0:a", "-c", "copy", plain, NULL });
  cli_ok (cli_run ("new", project, "--title", "Full disk"));
  cli_ok (cli_run ("production", "edit", "--frame-rate", "25"));
  folders[1] = work;
  cli_ok (cli_runv (folders));
  cli_ok (cli_run ("participant", "add", "--name", "Bea Example", "--kind", "interviewee", "--phone", "+44 113 496 0000"));
  cli_ok (cli_run ("location", "add", "--name", "Main hall", "--time-zone", "Europe/London"));
  cli_ok (cli_run ("interview", "add", "--title", "Bea on the move", "--start", "2026-03-02 10:00", "--end",
               "2026-03-02 11:00", "--location", "Main hall", "--participant", "Bea Example"));
  cli_ok (cli_run ("shot", "add", "--number", "1", "--type", "interview", "--description", "Bea, wide"));
  /* Bars and tone: nobody to identify, so the cuts clear with nobody linked and an export
   * reaches the full disk instead of stopping at 200 "nobody identified" lines. */
  cli_ok (cli_run ("clip", "link", "a.mov", "--no-person", "yes"));
  cli_ok (cli_run ("cut", "new", "Big", "--size", "320x180"));
  for (int i = 0; i < 200; i++)
    {
      /* Notes go into every edit list but not into the clearance report. */
      g_autofree char *words = g_strnfill (400, 'w');
      g_autofree char *note = g_strdup_printf ("event %d: %s", i, words);
      cli_ok (cli_run ("cut", "add", "Big", "--clip", "a.mov", "--in", "01:00:01:00", "--out", "01:00:03:00",
                   "--note", note));
    }
  cli_ok (cli_run ("cut", "new", "Short", "--size", "320x180"));
  cli_ok (cli_run ("cut", "add", "Short", "--clip", "a.mov", "--in", "01:00:01:00", "--out", "01:00:04:00"));
  out = g_build_filename (disk_full_dir, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  disk_full_mount ("4m");
  g_test_init (&argc, &argv, NULL);
  build_production ();
  g_test_add_func ("/outputs/full/cut-export", test_cut_export);
  g_test_add_func ("/outputs/full/edit-list-writer", test_edit_list_writer);
  g_test_add_func ("/outputs/full/clearance-report", test_clearance_report);
  g_test_add_func ("/outputs/full/lists", test_lists);
  g_test_add_func ("/outputs/full/pictures-and-documents", test_pictures_and_documents);
  g_test_add_func ("/outputs/full/writing", test_writing);
  g_test_add_func ("/outputs/full/render-and-extract", test_render_and_extract);
  g_test_add_func ("/outputs/full/index", test_index_on_full_disk);
  g_test_add_func ("/outputs/full/standard-output", test_standard_output);
  g_test_add_func ("/outputs/read-only-folder", test_read_only_folder);
  g_test_add_func ("/outputs/stale-temps", test_stale_temps);
  status = g_test_run ();
  cr_test_remove_tree (out);
  cr_test_remove_tree (work);
  disk_full_unmount ();
  g_free (clip);
  g_free (plain);
  g_free (project);
  g_free (out);
  g_free (work);
  return status;
}
