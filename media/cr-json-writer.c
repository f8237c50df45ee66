/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cr-json-writer.h"

void
cr_json_writer_init (CrJsonWriter *w,
                     GString      *out,
                     guint         indent)
{
  w->out = out;
  w->indent = indent;
  w->depth = 0;
  w->nonempty = 0;
}

static void
json_newline (CrJsonWriter *w)
{
  /* A newline and its indent in one append. */
  static const char indent[] = "\n                                                                "
                               "                                                                ";

  cr_string_put (w->out, indent, 1 + MIN (w->indent * w->depth, sizeof indent - 2));
}

/* Before a member or an element: the comma and the line break. */
void
cr_json_next (CrJsonWriter *w)
{
  if (w->nonempty & (G_GUINT64_CONSTANT (1) << w->depth))
    g_string_append_c (w->out, ',');
  w->nonempty |= G_GUINT64_CONSTANT (1) << w->depth;
  json_newline (w);
}

void
cr_json_open (CrJsonWriter *w,
              char          bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  g_assert (w->depth < 64);
  w->nonempty &= ~(G_GUINT64_CONSTANT (1) << w->depth);
}

void
cr_json_close (CrJsonWriter *w,
               char          bracket)
{
  gboolean nonempty = (w->nonempty & (G_GUINT64_CONSTANT (1) << w->depth)) != 0;

  w->depth--;
  if (nonempty)
    json_newline (w);
  g_string_append_c (w->out, bracket);
}

void
cr_json_append_string (GString    *out,
                       const char *text)
{
  const char *p = text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const char *run = p;
      guchar c;

      /* Copy the run of characters that need no escape in one go. */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        p++;
      cr_string_put (out, run, p - run);
      if (c == '\0')
        break;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* Keys are our own constants: nothing in them needs escaping. */
void
cr_json_key (CrJsonWriter *w,
             const char   *name)
{
  cr_json_next (w);
  g_string_append_c (w->out, '"');
  cr_string_put (w->out, name, strlen (name));
  CR_STRING_PUT (w->out, "\": ");
}

void
cr_json_append_int (GString *out,
                    gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  /* printf is the slowest part of writing 10,000 clips' worth of times. */
  do
    {
      *--p = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  if (value < 0)
    *--p = '-';
  cr_string_put (out, p, buf + sizeof buf - p);
}

void
cr_json_string (CrJsonWriter *w,
                const char   *name,
                const char   *value)
{
  cr_json_key (w, name);
  if (value != NULL)
    cr_json_append_string (w->out, value);
  else
    CR_STRING_PUT (w->out, "null");
}

void
cr_json_literal (CrJsonWriter *w,
                 const char   *name,
                 const char   *literal)
{
  cr_json_key (w, name);
  cr_string_put (w->out, literal, strlen (literal));
}

void
cr_json_int (CrJsonWriter *w,
             const char   *name,
             gint64        value)
{
  cr_json_key (w, name);
  cr_json_append_int (w->out, value);
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double; whole numbers as "25.0". */
void
cr_json_append_double (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  guint i;

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT ".0", (gint64) value);
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}
