/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Footage page's detail pane as a project officer logs a clip with it, in the real
 * window over the real camera files: four stars from the star button, the rating changed
 * and cleared from the keyboard and the clear put back with Undo; a tag added with Enter,
 * one refused with its reason in one line, one removed and put back with Undo; notes that
 * reach the file when another clip is selected straight after typing (and back again they
 * are shown), and when typing stops; the interview and a person linked through the
 * searchable picker, the person unlinked and put back with Undo. After each step the rows
 * in the production file, read on a connection of the test's own, are exactly those. */
#define G_LOG_DOMAIN "casereel-test-clip-detail"

#include "config.h"
#include "../cr-test-support.h"

#include "cr-clip-detail.h"
#include "cr-clip-tags.h"
#include "cr-clips-page.h"
#include "cr-indexer.h"
#include "cr-row-picker.h"
#include "cr-store.h"
#include "cr-window.h"
#include "../data/test-helpers.h"
#include "ui-test-support.h"

#define CLIP_A "VideoTrack_29_97_Start-00-00-00-00.mp4"
#define CLIP_B "VideoTrack_25_VFR_1sec.mov"

typedef struct
{
  char         *dir;
  char         *path;
  CrWindow     *window;
  CrProduction *production;
  CrClipsPage  *clips;
  CrClipDetail *detail;
  gint64        a, b;
  gint64        aisha, farhan, interview;
} Fixture;

/* What the file holds, on a connection of the test's own: each row's columns joined by
 * "|", rows by ";". */
static char *
stored (Fixture    *f,
        const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (s->len)
        g_string_append_c (s, ';');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (s, "%s%s", i ? "|" : "",
                                sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (s, FALSE);
}

#define assert_stored(f, sql, expected) \
  G_STMT_START { g_autofree char *got_ = stored ((f), (sql)); g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

static char *
ids (gint64 a, gint64 b)
{
  return b ? g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, a, b)
           : g_strdup_printf ("%" G_GINT64_FORMAT, a);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *folders[] = { cr_test_fixtures (), NULL };
  g_autoptr(CrProduction) production = NULL;
  const char *tags[] = { "b-roll", NULL };
  CrDb *db;

  f->dir = cr_test_make_tmp ("casereel-clip-detail-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "young-carers.casereel", NULL);
  production = cr_production_create (f->path, "Young carers", &error);
  g_assert_no_error (error);
  db = cr_production_get_db (production);
  g_assert_true (cr_index_folders (db, folders, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->aisha = test_add (db, &cr_entity_participant, "name", "Aisha Rahman", "kind", "interviewee",
                       "role", "Young carer", NULL);
  f->farhan = test_add (db, &cr_entity_participant, "name", "Farhan Iqbal", "kind", "interviewee", NULL);
  f->interview = test_add (db, &cr_entity_interview, "title", "Aisha at the drop-in", "start", "2026-03-03 10:00",
                           "end", "2026-03-03 11:00", NULL);
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, CLIP_A, &f->a, &error));
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, CLIP_B, &f->b, &error));
  g_assert_no_error (error);
  /* Tagged before, as `casereel clip tag` does it. */
  g_assert_true (cr_clip_tags_change (db, f->a, tags, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&production);

  f->window = cr_window_new (NULL, NULL);
  g_assert_true (cr_window_open (f->window, f->path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  f->production = g_object_ref (cr_window_get_production (f->window));
  cr_window_show_page (f->window, "clips");
  f->clips = CR_CLIPS_PAGE (cr_ui_find_widget (GTK_WIDGET (f->window), CR_TYPE_CLIPS_PAGE));
  g_assert_nonnull (f->clips);
  cr_clips_page_select (f->clips, f->a);
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  f->detail = CR_CLIP_DETAIL (cr_ui_find_widget (GTK_WIDGET (f->clips), CR_TYPE_CLIP_DETAIL));
  g_assert_nonnull (f->detail);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->detail)));
  g_assert_cmpint (cr_clip_detail_get_clip (f->detail), ==, f->a);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cr_ui_iterate ();
  g_clear_object (&f->production);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The clip as the grid's model has it now (what its card shows). */
static gint64
card_rating (Fixture *f,
             gint64   clip)
{
  GListModel *model = G_LIST_MODEL (cr_clips_page_get_model (f->clips));
  gint64 position = cr_clip_model_find (cr_clips_page_get_model (f->clips), clip);
  g_autoptr(CrRow) row = NULL;

  g_assert_cmpint (position, >=, 0);
  row = g_list_model_get_item (model, (guint) position);
  return cr_record_get_int (cr_row_get_record (row), "rating", 0);
}

static void
count_cb (GtkButton *button,
          gpointer   data)
{
  (*(guint *) data)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* Space or Enter on a button: GTK shows it pressed for a moment, then it is clicked. */
static void
activate_button (GtkButton *button)
{
  g_autoptr(GtkButton) held = g_object_ref (button);   /* a chip's × goes with its chip */
  guint clicks = 0;
  gulong handler = g_signal_connect (held, "clicked", G_CALLBACK (count_cb), &clicks);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  cr_ui_wait_until (counted, &clicks);
  g_signal_handler_disconnect (button, handler);
  cr_ui_iterate ();
}

/* Undo as the toast's button does it. */
static void
press_undo (Fixture *f)
{
  AdwToast *toast = cr_clip_detail_get_undo_toast (f->detail);

  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  cr_ui_iterate ();
}

/* Enter in the Add Tag row, as the row's own text takes it. */
static void
type_tag (Fixture    *f,
          const char *text)
{
  GtkEditable *entry = cr_clip_detail_get_tag_entry (f->detail);
  GtkWidget *inner = cr_ui_find_widget (GTK_WIDGET (entry), GTK_TYPE_TEXT);

  g_assert_nonnull (inner);
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (inner, "activate");   /* what Enter in it does */
  cr_ui_iterate ();
}

/* Whether all of @widget is inside its window. */
static gboolean
in_window (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t at;

  return gtk_widget_compute_bounds (widget, window, &at) && at.origin.y >= 0 && at.origin.x >= 0 &&
         at.origin.y + at.size.height <= gtk_widget_get_height (window) &&
         at.origin.x + at.size.width <= gtk_widget_get_width (window);
}

/* The picker the link button opens, shown. */
static CrRowPicker *
open_picker (Fixture    *f,
             const char *field)
{
  GtkMenuButton *button = cr_clip_detail_get_link_button (f->detail, field);
  GtkPopover *popover;
  graphene_rect_t at;

  /* Scrolled to, as the keyboard gets there: a popover must open on the screen. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (button)));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  /* The focus may leave it just under the window's edge, and a popover anchored off the
   * screen finds no monitor: the pane is scrolled on until the button is in the window. */
  while (!in_window (GTK_WIDGET (button)))
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                                  GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (scrolled), &at));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + at.origin.y + at.size.height -
                                            gtk_widget_get_height (GTK_WIDGET (scrolled)) + 12);
      cr_ui_wait_for_frames (GTK_WIDGET (f->window), 1);
    }
  /* The pane makes its picker when it is first opened; cr_ui_popup keeps open one that
   * exists already (told so while shown, a popover loses its surface). */
  if (gtk_menu_button_get_popover (button) == NULL)
    {
      gtk_menu_button_popup (button);
      g_assert_true (CR_IS_ROW_PICKER (gtk_menu_button_get_popover (button)));
      gtk_menu_button_popdown (button);
      cr_ui_iterate ();
    }
  popover = cr_ui_popup (button);
  g_assert_true (CR_IS_ROW_PICKER (popover));
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return CR_ROW_PICKER (popover);
}

/* A row found through the picker the button opens: typed, then Enter. */
static void
pick (Fixture    *f,
      const char *field,
      const char *search)
{
  CrRowPicker *picker;
  GtkEditable *entry;

  g_test_message ("picking %s: %s", field, search);
  picker = open_picker (f, field);
  entry = cr_row_picker_get_search (picker);
  gtk_editable_set_text (entry, search);
  g_signal_emit_by_name (entry, "activate");
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
}

static gboolean
b_notes_stored (gpointer data)
{
  Fixture *f = data;
  g_autofree char *sql = g_strdup_printf ("SELECT notes FROM clip WHERE id = %" G_GINT64_FORMAT, f->b);
  g_autofree char *got = stored (f, sql);

  return g_str_equal (got, "Wide of the hall");
}

static void
test_logging (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *tags_a = g_strdup_printf ("SELECT clip, tag FROM clip_tag ORDER BY clip, tag");
  g_autofree char *ratings = g_strdup ("SELECT id, rating FROM clip WHERE rating > 0 ORDER BY id");
  g_autofree char *notes = g_strdup ("SELECT id, notes FROM clip WHERE coalesce (notes, '') <> '' ORDER BY id");
  g_autofree char *links = g_strdup ("SELECT id, interview FROM clip WHERE interview IS NOT NULL ORDER BY id");
  g_autofree char *people = g_strdup ("SELECT clip, participant FROM clip_participant ORDER BY clip, position");
  g_autofree char *expect = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cr_clip_detail_get_notes (f->detail));
  g_autofree char *shown = NULL;
  const char *text = "Aisha laughs when the bus is late.\nUse for the opening.";
  const char *more = "Aisha laughs when the bus is late.\nUse for the opening, then the bus.";

  /* ---- rating: the fourth star, then the keys, a clear undone ---- */
  g_assert_cmpint (card_rating (f, f->a), ==, 0);
  activate_button (cr_clip_detail_get_star (f->detail, 4));
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|4", f->a);
  assert_stored (f, ratings, expect);
  g_assert_null (cr_clip_detail_get_error (f->detail));
  /* The grid's card reads the same (the page reloaded its clips). */
  g_assert_cmpint (card_rating (f, f->a), ==, 4);
  g_assert_cmpint (cr_clip_detail_get_clip (f->detail), ==, f->a);
  g_assert_cmpstr (gtk_button_get_icon_name (cr_clip_detail_get_star (f->detail, 4)), ==, "starred-symbolic");
  g_assert_cmpstr (gtk_button_get_icon_name (cr_clip_detail_get_star (f->detail, 5)), ==, "non-starred-symbolic");
  g_assert_null (cr_clip_detail_get_undo_toast (f->detail));   /* nothing was taken away */

  cr_ui_press (cr_clip_detail_get_stars (f->detail), GDK_KEY_2, 0);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|2", f->a);
  assert_stored (f, ratings, expect);
  cr_ui_press (cr_clip_detail_get_stars (f->detail), GDK_KEY_0, 0);
  assert_stored (f, ratings, "");
  g_assert_cmpint (card_rating (f, f->a), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cr_clip_detail_get_clear_rating (f->detail))));
  press_undo (f);
  assert_stored (f, ratings, expect);
  g_assert_cmpint (card_rating (f, f->a), ==, 2);
  activate_button (cr_clip_detail_get_star (f->detail, 4));
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|4", f->a);
  assert_stored (f, ratings, expect);

  /* ---- tags: Enter adds, a comma is refused in one line, × removes, Undo puts back ---- */
  type_tag (f, "queue");
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%1$" G_GINT64_FORMAT "|b-roll;%1$" G_GINT64_FORMAT "|queue", f->a);
  assert_stored (f, tags_a, expect);
  g_assert_cmpstr (gtk_editable_get_text (cr_clip_detail_get_tag_entry (f->detail)), ==, "");
  g_assert_nonnull (cr_clip_detail_get_tag_remove (f->detail, "queue"));

  type_tag (f, "bus, hall");
  assert_stored (f, tags_a, expect);
  g_assert_nonnull (cr_clip_detail_get_error (f->detail));
  g_test_message ("refused: %s", cr_clip_detail_get_error (f->detail));
  g_assert_nonnull (strstr (cr_clip_detail_get_error (f->detail), "no commas"));
  g_assert_null (strchr (cr_clip_detail_get_error (f->detail), '\n'));
  g_assert_cmpstr (gtk_editable_get_text (cr_clip_detail_get_tag_entry (f->detail)), ==, "bus, hall");
  gtk_editable_set_text (cr_clip_detail_get_tag_entry (f->detail), "");

  activate_button (cr_clip_detail_get_tag_remove (f->detail, "b-roll"));
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|queue", f->a);
  assert_stored (f, tags_a, expect);
  g_assert_null (cr_clip_detail_get_tag_remove (f->detail, "b-roll"));
  g_assert_null (cr_clip_detail_get_error (f->detail));
  press_undo (f);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%1$" G_GINT64_FORMAT "|b-roll;%1$" G_GINT64_FORMAT "|queue", f->a);
  assert_stored (f, tags_a, expect);
  g_assert_nonnull (cr_clip_detail_get_tag_remove (f->detail, "b-roll"));

  /* ---- notes: typed, then straight to another clip: they went with the first ---- */
  gtk_text_buffer_set_text (buffer, text, -1);
  cr_clips_page_select (f->clips, f->b);
  cr_ui_iterate ();
  g_assert_cmpint (cr_clip_detail_get_clip (f->detail), ==, f->b);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", f->a, text);
  assert_stored (f, notes, expect);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  /* The tags in use are offered for what is typed (not those the clip has). */
  gtk_editable_set_text (cr_clip_detail_get_tag_entry (f->detail), "QU");
  {
    g_auto(GStrv) offered = cr_clip_detail_get_tag_suggestions (f->detail);
    g_assert_cmpuint (g_strv_length (offered), ==, 1);
    g_assert_cmpstr (offered[0], ==, "queue");
  }
  gtk_editable_set_text (cr_clip_detail_get_tag_entry (f->detail), "");
  /* Typed and left alone: saved once typing stops, with nothing else done. */
  gtk_text_buffer_set_text (buffer, "Wide of the hall", -1);
  cr_ui_wait_until (b_notes_stored, f);
  /* Back to the first clip: its notes as written. */
  cr_clips_page_select (f->clips, f->a);
  cr_ui_iterate ();
  {
    GtkTextIter start, end;
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  g_assert_cmpstr (shown, ==, text);
  g_clear_pointer (&expect, g_free);
  {
    g_autofree char *on_a = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", f->a, text);
    g_autofree char *on_b = g_strdup_printf ("%" G_GINT64_FORMAT "|Wide of the hall", f->b);
    expect = f->a < f->b ? g_strjoin (";", on_a, on_b, NULL) : g_strjoin (";", on_b, on_a, NULL);
  }
  assert_stored (f, notes, expect);

  /* Left by the focus: saved then, not after the pause. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cr_clip_detail_get_notes (f->detail))));
  gtk_text_buffer_set_text (buffer, more, -1);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cr_clip_detail_get_tag_entry (f->detail))));
  cr_ui_iterate ();
  {
    g_autofree char *sql = g_strdup_printf ("SELECT notes FROM clip WHERE id = %" G_GINT64_FORMAT, f->a);
    assert_stored (f, sql, more);
  }
  /* Notes cleared (saved on the way to another clip) come back with Undo. */
  cr_clips_page_select (f->clips, f->b);
  cr_ui_iterate ();
  gtk_text_buffer_set_text (buffer, "", -1);
  cr_clips_page_select (f->clips, f->a);
  cr_ui_iterate ();
  {
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce (notes, '') FROM clip WHERE id = %" G_GINT64_FORMAT, f->b);
    assert_stored (f, sql, "");
    press_undo (f);
    assert_stored (f, sql, "Wide of the hall");
  }
  g_assert_cmpint (cr_clip_detail_get_clip (f->detail), ==, f->a);

  /* ---- links through the searchable picker; a person unlinked and put back ---- */
  pick (f, "interview", "drop-in");
  g_clear_pointer (&expect, g_free);
  expect = ids (f->a, f->interview);
  assert_stored (f, links, expect);
  g_assert_nonnull (cr_clip_detail_get_link_remove (f->detail, "interview", f->interview));
  pick (f, "participants", "Aisha");
  g_clear_pointer (&expect, g_free);
  expect = ids (f->a, f->aisha);
  assert_stored (f, people, expect);
  pick (f, "participants", "Farhan");
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%1$" G_GINT64_FORMAT "|%2$" G_GINT64_FORMAT ";%1$" G_GINT64_FORMAT "|%3$" G_GINT64_FORMAT,
                            f->a, f->aisha, f->farhan);
  assert_stored (f, people, expect);
  activate_button (cr_clip_detail_get_link_remove (f->detail, "participants", f->farhan));
  g_clear_pointer (&expect, g_free);
  expect = ids (f->a, f->aisha);
  assert_stored (f, people, expect);
  g_assert_null (cr_clip_detail_get_link_remove (f->detail, "participants", f->farhan));
  press_undo (f);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%1$" G_GINT64_FORMAT "|%2$" G_GINT64_FORMAT ";%1$" G_GINT64_FORMAT "|%3$" G_GINT64_FORMAT,
                            f->a, f->aisha, f->farhan);
  assert_stored (f, people, expect);
  g_assert_nonnull (cr_clip_detail_get_link_remove (f->detail, "participants", f->farhan));

  /* ---- the file holds exactly what was logged ---- */
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT "|4", f->a);
  assert_stored (f, ratings, expect);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("%1$" G_GINT64_FORMAT "|b-roll;%1$" G_GINT64_FORMAT "|queue", f->a);
  assert_stored (f, tags_a, expect);
  g_clear_pointer (&expect, g_free);
  expect = ids (f->a, f->interview);
  assert_stored (f, links, expect);
  assert_stored (f, "SELECT count (*) FROM clip_shot", "0");
  g_assert_null (cr_clip_detail_get_error (f->detail));

  /* What it looks like, to look at. */
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  cr_ui_save_png (GTK_WIDGET (f->detail), "clip-detail.png");
  cr_ui_save_png (GTK_WIDGET (f->window), "clip-detail-window.png");
}

/* Every label the picker shows, in order, each followed by "|". */
static void
shown_labels (GtkWidget *root,
              GString   *s)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (s, "%s|", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    shown_labels (child, s);
}

/* The picker's rows, or its empty text, once @search has been typed. */
static char *
picker_shows (Fixture     *f,
              CrRowPicker *picker,
              const char  *search)
{
  GString *s = g_string_new (NULL);

  gtk_editable_set_text (cr_row_picker_get_search (picker), search);
  g_signal_emit_by_name (cr_row_picker_get_search (picker), "search-changed");
  cr_ui_wait_for_frames (GTK_WIDGET (f->window), 3);
  shown_labels (GTK_WIDGET (picker), s);
  g_test_message ("“%s”: %s", search, s->str);
  return g_string_free (s, FALSE);
}

/* Linking a clip, each row shows what tells it apart and is found by it: a shot by what it
 * shows (not only "2A"), a person by role, an interview by its time and place; nothing found
 * is said for what was looked for. */
static void
test_link_pickers (Fixture       *f,
                   gconstpointer  data)
{
  CrDb *db = cr_production_get_db (f->production);
  gint64 hall = test_add (db, &cr_entity_location, "name", "Community hall", NULL);
  g_autofree char *hall_id = g_strdup_printf ("%" G_GINT64_FORMAT, hall);
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_interview);
  g_autoptr(GError) error = NULL;
  gint64 shelves;
  CrRowPicker *picker;
  char *shows;

  test_add (db, &cr_entity_shot, "number", "1A", "description", "Kitchen before school", NULL);
  shelves = test_add (db, &cr_entity_shot, "number", "2A", "description", "Volunteers stacking the shelves", NULL);
  test_add (db, &cr_entity_shot, "number", "2B", NULL);
  cr_record_set (change, "location", hall_id);
  g_assert_true (cr_store_update (db, &cr_entity_interview, f->interview, change, &error));
  g_assert_no_error (error);
  cr_production_changed (f->production, &cr_entity_shot);
  cr_production_changed (f->production, &cr_entity_interview);
  cr_ui_iterate ();

  /* ---- shots: number and description; the description is searched ---- */
  picker = open_picker (f, "shots");
  shows = picker_shows (f, picker, "");
  g_assert_nonnull (strstr (shows, "1A|Kitchen before school|2A|Volunteers stacking the shelves|2B|"));
  g_free (shows);
  shows = picker_shows (f, picker, "shel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_row_picker_get_model (picker))), ==, 1);
  g_assert_nonnull (strstr (shows, "2A|Volunteers stacking the shelves|"));
  g_free (shows);
  shows = picker_shows (f, picker, "zebra");
  g_assert_nonnull (strstr (shows, "No shot matches|"));
  g_assert_null (strstr (shows, "Nobody"));
  g_free (shows);
  gtk_popover_popdown (GTK_POPOVER (picker));
  cr_ui_iterate ();
  pick (f, "shots", "shel");
  {
    g_autofree char *expect = ids (f->a, shelves);
    assert_stored (f, "SELECT clip, shot FROM clip_shot", expect);
  }

  /* ---- people: role and organisation, and "Nobody by that name" ---- */
  picker = open_picker (f, "participants");
  shows = picker_shows (f, picker, "");
  g_assert_nonnull (strstr (shows, "Aisha Rahman|Young carer|Farhan Iqbal|"));
  g_free (shows);
  shows = picker_shows (f, picker, "zebra");
  g_assert_nonnull (strstr (shows, "Nobody by that name|"));
  g_free (shows);
  gtk_popover_popdown (GTK_POPOVER (picker));
  cr_ui_iterate ();

  /* ---- interviews: when and where ---- */
  picker = open_picker (f, "interview");
  shows = picker_shows (f, picker, "");
  g_assert_nonnull (strstr (shows, "Aisha at the drop-in|3 Mar 2026, 10:00 · Community hall|"));
  g_free (shows);
  shows = picker_shows (f, picker, "zebra");
  g_assert_nonnull (strstr (shows, "No interview matches|"));
  g_free (shows);
  gtk_popover_popdown (GTK_POPOVER (picker));
  cr_ui_iterate ();
}

/* A write the production file refuses is said in the window's words, never SQLite's: here
 * another program has left a trigger on the clip table that names a table that is not
 * there, so that every change to a clip fails with SQLite's "no such table". */
static void
test_refused_words (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *ratings = g_strdup ("SELECT id, rating FROM clip WHERE rating > 0 ORDER BY id");
  g_autofree char *folded = NULL;
  sqlite3 *other = NULL;
  const char *said;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TRIGGER refuse BEFORE UPDATE ON clip "
                                        "BEGIN INSERT INTO nowhere VALUES (1); END", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  activate_button (cr_clip_detail_get_star (f->detail, 3));
  assert_stored (f, ratings, "");
  said = cr_clip_detail_get_error (f->detail);
  g_assert_nonnull (said);
  g_test_message ("said: %s", said);
  folded = g_utf8_strdown (said, -1);
  for (const char * const *w = (const char * const[]) { "sql", "no such", "nowhere", "trigger", "main.", NULL }; *w; w++)
    if (strstr (folded, *w))
      g_error ("“%s” says SQLite’s “%s”", said, *w);
  g_assert_nonnull (strstr (said, "nothing was changed"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = cr_test_make_tmp ("casereel-clip-detail-XXXXXX", &error);
  g_autofree char *cache = NULL;

  g_assert_no_error (error);
  /* Posters are made into a thumbnail cache of the test's own. */
  cache = g_build_filename (root, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  g_test_add ("/clip-detail/logging", Fixture, NULL, fixture_set_up, test_logging, fixture_tear_down);
  g_test_add ("/clip-detail/link-pickers", Fixture, NULL, fixture_set_up, test_link_pickers, fixture_tear_down);
  g_test_add ("/clip-detail/refused-words", Fixture, NULL, fixture_set_up, test_refused_words, fixture_tear_down);
  return g_test_run ();
}
