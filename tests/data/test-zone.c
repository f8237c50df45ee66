/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-zone"

#include "config.h"
#include "../cr-test-support.h"

#include "cr-zone.h"

static GTimeZone *
zone (const char *identifier)
{
  g_autoptr(GError) error = NULL;
  GTimeZone *tz = cr_zone_new (identifier, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tz);
  return tz;
}

static char *
utc_iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Converts @local in @tzid and checks the UTC result and the way back. */
static void
assert_local (const char *tzid,
              const char *local,
              const char *expected_utc,
              const char *expected_back)
{
  g_autoptr(GTimeZone) tz = zone (tzid);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = cr_zone_parse_local (local, tz, &error);
  g_autofree char *iso = NULL;
  g_autofree char *back = NULL;

  g_assert_no_error (error);
  iso = utc_iso (utc);
  g_assert_cmpstr (iso, ==, expected_utc);
  g_assert_cmpint (g_time_zone_get_offset (g_date_time_get_timezone (utc), 0), ==, 0);
  back = cr_zone_format_local (utc, tz);
  g_assert_cmpstr (back, ==, expected_back);
}

static void
test_names (void)
{
  const char *unknown[] = { "Europe/Londn", "Mars/Olympus", "ABC3", "../etc/passwd",
                            "/usr/share/zoneinfo/Europe/London", "Europe//London", "Europe/" };
  g_autoptr(GTimeZone) london = zone ("Europe/London");

  g_assert_cmpstr (g_time_zone_get_identifier (london), ==, "Europe/London");
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = cr_zone_new (unknown[i], &error);
      g_autofree char *expected = g_strdup_printf ("unknown time zone \"%s\" (expected an IANA "
                                                   "name such as Europe/London)", unknown[i]);

      g_assert_null (tz);
      g_assert_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_UNKNOWN);
      g_assert_cmpstr (error->message, ==, expected);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *utc_names[] = { NULL, "", "utc" };
      g_autoptr(GTimeZone) tz = zone (utc_names[i]);

      g_assert_true (cr_zone_is_utc (utc_names[i]));
      g_assert_cmpint (g_time_zone_get_offset (tz, 0), ==, 0);
    }
  g_assert_false (cr_zone_is_utc ("Etc/UTC"));
}

static void
test_local_to_utc (void)
{
  assert_local ("Europe/London", "2026-03-29 10:00", "2026-03-29T09:00:00Z", "2026-03-29 10:00");
  assert_local ("Europe/London", "2026-03-29T00:59:59", "2026-03-29T00:59:59Z",
                "2026-03-29 00:59:59");
  assert_local ("Europe/London", "2026-03-29 02:00", "2026-03-29T01:00:00Z", "2026-03-29 02:00");
  assert_local ("Europe/London", "  2026-01-15 09:30  ", "2026-01-15T09:30:00Z",
                "2026-01-15 09:30");
  assert_local ("America/New_York", "2026-07-04 12:00", "2026-07-04T16:00:00Z",
                "2026-07-04 12:00");
  assert_local ("Asia/Kolkata", "2026-03-29 10:00", "2026-03-29T04:30:00Z", "2026-03-29 10:00");
  assert_local ("UTC", "2026-03-29 10:00", "2026-03-29T10:00:00Z", "2026-03-29 10:00");
  /* Ambiguous: the clocks show 01:30 twice on 2026-10-25; the first (BST) is chosen. */
  assert_local ("Europe/London", "2026-10-25 01:30", "2026-10-25T00:30:00Z", "2026-10-25 01:30");
  assert_local ("America/New_York", "2026-11-01 01:15", "2026-11-01T05:15:00Z",
                "2026-11-01 01:15");
}

static void
test_ambiguous_both (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(GDateTime) fields = g_date_time_new_utc (2026, 10, 25, 1, 30, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2026, 10, 25, 1, 30, 0);
  g_autofree char *shown = cr_zone_format_local (second, tz);
  gint64 utc[2];

  g_assert_cmpuint (cr_zone_resolve_local (tz, g_date_time_to_unix (fields), utc), ==, 2);
  g_assert_cmpint (utc[0], ==, g_date_time_to_unix (fields) - 3600);
  g_assert_cmpint (utc[1], ==, g_date_time_to_unix (fields));
  /* The second occurrence formats the same wall time. */
  g_assert_cmpstr (shown, ==, "2026-10-25 01:30");
}

static void
test_nonexistent (void)
{
  const struct { const char *tzid, *local, *message; } cases[] = {
    { "Europe/London", "2026-03-29 01:00",
      "2026-03-29 01:00 does not exist in Europe/London: the clocks go forward from 01:00 to 02:00" },
    { "Europe/London", "2026-03-29 01:59:59",
      "2026-03-29 01:59 does not exist in Europe/London: the clocks go forward from 01:00 to 02:00" },
    { "America/New_York", "2026-03-08 02:30",
      "2026-03-08 02:30 does not exist in America/New_York: the clocks go forward from 02:00 to 03:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = zone (cases[i].tzid);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) utc = cr_zone_parse_local (cases[i].local, tz, &error);

      g_assert_null (utc);
      g_assert_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_NONEXISTENT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_syntax (void)
{
  const char *bad[] = { "", "2026-03-29", "29/03/2026 10:00", "2026-3-29 10:00",
                        "2026-03-29 10:00:0", "2026-03-29 10:00 BST", "2026-03-29x10:00" };
  const char *invalid[] = { "2026-02-30 10:00", "2026-13-01 10:00", "2026-03-29 24:00",
                            "2026-03-29 10:60" };
  g_autoptr(GTimeZone) tz = zone ("Europe/London");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) utc = cr_zone_parse_local (bad[i], tz, &error);
      g_autofree char *expected = g_strdup_printf ("\"%s\" is not a local time; expected "
                                                   "YYYY-MM-DD HH:MM", bad[i]);

      g_assert_null (utc);
      g_assert_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) utc = cr_zone_parse_local (invalid[i], tz, &error);

      g_assert_null (utc);
      g_assert_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_SYNTAX);
      g_assert_true (g_str_has_suffix (error->message, "is not a valid date and time"));
    }
}

/* The changes GTimeZone knows, found by searching, at the instants tzdata gives. */
static void
test_transitions (void)
{
  const struct { const char *tzid; gint64 utc; gint32 before, after; gboolean dst; const char *abbr; } expected[] = {
    { "Europe/London", 1774746000, 0, 3600, TRUE, "BST" },           /* 2026-03-29 01:00Z */
    { "Europe/London", 1792890000, 3600, 0, FALSE, "GMT" },          /* 2026-10-25 01:00Z */
    { "America/New_York", 1772953200, -18000, -14400, TRUE, "EDT" }, /* 2026-03-08 07:00Z */
    { "America/New_York", 1793512800, -14400, -18000, FALSE, "EST" },/* 2026-11-01 06:00Z */
  };
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);

  for (guint z = 0; z < G_N_ELEMENTS (expected); z += 2)
    {
      g_autoptr(GTimeZone) tz = zone (expected[z].tzid);
      g_autoptr(GArray) list = cr_zone_list_transitions (tz, g_date_time_to_unix (from),
                                                         g_date_time_to_unix (to));
      CrZoneTransition before;

      g_assert_cmpuint (list->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          const CrZoneTransition *t = &g_array_index (list, CrZoneTransition, i);

          g_assert_cmpint (t->utc, ==, expected[z + i].utc);
          g_assert_cmpint (t->offset_before, ==, expected[z + i].before);
          g_assert_cmpint (t->offset_after, ==, expected[z + i].after);
          g_assert_cmpint (t->is_dst, ==, expected[z + i].dst);
          g_assert_cmpstr (t->abbreviation, ==, expected[z + i].abbr);
        }
      /* At the very second of a change, that change is the one in force. */
      g_assert_true (cr_zone_transition_before (tz, expected[z].utc, &before));
      g_assert_cmpint (before.utc, ==, expected[z].utc);
      g_assert_true (cr_zone_transition_before (tz, expected[z].utc - 1, &before));
      g_assert_cmpint (before.utc, <, expected[z].utc - 86400 * 100);
      g_assert_cmpint (before.offset_after, ==, expected[z].before);
    }
}

static void
test_no_transitions (void)
{
  g_autoptr(GTimeZone) fixed = zone ("Etc/GMT-3");
  g_autoptr(GTimeZone) tokyo = zone ("Asia/Tokyo");
  g_autoptr(GArray) none = cr_zone_list_transitions (tokyo, 0, G_GINT64_CONSTANT (2000000000));
  CrZoneTransition last;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (cr_zone_transition_before (fixed, G_GINT64_CONSTANT (1800000000), &last));
  /* Japan last changed in September 1951. */
  g_assert_true (cr_zone_transition_before (tokyo, G_GINT64_CONSTANT (1800000000), &last));
  g_assert_cmpint (last.offset_after, ==, 9 * 3600);
  g_assert_cmpint (last.utc, <, 0);
  g_assert_cmpint (last.utc, >, G_GINT64_CONSTANT (-600000000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone/names", test_names);
  g_test_add_func ("/zone/local-to-utc", test_local_to_utc);
  g_test_add_func ("/zone/ambiguous", test_ambiguous_both);
  g_test_add_func ("/zone/nonexistent", test_nonexistent);
  g_test_add_func ("/zone/syntax", test_syntax);
  g_test_add_func ("/zone/transitions", test_transitions);
  g_test_add_func ("/zone/no-transitions", test_no_transitions);
  return g_test_run ();
}
