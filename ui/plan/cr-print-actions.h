/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-db.h"

G_BEGIN_DECLS

/* What a page's Print… and Save as PDF… entries do for a document of cr-print.h: print
 * through the print dialog, or ask where to save the PDF; a failure says why in a dialog, a
 * saved file in a toast. */

typedef gboolean (*CrPrintDocument) (GtkWindow *parent, CrDb *db, const char *pdf_path, GError **error);

/* name: the document in words, "Shot List"; file_name: the PDF's suggested name. */
void cr_print_actions_print    (GtkWidget       *page,
                                CrDb            *db,
                                CrPrintDocument  document,
                                const char      *name);
void cr_print_actions_save_pdf (GtkWidget       *page,
                                CrDb            *db,
                                CrPrintDocument  document,
                                const char      *name,
                                const char      *file_name);

G_END_DECLS
