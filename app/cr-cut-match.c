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

/* What the slow ways compare against, made once for an import, when the first source the
 * quick ways (path, name) miss needs it: every clip's name forms, plain and folded, and the
 * EDL reel names of them all, each in a table from its lowered text to the first clip that
 * has it. Once per source, it was a read of the whole catalogue and a comparison with every
 * name, for each source: a minute for 20 proxies' names over 100,000 clips. */
typedef struct
{
  GHashTable *whole;   /* lowered form -> position + 1 of the first clip with it */
  GHashTable *stem;
} Table;

struct _CrCutMatcher
{
  CrDb      *db;
  gboolean   listed;
  GArray    *ids;      /* gint64, the clips in the store's order; NULL when unreadable */
  Table      plain, folded;
  GHashTable *reels;
};

static void
remember (GHashTable *table,
          const char *text,
          guint       position)
{
  char *key = g_ascii_strdown (text, -1);

  /* The first clip in the list's order wins, as when they were compared in turn. */
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, GUINT_TO_POINTER (position + 1));
}

static guint
look_up (GHashTable *table,
         const char *text)
{
  g_autofree char *key = g_ascii_strdown (text, -1);

  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

static void
table_init (Table *t)
{
  t->whole = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->whole, g_hash_table_unref);
  g_clear_pointer (&t->stem, g_hash_table_unref);
}

CrCutMatcher *
cr_cut_matcher_new (CrDb *db)
{
  CrCutMatcher *m = g_new0 (CrCutMatcher, 1);

  m->db = db;
  return m;
}

void
cr_cut_matcher_free (CrCutMatcher *m)
{
  if (m == NULL)
    return;
  table_clear (&m->plain);
  table_clear (&m->folded);
  g_clear_pointer (&m->reels, g_hash_table_unref);
  g_clear_pointer (&m->ids, g_array_unref);
  g_free (m);
}

static gboolean
list_clips (CrCutMatcher *m)
{
  g_autoptr(CrTimeline) reels_of = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_auto(GStrv) reels = NULL;

  if (m->listed)
    return m->ids != NULL;
  m->listed = TRUE;
  if (!(clips = cr_store_list (m->db, &cr_entity_clip, NULL, NULL)))
    return FALSE;
  m->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), clips->len);
  table_init (&m->plain);
  table_init (&m->folded);
  m->reels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Reel names are derived from all the clips' names together, as the EDL writer does. */
  reels_of = cr_timeline_new ("reels", (CrRate) { 25, 1 }, FALSE, 16, 16);
  for (guint i = 0; i < clips->len; i++)
    {
      CrRecord *clip = g_ptr_array_index (clips, i);
      g_auto(Forms) plain = { 0 };
      g_auto(Forms) folded = { 0 };

      g_array_append_val (m->ids, clip->id);
      forms_init (&plain, cr_record_get (clip, "name"), FALSE);
      forms_init (&folded, cr_record_get (clip, "name"), TRUE);
      remember (m->plain.whole, plain.whole, i);
      remember (m->plain.stem, plain.stem, i);
      remember (m->folded.whole, folded.whole, i);
      remember (m->folded.stem, folded.stem, i);
      cr_timeline_add_source (reels_of, cr_record_get (clip, "path"), cr_record_get (clip, "name"),
                              (CrRate) { 25, 1 }, FALSE, 0, 1, TRUE, 0);
    }
  reels = cr_edl_reel_names (reels_of);
  for (guint i = 0; reels && reels[i] && i < clips->len; i++)
    remember (m->reels, reels[i], i);
  return TRUE;
}

static gint64
clip_at (CrCutMatcher *m,
         guint         found)
{
  return found > 0 ? g_array_index (m->ids, gint64, found - 1) : 0;
}

/* The first of the smallest non-zero positions + 1. */
static guint
first_of (guint a,
          guint b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

/* "A001.MOV" is the clip A001.MOV, and so are "a001" and "A001.mp4" (a proxy's name): the
 * first clip whose name, or its stem, is the name or its stem. */
static gint64
find_by_forms (CrCutMatcher *m,
               const char   *wanted,
               gboolean      fold)
{
  g_auto(Forms) want = { 0 };
  Table *t = fold ? &m->folded : &m->plain;

  if (wanted == NULL || wanted[0] == '\0')
    return 0;
  forms_init (&want, wanted, fold);
  return clip_at (m, first_of (first_of (look_up (t->whole, want.whole), look_up (t->stem, want.stem)),
                               look_up (t->stem, want.whole)));
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
find_by_reel (CrCutMatcher *m,
              const char   *name,
              const char   *reel)
{
  return clip_at (m, first_of (look_up (m->reels, name), reel ? look_up (m->reels, reel) : 0));
}

/* Catalogued clip for an imported source, first found of: the same path; the same name, or
 * without its extension (spaces normalised in both); the same for the file its path names
 * (an OTIO or FCPXML clip is called "Ana interview", its media is A001.MOV); the same EDL reel
 * name; then all of those names folded to ASCII. */
gint64
cr_cut_matcher_find (CrCutMatcher           *m,
                     const CrTimelineSource *source)
{
  const char *name = cr_timeline_source_get_name (source);
  const char *file = path_file_name (source->path);
  gint64 id;

  if ((id = cr_clip_find_by_path (m->db, source->path)) || (id = cr_clip_find_by_name (m->db, name)))
    return id;
  if (name == NULL || !list_clips (m))
    return 0;
  if ((id = find_by_forms (m, name, FALSE)) || (id = find_by_forms (m, file, FALSE)) ||
      (id = find_by_reel (m, name, source->reel)) ||
      (id = find_by_forms (m, name, TRUE)) || (id = find_by_forms (m, file, TRUE)))
    return id;
  return 0;
}
