/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-consent.h"
#include "test-helpers.h"

static CrConsentState *
state_on (CrDb       *db,
          gint64      person,
          const char *date)
{
  g_autoptr(GError) error = NULL;
  CrConsentState *s = cr_consent_current (db, person, date, &error);

  g_assert_no_error (error);
  return s;
}

static void
test_history_derives_current (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 ana = test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  g_autoptr(CrConsentState) s = NULL;
  g_autofree char *reason = NULL;

  s = state_on (db, ana, "2026-01-01");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_MISSING);
  g_clear_pointer (&s, cr_consent_state_free);

  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "requested", "date", "2026-01-05", NULL);
  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "signed", "date", "2026-01-10",
            "channels", "internal, website,funder report", "media", "video,audio", "naming", "first name",
            "expires", "2028-01-10", "form_version", "v2", "taken_by", "Priya", NULL);

  s = state_on (db, ana, "2026-01-07");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_PENDING);
  g_clear_pointer (&s, cr_consent_state_free);

  s = state_on (db, ana, "2026-06-01");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_assert_cmpstr (s->channels, ==, "internal,website,funder-report");
  g_assert_cmpstr (s->media, ==, "video,audio");
  g_assert_cmpstr (s->naming, ==, "first-name");
  g_assert_true (cr_consent_allows (s, "website", "video", NULL));
  g_assert_false (cr_consent_allows (s, "broadcast", "video", &reason));
  g_assert_nonnull (strstr (reason, "broadcast"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (cr_consent_allows (s, "website", "photo", &reason));
  g_clear_pointer (&s, cr_consent_state_free);

  /* Expiry: the day after. */
  s = state_on (db, ana, "2028-01-11");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_EXPIRED);
  g_clear_pointer (&s, cr_consent_state_free);

  /* Partial withdrawal keeps what it names; full withdrawal stops everything. */
  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "withdrawn", "date", "2026-07-01",
            "withdrawal_scope", "part", "channels", "internal", NULL);
  s = state_on (db, ana, "2026-07-02");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_assert_true (s->partly_withdrawn);
  g_assert_true (cr_consent_allows (s, "internal", "video", NULL));
  g_assert_false (cr_consent_allows (s, "website", "video", NULL));
  /* What it took away, in the grant's order; media it did not name are left as granted. */
  g_assert_cmpstr (s->withdrawn_channels, ==, "website,funder-report");
  g_assert_null (s->withdrawn_media);
  g_assert_cmpstr (s->media, ==, "video,audio");
  g_clear_pointer (&s, cr_consent_state_free);

  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "withdrawn", "date", "2026-08-01", NULL);
  s = state_on (db, ana, "2026-08-01");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_WITHDRAWN);
  g_assert_false (cr_consent_allows (s, NULL, NULL, NULL));
  g_assert_null (s->channels);   /* nothing may be used any more */
  g_assert_null (s->media);
  g_clear_pointer (&s, cr_consent_state_free);

  /* Looking back is still possible: the history is kept. */
  s = state_on (db, ana, "2026-06-30");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_assert_false (s->partly_withdrawn);
  g_assert_cmpint (cr_store_count (db, &cr_entity_consent, NULL, NULL), ==, 4);
}

/* A partial withdrawal only takes consent away: what it says remains must be within what
 * the consent covers on its date (the grant, or an earlier partial withdrawal's remains);
 * one in an older file that says more is read as no more than was granted. */
static void
test_partial_withdrawal_narrows (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 ana = test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  gint64 cai = test_add (db, &cr_entity_participant, "name", "Cai", "kind", "interviewee", NULL);
  g_autoptr(CrConsentState) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  test_add (db, &cr_entity_participant, "name", "Ben", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "signed", "date", "2026-01-10",
            "channels", "internal,website", "media", "video", "naming", "first-name", NULL);
  test_refused (db, &cr_entity_consent, "channels", "participant", "Ana", "status", "withdrawn", "date", "2026-02-01",
                "withdrawal_scope", "part", "channels", "internal,broadcast", NULL);
  test_refused (db, &cr_entity_consent, "media", "participant", "Ana", "status", "withdrawn", "date", "2026-02-01",
                "withdrawal_scope", "part", "media", "video,photo", NULL);
  /* Nobody gave Ben anything to withdraw part of; all of it is his to withdraw. */
  test_refused (db, &cr_entity_consent, "withdrawal_scope", "participant", "Ben", "status", "withdrawn",
                "date", "2026-02-01", "withdrawal_scope", "part", "channels", "internal", NULL);
  test_add (db, &cr_entity_consent, "participant", "Ben", "status", "withdrawn", "date", "2026-02-01",
            "withdrawal_scope", "all", NULL);

  /* Narrowed once, it cannot widen again without a new grant. */
  test_add (db, &cr_entity_consent, "participant", "Ana", "status", "withdrawn", "date", "2026-02-01",
            "withdrawal_scope", "part", "channels", "internal", NULL);
  test_refused (db, &cr_entity_consent, "channels", "participant", "Ana", "status", "withdrawn", "date", "2026-03-01",
                "withdrawal_scope", "part", "channels", "internal,website", NULL);
  s = state_on (db, ana, "2026-03-01");
  g_assert_cmpstr (s->channels, ==, "internal");
  g_clear_pointer (&s, cr_consent_state_free);

  /* As an older program wrote it, past the check. */
  test_add (db, &cr_entity_consent, "participant", "Cai", "status", "signed", "date", "2026-01-10",
            "channels", "internal,website", "media", "video", "naming", "first-name", NULL);
  sql = g_strdup_printf ("INSERT INTO consent (participant, status, date, withdrawal_scope, channels, media) "
                         "VALUES (%" G_GINT64_FORMAT ", 'withdrawn', '2026-02-01', 'part', 'internal,broadcast', "
                         "'video,photo')", cai);
  g_assert_true (cr_db_exec (db, sql, &error));
  g_assert_no_error (error);
  s = state_on (db, cai, "2026-03-01");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_assert_cmpstr (s->channels, ==, "internal");
  g_assert_cmpstr (s->media, ==, "video");
  g_assert_false (cr_consent_allows (s, "broadcast", "video", NULL));
  g_assert_false (cr_consent_allows (s, "internal", "photo", NULL));
  g_assert_true (cr_consent_allows (s, "internal", "video", NULL));
}

static void
test_declined (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 ben = test_add (db, &cr_entity_participant, "name", "Ben", "kind", "interviewee", NULL);
  g_autoptr(CrConsentState) s = NULL;

  test_add (db, &cr_entity_consent, "participant", "Ben", "status", "declined", "date", "2026-02-01", NULL);
  s = state_on (db, ben, "2026-03-01");
  g_assert_cmpint (s->problem, ==, CR_CONSENT_DECLINED);
}

static void
test_record_validation (void)
{
  g_autoptr(CrDb) db = test_new_production ();

  test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  test_refused (db, &cr_entity_consent, "participant", "status", "signed", NULL);
  test_refused (db, &cr_entity_consent, "participant", "participant", "Nobody", "status", "signed", NULL);
  test_refused (db, &cr_entity_consent, "status", "participant", "Ana", NULL);
  test_refused (db, &cr_entity_consent, "status", "participant", "Ana", "status", "maybe", NULL);
  test_refused (db, &cr_entity_consent, "channels", "participant", "Ana", "status", "signed",
                "media", "video", "naming", "anonymous", NULL);
  test_refused (db, &cr_entity_consent, "channels", "participant", "Ana", "status", "signed",
                "channels", "tv", "media", "video", "naming", "anonymous", NULL);
  test_refused (db, &cr_entity_consent, "media", "participant", "Ana", "status", "signed",
                "channels", "all", "naming", "anonymous", NULL);
  test_refused (db, &cr_entity_consent, "naming", "participant", "Ana", "status", "signed",
                "channels", "all", "media", "all", NULL);
  test_refused (db, &cr_entity_consent, "notes", "participant", "Ana", "status", "verbal-noted",
                "channels", "all", "media", "all", "naming", "full-name", NULL);
  test_refused (db, &cr_entity_consent, "expires", "participant", "Ana", "status", "signed", "date", "2026-05-01",
                "channels", "all", "media", "all", "naming", "full-name", "expires", "2026-04-01", NULL);
  test_refused (db, &cr_entity_consent, "date", "participant", "Ana", "status", "signed", "date", "01/05/2026",
                "channels", "all", "media", "all", "naming", "full-name", NULL);
  test_refused (db, &cr_entity_consent, "withdrawal_scope", "participant", "Ana", "status", "requested",
                "withdrawal_scope", "all", NULL);
  test_refused (db, &cr_entity_consent, "channels", "participant", "Ana", "status", "withdrawn",
                "withdrawal_scope", "part", NULL);
}

static void
test_append_only (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_consent);
  g_autoptr(GError) error = NULL;
  gint64 id;

  test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  id = test_add (db, &cr_entity_consent, "participant", "Ana", "status", "requested", NULL);
  cr_record_set (change, "status", "signed");
  g_assert_false (cr_store_update (db, &cr_entity_consent, id, change, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_delete (db, &cr_entity_consent, id, &error));
  g_clear_error (&error);
  /* Even SQL from outside cannot rewrite history. */
  g_assert_false (cr_db_exec (db, "UPDATE consent SET status = 'signed'", &error));
  g_clear_error (&error);
  g_assert_false (cr_db_exec (db, "DELETE FROM consent", &error));
  g_assert_cmpint (cr_store_count (db, &cr_entity_consent, NULL, NULL), ==, 1);
}

static void
test_minor_needs_guardian (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 kid, teen;
  g_autoptr(CrConsentState) s = NULL;
  g_autoptr(CrRecord) row = NULL;
  gint64 id;

  kid = test_add (db, &cr_entity_participant, "name", "Mia", "kind", "interviewee", "date_of_birth", "2015-04-01", NULL);
  test_refused (db, &cr_entity_consent, "guardian_name", "participant", "Mia", "status", "signed", "date", "2026-05-01",
                "channels", "website", "media", "video", "naming", "first-name", NULL);
  id = test_add (db, &cr_entity_consent, "participant", "Mia", "status", "signed", "date", "2026-05-01",
                 "channels", "website", "media", "video", "naming", "first-name",
                 "guardian_name", "Jo Brown", "guardian_relationship", "mother", NULL);
  s = state_on (db, kid, "2026-05-02");
  g_assert_true (s->minor);
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_assert_cmpstr (s->guardian_name, ==, "Jo Brown");
  g_clear_pointer (&s, cr_consent_state_free);
  (void) id;

  /* A guardian kept on the participant is copied onto the consent record. */
  teen = test_add (db, &cr_entity_participant, "name", "Sol", "kind", "interviewee", "minor", "yes",
                   "guardian_name", "Ray Sol", "guardian_relationship", "father", NULL);
  id = test_add (db, &cr_entity_consent, "participant", "Sol", "status", "signed", "date", "2026-05-01",
                 "channels", "internal", "media", "video", "naming", "anonymous", NULL);
  row = cr_store_get (db, &cr_entity_consent, id, NULL);
  g_assert_cmpstr (cr_record_get (row, "guardian_name"), ==, "Ray Sol");
  s = state_on (db, teen, NULL);
  g_assert_cmpint (s->problem, ==, CR_CONSENT_OK);
  g_clear_pointer (&s, cr_consent_state_free);

  /* Turning 18 ends being a minor. */
  s = state_on (db, kid, "2033-04-01");
  g_assert_false (s->minor);
  g_clear_pointer (&s, cr_consent_state_free);
  s = state_on (db, kid, "2033-03-31");
  g_assert_true (s->minor);
}

/* Every rule a record breaks, each in the words the store refuses with (the first is the
 * store's own refusal), so that a form can say them all as they are typed. */
static void
test_check_every (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) record = cr_record_new (&cr_entity_consent);
  g_autoptr(CrRecord) copy = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kid = NULL;
  static const char *expected[] = {
    "consent expires: must be after the consent date 2026-05-01",
    "consent channels: say what the consent covers (required when it is verbal-noted)",
    "consent media: say what the consent covers (required when it is verbal-noted)",
    "consent naming: say what the consent covers (required when it is verbal-noted)",
    "consent notes: write down what was said (required for verbal consent)",
    "consent guardian_name: Mia is a minor: record the guardian's name and relationship",
    "consent withdrawal_scope: only for a withdrawal",
  };

  kid = g_strdup_printf ("%" G_GINT64_FORMAT, test_add (db, &cr_entity_participant, "name", "Mia", "kind", "interviewee",
                                                         "date_of_birth", "2015-04-01", NULL));
  cr_record_set (record, "participant", kid);
  cr_record_set (record, "status", "verbal-noted");
  cr_record_set (record, "date", "2026-05-01");
  cr_record_set (record, "expires", "2026-04-01");
  cr_record_set (record, "withdrawal_scope", "part");
  copy = cr_record_copy (record);
  all = cr_consent_check_every (db, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (all, i))->message);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    {
      GError *e = g_ptr_array_index (all, i);
      g_assert_error (e, CR_DB_ERROR, CR_DB_ERROR_INVALID);
      g_assert_cmpstr (e->message, ==, expected[i]);
    }
  /* The store refuses with the first. */
  g_assert_false (cr_consent_check (db, copy, TRUE, &error));
  g_assert_cmpstr (error->message, ==, expected[0]);
  g_clear_error (&error);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* A record that keeps every rule breaks none. */
  g_clear_pointer (&record, cr_record_free);
  record = cr_record_new (&cr_entity_consent);
  cr_record_set (record, "participant", kid);
  cr_record_set (record, "status", "requested");
  cr_record_set (record, "date", "2026-05-01");
  all = cr_consent_check_every (db, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Nobody to check against: no list, the store's reason. */
  cr_record_set (record, "participant", "999");
  all = cr_consent_check_every (db, record, &error);
  g_assert_null (all);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/consent/history", test_history_derives_current);
  g_test_add_func ("/consent/declined", test_declined);
  g_test_add_func ("/consent/partial-withdrawal-narrows", test_partial_withdrawal_narrows);
  g_test_add_func ("/consent/validation", test_record_validation);
  g_test_add_func ("/consent/append-only", test_append_only);
  g_test_add_func ("/consent/minor", test_minor_needs_guardian);
  g_test_add_func ("/consent/check-every", test_check_every);
  return g_test_run ();
}
