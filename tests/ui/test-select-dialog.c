/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-select-dialog"

/* The Save Select dialog the player's Enter opens, as a form: it opens in the label, offers
 * the clip's interview's questions first, checks what is typed with the command line's
 * messages, says a refusal in words (never SQLite's) and asks before Esc throws away what
 * was typed. Made on a clip row of its own: no footage is needed. */

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-select-dialog.h"
#include "cr-store.h"
#include "cr-ui-resources.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

typedef struct
{
  char         *dir;
  char         *path;
  CrProduction *production;
  gint64        clip;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *asked = NULL;
  CrDb *db;
  gint64 q[4], interview;

  f->dir = cr_test_make_tmp ("casereel-select-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "riverside.casereel", NULL);
  f->production = cr_production_create (f->path, "Caring Together", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (f->production);
  test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee", NULL);
  q[0] = test_add (db, &cr_entity_question, "text", "How did you first hear of the hall?", NULL);
  q[1] = test_add (db, &cr_entity_question, "text", "What does a Tuesday look like?", NULL);
  q[2] = test_add (db, &cr_entity_question, "text", "Who would you thank?", NULL);
  q[3] = test_add (db, &cr_entity_question, "text", "What would you change?", NULL);
  /* The interview asks the third, then the second. */
  asked = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, q[2], q[1]);
  interview = test_add (db, &cr_entity_interview, "title", "Aisha and Grace at the hall", "start", "2026-04-14 10:00",
                        "end", "2026-04-14 11:30", "participants", "Aisha Rahman\nGrace Hughes",
                        "questions", asked, NULL);
  (void) q[0];
  (void) q[3];
  sql = g_strdup_printf ("INSERT INTO clip (id, path, name, size, mtime_us, duration_us, has_video, frame_rate, interview)"
                         " VALUES (1, '/media/card/HALL001.MOV', 'HALL001.MOV', 1000, 1, 60000000, 1, '25/1', %"
                         G_GINT64_FORMAT ")", interview);
  g_assert_true (cr_db_exec (db, sql, &error));
  g_assert_no_error (error);
  f->clip = 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->production);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static CrSelectDialog *
open_dialog (Fixture *f)
{
  CrSelectDialog *dialog = cr_select_dialog_new (NULL, f->production, f->clip, 50, 125);

  gtk_window_present (GTK_WINDOW (dialog));
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

/* Opens in the label; the interview's questions come first, in its order, then the bank. */
static void
test_focus_questions (Fixture       *f,
                      gconstpointer  data)
{
  CrSelectDialog *dialog = open_dialog (f);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  AdwComboRow *question = ADW_COMBO_ROW (cr_ui_find_row (GTK_WIDGET (dialog), "Question"));
  GListModel *model = adw_combo_row_get_model (question);
  static const char *expected[] = { "None", "“Who would you thank?”", "“What does a Tuesday look like?”",
                                    "“How did you first hear of the hall?”", "“What would you change?”" };

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) == cr_ui_find_row (GTK_WIDGET (dialog), "Label"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, expected[i]);
  g_assert_cmpuint (adw_combo_row_get_selected (question), ==, 0);
  g_assert_false (cr_select_dialog_is_changed (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Someone typed who is not in the production is said as it is typed, in the command line's
 * words, on the People row; a refusal from the file itself is said without SQL. */
static void
test_live_check (Fixture       *f,
                 gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  CrSelectDialog *dialog = open_dialog (f);
  GtkWidget *people = cr_ui_find_row (GTK_WIDGET (dialog), "People (comma-separated)");
  g_autoptr(GError) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CrField *field = cr_entity_find_field (&cr_entity_select, "participants");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (people)), ==, "Aisha Rahman, Grace Hughes");
  g_assert_null (cr_select_dialog_get_error (dialog));
  /* The message the command line gives for the same names, from the same check. */
  g_assert_false (cr_field_normalize (db, &cr_entity_select, field, "Aisha Rahman\nZed Nobody\n", NULL, &normal, &cli));
  cr_select_dialog_set_people (dialog, "Aisha Rahman, Zed Nobody");
  g_assert_cmpstr (cr_select_dialog_get_error_field (dialog), ==, "participants");
  g_test_message ("shown: %s", cr_select_dialog_get_error (dialog));
  g_assert_true (g_str_has_prefix (cr_select_dialog_get_error (dialog), "People: "));
  g_assert_true (g_str_has_suffix (cr_select_dialog_get_error (dialog), strstr (cli->message, ": ") + 2));
  g_assert_true (gtk_widget_has_css_class (people, "error"));
  cr_select_dialog_set_people (dialog, "Aisha Rahman");
  g_assert_null (cr_select_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (people, "error"));

  /* A rule the file keeps that no form check knows: said in words, nothing written. */
  g_assert_true (cr_db_exec (db, "CREATE UNIQUE INDEX test_one_label ON selection (label)", &error));
  g_assert_no_error (error);
  test_add (db, &cr_entity_select, "clip", "1", "in_frame", "0", "out_frame", "25", "label", "Tuesdays", NULL);
  before = cr_ui_dump (f->path, "selection");
  cr_select_dialog_set_label (dialog, "Tuesdays");
  g_assert_false (cr_select_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_test_message ("shown: %s", cr_select_dialog_get_error (dialog));
  g_assert_cmpstr (cr_select_dialog_get_error_field (dialog), ==, "label");
  for (const char * const *sql = (const char * const[]) { "UNIQUE", "constraint", "SQL", "selection.", "INSERT",
                                                           ".casereel", NULL }; *sql; sql++)
    g_assert_null (strstr (cr_select_dialog_get_error (dialog), *sql));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_has_css_class (cr_ui_find_row (GTK_WIDGET (dialog), "Label"), "error"));
  after = cr_ui_dump (f->path, "selection");
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Esc closes an untouched dialog at once and asks before throwing away a changed one. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  CrSelectDialog *dialog = open_dialog (f);
  g_autofree char *before = cr_ui_dump (f->path, "selection");
  g_autofree char *after = NULL;
  GtkWindow *ask;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  cr_ui_iterate ();
  g_assert_null (dialog);
  g_assert_null (cr_ui_find_question ("Discard changes?"));

  dialog = open_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (dialog))), "Why she started coming");
  g_assert_true (cr_select_dialog_is_changed (dialog));
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_nonnull (dialog);   /* still there: it asks */
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  ask = cr_ui_find_question ("Discard changes?");
  g_assert_nonnull (ask);
  /* Keep Editing keeps it all. */
  cr_ui_answer (ask, "keep");
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_nonnull (dialog);
  g_assert_null (cr_ui_find_question ("Discard changes?"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cr_ui_find_row (GTK_WIDGET (dialog), "Label"))), ==,
                   "Why she started coming");
  /* A question chosen is a change too; Cancel asks as Esc does; Discard writes nothing. */
  cr_select_dialog_set_label (dialog, "");
  g_assert_false (cr_select_dialog_is_changed (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cr_ui_find_row (GTK_WIDGET (dialog), "Question")), 1);
  g_assert_true (cr_select_dialog_is_changed (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ask = cr_ui_find_question ("Discard changes?");
  g_assert_nonnull (ask);
  cr_ui_answer (ask, "discard");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  after = cr_ui_dump (f->path, "selection");
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Linked in (and so registered) only when used: the window's tests get it through the window. */
  (void) cr_ui_get_resource ();
  g_test_add ("/ui/select-dialog/focus-questions", Fixture, NULL, fixture_set_up, test_focus_questions, fixture_tear_down);
  g_test_add ("/ui/select-dialog/live-check", Fixture, NULL, fixture_set_up, test_live_check, fixture_tear_down);
  g_test_add ("/ui/select-dialog/discard", Fixture, NULL, fixture_set_up, test_discard, fixture_tear_down);
  return g_test_run ();
}
