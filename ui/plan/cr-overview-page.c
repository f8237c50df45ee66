/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-overview"

#include "config.h"

#include "cr-error-words.h"
#include "cr-consent-current.h"
#include "cr-consent-summary.h"
#include "cr-overview-page.h"
#include "cr-plan-summary.h"
#include "cr-record-format.h"
#include "cr-schedule.h"
#include "cr-shots-page.h"
#include "cr-store.h"
#include "cr-words.h"

/* The overview lists this many problems of each kind and counts the rest. */
#define SHOWN_PROBLEMS 6
/* Consent that ends this soon is worth renewing before the next delivery. */
#define EXPIRY_DAYS 30
#define SHOWN_EXPIRING 20

struct _CrOverviewPage
{
  AdwBin parent_instance;

  /* owned */
  CrProduction       *production;
  AdwPreferencesPage *page;
  GPtrArray          *groups;
  guint               n_consent_problems;
  guint               n_expiring;
  guint               n_conflicts;
  CrShotCoverageSummary coverage;
  gboolean            stale;    /* changed while not shown */
  GCancellable       *cancellable;  /* the consent scan under way */

  /* borrowed: children of page */
  AdwPreferencesGroup *consent_group;
  GtkWidget           *consent_placeholder;
};

G_DEFINE_FINAL_TYPE (CrOverviewPage, cr_overview_page, ADW_TYPE_BIN)

static AdwPreferencesGroup *
add_group (CrOverviewPage *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_icon (GtkWidget  *row,
          const char *icon_name,
          const char *style)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
}

static void
link_row (GtkWidget  *row,
          const char *action,
          GVariant   *target)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);
  return label;
}

/* The production's name as a heading, who it is for, and what it is about. */
static void
add_production_group (CrOverviewPage *self,
                      CrDb           *db)
{
  g_autoptr(CrRecord) p = cr_store_get (db, &cr_entity_production, 1, NULL);
  g_autofree char *title = cr_production_dup_title (self->production);
  g_autoptr(GString) byline = g_string_new (NULL);
  AdwPreferencesGroup *group = add_group (self, NULL, NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *edit = gtk_button_new_with_mnemonic ("_Edit Details…");

  gtk_widget_set_hexpand (text, TRUE);
  {
    GtkWidget *heading = add_label (GTK_BOX (text), title, "title-1");
    /* Selectable for copying, but not the first thing Tab lands on: that selects it all. */
    gtk_label_set_selectable (GTK_LABEL (heading), TRUE);
    gtk_widget_set_focusable (heading, FALSE);
  }
  if (p && cr_record_get (p, "funder"))
    g_string_append_printf (byline, "For %s", cr_record_get (p, "funder"));
  if (p && cr_record_get (p, "producer"))
    g_string_append_printf (byline, "%sProduced by %s", byline->len ? " · " : "", cr_record_get (p, "producer"));
  if (byline->len > 0)
    add_label (GTK_BOX (text), byline->str, "dim-label");
  if (p && cr_record_get (p, "description"))
    gtk_widget_set_margin_top (add_label (GTK_BOX (text), cr_record_get (p, "description"), "body"), 6);

  /* The target first: an action that takes a parameter refuses to be set without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "(sx)", "production", (gint64) 1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-record");
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), text);
  gtk_box_append (GTK_BOX (header), edit);
  adw_preferences_group_add (group, header);
}

static void
add_counts_group (CrOverviewPage *self,
                  CrDb           *db)
{
  static const struct { const CrEntity *entity; const char *icon; } counted[] = {
    { &cr_entity_participant, "system-users-symbolic" },
    { &cr_entity_interview, "x-office-calendar-symbolic" },
    { &cr_entity_shot, "camera-video-symbolic" },
    { &cr_entity_location, "mark-location-symbolic" },
    { &cr_entity_question, "dialog-question-symbolic" },
  };
  AdwPreferencesGroup *group = add_group (self, "Plan", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      g_autofree char *title = cr_words_entity (counted[i].entity, TRUE);
      gint64 n = cr_store_count (db, counted[i].entity, NULL, NULL);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0));
      GtkWidget *row = add_row (group, title, NULL);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      add_icon (row, counted[i].icon, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      link_row (row, "win.show-page", g_variant_new_string (counted[i].entity->plural));
    }
}

/* "3 people's consent ends within 30 days", opening to each of them, soonest first. */
static void
show_expiring (CrOverviewPage *self,
               GPtrArray      *expiring)
{
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  const CrConsentState *soonest;
  GtkWidget *row;

  self->n_expiring = expiring->len;
  if (expiring->len == 0)
    return;
  soonest = g_ptr_array_index (expiring, 0);
  first = cr_words_date (soonest->expires);
  title = expiring->len == 1 ? g_strdup_printf ("1 person’s consent ends within %d days", EXPIRY_DAYS)
                             : g_strdup_printf ("%u people’s consent ends within %d days", expiring->len, EXPIRY_DAYS);
  subtitle = g_strdup_printf ("The first on %s: %s", first, soonest->name);
  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
  adw_preferences_group_add (self->consent_group, row);
  for (guint i = 0; i < expiring->len && i < SHOWN_EXPIRING; i++)
    {
      const CrConsentState *state = g_ptr_array_index (expiring, i);
      g_autofree char *day = cr_words_date (state->expires);
      g_autofree char *ends = g_strdup_printf ("Consent ends %s", day);
      GtkWidget *person = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (person), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person), state->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (person), ends);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), person);
      link_row (person, "win.edit-record", g_variant_new ("(sx)", "participant", state->participant));
    }
  if (expiring->len > SHOWN_EXPIRING)
    {
      g_autofree char *more = g_strdup_printf ("%u more", expiring->len - SHOWN_EXPIRING);
      GtkWidget *rest = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rest), more);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rest);
      link_row (rest, "win.show-page", g_variant_new_string ("participants"));
    }
}

static void
show_consent (CrOverviewPage         *self,
              const CrConsentSummary *summary,
              GPtrArray              *expiring,
              const GError           *error)
{
  AdwPreferencesGroup *group = self->consent_group;
  g_autofree char *description = NULL;

  adw_preferences_group_remove (group, self->consent_placeholder);
  self->consent_placeholder = NULL;
  if (summary == NULL)
    {
      g_autofree char *words = cr_error_words_read (error, "consent");

      adw_preferences_group_set_description (group, words);
      return;
    }
  self->n_consent_problems = summary->n_problems;
  if (summary->n_people == 0)
    description = g_strdup ("No interviewees yet");
  else if (summary->n_people == 1)
    description = g_strdup (summary->n_problems == 0 ? "The interviewee has given consent"
                                                     : "The interviewee needs attention");
  else if (summary->n_problems == 0)
    description = g_strdup_printf ("All %u interviewees have given consent", summary->n_people);
  else
    description = g_strdup_printf ("%u of %u interviewees %s attention", summary->n_problems, summary->n_people,
                                   summary->n_problems == 1 ? "needs" : "need");
  adw_preferences_group_set_description (group, description);

  for (guint i = 0; i < summary->problems->len; i++)
    {
      const CrConsentState *state = g_ptr_array_index (summary->problems, i);
      g_autofree char *details = cr_words_consent_details (state);
      g_autofree char *words = NULL;
      g_autofree char *title = NULL;
      const char *style = NULL;
      GtkWidget *row;

      words = cr_words_consent (state, "interviewee", &style);
      title = g_strdup_printf ("%s — %s", state->name, words);
      row = add_row (group, title, details);
      add_icon (row, cr_words_status_icon (style), style);
      link_row (row, "win.edit-record", g_variant_new ("(sx)", "participant", state->participant));
    }
  if (summary->n_problems > summary->problems->len)
    {
      g_autofree char *more = g_strdup_printf ("%u more", summary->n_problems - summary->problems->len);
      link_row (add_row (group, more, NULL), "win.show-page", g_variant_new_string ("participants"));
    }
  if (summary->n_people > 0 && summary->n_problems == 0)
    add_icon (add_row (group, "Everyone is covered", NULL), "emblem-ok-symbolic", "success");
  show_expiring (self, expiring);
}

/* What the worker found: whose consent needs attention, and whose ends soon. */
typedef struct
{
  CrConsentSummary *summary;
  GPtrArray        *expiring;
} ConsentScan;

static void
consent_scan_free (ConsentScan *scan)
{
  cr_consent_summary_free (scan->summary);
  g_clear_pointer (&scan->expiring, g_ptr_array_unref);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConsentScan, consent_scan_free)

/* Runs in a worker with its own connection: on a large production reading every
 * interviewee's consent takes seconds, and the window stays responsive meanwhile. */
static void
scan_consent_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (task_data, &error);
  g_autoptr(ConsentScan) scan = g_new0 (ConsentScan, 1);

  if (db != NULL && (scan->summary = cr_consent_summary (db, NULL, SHOWN_PROBLEMS, cancellable, &error)) &&
      !g_cancellable_set_error_if_cancelled (cancellable, &error))
    scan->expiring = cr_consent_expiring (db, NULL, EXPIRY_DAYS, &error);
  if (scan->expiring == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&scan), (GDestroyNotify) consent_scan_free);
}

static void
scan_consent_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConsentScan) scan = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer refresh (or closing the window) replaced this scan. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  show_consent (self, scan ? scan->summary : NULL, scan ? scan->expiring : NULL, error);
}

static void
add_consent_group (CrOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *spinner = gtk_spinner_new ();

  self->consent_group = add_group (self, "Consent", "Checking everyone’s consent…");
  self->consent_placeholder = add_row (self->consent_group, "Checking…", NULL);
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->consent_placeholder), spinner);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, scan_consent_done_cb, NULL);
  g_task_set_source_tag (task, add_consent_group);
  g_task_set_task_data (task, g_strdup (cr_production_get_path (self->production)), g_free);
  g_task_run_in_thread (task, scan_consent_thread);
}

/* Two interviews that clash over several people are one clash: "Both have A and B". */
typedef struct
{
  const CrConflict *conflict;   /* the first one of the pair */
  GPtrArray        *shared;     /* names, borrowed from the conflicts */
} Clash;

static void
clash_free (Clash *clash)
{
  g_ptr_array_unref (clash->shared);
  g_free (clash);
}

static GPtrArray *
group_clashes (GPtrArray *conflicts)
{
  GPtrArray *clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) clash_free);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const CrConflict *c = g_ptr_array_index (conflicts, i);
      Clash *clash = NULL;

      for (guint k = 0; k < clashes->len && clash == NULL; k++)
        {
          Clash *other = g_ptr_array_index (clashes, k);
          if (other->conflict->first == c->first && other->conflict->second == c->second)
            clash = other;
        }
      if (clash == NULL)
        {
          clash = g_new0 (Clash, 1);
          clash->conflict = c;
          clash->shared = g_ptr_array_new ();
          g_ptr_array_add (clashes, clash);
        }
      g_ptr_array_add (clash->shared, c->shared_name);
    }
  return clashes;
}

static char *
describe_shared (const Clash *clash)
{
  g_autofree char *names = cr_words_list ((const char * const *) clash->shared->pdata, clash->shared->len);

  return g_strdup_printf ("Both have %s", names);
}

static void
add_schedule_group (CrOverviewPage *self,
                    CrDb           *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = cr_schedule_conflicts (db, 0, &error);
  g_autoptr(GPtrArray) clashes = conflicts ? group_clashes (conflicts) : NULL;
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;

  self->n_conflicts = clashes ? clashes->len : 0;
  if (clashes == NULL)
    description = cr_error_words_read (error, "the schedule");
  else if (clashes->len == 0)
    description = g_strdup ("No interviews overlap");
  else
    description = g_strdup_printf ("%u %s: the same person or place is booked twice at once",
                                   clashes->len, clashes->len == 1 ? "clash" : "clashes");
  group = add_group (self, "Schedule", description);
  for (guint i = 0; clashes && i < clashes->len && i < SHOWN_PROBLEMS; i++)
    {
      const Clash *clash = g_ptr_array_index (clashes, i);
      /* Quoted, as the Schedule page names them: a title may itself read as a list of names
       * ("Grace and Leo", "David, the trustee"), and run into the other. */
      g_autofree char *title = g_strdup_printf ("“%s” and “%s”", clash->conflict->first_title,
                                                clash->conflict->second_title);
      g_autofree char *shared = describe_shared (clash);
      GtkWidget *row = add_row (group, title, shared);

      add_icon (row, "dialog-warning-symbolic", "warning");
      link_row (row, "win.edit-record", g_variant_new ("(sx)", "interview", clash->conflict->second));
    }
  if (clashes && clashes->len > SHOWN_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf ("%u more", clashes->len - SHOWN_PROBLEMS);
      link_row (add_row (group, more, NULL), "win.show-page", g_variant_new_string ("interviews"));
    }
}

/* "Today", "Tomorrow", "In 5 days": how soon, counted in the agenda's days. */
static char *
how_soon (GDateTime *now,
          GDateTime *day)
{
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GDate) then = g_date_new_dmy (g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                                          g_date_time_get_year (day));
  int days = g_date_days_between (today, then);

  if (days <= 0)
    return g_strdup ("Today");
  if (days == 1)
    return g_strdup ("Tomorrow");
  return g_strdup_printf ("In %d days", days);
}

/* "3 interviews at Riverside Community Hall · from 10:00" */
static char *
shoot_day_words (const CrShootDay *day)
{
  g_autofree char *places = cr_words_list ((const char * const *) day->places->pdata, day->places->len);
  g_autofree char *from = g_date_time_format (day->first, "%H:%M");
  GString *text = g_string_new (NULL);

  g_string_printf (text, day->n_interviews == 1 ? "1 interview" : "%u interviews", day->n_interviews);
  if (day->places->len > 0)
    g_string_append_printf (text, " at %s", places);
  if (day->n_unplaced > 0)
    {
      if (day->places->len == 0)
        g_string_append (text, day->n_unplaced == 1 ? ", no location yet" : ", no locations yet");
      else
        g_string_append_printf (text, ", %u with no location yet", day->n_unplaced);
    }
  g_string_append_printf (text, " · from %s", from);
  return g_string_free (text, FALSE);
}

/* The next day with interviews, from today on, in the agenda's zone and named as the
 * Schedule page heads it; it opens the Schedule. */
static void
add_shoot_day_group (CrOverviewPage *self,
                     CrDb           *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cr_schedule_zone (db);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(CrShootDay) day = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *row;

  if (!cr_schedule_next_day (db, tz, now, &day, &error))
    {
      description = cr_error_words_read (error, "the schedule");
      add_group (self, "Next Shoot Day", description);
      return;
    }
  if (day != NULL)
    {
      description = how_soon (now, day->day);
      title = cr_words_day (day->day);
      subtitle = shoot_day_words (day);
    }
  group = add_group (self, "Next Shoot Day", description);
  row = add_row (group, title ? title : "No shoot day planned",
                 subtitle ? subtitle : "No interview is planned from today on");
  add_icon (row, "x-office-calendar-symbolic", NULL);
  link_row (row, "win.show-page", g_variant_new_string ("interviews"));
}

/* Footage that nobody has logged yet (see cr_logging_summary () for what counts); it opens
 * the Clips page, which has no filter for it, so on every clip. No footage, no row. */
static void
add_footage_group (CrOverviewPage *self,
                   CrDb           *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  CrLoggingSummary logging;
  AdwPreferencesGroup *group;
  GtkWidget *row;

  if (!cr_logging_summary (db, &logging, &error))
    description = cr_error_words_read (error, "the footage");
  else if (logging.clips == 0)
    description = g_strdup ("No footage yet");
  group = add_group (self, "Footage", description);
  if (description != NULL)
    return;
  if (logging.not_logged > 0)
    {
      title = logging.not_logged == 1 ? g_strdup ("1 clip not yet logged")
                                      : g_strdup_printf ("%u clips not yet logged", logging.not_logged);
      row = add_row (group, title, "No rating, notes, tags, links, markers or selects yet");
      add_icon (row, "camera-video-symbolic", NULL);
    }
  else
    {
      title = logging.clips == 1 ? g_strdup ("The clip is logged")
                                 : g_strdup_printf ("All %u clips are logged", logging.clips);
      row = add_row (group, title, NULL);
      add_icon (row, "emblem-ok-symbolic", "success");
    }
  link_row (row, "win.show-page", g_variant_new_string ("clips"));
}

static GtkWidget *
find_shots_page (GtkWidget *widget)
{
  if (CR_IS_SHOTS_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shots_page (child);
      if (found)
        return found;
    }
  return NULL;
}

/* How much of the shot list has footage, overall and for each priority that has shots;
 * each row opens the Shots page on the shots still without footage. */
static void
add_coverage_group (CrOverviewPage *self,
                    CrDb           *db)
{
  g_autoptr(GError) error = NULL;
  const CrCoverageCount *all = &self->coverage.all;
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;

  if (!cr_shot_coverage_summary (db, &self->coverage, &error))
    description = cr_error_words_read (error, "the shot coverage");
  else if (all->shots == 0)
    description = g_strdup ("No shots planned yet");
  else
    description = cr_words_footage (all->with_footage, all->shots, FALSE);
  group = add_group (self, "Shot Coverage", description);
  /* Most wanted first. */
  for (guint i = G_N_ELEMENTS (self->coverage.by_priority); i > 0; i--)
    {
      const CrCoverageCount *count = &self->coverage.by_priority[i - 1];
      const char *priority = cr_shot_priority_name (i - 1);
      g_autofree char *words = cr_words_choice (priority);
      g_autofree char *title = g_strdup_printf ("%s priority", words);
      g_autofree char *subtitle = NULL;
      guint missing = count->shots - count->with_footage;
      GtkWidget *row;

      if (count->shots == 0)
        continue;
      /* In the Shots page's words: it counts clips linked, not the status shown there. */
      subtitle = cr_words_footage (count->with_footage, count->shots, FALSE);
      row = add_row (group, title, subtitle);
      add_icon (row, missing == 0 ? "emblem-ok-symbolic" : "camera-video-symbolic",
                missing == 0 ? "success" : (g_str_equal (priority, "must") ? "warning" : NULL));
      link_row (row, "overview.show-shots", g_variant_new ("(sb)", priority, missing > 0));
    }
  if (all->shots > all->with_footage)
    {
      g_autofree char *title = g_strdup_printf ("%u %s without footage", all->shots - all->with_footage,
                                                all->shots - all->with_footage == 1 ? "shot" : "shots");
      link_row (add_row (group, title, "Not yet linked to any clip"), "overview.show-shots",
                g_variant_new ("(sb)", "", TRUE));
    }
}

static void
show_shots_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *priority = NULL;
  gboolean only_missing = FALSE;
  GtkWidget *shots;

  g_variant_get (parameter, "(&sb)", &priority, &only_missing);
  gtk_widget_activate_action (widget, "win.show-page", "s", "shots");
  /* The Shots page is a sibling in the window's stack. */
  shots = gtk_widget_get_root (widget) ? find_shots_page (GTK_WIDGET (gtk_widget_get_root (widget))) : NULL;
  if (shots != NULL)
    cr_shots_page_set_filter (CR_SHOTS_PAGE (shots), only_missing, *priority ? priority : NULL);
}

/* Reading every interviewee's consent costs time on a large production, so a hidden
 * overview waits until it is shown again. */
static void
production_changed_cb (CrOverviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cr_overview_page_refresh (self);
  else
    self->stale = TRUE;
}

static void
cr_overview_page_map (GtkWidget *widget)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cr_overview_page_parent_class)->map (widget);
  if (self->stale)
    cr_overview_page_refresh (self);
}

static void
cr_overview_page_dispose (GObject *object)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->production);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (cr_overview_page_parent_class)->dispose (object);
}

static void
cr_overview_page_class_init (CrOverviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cr_overview_page_dispose;
  GTK_WIDGET_CLASS (klass)->map = cr_overview_page_map;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "overview.show-shots", "(sb)", show_shots_activated);
}

static void
cr_overview_page_init (CrOverviewPage *self)
{
  self->groups = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "overview");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}

CrOverviewPage *
cr_overview_page_new (CrProduction *production)
{
  CrOverviewPage *self = g_object_new (CR_TYPE_OVERVIEW_PAGE, NULL);

  self->production = g_object_ref (production);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  cr_overview_page_refresh (self);
  return self;
}

void
cr_overview_page_refresh (CrOverviewPage *self)
{
  CrDb *db;

  g_return_if_fail (CR_IS_OVERVIEW_PAGE (self));
  db = cr_production_get_db (self->production);
  self->stale = FALSE;
  self->n_expiring = 0;
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  add_production_group (self, db);
  add_shoot_day_group (self, db);
  add_consent_group (self);
  add_schedule_group (self, db);
  add_coverage_group (self, db);
  add_footage_group (self, db);
  add_counts_group (self, db);
}

guint
cr_overview_page_get_n_consent_problems (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->n_consent_problems;
}

gboolean
cr_overview_page_is_busy (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

guint
cr_overview_page_get_n_expiring (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->n_expiring;
}

guint
cr_overview_page_get_n_conflicts (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->n_conflicts;
}

const CrShotCoverageSummary *
cr_overview_page_get_coverage (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), NULL);
  return &self->coverage;
}
