/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-case-study"

#include "config.h"

#include "cr-case-study.h"
#include "cr-store.h"

void
cr_case_study_section_free (CrCaseStudySection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_clear_pointer (&section->questions, g_array_unref);
  g_free (section);
}

GPtrArray *
cr_case_study_default_sections (void)
{
  static const char *headings[] = { "The challenge", "What we did", "What changed", "What's next" };
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_case_study_section_free);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      CrCaseStudySection *s = g_new0 (CrCaseStudySection, 1);
      s->heading = g_strdup (headings[i]);
      g_ptr_array_add (sections, s);
    }
  return sections;
}

/* Each section's questions: given, or by topic, then the rest shared out in order. */
static GPtrArray *
assign_questions (CrDb       *db,
                  GPtrArray  *sections,
                  GError    **error)
{
  g_autoptr(GPtrArray) questions = cr_store_list (db, &cr_entity_question, NULL, error);
  g_autoptr(GPtrArray) assigned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) open_sections = g_array_new (FALSE, FALSE, sizeof (guint));

  if (questions == NULL)
    return NULL;
  for (guint s = 0; s < sections->len; s++)
    {
      const CrCaseStudySection *section = g_ptr_array_index (sections, s);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (section->questions)
        g_array_append_vals (ids, section->questions->data, section->questions->len);
      else
        {
          g_array_append_val (open_sections, s);
          for (guint q = 0; q < questions->len; q++)
            {
              const CrRecord *question = g_ptr_array_index (questions, q);
              const char *topic = cr_record_get (question, "topic");
              if (topic && g_utf8_collate (topic, section->heading) == 0)
                g_array_append_val (ids, question->id);
            }
        }
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (taken, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
      g_ptr_array_add (assigned, ids);
    }
  for (guint q = 0; q < questions->len; q++)
    {
      const CrRecord *question = g_ptr_array_index (questions, q);
      if (!g_hash_table_contains (taken, &question->id))
        g_array_append_val (rest, question->id);
    }
  /* Quotes that answer no question (0) come last. */
  {
    gint64 none = 0;
    g_array_append_val (rest, none);
  }
  /* Shared out over the sections that were not given their questions. */
  for (guint i = 0; i < rest->len && open_sections->len; i++)
    {
      guint s = g_array_index (open_sections, guint, (guint) ((guint64) i * open_sections->len / rest->len));
      g_array_append_val ((GArray *) g_ptr_array_index (assigned, s), g_array_index (rest, gint64, i));
    }
  return g_steal_pointer (&assigned);
}

gboolean
cr_case_study_write (CrDb                   *db,
                     const CrQuotesOptions  *options,
                     GPtrArray              *sections,
                     gboolean                allow_unconsented,
                     const char             *path,
                     CrQuotes              **result,
                     GError                **error)
{
  g_autoptr(GPtrArray) defaults = sections ? NULL : cr_case_study_default_sections ();
  g_autoptr(CrQuotes) quotes = cr_quotes_gather (db, options, error);
  g_autoptr(CrWriting) writing = cr_writing_new ();
  g_autoptr(CrRecord) production = NULL;
  g_autoptr(GPtrArray) assigned = NULL;
  const char *funder, *description;

  if (quotes == NULL)
    return FALSE;
  if (quotes->left_out->len && !allow_unconsented)
    {
      cr_quotes_refuse (quotes, path, error);
      return FALSE;
    }
  if (sections == NULL)
    sections = defaults;
  if (!(production = cr_store_get (db, &cr_entity_production, 1, error)) ||
      !(assigned = assign_questions (db, sections, error)))
    return FALSE;
  funder = cr_record_get (production, "funder");
  description = cr_record_get (production, "description");
  cr_writing_add (writing, CR_WRITING_TITLE, "%s", cr_record_get (production, "title"));
  if (funder && *funder)
    cr_writing_add (writing, CR_WRITING_PARAGRAPH, "Funder: %s", funder);
  if (description && *description)
    cr_writing_add (writing, CR_WRITING_PARAGRAPH, "%s", description);
  for (guint s = 0; s < sections->len; s++)
    {
      const CrCaseStudySection *section = g_ptr_array_index (sections, s);
      GArray *ids = g_ptr_array_index (assigned, s);
      guint before = writing->blocks->len;

      cr_writing_add (writing, CR_WRITING_HEADING, "%s", section->heading);
      if (ids->len)
        cr_quotes_add_quotes (quotes, writing, CR_WRITING_SUBHEADING, ids);
      if (writing->blocks->len == before + 1)
        cr_writing_add (writing, CR_WRITING_PARAGRAPH, "[No quotes chosen for this section yet.]");
    }
  cr_quotes_add_left_out (quotes, writing);
  if (!cr_writing_save (writing, path, error))
    return FALSE;
  if (result)
    *result = g_steal_pointer (&quotes);
  return TRUE;
}
