/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-schedule-page"

#include "config.h"

#include <string.h>

#include "cr-error-words.h"
#include "cr-exchange.h"
#include "cr-page.h"
#include "cr-print.h"
#include "cr-record-editor.h"
#include "cr-record-format.h"
#include "cr-row-picker.h"
#include "cr-schedule-page.h"
#include "cr-tell.h"
#include "cr-schedule.h"
#include "cr-store.h"
#include "cr-words.h"
#include "cr-zone.h"

struct _CrSchedulePage
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkLabel     *summary_label;
  GtkStack     *stack;
  GtkWidget    *days_box;

  /* owned */
  CrProduction *production;
  GPtrArray    *days;     /* char *, as shown */
  GPtrArray    *dates;    /* char *, YYYY-MM-DD, as days */
  GHashTable   *clashes;  /* interview id (gint64 *) -> char * */
  GHashTable   *rows;     /* interview id (gint64 *) -> GtkWidget * (borrowed) */
  guint         n_clashes;
};

static void cr_schedule_page_page_init (CrPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrSchedulePage, cr_schedule_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CR_TYPE_PAGE, cr_schedule_page_page_init))

static CrDb *
db_of (CrSchedulePage *self)
{
  return cr_production_get_db (self->production);
}

static char *
display (CrSchedulePage *self,
         CrRecord       *record,
         const char     *field)
{
  g_autofree char *text = cr_record_display (db_of (self), record, cr_entity_find_field (&cr_entity_interview, field));
  g_auto(GStrv) names = NULL;

  /* The store lists people with "; " (for CSV); on the page they read as a sentence. */
  if (text == NULL)
    return NULL;
  names = g_strsplit (text, "; ", -1);
  return g_strjoinv (", ", names);
}

/* ---- clashes in words, on both interviews ---- */

/* One interview's clash with another: everything the two share, gathered from the store's
 * conflicts (one for each person or place shared) into one line. */
typedef struct
{
  gint64     other;
  char      *title;
  char      *time;
  GPtrArray *people;   /* char *, in the store's order */
  GPtrArray *places;
} Clash;

static void
clash_free (gpointer data)
{
  Clash *clash = data;

  g_free (clash->title);
  g_free (clash->time);
  g_ptr_array_unref (clash->people);
  g_ptr_array_unref (clash->places);
  g_free (clash);
}

static void
add_clash (GHashTable       *pairs,
           gint64            interview,
           gint64            other,
           const char       *other_title,
           const char       *other_time,
           const CrConflict *conflict)
{
  GPtrArray *clashes = g_hash_table_lookup (pairs, &interview);
  Clash *clash = NULL;

  if (clashes == NULL)
    {
      clashes = g_ptr_array_new_with_free_func (clash_free);
      g_hash_table_insert (pairs, g_memdup2 (&interview, sizeof interview), clashes);
    }
  for (guint i = 0; clash == NULL && i < clashes->len; i++)
    if (((Clash *) g_ptr_array_index (clashes, i))->other == other)
      clash = g_ptr_array_index (clashes, i);
  if (clash == NULL)
    {
      clash = g_new0 (Clash, 1);
      clash->other = other;
      clash->title = g_strdup (other_title);
      clash->time = g_strdup (other_time);
      clash->people = g_ptr_array_new_with_free_func (g_free);
      clash->places = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (clashes, clash);
    }
  g_ptr_array_add (g_str_equal (conflict->kind, "location") ? clash->places : clash->people,
                   g_strdup (conflict->shared_name));
}

/* "Grace Obi", "Grace Obi and Leo Park", "Grace Obi, Leo Park, …": the first names of n_all. */
static void
append_names (GString   *out,
              GPtrArray *names,
              guint      n_all)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n_all ? " and " : ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
}

/* "Clashes with “Trustee visit” (10:00–11:00): Grace Obi and the Main hall are in both". */
static char *
clash_line (const Clash *clash)
{
  GString *out = g_string_new (NULL);
  guint n_all = clash->people->len + clash->places->len;

  g_string_printf (out, "Clashes with “%s” (%s): ", clash->title, clash->time);
  if (clash->people->len == 0)
    {
      /* Only the place: "both at Riverside Community Hall". */
      g_string_append (out, "both at ");
      append_names (out, clash->places, n_all);
      return g_string_free (out, FALSE);
    }
  append_names (out, clash->people, n_all);
  for (guint i = 0; i < clash->places->len; i++)
    {
      const char *place = g_ptr_array_index (clash->places, i);
      guint at = clash->people->len + i;

      g_string_append (out, at + 1 == n_all ? " and " : ", ");
      /* A place is "the Main hall", unless its name says so already. */
      if (g_ascii_strncasecmp (place, "the ", 4) != 0)
        g_string_append (out, "the ");
      g_string_append (out, place);
    }
  g_string_append (out, n_all == 1 ? " is in both" : " are in both");
  return g_string_free (out, FALSE);
}

/* ---- times in the agenda's zone ---- */

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "10:00–11:30", or "23:00–Wed 16 Dec 01:00" when it ends on another day. */
static char *
range_words (GDateTime *start,
             GDateTime *end)
{
  g_autofree char *from = start ? g_date_time_format (start, "%H:%M") : NULL;
  g_autofree char *to = NULL;

  if (start && end && !same_day (start, end))
    to = g_date_time_format (end, "%a %-d %b %H:%M");
  else if (end)
    to = g_date_time_format (end, "%H:%M");
  return g_strdup_printf ("%s–%s", from ? from : "?", to ? to : "?");
}

static char *
time_range (CrRecord  *record,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) start = cr_record_time_in (record, "start", tz);
  g_autoptr(GDateTime) end = cr_record_time_in (record, "end", tz);

  return range_words (start, end);
}

/* "New York time" for America/New_York, as people say it; a zone not named after a city (UTC,
 * Etc/GMT-4) by its abbreviation, an offset as one: "UTC+04". */
static char *
zone_words (const char *identifier,
            GDateTime  *at)
{
  static const char * const regions[] = { "Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/",
                                          "Australia/", "Europe/", "Indian/", "Pacific/", NULL };
  g_autofree char *abbreviation = NULL;

  for (guint i = 0; regions[i]; i++)
    if (g_str_has_prefix (identifier, regions[i]))
      {
        g_autofree char *city = g_strdelimit (g_strdup (strrchr (identifier, '/') + 1), "_", ' ');
        return g_strdup_printf ("%s time", city);
      }
  abbreviation = g_date_time_format (at, "%Z");
  if (abbreviation[0] == '+' || abbreviation[0] == '-')
    return g_strdup_printf ("UTC%s", abbreviation);
  return g_steal_pointer (&abbreviation);
}

/* The interview's own clock, when it reads otherwise than the agenda's, one line each:
 * "06:00–07:00", "New York time", after its day when that is another, "Tue 15 Dec". NULL when
 * the two clocks agree, whatever the zones' names. */
static char *
own_time (const CrRecord *interview,
          GDateTime      *start,
          GDateTime      *end)
{
  const char *zone = cr_record_get (interview, "time_zone");
  g_autoptr(GTimeZone) tz = zone ? cr_zone_new (zone, NULL) : NULL;
  g_autoptr(GDateTime) own_start = NULL;
  g_autoptr(GDateTime) own_end = NULL;
  g_autofree char *range = NULL;
  g_autofree char *words = NULL;

  if (tz == NULL || start == NULL || end == NULL)
    return NULL;
  own_start = g_date_time_to_timezone (start, tz);
  own_end = g_date_time_to_timezone (end, tz);
  if (g_date_time_get_utc_offset (own_start) == g_date_time_get_utc_offset (start)
      && g_date_time_get_utc_offset (own_end) == g_date_time_get_utc_offset (end))
    return NULL;
  range = range_words (own_start, own_end);
  words = zone_words (zone, own_start);
  if (!same_day (own_start, start))
    {
      g_autofree char *day = g_date_time_format (own_start, "%a %-d %b");
      return g_strdup_printf ("%s\n%s\n%s", day, range, words);
    }
  return g_strdup_printf ("%s\n%s", range, words);
}

static void
find_clashes (CrSchedulePage *self,
              GPtrArray      *interviews,
              GTimeZone      *tz)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = cr_schedule_conflicts (db_of (self), 0, &error);
  g_autoptr(GHashTable) times = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->clashes);
  self->n_clashes = 0;
  if (conflicts == NULL)
    {
      cr_production_read_failed (self->production, "the schedule’s clashes", error);
      return;
    }
  for (guint i = 0; i < interviews->len; i++)
    {
      CrRecord *r = g_ptr_array_index (interviews, i);
      g_hash_table_insert (times, &r->id, time_range (r, tz));
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CrConflict *c = g_ptr_array_index (conflicts, i);
      const char *first_time = g_hash_table_lookup (times, &c->first);
      const char *second_time = g_hash_table_lookup (times, &c->second);

      add_clash (pairs, c->first, c->second, c->second_title, second_time ? second_time : "", c);
      add_clash (pairs, c->second, c->first, c->first_title, first_time ? first_time : "", c);
    }
  /* One line for each interview it clashes with, however much the two share. */
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *clashes = value;
      GString *lines = g_string_new (NULL);

      for (guint i = 0; i < clashes->len; i++)
        {
          g_autofree char *line = clash_line (g_ptr_array_index (clashes, i));
          g_string_append_printf (lines, "%s%s", i ? "\n" : "", line);
        }
      /* Each pair is on both of its interviews: counted once. */
      self->n_clashes += clashes->len;
      g_hash_table_insert (self->clashes, g_memdup2 (key, sizeof (gint64)), g_string_free (lines, FALSE));
    }
  self->n_clashes /= 2;
}

/* ---- rows ---- */

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  CrSchedulePage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "cr-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-record", "(sx)", "interview", id);
}

static GtkWidget *
line_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
make_row (CrSchedulePage *self,
          CrRecord       *interview,
          GTimeZone      *tz)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *range_label, *status;
  g_autoptr(GDateTime) start = cr_record_time_in (interview, "start", tz);
  g_autoptr(GDateTime) end = cr_record_time_in (interview, "end", tz);
  g_autofree char *range = range_words (start, end);
  g_autofree char *own = own_time (interview, start, end);
  g_autofree char *location = display (self, interview, "location");
  g_autofree char *people = display (self, interview, "participants");
  g_autofree char *crew = display (self, interview, "crew");
  g_autofree char *state = g_strdup (cr_record_get (interview, "status"));
  g_autofree char *state_words = cr_words_choice (state ? state : "planned");
  g_autofree char *who = NULL;
  const char *clash = g_hash_table_lookup (self->clashes, &interview->id);

  if (people && crew)
    who = g_strdup_printf ("%s  ·  crew: %s", people, crew);
  else if (crew)
    who = g_strdup_printf ("Crew: %s", crew);
  else
    who = g_strdup (people ? people : "Nobody to interview yet");

  range_label = line_label (range, "numeric");
  gtk_widget_add_css_class (range_label, "heading");
  gtk_label_set_wrap (GTK_LABEL (range_label), FALSE);
  gtk_box_append (GTK_BOX (when), range_label);
  if (own != NULL)
    {
      /* Under the agenda's time, in short lines, so that the column keeps its width. */
      GtkWidget *own_label = line_label (own, "caption");

      gtk_widget_add_css_class (own_label, "dim-label");
      gtk_widget_add_css_class (own_label, "numeric");
      gtk_box_append (GTK_BOX (when), own_label);
    }
  gtk_widget_set_size_request (when, 120, -1);
  gtk_widget_set_valign (when, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), when);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), line_label (cr_record_get (interview, "title"), "heading"));
  gtk_box_append (GTK_BOX (text), line_label (location ? location : "No location yet", NULL));
  gtk_box_append (GTK_BOX (text), line_label (who, "dim-label"));
  if (clash != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (line), icon);
      GtkWidget *words = line_label (clash, NULL);
      gtk_widget_set_hexpand (words, TRUE);
      gtk_box_append (GTK_BOX (line), words);
      gtk_widget_add_css_class (line, "schedule-clash");
      gtk_box_append (GTK_BOX (text), line);
      gtk_widget_add_css_class (row, "clashing");
    }
  gtk_box_append (GTK_BOX (box), text);

  status = gtk_label_new (state_words);
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_widget_add_css_class (status, "schedule-status");
  gtk_widget_add_css_class (status, state ? state : "planned");
  gtk_box_append (GTK_BOX (box), status);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cr-id", g_memdup2 (&interview->id, sizeof (gint64)), g_free);
  return row;
}

static void
reload (CrSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interviews = cr_store_list (db_of (self), &cr_entity_interview, NULL, &error);
  /* One clock for every row, so that the days and the order are those of one place. */
  g_autoptr(GTimeZone) tz = cr_schedule_zone (db_of (self));
  /* YYYY-MM-DD in the agenda's zone -> its list (borrowed): each day once, whatever the order. */
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary = NULL;
  GtkWidget *child;
  g_autofree char *clashes = NULL;

  while ((child = gtk_widget_get_first_child (self->days_box)))
    gtk_box_remove (GTK_BOX (self->days_box), child);
  g_ptr_array_set_size (self->days, 0);
  g_ptr_array_set_size (self->dates, 0);
  g_hash_table_remove_all (self->rows);
  if (interviews == NULL)
    {
      g_autofree char *words = cr_error_words_read (error, "the schedule");

      gtk_label_set_text (self->summary_label, words);
      return;
    }
  find_clashes (self, interviews, tz);
  /* The store lists them by their start in UTC, which is the agenda's order in any one zone. */
  for (guint i = 0; i < interviews->len; i++)
    {
      CrRecord *interview = g_ptr_array_index (interviews, i);
      g_autoptr(GDateTime) start = cr_record_time_in (interview, "start", tz);
      g_autofree char *date = start ? g_date_time_format (start, "%Y-%m-%d") : g_strdup ("");
      GtkWidget *list = g_hash_table_lookup (lists, date);
      GtkWidget *row;

      if (list == NULL)
        {
          g_autofree char *day = start ? cr_words_day (start) : g_strdup ("No date");
          GtkWidget *heading = line_label (day, "heading");
          gtk_widget_set_margin_top (heading, self->days->len ? 18 : 0);
          gtk_widget_set_margin_bottom (heading, 6);
          gtk_box_append (GTK_BOX (self->days_box), heading);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
          gtk_box_append (GTK_BOX (self->days_box), list);
          g_ptr_array_add (self->days, g_steal_pointer (&day));
          g_ptr_array_add (self->dates, start ? g_strdup (date) : NULL);
          g_hash_table_insert (lists, g_steal_pointer (&date), list);
        }
      row = make_row (self, interview, tz);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_hash_table_insert (self->rows, g_memdup2 (&interview->id, sizeof (gint64)), row);
    }
  if (self->n_clashes > 0)
    clashes = g_strdup_printf ("  ·  %u %s", self->n_clashes, self->n_clashes == 1 ? "clash" : "clashes");
  summary = g_strdup_printf ("%u %s on %u %s%s", interviews->len, interviews->len == 1 ? "interview" : "interviews",
                             self->days->len, self->days->len == 1 ? "day" : "days", clashes ? clashes : "");
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, interviews->len ? "agenda" : "empty");
}

static void
production_changed_cb (CrSchedulePage *self,
                       const CrEntity *entity)
{
  if (entity == &cr_entity_interview || entity == &cr_entity_participant || entity == &cr_entity_location ||
      entity == &cr_entity_production)
    reload (self);
}

/* ---- the menu ---- */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrSchedulePage *self = CR_SCHEDULE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CrRecordEditor *editor = cr_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->production,
                                                 &cr_entity_interview, 0, NULL);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
report (CrSchedulePage *self,
        const char     *heading,
        const GError   *error)
{
  cr_tell_error (GTK_WIDGET (self), heading, error, "the schedule");
}

static void
exported (CrSchedulePage *self,
          const char     *path)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf ("Exported “%s”", name);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CrSchedulePage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = g_object_get_data (G_OBJECT (chooser), "cr-csv") != NULL;
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "cr-person"));
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    path = g_file_get_path (file);
  if (path != NULL)
    {
      ok = csv ? cr_schedule_page_export_csv (self, path, &error)
               : cr_schedule_page_export_ics (self, path, person, &error);
      if (ok)
        exported (self, path);
      else
        report (self, "Could Not Export the Schedule", error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file (CrSchedulePage *self,
             const char     *name,
             gboolean        csv,
             gint64          person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Export Schedule",
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, "_Export", "_Cancel");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (csv)
    g_object_set_data (G_OBJECT (chooser), "cr-csv", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (chooser), "cr-person", GSIZE_TO_POINTER ((gsize) person));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (CR_SCHEDULE_PAGE (widget), "Schedule.ics", FALSE, 0);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (CR_SCHEDULE_PAGE (widget), "Schedule.csv", TRUE, 0);
}

static void
person_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrSchedulePage   *self)
{
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cr-person"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "cr-name");

  if (g_str_equal (response, "export") && person > 0 && name != NULL)
    {
      g_autofree char *file = g_strdelimit (g_strdup_printf ("%s.ics", name), "/\\", '-');
      choose_file (self, file, FALSE, person);
    }
}

/* The person found in the picker: their name on its button, and Export can go. */
static void
person_picked_cb (CrRowPicker    *picker,
                  gint64          person,
                  CrSchedulePage *self)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (picker), "cr-dialog");
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (picker));
  char *name = cr_store_label (db_of (self), &cr_entity_participant, person);

  if (name == NULL)
    return;
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), name);
  g_object_set_data (G_OBJECT (dialog), "cr-person", GSIZE_TO_POINTER ((gsize) person));
  g_object_set_data_full (G_OBJECT (dialog), "cr-name", name, g_free);
  adw_message_dialog_set_response_enabled (dialog, "export", TRUE);
  gtk_widget_grab_focus (button);
}

/* The person is found by a search (the project's row picker), never picked from a list of
 * everyone: there may be 10,000 people. */
static void
export_person_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrSchedulePage *self = CR_SCHEDULE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CrRowPicker *picker = cr_row_picker_new (self->production, &cr_entity_participant);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *dialog;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), "_Choose a Person…");
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (picker));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, "One Person’s Calendar",
                                   "Their interviews, as participant or crew, for their own calendar.");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), button);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel", "export", "_Export…", NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (picker), "cr-dialog", dialog);
  g_signal_connect_object (picker, "picked", G_CALLBACK (person_picked_cb), self, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (person_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (button);
}

/* ---- printing the call sheet for a day ---- */

static void
pdf_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 CrSchedulePage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *date = g_object_get_data (G_OBJECT (chooser), "cr-date");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (cr_print_callsheet (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db_of (self), date, FALSE, path, &error))
        exported (self, path);
      else
        report (self, "Could Not Save the Call Sheet", error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
day_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CrSchedulePage   *self)
{
  guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  const char *date;

  if (chosen >= self->dates->len || !(date = g_ptr_array_index (self->dates, chosen)))
    return;
  if (g_str_equal (response, "print"))
    {
      if (!cr_print_callsheet (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db_of (self), date, FALSE, NULL, &error))
        report (self, "Could Not Print the Call Sheet", error);
    }
  else if (g_str_equal (response, "pdf"))
    {
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Save Call Sheet as PDF",
                                                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                   GTK_FILE_CHOOSER_ACTION_SAVE, "_Save", "_Cancel");
      g_autofree char *name = g_strdup_printf ("Call sheet %s.pdf", date);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      g_object_set_data_full (G_OBJECT (chooser), "cr-date", g_strdup (date), g_free);
      g_signal_connect (chooser, "response", G_CALLBACK (pdf_response_cb), g_object_ref (self));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

static void
callsheet_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrSchedulePage *self = CR_SCHEDULE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < self->days->len; i++)
    gtk_string_list_append (days, g_ptr_array_index (self->days, i));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, "Call Sheet",
                                   "Everyone’s call times, the schedule, the places and the shots for one day.");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      gtk_drop_down_new (G_LIST_MODEL (g_object_ref (days)), NULL));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel", "pdf", "Save as _PDF…",
                                    "print", "_Print…", NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print", self->days->len > 0);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pdf", self->days->len > 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (day_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the window's keys: the page's own actions ---- */

static void
page_add (CrPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "schedule.add", NULL);
}

static void
page_print (CrPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "schedule.callsheet", NULL);
}

static void
cr_schedule_page_page_init (CrPageInterface *iface)
{
  iface->add = page_add;
  iface->print = page_print;
}

/* ---- the class ---- */

static void
cr_schedule_page_dispose (GObject *object)
{
  CrSchedulePage *self = CR_SCHEDULE_PAGE (object);

  if (self->production != NULL)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_SCHEDULE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->production);
  G_OBJECT_CLASS (cr_schedule_page_parent_class)->dispose (object);
}

static void
cr_schedule_page_finalize (GObject *object)
{
  CrSchedulePage *self = CR_SCHEDULE_PAGE (object);

  g_ptr_array_unref (self->days);
  g_ptr_array_unref (self->dates);
  g_hash_table_unref (self->clashes);
  g_hash_table_unref (self->rows);
  G_OBJECT_CLASS (cr_schedule_page_parent_class)->finalize (object);
}

static void
cr_schedule_page_class_init (CrSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_schedule_page_dispose;
  object_class->finalize = cr_schedule_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrSchedulePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrSchedulePage, days_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "schedule.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "schedule.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "schedule.export-person-ics", NULL, export_person_activated);
  gtk_widget_class_install_action (widget_class, "schedule.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "schedule.callsheet", NULL, callsheet_activated);
}

static void
cr_schedule_page_init (CrSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->days = g_ptr_array_new_with_free_func (g_free);
  self->dates = g_ptr_array_new_with_free_func (g_free);
  self->clashes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

CrSchedulePage *
cr_schedule_page_new (CrProduction *production)
{
  CrSchedulePage *self;

  g_return_val_if_fail (CR_IS_PRODUCTION (production), NULL);
  self = g_object_new (CR_TYPE_SCHEDULE_PAGE, NULL);
  self->production = g_object_ref (production);
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

GPtrArray *
cr_schedule_page_get_days (CrSchedulePage *self)
{
  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), NULL);
  return self->days;
}

const char *
cr_schedule_page_get_summary (CrSchedulePage *self)
{
  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
cr_schedule_page_get_clash (CrSchedulePage *self,
                            gint64          interview)
{
  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), NULL);
  return g_hash_table_lookup (self->clashes, &interview);
}

GtkWidget *
cr_schedule_page_get_row (CrSchedulePage *self,
                          gint64          interview)
{
  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, &interview);
}

gboolean
cr_schedule_page_export_ics (CrSchedulePage  *self,
                             const char      *path,
                             gint64           participant,
                             GError         **error)
{
  g_autofree char *ics = NULL;

  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), FALSE);
  if (!(ics = cr_export_schedule_ics (db_of (self), participant, error)))
    return FALSE;
  /* g_file_set_contents writes a temp file beside it and renames it into place. */
  return g_file_set_contents (path, ics, -1, error);
}

gboolean
cr_schedule_page_export_csv (CrSchedulePage  *self,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (CR_IS_SCHEDULE_PAGE (self), FALSE);
  if (!(csv = cr_export_csv (db_of (self), &cr_entity_interview, NULL, error)))
    return FALSE;
  return g_file_set_contents (path, csv, -1, error);
}
