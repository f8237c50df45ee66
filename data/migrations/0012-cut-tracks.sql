-- SPDX-License-Identifier: GPL-3.0-or-later
-- A cut event's track, as editors name them: "V" plays its clip's picture and sound (every
-- event so far); "A1", "A2"… play only its sound, laid over the picture where an edit list
-- put it (split sound, music, a sound-only take). Each track is its own sequence: an event's
-- gap_before counts from the end of the event before it on the same track, in position order.
ALTER TABLE cut_event ADD COLUMN track TEXT NOT NULL DEFAULT 'V'
  CHECK (track = 'V' OR (track GLOB 'A[1-9]*' AND track NOT GLOB 'A*[^0-9]*' AND length (track) <= 3));
