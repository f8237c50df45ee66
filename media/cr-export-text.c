/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-export"

#include "config.h"

#include <string.h>

#include "cr-export-text.h"
#include "cr-message.h"
#include "cr-timeline.h"

void
cr_xml_append_escaped (GString    *out,
                       const char *text,
                       gboolean    attribute)
{
  const char *p;

  if (text == NULL)
    return;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, attribute ? "&quot;" : "\""); break;
        case '\'': g_string_append (out, attribute ? "&apos;" : "'"); break;
        case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
}

void
cr_csv_append_field (GString    *out,
                     const char *text)
{
  gsize len;
  const char *p;

  if (text == NULL)
    return;

  len = strlen (text);
  if (strpbrk (text, ",\"\r\n") == NULL &&
      (len == 0 || (text[0] != ' ' && text[len - 1] != ' ')))
    {
      g_string_append_len (out, text, len);
      return;
    }

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cr_text_append_one_line (GString    *out,
                         const char *text)
{
  const char *p;

  if (text == NULL)
    return;

  for (p = text; *p != '\0'; p++)
    g_string_append_c (out, ((guchar) *p < 0x20 || *p == 0x7f) ? ' ' : *p);
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a < 0 ? -a : a;
}

void
cr_append_rational_time (GString *out,
                         gint64   num,
                         gint64   den)
{
  gint64 g;

  g_return_if_fail (den > 0);

  if (num == 0)
    {
      g_string_append (out, "0s");
      return;
    }

  g = gcd64 (num, den);
  num /= g;
  den /= g;
  if (den == 1)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "s", num);
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "s", num, den);
}

void
cr_append_frames_time (GString *out,
                       gint64   frames,
                       CrRate   rate)
{
  cr_append_rational_time (out, frames * rate.den, rate.num);
}

void
cr_append_timecode (GString                *out,
                    gint64                  frames,
                    const CrTimecodeFormat *fmt)
{
  char label[CR_TIMECODE_MAX_LEN];

  cr_timecode_format_into (frames, fmt, label);
  g_string_append (out, label);
}

char *
cr_path_to_file_url (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = cr_text_for_message (path);
  char *url;

  if (path == NULL || !g_path_is_absolute (path))
    {
      g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                   "Source path “%s” is not absolute, so it cannot be written as a file URL", shown);
      return NULL;
    }

  url = g_filename_to_uri (path, NULL, &local_error);
  if (url == NULL)
    g_set_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_INVALID,
                 "Source path “%s”: %s", shown, local_error->message);
  return url;
}

double
cr_rate_to_double (CrRate rate)
{
  return (double) rate.num / (double) rate.den;
}

char *
cr_text_for_message (const char *text)
{
  return cr_message_text (text, CR_MESSAGE_MAX_VALUE);
}
