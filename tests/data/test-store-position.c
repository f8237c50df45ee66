/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-store-position"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-store-position.h"

/* cr_store_position () agrees with cr_store_list ()'s order, with and without a search
 * or a filter. */
static void
test_position_matches_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-position-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "p.casereel", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(CrDb) db = cr_db_create (path, "Positions", &error);
  static const char * const names[] = { "delta", "Alpha", "charlie", "alpha", "Bravo", "echo", "bravo two" };
  static const char * const kinds[] = { "crew", "interviewee", "contact" };
  const CrQuery queries[] = {
    { 0 },
    { .search = "bra" },
    { .field = "kind", .value = "crew" },
    { .search = "A", .field = "kind", .value = "interviewee" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);
      cr_record_set (r, "name", names[i]);
      cr_record_set (r, "kind", kinds[i % 3]);
      g_assert_cmpint (cr_store_insert (db, r, &error), >, 0);
      g_assert_no_error (error);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) rows = cr_store_list (db, &cr_entity_participant, &queries[q], &error);
      g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, >, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          CrRecord *r = g_ptr_array_index (rows, i);
          g_assert_cmpint (cr_store_position (db, &cr_entity_participant, &queries[q], r->id, &error), ==, i);
          g_assert_no_error (error);
          g_hash_table_add (listed, &r->id);
        }
      /* Rows the query leaves out have no position. */
      for (gint64 id = 1; id <= (gint64) G_N_ELEMENTS (names); id++)
        if (!g_hash_table_contains (listed, &id))
          g_assert_cmpint (cr_store_position (db, &cr_entity_participant, &queries[q], id, NULL), ==, -1);
    }

  /* Same ties as the list: "Alpha" and "alpha" in id order. */
  g_assert_cmpint (cr_store_position (db, &cr_entity_participant, NULL, 2, NULL), ==, 0);
  g_assert_cmpint (cr_store_position (db, &cr_entity_participant, NULL, 4, NULL), ==, 1);
  g_assert_cmpint (cr_store_position (db, &cr_entity_participant, NULL, 999, NULL), ==, -1);

  {
    CrQuery bad = { .field = "no_such_field", .value = "x" };
    g_assert_cmpint (cr_store_position (db, &cr_entity_participant, &bad, 1, &error), ==, -2);
    g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no_such_field"));
  }

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
  g_test_add_func ("/store/position", test_position_matches_list);
  return g_test_run ();
}
