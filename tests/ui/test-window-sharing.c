/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-window-sharing"

/* The window and the command line on one production, as the issue found it destroyed: the
 * window opens it, a command-line process writes and reads it meanwhile, the window writes
 * again and quits. The file alone (copied without -wal and -shm) has every row and passes
 * integrity_check, and the window showed the other process's row once it looked. */

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-entity-page.h"
#include "cr-row.h"
#include "cr-store-model.h"
#include "cr-store.h"
#include "cr-window.h"
#include "ui-test-support.h"

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  /* No message about a damaged file, whoever printed it. */
  g_assert_null (strstr (err, "damaged"));
  return out;
}

static void
add_person (CrProduction *production,
            const char   *name)
{
  g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cr_record_set (r, "name", name);
  cr_record_set (r, "kind", "interviewee");
  cr_record_set (r, "role", "Young carer");
  cr_record_set (r, "organisation", "Riverside Young Carers");
  id = cr_store_insert (cr_production_get_db (production), r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cr_production_changed (production, &cr_entity_participant);
}

static gboolean
model_has (CrStoreModel *model,
           const char   *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (g_strcmp0 (cr_row_get_label (row), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_window_and_command_line (void)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-window-sharing-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "river.casereel", NULL);
  g_autofree char *alone = g_build_filename (dir, "alone.casereel", NULL);
  g_autofree char *project = g_strdup_printf ("--project=%s", path);
  g_autofree char *data = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *names = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("CASEREEL_BIN");
  CrWindow *window;
  CrProduction *production;
  CrEntityPage *people;
  gsize len = 0;

  g_assert_nonnull (bin);
  {
    g_autoptr(CrDb) db = cr_db_create (path, "River Project", &error);
    g_assert_no_error (error);
    g_assert_nonnull (db);
  }
  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 720);
  gtk_window_present (GTK_WINDOW (window));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  production = cr_window_get_production (window);
  g_object_add_weak_pointer (G_OBJECT (production), (gpointer *) &production);
  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");

  add_person (production, "Aisha Adeyemi");
  /* Meanwhile another process writes and reads, as `casereel` would. */
  g_free (run ((const char *[]) { bin, project, "participant", "add", "--name", "Ben Bennett", "--kind",
                                  "interviewee", "--role", "Parent", "--organisation", "Riverside Young Carers",
                                  NULL }));
  listed = run ((const char *[]) { bin, project, "participant", "list", NULL });
  g_assert_nonnull (strstr (listed, "Aisha Adeyemi"));
  g_assert_nonnull (strstr (listed, "Ben Bennett"));

  /* The window looks (its timer does this each second; here at once) and shows the row. */
  g_assert_false (model_has (cr_entity_page_get_model (people), "Ben Bennett"));
  g_assert_true (cr_production_check_for_changes (production));
  g_assert_false (cr_production_check_for_changes (production));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (model_has (cr_entity_page_get_model (people), "Ben Bennett"));
  cr_ui_save_png (GTK_WIDGET (window), "window-sharing.png");

  add_person (production, "Chloe Campbell");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Quitting closed the production (and its connection). */
  g_assert_null (production);

  /* The file alone, as a user would e-mail it. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_file_set_contents (alone, data, len, NULL));
  names = run ((const char *[]) { "sqlite3", alone, "SELECT group_concat (name, '|') FROM"
                                  " (SELECT name FROM participant ORDER BY name)", NULL });
  g_assert_cmpstr (g_strstrip (names), ==, "Aisha Adeyemi|Ben Bennett|Chloe Campbell");
  check = run ((const char *[]) { "sqlite3", alone, "PRAGMA integrity_check", NULL });
  g_assert_cmpstr (g_strstrip (check), ==, "ok");
  cr_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/sharing/window-and-command-line", test_window_and_command_line);
  return g_test_run ();
}
