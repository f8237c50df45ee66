/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-db.h"

G_BEGIN_DECLS

/* Printing the documents through GtkPrintOperation, driving the documents' own page engine,
 * so the printed page and the PDF are the same drawing. With pdf_path the same operation
 * exports instead of printing: to a temporary name in the folder, renamed into place once
 * it is whole. Without it, the print dialog shows (and this returns when it is done). */

/* The call sheet for DATE (YYYY-MM-DD). */
gboolean cr_print_callsheet (GtkWindow   *parent,
                             CrDb        *db,
                             const char  *date,
                             gboolean     hide_phones,
                             const char  *pdf_path,
                             GError     **error);
/* The shot list, grouped by location. */
gboolean cr_print_shotlist  (GtkWindow   *parent,
                             CrDb        *db,
                             const char  *pdf_path,
                             GError     **error);
/* The release tracker as of today. */
gboolean cr_print_releases  (GtkWindow   *parent,
                             CrDb        *db,
                             const char  *pdf_path,
                             GError     **error);

G_END_DECLS
