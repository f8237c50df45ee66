/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-store"

#include "config.h"

#include <string.h>

#include "cr-store-query.h"

/* LIKE folds ASCII case as lower () does, without making a lowered copy of every value:
 * several times faster over 100,000 rows. ?5 is the search as a LIKE pattern. */
#define MATCH "%s LIKE ?5 ESCAPE '\\'"

/* The SELECT list: plain columns, and each LINKS field gathered in order from its table. */
char *
cr_store_query_select (const CrEntity *entity)
{
  GString *sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];

      if (f->type == CR_FIELD_LINKS)
        g_string_append_printf (sql, ", (SELECT group_concat (x, ',') FROM (SELECT %s AS x FROM %s "
                                     "WHERE %s = t.id ORDER BY position))",
                                f->ref->table, f->column, entity->table);
      else
        g_string_append_printf (sql, ", t.%s", cr_field_column (f));
    }
  g_string_append_printf (sql, " FROM %s t", entity->table);
  return g_string_free (sql, FALSE);
}

CrRecord *
cr_store_query_record (const CrEntity *entity,
                       sqlite3_stmt   *stmt)
{
  CrRecord *record = cr_record_new (entity);

  record->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i + 1);
      if (text != NULL)
        cr_record_set (record, entity->fields[i].name, text);
    }
  return record;
}

/* The entities whose link tables or references may name a row of another: a participant is
 * found by the title of an interview they are in, a shot they appear in or a select's label;
 * a location by an interview held there. Not by a
 * clip's file name: nobody finds a person that way, and it costs a pass over every clip. */
static const CrEntity * const linking[] = {
  &cr_entity_interview, &cr_entity_shot, &cr_entity_select,
};

/* The choices of a choice field that contain the search, as an SQL list ("'withdrawn'"),
 * or NULL: worked out here once, rather than matching every row's stored word. */
static char *
matching_choices (const CrField *f,
                  const char    *search)
{
  g_autofree char *folded = g_ascii_strdown (search, -1);
  GString *list = NULL;

  for (guint i = 0; f->choices && f->choices[i]; i++)
    {
      g_autofree char *choice = g_ascii_strdown (f->choices[i], -1);

      if (strstr (choice, folded) == NULL)
        continue;
      if (list == NULL)
        list = g_string_new (NULL);
      /* Choices are the program's own words: no quote to escape. */
      g_string_append_printf (list, "%s'%s'", list->len ? ", " : "", f->choices[i]);
    }
  return list ? g_string_free (list, FALSE) : NULL;
}

static void
match_own (GString        *sql,
           const CrEntity *entity,
           const char     *search)
{
  g_autofree char *label = g_strdup_printf ("o.%s", entity->label);

  g_string_append_printf (sql, "SELECT o.id FROM %s o WHERE ", entity->table);
  g_string_append_printf (sql, MATCH, label);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      g_autofree char *column = g_strdup_printf ("o.%s", cr_field_column (f));
      gboolean typed = (f->type == CR_FIELD_TEXT || f->type == CR_FIELD_EMAIL ||
                        (f->type == CR_FIELD_NOTE && (f->flags & CR_FIELD_DESCRIBES))) &&
                       !(f->flags & CR_FIELD_READONLY);

      if (g_str_equal (f->name, entity->label))
        continue;
      /* Words a person might remember a row by: organisation, role, email, what a shot
       * shows, and the status words ("withdrawn", "scheduled", "failed"); not what Casereel
       * fills in itself (a clip's codec, its container), which nobody types to find it, nor
       * free notes. */
      if (typed)
        {
          g_string_append (sql, " OR ");
          g_string_append_printf (sql, MATCH, column);
        }
      else if (f->type == CR_FIELD_ENUM)
        {
          g_autofree char *choices = matching_choices (f, search);
          if (choices != NULL)
            g_string_append_printf (sql, " OR %s IN (%s)", column, choices);
        }
      else if (f->type == CR_FIELD_REF)
        {
          /* In the same pass over the table: a row that points at a row whose name matches. */
          g_autofree char *ref_label = g_strdup_printf ("r.%s", f->ref->label);
          g_string_append_printf (sql, " OR %s IN (SELECT r.id FROM %s r WHERE ", column, f->ref->table);
          g_string_append_printf (sql, MATCH ")", ref_label);
        }
    }
}

/* A row that points at, or is linked to, a row of another entity whose name matches. Each
 * is a set of ids worked out once per query, not a subquery per row. */
static void
match_linked (GString        *sql,
              const CrEntity *entity)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      g_autofree char *label = f->ref ? g_strdup_printf ("r.%s", f->ref->label) : NULL;

      if (f->type == CR_FIELD_LINKS)
        {
          g_string_append_printf (sql, " UNION SELECT l.%s FROM %s l WHERE l.%s IN (SELECT r.id FROM %s r WHERE ",
                                  entity->table, f->column, f->ref->table, f->ref->table);
          g_string_append_printf (sql, MATCH ")", label);
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (linking); k++)
    for (guint i = 0; i < linking[k]->n_fields; i++)
      {
        const CrEntity *owner = linking[k];
        const CrField *f = &owner->fields[i];
        g_autofree char *label = g_strdup_printf ("w.%s", owner->label);

        if (f->ref != entity || owner == entity)
          continue;
        if (f->type == CR_FIELD_LINKS)
          {
            g_string_append_printf (sql, " UNION SELECT l.%s FROM %s l WHERE l.%s IN (SELECT w.id FROM %s w WHERE ",
                                    entity->table, f->column, owner->table, owner->table);
            g_string_append_printf (sql, MATCH ")", label);
          }
        else if (f->type == CR_FIELD_REF && entity != &cr_entity_clip)
          {
            /* A row another points at: a location is found by the title of an interview
             * held there, an interview by a shot planned in it. Not a clip by its selects:
             * the Clips page searches its own index, which says what a clip's search finds. */
            g_string_append_printf (sql, " UNION SELECT w.%s FROM %s w WHERE w.%s IS NOT NULL AND ",
                                    cr_field_column (f), owner->table, cr_field_column (f));
            g_string_append_printf (sql, MATCH, label);
          }
      }
}

static void
match_special (GString        *sql,
               const CrEntity *entity,
               const CrQuery  *query)
{
  const char *search = query->search;

  if (entity == &cr_entity_participant && !query->consent_shown_apart)
    {
      g_autofree char *statuses = matching_choices (cr_entity_find_field (&cr_entity_consent, "status"), search);

      /* The status of each person's latest consent on or before today, as the history reads it. */
      if (statuses != NULL)
        g_string_append_printf (sql, " UNION SELECT c.participant FROM consent c WHERE c.status IN (%s)"
                                     " AND c.id = (SELECT c2.id FROM consent c2 WHERE c2.participant = c.participant"
                                     " AND c2.date <= date ('now') ORDER BY c2.date DESC, c2.id DESC LIMIT 1)",
                                statuses);
    }
  else if (entity == &cr_entity_clip)
    g_string_append (sql, " UNION SELECT g.clip FROM clip_tag g WHERE g.tag LIKE ?5 ESCAPE '\\'");
}

char *
cr_store_query_where (const CrEntity  *entity,
                      const CrQuery   *query,
                      GError         **error)
{
  GString *sql = g_string_new (" WHERE 1");

  if (query && query->search && *query->search)
    {
      /* One set of ids, made of the row's own words and each way it can be linked: the
       * list's order then only looks each row up in it. */
      g_string_append (sql, " AND t.id IN (");
      match_own (sql, entity, query->search);
      match_linked (sql, entity);
      match_special (sql, entity, query);
      g_string_append_c (sql, ')');
    }
  if (query && query->field)
    {
      const CrField *f = cr_entity_find_field (entity, query->field);
      if (f == NULL || f->type == CR_FIELD_LINKS)
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: cannot filter on “%s”",
                       entity->name, query->field);
          g_string_free (sql, TRUE);
          return NULL;
        }
      g_string_append_printf (sql, " AND t.%s IS ?2", cr_field_column (f));
    }
  return g_string_free (sql, FALSE);
}

/* A select's clip's rate, "num/den", as cr_clip_rate () finds it, over clip c and production p. */
#define CLIP_RATE "coalesce (c.frame_rate, c.tc_rate, p.frame_rate, '25/1')"
/* Frames at that rate as seconds. */
#define CLIP_SECONDS(frames) \
  "(" frames ") * CAST (substr (" CLIP_RATE ", instr (" CLIP_RATE ", '/') + 1) AS REAL)" \
  " / CAST (substr (" CLIP_RATE ", 1, instr (" CLIP_RATE ", '/') - 1) AS REAL)"
/* A point as the time its clip's timecode shows (cr_clip_format_position ()): counted from
 * the start timecode when that counts at the clip's rate. */
#define POINT_TIME(point) \
  "(SELECT " CLIP_SECONDS ("CASE WHEN c.tc_start IS NOT NULL AND c.tc_rate = " CLIP_RATE \
                           " THEN c.tc_frames ELSE 0 END + t." point) \
  " FROM clip c, production p WHERE c.id = t.clip)"

/* Orders that are no one field but what a table shows worked out of several: a select's
 * In and Out by the time their timecode says, across clips of any rate, and its Duration
 * by how long it lasts. */
static const struct
{
  const CrEntity *entity;
  const char     *name;
  const char     *key;
} worked_out[] = {
  { &cr_entity_select, "in_time", POINT_TIME ("in_frame") },
  { &cr_entity_select, "out_time", POINT_TIME ("out_frame") },
  { &cr_entity_select, "duration",
    "(SELECT " CLIP_SECONDS ("t.out_frame - t.in_frame") " FROM clip c, production p WHERE c.id = t.clip)" },
};

/* What a field sorts by, and how its text compares. */
static char *
field_key (const CrEntity  *entity,
           const CrField   *f,
           const char     **collate)
{
  switch (f->type)
    {
    case CR_FIELD_REF:
      /* A reference sorts by what it is called, not by its id. */
      *collate = " COLLATE NATURAL_ORDER";
      return g_strdup_printf ("(SELECT r.%s FROM %s r WHERE r.id = t.%s)", f->ref->label, f->ref->table,
                              cr_field_column (f));
    case CR_FIELD_LINKS:
      *collate = " COLLATE NATURAL_ORDER";
      return g_strdup_printf ("(SELECT r.%s FROM %s l JOIN %s r ON r.id = l.%s WHERE l.%s = t.id "
                              "ORDER BY l.position LIMIT 1)",
                              f->ref->label, f->column, f->ref->table, f->ref->table, entity->table);
    case CR_FIELD_TEXT:
    case CR_FIELD_NOTE:
    case CR_FIELD_EMAIL:
    case CR_FIELD_ENUM:
    case CR_FIELD_SET:
    case CR_FIELD_PHONE:
    case CR_FIELD_TIMEZONE:
    case CR_FIELD_PATH:
      *collate = " COLLATE NATURAL_ORDER";
      return g_strdup_printf ("t.%s", cr_field_column (f));
    default:
      /* Numbers, dates, times, rates and timecodes compare as stored. */
      return g_strdup_printf ("t.%s", cr_field_column (f));
    }
}

char *
cr_store_query_order (const CrEntity  *entity,
                      const CrQuery   *query,
                      GError         **error)
{
  const CrField *f;
  g_autofree char *key = NULL;
  const char *collate = "";

  if (query == NULL || query->sort == NULL)
    return g_strdup (entity->order_by);
  for (guint i = 0; i < G_N_ELEMENTS (worked_out) && key == NULL; i++)
    if (worked_out[i].entity == entity && g_str_equal (worked_out[i].name, query->sort))
      key = g_strdup (worked_out[i].key);   /* a number */
  if (key == NULL)
    {
      if (!(f = cr_entity_find_field (entity, query->sort)))
        {
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: cannot sort by “%s”", entity->name, query->sort);
          return NULL;
        }
      key = field_key (entity, f, &collate);
    }
  /* Empty values last either way, then the id, so that the order is total. */
  return g_strdup_printf ("%s IS NULL, %s%s%s, t.id%s", key, key, collate, query->descending ? " DESC" : "",
                          query->descending ? " DESC" : "");
}

char *
cr_store_query_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = search; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

void
cr_store_query_bind (sqlite3_stmt  *stmt,
                     const CrQuery *query)
{
  if (query && query->search && *query->search)
    {
      g_autofree char *pattern = cr_store_query_pattern (query->search);

      if (sqlite3_bind_parameter_count (stmt) >= 5)
        sqlite3_bind_text (stmt, 5, pattern, -1, SQLITE_TRANSIENT);
    }
  if (query && query->field)
    sqlite3_bind_text (stmt, 2, query->value, -1, SQLITE_TRANSIENT);
}
