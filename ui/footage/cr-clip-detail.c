/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-detail.h"
#include "cr-clip-tags.h"
#include "cr-clip-time.h"
#include "cr-clip-words.h"
#include "cr-store.h"

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
poster_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = cr_clip_poster_load_finish (result, NULL);

  if (texture)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
show_in_files_cb (GtkButton *button,
                  gpointer   data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (button), "cr-path"));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), uri, GDK_CURRENT_TIME);
}

static char *
stars (gint64 rating)
{
  GString *s = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (s, i <= rating ? "★" : "☆");
  return g_string_free (s, FALSE);
}

static char *
markers_text (CrDb   *db,
              gint64  clip)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, clip);
  CrQuery query = { .field = "clip", .value = id };
  g_autoptr(GPtrArray) markers = cr_store_list (db, &cr_entity_marker, &query, NULL);
  GString *s = g_string_new (NULL);

  for (guint i = 0; markers && i < markers->len; i++)
    {
      CrRecord *m = g_ptr_array_index (markers, i);
      g_autofree char *tc = cr_clip_format_position (db, clip, cr_record_get_int (m, "frame", 0));
      g_string_append_printf (s, "%s%s  %s", s->len ? "\n" : "", tc, cr_record_get (m, "note"));
    }
  return g_string_free (s, FALSE);
}

void
cr_clip_detail_fill (GtkBox       *box,
                     CrProduction *production,
                     CrRow        *row)
{
  CrDb *db = cr_production_get_db (production);
  const CrRecord *clip;
  GtkWidget *child, *picture, *title, *group, *path_row, *button, *tags_box;
  g_auto(GStrv) tags = NULL;
  g_autofree char *duration = NULL, *rate = NULL, *size = NULL, *bytes = NULL, *recorded = NULL;
  g_autofree char *codecs = NULL, *rating = NULL, *markers = NULL;
  g_autofree char *channels = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
  if (row == NULL)
    {
      GtkWidget *hint = gtk_label_new ("Select a clip to see what it holds. Press Enter to open it in the player.");
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_set_vexpand (hint, TRUE);
      gtk_box_append (box, hint);
      return;
    }
  clip = cr_row_get_record (row);

  picture = gtk_picture_new ();
  gtk_widget_set_size_request (picture, 256, 144);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "clip-poster");
  gtk_box_append (box, picture);
  if (g_strcmp0 (cr_record_get (clip, "status"), "online") == 0)
    cr_clip_poster_load_async (cr_record_get (clip, "path"), NULL, poster_cb, g_object_ref (picture));

  title = gtk_label_new (cr_row_get_label (row));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (box, title);

  group = adw_preferences_group_new ();
  if (g_strcmp0 (cr_record_get (clip, "status"), "failed") == 0)
    add_row (group, "Could not be read", cr_record_get (clip, "error"));
  else if (g_strcmp0 (cr_record_get (clip, "status"), "offline") == 0)
    add_row (group, "Offline", "The file is no longer where it was catalogued");
  duration = cr_clip_words_duration (db, clip);
  add_row (group, "Duration", duration);
  add_row (group, "Start timecode", cr_record_get (clip, "tc_start"));
  rate = cr_clip_words_rate (clip);
  if (rate)
    {
      g_autofree char *fps = g_strdup_printf ("%s fps", rate);
      add_row (group, "Frame rate", fps);
    }
  size = cr_clip_words_size (clip);
  add_row (group, "Picture", size);
  codecs = cr_clip_words_codecs (clip);
  add_row (group, "Codecs", codecs);
  if (cr_record_get_int (clip, "channels", 0) > 0)
    {
      channels = g_strdup_printf ("%" G_GINT64_FORMAT, cr_record_get_int (clip, "channels", 0));
      add_row (group, "Sound channels", channels);
    }
  bytes = cr_clip_words_bytes (clip);
  add_row (group, "Size", bytes);
  recorded = cr_clip_words_recorded (clip);
  add_row (group, "Recorded", recorded);
  gtk_box_append (box, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Logging");
  add_row (group, "Interview", cr_row_get_display (row, "interview"));
  add_row (group, "People", cr_row_get_display (row, "participants"));
  add_row (group, "Shots", cr_row_get_display (row, "shots"));
  rating = stars (cr_record_get_int (clip, "rating", 0));
  add_row (group, "Rating", rating);
  add_row (group, "Notes", cr_record_get (clip, "notes"));
  markers = markers_text (db, clip->id);
  add_row (group, "Markers", markers);
  gtk_box_append (box, group);

  tags = cr_clip_tags_get (db, clip->id);
  if (tags && tags[0])
    {
      tags_box = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (tags_box), GTK_SELECTION_NONE);
      for (guint i = 0; tags[i]; i++)
        {
          GtkWidget *chip = gtk_label_new (tags[i]);
          gtk_widget_add_css_class (chip, "tag-chip");
          gtk_flow_box_append (GTK_FLOW_BOX (tags_box), chip);
        }
      gtk_box_append (box, tags_box);
    }

  group = adw_preferences_group_new ();
  path_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (path_row), "File");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (path_row), cr_record_get (clip, "path"));
  gtk_widget_add_css_class (path_row, "property");
  button = gtk_button_new_from_icon_name ("folder-open-symbolic");
  gtk_widget_set_tooltip_text (button, "Show in Files");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "cr-path", g_strdup (cr_record_get (clip, "path")), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (show_in_files_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (path_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), path_row);
  gtk_box_append (box, group);
}
