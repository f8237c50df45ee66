/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <stdlib.h>

#include "cr-consent-people.h"

void
cr_event_people_free (CrEventPeople *event)
{
  if (event == NULL)
    return;
  g_array_unref (event->people);
  g_free (event);
}

/* The events in order, each with its select's people (a row each, or one row with none). */
static const char event_select_people_sql[] =
  "SELECT e.position, e.clip, sp.participant, sp.position FROM cut_event e"
  "  LEFT JOIN selection_participant sp ON sp.selection = e.selection"
  " WHERE e.cut = ?1 ORDER BY e.position";
/* The people of each clip of the cut, once a clip however many events use it: the clip's
 * own, then its interview's; and whether it shows no identifiable person (a row with
 * participant NULL for every clip). */
static const char clip_people_sql[] =
  "WITH c AS (SELECT id, no_person, interview FROM clip WHERE id IN (SELECT clip FROM cut_event WHERE cut = ?1))"
  " SELECT c.id, c.no_person, NULL, 0 FROM c"
  " UNION ALL SELECT c.id, 0, cp.participant, cp.position FROM c JOIN clip_participant cp ON cp.clip = c.id"
  " UNION ALL SELECT c.id, 0, ip.participant, 1000000 + ip.position FROM c"
  "  JOIN interview_participant ip ON ip.interview = c.interview";

typedef struct
{
  gint64 rank;
  gint64 participant;
} Link;

static int
by_rank (const void *a,
         const void *b)
{
  const Link *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->participant < y->participant ? -1 : x->participant > y->participant;
}

typedef struct
{
  gboolean no_person;
  GArray  *links;   /* Link, ranked */
} ClipPeople;

static void
clip_people_free (ClipPeople *clip)
{
  g_array_unref (clip->links);
  g_free (clip);
}

static gboolean
has_person (GArray *people,
            gint64  person)
{
  for (guint i = 0; i < people->len; i++)
    if (g_array_index (people, gint64, i) == person)
      return TRUE;
  return FALSE;
}

static void
rank (GArray *links)
{
  if (links->len > 1)   /* qsort may not be given the NULL of an empty array */
    qsort (links->data, links->len, sizeof (Link), by_rank);
}

/* @links ranked. */
static void
add_people (GArray *people,
            GArray *links)
{
  for (guint i = 0; i < links->len; i++)
    if (!has_person (people, g_array_index (links, Link, i).participant))
      g_array_append_val (people, g_array_index (links, Link, i).participant);
}

static void
rank_clip (gpointer key,
           gpointer value,
           gpointer data)
{
  rank (((ClipPeople *) value)->links);
}

/* Clip id (gint64 *) -> ClipPeople, for the clips of @cut, their links ranked. */
static GHashTable *
people_of_clips (CrDb    *db,
                 gint64   cut,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, clip_people_sql, error);
  g_autoptr(GHashTable) clips = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  clips = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) clip_people_free);
  sqlite3_bind_int64 (stmt, 1, cut);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ClipPeople *clip = g_hash_table_lookup (clips, &id);

      if (clip == NULL)
        {
          clip = g_new0 (ClipPeople, 1);
          clip->links = g_array_new (FALSE, FALSE, sizeof (Link));
          g_hash_table_insert (clips, g_memdup2 (&id, sizeof id), clip);
        }
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        clip->no_person = sqlite3_column_int (stmt, 1) != 0;
      else
        {
          Link link = { sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 2) };
          g_array_append_val (clip->links, link);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_foreach (clips, rank_clip, NULL);
  return g_steal_pointer (&clips);
}

/* A person linked twice appears once, where first linked: the select's people first (in
 * their order), then the clip's, then the clip's interview's. Every event has an entry.
 * The clips' people are read once per clip rather than once per event: a long cut uses
 * few clips many times. */
GPtrArray *
cr_cut_event_people (CrDb    *db,
                     gint64   cut,
                     GError **error)
{
  g_autoptr(GHashTable) clips = people_of_clips (db, cut, error);
  g_autoptr(sqlite3_stmt) stmt = clips ? cr_db_prepare (db, event_select_people_sql, error) : NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_event_people_free);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));
  CrEventPeople *current = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cut);
  for (;;)
    {
      gboolean row = (rc = sqlite3_step (stmt)) == SQLITE_ROW;
      guint position = row ? (guint) sqlite3_column_int (stmt, 0) : 0;

      /* An event ends where the next one starts: its select's people, then its clip's. */
      if (current != NULL && (!row || position != current->position))
        {
          ClipPeople *clip = g_hash_table_lookup (clips, &current->clip);

          rank (links);
          add_people (current->people, links);
          if (clip)
            {
              current->no_person = clip->no_person;
              add_people (current->people, clip->links);
            }
          g_array_set_size (links, 0);
          current = NULL;
        }
      if (!row)
        break;
      if (current == NULL)
        {
          current = g_new0 (CrEventPeople, 1);
          current->position = position;
          current->clip = sqlite3_column_int64 (stmt, 1);
          current->people = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (events, current);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          Link link = { sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 2) };
          g_array_append_val (links, link);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

GHashTable *
cr_participants_who_appear (CrDb    *db,
                            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db,
    "SELECT participant FROM interview_participant UNION SELECT participant FROM shot_participant"
    " UNION SELECT participant FROM clip_participant UNION SELECT participant FROM selection_participant", error);
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (set, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

void
cr_impact_row_free (CrImpactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->clip_name);
  g_free (row->path);
  g_free (row->label);
  g_free (row->cut_name);
  g_free (row->channel);
  g_free (row->delivered_at);
  g_free (row);
}

/* A clip shows the person when they are linked to it or to its interview, or named in one
 * of its selects; a select or an event when it is on such a clip or names them. */
static const char shown_sql[] =
  "WITH shows (clip) AS ("
  "  SELECT clip FROM clip_participant WHERE participant = ?1"
  "  UNION SELECT c.id FROM clip c JOIN interview_participant ip ON ip.interview = c.interview"
  "    WHERE ip.participant = ?1),"
  " named (selection) AS (SELECT selection FROM selection_participant WHERE participant = ?1)"
  " SELECT 0, c.id, c.name, c.path, c.has_video, 0, -1, 0, NULL, 0, NULL, 0, NULL, NULL, 0,"
  "   c.name COLLATE NOCASE AS k1, 0 AS k2, c.id AS k3 FROM clip c"
  "   WHERE c.id IN (SELECT clip FROM shows) OR c.id IN (SELECT s.clip FROM selection s JOIN named n ON n.selection = s.id)"
  " UNION ALL SELECT 1, c.id, c.name, c.path, c.has_video, s.in_frame, s.out_frame, s.id, s.label, 0, NULL, 0,"
  "   NULL, NULL, 0, c.name COLLATE NOCASE, s.in_frame, s.id FROM selection s JOIN clip c ON c.id = s.clip"
  "   WHERE s.id IN (SELECT selection FROM named) OR s.clip IN (SELECT clip FROM shows)"
  " UNION ALL SELECT 2, c.id, c.name, c.path, c.has_video, e.in_frame, e.out_frame, coalesce (e.selection, 0), NULL,"
  "   k.id, k.name, e.position, NULL, NULL, 0, k.name COLLATE NOCASE, e.position, e.id"
  "   FROM cut_event e JOIN cut k ON k.id = e.cut JOIN clip c ON c.id = e.clip"
  "   WHERE e.selection IN (SELECT selection FROM named) OR e.clip IN (SELECT clip FROM shows)"
  " UNION ALL SELECT 3, 0, NULL, d.path, 0, 0, 0, 0, NULL, coalesce (d.cut, 0), d.cut_name, 0, d.channel,"
  "   d.delivered_at, d.id, d.delivered_at, d.id, d.id"
  "   FROM delivery d JOIN delivery_participant dp ON dp.delivery = d.id WHERE dp.participant = ?1"
  " ORDER BY 1, k1, k2, k3";

GPtrArray *
cr_participant_shown_in (CrDb    *db,
                         gint64   participant,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, shown_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_impact_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrImpactRow *row = g_new0 (CrImpactRow, 1);

#define TEXT(col) g_strdup ((const char *) sqlite3_column_text (stmt, col))
      row->kind = (CrImpactKind) sqlite3_column_int (stmt, 0);
      row->clip = sqlite3_column_int64 (stmt, 1);
      row->clip_name = TEXT (2);
      row->path = TEXT (3);
      row->has_video = sqlite3_column_int (stmt, 4) != 0;
      row->in_frame = sqlite3_column_int64 (stmt, 5);
      row->out_frame = sqlite3_column_int64 (stmt, 6);
      row->select = sqlite3_column_int64 (stmt, 7);
      row->label = TEXT (8);
      row->cut = sqlite3_column_int64 (stmt, 9);
      row->cut_name = TEXT (10);
      row->position = (guint) sqlite3_column_int (stmt, 11);
      row->channel = TEXT (12);
      row->delivered_at = TEXT (13);
      row->delivery = sqlite3_column_int64 (stmt, 14);
#undef TEXT
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cr_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
