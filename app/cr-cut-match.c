/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut"

#include "config.h"

#include <string.h>

#include "cr-cut-match.h"
#include "cr-cut-sources.h"
#include "cr-edl.h"
#include "cr-store.h"

static char *
stem (const char *name)
{
  const char *dot = strrchr (name, '.');
  return dot && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
}

/* Every run of spaces and control characters as one space, none at the ends: an EDL writes a
 * newline or tab in a file name as a space. */
static char *
normalise_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Catalogued clip for an imported source: same path, else same file name, else the same
 * name without extension (spaces normalised in both), else the same EDL reel name. */
gint64
cr_cut_match_clip (CrDb                   *db,
                   const CrTimelineSource *source)
{
  const char *name = cr_timeline_source_get_name (source);
  g_autofree char *name_stem = name ? stem (name) : NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(CrTimeline) reels_of = NULL;
  g_auto(GStrv) reels = NULL;
  g_autofree char *spaced = name ? normalise_space (name) : NULL;
  g_autofree char *spaced_stem = spaced ? stem (spaced) : NULL;
  gint64 id;

  if ((id = cr_clip_find_by_path (db, source->path)) || (id = cr_clip_find_by_name (db, name)))
    return id;
  if (name == NULL || !(clips = cr_store_list (db, &cr_entity_clip, NULL, NULL)))
    return 0;

  /* Reel names are derived from all the clips' names together, as the EDL writer does. */
  reels_of = cr_timeline_new ("reels", (CrRate) { 25, 1 }, FALSE, 16, 16);
  for (guint i = 0; i < clips->len; i++)
    {
      CrRecord *clip = g_ptr_array_index (clips, i);
      g_autofree char *clip_stem = stem (cr_record_get (clip, "name"));

      g_autofree char *clip_name = normalise_space (cr_record_get (clip, "name"));
      g_autofree char *clip_name_stem = stem (clip_name);

      if (g_ascii_strcasecmp (clip_stem, name_stem) == 0 || g_ascii_strcasecmp (clip_stem, name) == 0 ||
          g_ascii_strcasecmp (clip_name, spaced) == 0 || g_ascii_strcasecmp (clip_name_stem, spaced_stem) == 0)
        return clip->id;
      cr_timeline_add_source (reels_of, cr_record_get (clip, "path"), cr_record_get (clip, "name"),
                              (CrRate) { 25, 1 }, FALSE, 0, 1, TRUE, 0);
    }
  reels = cr_edl_reel_names (reels_of);
  for (guint i = 0; reels && reels[i]; i++)
    if (g_ascii_strcasecmp (reels[i], name) == 0)
      return ((CrRecord *) g_ptr_array_index (clips, i))->id;
  return 0;
}
