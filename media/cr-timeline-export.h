/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-edl.h"
#include "cr-fcpxml.h"
#include "cr-mlt.h"
#include "cr-otio.h"
#include "cr-paperedit.h"
#include "cr-output.h"
#include "cr-timeline.h"

G_BEGIN_DECLS

/* One entry point for every edit-list writer, for the command line and the window. */
typedef enum
{
  CR_EXPORT_EDL,             /* options: CrEdlOptions */
  CR_EXPORT_FCPXML,          /* CrFcpxmlOptions */
  CR_EXPORT_OTIO,            /* CrOtioOptions */
  CR_EXPORT_MLT,             /* CrMltOptions */
  CR_EXPORT_PAPEREDIT_CSV,   /* CrPapereditOptions (its style is set by the format) */
  CR_EXPORT_PAPEREDIT_TEXT,  /* CrPapereditOptions */
} CrExportFormat;

/* "edl", "fcpxml", "otio", "mlt", "paper-csv", "paper-text". */
gboolean     cr_export_format_parse      (const char      *name,
                                          CrExportFormat  *out,
                                          GError         **error);
const char  *cr_export_format_to_string  (CrExportFormat   format);
/* The usual file name extension with its dot: ".edl", ".fcpxml", ".otio", ".mlt", ".csv", ".txt". */
const char  *cr_export_format_extension  (CrExportFormat   format);

/* Runs the format's writer into `out`. `options` points at the format's options struct, or NULL
 * for its defaults. */
gboolean     cr_timeline_write           (const CrTimeline  *timeline,
                                          CrExportFormat     format,
                                          gconstpointer      options,
                                          GString           *out,
                                          GError           **error);

/* Validates and writes the whole file in memory first, then to a temp file in the destination's
 * folder that is renamed over `path`: a failure leaves nothing behind and an older file intact.
 * The error names the path. */
gboolean     cr_timeline_export_file     (const CrTimeline  *timeline,
                                          CrExportFormat     format,
                                          gconstpointer      options,
                                          const char        *path,
                                          GError           **error);
/* The same, calling `placing` (if not NULL) once the file is whole, before it is renamed
 * into place; its error is returned as it was set. */
gboolean     cr_timeline_export_file_placing (const CrTimeline    *timeline,
                                              CrExportFormat       format,
                                              gconstpointer        options,
                                              const char          *path,
                                              CrOutputPlacingFunc  placing,
                                              gpointer             placing_data,
                                              GError             **error);

G_END_DECLS
