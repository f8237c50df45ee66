/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "Show in Files": the file manager opens the file's folder with the file selected, through
 * org.freedesktop.FileManager1.ShowItems on the session bus (Files, Dolphin, Nemo, Caja …);
 * where no file manager offers that, the folder is opened as any folder is. */

typedef enum
{
  CR_SHOWN_SELECTED,   /* the file manager was asked to select the file */
  CR_SHOWN_FOLDER,     /* the folder was opened instead */
} CrShownIn;

void     cr_show_in_files_async  (GtkWindow           *parent,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* FALSE when the folder could not be opened either. */
gboolean cr_show_in_files_finish (GAsyncResult        *result,
                                  CrShownIn           *shown,
                                  GError             **error);

/* The same, for a button: a failure is logged. */
void     cr_show_in_files        (GtkWindow           *parent,
                                  const char          *path);

G_END_DECLS
