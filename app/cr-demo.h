/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The demo production: a small, complete case study (people in every consent state,
 * places, questions, two shoot days with a clash, shots, generated camera and sound files,
 * indexed, with selects and cuts), so that a newcomer sees every page and command at work. */

/* Where "Try the Demo" keeps it: $XDG_DATA_HOME/casereel/demo/riverside.casereel. */
char     *cr_demo_default_path (void);

/* The folder of its media: "riverside.casereel" -> "riverside-media" beside it. */
char     *cr_demo_media_folder (const char *path);

/* Makes the demo production at path, which must not exist. The file appears only once it
 * is complete. Blocking (a few seconds): run it in a worker for a window. */
gboolean  cr_demo_create       (const char *path, GCancellable *cancellable, GError **error);

G_END_DECLS
