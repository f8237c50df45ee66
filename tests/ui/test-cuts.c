/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-cuts"

/* The Cuts page driven as a user would, in the real window over real footage: a stringout
 * made in its dialog, events badged for consent, reordered by the drag-and-drop path and by
 * Alt+Down, removed and put back with Undo, trimmed by timecode, and an EDL export that is
 * refused for a withdrawn person, then exported anyway with the choice recorded, and read
 * back. */

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-clip-tags.h"
#include "cr-cut-edit.h"
#include "cr-cut-event-row.h"
#include "cr-cut-event.h"
#include "cr-cut-export-dialog.h"
#include "cr-cut-posters.h"
#include "cr-cut-strip.h"
#include "cr-cuts-page.h"
#include "cr-entity-page.h"
#include "cr-selects-page.h"
#include "cr-edl.h"
#include "cr-export-override.h"
#include "cr-indexer.h"
#include "cr-store.h"
#include "cr-stringout-dialog.h"
#include "cr-thumbnail.h"
#include "cr-window.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* A young carers' project: the real recordings catalogued, two people (one has withdrawn),
 * two questions and four selects, one of them with nobody linked (its clip shows no one). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = NULL;
  const char *folders[] = { cr_test_fixtures (), NULL };
  CrDb *db;

  g_assert_nonnull (folders[0]);
  f->dir = cr_test_make_tmp ("casereel-cuts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "riverside.casereel", NULL);
  production = cr_production_create (f->path, "Caring Together", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (production);
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_participant, "name", "Farhan Iqbal", "kind", "interviewee", NULL);
  test_add (db, &cr_entity_consent, "participant", "Aisha Rahman", "status", "signed", "date", "2026-03-02",
       "channels", "internal,website,funder-report", "media", "all", "naming", "full-name", NULL);
  test_add (db, &cr_entity_consent, "participant", "Farhan Iqbal", "status", "signed", "date", "2026-02-20",
       "channels", "all", "media", "all", "naming", "full-name", NULL);
  test_add (db, &cr_entity_consent, "participant", "Farhan Iqbal", "status", "withdrawn", "date", "2026-03-12", NULL);
  test_add (db, &cr_entity_question, "text", "How did you first hear about the project?", NULL);
  test_add (db, &cr_entity_question, "text", "What does a normal school day look like?", NULL);
  test_add (db, &cr_entity_select, "clip", "VideoTrack_29_97_Start-00-00-00-00.mp4", "in_frame", "0", "out_frame", "60",
       "label", "Arriving at the hall", "participants", "Aisha Rahman",
       "question", "How did you first hear about the project?", NULL);
  test_add (db, &cr_entity_select, "clip", "Sr001-2C-01_01.WAV", "in_frame", "25", "out_frame", "100",
       "label", "First heard of the project", "participants", "Farhan Iqbal",
       "question", "How did you first hear about the project?", NULL);
  test_add (db, &cr_entity_select, "clip", "VideoTrack_29_97_Start-00-00-00-00.mp4", "in_frame", "90",
       "out_frame", "150", "label", "A normal school day", "participants", "Aisha Rahman",
       "question", "What does a normal school day look like?", NULL);
  test_add (db, &cr_entity_select, "clip", "Scene_1_2AG-T001_Tr1.WAV", "in_frame", "0", "out_frame", "50",
       "label", "The bus home", "question", "What does a normal school day look like?", NULL);
  /* The bus home is sound only and names nobody: its clip is marked as showing no one, so
   * under the consent rule it clears with nobody linked rather than being a problem. */
  {
    g_autoptr(CrRecord) clip = cr_store_find (db, &cr_entity_clip, "Scene_1_2AG-T001_Tr1.WAV", &error);
    g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);

    g_assert_no_error (error);
    g_assert_nonnull (clip);
    cr_record_set (change, "no_person", "yes");
    g_assert_true (cr_store_update (db, &cr_entity_clip, clip->id, change, &error));
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---- */

/* The row on screen that shows event `position`. */
static gboolean
shows_event (GtkWidget     *widget,
             gconstpointer  position)
{
  CrCutEvent *event = CR_IS_CUT_EVENT_ROW (widget) ? cr_cut_event_row_get_event (CR_CUT_EVENT_ROW (widget)) : NULL;

  return event && cr_cut_event_get_position (event) == GPOINTER_TO_UINT (position);
}

static CrCutEventRow *
find_row (GtkWidget *root,
          guint      position)
{
  return (CrCutEventRow *) cr_ui_find_where (root, shows_event, GUINT_TO_POINTER (position));
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* The labels of the cut's events as the store has them, "a|b|c". */
static char *
stored_order (CrDb   *db,
              gint64  cut)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < timeline->events->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", cr_timeline_get_event (timeline, i)->label);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same as the page's rows show them. */
static char *
shown_order (CrCutsPage *page)
{
  GListModel *events = cr_cuts_page_get_events (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (events, i);
      g_assert_cmpuint (cr_cut_event_get_position (event), ==, i + 1);
      g_string_append_printf (out, "%s%s", i ? "|" : "", cr_cut_event_get_label (event));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CrCutEvent *
event_at (CrCutsPage *page,
          guint       position)
{
  CrCutEvent *event = g_list_model_get_item (cr_cuts_page_get_events (page), position - 1);

  g_assert_nonnull (event);
  g_object_unref (event);   /* the page's store keeps it */
  return event;
}

/* The labels of the cut's events as the production file has them, read through a
 * connection of its own (not the window's), "a|b|c". */
static char *
file_order (const char *path,
            gint64      cut)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_open (path, &error);
  g_autoptr(CrTimeline) timeline = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  timeline = cr_cut_build_timeline_words (db, cut, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->events->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", cr_timeline_get_event (timeline, i)->label);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_heading (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading");
}

static GtkWidget *
find_heading (GtkWidget *widget)
{
  return cr_ui_find_where (widget, is_heading, NULL);
}

/* The titles the row widgets on screen show, in the events' order, "a|b|c". */
static char *
rows_order (CrCutsPage *page,
            guint       n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    {
      CrCutEventRow *row = find_row (GTK_WIDGET (page), i);
      GtkWidget *heading;

      g_assert_nonnull (row);
      heading = find_heading (GTK_WIDGET (row));
      g_assert_nonnull (heading);
      g_string_append_printf (out, "%s%s", i > 1 ? "|" : "", gtk_label_get_text (GTK_LABEL (heading)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A drag of the row showing event `from` dropped on the row showing event `to`, through
 * the rows' own GtkDragSource and GtkDropTarget: what the drag carries must be what the
 * row's target takes, and not what the page's target for selects takes. */
static gboolean
drag_row (CrCutsPage *page,
          guint       from,
          guint       to)
{
  CrCutEventRow *source_row = find_row (GTK_WIDGET (page), from);
  CrCutEventRow *target_row = find_row (GTK_WIDGET (page), to);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkContentFormats) carried = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkDragSource *drag;
  GtkDropTarget *drop, *page_drop;
  gboolean accepted = FALSE;

  g_assert_nonnull (source_row);
  g_assert_nonnull (target_row);
  drag = find_controller (GTK_WIDGET (source_row), GTK_TYPE_DRAG_SOURCE);
  drop = find_controller (GTK_WIDGET (target_row), GTK_TYPE_DROP_TARGET);
  page_drop = find_controller (GTK_WIDGET (page), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drag);
  g_assert_nonnull (drop);
  g_assert_nonnull (page_drop);
  g_assert_true (gtk_drag_source_get_actions (drag) & gtk_drop_target_get_actions (drop) & GDK_ACTION_MOVE);
  g_signal_emit_by_name (drag, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  carried = gdk_content_provider_ref_formats (content);
  g_assert_true (gdk_content_formats_match (carried, gtk_drop_target_get_formats (drop)));
  g_assert_false (gdk_content_formats_match (carried, gtk_drop_target_get_formats (page_drop)));
  g_value_init (&value, G_TYPE_UINT);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_value_get_uint (&value), ==, from);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
shown_error (GtkWidget *popover)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (popover, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error") && gtk_widget_get_visible (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

/* Closed (trimmed), or showing why not. */
static gboolean
trim_answered (gpointer popover)
{
  return !gtk_widget_get_visible (popover) || shown_error (popover) != NULL;
}

/* The trim popover of event `position`'s row opened as its button opens it, filled in
 * with the event's range; the range typed, and Enter in Source out. NULL when it closed
 * (trimmed), else the error it shows. */
static char *
trim_in_popover (CrWindow   *window,
                 CrCutsPage *page,
                 guint       position,
                 const char *in,
                 const char *out)
{
  CrCutEventRow *row = find_row (GTK_WIDGET (page), position);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkMenuButton *button;
  char *message;
  GtkPopover *popover;
  CrCutEvent *event;

  g_assert_nonnull (row);
  event = cr_cut_event_row_get_event (row);
  button = GTK_MENU_BUTTON (cr_ui_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  cr_cut_event_row_start_trim (row);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
  collect (GTK_WIDGET (popover), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, cr_cut_event_get_source_in (event));
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[1]), ==, cr_cut_event_get_source_out (event));
  gtk_editable_set_text (entries->pdata[0], in);
  gtk_editable_set_text (entries->pdata[1], out);
  /* Enter: the entry's text activates the popover's default, Trim. */
  g_signal_emit_by_name (cr_ui_find_widget (entries->pdata[1], GTK_TYPE_TEXT), "activate");
  /* A button activated by a key is clicked once its pressed look has shown. */
  cr_ui_wait_until (trim_answered, popover);
  if (!gtk_widget_get_visible (GTK_WIDGET (popover)))
    return NULL;
  message = g_strdup (gtk_label_get_text (GTK_LABEL (shown_error (GTK_WIDGET (popover)))));
  gtk_popover_popdown (popover);
  return message;
}

static gboolean
undo_offered (gpointer page)
{
  return cr_cuts_page_get_undo_toast (page) != NULL;
}

/* The window's picture, once it has one: a toast's timeout may ask for a redraw between
 * the last frame and the picture (under a slow sanitizer run), and a widget waiting to be
 * drawn again has nothing to give until the next frame draws it. */
static void
save_window_png (GtkWidget  *window,
                 const char *name)
{
  for (;;)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (window),
                              gtk_widget_get_height (window));
      if ((node = gtk_snapshot_to_node (snapshot)))
        break;
      cr_ui_wait_for_frames (window, 1);
    }
  cr_ui_save_png (window, name);
}

static gboolean
posters_done (gpointer page)
{
  return !cr_cuts_page_is_busy (page);
}

static gboolean
refusal_shown (gpointer dialog)
{
  return cr_cut_export_dialog_get_refusal (dialog) != NULL;
}

static void
finished_cb (CrCutExportDialog *dialog,
             gboolean           written,
             int               *result)
{
  *result = written ? 1 : 0;
}

static gboolean
finished (gpointer result)
{
  return *(int *) result >= 0;
}

/* The row of the refusal's problem list with this title. */
static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwActionRow *
find_problem_in (GtkWidget  *widget,
                 const char *title)
{
  return (AdwActionRow *) cr_ui_find_where (widget, is_action_row_titled, title);
}

static AdwActionRow *
find_problem (AdwMessageDialog *refusal,
              const char       *title)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (refusal);

  return extra ? find_problem_in (extra, title) : NULL;
}

static CrWindow *
show_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window = cr_window_new (NULL, NULL);

  g_assert_true (cr_window_open (window, path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 720);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_show_page (window, "cuts");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

/* ---- tests ---- */

static void
test_cut_page (Fixture       *f,
               gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  CrStringoutDialog *stringout;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  gint64 cut;

  g_assert_nonnull (page);
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "cuts");
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, 0);

  /* A stringout by question, "school day" first: its answers by person (nobody first), then
   * the first question's. The preview counts what Create makes and changes nothing. */
  stringout = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  cr_stringout_dialog_set_name (stringout, "Rough cut 1");
  g_assert_true (cr_stringout_dialog_tick_question (stringout, "What does a normal school day look like?"));
  g_assert_cmpstr (cr_stringout_dialog_get_preview (stringout), ==, "2 events");
  g_assert_true (cr_stringout_dialog_tick_question (stringout, "How did you first hear about the project?"));
  g_assert_cmpstr (cr_stringout_dialog_get_preview (stringout), ==, "4 events");
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, 0);
  cr_stringout_dialog_set_by (stringout, 1);
  cr_stringout_dialog_set_tag (stringout, "no-such-tag");
  g_assert_cmpstr (cr_stringout_dialog_get_preview (stringout), ==, "No select matches");
  cr_stringout_dialog_set_by (stringout, 0);
  cut = cr_stringout_dialog_create (stringout);
  g_assert_cmpint (cut, >, 0);
  gtk_window_destroy (GTK_WINDOW (stringout));
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, cut);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "The bus home|A normal school day|Arriving at the hall|First heard of the project");
  g_clear_pointer (&order, g_free);

  /* Each event in words and timecode; the total at the cut's rate. */
  {
    CrCutEvent *school = event_at (page, 2);
    g_assert_cmpstr (cr_cut_event_get_source (school), ==, "VideoTrack_29_97_Start-00-00-00-00.mp4");
    g_assert_cmpstr (cr_cut_event_get_source_in (school), ==, "00:00:03:00");
    g_assert_cmpstr (cr_cut_event_get_source_out (school), ==, "00:00:05:00");
    g_assert_cmpstr (cr_cut_event_get_people (school), ==, "Aisha Rahman");
    g_assert_cmpstr (cr_cut_event_get_duration (school), ==, "0:02");
  }

  /* Consent badges: the withdrawn person's event, nobody linked, and cleared. */
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 4)), ==, CR_CUT_BADGE_PROBLEM);
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 4)), ==, "Withdrawn: Farhan Iqbal");
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 1)), ==, CR_CUT_BADGE_NOBODY);
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 2)), ==, CR_CUT_BADGE_CLEARED);
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 1);
  /* Channel "social media" is not in Aisha's consent: her two events fail too. */
  cr_cuts_page_set_channel (page, "social-media");
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 2)), ==, CR_CUT_BADGE_PROBLEM);
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 2)), ==, "Not for social media: Aisha Rahman");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 3);
  cr_cuts_page_set_channel (page, "website");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 1);

  /* The strip is in proportion: 2 s of 29.97 against 3 s of 25 in the cut's frames. */
  {
    CrCutStrip *strip = CR_CUT_STRIP (cr_cuts_page_get_strip (page));
    double total = 0;
    for (guint i = 0; i < 4; i++)
      total += cr_cut_event_get_length (event_at (page, i + 1));
    for (guint i = 0; i < 4; i++)
      g_assert_cmpfloat_with_epsilon (cr_cut_strip_get_share (strip, i),
                                      cr_cut_event_get_length (event_at (page, i + 1)) / total, 1e-9);
    g_assert_cmpfloat (cr_cut_strip_get_share (strip, 3), >, cr_cut_strip_get_share (strip, 1));
  }

  /* Drag and drop, through the rows' own controllers: the drag of event 4 carries its
   * number; dropping it on event 1 puts it first. */
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  {
    CrCutEventRow *last = find_row (GTK_WIDGET (page), 4);
    CrCutEventRow *first = find_row (GTK_WIDGET (page), 1);
    GtkDragSource *drag;
    GtkDropTarget *drop;
    g_autoptr(GdkContentProvider) content = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    g_assert_nonnull (last);
    g_assert_nonnull (first);
    drag = find_controller (GTK_WIDGET (last), GTK_TYPE_DRAG_SOURCE);
    drop = find_controller (GTK_WIDGET (first), GTK_TYPE_DROP_TARGET);
    g_assert_nonnull (drag);
    g_assert_nonnull (drop);
    g_signal_emit_by_name (drag, "prepare", 10.0, 10.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_UINT);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_value_get_uint (&value), ==, 4);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
  }
  order = stored_order (db, cut);
  g_assert_cmpstr (order, ==, "First heard of the project|The bus home|A normal school day|Arriving at the hall");
  g_clear_pointer (&order, g_free);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "First heard of the project|The bus home|A normal school day|Arriving at the hall");
  g_clear_pointer (&order, g_free);

  /* Alt+Down on the selected (moved) event takes it one place on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cut.move-down", NULL));
  order = stored_order (db, cut);
  g_assert_cmpstr (order, ==, "The bus home|First heard of the project|A normal school day|Arriving at the hall");
  g_clear_pointer (&order, g_free);

  /* Remove with Undo: the event comes back in its place. */
  g_assert_true (cr_cuts_page_remove_event (page, 2, &error));
  g_assert_no_error (error);
  order = stored_order (db, cut);
  g_assert_cmpstr (order, ==, "The bus home|A normal school day|Arriving at the hall");
  g_clear_pointer (&order, g_free);
  g_assert_true (cr_cuts_page_undo_remove (page, &error));
  g_assert_no_error (error);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "The bus home|First heard of the project|A normal school day|Arriving at the hall");
  g_clear_pointer (&order, g_free);
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 2)), ==, CR_CUT_BADGE_PROBLEM);

  /* Trim by timecode, through the row's popover (made when first opened), typed and
   * confirmed with Enter: a bad timecode names the field and changes nothing. */
  {
    g_autofree char *message = NULL;

    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    message = trim_in_popover (window, page, 3, "00:00:03:xx", "00:00:04:00");
    g_assert_nonnull (message);
    g_assert_true (g_str_has_prefix (message, "source in: "));
    g_clear_pointer (&message, g_free);
    message = trim_in_popover (window, page, 3, "00:00:04:00", "00:00:03:00");
    g_assert_nonnull (message);
    g_assert_true (g_str_has_prefix (message, "source out: "));
    g_clear_pointer (&message, g_free);
    /* Past the clip's end: said in timecode, as the other points are, not in frames. */
    message = trim_in_popover (window, page, 3, "00:00:03:00", "00:59:00:00");
    g_assert_nonnull (message);
    g_test_message ("past the end: %s", message);
    g_assert_true (g_str_has_prefix (message, "source out: 00:59:00:00 is after the clip ends (00:00:"));
    g_assert_null (strstr (message, "frame"));
    g_assert_null (strstr (message, "out_frame"));
    g_clear_pointer (&message, g_free);
    g_assert_cmpstr (cr_cut_event_get_source_in (event_at (page, 3)), ==, "00:00:03:00");
    message = trim_in_popover (window, page, 3, "00:00:03:15", "00:00:04:15");
    g_assert_null (message);
    g_assert_cmpstr (cr_cut_event_get_source_in (event_at (page, 3)), ==, "00:00:03:15");
    g_assert_cmpstr (cr_cut_event_get_source_out (event_at (page, 3)), ==, "00:00:04:15");
    /* One second of 29.97 footage is 25 frames of this 25 fps cut. */
    g_assert_cmpint (cr_cut_event_get_length (event_at (page, 3)), ==, 25);
  }

  /* Posters are made in the background; then the page as it looks. */
  cr_ui_wait_until (posters_done, page);
  g_assert_nonnull (cr_cut_event_get_poster (event_at (page, 3)));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  save_window_png (GTK_WIDGET (window), "casereel-cut.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a label under widget shows exactly this text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The badges of the two problems a signed form can still have: it has lapsed, or its person
 * is a minor and no guardian is named. Each on its event and its row, in words with the
 * person's name; put right, the badge clears. */
static void
test_badges_expired_minor (Fixture       *f,
                           gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrProduction *production = cr_window_get_production (window);
  CrDb *db = cr_production_get_db (production);
  g_autoptr(GError) error = NULL;
  gint64 leo, expired_select, minor_select, cut;

  test_add (db, &cr_entity_participant, "name", "Grace Hughes", "kind", "interviewee", NULL);
  leo = test_add (db, &cr_entity_participant, "name", "Leo Park", "kind", "interviewee", NULL);
  /* Signed in 2020 until 2021: lapsed now. */
  test_add (db, &cr_entity_consent, "participant", "Grace Hughes", "status", "signed", "date", "2020-01-10",
            "expires", "2021-01-10", "channels", "all", "media", "all", "naming", "full-name", NULL);
  /* Signed as an adult; then found to be under 18, with no guardian named. */
  test_add (db, &cr_entity_consent, "participant", "Leo Park", "status", "signed", "date", "2026-01-05",
            "channels", "all", "media", "all", "naming", "full-name", NULL);
  {
    g_autoptr(CrRecord) minor = cr_record_new (&cr_entity_participant);
    cr_record_set (minor, "minor", "yes");
    g_assert_true (cr_store_update (db, &cr_entity_participant, leo, minor, &error));
    g_assert_no_error (error);
  }
  expired_select = test_add (db, &cr_entity_select, "clip", "VideoTrack_29_97_Start-00-00-00-00.mp4",
                             "in_frame", "0", "out_frame", "30", "label", "Grace on the trustees",
                             "participants", "Grace Hughes", NULL);
  minor_select = test_add (db, &cr_entity_select, "clip", "VideoTrack_29_97_Start-00-00-00-00.mp4",
                           "in_frame", "30", "out_frame", "60", "label", "Leo on the bus",
                           "participants", "Leo Park", NULL);
  cut = test_add (db, &cr_entity_cut, "name", "Two lapses", "frame_rate", "25", NULL);
  cr_production_changed (production, &cr_entity_cut);
  g_assert_true (cr_cuts_page_add_selects (page, cut, (gint64[]) { expired_select, minor_select }, 2, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);

  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 1)), ==, CR_CUT_BADGE_PROBLEM);
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 1)), ==, "Expired: Grace Hughes");
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 2)), ==, CR_CUT_BADGE_PROBLEM);
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 2)), ==, "Minor without a guardian: Leo Park");
  g_assert_true (shows_text (GTK_WIDGET (find_row (GTK_WIDGET (page), 1)), "Expired: Grace Hughes"));
  g_assert_true (shows_text (GTK_WIDGET (find_row (GTK_WIDGET (page), 2)), "Minor without a guardian: Leo Park"));
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 2);
  /* Whatever the channel: neither form stands. */
  cr_cuts_page_set_channel (page, "internal");
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 1)), ==, "Expired: Grace Hughes");
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 2)), ==, "Minor without a guardian: Leo Park");

  /* A form naming his guardian: Leo's event clears, Grace's stays. */
  test_add (db, &cr_entity_consent, "participant", "Leo Park", "status", "signed", "date", "2026-01-06",
            "channels", "all", "media", "all", "naming", "full-name", "guardian_name", "Mina Park",
            "guardian_relationship", "mother", NULL);
  cr_production_changed (production, &cr_entity_consent);
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 2)), ==, CR_CUT_BADGE_CLEARED);
  g_assert_cmpstr (cr_cut_event_get_badge_words (event_at (page, 1)), ==, "Expired: Grace Hughes");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A button below widget with this tooltip. */
static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *tooltip)
{
  return cr_ui_find_where (widget, is_button_with_tooltip, tooltip);
}

/* The place in the order a question's row shows ("1", "2", "" when not ticked). */
static const char *
shown_place (CrStringoutDialog *dialog,
             const char        *question)
{
  GtkWidget *row = cr_stringout_dialog_get_question_row (dialog, question);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_nonnull (row);
  collect (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "accent"))
      return gtk_label_get_text (labels->pdata[i]);
  g_assert_not_reached ();
}

#define FIRST_HEARD "How did you first hear about the project?"
#define SCHOOL_DAY "What does a normal school day look like?"

/* By questions, chosen and ordered: ticked one way, put the other way with a row's arrow,
 * then by Alt+Up and Alt+Down where the focus is; the cut follows the order shown. */
static void
test_stringout_order (Fixture       *f,
                      gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrStringoutDialog *dialog = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  GtkWidget *heard_row, *school_row;
  GtkWidget *heard_up, *heard_down, *school_up, *school_down;
  g_autofree char *order = NULL;
  gint64 cut;

  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  heard_row = cr_stringout_dialog_get_question_row (dialog, FIRST_HEARD);
  school_row = cr_stringout_dialog_get_question_row (dialog, SCHOOL_DAY);
  g_assert_nonnull (heard_row);
  g_assert_nonnull (school_row);
  heard_up = find_tooltip (heard_row, "Earlier in the Cut (Alt+↑)");
  heard_down = find_tooltip (heard_row, "Later in the Cut (Alt+↓)");
  school_up = find_tooltip (school_row, "Earlier in the Cut (Alt+↑)");
  school_down = find_tooltip (school_row, "Later in the Cut (Alt+↓)");
  g_assert_nonnull (heard_up);
  g_assert_nonnull (school_down);

  /* Ticked in the fixture's order: the arrows show once there is an order to change. */
  g_assert_false (gtk_widget_get_visible (heard_up));
  g_assert_true (cr_stringout_dialog_tick_question (dialog, FIRST_HEARD));
  g_assert_false (gtk_widget_get_visible (heard_up));
  g_assert_true (cr_stringout_dialog_tick_question (dialog, SCHOOL_DAY));
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "1");
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "2");
  g_assert_true (gtk_widget_get_visible (heard_up));
  g_assert_false (gtk_widget_get_sensitive (heard_up));
  g_assert_true (gtk_widget_get_sensitive (heard_down));
  g_assert_true (gtk_widget_get_sensitive (school_up));
  g_assert_false (gtk_widget_get_sensitive (school_down));

  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (heard_row)), ==, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (school_row)), ==, 1);

  /* The school day's arrow up: it leads, and its row moves to the top. */
  g_signal_emit_by_name (school_up, "clicked");
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "1");
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "2");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (school_row)), ==, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (heard_row)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (school_up));
  g_assert_true (gtk_widget_get_sensitive (heard_up));
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "4 events");

  /* From the keyboard, on the row with the focus: Alt+Down takes it back, Alt+Up again. */
  g_assert_true (gtk_widget_grab_focus (school_row));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == school_row ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), school_row));
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "2");
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "1");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (school_row)), ==, 1);
  /* The focus went with the row. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), school_row) ||
                 gtk_root_get_focus (GTK_ROOT (dialog)) == school_row);
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Down, GDK_ALT_MASK);   /* already last */
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "2");
  cr_ui_press (GTK_WIDGET (dialog), GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "1");
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "2");
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  cr_ui_save_png (GTK_WIDGET (dialog), "casereel-stringout-order.png");

  /* The cut: the school day's answers (nobody first, then by person), then the first
   * question's, as the numbers say. */
  cut = cr_stringout_dialog_create (dialog);
  g_assert_cmpint (cut, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  order = file_order (f->path, cut);
  g_assert_cmpstr (order, ==, "The bus home|A normal school day|Arriving at the hall|First heard of the project");
  g_clear_pointer (&order, g_free);

  /* The other way round, by the first question's arrow down: the first question leads. */
  dialog = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  heard_row = cr_stringout_dialog_get_question_row (dialog, FIRST_HEARD);
  g_assert_true (cr_stringout_dialog_tick_question (dialog, SCHOOL_DAY));
  g_assert_true (cr_stringout_dialog_tick_question (dialog, FIRST_HEARD));
  g_signal_emit_by_name (find_tooltip (heard_row, "Earlier in the Cut (Alt+↑)"), "clicked");
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "1");
  /* Unticked, a question leaves the order and its arrows go; ticked again, it comes last. */
  school_row = cr_stringout_dialog_get_question_row (dialog, SCHOOL_DAY);
  g_assert_true (cr_stringout_dialog_untick_question (dialog, SCHOOL_DAY));
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "");
  g_assert_cmpstr (shown_place (dialog, FIRST_HEARD), ==, "1");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (heard_row)), ==, 0);
  g_assert_false (gtk_widget_get_visible (find_tooltip (school_row, "Earlier in the Cut (Alt+↑)")));
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  g_assert_true (cr_stringout_dialog_tick_question (dialog, SCHOOL_DAY));
  g_assert_cmpstr (shown_place (dialog, SCHOOL_DAY), ==, "2");
  cut = cr_stringout_dialog_create (dialog);
  g_assert_cmpint (cut, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  order = file_order (f->path, cut);
  g_assert_cmpstr (order, ==, "Arriving at the hall|First heard of the project|The bus home|A normal school day");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* By rating: at least the stars chosen, counted before and made by Create. */
static void
test_stringout_rating (Fixture       *f,
                       gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  const char *labels[] = { "Arriving at the hall", "A normal school day", "The bus home" };
  const char *stars[] = { "5", "4", "2" };
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  CrStringoutDialog *dialog;
  gint64 cut;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(CrRecord) change = cr_record_new (&cr_entity_select);
      gint64 id = 0;

      g_assert_true (cr_store_resolve (db, &cr_entity_select, labels[i], &id, &error));
      cr_record_set (change, "rating", stars[i]);
      g_assert_true (cr_store_update (db, &cr_entity_select, id, change, &error));
      g_assert_no_error (error);
    }
  dialog = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  cr_stringout_dialog_set_name (dialog, "Best answers");
  cr_stringout_dialog_set_by (dialog, 2);
  /* Four stars is where it starts. */
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  cr_stringout_dialog_set_min_rating (dialog, 5);
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "1 event");
  cr_stringout_dialog_set_min_rating (dialog, 2);
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "3 events");
  cr_stringout_dialog_set_min_rating (dialog, 4);
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  /* Ticked questions are not what it goes by. */
  g_assert_true (cr_stringout_dialog_tick_question (dialog, FIRST_HEARD));
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, 0);
  cut = cr_stringout_dialog_create (dialog);
  g_assert_cmpint (cut, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, cut);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "Arriving at the hall|A normal school day");
  g_clear_pointer (&order, g_free);
  order = file_order (f->path, cut);
  g_assert_cmpstr (order, ==, "Arriving at the hall|A normal school day");

  /* Nothing that high: nothing to create. */
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "Arriving at the hall", &cut, &error));
  {
    g_autoptr(CrRecord) change = cr_record_new (&cr_entity_select);
    cr_record_set (change, "rating", "4");
    g_assert_true (cr_store_update (db, &cr_entity_select, cut, change, &error));
  }
  dialog = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  cr_stringout_dialog_set_by (dialog, 2);
  cr_stringout_dialog_set_min_rating (dialog, 5);
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "No select matches");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_child_visible (widget);
}

/* The tags the Tag row's list offers, as shown (narrowed to what is typed), "a|b". */
static char *
tags_offered (CrStringoutDialog *dialog)
{
  GtkPopover *popover = gtk_menu_button_get_popover (cr_stringout_dialog_get_tags_button (dialog));
  GtkWidget *list = cr_ui_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  g_autoptr(GString) out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      g_string_append_printf (out, "%s%s", out->len ? "|" : "",
                              gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* By tag: a stray space typed around the tag still finds it (tags are stored stripped), in
 * any case; the list offers the tags of clips with selects, narrowed by what is typed, and
 * choosing one fills the row and the count. */
static gboolean
is_tag_label (GtkWidget     *widget,
              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_stringout_tag (Fixture       *f,
                    gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  g_autofree char *offered = NULL;
  CrStringoutDialog *dialog;
  GtkPopover *popover;
  gint64 clip = 0;

  g_assert_true (cr_store_resolve (db, &cr_entity_clip, "VideoTrack_29_97_Start-00-00-00-00.mp4", &clip, &error));
  g_assert_true (cr_clip_tags_change (db, clip, (const char * const[]) { "b-roll", NULL }, FALSE, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, "Sr001-2C-01_01.WAV", &clip, &error));
  g_assert_true (cr_clip_tags_change (db, clip, (const char * const[]) { "Laughter", NULL }, FALSE, &error));
  /* A clip without selects: its tag would find nothing, so it is not offered. */
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, "Scene_1_2AG-T001_Tr1.WAV", &clip, &error));
  g_assert_true (cr_clip_tags_change (db, clip, (const char * const[]) { "bench", NULL }, FALSE, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, "TimecodeTrack_23_976_Start-00-58-40-00.mov", &clip, &error));
  g_assert_true (cr_clip_tags_change (db, clip, (const char * const[]) { "unused", NULL }, FALSE, &error));
  g_assert_no_error (error);

  dialog = CR_STRINGOUT_DIALOG (cr_cuts_page_open_stringout (page));
  cr_stringout_dialog_set_by (dialog, 1);
  cr_stringout_dialog_set_tag (dialog, "b-roll ");
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  cr_stringout_dialog_set_tag (dialog, " B-Roll");
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "2 events");
  cr_stringout_dialog_set_tag (dialog, "   ");
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "No select matches");

  /* The list: every tag a stringout finds, then those holding what is typed. */
  popover = cr_ui_popup (cr_stringout_dialog_get_tags_button (dialog));
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  offered = tags_offered (dialog);
  g_assert_cmpstr (offered, ==, "b-roll|bench|Laughter");
  g_clear_pointer (&offered, g_free);
  cr_ui_save_png (GTK_WIDGET (dialog), "casereel-stringout-tag.png");
  cr_ui_save_png (GTK_WIDGET (popover), "casereel-stringout-tags.png");
  /* Wide enough for the tags: none is cut short ("Lau…"). */
  {
    GtkWidget *label = cr_ui_find_where (GTK_WIDGET (popover), is_tag_label, "Laughter");

    g_assert_nonnull (label);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  }
  cr_stringout_dialog_set_tag (dialog, "LAU");
  offered = tags_offered (dialog);
  g_assert_cmpstr (offered, ==, "Laughter");
  g_signal_emit_by_name (cr_ui_find_where (GTK_WIDGET (popover), is_row, NULL), "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_ancestor (
    GTK_WIDGET (cr_stringout_dialog_get_tags_button (dialog)), ADW_TYPE_ENTRY_ROW))), ==, "Laughter");
  g_assert_cmpstr (cr_stringout_dialog_get_preview (dialog), ==, "1 event");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Created from the tag typed with a space: the stringout strips it too. */
  cr_stringout_dialog_set_tag (dialog, " laughter ");
  cr_stringout_dialog_set_name (dialog, "Laughs");
  g_assert_cmpint (cr_stringout_dialog_create (dialog), >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    g_autofree char *order = shown_order (page);
    g_assert_cmpstr (order, ==, "First heard of the project");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_refused_then_anyway (Fixture       *f,
                                 gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autofree char *edl_path = g_build_filename (f->dir, "rough cut.edl", NULL);
  g_autofree char *report = g_strconcat (edl_path, ".clearance.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) back = NULL;
  CrStringout everything = { .min_rating = -1 };
  CrCutExportDialog *dialog;
  int result = -1;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cr_cuts_page_get_events (page)), ==, 4);
  cr_cuts_page_set_channel (page, "website");

  /* Refused: a dialog lists the problem, nothing is written (not even the report). */
  dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  g_assert_nonnull (dialog);
  cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_EDL);
  cr_cut_export_dialog_set_path (dialog, edl_path);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  cr_ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  cr_ui_save_png (GTK_WIDGET (dialog), "casereel-cut-export.png");
  cr_cut_export_dialog_start (dialog);
  g_assert_true (cr_cut_export_dialog_is_running (dialog));
  cr_ui_wait_until (refusal_shown, dialog);
  g_assert_false (cr_cut_export_dialog_is_running (dialog));
  g_assert_false (g_file_test (edl_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  g_assert_nonnull (find_problem (cr_cut_export_dialog_get_refusal (dialog), "Farhan Iqbal: consent withdrawn"));
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 0);

  /* Export Anyway: written, and the choice kept in the production. */
  adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
  cr_ui_wait_until (finished, &result);
  g_assert_cmpint (result, ==, 1);
  g_assert_true (g_file_test (edl_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (report, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 1);

  /* Read back: four events, the clip names as comments, in the cut's order. */
  g_assert_true (g_file_get_contents (edl_path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "* FROM CLIP NAME: VideoTrack_29_97_Start-00-00-00-00.mp4"));
  back = cr_edl_read (text, -1, &(CrEdlReadOptions) { 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->events->len, ==, 4);
  {
    g_autoptr(CrTimeline) cut_timeline = cr_cut_build_timeline (db, cut, &error);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (cr_timeline_source_get_name (cr_timeline_get_source (back, cr_timeline_get_event (back, i)->source)),
                       ==, cr_timeline_source_get_name (cr_timeline_get_source (cut_timeline,
                                                        cr_timeline_get_event (cut_timeline, i)->source)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export Anyway (or Render Anyway) when the choice cannot be recorded (another program has left a trigger that
 * makes the production refuse it): the file does not go out unrecorded, an earlier export
 * and its report at that name are left as they were, the dialog says so in one line, in
 * words, and stays open; nothing is recorded. */
static void
test_export_anyway_unrecorded (Fixture       *f,
                               gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  gboolean rendering = GPOINTER_TO_INT (data) == CR_CUT_OUTPUT_REVIEW;
  g_autofree char *edl_path = g_build_filename (f->dir, rendering ? "rough cut.mp4" : "rough cut.edl", NULL);
  g_autofree char *report_path = g_strconcat (edl_path, ".clearance.csv", NULL);
  g_autoptr(GError) error = NULL;
  CrStringout everything = { .min_rating = -1 };
  CrCutExportDialog *dialog;
  sqlite3 *other = NULL;
  const char *said;
  int result = -1;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_cuts_page_set_channel (page, "website");
  g_assert_true (g_file_set_contents (edl_path, "an earlier export\n", -1, NULL));
  g_assert_true (g_file_set_contents (report_path, "its report\n", -1, NULL));
  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TRIGGER refuse BEFORE INSERT ON export_override "
                                        "BEGIN INSERT INTO nowhere VALUES (1); END", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  cr_cut_export_dialog_set_kind (dialog, GPOINTER_TO_INT (data));
  cr_cut_export_dialog_set_path (dialog, edl_path);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  cr_cut_export_dialog_start (dialog);
  cr_ui_wait_until (refusal_shown, dialog);
  adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
  cr_ui_wait_until (finished, &result);

  g_assert_cmpint (result, ==, 0);
  {
    g_autofree char *text = NULL;
    g_autofree char *report = NULL;
    g_autoptr(GDir) folder = g_dir_open (f->dir, 0, NULL);
    const char *name;

    g_assert_true (g_file_get_contents (edl_path, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "an earlier export\n");
    g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
    g_assert_cmpstr (report, ==, "its report\n");
    /* No temp left beside them. */
    while ((name = g_dir_read_name (folder)))
      g_assert_false (g_str_has_suffix (name, ".part"));
  }
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 0);
  said = cr_cut_export_dialog_get_error (dialog);
  g_assert_nonnull (said);
  g_test_message ("said: %s", said);
  g_assert_true (g_str_has_prefix (said, rendering ? "Not rendered: the choice to render anyway could not be recorded"
                                                   : "Not exported: the choice to export anyway could not be recorded"));
  g_assert_null (strstr (said, "nowhere"));
  g_assert_null (strstr (said, "no such"));
  g_assert_null (strchr (said, '\n'));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The AdwButtonContent below widget with this label (mnemonic included), or NULL. */
static gboolean
is_button_content_labelled (GtkWidget     *widget,
                            gconstpointer  label)
{
  return ADW_IS_BUTTON_CONTENT (widget) && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0;
}

static GtkWidget *
find_button_content (GtkWidget  *widget,
                     const char *label)
{
  return cr_ui_find_where (widget, is_button_content_labelled, label);
}

static gboolean
import_done (gpointer page)
{
  return !cr_cuts_page_is_importing (page);
}

/* An editor's EDL read back through the page's Import: a new cut, named as the file, shown
 * with its events; a source nobody catalogued is named in a question, and its event left out.
 * A file that is no edit list is refused in words, with nothing added. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autofree char *edl_path = g_build_filename (f->dir, "from the editor.edl", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "notes.edl", NULL);
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GError) error = NULL;
  CrStringout everything = { .min_rating = -1 };
  GtkWindow *ask;
  gint64 sent, back, n_cuts;

  sent = cr_cuts_page_stringout (page, "Sent", &everything, &error);
  g_assert_no_error (error);
  g_assert_true (cr_cut_export (db, sent, CR_EXPORT_EDL, NULL, edl_path, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  /* The editor added a shot of their own, from a card we never saw, dissolving into it. */
  g_assert_true (g_file_get_contents (edl_path, &text, NULL, &error));
  more = g_strconcat (text, "\n900  AX       V     C        00:00:00:00 00:00:00:00 01:10:00:00 01:10:00:00\n"
                      "900  BX       V     D    010 00:00:00:00 00:00:02:00 01:10:00:00 01:10:02:00\n"
                      "* FROM CLIP NAME: B-ROLL_CARD_7.MOV\n* TO CLIP NAME: B-ROLL_CARD_7.MOV\n", NULL);
  g_assert_true (g_file_set_contents (edl_path, more, -1, &error));

  n_cuts = cr_store_count (db, &cr_entity_cut, NULL, NULL);
  cr_cuts_page_import_file (page, edl_path);
  g_assert_true (cr_cuts_page_is_importing (page));
  /* Meanwhile the button says so, and a second import waits for the first. */
  g_assert_nonnull (find_button_content (GTK_WIDGET (page), "Importing…"));
  cr_cuts_page_import_file (page, bad_path);
  cr_ui_wait_until (import_done, page);
  g_assert_nonnull (find_button_content (GTK_WIDGET (page), "_Import…"));
  g_assert_null (cr_ui_find_question ("Could Not Import the Edit List"));
  back = cr_cuts_page_get_cut (page);
  g_assert_cmpint (back, !=, sent);
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, n_cuts + 1);
  {
    g_autoptr(CrRecord) cut = cr_store_get (db, &cr_entity_cut, back, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cr_record_get (cut, "name"), ==, "from the editor");
  }
  g_assert_cmpuint (g_list_model_get_n_items (cr_cuts_page_get_events (page)), ==, 4);
  g_assert_cmpuint (cr_cut_count_events (db, back), ==, 4);
  ask = cr_ui_find_question ("A Source Was Not Found");
  g_assert_nonnull (ask);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "“B-ROLL_CARD_7.MOV”"));
  /* What the reader read otherwise, as the command line says it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)),
                            "the dissolve of 10 frames is read as a cut at its centre"));
  cr_ui_answer (ask, "close");

  /* Not an edit list: said so, and the production is as it was. */
  g_assert_true (g_file_set_contents (bad_path, "Remember to call Ana about Tuesday.\n", -1, &error));
  n_cuts = cr_store_count (db, &cr_entity_cut, NULL, NULL);
  cr_cuts_page_import_file (page, bad_path);
  cr_ui_wait_until (import_done, page);
  ask = cr_ui_find_question ("Could Not Import the Edit List");
  g_assert_nonnull (ask);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "notes.edl"));
  cr_ui_answer (ask, "close");
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, n_cuts);
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, back);

  /* Dropped on the window from another page: the Cuts page shows, and imports it. */
  cr_window_show_page (window, "clips");
  g_assert_true (cr_ui_drop_files (GTK_WIDGET (window), (const char *[]) { edl_path, NULL }));
  g_assert_true (cr_cuts_page_is_importing (page));
  cr_ui_wait_until (import_done, page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==, "cuts");
  g_assert_cmpint (cr_store_count (db, &cr_entity_cut, NULL, NULL), ==, n_cuts + 1);
  g_assert_cmpint (cr_cuts_page_get_cut (page), !=, back);
  g_assert_cmpuint (cr_cut_count_events (db, cr_cuts_page_get_cut (page)), ==, 4);
  /* The same list again: a name of its own beside the first. */
  {
    g_autoptr(CrRecord) cut = cr_store_get (db, &cr_entity_cut, cr_cuts_page_get_cut (page), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cr_record_get (cut, "name"), ==, "from the editor 2");
  }
  ask = cr_ui_find_question ("A Source Was Not Found");
  g_assert_nonnull (ask);
  cr_ui_answer (ask, "close");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Add to Cut" from the Selects page: all the selects or none. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return cr_ui_find_button (widget, label);
}

/* Stop during a review render leaves no file; Stop pressed after an export has written its
 * file (the worker done, its answer not yet taken) reports it written and records the override. */
static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autofree char *review_path = g_build_filename (f->dir, "review.mp4", NULL);
  g_autofree char *edl_path = g_build_filename (f->dir, "late stop.edl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  CrStringout everything = { .min_rating = -1 };
  CrCutExportDialog *dialog;
  const char *name;
  int result = -1;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_cuts_page_set_channel (page, "website");

  dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_REVIEW);
  cr_cut_export_dialog_set_path (dialog, review_path);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  cr_cut_export_dialog_start (dialog);
  cr_ui_wait_until (refusal_shown, dialog);
  g_assert_cmpstr (adw_message_dialog_get_response_label (cr_cut_export_dialog_get_refusal (dialog), "anyway"), ==,
                   "Render _Anyway");
  adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
  g_assert_true (cr_cut_export_dialog_is_running (dialog));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Stop"), "clicked");
  cr_ui_wait_until (finished, &result);
  g_assert_cmpint (result, ==, 0);
  g_assert_false (g_file_test (review_path, G_FILE_TEST_EXISTS));
  /* Nothing is left under another name either: no temp, no clearance report. */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "review.mp4"));
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 0);

  result = -1;
  cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_EDL);
  cr_cut_export_dialog_set_path (dialog, edl_path);
  cr_cut_export_dialog_start (dialog);
  cr_ui_wait_until (refusal_shown, dialog);
  g_assert_cmpstr (adw_message_dialog_get_response_label (cr_cut_export_dialog_get_refusal (dialog), "anyway"), ==,
                   "Export _Anyway");
  adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
  /* The main loop is held here, so the worker's answer waits while Stop is pressed. */
  while (!g_file_test (edl_path, G_FILE_TEST_EXISTS))
    g_usleep (1000);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Stop"), "clicked");
  cr_ui_wait_until (finished, &result);
  g_assert_cmpint (result, ==, 1);
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- every format through the Export dialog, read back by tools of their own ---- */

/* What a command printed; it must succeed. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s: %s", argv[0], err);
  return out;
}

/* A cut of two events everyone in it has cleared: the school day (Aisha, 2 s of 29.97 video)
 * and the bus home (sound only, no one in it), at 25 fps. */
static gint64
tiny_cut (CrWindow   *window,
          CrCutsPage *page)
{
  CrProduction *production = cr_window_get_production (window);
  CrDb *db = cr_production_get_db (production);
  g_autoptr(GError) error = NULL;
  gint64 cut = test_add (db, &cr_entity_cut, "name", "Tiny", "frame_rate", "25", NULL);
  gint64 school = 0, bus = 0;

  g_assert_true (cr_store_resolve (db, &cr_entity_select, "A normal school day", &school, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "The bus home", &bus, &error));
  cr_production_changed (production, &cr_entity_cut);
  g_assert_true (cr_cuts_page_add_selects (page, cut, (gint64[]) { school, bus }, 2, &error));
  g_assert_no_error (error);
  cr_cuts_page_set_channel (page, "website");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 0);
  return cut;
}

/* Export pressed in the page's dialog for this format and file: written, and the dialog gone. */
static void
export_through_dialog (CrCutsPage      *page,
                       CrCutOutputKind  kind,
                       const char      *path,
                       gboolean         clip_names)
{
  CrCutExportDialog *dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  int result = -1;

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cr_cut_export_dialog_set_kind (dialog, kind);
  cr_cut_export_dialog_set_path (dialog, path);
  cr_cut_export_dialog_set_clip_names (dialog, clip_names);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), kind == CR_CUT_OUTPUT_REVIEW ? "_Render" : "_Export"),
                         "clicked");
  g_assert_true (dialog == NULL || cr_cut_export_dialog_is_running (dialog));
  cr_ui_wait_until (finished, &result);
  g_assert_cmpint (result, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  cr_ui_iterate ();
  g_assert_null (dialog);
}

/* OTIO's rules, as python3's own json reads the file: a Timeline of tracks; every item's
 * duration, and so every clip's record position, whole frames of the cut's rate; each
 * track as long as the cut. Prints "clips tracks". */
static const char otio_check[] =
  "import json, sys\n"
  "from fractions import Fraction\n"
  "doc = json.load(open(sys.argv[1]))\n"
  "rate, want = Fraction(sys.argv[2]), int(sys.argv[3])\n"
  "assert doc['OTIO_SCHEMA'].startswith('Timeline.'), doc['OTIO_SCHEMA']\n"
  "def frames(t):\n"
  "    f = Fraction(t['value']).limit_denominator(1000000) / Fraction(t['rate']).limit_denominator(1000000) * rate\n"
  "    assert abs(f - round(f)) < Fraction(1, 1000), (t, f)\n"
  "    return round(f)\n"
  "clips = tracks = 0\n"
  "for track in doc['tracks']['children']:\n"
  "    assert track['OTIO_SCHEMA'].startswith('Track.')\n"
  "    tracks += 1\n"
  "    at = 0\n"
  "    for item in track['children']:\n"
  "        if item['OTIO_SCHEMA'].startswith('Clip.'):\n"
  "            clips += 1\n"
  "        at += frames(item['source_range']['duration'])\n"
  "    assert at == want, (track['name'], at, want)\n"
  "print(clips, tracks)\n";

/* The paper edit as python3's csv module reads it: "Event|Label|Source" a line. */
static const char csv_check[] =
  "import csv, sys\n"
  "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
  "head = rows[0]\n"
  "assert all(len(r) == len(head) for r in rows), rows\n"
  "for r in rows[1:]:\n"
  "    print('|'.join((r[head.index('Event')], r[head.index('Label')], r[head.index('Source')])))\n";

/* The contents of a file, which must exist. */
static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A review copy and its report out; then a render over it refused, and one stopped: both
 * leave the pair byte for byte, the report still describing the review copy beside it. */
static void
test_stop_keeps_earlier (Fixture       *f,
                         gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  g_autofree char *review_path = g_build_filename (f->dir, "review.mp4", NULL);
  g_autofree char *report_path = g_strconcat (review_path, ".clearance.csv", NULL);
  g_autoptr(GBytes) review = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GError) error = NULL;
  CrStringout everything = { .min_rating = -1 };
  CrCutExportDialog *dialog;
  int result = -1;

  cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_cuts_page_set_channel (page, "website");
  dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_REVIEW);
  cr_cut_export_dialog_set_path (dialog, review_path);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  cr_cut_export_dialog_start (dialog);
  cr_ui_wait_until (refusal_shown, dialog);
  adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
  cr_ui_wait_until (finished, &result);
  g_assert_cmpint (result, ==, 1);
  review = file_bytes (review_path);
  report = file_bytes (report_path);

  /* Refused, then stopped, with a channel that more people fail. */
  cr_cuts_page_set_channel (page, "broadcast");
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GBytes) review_after = NULL;
      g_autoptr(GBytes) report_after = NULL;

      result = -1;
      dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
      cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_REVIEW);
      cr_cut_export_dialog_set_path (dialog, review_path);
      g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
      cr_cut_export_dialog_start (dialog);
      cr_ui_wait_until (refusal_shown, dialog);
      if (round == 0)
        adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "cancel");
      else
        {
          adw_message_dialog_response (cr_cut_export_dialog_get_refusal (dialog), "anyway");
          g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Stop"), "clicked");
          cr_ui_wait_until (finished, &result);
          g_assert_cmpint (result, ==, 0);
          g_assert_cmpstr (cr_cut_export_dialog_get_error (dialog), ==, "Stopped; nothing was written.");
        }
      review_after = file_bytes (review_path);
      report_after = file_bytes (report_path);
      g_assert_true (g_bytes_equal (review_after, review));
      g_assert_true (g_bytes_equal (report_after, report));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_formats (Fixture       *f,
                     gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autofree char *length = NULL;
  struct { CrCutOutputKind kind; const char *version; } fcpxml[] = {
    { CR_CUT_OUTPUT_FCPXML_1_9, "1.9" }, { CR_CUT_OUTPUT_FCPXML_1_10, "1.10" }, { CR_CUT_OUTPUT_FCPXML_1_11, "1.11" },
  };
  gint64 cut = tiny_cut (window, page);

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  g_assert_cmpint (timeline->rate.num, ==, 25);
  g_assert_cmpint (timeline->rate.den, ==, 1);
  length = g_strdup_printf ("%" G_GINT64_FORMAT, cr_timeline_get_duration (timeline));

  /* FCPXML, each version: well formed, saying its version, two clips on the spine, and every
   * time a whole number of frames ("…/25s", never a decimal). */
  for (guint i = 0; i < G_N_ELEMENTS (fcpxml); i++)
    {
      g_autofree char *name = g_strdup_printf ("tiny %s.fcpxml", fcpxml[i].version);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *version = NULL, *clips = NULL, *times = NULL;

      export_through_dialog (page, fcpxml[i].kind, path, TRUE);
      g_free (run_tool ((const char * const[]) { "xmllint", "--noout", path, NULL }));
      version = run_tool ((const char * const[]) { "xmllint", "--xpath", "string(/fcpxml/@version)", path, NULL });
      g_assert_cmpstr (g_strstrip (version), ==, fcpxml[i].version);
      clips = run_tool ((const char * const[]) { "xmllint", "--xpath", "count(//spine/*)", path, NULL });
      g_assert_cmpstr (g_strstrip (clips), ==, "2");
      times = run_tool ((const char * const[]) { "xmllint", "--xpath",
                                                 "//spine/*/@offset | //spine/*/@duration", path, NULL });
      g_assert_null (strchr (times, '.'));
    }

  /* OTIO. */
  {
    g_autofree char *path = g_build_filename (f->dir, "tiny.otio", NULL);
    g_autofree char *read = NULL;

    export_through_dialog (page, CR_CUT_OUTPUT_OTIO, path, TRUE);
    read = run_tool ((const char * const[]) { "/usr/bin/python3", "-c", otio_check, path, "25", length, NULL });
    g_assert_true (g_str_has_prefix (read, "2 "));
  }

  /* MLT: melt plays it through, frame for frame of the cut. */
  {
    g_autofree char *path = g_build_filename (f->dir, "tiny.mlt", NULL);
    g_autofree char *mp4 = g_build_filename (f->dir, "tiny-melt.mp4", NULL);
    g_autofree char *consumer = g_strdup_printf ("avformat:%s", mp4);
    g_autofree char *frames = NULL;

    export_through_dialog (page, CR_CUT_OUTPUT_MLT, path, TRUE);
    g_free (run_tool ((const char * const[]) { "xmllint", "--noout", path, NULL }));
    g_free (run_tool ((const char * const[]) { "melt", "-quiet", path, "-consumer", consumer, "an=1", "real_time=-1",
                                               NULL }));
    frames = run_tool ((const char * const[]) { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                                "-show_entries", "stream=nb_read_frames",
                                                "-of", "default=nokey=1:noprint_wrappers=1", mp4, NULL });
    g_assert_cmpstr (g_strstrip (frames), ==, length);
  }

  /* The paper edit: the CSV as the csv module reads it, and the text for reading. */
  {
    g_autofree char *path = g_build_filename (f->dir, "tiny paper.csv", NULL);
    g_autofree char *read = NULL;

    export_through_dialog (page, CR_CUT_OUTPUT_PAPER_CSV, path, TRUE);
    read = run_tool ((const char * const[]) { "/usr/bin/python3", "-c", csv_check, path, NULL });
    g_assert_cmpstr (read, ==, "1|A normal school day|VideoTrack_29_97_Start-00-00-00-00.mp4\n"
                               "2|The bus home|Scene_1_2AG-T001_Tr1.WAV\n");
  }
  {
    g_autofree char *path = g_build_filename (f->dir, "tiny paper.txt", NULL);
    g_autofree char *text = NULL;
    const char *school, *bus;

    export_through_dialog (page, CR_CUT_OUTPUT_PAPER_TEXT, path, TRUE);
    g_assert_true (g_file_get_contents (path, &text, NULL, &error));
    g_assert_true (g_utf8_validate (text, -1, NULL));
    /* The cut's name heads it; each event a block, numbered, in the cut's order. */
    g_assert_true (g_str_has_prefix (text, "Tiny\n2 events, "));
    school = strstr (text, "\n1. A normal school day\n");
    bus = strstr (text, "\n2. The bus home\n");
    g_assert_nonnull (school);
    g_assert_nonnull (bus);
    g_assert_true (school < bus);
    g_assert_nonnull (strstr (school, "Participants: Aisha Rahman\n"));
    g_assert_nonnull (strstr (school, "Source: VideoTrack_29_97_Start-00-00-00-00.mp4 00:00:03:00 - 00:00:05:00"));
    g_assert_nonnull (strstr (bus, "Record in: 01:00:02:00"));
  }

  /* EDL with clip names off: no clip name comments, and still two events read back. */
  {
    g_autofree char *path = g_build_filename (f->dir, "tiny.edl", NULL);
    g_autofree char *text = NULL;
    g_autoptr(CrTimeline) back = NULL;

    export_through_dialog (page, CR_CUT_OUTPUT_EDL, path, FALSE);
    g_assert_true (g_file_get_contents (path, &text, NULL, &error));
    g_assert_null (strstr (text, "FROM CLIP NAME"));
    g_assert_nonnull (strstr (text, "TITLE: "));
    back = cr_edl_read (text, -1, &(CrEdlReadOptions) { 0 }, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (back->events->len, ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toast on the window's overlay: its title and its button, as shown. */
static gboolean
toast_shown (GtkWidget  *widget,
             const char *title,
             const char *button)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean titled = FALSE;

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    titled |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), title) == 0;
  return titled && find_button (widget, button) != NULL;
}

static gboolean
toast_up (gpointer window)
{
  GtkWidget *overlay = cr_ui_find_widget (window, ADW_TYPE_TOAST_OVERLAY);

  return toast_shown (overlay, "Rendered “tiny review.mp4”", "Open _Folder");
}

/* A review render through the dialog: Render, the progress, then the toast with Open Folder
 * on the window; the file plays, frame for frame of the cut. */
static void
test_review_render (Fixture       *f,
                    gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autofree char *path = g_build_filename (f->dir, "tiny review.mp4", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autofree char *frames = NULL, *want = NULL;
  gint64 cut = tiny_cut (window, page);

  g_assert_false (toast_up (window));
  export_through_dialog (page, CR_CUT_OUTPUT_REVIEW, path, TRUE);
  /* Past the toast's slide-in, which counts frames of the clock. */
  cr_ui_wait_for_frames (GTK_WIDGET (window), 30);
  g_assert_true (toast_up (window));
  save_window_png (GTK_WIDGET (window), "casereel-cut-rendered.png");

  timeline = cr_cut_build_timeline (db, cut, &error);
  g_assert_no_error (error);
  want = g_strdup_printf ("%" G_GINT64_FORMAT, cr_timeline_get_duration (timeline));
  frames = run_tool ((const char * const[]) { "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                              "-show_entries", "stream=nb_read_frames",
                                              "-of", "default=nokey=1:noprint_wrappers=1", path, NULL });
  g_assert_cmpstr (g_strstrip (frames), ==, want);
  /* No consent problem overridden: nothing recorded. */
  g_assert_cmpint (cr_export_override_count (db, cut, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_selects (Fixture       *f,
                  gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  gint64 cut = test_add (db, &cr_entity_cut, "name", "Hand picked", "frame_rate", "25", NULL);
  gint64 bus = 0, school = 0;

  g_assert_true (cr_store_resolve (db, &cr_entity_select, "The bus home", &bus, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "A normal school day", &school, &error));
  g_assert_true (cr_cuts_page_add_selects (page, cut, (gint64[]) { school, bus }, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, cut);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "A normal school day|The bus home");
  g_assert_false (cr_cuts_page_add_selects (page, cut, (gint64[]) { bus, 999999 }, 2, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (cr_cut_count_events (db, cut), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
people_shown (gpointer window)
{
  return g_strcmp0 (cr_window_get_page_name (window), "participants") == 0;
}

/* The refusal lists each problem; a person's row opens People on that person. */
static void
test_refusal_links_person (Fixture       *f,
                           gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autofree char *edl_path = g_build_filename (f->dir, "linked.edl", NULL);
  g_autoptr(GError) error = NULL;
  CrStringout everything = { .min_rating = -1 };
  CrCutExportDialog *dialog;
  AdwActionRow *farhan;
  CrEntityPage *people;
  gint64 farhan_id = 0;

  cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_resolve (db, &cr_entity_participant, "Farhan Iqbal", &farhan_id, &error));
  cr_cuts_page_set_channel (page, "website");
  dialog = CR_CUT_EXPORT_DIALOG (cr_cuts_page_open_export (page));
  cr_cut_export_dialog_set_kind (dialog, CR_CUT_OUTPUT_EDL);
  cr_cut_export_dialog_set_path (dialog, edl_path);
  cr_cut_export_dialog_start (dialog);
  cr_ui_wait_until (refusal_shown, dialog);
  /* Past the dialog's fade-in, which counts frames of the clock, not seconds of ours. */
  cr_ui_wait_for_frames (GTK_WIDGET (cr_cut_export_dialog_get_refusal (dialog)), 30);
  cr_ui_save_png (GTK_WIDGET (cr_cut_export_dialog_get_refusal (dialog)), "casereel-cut-refusal.png");
  /* Every problem of the check is a row: as many as the page counts. */
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, >, 0);
  farhan = find_problem (cr_cut_export_dialog_get_refusal (dialog), "Farhan Iqbal: consent withdrawn");
  g_assert_nonnull (farhan);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (farhan), "Event "));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (farhan)));
  adw_action_row_activate (farhan);
  cr_ui_wait_until (people_shown, window);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  people = cr_window_get_page (window, "participants");
  {
    CrRow *selected = gtk_single_selection_get_selected_item (cr_entity_page_get_selection (people));
    g_assert_nonnull (selected);
    g_assert_cmpint (cr_row_get_id (selected), ==, farhan_id);
  }
  /* Nothing was written, and the refusal and the export dialog have gone. */
  g_assert_false (g_file_test (edl_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cr_export_override_count (db, cr_cuts_page_get_cut (page), NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's own check, for the chosen channel: one line, and every problem listed under
 * Show Problems, the same rows the refusal shows; a person's row leads to them. */
static void
test_page_problems (Fixture       *f,
                    gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  CrStringout everything = { .min_rating = -1 };
  GtkMenuButton *button;
  GtkPopover *popover;
  AdwActionRow *farhan;
  CrEntityPage *people;
  gint64 farhan_id = 0;
  guint rows = 0;

  cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_resolve (db, &cr_entity_participant, "Farhan Iqbal", &farhan_id, &error));
  cr_cuts_page_set_channel (page, "social-media");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 3);
  button = GTK_MENU_BUTTON (find_button (GTK_WIDGET (page), "Show _Problems"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  popover = cr_ui_popup (button);
  cr_ui_wait_for_frames (GTK_WIDGET (popover), 10);
  for (GtkWidget *list = cr_ui_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX),
                 *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    rows += ADW_IS_ACTION_ROW (row);
  g_assert_cmpuint (rows, ==, 3);
  cr_ui_save_png (GTK_WIDGET (popover), "casereel-cut-problems.png");
  g_assert_nonnull (find_problem_in (GTK_WIDGET (popover),
                                     "Aisha Rahman: consent does not cover social media"));
  farhan = find_problem_in (GTK_WIDGET (popover), "Farhan Iqbal: consent withdrawn");
  g_assert_nonnull (farhan);
  adw_action_row_activate (farhan);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  cr_ui_wait_until (people_shown, window);
  people = cr_window_get_page (window, "participants");
  {
    CrRow *selected = gtk_single_selection_get_selected_item (cr_entity_page_get_selection (people));
    g_assert_nonnull (selected);
    g_assert_cmpint (cr_row_get_id (selected), ==, farhan_id);
  }

  /* Cleared for a channel: the button goes, and the list is made again when it comes back. */
  cr_cuts_page_set_channel (page, NULL);
  cr_cuts_page_set_channel (page, "funder-report");
  g_assert_cmpuint (cr_cuts_page_get_problems (page)->len, ==, 1);
  g_assert_null (gtk_popover_get_child (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Add to Cut" on the Selects page, and a select dragged onto the Cuts page and onto the
 * Cuts row of the sidebar, each through the path the real gesture takes. */
static void
test_add_to_cut_and_drag (Fixture       *f,
                          gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrSelectsPage *selects = CR_SELECTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_SELECTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  gint64 cut = test_add (db, &cr_entity_cut, "name", "Hand picked", "frame_rate", "25", NULL);
  gint64 other = test_add (db, &cr_entity_cut, "name", "Another", "frame_rate", "25", NULL);
  CrStoreModel *rows = cr_selects_page_get_model (selects);
  gint64 bus = 0, school = 0, arriving = 0;
  g_autofree char *order = NULL;

  cr_production_changed (cr_window_get_production (window), &cr_entity_cut);
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "The bus home", &bus, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "A normal school day", &school, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "Arriving at the hall", &arriving, &error));

  /* The menu names each cut; its item for "Hand picked" adds the selected select there. */
  cr_window_show_page (window, "selects");
  gtk_single_selection_set_selected (cr_selects_page_get_selection (selects), (guint) cr_store_model_find (rows, school));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (selects), "selects.add-to-cut", "x", cut));
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "cuts");
  g_assert_cmpint (cr_cuts_page_get_cut (page), ==, cut);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "A normal school day");
  g_assert_cmpuint (cr_cut_count_events (db, other), ==, 0);

  /* A drag from the Selects page onto the Cuts page: what the row's drag carries, dropped. */
  {
    g_autoptr(GdkContentProvider) content = cr_selects_page_drag_content (selects, (guint) cr_store_model_find (rows, bus));
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_INT64);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_true (cr_cuts_page_drop (page, &value, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&order, g_free);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "A normal school day|The bus home");

  /* And onto the Cuts row of the sidebar, from another page: its drop target's own handler. */
  cr_window_show_page (window, "selects");
  {
    GtkWidget *row = cr_ui_find_sidebar_row (GTK_WIDGET (window), "cuts");
    GtkDropTarget *drop = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean taken = FALSE;

    g_assert_nonnull (row);
      {
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
        for (guint i = 0; i < g_list_model_get_n_items (controllers) && !drop; i++)
          {
            g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
            if (GTK_IS_DROP_TARGET (controller))
              drop = GTK_DROP_TARGET (controller);
          }
      }
    g_assert_nonnull (drop);
    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, arriving);
    g_signal_emit_by_name (drop, "drop", &value, 4.0, 4.0, &taken);
    g_assert_true (taken);
  }
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "cuts");
  g_clear_pointer (&order, g_free);
  order = shown_order (page);
  g_assert_cmpstr (order, ==, "A normal school day|The bus home|Arriving at the hall");
  g_assert_cmpuint (cr_cut_count_events (db, cut), ==, 3);

  /* Not a select: refused, the cut as it was. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_value_init (&value, G_TYPE_UINT);
    g_value_set_uint (&value, 2);
    g_assert_false (cr_cuts_page_drop (page, &value, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (cr_cut_count_events (db, cut), ==, 3);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two events reordered by the drag-and-drop path, up and down, as the production file and
 * the rows on screen have them; the toast's Undo takes each drop back; an event dropped on
 * itself changes nothing. */
static void
test_drag_reorder (Fixture       *f,
                   gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrStringout everything = { .min_rating = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) label = NULL;
  AdwToast *toast;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  first = file_order (f->path, cut);
  label = g_strsplit (first, "|", -1);
  g_assert_cmpuint (g_strv_length (label), ==, 4);
  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      g_assert_cmpstr (label[i], !=, label[j]);
  {
    g_autofree char *rows = rows_order (page, 4);
    g_assert_cmpstr (rows, ==, first);
  }

  /* The last event dropped on the first: it leads, the others follow in their order. */
  g_assert_true (drag_row (page, 4, 1));
  {
    g_autofree char *want = g_strjoin ("|", label[3], label[0], label[1], label[2], NULL);
    g_autofree char *stored = file_order (f->path, cut);
    g_autofree char *shown = shown_order (page);
    g_autofree char *rows = NULL;

    g_assert_cmpstr (stored, ==, want);
    g_assert_cmpstr (shown, ==, want);
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    rows = rows_order (page, 4);
    g_assert_cmpstr (rows, ==, want);
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
      gtk_list_view_get_model (GTK_LIST_VIEW (cr_cuts_page_get_list (page))))), ==, 0);
  }

  /* The toast names the move; its Undo puts the cut back as it was. */
  g_assert_true (undo_offered (page));
  toast = cr_cuts_page_get_undo_toast (page);
  {
    g_autofree char *title = g_strdup_printf ("Moved “%s” to 1", label[3]);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, title);
  }
  g_signal_emit_by_name (toast, "button-clicked");
  {
    g_autofree char *stored = file_order (f->path, cut);
    g_autofree char *rows = NULL;

    g_assert_cmpstr (stored, ==, first);
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    rows = rows_order (page, 4);
    g_assert_cmpstr (rows, ==, first);
  }

  /* Downwards: the first event dropped on the third takes its place. */
  g_assert_true (drag_row (page, 1, 3));
  {
    g_autofree char *want = g_strjoin ("|", label[1], label[2], label[0], label[3], NULL);
    g_autofree char *stored = file_order (f->path, cut);
    g_autofree char *rows = NULL;

    g_assert_cmpstr (stored, ==, want);
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    rows = rows_order (page, 4);
    g_assert_cmpstr (rows, ==, want);

    /* Dropped on itself: refused, the file as it was. */
    g_assert_false (drag_row (page, 2, 2));
    g_clear_pointer (&stored, g_free);
    stored = file_order (f->path, cut);
    g_assert_cmpstr (stored, ==, want);
  }
  cr_ui_wait_until (undo_offered, page);
  g_assert_true (cr_cuts_page_undo (page, &error));
  g_assert_no_error (error);
  {
    g_autofree char *stored = file_order (f->path, cut);
    g_assert_cmpstr (stored, ==, first);
  }
  g_assert_cmpuint (cr_cut_count_events (cr_production_get_db (cr_window_get_production (window)), cut), ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+Up after a drop (issue: its Undo moved whichever event was then at the drop's place):
 * the key move has its own Undo, presses on one event add up to one, and Undo puts back the
 * order before the first press by the events' identity. A trim drops the Undo offered. */
/* Delete and Alt+Up on an event the production refuses to change (another program's
 * trigger): each says so in a dialog, in words, and the cut is as it was. */
static void
test_key_refused (Fixture       *f,
                  gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrStringout everything = { .min_rating = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  sqlite3 *other = NULL;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  before = file_order (f->path, cut);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TRIGGER refuse_delete BEFORE DELETE ON cut_event "
                                        "BEGIN INSERT INTO nowhere VALUES (1); END;"
                                        "CREATE TRIGGER refuse_update BEFORE UPDATE ON cut_event "
                                        "BEGIN INSERT INTO nowhere VALUES (1); END", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  for (guint i = 0; i < 2; i++)
    {
      const char *action = i == 0 ? "cut.remove" : "cut.move-down";
      const char *heading = i == 0 ? "Could Not Remove the Event" : "Could Not Move the Event";
      g_autofree char *after = NULL;
      GtkWindow *told;
      const char *body;

      /* The first event chosen: it can go down, and be removed. */
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                                           GTK_LIST_VIEW (cr_cuts_page_get_list (page)))), 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
      told = cr_ui_find_question (heading);
      g_assert_nonnull (told);
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (told));
      g_test_message ("%s: %s", heading, body);
      g_assert_true (g_str_has_suffix (body, "nothing was changed"));
      g_assert_null (strstr (body, "nowhere"));
      gtk_window_destroy (told);
      after = file_order (f->path, cut);
      g_assert_cmpstr (after, ==, before);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_key_move_undo (Fixture       *f,
                    gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrStringout everything = { .min_rating = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *dropped = NULL;
  g_auto(GStrv) label = NULL;
  AdwToast *toast;
  gint64 cut;

  cut = cr_cuts_page_stringout (page, "Rough cut", &everything, &error);
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  first = file_order (f->path, cut);
  label = g_strsplit (first, "|", -1);

  /* The first event dropped on the third, then taken up twice by Alt+Up: to the top. */
  g_assert_true (drag_row (page, 1, 3));
  dropped = g_strjoin ("|", label[1], label[2], label[0], label[3], NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cut.move-up", NULL));
  toast = cr_cuts_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  {
    g_autofree char *title = g_strdup_printf ("Moved “%s” to 2", label[0]);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, title);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cut.move-up", NULL));
  g_assert_true (cr_cuts_page_get_undo_toast (page) == toast);
  {
    g_autofree char *title = g_strdup_printf ("Moved “%s” to 1", label[0]);
    g_autofree char *stored = file_order (f->path, cut);
    g_autofree char *want = g_strjoin ("|", label[0], label[1], label[2], label[3], NULL);

    g_assert_cmpstr (adw_toast_get_title (toast), ==, title);
    g_assert_cmpstr (stored, ==, want);
  }
  /* Undo: as the drop left it, the moved event selected where it was. */
  g_signal_emit_by_name (toast, "button-clicked");
  {
    g_autofree char *stored = file_order (f->path, cut);
    g_autofree char *shown = shown_order (page);

    g_assert_cmpstr (stored, ==, dropped);
    g_assert_cmpstr (shown, ==, dropped);
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
      gtk_list_view_get_model (GTK_LIST_VIEW (cr_cuts_page_get_list (page))))), ==, 2);
  }

  /* A drop, then a trim: the drop's Undo is gone with its toast, and Undo changes nothing. */
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (drag_row (page, 4, 1));
  toast = cr_cuts_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  {
    g_autofree char *in = g_strdup (cr_cut_event_get_source_in (event_at (page, 2)));
    g_autofree char *out = g_strdup (cr_cut_event_get_source_out (event_at (page, 2)));
    g_autofree char *before = file_order (f->path, cut);
    g_autofree char *after = NULL;

    g_assert_true (cr_cuts_page_trim_event (page, 2, in, out, &error));
    g_assert_no_error (error);
    g_assert_null (cr_cuts_page_get_undo_toast (page));
    g_assert_null (adw_toast_get_button_label (toast));
    g_assert_true (cr_cuts_page_undo (page, &error));
    g_assert_no_error (error);
    after = file_order (f->path, cut);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
list_full (gpointer page)
{
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (cr_cuts_page_get_list (page))));

  return g_list_model_get_n_items (rows) == g_list_model_get_n_items (cr_cuts_page_get_events (page));
}

/* The strip as drawn: how many of its pixel columns have a block in them. */
static guint
strip_columns_drawn (GtkWidget *strip)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (strip);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (strip), height = gtk_widget_get_height (strip);
  g_autofree guchar *pixels = NULL;
  guint drawn = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (strip)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  /* Along the middle row, past the rounded corners' reach. */
  for (int x = 0; x < width; x++)
    drawn += pixels[(height / 2) * width * 4 + x * 4 + 3] > 0;
  return drawn;
}

/* A cut of 1,000 events at the window's size: the first rows come at once and the rest
 * follow; the strip is still one bar in proportion; the list scrolls to the last event. */
static void
test_long_cut (Fixture       *f,
               gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (cr_cuts_page_get_list (page))));
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Arriving at the hall", "First heard of the project", "A normal school day", "The bus home" };
  gint64 ids[4], cut = test_add (db, &cr_entity_cut, "name", "Everything, many times", "frame_rate", "25", NULL);
  gint64 empty = test_add (db, &cr_entity_cut, "name", "Nothing yet", "frame_rate", "25", NULL);
  CrCutStrip *strip = CR_CUT_STRIP (cr_cuts_page_get_strip (page));
  GtkAdjustment *adj;
  double total = 0, shares = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  for (guint i = 0; i < 4; i++)
    g_assert_true (cr_store_resolve (db, &cr_entity_select, names[i], &ids[i], &error));
  for (guint i = 0; i < 1000; i++)
    g_array_append_val (picks, ids[i % 4]);
  g_assert_true (cr_cut_add_selects (db, cut, (gint64 *) picks->data, picks->len, 0, &error));
  g_assert_no_error (error);
  cr_production_changed (cr_window_get_production (window), &cr_entity_cut);
  cr_cuts_page_show_cut (page, empty);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* Shown: all 1,000 events are the page's at once (total, strip, badges); the list has a
   * screenful for its first frame and the rest over the frames after. */
  cr_cuts_page_show_cut (page, cut);
  g_assert_cmpuint (g_list_model_get_n_items (cr_cuts_page_get_events (page)), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 1000);
  g_assert_cmpint (cr_cut_event_get_badge (event_at (page, 1000)), !=, CR_CUT_BADGE_UNCHECKED);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_nonnull (find_row (GTK_WIDGET (page), 1));
  cr_ui_wait_until (list_full, page);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* The strip: each event's share is its length's, and the bar is drawn across its width. */
  for (guint i = 0; i < 1000; i++)
    total += cr_cut_event_get_length (event_at (page, i + 1));
  for (guint i = 0; i < 1000; i++)
    {
      double share = cr_cut_strip_get_share (strip, i);
      g_assert_cmpfloat_with_epsilon (share, cr_cut_event_get_length (event_at (page, i + 1)) / total, 1e-12);
      shares += share;
    }
  g_assert_cmpfloat_with_epsilon (shares, 1.0, 1e-9);
  g_assert_cmpuint (strip_columns_drawn (GTK_WIDGET (strip)), >=, (guint) gtk_widget_get_width (GTK_WIDGET (strip)) - 4);
  save_window_png (GTK_WIDGET (window), "casereel-cut-long.png");

  /* Scrolled to the end: the last event has its row on screen. */
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cr_cuts_page_get_list (page)));
  while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
    }
  g_assert_nonnull (find_row (GTK_WIDGET (page), 1000));
  g_assert_cmpuint (cr_cut_event_get_position (cr_cut_event_row_get_event (find_row (GTK_WIDGET (page), 1000))),
                    ==, 1000);
  save_window_png (GTK_WIDGET (window), "casereel-cut-long-end.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A poster's pixels, as packed RGB. */
static GBytes *
poster_rgb (GdkPaintable *poster,
            int          *width,
            int          *height)
{
  GdkTexture *texture;
  g_autofree guint8 *argb = NULL;
  guint8 *rgb;
  int w, h;

  g_assert_true (GDK_IS_TEXTURE (poster));
  texture = GDK_TEXTURE (poster);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  argb = g_malloc ((gsize) w * h * 4);
  /* Cairo's ARGB32 in native order; a poster is opaque, so unpremultiplied. */
  gdk_texture_download (texture, argb, (gsize) w * 4);
  rgb = g_malloc ((gsize) w * h * 3);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      guint32 px = ((guint32 *) argb)[i];
      rgb[i * 3] = px >> 16;
      rgb[i * 3 + 1] = px >> 8;
      rgb[i * 3 + 2] = px;
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
  return g_bytes_new_take (rgb, (gsize) w * h * 3);
}

/* The frame shown `at_us` into the file, as the Footage grid's poster API makes it, at a
 * poster's size. */
static GBytes *
thumbnail_rgb (const char *path,
               gint64      at_us)
{
  CrThumbnailOptions options = { .at_us = at_us, .max_size = CR_CUT_POSTER_SIZE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cr_thumbnail_render (path, &options, NULL, NULL, &error);
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_no_error (error);
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  return poster_rgb (GDK_PAINTABLE (texture), NULL, NULL);
}

/* The same frame by the ffmpeg program, `-ss` before the input, scaled to width × height. */
static GBytes *
ffmpeg_rgb (const char *path,
            gint64      at_us,
            int         width,
            int         height)
{
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT ".%06d", at_us / G_USEC_PER_SEC,
                                         (int) (at_us % G_USEC_PER_SEC));
  g_autofree char *scale = g_strdup_printf ("scale=%d:%d", width, height);
  const char *argv[] = { "ffmpeg", "-v", "error", "-nostdin", "-ss", at, "-i", path, "-frames:v", "1", "-vf", scale,
                         "-sws_flags", "bicubic", "-pix_fmt", "rgb24", "-f", "rawvideo", "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  GBytes *out = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_assert_cmpuint (g_bytes_get_size (out), ==, (gsize) width * height * 3);
  return out;
}

/* The event's poster is the frame at its in point: what the poster API makes there, and
 * what ffmpeg decodes there. */
static GBytes *
assert_poster_at (CrCutEvent *event,
                  gint64      at_us)
{
  GdkPaintable *poster = cr_cut_event_get_poster (event);
  g_autoptr(GBytes) made = NULL;
  g_autoptr(GBytes) by_ffmpeg = NULL;
  GBytes *shown;
  int width, height;

  g_test_message ("event %u (%s), in %s", cr_cut_event_get_position (event), cr_cut_event_get_label (event),
                  cr_cut_event_get_source_in (event));
  g_assert_nonnull (poster);
  shown = poster_rgb (poster, &width, &height);
  made = thumbnail_rgb (cr_cut_event_get_path (event), at_us);
  g_assert_true (g_bytes_equal (shown, made));
  by_ffmpeg = ffmpeg_rgb (cr_cut_event_get_path (event), at_us, width, height);
  g_assert_true (g_bytes_equal (shown, by_ffmpeg));
  return shown;
}

/* Each event's poster is its own in point's frame (the clip's burnt-in timecode), not the
 * clip's poster frame: two events from one clip look different, a move finds them made,
 * and a trimmed in point makes its event a new one. A sound clip keeps its waveform. */
static void
test_posters_at_in_points (Fixture       *f,
                           gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrCutsPage *page = CR_CUTS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CUTS_PAGE));
  CrDb *db = cr_production_get_db (cr_window_get_production (window));
  g_autoptr(GError) error = NULL;
  gint64 cut = test_add (db, &cr_entity_cut, "name", "Two from one clip", "frame_rate", "25", NULL);
  gint64 hall = 0, school = 0, bus = 0;
  g_autoptr(GBytes) hall_rgb = NULL;
  g_autoptr(GBytes) school_rgb = NULL;
  g_autoptr(GBytes) trimmed_rgb = NULL;
  g_autoptr(GBytes) wave = NULL;
  g_autoptr(GBytes) wave_made = NULL;
  GdkPaintable *hall_poster, *school_poster;

  g_assert_true (cr_store_resolve (db, &cr_entity_select, "Arriving at the hall", &hall, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "A normal school day", &school, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_select, "The bus home", &bus, &error));
  g_assert_true (cr_cuts_page_add_selects (page, cut, (gint64[]) { hall, school, bus }, 3, &error));
  g_assert_no_error (error);
  cr_ui_wait_until (posters_done, page);
  g_assert_cmpstr (cr_cut_event_get_path (event_at (page, 1)), ==, cr_cut_event_get_path (event_at (page, 2)));

  /* Frames 0 and 90 of the 29.97 fps clip: 00:00:00:00 and 00:00:03:00 burnt in. */
  g_assert_cmpstr (cr_cut_event_get_source_in (event_at (page, 1)), ==, "00:00:00:00");
  g_assert_cmpstr (cr_cut_event_get_source_in (event_at (page, 2)), ==, "00:00:03:00");
  hall_rgb = assert_poster_at (event_at (page, 1), 0);
  school_rgb = assert_poster_at (event_at (page, 2), 3003000);
  g_assert_false (g_bytes_equal (hall_rgb, school_rgb));

  /* The sound clip's poster is its waveform, as before. */
  g_assert_nonnull (cr_cut_event_get_poster (event_at (page, 3)));
  wave = poster_rgb (cr_cut_event_get_poster (event_at (page, 3)), NULL, NULL);
  wave_made = thumbnail_rgb (cr_cut_event_get_path (event_at (page, 3)), CR_THUMBNAIL_DEFAULT_TIME);
  g_assert_true (g_bytes_equal (wave, wave_made));

  /* Moved: each event has its own poster at once, nothing made again. */
  hall_poster = cr_cut_event_get_poster (event_at (page, 1));
  school_poster = cr_cut_event_get_poster (event_at (page, 2));
  g_assert_true (cr_cuts_page_move_event (page, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cr_cut_event_get_label (event_at (page, 1)), ==, "A normal school day");
  g_assert_true (cr_cut_event_get_poster (event_at (page, 1)) == school_poster);
  g_assert_true (cr_cut_event_get_poster (event_at (page, 2)) == hall_poster);
  g_assert_false (cr_cuts_page_is_busy (page));

  /* Its in point trimmed to frame 120 (00:00:04:00), the event's poster is made again. */
  g_assert_true (cr_cuts_page_trim_event (page, 1, "00:00:04:00", "00:00:05:00", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cr_cut_event_get_source_in (event_at (page, 1)), ==, "00:00:04:00");
  cr_ui_wait_until (posters_done, page);
  trimmed_rgb = assert_poster_at (event_at (page, 1), 4004000);
  g_assert_false (g_bytes_equal (trimmed_rgb, school_rgb));
  g_assert_true (cr_cut_event_get_poster (event_at (page, 2)) == hall_poster);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  g_test_add ("/ui/cuts/page", Fixture, NULL, fixture_set_up, test_cut_page, fixture_tear_down);
  g_test_add ("/ui/cuts/badges-expired-minor", Fixture, NULL, fixture_set_up, test_badges_expired_minor,
              fixture_tear_down);
  g_test_add ("/ui/cuts/export-formats", Fixture, NULL, fixture_set_up, test_export_formats, fixture_tear_down);
  g_test_add ("/ui/cuts/review-render", Fixture, NULL, fixture_set_up, test_review_render, fixture_tear_down);
  g_test_add ("/ui/cuts/stringout-order", Fixture, NULL, fixture_set_up, test_stringout_order, fixture_tear_down);
  g_test_add ("/ui/cuts/stringout-rating", Fixture, NULL, fixture_set_up, test_stringout_rating, fixture_tear_down);
  g_test_add ("/ui/cuts/stringout-tag", Fixture, NULL, fixture_set_up, test_stringout_tag, fixture_tear_down);
  g_test_add ("/ui/cuts/export-anyway-unrecorded", Fixture, GINT_TO_POINTER (CR_CUT_OUTPUT_EDL), fixture_set_up,
              test_export_anyway_unrecorded, fixture_tear_down);
  g_test_add ("/ui/cuts/render-anyway-unrecorded", Fixture, GINT_TO_POINTER (CR_CUT_OUTPUT_REVIEW), fixture_set_up,
              test_export_anyway_unrecorded, fixture_tear_down);
  g_test_add ("/ui/cuts/export-refused-then-anyway", Fixture, NULL, fixture_set_up, test_export_refused_then_anyway,
              fixture_tear_down);
  g_test_add ("/ui/cuts/refusal-links-person", Fixture, NULL, fixture_set_up, test_refusal_links_person,
              fixture_tear_down);
  g_test_add ("/ui/cuts/add-to-cut-and-drag", Fixture, NULL, fixture_set_up, test_add_to_cut_and_drag,
              fixture_tear_down);
  g_test_add ("/ui/cuts/page-problems", Fixture, NULL, fixture_set_up, test_page_problems, fixture_tear_down);
  g_test_add ("/ui/cuts/stop", Fixture, NULL, fixture_set_up, test_stop, fixture_tear_down);
  g_test_add ("/ui/cuts/stop-keeps-earlier", Fixture, NULL, fixture_set_up, test_stop_keeps_earlier,
              fixture_tear_down);
  g_test_add ("/ui/cuts/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/ui/cuts/add-selects", Fixture, NULL, fixture_set_up, test_add_selects, fixture_tear_down);
  g_test_add ("/ui/cuts/long-cut", Fixture, NULL, fixture_set_up, test_long_cut, fixture_tear_down);
  g_test_add ("/ui/cuts/posters-at-in-points", Fixture, NULL, fixture_set_up, test_posters_at_in_points,
              fixture_tear_down);
  g_test_add ("/ui/cuts/drag-reorder", Fixture, NULL, fixture_set_up, test_drag_reorder, fixture_tear_down);
  g_test_add ("/ui/cuts/key-refused", Fixture, NULL, fixture_set_up, test_key_refused, fixture_tear_down);
  g_test_add ("/ui/cuts/key-move-undo", Fixture, NULL, fixture_set_up, test_key_move_undo, fixture_tear_down);
  return g_test_run ();
}
