/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clips"

#include "config.h"

#include <string.h>

#include "cr-clip-index.h"

typedef struct
{
  gint64      id;
  gint64      interview;   /* 0: none */
  double      duration;    /* -1: unknown, as cr_clips_filter () sorts them */
  double      start;
  double      rate;
  double      rating;      /* -1: none */
  const char *recorded;    /* in the chunk, or NULL */
  const char *status;
  const char *name;        /* ASCII-lowered, as LIKE compares */
  const char *notes;
  guint       has_video : 1;
  guint       has_audio : 1;
  guint       has_rating : 1;
} Entry;

struct _CrClipIndex
{
  GArray       *entries;   /* Entry, in the order of names (natural) and then ids */
  GStringChunk *strings;
  guint         seen;      /* data_version when read */
};

typedef struct
{
  char   *key;
  guint   position;
  gint64  id;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c ? c : (x->id > y->id) - (x->id < y->id);
}

static const char *
keep (GStringChunk *strings,
      const char   *text,
      gboolean      lowered)
{
  char *kept;

  if (text == NULL)
    return NULL;
  if (!lowered)
    return g_string_chunk_insert_const (strings, text);
  kept = g_string_chunk_insert (strings, text);
  for (char *p = kept; *p; p++)
    *p = g_ascii_tolower (*p);
  return kept;
}

CrClipIndex *
cr_clip_index_new (CrDb    *db,
                   GError **error)
{
  static const char sql[] =
    "SELECT id, name, duration_us, tc_frames, frame_rate, creation_time, rating, status, has_video, has_audio,"
    " interview, notes FROM clip";
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  CrClipIndex *index;
  int rc;

  if (stmt == NULL)
    return NULL;
  index = g_new0 (CrClipIndex, 1);
  index->strings = g_string_chunk_new (1 << 16);
  cr_db_has_changed (db, &index->seen);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = g_utf8_casefold (name ? name : "", -1);
      Entry e = {
        .id = sqlite3_column_int64 (stmt, 0),
        .duration = cr_clip_column_value (stmt, 2),
        .start = cr_clip_column_value (stmt, 3),
        .rate = cr_clip_rate_value ((const char *) sqlite3_column_text (stmt, 4)),
        .recorded = keep (index->strings, (const char *) sqlite3_column_text (stmt, 5), FALSE),
        .rating = cr_clip_column_value (stmt, 6),
        .status = keep (index->strings, (const char *) sqlite3_column_text (stmt, 7), FALSE),
        .has_video = sqlite3_column_int (stmt, 8) != 0,
        .has_audio = sqlite3_column_int (stmt, 9) != 0,
        .has_rating = sqlite3_column_type (stmt, 6) != SQLITE_NULL,
        .interview = sqlite3_column_int64 (stmt, 10),
        .name = keep (index->strings, name, TRUE),
        .notes = keep (index->strings, (const char *) sqlite3_column_text (stmt, 11), TRUE),
      };
      Keyed k = { g_utf8_collate_key_for_filename (folded, -1), read->len, e.id };

      g_array_append_val (read, e);
      g_array_append_val (keyed, k);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      for (guint i = 0; i < keyed->len; i++)
        g_free (g_array_index (keyed, Keyed, i).key);
      cr_clip_index_free (index);
      return NULL;
    }
  /* The order cr_clips_filter () sorts names in: the natural key, then the id. */
  g_array_sort (keyed, compare_keyed);
  index->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), read->len);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);
      g_array_append_val (index->entries, g_array_index (read, Entry, k->position));
      g_free (k->key);
    }
  return index;
}

void
cr_clip_index_free (CrClipIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->entries, g_array_unref);
  g_string_chunk_free (index->strings);
  g_free (index);
}

gboolean
cr_clip_index_is_stale (CrClipIndex *index,
                        CrDb        *db)
{
  return cr_db_has_changed (db, &index->seen);
}

guint
cr_clip_index_get_size (CrClipIndex *index)
{
  return index->entries ? index->entries->len : 0;
}

/* The clip ids one query gives, or the interview ids: the conditions that live in link
 * tables, and the tags and titles a search matches. */
static GHashTable *
id_set (CrDb        *db,
        const char  *sql,
        gint64       number,
        const char  *text,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  GHashTable *set;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (set, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      g_hash_table_unref (set);
      return NULL;
    }
  return set;
}

static gboolean
in_set (GHashTable *set,
        gint64      id)
{
  return set == NULL || g_hash_table_contains (set, &id);
}

typedef struct
{
  const CrClipFilter *filter;
  GArray             *entries;
} Sort;

static int
compare_text (const char *a,
              const char *b)
{
  return g_strcmp0 (a, b);
}

/* As compare_named () in cr-clip-filter.c: the value, then the name's order (the position
 * here, which is the natural key and then the id). */
static int
compare_matches (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Sort *sort = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  const Entry *ex = &g_array_index (sort->entries, Entry, x), *ey = &g_array_index (sort->entries, Entry, y);
  double vx = 0, vy = 0;
  int c = 0;

  switch (sort->filter->order)
    {
    case CR_CLIP_ORDER_RECORDED: c = compare_text (ex->recorded, ey->recorded); break;
    case CR_CLIP_ORDER_STATUS: c = compare_text (ex->status, ey->status); break;
    case CR_CLIP_ORDER_DURATION: vx = ex->duration; vy = ey->duration; break;
    case CR_CLIP_ORDER_START: vx = ex->start; vy = ey->start; break;
    case CR_CLIP_ORDER_RATE: vx = ex->rate; vy = ey->rate; break;
    case CR_CLIP_ORDER_RATING: vx = ex->rating; vy = ey->rating; break;
    case CR_CLIP_ORDER_NAME:
    default: break;
    }
  if (c == 0)
    c = (vx > vy) - (vx < vy);
  if (c == 0)
    c = (x > y) - (x < y);
  return c;
}

GArray *
cr_clip_index_filter (CrClipIndex         *index,
                      CrDb                *db,
                      const CrClipFilter  *filter,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GHashTable) shot = NULL;
  g_autoptr(GHashTable) participant = NULL;
  g_autoptr(GHashTable) interviewed = NULL;
  g_autoptr(GHashTable) tag = NULL;
  g_autoptr(GHashTable) tagged = NULL;
  g_autoptr(GHashTable) titled = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *pattern = NULL;
  g_autofree char *needle = NULL;
  GArray *ids;

  if ((filter->shot && !(shot = id_set (db, "SELECT clip FROM clip_shot WHERE shot = ?1", filter->shot, NULL, error))) ||
      (filter->participant &&
       (!(participant = id_set (db, "SELECT clip FROM clip_participant WHERE participant = ?1", filter->participant,
                                NULL, error)) ||
        !(interviewed = id_set (db, "SELECT interview FROM interview_participant WHERE participant = ?1",
                                filter->participant, NULL, error)))) ||
      (filter->tag && *filter->tag &&
       !(tag = id_set (db, "SELECT clip FROM clip_tag WHERE tag = ?1", 0, filter->tag, error))))
    return NULL;
  if (filter->search && *filter->search)
    {
      pattern = cr_clip_filter_like_pattern (filter->search);
      needle = g_ascii_strdown (filter->search, -1);
      if (!(tagged = id_set (db, "SELECT clip FROM clip_tag WHERE tag LIKE ?1 ESCAPE '\\'", 0, pattern, error)) ||
          !(titled = id_set (db, "SELECT id FROM interview WHERE title LIKE ?1 ESCAPE '\\'", 0, pattern, error)))
        return NULL;
    }

  for (guint i = 0; i < index->entries->len; i++)
    {
      const Entry *e = &g_array_index (index->entries, Entry, i);

      if ((i & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if ((filter->status && g_strcmp0 (e->status, filter->status) != 0) ||
          (filter->kind == CR_CLIP_KIND_VIDEO && !e->has_video) ||
          (filter->kind == CR_CLIP_KIND_AUDIO_ONLY && !(e->has_audio && !e->has_video)) ||
          (filter->interview && e->interview != filter->interview) ||
          /* "rating >= N" in SQL: no rating fails it, whatever N. */
          (filter->min_rating && !(e->has_rating && e->rating >= filter->min_rating)) ||
          !in_set (shot, e->id) || !in_set (tag, e->id))
        continue;
      /* A person's clips: those they are linked to, and those of the interviews they gave. */
      if (participant && !g_hash_table_contains (participant, &e->id) &&
          !(e->interview && g_hash_table_contains (interviewed, &e->interview)))
        continue;
      /* LIKE '%…%' with its ASCII-only case folding: a search for part of the text. */
      if (needle && !(e->name && strstr (e->name, needle)) && !(e->notes && strstr (e->notes, needle)) &&
          !g_hash_table_contains (tagged, &e->id) && !(e->interview && g_hash_table_contains (titled, &e->interview)))
        continue;
      g_array_append_val (matches, i);
    }

  if (filter->order != CR_CLIP_ORDER_NAME)
    g_array_sort_with_data (matches, compare_matches, &(Sort) { filter, index->entries });
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), matches->len);
  for (guint i = 0; i < matches->len; i++)
    {
      guint at = g_array_index (matches, guint, filter->descending ? matches->len - 1 - i : i);
      g_array_append_val (ids, g_array_index (index->entries, Entry, at).id);
    }
  return ids;
}
