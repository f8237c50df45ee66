/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-docx"

#include "config.h"

#include <string.h>
#include <zip.h>

#include "cr-output.h"
#include "cr-writing.h"

/* The smallest package Word, LibreOffice and pandoc all open: content types, the package's
 * relationships, the document and the styles it names (built-in names, so that a funder's
 * template maps them onto its own headings when pasted). */

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
  " Target=\"word/document.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
  " Target=\"styles.xml\"/>"
  "</Relationships>";

#define STYLE(id, name, props) \
  "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" props "</w:style>"

static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
  "<w:pPr><w:spacing w:after=\"160\"/></w:pPr><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:style>"
  STYLE ("Title", "Title", "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:sz w:val=\"48\"/></w:rPr>")
  STYLE ("Heading1", "heading 1", "<w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
         "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr>")
  STYLE ("Heading2", "heading 2", "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
         "<w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr>")
  STYLE ("Heading3", "heading 3", "<w:pPr><w:keepNext/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/></w:rPr>")
  STYLE ("Quote", "Quote", "<w:pPr><w:ind w:left=\"720\" w:right=\"720\"/></w:pPr><w:rPr><w:i/></w:rPr>")
  STYLE ("Attribution", "Attribution", "<w:pPr><w:ind w:left=\"720\"/><w:jc w:val=\"right\"/></w:pPr>")
  STYLE ("ListBullet", "List Bullet", "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>")
  "</w:styles>";

/* XML 1.0 has no place for most control characters: they become spaces. */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  for (const char *p = escaped; *p; p++)
    g_string_append_c (out, (guchar) *p < 0x20 ? ' ' : *p);
}

static char *
document_xml (const CrWriting *writing)
{
  static const char *style[] = {
    [CR_WRITING_TITLE] = "Title", [CR_WRITING_HEADING] = "Heading1", [CR_WRITING_SUBHEADING] = "Heading2",
    [CR_WRITING_PARAGRAPH] = "Normal", [CR_WRITING_QUOTE] = "Quote", [CR_WRITING_ATTRIBUTION] = "Attribution",
    [CR_WRITING_ITEM] = "ListBullet",
  };
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                               "<w:body>");

  for (guint i = 0; i < writing->blocks->len; i++)
    {
      const CrWritingBlock *b = g_ptr_array_index (writing->blocks, i);

      g_string_append_printf (out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr><w:r><w:t xml:space=\"preserve\">",
                              style[b->kind]);
      if (b->kind == CR_WRITING_ITEM)
        g_string_append (out, "• ");
      else if (b->kind == CR_WRITING_ATTRIBUTION)
        g_string_append (out, "— ");
      append_xml_text (out, b->text);
      g_string_append (out, "</w:t></w:r></w:p>");
    }
  g_string_append (out, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                        "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\""
                        " w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
  return g_string_free (out, FALSE);
}

static gboolean
add_part (zip_t       *zip,
          const char  *name,
          const char  *data)
{
  zip_source_t *source = zip_source_buffer (zip, data, strlen (data), 0);

  if (source == NULL)
    return FALSE;
  if (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8) < 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  return TRUE;
}

/* The zip as bytes, built in memory: a DOCX is small, and the bytes then go to disk the way
 * every other output does (temp file, flush, rename). NULL with @message set on failure. */
static GBytes *
zip_bytes (const char  *document,
           char       **message)
{
  zip_error_t zerror;
  zip_source_t *buffer;
  zip_stat_t stat;
  zip_t *zip;
  GBytes *bytes = NULL;
  guint8 *data;

  zip_error_init (&zerror);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zerror);
  zip = buffer ? zip_open_from_source (buffer, ZIP_TRUNCATE, &zerror) : NULL;
  if (zip == NULL)
    {
      if (buffer)
        zip_source_free (buffer);
      goto out;
    }
  zip_source_keep (buffer);
  /* [Content_Types].xml first, as readers that stream the zip expect. */
  if (!add_part (zip, "[Content_Types].xml", content_types) ||
      !add_part (zip, "_rels/.rels", package_rels) ||
      !add_part (zip, "word/_rels/document.xml.rels", document_rels) ||
      !add_part (zip, "word/styles.xml", styles) ||
      !add_part (zip, "word/document.xml", document) ||
      zip_close (zip) != 0)
    {
      zip_error_set (&zerror, zip_error_code_zip (zip_get_error (zip)),
                     zip_error_code_system (zip_get_error (zip)));
      zip_discard (zip);
      zip_source_free (buffer);
      goto out;
    }
  if (zip_source_stat (buffer, &stat) != 0 || zip_source_open (buffer) != 0)
    {
      zip_error_set (&zerror, ZIP_ER_INTERNAL, 0);
      zip_source_free (buffer);
      goto out;
    }
  data = g_malloc (MAX (stat.size, 1));
  if (zip_source_read (buffer, data, stat.size) != (zip_int64_t) stat.size)
    {
      zip_error_set (&zerror, ZIP_ER_READ, 0);
      g_free (data);
    }
  else
    bytes = g_bytes_new_take (data, stat.size);
  zip_source_close (buffer);
  zip_source_free (buffer);

out:
  if (bytes == NULL)
    *message = g_strdup (zip_error_strerror (&zerror));
  zip_error_fini (&zerror);
  return bytes;
}

gboolean
cr_writing_save_docx (const CrWriting  *writing,
                      const char       *path,
                      GError          **error)
{
  g_autofree char *message = NULL;
  /* The zip reads the parts when it is closed: the document lives until then. */
  g_autofree char *document = document_xml (writing);
  g_autoptr(GBytes) bytes = zip_bytes (document, &message);
  gsize len;
  const void *data;

  if (bytes == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: not written: %s", path, message);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &len);
  return cr_output_write_file (path, data, len, 0644, error);
}
