/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The set-based current consent (cr-consent-current.h) is the per-person rule
 * (cr_consent_current ()) applied to everyone at once: for a generated production with
 * withdrawals in full and in part, re-grants, expiries, same-day records, minors by mark
 * and by date of birth, guardians on the person or on the record, and erased people, every
 * person gets the same answer on every date asked about, through every entry point. */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "consent-state-assert.h"
#include "cr-consent-current.h"
#include "cr-consent-erase.h"
#include "cr-consent-now-reader.h"
#include "cr-consent-people.h"
#include "test-helpers.h"

#define PEOPLE 600

/* One production for every test: generating it (and erasing people) is the slow part. */
static CrDb *db;
static GArray *ids;

static const char *dates[] = { "2025-01-15", "2025-06-01", "2025-08-01", "2025-12-31", "2026-03-01", NULL };

static const char *
pick (const char * const *choices)
{
  return choices[g_test_rand_int_range (0, (gint32) g_strv_length ((char **) choices))];
}

static char *
random_subset (const char * const *choices)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; choices[i]; i++)
    if (g_test_rand_bit ())
      g_string_append_printf (out, "%s%s", out->len ? "," : "", choices[i]);
  if (out->len == 0)
    g_string_append (out, choices[0]);
  return g_string_free (out, FALSE);
}

static void
add_record (CrDb       *db,
            const char *person,
            gboolean    minor,
            gboolean    guardian_on_person)
{
  static const char *statuses[] = { "not-requested", "requested", "signed", "signed", "verbal-noted",
                                    "recorded-on-camera", "declined", "withdrawn", "withdrawn", NULL };
  g_autoptr(CrRecord) c = cr_record_new (&cr_entity_consent);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2025-%02d-%02d", g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 29));
  const char *status = pick (statuses);

  cr_record_set (c, "participant", person);
  cr_record_set (c, "status", status);
  /* A quarter fall on one day, so that the order they were recorded in decides. */
  cr_record_set (c, "date", g_test_rand_int_range (0, 4) == 0 ? "2025-06-01" : date);
  if (cr_consent_is_grant (status))
    {
      g_autofree char *channels = random_subset (cr_consent_channels);
      g_autofree char *media = random_subset (cr_consent_media);

      cr_record_set (c, "channels", channels);
      cr_record_set (c, "media", media);
      cr_record_set (c, "naming", pick (cr_naming_levels));
      cr_record_set (c, "form_version", g_test_rand_bit () ? "v3" : NULL);
      if (g_test_rand_bit ())
        cr_record_set (c, "expires", pick ((const char *[]) { "2025-07-15", "2025-08-20", "2026-01-20", "2027-01-01", NULL }));
      if (g_str_equal (status, "verbal-noted"))
        cr_record_set (c, "notes", "said yes on the phone");
      if (minor && !guardian_on_person)
        {
          cr_record_set (c, "guardian_name", "B. Guardian");
          cr_record_set (c, "guardian_relationship", "aunt");
        }
    }
  else if (g_str_equal (status, "withdrawn") && g_test_rand_bit ())
    {
      g_autofree char *channels = random_subset (cr_consent_channels);

      cr_record_set (c, "withdrawal_scope", "part");
      cr_record_set (c, "channels", channels);
      if (g_test_rand_bit ())
        cr_record_set (c, "media", "audio,quotes");
    }
  /* A date after an expiry it names is refused; so is a minor's grant without a guardian. */
  if (!cr_store_insert (db, c, &error))
    g_assert_true (g_error_matches (error, CR_DB_ERROR, CR_DB_ERROR_INVALID));
}

static void
generate (void)
{
  g_autoptr(GError) error = NULL;

  db = test_new_production ();
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (cr_db_begin (db, &error));
  for (guint i = 0; i < PEOPLE; i++)
    {
      /* Names that share a spelling and differ only in case test the name order. */
      g_autofree char *name = g_strdup_printf ("%s %03d", g_test_rand_bit () ? "person" : "Person",
                                               g_test_rand_int_range (0, 400));
      g_autoptr(CrRecord) p = cr_record_new (&cr_entity_participant);
      gint32 kind = g_test_rand_int_range (0, 10);
      gboolean minor = kind < 3;
      gboolean guardian_on_person = kind == 1;
      g_autofree char *id_text = NULL;
      guint n = g_test_rand_int_range (0, 7);
      gint64 id;

      cr_record_set (p, "name", name);
      cr_record_set (p, "kind", pick ((const char *[]) { "interviewee", "crew", "contact", NULL }));
      if (kind == 0)
        cr_record_set (p, "minor", "1");
      else if (minor)
        /* Turns 18 on 2025-09-10: a minor on some dates asked about, an adult on others. */
        cr_record_set (p, "date_of_birth", g_test_rand_bit () ? "2007-09-10" : "2014-04-04");
      if (guardian_on_person)
        {
          cr_record_set (p, "guardian_name", "A. Parent");
          cr_record_set (p, "guardian_relationship", "father");
        }
      id = cr_store_insert (db, p, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      for (guint r = 0; r < n; r++)
        add_record (db, id_text, minor, guardian_on_person);
      if (kind == 9)
        {
          /* Found to be a minor after consenting as an adult: no guardian on the record. */
          g_autofree char *sql = g_strdup_printf ("UPDATE participant SET minor = 1 WHERE id = %s", id_text);
          g_assert_true (cr_db_exec (db, sql, &error));
        }
    }
  g_assert_true (cr_db_commit (db, &error));

  /* Some ask to be erased: their consent stays, and nobody can confirm it any more. */
  for (guint i = 0; i < ids->len; i += 50)
    {
      g_assert_true (cr_participant_erase (db, g_array_index (ids, gint64, i), &error));
      g_assert_no_error (error);
    }
}

/* The per-person answers for everyone on a date, by id. */
static GHashTable *
one_by_one (const char *date)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) cr_consent_state_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      CrConsentState *s = cr_consent_current (db, g_array_index (ids, gint64, i), date, &error);

      g_assert_no_error (error);
      g_hash_table_insert (table, &s->participant, s);
    }
  return table;
}

/* Everyone on a date, by id and in name order, against the per-person answers. */
static void
check_everyone (const char *date,
                guint      *problems,
                guint      *partly,
                guint      *minors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = one_by_one (date);
  g_autoptr(GHashTable) many = cr_consent_current_many (db, NULL, date, &error);
  g_autoptr(GPtrArray) all = cr_consent_current_all (db, date, &error);
  GHashTableIter iter;
  gpointer value;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (many), ==, ids->len);
  g_assert_cmpuint (all->len, ==, ids->len);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const CrConsentState *one = value;

      assert_same_state (one, g_hash_table_lookup (many, &one->participant));
      problems[one->problem]++;
      *partly += one->partly_withdrawn;
      *minors += one->minor;
    }
  /* Everyone once, in name order as SQLite's NOCASE sees it, then by id. */
  for (guint i = 0; i < all->len; i++)
    {
      const CrConsentState *s = g_ptr_array_index (all, i);

      assert_same_state (g_hash_table_lookup (expected, &s->participant), s);
      g_assert_true (g_hash_table_remove (expected, &s->participant));
      if (i > 0)
        {
          const CrConsentState *prev = g_ptr_array_index (all, i - 1);
          int c = g_ascii_strcasecmp (prev->name, s->name);

          g_assert_true (c < 0 || (c == 0 && prev->participant < s->participant));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
}

static void
test_everyone (void)
{
  guint problems[CR_CONSENT_ERASED + 1] = { 0 };
  guint partly = 0, minors = 0;

  for (guint d = 0; dates[d]; d++)
    check_everyone (dates[d], problems, &partly, &minors);
  /* The production gave every answer the rule has. */
  for (guint k = CR_CONSENT_OK; k <= CR_CONSENT_ERASED; k++)
    if (problems[k] == 0)
      g_error ("no one whose consent is %s", cr_consent_problem_to_string (k));
  g_assert_cmpuint (partly, >, 0);
  g_assert_cmpuint (minors, >, 0);
}

static gint64
count_of (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The summary the triggers keep (0011) is what the history says, row for row, after
 * records added out of date order and erasures; and the dates asked about above are
 * answered both from it and from the history. */
static void
test_kept_summary (void)
{
  g_assert_cmpint (count_of ("SELECT count (*) FROM (SELECT * FROM consent_now EXCEPT SELECT * FROM consent_now_of)"),
                   ==, 0);
  g_assert_cmpint (count_of ("SELECT count (*) FROM (SELECT * FROM consent_now_of EXCEPT SELECT * FROM consent_now)"),
                   ==, 0);
  g_assert_cmpint (count_of ("SELECT count (*) FROM consent_now"), ==,
                   count_of ("SELECT count (DISTINCT participant) FROM consent"));
  g_assert_cmpint (count_of ("SELECT count (*) FROM consent_now WHERE latest_date > '2025-06-01'"), >, 0);
  g_assert_cmpint (count_of ("SELECT count (*) FROM consent_now WHERE latest_date <= '2025-06-01'"), >, 0);
  /* Erased people's guardians went from the summary as from their records. */
  g_assert_cmpint (count_of ("SELECT count (*) FROM consent_now n JOIN participant p ON p.id = n.participant"
                             " WHERE p.erased_at IS NOT NULL AND (instr (n.facts, CAST ('B. Guardian' AS BLOB))"
                             " OR instr (ifnull (n.grant_facts, x''), CAST ('B. Guardian' AS BLOB)))"), ==, 0);
  g_assert_cmpint (count_of ("SELECT count (*) FROM consent_now n JOIN participant p ON p.id = n.participant"
                             " WHERE p.erased_at IS NULL AND (instr (n.facts, CAST ('B. Guardian' AS BLOB))"
                             " OR instr (ifnull (n.grant_facts, x''), CAST ('B. Guardian' AS BLOB)))"), >, 0);
  g_assert_cmpint (count_of ("SELECT count (*) FROM participant WHERE erased_at IS NOT NULL"), >, 0);

  /* A summary row not as 0011 writes it (a damaged file, another program) is not trusted:
   * that person is answered from the history. */
  {
    g_autoptr(GError) error = NULL;
    gint64 id = count_of ("SELECT min (participant) FROM consent_now");
    g_autofree char *sql = g_strdup_printf ("UPDATE consent_now SET facts = x'31', grant_facts = NULL"
                                            " WHERE participant = %" G_GINT64_FORMAT, id);
    g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GHashTable) many = NULL;
    g_autoptr(CrConsentState) expected = cr_consent_current (db, id, dates[4], &error);

    g_assert_no_error (error);
    g_assert_true (cr_db_exec (db, sql, &error));
    g_array_append_val (one, id);
    many = cr_consent_current_many (db, one, dates[4], &error);
    g_assert_no_error (error);
    assert_same_state (g_hash_table_lookup (many, &id), expected);
    g_assert_true (cr_db_exec (db, "REPLACE INTO consent_now SELECT * FROM consent_now_of", &error));
  }
}

/* Everyone's consent is read on two connections side by side, but only where the second
 * one sees what the first sees: inside a transaction its uncommitted changes are in the
 * answer (one connection reads), and a commit between the two reads is noticed. */
static void
test_two_connections (void)
{
  g_autoptr(GError) error = NULL;
  gint64 id = g_array_index (ids, gint64, 1);
  g_autofree char *rename = g_strdup_printf ("UPDATE participant SET name = 'Zz Renamed' WHERE id = %" G_GINT64_FORMAT, id);
  g_autoptr(CrDb) other = cr_db_open (cr_db_get_path (db), &error);
  CrDb *reader = cr_db_get_reader (db);
  CrConsentNowReading *reading;
  g_autoptr(CrConsentNowRows) rows = NULL;
  guint problems[CR_CONSENT_ERASED + 1] = { 0 };
  guint partly = 0, minors = 0;

  g_assert_no_error (error);
  g_assert_nonnull (reader);

  /* Not yet committed: seen by this connection only. */
  g_assert_true (cr_db_begin (db, &error));
  g_assert_null (cr_db_get_reader (db));
  g_assert_true (cr_db_exec (db, rename, &error));
  {
    g_autoptr(GPtrArray) all = cr_consent_current_all (db, dates[4], &error);
    const CrConsentState *last;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, ids->len);
    last = g_ptr_array_index (all, all->len - 1);
    g_assert_cmpint (last->participant, ==, id);
    g_assert_cmpstr (last->name, ==, "Zz Renamed");
  }
  cr_db_rollback (db);
  /* On one connection, the same answers as on two. */
  g_assert_true (cr_db_begin (db, &error));
  check_everyone (dates[2], problems, &partly, &minors);
  cr_db_rollback (db);
  g_assert_cmpuint (problems[CR_CONSENT_OK], >, 0);

  /* Nothing committed meanwhile: the rows, all of them. */
  reading = cr_consent_now_reading_start (reader);
  g_assert_nonnull (reading);
  rows = cr_consent_now_reading_finish (reading);
  g_assert_nonnull (rows);
  g_assert_cmpint (rows->rows->len, ==, count_of ("SELECT count (*) FROM consent_now"));
  g_clear_pointer (&rows, cr_consent_now_rows_free);

  /* A commit by another connection after the read took its snapshot: not one snapshot
   * with what is read next, so no rows. */
  reading = cr_consent_now_reading_start (reader);
  g_assert_nonnull (reading);
  {
    g_autofree char *note = g_strdup_printf ("UPDATE participant SET notes = 'seen' WHERE id = %" G_GINT64_FORMAT, id);

    cr_db_exec (other, note, &error);
    g_assert_no_error (error);
  }
  rows = cr_consent_now_reading_finish (reading);
  g_assert_null (rows);
  /* And the next read, with nothing in between, is whole again. */
  reading = cr_consent_now_reading_start (reader);
  rows = cr_consent_now_reading_finish (reading);
  g_assert_nonnull (rows);
}

/* Ids far apart (a production that once had many more people) are found as well. */
static void
test_sparse_ids (void)
{
  g_autoptr(GError) error = NULL;
  guint problems[CR_CONSENT_ERASED + 1] = { 0 };
  guint partly = 0, minors = 0;
  gint64 far = 5000000;

  g_assert_true (cr_db_exec (db, "INSERT INTO participant (id, name, kind) VALUES (5000000, 'Aaron Far', 'crew');"
                                 "INSERT INTO consent (participant, status, date, channels, media, naming)"
                                 " VALUES (5000000, 'signed', '2025-02-02', 'internal', 'video', 'full-name')",
                             &error));
  g_array_append_val (ids, far);
  check_everyone ("2025-06-01", problems, &partly, &minors);
  g_assert_cmpuint (problems[CR_CONSENT_OK], >, 0);
}

/* Some people, asked about with repeats and with an id that names nobody (left out). */
static void
test_some (void)
{
  g_autoptr(GArray) asked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) many = NULL;
  g_autoptr(GError) error = NULL;
  gint64 nobody = g_array_index (ids, gint64, ids->len - 1) + 1000;

  for (guint i = 0; i < 250; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, g_test_rand_int_range (0, (gint32) ids->len));
      g_array_append_val (asked, *id);
      g_hash_table_add (distinct, id);
    }
  g_array_append_val (asked, nobody);
  /* Nobody asked about: nobody answered. */
  {
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GHashTable) empty = cr_consent_current_many (db, none, dates[0], &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (empty), ==, 0);
  }
  for (guint d = 0; dates[d]; d++)
    {
      expected = one_by_one (dates[d]);
      many = cr_consent_current_many (db, asked, dates[d], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_hash_table_size (many), ==, g_hash_table_size (distinct));
      g_assert_null (g_hash_table_lookup (many, &nobody));
      for (guint i = 0; i + 1 < asked->len; i++)
        {
          gint64 id = g_array_index (asked, gint64, i);
          assert_same_state (g_hash_table_lookup (expected, &id), g_hash_table_lookup (many, &id));
        }
      g_clear_pointer (&expected, g_hash_table_unref);
      g_clear_pointer (&many, g_hash_table_unref);
    }
}

/* Consent that ends within 30 days: exactly the usable consent with an expiry in the window,
 * soonest first. */
static void
test_expiring (void)
{
  g_autoptr(GError) error = NULL;
  guint found = 0;

  for (guint d = 0; dates[d]; d++)
    {
      g_autoptr(GHashTable) expected = one_by_one (dates[d]);
      g_autoptr(GPtrArray) soon = cr_consent_expiring (db, dates[d], 30, &error);
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *iso = g_strconcat (dates[d], "T00:00:00Z", NULL);
      g_autofree char *until = NULL;
      guint want = 0;
      GHashTableIter iter;
      gpointer value;

      g_assert_no_error (error);
      day = g_date_time_new_from_iso8601 (iso, NULL);
      {
        g_autoptr(GDateTime) last = g_date_time_add_days (day, 30);
        until = g_date_time_format (last, "%Y-%m-%d");
      }
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const CrConsentState *one = value;
          want += one->problem == CR_CONSENT_OK && one->expires && strcmp (one->expires, until) <= 0;
        }
      g_assert_cmpuint (soon->len, ==, want);
      for (guint i = 0; i < soon->len; i++)
        {
          const CrConsentState *s = g_ptr_array_index (soon, i);

          assert_same_state (g_hash_table_lookup (expected, &s->participant), s);
          g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
          g_assert_cmpstr (s->expires, >=, dates[d]);
          g_assert_cmpstr (s->expires, <=, until);
          if (i > 0)
            g_assert_cmpstr (((CrConsentState *) g_ptr_array_index (soon, i - 1))->expires, <=, s->expires);
        }
      found += soon->len;
    }
  g_assert_cmpuint (found, >, 0);
}

/* Who is in each event of a cut: the select's people first, then the clip's, then its
 * interview's, each person once where first linked; an event with nobody is kept, empty. */
static void
test_event_people (void)
{
  g_autoptr(CrDb) cut_db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const CrEventPeople *e;
  gboolean made;

  made = cr_db_exec (cut_db,
    "INSERT INTO participant (id, name, kind) VALUES (1, 'Ana', 'interviewee'), (2, 'Ben', 'interviewee'),"
    " (3, 'Cleo', 'interviewee'), (4, 'Dev', 'crew');"
    "INSERT INTO interview (id, title, starts_at, ends_at, time_zone) VALUES (1, 'Ana and Cleo', '2025-03-01T10:00:00Z',"
    " '2025-03-01T11:00:00Z', 'Europe/London');"
    "INSERT INTO interview_participant (interview, participant, position) VALUES (1, 3, 1), (1, 1, 2);"
    "INSERT INTO clip (id, path, name, size, mtime_us, interview) VALUES (1, '/m/a.mov', 'a.mov', 1, 1, 1),"
    " (2, '/m/b.mov', 'b.mov', 1, 1, NULL);"
    "UPDATE clip SET no_person = 1 WHERE id = 2;"
    "INSERT INTO clip_participant (clip, participant, position) VALUES (1, 2, 1), (1, 1, 2);"
    "INSERT INTO selection (id, clip, in_frame, out_frame) VALUES (1, 1, 0, 10), (2, 1, 20, 30);"
    "INSERT INTO selection_participant (selection, participant, position) VALUES (1, 4, 1), (1, 2, 2);"
    "INSERT INTO cut (id, name, frame_rate) VALUES (1, 'Answers', '25/1');"
    "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame) VALUES"
    " (1, 3, 1, 1, 0, 10), (1, 1, NULL, 2, 0, 5), (1, 2, 2, 1, 20, 30)", &error);
  g_assert_no_error (error);
  g_assert_true (made);

  events = cr_cut_event_people (cut_db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  /* 1: a clip showing nobody identifiable, linked to nobody. */
  e = g_ptr_array_index (events, 0);
  g_assert_cmpuint (e->position, ==, 1);
  g_assert_cmpint (e->clip, ==, 2);
  g_assert_true (e->no_person);
  g_assert_cmpuint (e->people->len, ==, 0);
  /* 2: a select naming nobody: the clip's people (Ben, Ana), then the interview's new one (Cleo). */
  e = g_ptr_array_index (events, 1);
  g_assert_cmpuint (e->position, ==, 2);
  g_assert_false (e->no_person);
  g_assert_cmpuint (e->people->len, ==, 3);
  g_assert_cmpint (g_array_index (e->people, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (e->people, gint64, 1), ==, 1);
  g_assert_cmpint (g_array_index (e->people, gint64, 2), ==, 3);
  /* 3: the select's (Dev, Ben), then the clip's Ana (Ben already in), then Cleo. */
  e = g_ptr_array_index (events, 2);
  g_assert_cmpuint (e->position, ==, 3);
  g_assert_cmpuint (e->people->len, ==, 4);
  g_assert_cmpint (g_array_index (e->people, gint64, 0), ==, 4);
  g_assert_cmpint (g_array_index (e->people, gint64, 1), ==, 2);
  g_assert_cmpint (g_array_index (e->people, gint64, 2), ==, 1);
  g_assert_cmpint (g_array_index (e->people, gint64, 3), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/consent-set/everyone", test_everyone);
  g_test_add_func ("/consent-set/some", test_some);
  g_test_add_func ("/consent-set/kept-summary", test_kept_summary);
  g_test_add_func ("/consent-set/expiring", test_expiring);
  g_test_add_func ("/consent-set/sparse-ids", test_sparse_ids);
  g_test_add_func ("/consent-set/two-connections", test_two_connections);
  g_test_add_func ("/consent-set/event-people", test_event_people);
  generate ();
  rc = g_test_run ();
  g_clear_pointer (&db, cr_db_close);
  g_array_unref (ids);
  return rc;
}
