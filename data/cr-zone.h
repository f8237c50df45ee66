/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* IANA time zones on top of GTimeZone: validating a name, converting wall-clock times to UTC
 * and back, and listing the transitions GTimeZone knows (it has no API for them). */

#define CR_ZONE_ERROR (cr_zone_error_quark ())

typedef enum
{
  CR_ZONE_ERROR_UNKNOWN,     /* not an IANA time-zone name on this system */
  CR_ZONE_ERROR_SYNTAX,      /* a local time that is not "YYYY-MM-DD HH:MM[:SS]" */
  CR_ZONE_ERROR_NONEXISTENT, /* a local time skipped when the clocks go forward */
} CrZoneError;

/* One change of UTC offset (or of abbreviation or daylight flag). */
typedef struct
{
  gint64      utc;           /* the first second of the new offset, Unix time */
  gint32      offset_before; /* seconds east of UTC */
  gint32      offset_after;
  gboolean    is_dst;        /* after the change */
  const char *abbreviation;  /* after the change; owned by the GTimeZone */
} CrZoneTransition;

GQuark      cr_zone_error_quark       (void);
GTimeZone  *cr_zone_new               (const char        *identifier,
                                       GError           **error);
gboolean    cr_zone_is_utc            (const char        *identifier);

GArray     *cr_zone_list_transitions  (GTimeZone         *tz,
                                       gint64             from,
                                       gint64             to);
gboolean    cr_zone_transition_before (GTimeZone         *tz,
                                       gint64             utc,
                                       CrZoneTransition  *out);

guint       cr_zone_resolve_local     (GTimeZone         *tz,
                                       gint64             local,
                                       gint64             utc[2]);
GDateTime  *cr_zone_local_to_utc      (GTimeZone         *tz,
                                       int                year,
                                       int                month,
                                       int                day,
                                       int                hour,
                                       int                minute,
                                       int                second,
                                       GError           **error);
GDateTime  *cr_zone_parse_local       (const char        *text,
                                       GTimeZone         *tz,
                                       GError           **error);
char       *cr_zone_format_local      (GDateTime         *time,
                                       GTimeZone         *tz);

G_END_DECLS
