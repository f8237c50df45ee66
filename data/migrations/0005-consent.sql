-- SPDX-License-Identifier: GPL-3.0-or-later
-- Consent that fails closed: clips that show nobody, a log of every file sent out, erasure
-- of a person's personal data, and ids that are never given to anyone else.

-- Ids are never reused (AUTOINCREMENT), so that a delivery-log entry or an exported report
-- never comes to point at someone else. SQLite adds it only by rebuilding the table; the
-- migration runs with foreign keys off and checks them before it commits. The old table is
-- renamed the legacy way, so that other tables' references stay on the name "participant".
PRAGMA legacy_alter_table = ON;
ALTER TABLE participant RENAME TO participant_old;
CREATE TABLE participant (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
  guardian_relationship TEXT,
  erased_at     TEXT            -- when the person's personal data was erased at their request
);
INSERT INTO participant (id, name, kind, role, organisation, email, phone, notes, date_of_birth, minor,
                             guardian_name, guardian_relationship)
  SELECT id, name, kind, role, organisation, email, phone, notes, date_of_birth, minor,
         guardian_name, guardian_relationship FROM participant_old;
DROP TABLE participant_old;
CREATE INDEX participant_by_name ON participant (name COLLATE NOCASE, id);
CREATE INDEX participant_by_kind ON participant (kind, name COLLATE NOCASE, id);
-- Once erased, a person stays erased: nothing may write their details back.
CREATE TRIGGER participant_erased_stays BEFORE UPDATE ON participant WHEN OLD.erased_at IS NOT NULL
BEGIN SELECT RAISE (ABORT, 'an erased participant cannot be changed'); END;

ALTER TABLE cut RENAME TO cut_old;
CREATE TABLE cut (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  frame_rate    TEXT NOT NULL,
  drop_frame    INTEGER NOT NULL DEFAULT 0,
  width         INTEGER NOT NULL DEFAULT 1920,
  height        INTEGER NOT NULL DEFAULT 1080,
  record_start  TEXT NOT NULL DEFAULT '01:00:00:00',
  notes         TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO cut SELECT id, name, frame_rate, drop_frame, width, height, record_start, notes, created_at FROM cut_old;
DROP TABLE cut_old;

ALTER TABLE selection RENAME TO selection_old;
CREATE TABLE selection (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE RESTRICT,
  in_frame      INTEGER NOT NULL CHECK (in_frame >= 0),
  out_frame     INTEGER NOT NULL,
  label         TEXT,
  notes         TEXT,
  rating        INTEGER CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
  question      INTEGER REFERENCES question (id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (out_frame > in_frame)
);
INSERT INTO selection SELECT id, clip, in_frame, out_frame, label, notes, rating, question, created_at FROM selection_old;
DROP TABLE selection_old;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX selection_by_clip ON selection (clip, in_frame);
CREATE INDEX selection_by_question ON selection (question);

-- A clip marked as showing no identifiable person (a building, hands, a landscape) clears
-- with nobody linked; any other clip with nobody linked is a problem.
ALTER TABLE clip ADD COLUMN no_person INTEGER NOT NULL DEFAULT 0 CHECK (no_person IN (0, 1));

-- Consent stays append-only, with one exception: erasing a person clears the personal
-- details on their records (the signed form's path, notes, the guardian) and nothing else,
-- so that dates and statuses go on deciding what may be shown.
DROP TRIGGER consent_no_update;
CREATE TRIGGER consent_no_update BEFORE UPDATE ON consent
WHEN NOT ((SELECT erased_at FROM participant WHERE id = OLD.participant) IS NOT NULL
          AND NEW.id = OLD.id AND NEW.participant = OLD.participant AND NEW.status = OLD.status
          AND NEW.date = OLD.date AND NEW.taken_by IS OLD.taken_by AND NEW.form_version IS OLD.form_version
          AND NEW.channels IS OLD.channels AND NEW.media IS OLD.media AND NEW.naming IS OLD.naming
          AND NEW.expires IS OLD.expires AND NEW.withdrawal_scope IS OLD.withdrawal_scope
          AND NEW.recorded_at = OLD.recorded_at
          AND NEW.form_path IS NULL AND NEW.notes IS NULL
          AND NEW.guardian_name IS NULL AND NEW.guardian_relationship IS NULL)
BEGIN SELECT RAISE (ABORT, 'consent history is append-only'); END;
CREATE INDEX consent_by_participant_status ON consent (participant, status, date, id);

-- Every file that left Casereel: what, when, which cut, for which channel, whether the
-- consent check was overridden, and who is in it. Only ever added to.
CREATE TABLE delivery (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  path          TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  sha256        TEXT NOT NULL CHECK (length (sha256) = 64),
  kind          TEXT NOT NULL CHECK (kind IN ('export', 'render')),
  format        TEXT,
  cut           INTEGER,        -- the cut's id (never reused), kept after the cut is removed
  cut_name      TEXT NOT NULL,
  channel       TEXT,
  override      INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1)),
  delivered_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX delivery_by_cut ON delivery (cut);

-- Who is in a delivered file and, where the check was overridden, what was wrong.
CREATE TABLE delivery_participant (
  delivery      INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  problem       TEXT,
  PRIMARY KEY (delivery, participant)
) WITHOUT ROWID;
CREATE INDEX delivery_participant_by_participant ON delivery_participant (participant);

CREATE TRIGGER delivery_no_update BEFORE UPDATE ON delivery
BEGIN SELECT RAISE (ABORT, 'the delivery log is append-only'); END;
CREATE TRIGGER delivery_no_delete BEFORE DELETE ON delivery
BEGIN SELECT RAISE (ABORT, 'the delivery log is append-only'); END;
CREATE TRIGGER delivery_participant_no_update BEFORE UPDATE ON delivery_participant
BEGIN SELECT RAISE (ABORT, 'the delivery log is append-only'); END;
