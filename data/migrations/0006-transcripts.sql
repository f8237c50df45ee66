-- SPDX-License-Identifier: GPL-3.0-or-later
-- Transcripts: what was said in a clip, cue by cue, searchable with FTS5.

-- A cue: [in, out) in frames of the clip's own rate from its first frame, like a select.
CREATE TABLE transcript_cue (
  id            INTEGER PRIMARY KEY,
  clip          INTEGER NOT NULL REFERENCES clip (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 1),   -- the cue's number in the clip
  in_frame      INTEGER NOT NULL CHECK (in_frame >= 0),
  out_frame     INTEGER NOT NULL,
  speaker       TEXT,                                     -- as the transcript names them
  participant   INTEGER REFERENCES participant (id) ON DELETE SET NULL,
  text          TEXT NOT NULL,
  CHECK (out_frame > in_frame),
  UNIQUE (clip, position)
);
CREATE INDEX transcript_cue_by_participant ON transcript_cue (participant);

-- The index reads the cues' text; the triggers keep it in step with every change.
CREATE VIRTUAL TABLE transcript_search USING fts5 (
  text, content = 'transcript_cue', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER transcript_cue_added AFTER INSERT ON transcript_cue BEGIN
  INSERT INTO transcript_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER transcript_cue_removed AFTER DELETE ON transcript_cue BEGIN
  INSERT INTO transcript_search (transcript_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER transcript_cue_changed AFTER UPDATE OF text ON transcript_cue BEGIN
  INSERT INTO transcript_search (transcript_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO transcript_search (rowid, text) VALUES (new.id, new.text);
END;
