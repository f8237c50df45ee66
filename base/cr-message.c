/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-message"

#include "config.h"

#include "cr-message.h"

/* Characters that change how a terminal shows the rest of the line: C0 and C1 controls, and
 * the bidirectional overrides that can make a name read backwards. */
static gboolean
is_hidden_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x80 && is_hidden_control (c))
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_hidden_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
}

char *
cr_message_text (const char *text,
                 gsize       max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong n;
  glong head, tail;
  const char *head_end, *tail_start;
  GString *cut;

  append_escaped (out, text ? text : "");
  n = g_utf8_strlen (out->str, out->len);
  if (max_chars == 0 || (gsize) n <= max_chars)
    return g_string_free (g_steal_pointer (&out), FALSE);

  /* The start says what it is and the end often says why: keep both. */
  head = (glong) (max_chars * 3 / 4);
  tail = (glong) max_chars / 4;
  head_end = g_utf8_offset_to_pointer (out->str, head);
  tail_start = g_utf8_offset_to_pointer (out->str, n - tail);
  cut = g_string_new_len (out->str, head_end - out->str);
  g_string_append_printf (cut, "…[%ld characters left out]…", n - head - tail);
  g_string_append (cut, tail_start);
  return g_string_free (cut, FALSE);
}

char *
cr_text_make_valid (const char *text)
{
  GString *out;
  const char *p = text ? text : "";

  if (g_utf8_validate (p, -1, NULL))
    return g_strdup (p);
  out = g_string_new (NULL);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
