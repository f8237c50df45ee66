/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* A streamed JSON writer (media/ internal), for files too big to build as a json-glib tree: a
 * JsonBuilder tree of a 10,000-event OTIO cut costs over a second in node allocations, and
 * json-glib's generator prints doubles with 17 digits (29.970029970029969) where OTIO and Python
 * print the shortest text that reads back as the same double (29.97002997002997).
 * Layout: one member or element per line, "key": value, `indent` spaces per level (0: none). */

typedef struct
{
  GString *out;
  guint    indent;     /* spaces per level */
  guint    depth;
  guint64  nonempty;   /* bit d: the container at depth d has a member already */
} CrJsonWriter;

/* GLib 2.74's g_string_append_len is an out-of-line call with overlap checks; a 10,000-event cut
 * makes three million of them, so the common case (room left) is a memcpy here. */
static inline void
cr_string_put (GString    *out,
               const char *text,
               gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

#define CR_STRING_PUT(out, literal) cr_string_put ((out), "" literal, sizeof (literal) - 1)

void  cr_json_writer_init       (CrJsonWriter *w,
                                 GString      *out,
                                 guint         indent);
/* '{' or '[' ... '}' or ']'; at most 63 levels. */
void  cr_json_open              (CrJsonWriter *w,
                                 char          bracket);
void  cr_json_close             (CrJsonWriter *w,
                                 char          bracket);
/* Before an array element: the comma and the line break. */
void  cr_json_next              (CrJsonWriter *w);
/* A member's name (our own constants: not escaped), ready for its value. */
void  cr_json_key               (CrJsonWriter *w,
                                 const char   *name);
/* Members: a string (NULL: null), a literal (true, 25.0 ...), an integer. */
void  cr_json_string            (CrJsonWriter *w,
                                 const char   *name,
                                 const char   *value);
void  cr_json_literal           (CrJsonWriter *w,
                                 const char   *name,
                                 const char   *literal);
void  cr_json_int               (CrJsonWriter *w,
                                 const char   *name,
                                 gint64        value);

/* Values on their own. */
void  cr_json_append_string     (GString      *out,
                                 const char   *text);
void  cr_json_append_int        (GString      *out,
                                 gint64        value);
/* The shortest of %.15g, %.16g, %.17g that reads back as the same double; whole numbers as "25.0". */
void  cr_json_append_double     (GString      *out,
                                 double        value);

G_END_DECLS
