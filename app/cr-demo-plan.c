/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-demo"

#include "config.h"

#include "cr-demo-private.h"
#include "cr-store.h"

#define ZONE "Europe/London"

static gboolean
production (CrDb              *db,
            GError           **error)
{
  g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_production);

  cr_record_set (changes, "funder", "Northern Communities Fund");
  cr_record_set (changes, "description", "Two years after the grant: the volunteers, the families and the "
                                         "trustees of a food bank in Leeds say what changed.");
  cr_record_set (changes, "frame_rate", "25");
  cr_record_set (changes, "record_start", "01:00:00:00");
  cr_record_set (changes, "producer", "Priya Shah");
  cr_record_set (changes, "producer_phone", "+44 113 496 0123");
  cr_record_set (changes, "producer_email", "priya@example.org");
  cr_record_set (changes, "time_zone", ZONE);
  return cr_store_update (db, &cr_entity_production, 1, changes, error);
}

static gboolean
people (CrDb              *db,
        const CrDemoDays  *days,
        GError           **error)
{
  static const char *rows[][5] = {
    /* name, kind, role, organisation, email */
    { "Ana Silva", "interviewee", "Volunteer coordinator", "Riverside Food Bank", "ana@example.org" },
    { "Tomasz Nowak", "interviewee", "Warehouse volunteer", "Riverside Food Bank", "tomasz@example.org" },
    { "Grace Mensah", "interviewee", "Parent", NULL, NULL },
    { "David Hughes", "interviewee", "Chair of trustees", "Riverside Food Bank", "david@example.org" },
    { "Fatima Begum", "interviewee", "Allotment lead", "Riverside Growers", "fatima@example.org" },
    { "Sam Carter", "interviewee", "Former volunteer", NULL, NULL },
    { "Hannah Reid", "interviewee", "Referral worker", "Leeds Citizens Advice", "hannah@example.org" },
    { "Maria Lopez", "interviewee", "Cook", "Riverside Café", "maria@example.org" },
    { "Owen Price", "interviewee", "Driver", "Riverside Food Bank", NULL },
    { "Ben Okafor", "crew", "Camera", NULL, "ben@example.org" },
    { "Priya Shah", "crew", "Producer and sound", NULL, "priya@example.org" },
    { "Joan Whitfield", "contact", "Centre manager", "Riverside Community Centre", "joan@example.org" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!cr_demo_insert (db, &cr_entity_participant, error, "name", rows[i][0], "kind", rows[i][1],
                         "role", rows[i][2], "organisation", rows[i][3], "email", rows[i][4], NULL))
      return FALSE;
  /* A minor, filmed with his mother's consent. */
  return cr_demo_insert (db, &cr_entity_participant, error, "name", "Leo Mensah", "kind", "interviewee",
                         "role", "Helps on Saturdays", "date_of_birth", "2013-05-14",
                         "guardian_name", "Grace Mensah", "guardian_relationship", "mother", NULL) != 0;
}

/* One row per consent state a production meets: given in full, with limits, by voice, on
 * camera, for a minor, withdrawn in part and in full, lapsed, asked and declined. */
static gboolean
consent (CrDb              *db,
         const CrDemoDays  *days,
         GError           **error)
{
  const char *all = "internal,website,social-media,funder-report,broadcast";
  const CrEntity *c = &cr_entity_consent;

  return cr_demo_insert (db, c, error, "participant", "Ana Silva", "status", "signed", "date", days->before,
                         "channels", all, "media", "video,audio,photo,quotes", "naming", "full-name",
                         "expires", days->expires, "form_version", "v2", "taken_by", "Priya Shah", NULL)
    && cr_demo_insert (db, c, error, "participant", "Tomasz Nowak", "status", "signed", "date", days->before,
                       "channels", "internal,website,funder-report", "media", "video,audio",
                       "naming", "first-name", "expires", days->expires, "form_version", "v2", NULL)
    && cr_demo_insert (db, c, error, "participant", "Grace Mensah", "status", "verbal-noted", "date", days->day1,
                       "channels", "internal,funder-report", "media", "video,audio,quotes", "naming", "anonymous",
                       "notes", "Happy to be in the report to the funder, not online; no name shown.", NULL)
    && cr_demo_insert (db, c, error, "participant", "Leo Mensah", "status", "signed", "date", days->day1,
                       "channels", "internal,website,funder-report", "media", "video,audio",
                       "naming", "first-name", "form_version", "v2-minor", NULL)
    && cr_demo_insert (db, c, error, "participant", "David Hughes", "status", "recorded-on-camera",
                       "date", days->day1, "channels", all, "media", "video,audio,quotes", "naming", "full-name",
                       NULL)
    && cr_demo_insert (db, c, error, "participant", "Fatima Begum", "status", "signed", "date", days->before,
                       "channels", all, "media", "video,audio,photo", "naming", "full-name",
                       "form_version", "v2", NULL)
    && cr_demo_insert (db, c, error, "participant", "Fatima Begum", "status", "withdrawn", "date", days->lapsed,
                       "withdrawal_scope", "part", "channels", "internal,funder-report", "media", "video,audio",
                       "notes", "Asked by email not to appear online.", NULL)
    && cr_demo_insert (db, c, error, "participant", "Sam Carter", "status", "signed", "date", days->before,
                       "channels", all, "media", "video,audio", "naming", "first-name", NULL)
    && cr_demo_insert (db, c, error, "participant", "Sam Carter", "status", "withdrawn", "date", days->lapsed,
                       "withdrawal_scope", "all", "notes", "Moved away; asked to be left out.", NULL)
    && cr_demo_insert (db, c, error, "participant", "Hannah Reid", "status", "signed", "date", days->before,
                       "channels", "internal,website", "media", "video,audio", "naming", "full-name",
                       "expires", days->lapsed, "form_version", "v1", NULL)
    && cr_demo_insert (db, c, error, "participant", "Maria Lopez", "status", "requested", "date", days->day2,
                       NULL)
    && cr_demo_insert (db, c, error, "participant", "Owen Price", "status", "declined", "date", days->before,
                       "notes", "Prefers not to be filmed.", NULL);
}

static gboolean
places_and_questions (CrDb    *db,
                      GError **error)
{
  static const char *questions[][2] = {
    { "What changed for your family?", "Impact" },
    { "How did you first hear about the food bank?", "Beginnings" },
    { "What would you tell the funder?", "Impact" },
    { "What does a Saturday here look like?", "Everyday" },
  };

  if (!cr_demo_insert (db, &cr_entity_location, error, "name", "Main hall",
                       "address", "Riverside Community Centre, 1 River St, Leeds LS1 4AP",
                       "access_notes", "Load in by the side door; park on Canal Rd", "contact", "Joan Whitfield",
                       "contact_phone", "+44 113 496 0456", "nearest_hospital", "Leeds General Infirmary",
                       "time_zone", ZONE, "release_status", "signed", NULL)
      || !cr_demo_insert (db, &cr_entity_location, error, "name", "Warehouse",
                          "address", "Unit 4, Canal Road Trading Estate, Leeds LS12 2PL",
                          "access_notes", "Hi-vis on the loading bay", "time_zone", ZONE,
                          "release_status", "requested", NULL)
      || !cr_demo_insert (db, &cr_entity_location, error, "name", "Allotment garden",
                          "address", "Kirkstall Road allotments, plot 17, Leeds", "time_zone", ZONE,
                          "release_status", "not-needed", NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (!cr_demo_insert (db, &cr_entity_question, error, "text", questions[i][0], "topic", questions[i][1], NULL))
      return FALSE;
  return TRUE;
}

static gint64
interview (CrDb        *db,
           GError     **error,
           const char  *title,
           const char  *day,
           const char  *from,
           const char  *to,
           const char  *location,
           const char  *people,
           const char  *status)
{
  g_autofree char *start = g_strdup_printf ("%s %s", day, from);
  g_autofree char *end = g_strdup_printf ("%s %s", day, to);

  return cr_demo_insert (db, &cr_entity_interview, error, "title", title, "start", start, "end", end,
                         "time_zone", ZONE, "location", location, "participants", people,
                         "crew", "Ben Okafor\nPriya Shah", "questions", "1\n2\n3", "status", status, NULL);
}

/* Two shoot days; on the first, the trustee's slot overlaps Grace and Leo's in the same
 * hall with the same crew: the clash the schedule reports. */
static gboolean
schedule (CrDb              *db,
          const CrDemoDays  *days,
          GError           **error)
{
  return interview (db, error, "Ana at the hall", days->day1, "10:00", "10:45", "Main hall", "Ana Silva", "done")
    && interview (db, error, "Tomasz in the warehouse", days->day1, "11:30", "12:15", "Warehouse", "Tomasz Nowak", "done")
    && interview (db, error, "Grace and Leo", days->day1, "14:00", "14:45", "Main hall", "Grace Mensah\nLeo Mensah", "done")
    && interview (db, error, "David, the trustee", days->day1, "14:30", "15:15", "Main hall", "David Hughes", "done")
    && interview (db, error, "Fatima at the allotment", days->day2, "10:00", "10:45", "Allotment garden", "Fatima Begum", "done")
    && interview (db, error, "Sam on the first year", days->day2, "11:30", "12:00", "Main hall", "Sam Carter", "done")
    && interview (db, error, "Hannah on referrals", days->day2, "14:00", "14:30", "Warehouse", "Hannah Reid", "done")
    && interview (db, error, "Maria in the café", days->ahead, "11:00", "11:45", "Main hall", "Maria Lopez", "planned")
    && interview (db, error, "Owen on the van round", days->day2, "16:00", "16:30", "Warehouse", "Owen Price", "cancelled");
}

static gboolean
shots (CrDb    *db,
       GError **error)
{
  static const char *rows[][7] = {
    /* number, type, size, location, duration, priority, description */
    { "1A", "establishing", "ws", "Main hall", "0:10", "must", "The centre from across the river, morning" },
    { "2A", "b-roll", "ms", "Warehouse", "0:20", "high", "Volunteers stacking the shelves" },
    { "2B", "detail", "cu", "Warehouse", "0:08", "normal", "Hands packing a food parcel" },
    { "3A", "b-roll", "ls", "Allotment garden", "0:15", "normal", "Fatima picking beans" },
    { "4A", "interview", "mcu", "Main hall", "1:30", "must", "Ana, two-camera interview" },
    { "5A", "cutaway", "cu", "Main hall", "0:05", "low", "The tea urn and the queue" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!cr_demo_insert (db, &cr_entity_shot, error, "number", rows[i][0], "type", rows[i][1], "size", rows[i][2],
                         "location", rows[i][3], "duration", rows[i][4], "priority", rows[i][5],
                         "description", rows[i][6], NULL))
      return FALSE;
  return TRUE;
}

gboolean
cr_demo_plan (CrDb              *db,
              const CrDemoDays  *days,
              GError           **error)
{
  return production (db, error) && people (db, days, error) && consent (db, days, error)
         && places_and_questions (db, error) && schedule (db, days, error) && shots (db, error);
}
