/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-entities"

#include "config.h"

#include "cr-entity.h"
#include "cr-consent.h"

/* Choices as stored; the schema's CHECK constraints list the same words. */
static const char * const participant_kinds[] = { "interviewee", "crew", "contact", NULL };
const char * const cr_consent_statuses[] = { "not-requested", "requested", "signed", "verbal-noted",
                                             "recorded-on-camera", "declined", "withdrawn", NULL };
const char * const cr_consent_channels[] = { "internal", "website", "social-media", "funder-report",
                                             "broadcast", NULL };
const char * const cr_consent_media[] = { "video", "audio", "photo", "quotes", NULL };
const char * const cr_naming_levels[] = { "full-name", "first-name", "anonymous", NULL };
static const char * const withdrawal_scopes[] = { "all", "part", NULL };
static const char * const release_statuses[] = { "not-needed", "requested", "signed", "declined", NULL };
static const char * const interview_statuses[] = { "planned", "confirmed", "done", "cancelled", NULL };
static const char * const shot_types[] = { "interview", "b-roll", "cutaway", "establishing", "detail", NULL };
static const char * const shot_sizes[] = { "ecu", "cu", "mcu", "ms", "mls", "ls", "ws", "ews", "ots",
                                           "two-shot", "insert", NULL };
static const char * const shot_priorities[] = { "low", "normal", "high", "must", NULL };
static const char * const shot_statuses[] = { "planned", "captured", "selected", "dropped", NULL };

#define REQ CR_FIELD_REQUIRED

/* ---- production ---- */

static const CrField production_fields[] = {
  { "title", NULL, CR_FIELD_TEXT, REQ, .blurb = "The case study's working title" },
  { "funder", NULL, CR_FIELD_TEXT, .blurb = "Who the film is for" },
  { "description", NULL, CR_FIELD_NOTE, .blurb = "What the project achieved, in a few lines" },
  { "frame_rate", NULL, CR_FIELD_RATE, REQ, .blurb = "Default frame rate (25, 29.97, 30000/1001 …)" },
  { "record_start", NULL, CR_FIELD_TIMECODE, REQ, .blurb = "Record start timecode of cuts" },
  { "producer", NULL, CR_FIELD_TEXT, .blurb = "Producer's name, for call sheets" },
  { "producer_phone", NULL, CR_FIELD_PHONE, .blurb = "Producer's phone" },
  { "producer_email", NULL, CR_FIELD_EMAIL, .blurb = "Producer's email" },
  { "time_zone", NULL, CR_FIELD_TIMEZONE, .blurb = "Where the production is planned (IANA name)" },
  { "created_at", NULL, CR_FIELD_TEXT, CR_FIELD_READONLY, .blurb = "When the file was made" },
};

static gboolean
check_production (CrDb      *db,
                  CrRecord  *record,
                  gboolean   creating,
                  GError   **error)
{
  return cr_field_check_timecode_rate (record->entity, record, "record_start",
                                       cr_record_get (record, "frame_rate"), error);
}

const CrEntity cr_entity_production = {
  "production", "production", "production", "title", "id",
  production_fields, G_N_ELEMENTS (production_fields), NULL, check_production,
};

/* ---- participant ---- */

static gboolean
check_participant (CrDb      *db,
                   CrRecord  *record,
                   gboolean   creating,
                   GError   **error)
{
  const char *dob = cr_record_get (record, "date_of_birth");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (dob && g_strcmp0 (dob, today) > 0)
    return cr_field_error (record->entity, cr_entity_find_field (record->entity, "date_of_birth"),
                           error, "%s is in the future", dob);
  return TRUE;
}

static const CrField participant_fields[] = {
  { "name", NULL, CR_FIELD_TEXT, REQ, .blurb = "Full name" },
  { "kind", NULL, CR_FIELD_ENUM, REQ, participant_kinds, .blurb = "interviewee, crew or contact" },
  { "role", NULL, CR_FIELD_TEXT, CR_FIELD_DESCRIBES, .blurb = "Role or job title" },
  { "organisation", NULL, CR_FIELD_TEXT, CR_FIELD_DESCRIBES, .blurb = "Organisation" },
  { "email", NULL, CR_FIELD_EMAIL, .blurb = "Email address" },
  { "phone", NULL, CR_FIELD_PHONE, .blurb = "Phone number" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes" },
  { "date_of_birth", NULL, CR_FIELD_DATE, .blurb = "Date of birth (YYYY-MM-DD), for minors" },
  { "minor", NULL, CR_FIELD_BOOL, .blurb = "Under 18 when filmed (yes/no), if the date of birth is not kept" },
  { "guardian_name", NULL, CR_FIELD_TEXT, .blurb = "A minor's parent or guardian" },
  { "guardian_relationship", NULL, CR_FIELD_TEXT, .blurb = "The guardian's relationship to the minor" },
  { "erased_at", NULL, CR_FIELD_TEXT, CR_FIELD_READONLY, .blurb = "When the person's data was erased at their request" },
};

const CrEntity cr_entity_participant = {
  "participant", "participants", "participant", "name", "name COLLATE NOCASE, id",
  participant_fields, G_N_ELEMENTS (participant_fields), NULL, check_participant,
};

/* ---- consent (append-only history) ---- */

static const CrField consent_fields[] = {
  { "participant", NULL, CR_FIELD_REF, REQ | CR_FIELD_CREATE_ONLY, .ref = &cr_entity_participant,
    .blurb = "Whose consent (name or id)" },
  { "status", NULL, CR_FIELD_ENUM, REQ, cr_consent_statuses,
    .blurb = "not-requested, requested, signed, verbal-noted, recorded-on-camera, declined, withdrawn" },
  { "date", NULL, CR_FIELD_DATE, REQ, .blurb = "When it was given or changed (YYYY-MM-DD; default today)" },
  { "taken_by", NULL, CR_FIELD_TEXT, .blurb = "Who took it" },
  { "form_version", NULL, CR_FIELD_TEXT, .blurb = "Version of the form or information sheet" },
  { "channels", NULL, CR_FIELD_SET, 0, cr_consent_channels,
    .blurb = "internal, website, social-media, funder-report, broadcast (comma-separated, or all)" },
  { "media", NULL, CR_FIELD_SET, 0, cr_consent_media, .blurb = "video, audio, photo, quotes (or all)" },
  { "naming", NULL, CR_FIELD_ENUM, 0, cr_naming_levels, .blurb = "full-name, first-name or anonymous" },
  { "expires", NULL, CR_FIELD_DATE, .blurb = "When the consent lapses (YYYY-MM-DD)" },
  { "form_path", NULL, CR_FIELD_PATH, .blurb = "The signed form's file" },
  { "guardian_name", NULL, CR_FIELD_TEXT, .blurb = "For a minor: the guardian who consented" },
  { "guardian_relationship", NULL, CR_FIELD_TEXT, .blurb = "For a minor: the guardian's relationship" },
  { "withdrawal_scope", NULL, CR_FIELD_ENUM, 0, withdrawal_scopes,
    .blurb = "For a withdrawal: all, or part (channels and media then say what remains)" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "What was said; required for verbal consent" },
  { "recorded_at", NULL, CR_FIELD_TEXT, CR_FIELD_READONLY, .blurb = "When this record was made" },
};

const CrEntity cr_entity_consent = {
  "consent", "consents", "consent", "status", "participant, date, id",
  consent_fields, G_N_ELEMENTS (consent_fields), NULL, cr_consent_check,
};

/* ---- location ---- */

static const CrField location_fields[] = {
  { "name", NULL, CR_FIELD_TEXT, REQ, .blurb = "What the crew calls it" },
  { "address", NULL, CR_FIELD_NOTE, .blurb = "Postal address" },
  { "access_notes", NULL, CR_FIELD_NOTE, .blurb = "Access and parking" },
  { "contact", NULL, CR_FIELD_TEXT, .blurb = "Who to ask on the day" },
  { "contact_phone", NULL, CR_FIELD_PHONE, .blurb = "Their phone" },
  { "nearest_hospital", NULL, CR_FIELD_NOTE, .blurb = "Nearest hospital with A&E" },
  { "time_zone", NULL, CR_FIELD_TIMEZONE, .blurb = "IANA time zone of the place" },
  { "release_status", NULL, CR_FIELD_ENUM, 0, release_statuses, .preset = "not-needed",
    .blurb = "Location release: not-needed, requested, signed, declined" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes" },
};

/* Places are named, on the command line and on call sheets, by their names: two of one name
 * (in any case) could not be told apart. People may share a name; places need not. */
static gboolean
check_location (CrDb      *db,
                CrRecord  *record,
                gboolean   creating,
                GError   **error)
{
  const char *name = cr_record_get (record, "name");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (name == NULL)
    return TRUE;
  if (!(stmt = cr_db_prepare (db, "SELECT 1 FROM location WHERE name = ? COLLATE NOCASE AND id <> ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return cr_field_error (record->entity, cr_entity_find_field (record->entity, "name"), error,
                           "“%s” is already the name of another location", name);
  return TRUE;
}

const CrEntity cr_entity_location = {
  "location", "locations", "location", "name", "name COLLATE NOCASE, id",
  location_fields, G_N_ELEMENTS (location_fields), NULL, check_location,
};

/* ---- question bank ---- */

static const CrField question_fields[] = {
  { "text", NULL, CR_FIELD_TEXT, REQ, .blurb = "The question as asked" },
  { "topic", NULL, CR_FIELD_TEXT, .blurb = "Topic or section" },
  { "position", NULL, CR_FIELD_INT, 0, .blurb = "Order in the bank (default: last)", .min = 0, .max = 1000000 },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes for the interviewer" },
};

const CrEntity cr_entity_question = {
  "question", "questions", "question", "text", "position, id",
  question_fields, G_N_ELEMENTS (question_fields), NULL, NULL,
};

/* ---- interview ---- */

static gboolean
check_interview (CrDb      *db,
                 CrRecord  *record,
                 gboolean   creating,
                 GError   **error)
{
  const char *start = cr_record_get (record, "start");
  const char *end = cr_record_get (record, "end");

  if (start && end && g_strcmp0 (end, start) <= 0)
    return cr_field_error (record->entity, cr_entity_find_field (record->entity, "end"), error,
                           "must be after the start");
  return TRUE;
}

static const CrField interview_fields[] = {
  { "title", NULL, CR_FIELD_TEXT, REQ, .blurb = "What the session is" },
  { "start", "starts_at", CR_FIELD_DATETIME, REQ | CR_FIELD_DESCRIBES, .blurb = "Start, local time: YYYY-MM-DD HH:MM" },
  { "end", "ends_at", CR_FIELD_DATETIME, REQ, .blurb = "End, local time: YYYY-MM-DD HH:MM" },
  { "time_zone", NULL, CR_FIELD_TIMEZONE, REQ,
    .blurb = "IANA time zone of the times (default: the location's, then the production's)" },
  { "location", NULL, CR_FIELD_REF, CR_FIELD_DESCRIBES, .ref = &cr_entity_location, .blurb = "Where (name or id)" },
  { "participants", "interview_participant", CR_FIELD_LINKS, .ref = &cr_entity_participant,
    .blurb = "Who is interviewed (repeat the option; name or id)" },
  { "crew", "interview_crew", CR_FIELD_LINKS, .ref = &cr_entity_participant,
    .blurb = "Who films (repeat the option; name or id)" },
  { "questions", "interview_question", CR_FIELD_LINKS, .ref = &cr_entity_question,
    .blurb = "Questions from the bank, in order (repeat the option; id)" },
  { "status", NULL, CR_FIELD_ENUM, 0, interview_statuses, .preset = "planned", .blurb = "planned, confirmed, done, cancelled" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes" },
};

const CrEntity cr_entity_interview = {
  "interview", "interviews", "interview", "title", "starts_at, id",
  interview_fields, G_N_ELEMENTS (interview_fields), NULL, check_interview,
};

/* ---- shot list ---- */

static gboolean
check_shot (CrDb      *db,
            CrRecord  *record,
            gboolean   creating,
            GError   **error)
{
  const char *number = cr_record_get (record, "number");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (number == NULL)
    return TRUE;
  stmt = cr_db_prepare (db, "SELECT 1 FROM shot WHERE number = ? COLLATE NOCASE AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return cr_field_error (record->entity, cr_entity_find_field (record->entity, "number"), error,
                           "“%s” is already used by another shot", number);
  return TRUE;
}

static const CrField shot_fields[] = {
  { "number", NULL, CR_FIELD_TEXT, REQ, .blurb = "Shot number such as 4A (unique)" },
  { "description", NULL, CR_FIELD_NOTE, CR_FIELD_DESCRIBES, .blurb = "What the shot shows" },
  { "type", NULL, CR_FIELD_ENUM, 0, shot_types, .preset = "b-roll", .blurb = "interview, b-roll, cutaway, establishing, detail" },
  { "size", NULL, CR_FIELD_ENUM, 0, shot_sizes, .blurb = "ecu, cu, mcu, ms, mls, ls, ws, ews, ots, two-shot, insert" },
  { "movement", NULL, CR_FIELD_TEXT, .blurb = "Static, pan, tilt, handheld, gimbal …" },
  { "lens", NULL, CR_FIELD_TEXT, .blurb = "Lens or focal length" },
  { "location", NULL, CR_FIELD_REF, .ref = &cr_entity_location, .blurb = "Where (name or id)" },
  { "interview", NULL, CR_FIELD_REF, .ref = &cr_entity_interview, .blurb = "During which interview (title or id)" },
  { "participants", "shot_participant", CR_FIELD_LINKS, .ref = &cr_entity_participant,
    .blurb = "Who is in shot (repeat the option; name or id)" },
  { "duration", NULL, CR_FIELD_DURATION, .blurb = "Estimated screen time (seconds, M:SS)", .min = 0, .max = 86400 },
  { "priority", NULL, CR_FIELD_ENUM, 0, shot_priorities, .preset = "normal", .blurb = "low, normal, high, must" },
  { "status", NULL, CR_FIELD_ENUM, 0, shot_statuses, .preset = "planned", .blurb = "planned, captured, selected, dropped" },
  { "position", NULL, CR_FIELD_INT, CR_FIELD_ORDER, .blurb = "Order in the list (default: last)", .min = 0, .max = 1000000 },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes" },
};

const CrEntity cr_entity_shot = {
  "shot", "shots", "shot", "number", "position, id",
  shot_fields, G_N_ELEMENTS (shot_fields), NULL, check_shot,
};
