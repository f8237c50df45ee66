-- SPDX-License-Identifier: GPL-3.0-or-later
-- The planning model: one production per file, its people, their consent history,
-- places, scheduled interviews, the question bank and the shot list.

CREATE TABLE production (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  title         TEXT NOT NULL,
  funder        TEXT,
  description   TEXT,
  frame_rate    TEXT NOT NULL DEFAULT '25/1',
  record_start  TEXT NOT NULL DEFAULT '01:00:00:00',
  producer      TEXT,
  producer_phone TEXT,
  producer_email TEXT,
  time_zone     TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE participant (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('interviewee', 'crew', 'contact')),
  role          TEXT,
  organisation  TEXT,
  email         TEXT,
  phone         TEXT,
  notes         TEXT,
  date_of_birth TEXT,
  minor         INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0, 1)),
  guardian_name TEXT,
  guardian_relationship TEXT
);
CREATE INDEX participant_by_name ON participant (name COLLATE NOCASE, id);
CREATE INDEX participant_by_kind ON participant (kind, name COLLATE NOCASE, id);

-- Append-only: a withdrawal is a new row, never an update or a deletion.
CREATE TABLE consent (
  id            INTEGER PRIMARY KEY,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  status        TEXT NOT NULL CHECK (status IN ('not-requested', 'requested', 'signed',
                  'verbal-noted', 'recorded-on-camera', 'declined', 'withdrawn')),
  date          TEXT NOT NULL,
  taken_by      TEXT,
  form_version  TEXT,
  channels      TEXT,
  media         TEXT,
  naming        TEXT CHECK (naming IS NULL OR naming IN ('full-name', 'first-name', 'anonymous')),
  expires       TEXT,
  form_path     TEXT,
  guardian_name TEXT,
  guardian_relationship TEXT,
  withdrawal_scope TEXT CHECK (withdrawal_scope IS NULL OR withdrawal_scope IN ('all', 'part')),
  notes         TEXT,
  recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX consent_by_participant ON consent (participant, date, id);
CREATE TRIGGER consent_no_update BEFORE UPDATE ON consent
BEGIN SELECT RAISE (ABORT, 'consent history is append-only'); END;
CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
BEGIN SELECT RAISE (ABORT, 'consent history is append-only'); END;

CREATE TABLE location (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  address       TEXT,
  access_notes  TEXT,
  contact       TEXT,
  contact_phone TEXT,
  nearest_hospital TEXT,
  time_zone     TEXT,
  release_status TEXT NOT NULL DEFAULT 'not-needed' CHECK (release_status IN
                  ('not-needed', 'requested', 'signed', 'declined')),
  notes         TEXT
);
CREATE INDEX location_by_name ON location (name COLLATE NOCASE, id);

CREATE TABLE question (
  id            INTEGER PRIMARY KEY,
  text          TEXT NOT NULL,
  topic         TEXT,
  position      INTEGER NOT NULL DEFAULT 0,
  notes         TEXT
);
CREATE INDEX question_by_position ON question (position, id);

CREATE TABLE interview (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  starts_at     TEXT NOT NULL,          -- UTC, ISO 8601 with Z
  ends_at       TEXT NOT NULL,          -- UTC, ISO 8601 with Z
  time_zone     TEXT NOT NULL,          -- IANA name the times were planned in
  location      INTEGER REFERENCES location (id) ON DELETE SET NULL,
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
                  ('planned', 'confirmed', 'done', 'cancelled')),
  notes         TEXT,
  CHECK (ends_at > starts_at)
);
CREATE INDEX interview_by_start ON interview (starts_at, id);

CREATE TABLE interview_participant (
  interview     INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (interview, participant)
) WITHOUT ROWID;
CREATE INDEX interview_participant_by_participant ON interview_participant (participant);

CREATE TABLE interview_crew (
  interview     INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (interview, participant)
) WITHOUT ROWID;
CREATE INDEX interview_crew_by_participant ON interview_crew (participant);

CREATE TABLE interview_question (
  interview     INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
  question      INTEGER NOT NULL REFERENCES question (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (interview, question)
) WITHOUT ROWID;

CREATE TABLE shot (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description   TEXT,
  type          TEXT NOT NULL DEFAULT 'b-roll' CHECK (type IN
                  ('interview', 'b-roll', 'cutaway', 'establishing', 'detail')),
  size          TEXT CHECK (size IS NULL OR size IN
                  ('ecu', 'cu', 'mcu', 'ms', 'mls', 'ls', 'ws', 'ews', 'ots', 'two-shot', 'insert')),
  movement      TEXT,
  lens          TEXT,
  location      INTEGER REFERENCES location (id) ON DELETE SET NULL,
  interview     INTEGER REFERENCES interview (id) ON DELETE SET NULL,
  duration      INTEGER CHECK (duration IS NULL OR duration >= 0),  -- estimated, seconds
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'must')),
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
                  ('planned', 'captured', 'selected', 'dropped')),
  position      INTEGER NOT NULL DEFAULT 0,
  notes         TEXT
);
CREATE INDEX shot_by_position ON shot (position, id);

CREATE TABLE shot_participant (
  shot          INTEGER NOT NULL REFERENCES shot (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (shot, participant)
) WITHOUT ROWID;
CREATE INDEX shot_participant_by_participant ON shot_participant (participant);
