/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-discard"

#include "config.h"

#include <adwaita.h>

#include "cr-discard.h"

#define CONFIRMED "cr-discard-confirmed"

static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkWindow        *window)
{
  if (g_str_equal (response, "discard"))
    {
      g_object_set_data (G_OBJECT (window), CONFIRMED, GINT_TO_POINTER (TRUE));
      /* Once the question, which is transient for the window, has closed itself. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (window), g_object_unref);
    }
}

gboolean
cr_discard_close_request (GtkWindow  *window,
                          gboolean    changed,
                          const char *body)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  if (!changed || g_object_get_data (G_OBJECT (window), CONFIRMED))
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, "Discard changes?", NULL));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "keep", "_Keep Editing", "discard", "_Discard", NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
