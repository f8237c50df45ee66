/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-validate"

/* Durations, frame rates and timecodes as users type them, parsed strictly: a value that is
 * not one is refused, never turned into a different one. */

#include "config.h"

#include <string.h>

#include "cr-entity.h"
#include "cr-validate-private.h"

/* Digits only, at most nine: no sign, no space (sscanf's %d reads "-0" as 0 and overflows on
 * long input). */
static gboolean
parse_count (const char **p,
             gint64      *out)
{
  const char *s = *p;
  gint64 value = 0;
  guint n = 0;

  for (; g_ascii_isdigit (*s); s++, n++)
    {
      if (n == 9)
        return FALSE;
      value = value * 10 + (*s - '0');
    }
  if (n == 0)
    return FALSE;
  *p = s;
  *out = value;
  return TRUE;
}

gboolean
cr_field_normalize_duration (const CrEntity *entity,
                             const CrField  *field,
                             const char     *raw,
                             gint64         *out,
                             GError        **error)
{
  gint64 parts[3];
  guint n = 0;
  const char *p = raw;

  /* "90" seconds, "1:30", "1:02:03", "5m", "90s", "1h" */
  for (;;)
    {
      if (!parse_count (&p, &parts[n]))
        goto bad;
      n++;
      if (*p != ':' || n == 3)
        break;
      p++;
    }
  if (n == 1 && p[0] != '\0' && p[1] == '\0' && strchr ("smh", p[0]))
    {
      *out = parts[0] * (p[0] == 's' ? 1 : p[0] == 'm' ? 60 : 3600);
      return TRUE;
    }
  if (*p != '\0' || (n >= 2 && parts[n - 1] > 59) || (n == 3 && parts[1] > 59))
    goto bad;
  *out = n == 1 ? parts[0] : n == 2 ? parts[0] * 60 + parts[1] : parts[0] * 3600 + parts[1] * 60 + parts[2];
  return TRUE;

bad:
  return cr_field_error (entity, field, error,
                         "“%s” is not a duration (seconds, M:SS, H:MM:SS, or 5m; never negative)", raw);
}

/* Timecode counts whole frames a second, or a 1000/1001 rate of them (29.97), up to 999: the
 * limit of media/cr-timecode.c. A rate it cannot count would be stored and then break every
 * export. */
#define MAX_TIMECODE_FPS 999

static gboolean
rate_has_timecode (gint64 num,
                   gint64 den)
{
  if (num <= 0 || den <= 0)
    return FALSE;
  if (num % den == 0)
    return num / den <= MAX_TIMECODE_FPS;
  return den == 1001 && num % 1000 == 0 && num / 1000 <= MAX_TIMECODE_FPS;
}

static gint64
gcd (gint64 a,
     gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

gboolean
cr_field_normalize_rate (const CrEntity *entity,
                         const CrField  *field,
                         const char     *raw,
                         char          **out,
                         GError        **error)
{
  static const struct { const char *text; const char *rate; } common[] = {
    { "23.976", "24000/1001" }, { "23.98", "24000/1001" }, { "29.97", "30000/1001" },
    { "59.94", "60000/1001" }, { "47.952", "48000/1001" }, { "119.88", "120000/1001" },
  };
  const char *p = raw;
  gint64 num, den = 1;

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (g_str_equal (raw, common[i].text))
      {
        *out = g_strdup (common[i].rate);
        return TRUE;
      }
  if (!parse_count (&p, &num) || (*p == '/' && (p++, !parse_count (&p, &den))) || *p != '\0'
      || num == 0 || den == 0)
    return cr_field_error (entity, field, error,
                           "“%s” is not a frame rate (25, 29.97, 30000/1001 …)", raw);
  {
    gint64 g = gcd (num, den);

    num /= g;
    den /= g;
  }
  /* 30000/1001 reduces to itself; 60/2 to 30/1. */
  if (!rate_has_timecode (num, den))
    return cr_field_error (entity, field, error,
                           "“%s” has no timecode: use a whole number of frames a second up to %d, "
                           "or a 1000/1001 rate such as 29.97", raw, MAX_TIMECODE_FPS);
  *out = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, num, den);
  return TRUE;
}

gboolean
cr_field_check_timecode_rate (const CrEntity  *entity,
                              CrRecord        *record,
                              const char      *timecode_field,
                              const char      *rate,
                              GError         **error)
{
  const char *timecode = cr_record_get (record, timecode_field);
  gint64 num, den = 1, frames;
  const char *p = rate;

  /* Normalised already: HH:MM:SS:FF and NUM/DEN. */
  if (timecode == NULL || rate == NULL || strlen (timecode) != 11)
    return TRUE;
  if (!parse_count (&p, &num) || (*p == '/' && (p++, !parse_count (&p, &den))) || den == 0)
    return TRUE;
  p = timecode + 9;
  if (!parse_count (&p, &frames))
    return TRUE;
  if (frames >= (num + den / 2) / den)
    return cr_field_error (entity, cr_entity_find_field (entity, timecode_field), error,
                           "“%s” has frame %" G_GINT64_FORMAT ", but at %s the frames of a second count "
                           "0 to %" G_GINT64_FORMAT, timecode, frames, rate, (num + den / 2) / den - 1);
  return TRUE;
}
