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

/* The forms a name is compared in: spaces normalised, with and without its extension;
 * folded to ASCII when asked ("Zoe" for "Zoë", as an EDL written with --ascii has it). */
typedef struct
{
  char *whole;
  char *stem;
} Forms;

static void
forms_init (Forms      *forms,
            const char *name,
            gboolean    fold)
{
  g_autofree char *folded = fold ? g_str_to_ascii (name, "C") : NULL;

  forms->whole = normalise_space (folded ? folded : name);
  forms->stem = stem (forms->whole);
}

static void
forms_clear (Forms *forms)
{
  g_clear_pointer (&forms->whole, g_free);
  g_clear_pointer (&forms->stem, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Forms, forms_clear)

/* "A001.MOV" is the clip A001.MOV, and so are "a001" and "A001.mp4" (a proxy's name). */
static gboolean
forms_equal (const Forms *clip,
             const Forms *wanted)
{
  return g_ascii_strcasecmp (clip->whole, wanted->whole) == 0 ||
         g_ascii_strcasecmp (clip->stem, wanted->stem) == 0 ||
         g_ascii_strcasecmp (clip->stem, wanted->whole) == 0;
}

static gint64
find_by_forms (GPtrArray  *clips,
               const char *wanted,
               gboolean    fold)
{
  g_auto(Forms) want = { 0 };

  if (wanted == NULL || wanted[0] == '\0')
    return 0;
  forms_init (&want, wanted, fold);
  for (guint i = 0; i < clips->len; i++)
    {
      CrRecord *clip = g_ptr_array_index (clips, i);
      g_auto(Forms) have = { 0 };

      forms_init (&have, cr_record_get (clip, "name"), fold);
      if (forms_equal (&have, &want))
        return clip->id;
    }
  return 0;
}

/* The file name at the end of a path, whichever system wrote it (C:\Media\A001.MOV). */
static const char *
path_file_name (const char *path)
{
  const char *slash = path ? strrchr (path, '/') : NULL;
  const char *back = path ? strrchr (path, '\\') : NULL;

  if (path == NULL)
    return NULL;
  if (back != NULL && (slash == NULL || back > slash))
    slash = back;
  return slash ? slash + 1 : path;
}

static gint64
find_by_reel (GPtrArray  *clips,
              const char *name,
              const char *reel)
{
  g_autoptr(CrTimeline) reels_of = cr_timeline_new ("reels", (CrRate) { 25, 1 }, FALSE, 16, 16);
  g_auto(GStrv) reels = NULL;

  /* Reel names are derived from all the clips' names together, as the EDL writer does. */
  for (guint i = 0; i < clips->len; i++)
    {
      CrRecord *clip = g_ptr_array_index (clips, i);
      cr_timeline_add_source (reels_of, cr_record_get (clip, "path"), cr_record_get (clip, "name"),
                              (CrRate) { 25, 1 }, FALSE, 0, 1, TRUE, 0);
    }
  reels = cr_edl_reel_names (reels_of);
  for (guint i = 0; reels && reels[i]; i++)
    if (g_ascii_strcasecmp (reels[i], name) == 0 || (reel && g_ascii_strcasecmp (reels[i], reel) == 0))
      return ((CrRecord *) g_ptr_array_index (clips, i))->id;
  return 0;
}

/* Catalogued clip for an imported source, first found of: the same path; the same name, or
 * without its extension (spaces normalised in both); the same for the file its path names
 * (an OTIO or FCPXML clip is called "Ana interview", its media is A001.MOV); the same EDL reel
 * name; then all of those names folded to ASCII. */
gint64
cr_cut_match_clip (CrDb                   *db,
                   const CrTimelineSource *source)
{
  const char *name = cr_timeline_source_get_name (source);
  const char *file = path_file_name (source->path);
  g_autoptr(GPtrArray) clips = NULL;
  gint64 id;

  if ((id = cr_clip_find_by_path (db, source->path)) || (id = cr_clip_find_by_name (db, name)))
    return id;
  if (name == NULL || !(clips = cr_store_list (db, &cr_entity_clip, NULL, NULL)))
    return 0;
  if ((id = find_by_forms (clips, name, FALSE)) || (id = find_by_forms (clips, file, FALSE)) ||
      (id = find_by_reel (clips, name, source->reel)) ||
      (id = find_by_forms (clips, name, TRUE)) || (id = find_by_forms (clips, file, TRUE)))
    return id;
  return 0;
}
