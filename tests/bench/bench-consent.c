/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the current consent of 100,000 participants with 300,000 consent
 * records from the one set-based query, side by side with the per-person path
 * (cr_consent_current (), one call per person), and the consent check of a 10,000-event cut.
 * Targets: under 100 ms each on a quiet machine. CPU time is printed beside wall time, as a
 * shared machine stretches the latter.
 *   build/tests/bench/bench-consent [--full]   (--full: the per-person path for everyone,
 *                                               not a sample of 10,000 scaled up) */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>

#include "cr-clips.h"
#include "cr-consent-current.h"
#include "cr-cut.h"
#include "cr-store.h"

#define PEOPLE 100000
#define RECORDS 300000
#define EVENTS 10000
#define SAMPLE 10000

typedef struct
{
  gint64  wall;
  clock_t cpu;
} Clock;

static Clock
clock_start (void)
{
  return (Clock) { g_get_monotonic_time (), clock () };
}

static void
report (const char *what,
        Clock       start,
        double      scale,
        double     *wall_out)
{
  double wall = (g_get_monotonic_time () - start.wall) / 1000.0 * scale;
  double cpu = (double) (clock () - start.cpu) * 1000.0 / CLOCKS_PER_SEC * scale;

  g_print ("%-52s %10.1f %10.1f\n", what, wall, cpu);
  if (wall_out)
    *wall_out = wall;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fill (CrDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) person = NULL, consent = NULL, sel = NULL, who = NULL, clip = NULL;
  static const char *statuses[] = { "requested", "signed", "signed", "withdrawn", "declined", "verbal-noted" };

  check (cr_db_begin (db, &error), error);
  person = cr_db_prepare (db, "INSERT INTO participant (name, kind, minor, guardian_name) VALUES (?, 'interviewee', ?, ?)", &error);
  consent = cr_db_prepare (db, "INSERT INTO consent (participant, status, date, channels, media, naming, expires,"
                               " withdrawal_scope, guardian_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &error);
  check (person && consent, error);
  for (int p = 1; p <= PEOPLE; p++)
    {
      g_autofree char *name = g_strdup_printf ("Person %06d", (p * 7919) % PEOPLE);
      gboolean minor = p % 50 == 0;
      sqlite3_reset (person);
      sqlite3_bind_text (person, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (person, 2, minor);
      if (minor && p % 100 == 0)
        sqlite3_bind_text (person, 3, "A. Parent", -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (person, 3);
      check (cr_db_step_done (db, person, &error), error);
    }
  for (int r = 0; r < RECORDS; r++)
    {
      const char *status = statuses[(r * 31 + r / PEOPLE) % G_N_ELEMENTS (statuses)];
      gboolean grant = g_str_equal (status, "signed") || g_str_equal (status, "verbal-noted");
      g_autofree char *date = g_strdup_printf ("202%d-%02d-%02d", 4 + r / PEOPLE, 1 + r % 12, 1 + r % 28);
      gboolean part = g_str_equal (status, "withdrawn") && r % 2;

      sqlite3_reset (consent);
      sqlite3_clear_bindings (consent);
      sqlite3_bind_int (consent, 1, 1 + r % PEOPLE);
      sqlite3_bind_text (consent, 2, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (consent, 3, date, -1, SQLITE_TRANSIENT);
      if (grant || part)
        sqlite3_bind_text (consent, 4, r % 3 ? "internal,website,funder-report" : "internal,website,social-media,funder-report,broadcast", -1, SQLITE_STATIC);
      if (grant)
        {
          sqlite3_bind_text (consent, 5, "video,audio,photo,quotes", -1, SQLITE_STATIC);
          sqlite3_bind_text (consent, 6, r % 2 ? "full-name" : "first-name", -1, SQLITE_STATIC);
          if (r % 5 == 0)
            sqlite3_bind_text (consent, 7, "2026-06-30", -1, SQLITE_STATIC);
        }
      if (g_str_equal (status, "withdrawn"))
        sqlite3_bind_text (consent, 8, part ? "part" : "all", -1, SQLITE_STATIC);
      check (cr_db_step_done (db, consent, &error), error);
    }

  /* One long recording, and a cut of 10,000 selects of one to three people each. */
  clip = cr_db_prepare (db, "INSERT INTO clip (path, name, size, mtime_us, has_video, has_audio, duration_us, frame_rate,"
                            " tc_rate, tc_start, tc_frames) VALUES ('/media/long.mov', 'long.mov', 1, 1, 1, 1,"
                            " 36000000000, '25/1', '25/1', '10:00:00:00', 900000)", &error);
  check (clip && cr_db_step_done (db, clip, &error), error);
  check (cr_db_exec (db, "INSERT INTO cut (name, frame_rate) VALUES ('Long', '25/1')", &error), error);
  sel = cr_db_prepare (db, "INSERT INTO selection (clip, in_frame, out_frame) VALUES (1, ?, ?)", &error);
  who = cr_db_prepare (db, "INSERT INTO selection_participant (selection, participant, position) VALUES (?, ?, ?)", &error);
  check (sel && who, error);
  for (int i = 0; i < EVENTS; i++)
    {
      gint64 id;
      sqlite3_reset (sel);
      sqlite3_bind_int (sel, 1, i * 50);
      sqlite3_bind_int (sel, 2, i * 50 + 40);
      check (cr_db_step_done (db, sel, &error), error);
      id = cr_db_last_insert_id (db);
      for (int k = 0; k <= i % 3; k++)
        {
          sqlite3_reset (who);
          sqlite3_bind_int64 (who, 1, id);
          sqlite3_bind_int (who, 2, 1 + (i * 13 + k * 7) % PEOPLE);
          sqlite3_bind_int (who, 3, k + 1);
          check (cr_db_step_done (db, who, &error), error);
        }
    }
  check (cr_db_exec (db, "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame)"
                         " SELECT 1, id, id, clip, in_frame, out_frame FROM selection ORDER BY id", &error), error);
  check (cr_db_commit (db, &error), error);
  check (cr_db_exec (db, "ANALYZE", &error), error);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("casereel-bench-consent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.casereel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Benchmark", &error);
  gboolean full = argc > 1 && g_str_equal (argv[1], "--full");
  guint sample = full ? PEOPLE : SAMPLE;
  double set_ms = 0, per_ms = 0;
  guint problems_set = 0, problems_per = 0;
  Clock start;

  setlocale (LC_ALL, "");
  check (db != NULL, error);
  fill (db);

  g_print ("%-52s %10s %10s\n", "operation", "wall ms", "cpu ms");
  {
    g_autoptr(GPtrArray) warm = cr_consent_current_all (db, "2026-01-15", &error);   /* the page cache */
    check (warm != NULL, error);
  }
  start = clock_start ();
  {
    g_autoptr(GPtrArray) all = cr_consent_current_all (db, "2026-01-15", &error);
    check (all != NULL && all->len == PEOPLE, error);
    for (guint i = 0; i < all->len; i++)
      problems_set += ((CrConsentState *) g_ptr_array_index (all, i))->problem != CR_CONSENT_OK;
  }
  report ("current consent of 100,000: set-based query", start, 1.0, &set_ms);
  start = clock_start ();
  {
    g_autoptr(GHashTable) all = cr_consent_current_many (db, NULL, "2026-01-15", &error);
    check (all != NULL && g_hash_table_size (all) == PEOPLE, error);
  }
  report ("  the same, by id (no name order)", start, 1.0, NULL);

  start = clock_start ();
  for (guint p = 1; p <= sample; p++)
    {
      g_autoptr(CrConsentState) s = cr_consent_current (db, p * (PEOPLE / sample), "2026-01-15", &error);
      check (s != NULL, error);
      problems_per += s->problem != CR_CONSENT_OK;
    }
  report (full ? "current consent of 100,000: per-person path"
               : "current consent of 100,000: per-person (10,000 x10)", start, (double) PEOPLE / sample, &per_ms);

  start = clock_start ();
  {
    g_autoptr(GPtrArray) rows = cr_cut_check (db, 1, "website", "2026-01-15", &error);
    check (rows != NULL, error);
    report ("consent check of a 10,000-event cut (20,000 rows)", start, 1.0, NULL);
  }
  g_print ("per-person / set-based: %.0fx (problems: %u of %u set-based, %u of %u per person)\n",
           per_ms / MAX (set_ms, 0.001), problems_set, PEOPLE, problems_per, sample);
  g_clear_pointer (&db, cr_db_close);
  remove_tree (dir);
  return 0;
}
