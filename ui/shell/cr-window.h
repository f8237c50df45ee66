/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-entity-page.h"
#include "cr-overview-page.h"
#include "cr-production.h"

G_BEGIN_DECLS

#define CR_TYPE_WINDOW (cr_window_get_type ())
G_DECLARE_FINAL_TYPE (CrWindow, cr_window, CR, WINDOW, AdwApplicationWindow)

/* Opens `project_path` (NULL: none yet); a file that cannot be opened is reported in a
 * dialog over the window. */
CrWindow       *cr_window_new            (GtkApplication *application,
                                          const char     *project_path);
/* Shows the production in the window. On failure the window keeps what it showed. */
gboolean        cr_window_open           (CrWindow       *self,
                                          const char     *path,
                                          gboolean        create,
                                          GError        **error);
/* As cr_window_open (), telling the user in a dialog when it fails. */
void            cr_window_open_or_report (CrWindow       *self,
                                          const char     *path,
                                          gboolean        create);
/* The file choosers behind app.open and app.new. */
void            cr_window_choose_open    (CrWindow       *self);
void            cr_window_choose_new     (CrWindow       *self);
/* Shows an error as a dialog over the window: a heading and the one-line message. */
void            cr_window_report         (CrWindow       *self,
                                          const char     *heading,
                                          const GError   *error);
void            cr_window_add_toast      (CrWindow       *self,
                                          AdwToast       *toast);

CrProduction   *cr_window_get_production (CrWindow       *self);
/* "overview", "participants", "interviews", "shots", "locations", "questions". */
void            cr_window_show_page      (CrWindow       *self,
                                          const char     *name);
/* That page, its search cleared and the record with this id (0: none) selected. */
void            cr_window_show_record    (CrWindow       *self,
                                          const char     *name,
                                          gint64          id);
const char     *cr_window_get_page_name  (CrWindow       *self);
CrEntityPage   *cr_window_get_page       (CrWindow       *self,
                                          const char     *name);
CrOverviewPage *cr_window_get_overview   (CrWindow       *self);

G_END_DECLS
