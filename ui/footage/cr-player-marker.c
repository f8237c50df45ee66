/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include <adwaita.h>

#include "cr-clip-time.h"
#include "cr-error-words.h"
#include "cr-player-private.h"
#include "cr-store.h"

/* M: a marker at the frame shown, with a note typed in a small dialog. Enter adds it, Escape
 * leaves the clip as it was. The frame is the one shown when M was pressed, not where the
 * playhead is when the note is finished. */

static gboolean
add_marker (CrPlayer    *self,
            gint64       frame,
            const char  *note,
            GError     **error)
{
  g_autoptr(CrRecord) marker = cr_record_new (&cr_entity_marker);

  cr_record_take (marker, "clip", g_strdup_printf ("%" G_GINT64_FORMAT, self->clip->id));
  cr_record_take (marker, "frame", g_strdup_printf ("%" G_GINT64_FORMAT, frame));
  cr_record_set (marker, "note", note);
  if (!cr_store_insert (cr_production_get_db (self->production), marker, error))
    return FALSE;
  cr_production_changed (self->production, &cr_entity_marker);
  cr_player_reload_marks (self);
  return TRUE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             CrPlayer         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cr-note");
  gint64 frame = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cr-frame"));
  const char *tc = g_object_get_data (G_OBJECT (dialog), "cr-timecode");
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (!g_str_equal (response, "add") || self->clip == NULL)
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  /* A marker without words still says where it is. */
  if (*note == '\0')
    {
      g_free (note);
      note = g_strdup_printf ("Marker at %s", tc);
    }
  if (!add_marker (self, frame, note, &error))
    {
      /* As the forms say it: never SQLite's words. */
      g_autofree char *words = cr_error_words (&cr_entity_marker, error);
      cr_player_say (self, words);
    }
}

static void
dialog_destroyed_cb (CrPlayer  *self,
                     GtkWindow *dialog)
{
  if (self->marker_dialog == dialog)
    self->marker_dialog = NULL;
}

void
cr_player_ask_marker (CrPlayer *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *tc = cr_clip_format_position (cr_production_get_db (self->production), self->clip->id,
                                                 self->position);
  g_autofree char *heading = g_strdup_printf ("Marker at %s", tc);
  GtkWidget *dialog, *entry;

  if (self->marker_dialog != NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "What happens here (optional)");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Note", -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel", "add", "_Add Marker", NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cr-note", entry);
  g_object_set_data (G_OBJECT (dialog), "cr-frame", GSIZE_TO_POINTER ((gsize) self->position));
  g_object_set_data_full (G_OBJECT (dialog), "cr-timecode", g_steal_pointer (&tc), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  /* Closed by its window too (destroy-with-parent): the player must not hold on to it. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->marker_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

GtkWindow *
cr_player_get_marker_dialog (CrPlayer *self)
{
  return self->marker_dialog;
}

guint
cr_player_count_markers (CrPlayer *self)
{
  return self->markers->len;
}
