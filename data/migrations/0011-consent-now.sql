-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each person's latest consent record and latest grant, kept by triggers as records are
-- added (or cleared by an erasure), so that everyone's current consent is one read of
-- 100,000 short rows instead of a walk over every record they ever had. The history stays
-- the truth: a question about an earlier date than a person's latest record is answered
-- from the history, and this table is rebuilt from it here.
CREATE TABLE consent_now (
  participant   INTEGER PRIMARY KEY,
  latest        INTEGER NOT NULL,   -- consent.id of the latest record (by date, then id)
  latest_date   TEXT NOT NULL,
  status        TEXT NOT NULL,
  channels      TEXT,
  media         TEXT,
  naming        TEXT,
  expires       TEXT,
  guardian_name TEXT,
  guardian_relationship TEXT,
  form_version  TEXT,
  withdrawal_scope TEXT,
  grant_id      INTEGER,            -- consent.id of the latest grant; NULL: none
  grant_date    TEXT,
  grant_status  TEXT,               -- the grant's facts, NULL when the grant is the latest record
  grant_channels TEXT,
  grant_media   TEXT,
  grant_naming  TEXT,
  grant_expires TEXT,
  grant_guardian_name TEXT,
  grant_guardian_relationship TEXT,
  grant_form_version TEXT,
  grant_withdrawal_scope TEXT
);

CREATE VIEW consent_now_of AS
  SELECT p.id AS participant, l.id AS latest, l.date AS latest_date, l.status, l.channels, l.media, l.naming,
         l.expires, l.guardian_name, l.guardian_relationship, l.form_version, l.withdrawal_scope,
         g.id AS grant_id, g.date AS grant_date,
         CASE WHEN g.id <> l.id THEN g.status END, CASE WHEN g.id <> l.id THEN g.channels END,
         CASE WHEN g.id <> l.id THEN g.media END, CASE WHEN g.id <> l.id THEN g.naming END,
         CASE WHEN g.id <> l.id THEN g.expires END, CASE WHEN g.id <> l.id THEN g.guardian_name END,
         CASE WHEN g.id <> l.id THEN g.guardian_relationship END, CASE WHEN g.id <> l.id THEN g.form_version END,
         CASE WHEN g.id <> l.id THEN g.withdrawal_scope END
    FROM participant p
    JOIN consent l ON l.id = (SELECT id FROM consent WHERE participant = p.id ORDER BY date DESC, id DESC LIMIT 1)
    LEFT JOIN consent g ON g.id = (SELECT id FROM consent WHERE participant = p.id
                                     AND status IN ('signed', 'verbal-noted', 'recorded-on-camera')
                                   ORDER BY date DESC, id DESC LIMIT 1);

INSERT INTO consent_now SELECT * FROM consent_now_of;

CREATE TRIGGER consent_now_on_insert AFTER INSERT ON consent
BEGIN
  REPLACE INTO consent_now SELECT * FROM consent_now_of WHERE participant = NEW.participant;
END;
-- Only an erasure may update a record (0005's trigger): its cleared details must go from here too.
CREATE TRIGGER consent_now_on_update AFTER UPDATE ON consent
BEGIN
  REPLACE INTO consent_now SELECT * FROM consent_now_of WHERE participant = NEW.participant;
END;

-- consent_current (0009) serves every lookup the older index did.
DROP INDEX consent_by_participant;
