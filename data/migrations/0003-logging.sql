-- SPDX-License-Identifier: GPL-3.0-or-later
-- Logging and cutting: what a clip is about, the moments worth keeping, and rough cuts.

ALTER TABLE clip ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 0 AND 5);
ALTER TABLE clip ADD COLUMN notes TEXT;
ALTER TABLE clip ADD COLUMN interview INTEGER REFERENCES interview (id) ON DELETE SET NULL;

CREATE TABLE clip_participant (
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (clip, participant)
) WITHOUT ROWID;
CREATE INDEX clip_participant_by_participant ON clip_participant (participant);

CREATE TABLE clip_shot (
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE CASCADE,
  shot          INTEGER NOT NULL REFERENCES shot (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (clip, shot)
) WITHOUT ROWID;

CREATE TABLE clip_tag (
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE CASCADE,
  tag           TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (clip, tag)
) WITHOUT ROWID;
CREATE INDEX clip_tag_by_tag ON clip_tag (tag);

CREATE TABLE marker (
  id            INTEGER PRIMARY KEY,
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE CASCADE,
  frame         INTEGER NOT NULL CHECK (frame >= 0),   -- in the clip's own rate, from its start
  note          TEXT NOT NULL
);
CREATE INDEX marker_by_clip ON marker (clip, frame);

-- A select: [in, out) in frames of the clip's own rate, counted from the clip's first frame.
CREATE TABLE selection (
  id            INTEGER PRIMARY KEY,
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
CREATE INDEX selection_by_clip ON selection (clip, in_frame);
CREATE INDEX selection_by_question ON selection (question);

CREATE TABLE selection_participant (
  selection     INTEGER NOT NULL REFERENCES selection (id) ON DELETE CASCADE,
  participant   INTEGER NOT NULL REFERENCES participant (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL,
  PRIMARY KEY (selection, participant)
) WITHOUT ROWID;
CREATE INDEX selection_participant_by_participant ON selection_participant (participant);

CREATE TABLE cut (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  frame_rate    TEXT NOT NULL,          -- "num/den"
  drop_frame    INTEGER NOT NULL DEFAULT 0,
  width         INTEGER NOT NULL DEFAULT 1920,
  height        INTEGER NOT NULL DEFAULT 1080,
  record_start  TEXT NOT NULL DEFAULT '01:00:00:00',
  notes         TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- An event is a select or a clip range; gap frames of black before it are allowed.
CREATE TABLE cut_event (
  id            INTEGER PRIMARY KEY,
  cut           INTEGER NOT NULL REFERENCES cut (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  selection     INTEGER REFERENCES selection (id) ON DELETE RESTRICT,
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE RESTRICT,
  in_frame      INTEGER NOT NULL CHECK (in_frame >= 0),
  out_frame     INTEGER NOT NULL,
  gap_before    INTEGER NOT NULL DEFAULT 0 CHECK (gap_before >= 0),  -- in the cut's frames
  note          TEXT,
  CHECK (out_frame > in_frame)
);
CREATE INDEX cut_event_by_cut ON cut_event (cut, position);
CREATE INDEX cut_event_by_selection ON cut_event (selection);
CREATE INDEX cut_event_by_clip ON cut_event (clip);
