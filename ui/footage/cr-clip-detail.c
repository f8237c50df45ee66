/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-detail.h"
#include "cr-fact-row.h"
#include "cr-show-files.h"
#include "cr-clip-tags.h"
#include "cr-clip-time.h"
#include "cr-clip-words.h"
#include "cr-error-words.h"
#include "cr-store.h"

/* Notes are saved once typing has stopped this long (and at once when the focus leaves). */
#define NOTES_SAVE_DELAY_MS 800
/* Tags in use offered under the entry for what is typed, at most. */
#define MAX_SUGGESTIONS 6

/* What puts back a change that took something away: a tag to add again, or the fields as
 * they were (rating, notes, interview, the people or shots linked). */
typedef struct
{
  gint64    clip;
  char     *tag;
  CrRecord *change;
} Undo;

static void
undo_free (Undo *undo)
{
  g_free (undo->tag);
  g_clear_pointer (&undo->change, cr_record_free);
  g_free (undo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Undo, undo_free)

/* The file's facts, in the order shown. */
enum { FACT_DURATION, FACT_TIMECODE, FACT_RATE, FACT_PICTURE, FACT_CODECS, FACT_CHANNELS, FACT_SIZE,
       FACT_RECORDED, N_FACTS };
static const char * const fact_titles[N_FACTS] = {
  "Duration", "Start timecode", "Frame rate", "Picture", "Codecs", "Sound channels", "Size", "Recorded",
};

struct _CrClipDetail
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *root;
  GtkWidget           *empty_box;
  GtkWidget           *empty_label;
  GtkWidget           *content_box;
  GtkPicture          *poster;
  GtkWidget           *poster_placeholder;
  GtkLabel            *title;
  GtkLabel            *error_label;
  AdwPreferencesGroup *status_group;
  GtkWidget           *stars;
  GtkButton           *star1, *star2, *star3, *star4, *star5;
  GtkButton           *clear_rating;
  GtkWidget           *tags_row;
  GtkFlowBox          *tags_box;
  AdwEntryRow         *tag_entry;
  GtkWidget           *suggestions_row;
  GtkFlowBox          *suggestions_box;
  GtkTextView         *notes;
  GtkWidget           *notes_hint;
  AdwPreferencesGroup *interview_group, *people_group, *shots_group, *markers_group, *facts_group;
  GtkMenuButton       *interview_button, *people_button, *shots_button;

  /* owned */
  CrProduction        *production;
  CrRow               *row;            /* the clip shown, as last read */
  gint64               clip;
  GPtrArray           *rows;           /* the rows filled in from the clip, to take out again */
  GtkWidget           *status_row;     /* the rows every clip has, made once: a search */
  GtkWidget           *facts[N_FACTS]; /* that selects a new clip changes their words only */
  GtkWidget           *file_row;
  GtkWidget           *file_button;
  GStrv                tags;
  GStrv                tags_in_use;    /* read when first wanted after a change */
  char                *saved_notes;    /* the notes as stored */
  gboolean             notes_dirty;
  gboolean             loading_notes;
  guint                notes_timeout;
  GCancellable        *poster_loading;
  char                *poster_path;
  Undo                *undo;
  AdwToast            *undo_toast;
  guint                changed_idle;
  gint64               changed_clip;   /* the clip the pending change is about; -1: several */
};

G_DEFINE_FINAL_TYPE (CrClipDetail, cr_clip_detail, GTK_TYPE_WIDGET)

static void refresh (CrClipDetail *self);

static CrDb *
db_of (CrClipDetail *self)
{
  return cr_production_get_db (self->production);
}

/* ---- telling the rest of the window ---- */

static gboolean
changed_idle_cb (gpointer data)
{
  CrClipDetail *self = data;

  self->changed_idle = 0;
  /* One clip: the grid reads its row again, not all 100,000. */
  if (self->changed_clip > 0)
    cr_production_changed_record (self->production, &cr_entity_clip, self->changed_clip);
  else
    cr_production_changed (self->production, &cr_entity_clip);
  return G_SOURCE_REMOVE;
}

/* The grid, its badges and the filters hear of the change once the write's handler is
 * over: told while the selection is changing (notes saved on the way to another clip),
 * the page would reload its clips in the middle of picking one. */
static void
schedule_changed_for (CrClipDetail *self,
                      gint64        clip)
{
  if (self->changed_idle == 0)
    {
      self->changed_clip = clip;
      self->changed_idle = g_idle_add (changed_idle_cb, self);
    }
  else if (self->changed_clip != clip)
    self->changed_clip = -1;
}

static void
schedule_changed (CrClipDetail *self)
{
  schedule_changed_for (self, self->clip);
}

/* In the store's words, never SQLite's, as the rest of the window says them; after @lead
 * (what was not done) when there is one. */
static void
show_error (CrClipDetail *self,
            const char   *lead,
            const GError *error)
{
  g_autofree char *words = cr_error_words_line (&cr_entity_clip, error, NULL);
  g_autofree char *text = NULL;

  if (lead != NULL)
    {
      words[0] = g_ascii_tolower (words[0]);
      text = g_strdup_printf ("%s: %s", lead, words);
    }
  else
    text = g_steal_pointer (&words);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_error (CrClipDetail *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* The clip read again after a write, shown as it now stands. */
static void
reread (CrClipDetail *self)
{
  g_autoptr(CrRecord) record = cr_store_get (db_of (self), &cr_entity_clip, self->clip, NULL);

  if (record == NULL)
    return;
  g_clear_object (&self->row);
  self->row = cr_row_new (db_of (self), g_steal_pointer (&record));
  refresh (self);
}

/* ---- undo ---- */

static void
undo_clicked_cb (CrClipDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (!cr_clip_detail_undo (self, &error) && error != NULL)
    show_error (self, NULL, error);
}

static void
undo_dismissed_cb (CrClipDetail *self,
                   AdwToast     *toast)
{
  if (self->undo_toast == toast)
    {
      g_clear_pointer (&self->undo, undo_free);
      self->undo_toast = NULL;
    }
}

/* One undo at a time, as on the other pages: a high-priority toast replaces the one shown
 * (dismissing that one too crashes libadwaita 1.2 while it still animates). */
static void
offer_undo (CrClipDetail *self,
            const char   *title,
            Undo         *undo)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_clear_pointer (&self->undo, undo_free);
  self->undo = undo;
  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, G_CONNECT_SWAPPED);
  if (overlay != NULL)
    {
      self->undo_toast = toast;
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    {
      self->undo_toast = NULL;
      g_object_unref (toast);   /* no window: Undo still works through the pane */
    }
}

static Undo *
undo_fields (gint64      clip,
             const char *field,
             const char *value)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->clip = clip;
  undo->change = cr_record_new (&cr_entity_clip);
  cr_record_set (undo->change, field, value ? value : "");
  return undo;
}

/* ---- writing: one write each, through the command line's services ---- */

/* `casereel clip rate`, `clip note`, `clip link`: the fields of `change`, in one
 * transaction. On success the undo (if any) is offered. */
static gboolean
update_clip (CrClipDetail *self,
             CrRecord     *change,
             const char   *undo_title,
             Undo         *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Undo) owned = undo;

  if (self->clip <= 0)
    return FALSE;
  if (!cr_store_update (db_of (self), &cr_entity_clip, self->clip, change, &error))
    {
      show_error (self, NULL, error);
      return FALSE;
    }
  clear_error (self);
  if (owned != NULL)
    offer_undo (self, undo_title, g_steal_pointer (&owned));
  schedule_changed (self);
  reread (self);
  return TRUE;
}

static gint64
rating_of (CrClipDetail *self)
{
  return self->row ? cr_record_get_int (cr_row_get_record (self->row), "rating", 0) : 0;
}

static void
set_rating (CrClipDetail *self,
            gint64        rating)
{
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, rating);
  g_autofree char *old = g_strdup_printf ("%" G_GINT64_FORMAT, rating_of (self));
  gint64 was = rating_of (self);

  if (self->clip <= 0 || rating == was)
    return;
  cr_record_set (change, "rating", text);
  update_clip (self, change, "Rating cleared", rating == 0 ? undo_fields (self->clip, "rating", old) : NULL);
}

static void
star_clicked_cb (CrClipDetail *self,
                 GtkButton    *button)
{
  GtkButton *stars[] = { self->star1, self->star2, self->star3, self->star4, self->star5 };

  for (guint i = 0; i < G_N_ELEMENTS (stars); i++)
    if (stars[i] == button)
      set_rating (self, i + 1);
}

static void
clear_rating_cb (CrClipDetail *self)
{
  set_rating (self, 0);
}

static gboolean
rating_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  set_rating (CR_CLIP_DETAIL (data), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
change_tag (CrClipDetail *self,
            const char   *tag,
            gboolean      remove)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GError) error = NULL;

  if (self->clip <= 0)
    return FALSE;
  if (!cr_clip_tags_change (db_of (self), self->clip, tags, remove, &error))
    {
      show_error (self, NULL, error);
      return FALSE;
    }
  clear_error (self);
  g_clear_pointer (&self->tags_in_use, g_strfreev);
  schedule_changed (self);
  reread (self);
  return TRUE;
}

static void
add_tag (CrClipDetail *self,
         const char   *typed)
{
  g_autofree char *tag = g_strstrip (g_strdup (typed));

  if (*tag == '\0')
    return;
  if (change_tag (self, tag, FALSE))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

static void
tag_activated_cb (CrClipDetail *self)
{
  add_tag (self, gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));
}

static void
remove_tag_cb (GtkButton    *button,
               CrClipDetail *self)
{
  g_autofree char *tag = g_strdup (g_object_get_data (G_OBJECT (button), "cr-tag"));
  g_autofree char *title = g_strdup_printf ("Removed tag “%s”", tag);
  gint64 clip = self->clip;

  if (change_tag (self, tag, TRUE))
    {
      Undo *undo = g_new0 (Undo, 1);

      undo->clip = clip;
      undo->tag = g_steal_pointer (&tag);
      offer_undo (self, title, undo);
    }
}

static void
suggestion_clicked_cb (GtkButton    *button,
                       CrClipDetail *self)
{
  add_tag (self, gtk_button_get_label (button));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static gboolean
has_tag (CrClipDetail *self,
         const char   *tag)
{
  for (guint i = 0; self->tags && self->tags[i]; i++)
    if (g_utf8_collate (self->tags[i], tag) == 0 || g_ascii_strcasecmp (self->tags[i], tag) == 0)
      return TRUE;
  return FALSE;
}

/* Tags other clips have that begin with what is typed (any case), this clip's left out. */
static GStrv
suggestions (CrClipDetail *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)), -1);
  guint n = 0;

  g_strstrip (typed);
  if (*typed == '\0' || self->clip <= 0)
    return g_strv_builder_end (builder);
  if (self->tags_in_use == NULL)
    self->tags_in_use = cr_clip_tags_in_use (db_of (self));
  for (guint i = 0; self->tags_in_use[i] && n < MAX_SUGGESTIONS; i++)
    {
      g_autofree char *folded = g_utf8_casefold (self->tags_in_use[i], -1);

      if (g_str_has_prefix (folded, typed) && !has_tag (self, self->tags_in_use[i]))
        {
          g_strv_builder_add (builder, self->tags_in_use[i]);
          n++;
        }
    }
  return g_strv_builder_end (builder);
}

static void
tag_changed_cb (CrClipDetail *self)
{
  g_auto(GStrv) offered = suggestions (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))))
    gtk_flow_box_remove (self->suggestions_box, child);
  for (guint i = 0; offered[i]; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (offered[i]);
      g_autofree char *tip = g_strdup_printf ("Add the tag “%s”", offered[i]);

      gtk_widget_set_tooltip_text (button, tip);
      gtk_widget_add_css_class (button, "clip-tag-suggestion");
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);
      gtk_flow_box_append (self->suggestions_box, button);
    }
  gtk_widget_set_visible (self->suggestions_row, offered[0] != NULL);
}

/* ---- notes ---- */

static char *
notes_text (CrClipDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load_notes (CrClipDetail *self,
            const char   *text)
{
  self->loading_notes = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes), text ? text : "", -1);
  self->loading_notes = FALSE;
  self->notes_dirty = FALSE;
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  gtk_widget_set_visible (self->notes_hint, text == NULL || *text == '\0');
}

/* Writes the notes if they changed; `tell` FALSE while the pane goes away. */
static gboolean
save_notes (CrClipDetail  *self,
            gboolean       tell,
            GError       **error)
{
  g_autoptr(CrRecord) change = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (!self->notes_dirty || self->clip <= 0)
    return TRUE;
  text = notes_text (self);
  if (g_strcmp0 (text, self->saved_notes ? self->saved_notes : "") == 0)
    {
      self->notes_dirty = FALSE;
      return TRUE;
    }
  change = cr_record_new (&cr_entity_clip);
  cr_record_set (change, "notes", text);
  if (!cr_store_update (db_of (self), &cr_entity_clip, self->clip, change, error))
    return FALSE;
  self->notes_dirty = FALSE;
  old = g_steal_pointer (&self->saved_notes);
  self->saved_notes = g_strdup (text);
  if (!tell)
    return TRUE;
  clear_error (self);
  if (*text == '\0' && old != NULL && *old != '\0')
    offer_undo (self, "Notes cleared", undo_fields (self->clip, "notes", old));
  schedule_changed (self);
  return TRUE;
}

static void
save_notes_or_say (CrClipDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_notes (self, TRUE, &error))
    show_error (self, NULL, error);
}

static gboolean
notes_timeout_cb (gpointer data)
{
  CrClipDetail *self = data;

  self->notes_timeout = 0;
  save_notes_or_say (self);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (CrClipDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);

  gtk_widget_set_visible (self->notes_hint, gtk_text_buffer_get_char_count (buffer) == 0);
  if (self->loading_notes)
    return;
  self->notes_dirty = TRUE;
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
}

static void
notes_leave_cb (CrClipDetail *self)
{
  save_notes_or_say (self);
}

/* ---- links ---- */

static const CrEntity *
link_entity (const char *field)
{
  if (g_str_equal (field, "interview"))
    return &cr_entity_interview;
  if (g_str_equal (field, "participants"))
    return &cr_entity_participant;
  return &cr_entity_shot;
}

/* The ids of a links field as the store takes them, one a line, `without` left out and
 * `with` added at the end (0: neither). */
static char *
links_text (CrClipDetail *self,
            const char   *field,
            gint64        without,
            gint64        with)
{
  g_autoptr(GArray) ids = cr_record_get_ids (cr_row_get_record (self->row), field);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      if (id != without && id != with)
        g_string_append_printf (s, "%s%" G_GINT64_FORMAT, s->len ? "\n" : "", id);
    }
  if (with > 0)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, s->len ? "\n" : "", with);
  return g_string_free (s, FALSE);
}

static void
picked_cb (CrRowPicker  *picker,
           gint64        id,
           CrClipDetail *self)
{
  const char *field = g_object_get_data (G_OBJECT (picker), "cr-field");
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autofree char *value = NULL;

  if (self->row == NULL)
    return;
  if (g_str_equal (field, "interview"))
    value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  else
    value = links_text (self, field, 0, id);
  cr_record_set (change, field, value);
  update_clip (self, change, NULL, NULL);
}

/* The picker is made when it is first opened: three searchable lists over 10,000 people
 * that nobody opens would each still read again at every change. */
static void
create_picker (GtkMenuButton *button,
               gpointer       data)
{
  CrClipDetail *self = data;
  const char *field = g_object_get_data (G_OBJECT (button), "cr-field");
  CrRowPicker *picker;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  picker = cr_row_picker_new (self->production, link_entity (field));
  g_object_set_data (G_OBJECT (picker), "cr-field", (gpointer) field);
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, 0);
  gtk_menu_button_set_popover (button, GTK_WIDGET (picker));
}

static void
unlink_cb (GtkButton    *button,
           CrClipDetail *self)
{
  const char *field = g_object_get_data (G_OBJECT (button), "cr-field");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cr-id"));
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autofree char *name = cr_store_label (db_of (self), link_entity (field), id);
  g_autofree char *title = g_strdup_printf ("Unlinked “%s”", name ? name : "");
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;

  if (self->row == NULL)
    return;
  if (g_str_equal (field, "interview"))
    {
      value = g_strdup ("");
      old = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }
  else
    {
      value = links_text (self, field, id, 0);
      old = links_text (self, field, 0, 0);
    }
  cr_record_set (change, field, value);
  update_clip (self, change, title, undo_fields (self->clip, field, old));
}

/* ---- filling in ---- */

static void
take_row (CrClipDetail        *self,
          AdwPreferencesGroup *group,
          GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
fact_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Words as they are: a file name or an error may hold "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* A fact's words, the row hidden when there are none; words that stand are not set again
 * (setting them lays the pane out again). */
static void
set_fact (GtkWidget  *row,
          const char *value)
{
  gboolean shown = value != NULL && *value != '\0';

  if (shown && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), value) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_set_visible (row, shown);
}

static void show_in_files_cb (GtkButton *button,
                              gpointer   data);

static void
make_fact_rows (CrClipDetail *self)
{
  self->status_row = fact_row_new ("");
  adw_preferences_group_add (self->status_group, self->status_row);
  for (guint i = 0; i < N_FACTS; i++)
    {
      self->facts[i] = cr_fact_row_new (fact_titles[i]);
      adw_preferences_group_add (self->facts_group, self->facts[i]);
    }
  self->file_row = fact_row_new ("File");
  self->file_button = gtk_button_new_from_icon_name ("folder-open-symbolic");
  gtk_widget_set_tooltip_text (self->file_button, "Show in Files");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Show in Files", -1);
  gtk_widget_set_valign (self->file_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->file_button, "flat");
  g_signal_connect (self->file_button, "clicked", G_CALLBACK (show_in_files_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->file_row), self->file_button);
  adw_preferences_group_add (self->facts_group, self->file_row);
}

static void
add_link_row (CrClipDetail        *self,
              AdwPreferencesGroup *group,
              const char          *field,
              gint64               id)
{
  g_autoptr(CrRecord) record = cr_store_get (db_of (self), link_entity (field), id, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *title = record ? cr_record_describe (record) : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  g_autofree char *tip = NULL;
  g_autofree char *about = NULL;

  if (record)
    {
      g_free (title);
      title = g_strdup (cr_record_get (record, link_entity (field)->label));
      if (link_entity (field) == &cr_entity_participant)
        about = g_strjoin (cr_record_get (record, "role") && cr_record_get (record, "organisation") ? " · " : "",
                           cr_record_get (record, "role") ? cr_record_get (record, "role") : "",
                           cr_record_get (record, "organisation") ? cr_record_get (record, "organisation") : "", NULL);
      else if (link_entity (field) == &cr_entity_shot)
        about = g_strdup (cr_record_get (record, "description"));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (about && *about)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), about);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
    }
  tip = g_strdup_printf ("Unlink “%s”", title ? title : "");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "cr-field", (gpointer) field);
  g_object_set_data (G_OBJECT (button), "cr-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", G_CALLBACK (unlink_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  take_row (self, group, row);
}

static void
fill_links (CrClipDetail        *self,
            AdwPreferencesGroup *group,
            const char          *field,
            const char          *none)
{
  const CrRecord *clip = cr_row_get_record (self->row);
  g_autoptr(GArray) ids = NULL;

  if (g_str_equal (field, "interview"))
    {
      gint64 id = cr_record_get_int (clip, "interview", 0);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (id > 0)
        g_array_append_val (ids, id);
    }
  else
    ids = cr_record_get_ids (clip, field);
  for (guint i = 0; i < ids->len; i++)
    add_link_row (self, group, field, g_array_index (ids, gint64, i));
  adw_preferences_group_set_description (group, ids->len ? NULL : none);
}

static void
show_in_files_cb (GtkButton *button,
                  gpointer   data)
{
  /* The file selected in its folder, by the file manager; the folder when none answers. */
  cr_show_in_files (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                    g_object_get_data (G_OBJECT (button), "cr-path"));
}

static void
fill_facts (CrClipDetail *self)
{
  CrDb *db = db_of (self);
  const CrRecord *clip = cr_row_get_record (self->row);
  g_autofree char *duration = cr_clip_words_duration (db, clip);
  g_autofree char *rate = cr_clip_words_rate (clip);
  g_autofree char *fps = rate ? g_strdup_printf ("%s fps", rate) : NULL;
  g_autofree char *size = cr_clip_words_size (clip);
  g_autofree char *codecs = cr_clip_words_codecs (clip);
  g_autofree char *bytes = cr_clip_words_bytes (clip);
  g_autofree char *recorded = cr_clip_words_recorded (clip);
  g_autofree char *channels = NULL;
  const char *status = cr_record_get (clip, "status");
  const char *values[N_FACTS];

  if (g_strcmp0 (status, "failed") == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), "Could not be read");
      set_fact (self->status_row, cr_record_get (clip, "error"));
    }
  else if (g_strcmp0 (status, "offline") == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), "Offline");
      set_fact (self->status_row, "The file is no longer where it was catalogued");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_group),
                          g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "offline") == 0);

  if (cr_record_get_int (clip, "channels", 0) > 0)
    channels = g_strdup_printf ("%" G_GINT64_FORMAT, cr_record_get_int (clip, "channels", 0));
  values[FACT_DURATION] = duration;
  values[FACT_TIMECODE] = cr_record_get (clip, "tc_start");
  values[FACT_RATE] = fps;
  values[FACT_PICTURE] = size;
  values[FACT_CODECS] = codecs;
  values[FACT_CHANNELS] = channels;
  values[FACT_SIZE] = bytes;
  values[FACT_RECORDED] = recorded;
  for (guint i = 0; i < N_FACTS; i++)
    cr_fact_row_set_value (CR_FACT_ROW (self->facts[i]), values[i]);

  set_fact (self->file_row, cr_record_get (clip, "path"));
  g_object_set_data_full (G_OBJECT (self->file_button), "cr-path", g_strdup (cr_record_get (clip, "path")), g_free);
}

static void
fill_markers (CrClipDetail *self)
{
  CrDb *db = db_of (self);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->clip);
  CrQuery query = { .field = "clip", .value = id };
  g_autoptr(GPtrArray) markers = cr_store_list (db, &cr_entity_marker, &query, NULL);

  for (guint i = 0; markers && i < markers->len; i++)
    {
      CrRecord *m = g_ptr_array_index (markers, i);
      g_autofree char *tc = cr_clip_format_position (db, self->clip, cr_record_get_int (m, "frame", 0));
      const char *note = cr_record_get (m, "note");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note && *note ? note : "Marker");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tc);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      take_row (self, self->markers_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->markers_group), markers && markers->len > 0);
}

static void
fill_tags (CrClipDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))))
    gtk_flow_box_remove (self->tags_box, child);
  g_clear_pointer (&self->tags, g_strfreev);
  self->tags = cr_clip_tags_get (db_of (self), self->clip);
  for (guint i = 0; self->tags[i]; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (self->tags[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tip = g_strdup_printf ("Remove the tag “%s”", self->tags[i]);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (remove, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_add_css_class (remove, "clip-tag-remove");
      g_object_set_data_full (G_OBJECT (remove), "cr-tag", g_strdup (self->tags[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_cb), self);
      gtk_widget_add_css_class (chip, "clip-tag");
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->tags_box, chip);
    }
  gtk_widget_set_visible (self->tags_row, self->tags[0] != NULL);
  tag_changed_cb (self);
}

static void
fill_rating (CrClipDetail *self)
{
  GtkButton *stars[] = { self->star1, self->star2, self->star3, self->star4, self->star5 };
  gint64 rating = rating_of (self);

  for (guint i = 0; i < G_N_ELEMENTS (stars); i++)
    {
      gboolean on = (gint64) i < rating;

      gtk_button_set_icon_name (stars[i], on ? "starred-symbolic" : "non-starred-symbolic");
      if (on)
        gtk_widget_add_css_class (GTK_WIDGET (stars[i]), "filled");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (stars[i]), "filled");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_rating), rating > 0);
  {
    g_autofree char *words = rating > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT " of 5 stars", rating)
                                        : g_strdup ("Not rated");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->stars), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words, -1);
  }
}

static void
poster_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CrClipDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = cr_clip_poster_load_finish (result, &error);

  if (texture == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  gtk_picture_set_paintable (self->poster, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->poster_placeholder, FALSE);
}

static void
fill_poster (CrClipDetail *self)
{
  const CrRecord *clip = cr_row_get_record (self->row);
  const char *path = cr_record_get (clip, "path");
  gboolean online = g_strcmp0 (cr_record_get (clip, "status"), "online") == 0;

  if (self->poster_path != NULL && g_strcmp0 (path, self->poster_path) == 0)
    return;   /* the same clip read again */
  g_cancellable_cancel (self->poster_loading);
  g_clear_object (&self->poster_loading);
  g_free (self->poster_path);
  self->poster_path = g_strdup (path);
  gtk_picture_set_paintable (self->poster, NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->poster_placeholder),
                                cr_record_get_int (clip, "has_video", 0) ? "camera-video-symbolic"
                                                                         : "audio-x-generic-symbolic");
  gtk_widget_set_visible (self->poster_placeholder, TRUE);
  if (online && cr_record_get_int (clip, "has_video", 0))
    {
      self->poster_loading = g_cancellable_new ();
      cr_clip_poster_load_async (path, self->poster_loading, poster_cb, g_object_ref (self));
    }
}

/* Everything from self->row, keeping what is being typed. */
static void
refresh (CrClipDetail *self)
{
  const CrRecord *clip;

  while (self->rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_widget_set_visible (self->empty_box, self->row == NULL);
  gtk_widget_set_visible (self->empty_label, self->row == NULL);
  gtk_widget_set_visible (self->content_box, self->row != NULL);
  if (self->row == NULL)
    return;
  clip = cr_row_get_record (self->row);
  gtk_label_set_text (self->title, cr_row_get_label (self->row));
  fill_poster (self);
  fill_rating (self);
  fill_tags (self);
  /* Notes someone else changed (the command line) are shown unless some are being typed. */
  if (!self->notes_dirty)
    {
      g_autofree char *shown = notes_text (self);

      g_free (self->saved_notes);
      self->saved_notes = g_strdup (cr_record_get (clip, "notes"));
      if (g_strcmp0 (shown, self->saved_notes ? self->saved_notes : "") != 0)
        load_notes (self, self->saved_notes);
    }
  fill_links (self, self->interview_group, "interview", "Not linked to an interview");
  fill_links (self, self->people_group, "participants", "Nobody linked");
  fill_links (self, self->shots_group, "shots", "No planned shot linked");
  fill_markers (self);
  fill_facts (self);
}

/* ---- public ---- */

void
cr_clip_detail_set_row (CrClipDetail *self,
                        CrRow        *row)
{
  gint64 id = row ? cr_row_get_id (row) : 0;
  g_autoptr(GError) error = NULL;
  gboolean saved = TRUE;
  g_autofree char *unsaved_for = NULL;

  g_return_if_fail (CR_IS_CLIP_DETAIL (self));
  if (id != self->clip)
    {
      /* What was typed goes to the clip it was typed for. */
      if (!(saved = save_notes (self, TRUE, &error)))
        unsaved_for = self->row ? g_strdup (cr_row_get_label (self->row)) : NULL;
      self->clip = id;
      self->notes_dirty = FALSE;
      g_clear_pointer (&self->saved_notes, g_free);
      load_notes (self, row ? cr_record_get (cr_row_get_record (row), "notes") : NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
      g_clear_pointer (&self->tags_in_use, g_strfreev);
      clear_error (self);
    }
  g_set_object (&self->row, row);
  refresh (self);
  if (!saved)
    {
      g_autofree char *lead = g_strdup_printf ("The notes for %s were not saved",
                                               unsaved_for ? unsaved_for : "the last clip");
      show_error (self, lead, error);
    }
}

gint64
cr_clip_detail_get_clip (CrClipDetail *self)
{
  g_return_val_if_fail (CR_IS_CLIP_DETAIL (self), 0);
  return self->clip;
}

void
cr_clip_detail_fill (GtkBox       *box,
                     CrProduction *production,
                     CrRow        *row)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (box));
  GtkWidget *child;
  CrClipDetail *detail;

  if (CR_IS_CLIP_DETAIL (first) && CR_CLIP_DETAIL (first)->production == production)
    detail = CR_CLIP_DETAIL (first);
  else
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
        gtk_box_remove (box, child);
      detail = cr_clip_detail_new (production);
      gtk_widget_set_vexpand (GTK_WIDGET (detail), TRUE);
      gtk_box_append (box, GTK_WIDGET (detail));
    }
  cr_clip_detail_set_row (detail, row);
}

gboolean
cr_clip_detail_save_notes (CrClipDetail  *self,
                           GError       **error)
{
  g_return_val_if_fail (CR_IS_CLIP_DETAIL (self), FALSE);
  return save_notes (self, TRUE, error);
}

gboolean
cr_clip_detail_undo (CrClipDetail  *self,
                     GError       **error)
{
  g_autoptr(Undo) undo = NULL;
  gboolean ok;

  g_return_val_if_fail (CR_IS_CLIP_DETAIL (self), FALSE);
  if (self->undo == NULL)
    return FALSE;
  undo = g_steal_pointer (&self->undo);
  self->undo_toast = NULL;
  if (undo->tag != NULL)
    {
      const char *tags[] = { undo->tag, NULL };
      ok = cr_clip_tags_change (db_of (self), undo->clip, tags, FALSE, error);
      g_clear_pointer (&self->tags_in_use, g_strfreev);
    }
  else
    ok = cr_store_update (db_of (self), &cr_entity_clip, undo->clip, undo->change, error);
  if (!ok)
    return FALSE;
  if (undo->clip == self->clip)
    {
      if (undo->change != NULL && cr_record_has (undo->change, "notes"))
        self->notes_dirty = FALSE;   /* the notes put back are what the pane shows */
      clear_error (self);
      reread (self);
    }
  schedule_changed_for (self, undo->clip);
  return TRUE;
}

GtkButton *
cr_clip_detail_get_star (CrClipDetail *self,
                         guint         n)
{
  GtkButton *stars[] = { self->star1, self->star2, self->star3, self->star4, self->star5 };

  g_return_val_if_fail (n >= 1 && n <= 5, NULL);
  return stars[n - 1];
}

GtkWidget *
cr_clip_detail_get_stars (CrClipDetail *self)
{
  return self->stars;
}

GtkButton *
cr_clip_detail_get_clear_rating (CrClipDetail *self)
{
  return self->clear_rating;
}

GtkEditable *
cr_clip_detail_get_tag_entry (CrClipDetail *self)
{
  return GTK_EDITABLE (self->tag_entry);
}

GtkButton *
cr_clip_detail_get_tag_remove (CrClipDetail *self,
                               const char   *tag)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *remove = gtk_widget_get_last_child (chip);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (remove), "cr-tag"), tag) == 0)
        return GTK_BUTTON (remove);
    }
  return NULL;
}

GStrv
cr_clip_detail_get_tag_suggestions (CrClipDetail *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (gtk_widget_get_visible (self->suggestions_row))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box)); child;
         child = gtk_widget_get_next_sibling (child))
      g_strv_builder_add (builder, gtk_button_get_label (GTK_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)))));
  return g_strv_builder_end (builder);
}

GtkTextView *
cr_clip_detail_get_notes (CrClipDetail *self)
{
  return self->notes;
}

GtkMenuButton *
cr_clip_detail_get_link_button (CrClipDetail *self,
                                const char   *field)
{
  if (g_str_equal (field, "interview"))
    return self->interview_button;
  if (g_str_equal (field, "participants"))
    return self->people_button;
  if (g_str_equal (field, "shots"))
    return self->shots_button;
  return NULL;
}

GtkButton *
cr_clip_detail_get_link_remove (CrClipDetail *self,
                                const char   *field,
                                gint64        id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      for (GtkWidget *w = row; w != NULL; )
        {
          GtkWidget *next;

          if (GTK_IS_BUTTON (w) && g_strcmp0 (g_object_get_data (G_OBJECT (w), "cr-field"), field) == 0 &&
              GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (w), "cr-id")) == (gsize) id)
            return GTK_BUTTON (w);
          /* depth first within the row */
          if ((next = gtk_widget_get_first_child (w)))
            {
              w = next;
              continue;
            }
          while (w != row && !gtk_widget_get_next_sibling (w))
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

const char *
cr_clip_detail_get_error (CrClipDetail *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

AdwToast *
cr_clip_detail_get_undo_toast (CrClipDetail *self)
{
  return self->undo != NULL ? self->undo_toast : NULL;
}

/* ---- the class ---- */

static void
cr_clip_detail_dispose (GObject *object)
{
  CrClipDetail *self = CR_CLIP_DETAIL (object);
  g_autoptr(GError) error = NULL;

  /* Typed notes are not lost when the window closes: written, nobody told. */
  if (self->production != NULL && !save_notes (self, FALSE, &error))
    g_warning ("clip notes: %s", error->message);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  g_clear_handle_id (&self->changed_idle, g_source_remove);
  g_cancellable_cancel (self->poster_loading);
  g_clear_object (&self->poster_loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CLIP_DETAIL);
  g_clear_object (&self->row);
  g_clear_object (&self->production);
  g_clear_pointer (&self->undo, undo_free);
  self->undo_toast = NULL;
  G_OBJECT_CLASS (cr_clip_detail_parent_class)->dispose (object);
}

static void
cr_clip_detail_finalize (GObject *object)
{
  CrClipDetail *self = CR_CLIP_DETAIL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->tags_in_use, g_strfreev);
  g_free (self->saved_notes);
  g_free (self->poster_path);
  G_OBJECT_CLASS (cr_clip_detail_parent_class)->finalize (object);
}

static void
cr_clip_detail_class_init (CrClipDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_clip_detail_dispose;
  G_OBJECT_CLASS (klass)->finalize = cr_clip_detail_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-clip-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, root);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, empty_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, content_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, poster);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, poster_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, title);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, status_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, stars);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, star1);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, star2);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, star3);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, star4);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, star5);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, clear_rating);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, suggestions_row);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, notes);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, notes_hint);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, interview_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, people_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, shots_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, markers_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, facts_group);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, interview_button);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, people_button);
  gtk_widget_class_bind_template_child (widget_class, CrClipDetail, shots_button);
  gtk_widget_class_bind_template_callback (widget_class, star_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_rating_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_changed_cb);
}

static void
add_rating_key (GtkShortcutController *controller,
                guint                  keyval,
                int                    rating,
                CrClipDetail          *self)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_callback_action_new (rating_key_cb, self, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (rating));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
cr_clip_detail_init (CrClipDetail *self)
{
  GtkEventController *focus;
  GtkShortcutController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  make_fact_rows (self);

  /* 0 to 5 (and Delete to clear) while a star has the focus, as in a photo manager. */
  keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  for (int n = 0; n <= 5; n++)
    {
      add_rating_key (keys, GDK_KEY_0 + n, n, self);
      add_rating_key (keys, GDK_KEY_KP_0 + n, n, self);
    }
  add_rating_key (keys, GDK_KEY_Delete, 0, self);
  add_rating_key (keys, GDK_KEY_BackSpace, 0, self);
  gtk_widget_add_controller (self->stars, GTK_EVENT_CONTROLLER (keys));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes), "changed", G_CALLBACK (notes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes), focus);

  g_object_set_data (G_OBJECT (self->interview_button), "cr-field", (gpointer) "interview");
  g_object_set_data (G_OBJECT (self->people_button), "cr-field", (gpointer) "participants");
  g_object_set_data (G_OBJECT (self->shots_button), "cr-field", (gpointer) "shots");
  gtk_menu_button_set_create_popup_func (self->interview_button, create_picker, self, NULL);
  gtk_menu_button_set_create_popup_func (self->people_button, create_picker, self, NULL);
  gtk_menu_button_set_create_popup_func (self->shots_button, create_picker, self, NULL);
}

CrClipDetail *
cr_clip_detail_new (CrProduction *production)
{
  CrClipDetail *self = g_object_new (CR_TYPE_CLIP_DETAIL, NULL);

  self->production = g_object_ref (production);
  refresh (self);
  return self;
}
