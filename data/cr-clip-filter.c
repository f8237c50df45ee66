/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-clips"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cr-clip-filter.h"

typedef struct
{
  gint64  id;
  char   *key;    /* the name's natural collation key */
  char   *text;   /* the sort value as text (recorded date, status), or NULL */
  double  value;  /* the sort value as a number, -1 when unknown */
} Named;

static int
compare_named (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const CrClipFilter *filter = data;
  const Named *x = a, *y = b;
  int c = 0;

  if (filter->order == CR_CLIP_ORDER_RECORDED || filter->order == CR_CLIP_ORDER_STATUS)
    c = g_strcmp0 (x->text, y->text);
  else if (filter->order != CR_CLIP_ORDER_NAME)
    c = (x->value > y->value) - (x->value < y->value);
  if (c == 0)
    c = strcmp (x->key, y->key);
  if (c == 0)
    c = (x->id > y->id) - (x->id < y->id);
  return filter->descending ? -c : c;
}

double
cr_clip_rate_value (const char *text)
{
  gint64 num, den;

  if (text == NULL || sscanf (text, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, &num, &den) != 2 || den <= 0)
    return -1;
  return (double) num / den;
}

double
cr_clip_column_value (sqlite3_stmt *stmt,
                      int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, column);
}

static void
read_sort_value (sqlite3_stmt       *stmt,
                 const CrClipFilter *filter,
                 Named              *n)
{
  n->value = -1;
  n->text = NULL;
  switch (filter->order)
    {
    case CR_CLIP_ORDER_DURATION:
      n->value = cr_clip_column_value (stmt, 2);
      break;
    case CR_CLIP_ORDER_START:
      n->value = cr_clip_column_value (stmt, 3);
      break;
    case CR_CLIP_ORDER_RATE:
      n->value = cr_clip_rate_value ((const char *) sqlite3_column_text (stmt, 4));
      break;
    case CR_CLIP_ORDER_RECORDED:
      n->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      break;
    case CR_CLIP_ORDER_RATING:
      n->value = cr_clip_column_value (stmt, 6);
      break;
    case CR_CLIP_ORDER_STATUS:
      n->text = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      break;
    case CR_CLIP_ORDER_NAME:
    default:
      break;
    }
}

char *
cr_clip_filter_like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static void
free_named (GArray *named)
{
  for (guint i = 0; i < named->len; i++)
    {
      g_free (g_array_index (named, Named, i).key);
      g_free (g_array_index (named, Named, i).text);
    }
}

GArray *
cr_clips_filter (CrDb                *db,
                 const CrClipFilter  *filter,
                 GError             **error)
{
  static const char sql[] =
    "SELECT c.id, c.name, c.duration_us, c.tc_frames, c.frame_rate, c.creation_time, c.rating, c.status"
    " FROM clip c WHERE"
    " (?1 IS NULL OR c.status = ?1)"
    " AND (?2 = 0 OR (?2 = 1 AND c.has_video) OR (?2 = 2 AND c.has_audio AND NOT c.has_video))"
    " AND (?3 = 0 OR c.interview = ?3)"
    " AND (?4 = 0 OR EXISTS (SELECT 1 FROM clip_shot s WHERE s.clip = c.id AND s.shot = ?4))"
    /* A person's clips: those they are linked to, and those of the interviews they gave. */
    " AND (?5 = 0 OR EXISTS (SELECT 1 FROM clip_participant p WHERE p.clip = c.id AND p.participant = ?5)"
    "      OR c.interview IN (SELECT ip.interview FROM interview_participant ip WHERE ip.participant = ?5))"
    " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM clip_tag t WHERE t.clip = c.id AND t.tag = ?6))"
    " AND (?7 = 0 OR c.rating >= ?7)"
    /* The tags and interview titles that match are looked for once, not once per clip: a
     * search scans 100,000 clips, and two lookups each were most of it. */
    " AND (?8 IS NULL OR c.name LIKE ?8 ESCAPE '\\' OR c.notes LIKE ?8 ESCAPE '\\'"
    "      OR c.id IN (SELECT t.clip FROM clip_tag t WHERE t.tag LIKE ?8 ESCAPE '\\')"
    "      OR c.interview IN (SELECT i.id FROM interview i WHERE i.title LIKE ?8 ESCAPE '\\'))";
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);
  g_autoptr(GArray) named = NULL;
  g_autofree char *pattern = NULL;
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (filter->search && *filter->search)
    pattern = cr_clip_filter_like_pattern (filter->search);
  sqlite3_bind_text (stmt, 1, filter->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, filter->kind);
  sqlite3_bind_int64 (stmt, 3, filter->interview);
  sqlite3_bind_int64 (stmt, 4, filter->shot);
  sqlite3_bind_int64 (stmt, 5, filter->participant);
  sqlite3_bind_text (stmt, 6, filter->tag && *filter->tag ? filter->tag : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, filter->min_rating);
  sqlite3_bind_text (stmt, 8, pattern, -1, SQLITE_TRANSIENT);

  named = g_array_new (FALSE, FALSE, sizeof (Named));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1);
      Named n = { sqlite3_column_int64 (stmt, 0), g_utf8_collate_key_for_filename (folded, -1), NULL, -1 };
      read_sort_value (stmt, filter, &n);
      g_array_append_val (named, n);
    }
  if (rc != SQLITE_DONE)
    {
      free_named (named);
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  g_array_sort_with_data (named, compare_named, (gpointer) filter);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), named->len);
  for (guint i = 0; i < named->len; i++)
    {
      Named *n = &g_array_index (named, Named, i);
      g_array_append_val (ids, n->id);
      g_free (n->key);
      g_free (n->text);
    }
  return ids;
}
