/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-doc"

#include "config.h"

#include "cr-doc-shotlist.h"

char *
cr_doc_format_duration (guint seconds)
{
  if (seconds == 0)
    return g_strdup ("");
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static guint
count_done (const CrShotRow *shots,
            guint            n_shots,
            guint           *seconds)
{
  guint done = 0;

  *seconds = 0;
  for (guint i = 0; i < n_shots; i++)
    {
      /* A dropped shot will not be filmed: it takes no time on the day. */
      if (g_strcmp0 (shots[i].status, "dropped") != 0)
        *seconds += shots[i].duration;
      done += shots[i].done ? 1 : 0;
    }
  return done;
}

void
cr_doc_shotlist_add_table (CrDoc           *doc,
                           const char      *caption,
                           const CrShotRow *shots,
                           guint            n_shots,
                           gboolean         with_participants,
                           gboolean         totals)
{
  /* Narrow fixed columns for the short codes; the description takes what is left. */
  const CrDocColumn all[] = {
    { "", 16, CR_DOC_ALIGN_CENTER, CR_DOC_CELL_TICK },
    { "No.", 30, CR_DOC_ALIGN_START, CR_DOC_CELL_TEXT, TRUE },
    { "Type", 60, CR_DOC_ALIGN_START },
    { "Size", 34, CR_DOC_ALIGN_START },
    { "Movement", 54, CR_DOC_ALIGN_START },
    { "Lens", 34, CR_DOC_ALIGN_START },
    { "Description", 0, CR_DOC_ALIGN_START },
    { "Participants", 70, CR_DOC_ALIGN_START },
    { "Est.", 40, CR_DOC_ALIGN_END },
    { "Priority", 42, CR_DOC_ALIGN_START },
    { "Status", 46, CR_DOC_ALIGN_START },
  };
  CrDocColumn columns[G_N_ELEMENTS (all)];
  guint n_columns = 0;
  CrDocTable *table;

  /* The shot list (with totals) says each shot's priority; a call sheet's day table stays narrow. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if ((with_participants || !g_str_equal (all[i].title, "Participants")) &&
        (totals || !g_str_equal (all[i].title, "Priority")))
      columns[n_columns++] = all[i];
  table = cr_doc_add_table (doc, CR_DOC_TABLE_GRID, columns, n_columns, caption);

  for (guint i = 0; i < n_shots; i++)
    {
      const CrShotRow *shot = &shots[i];
      g_autofree char *duration = cr_doc_format_duration (shot->duration);
      const char *cells[G_N_ELEMENTS (all)];
      guint n = 0;

      cells[n++] = shot->done ? "x" : NULL;
      cells[n++] = shot->number;
      cells[n++] = shot->type;
      cells[n++] = shot->size;
      cells[n++] = shot->movement;
      cells[n++] = shot->lens;
      cells[n++] = shot->description;
      if (with_participants)
        cells[n++] = shot->participants;
      cells[n++] = duration;
      if (totals)
        cells[n++] = shot->priority ? shot->priority : "normal";
      cells[n++] = shot->status;
      cr_doc_table_add_row (table, CR_DOC_ROW_NORMAL, cells);
    }
  if (totals)
    {
      guint seconds;
      guint done = count_done (shots, n_shots, &seconds);
      g_autofree char *duration = cr_doc_format_duration (seconds);
      g_autofree char *summary = g_strdup_printf ("%u %s, %u done", n_shots,
                                                  n_shots == 1 ? "shot" : "shots", done);
      const char *cells[G_N_ELEMENTS (all)] = { NULL };

      cells[1] = "Total";
      cells[6] = summary;
      cells[n_columns - 3] = duration;   /* Est., before Priority and Status */
      cr_doc_table_add_row (table, CR_DOC_ROW_TOTAL, cells);
    }
}

CrDoc *
cr_doc_shotlist_build (const CrShotList   *list,
                       const CrDocOptions *options)
{
  g_autofree char *doc_name = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *shots_text = NULL;
  g_autofree char *done_text = NULL;
  guint n_shots = 0, n_done = 0, seconds = 0;
  CrDoc *doc;

  for (guint g = 0; g < list->n_groups; g++)
    {
      guint group_seconds;

      n_shots += list->groups[g].n_shots;
      n_done += count_done (list->groups[g].shots, list->groups[g].n_shots, &group_seconds);
      seconds += group_seconds;
    }
  doc_name = list->grouped_by ? g_strdup_printf ("Shot list · by %s", list->grouped_by)
                              : g_strdup ("Shot list");
  doc = cr_doc_new (options, list->title, doc_name);
  cr_doc_set_footer_note (doc, "Tick each shot as it is captured.");
  cr_doc_add_title (doc, "Shot list", list->title, NULL, FALSE);

  shots_text = g_strdup_printf ("%u", n_shots);
  done_text = g_strdup_printf ("%u of %u", n_done, n_shots);
  total_text = seconds ? cr_doc_format_duration (seconds) : g_strdup ("—");
  cr_doc_add_facts (doc, (const char *[]) {
    "Shots", shots_text,
    "Captured", done_text,
    "Estimated time (m:s)", total_text,
    "Grouped by", list->grouped_by ? list->grouped_by : "—",
    NULL });

  if (n_shots == 0)
    cr_doc_add_paragraph (doc, "No shots are planned yet.");
  for (guint g = 0; g < list->n_groups; g++)
    {
      const CrShotGroup *group = &list->groups[g];

      if (group->n_shots == 0)
        continue;
      cr_doc_add_heading (doc, group->name);
      cr_doc_shotlist_add_table (doc, group->name, group->shots, group->n_shots, TRUE, TRUE);
    }
  return doc;
}

gboolean
cr_doc_shotlist_write_pdf (const CrShotList   *list,
                           const CrDocOptions *options,
                           const char         *path,
                           GError            **error)
{
  g_autoptr(CrDoc) doc = cr_doc_shotlist_build (list, options);

  return cr_doc_write_pdf (doc, path, error);
}
