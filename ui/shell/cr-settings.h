/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What Casereel remembers between runs: GSettings (window size, the last production) and
 * the desktop's recent files. */

/* The application's settings, or NULL when the schema is not installed (a build run in
 * place without GSETTINGS_SCHEMA_DIR): Casereel then simply remembers nothing. */
GSettings *cr_settings_get        (void);

#define CR_MIME_TYPE "application/x-casereel"

/* Records that the production at path was opened: recent files and last-production. */
void       cr_settings_remember   (const char *path);

/* The recent productions that still exist, most recent first: absolute paths. */
GPtrArray *cr_settings_recent     (guint max);

G_END_DECLS
