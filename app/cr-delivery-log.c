/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-delivery"

#include "config.h"

#include <gio/gio.h>

#include "cr-cut.h"
#include "cr-delivery.h"
#include "cr-store.h"

/* Size and SHA-256 of the file as written, read back in pieces. */
static gboolean
fingerprint (const char  *path,
             gint64      *size,
             char       **sha256,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 16);
  gssize n;

  if (in == NULL)
    return FALSE;
  *size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 1 << 16, NULL, error)) > 0)
    {
      g_checksum_update (sum, buffer, n);
      *size += n;
    }
  if (n < 0)
    return FALSE;
  *sha256 = g_strdup (g_checksum_get_string (sum));
  return TRUE;
}

gboolean
cr_cut_log_delivery (CrDb        *db,
                     gint64       cut,
                     const char  *path,
                     const char  *kind,
                     const char  *format,
                     const char  *channel,
                     GPtrArray   *clearance,
                     GError     **error)
{
  g_autoptr(CrDelivery) d = cr_delivery_new ();
  g_autoptr(CrRecord) record = cr_store_get (db, &cr_entity_cut, cut, error);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (record == NULL)
    return FALSE;
  d->path = g_file_get_path (file);   /* absolute, whatever the working folder was */
  d->kind = g_strdup (kind);
  d->format = g_strdup (format);
  d->cut = cut;
  d->cut_name = g_strdup (cr_record_get (record, "name"));
  d->channel = g_strdup (channel);
  for (guint i = 0; i < clearance->len; i++)
    {
      CrClearance *row = g_ptr_array_index (clearance, i);
      d->override |= row->problem != NULL;
      if (row->participant_id)
        cr_delivery_add_person (d, row->participant_id, row->problem);
    }
  if (!fingerprint (path, &d->size, &d->sha256, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return cr_delivery_record (db, d, error) != 0;
}
