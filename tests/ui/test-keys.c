/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-keys"

/* The window's keys with the keyboard focus where a click on the sidebar leaves it: on the
 * sidebar's row. Ctrl+N adds on the pages where rows are typed in, Ctrl+P prints the
 * page's document, Ctrl+F goes to the page's search; elsewhere each does nothing. */

#include "config.h"

#include "cr-record-editor.h"
#include "cr-window.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

typedef struct
{
  char     *dir;
  char     *path;
  CrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = NULL;
  CrDb *db;

  f->dir = cr_test_make_tmp ("casereel-keys-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "keys.casereel", NULL);
  production = cr_production_create (f->path, "Caring Together", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (production);
  test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_location, "name", "Riverside Community Hall", NULL);
  test_add (db, &cr_entity_interview, "title", "Aisha at the hall", "start", "2026-04-14 10:00",
            "end", "2026-04-14 11:30", "location", "Riverside Community Hall", "participants", "Aisha Rahman", NULL);
  test_add (db, &cr_entity_shot, "number", "1", "description", "The hall from the car park", NULL);
  test_add (db, &cr_entity_question, "text", "What changed for you?", NULL);
  f->window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (f->window, f->path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cr_ui_iterate ();
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Shows @name as a click on its sidebar row does, the row keeping the focus. */
static GtkWidget *
click_sidebar (Fixture    *f,
               const char *name)
{
  GtkWidget *row = cr_ui_find_sidebar_row (GTK_WIDGET (f->window), name);

  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_assert_true (gtk_widget_grab_focus (row));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (cr_window_get_page_name (f->window), ==, name);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);
  return row;
}

/* The window other than the main one shown now, or NULL. */
static GtkWindow *
other_window (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (f->window) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
close_others (Fixture *f)
{
  for (GtkWindow *window; (window = other_window (f));)
    gtk_window_destroy (window);
  cr_ui_iterate ();
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "shots") != NULL;
}

/* The page the window shows. */
static GtkWidget *
shown_page (Fixture *f)
{
  GtkWidget *stack = cr_ui_find_where (GTK_WIDGET (f->window), is_view_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static const char * const pages[] = {
  "overview", "participants", "interviews", "shots", "locations", "questions", "clips", "selects", "cuts",
};

/* Ctrl+N: the form for a new row of the page's kind where rows are typed in; nothing where
 * they come from elsewhere (Clips from a folder, Selects from the player, Cuts from selects). */
static void
test_add_from_sidebar (Fixture       *f,
                       gconstpointer  data)
{
  const struct { const char *page; const CrEntity *entity; } adds[] = {
    { "participants", &cr_entity_participant }, { "interviews", &cr_entity_interview },
    { "shots", &cr_entity_shot }, { "locations", &cr_entity_location }, { "questions", &cr_entity_question },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      const CrEntity *entity = NULL;
      GtkWindow *opened;

      for (guint j = 0; j < G_N_ELEMENTS (adds); j++)
        if (g_str_equal (adds[j].page, pages[i]))
          entity = adds[j].entity;
      g_test_message ("Ctrl+N on %s", pages[i]);
      g_assert_true (cr_ui_press_in (click_sidebar (f, pages[i]), GDK_KEY_n, GDK_CONTROL_MASK));
      opened = other_window (f);
      if (entity == NULL)
        g_assert_null (opened);
      else
        {
          g_assert_true (CR_IS_RECORD_EDITOR (opened));
          g_assert_true (cr_record_editor_get_entity (CR_RECORD_EDITOR (opened)) == entity);
        }
      close_others (f);
    }
}

/* Ctrl+F: the keyboard goes to the search field of the page shown. */
static void
test_search_from_sidebar (Fixture       *f,
                          gconstpointer  data)
{
  const char * const searched[] = { "participants", "shots", "locations", "questions", "clips", "selects", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *row = click_sidebar (f, pages[i]);
      GtkWidget *focus;
      GtkWidget *entry;

      g_test_message ("Ctrl+F on %s", pages[i]);
      g_assert_true (cr_ui_press_in (row, GDK_KEY_f, GDK_CONTROL_MASK));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
      if (!g_strv_contains (searched, pages[i]))
        {
          g_assert_true (focus == row);
          continue;
        }
      /* One the user can see, on the page shown. */
      g_assert_nonnull (entry);
      g_assert_true (gtk_widget_is_drawable (entry));
      g_assert_true (gtk_widget_is_ancestor (entry, shown_page (f)));
    }
}

static gboolean
cancel_print_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      /* By name: its header is in gtk4-unix-print, which nothing else here needs. */
      if (GTK_IS_DIALOG (window) && g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") &&
          gtk_widget_get_visible (window))
        {
          (*(guint *) data)++;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* Ctrl+P: the print dialog for the release tracker and the shot list (cancelled here), the
 * call sheet's choice of day on the Schedule; nothing on the other pages. */
static void
test_print_from_sidebar (Fixture       *f,
                         gconstpointer  data)
{
  const char * const printed[] = { "participants", "shots", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *row = click_sidebar (f, pages[i]);
      guint dialogs = 0;
      guint poll = g_timeout_add (20, cancel_print_cb, &dialogs);

      g_test_message ("Ctrl+P on %s", pages[i]);
      /* The print dialog runs its own main loop until it is answered. */
      g_assert_true (cr_ui_press_in (row, GDK_KEY_p, GDK_CONTROL_MASK));
      if (dialogs == 0)
        g_source_remove (poll);
      g_assert_cmpuint (dialogs, ==, g_strv_contains (printed, pages[i]) ? 1 : 0);
      if (g_str_equal (pages[i], "interviews"))
        g_assert_nonnull (cr_ui_find_question ("Call Sheet"));
      else
        g_assert_null (other_window (f));
      close_others (f);
    }
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

  g_test_add ("/ui/keys/add-from-sidebar", Fixture, NULL, fixture_set_up, test_add_from_sidebar, fixture_tear_down);
  g_test_add ("/ui/keys/search-from-sidebar", Fixture, NULL, fixture_set_up, test_search_from_sidebar,
              fixture_tear_down);
  g_test_add ("/ui/keys/print-from-sidebar", Fixture, NULL, fixture_set_up, test_print_from_sidebar,
              fixture_tear_down);
  return g_test_run ();
}
