/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-consent-summary"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-consent-summary.h"
#include "cr-store.h"

static gint64
add (CrDb           *db,
     const CrEntity *entity,
     ...)
{
  g_autoptr(CrRecord) record = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  gint64 id;

  va_start (args, entity);
  while ((field = va_arg (args, const char *)))
    cr_record_set (record, field, va_arg (args, const char *));
  va_end (args);
  id = cr_store_insert (db, record, &error);
  g_assert_no_error (error);
  return id;
}

static void
consent (CrDb       *db,
         gint64      person,
         const char *status,
         const char *date)
{
  g_autofree char *who = g_strdup_printf ("%" G_GINT64_FORMAT, person);

  if (g_str_equal (status, "signed"))
    add (db, &cr_entity_consent, "participant", who, "status", status, "date", date,
         "channels", "all", "media", "all", "naming", "full-name", NULL);
  else
    add (db, &cr_entity_consent, "participant", who, "status", status, "date", date, NULL);
}

/* Interviewees only, counted on the date asked about, the first problems kept in name
 * order; the same answer as asking cr_consent_current () one by one. */
static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-summary-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.casereel", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(CrDb) db = cr_db_create (path, "Summary", &error);
  g_autoptr(CrConsentSummary) summary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 ana, ben, cleo, dev;

  g_assert_no_error (error);
  ana = add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  ben = add (db, &cr_entity_participant, "name", "Ben", "kind", "interviewee", NULL);
  cleo = add (db, &cr_entity_participant, "name", "Cleo", "kind", "interviewee", NULL);
  dev = add (db, &cr_entity_participant, "name", "Dev", "kind", "interviewee", NULL);
  add (db, &cr_entity_participant, "name", "Eve", "kind", "crew", NULL);      /* not counted */
  consent (db, ana, "signed", "2026-01-10");
  consent (db, ben, "requested", "2026-01-10");
  consent (db, cleo, "signed", "2026-01-10");
  consent (db, cleo, "withdrawn", "2026-02-01");
  (void) dev;                                                                 /* nothing yet */

  summary = cr_consent_summary (db, "2026-03-01", 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_people, ==, 4);
  g_assert_cmpuint (summary->n_problems, ==, 3);
  g_assert_cmpuint (summary->problems->len, ==, 2);
  g_assert_cmpstr (((CrConsentState *) g_ptr_array_index (summary->problems, 0))->name, ==, "Ben");
  g_assert_cmpint (((CrConsentState *) g_ptr_array_index (summary->problems, 0))->problem, ==, CR_CONSENT_PENDING);
  g_assert_cmpstr (((CrConsentState *) g_ptr_array_index (summary->problems, 1))->name, ==, "Cleo");
  g_assert_cmpint (((CrConsentState *) g_ptr_array_index (summary->problems, 1))->problem, ==, CR_CONSENT_WITHDRAWN);
  g_clear_pointer (&summary, cr_consent_summary_free);

  /* Before the withdrawal Cleo was fine. */
  summary = cr_consent_summary (db, "2026-01-20", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_problems, ==, 2);
  g_clear_pointer (&summary, cr_consent_summary_free);

  /* A cancelled scan says so and returns nothing. */
  g_cancellable_cancel (cancellable);
  g_assert_null (cr_consent_summary (db, NULL, 10, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_pointer (&db, cr_db_close);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/consent/summary", test_summary);
  return g_test_run ();
}
