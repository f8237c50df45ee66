/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The consent rule over real (generated) footage, each case in a production built for it:
 * a clip linked to a withdrawn person, a clip linked only through its interview, nobody
 * linked, a partial withdrawal, an override in the delivery log, a withdrawal's impact,
 * erasure down to the file's bytes, the set-based query against the per-person path, and
 * ids that are never reused after the migration. */
#include "config.h"
#include "../cr-test-support.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/wait.h>

#include "consent-fixture.h"
#include "cr-data-resources.h"
#include "../data/consent-state-assert.h"
#include "cr-consent-current.h"
#include "cr-consent-erase.h"
#include "cr-consent-impact.h"
#include "cr-csv.h"
#include "cr-cut.h"
#include "cr-delivery.h"
#include "cr-indexer.h"
#include "cr-suggest.h"
#include "media-fixtures.h"

static char *root;
static char *card;

/* A production with the card's two clips (one.mov, two.mov: 2 s at 25 fps, no timecode). */
static CrDb *
production (const char *name)
{
  CrDb *db = consent_fixture_new (root, name);
  const char *folders[] = { card, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 2);
  return db;
}

static gint64
clip_id (CrDb       *db,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) clip = cr_store_find (db, &cr_entity_clip, name, &error);

  g_assert_no_error (error);
  return clip->id;
}

static gint64
person (CrDb       *db,
        const char *name)
{
  return consent_fixture_add (db, &cr_entity_participant, "name", name, "kind", "interviewee", NULL);
}

static void
signed_all (CrDb       *db,
            const char *who,
            const char *date)
{
  consent_fixture_add (db, &cr_entity_consent, "participant", who, "status", "signed", "date", date,
                       "channels", "all", "media", "all", "naming", "full-name", NULL);
}

static void
withdrawn (CrDb       *db,
           const char *who,
           const char *date)
{
  consent_fixture_add (db, &cr_entity_consent, "participant", who, "status", "withdrawn", "date", date, NULL);
}

static gint64
select_on (CrDb       *db,
           const char *clip,
           const char *in,
           const char *out,
           const char *label,
           const char *people)
{
  return consent_fixture_add (db, &cr_entity_select, "clip", clip, "in_frame", in, "out_frame", out, "label", label,
                              "participants", people ? people : "", NULL);
}

static gint64
new_cut (CrDb       *db,
         const char *name)
{
  return consent_fixture_add (db, &cr_entity_cut, "name", name, "frame_rate", "25", NULL);
}

static void
add_event (CrDb   *db,
           gint64  cut,
           gint64  select,
           gint64  clip,
           gint64  in,
           gint64  out)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cr_cut_add_event (db, cut, select, clip, in, out, 0, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
}

static GPtrArray *
check (CrDb       *db,
       gint64      cut,
       const char *channel)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = cr_cut_check (db, cut, channel, "2026-06-01", &error);

  g_assert_no_error (error);
  return rows;
}

static CrClearance *
row_at (GPtrArray *rows,
        guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static char *
out_path (const char *name)
{
  return g_build_filename (root, name, NULL);
}

static char *
spawn_out (const char * const *argv,
           int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &wait, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (exit_status)
    *exit_status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
  return out;
}

static void
test_withdrawn_clip_select_without_people (void)
{
  g_autoptr(CrDb) db = production ("withdrawn.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edl = out_path ("withdrawn.edl");
  g_autofree char *report = g_strconcat (edl, ".clearance.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(CrCsvTable) table = NULL;
  gint64 ana = person (db, "Ana Silva");
  gint64 one = clip_id (db, "one.mov");
  gint64 sel, cut;

  signed_all (db, "Ana Silva", "2026-01-01");
  withdrawn (db, "Ana Silva", "2026-02-01");
  consent_fixture_set (db, &cr_entity_clip, one, "participants", "Ana Silva");
  sel = select_on (db, "one.mov", "0", "10", "the first visit", NULL);
  cut = new_cut (db, "Answers");
  add_event (db, cut, sel, 0, 0, 0);
  add_event (db, cut, 0, one, 0, 10);   /* the same frames as a plain clip range */

  rows = check (db, cut, "website");
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (row_at (rows, i)->event, ==, i + 1);
      g_assert_cmpstr (row_at (rows, i)->participant, ==, "Ana Silva");
      g_assert_cmpint (row_at (rows, i)->participant_id, ==, ana);
      g_assert_cmpstr (row_at (rows, i)->problem, ==, "consent withdrawn");
      g_assert_cmpint (row_at (rows, i)->reason, ==, CR_CLEARANCE_WITHDRAWN);
    }
  g_assert_cmpuint (cr_clearance_count_problems (rows), ==, 2);

  /* Export is refused and writes nothing; the report's rows name her; nothing is logged as
   * delivered. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (cr_cut_export (db, cut, CR_EXPORT_EDL, NULL, edl, "website", FALSE, &rows, &error));
  g_assert_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (edl, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  text = cr_clearance_to_csv (rows);
  table = cr_csv_table_parse (text, strlen (text), NULL);
  g_assert_cmpuint (cr_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "participant"), ==, "Ana Silva");
  g_assert_cmpstr (cr_csv_table_lookup (table, 0, "cleared"), ==, "no");
  g_assert_cmpstr (cr_csv_table_lookup (table, 1, "participant"), ==, "Ana Silva");
  g_assert_cmpstr (cr_csv_table_lookup (table, 1, "problem"), ==, "consent withdrawn");
  log = cr_delivery_list (db, &error);
  g_assert_cmpuint (log->len, ==, 0);
}

static void
test_linked_through_interview (void)
{
  g_autoptr(CrDb) db = production ("interview.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GArray) linked = NULL;
  CrSuggestion link = { 0 };
  gint64 bea = person (db, "Bea Lund");
  gint64 two = clip_id (db, "two.mov");
  gint64 interview, sel, cut;

  interview = consent_fixture_add (db, &cr_entity_interview, "title", "At the hall", "start", "2026-03-29 10:00",
                                   "end", "2026-03-29 11:00", "time_zone", "Europe/London",
                                   "participants", "Bea Lund", NULL);
  consent_fixture_add (db, &cr_entity_consent, "participant", "Bea Lund", "status", "signed", "date", "2026-01-01",
                       "channels", "internal", "media", "all", "naming", "first-name", NULL);
  sel = select_on (db, "two.mov", "5", "15", "hands", NULL);
  cut = new_cut (db, "Interview");
  add_event (db, cut, sel, 0, 0, 0);

  /* Linked to the interview only (as clip suggest did before): she is in it all the same. */
  consent_fixture_set (db, &cr_entity_clip, two, "interview", "1");
  rows = check (db, cut, "website");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_at (rows, 0)->participant, ==, "Bea Lund");
  g_assert_cmpstr (row_at (rows, 0)->problem, ==, "consent does not cover the channel website");
  g_assert_cmpint (row_at (rows, 0)->reason, ==, CR_CLEARANCE_CHANNEL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = check (db, cut, "internal");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_at (rows, 0)->participant, ==, "Bea Lund");
  g_assert_null (row_at (rows, 0)->problem);

  /* Applying a suggestion links the interview's people to the clip too. */
  consent_fixture_set (db, &cr_entity_clip, two, "interview", "");
  link = (CrSuggestion) { .clip = two, .kind = (char *) "interview", .target = interview };
  g_ptr_array_add (suggestions, &link);
  g_assert_true (cr_suggest_apply (db, suggestions, &error));
  g_assert_no_error (error);
  clip = cr_store_get (db, &cr_entity_clip, two, &error);
  g_assert_cmpint (cr_record_get_int (clip, "interview", 0), ==, interview);
  linked = cr_record_get_ids (clip, "participants");
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (g_array_index (linked, gint64, 0), ==, bea);
}

static void
test_nobody_and_no_person (void)
{
  g_autoptr(CrDb) db = production ("nobody.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  gint64 one = clip_id (db, "one.mov");
  gint64 cut = new_cut (db, "Exteriors");

  add_event (db, cut, 0, one, 0, 25);
  rows = check (db, cut, "website");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_null (row_at (rows, 0)->participant);
  g_assert_cmpstr (row_at (rows, 0)->problem, ==, "nobody identified");
  g_assert_cmpint (row_at (rows, 0)->reason, ==, CR_CLEARANCE_NOBODY);
  g_clear_pointer (&rows, g_ptr_array_unref);

  consent_fixture_set (db, &cr_entity_clip, one, "no_person", "yes");
  rows = check (db, cut, "website");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_null (row_at (rows, 0)->problem);
  g_assert_cmpint (row_at (rows, 0)->reason, ==, CR_CLEARANCE_OK);
  csv = cr_clearance_to_csv (rows);
  g_assert_nonnull (strstr (csv, ",(no identifiable person),,,yes,"));
}

/* A timeline read before another process added an event: the check refuses rather than
 * pass over the event it does not know (a withdrawn person is in it). */
static void
test_changed_meanwhile (void)
{
  g_autoptr(CrDb) db = production ("meanwhile.casereel");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 one = clip_id (db, "one.mov");
  gint64 cut = new_cut (db, "Answers");

  person (db, "Ruth");
  signed_all (db, "Ruth", "2026-01-10");
  withdrawn (db, "Ruth", "2026-02-01");
  consent_fixture_set (db, &cr_entity_clip, one, "no_person", "yes");
  add_event (db, cut, 0, one, 0, 25);
  timeline = cr_cut_build_timeline_plain (db, cut, &error);
  g_assert_no_error (error);
  rows = cr_cut_check_timeline (db, cut, timeline, "website", "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_clearance_count_problems (rows), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  add_event (db, cut, select_on (db, "two.mov", "0", "25", "Ruth's answer", "Ruth"), clip_id (db, "two.mov"), 0, 25);
  rows = cr_cut_check_timeline (db, cut, timeline, "website", "2026-06-01", &error);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed while it was being checked"));
  g_assert_null (rows);
}

static void
test_partial_withdrawal (void)
{
  g_autoptr(CrDb) db = production ("partial.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edl = out_path ("partial.edl");
  g_autofree char *summary = NULL;
  gint64 cy = person (db, "Cy Tan");
  gint64 cut;

  signed_all (db, "Cy Tan", "2026-01-01");
  consent_fixture_add (db, &cr_entity_consent, "participant", "Cy Tan", "status", "withdrawn", "date", "2026-02-01",
                       "withdrawal_scope", "part", "channels", "internal,website,funder-report,broadcast", NULL);
  select_on (db, "one.mov", "0", "10", "cy", "Cy Tan");
  cut = new_cut (db, "Partial");
  add_event (db, cut, 1, 0, 0, 0);

  rows = check (db, cut, "social-media");
  g_assert_cmpstr (row_at (rows, 0)->problem, ==, "consent does not cover the channel social-media");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = check (db, cut, "funder-report");
  g_assert_cmpstr (row_at (rows, 0)->participant, ==, "Cy Tan");
  g_assert_null (row_at (rows, 0)->problem);

  /* A file for the funder is not reached by a withdrawal from social media; the footage is. */
  g_assert_true (cr_cut_export (db, cut, CR_EXPORT_EDL, NULL, edl, "funder-report", FALSE, NULL, &error));
  g_assert_no_error (error);
  impact = cr_consent_impact (db, cy, "2026-06-01", &error);
  g_assert_no_error (error);
  summary = cr_consent_impact_summary (impact);
  g_assert_cmpstr (summary, ==, "1 clip, 1 select, 1 cut event in 1 cut, 0 delivered files");
}

static char *
sha256_of (const char *path)
{
  const char *argv[] = { "sha256sum", path, NULL };
  g_autofree char *out = spawn_out (argv, NULL);

  return g_strndup (out, 64);
}

static void
test_override_recorded (void)
{
  g_autoptr(CrDb) db = production ("override.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edl = out_path ("override.edl");
  g_autofree char *warning = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  CrDelivery *d;
  CrDeliveryPerson *p;
  gint64 ana = person (db, "Ana Silva");
  gint64 cut;

  person (db, "Ben Ode");
  signed_all (db, "Ana Silva", "2026-01-01");
  withdrawn (db, "Ana Silva", "2026-02-01");
  signed_all (db, "Ben Ode", "2026-01-01");
  select_on (db, "one.mov", "0", "10", "both", "Ana Silva\nBen Ode");
  cut = new_cut (db, "Override");
  add_event (db, cut, 1, 0, 0, 0);

  g_assert_true (cr_cut_export (db, cut, CR_EXPORT_EDL, NULL, edl, "website", TRUE, &rows, &error));
  g_assert_no_error (error);
  warning = cr_clearance_override_warning (rows);
  g_assert_cmpstr (warning, ==, "warning: consent overridden: event 1 (one.mov 00:00:00:00–00:00:00:10): "
                                "Ana Silva: consent withdrawn\n");

  log = cr_delivery_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  d = g_ptr_array_index (log, 0);
  file = g_file_new_for_path (edl);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  sha = sha256_of (edl);
  g_assert_cmpstr (d->path, ==, edl);
  g_assert_cmpint (d->size, ==, g_file_info_get_size (info));
  g_assert_cmpstr (d->sha256, ==, sha);
  g_assert_cmpstr (d->kind, ==, "export");
  g_assert_cmpstr (d->format, ==, "edl");
  g_assert_cmpint (d->cut, ==, cut);
  g_assert_cmpstr (d->cut_name, ==, "Override");
  g_assert_cmpstr (d->channel, ==, "website");
  g_assert_true (d->override);
  g_assert_cmpuint (d->people->len, ==, 2);
  p = g_ptr_array_index (d->people, 0);
  g_assert_cmpint (p->participant, ==, ana);
  g_assert_cmpstr (p->name, ==, "Ana Silva");
  g_assert_cmpstr (p->problem, ==, "consent withdrawn");
  p = g_ptr_array_index (d->people, 1);
  g_assert_cmpstr (p->name, ==, "Ben Ode");
  g_assert_null (p->problem);

  /* The log is append-only. */
  g_assert_false (cr_db_exec (db, "UPDATE delivery SET override = 0", &error));
  g_clear_error (&error);
  g_assert_false (cr_db_exec (db, "DELETE FROM delivery", &error));
  g_clear_error (&error);
}

/* A render goes through the same check and into the same log. */
static void
test_render_recorded (void)
{
  g_autoptr(CrDb) db = production ("render.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mp4 = out_path ("review.mp4");
  g_autofree char *sha = NULL;
  g_autofree char *probe = NULL;
  CrCutRenderOptions options = { .channel = "internal" };
  CrDelivery *d;
  gint64 cut;

  person (db, "Gil Park");
  signed_all (db, "Gil Park", "2026-01-01");
  select_on (db, "two.mov", "0", "10", "gil", "Gil Park");
  cut = consent_fixture_add (db, &cr_entity_cut, "name", "Review", "frame_rate", "25", "width", "160",
                             "height", "90", NULL);
  add_event (db, cut, 1, 0, 0, 0);
  withdrawn (db, "Gil Park", "2026-02-01");

  g_assert_false (cr_cut_render (db, cut, mp4, &options, NULL, NULL, NULL, &rows, &error));
  g_assert_error (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED);
  g_clear_error (&error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (g_file_test (mp4, G_FILE_TEST_EXISTS));

  options.allow_unconsented = TRUE;
  g_assert_true (cr_cut_render (db, cut, mp4, &options, NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", mp4, NULL };
    probe = spawn_out (argv, NULL);
  }
  g_assert_nonnull (strstr (probe, "h264"));
  log = cr_delivery_list (db, &error);
  g_assert_cmpuint (log->len, ==, 1);
  d = g_ptr_array_index (log, 0);
  sha = sha256_of (mp4);
  g_assert_cmpstr (d->kind, ==, "render");
  g_assert_cmpstr (d->format, ==, "mp4");
  g_assert_cmpstr (d->sha256, ==, sha);
  g_assert_cmpstr (d->channel, ==, "internal");
  g_assert_true (d->override);
  g_assert_cmpuint (d->people->len, ==, 1);
  g_assert_cmpstr (((CrDeliveryPerson *) g_ptr_array_index (d->people, 0))->problem, ==, "consent withdrawn");
}

static void
test_impact_exact_rows (void)
{
  g_autoptr(CrDb) db = production ("impact.casereel");
  g_autoptr(GPtrArray) impact = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edl = out_path ("impact.edl");
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  gint64 dan = person (db, "Dan Ruiz");
  gint64 s1, s2, s3, a, b;
  CrDelivery *d;

  person (db, "Eli Moss");
  signed_all (db, "Dan Ruiz", "2026-01-01");
  signed_all (db, "Eli Moss", "2026-01-01");
  consent_fixture_set (db, &cr_entity_clip, clip_id (db, "one.mov"), "participants", "Dan Ruiz");
  s1 = select_on (db, "one.mov", "0", "10", "door", NULL);              /* on his clip */
  s2 = select_on (db, "one.mov", "20", "30", "kitchen", "Dan Ruiz");
  s3 = select_on (db, "two.mov", "5", "15", "garden", "Dan Ruiz");       /* names him */
  select_on (db, "two.mov", "30", "40", "not him", "Eli Moss");
  a = new_cut (db, "A cut");
  add_event (db, a, s1, 0, 0, 0);
  add_event (db, a, s3, 0, 0, 0);
  add_event (db, a, 4, 0, 0, 0);
  b = new_cut (db, "B cut");
  add_event (db, b, s2, 0, 0, 0);
  g_assert_true (cr_cut_export (db, b, CR_EXPORT_EDL, NULL, edl, "website", FALSE, NULL, &error));
  g_assert_no_error (error);
  withdrawn (db, "Dan Ruiz", "2026-03-01");

  impact = cr_consent_impact (db, dan, NULL, &error);
  g_assert_no_error (error);
  log = cr_delivery_list (db, &error);
  d = g_ptr_array_index (log, 0);
  csv = cr_consent_impact_to_csv (impact);
  expected = g_strdup_printf (
    "kind,clip,path,source_in,source_out,select,label,cut,event,channel,delivered_at\r\n"
    "clip,one.mov,%s/one.mov,00:00:00:00,00:00:02:00,,,,,,\r\n"
    "clip,two.mov,%s/two.mov,00:00:00:00,00:00:02:00,,,,,,\r\n"
    "select,one.mov,%s/one.mov,00:00:00:00,00:00:00:10,%" G_GINT64_FORMAT ",door,,,,\r\n"
    "select,one.mov,%s/one.mov,00:00:00:20,00:00:01:05,%" G_GINT64_FORMAT ",kitchen,,,,\r\n"
    "select,two.mov,%s/two.mov,00:00:00:05,00:00:00:15,%" G_GINT64_FORMAT ",garden,,,,\r\n"
    "event,one.mov,%s/one.mov,00:00:00:00,00:00:00:10,%" G_GINT64_FORMAT ",,A cut,1,,\r\n"
    "event,two.mov,%s/two.mov,00:00:00:05,00:00:00:15,%" G_GINT64_FORMAT ",,A cut,2,,\r\n"
    "event,one.mov,%s/one.mov,00:00:00:20,00:00:01:05,%" G_GINT64_FORMAT ",,B cut,1,,\r\n"
    "delivery,,%s,,,,,B cut,,website,%s\r\n",
    card, card, card, s1, card, s2, card, s3, card, s1, card, s3, card, s2, edl, d->delivered_at);
  g_assert_cmpstr (csv, ==, expected);
  summary = cr_consent_impact_summary (impact);
  g_assert_cmpstr (summary, ==, "2 clips, 3 selects, 3 cut events in 2 cuts, 1 delivered file");
}

static char *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("");
  /* Searchable as text: NULs become spaces. */
  for (gsize i = 0; i < len; i++)
    if (data[i] == '\0')
      data[i] = ' ';
  return data;
}

/* How often grep finds the text in the file and its WAL, as a user would check. */
static guint
grep_count (const char *path,
            const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *files[] = { path, wal };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *argv[] = { "grep", "-c", "-a", "-F", needle, files[i], NULL };
      g_autofree char *out = NULL;
      int status;

      if (!g_file_test (files[i], G_FILE_TEST_EXISTS))
        continue;
      out = spawn_out (argv, &status);
      g_assert_cmpint (status, <=, 1);
      n += (guint) g_ascii_strtoull (out, NULL, 10);
    }
  return n;
}

static void
test_erasure (void)
{
  g_autoptr(CrDb) db = production ("erase.casereel");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cr_db_get_path (db));
  g_autofree char *dump = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *erased = NULL;
  const char *personal[] = { "Evelyn Sharpe", "evelyn.sharpe@example.org", "+44 7700 900777", "1961-04-05",
                             "evelyn-sharpe-form.pdf", "Grew up on Mill Lane" };
  g_autoptr(CrRecord) after = NULL;
  gint64 eve, cut;

  eve = consent_fixture_add (db, &cr_entity_participant, "name", "Evelyn Sharpe", "kind", "interviewee",
                             "email", "evelyn.sharpe@example.org", "phone", "+44 7700 900777",
                             "date_of_birth", "1961-04-05", "notes", "Grew up on Mill Lane", NULL);
  consent_fixture_add (db, &cr_entity_consent, "participant", "Evelyn Sharpe", "status", "signed",
                       "date", "2026-01-01", "channels", "all", "media", "all", "naming", "full-name",
                       "form_path", "/forms/evelyn-sharpe-form.pdf", NULL);
  withdrawn (db, "Evelyn Sharpe", "2026-02-01");
  consent_fixture_add (db, &cr_entity_interview, "title", "Evelyn Sharpe at the mill", "start", "2026-03-29 10:00",
                       "end", "2026-03-29 11:00", "time_zone", "Europe/London", "participants", "Evelyn Sharpe", NULL);
  select_on (db, "one.mov", "0", "10", "Evelyn Sharpe on the mill", "Evelyn Sharpe");
  cut = new_cut (db, "Mill");
  add_event (db, cut, 1, 0, 0, 0);
  /* Edits leave old copies of pages behind: the name was once something else too. */
  consent_fixture_set (db, &cr_entity_participant, eve, "notes", "Grew up on Mill Lane, Leeds");
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_cmpuint (grep_count (path, personal[i]), >, 0);

  g_assert_true (cr_participant_erase (db, eve, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      g_autofree char *bytes = file_bytes (path);
      if (grep_count (path, personal[i]) != 0 || strstr (bytes, personal[i]))
        g_error ("“%s” is still in %s after erasure", personal[i], path);
    }
  {
    const char *argv[] = { "sqlite3", path, ".dump", NULL };
    dump = spawn_out (argv, NULL);
  }
  g_assert_nonnull (strstr (dump, "CREATE TABLE"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (dump, personal[i]));

  erased = g_strdup_printf ("Erased participant %" G_GINT64_FORMAT, eve);
  after = cr_store_get (db, &cr_entity_participant, eve, &error);
  g_assert_cmpstr (cr_record_get (after, "name"), ==, erased);
  g_assert_nonnull (cr_record_get (after, "erased_at"));
  g_assert_nonnull (strstr (dump, "Erased participant"));

  /* The cut that showed her still fails, for the same reason. */
  rows = check (db, cut, "website");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_at (rows, 0)->participant, ==, erased);
  g_assert_cmpstr (row_at (rows, 0)->problem, ==, "consent withdrawn");

  /* The triggers allowed exactly that: history and the person stay as they are now. */
  sql = g_strdup_printf ("UPDATE consent SET status = 'signed' WHERE participant = %" G_GINT64_FORMAT, eve);
  g_assert_false (cr_db_exec (db, sql, &error));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE consent SET notes = 'x' WHERE participant = %" G_GINT64_FORMAT, eve);
  g_assert_false (cr_db_exec (db, sql, &error));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE participant SET email = 'e@example.org' WHERE id = %" G_GINT64_FORMAT, eve);
  g_assert_false (cr_db_exec (db, sql, &error));
  g_clear_error (&error);
  g_assert_false (cr_participant_erase (db, eve, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
}

/* ---- the set-based query against the per-person path ---- */

static const char *
pick (const char * const *choices)
{
  guint n = g_strv_length ((char **) choices);
  return choices[g_test_rand_int_range (0, n)];
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
test_set_based_matches_per_person (void)
{
  g_autoptr(CrDb) db = consent_fixture_new (root, "random.casereel");
  g_autoptr(GError) error = NULL;
  const char *dates[] = { "2025-01-15", "2025-06-01", "2025-09-30", "2026-03-01", NULL };
  guint problems[CR_CONSENT_ERASED + 1] = { 0 };

  g_assert_true (cr_db_begin (db, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04u", g_test_rand_int_range (0, 700));   /* some share a name */
      g_autofree char *id_text = NULL;
      gboolean minor = g_test_rand_int_range (0, 10) == 0;
      guint n = g_test_rand_int_range (0, 5);
      g_autoptr(CrRecord) p = cr_record_new (&cr_entity_participant);
      gint64 id;

      cr_record_set (p, "name", name);
      cr_record_set (p, "kind", pick ((const char *[]) { "interviewee", "crew", "contact", NULL }));
      if (minor)
        cr_record_set (p, "date_of_birth", g_test_rand_bit () ? "2015-05-05" : "2008-02-02");
      id = cr_store_insert (db, p, &error);
      g_assert_no_error (error);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      for (guint r = 0; r < n; r++)
        {
          static const char *statuses[] = { "not-requested", "requested", "signed", "verbal-noted",
                                            "recorded-on-camera", "declined", "withdrawn", NULL };
          g_autoptr(CrRecord) c = cr_record_new (&cr_entity_consent);
          g_autofree char *date = g_strdup_printf ("2025-%02d-%02d", g_test_rand_int_range (1, 13),
                                                   g_test_rand_int_range (1, 29));
          const char *status = pick (statuses);
          const char *day = g_test_rand_int_range (0, 4) == 0 ? "2025-06-01" : date;   /* same-day ties */

          cr_record_set (c, "participant", id_text);
          cr_record_set (c, "status", status);
          cr_record_set (c, "date", day);
          if (cr_consent_is_grant (status))
            {
              g_autofree char *channels = random_subset (cr_consent_channels);
              g_autofree char *media = random_subset (cr_consent_media);
              cr_record_set (c, "channels", channels);
              cr_record_set (c, "media", media);
              cr_record_set (c, "naming", pick (cr_naming_levels));
              cr_record_set (c, "form_version", g_test_rand_bit () ? "v2" : NULL);
              if (g_test_rand_bit ())
                cr_record_set (c, "expires", g_strcmp0 (day, "2025-08-01") < 0 && g_test_rand_bit () ? "2025-08-01" : "2027-01-01");
              if (g_str_equal (status, "verbal-noted"))
                cr_record_set (c, "notes", "said yes on the phone");
              if (minor)
                {
                  cr_record_set (c, "guardian_name", "A. Parent");
                  cr_record_set (c, "guardian_relationship", "mother");
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
          if (!cr_store_insert (db, c, &error))
            {
              g_autofree char *sql = NULL;

              /* A partial withdrawal that says more remains than was given, or with nothing
               * to withdraw from, is refused now; an older program wrote them, and both
               * reads must take them the same way. */
              if (!g_error_matches (error, CR_DB_ERROR, CR_DB_ERROR_INVALID) ||
                  g_strcmp0 (cr_record_get (c, "withdrawal_scope"), "part") != 0)
                g_error ("consent for %s: %s", name, error->message);
              g_clear_error (&error);
              sql = g_strdup_printf ("INSERT INTO consent (participant, status, date, withdrawal_scope, channels, media) "
                                     "VALUES (%s, 'withdrawn', '%s', 'part', '%s', %s%s%s)", id_text, day,
                                     cr_record_get (c, "channels"), cr_record_get (c, "media") ? "'" : "",
                                     cr_record_get (c, "media") ? cr_record_get (c, "media") : "NULL",
                                     cr_record_get (c, "media") ? "'" : "");
              g_assert_true (cr_db_exec (db, sql, &error));
              g_assert_no_error (error);
            }
        }
    }
  g_assert_true (cr_db_commit (db, &error));

  for (guint d = 0; dates[d]; d++)
    {
      g_autoptr(GHashTable) all = cr_consent_current_many (db, NULL, dates[d], &error);
      g_autoptr(GPtrArray) people = cr_store_list (db, &cr_entity_participant, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_hash_table_size (all), ==, 1000);
      for (guint i = 0; i < people->len; i++)
        {
          CrRecord *p = g_ptr_array_index (people, i);
          g_autoptr(CrConsentState) one = cr_consent_current (db, p->id, dates[d], &error);
          const CrConsentState *many = g_hash_table_lookup (all, &p->id);

          g_assert_nonnull (many);
          assert_same_state (one, many);
          problems[one->problem]++;
        }
    }
  /* The production exercises every answer the data can give. */
  for (guint k = CR_CONSENT_OK; k <= CR_CONSENT_EXPIRED; k++)
    g_assert_cmpuint (problems[k], >, 0);
}

/* ---- the migration: ids never reused, foreign keys and triggers intact ---- */

static void
exec_resource (sqlite3    *handle,
               const char *name)
{
  g_autofree char *path = g_strdup_printf ("/org/casereel/data/migrations/%s", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (cr_data_get_resource (), path, 0, NULL);
  g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_migration_keeps_links_and_never_reuses_ids (void)
{
  g_autofree char *path = out_path ("version4.casereel");
  g_autoptr(CrDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CrRecord) removed = NULL;
  const char *v4[] = { "0001-plan.sql", "0002-catalogue.sql", "0003-logging.sql", "0004-ignored-files.sql" };
  sqlite3 *handle = NULL;
  gint64 added, again;

  /* A production as the last release left it, with people linked everywhere. */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (v4); i++)
    exec_resource (handle, v4[i]);
  g_assert_cmpint (sqlite3_exec (handle,
    "PRAGMA application_id = 1129466929; PRAGMA user_version = 4; PRAGMA foreign_keys = ON;"
    "INSERT INTO production (id, title) VALUES (1, 'Old');"
    "INSERT INTO participant (id, name, kind) VALUES (1, 'Ana', 'interviewee'), (2, 'Ben', 'crew');"
    "INSERT INTO consent (participant, status, date) VALUES (1, 'requested', '2025-01-01');"
    "INSERT INTO clip (id, path, name, size, mtime_us) VALUES (7, '/c/a.mov', 'a.mov', 1, 1);"
    "INSERT INTO clip_participant VALUES (7, 1, 1);"
    "INSERT INTO selection (id, clip, in_frame, out_frame) VALUES (3, 7, 0, 10);"
    "INSERT INTO selection_participant VALUES (3, 2, 1);"
    "INSERT INTO cut (id, name, frame_rate) VALUES (5, 'Old cut', '25/1');"
    "INSERT INTO cut_event (cut, position, selection, clip, in_frame, out_frame) VALUES (5, 1, 3, 7, 0, 10);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = cr_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_db_get_schema_version (db), ==, cr_db_get_latest_version ());
  stmt = cr_db_prepare (db, "PRAGMA foreign_key_check", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = cr_db_prepare (db, "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM clip_participant),"
                            " (SELECT selection FROM cut_event WHERE cut = 5), (SELECT count(*) FROM consent)", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Foreign keys still hold the rebuilt tables: a linked person cannot go. */
  g_assert_false (cr_store_delete (db, &cr_entity_participant, 1, &error));
  g_clear_error (&error);
  /* The append-only trigger survived. */
  g_assert_false (cr_db_exec (db, "UPDATE consent SET status = 'signed'", &error));
  g_clear_error (&error);
  g_assert_false (cr_db_exec (db, "DELETE FROM consent", &error));
  g_clear_error (&error);

  /* The newest person removed: their id is not given to the next one. */
  added = consent_fixture_add (db, &cr_entity_participant, "name", "Cy", "kind", "contact", NULL);
  g_assert_true (cr_store_delete (db, &cr_entity_participant, added, &error));
  g_assert_no_error (error);
  again = consent_fixture_add (db, &cr_entity_participant, "name", "Di", "kind", "contact", NULL);
  g_assert_cmpint (again, >, added);
  removed = cr_store_get (db, &cr_entity_participant, added, &error);
  g_assert_null (removed);
  g_clear_error (&error);
  added = consent_fixture_add (db, &cr_entity_cut, "name", "New", "frame_rate", "25", NULL);
  g_assert_true (cr_store_delete (db, &cr_entity_cut, added, &error));
  g_assert_cmpint (consent_fixture_add (db, &cr_entity_cut, "name", "Newer", "frame_rate", "25", NULL), >, added);
}

static void
test_future_consent_refused (void)
{
  g_autoptr(CrDb) db = consent_fixture_new (root, "future.casereel");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_consent);
  g_autoptr(GError) error = NULL;

  person (db, "Fay");
  cr_record_set (input, "participant", "Fay");
  cr_record_set (input, "status", "requested");
  cr_record_set (input, "date", tomorrow);
  g_assert_cmpint (cr_store_insert (db, input, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "consent date: "));
  g_assert_nonnull (strstr (error->message, "is in the future"));
  g_assert_cmpint (cr_store_count (db, &cr_entity_consent, NULL, NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  root = cr_test_make_tmp ("casereel-consent-XXXXXX", NULL);
  card = g_build_filename (root, "card", NULL);
  g_mkdir_with_parents (card, 0755);
  g_free (fixture_video (card, "one.mov", "25", NULL, 2));
  g_free (fixture_video (card, "two.mov", "25", NULL, 2));

  g_test_add_func ("/consent/withdrawn-clip-select-without-people", test_withdrawn_clip_select_without_people);
  g_test_add_func ("/consent/linked-through-interview", test_linked_through_interview);
  g_test_add_func ("/consent/nobody-and-no-person", test_nobody_and_no_person);
  g_test_add_func ("/consent/changed-meanwhile", test_changed_meanwhile);
  g_test_add_func ("/consent/partial-withdrawal", test_partial_withdrawal);
  g_test_add_func ("/consent/override-recorded", test_override_recorded);
  g_test_add_func ("/consent/render-recorded", test_render_recorded);
  g_test_add_func ("/consent/impact-exact-rows", test_impact_exact_rows);
  g_test_add_func ("/consent/erasure", test_erasure);
  g_test_add_func ("/consent/set-based-matches-per-person", test_set_based_matches_per_person);
  g_test_add_func ("/consent/migration-ids-never-reused", test_migration_keeps_links_and_never_reuses_ids);
  g_test_add_func ("/consent/future-dated-refused", test_future_consent_refused);
  status = g_test_run ();
  consent_fixture_remove (root);
  g_free (card);
  g_free (root);
  return status;
}
