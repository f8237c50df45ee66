/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cr-av-private.h"
#include "cr-bwf.h"

#define MAX_CHUNKS      4096
#define MAX_TEXT_CHUNK  (1024 * 1024)
#define BEXT_TIME_REF   338          /* 256 + 32 + 32 + 10 + 8 */

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

gboolean
cr_bwf_parse_speed (const char       *text,
                    CrTimecodeFormat *out)
{
  g_autofree char *number = NULL;
  const char *p;
  gsize n = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  for (p = text; g_ascii_isdigit (*p) || *p == '.' || *p == '/'; p++)
    n++;
  /* "023.976": the leading zero is the recorder's padding. */
  while (n > 1 && text[0] == '0' && g_ascii_isdigit (text[1]))
    text++, n--;
  number = g_strndup (text, n);
  if (!cr_rate_parse (number, &out->rate, NULL))
    return FALSE;
  /* "-DF", "DF", "-D" say drop-frame; "ND", "NDF" do not. */
  while (*p == '-' || *p == ' ')
    p++;
  out->drop_frame = g_ascii_strncasecmp (p, "DF", 2) == 0 || g_ascii_strcasecmp (p, "D") == 0;
  return TRUE;
}

static char *
xml_unescape (const char *text,
              gsize       len)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gboolean done = FALSE;
      if (text[i] == '&')
        for (guint e = 0; e < G_N_ELEMENTS (entities) && !done; e++)
          {
            gsize elen = strlen (entities[e].entity);
            if (i + elen <= len && strncmp (text + i, entities[e].entity, elen) == 0)
              {
                g_string_append_c (out, entities[e].c);
                i += elen - 1;
                done = TRUE;
              }
          }
      if (!done)
        g_string_append_c (out, text[i]);
    }
  /* iXML should be UTF-8, but recorders write what they like: the catalogue stores text. */
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return g_strstrip (valid);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The text of the first <TAG>…</TAG> between from and end, and where it ends. iXML is flat
 * enough that this beats a full XML parser for the few fields we read. */
static char *
ixml_find (const char  *from,
           const char  *end,
           const char  *tag,
           const char **after)
{
  g_autofree char *open = g_strdup_printf ("<%s>", tag);
  g_autofree char *close = g_strdup_printf ("</%s>", tag);
  const char *start, *stop;
  char *value;

  start = g_strstr_len (from, end - from, open);
  if (start == NULL)
    return NULL;
  start += strlen (open);
  stop = g_strstr_len (start, end - start, close);
  if (stop == NULL)
    return NULL;
  if (after != NULL)
    *after = stop + strlen (close);
  value = xml_unescape (start, stop - start);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
set_if_unset (char      **field,
              const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

/* A rate no timecode counts at (25 drop-frame, 1000 fps) is dropped, and the reason kept for
 * the caller to warn with: the file's other fields are still good. */
static void
check_rate (CrBwfInfo  *info,
            const char *field,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  if (cr_timecode_format_check (&info->timecode_format, &error))
    return;
  info->has_rate = FALSE;
  info->timecode_format = (CrTimecodeFormat) { { 0, 0 }, FALSE };
  if (info->rate_warning != NULL)
    return;
  shown = g_strescape (text, NULL);
  if (strlen (shown) > 40)
    strcpy (shown + 37, "...");
  info->rate_warning = g_strdup_printf ("%s “%s” ignored: %s", field, shown, error->message);
}

static void
read_ixml (CrBwfInfo  *info,
           const char *xml,
           gsize       len)
{
  const char *end = xml + len;
  g_autofree char *rate = ixml_find (xml, end, "TIMECODE_RATE", NULL);
  g_autofree char *flag = ixml_find (xml, end, "TIMECODE_FLAG", NULL);
  const char *list_start, *list_end;

  info->has_ixml = TRUE;
  if (cr_bwf_parse_speed (rate, &info->timecode_format))
    {
      info->has_rate = TRUE;
      info->timecode_format.drop_frame = flag != NULL && g_ascii_strcasecmp (flag, "DF") == 0;
      check_rate (info, "iXML TIMECODE_RATE", rate);
    }
  info->scene = ixml_find (xml, end, "SCENE", NULL);
  info->take = ixml_find (xml, end, "TAKE", NULL);
  info->tape = ixml_find (xml, end, "TAPE", NULL);
  info->project = ixml_find (xml, end, "PROJECT", NULL);
  info->note = ixml_find (xml, end, "NOTE", NULL);

  list_start = g_strstr_len (xml, len, "<TRACK_LIST>");
  list_end = list_start ? g_strstr_len (list_start, end - list_start, "</TRACK_LIST>") : NULL;
  if (list_start != NULL && list_end != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *p = list_start;
      char *name;

      while ((name = ixml_find (p, list_end, "NAME", &p)) != NULL)
        g_ptr_array_add (names, name);
      if (names->len > 0)
        {
          g_ptr_array_add (names, NULL);
          info->track_names = (char **) g_ptr_array_steal (names, NULL);
        }
    }
}

/* bext's description holds KEY=VALUE lines, keys often with a one-letter lowercase prefix
 * ("sSPEED=023.976-ND" from Sound Devices, "gSCENE=2C" from Metacorder). */
static void
read_bext_description (CrBwfInfo  *info,
                       const char *description)
{
  g_auto(GStrv) lines = g_strsplit_set (description, "\r\n", -1);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');
      const char *key = lines[i];
      const char *value;

      if (eq == NULL)
        continue;
      *eq = '\0';
      value = eq + 1;
      if (g_ascii_islower (key[0]) && g_ascii_isupper (key[1]))
        key++;
      if (g_str_equal (key, "SPEED") && !info->has_rate)
        {
          info->has_rate = cr_bwf_parse_speed (value, &info->timecode_format);
          if (info->has_rate)
            check_rate (info, "bext SPEED", value);
        }
      else if (g_str_equal (key, "SCENE"))
        set_if_unset (&info->scene, value);
      else if (g_str_equal (key, "TAKE"))
        set_if_unset (&info->take, value);
      else if (g_str_equal (key, "TAPE"))
        set_if_unset (&info->tape, value);
      else if (g_str_equal (key, "PROJECT"))
        set_if_unset (&info->project, value);
      else if (g_str_equal (key, "NOTE"))
        set_if_unset (&info->note, value);
      else if (g_str_has_prefix (key, "TRK") && g_ascii_isdigit (key[3]))
        g_ptr_array_add (tracks, g_strdup (value));
    }
  if (info->track_names == NULL && tracks->len > 0)
    {
      g_ptr_array_add (tracks, NULL);
      info->track_names = (char **) g_ptr_array_steal (tracks, NULL);
    }
}

static char *
fixed_string (const guint8 *p,
              gsize         len)
{
  char *s = g_strndup ((const char *) p, len);
  if (!g_utf8_validate (s, -1, NULL))
    {
      char *valid = g_utf8_make_valid (s, -1);
      g_free (s);
      s = valid;
    }
  return g_strstrip (s);
}

/* One chunk's body (size bytes, NUL-terminated at size). */
static void
read_chunk (CrBwfInfo     *info,
            const guint8  *id,
            const guint8  *body,
            guint32        size,
            char         **bext_description)
{
  if (memcmp (id, "fmt ", 4) == 0 && size >= 8)
    info->sample_rate = (int) MIN (le32 (body + 4), (guint32) G_MAXINT);
  else if (memcmp (id, "iXML", 4) == 0 && !info->has_ixml)
    {
      info->ixml = g_bytes_new (body, size);
      read_ixml (info, (const char *) body, strlen ((const char *) body));
    }
  else if (memcmp (id, "bext", 4) == 0 && size >= BEXT_TIME_REF + 8 && !info->has_bext)
    {
      /* Unsigned: a reference of 2^63 or more is no time of day, and shifting it into a
       * signed integer would overflow. */
      guint64 reference = (guint64) le32 (body + BEXT_TIME_REF)
                          | ((guint64) le32 (body + BEXT_TIME_REF + 4) << 32);

      info->has_bext = TRUE;
      *bext_description = fixed_string (body, 256);
      info->originator = fixed_string (body + 256, 32);
      info->time_reference = reference <= G_MAXINT64 ? (gint64) reference : -1;
    }
}

static gboolean
is_text_chunk (const guint8 *id)
{
  return memcmp (id, "bext", 4) == 0 || memcmp (id, "iXML", 4) == 0 || memcmp (id, "fmt ", 4) == 0;
}

static void
finish (CrBwfInfo *info,
        char      *bext_description)
{
  /* iXML first (read above), then bext's description fills what iXML left out. */
  if (bext_description != NULL)
    read_bext_description (info, bext_description);
  if (info->originator != NULL && *info->originator == '\0')
    g_clear_pointer (&info->originator, g_free);
}

static gboolean
is_wave (const guint8 *header)
{
  return (memcmp (header, "RIFF", 4) == 0 || memcmp (header, "RF64", 4) == 0)
         && memcmp (header + 8, "WAVE", 4) == 0;
}

static void
file_close (FILE *f)
{
  fclose (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FILE, file_close)

gboolean
cr_bwf_read (const char  *path,
             CrBwfInfo   *info,
             GError     **error)
{
  g_autoptr(FILE) f = g_fopen (path, "rb");
  g_autofree char *bext_description = NULL;
  guint8 header[12];

  memset (info, 0, sizeof *info);
  info->time_reference = -1;
  if (f == NULL)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO, "%s: %s", name, g_strerror (saved));
      return FALSE;
    }
  if (fread (header, 1, sizeof header, f) != sizeof header || !is_wave (header))
    return FALSE;

  for (int n = 0; n < MAX_CHUNKS; n++)
    {
      guint8 chunk[8];
      guint32 size;
      g_autofree guint8 *body = NULL;

      if (fread (chunk, 1, 8, f) != 8)
        break;
      size = le32 (chunk + 4);
      if (is_text_chunk (chunk))
        {
          if (size > MAX_TEXT_CHUNK)
            break;
          body = g_malloc0 (size + 1);
          if (fread (body, 1, size, f) != size)
            break;
          if (size & 1)
            fseeko (f, 1, SEEK_CUR);
          read_chunk (info, chunk, body, size, &bext_description);
          continue;
        }
      /* RF64 keeps the real data size in ds64; a data chunk of 0xFFFFFFFF ends the walk. */
      if (size == 0xFFFFFFFF || fseeko (f, (off_t) size + (size & 1), SEEK_CUR) != 0)
        break;
    }
  finish (info, bext_description);
  return TRUE;
}

gboolean
cr_bwf_read_bytes (const guint8 *data,
                   gsize         len,
                   CrBwfInfo    *info)
{
  g_autofree char *bext_description = NULL;
  gsize pos = 12;

  memset (info, 0, sizeof *info);
  info->time_reference = -1;
  if (len < 12 || !is_wave (data))
    return FALSE;

  for (int n = 0; n < MAX_CHUNKS && len - pos >= 8; n++)
    {
      const guint8 *chunk = data + pos;
      guint32 size = le32 (chunk + 4);

      pos += 8;
      if (size == 0xFFFFFFFF || size > len - pos)
        break;
      if (is_text_chunk (chunk) && size <= MAX_TEXT_CHUNK)
        {
          /* A copy: the readers want the body NUL-terminated. */
          g_autofree guint8 *body = g_malloc0 ((gsize) size + 1);

          memcpy (body, data + pos, size);
          read_chunk (info, chunk, body, size, &bext_description);
        }
      pos += size + (size & 1);
      if (pos > len)
        break;
    }
  finish (info, bext_description);
  return TRUE;
}

void
cr_bwf_info_clear (CrBwfInfo *info)
{
  g_clear_pointer (&info->originator, g_free);
  g_clear_pointer (&info->scene, g_free);
  g_clear_pointer (&info->take, g_free);
  g_clear_pointer (&info->tape, g_free);
  g_clear_pointer (&info->project, g_free);
  g_clear_pointer (&info->note, g_free);
  g_clear_pointer (&info->track_names, g_strfreev);
  g_clear_pointer (&info->rate_warning, g_free);
  g_clear_pointer (&info->ixml, g_bytes_unref);
}
