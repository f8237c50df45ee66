/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-validate"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cr-entity.h"
#include "cr-message.h"
#include "cr-store.h"
#include "cr-validate-private.h"
#include "cr-zone.h"

gboolean
cr_field_error (const CrEntity *entity,
                const CrField  *field,
                GError        **error,
                const char     *format,
                ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* The value is echoed: a hostile field must not come back whole or drive the terminal. */
  shown = cr_message_text (msg, CR_MESSAGE_MAX_LINE);
  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s %s: %s",
               entity->name, field->name, shown);
  return FALSE;
}

static gboolean
normalize_choice (const CrEntity *entity,
                  const CrField  *field,
                  const char     *raw,
                  const char    **out,
                  GError        **error)
{
  g_autofree char *want = g_ascii_strdown (raw, -1);
  g_autoptr(GString) list = g_string_new (NULL);

  /* Users type "B roll", "B-Roll", "first_name": compare without case and separators. */
  g_strdelimit (want, " _", '-');
  for (guint i = 0; field->choices[i]; i++)
    {
      if (g_str_equal (field->choices[i], want))
        {
          *out = field->choices[i];
          return TRUE;
        }
      g_string_append_printf (list, "%s%s", i ? ", " : "", field->choices[i]);
    }
  return cr_field_error (entity, field, error, "“%s” is not one of %s", raw, list->str);
}

static gboolean
normalize_set (const CrEntity *entity,
               const CrField  *field,
               const char     *raw,
               char          **out,
               GError        **error)
{
  g_auto(GStrv) parts = g_strsplit_set (raw, ",\n", -1);
  g_autofree gboolean *chosen = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  guint n_choices = g_strv_length ((char **) field->choices);

  chosen = g_new0 (gboolean, n_choices);
  for (guint i = 0; parts[i]; i++)
    {
      const char *choice = NULL;
      char *part = g_strstrip (parts[i]);

      if (*part == '\0')
        continue;
      if (g_ascii_strcasecmp (part, "all") == 0)
        {
          for (guint c = 0; c < n_choices; c++)
            chosen[c] = TRUE;
          continue;
        }
      if (!normalize_choice (entity, field, part, &choice, error))
        return FALSE;
      for (guint c = 0; c < n_choices; c++)
        if (field->choices[c] == choice)
          chosen[c] = TRUE;
    }
  for (guint c = 0; c < n_choices; c++)
    if (chosen[c])
      g_string_append_printf (result, "%s%s", result->len ? "," : "", field->choices[c]);
  *out = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
normalize_datetime (const CrEntity *entity,
                    const CrField  *field,
                    const char     *raw,
                    const char     *zone,
                    char          **out,
                    GError        **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = g_strdup (raw);

  /* With an offset or Z it is an absolute time; otherwise a wall time in the zone. */
  g_strdelimit (text, " ", 'T');
  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    {
      if (!(tz = cr_zone_new (zone, &local_error)) || !(when = cr_zone_parse_local (raw, tz, &local_error)))
        return cr_field_error (entity, field, error, "%s", local_error->message);
    }
  utc = g_date_time_to_utc (when);
  *out = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

static gboolean
normalize_ref (CrDb           *db,
               const CrEntity *entity,
               const CrField  *field,
               const char     *raw,
               gint64         *out,
               GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (!cr_store_resolve (db, field->ref, raw, out, &local))
    return cr_field_error (entity, field, error, "%s", local->message);
  return TRUE;
}

static gboolean
normalize_links (CrDb           *db,
                 const CrEntity *entity,
                 const CrField  *field,
                 const char     *raw,
                 char          **out,
                 GError        **error)
{
  g_auto(GStrv) parts = g_strsplit (raw, "\n", -1);
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; parts[i]; i++)
    {
      char *part = g_strstrip (parts[i]);
      gint64 id = 0;

      if (*part == '\0')
        continue;
      if (!normalize_ref (db, entity, field, part, &id, error))
        return FALSE;
      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_string_append_printf (result, "%s%" G_GINT64_FORMAT, result->len ? "," : "", id);
    }
  *out = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         !g_str_has_suffix (text, ".") && strpbrk (text, " \t<>,;\"") == NULL;
}

static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" +-().", *p) && !(p[0] == 'x' || p[0] == 'X'))
        return FALSE;
    }
  return digits >= 3 && digits <= 20;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
cr_field_normalize (CrDb           *db,
                    const CrEntity *entity,
                    const CrField  *field,
                    const char     *raw,
                    const char     *zone,
                    char          **out,
                    GError        **error)
{
  g_autofree char *text = g_strdup (raw ? raw : "");
  const char *choice = NULL;
  gint64 number = 0;
  GDate date;

  *out = NULL;
  if (field->type != CR_FIELD_NOTE)
    g_strstrip (text);

  if (!g_utf8_validate (text, -1, NULL))
    return cr_field_error (entity, field, error, "not valid UTF-8 text");
  if (is_blank (text))
    {
      if (field->flags & CR_FIELD_REQUIRED)
        return cr_field_error (entity, field, error, "must not be empty");
      return TRUE;
    }
  if (field->type != CR_FIELD_NOTE && field->type != CR_FIELD_LINKS && field->type != CR_FIELD_SET &&
      strpbrk (text, "\n\r") != NULL)
    return cr_field_error (entity, field, error, "must be one line");

  switch (field->type)
    {
    case CR_FIELD_TEXT:
    case CR_FIELD_PATH:
      if (g_utf8_strlen (text, -1) > 500)
        return cr_field_error (entity, field, error, "longer than 500 characters");
      *out = g_steal_pointer (&text);
      return TRUE;

    case CR_FIELD_NOTE:
      if (strlen (text) > 100000)
        return cr_field_error (entity, field, error, "longer than 100,000 bytes");
      *out = g_steal_pointer (&text);
      return TRUE;

    case CR_FIELD_INT:
      {
        char *end = NULL;
        number = g_ascii_strtoll (text, &end, 10);
        if (end == text || *end != '\0')
          return cr_field_error (entity, field, error, "“%s” is not a whole number", text);
        if (field->min < field->max && (number < field->min || number > field->max))
          return cr_field_error (entity, field, error, "%s is outside %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                 text, field->min, field->max);
        *out = g_strdup_printf ("%" G_GINT64_FORMAT, number);
        return TRUE;
      }

    case CR_FIELD_BOOL:
      if (g_ascii_strcasecmp (text, "1") == 0 || g_ascii_strcasecmp (text, "yes") == 0 ||
          g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "y") == 0)
        *out = g_strdup ("1");
      else if (g_ascii_strcasecmp (text, "0") == 0 || g_ascii_strcasecmp (text, "no") == 0 ||
               g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "n") == 0)
        *out = g_strdup ("0");
      else
        return cr_field_error (entity, field, error, "“%s” is not yes or no", text);
      return TRUE;

    case CR_FIELD_DATE:
      if (!parse_date (text, &date))
        return cr_field_error (entity, field, error, "“%s” is not a date (write YYYY-MM-DD)", text);
      *out = g_steal_pointer (&text);
      return TRUE;

    case CR_FIELD_DATETIME:
      return normalize_datetime (entity, field, text, zone, out, error);

    case CR_FIELD_ENUM:
      if (!normalize_choice (entity, field, text, &choice, error))
        return FALSE;
      *out = g_strdup (choice);
      return TRUE;

    case CR_FIELD_SET:
      return normalize_set (entity, field, text, out, error);

    case CR_FIELD_EMAIL:
      if (!is_email (text))
        return cr_field_error (entity, field, error, "“%s” is not an email address", text);
      *out = g_steal_pointer (&text);
      return TRUE;

    case CR_FIELD_PHONE:
      if (!is_phone (text))
        return cr_field_error (entity, field, error, "“%s” is not a phone number", text);
      *out = g_steal_pointer (&text);
      return TRUE;

    case CR_FIELD_TIMEZONE:
      {
        g_autoptr(GError) local_error = NULL;
        g_autoptr(GTimeZone) tz = cr_zone_new (text, &local_error);
        if (tz == NULL)
          return cr_field_error (entity, field, error, "%s", local_error->message);
        *out = g_steal_pointer (&text);
        return TRUE;
      }

    case CR_FIELD_REF:
      if (!normalize_ref (db, entity, field, text, &number, error))
        return FALSE;
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      return TRUE;

    case CR_FIELD_LINKS:
      return normalize_links (db, entity, field, text, out, error);

    case CR_FIELD_DURATION:
      if (!cr_field_normalize_duration (entity, field, text, &number, error))
        return FALSE;
      if (field->min < field->max && (number < field->min || number > field->max))
        return cr_field_error (entity, field, error, "%s is outside the allowed range", text);
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      return TRUE;

    case CR_FIELD_RATE:
      return cr_field_normalize_rate (entity, field, text, out, error);

    case CR_FIELD_TIMECODE:
      {
        /* Exactly HH:MM:SS:FF in digits (sscanf's %2d would take "-1"). Whether FF fits the
         * rate is checked with the record, which knows its rate. */
        static const char shape[] = "99:99:99?99";
        gboolean fits = strlen (text) == 11;

        for (guint i = 0; fits && i < 11; i++)
          fits = shape[i] == '9' ? g_ascii_isdigit (text[i]) : shape[i] == ':' ? text[i] == ':' : strchr (":;.", text[i]) != NULL;
        if (!fits || atoi (text) > 23 || atoi (text + 3) > 59 || atoi (text + 6) > 59)
          return cr_field_error (entity, field, error,
                                 "“%s” is not a timecode (write HH:MM:SS:FF)", text);
        *out = g_steal_pointer (&text);
        return TRUE;
      }
    default:
      break;
    }
  g_assert_not_reached ();
}
