/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the current consent of 100,000 participants with 300,000 consent
 * records from the one set-based query, side by side with the per-person path
 * (cr_consent_current (), one call per person), and the consent check of a 10,000-event cut.
 * Targets: under 100 ms each on a quiet machine. CPU time is printed beside wall time, as a
 * shared machine stretches the latter; the fast passes are timed best of RUNS. Reference: SQLite alone doing the same passes in the
 * sqlite3 command line, the same query on one connection (as inside a transaction), and the
 * per-person path (its answers must agree on the sample).
 *   build/tests/bench/bench-consent [--full|--quick]   (--full: the per-person path for
 *     everyone, not a sample of 10,000 scaled up; --quick: a sample of 10, no old cut path) */
#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <time.h>

#include "cr-clips.h"
#include "cr-consent-current.h"
#include "cr-consent-people.h"
#include "cr-cut.h"
#include "cr-store.h"

#define PEOPLE 100000
#define RECORDS 300000
#define EVENTS 10000
#define SAMPLE 10000
#define RUNS 5

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
measure (Clock   start,
         double *wall,
         double *cpu)
{
  *wall = (g_get_monotonic_time () - start.wall) / 1000.0;
  *cpu = (double) (clock () - start.cpu) * 1000.0 / CLOCKS_PER_SEC;
}

static void
report (const char *what,
        Clock       start,
        double      scale,
        double     *wall_out,
        double     *cpu_out)
{
  double wall = (g_get_monotonic_time () - start.wall) / 1000.0 * scale;
  double cpu = (double) (clock () - start.cpu) * 1000.0 / CLOCKS_PER_SEC * scale;

  g_print ("%-52s %10.1f %10.1f\n", what, wall, cpu);
  if (wall_out)
    *wall_out = wall;
  if (cpu_out)
    *cpu_out = cpu;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
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
      g_autofree char *date = g_strdup_printf ("202%d-%02d-%02d", 3 + r / PEOPLE, 1 + r % 12, 1 + r % 28);
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

/* SQLite alone doing the same passes (the statements of cr-consent-current.c, their
 * columns summed so that every value is read), through the sqlite3 command line: what a
 * program spends beyond the database. CPU from the child's rusage. */
static const char reference_sql[] =
  "SELECT count (*), total (length (name) + minor + length (date_of_birth) + length (erased_at))"
  "  FROM (SELECT id, name, minor, date_of_birth, erased_at FROM participant ORDER BY name COLLATE NOCASE, id);"
  "SELECT count (*), total (participant + length (facts) + ifnull (length (grant_facts), 0))"
  "  FROM (SELECT participant, facts, grant_facts FROM consent_now ORDER BY participant);";

static double
reference_run (const char *path,
               double     *cpu_out)
{
  const char *argv[] = { "sqlite3", path, reference_sql, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage before, after;
  int status;
  gint64 start = g_get_monotonic_time ();

  getrusage (RUSAGE_CHILDREN, &before);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3: %s", error->message);
  getrusage (RUSAGE_CHILDREN, &after);
  *cpu_out = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000.0 +
             (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1000.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
same_state (const CrConsentState *a,
            const CrConsentState *b)
{
  return a->problem == b->problem && a->minor == b->minor && a->partly_withdrawn == b->partly_withdrawn &&
         !g_strcmp0 (a->name, b->name) && !g_strcmp0 (a->status, b->status) && !g_strcmp0 (a->date, b->date) &&
         !g_strcmp0 (a->channels, b->channels) && !g_strcmp0 (a->media, b->media) &&
         !g_strcmp0 (a->naming, b->naming) && !g_strcmp0 (a->expires, b->expires) &&
         !g_strcmp0 (a->guardian_name, b->guardian_name) && !g_strcmp0 (a->withdrawn_channels, b->withdrawn_channels);
}

int
main (int argc, char **argv)
{
  /* CASEREEL_BENCH_FILE: the production is made there once and kept, and later runs read
   * it instead of filling one (the fill is most of a run under valgrind). */
  const char *kept = g_getenv ("CASEREEL_BENCH_FILE");
  gboolean reuse = kept && g_file_test (kept, G_FILE_TEST_EXISTS);
  g_autofree char *dir = kept ? NULL : g_dir_make_tmp ("casereel-bench-consent-XXXXXX", NULL);
  g_autofree char *path = kept ? g_strdup (kept) : g_build_filename (dir, "bench.casereel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = reuse ? cr_db_open (path, &error) : cr_db_create (path, "Benchmark", &error);
  g_autoptr(GHashTable) by_id = NULL;
  gboolean full = argc > 1 && g_str_equal (argv[1], "--full");
  /* --quick: the fast passes only, e.g. under valgrind --tool=callgrind
   * --toggle-collect=cr_consent_current_all, which counts instructions whatever the load. */
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");
  guint sample = full ? PEOPLE : quick ? 10 : SAMPLE;
  double set_ms = 0, set_cpu = 0, per_ms = 0, per_cpu = 0, ref_ms, ref_cpu = 0, cut_ms = 0, cut_cpu = 0;
  double old_cut_ms = 0, old_cut_cpu = 0;
  guint problems_set = 0, problems_per = 0, differ = 0;
  Clock start;

  setlocale (LC_ALL, "");
  check (db != NULL, error);
  if (!reuse)
    fill (db);
  /* The reference reads the file as it stands. */
  check (cr_db_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", &error), error);

  g_print ("%-52s %10s %10s\n", "operation", "wall ms", "cpu ms");
  {
    g_autoptr(GPtrArray) warm = cr_consent_current_all (db, "2026-01-15", &error);   /* the page cache */
    check (warm != NULL, error);
  }
  set_ms = set_cpu = G_MAXDOUBLE;
  for (guint r = 0; r < RUNS; r++)
    {
      double wall, cpu;

      problems_set = 0;
      start = clock_start ();
      {
        g_autoptr(GPtrArray) all = cr_consent_current_all (db, "2026-01-15", &error);
        check (all != NULL && all->len == PEOPLE, error);
        for (guint i = 0; i < all->len; i++)
          problems_set += ((CrConsentState *) g_ptr_array_index (all, i))->problem != CR_CONSENT_OK;
      }
      measure (start, &wall, &cpu);
      set_ms = MIN (set_ms, wall);
      set_cpu = MIN (set_cpu, cpu);
    }
  g_print ("%-52s %10.1f %10.1f\n", "current consent of 100,000: casereel (set-based)", set_ms, set_cpu);
  {
    /* Inside a transaction a second connection would not see what this one wrote, so
     * the same query runs on this connection alone: what the second one gains. */
    double one_ms = G_MAXDOUBLE, one_cpu = G_MAXDOUBLE;

    for (guint r = 0; r < RUNS; r++)
      {
        double wall, cpu;

        check (cr_db_begin (db, &error), error);
        start = clock_start ();
        {
          g_autoptr(GPtrArray) all = cr_consent_current_all (db, "2026-01-15", &error);
          check (all != NULL && all->len == PEOPLE, error);
        }
        measure (start, &wall, &cpu);
        cr_db_rollback (db);
        one_ms = MIN (one_ms, wall);
        one_cpu = MIN (one_cpu, cpu);
      }
    g_print ("%-52s %10.1f %10.1f\n", "  the same on one connection (in a transaction)", one_ms, one_cpu);
  }
  ref_ms = reference_run (path, &ref_cpu);
  g_print ("%-52s %10.1f %10.1f\n", "  the same passes in the sqlite3 command line", ref_ms, ref_cpu);
  start = clock_start ();
  {
    /* A question about the past: those with a later record are answered from the history. */
    g_autoptr(GPtrArray) then = cr_consent_current_all (db, "2024-07-01", &error);
    check (then != NULL && then->len == PEOPLE, error);
  }
  report ("  casereel as of 2024-07-01 (part from the history)", start, 1.0, NULL, NULL);
  start = clock_start ();
  by_id = cr_consent_current_many (db, NULL, "2026-01-15", &error);
  check (by_id != NULL && g_hash_table_size (by_id) == PEOPLE, error);
  report ("  casereel by id (no name order)", start, 1.0, NULL, NULL);

  start = clock_start ();
  for (guint p = 1; p <= sample; p++)
    {
      gint64 id = p * (PEOPLE / sample);
      g_autoptr(CrConsentState) s = cr_consent_current (db, id, "2026-01-15", &error);
      check (s != NULL, error);
      problems_per += s->problem != CR_CONSENT_OK;
      differ += !same_state (s, g_hash_table_lookup (by_id, &id));
    }
  report (full ? "current consent of 100,000: per-person path"
               : "current consent of 100,000: per-person (10,000 x10)", start, (double) PEOPLE / sample, &per_ms,
          &per_cpu);
  if (differ)
    g_error ("%u of %u people have another consent by the per-person path", differ, sample);

  cut_ms = cut_cpu = G_MAXDOUBLE;
  for (guint r = 0; r < RUNS; r++)
    {
      double wall, cpu;

      start = clock_start ();
      {
        g_autoptr(GPtrArray) rows = cr_cut_check (db, 1, "website", "2026-01-15", &error);
        check (rows != NULL && rows->len == 19999, error);
      }
      measure (start, &wall, &cpu);
      cut_ms = MIN (cut_ms, wall);
      cut_cpu = MIN (cut_cpu, cpu);
    }
  g_print ("%-52s %10.1f %10.1f\n", "consent check of a 10,000-event cut (19,999 rows)", cut_ms, cut_cpu);
  /* --quick leaves the old way out: it is seconds of per-person reads. */
  if (!quick)
    {
      /* The cut's people one by one, as the check used to read them. */
      g_autoptr(GPtrArray) events = NULL;

      start = clock_start ();
      events = cr_cut_event_people (db, 1, &error);
      check (events != NULL, error);
      for (guint i = 0; i < events->len; i++)
        {
          CrEventPeople *ep = g_ptr_array_index (events, i);
          for (guint k = 0; k < ep->people->len; k++)
            {
              g_autoptr(CrConsentState) s = cr_consent_current (db, g_array_index (ep->people, gint64, k),
                                                                "2026-01-15", &error);
              check (s != NULL, error);
            }
        }
      report ("  its people's consent one by one (the old way)", start, 1.0, &old_cut_ms, &old_cut_cpu);
    }

  g_print ("ratio casereel / sqlite3 alone: %.2f (cpu %.2f); per-person / set-based: %.0fx (cpu %.0fx)\n",
           set_ms / MAX (ref_ms, 0.001), set_cpu / MAX (ref_cpu, 0.001), per_ms / MAX (set_ms, 0.001),
           per_cpu / MAX (set_cpu, 0.001));
  if (!quick)
    g_print ("cut check: one by one / casereel: %.1fx (cpu %.1fx)\n", old_cut_ms / MAX (cut_ms, 0.001),
             old_cut_cpu / MAX (cut_cpu, 0.001));
  g_print ("problems: %u of %u set-based; %u of %u sampled per person, all %u the same answer\n", problems_set, PEOPLE,
           problems_per, sample, sample);
  g_clear_pointer (&by_id, g_hash_table_unref);
  g_clear_pointer (&db, cr_db_close);
  if (dir)
    cr_test_remove_tree (dir);
  return 0;
}
