/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An editor's edit list (EDL, FCPXML, OTIO) read into a new cut in a worker, on a connection
 * of its own: the window goes on meanwhile. */
typedef struct
{
  gint64     cut;        /* the new cut */
  char      *name;       /* its name: the file's, without the extension */
  guint      n_events;
  GPtrArray *unmatched;  /* the sources no catalogued clip was found for (their events left out) */
  GPtrArray *warnings;   /* what the reader noticed and got past */
} CrCutImported;

void           cr_cut_imported_free      (CrCutImported *imported);
void           cr_cut_import_run_async   (const char          *production,
                                          const char          *path,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CrCutImported *cr_cut_import_run_finish  (GAsyncResult  *result,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCutImported, cr_cut_imported_free)

G_END_DECLS
