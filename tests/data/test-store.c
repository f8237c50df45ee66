/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-record-format.h"
#include "test-helpers.h"

static void
test_participant_validation (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 id;
  g_autoptr(CrRecord) row = NULL;

  test_refused (db, &cr_entity_participant, "name", "kind", "crew", NULL);
  test_refused (db, &cr_entity_participant, "name", "name", "   ", "kind", "crew", NULL);
  test_refused (db, &cr_entity_participant, "kind", "name", "Ana", NULL);
  test_refused (db, &cr_entity_participant, "kind", "name", "Ana", "kind", "director", NULL);
  test_refused (db, &cr_entity_participant, "email", "name", "Ana", "kind", "crew", "email", "ana.example.org", NULL);
  test_refused (db, &cr_entity_participant, "email", "name", "Ana", "kind", "crew", "email", "a@b", NULL);
  test_refused (db, &cr_entity_participant, "phone", "name", "Ana", "kind", "crew", "phone", "call me", NULL);
  test_refused (db, &cr_entity_participant, "date_of_birth", "name", "Ana", "kind", "crew", "date_of_birth", "2010-02-30", NULL);
  test_refused (db, &cr_entity_participant, "date_of_birth", "name", "Ana", "kind", "crew", "date_of_birth", "2999-01-01", NULL);
  test_refused (db, &cr_entity_participant, "minor", "name", "Ana", "kind", "crew", "minor", "perhaps", NULL);
  test_refused (db, &cr_entity_participant, "name", "name", "Two\nlines", "kind", "crew", NULL);

  /* Case and separators in choices are forgiven; the stored form is canonical. */
  id = test_add (db, &cr_entity_participant, "name", "  Zoë Ødegård ", "kind", "Interviewee",
                 "email", "zoe@example.org", "phone", "+44 (0)20 7946 0000", "minor", "yes", NULL);
  row = cr_store_get (db, &cr_entity_participant, id, NULL);
  g_assert_cmpstr (cr_record_get (row, "name"), ==, "Zoë Ødegård");
  g_assert_cmpstr (cr_record_get (row, "kind"), ==, "interviewee");
  g_assert_cmpstr (cr_record_get (row, "minor"), ==, "1");
}

static void
test_update_and_delete (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 id = test_add (db, &cr_entity_participant, "name", "Ana", "kind", "crew", "email", "a@example.org", NULL);
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_participant);
  g_autoptr(CrRecord) bad = cr_record_new (&cr_entity_participant);
  g_autoptr(CrRecord) row = NULL;
  g_autoptr(GError) error = NULL;

  cr_record_set (changes, "role", "Camera");
  cr_record_set (changes, "email", "");   /* clears */
  g_assert_true (cr_store_update (db, &cr_entity_participant, id, changes, &error));
  g_assert_no_error (error);
  row = cr_store_get (db, &cr_entity_participant, id, NULL);
  g_assert_cmpstr (cr_record_get (row, "role"), ==, "Camera");
  g_assert_null (cr_record_get (row, "email"));
  g_assert_cmpstr (cr_record_get (row, "name"), ==, "Ana");

  /* A bad change changes nothing, not even the good fields beside it. */
  cr_record_set (bad, "role", "Sound");
  cr_record_set (bad, "kind", "boss");
  g_assert_false (cr_store_update (db, &cr_entity_participant, id, bad, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&row, cr_record_free);
  row = cr_store_get (db, &cr_entity_participant, id, NULL);
  g_assert_cmpstr (cr_record_get (row, "role"), ==, "Camera");

  /* Unknown fields are named. */
  g_hash_table_remove_all (bad->values);
  cr_record_set (bad, "shoe_size", "9");
  g_assert_false (cr_store_update (db, &cr_entity_participant, id, bad, &error));
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_clear_error (&error);

  g_assert_true (cr_store_delete (db, &cr_entity_participant, id, &error));
  g_assert_null (cr_store_get (db, &cr_entity_participant, id, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
}

static void
test_delete_in_use_refused (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  gint64 ana = test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  g_autoptr(GError) error = NULL;

  test_add (db, &cr_entity_shot, "number", "1", "participants", "Ana", NULL);
  g_assert_false (cr_store_delete (db, &cr_entity_participant, ana, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ana"));
  g_assert_cmpint (cr_store_count (db, &cr_entity_participant, NULL, NULL), ==, 1);
}

static void
test_location_and_question_validation (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) q = NULL;
  gint64 first, second;

  test_refused (db, &cr_entity_location, "name", "address", "1 High St", NULL);
  test_refused (db, &cr_entity_location, "time_zone", "name", "Hall", "time_zone", "Mars/Olympus", NULL);
  test_refused (db, &cr_entity_location, "release_status", "name", "Hall", "release_status", "maybe", NULL);
  test_refused (db, &cr_entity_location, "contact_phone", "name", "Hall", "contact_phone", "none", NULL);
  test_add (db, &cr_entity_location, "name", "Hall", "time_zone", "Europe/London",
            "address", "1 High Street\nLeeds", "release_status", "signed", NULL);
  /* A second place of the same name, in any case, could not be told apart. */
  test_refused (db, &cr_entity_location, "name", "name", "hall", NULL);
  {
    gint64 yard = test_add (db, &cr_entity_location, "name", "Yard", NULL);
    g_autoptr(CrRecord) rename = cr_record_new (&cr_entity_location);
    g_autoptr(CrRecord) same = cr_record_new (&cr_entity_location);
    g_autoptr(GError) error = NULL;

    cr_record_set (rename, "name", "HALL");
    g_assert_false (cr_store_update (db, &cr_entity_location, yard, rename, &error));
    g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "location name: “HALL” is already the name of another location");
    g_clear_error (&error);
    /* Its own name again is no clash. */
    cr_record_set (same, "name", "yard");
    g_assert_true (cr_store_update (db, &cr_entity_location, yard, same, &error));
    g_assert_no_error (error);
  }

  test_refused (db, &cr_entity_question, "text", "topic", "Intro", NULL);
  test_refused (db, &cr_entity_question, "position", "text", "Why?", "position", "first", NULL);
  first = test_add (db, &cr_entity_question, "text", "Who are you?", NULL);
  second = test_add (db, &cr_entity_question, "text", "What changed?", NULL);
  q = cr_store_get (db, &cr_entity_question, second, NULL);
  g_assert_cmpint (cr_record_get_int (q, "position", 0), >, 0);
  g_clear_pointer (&q, cr_record_free);
  q = cr_store_get (db, &cr_entity_question, first, NULL);
  g_assert_cmpint (cr_record_get_int (q, "position", 0), <, 2);
}

static void
test_interview_validation (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) row = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *local = NULL;
  gint64 id, ana, ben, q1, q2;

  ana = test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  ben = test_add (db, &cr_entity_participant, "name", "Ben", "kind", "crew", NULL);
  q1 = test_add (db, &cr_entity_question, "text", "First?", NULL);
  q2 = test_add (db, &cr_entity_question, "text", "Second?", NULL);
  test_add (db, &cr_entity_location, "name", "Hall", "time_zone", "Europe/London", NULL);

  test_refused (db, &cr_entity_interview, "title", "start", "2026-05-01 10:00", "end", "2026-05-01 11:00", NULL);
  test_refused (db, &cr_entity_interview, "start", "title", "A", "end", "2026-05-01 11:00", NULL);
  test_refused (db, &cr_entity_interview, "start", "title", "A", "start", "tomorrow", "end", "2026-05-01 11:00", NULL);
  test_refused (db, &cr_entity_interview, "end", "title", "A", "start", "2026-05-01 10:00", "end", "2026-05-01 09:00", NULL);
  test_refused (db, &cr_entity_interview, "time_zone", "title", "A", "start", "2026-05-01 10:00",
                "end", "2026-05-01 11:00", "time_zone", "Nowhere/Else", NULL);
  test_refused (db, &cr_entity_interview, "location", "title", "A", "start", "2026-05-01 10:00",
                "end", "2026-05-01 11:00", "location", "Moon", NULL);
  test_refused (db, &cr_entity_interview, "participants", "title", "A", "start", "2026-05-01 10:00",
                "end", "2026-05-01 11:00", "participants", "Ana\nNobody", NULL);
  test_refused (db, &cr_entity_interview, "status", "title", "A", "start", "2026-05-01 10:00",
                "end", "2026-05-01 11:00", "status", "postponed", NULL);
  /* 01:30 on the day British clocks go forward never happens. */
  test_refused (db, &cr_entity_interview, "start", "title", "A", "start", "2026-03-29 01:30",
                "end", "2026-03-29 03:00", "time_zone", "Europe/London", NULL);

  /* The zone comes from the location; the times are stored in UTC. */
  id = test_add (db, &cr_entity_interview, "title", "Ana", "start", "2026-05-01 10:00", "end", "2026-05-01 11:15",
                 "location", "hall", "participants", "Ana", "crew", "Ben", "questions", "#2\n1", NULL);
  row = cr_store_get (db, &cr_entity_interview, id, NULL);
  g_assert_cmpstr (cr_record_get (row, "time_zone"), ==, "Europe/London");
  g_assert_cmpstr (cr_record_get (row, "start"), ==, "2026-05-01T09:00:00Z");
  g_assert_cmpstr (cr_record_get (row, "end"), ==, "2026-05-01T10:15:00Z");
  local = cr_record_local_time (row, "start", "%H:%M");
  g_assert_cmpstr (local, ==, "10:00");
  ids = cr_record_get_ids (row, "questions");
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, q2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, q1);
  g_assert_cmpint (cr_record_get_int (row, "participants", 0), ==, ana);
  g_assert_cmpint (cr_record_get_int (row, "crew", 0), ==, ben);
}

/* What people type is a shot's number: "1" is the shot numbered 1 even when another shot has id
 * 1; "#1" is the id. A number no shot has falls back to the id. */
static void
test_find_by_number_then_id (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = test_add (db, &cr_entity_shot, "number", "7", NULL);
  gint64 numbered_one = test_add (db, &cr_entity_shot, "number", "1", NULL);

  g_assert_cmpint (first, ==, 1);
  found = cr_store_find (db, &cr_entity_shot, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, numbered_one);
  g_clear_pointer (&found, cr_record_free);
  found = cr_store_find (db, &cr_entity_shot, "#1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, first);
  g_clear_pointer (&found, cr_record_free);
  found = cr_store_find (db, &cr_entity_shot, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, numbered_one);
  g_clear_pointer (&found, cr_record_free);
  g_assert_null (cr_store_find (db, &cr_entity_shot, "#3", &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
}

static void
test_shot_validation (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) row = NULL;
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_shot);
  g_autoptr(GError) error = NULL;
  gint64 a;

  test_refused (db, &cr_entity_shot, "number", "description", "Wide of the hall", NULL);
  test_refused (db, &cr_entity_shot, "type", "number", "1", "type", "aerial", NULL);
  test_refused (db, &cr_entity_shot, "size", "number", "1", "size", "huge", NULL);
  test_refused (db, &cr_entity_shot, "duration", "number", "1", "duration", "a while", NULL);
  test_refused (db, &cr_entity_shot, "priority", "number", "1", "priority", "urgent", NULL);
  test_refused (db, &cr_entity_shot, "interview", "number", "1", "interview", "No such", NULL);
  a = test_add (db, &cr_entity_shot, "number", "4A", "type", "B-Roll", "size", "WS", "duration", "1:30", NULL);
  test_refused (db, &cr_entity_shot, "number", "number", "4a", NULL);
  test_add (db, &cr_entity_shot, "number", "4B", "duration", "90s", NULL);

  row = cr_store_get (db, &cr_entity_shot, a, NULL);
  g_assert_cmpstr (cr_record_get (row, "type"), ==, "b-roll");
  g_assert_cmpstr (cr_record_get (row, "size"), ==, "ws");
  g_assert_cmpstr (cr_record_get (row, "duration"), ==, "90");
  g_assert_cmpstr (cr_record_get (row, "status"), ==, "planned");

  /* Renumbering onto another shot's number is refused; onto its own is fine. */
  cr_record_set (change, "number", "4B");
  g_assert_false (cr_store_update (db, &cr_entity_shot, a, change, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  cr_record_set (change, "number", "4a");
  g_assert_true (cr_store_update (db, &cr_entity_shot, a, change, &error));
}

static void
test_production_edit (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_production);
  g_autoptr(CrRecord) row = NULL;
  g_autoptr(GError) error = NULL;

  cr_record_set (change, "frame_rate", "29.97");
  cr_record_set (change, "record_start", "00:59:50;00");
  g_assert_true (cr_store_update (db, &cr_entity_production, 1, change, &error));
  row = cr_store_get (db, &cr_entity_production, 1, NULL);
  g_assert_cmpstr (cr_record_get (row, "frame_rate"), ==, "30000/1001");

  g_hash_table_remove_all (change->values);
  cr_record_set (change, "frame_rate", "0");
  g_assert_false (cr_store_update (db, &cr_entity_production, 1, change, &error));
  g_assert_nonnull (strstr (error->message, "production frame_rate:"));
  g_clear_error (&error);
  g_hash_table_remove_all (change->values);
  cr_record_set (change, "record_start", "25:00:00:00");
  g_assert_false (cr_store_update (db, &cr_entity_production, 1, change, &error));
  g_assert_nonnull (strstr (error->message, "production record_start:"));
  g_clear_error (&error);
  g_hash_table_remove_all (change->values);
  cr_record_set (change, "title", "");
  g_assert_false (cr_store_update (db, &cr_entity_production, 1, change, &error));
  g_assert_nonnull (strstr (error->message, "production title:"));
}

static void
test_list_pages (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GPtrArray) page = NULL;
  CrQuery query = { 0 };

  g_assert_true (cr_db_begin (db, NULL));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04d", i);
      test_add (db, &cr_entity_participant, "name", name, "kind", i % 3 ? "interviewee" : "crew", NULL);
    }
  g_assert_true (cr_db_commit (db, NULL));

  g_assert_cmpint (cr_store_count (db, &cr_entity_participant, NULL, NULL), ==, 1000);
  query.offset = 500;
  query.limit = 10;
  page = cr_store_list (db, &cr_entity_participant, &query, NULL);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpstr (cr_record_get (g_ptr_array_index (page, 0), "name"), ==, "Person 0500");
  g_clear_pointer (&page, g_ptr_array_unref);

  query = (CrQuery) { .search = "person 09", .field = "kind", .value = "crew" };
  g_assert_cmpint (cr_store_count (db, &cr_entity_participant, &query, NULL), ==, 34);
  page = cr_store_list (db, &cr_entity_participant, &query, NULL);
  g_assert_cmpuint (page->len, ==, 34);
  g_assert_cmpstr (cr_record_get (g_ptr_array_index (page, 0), "name"), ==, "Person 0900");
}

static void
test_find_by_name_or_id (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) row = NULL;
  gint64 a = test_add (db, &cr_entity_participant, "name", "Sam", "kind", "crew", NULL);

  test_add (db, &cr_entity_participant, "name", "sam", "kind", "contact", NULL);
  g_assert_null (cr_store_find (db, &cr_entity_participant, "SAM", &error));
  g_assert_nonnull (strstr (error->message, "more than one"));
  g_clear_error (&error);
  row = cr_store_find (db, &cr_entity_participant, "#1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->id, ==, a);
  g_clear_pointer (&row, cr_record_free);

  /* Search finds people by what else you remember of them. */
  test_add (db, &cr_entity_participant, "name", "Priya", "kind", "crew", "organisation", "Fieldnotes Films",
            "email", "priya@films.example", NULL);
  {
    CrQuery by_org = { .search = "FIELDNOTES" };
    CrQuery by_mail = { .search = "films.example" };
    CrQuery none = { .search = "nobody" };
    g_assert_cmpint (cr_store_count (db, &cr_entity_participant, &by_org, NULL), ==, 1);
    g_assert_cmpint (cr_store_count (db, &cr_entity_participant, &by_mail, NULL), ==, 1);
    g_assert_cmpint (cr_store_count (db, &cr_entity_participant, &none, NULL), ==, 0);
  }
  row = cr_store_find (db, &cr_entity_participant, "#1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->id, ==, a);
  g_clear_pointer (&row, cr_record_free);

  /* A location by the title of an interview held there or a shot planned there; an
   * interview by a shot planned in it. */
  {
    gint64 hall = test_add (db, &cr_entity_location, "name", "Riverside Community Hall", NULL);
    gint64 library = test_add (db, &cr_entity_location, "name", "Northgate library", NULL);
    gint64 talk = test_add (db, &cr_entity_interview, "title", "Aisha and Grace at the hall", "start", "2026-04-14 10:00",
                            "end", "2026-04-14 11:00", "location", "Riverside Community Hall", NULL);
    CrQuery by_interview = { .search = "aisha and grace" };
    CrQuery by_shot = { .search = "7C" };
    CrQuery none = { .search = "nobody" };
    g_autoptr(GArray) ids = NULL;

    test_add (db, &cr_entity_shot, "number", "7C", "description", "Shelves of the library", "location",
              "Northgate library", "interview", "Aisha and Grace at the hall", NULL);
    ids = cr_store_list_ids (db, &cr_entity_location, &by_interview, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, hall);
    g_clear_pointer (&ids, g_array_unref);
    ids = cr_store_list_ids (db, &cr_entity_location, &by_shot, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, library);
    g_clear_pointer (&ids, g_array_unref);
    ids = cr_store_list_ids (db, &cr_entity_interview, &by_shot, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, talk);
    g_assert_cmpint (cr_store_count (db, &cr_entity_location, &none, NULL), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/participant/validation", test_participant_validation);
  g_test_add_func ("/store/find-by-number-then-id", test_find_by_number_then_id);
  g_test_add_func ("/store/participant/update-delete", test_update_and_delete);
  g_test_add_func ("/store/participant/delete-in-use", test_delete_in_use_refused);
  g_test_add_func ("/store/location-question/validation", test_location_and_question_validation);
  g_test_add_func ("/store/interview/validation", test_interview_validation);
  g_test_add_func ("/store/shot/validation", test_shot_validation);
  g_test_add_func ("/store/production/edit", test_production_edit);
  g_test_add_func ("/store/list/pages", test_list_pages);
  g_test_add_func ("/store/find", test_find_by_name_or_id);
  return g_test_run ();
}
