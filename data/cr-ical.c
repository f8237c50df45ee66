/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-ical"

#include "config.h"

#include <string.h>

#include "cr-ical.h"
#include "cr-zone.h"

#define PRODID "-//Casereel//Casereel 0.1//EN"
/* RFC 5545 3.1: at most 75 octets per line, not counting CRLF. */
#define LINE_OCTETS 75
/* A VTIMEZONE lists the zone's changes from a year before its first event to a year after its
 * last, so a reader can place every event and its neighbours. */
#define ZONE_MARGIN (G_GINT64_CONSTANT (366) * 24 * 3600)

typedef struct
{
  const char *tzid;  /* borrowed from an event */
  GTimeZone  *tz;
  gint64      first; /* Unix times of the events shown in this zone */
  gint64      last;
} ZoneUse;

G_DEFINE_QUARK (cr-ical-error-quark, cr_ical_error)

static void
zone_use_clear (gpointer data)
{
  ZoneUse *zone = data;

  g_clear_pointer (&zone->tz, g_time_zone_unref);
}

/* Writes one content line, folded so that no line passes LINE_OCTETS and no UTF-8 character
 * is split; a continuation line's leading space counts towards its length. */
static void
append_line (GString    *out,
             const char *line)
{
  const char *p = line;
  gsize rest = strlen (line);
  gsize limit = LINE_OCTETS;

  while (rest > limit)
    {
      gsize cut = limit;

      while (cut > 0 && ((guchar) p[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      rest -= cut;
      limit = LINE_OCTETS - 1;
    }
  g_string_append_len (out, p, rest);
  g_string_append (out, "\r\n");
}

static void
append_linef (GString    *out,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
append_linef (GString    *out,
              const char *format,
              ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_line (out, line);
}

/* RFC 5545 3.3.11 TEXT. Other control characters have no escape and are dropped. */
static void
escape_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          if (((guchar) *p >= 0x20 && *p != 0x7f) || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
}

static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  escape_text (line, value);
  append_line (out, line->str);
}

static char *
format_unix (gint64      seconds,
             const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, format);
}

/* ±HHMM, or ±HHMMSS for the odd historical offset. */
static char *
format_offset (gint32 offset)
{
  char sign = offset < 0 ? '-' : '+';
  guint32 abs = ABS (offset);

  if (abs % 60)
    return g_strdup_printf ("%c%02u%02u%02u", sign, abs / 3600, abs / 60 % 60, abs % 60);
  return g_strdup_printf ("%c%02u%02u", sign, abs / 3600, abs / 60 % 60);
}

/* DTSTART/DTEND as local time with TZID, or in UTC when there is no zone or when the local
 * time is one the clocks show twice: RFC 5545 says such a time means the first, but readers
 * differ (python-icalendar takes the second), and UTC leaves no doubt. */
static void
append_time (GString    *out,
             const char *name,
             GDateTime  *time,
             ZoneUse    *zone)
{
  gint64 utc = g_date_time_to_unix (time);
  g_autofree char *text = NULL;

  if (zone != NULL)
    {
      gint interval = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL, utc);
      gint64 local = utc + g_time_zone_get_offset (zone->tz, interval);
      gint64 shown[2];

      if (cr_zone_resolve_local (zone->tz, local, shown) == 1)
        {
          text = format_unix (local, "%Y%m%dT%H%M%S");
          append_linef (out, "%s;TZID=%s:%s", name, zone->tzid, text);
          return;
        }
    }
  text = format_unix (utc, "%Y%m%dT%H%M%SZ");
  append_linef (out, "%s:%s", name, text);
}

static void
append_observance (GString                *out,
                   const CrZoneTransition *change)
{
  const char *kind = change->is_dst ? "DAYLIGHT" : "STANDARD";
  g_autofree char *start = format_unix (change->utc + change->offset_before, "%Y%m%dT%H%M%S");
  g_autofree char *from = format_offset (change->offset_before);
  g_autofree char *to = format_offset (change->offset_after);

  append_linef (out, "BEGIN:%s", kind);
  append_linef (out, "DTSTART:%s", start);
  append_linef (out, "TZOFFSETFROM:%s", from);
  append_linef (out, "TZOFFSETTO:%s", to);
  append_text (out, "TZNAME", change->abbreviation);
  append_linef (out, "END:%s", kind);
}

/* GTimeZone lists no transitions, so they are found by searching its offsets. The first
 * observance is the change that began the offset in force at the start of the range. */
static void
append_vtimezone (GString *out,
                  ZoneUse *zone)
{
  gint64 from = zone->first - ZONE_MARGIN;
  g_autoptr(GArray) changes = cr_zone_list_transitions (zone->tz, from, zone->last + ZONE_MARGIN);
  CrZoneTransition start;

  append_line (out, "BEGIN:VTIMEZONE");
  append_linef (out, "TZID:%s", zone->tzid);
  if (!cr_zone_transition_before (zone->tz, from, &start))
    {
      /* No change in living memory: one observance, from 1970, with a constant offset. */
      gint interval = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL, from);

      start.offset_before = start.offset_after = g_time_zone_get_offset (zone->tz, interval);
      start.utc = MIN (0, from) - start.offset_before;
      start.is_dst = g_time_zone_is_dst (zone->tz, interval);
      start.abbreviation = g_time_zone_get_abbreviation (zone->tz, interval);
    }
  append_observance (out, &start);
  for (guint i = 0; i < changes->len; i++)
    append_observance (out, &g_array_index (changes, CrZoneTransition, i));
  append_line (out, "END:VTIMEZONE");
}

static void
append_attendee (GString              *out,
                 const CrIcalAttendee *attendee)
{
  g_autoptr(GString) line = g_string_new ("ATTENDEE");

  if (attendee->name && *attendee->name)
    {
      /* A quoted parameter value cannot hold a double quote or a control character, and
       * RFC 6868's ^' escape is widely ignored: an apostrophe and a space stand in. */
      g_string_append (line, ";CN=\"");
      for (const char *p = attendee->name; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '\'');
          else if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append_c (line, ' ');
          else
            g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  g_string_append_printf (line, ":mailto:%s", attendee->email);
  append_line (out, line->str);
}

static void
append_categories (GString            *out,
                   const char * const *categories)
{
  g_autoptr(GString) line = g_string_new ("CATEGORIES:");
  gboolean any = FALSE;

  for (guint i = 0; categories && categories[i]; i++)
    {
      if (*categories[i] == '\0')
        continue;
      if (any)
        g_string_append_c (line, ',');
      escape_text (line, categories[i]);
      any = TRUE;
    }
  if (any)
    append_line (out, line->str);
}

static const char *
status_name (CrIcalStatus status)
{
  switch (status)
    {
    case CR_ICAL_STATUS_TENTATIVE:
      return "TENTATIVE";
    case CR_ICAL_STATUS_CONFIRMED:
      return "CONFIRMED";
    case CR_ICAL_STATUS_CANCELLED:
      return "CANCELLED";
    case CR_ICAL_STATUS_NONE:
    default:
      return NULL;
    }
}

static void
append_event (GString           *out,
              const CrIcalEvent *event,
              ZoneUse           *zone)
{
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) stamp_utc = g_date_time_to_utc (event->dtstamp);

  stamp = g_date_time_format (stamp_utc, "%Y%m%dT%H%M%SZ");
  append_line (out, "BEGIN:VEVENT");
  append_text (out, "UID", event->uid);
  append_linef (out, "DTSTAMP:%s", stamp);
  append_time (out, "DTSTART", event->start, zone);
  append_time (out, "DTEND", event->end, zone);
  append_text (out, "SUMMARY", event->summary);
  append_text (out, "LOCATION", event->location);
  append_text (out, "DESCRIPTION", event->description);
  if (status_name (event->status))
    append_linef (out, "STATUS:%s", status_name (event->status));
  append_categories (out, event->categories);
  for (guint i = 0; i < event->n_attendees; i++)
    if (event->attendees[i].email && *event->attendees[i].email)
      append_attendee (out, &event->attendees[i]);
  append_line (out, "END:VEVENT");
}

static gboolean
invalid (GError     **error,
         guint        index,
         const char  *uid,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (GError     **error,
         guint        index,
         const char  *uid,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (uid && *uid && g_utf8_validate (uid, -1, NULL))
    g_set_error (error, CR_ICAL_ERROR, CR_ICAL_ERROR_INVALID, "event %s: %s", uid, what);
  else
    g_set_error (error, CR_ICAL_ERROR, CR_ICAL_ERROR_INVALID, "event %u: %s", index + 1, what);
  return FALSE;
}

static gboolean
check_email (const char *email)
{
  if (email == NULL || strchr (email, '@') == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;
  for (const char *p = email; *p; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static gboolean
check_event (const CrIcalEvent  *event,
             guint               index,
             GError            **error)
{
  const char *uid = event->uid;
  const struct { const char *name; const char *value; } texts[] = {
    { "uid", event->uid },
    { "summary", event->summary },
    { "location", event->location },
    { "description", event->description },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].value && !g_utf8_validate (texts[i].value, -1, NULL))
      return invalid (error, index, NULL, "%s is not valid UTF-8", texts[i].name);
  if (uid == NULL || *uid == '\0')
    return invalid (error, index, NULL, "uid is missing");
  if (event->dtstamp == NULL)
    return invalid (error, index, uid, "dtstamp is missing");
  if (event->start == NULL || event->end == NULL)
    return invalid (error, index, uid, "%s is missing", event->start ? "end" : "start");
  if (g_date_time_compare (event->end, event->start) < 0)
    return invalid (error, index, uid, "end is before start");
  for (guint i = 0; event->categories && event->categories[i]; i++)
    if (!g_utf8_validate (event->categories[i], -1, NULL))
      return invalid (error, index, uid, "category %u is not valid UTF-8", i + 1);
  for (guint i = 0; i < event->n_attendees; i++)
    {
      const CrIcalAttendee *attendee = &event->attendees[i];

      if (attendee->email == NULL || *attendee->email == '\0')
        continue;
      if (!check_email (attendee->email))
        return invalid (error, index, uid, "attendee %u: \"%s\" is not an email address",
                        i + 1, attendee->email ? attendee->email : "");
      if (attendee->name && !g_utf8_validate (attendee->name, -1, NULL))
        return invalid (error, index, uid, "attendee %u: name is not valid UTF-8", i + 1);
    }
  return TRUE;
}

/* Finds or adds the zone @event is shown in and widens its span; NULL for UTC. */
static gboolean
use_zone (GArray             *zones,
          const CrIcalEvent  *event,
          guint               index,
          ZoneUse           **out,
          GError            **error)
{
  gint64 start = g_date_time_to_unix (event->start);
  gint64 end = g_date_time_to_unix (event->end);
  g_autoptr(GError) local_error = NULL;
  ZoneUse zone = { 0 };

  *out = NULL;
  if (cr_zone_is_utc (event->tzid))
    return TRUE;
  for (guint i = 0; i < zones->len; i++)
    {
      ZoneUse *known = &g_array_index (zones, ZoneUse, i);

      if (strcmp (known->tzid, event->tzid) == 0)
        {
          known->first = MIN (known->first, start);
          known->last = MAX (known->last, end);
          *out = known;
          return TRUE;
        }
    }
  zone.tz = cr_zone_new (event->tzid, &local_error);
  if (zone.tz == NULL)
    return invalid (error, index, event->uid, "%s", local_error->message);
  zone.tzid = event->tzid;
  zone.first = start;
  zone.last = end;
  g_array_append_val (zones, zone);
  *out = &g_array_index (zones, ZoneUse, zones->len - 1);
  return TRUE;
}

/**
 * cr_ical_write_calendar:
 * @name: (nullable): the calendar's name, shown by calendar programs
 *
 * Writes a VCALENDAR with one VEVENT per event and a VTIMEZONE for each zone the events are
 * shown in, lines folded and ending in CRLF. Nothing is written when any event is invalid.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error naming the event and field
 */
char *
cr_ical_write_calendar (const char         *name,
                        const CrIcalEvent  *events,
                        guint               n_events,
                        GError            **error)
{
  g_autoptr(GArray) zones = g_array_new (FALSE, TRUE, sizeof (ZoneUse));
  g_autofree guint *zone_of = g_new0 (guint, n_events + 1); /* index + 1; 0 for UTC */
  g_autoptr(GString) out = g_string_new (NULL);

  g_array_set_clear_func (zones, zone_use_clear);
  if (name && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CR_ICAL_ERROR, CR_ICAL_ERROR_INVALID,
                           "calendar name is not valid UTF-8");
      return NULL;
    }
  for (guint i = 0; i < n_events; i++)
    {
      ZoneUse *zone;

      if (!check_event (&events[i], i, error) || !use_zone (zones, &events[i], i, &zone, error))
        return NULL;
      zone_of[i] = zone ? (guint) (zone - (ZoneUse *) zones->data) + 1 : 0;
    }

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:" PRODID);
  append_line (out, "CALSCALE:GREGORIAN");
  /* NAME is RFC 7986; X-WR-CALNAME is what most calendar programs still read. */
  append_text (out, "NAME", name);
  append_text (out, "X-WR-CALNAME", name);
  for (guint i = 0; i < zones->len; i++)
    append_vtimezone (out, &g_array_index (zones, ZoneUse, i));
  for (guint i = 0; i < n_events; i++)
    append_event (out, &events[i],
                  zone_of[i] ? &g_array_index (zones, ZoneUse, zone_of[i] - 1) : NULL);
  append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
