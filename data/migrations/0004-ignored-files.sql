-- SPDX-License-Identifier: GPL-3.0-or-later
-- Files under the folders that FFmpeg does not recognise (sidecar XML, notes): remembered so
-- that a re-index does not open them again while they are unchanged.
CREATE TABLE ignored_file (
  path          TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  mtime_us      INTEGER NOT NULL
) WITHOUT ROWID;
