/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-writing"

#include "config.h"

#include <string.h>

#include "cr-db.h"
#include "cr-doc-page.h"
#include "cr-writing.h"

static void
block_free (CrWritingBlock *block)
{
  g_free (block->text);
  g_free (block);
}

CrWriting *
cr_writing_new (void)
{
  CrWriting *writing = g_new0 (CrWriting, 1);

  writing->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return writing;
}

void
cr_writing_free (CrWriting *writing)
{
  if (writing == NULL)
    return;
  g_ptr_array_unref (writing->blocks);
  g_free (writing);
}

void
cr_writing_add (CrWriting     *writing,
                CrWritingKind  kind,
                const char    *format,
                ...)
{
  CrWritingBlock *block = g_new0 (CrWritingBlock, 1);
  va_list args;

  va_start (args, format);
  block->kind = kind;
  block->text = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line each: a line break inside would start a new Markdown block. */
  g_strdelimit (block->text, "\r\n\t", ' ');
  g_ptr_array_add (writing->blocks, block);
}

/* Markdown reads *, _, `, [, <, # and friends as markup: written text keeps them literal. */
static void
append_md_text (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("\\`*_{}[]<>#|~", *p) || (p == text && strchr ("+-=", *p)))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      /* "1. " at the start would become a numbered list. */
      if (p == text && g_ascii_isdigit (*p))
        {
          const char *q = p;
          while (g_ascii_isdigit (q[1]))
            g_string_append_c (out, *++q);
          if (q[1] == '.' || q[1] == ')')
            g_string_append_c (out, '\\');
          p = q;
        }
    }
}

char *
cr_writing_to_markdown (const CrWriting *writing)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < writing->blocks->len; i++)
    {
      const CrWritingBlock *b = g_ptr_array_index (writing->blocks, i);
      static const char *prefix[] = {
        [CR_WRITING_TITLE] = "# ", [CR_WRITING_HEADING] = "## ", [CR_WRITING_SUBHEADING] = "### ",
        [CR_WRITING_PARAGRAPH] = "", [CR_WRITING_QUOTE] = "> ", [CR_WRITING_ATTRIBUTION] = "> — ",
        [CR_WRITING_ITEM] = "- ",
      };
      const CrWritingBlock *next = i + 1 < writing->blocks->len ? g_ptr_array_index (writing->blocks, i + 1) : NULL;

      g_string_append (out, prefix[b->kind]);
      append_md_text (out, b->text);
      g_string_append_c (out, '\n');
      /* A quote and its attribution are one block quote; list items run on. */
      if (b->kind == CR_WRITING_QUOTE && next && next->kind == CR_WRITING_ATTRIBUTION)
        g_string_append (out, ">\n");
      else if (!(b->kind == CR_WRITING_ITEM && next && next->kind == CR_WRITING_ITEM))
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
cr_writing_to_html (const CrWriting *writing)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  gboolean in_list = FALSE, in_quote = FALSE;

  for (guint i = 0; i < writing->blocks->len; i++)
    {
      const CrWritingBlock *b = g_ptr_array_index (writing->blocks, i);
      g_autofree char *text = g_markup_escape_text (b->text, -1);

      if (i == 0)
        g_string_append_printf (out, "<title>%s</title>\n</head>\n<body>\n",
                                b->kind == CR_WRITING_TITLE ? text : "Quotes");
      if (in_list && b->kind != CR_WRITING_ITEM)
        g_string_append (out, "</ul>\n");
      if (in_quote && b->kind != CR_WRITING_ATTRIBUTION)
        g_string_append (out, "</blockquote>\n");
      in_list = in_list && b->kind == CR_WRITING_ITEM;
      in_quote = FALSE;
      switch (b->kind)
        {
        case CR_WRITING_TITLE:
          g_string_append_printf (out, "<h1>%s</h1>\n", text);
          break;
        case CR_WRITING_HEADING:
          g_string_append_printf (out, "<h2>%s</h2>\n", text);
          break;
        case CR_WRITING_SUBHEADING:
          g_string_append_printf (out, "<h3>%s</h3>\n", text);
          break;
        case CR_WRITING_PARAGRAPH:
          g_string_append_printf (out, "<p>%s</p>\n", text);
          break;
        case CR_WRITING_QUOTE:
          g_string_append_printf (out, "<blockquote>\n<p>%s</p>\n", text);
          in_quote = TRUE;
          break;
        case CR_WRITING_ATTRIBUTION:
          g_string_append_printf (out, "<footer>— %s</footer>\n</blockquote>\n", text);
          break;
        case CR_WRITING_ITEM:
          if (!in_list)
            g_string_append (out, "<ul>\n");
          in_list = TRUE;
          g_string_append_printf (out, "<li>%s</li>\n", text);
          break;
        }
    }
  if (writing->blocks->len == 0)
    g_string_append (out, "<title>Quotes</title>\n</head>\n<body>\n");
  if (in_list)
    g_string_append (out, "</ul>\n");
  if (in_quote)
    g_string_append (out, "</blockquote>\n");
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

gboolean
cr_writing_save (const CrWriting  *writing,
                 const char       *path,
                 GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *text = NULL;

  if (g_str_has_suffix (lower, ".docx"))
    return cr_writing_save_docx (writing, path, error);
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    text = cr_writing_to_markdown (writing);
  else if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    text = cr_writing_to_html (writing);
  else
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "%s: name the file .md, .html or .docx to say which kind to write", path);
      return FALSE;
    }
  return cr_doc_save_bytes (path, text, strlen (text), error);
}
