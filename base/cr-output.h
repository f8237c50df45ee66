/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An output file (an export, a report, a PDF, a picture, a render) is written to a hidden
 * temp file in its folder, `.NAME.XXXXXX.part`, flushed to disk and only then renamed over
 * NAME. On any failure the temp is removed and a previous NAME is left as it was. Temps that
 * a killed run left behind are removed by the next run of the same output.
 *
 * Errors are in G_FILE_ERROR and read as one line naming the output, e.g.
 * "/media/card/cut.edl: not written: the disk is full". */

typedef struct _CrOutput CrOutput;

CrOutput   *cr_output_begin         (const char   *path,
                                     int           mode,
                                     GError      **error);
/* The temp file, open for writing: for writers that need a descriptor or a path (FFmpeg). */
int         cr_output_get_fd        (CrOutput     *output);
const char *cr_output_get_temp_path (CrOutput     *output);
const char *cr_output_get_path      (CrOutput     *output);
gboolean    cr_output_write         (CrOutput     *output,
                                     const void   *data,
                                     gsize         len,
                                     GError      **error);
/* Flushes, closes and renames into place. After a failure the output is still to be freed. */
gboolean    cr_output_commit        (CrOutput     *output,
                                     GError      **error);
/* Called when the output is whole, just before it is renamed into place: what must be true
 * of the production for the file to stand (a recorded override) is done here, so that a
 * failure leaves an earlier file as it was. FALSE with @error: the output is not placed. */
typedef gboolean (*CrOutputPlacingFunc) (gpointer   data,
                                         GError   **error);

/* Removes the temp file unless committed. */
void        cr_output_free          (CrOutput     *output);

/* Sets @error for a failure of @errnum while writing @path, in the words above. */
void        cr_output_set_error     (GError      **error,
                                     const char   *path,
                                     int           errnum);

/* All of @data as @path, or nothing. */
gboolean    cr_output_write_file    (const char   *path,
                                     const void   *data,
                                     gsize         len,
                                     int           mode,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrOutput, cr_output_free)

G_END_DECLS
