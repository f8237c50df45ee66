-- SPDX-License-Identifier: GPL-3.0-or-later
-- The catalogue: every media file found under the indexed folders, as probed.

CREATE TABLE media_folder (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,
  added_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE clip (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,   -- absolute, as the file system names it
  name          TEXT NOT NULL,          -- the file name, for people and reel names
  size          INTEGER NOT NULL,
  mtime_us      INTEGER NOT NULL,
  identity      TEXT,                   -- size + hash of first and last 64 KiB: finds moved files
  status        TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline', 'failed')),
  error         TEXT,                   -- why it failed to probe
  format        TEXT,
  duration_us   INTEGER,
  has_video     INTEGER NOT NULL DEFAULT 0,
  has_audio     INTEGER NOT NULL DEFAULT 0,
  width         INTEGER,
  height        INTEGER,
  video_codec   TEXT,
  frame_rate    TEXT,                   -- nominal, "num/den"
  variable_rate INTEGER NOT NULL DEFAULT 0,
  audio_codec   TEXT,
  sample_rate   INTEGER,
  channels      INTEGER,
  tc_start      TEXT,                   -- the first frame's label, e.g. 00:59:49;00
  tc_frames     INTEGER,                -- the same, as frames since midnight
  tc_rate       TEXT,                   -- the rate the timecode counts at, "num/den"
  tc_drop       INTEGER NOT NULL DEFAULT 0,
  tc_source     TEXT,
  creation_time TEXT,
  probe         TEXT,                   -- the whole probe as JSON
  indexed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX clip_by_identity ON clip (identity);
CREATE INDEX clip_by_name ON clip (name COLLATE NOCASE, id);
CREATE INDEX clip_by_status ON clip (status, name COLLATE NOCASE, id);

