/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cr-av-private.h"
#include "cr-bwf.h"

/* Replaces the text of every <TAG>…</TAG> with `value`, as wide as the old text when that was
 * zero-padded, as a signed 32-bit number when the old one was negative (Metacorder). */
static void
set_element (GString    *xml,
             const char *tag,
             guint64     value,
             gboolean    low_half)
{
  g_autofree char *open = g_strdup_printf ("<%s>", tag);
  g_autofree char *close = g_strdup_printf ("</%s>", tag);
  gsize from = 0;
  char *at;

  while ((at = strstr (xml->str + from, open)) != NULL)
    {
      gsize start = (gsize) (at - xml->str) + strlen (open);
      char *end = strstr (xml->str + start, close);
      g_autofree char *old = NULL;
      g_autofree char *text = NULL;

      if (end == NULL)
        return;
      old = g_strstrip (g_strndup (xml->str + start, (gsize) (end - xml->str) - start));
      if (old[0] == '-' && low_half)
        text = g_strdup_printf ("%" G_GINT32_FORMAT, (gint32) (guint32) value);
      else if (old[0] == '0' && strlen (old) > 1)
        text = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) strlen (old), value);
      else
        text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
      g_string_erase (xml, start, (gssize) ((gsize) (end - xml->str) - start));
      g_string_insert (xml, start, text);
      from = start + strlen (text);
    }
}

GBytes *
cr_bwf_ixml_at_reference (GBytes *ixml,
                          gint64  reference)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (ixml, &len);
  /* The body may end in NULs (padding): the text is what comes before them. */
  g_autoptr(GString) xml = g_string_new_len (data, (gssize) strnlen (data, len));
  guint64 value = (guint64) MAX (reference, 0);
  gsize text_len;

  set_element (xml, "TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI", value >> 32, FALSE);
  set_element (xml, "TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO", value & 0xffffffffu, TRUE);
  set_element (xml, "BWF_TIME_REFERENCE_HIGH", value >> 32, FALSE);
  set_element (xml, "BWF_TIME_REFERENCE_LOW", value & 0xffffffffu, TRUE);
  text_len = xml->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&xml), FALSE), text_len);
}

static void
put_le32 (guint8  *p,
          guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static gboolean
io_fail (const char  *path,
         GError     **error)
{
  int saved = errno;
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: cannot add the iXML chunk: %s", name,
               g_strerror (saved ? saved : EIO));
  return FALSE;
}

gboolean
cr_bwf_append_ixml (const char  *path,
                    GBytes      *ixml,
                    GError     **error)
{
  FILE *f = g_fopen (path, "r+b");
  gsize size = g_bytes_get_size (ixml);
  guint8 header[12], chunk[8];
  off_t end;
  gboolean ok;

  if (f == NULL)
    return io_fail (path, error);
  if (fread (header, 1, sizeof header, f) != sizeof header || memcmp (header, "RIFF", 4) != 0 ||
      memcmp (header + 8, "WAVE", 4) != 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      fclose (f);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "%s: not a RIFF WAVE file of under 4 GiB: its iXML chunk cannot be kept", name);
      return FALSE;
    }
  if (fseeko (f, 0, SEEK_END) != 0 || (end = ftello (f)) < 0)
    {
      fclose (f);
      return io_fail (path, error);
    }
  /* Chunks start on even offsets; the body is padded to an even length. */
  if ((guint64) end + 1 + 8 + size + 1 > G_MAXUINT32)
    {
      g_autofree char *name = g_filename_display_name (path);

      fclose (f);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED,
                   "%s: with its iXML chunk the file would pass 4 GiB", name);
      return FALSE;
    }
  memcpy (chunk, "iXML", 4);
  put_le32 (chunk + 4, (guint32) size);
  ok = ((end & 1) == 0 || fputc (0, f) != EOF) &&
       fwrite (chunk, 1, sizeof chunk, f) == sizeof chunk &&
       fwrite (g_bytes_get_data (ixml, NULL), 1, size, f) == size &&
       ((size & 1) == 0 || fputc (0, f) != EOF);
  if (ok && (end = ftello (f)) >= 0)
    {
      put_le32 (header + 4, (guint32) (end - 8));
      ok = fseeko (f, 0, SEEK_SET) == 0 && fwrite (header, 1, 8, f) == 8;
    }
  else
    ok = FALSE;
  if (fclose (f) != 0)
    ok = FALSE;
  return ok ? TRUE : io_fail (path, error);
}
