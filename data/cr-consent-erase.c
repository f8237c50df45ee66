/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent"

#include "config.h"

#include <string.h>

#include "cr-consent.h"
#include "cr-consent-erase.h"
#include "cr-store.h"

/* Free text where people write names: titles, labels and notes. */
static const char *const free_text[][2] = {
  { "interview", "title" }, { "interview", "notes" }, { "selection", "label" }, { "selection", "notes" },
  { "marker", "note" }, { "clip", "notes" }, { "cut", "notes" }, { "cut_event", "note" },
  { "shot", "description" }, { "shot", "notes" }, { "location", "notes" },
};

static gboolean
run (CrDb        *db,
     const char  *sql,
     gint64       id,
     const char  *a,
     const char  *b,
     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_STATIC);
  return cr_db_step_done (db, stmt, error);
}

static gboolean
erase_rows (CrDb            *db,
            const CrRecord  *person,
            GError         **error)
{
  const char *name = cr_record_get (person, "name");
  g_autofree char *now = cr_consent_today ();
  g_autofree char *erased_name = g_strdup_printf ("Erased participant %" G_GINT64_FORMAT, person->id);
  gboolean minor = cr_participant_is_minor (person, now);

  if (!run (db, "UPDATE participant SET name = ?2, role = NULL, organisation = NULL, email = NULL, phone = NULL,"
                " notes = NULL, date_of_birth = NULL, guardian_name = NULL, guardian_relationship = NULL,"
                " minor = ?3, erased_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
            person->id, erased_name, minor ? "1" : "0", error) ||
      !run (db, "UPDATE consent SET form_path = NULL, notes = NULL, guardian_name = NULL,"
                " guardian_relationship = NULL WHERE participant = ?1", person->id, NULL, NULL, error))
    return FALSE;
  /* A short name ("Al") would also match inside other words: only names that cannot be
   * mistaken for part of a word are taken out of free text. */
  if (g_utf8_strlen (name, -1) < 5 && strchr (name, ' ') == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (free_text); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = replace (%s, ?2, ?3) WHERE instr (%s, ?2) > 0"
                                              , free_text[i][0], free_text[i][1], free_text[i][1],
                                              free_text[i][1]);
      if (!run (db, sql, person->id, name, erased_name, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cr_participant_erase (CrDb    *db,
                      gint64   participant,
                      GError **error)
{
  g_autoptr(CrRecord) person = cr_store_get (db, &cr_entity_participant, participant, error);

  if (person == NULL)
    return FALSE;
  if (cr_record_get (person, "erased_at"))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "participant: %s was erased on %s already",
                   cr_record_get (person, "name"), cr_record_get (person, "erased_at"));
      return FALSE;
    }
  /* Deleted and overwritten content is zeroed on disk, not merely marked free. */
  if (!cr_db_exec (db, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!cr_db_begin (db, error))
    goto done;
  if (!erase_rows (db, person, error))
    {
      cr_db_rollback (db);
      goto done;
    }
  if (!cr_db_commit (db, error))
    goto done;
  /* Older copies of the pages survive in free pages and in the WAL: rebuild the file, then
   * copy the WAL back and truncate it. */
  if (!cr_db_exec (db, "VACUUM", error) || !cr_db_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", error))
    goto done;
  cr_db_exec (db, "PRAGMA secure_delete = OFF", NULL);
  return TRUE;

done:
  cr_db_exec (db, "PRAGMA secure_delete = OFF", NULL);
  return FALSE;
}
