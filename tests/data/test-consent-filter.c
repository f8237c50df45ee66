/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-consent-filter"

/* Everyone sorted by where their consent stands on a date, as the People page's filter
 * shows them: each state's people in name order, crew without consent and the erased in
 * none, expiry counted to the last day of the window, later records not yet counted. */

#include "config.h"
#include "../cr-test-support.h"

#include "cr-consent-erase.h"
#include "cr-consent-filter.h"
#include "test-helpers.h"

static void
grant (CrDb       *db,
       const char *who,
       const char *date,
       const char *expires)
{
  test_add (db, &cr_entity_consent, "participant", who, "status", "signed", "date", date, "channels", "internal",
            "media", "video", "naming", "first-name", "expires", expires, NULL);
}

static char *
names (GPtrArray *people)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", ((CrConsentState *) g_ptr_array_index (people, i))->name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sorted (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrConsentSorted) sorted = NULL;
  static const char *expected[CR_CONSENT_N_FILTERS] = {
    [CR_CONSENT_FILTER_MISSING] = "Ana Reyes|Nell Ford",
    [CR_CONSENT_FILTER_REQUESTED] = "Jo Marsh",
    [CR_CONSENT_FILTER_SIGNED] = "Cy Dunn|Ed Stone",
    [CR_CONSENT_FILTER_EXPIRING] = "Di Lowe",
    [CR_CONSENT_FILTER_EXPIRED] = "Fay Hart",
    [CR_CONSENT_FILTER_WITHDRAWN] = "Lu Park|Mo Gray",
    [CR_CONSENT_FILTER_DECLINED] = "Kim Bell",
  };
  gint64 hal;

  for (const char * const *who = (const char * const[]) { "Ana Reyes", "Di Lowe", "Ed Stone", "Fay Hart", "Jo Marsh",
                                                          "Kim Bell", "Lu Park", "Mo Gray", "Nell Ford", NULL };
       *who; who++)
    test_add (db, &cr_entity_participant, "name", *who, "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Bo Quinn", "kind", "crew", NULL);      /* needs none */
  test_add (db, &cr_entity_participant, "name", "Cy Dunn", "kind", "crew", NULL);
  hal = test_add (db, &cr_entity_participant, "name", "Hal Roy", "kind", "interviewee", NULL);

  grant (db, "Cy Dunn", "2026-01-10", "2027-01-10");
  grant (db, "Di Lowe", "2026-01-10", "2026-07-01");    /* the window's last day: expiring */
  grant (db, "Ed Stone", "2026-01-10", "2026-07-02");   /* a day past it */
  grant (db, "Fay Hart", "2026-01-10", "2026-05-31");
  test_add (db, &cr_entity_consent, "participant", "Jo Marsh", "status", "requested", "date", "2026-05-01", NULL);
  grant (db, "Jo Marsh", "2026-07-15", "2027-07-15");   /* after the date asked about */
  test_add (db, &cr_entity_consent, "participant", "Kim Bell", "status", "declined", "date", "2026-05-01", NULL);
  grant (db, "Lu Park", "2026-01-10", "2027-01-10");
  test_add (db, &cr_entity_consent, "participant", "Lu Park", "status", "withdrawn", "date", "2026-05-01",
            "withdrawal_scope", "part", "media", "video", "channels", "internal", NULL);
  grant (db, "Mo Gray", "2026-01-10", "2027-01-10");
  test_add (db, &cr_entity_consent, "participant", "Mo Gray", "status", "withdrawn", "date", "2026-05-01", NULL);
  test_add (db, &cr_entity_consent, "participant", "Nell Ford", "status", "not-requested", "date", "2026-05-01", NULL);
  grant (db, "Hal Roy", "2026-01-10", "2027-01-10");
  g_assert_true (cr_participant_erase (db, hal, &error));
  g_assert_no_error (error);

  sorted = cr_consent_sort_by_filter (db, "2026-06-01", 30, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < CR_CONSENT_N_FILTERS; i++)
    {
      g_autofree char *got = names (sorted->people[i]);
      g_test_message ("%s: %s", cr_consent_filter_to_string (i), got);
      g_assert_cmpstr (got, ==, expected[i]);
    }

  /* A date that is not one is refused in words. */
  g_assert_null (cr_consent_sort_by_filter (db, "June", 30, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "June"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/consent/filter/sorted", test_sorted);
  return g_test_run ();
}
