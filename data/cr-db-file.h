/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the file system says about a production before SQLite opens it: only stat and access,
 * never a descriptor, since closing any descriptor of the file drops this process's locks. */

/* Refuses an empty path, a missing file, a symlink loop, a folder, an unreadable file, each with
 * its own line. *read_only_reason: NULL when the file can be written, else why not (owned). */
gboolean cr_db_file_check     (const char  *path,
                               char       **read_only_reason,
                               GError     **error);

/* The file as an SQLite URI that reads it as immutable (read-only media, no -shm possible). */
char    *cr_db_file_immutable_uri (const char *path);

G_END_DECLS
