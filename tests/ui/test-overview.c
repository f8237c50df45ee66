/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's "consent ends soon" row (issue 9): the people whose usable consent ends
 * within 30 days of today, soonest first, each opening their record; consent that ends
 * later, or that was withdrawn, is not among them. */
#include "config.h"
#include "../cr-test-support.h"

#include <adwaita.h>

#include "cr-consent.h"
#include "cr-overview-page.h"
#include "cr-production.h"
#include "cr-record-editor.h"
#include "cr-store.h"
#include "cr-window.h"
#include "ui-test-support.h"

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
add_person (CrDb       *db,
            const char *name)
{
  g_autoptr(CrRecord) p = cr_record_new (&cr_entity_participant);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cr_record_set (p, "name", name);
  cr_record_set (p, "kind", "interviewee");
  id = cr_store_insert (db, p, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_consent (CrDb       *db,
             gint64      person,
             const char *status,
             int         days_ago,
             int         ends_in)
{
  g_autoptr(CrRecord) c = cr_record_new (&cr_entity_consent);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person);
  g_autofree char *date = days_from_today (-days_ago);
  g_autofree char *expires = ends_in ? days_from_today (ends_in) : NULL;

  cr_record_set (c, "participant", id);
  cr_record_set (c, "status", status);
  cr_record_set (c, "date", date);
  if (cr_consent_is_grant (status))
    {
      cr_record_set (c, "channels", "internal,website");
      cr_record_set (c, "media", "video,audio");
      cr_record_set (c, "naming", "full-name");
      cr_record_set (c, "expires", expires);
    }
  cr_store_insert (db, c, &error);
  g_assert_no_error (error);
}

static AdwExpanderRow *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *found = find_expander (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The rows inside the expander that lead somewhere, in order. */
static void
collect_people (GtkWidget *widget,
                GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_people (child, rows);
}

static CrRecordEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (CR_IS_RECORD_EDITOR (l->data))
      return l->data;
  return NULL;
}

static void
test_expiring_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "expiring.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autofree char *first_day = NULL;
  g_autofree char *subtitle = NULL;
  CrDb *db;
  CrWindow *window;
  CrOverviewPage *overview;
  AdwExpanderRow *expander;
  CrRecordEditor *editor;
  gint64 ana, ben, cleo, dev;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  ana = add_person (db, "Ana Costa");
  ben = add_person (db, "Ben Okafor");
  cleo = add_person (db, "Cleo Martin");
  dev = add_person (db, "Dev Patel");
  add_consent (db, ben, "signed", 100, 25);
  add_consent (db, ana, "signed", 100, 10);      /* the soonest */
  add_consent (db, cleo, "signed", 100, 60);     /* later than 30 days */
  add_consent (db, dev, "signed", 100, 5);
  add_consent (db, dev, "withdrawn", 10, 0);     /* nothing left to renew */
  g_clear_object (&production);

  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 720);
  gtk_window_present (GTK_WINDOW (window));
  overview = cr_window_get_overview (window);
  /* The worker reports through the main loop; nothing is timed. */
  while (cr_overview_page_is_busy (overview))
    g_main_context_iteration (NULL, TRUE);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (cr_overview_page_get_n_expiring (overview), ==, 2);
  expander = find_expander (GTK_WIDGET (overview));
  g_assert_nonnull (expander);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   "2 people’s consent ends within 30 days");
  {
    g_autofree char *iso = days_from_today (10);
    g_autofree char *midnight = g_strconcat (iso, "T00:00:00Z", NULL);
    g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (midnight, NULL);
    first_day = g_date_time_format (day, "%-d %b %Y");
  }
  subtitle = g_strdup_printf ("The first on %s: Ana Costa", first_day);
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==, subtitle);

  /* Opened, it lists them soonest first; each opens the person. */
  adw_expander_row_set_expanded (expander, TRUE);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-overview-expiring.png");
  collect_people (GTK_WIDGET (expander), people);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (people, 0)), ==, "Ana Costa");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (people, 1)), ==, "Ben Okafor");
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (people, 0)));
  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate (g_ptr_array_index (people, 0)));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (cr_record_editor_get_entity (editor) == &cr_entity_participant);
  g_assert_cmpint (cr_record_editor_get_id (editor), ==, ana);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
  /* The row opens at once, so the screenshot shows it open rather than half way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add_func ("/ui/overview/expiring", test_expiring_row);
  return g_test_run ();
}
