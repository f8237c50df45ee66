/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* iCalendar (RFC 5545) for a schedule: VEVENTs with their zones' VTIMEZONEs. */

#define CR_ICAL_ERROR (cr_ical_error_quark ())

typedef enum
{
  CR_ICAL_ERROR_INVALID, /* an event's field is missing or malformed; the message names it */
} CrIcalError;

typedef enum
{
  CR_ICAL_STATUS_NONE,      /* no STATUS line */
  CR_ICAL_STATUS_TENTATIVE,
  CR_ICAL_STATUS_CONFIRMED,
  CR_ICAL_STATUS_CANCELLED,
} CrIcalStatus;

typedef struct
{
  const char *name;  /* nullable: CN */
  const char *email; /* nullable: someone without one is left out, as no one can invite them */
} CrIcalAttendee;

/* All pointers are borrowed from the caller. Text may be any UTF-8, newlines included. */
typedef struct
{
  const char           *uid;         /* stable across exports, e.g. "interview-42@<production>" */
  GDateTime            *dtstamp;     /* when the data was exported or last changed */
  GDateTime            *start;       /* instants: their own GTimeZone does not matter */
  GDateTime            *end;
  const char           *tzid;        /* IANA zone to show them in; NULL or "UTC" for UTC */
  const char           *summary;     /* nullable, like the other text fields */
  const char           *location;
  const char           *description;
  const CrIcalAttendee *attendees;
  guint                 n_attendees;
  CrIcalStatus          status;
  const char * const   *categories;  /* nullable, NULL-terminated */
} CrIcalEvent;

GQuark  cr_ical_error_quark    (void);

char   *cr_ical_write_calendar (const char        *name,
                                const CrIcalEvent *events,
                                guint              n_events,
                                GError           **error);

G_END_DECLS
