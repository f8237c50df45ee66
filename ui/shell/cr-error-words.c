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
    case CR_DB_ERROR_NOT_A_PRODUCTION:
      return g_strdup_printf ("The production file refused the change to this %s; nothing was changed",
                              entity->name);
    default:
      return g_strdup (without_path (error->message));
    }
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
      return g_strdup_printf ("%s: %s", title, words + strlen (prefix));
    }
  return g_steal_pointer (&words);
}
