/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test-window"

#include "config.h"
#include "../cr-test-support.h"

#include <glib/gstdio.h>

#include "cr-cell-text.h"
#include "cr-clips-page.h"
#include "cr-consent.h"
#include "cr-consent-current.h"
#include "cr-entity-page.h"
#include "cr-indexer.h"
#include "cr-natural-sort.h"
#include "cr-page.h"
#include "cr-record-editor.h"
#include "cr-row-picker.h"
#include "cr-store-model.h"
#include "cr-store.h"
#include "cr-window.h"
#include "ui-test-support.h"

/* A charity's case study: people, roles, organisations and their consent, as a
 * communications officer would enter them. */
static const char * const first_names[] = {
  "Aisha", "Ben", "Chloe", "Daniel", "Efua", "Farhan", "Grace", "Harriet", "Imran", "Jess",
  "Kwame", "Leah", "Mohammed", "Niamh", "Owen", "Priya", "Rhys", "Sofia", "Tom", "Yusuf",
};
static const char * const surnames[] = {
  "Adeyemi", "Bennett", "Campbell", "Davies", "Evans", "Fitzgerald", "Gallagher", "Hughes",
  "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Okafor",
};
static const struct { const char *role; const char *organisation; const char *kind; } jobs[] = {
  { "Young carer", "Riverside Young Carers", "interviewee" },
  { "Parent", "Riverside Young Carers", "interviewee" },
  { "Project coordinator", "Riverside Young Carers", "interviewee" },
  { "Family support worker", "Riverside Young Carers", "interviewee" },
  { "Volunteer mentor", "Riverside Young Carers", "interviewee" },
  { "Head of pastoral care", "Northgate Academy", "interviewee" },
  { "Grants officer", "Tyne Community Foundation", "contact" },
  { "School nurse", "Northgate Academy", "interviewee" },
  { "Camera operator", "Fieldnotes Films", "crew" },
  { "Communications officer", "Riverside Young Carers", "contact" },
  { "Sound recordist", "Fieldnotes Films", "crew" },
  { "Ward councillor", "Newcastle City Council", "interviewee" },
};

#define N_PEOPLE 300

typedef struct
{
  char         *dir;
  char         *path;
  CrProduction *production;
  CrDb         *db;
  GPtrArray    *names;   /* as inserted */
} Fixture;

static void
add (CrDb       *db,
     const CrEntity *entity,
     gint64     *id,
     ...)
{
  g_autoptr(CrRecord) record = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  va_list args;
  const char *field;

  va_start (args, id);
  while ((field = va_arg (args, const char *)))
    cr_record_set (record, field, va_arg (args, const char *));
  va_end (args);
  *id = cr_store_insert (db, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*id, >, 0);
}

static gint64
find_id (CrDb           *db,
         const CrEntity *entity,
         const char     *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) record = cr_store_find (db, entity, label, &error);

  g_assert_no_error (error);
  return record->id;
}

static void
record_consent (CrDb       *db,
                gint64      person,
                guint       i)
{
  gint64 id;
  g_autofree char *who = g_strdup_printf ("%" G_GINT64_FORMAT, person);

  /* A mix of what a real project has: most signed, some waiting, a few refusals. */
  switch (i % 10)
    {
    case 0: case 1: case 2: case 4: case 6:
      add (db, &cr_entity_consent, &id, "participant", who, "status", "signed", "date", "2026-03-02",
           "taken_by", "Harriet Lewis", "form_version", "v3", "channels", "internal,website,social-media,funder-report",
           "media", "all", "naming", "full-name", "expires", "2029-03-02", NULL);
      break;
    case 3:
      add (db, &cr_entity_consent, &id, "participant", who, "status", "requested", "date", "2026-03-10", NULL);
      break;
    case 5:
      add (db, &cr_entity_consent, &id, "participant", who, "status", "verbal-noted", "date", "2026-03-04",
           "channels", "internal,funder-report", "media", "audio,quotes", "naming", "first-name",
           "notes", "Happy to be quoted by first name; no face on camera.", NULL);
      break;
    case 7:
      add (db, &cr_entity_consent, &id, "participant", who, "status", "signed", "date", "2026-02-20",
           "channels", "all", "media", "all", "naming", "full-name", NULL);
      add (db, &cr_entity_consent, &id, "participant", who, "status", "withdrawn", "date", "2026-03-12", NULL);
      break;
    case 8:
      add (db, &cr_entity_consent, &id, "participant", who, "status", "declined", "date", "2026-03-05", NULL);
      break;
    default:
      break;   /* nothing on record yet */
    }
}

/* Builds the production the tests share: 300 people, their consent, two clashing
 * interviews. Made once; each test works on its own copy of the file. */
static void
make_riverside (const char *path,
                GPtrArray  *names)
{
  g_autoptr(GError) error = NULL;
  gint64 id, loc1, loc2, p1, p2, crew;
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_production);
  g_autoptr(CrProduction) production = cr_production_create (path, "Riverside Young Carers: Caring Together", &error);
  CrDb *db;

  g_assert_no_error (error);
  db = cr_production_get_db (production);

  cr_record_set (changes, "funder", "National Lottery Community Fund");
  cr_record_set (changes, "producer", "Harriet Lewis");
  cr_record_set (changes, "description", "Three years of after-school support for young carers in the east end.");
  cr_record_set (changes, "time_zone", "Europe/London");
  g_assert_true (cr_store_update (db, &cr_entity_production, 1, changes, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = surnames[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (surnames)];
      char *name = g_strdup_printf ("%s %s", first, last);
      guint j = (i * 7) % G_N_ELEMENTS (jobs);

      add (db, &cr_entity_participant, &id, "name", name, "kind", jobs[j].kind, "role", jobs[j].role,
           "organisation", jobs[j].organisation, NULL);
      if (g_str_equal (jobs[j].kind, "interviewee"))
        record_consent (db, id, i);
      g_ptr_array_add (names, name);
    }

  add (db, &cr_entity_location, &loc1, "name", "Riverside Community Hall", "contact", "Owen Morgan",
       "contact_phone", "0191 496 0123", "release_status", "signed", NULL);
  add (db, &cr_entity_location, &loc2, "name", "Northgate Academy library", "release_status", "requested", NULL);
  add (db, &cr_entity_question, &id, "text", "How did you first hear about the project?", "topic", "Beginnings", NULL);
  add (db, &cr_entity_question, &id, "text", "What does a normal school day look like for you?", "topic", "Daily life", NULL);
  p1 = find_id (db, &cr_entity_participant, "Aisha Adeyemi");
  p2 = find_id (db, &cr_entity_participant, "Grace Hughes");
  crew = find_id (db, &cr_entity_participant, "Kwame Okafor");
  {
    g_autofree char *people = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, p1, p2);
    g_autofree char *grace = g_strdup_printf ("%" G_GINT64_FORMAT, p2);
    g_autofree char *crew_ids = g_strdup_printf ("%" G_GINT64_FORMAT, crew);
    add (db, &cr_entity_interview, &id, "title", "Aisha and Grace at the hall", "start", "2026-04-14 10:00",
         "end", "2026-04-14 11:30", "location", "Riverside Community Hall", "participants", people,
         "crew", crew_ids, "status", "confirmed", NULL);
    add (db, &cr_entity_interview, &id, "title", "Grace at school", "start", "2026-04-14 11:00",
         "end", "2026-04-14 12:00", "location", "Northgate Academy library", "participants", grace,
         "status", "planned", NULL);
  }
  add (db, &cr_entity_shot, &id, "number", "1A", "description", "Wide of the hall as families arrive",
       "type", "establishing", "size", "ws", "location", "Riverside Community Hall", "duration", "0:08", NULL);
}

static char *template_dir;
static char *template_path;
static GPtrArray *template_names;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (template_path == NULL)
    {
      template_dir = cr_test_make_tmp ("casereel-ui-template-XXXXXX", &error);
      g_assert_no_error (error);
      template_path = g_build_filename (template_dir, "template.casereel", NULL);
      template_names = g_ptr_array_new_with_free_func (g_free);
      make_riverside (template_path, template_names);
    }
  f->dir = cr_test_make_tmp ("casereel-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "riverside.casereel", NULL);
  from = g_file_new_for_path (template_path);
  to = g_file_new_for_path (f->path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->production = cr_production_open (f->path, &error);
  g_assert_no_error (error);
  f->db = cr_production_get_db (f->production);
  f->names = g_ptr_array_ref (template_names);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->production);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_ptr_array_unref (f->names);
}

/* ---- a small production that reads like a real one, for the screenshots ---- */

static const struct
{
  const char *name, *kind, *role, *organisation;
  guint consent;   /* as record_consent () */
} showcase[] = {
  { "Aisha Rahman", "interviewee", "Young carer, 15", "Riverside Young Carers", 0 },
  { "Ben Okafor", "crew", "Camera operator", "Fieldnotes Films", 9 },
  { "Bronwen Hughes", "interviewee", "Head of pastoral care", "Northgate Academy", 1 },
  { "Chidi Okafor", "interviewee", "Parent", "Riverside Young Carers", 3 },
  { "Claire Fitzgerald", "contact", "Grants officer", "Tyne Community Foundation", 9 },
  { "Daniel Nowak", "interviewee", "Volunteer mentor", "Riverside Young Carers", 5 },
  { "Efua Mensah", "interviewee", "Family support worker", "Riverside Young Carers", 2 },
  { "Farhan Iqbal", "interviewee", "Young carer, 17", "Riverside Young Carers", 7 },
  { "Grace Campbell", "interviewee", "Project coordinator", "Riverside Young Carers", 4 },
  { "Harriet Lewis", "contact", "Communications officer", "Riverside Young Carers", 9 },
  { "Imran Sheikh", "interviewee", "Ward councillor", "Newcastle City Council", 8 },
  { "Jess Morgan", "interviewee", "School nurse", "Northgate Academy", 6 },
  { "Kwame Asante", "crew", "Sound recordist", "Fieldnotes Films", 9 },
  { "Leah Davies", "interviewee", "Young carer, 16", "Riverside Young Carers", 9 },
  { "Mohammed Ali", "interviewee", "Parent", "Riverside Young Carers", 0 },
  { "Niamh Gallagher", "interviewee", "Trustee", "Riverside Young Carers", 2 },
  { "Owen Evans", "contact", "Caretaker", "Riverside Community Hall", 9 },
  { "Priya Patel", "interviewee", "GP, carers' lead", "Byker Medical Group", 3 },
  { "Rhys Bennett", "crew", "Director", "Fieldnotes Films", 9 },
  { "Sofia Romano", "interviewee", "Youth worker", "Riverside Young Carers", 1 },
};

static CrProduction *
make_showcase (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "caring-together.casereel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProduction) production = cr_production_create (path, "Caring Together", &error);
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_production);
  CrDb *db;
  gint64 id, hall, aisha = 0, grace = 0, rhys = 0;

  g_assert_no_error (error);
  db = cr_production_get_db (production);
  cr_record_set (changes, "funder", "National Lottery Community Fund");
  cr_record_set (changes, "producer", "Harriet Lewis");
  cr_record_set (changes, "description",
                 "A five-minute film on three years of after-school support for young carers in Byker, "
                 "for the funder's end-of-grant report and the charity's website.");
  cr_record_set (changes, "time_zone", "Europe/London");
  g_assert_true (cr_store_update (db, &cr_entity_production, 1, changes, &error));

  for (guint i = 0; i < G_N_ELEMENTS (showcase); i++)
    {
      add (db, &cr_entity_participant, &id, "name", showcase[i].name, "kind", showcase[i].kind,
           "role", showcase[i].role, "organisation", showcase[i].organisation, NULL);
      if (g_str_has_prefix (showcase[i].role, "Young carer"))
        {
          g_autoptr(CrRecord) minor = cr_record_new (&cr_entity_participant);
          cr_record_set (minor, "minor", "yes");
          cr_record_set (minor, "guardian_name", "Parent on file");
          cr_record_set (minor, "guardian_relationship", "Parent");
          g_assert_true (cr_store_update (db, &cr_entity_participant, id, minor, &error));
        }
      if (g_str_equal (showcase[i].kind, "interviewee"))
        record_consent (db, id, showcase[i].consent);
      if (g_str_has_prefix (showcase[i].name, "Aisha"))
        aisha = id;
      else if (g_str_has_prefix (showcase[i].name, "Grace"))
        grace = id;
      else if (g_str_has_prefix (showcase[i].name, "Rhys"))
        rhys = id;
    }
  add (db, &cr_entity_location, &hall, "name", "Riverside Community Hall", "contact", "Owen Evans",
       "contact_phone", "0191 496 0123", "release_status", "signed", NULL);
  add (db, &cr_entity_location, &id, "name", "Northgate Academy library", "contact", "Bronwen Hughes",
       "release_status", "requested", NULL);
  {
    g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, aisha, grace);
    g_autofree char *one = g_strdup_printf ("%" G_GINT64_FORMAT, grace);
    g_autofree char *crew = g_strdup_printf ("%" G_GINT64_FORMAT, rhys);

    add (db, &cr_entity_interview, &id, "title", "Aisha and Grace at the hall", "start", "2026-04-14 10:00",
         "end", "2026-04-14 11:30", "location", "Riverside Community Hall", "participants", both,
         "crew", crew, "status", "confirmed", NULL);
    add (db, &cr_entity_interview, &id, "title", "Grace on the school run", "start", "2026-04-14 11:00",
         "end", "2026-04-14 12:00", "location", "Northgate Academy library", "participants", one,
         "crew", crew, "status", "planned", NULL);
  }
  add (db, &cr_entity_question, &id, "text", "How did you first hear about the project?", "topic", "Beginnings", NULL);
  add (db, &cr_entity_question, &id, "text", "What does a normal school day look like for you?", "topic", "Daily life", NULL);
  add (db, &cr_entity_question, &id, "text", "What has changed since you joined?", "topic", "Change", NULL);
  add (db, &cr_entity_shot, &id, "number", "1A", "description", "Wide of the hall as families arrive",
       "type", "establishing", "size", "ws", "location", "Riverside Community Hall", "duration", "0:08", NULL);
  add (db, &cr_entity_shot, &id, "number", "1B", "description", "Hands laying out the homework table",
       "type", "detail", "size", "cu", "location", "Riverside Community Hall", "duration", "0:05", NULL);
  return g_steal_pointer (&production);
}

/* ---- helpers ---- */

/* The overview reads consent in a worker; waits for it to report. */
static gboolean
overview_done (gpointer overview)
{
  return !cr_overview_page_is_busy (overview);
}

static void
wait_for_overview (CrOverviewPage *overview)
{
  cr_ui_wait_until (overview_done, overview);
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
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir ? dir : ".", name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) saved = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 300);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  /* Read it back: a real PNG of the window's size. */
  saved = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (saved), ==, width);
  g_assert_cmpint (gdk_texture_get_height (saved), ==, height);
  g_test_message ("screenshot: %s", path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char **) a, *(const char **) b);
}

/* ---- tests ---- */

static void
test_model_paging (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrStoreModel) model = cr_store_model_new (f->production, &cr_entity_participant);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();   /* borrows the names */
  g_autoptr(CrRow) row = NULL;
  g_autoptr(CrStoreModel) questions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CR_TYPE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 0);

  /* Item 150 is fetched with its page only, and is the 151st name in order. */
  g_ptr_array_extend (sorted, f->names, NULL, NULL);
  g_ptr_array_sort (sorted, compare_names);
  row = g_list_model_get_item (G_LIST_MODEL (model), 150);
  g_assert_nonnull (row);
  g_assert_cmpstr (cr_row_get_label (row), ==, g_ptr_array_index (sorted, 150));
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 1);
  g_assert_cmpstr (cr_row_get_display (row, "kind"), !=, "");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_PEOPLE));
  for (guint i = 0; i < N_PEOPLE; i += 37)
    {
      g_autoptr(CrRow) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (cr_row_get_label (r), ==, g_ptr_array_index (sorted, i));
    }
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 2);
  g_assert_cmpint (cr_store_model_find (model, cr_row_get_id (row)), ==, 150);

  /* Search narrows the count: 15 people are called Aisha, and the interview "Aisha and
   * Grace at the hall" brings the other two people in it (Grace, and Kwame its crew). */
  cr_store_model_set_search (model, "aisha");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 17);
  for (guint i = 0; i < 17; i++)
    {
      g_autoptr(CrRow) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_true (g_str_has_prefix (cr_row_get_label (r), "Aisha ") ||
                     g_str_equal (cr_row_get_label (r), "Grace Hughes") ||
                     g_str_equal (cr_row_get_label (r), "Kwame Okafor"));
    }
  cr_store_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);

  /* A long list keeps a bounded number of pages however far one scrolls. */
  g_assert_true (cr_db_exec (f->db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500) "
                                    "INSERT INTO question (text, position) SELECT printf ('Question %04d', i), i + 10 FROM n",
                             &error));
  g_assert_no_error (error);
  questions = cr_store_model_new (f->production, &cr_entity_question);
  n = g_list_model_get_n_items (G_LIST_MODEL (questions));
  g_assert_cmpuint (n, ==, 4502);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrRow) r = g_list_model_get_item (G_LIST_MODEL (questions), i);
      g_assert_nonnull (r);
      g_assert_cmpuint (cr_store_model_get_n_pages (questions), <=, CR_STORE_MODEL_MAX_PAGES);
    }
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (questions), 4321);
  g_assert_cmpstr (cr_row_get_label (row), ==, "Question 4320");
}

static gboolean
no_rest (gpointer model)
{
  return !cr_store_model_has_rest (model);
}

/* An answer refills the rows on screen at once and the other rows the list holds just
 * after; a row asked for before then is refilled when asked: no caller ever reads a row
 * of the list before. */
static void
test_model_deferred_refill (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CrStoreModel) model = cr_store_model_new (f->production, &cr_entity_participant);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();   /* borrows the names */
  g_autoptr(CrRow) asked = NULL;

  cr_store_model_keep_rows (model);
  g_ptr_array_extend (sorted, f->names, NULL, NULL);
  g_ptr_array_sort (sorted, compare_names);
  /* The list holds every row, as a list view holds those it has bound. */
  for (guint i = 0; i < N_PEOPLE; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpstr (cr_row_get_label (held->pdata[250]), ==, g_ptr_array_index (sorted, 250));
  /* Ten rows on screen from the top; the same list the other way round. */
  cr_store_model_set_shown (model, 0, 10);
  cr_store_model_set_sort (model, "name", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  /* On screen and near it: refilled with the answer. */
  g_assert_cmpstr (cr_row_get_label (held->pdata[0]), ==, g_ptr_array_index (sorted, N_PEOPLE - 1));
  g_assert_cmpstr (cr_row_get_label (held->pdata[15]), ==, g_ptr_array_index (sorted, N_PEOPLE - 16));
  /* Far off: not yet, until asked for. */
  g_assert_true (cr_store_model_has_rest (model));
  g_assert_cmpstr (cr_row_get_label (held->pdata[250]), ==, g_ptr_array_index (sorted, 250));
  asked = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (asked == held->pdata[250]);
  g_assert_cmpstr (cr_row_get_label (asked), ==, g_ptr_array_index (sorted, N_PEOPLE - 251));
  /* And the rest a moment later by themselves (the page asks for them sooner, once the
   * answer is drawn). */
  g_assert_true (cr_store_model_has_rest (model));
  cr_ui_wait_until (no_rest, model);
  for (guint i = 0; i < N_PEOPLE; i++)
    g_assert_cmpstr (cr_row_get_label (held->pdata[i]), ==, g_ptr_array_index (sorted, N_PEOPLE - 1 - i));
}

static gboolean
not_reading_ahead (gpointer model)
{
  return !cr_store_model_is_reading_ahead (model);
}

/* Scrolled down, the page the list will need next is read in the background, and asking
 * for its rows then reads nothing; a page read for ids that changed meanwhile is not taken. */
static void
test_model_read_ahead (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CrStoreModel) model = cr_store_model_new (f->production, &cr_entity_participant);
  g_autoptr(CrStoreModel) resorted = cr_store_model_new (f->production, &cr_entity_participant);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();   /* borrows the names */
  g_autoptr(CrRow) first = NULL;
  g_autoptr(CrRow) row = NULL;
  g_autoptr(CrRow) other = NULL;

  g_assert_cmpuint (N_PEOPLE, >, CR_STORE_MODEL_PAGE_SIZE);
  g_ptr_array_extend (sorted, f->names, NULL, NULL);
  g_ptr_array_sort (sorted, compare_names);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  cr_store_model_set_shown (model, 0, 10);
  g_assert_false (cr_store_model_is_reading_ahead (model));
  cr_store_model_set_shown (model, 10, 10);
  g_assert_true (cr_store_model_is_reading_ahead (model));
  cr_ui_wait_until (not_reading_ahead, model);
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 2);
  row = g_list_model_get_item (G_LIST_MODEL (model), N_PEOPLE - 1);
  g_assert_cmpstr (cr_row_get_label (row), ==, g_ptr_array_index (sorted, N_PEOPLE - 1));
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 2);
  /* Moving up from the top reads nothing. */
  cr_store_model_set_shown (model, 0, 10);
  g_assert_false (cr_store_model_is_reading_ahead (model));

  /* The list turned round while the page was read: the read is thrown away. */
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (resorted), 0);
  cr_store_model_set_shown (resorted, 0, 10);
  cr_store_model_set_shown (resorted, 10, 10);
  g_assert_true (cr_store_model_is_reading_ahead (resorted));
  cr_store_model_set_sort (resorted, "name", TRUE);
  cr_ui_wait_until (not_reading_ahead, resorted);
  g_assert_cmpuint (cr_store_model_get_n_pages (resorted), ==, 0);
  other = g_list_model_get_item (G_LIST_MODEL (resorted), N_PEOPLE - 1);
  g_assert_cmpstr (cr_row_get_label (other), ==, g_ptr_array_index (sorted, 0));

  /* A page asked for while it was read ahead, then dropped, is read ahead again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrStoreModel) many = NULL;

    g_assert_true (cr_db_exec (f->db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                                      "INSERT INTO participant (name, kind) SELECT printf ('Zz Person %06d', i), 'contact' FROM n",
                               &error));
    g_assert_no_error (error);
    many = cr_store_model_new (f->production, &cr_entity_participant);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (many), 0);
    cr_store_model_set_shown (many, 0, 10);
    cr_store_model_set_shown (many, 10, 10);
    g_assert_true (cr_store_model_is_reading_ahead (many));
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (many), CR_STORE_MODEL_PAGE_SIZE);
    cr_ui_wait_until (not_reading_ahead, many);
    for (guint page = 2; page < 3 + CR_STORE_MODEL_MAX_PAGES; page++)
      {
        g_autoptr(CrRow) far = g_list_model_get_item (G_LIST_MODEL (many), page * CR_STORE_MODEL_PAGE_SIZE);

        g_assert_nonnull (far);
      }
    g_assert_cmpuint (cr_store_model_get_n_pages (many), ==, CR_STORE_MODEL_MAX_PAGES);
    cr_store_model_set_shown (many, 0, 10);
    cr_store_model_set_shown (many, 20, 10);
    g_assert_true (cr_store_model_is_reading_ahead (many));
    cr_ui_wait_until (not_reading_ahead, many);
  }
}

/* 100,000 people: the list counts them and fetches only what is looked at. */
static void
test_model_large (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrStoreModel) model = NULL;
  g_autoptr(CrRow) row = NULL;
  CrWindow *window;
  CrEntityPage *people;
  gint64 start;

  g_assert_true (cr_db_exec (f->db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                                    "INSERT INTO participant (name, kind) SELECT printf ('Zz Person %06d', i), 'contact' FROM n",
                             &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  model = cr_store_model_new (f->production, &cr_entity_participant);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 100000);
  row = g_list_model_get_item (G_LIST_MODEL (model), N_PEOPLE + 98765);
  g_assert_cmpstr (cr_row_get_label (row), ==, "Zz Person 098766");
  g_assert_cmpint (cr_store_model_find (model, cr_row_get_id (row)), ==, N_PEOPLE + 98765);
  g_assert_cmpuint (cr_store_model_get_n_pages (model), ==, 1);
  g_test_message ("100,300 rows: count, item 99,065 and its position in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The window shows the list after fetching one page. */
  window = show_window (f->path);
  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  people = cr_window_get_page (window, "participants");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))), ==, N_PEOPLE + 100000);
  g_assert_cmpuint (cr_store_model_get_n_pages (cr_entity_page_get_model (people)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Participants list starts in natural name order; a header click sorts by that column,
 * in SQL, both ways. */
static void
test_list_natural_sort (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const numbered[] = { "Participant 1000", "Participant 200", "participant 30", "Participant 0200b" };
  CrWindow *window;
  CrEntityPage *people;
  CrStoreModel *model;
  GtkColumnView *view;
  GListModel *columns;
  gint64 at[G_N_ELEMENTS (numbered)];
  gboolean descending = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    {
      gint64 id;
      add (f->db, &cr_entity_participant, &id, "name", numbered[i], "kind", "contact", NULL);
    }
  window = show_window (f->path);
  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  model = cr_entity_page_get_model (people);
  g_assert_cmpstr (cr_store_model_get_sort (model, &descending), ==, "name");
  g_assert_false (descending);
  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    at[i] = cr_store_model_find (model, find_id (f->db, &cr_entity_participant, numbered[i]));
  /* 30 < 200 < 0200b < 1000, where a plain text sort puts 1000 before 200 and 30. */
  g_assert_cmpint (at[2], <, at[1]);
  g_assert_cmpint (at[1], <, at[3]);
  g_assert_cmpint (at[3], <, at[0]);
  g_assert_cmpint (at[0], ==, at[2] + 3);

  /* Sorting by Role, then again the other way: through the view's sorter, as a header click does. */
  view = GTK_COLUMN_VIEW (cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_str_equal (gtk_column_view_column_get_title (column), "Role"))
        gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    }
  g_assert_cmpstr (cr_store_model_get_sort (model, &descending), ==, "role");
  g_assert_true (descending);
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i += 7)
    {
      g_autoptr(CrRow) before = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *a = cr_row_get_display (before, "role"), *b = cr_row_get_display (row, "role");
      /* Empty roles last; otherwise never rising. */
      if (*a != '\0' && *b != '\0')
        g_assert_cmpint (g_ascii_strcasecmp (a, b), >=, 0);
      else
        g_assert_cmpstr (b, ==, "");
    }
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_error (error);
}

/* Search finds people by their consent status word and by the interviews they are in. */
static void
test_list_search_words (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrStoreModel) model = cr_store_model_new (f->production, &cr_entity_participant);
  g_autoptr(CrStoreModel) interviews = cr_store_model_new (f->production, &cr_entity_interview);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) everyone = cr_consent_current_all (f->db, NULL, &error);
  guint withdrawn = 0;

  g_assert_no_error (error);
  /* Who is withdrawn, as the consent rules work it out, person by person. */
  for (guint i = 0; i < everyone->len; i++)
    {
      CrConsentState *state = g_ptr_array_index (everyone, i);
      withdrawn += g_strcmp0 (state->status, "withdrawn") == 0;
    }
  g_assert_cmpuint (withdrawn, >, 0);
  cr_store_model_set_search (model, "Withdrawn");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, withdrawn);
  for (guint i = 0; i < withdrawn; i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(CrConsentState) state = cr_consent_current (f->db, cr_row_get_id (row), NULL, &error);
      g_assert_cmpstr (state->status, ==, "withdrawn");
    }

  /* An interview's title finds the people in it and its crew. */
  cr_store_model_set_search (model, "grace at SCHOOL");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (cr_row_get_label (row), ==, "Grace Hughes");
  }
  cr_store_model_set_search (model, "at the hall");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpint (cr_store_model_find (model, find_id (f->db, &cr_entity_participant, "Kwame Okafor")), >=, 0);

  /* And the other way: a person's name, a location's name and a status word find interviews. */
  cr_store_model_set_search (interviews, "aisha adeyemi");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (interviews)), ==, 1);
  cr_store_model_set_search (interviews, "Northgate");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (interviews)), ==, 1);
  cr_store_model_set_search (interviews, "confirmed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (interviews)), ==, 1);
  cr_store_model_set_search (interviews, "nobody at all");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (interviews)), ==, 0);
}

/* ---- the Consent column ---- */

/* Where a person's consent stands, in the order a producer wants to see them (problems
 * first), worked out here from the person-by-person rules, not by the list's own code. */
static const char * const consent_order[] = {
  "withdrawn", "expired", "declined", "needs a guardian", "missing", "requested", "expiring soon", "signed",
  "not recorded", "erased",
};

static guint
expected_standing (CrDb   *db,
                   gint64  person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrConsentState) state = cr_consent_current (db, person, NULL, &error);
  g_autoptr(CrRecord) record = cr_store_get (db, &cr_entity_participant, person, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 30);
  g_autofree char *soon_text = g_date_time_format (soon, "%Y-%m-%d");
  const char *kind = cr_record_get (record, "kind");
  const char *word;

  g_assert_no_error (error);
  if (state->erased)
    word = "erased";
  else if (state->problem == CR_CONSENT_WITHDRAWN ||
           (state->partly_withdrawn && (state->problem == CR_CONSENT_OK || state->problem == CR_CONSENT_NO_GUARDIAN)))
    word = "withdrawn";
  else if (state->problem == CR_CONSENT_EXPIRED)
    word = "expired";
  else if (state->problem == CR_CONSENT_DECLINED)
    word = "declined";
  else if (state->problem == CR_CONSENT_NO_GUARDIAN)
    word = "needs a guardian";
  else if (state->problem == CR_CONSENT_MISSING)
    word = g_str_equal (kind, "interviewee") ? "missing" : "not recorded";
  else if (state->problem == CR_CONSENT_PENDING)
    word = g_strcmp0 (state->status, "requested") == 0 ? "requested" : "missing";
  else if (state->expires && g_strcmp0 (state->expires, soon_text) <= 0)
    word = "expiring soon";
  else
    word = "signed";
  for (guint i = 0; i < G_N_ELEMENTS (consent_order); i++)
    if (g_str_equal (consent_order[i], word))
      return i;
  g_assert_not_reached ();
}

/* Two people whose consent only the derived state tells apart from "signed": one lapsed,
 * one lapsing within the month. */
static void
add_lapsing (CrDb *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) in_ten_days = g_date_time_add_days (now, 10);
  g_autoptr(GDateTime) last_year = g_date_time_add_days (now, -400);
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autofree char *soon = g_date_time_format (in_ten_days, "%Y-%m-%d");
  g_autofree char *signed_on = g_date_time_format (last_year, "%Y-%m-%d");
  g_autofree char *ended = g_date_time_format (month_ago, "%Y-%m-%d");
  const struct { const char *name; const char *expires; } people[] = {
    { "Zara Lapsed", ended }, { "Yusuf Lapsing", soon },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id, consent;
      g_autofree char *who = NULL;

      add (db, &cr_entity_participant, &id, "name", people[i].name, "kind", "interviewee", NULL);
      who = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      add (db, &cr_entity_consent, &consent, "participant", who, "status", "signed", "date", signed_on,
           "channels", "all", "media", "all", "naming", "full-name", "expires", people[i].expires, NULL);
    }
}

static void
sort_by_title (GtkColumnView *view,
               const char    *title,
               GtkSortType    direction)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        {
          gtk_column_view_sort_by_column (view, column, direction);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Asserts the list is in consent order (or its reverse), names in natural order within each
 * standing; returns how many of each standing it saw. */
static void
assert_consent_order (CrDb       *db,
                      GListModel *model,
                      gboolean    descending,
                      guint      *seen)
{
  g_autoptr(CrRow) before = NULL;
  guint standing_before = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (model, i);
      guint standing = expected_standing (db, cr_row_get_id (row));

      seen[standing]++;
      if (before != NULL && standing == standing_before)
        g_assert_cmpint (cr_natural_compare (cr_row_get_label (before), -1, cr_row_get_label (row), -1), <=, 0);
      else if (before != NULL && descending)
        g_assert_cmpuint (standing, <, standing_before);
      else if (before != NULL)
        g_assert_cmpuint (standing, >, standing_before);
      g_set_object (&before, row);
      standing_before = standing;
    }
}

/* The Consent column sorts by where consent stands, problems first, through the header's
 * sorter as a click does; the other way round, signed first. */
static void
test_list_consent_sort (Fixture       *f,
                        gconstpointer  data)
{
  CrWindow *window;
  CrEntityPage *people;
  GtkColumnView *view;
  GListModel *model;
  guint seen[G_N_ELEMENTS (consent_order)] = { 0 };
  guint again[G_N_ELEMENTS (consent_order)] = { 0 };
  gboolean descending = TRUE;

  add_lapsing (f->db);
  window = show_window (f->path);
  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  model = G_LIST_MODEL (cr_entity_page_get_model (people));
  view = GTK_COLUMN_VIEW (cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW));
  sort_by_title (view, "Consent", GTK_SORT_ASCENDING);
  g_assert_cmpstr (cr_store_model_get_sort (cr_entity_page_get_model (people), &descending), ==, "consent");
  g_assert_false (descending);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE + 2);
  assert_consent_order (f->db, model, FALSE, seen);
  /* The fixture has each kind the order tells apart, so the order was really tried. */
  for (guint i = 0; i < G_N_ELEMENTS (consent_order); i++)
    if (!g_str_equal (consent_order[i], "needs a guardian") && !g_str_equal (consent_order[i], "erased"))
      g_assert_cmpuint (seen[i], >, 0);
  {
    g_autoptr(CrRow) first = g_list_model_get_item (model, 0);
    g_assert_cmpuint (expected_standing (f->db, cr_row_get_id (first)), ==, 0);   /* withdrawn */
  }

  sort_by_title (view, "Consent", GTK_SORT_DESCENDING);
  g_assert_cmpstr (cr_store_model_get_sort (cr_entity_page_get_model (people), &descending), ==, "consent");
  g_assert_true (descending);
  assert_consent_order (f->db, model, TRUE, again);
  g_assert_cmpmem (seen, sizeof seen, again, sizeof again);

  /* Recording a withdrawal moves the person to the top: consent is read again. */
  {
    g_autoptr(CrRow) top = g_list_model_get_item (model, 0);   /* the end of the order */
    gint64 person = cr_row_get_id (top), id;
    g_autofree char *who = g_strdup_printf ("%" G_GINT64_FORMAT, person);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    CrDb *db = cr_production_get_db (cr_window_get_production (window));

    sort_by_title (view, "Consent", GTK_SORT_ASCENDING);
    g_assert_cmpuint (expected_standing (db, person), !=, 0);
    add (db, &cr_entity_consent, &id, "participant", who, "status", "withdrawn", "date", today, NULL);
    cr_production_changed (cr_window_get_production (window), &cr_entity_consent);
    g_assert_cmpint (cr_store_model_find (cr_entity_page_get_model (people), person), <, seen[0] + 1);
    memset (again, 0, sizeof again);
    assert_consent_order (db, model, FALSE, again);
    g_assert_cmpuint (again[0], ==, seen[0] + 1);
  }
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Searching for a consent word finds exactly the people the Consent column says it of,
 * including what only the derived state knows ("expired": their last record says signed). */
static void
test_list_consent_search (Fixture       *f,
                          gconstpointer  data)
{
  CrWindow *window;
  CrEntityPage *people;
  GListModel *model;
  const struct { const char *search; const char *standing; } words[] = {
    { "withdrawn", "withdrawn" }, { "EXPIRED", "expired" }, { "expiring soon", "expiring soon" },
    { "Declined", "declined" },
  };

  add_lapsing (f->db);
  window = show_window (f->path);
  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  model = G_LIST_MODEL (cr_entity_page_get_model (people));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autoptr(GArray) everyone = cr_store_list_ids (f->db, &cr_entity_participant, NULL, NULL);
      g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint expected = 0;

      cr_entity_page_set_search (people, words[w].search);
      cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CrRow) row = g_list_model_get_item (model, i);
          gint64 id = cr_row_get_id (row);

          g_array_append_val (ids, id);
        }
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (shown, &g_array_index (ids, gint64, i));
      for (guint i = 0; i < everyone->len; i++)
        {
          gint64 person = g_array_index (everyone, gint64, i);
          gboolean is = g_str_equal (consent_order[expected_standing (f->db, person)], words[w].standing);

          expected += is;
          /* Nobody here is found by anything else the search matches (names, roles, tags). */
          g_assert_cmpint (is, ==, g_hash_table_contains (shown, &person));
        }
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (g_hash_table_size (shown), ==, expected);
      if (w == 1)
        save_png (GTK_WIDGET (window), "casereel-consent-search.png");
    }
  cr_entity_page_set_search (people, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE + 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing searches in the background; an answer that a later keystroke has replaced is
 * dropped, whichever worker finishes first. */
static gboolean
model_answered (gpointer model)
{
  return !cr_store_model_is_searching (model);
}

static void
test_list_typed_search (Fixture       *f,
                        gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people;
  CrStoreModel *model;
  guint declined = 0;

  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  model = cr_entity_page_get_model (people);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  cr_entity_page_type_search (people, "withdrawn");
  g_assert_true (cr_store_model_is_searching (model));
  /* Nothing changed yet: the window goes on with the list it had. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  cr_entity_page_type_search (people, "declined");
  cr_ui_wait_until (model_answered, model);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_cmpstr (cr_store_model_get_search (model), ==, "declined");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (consent_order[expected_standing (f->db, cr_row_get_id (row))], ==, "declined");
    }
  {
    g_autoptr(GArray) everyone = cr_store_list_ids (f->db, &cr_entity_participant, NULL, NULL);
    for (guint i = 0; i < everyone->len; i++)
      declined += g_str_equal (consent_order[expected_standing (f->db, g_array_index (everyone, gint64, i))], "declined");
  }
  g_assert_cmpuint (declined, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, declined);

  /* Someone new declines: the worker's list of everyone, kept between searches, is read
   * again, so the new person is found among the others. */
  {
    gint64 person = 0, consent = 0;
    g_autofree char *who = NULL;

    add (f->db, &cr_entity_participant, &person, "name", "Zoë Newcomer", "kind", "interviewee", NULL);
    who = g_strdup_printf ("%" G_GINT64_FORMAT, person);
    add (f->db, &cr_entity_consent, &consent, "participant", who, "status", "declined", "date", "2026-03-05", NULL);
    cr_production_changed (cr_window_get_production (window), &cr_entity_consent);
    cr_entity_page_type_search (people, "withdrawn");
    cr_ui_wait_until (model_answered, model);
    cr_entity_page_type_search (people, "declined");
    cr_ui_wait_until (model_answered, model);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, declined + 1);
    {
      g_autoptr(CrRow) last = g_list_model_get_item (G_LIST_MODEL (model), declined);
      g_assert_cmpint (cr_row_get_id (last), ==, person);
    }
  }

  /* A reload while a search is under way answers it; the worker's answer is then stale. */
  {
    CrQuery query = { .search = "Aisha" };
    g_autoptr(GArray) aishas = cr_store_list_ids (f->db, &cr_entity_participant, &query, NULL);

    g_assert_cmpuint (aishas->len, >, 0);
    g_assert_cmpuint (aishas->len, !=, declined);
    cr_entity_page_type_search (people, "Aisha");
    cr_production_changed (cr_window_get_production (window), &cr_entity_participant);
    g_assert_false (cr_store_model_is_searching (model));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, aishas->len);
    /* The worker's answer, when it comes, changes nothing. */
    cr_entity_page_type_search (people, "Aisha");
    cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, aishas->len);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label, or a table's drawn cell, showing this text. */
static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  if (CR_IS_CELL_TEXT (widget))
    return g_strcmp0 (cr_cell_text_get_text (CR_CELL_TEXT (widget)), text) == 0;
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
lists_name (CrStoreModel *model,
            const char   *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cr_row_get_label (row), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Everyone the search found is signed and in force. */
static void
assert_all_signed (CrDb         *db,
                   CrStoreModel *model)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (consent_order[expected_standing (db, cr_row_get_id (row))], ==, "signed");
    }
}

/* A search finds people by the consent words the list shows: a release signed and lapsed
 * reads "Expired", one lapsing this month "Expiring soon", so "signed" finds neither and
 * "expired" the first, typed or waited for. */
static void
test_list_search_consent_shown (Fixture       *f,
                                gconstpointer  data)
{
  CrWindow *window;
  CrEntityPage *people;
  CrStoreModel *model;

  add_lapsing (f->db);
  window = show_window (f->path);
  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  model = cr_entity_page_get_model (people);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);

  cr_entity_page_set_search (people, "signed");
  assert_all_signed (f->db, model);
  g_assert_false (lists_name (model, "Zara Lapsed"));
  cr_entity_page_set_search (people, "expired");
  g_assert_true (lists_name (model, "Zara Lapsed"));

  cr_entity_page_type_search (people, "signed");
  cr_ui_wait_until (model_answered, model);
  assert_all_signed (f->db, model);
  cr_entity_page_type_search (people, "expired");
  cr_ui_wait_until (model_answered, model);
  g_assert_true (lists_name (model, "Zara Lapsed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_consent_cell (GtkWidget     *widget,
                 gconstpointer  data)
{
  return CR_IS_CELL_TEXT (widget) && gtk_widget_get_has_tooltip (widget) && gtk_widget_get_mapped (widget);
}

static void
gather_consent_cells (GtkWidget *widget,
                      GPtrArray *cells)
{
  if (is_consent_cell (widget, NULL))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    gather_consent_cells (c, cells);
}

/* The consent cells on screen say each person's consent in its tone, and keep no style
 * class of it (a class changed as a row is bound to another person restyles the cell).
 * Returns how many cells had each tone. */
static void
check_consent_cells (GtkWidget *view,
                     guint      tones[5])
{
  static const struct { const char *words; CrCellTone tone; } expected[] = {
    { "Withdrawn", CR_CELL_TONE_ERROR }, { "Declined", CR_CELL_TONE_ERROR }, { "Expired", CR_CELL_TONE_ERROR },
    { "Signed", CR_CELL_TONE_SUCCESS }, { "Requested", CR_CELL_TONE_WARNING },
    { "Not recorded", CR_CELL_TONE_DIM },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  gather_consent_cells (view, cells);
  g_assert_cmpuint (cells->len, >, 10);
  for (guint i = 0; i < cells->len; i++)
    {
      CrCellText *cell = cells->pdata[i];
      g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (cell));

      g_assert_cmpuint (g_strv_length (classes), ==, 0);
      g_assert_cmpstr (cr_cell_text_get_text (cell), !=, "");
      tones[cr_cell_text_get_tone (cell)]++;
      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        if (g_str_equal (cr_cell_text_get_text (cell), expected[e].words))
          g_assert_cmpint (cr_cell_text_get_tone (cell), ==, expected[e].tone);
    }
}

/* The reddest pixel of @widget as drawn: its red less the most of its green and blue. */
static int
reddest (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int best = -255;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* GDK_MEMORY_DEFAULT: B, G, R, A, premultiplied; only what is drawn counts. */
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (p[3] > 128)
        best = MAX (best, (int) p[2] - MAX ((int) p[1], (int) p[0]));
    }
  return best;
}

/* Each person's consent in words and a tone (an icon and a colour) that follow the row as
 * the list scrolls and binds its cells to other people; a problem is drawn in red. */
static void
test_list_consent_badges (Fixture       *f,
                          gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  GtkWidget *view = cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cr_ui_find_widget (view, GTK_TYPE_LIST_VIEW)));
  guint tones[5] = { 0 };

  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  check_consent_cells (view, tones);
  /* Down the list a screen at a time and back, the cells bound to person after person. */
  while (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj) - 1)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj));
      cr_ui_wait_for_frames (GTK_WIDGET (window), 1);
      check_consent_cells (view, tones);
    }
  gtk_adjustment_set_value (adj, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  check_consent_cells (view, tones);
  g_assert_cmpuint (tones[CR_CELL_TONE_PLAIN], ==, 0);
  g_assert_cmpuint (tones[CR_CELL_TONE_DIM], >, 0);
  g_assert_cmpuint (tones[CR_CELL_TONE_SUCCESS], >, 0);
  g_assert_cmpuint (tones[CR_CELL_TONE_ERROR], >, 0);

  /* Drawn: a problem in red, a signed release and nothing recorded in no red at all. */
  {
    GtkWidget *cell = cr_ui_find_where (view, is_consent_cell, NULL);
    g_autofree char *words = g_strdup (cr_cell_text_get_text (CR_CELL_TEXT (cell)));
    CrCellTone tone = cr_cell_text_get_tone (CR_CELL_TEXT (cell));

    cr_cell_text_set (CR_CELL_TEXT (cell), "Withdrawn", CR_CELL_TONE_ERROR);
    cr_ui_wait_for_frames (cell, 1);
    g_assert_cmpint (reddest (cell), >, 60);
    cr_cell_text_set (CR_CELL_TEXT (cell), "Signed", CR_CELL_TONE_SUCCESS);
    cr_ui_wait_for_frames (cell, 1);
    g_assert_cmpint (reddest (cell), <, 20);
    cr_cell_text_set (CR_CELL_TEXT (cell), "Not recorded", CR_CELL_TONE_DIM);
    cr_ui_wait_for_frames (cell, 1);
    g_assert_cmpint (reddest (cell), <, 20);
    cr_cell_text_set (CR_CELL_TEXT (cell), words, tone);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row another program removed while the list showed it: opening it says so, and no blank
 * form opens (its Add would make a new row of what was typed). */
static void
test_edit_removed (Fixture       *f,
                   gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  g_autoptr(GError) error = NULL;
  GtkWindow *told;
  gint64 gone;

  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  /* Someone with no consent recorded, whom the store lets go. */
  add (f->db, &cr_entity_participant, &gone, "name", "Zoe Passing", "kind", "contact", NULL);
  cr_production_changed (cr_window_get_production (window), &cr_entity_participant);
  cr_entity_page_set_search (people, "Zoe Passing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))), ==, 1);
  {
    g_autoptr(CrDb) other = cr_db_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_true (cr_store_delete (other, &cr_entity_participant, gone, &error));
    g_assert_no_error (error);
  }
  g_assert_null (cr_entity_page_edit (people, 0));
  told = cr_ui_find_question ("Could Not Open the Participant");
  g_assert_nonnull (told);
  g_test_message ("told: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (told)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (told)), ==,
                   "The participant is no longer in the production: another program may have removed it.");
  gtk_window_destroy (told);

  /* Record Consent… in the form of someone removed while it was open. */
  {
    gint64 leaving = 0;
    CrRecordEditor *editor;
    GtkWidget *button;

    add (f->db, &cr_entity_participant, &leaving, "name", "Yan Leaving", "kind", "contact", NULL);
    editor = cr_record_editor_new (GTK_WINDOW (window), cr_window_get_production (window), &cr_entity_participant,
                                   leaving, &error);
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (editor));
    {
      g_autoptr(CrDb) other = cr_db_open (f->path, &error);

      g_assert_no_error (error);
      g_assert_true (cr_store_delete (other, &cr_entity_participant, leaving, &error));
      g_assert_no_error (error);
    }
    button = cr_ui_find_button (GTK_WIDGET (editor), "_Record Consent…");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    told = cr_ui_find_question ("Could Not Open the Participant");
    g_assert_nonnull (told);
    gtk_window_destroy (told);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* The same through the window's action, as the Overview's rows open people. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-record", "(sx)", "participant", gone));
  told = cr_ui_find_question ("Could Not Open the Participant");
  g_assert_nonnull (told);
  gtk_window_destroy (told);
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();

    for (GList *l = windows; l; l = l->next)
      g_assert_false (CR_IS_RECORD_EDITOR (l->data));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* How many labels under `widget` read `text` and are shown (a toast dismissed goes away). */
static guint
count_shown_labels (GtkWidget  *widget,
                    const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_shown_labels (child, text);
  return n;
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
is_toast_close (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

/* The toast on the window's overlay with this title, shown once, and its button. */
static gboolean
toast_says (CrWindow   *window,
            const char *title,
            const char *button)
{
  GtkWidget *overlay = cr_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  guint n = count_shown_labels (overlay, title);

  g_assert_cmpuint (n, <=, 1);
  return n == 1 && cr_ui_find_button (overlay, button) != NULL;
}

/* A list that cannot be read (another program left the file without its participants)
 * says so once in a toast, in words, and nothing on stderr (a warning fails the test);
 * Try Again reads everything again once the file is whole. */
static void
test_window_read_failed (Fixture       *f,
                         gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  GListModel *model = G_LIST_MODEL (cr_entity_page_get_model (people));
  const char *said = "Could not read the participants: the production file may be damaged";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) other = cr_db_open (f->path, &error);

  g_assert_no_error (error);
  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE);
  g_assert_false (toast_says (window, said, "_Try Again"));

  g_assert_true (cr_db_exec (other, "ALTER TABLE participant RENAME TO participant_away", &error));
  g_assert_no_error (error);
  g_assert_true (cr_production_check_for_changes (cr_window_get_production (window)));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (toast_says (window, said, "_Try Again"));
  /* Asked again (a search typed), said once: toast_says () counts. */
  cr_entity_page_set_search (people, "Participant");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (toast_says (window, said, "_Try Again"));
  /* Closed by its ×, no other of the same words waits behind it. */
  {
    GtkWidget *overlay = cr_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
    g_autoptr(GtkWidget) shown = g_object_ref (cr_ui_find_where (overlay, is_label_with, said));
    GtkWidget *toast = shown, *close;

    /* The toast's own ×, not another window-close button on the page under it. */
    while (gtk_widget_get_parent (toast) != overlay)
      toast = gtk_widget_get_parent (toast);
    close = cr_ui_find_where (toast, is_toast_close, NULL);
    g_assert_nonnull (close);
    g_signal_emit_by_name (close, "clicked");
    /* A toast waiting behind it would show as this one starts to go. */
    cr_ui_wait_until (is_unmapped, shown);
    g_assert_cmpuint (count_shown_labels (overlay, said), ==, 0);
  }
  cr_entity_page_set_search (people, NULL);

  g_assert_true (cr_db_exec (other, "ALTER TABLE participant_away RENAME TO participant", &error));
  g_assert_no_error (error);
  /* The toast the search's failure raised: Try Again, as clicked. */
  {
    GtkWidget *overlay = cr_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
    GtkWidget *again;

    g_assert_true (toast_says (window, said, "_Try Again"));
    again = cr_ui_find_button (overlay, "_Try Again");
    g_signal_emit_by_name (again, "clicked");
    cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (GtkListItemFactory *factory,
          GtkListItem        *item,
          guint              *count)
{
  (*count)++;
}

/* Scrolled to its end, a typed search's answer shows from the top at once, in rows the list
 * had (none made anew); before, its first row was not on screen two frames after. */
static void
test_list_typed_search_scrolled (Fixture       *f,
                                 gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrStoreModel *model = cr_entity_page_get_model (people);
  GtkWidget *view = cr_ui_find_widget (GTK_WIDGET (people), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(CrRow) top = NULL;
  GtkListItemFactory *factory;
  guint made = 0;

  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 0);
  factory = gtk_column_view_column_get_factory (column);
  g_signal_connect (factory, "setup", G_CALLBACK (count_cb), &made);

  cr_entity_page_type_search (people, "declined");
  cr_ui_wait_until (model_answered, model);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, N_PEOPLE / 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  g_assert_cmpuint (made, ==, 0);
  /* The first row on screen is the answer's first. */
  top = g_list_model_get_item (G_LIST_MODEL (model), 0);
  {
    GtkWidget *label = cr_ui_find_where (view, is_label_with, cr_row_get_label (top));

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_mapped (label));
  }
  g_signal_handlers_disconnect_by_func (factory, count_cb, &made);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_pages (Fixture       *f,
                   gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrOverviewPage *overview = cr_window_get_overview (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Riverside Young Carers: Caring Together");
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "overview");
  g_assert_nonnull (people);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cr_entity_page_get_model (people))), ==, N_PEOPLE);
  g_assert_false (cr_entity_page_is_empty (people));
  wait_for_overview (overview);
  /* Grace Hughes is in two interviews that overlap by half an hour. */
  g_assert_cmpuint (cr_overview_page_get_n_conflicts (overview), ==, 1);
  g_assert_cmpuint (cr_overview_page_get_n_consent_problems (overview), >, 0);

  /* Showing the page draws some rows: only the first page is fetched. */
  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (cr_store_model_get_n_pages (cr_entity_page_get_model (people)), ==, 1);
  cr_entity_page_set_search (people, "zzz nobody");
  g_assert_true (cr_entity_page_is_empty (people));
  cr_entity_page_set_search (people, NULL);
  g_assert_false (cr_entity_page_is_empty (people));

  /* The window's actions: Ctrl+F searches the list shown, Ctrl+N adds to it, Alt+1 goes
   * back to the overview; the shortcuts and about windows open. */
  {
    GtkWidget *focus;
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before = g_list_model_get_n_items (toplevels);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL);
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);
        if (other != GTK_WINDOW (window))
          {
            g_assert_true (CR_IS_RECORD_EDITOR (other) || GTK_IS_SHORTCUTS_WINDOW (other) ||
                           ADW_IS_ABOUT_WINDOW (other));
            if (!GTK_IS_SHORTCUTS_WINDOW (other))
              gtk_window_destroy (other);
            else
              gtk_widget_set_visible (GTK_WIDGET (other), FALSE);
          }
      }
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
    g_assert_cmpstr (cr_window_get_page_name (window), ==, "overview");
  }

  /* A file that is not a production leaves the window as it was. */
  {
    g_autofree char *junk = g_build_filename (f->dir, "notes.casereel", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true (g_file_set_contents (junk, "not a database, just notes\n", -1, NULL));
    g_assert_false (cr_window_open (window, junk, FALSE, &error));
    g_assert_nonnull (error);
    g_assert_null (strchr (error->message, '\n'));
    g_assert_true (cr_window_get_production (window) == f->production ||
                   g_str_equal (cr_production_get_path (cr_window_get_production (window)), f->path));
    g_assert_nonnull (cr_window_get_page (window, "participants"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_editor_add (Fixture       *f,
                 gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrStoreModel *model = cr_entity_page_get_model (people);
  CrRecordEditor *editor = cr_entity_page_add (people);
  g_autoptr(CrRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  g_assert_true (cr_record_editor_set_text (editor, "name", "Zainab Hussain"));
  g_assert_true (cr_record_editor_set_text (editor, "kind", "interviewee"));
  g_assert_true (cr_record_editor_set_text (editor, "role", "Young carer"));
  g_assert_true (cr_record_editor_set_text (editor, "email", "zainab@example.org"));
  g_assert_true (cr_record_editor_set_text (editor, "notes", "Prefers Tuesdays.\nComes with her brother."));
  g_assert_true (cr_record_editor_set_text (editor, "minor", "1"));
  g_assert_true (cr_record_editor_set_text (editor, "guardian_name", "Amina Hussain"));
  kind = cr_record_editor_get_text (editor, "kind");
  g_assert_cmpstr (kind, ==, "interviewee");
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);

  stored = cr_store_find (f->db, &cr_entity_participant, "Zainab Hussain", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (stored, "email"), ==, "zainab@example.org");
  g_assert_cmpstr (cr_record_get (stored, "kind"), ==, "interviewee");
  g_assert_cmpstr (cr_record_get (stored, "notes"), ==, "Prefers Tuesdays.\nComes with her brother.");
  g_assert_cmpstr (cr_record_get (stored, "minor"), ==, "1");
  g_assert_cmpstr (cr_record_get (stored, "guardian_name"), ==, "Amina Hussain");
  g_assert_null (cr_record_get (stored, "phone"));
  /* The list follows the write. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 1);
  g_assert_cmpint (cr_store_model_find (model, stored->id), ==, N_PEOPLE);

  /* An interview with links, a reference and a wall time. */
  {
    g_autofree char *people_ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                                   stored->id, find_id (f->db, &cr_entity_participant, "Ben Adeyemi"));
    g_autofree char *location = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 find_id (f->db, &cr_entity_location, "Riverside Community Hall"));
    g_autoptr(CrRecord) interview = NULL;

    /* The Schedule page is an agenda now: its Add opens the same editor. */
    editor = cr_record_editor_new (GTK_WINDOW (window), cr_window_get_production (window), &cr_entity_interview, 0,
                                   NULL);
    gtk_window_present (GTK_WINDOW (editor));
    cr_record_editor_set_text (editor, "title", "Zainab after school");
    cr_record_editor_set_text (editor, "start", "2026-05-05 16:00");
    cr_record_editor_set_text (editor, "end", "2026-05-05 17:00");
    cr_record_editor_set_text (editor, "location", location);
    cr_record_editor_set_text (editor, "participants", people_ids);
    g_assert_true (cr_record_editor_save (editor, &error));
    g_assert_no_error (error);
    interview = cr_store_find (f->db, &cr_entity_interview, "Zainab after school", &error);
    g_assert_no_error (error);
    /* 16:00 in London in May is 15:00 UTC; the zone came from the production. */
    g_assert_cmpstr (cr_record_get (interview, "start"), ==, "2026-05-05T15:00:00Z");
    g_assert_cmpstr (cr_record_get (interview, "time_zone"), ==, "Europe/London");
    g_assert_cmpstr (cr_record_get (interview, "location"), ==, location);
    g_assert_cmpstr (cr_record_get (interview, "participants"), ==, people_ids);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_reading_prefix (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "required") != NULL;
}

/* Whether a drop-down's words include this one. */
static gboolean
offers (AdwComboRow *row,
        const char  *word)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A choice the production always holds (a shot's type, priority and status) offers no
 * "None", which it would refuse as "is required"; a new shot's form shows what the store
 * gives it. An optional choice (its size) still offers None. */
static void
test_editor_preset_choices (Fixture       *f,
                            gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrRecord) stored = NULL;
  CrRecordEditor *editor = cr_record_editor_new (GTK_WINDOW (window), cr_window_get_production (window),
                                                 &cr_entity_shot, 0, &error);
  static const struct { const char *field, *title, *preset; } presets[] = {
    { "type", "Type", "b-roll" }, { "priority", "Priority", "normal" }, { "status", "Status", "planned" },
  };

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *text = cr_record_editor_get_text (editor, presets[i].field);
      GtkWidget *row = cr_ui_find_row (GTK_WIDGET (editor), presets[i].title);

      g_assert_cmpstr (text, ==, presets[i].preset);
      g_assert_true (ADW_IS_COMBO_ROW (row));
      g_assert_false (offers (ADW_COMBO_ROW (row), "None"));
    }
  g_assert_true (offers (ADW_COMBO_ROW (cr_ui_find_row (GTK_WIDGET (editor), "Size")), "None"));
  g_assert_false (cr_record_editor_is_changed (editor));
  /* Its place in the list is dragged on the Shots page, not typed. */
  g_assert_null (cr_ui_find_row (GTK_WIDGET (editor), "Position"));
  /* Nothing typed: the form's own words, no "Number: is required". */
  g_assert_false (cr_record_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cr_ui_find_where (GTK_WIDGET (editor), is_label_reading_prefix,
                                                                    "Number"))), ==, "Number is required");
  cr_record_editor_set_text (editor, "number", "9Z");
  cr_record_editor_set_text (editor, "description", "The garden at dusk");
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);
  stored = cr_store_find (f->db, &cr_entity_shot, "9Z", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (stored, "type"), ==, "b-roll");
  g_assert_cmpstr (cr_record_get (stored, "priority"), ==, "normal");

  /* An interview that is there: its status offers no None either. */
  editor = cr_record_editor_new (GTK_WINDOW (window), cr_window_get_production (window), &cr_entity_interview,
                                 find_id (f->db, &cr_entity_interview, "Aisha and Grace at the hall"), &error);
  g_assert_no_error (error);
  g_assert_false (offers (ADW_COMBO_ROW (cr_ui_find_row (GTK_WIDGET (editor), "Status")), "None"));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_editor_invalid (Fixture       *f,
                     gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  g_autofree char *before = cr_ui_dump (f->path, NULL);
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  CrRecordEditor *editor = cr_entity_page_add (people);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  cr_record_editor_set_text (editor, "name", "Bad Email Person");
  cr_record_editor_set_text (editor, "kind", "contact");
  cr_record_editor_set_text (editor, "email", "not an address");
  g_assert_false (cr_record_editor_save (editor, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  g_clear_error (&error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* The dialog stays, says what is wrong and where, and keeps what was typed. */
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "email");
  g_assert_nonnull (strstr (cr_record_editor_get_error (editor), "not an email address"));
  name = cr_record_editor_get_text (editor, "name");
  g_assert_cmpstr (name, ==, "Bad Email Person");
  after = cr_ui_dump (f->path, NULL);
  g_assert_cmpstr (before, ==, after);

  /* A required field left empty is named too. */
  cr_record_editor_set_text (editor, "email", "");
  cr_record_editor_set_text (editor, "name", "");
  g_assert_false (cr_record_editor_save (editor, NULL));
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "name");

  /* Fixing it saves and closes. */
  cr_record_editor_set_text (editor, "name", "Good Email Person");
  cr_record_editor_set_text (editor, "email", "good@example.org");
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_null (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (GType       type,
               const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (title == NULL || (ADW_IS_MESSAGE_DIALOG (window) &&
                             g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), title) == 0)))
        return window;
    }
  return NULL;
}

/* A new form starts in its first field; Esc closes an untouched form at once and asks
 * before throwing away a changed one. */
static void
test_editor_focus_discard (Fixture       *f,
                           gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrRecordEditor *editor = cr_entity_page_add (people);
  GtkWidget *focus;
  GtkWindow *ask;

  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                   ==, "Name");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  cr_ui_press (GTK_WIDGET (editor), GDK_KEY_Escape, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_null (editor);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Discard changes?"));

  editor = cr_entity_page_add (people);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (editor))), "Half typed");
  g_assert_true (cr_record_editor_is_changed (editor));
  cr_ui_press (GTK_WIDGET (editor), GDK_KEY_Escape, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Discard changes?");
  g_assert_nonnull (ask);
  g_assert_nonnull (editor);
  /* Keep Editing keeps it all; Discard closes without writing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "keep");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (editor);
  {
    g_autofree char *name = cr_record_editor_get_text (editor, "name");
    g_assert_cmpstr (name, ==, "Half typed");
  }
  gtk_window_close (GTK_WINDOW (editor));
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Discard changes?");
  g_assert_nonnull (ask);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "discard");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_null (editor);
  g_assert_cmpint (cr_store_model_find (cr_entity_page_get_model (people), 0), ==, -1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrRecord) none = cr_store_find (f->db, &cr_entity_participant, "Half typed", &error);
    g_assert_null (none);
    g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND);
  }

  /* Ctrl+N offers nothing on Clips: they come from indexing a folder. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before;

    cr_window_show_page (window, "clips");
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    before = g_list_model_get_n_items (toplevels);
    cr_ui_press (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
    cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
    g_assert_null (find_toplevel (CR_TYPE_RECORD_EDITOR, NULL));
    /* … and it still adds on a page where rows are typed in. */
    cr_window_show_page (window, "locations");
    cr_ui_press (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
    editor = CR_RECORD_EDITOR (find_toplevel (CR_TYPE_RECORD_EDITOR, NULL));
    g_assert_true (cr_record_editor_get_entity (editor) == &cr_entity_location);
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What is typed is checked as it is typed, with the command line's own message; Save
 * scrolls to the field at fault; SQLite's words never reach the form. */
static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
test_editor_live_check (Fixture       *f,
                        gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrRecordEditor *editor = cr_entity_page_add (people);
  g_autoptr(GError) cli = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CrField *email = cr_entity_find_field (&cr_entity_participant, "email");
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  /* The message the command line gives for the same text, from the same check. */
  g_assert_false (cr_field_normalize (f->db, &cr_entity_participant, email, "zainab at example", NULL, &normal, &cli));
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 300);
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  cr_record_editor_set_text (editor, "email", "zainab at example");
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "email");
  g_assert_nonnull (strstr (cr_record_editor_get_error (editor), strchr (cli->message, ':') + 2));
  /* Fixed as it is typed: the message goes. */
  cr_record_editor_set_text (editor, "email", "zainab@example.org");
  g_assert_null (cr_record_editor_get_error (editor));
  /* A date of birth that does not exist is caught before Save too. */
  cr_record_editor_set_text (editor, "date_of_birth", "2011-02-30");
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "date_of_birth");
  cr_record_editor_set_text (editor, "date_of_birth", "");
  g_assert_null (cr_record_editor_get_error (editor));
  /* Two mistakes: both stay marked, and fixing the one said shows the other. */
  cr_record_editor_set_text (editor, "email", "zainab at example");
  cr_record_editor_set_text (editor, "date_of_birth", "2011-02-30");
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "date_of_birth");
  g_assert_true (gtk_widget_has_css_class (cr_ui_find_where (GTK_WIDGET (editor), is_row_titled, "Email"), "error"));
  g_assert_true (gtk_widget_has_css_class (cr_ui_find_where (GTK_WIDGET (editor), is_row_titled, "Date of birth"),
                                           "error"));
  cr_record_editor_set_text (editor, "date_of_birth", "2011-02-28");
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "email");
  g_assert_false (gtk_widget_has_css_class (cr_ui_find_where (GTK_WIDGET (editor), is_row_titled, "Date of birth"),
                                            "error"));
  cr_record_editor_set_text (editor, "email", "zainab@example.org");
  g_assert_null (cr_record_editor_get_error (editor));
  g_assert_false (gtk_widget_has_css_class (cr_ui_find_where (GTK_WIDGET (editor), is_row_titled, "Email"), "error"));
  cr_record_editor_set_text (editor, "date_of_birth", "");

  /* Save with the top of the form in view and a bad value far below: the form scrolls to it. */
  cr_record_editor_set_text (editor, "name", "Zainab Hussain");
  cr_record_editor_set_text (editor, "kind", "interviewee");
  cr_record_editor_set_text (editor, "date_of_birth", "2011-02-30");
  scroller = cr_ui_find_widget (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  gtk_adjustment_set_value (adjustment, 0);
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_false (cr_record_editor_save (editor, NULL));
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 3);
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "date_of_birth");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));
    GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;
    graphene_rect_t bounds;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  }
  cr_ui_save_png (GTK_WIDGET (editor), "editor-scrolled-to-fault.png");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A rule the schema keeps that no form check knows: the form says it in words. */
  g_assert_true (cr_db_exec (f->db, "CREATE UNIQUE INDEX test_one_contact ON location (contact)", &error));
  g_assert_no_error (error);
  before = cr_ui_dump (f->path, NULL);
  editor = cr_record_editor_new (GTK_WINDOW (window), f->production, &cr_entity_location, 0, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  cr_record_editor_set_text (editor, "name", "Owen's garage");
  cr_record_editor_set_text (editor, "contact", "Owen Morgan");
  g_assert_false (cr_record_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "contact");
  for (const char * const *sql = (const char * const[]) { "UNIQUE", "constraint", "SQL", "location.", "INSERT",
                                                           ".casereel", NULL }; *sql; sql++)
    g_assert_null (strstr (cr_record_editor_get_error (editor), *sql));
  g_test_message ("shown: %s", cr_record_editor_get_error (editor));
  after = cr_ui_dump (f->path, NULL);
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The people of an interview are picked by a search among 10,000, never from a drop-down
 * of them all: type, pick, save. */
static void
test_editor_people_picker (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrWindow *window;
  CrRecordEditor *editor;
  CrRowPicker *picker;
  CrStoreModel *found;
  GtkWidget *button;
  gint64 wanted, interview;
  g_autoptr(CrRecord) stored = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (cr_db_exec (f->db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                                    "INSERT INTO participant (name, kind, role) SELECT printf ('Volunteer %d', i), "
                                    "'interviewee', 'Befriender' FROM n", &error));
  g_assert_no_error (error);
  wanted = find_id (f->db, &cr_entity_participant, "Volunteer 7345");
  window = show_window (f->path);
  editor = cr_record_editor_new (GTK_WINDOW (window), f->production, &cr_entity_interview, 0, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  cr_record_editor_set_text (editor, "title", "Befrienders at the hall");
  cr_record_editor_set_text (editor, "start", "2026-05-12 10:00");
  cr_record_editor_set_text (editor, "end", "2026-05-12 11:00");
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);

  /* The picker opens from its row's button, with the focus in its search. */
  picker = cr_record_editor_get_picker (editor, "participants");
  g_assert_nonnull (picker);
  g_assert_null (cr_record_editor_get_picker (editor, "title"));
  button = gtk_widget_get_parent (GTK_WIDGET (picker));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  cr_ui_popup (GTK_MENU_BUTTON (button));
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), GTK_WIDGET (picker)));
  found = cr_row_picker_get_model (picker);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, N_PEOPLE + 10000);
  /* Lazy: showing it read a page or two of 10,300 people, not all of them. */
  g_assert_cmpuint (cr_store_model_get_n_pages (found), <=, 2);
  cr_ui_save_png (GTK_WIDGET (editor), "editor-people-picker.png");

  /* Typing narrows it in SQL, in natural order: 7345 and 73450 … are not there; 734 is before 7340. */
  gtk_editable_set_text (cr_row_picker_get_search (picker), "volunteer 734");
  g_signal_emit_by_name (cr_row_picker_get_search (picker), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 11);
  {
    g_autoptr(CrRow) first = g_list_model_get_item (G_LIST_MODEL (found), 0);
    g_autoptr(CrRow) second = g_list_model_get_item (G_LIST_MODEL (found), 1);
    g_assert_cmpstr (cr_row_get_label (first), ==, "Volunteer 734");
    g_assert_cmpstr (cr_row_get_label (second), ==, "Volunteer 7340");
  }
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  cr_ui_save_png (GTK_WIDGET (picker), "editor-people-picker-search.png");
  /* Enter takes the first found, exactly as typed. */
  gtk_editable_set_text (cr_row_picker_get_search (picker), "Volunteer 7345");
  g_signal_emit_by_name (cr_row_picker_get_search (picker), "activate");
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, wanted);
  {
    g_autofree char *people = cr_record_editor_get_text (editor, "participants");
    g_assert_cmpstr (people, ==, expected);
  }
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);
  interview = find_id (f->db, &cr_entity_interview, "Befrienders at the hall");
  stored = cr_store_get (f->db, &cr_entity_interview, interview, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (stored, "participants"), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Everything GLib and GTK say at INFO or above while `recording` is on, to prove a path
 * prints nothing on stderr (criticals are fatal in tests anyway; this catches the rest). */
static gboolean recording;
static GPtrArray *recorded;

static GLogWriterOutput
record_writer (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         data)
{
  if (recording && (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING |
                             G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO)))
    g_ptr_array_add (recorded, g_log_writer_format_fields (level, fields, n_fields, FALSE));
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Deleting the selected, visible row through the dialog, as a user does, then undoing it:
 * not one line on stderr. */
static void
test_delete_quiet (Fixture       *f,
                   gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrStoreModel *model = cr_entity_page_get_model (people);
  GtkSingleSelection *selection = cr_entity_page_get_selection (people);
  CrRecordEditor *editor;
  GtkWindow *ask;
  gint64 id = find_id (f->db, &cr_entity_participant, "Kwame Adeyemi");

  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_ptr_array_set_size (recorded, 0);
  recording = TRUE;
  cr_entity_page_select (people, id);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (gtk_single_selection_get_selected (selection), ==, cr_store_model_find (model, id));
  editor = cr_entity_page_edit (people, gtk_single_selection_get_selected (selection));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  cr_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  /* The form's Delete button (its action), then the dialog's Delete. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 2);
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ask)), "Kwame Adeyemi"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "delete");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  g_assert_null (editor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE - 1);
  g_assert_cmpint (cr_store_model_find (model, id), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  gtk_window_destroy (GTK_WINDOW (window));
  cr_ui_iterate ();
  recording = FALSE;
  for (guint i = 0; i < recorded->len; i++)
    g_test_message ("said: %s", (const char *) g_ptr_array_index (recorded, i));
  g_assert_cmpuint (recorded->len, ==, 0);
}

/* ---- the shortcuts window ---- */

static void
add_accelerator (GHashTable *set,
                 guint       key,
                 GdkModifierType mods)
{
  /* KP_Enter does what Return does; the window shows one. */
  if (key == GDK_KEY_KP_Enter)
    key = GDK_KEY_Return;
  g_hash_table_add (set, gtk_accelerator_name (key, mods));
}

/* The keys in @widget's shortcut controllers; with @ours_only, not its class's (GTK's own
 * keys on a GTK widget), only those of controllers added to it. */
static void
keys_of (GtkWidget  *widget,
         gboolean    ours_only,
         GHashTable *set)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (ours_only && g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)),
                                   "gtk-widget-class-shortcuts") == 0))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger))
            add_accelerator (set, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
        }
    }
}

static gboolean
is_view_stack (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "shots") != NULL;
}

/* The keys our code binds at or below @widget: our classes' (less what the GTK or libadwaita
 * class they derive from binds already: the inspector's, focus moves) and any controller
 * added to a GTK widget (the stars' rating keys on a plain GtkBox). The pages are left to
 * @pages, one set per page by its name, when given. */
static void
collect_bound (GtkWidget  *widget,
               GHashTable *set,
               GHashTable *types,
               GHashTable *pages)
{
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Cr"))
    {
      g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GType base = G_OBJECT_TYPE (widget);

      while (g_str_has_prefix (g_type_name (base), "Cr"))
        base = g_type_parent (base);
      if (!G_TYPE_IS_ABSTRACT (base))
        {
          GtkWidget *plain = g_object_ref_sink (g_object_new (base, NULL));
          keys_of (plain, FALSE, inherited);
          if (GTK_IS_WINDOW (plain))
            gtk_window_destroy (GTK_WINDOW (plain));
          g_object_unref (plain);
        }
      keys_of (widget, FALSE, own);
      g_hash_table_iter_init (&iter, inherited);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_remove (own, key);
    }
  else
    keys_of (widget, TRUE, own);
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_add (set, g_strdup (key));
      g_hash_table_add (types, (gpointer) G_OBJECT_TYPE_NAME (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GHashTable *page = NULL;
      const char *name;

      if (pages != NULL && is_view_stack (widget) && (name = gtk_stack_page_get_name (
                                                         gtk_stack_get_page (GTK_STACK (widget), child))))
        {
          if (!(page = g_hash_table_lookup (pages, name)))
            g_hash_table_insert (pages, g_strdup (name),
                                 page = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
          /* The window's keys that the page answers (cr-page.h). */
          if (cr_page_can_add (child))
            add_accelerator (page, GDK_KEY_n, GDK_CONTROL_MASK);
          if (cr_page_can_print (child))
            add_accelerator (page, GDK_KEY_p, GDK_CONTROL_MASK);
          if (cr_page_can_focus_search (child))
            add_accelerator (page, GDK_KEY_f, GDK_CONTROL_MASK);
        }
      collect_bound (child, page ? page : set, types, page ? NULL : pages);
    }
}

/* What the shortcuts window lists, by the view of the group (a page's name; "" for the
 * groups the window shows on every page); "<Alt>1...9" is a range. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *views)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_GROUP);

  /* Outside a group: the window's copies for its search, of the same shortcuts. */
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && group != NULL)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *view = NULL;
      g_auto(GStrv) parts = NULL;
      GHashTable *set;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_object_get (group, "view", &view, NULL);
      if (!(set = g_hash_table_lookup (views, view ? view : "")))
        g_hash_table_insert (views, g_strdup (view ? view : ""),
                             set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          char *range = strstr (parts[i], "...");
          guint key = 0, last = 0;
          GdkModifierType mods = 0;

          if (range != NULL)
            {
              g_autofree char *first = g_strndup (parts[i], range - parts[i]);
              g_assert_true (gtk_accelerator_parse (first, &key, &mods));
              last = gdk_keyval_from_name (range + 3);
              for (guint k = key; k <= last; k++)
                add_accelerator (set, k, mods);
              continue;
            }
          g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
          add_accelerator (set, key, mods);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, views);
}

static void
assert_same_keys (const char *where,
                  GHashTable *bound,
                  GHashTable *listed)
{
  GHashTableIter iter;
  gpointer key;

  g_test_message ("%s: %u keys bound, %u listed", where, bound ? g_hash_table_size (bound) : 0,
                  listed ? g_hash_table_size (listed) : 0);
  if (bound != NULL)
    {
      g_hash_table_iter_init (&iter, bound);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (listed == NULL || !g_hash_table_contains (listed, key))
          g_error ("%s: %s is bound but not in the shortcuts window", where, (const char *) key);
    }
  if (listed != NULL)
    {
      g_hash_table_iter_init (&iter, listed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (bound == NULL || !g_hash_table_contains (bound, key))
          g_error ("%s: %s is in the shortcuts window but nothing binds it", where, (const char *) key);
    }
}

/* The shortcuts window lists exactly the keys that work, page by page: each page's group(s)
 * the keys bound inside the page and the window's keys that page answers (Ctrl+N, Ctrl+P,
 * Ctrl+F); the groups for every page the window's other keys, the editor's and the
 * application's own four. */
static void
test_window_shortcuts (Fixture       *f,
                       gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrRecordEditor *editor = cr_entity_page_add (cr_window_get_page (window, "participants"));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/casereel/ui/cr-shortcuts.ui");
  GtkWidget *help = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  /* Set by the application on its actions (app/main/cr-application.c), not by a widget; and
   * Return, which GTK's lists take to open the selected row, shown as a window key. */
  const char * const others[] = { "<Control>q", "<Control>o", "<Shift><Control>n", "<Control>question", "Return" };
  GHashTableIter iter;
  gpointer key, value;

  collect_bound (GTK_WIDGET (window), bound, types, pages);
  /* The window binds them; what they do is the page's, counted with the pages above. */
  for (const char * const *k = (const char * const[]) { "<Control>n", "<Control>p", "<Control>f", NULL }; *k; k++)
    g_assert_true (g_hash_table_remove (bound, *k));
  collect_bound (GTK_WIDGET (editor), bound, types, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      guint k;
      GdkModifierType mods;
      g_assert_true (gtk_accelerator_parse (others[i], &k, &mods));
      add_accelerator (bound, k, mods);
    }
  collect_listed (help, listed);
  /* The areas whose keys are compared must all be there to be looked at. */
  for (const char * const *t = (const char * const[]) { "CrWindow", "CrRecordEditor", "CrPlayer", "CrClipsPage",
                                                         "CrTranscriptPane", "CrCutsPage", "GtkBox", NULL };
       *t; t++)
    if (!g_hash_table_contains (types, *t))
      g_error ("no keys found on %s", *t);
  g_assert_cmpuint (g_hash_table_size (pages), ==, 9);
  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    assert_same_keys (key, value, g_hash_table_lookup (listed, key));
  /* No group for a page that is not there. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(const char *) key && !g_hash_table_contains (pages, key))
      g_error ("a group in the shortcuts window is for the page “%s”, which the window has not", (const char *) key);
  assert_same_keys ("every page", bound, g_hash_table_lookup (listed, ""));

  gtk_window_set_transient_for (GTK_WINDOW (help), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (help));
  cr_ui_wait_for_frames (help, 3);
  cr_ui_save_png (help, "shortcuts.png");
  g_object_set (help, "section-name", "footage", NULL);
  cr_ui_wait_for_frames (help, 3);
  cr_ui_save_png (help, "shortcuts-footage.png");
  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_editor_edit (Fixture       *f,
                  gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (cr_entity_page_get_model (people)), 150);
  g_autoptr(CrRecord) before = cr_store_get (f->db, &cr_entity_participant, cr_row_get_id (row), NULL);
  g_autoptr(CrRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  CrRecordEditor *editor = cr_entity_page_edit (people, 150);
  g_autofree char *name = cr_record_editor_get_text (editor, "name");

  g_assert_cmpint (cr_record_editor_get_id (editor), ==, cr_row_get_id (row));
  g_assert_cmpstr (name, ==, cr_row_get_label (row));
  cr_record_editor_set_text (editor, "role", "Deputy head");
  cr_record_editor_set_text (editor, "phone", "0191 496 0999");
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);

  after = cr_store_get (f->db, &cr_entity_participant, cr_row_get_id (row), NULL);
  g_assert_cmpstr (cr_record_get (after, "role"), ==, "Deputy head");
  g_assert_cmpstr (cr_record_get (after, "phone"), ==, "0191 496 0999");
  g_assert_cmpstr (cr_record_get (after, "name"), ==, cr_record_get (before, "name"));
  g_assert_cmpstr (cr_record_get (after, "kind"), ==, cr_record_get (before, "kind"));
  g_assert_cmpstr (cr_record_get (after, "organisation"), ==, cr_record_get (before, "organisation"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_record_consent (Fixture       *f,
                     gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  gint64 person;
  g_autoptr(CrConsentState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *before = NULL;
  CrRecordEditor *editor;

  add (f->db, &cr_entity_participant, &person, "name", "Zainab Ahmed", "kind", "interviewee", NULL);
  /* The window has its own connection to the file: tell it, as the editor would. */
  cr_production_changed (cr_window_get_production (window), &cr_entity_participant);
  g_assert_null (cr_entity_page_record_consent (people));   /* nothing selected */
  cr_entity_page_select (people, person);
  editor = cr_entity_page_record_consent (people);
  g_assert_nonnull (editor);
  g_assert_true (cr_record_editor_get_entity (editor) == &cr_entity_consent);
  participant = cr_record_editor_get_text (editor, "participant");
  g_assert_cmpint (g_ascii_strtoll (participant, NULL, 10), ==, person);

  /* A signed form must say what it covers: the store names the field, nothing is written. */
  before = cr_ui_dump (f->path, NULL);
  cr_record_editor_set_text (editor, "status", "signed");
  g_assert_false (cr_record_editor_save (editor, NULL));
  g_assert_cmpstr (cr_record_editor_get_error_field (editor), ==, "channels");
  {
    g_autofree char *after = cr_ui_dump (f->path, NULL);
    g_assert_cmpstr (before, ==, after);
  }
  cr_record_editor_set_text (editor, "channels", "internal,website");
  cr_record_editor_set_text (editor, "media", "video,quotes");
  cr_record_editor_set_text (editor, "naming", "first-name");
  cr_record_editor_set_text (editor, "date", "2026-03-01");
  g_assert_true (cr_record_editor_save (editor, &error));
  g_assert_no_error (error);

  state = cr_consent_current (f->db, person, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->problem, ==, CR_CONSENT_OK);
  g_assert_cmpstr (state->channels, ==, "internal,website");
  g_assert_cmpstr (state->naming, ==, "first-name");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The one form open (the window's action opens it). */
static CrRecordEditor *
find_editor (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (CR_IS_RECORD_EDITOR (l->data))
      return l->data;
  g_assert_not_reached ();
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  CrWindow *window = show_window (f->path);
  CrEntityPage *people = cr_window_get_page (window, "participants");
  CrStoreModel *model = cr_entity_page_get_model (people);
  gint64 id;
  gint64 position;
  g_autofree char *name = NULL;
  g_autoptr(CrRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  CrRecordEditor *editor;

  /* Someone with no consent history and no interviews: a crew member. */
  {
    CrQuery query = { .field = "kind", .value = "crew", .limit = 1 };
    g_autoptr(GPtrArray) crew = cr_store_list (f->db, &cr_entity_participant, &query, NULL);
    id = ((CrRecord *) g_ptr_array_index (crew, 0))->id;
    name = g_strdup (cr_record_get (g_ptr_array_index (crew, 0), "name"));
  }
  position = cr_store_model_find (model, id);
  editor = cr_entity_page_edit (people, (guint) position);
  g_assert_true (cr_record_editor_delete (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE - 1);
  g_assert_null (cr_store_get (f->db, &cr_entity_participant, id, NULL));

  /* The toast's Undo puts it back, with its fields. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  back = cr_store_find (f->db, &cr_entity_participant, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_record_get (back, "kind"), ==, "crew");
  g_assert_nonnull (cr_record_get (back, "role"));

  /* A place that interviews and shots point at: they lose it with the delete and get it
   * back with the undo. */
  {
    CrEntityPage *places = cr_window_get_page (window, "locations");
    gint64 hall = find_id (f->db, &cr_entity_location, "Riverside Community Hall");
    gint64 talk = find_id (f->db, &cr_entity_interview, "Aisha and Grace at the hall");
    gint64 shot = find_id (f->db, &cr_entity_shot, "1A");
    g_autoptr(CrRecord) interview = NULL;
    g_autoptr(CrRecord) shot_after = NULL;
    gint64 hall_again;

    editor = cr_entity_page_edit (places, (guint) cr_store_model_find (cr_entity_page_get_model (places), hall));
    g_assert_true (cr_record_editor_delete (editor, &error));
    g_assert_no_error (error);
    interview = cr_store_get (f->db, &cr_entity_interview, talk, NULL);
    g_assert_null (cr_record_get (interview, "location"));
    g_clear_pointer (&interview, cr_record_free);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
    hall_again = find_id (f->db, &cr_entity_location, "Riverside Community Hall");
    interview = cr_store_get (f->db, &cr_entity_interview, talk, NULL);
    shot_after = cr_store_get (f->db, &cr_entity_shot, shot, NULL);
    g_assert_cmpint (cr_record_get_int (interview, "location", 0), ==, hall_again);
    g_assert_cmpint (cr_record_get_int (shot_after, "location", 0), ==, hall_again);
    g_assert_cmpint (cr_store_count (f->db, &cr_entity_location, NULL, NULL), ==, 2);
  }

  /* An interview a clip was recorded in, and a shot a clip covers, from the pages that are
   * no lists (the Schedule, the Shots): the clip's interview and shot come back with them,
   * and nothing is said on stderr (a critical fails the test). */
  {
    const char *folders[] = { cr_test_fixtures (), NULL };
    gint64 talk = find_id (f->db, &cr_entity_interview, "Aisha and Grace at the hall");
    g_autoptr(CrRecord) link = cr_record_new (&cr_entity_clip);
    g_autoptr(CrRecord) clip = NULL;
    g_autoptr(GArray) shots = NULL;
    gint64 clip_id = 0, again;

    g_assert_true (cr_index_folders (f->db, folders, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (cr_store_resolve (f->db, &cr_entity_clip, "VideoTrack_29_97_Start-00-00-00-00.mp4", &clip_id, &error));
    cr_record_set (link, "interview", "Aisha and Grace at the hall");
    cr_record_set (link, "shots", "1A");
    g_assert_true (cr_store_update (f->db, &cr_entity_clip, clip_id, link, &error));
    g_assert_no_error (error);
    cr_production_changed (cr_window_get_production (window), &cr_entity_clip);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-record", "(sx)", "interview", talk));
    g_assert_true (cr_record_editor_delete (find_editor (), &error));
    g_assert_no_error (error);
    clip = cr_store_get (f->db, &cr_entity_clip, clip_id, NULL);
    g_assert_null (cr_record_get (clip, "interview"));
    g_clear_pointer (&clip, cr_record_free);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
    again = find_id (f->db, &cr_entity_interview, "Aisha and Grace at the hall");
    clip = cr_store_get (f->db, &cr_entity_clip, clip_id, NULL);
    g_assert_cmpint (cr_record_get_int (clip, "interview", 0), ==, again);
    g_clear_pointer (&clip, cr_record_free);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-record", "(sx)", "shot",
                                               find_id (f->db, &cr_entity_shot, "1A")));
    g_assert_true (cr_record_editor_delete (find_editor (), &error));
    g_assert_no_error (error);
    clip = cr_store_get (f->db, &cr_entity_clip, clip_id, NULL);
    shots = cr_record_get_ids (clip, "shots");
    g_assert_cmpuint (shots->len, ==, 0);
    g_clear_pointer (&shots, g_array_unref);
    g_clear_pointer (&clip, cr_record_free);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
    clip = cr_store_get (f->db, &cr_entity_clip, clip_id, NULL);
    shots = cr_record_get_ids (clip, "shots");
    g_assert_cmpuint (shots->len, ==, 1);
    g_assert_cmpint (g_array_index (shots, gint64, 0), ==, find_id (f->db, &cr_entity_shot, "1A"));
  }

  /* Someone still in an interview cannot go: the dialog says why and stays. */
  editor = cr_entity_page_edit (people, (guint) cr_store_model_find (model, find_id (f->db, &cr_entity_participant,
                                                                                       "Grace Hughes")));
  g_assert_false (cr_record_editor_delete (editor, &error));
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_CONFLICT);
  g_assert_nonnull (cr_record_editor_get_error (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A folder dropped anywhere on the window, not only on the Clips page, is catalogued there
 * (the page is shown); a file dropped, by its folder. With no production open, or while the
 * Clips page is indexing already, a drop is refused. */
static void
test_window_drop_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-drop-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "drop.casereel", NULL);
  g_autofree char *card = g_build_filename (dir, "card A", NULL);
  g_autofree char *other = g_build_filename (dir, "recorder", NULL);
  g_autofree char *video = g_build_filename (card, "A001.mp4", NULL);
  g_autofree char *sound = g_build_filename (other, "take1.wav", NULL);
  g_autofree char *fixture_video = g_build_filename (cr_test_fixtures (), "VideoTrack_29_97_Start-00-00-00-00.mp4", NULL);
  g_autofree char *fixture_sound = g_build_filename (cr_test_fixtures (), "A101_1.WAV", NULL);
  g_autoptr(CrProduction) production = cr_production_create (path, "Drop", &error);
  CrWindow *empty = cr_window_new (NULL, NULL);
  CrWindow *window;
  CrClipsPage *clips;

  g_assert_no_error (error);
  g_clear_object (&production);
  g_assert_cmpint (g_mkdir_with_parents (card, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  {
    g_autoptr(GFile) a = g_file_new_for_path (fixture_video), b = g_file_new_for_path (video);
    g_autoptr(GFile) c = g_file_new_for_path (fixture_sound), d = g_file_new_for_path (sound);
    g_assert_true (g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_true (g_file_copy (c, d, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  }

  /* The welcome page: nothing to catalogue into. */
  g_assert_false (cr_ui_drop_files (GTK_WIDGET (empty), (const char *[]) { card, NULL }));
  gtk_window_destroy (GTK_WINDOW (empty));

  window = show_window (path);
  g_assert_cmpstr (cr_window_get_page_name (window), !=, "clips");
  clips = CR_CLIPS_PAGE (cr_ui_find_widget (GTK_WIDGET (window), CR_TYPE_CLIPS_PAGE));
  g_assert_nonnull (clips);
  g_assert_true (cr_ui_drop_files (GTK_WIDGET (window), (const char *[]) { card, sound, NULL }));
  g_assert_cmpstr (cr_window_get_page_name (window), ==, "clips");
  g_assert_true (cr_clips_page_is_indexing (clips));
  /* One run at a time, as on the page. */
  g_assert_false (cr_ui_drop_files (GTK_WIDGET (window), (const char *[]) { card, NULL }));
  while (cr_clips_page_is_indexing (clips))
    g_main_context_iteration (NULL, TRUE);
  {
    CrDb *db = cr_production_get_db (cr_window_get_production (window));
    g_autoptr(CrRecord) a = cr_store_find (db, &cr_entity_clip, "A001.mp4", &error);
    g_autoptr(CrRecord) b = NULL;

    g_assert_no_error (error);
    b = cr_store_find (db, &cr_entity_clip, "take1.wav", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cr_record_get (a, "path"), ==, video);
    g_assert_cmpstr (cr_record_get (b, "path"), ==, sound);
    g_assert_cmpint (cr_store_count (db, &cr_entity_clip, NULL, NULL), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_screenshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cr_test_make_tmp ("casereel-shot-XXXXXX", &error);
  g_autoptr(CrProduction) production = make_showcase (dir);
  g_autofree char *path = g_strdup (cr_production_get_path (production));
  CrWindow *window;
  CrEntityPage *people;

  g_clear_object (&production);
  /* GNOME's interface font, when it is installed; otherwise fontconfig's sans. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  window = show_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 640);
  wait_for_overview (cr_window_get_overview (window));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  save_png (GTK_WIDGET (window), "casereel-overview.png");

  cr_window_show_page (window, "participants");
  people = cr_window_get_page (window, "participants");
  cr_entity_page_select (people, find_id (cr_production_get_db (cr_window_get_production (window)),
                                          &cr_entity_participant, "Efua Mensah"));
  cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
  save_png (GTK_WIDGET (window), "casereel-participants.png");

  {
    CrRecordEditor *editor = cr_entity_page_edit (people, 0);
    gtk_window_set_default_size (GTK_WINDOW (editor), 580, 720);
    cr_ui_wait_for_frames (GTK_WIDGET (editor), 4);
    save_png (GTK_WIDGET (editor), "casereel-editor.png");
    cr_record_editor_set_text (editor, "email", "aisha@");
    cr_record_editor_save (editor, NULL);
    cr_ui_wait_for_frames (GTK_WIDGET (editor), 10);
    save_png (GTK_WIDGET (editor), "casereel-editor-error.png");
    gtk_window_destroy (GTK_WINDOW (editor));

    editor = cr_entity_page_record_consent (people);
    g_assert_nonnull (editor);
    cr_record_editor_set_text (editor, "status", "signed");
    cr_record_editor_set_text (editor, "channels", "internal,website,funder-report");
    cr_record_editor_set_text (editor, "media", "video,quotes");
    cr_ui_wait_for_frames (GTK_WIDGET (editor), 4);
    save_png (GTK_WIDGET (editor), "casereel-consent.png");
    gtk_window_destroy (GTK_WINDOW (editor));

    cr_window_show_page (window, "interviews");
    editor = cr_record_editor_new (GTK_WINDOW (window), cr_window_get_production (window), &cr_entity_interview,
                                   find_id (cr_production_get_db (cr_window_get_production (window)),
                                            &cr_entity_interview, "Aisha and Grace at the hall"),
                                   NULL);
    gtk_window_present (GTK_WINDOW (editor));
    gtk_window_set_default_size (GTK_WINDOW (editor), 580, 1000);
    cr_ui_wait_for_frames (GTK_WIDGET (editor), 4);
    save_png (GTK_WIDGET (editor), "casereel-interview.png");
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* Narrow, as on a small laptop screen split in two: the sidebar and the pages take turns. */
  window = show_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 640);
  cr_window_show_page (window, "participants");
  cr_ui_wait_for_frames (GTK_WIDGET (window), 6);
  save_png (GTK_WIDGET (window), "casereel-narrow.png");
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new production: every list says what belongs in it. */
  {
    g_autofree char *empty = g_build_filename (dir, "new.casereel", NULL);
    g_autoptr(CrProduction) fresh G_GNUC_UNUSED = cr_production_create (empty, "New case study", &error);

    g_assert_no_error (error);
    window = show_window (empty);
    cr_window_show_page (window, "locations");
    g_assert_true (cr_entity_page_is_empty (cr_window_get_page (window, "locations")));
    cr_ui_wait_for_frames (GTK_WIDGET (window), 4);
    save_png (GTK_WIDGET (window), "casereel-empty.png");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  cr_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Drawn in software: the same pixels on any machine and under Xvfb. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  recorded = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_writer, NULL, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/model/paging", Fixture, NULL, fixture_set_up, test_model_paging, fixture_tear_down);
  g_test_add ("/ui/model/deferred-refill", Fixture, NULL, fixture_set_up, test_model_deferred_refill, fixture_tear_down);
  g_test_add ("/ui/model/read-ahead", Fixture, NULL, fixture_set_up, test_model_read_ahead, fixture_tear_down);
  g_test_add ("/ui/model/large", Fixture, NULL, fixture_set_up, test_model_large, fixture_tear_down);
  g_test_add ("/ui/list/natural-sort", Fixture, NULL, fixture_set_up, test_list_natural_sort, fixture_tear_down);
  g_test_add ("/ui/list/search-words", Fixture, NULL, fixture_set_up, test_list_search_words, fixture_tear_down);
  g_test_add ("/ui/list/consent-sort", Fixture, NULL, fixture_set_up, test_list_consent_sort, fixture_tear_down);
  g_test_add ("/ui/list/consent-search", Fixture, NULL, fixture_set_up, test_list_consent_search, fixture_tear_down);
  g_test_add ("/ui/list/typed-search", Fixture, NULL, fixture_set_up, test_list_typed_search, fixture_tear_down);
  g_test_add ("/ui/editor/removed-elsewhere", Fixture, NULL, fixture_set_up, test_edit_removed, fixture_tear_down);
  g_test_add ("/ui/window/read-failed", Fixture, NULL, fixture_set_up, test_window_read_failed, fixture_tear_down);
  g_test_add ("/ui/list/consent-badges", Fixture, NULL, fixture_set_up, test_list_consent_badges, fixture_tear_down);
  g_test_add ("/ui/list/search-consent-shown", Fixture, NULL, fixture_set_up, test_list_search_consent_shown,
              fixture_tear_down);
  g_test_add ("/ui/list/typed-search-scrolled", Fixture, NULL, fixture_set_up, test_list_typed_search_scrolled,
              fixture_tear_down);
  g_test_add ("/ui/window/pages", Fixture, NULL, fixture_set_up, test_window_pages, fixture_tear_down);
  g_test_add ("/ui/window/shortcuts", Fixture, NULL, fixture_set_up, test_window_shortcuts, fixture_tear_down);
  g_test_add ("/ui/editor/add", Fixture, NULL, fixture_set_up, test_editor_add, fixture_tear_down);
  g_test_add ("/ui/editor/preset-choices", Fixture, NULL, fixture_set_up, test_editor_preset_choices,
              fixture_tear_down);
  g_test_add ("/ui/editor/invalid", Fixture, NULL, fixture_set_up, test_editor_invalid, fixture_tear_down);
  g_test_add ("/ui/editor/focus-discard", Fixture, NULL, fixture_set_up, test_editor_focus_discard, fixture_tear_down);
  g_test_add ("/ui/editor/live-check", Fixture, NULL, fixture_set_up, test_editor_live_check, fixture_tear_down);
  g_test_add ("/ui/editor/people-picker", Fixture, NULL, fixture_set_up, test_editor_people_picker, fixture_tear_down);
  g_test_add ("/ui/editor/edit", Fixture, NULL, fixture_set_up, test_editor_edit, fixture_tear_down);
  g_test_add ("/ui/editor/consent", Fixture, NULL, fixture_set_up, test_record_consent, fixture_tear_down);
  g_test_add ("/ui/editor/delete-quiet", Fixture, NULL, fixture_set_up, test_delete_quiet, fixture_tear_down);
  g_test_add ("/ui/editor/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add_func ("/ui/window/drop-folder", test_window_drop_folder);
  g_test_add_func ("/ui/screenshots", test_screenshots);
  status = g_test_run ();
  if (template_dir != NULL)
    cr_test_remove_tree (template_dir);
  g_free (template_dir);
  g_free (template_path);
  g_clear_pointer (&template_names, g_ptr_array_unref);
  return status;
}
