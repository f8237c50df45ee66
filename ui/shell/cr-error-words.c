/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-error-words"

#include "config.h"

#include <string.h>

#include "cr-error-words.h"
#include "cr-words.h"

/* The field a constraint names as "table.column", or NULL. */
static const CrField *
named_field (const CrEntity *entity,
             const char     *message,
             const char     *constraint)
{
  const char *at = strstr (message, constraint);
  g_autofree char *prefix = g_strdup_printf ("%s.", entity->table);

  if (at == NULL)
    return NULL;
  at += strlen (constraint);
  while (*at == ' ' || *at == ':')
    at++;
  if (!g_str_has_prefix (at, prefix))
    return NULL;
  at += strlen (prefix);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *column = cr_field_column (&entity->fields[i]);
      gsize n = strlen (column);
      if (strncmp (at, column, n) == 0 && !g_ascii_isalnum (at[n]) && at[n] != '_')
        return &entity->fields[i];
    }
  return NULL;
}

static char *
constraint_words (const CrEntity *entity,
                  const char     *message)
{
  g_autofree char *noun = cr_words_entity (entity, FALSE);
  const CrField *f;

  if ((f = named_field (entity, message, "UNIQUE constraint failed")))
    return g_strdup_printf ("%s %s: another %s already has this %s", entity->name, f->name, entity->name,
                            f->name);
  if ((f = named_field (entity, message, "NOT NULL constraint failed")))
    return g_strdup_printf ("%s %s: is required", entity->name, f->name);
  if (strstr (message, "UNIQUE constraint failed"))
    return g_strdup_printf ("Another %s is already the same", entity->name);
  if (strstr (message, "FOREIGN KEY constraint failed"))
    return g_strdup_printf ("%s points at something that is no longer there, or is still used elsewhere", noun);
  if (strstr (message, "CHECK constraint failed"))
    return g_strdup_printf ("%s has a value out of the range the production keeps", noun);
  return NULL;
}

/* The store's own messages are words already; only the file's path in front goes. */
static const char *
without_path (const char *message)
{
  const char *colon = strstr (message, ": ");

  if (message[0] == G_DIR_SEPARATOR && colon != NULL)
    return colon + 2;
  return message;
}

/* The store's own text among SQLite's: what cr_db_set_error () and cr-db-file.c say in
 * words of their own for each kind of failure. */
static gboolean
says (const GError *error,
      const char   *words)
{
  return strstr (error->message, words) != NULL;
}

char *
cr_error_words_reason (const GError *error,
                       gboolean      writing)
{
  const char *unchanged = writing ? "; nothing was changed" : "";

  if (error == NULL)
    return g_strdup (writing ? "the production file refused the change" : "the production file could not be read");
  if (error->domain != CR_DB_ERROR)
    return g_strdup (error->message);
  switch (error->code)
    {
    case CR_DB_ERROR_BUSY:
      return g_strdup_printf ("another program kept the production file locked%s; try again", unchanged);
    case CR_DB_ERROR_NOT_A_PRODUCTION:
      /* "… (the file is damaged: database disk image is malformed)" */
      if (says (error, "damaged"))
        return g_strdup_printf ("the production file is damaged%s", unchanged);
      return g_strdup (without_path (error->message));
    case CR_DB_ERROR_PERMISSION:
      /* cr-db-file.c's reasons are words; SQLite's CANTOPEN, PERM and AUTH are not. */
      if (says (error, "(a folder on the way") || says (error, "(the file cannot be read)"))
        return g_strdup (without_path (error->message));
      if (says (error, "-wal/-shm"))
        return g_strdup_printf ("the production file, or the -wal and -shm files beside it, cannot be opened%s",
                                unchanged);
      return g_strdup_printf ("permission to the production file is denied%s", unchanged);
    case CR_DB_ERROR_SQL:
      /* "… the disk failed to read or write (disk I/O error) …", else SQLite's bare text:
       * "no such table: interview", "SQL logic error" — a file that is not as this program
       * wrote it. */
      if (says (error, "the disk failed"))
        return g_strdup_printf (writing ? "the disk failed to write the production file%s"
                                        : "the disk failed to read the production file%s", unchanged);
      return g_strdup (writing ? "the production file refused the change; nothing was changed"
                               : "the production file may be damaged");
    case CR_DB_ERROR_CONFLICT:
      /* The store's own conflict messages ("… is still used …") read well. */
      if (!says (error, "constraint"))
        return g_strdup (without_path (error->message));
      return g_strdup_printf ("it clashes with another row of the production%s", unchanged);
    case CR_DB_ERROR_READ_ONLY:
    case CR_DB_ERROR_DISK_FULL:
      /* Words already ("read-only (on read-only media); nothing was changed"). */
      return g_strdup (without_path (error->message));
    default:
      /* Validation, a missing row or file, a newer file: the store's words, as they are. */
      return g_strdup (error->message);
    }
}

/* Whether the message is the store's own words, to be shown as it is. */
static gboolean
is_words (const GError *error)
{
  if (error == NULL)
    return FALSE;
  if (error->domain != CR_DB_ERROR)
    return TRUE;
  switch (error->code)
    {
    case CR_DB_ERROR_TOO_NEW:
    case CR_DB_ERROR_EXISTS:
    case CR_DB_ERROR_NOT_FOUND:
    case CR_DB_ERROR_INVALID:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
doing_words (const GError *error,
             const char   *verb,
             const char   *what,
             gboolean      writing)
{
  g_autofree char *reason = NULL;

  if (is_words (error))
    return g_strdup (error->message);
  reason = cr_error_words_reason (error, writing);
  return g_strdup_printf ("Could not %s %s: %s", verb, what, reason);
}

char *
cr_error_words_read (const GError *error,
                     const char   *what)
{
  return doing_words (error, "read", what, FALSE);
}

char *
cr_error_words_write (const GError *error,
                      const char   *what)
{
  return doing_words (error, "save", what, TRUE);
}

char *
cr_error_words (const CrEntity *entity,
                const GError   *error)
{
  g_autofree char *noun = cr_words_entity (entity, FALSE);
  char *words;

  if (error == NULL)
    return g_strdup_printf ("Could not save the %s", entity->name);
  if (error->domain != CR_DB_ERROR)
    return g_strdup (error->message);
  switch (error->code)
    {
    case CR_DB_ERROR_CONFLICT:
      if ((words = constraint_words (entity, error->message)))
        return words;
      /* The store's own conflict messages ("… is still used …") read well. */
      if (!strstr (error->message, "constraint"))
        return g_strdup (without_path (error->message));
      return g_strdup_printf ("%s clashes with another row of the production", noun);
    case CR_DB_ERROR_SQL:
      if (says (error, "the disk failed"))
        return cr_error_words_reason (error, TRUE);
      G_GNUC_FALLTHROUGH;
    case CR_DB_ERROR_NOT_A_PRODUCTION:
      return g_strdup_printf ("The production file refused the change to this %s; nothing was changed",
                              entity->name);
    case CR_DB_ERROR_BUSY:
    case CR_DB_ERROR_PERMISSION:
      return cr_error_words_reason (error, TRUE);
    default:
      return g_strdup (without_path (error->message));
    }
}

char *
cr_error_words_titled (const char *title,
                       const char *reason)
{
  /* "Name: is required" reads as a form's own words without the colon. */
  if (g_str_has_prefix (reason, "is ") || g_str_has_prefix (reason, "must "))
    return g_strdup_printf ("%s %s", title, reason);
  return g_strdup_printf ("%s: %s", title, reason);
}

char *
cr_error_words_line (const CrEntity     *entity,
                     const GError       *error,
                     const char * const *titles)
{
  g_autofree char *words = cr_error_words (entity, error);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CrField *f = &entity->fields[i];
      g_autofree char *prefix = g_strdup_printf ("%s %s: ", entity->name, f->name);
      g_autofree char *title = NULL;

      if (!g_str_has_prefix (words, prefix))
        continue;
      for (guint j = 0; titles && titles[j] && titles[j + 1] && title == NULL; j += 2)
        if (g_str_equal (titles[j], f->name))
          title = g_strdup (titles[j + 1]);
      if (title == NULL)
        title = cr_words_field (f);
      return cr_error_words_titled (title, words + strlen (prefix));
    }
  return g_steal_pointer (&words);
}
