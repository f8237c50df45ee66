/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-window"

#include "config.h"

#include "cr-error-words.h"
#include "cr-tell.h"
#include "cr-words.h"

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

GtkWindow *
cr_tell_unopened (GtkWidget      *from,
                  const CrEntity *entity,
                  const GError   *error)
{
  g_autofree char *noun = cr_words_entity (entity, FALSE);   /* "Participant" */
  g_autofree char *lower = g_ascii_strdown (noun, -1);
  g_autofree char *what = g_strdup_printf ("the %s", lower);
  g_autofree char *heading = g_strdup_printf ("Could Not Open the %s", noun);
  g_autofree char *gone = NULL;

  /* The store says "no participant #301": nobody knows rows by number. */
  if (!g_error_matches (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND))
    return cr_tell_error (from, heading, error, what);
  gone = g_strdup_printf ("The %s is no longer in the production: another program may have removed it.", lower);
  return cr_tell (from, heading, gone);
}
