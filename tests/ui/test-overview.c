/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's "consent ends soon" row (issue 9): the people whose usable consent ends
 * within 30 days of today, soonest first, each opening their record; consent that ends
 * later, or that was withdrawn, is not among them. Its shot coverage (issue 11): shots with
 * footage by priority, each row opening the Shots page on what is still missing. The next
 * shoot day, the footage not yet logged and the clashes, each opening its page. */
#include "config.h"
#include "../cr-test-support.h"

#include <adwaita.h>

#include "cr-clip-tags.h"
#include "cr-consent.h"
#include "cr-indexer.h"
#include "cr-overview-page.h"
#include "cr-production.h"
#include "cr-record-editor.h"
#include "cr-schedule-page.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "cr-window.h"
#include "cr-zone.h"
#include "../data/test-helpers.h"
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

static gint64
add_shot (CrDb       *db,
          const char *number,
          const char *priority,
          const char *status)
{
  g_autoptr(CrRecord) shot = cr_record_new (&cr_entity_shot);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strdup_printf ("Shot %s", number);
  gint64 id;

  cr_record_set (shot, "number", number);
  cr_record_set (shot, "description", description);
  cr_record_set (shot, "priority", priority);
  cr_record_set (shot, "status", status);
  id = cr_store_insert (db, shot, &error);
  g_assert_no_error (error);
  return id;
}

static void
link_clip (CrDb       *db,
           const char *clip_name,
           const char *shots)
{
  g_autoptr(CrRecord) link = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;
  gint64 clip = 0;

  g_assert_true (cr_store_resolve (db, &cr_entity_clip, clip_name, &clip, &error));
  cr_record_set (link, "shots", shots);
  g_assert_true (cr_store_update (db, &cr_entity_clip, clip, link, &error));
  g_assert_no_error (error);
}

/* The row of the overview with this title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
collect_words (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_words (child, out);
}

static AdwPreferencesGroup *find_group (GtkWidget  *widget,
                                        const char *title);

/* Shot coverage on the Overview: footage or not by the clips linked, by priority, each row
 * opening the Shots page on the shots still without footage. It says "have footage", as the
 * Shots page does, not "captured": a shot with a clip linked may still be Planned there. */
static void
test_coverage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "coverage.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  const CrShotCoverageSummary *coverage;
  g_autofree char *order = NULL;
  CrWindow *window;
  CrOverviewPage *overview;
  CrShotsPage *shots;
  GtkWidget *row;
  CrDb *db;
  gint64 one;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  one = add_shot (db, "1", "must", "planned");
  add_shot (db, "2", "must", "planned");
  add_shot (db, "3", "must", "dropped");     /* owed no footage: not counted */
  add_shot (db, "4", "high", "captured");
  add_shot (db, "5", "normal", "planned");
  {
    const char *folders[] = { cr_test_fixtures (), NULL };
    g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  /* Two clips on shot 1 count it once; shot 4 has one. */
  link_clip (db, "VideoTrack_29_97_Start-00-00-00-00.mp4", "1\n4");
  {
    g_autoptr(GPtrArray) clips = cr_store_list (db, &cr_entity_clip, NULL, &error);
    const char *other = NULL;
    for (guint i = 0; i < clips->len && other == NULL; i++)
      if (g_strcmp0 (cr_record_get (g_ptr_array_index (clips, i), "name"), "VideoTrack_29_97_Start-00-00-00-00.mp4"))
        other = cr_record_get (g_ptr_array_index (clips, i), "name");
    g_assert_nonnull (other);
    link_clip (db, other, "1");
  }
  g_clear_object (&production);

  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, path, FALSE, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 900);
  gtk_window_present (GTK_WINDOW (window));
  overview = cr_window_get_overview (window);
  while (cr_overview_page_is_busy (overview))
    g_main_context_iteration (NULL, TRUE);

  coverage = cr_overview_page_get_coverage (overview);
  g_assert_cmpuint (coverage->all.shots, ==, 4);
  g_assert_cmpuint (coverage->all.with_footage, ==, 2);
  g_assert_cmpuint (coverage->by_priority[3].shots, ==, 2);          /* must */
  g_assert_cmpuint (coverage->by_priority[3].with_footage, ==, 1);
  g_assert_cmpuint (coverage->by_priority[2].with_footage, ==, 1);   /* high */
  g_assert_cmpuint (coverage->by_priority[1].with_footage, ==, 0);   /* normal */
  g_assert_cmpuint (coverage->by_priority[0].shots, ==, 0);          /* low: none */
  {
    /* An independent count, straight from the file with sqlite3. */
    g_autofree char *out = NULL;
    const char *argv[] = { "sqlite3", path, "SELECT count(DISTINCT shot) FROM clip_shot", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, NULL, &error));
    g_assert_cmpstr (g_strstrip (out), ==, "2");
  }

  row = find_row (GTK_WIDGET (overview), "Must priority");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 of 2 shots have footage");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (overview), "High priority"))),
                   ==, "The shot has footage");
  {
    AdwPreferencesGroup *group = find_group (GTK_WIDGET (overview), "Shot Coverage");
    g_autoptr(GString) words = g_string_new (NULL);

    g_assert_cmpstr (adw_preferences_group_get_description (group), ==, "2 of 4 shots have footage");
    collect_words (GTK_WIDGET (group), words);
    g_test_message ("%s", words->str);
    g_assert_null (strstr (words->str, "captured"));
    g_assert_null (strstr (words->str, "All 1"));
  }
  g_assert_null (find_row (GTK_WIDGET (overview), "Low priority"));
  g_assert_nonnull (find_row (GTK_WIDGET (overview), "2 shots without footage"));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-overview-coverage.png");

  /* The must-have row opens the Shots page on the must-have shots still without footage. */
  g_assert_true (gtk_widget_activate (row));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "shots");
  shots = CR_SHOTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SHOTS_PAGE));
  order = cr_shots_page_dup_order (shots);
  g_assert_cmpstr (order, ==, "2");
  g_clear_pointer (&order, g_free);
  g_assert_cmpstr (cr_shots_page_get_summary (shots), ==, "1 must-priority shot without footage");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-shots-filtered.png");
  /* Every shot without footage, then all of them again. */
  cr_window_show_page (window, "overview");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_activate (find_row (GTK_WIDGET (overview), "2 shots without footage")));
  order = cr_shots_page_dup_order (shots);
  g_assert_cmpstr (order, ==, "2|5");
  g_clear_pointer (&order, g_free);
  cr_shots_page_set_filter (shots, FALSE, NULL);
  order = cr_shots_page_dup_order (shots);
  g_assert_cmpstr (order, ==, "1|2|3|4|5");
  /* Shot 1 has footage and is still Planned there: the Overview does not call it captured. */
  g_assert_cmpstr (gtk_button_get_label (cr_shots_page_get_status_button (shots, one)), ==, "Planned");
  g_assert_cmpstr (cr_shots_page_get_coverage (shots, one), ==, "2 clips");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static const char *
consent_description (CrWindow *window)
{
  CrOverviewPage *overview = cr_window_get_overview (window);

  cr_overview_page_refresh (overview);
  while (cr_overview_page_is_busy (overview))
    g_main_context_iteration (NULL, TRUE);
  return adw_preferences_group_get_description (find_group (GTK_WIDGET (overview), "Consent"));
}

/* Counts of one in the singular: "The interviewee has given consent", not "All 1
 * interviewees have"; "1 of 2 interviewees needs attention"; the Clips page's "1 clip"; "The
 * shot has no footage yet", not "0 of 1 shot have footage". */
static void
test_counts_of_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "one.casereel", NULL);
  g_autofree char *card = g_build_filename (dir, "card", NULL);
  g_autofree char *from = g_build_filename (cr_test_fixtures (), "VideoTrack_29_97_Start-00-00-00-00.mp4", NULL);
  g_autofree char *to = g_build_filename (card, "A001.mp4", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  CrWindow *window;
  CrDb *db;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  add_consent (db, add_person (db, "Ana Costa"), "signed", 10, 200);
  add_shot (db, "1", "normal", "planned");
  g_assert_cmpint (g_mkdir_with_parents (card, 0700), ==, 0);
  {
    g_autoptr(GFile) a = g_file_new_for_path (from);
    g_autoptr(GFile) b = g_file_new_for_path (to);
    const char *folders[] = { card, NULL };

    g_assert_true (g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (consent_description (window), ==, "The interviewee has given consent");
  add_person (cr_production_get_db (cr_window_get_production (window)), "Ben Okafor");
  g_assert_cmpstr (consent_description (window), ==, "1 of 2 interviewees needs attention");
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (GTK_WIDGET (cr_window_get_overview (window)),
                                                                      "Shot Coverage")),
                   ==, "The shot has no footage yet");

  cr_window_show_page (window, "clips");
  while (!has_label (GTK_WIDGET (window), "1 clip") && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  g_assert_true (has_label (GTK_WIDGET (window), "1 clip"));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first row of a group of the Overview that leads somewhere, or NULL. */
static GtkWidget *
group_row (CrOverviewPage *overview,
           const char     *group_title)
{
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (overview), group_title);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  collect_people (GTK_WIDGET (group), rows);
  return rows->len ? g_ptr_array_index (rows, 0) : NULL;
}

static void
refresh (CrOverviewPage *overview)
{
  cr_overview_page_refresh (overview);
  while (cr_overview_page_is_busy (overview))
    g_main_context_iteration (NULL, TRUE);
}

static CrWindow *
open_window (const char *path,
             int         height)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window = cr_window_new (NULL, NULL);

  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, height);
  gtk_window_present (GTK_WINDOW (window));
  while (cr_overview_page_is_busy (cr_window_get_overview (window)))
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static void
close_window (CrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* "YYYY-MM-DD HH:MM" that many days from today, as a clock in tz reads. */
static char *
local_time (GTimeZone  *tz,
            int         days,
            const char *clock)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", date, clock);
}

static gint64
add_interview (CrDb       *db,
               GTimeZone  *tz,
               const char *title,
               int         days,
               const char *from,
               const char *to,
               const char *location,
               const char *status)
{
  g_autofree char *start = local_time (tz, days, from);
  g_autofree char *end = local_time (tz, days, to);

  if (location == NULL)
    return test_add (db, &cr_entity_interview, "title", title, "start", start, "end", end, "status", status, NULL);
  return test_add (db, &cr_entity_interview, "title", title, "start", start, "end", end, "location", location,
                   "status", status, NULL);
}

static void
set_field (CrDb           *db,
           const CrEntity *entity,
           gint64          id,
           const char     *field,
           const char     *value)
{
  g_autoptr(CrRecord) change = cr_record_new (entity);
  g_autoptr(GError) error = NULL;

  cr_record_set (change, field, value);
  g_assert_true (cr_store_update (db, entity, id, change, &error));
  g_assert_no_error (error);
}

/* The next shoot day: the first day from today on with an interview that is not cancelled,
 * in the production's zone as the Schedule page heads its days (here 14 hours ahead of UTC,
 * so that the machine's clock would split the day in two), how many and where; it opens the
 * Schedule. Today counts all day, an interview already over included. */
static void
test_next_shoot_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shoot-day.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  g_autoptr(GTimeZone) tz = cr_zone_new ("Pacific/Kiritimati", &error);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) in_five = g_date_time_add_days (now, 5);
  g_autofree char *day = g_date_time_format (in_five, "%A %-d %B %Y");
  g_autofree char *today = g_date_time_format (now, "%A %-d %B %Y");
  gint64 upcoming[4];
  CrSchedulePage *schedule;
  CrOverviewPage *overview;
  CrWindow *window;
  GtkWidget *row;
  CrDb *db;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  set_field (db, &cr_entity_production, 1, "time_zone", "Pacific/Kiritimati");
  test_add (db, &cr_entity_location, "name", "Riverside Community Hall", NULL);
  test_add (db, &cr_entity_location, "name", "Northgate Library", NULL);
  add_interview (db, tz, "Ana, last week", -7, "10:00", "11:00", "Riverside Community Hall", "done");
  add_interview (db, tz, "Ben, called off", 2, "10:00", "11:00", "Northgate Library", "cancelled");
  upcoming[0] = add_interview (db, tz, "Ana at the hall", 5, "10:00", "10:45", "Riverside Community Hall", "planned");
  upcoming[1] = add_interview (db, tz, "Grace and Leo", 5, "11:30", "12:15", "Riverside Community Hall", "confirmed");
  upcoming[2] = add_interview (db, tz, "David, the trustee", 5, "14:00", "14:45", "Riverside Community Hall", "planned");
  upcoming[3] = add_interview (db, tz, "Fatima at the library", 6, "10:00", "10:45", "Northgate Library", "planned");
  g_clear_object (&production);

  window = open_window (path, 900);
  overview = cr_window_get_overview (window);
  row = group_row (overview, "Next Shoot Day");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, day);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "3 interviews at Riverside Community Hall · from 10:00");
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (GTK_WIDGET (overview), "Next Shoot Day")), ==,
                   "In 5 days");
  /* The day in the Schedule page's words: its third heading, after last week's and the
   * cancelled interview's. */
  schedule = CR_SCHEDULE_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SCHEDULE_PAGE));
  g_assert_cmpuint (cr_schedule_page_get_days (schedule)->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (cr_schedule_page_get_days (schedule), 2), ==, day);
  /* No footage at all: the group says so, with no row. */
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (GTK_WIDGET (overview), "Footage")), ==,
                   "No footage yet");
  g_assert_null (group_row (overview, "Footage"));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-overview-shoot-day.png");

  g_assert_true (gtk_widget_activate (row));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "interviews");

  /* Two places that day, one interview with none. */
  db = cr_production_get_db (cr_window_get_production (window));
  set_field (db, &cr_entity_interview, upcoming[1], "location", "Northgate Library");
  set_field (db, &cr_entity_interview, upcoming[2], "location", "");
  refresh (overview);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (group_row (overview, "Next Shoot Day"))), ==,
                   "3 interviews at Riverside Community Hall and Northgate Library, 1 with no location yet · from 10:00");

  /* Called off, every one: nothing ahead, and the Overview says so. */
  for (guint i = 0; i < G_N_ELEMENTS (upcoming); i++)
    set_field (db, &cr_entity_interview, upcoming[i], "status", "cancelled");
  cr_window_show_page (window, "overview");
  refresh (overview);
  row = group_row (overview, "Next Shoot Day");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "No shoot day planned");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "No interview is planned from today on");
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (GTK_WIDGET (overview), "Next Shoot Day")), ==, "");
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "interviews");

  /* One at midnight today, over already: today is still the shoot day. */
  add_interview (db, tz, "Call with the funder", 0, "00:00", "00:30", NULL, "done");
  cr_window_show_page (window, "overview");
  refresh (overview);
  row = group_row (overview, "Next Shoot Day");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, today);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 interview, no location yet · from 00:00");
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (GTK_WIDGET (overview), "Next Shoot Day")), ==,
                   "Today");
  close_window (window);
}

static void
run_sqlite (const char *path,
            const char *sql,
            char      **out)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", path, sql, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Footage not yet logged: a clip is logged once it has a rating, notes, a tag, its
 * interview, people (or "shows nobody"), a shot, a marker or a select; a file that could not
 * be read is owed no log. The row opens the Clips page; all logged, it says so. */
static void
test_not_logged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "logging.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  g_autoptr(GArray) clips = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *title = NULL;
  g_autofree char *out = NULL;
  g_autofree char *video = NULL;
  CrOverviewPage *overview;
  CrWindow *window;
  GtkWidget *row;
  gint64 interview, person, shot;
  guint n;
  CrDb *db;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  /* A card of twelve clips. */
  {
    g_autofree char *card = g_build_filename (dir, "card", NULL);
    g_autofree char *from = g_build_filename (cr_test_fixtures (), "VideoTrack_29_97_Start-00-00-00-00.mp4", NULL);
    g_autoptr(GFile) source = g_file_new_for_path (from);
    const char *folders[] = { card, NULL };

    g_assert_cmpint (g_mkdir_with_parents (card, 0700), ==, 0);
    for (guint i = 1; i <= 12; i++)
      {
        g_autofree char *name = g_strdup_printf ("A%03u.mp4", i);
        g_autofree char *to = g_build_filename (card, name, NULL);
        g_autoptr(GFile) copy = g_file_new_for_path (to);

        g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      }
    g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  /* One file that could not be read: not footage anyone can log. */
  run_sqlite (path, "UPDATE clip SET status = 'failed' WHERE name = 'A012.mp4'", NULL);
  records = cr_store_list (db, &cr_entity_clip, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      CrRecord *clip = g_ptr_array_index (records, i);

      if (g_strcmp0 (cr_record_get (clip, "status"), "failed") == 0)
        continue;
      g_array_append_val (clips, clip->id);
      if (g_strcmp0 (cr_record_get (clip, "name"), "A001.mp4") == 0)
        video = g_strdup_printf ("%" G_GINT64_FORMAT, clip->id);
    }
  g_assert_nonnull (video);
  n = clips->len;
  g_assert_cmpuint (n, ==, 11);
  /* Nine clips logged, each in one way. */
  interview = test_add (db, &cr_entity_interview, "title", "Ana at the hall", "start", "2026-04-14 10:00",
                        "end", "2026-04-14 11:00", "time_zone", "Europe/London", NULL);
  person = add_person (db, "Ana Costa");
  shot = add_shot (db, "1", "must", "planned");
  {
    g_autofree char *interview_id = g_strdup_printf ("%" G_GINT64_FORMAT, interview);
    g_autofree char *person_id = g_strdup_printf ("%" G_GINT64_FORMAT, person);
    g_autofree char *shot_id = g_strdup_printf ("%" G_GINT64_FORMAT, shot);
    g_autofree char *marked = NULL;
    const char *tags[] = { "laughter", NULL };
    gint64 selected = g_ascii_strtoll (video, NULL, 10);
    guint k = 0;

    /* A001 has a select; the others in order. */
    for (guint i = 0; i < clips->len; i++)
      if (g_array_index (clips, gint64, i) == selected)
        g_array_remove_index (clips, i--);
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "rating", "3");
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "notes", "Good light on her face");
    g_assert_true (cr_clip_tags_change (db, g_array_index (clips, gint64, k++), tags, FALSE, &error));
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "interview", interview_id);
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "participants", person_id);
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "no_person", "yes");
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k++), "shots", shot_id);
    marked = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (clips, gint64, k++));
    test_add (db, &cr_entity_marker, "clip", marked, "frame", "0", "note", "She laughs", NULL);
    test_add (db, &cr_entity_select, "clip", video, "in_frame", "0", "out_frame", "1", NULL);
    /* A rating cleared is no rating. */
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, k), "rating", "0");
    g_array_remove_range (clips, 0, k);
  }
  g_clear_object (&production);

  window = open_window (path, 1400);
  overview = cr_window_get_overview (window);
  title = g_strdup_printf ("%u clips not yet logged", n - 9);
  row = group_row (overview, "Footage");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  /* An independent count, straight from the file. */
  run_sqlite (path, "SELECT count(*) FROM clip WHERE status <> 'failed' AND rating IS NOT 3 AND notes IS NULL"
                    " AND interview IS NULL AND NOT no_person AND id NOT IN (SELECT clip FROM clip_tag)"
                    " AND id NOT IN (SELECT clip FROM clip_participant) AND id NOT IN (SELECT clip FROM clip_shot)"
                    " AND id NOT IN (SELECT clip FROM marker) AND id NOT IN (SELECT clip FROM selection)", &out);
  g_assert_cmpuint (g_ascii_strtoull (out, NULL, 10), ==, n - 9);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-overview-not-logged.png");
  g_assert_true (gtk_widget_activate (row));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "clips");

  /* All but one rated: the count of one in the singular. */
  db = cr_production_get_db (cr_window_get_production (window));
  for (guint i = 1; i < clips->len; i++)
    set_field (db, &cr_entity_clip, g_array_index (clips, gint64, i), "rating", "2");
  cr_window_show_page (window, "overview");
  refresh (overview);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (group_row (overview, "Footage"))), ==,
                   "1 clip not yet logged");
  /* And the last: all of it is logged, and the row still opens the Clips page. */
  set_field (db, &cr_entity_clip, g_array_index (clips, gint64, 0), "notes", "Wide of the hall");
  refresh (overview);
  g_clear_pointer (&title, g_free);
  title = g_strdup_printf ("All %u clips are logged", n);
  row = group_row (overview, "Footage");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "clips");
  close_window (window);
}

/* A clash names its two interviews so that each title reads as one: "Grace and Leo" and
 * "David, the trustee" are two titles, not a list of three people; the people both have are
 * listed as English lists them. The row opens the later interview. */
static void
test_clash_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clash.casereel", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers", &error);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const char *people = "Grace Mensah\nLeo Mensah\nDavid Hughes";
  g_autofree char *a_start = local_time (tz, 3, "14:00");
  g_autofree char *a_end = local_time (tz, 3, "14:45");
  g_autofree char *b_start = local_time (tz, 3, "14:30");
  g_autofree char *b_end = local_time (tz, 3, "15:15");
  CrRecordEditor *editor;
  CrOverviewPage *overview;
  CrWindow *window;
  GtkWidget *row;
  gint64 trustee;
  CrDb *db;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  add_person (db, "Grace Mensah");
  add_person (db, "Leo Mensah");
  add_person (db, "David Hughes");
  test_add (db, &cr_entity_interview, "title", "Grace and Leo", "start", a_start, "end", a_end,
            "participants", people, NULL);
  trustee = test_add (db, &cr_entity_interview, "title", "David, the trustee", "start", b_start, "end", b_end,
                      "participants", people, NULL);
  g_clear_object (&production);

  window = open_window (path, 900);
  overview = cr_window_get_overview (window);
  g_assert_cmpuint (cr_overview_page_get_n_conflicts (overview), ==, 1);
  row = find_row (GTK_WIDGET (overview), "“Grace and Leo” and “David, the trustee”");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Both have David Hughes, Grace Mensah and Leo Mensah");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  cr_ui_save_png (GTK_WIDGET (window), "casereel-overview-clash.png");
  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate (row));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (cr_record_editor_get_entity (editor) == &cr_entity_interview);
  g_assert_cmpint (cr_record_editor_get_id (editor), ==, trustee);
  gtk_window_destroy (GTK_WINDOW (editor));
  close_window (window);
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
  g_test_add_func ("/ui/overview/coverage", test_coverage);
  g_test_add_func ("/ui/overview/counts-of-one", test_counts_of_one);
  g_test_add_func ("/ui/overview/next-shoot-day", test_next_shoot_day);
  g_test_add_func ("/ui/overview/not-logged", test_not_logged);
  g_test_add_func ("/ui/overview/clash-names", test_clash_names);
  return g_test_run ();
}
