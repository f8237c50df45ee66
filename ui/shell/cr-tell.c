/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include "cr-error-words.h"
#include "cr-tell.h"

GtkWindow *
cr_tell (GtkWidget  *from,
         const char *heading,
         const char *body)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cr_tell_error (GtkWidget    *from,
               const char   *heading,
               const GError *error,
               const char   *what)
{
  g_autofree char *words = cr_error_words_read (error, what);

  return cr_tell (from, heading, words);
}

GtkWindow *
cr_tell_write_error (GtkWidget    *from,
                     const char   *heading,
                     const GError *error,
                     const char   *what)
{
  g_autofree char *words = cr_error_words_write (error, what);

  return cr_tell (from, heading, words);
}
