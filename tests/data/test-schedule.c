/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-schedule.h"
#include "test-helpers.h"

static gint64
interview (CrDb       *db,
           const char *title,
           const char *start,
           const char *end,
           const char *location,
           const char *people,
           const char *crew,
           const char *status)
{
  return test_add (db, &cr_entity_interview, "title", title, "start", start, "end", end,
                   "time_zone", "Europe/London", "location", location ? location : "",
                   "participants", people ? people : "", "crew", crew ? crew : "",
                   "status", status ? status : "planned", NULL);
}

static gboolean
has_conflict (GPtrArray  *list,
              gint64      a,
              gint64      b,
              const char *kind,
              const char *name)
{
  for (guint i = 0; i < list->len; i++)
    {
      CrConflict *c = g_ptr_array_index (list, i);
      if (((c->first == a && c->second == b) || (c->first == b && c->second == a)) &&
          g_str_equal (c->kind, kind) && g_str_equal (c->shared_name, name))
        return TRUE;
    }
  return FALSE;
}

static void
test_known_overlaps (void)
{
  g_autoptr(CrDb) db = test_new_production ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e, f, g;

  test_add (db, &cr_entity_participant, "name", "Ana", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Ben", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Cam", "kind", "crew", NULL);
  test_add (db, &cr_entity_location, "name", "Hall", NULL);
  test_add (db, &cr_entity_location, "name", "Garden", NULL);

  a = interview (db, "A", "2026-05-01 09:00", "2026-05-01 10:00", "Hall", "Ana", "Cam", NULL);
  /* Shares crew Cam with A and overlaps by 30 minutes. */
  b = interview (db, "B", "2026-05-01 09:30", "2026-05-01 10:30", "Garden", "Ben", "Cam", NULL);
  /* Touches A end-to-start: no overlap. */
  c = interview (db, "C", "2026-05-01 10:00", "2026-05-01 10:15", "Hall", "Ana", NULL, NULL);
  /* Same place as A, overlapping, different people. */
  d = interview (db, "D", "2026-05-01 09:45", "2026-05-01 09:50", "Hall", "Ben", NULL, NULL);
  /* Overlaps A with Ana, but cancelled. */
  e = interview (db, "E", "2026-05-01 09:10", "2026-05-01 09:20", "Garden", "Ana", NULL, "cancelled");
  /* Ana interviewed while she is crew elsewhere: a person counts in either role. */
  f = interview (db, "F", "2026-05-02 09:00", "2026-05-02 10:00", NULL, "Ana", NULL, NULL);
  g = interview (db, "G", "2026-05-02 09:59", "2026-05-02 11:00", NULL, NULL, "Ana", NULL);

  all = cr_schedule_conflicts (db, 0, &error);
  g_assert_no_error (error);
  g_assert_true (has_conflict (all, a, b, "person", "Cam"));
  g_assert_true (has_conflict (all, a, d, "location", "Hall"));
  g_assert_true (has_conflict (all, b, d, "person", "Ben"));
  g_assert_true (has_conflict (all, f, g, "person", "Ana"));
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      CrConflict *x = g_ptr_array_index (all, i);
      g_assert_true (x->first != c && x->second != c);
      g_assert_true (x->first != e && x->second != e);
    }

  one = cr_schedule_conflicts (db, d, &error);
  g_assert_cmpuint (one->len, ==, 2);
  {
    g_autofree char *text = cr_conflict_describe (g_ptr_array_index (one, 0));
    g_assert_nonnull (strstr (text, "“A”"));
    g_assert_nonnull (strstr (text, "Hall"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/conflicts", test_known_overlaps);
  return g_test_run ();
}
