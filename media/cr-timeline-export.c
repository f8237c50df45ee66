/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-export"

#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include <gio/gio.h>

#include "cr-export-text.h"
#include "cr-output.h"
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

/* Touching 20 MB of fresh memory one page at a time costs a trap per page, which on a virtual
 * machine is most of an OTIO export's time: ask for large pages and fill them in one call.
 * Where the kernel cannot (older than 5.14, no transparent huge pages) it says so and the
 * pages come one by one as before. */
static void
prefault (GString *buffer)
{
#ifdef MADV_POPULATE_WRITE
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) buffer->str + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) buffer->str + buffer->allocated_len) & ~(guintptr) (page - 1);

  if (end <= start + page)
    return;
#ifdef MADV_HUGEPAGE
  madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
  madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
#endif
}

gboolean
cr_timeline_export_file_placing (const CrTimeline    *timeline,
                                 CrExportFormat       format,
                                 gconstpointer        options,
                                 const char          *path,
                                 CrOutputPlacingFunc  placing,
                                 gpointer             placing_data,
                                 GError             **error)
{
  /* Sized up front from what each format writes per event: growing a 20 MB string by
   * doubling costs more here than writing it. */
  static const gsize per_event[] = {
    [CR_EXPORT_EDL] = 200, [CR_EXPORT_FCPXML] = 450, [CR_EXPORT_OTIO] = 2600,
    [CR_EXPORT_MLT] = 100, [CR_EXPORT_PAPEREDIT_CSV] = 220, [CR_EXPORT_PAPEREDIT_TEXT] = 300,
  };
  g_autoptr(GString) data = g_string_sized_new (4096 + timeline->events->len * per_event[format]);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CrOutput) output = NULL;

  prefault (data);
  if (!cr_timeline_write (timeline, format, options, data, error))
    return FALSE;

  /* Whole or not at all: a temp file beside `path`, flushed, then renamed into place. */
  if (!(output = cr_output_begin (path, 0666, &local_error)) ||
      !cr_output_write (output, data->str, data->len, &local_error))
    goto failed;
  if (placing != NULL && !placing (placing_data, error))
    return FALSE;
  if (!cr_output_commit (output, &local_error))
    goto failed;
  return TRUE;

failed:
  g_set_error_literal (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_WRITE, local_error->message);
  return FALSE;
}

gboolean
cr_timeline_export_file (const CrTimeline  *timeline,
                         CrExportFormat     format,
                         gconstpointer      options,
                         const char        *path,
                         GError           **error)
{
  return cr_timeline_export_file_placing (timeline, format, options, path, NULL, NULL, error);
}
