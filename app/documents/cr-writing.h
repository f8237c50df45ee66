/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A written document as a list of blocks, for the quotes and the case-study draft: written
 * as Markdown, HTML or Word (.docx) so that it can be pasted into a funder's template. */

typedef enum
{
  CR_WRITING_TITLE,
  CR_WRITING_HEADING,
  CR_WRITING_SUBHEADING,
  CR_WRITING_PARAGRAPH,
  CR_WRITING_QUOTE,
  CR_WRITING_ATTRIBUTION,    /* who said the quote before it */
  CR_WRITING_ITEM,           /* a bullet */
} CrWritingKind;

typedef struct
{
  CrWritingKind  kind;
  char          *text;
} CrWritingBlock;

typedef struct
{
  GPtrArray *blocks;
} CrWriting;

CrWriting *cr_writing_new         (void);
void       cr_writing_free        (CrWriting *writing);
void       cr_writing_add         (CrWriting *writing, CrWritingKind kind, const char *format, ...)
                                   G_GNUC_PRINTF (3, 4);

char      *cr_writing_to_markdown (const CrWriting *writing);
char      *cr_writing_to_html     (const CrWriting *writing);
/* The .docx package (Office Open XML, a zip), written to path through a temporary file. */
gboolean   cr_writing_save_docx   (const CrWriting *writing, const char *path, GError **error);
/* By the file's extension: .md, .html (or .htm), .docx. */
gboolean   cr_writing_save        (const CrWriting *writing, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrWriting, cr_writing_free)

G_END_DECLS
