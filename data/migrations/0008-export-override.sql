-- SPDX-License-Identifier: GPL-3.0-or-later
-- "Export Anyway": a cut sent out although its consent check failed is a decision someone
-- made, so it is kept with the file, the channel asked about and how many problems there were.
CREATE TABLE export_override (
  id            INTEGER PRIMARY KEY,
  cut           INTEGER REFERENCES cut (id) ON DELETE SET NULL,
  cut_name      TEXT NOT NULL,
  file          TEXT NOT NULL,
  channel       TEXT,
  problems      INTEGER NOT NULL CHECK (problems > 0),
  decided_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX export_override_by_cut ON export_override (cut);
