/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-export"

#include "config.h"

#include <gio/gio.h>

#include "cr-export-text.h"
#include "cr-timeline-export.h"

static const struct
{
  const char *name;
  const char *extension;
} formats[] = {
  [CR_EXPORT_EDL] = { "edl", ".edl" },
  [CR_EXPORT_FCPXML] = { "fcpxml", ".fcpxml" },
  [CR_EXPORT_OTIO] = { "otio", ".otio" },
  [CR_EXPORT_MLT] = { "mlt", ".mlt" },
  [CR_EXPORT_PAPEREDIT_CSV] = { "paper-csv", ".csv" },
  [CR_EXPORT_PAPEREDIT_TEXT] = { "paper-text", ".txt" },
};

gboolean
cr_export_format_parse (const char      *name,
                        CrExportFormat  *out,
                        GError         **error)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
               "Export format “%s” is not one of edl, fcpxml, otio, mlt, paper-csv, paper-text",
               name ? name : "");
  return FALSE;
}

const char *
cr_export_format_to_string (CrExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

const char *
cr_export_format_extension (CrExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

gboolean
cr_timeline_write (const CrTimeline  *timeline,
                   CrExportFormat     format,
                   gconstpointer      options,
                   GString           *out,
                   GError           **error)
{
  CrPapereditOptions paper = { 0 };

  switch (format)
    {
    case CR_EXPORT_EDL:
      return cr_edl_write (timeline, options, out, error);
    case CR_EXPORT_FCPXML:
      return cr_fcpxml_write (timeline, options, out, error);
    case CR_EXPORT_OTIO:
      return cr_otio_write (timeline, options, out, error);
    case CR_EXPORT_MLT:
      return cr_mlt_write (timeline, options, out, error);
    case CR_EXPORT_PAPEREDIT_CSV:
    case CR_EXPORT_PAPEREDIT_TEXT:
      if (options != NULL)
        paper = *(const CrPapereditOptions *) options;
      paper.style = format == CR_EXPORT_PAPEREDIT_CSV ? CR_PAPEREDIT_CSV : CR_PAPEREDIT_TEXT;
      return cr_paperedit_write (timeline, &paper, out, error);
    default:
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Export format %d is unknown", (int) format);
      return FALSE;
    }
}

gboolean
cr_timeline_export_file (const CrTimeline  *timeline,
                         CrExportFormat     format,
                         gconstpointer      options,
                         const char        *path,
                         GError           **error)
{
  /* Sized up front from what each format writes per event: growing a 20 MB string by
   * doubling costs more here than writing it. */
  static const gsize per_event[] = {
    [CR_EXPORT_EDL] = 200, [CR_EXPORT_FCPXML] = 450, [CR_EXPORT_OTIO] = 2300,
    [CR_EXPORT_MLT] = 100, [CR_EXPORT_PAPEREDIT_CSV] = 220, [CR_EXPORT_PAPEREDIT_TEXT] = 300,
  };
  g_autoptr(GString) data = g_string_sized_new (4096 + timeline->events->len * per_event[format]);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = cr_text_for_message (path);

  if (!cr_timeline_write (timeline, format, options, data, error))
    return FALSE;

  /* g_file_replace_contents writes a temp file beside `path` and renames it into place. */
  if (!g_file_replace_contents (file, data->str, data->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_WRITE,
                   "Cannot write %s: %s", shown, local_error->message);
      return FALSE;
    }
  return TRUE;
}
