/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-screenshots"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-application.h"
#include "cr-clips-page.h"
#include "cr-cuts-page.h"
#include "cr-demo.h"
#include "cr-entity-page.h"
#include "cr-media.h"
#include "cr-people-page.h"
#include "cr-player.h"
#include "cr-schedule-page.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "cr-store-model.h"
#include "cr-welcome.h"
#include "cr-window.h"
#include "ui-test-support.h"

/* The README's screenshots, all of the demo production: the welcome page as a first start
 * shows it, then "Try the Demo Production" and every page of the window it opens. The PNGs
 * go to $CASEREEL_SCREENSHOTS_DIR (the repository's data/screenshots/ when refreshing the
 * README), else next to the test. As a test it checks that the welcome page hides the
 * sidebar and that every page of the demo has rows. */

/* Whether a stack under `widget` is still cross-fading from one page to another. */
static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;
  return FALSE;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("CASEREEL_SCREENSHOTS_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  /* Drawn at its size, with what the last change asked for, every transition ended. */
  cr_ui_wait_for_frames (widget, 4);
  while (transition_running (widget))
    cr_ui_wait_for_frames (widget, 1);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's sidebar: the list of sections. */
static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The menu button F10 opens: the one visible and primary. There must be exactly one. */
static GtkWidget *
primary_menu (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_visible (widget)
      && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *menu = primary_menu (child);
      if (menu != NULL)
        {
          g_assert_null (found);
          found = menu;
        }
    }
  return found;
}

static guint
count_files (const char *where)
{
  g_autoptr(GDir) dir = g_dir_open (where, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* Until the grid's posters are in the thumbnail cache (one per camera clip), then drawn. */
static void
wait_for_posters (CrWindow *window,
                  guint     clips)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "thumbnails", "large", NULL);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (count_files (cache) < clips && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  g_assert_cmpuint (count_files (cache), >=, clips);
}

/* The toggle button showing `icon`, at or below `root`. */
static GtkToggleButton *
find_toggle (GtkWidget  *root,
             const char *icon)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return GTK_TOGGLE_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, icon);
      if (found)
        return found;
    }
  return NULL;
}

static gint64
id_of (CrWindow       *window,
       const CrEntity *entity,
       const char     *label)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (cr_store_resolve (cr_production_get_db (cr_window_get_production (window)), entity, label, &id,
                                   &error));
  g_assert_no_error (error);
  return id;
}

static void
list_page (CrWindow   *window,
           const char *name,
           guint       at_least,
           const char *png)
{
  CrEntityPage *list;

  cr_window_show_page (window, name);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, name);
  list = cr_window_get_page (window, name);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (list))), >=, at_least);
  save_png (GTK_WIDGET (window), png);
}

static void
test_screenshots (void)
{
  g_autofree char *path = cr_demo_default_path ();
  CrApplication *app = cr_application_new ();
  g_autoptr(GError) error = NULL;
  CrWindow *window;
  GtkWidget *welcome, *sidebar;
  CrClipsPage *clips;
  CrCutsPage *cuts;
  CrPlayer *player;
  gint64 clip;

  /* NON_UNIQUE: the screenshots never meet the user's running Casereel. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_true (CR_IS_WINDOW (window));
  /* The window's own default size (1180 px wide): every page, Clips with the demo's dozen
   * people and interviews in its filters too, fits beside the sidebar. */

  /* A first start: the welcome page, and no sidebar of pages that do not exist yet. */
  welcome = find_child (GTK_WIDGET (window), CR_TYPE_WELCOME);
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (welcome);
  g_assert_nonnull (sidebar);
  save_png (GTK_WIDGET (window), "casereel-welcome.png");
  g_assert_true (gtk_widget_is_visible (welcome));
  g_assert_false (gtk_widget_is_visible (sidebar));
  /* Its main menu stays, in the header bar above the welcome page, and F10 opens it. */
  g_assert_nonnull (primary_menu (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_is_ancestor (primary_menu (GTK_WIDGET (window)), gtk_widget_get_parent (gtk_widget_get_parent (welcome))));

  g_assert_true (gtk_widget_activate_action (welcome, "welcome.try-demo", NULL));
  /* Ends when the worker has made the demo and the window has opened it. */
  while (cr_window_get_production (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cr_production_get_path (cr_window_get_production (window)), ==, path);
  g_assert_true (gtk_widget_is_visible (sidebar));
  g_assert_nonnull (primary_menu (GTK_WIDGET (window)));
  g_assert_false (gtk_widget_is_ancestor (primary_menu (GTK_WIDGET (window)), gtk_widget_get_parent (gtk_widget_get_parent (welcome))));

  save_png (GTK_WIDGET (window), "casereel-overview.png");
  /* A person whose consent has a history: signed, then withdrawn in part. */
  cr_window_show_page (window, "participants");
  /* Sorted by Consent, problems first, as a producer checks them. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (find_child (GTK_WIDGET (cr_window_get_page (window, "participants")),
                                                       GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        if (g_str_equal (gtk_column_view_column_get_title (column), "Consent"))
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      }
  }
  cr_entity_page_select (cr_window_get_page (window, "participants"),
                         id_of (window, &cr_entity_participant, "Fatima Begum"));
  list_page (window, "participants", 12, "casereel-participants.png");
  /* Recording her consent: a partial withdrawal asks what remains, and nothing else. */
  {
    CrPeoplePage *people = CR_PEOPLE_PAGE (find_child (GTK_WIDGET (window), CR_TYPE_PEOPLE_PAGE));
    CrConsentDialog *dialog = cr_people_page_record_consent (people);

    g_assert_nonnull (dialog);
    cr_consent_dialog_set_text (dialog, "status", "withdrawn");
    cr_consent_dialog_set_text (dialog, "withdrawal_scope", "part");
    cr_consent_dialog_set_text (dialog, "channels", "internal,funder-report");
    cr_consent_dialog_set_text (dialog, "media", "quotes");
    g_assert_false (cr_consent_dialog_is_shown (dialog, "guardian_name"));
    save_png (GTK_WIDGET (dialog), "casereel-consent-dialog.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  /* The schedule is an agenda by day rather than a list: the two shoot days and one ahead. */
  cr_window_show_page (window, "interviews");
  {
    GtkWidget *agenda = find_child (GTK_WIDGET (window), CR_TYPE_SCHEDULE_PAGE);
    g_assert_nonnull (agenda);
    g_assert_cmpuint (cr_schedule_page_get_days (CR_SCHEDULE_PAGE (agenda))->len, >=, 2);
  }
  save_png (GTK_WIDGET (window), "casereel-agenda.png");
  cr_window_show_page (window, "shots");
  {
    GtkWidget *shots = find_child (GTK_WIDGET (window), CR_TYPE_SHOTS_PAGE);
    g_autofree char *order = NULL;
    g_assert_nonnull (shots);
    order = cr_shots_page_dup_order (CR_SHOTS_PAGE (shots));
    g_assert_nonnull (strchr (order, '|'));
  }
  save_png (GTK_WIDGET (window), "casereel-shots.png");
  list_page (window, "locations", 2, "casereel-locations.png");
  list_page (window, "questions", 2, "casereel-questions.png");

  cr_window_show_page (window, "clips");
  clips = CR_CLIPS_PAGE (find_child (GTK_WIDGET (window), CR_TYPE_CLIPS_PAGE));
  g_assert_nonnull (clips);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_clips_page_get_model (clips))), >=, 12);
  clip = id_of (window, &cr_entity_clip, "A001.MOV");
  cr_clips_page_select (clips, clip);
  wait_for_posters (window, 12);
  save_png (GTK_WIDGET (window), "casereel-footage.png");
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (find_child (GTK_WIDGET (window), ADW_TYPE_LEAFLET))));
  /* The same clips as a list of sortable columns, then back to the grid. */
  {
    GtkToggleButton *list = find_toggle (GTK_WIDGET (clips), "view-list-symbolic");
    GtkToggleButton *grid = find_toggle (GTK_WIDGET (clips), "view-grid-symbolic");

    g_assert_nonnull (list);
    g_assert_nonnull (grid);
    gtk_toggle_button_set_active (list, TRUE);
    /* The buttons' colours fade (a CSS transition of 200 ms): 30 frames see it end. */
    cr_ui_wait_for_frames (GTK_WIDGET (window), 30);
    save_png (GTK_WIDGET (window), "casereel-footage-list.png");
    g_assert_true (gtk_widget_get_mapped (find_child (GTK_WIDGET (clips), GTK_TYPE_COLUMN_VIEW)));
    gtk_toggle_button_set_active (grid, TRUE);
  }

  /* The player on the first interview, paused on an in point at the laugh its marker notes
   * ("a good place to cut"), the out point just before the next select begins (frame 110), so
   * the scrubber shows the range. Marked with the keys, as the user would. */
  g_assert_true (cr_clips_page_open_clip (clips, clip, 60, &error));
  g_assert_no_error (error);
  player = cr_clips_page_get_player (clips);
  while (!cr_player_is_settled (player))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (cr_player_get_position (player), ==, 60);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_i, 0);
  /* Two seconds on (25 fps), one frame back: O there ends the range at 110. */
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Right, GDK_SHIFT_MASK);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Right, GDK_SHIFT_MASK);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Left, 0);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_o, 0);
  /* Back to the in point. */
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Left, GDK_SHIFT_MASK);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Left, GDK_SHIFT_MASK);
  cr_ui_press (GTK_WIDGET (player), GDK_KEY_Right, 0);
  while (!cr_player_is_settled (player))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (cr_player_get_in (player), ==, 60);
  g_assert_cmpint (cr_player_get_out (player), ==, 110);
  g_assert_cmpint (cr_player_get_position (player), ==, 60);
  /* The range's In and Out times make the player wider than the window beside the sidebar:
   * the leaflet folds at the next allocation, and its fold slides for 250 ms, which is not a
   * transition the stacks report. 30 frames see it end. */
  cr_ui_wait_for_frames (GTK_WIDGET (window), 30);
  save_png (GTK_WIDGET (window), "casereel-player.png");

  cr_window_show_page (window, "selects");
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "selects");
  save_png (GTK_WIDGET (window), "casereel-selects.png");

  /* "Answers" for the website: the events of people who may not be shown there say why. */
  cr_window_show_page (window, "cuts");
  cuts = CR_CUTS_PAGE (find_child (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  g_assert_nonnull (cuts);
  cr_cuts_page_show_cut (cuts, id_of (window, &cr_entity_cut, "Answers"));
  cr_cuts_page_set_channel (cuts, "website");
  g_assert_cmpuint (g_list_model_get_n_items (cr_cuts_page_get_events (cuts)), >=, 5);
  while (cr_cuts_page_is_busy (cuts))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cr_cuts_page_get_problems (cuts)->len, >, 0);
  save_png (GTK_WIDGET (window), "casereel-cut.png");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;   /* not freed: freeing waits for the connection, as _down () does */
  g_autofree char *display = NULL;
  g_autofree char *home = NULL;
  static const char *user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                                     "XDG_RUNTIME_DIR" };
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A first start in a temporary home: no recent files, no settings, no demo yet. */
  home = cr_test_make_tmp ("casereel-shots-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *where = g_build_filename (home, user_dirs[i] + strlen ("XDG_"), NULL);
      g_mkdir_with_parents (where, 0700);
      g_setenv (user_dirs[i], where, TRUE);
    }
  g_setenv ("HOME", home, TRUE);
  g_unsetenv ("CASEREEL_PROJECT");
  /* A private session bus, so that nothing is autolaunched and left running. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  gtk_init ();
  adw_init ();
  cr_media_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  g_test_add_func ("/screenshots/demo", test_screenshots);
  status = g_test_run ();
  g_test_dbus_stop (bus);
  {
    const char *rm[] = { "rm", "-rf", home, NULL };
    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
