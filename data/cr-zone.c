/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-zone"

#include "config.h"

#include <string.h>

#include "cr-zone.h"

/* Offsets on Earth stay within -12 h .. +14 h; this margin covers them and a day's change. */
#define OFFSET_MARGIN (30 * 3600)
/* Transitions are looked for back to 1900-01-01 only: older ones (local mean time) are noise. */
#define EARLIEST_UTC G_GINT64_CONSTANT (-2208988800)

G_DEFINE_QUARK (cr-zone-error-quark, cr_zone_error)

static gint
interval_at (GTimeZone *tz,
             gint64     utc)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
}

/* The smallest second in (lo, hi] whose interval differs from lo's, or 0 with FALSE. GLib's
 * interval index only grows with universal time, so a binary search finds it exactly. */
static gboolean
next_change (GTimeZone *tz,
             gint64     lo,
             gint64     hi,
             gint64    *change)
{
  gint start = interval_at (tz, lo);

  if (hi <= lo || interval_at (tz, hi) == start)
    return FALSE;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (interval_at (tz, mid) == start)
        lo = mid;
      else
        hi = mid;
    }
  *change = hi;
  return TRUE;
}

/* Fills @out for the change at @utc; FALSE when nothing a reader could see changes (tzdata
 * sometimes splits an interval without changing offset, abbreviation or daylight flag). */
static gboolean
describe_change (GTimeZone        *tz,
                 gint64            utc,
                 CrZoneTransition *out)
{
  gint before = interval_at (tz, utc - 1);
  gint after = interval_at (tz, utc);

  out->utc = utc;
  out->offset_before = g_time_zone_get_offset (tz, before);
  out->offset_after = g_time_zone_get_offset (tz, after);
  out->is_dst = g_time_zone_is_dst (tz, after);
  out->abbreviation = g_time_zone_get_abbreviation (tz, after);
  return out->offset_before != out->offset_after
         || !g_time_zone_is_dst (tz, before) != !out->is_dst
         || g_strcmp0 (g_time_zone_get_abbreviation (tz, before), out->abbreviation) != 0;
}

gboolean
cr_zone_is_utc (const char *identifier)
{
  return identifier == NULL || *identifier == '\0' || g_ascii_strcasecmp (identifier, "UTC") == 0;
}

static gboolean
looks_like_iana_name (const char *identifier)
{
  if (identifier[0] == '/' || strstr (identifier, "..") || strstr (identifier, "//"))
    return FALSE;
  for (const char *p = identifier; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("/_+-", *p))
      return FALSE;
  return TRUE;
}

/**
 * cr_zone_new:
 * @identifier: an IANA name such as "Europe/London"; %NULL, "" or "UTC" mean UTC
 *
 * Only names with a file in the system's zoneinfo folder are accepted: GLib would also take a
 * POSIX rule such as "ABC3", which is not a zone name anyone means.
 *
 * Returns: (transfer full): the zone, or %NULL with @error set
 */
GTimeZone *
cr_zone_new (const char  *identifier,
             GError     **error)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  GTimeZone *tz = NULL;

  if (cr_zone_is_utc (identifier))
    return g_time_zone_new_utc ();

  if (looks_like_iana_name (identifier))
    {
      path = g_build_filename (tzdir && *tzdir ? tzdir : "/usr/share/zoneinfo", identifier, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        tz = g_time_zone_new_identifier (identifier);
    }
  if (tz == NULL)
    g_set_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_UNKNOWN,
                 "unknown time zone \"%s\" (expected an IANA name such as Europe/London)",
                 identifier);
  return tz;
}

/**
 * cr_zone_list_transitions:
 *
 * Returns: (transfer full): the #CrZoneTransition changes in (@from, @to], Unix times,
 *   oldest first
 */
GArray *
cr_zone_list_transitions (GTimeZone *tz,
                          gint64     from,
                          gint64     to)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (CrZoneTransition));
  gint64 at = from;
  gint64 change;

  while (next_change (tz, at, to, &change))
    {
      CrZoneTransition transition;

      if (describe_change (tz, change, &transition))
        g_array_append_val (list, transition);
      at = change;
    }
  return list;
}

/**
 * cr_zone_transition_before:
 *
 * Finds the latest change at or before @utc (back to 1900), which is when the offset in force
 * at @utc began.
 *
 * Returns: %FALSE if the zone has not changed since 1900
 */
gboolean
cr_zone_transition_before (GTimeZone        *tz,
                           gint64            utc,
                           CrZoneTransition *out)
{
  gint64 at = utc;

  while (at > EARLIEST_UTC)
    {
      gint current = interval_at (tz, at);
      gint64 lo = EARLIEST_UTC;
      gint64 hi = at;

      if (interval_at (tz, lo) == current)
        return FALSE;
      /* The first second of the interval in force at @at. */
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (interval_at (tz, mid) == current)
            hi = mid;
          else
            lo = mid;
        }
      if (describe_change (tz, hi, out))
        return TRUE;
      at = hi - 1;
    }
  return FALSE;
}

/**
 * cr_zone_resolve_local:
 * @local: a wall-clock time written as if it were UTC (Unix seconds of those fields)
 * @utc: (out): the instants that show @local, earliest first
 *
 * Returns: how many instants show @local: 0 in a gap when the clocks go forward, 2 in the
 *   repeated hour when they go back, otherwise 1
 */
guint
cr_zone_resolve_local (GTimeZone *tz,
                       gint64     local,
                       gint64     utc[2])
{
  gint first = interval_at (tz, local - OFFSET_MARGIN);
  gint last = interval_at (tz, local + OFFSET_MARGIN);
  guint n = 0;

  /* Each interval i can hold local only at local - offset(i); keep those that really do.
   * Intervals follow each other in time, so the instants come out earliest first. */
  for (gint i = first; i <= last && n < 2; i++)
    {
      gint64 candidate = local - g_time_zone_get_offset (tz, i);

      if (interval_at (tz, candidate) == i)
        utc[n++] = candidate;
    }
  return n;
}

static char *
format_unix (gint64      seconds,
             const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time ? g_date_time_format (time, format) : g_strdup ("?");
}

/**
 * cr_zone_local_to_utc:
 *
 * Converts a wall-clock time in @tz to UTC. A time the clocks skip is an error naming the gap;
 * a time the clocks show twice (when they go back) means the first of the two, which is also
 * what RFC 5545 says a DTSTART with TZID means.
 *
 * Returns: (transfer full): the time in UTC, or %NULL with @error set
 */
GDateTime *
cr_zone_local_to_utc (GTimeZone  *tz,
                      int         year,
                      int         month,
                      int         day,
                      int         hour,
                      int         minute,
                      int         second,
                      GError    **error)
{
  g_autoptr(GDateTime) fields = NULL;
  g_autoptr(GArray) around = NULL;
  gint64 local;
  gint64 utc[2];

  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
      || (fields = g_date_time_new_utc (year, month, day, hour, minute, second)) == NULL)
    {
      g_set_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_SYNTAX,
                   "%04d-%02d-%02d %02d:%02d:%02d is not a valid date and time",
                   year, month, day, hour, minute, second);
      return NULL;
    }
  local = g_date_time_to_unix (fields);
  if (cr_zone_resolve_local (tz, local, utc) > 0)
    return g_date_time_new_from_unix_utc (utc[0]);

  around = cr_zone_list_transitions (tz, local - OFFSET_MARGIN, local + OFFSET_MARGIN);
  for (guint i = 0; i < around->len; i++)
    {
      const CrZoneTransition *t = &g_array_index (around, CrZoneTransition, i);
      gint64 gap_start = t->utc + t->offset_before;
      gint64 gap_end = t->utc + t->offset_after;

      if (local >= gap_start && local < gap_end)
        {
          g_autofree char *shown = format_unix (local, "%Y-%m-%d %H:%M");
          g_autofree char *from = format_unix (gap_start, "%H:%M");
          g_autofree char *to = format_unix (gap_end, "%H:%M");

          g_set_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_NONEXISTENT,
                       "%s does not exist in %s: the clocks go forward from %s to %s",
                       shown, g_time_zone_get_identifier (tz), from, to);
          return NULL;
        }
    }
  g_set_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_NONEXISTENT,
               "%04d-%02d-%02d %02d:%02d does not exist in %s",
               year, month, day, hour, minute, g_time_zone_get_identifier (tz));
  return NULL;
}

static gboolean
digits (const char *text,
        guint       n,
        int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/**
 * cr_zone_parse_local:
 * @text: "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" ('T' may replace the space)
 *
 * Returns: (transfer full): the time in UTC, or %NULL with @error set
 */
GDateTime *
cr_zone_parse_local (const char  *text,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (s);
  int year, month, day, hour, minute, second = 0;

  if ((len != 16 && len != 19)
      || !digits (s, 4, &year) || s[4] != '-' || !digits (s + 5, 2, &month) || s[7] != '-'
      || !digits (s + 8, 2, &day) || (s[10] != ' ' && s[10] != 'T')
      || !digits (s + 11, 2, &hour) || s[13] != ':' || !digits (s + 14, 2, &minute)
      || (len == 19 && (s[16] != ':' || !digits (s + 17, 2, &second))))
    {
      g_set_error (error, CR_ZONE_ERROR, CR_ZONE_ERROR_SYNTAX,
                   "\"%s\" is not a local time; expected YYYY-MM-DD HH:MM", s);
      return NULL;
    }
  return cr_zone_local_to_utc (tz, year, month, day, hour, minute, second, error);
}

/**
 * cr_zone_format_local:
 *
 * Returns: (transfer full): @time as wall-clock time in @tz, "YYYY-MM-DD HH:MM", with ":SS"
 *   only when the seconds are not zero
 */
char *
cr_zone_format_local (GDateTime *time,
                      GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  return g_date_time_format (local, g_date_time_get_second (local) ? "%Y-%m-%d %H:%M:%S"
                                                                    : "%Y-%m-%d %H:%M");
}
