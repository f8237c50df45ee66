/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include <string.h>

#include "cr-cut-private.h"
#include "cr-render.h"

/* How a person may be named on screen: as their consent's naming level allows, and never a
 * minor's surname. NULL: not at all. */
static char *
screen_name (const CrClearance *row)
{
  const char *space;

  if (row->participant == NULL || row->problem != NULL || row->naming == NULL ||
      g_str_equal (row->naming, "anonymous"))
    return NULL;
  space = strchr (row->participant, ' ');
  if (space && (row->minor || g_str_equal (row->naming, "first-name")))
    return g_strndup (row->participant, space - row->participant);
  return g_strdup (row->participant);
}

static GPtrArray *
captions_for (const CrTimeline *timeline,
              GPtrArray        *rows)
{
  GPtrArray *captions = g_ptr_array_new_with_free_func (g_free);

  for (guint e = 0; e < timeline->events->len; e++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      /* The cut's number of the event: sound tracks' events are numbered among them. */
      guint number = cr_timeline_get_event (timeline, e)->position > 0 ? cr_timeline_get_event (timeline, e)->position
                                                                          : e + 1;

      for (guint i = 0; i < rows->len; i++)
        {
          CrClearance *row = g_ptr_array_index (rows, i);
          g_autofree char *name = row->event == number ? screen_name (row) : NULL;

          if (name)
            g_string_append_printf (text, "%s%s", text->len ? ", " : "", name);
        }
      g_ptr_array_add (captions, text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL);
    }
  return captions;
}

gboolean
cr_cut_render (CrDb                 *db,
               gint64                cut,
               const char           *path,
               const CrCutRenderOptions *options,
               void                (*progress) (gint64, gint64, gpointer),
               gpointer              user_data,
               GCancellable         *cancellable,
               GPtrArray           **clearance,
               GError              **error)
{
  g_autoptr(CrTimeline) timeline = cr_cut_build_timeline (db, cut, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) captions = NULL;
  g_autoptr(CrOutput) report = NULL;
  CrRenderOptions render = { 0 };
  CrCutPlacing hook = { options->placing, options->placing_data, NULL };

  if (timeline == NULL ||
      !cr_cut_clear_for_output (db, cut, timeline, path, options->channel, options->allow_unconsented, &rows,
                                &report, error))
    {
      if (clearance && rows)
        *clearance = g_steal_pointer (&rows);
      return FALSE;
    }
  if (cr_timeline_count_all_events (timeline) == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: the cut has no events to render", path);
      return FALSE;
    }
  render.burn_timecode = options->burn_timecode;
  if (options->burn_names)
    {
      captions = captions_for (timeline, rows);
      render.captions = (const char * const *) captions->pdata;
      render.n_captions = captions->len;
    }
  if (clearance)
    *clearance = g_ptr_array_ref (rows);
  if (options->placing != NULL)
    {
      hook.clearance = rows;
      render.placing = cr_cut_placing_cb;
      render.placing_data = &hook;
    }
  /* The report goes in place with the review copy, not before: a Stop leaves both as they were. */
  return cr_render_timeline (timeline, &render, path, progress, user_data, cancellable, error) &&
         cr_output_commit (report, error) &&
         cr_cut_log_delivery (db, cut, path, "render", "mp4", options->channel, rows, error);
}
