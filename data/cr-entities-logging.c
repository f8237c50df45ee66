/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-entities"

#include "config.h"

#include <string.h>

#include "cr-clips.h"
#include "cr-entity.h"

/* The catalogue and cutting side of the model: clips (written by the indexer; people add
 * ratings, notes and links), selects, markers, cuts and their events. */

static const char * const clip_statuses[] = { "online", "offline", "failed", NULL };

#define RO CR_FIELD_READONLY
#define REQ CR_FIELD_REQUIRED

static const CrField clip_fields[] = {
  { "name", NULL, CR_FIELD_TEXT, RO, .blurb = "File name" },
  { "path", NULL, CR_FIELD_PATH, RO, .blurb = "Where the file is" },
  { "status", NULL, CR_FIELD_ENUM, RO, clip_statuses, .blurb = "online, offline (gone from disk) or failed (not readable)" },
  { "error", NULL, CR_FIELD_TEXT, RO, .blurb = "Why it could not be read" },
  { "size", NULL, CR_FIELD_INT, RO, .blurb = "Bytes" },
  { "format", NULL, CR_FIELD_TEXT, RO, .blurb = "Container" },
  { "duration_us", NULL, CR_FIELD_INT, RO, .blurb = "Duration in microseconds" },
  { "has_video", NULL, CR_FIELD_BOOL, RO },
  { "has_audio", NULL, CR_FIELD_BOOL, RO },
  { "width", NULL, CR_FIELD_INT, RO },
  { "height", NULL, CR_FIELD_INT, RO },
  { "video_codec", NULL, CR_FIELD_TEXT, RO },
  { "frame_rate", NULL, CR_FIELD_RATE, RO },
  { "variable_rate", NULL, CR_FIELD_BOOL, RO },
  { "audio_codec", NULL, CR_FIELD_TEXT, RO },
  { "sample_rate", NULL, CR_FIELD_INT, RO },
  { "channels", NULL, CR_FIELD_INT, RO },
  { "tc_start", NULL, CR_FIELD_TEXT, RO, .blurb = "Start timecode" },
  { "tc_frames", NULL, CR_FIELD_INT, RO },
  { "tc_rate", NULL, CR_FIELD_RATE, RO },
  { "tc_drop", NULL, CR_FIELD_BOOL, RO },
  { "tc_source", NULL, CR_FIELD_TEXT, RO },
  { "creation_time", NULL, CR_FIELD_TEXT, RO },
  { "rating", NULL, CR_FIELD_INT, .blurb = "0 to 5 stars", .min = 0, .max = 5 },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Logging notes" },
  { "interview", NULL, CR_FIELD_REF, .ref = &cr_entity_interview, .blurb = "The interview it was recorded in" },
  { "participants", "clip_participant", CR_FIELD_LINKS, .ref = &cr_entity_participant,
    .blurb = "Who appears in it (repeat the option; name or id)" },
  { "shots", "clip_shot", CR_FIELD_LINKS, .ref = &cr_entity_shot, .blurb = "Planned shots it covers" },
  { "no_person", NULL, CR_FIELD_BOOL, .blurb = "Shows no identifiable person, so it clears with nobody linked (yes/no)" },
};

static const char * const clip_columns[] = { "status", "duration_us", "tc_start", "frame_rate", "rating",
                                             "interview", "error", NULL };

const CrEntity cr_entity_clip = {
  "clip", "clips", "clip", "name", "name COLLATE NOCASE, id",
  clip_fields, G_N_ELEMENTS (clip_fields), clip_columns, NULL,
};

static gboolean
check_select (CrDb      *db,
              CrRecord  *record,
              gboolean   creating,
              GError   **error)
{
  const CrEntity *e = record->entity;
  gint64 clip = cr_record_get_int (record, "clip", 0);
  gint64 in = cr_record_get_int (record, "in_frame", -1);
  gint64 out = cr_record_get_int (record, "out_frame", -1);
  gint64 length;

  if (clip == 0 || in < 0 || out < 0)
    return TRUE;   /* the required-field check speaks */
  if (out <= in)
    return cr_field_error (e, cr_entity_find_field (e, "out_frame"), error,
                           "the out point must come after the in point");
  length = cr_clip_length_frames (db, clip);
  if (length >= 0 && out > length)
    return cr_field_error (e, cr_entity_find_field (e, "out_frame"), error,
                           "frame %" G_GINT64_FORMAT " is past the end of the clip (%" G_GINT64_FORMAT " frames)",
                           out, length);
  return TRUE;
}

static const CrField select_fields[] = {
  { "clip", NULL, CR_FIELD_REF, REQ | CR_FIELD_CREATE_ONLY, .ref = &cr_entity_clip, .blurb = "The clip (name or id)" },
  { "in_frame", NULL, CR_FIELD_INT, REQ, .blurb = "In point, frames from the clip's start", .min = 0, .max = G_MAXINT32 },
  { "out_frame", NULL, CR_FIELD_INT, REQ, .blurb = "Out point (exclusive), frames from the clip's start", .min = 1, .max = G_MAXINT32 },
  { "label", NULL, CR_FIELD_TEXT, .blurb = "A few words on what is said or seen" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes for the editor" },
  { "rating", NULL, CR_FIELD_INT, .blurb = "0 to 5 stars", .min = 0, .max = 5 },
  { "question", NULL, CR_FIELD_REF, .ref = &cr_entity_question, .blurb = "The question it answers (id or text)" },
  { "participants", "selection_participant", CR_FIELD_LINKS, .ref = &cr_entity_participant,
    .blurb = "Who is visible in it (repeat the option; name or id)" },
  { "created_at", NULL, CR_FIELD_TEXT, RO },
};

/* By clip as the clip is called (natural order, as the Footage page lists them: a clip
 * catalogued later sorts among the others, not after them), then by in point. */
const CrEntity cr_entity_select = {
  "select", "selects", "selection", "label",
  "(SELECT c.name FROM clip c WHERE c.id = t.clip) COLLATE NATURAL_ORDER, t.clip, t.in_frame, t.id",
  select_fields, G_N_ELEMENTS (select_fields), NULL, check_select,
};

static gboolean
check_marker (CrDb      *db,
              CrRecord  *record,
              gboolean   creating,
              GError   **error)
{
  gint64 clip = cr_record_get_int (record, "clip", 0);
  gint64 frame = cr_record_get_int (record, "frame", -1);
  gint64 length = clip ? cr_clip_length_frames (db, clip) : -1;

  if (length >= 0 && frame >= length)
    return cr_field_error (record->entity, cr_entity_find_field (record->entity, "frame"), error,
                           "frame %" G_GINT64_FORMAT " is past the end of the clip (%" G_GINT64_FORMAT " frames)",
                           frame, length);
  return TRUE;
}

static const CrField marker_fields[] = {
  { "clip", NULL, CR_FIELD_REF, REQ | CR_FIELD_CREATE_ONLY, .ref = &cr_entity_clip, .blurb = "The clip (name or id)" },
  { "frame", NULL, CR_FIELD_INT, REQ, .blurb = "Frames from the clip's start", .min = 0, .max = G_MAXINT32 },
  { "note", NULL, CR_FIELD_TEXT, REQ, .blurb = "What happens there" },
};

const CrEntity cr_entity_marker = {
  "marker", "markers", "marker", "note", "clip, frame, id",
  marker_fields, G_N_ELEMENTS (marker_fields), NULL, check_marker,
};

static const CrField cut_fields[] = {
  { "name", NULL, CR_FIELD_TEXT, REQ, .blurb = "The cut's name (unique)" },
  { "frame_rate", NULL, CR_FIELD_RATE, REQ, .blurb = "Timeline rate (default: the production's)" },
  { "drop_frame", NULL, CR_FIELD_BOOL, .blurb = "Drop-frame timecode (29.97 and 59.94 only)" },
  { "width", NULL, CR_FIELD_INT, .blurb = "Frame width", .min = 16, .max = 16384 },
  { "height", NULL, CR_FIELD_INT, .blurb = "Frame height", .min = 16, .max = 16384 },
  { "record_start", NULL, CR_FIELD_TIMECODE, .blurb = "Record start timecode (default 01:00:00:00)" },
  { "notes", NULL, CR_FIELD_NOTE, .blurb = "Notes" },
  { "created_at", NULL, CR_FIELD_TEXT, RO },
};

/* Drop-frame timecode skips the labels ;00 and ;01 (;00 to ;03 at 59.94) of every minute but
 * each tenth: a record start there could never be shown or exported. */
static gboolean
check_drop_frame_label (const CrEntity  *e,
                        const char      *timecode,
                        const char      *rate,
                        GError         **error)
{
  int skipped = g_strcmp0 (rate, "60000/1001") == 0 ? 4 : 2;
  int minutes, seconds, frames;

  /* Normalised already: HH:MM:SS:FF. */
  if (timecode == NULL || strlen (timecode) != 11)
    return TRUE;
  minutes = g_ascii_digit_value (timecode[3]) * 10 + g_ascii_digit_value (timecode[4]);
  seconds = g_ascii_digit_value (timecode[6]) * 10 + g_ascii_digit_value (timecode[7]);
  frames = g_ascii_digit_value (timecode[9]) * 10 + g_ascii_digit_value (timecode[10]);
  if (seconds == 0 && frames < skipped && minutes % 10 != 0)
    return cr_field_error (e, cr_entity_find_field (e, "record_start"), error,
                           "“%.8s;%.2s” does not exist in drop-frame timecode: frames 00 to %02d are "
                           "skipped at each minute except every tenth", timecode, timecode + 9, skipped - 1);
  return TRUE;
}

/* A ";" (or ".") record start on a cut that is not drop frame would be stored and then refused
 * by every show and export, which read it at the cut's own drop-frame setting. */
static gboolean
check_separator_matches (const CrEntity *e,
                         CrRecord       *record)
{
  const char *timecode = cr_record_get (record, "record_start");

  /* Normalised already: HH:MM:SS?FF. */
  if (timecode == NULL || strlen (timecode) != 11 || cr_record_get_int (record, "drop_frame", 0))
    return TRUE;
  return timecode[8] == ':';
}

static gboolean
check_cut (CrDb      *db,
           CrRecord  *record,
           gboolean   creating,
           GError   **error)
{
  const CrEntity *e = record->entity;
  const char *name = cr_record_get (record, "name");
  const char *rate = cr_record_get (record, "frame_rate");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (rate == NULL)
    {
      stmt = cr_db_prepare (db, "SELECT frame_rate FROM production WHERE id = 1", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        cr_record_set (record, "frame_rate", (const char *) sqlite3_column_text (stmt, 0));
      g_clear_pointer (&stmt, sqlite3_finalize);
      rate = cr_record_get (record, "frame_rate");
    }
  if (cr_record_get_int (record, "drop_frame", 0) &&
      g_strcmp0 (rate, "30000/1001") != 0 && g_strcmp0 (rate, "60000/1001") != 0)
    return cr_field_error (e, cr_entity_find_field (e, "drop_frame"), error,
                           "drop-frame timecode exists only at 29.97 and 59.94 fps, not at %s", rate);
  if (!cr_field_check_timecode_rate (e, record, "record_start", rate, error))
    return FALSE;
  if (!check_separator_matches (e, record))
    {
      const char *tc = cr_record_get (record, "record_start");
      return cr_field_error (e, cr_entity_find_field (e, "record_start"), error,
                             "“%s” is drop-frame timecode (“%c”), but the cut is not drop frame: "
                             "write %.8s:%s, or make the cut drop frame", tc, tc[8], tc, tc + 9);
    }
  if (cr_record_get_int (record, "drop_frame", 0) &&
      !check_drop_frame_label (e, cr_record_get (record, "record_start"), rate, error))
    return FALSE;
  if (name == NULL)
    return TRUE;
  stmt = cr_db_prepare (db, "SELECT 1 FROM cut WHERE name = ? COLLATE NOCASE AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return cr_field_error (e, cr_entity_find_field (e, "name"), error, "“%s” is already used by another cut", name);
  return TRUE;
}

const CrEntity cr_entity_cut = {
  "cut", "cuts", "cut", "name", "name COLLATE NOCASE, id",
  cut_fields, G_N_ELEMENTS (cut_fields), NULL, check_cut,
};

static gboolean
check_event (CrDb      *db,
             CrRecord  *record,
             gboolean   creating,
             GError   **error)
{
  return check_select (db, record, creating, error);
}

static const CrField event_fields[] = {
  { "cut", NULL, CR_FIELD_REF, REQ | CR_FIELD_CREATE_ONLY, .ref = &cr_entity_cut, .blurb = "The cut" },
  { "position", NULL, CR_FIELD_INT, .blurb = "Order in the cut", .min = 0, .max = G_MAXINT32 },
  { "selection", NULL, CR_FIELD_REF, .ref = &cr_entity_select, .blurb = "The select it comes from, if any" },
  { "clip", NULL, CR_FIELD_REF, REQ, .ref = &cr_entity_clip, .blurb = "The clip" },
  { "in_frame", NULL, CR_FIELD_INT, REQ, .min = 0, .max = G_MAXINT32 },
  { "out_frame", NULL, CR_FIELD_INT, REQ, .min = 1, .max = G_MAXINT32 },
  { "gap_before", NULL, CR_FIELD_INT, .blurb = "Frames of black before it, in the cut's rate", .min = 0, .max = G_MAXINT32 },
  { "note", NULL, CR_FIELD_TEXT, .blurb = "A note on the event" },
};

const CrEntity cr_entity_event = {
  "event", "events", "cut_event", "note", "cut, position, id",
  event_fields, G_N_ELEMENTS (event_fields), NULL, check_event,
};
