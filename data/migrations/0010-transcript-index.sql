-- SPDX-License-Identifier: GPL-3.0-or-later
-- Importing a transcript indexes its cues with one INSERT ... SELECT after they are in
-- (cr_transcript_replace), not a trigger per cue: SQLite 3.40's FTS5 writes out its pending
-- index at every statement's savepoint, so a trigger made one index segment per cue and a
-- 2-hour transcript took a quarter of a second. Removing and changing cues keep their triggers
-- (one statement each, one savepoint).
DROP TRIGGER transcript_cue_added;

-- Productions indexed cue by cue hold many small segments: merge them once.
INSERT INTO transcript_search (transcript_search) VALUES ('optimize');
