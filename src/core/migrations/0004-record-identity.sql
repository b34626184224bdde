-- Aimak schema, version 4: record identity for data that travels (exchange
-- packages, later the office server; docs/exchange-format.md).
--
-- Every desk (one database) gets a UUID of its own in `desk`. Every record that
-- travels — a priority with its links and indicators, an activity with its
-- participants, an indicator value a desk entered — carries:
--   origin_desk      the desk that created it;
--   revision         1 at creation, +1 at every change, whoever makes it;
--   base_revision    the revision both sides had when the record was last sent
--                    or received (0 = never exchanged); revision > base_revision
--                    means "changed here since";
--   changed_by_desk  the desk of the last change.
-- Priorities and activities already have UUIDs and soft deletion (deleted_at),
-- which is the tombstone that travels; indicator values get a UUID here.
--
-- The triggers keep revision and changed_by_desk right for every write, made by
-- any code path: an UPDATE that leaves both revision and base_revision as they
-- were bumps revision. The exchange's own bookkeeping always changes one of
-- them (applying a received record sets revision; sending sets base_revision),
-- so the triggers stay out of its way.
-- A trigger's own UPDATE does not fire that trigger again (recursive triggers
-- are off), and the insert trigger's UPDATE changes origin_desk from NULL,
-- which the update trigger ignores.

CREATE TABLE desk (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL DEFAULT '',
  is_self INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1))
);
CREATE UNIQUE INDEX desk_self ON desk (is_self) WHERE is_self = 1;

-- A random (version 4) UUID, written in SQL so that the migration needs no
-- function of the app's.
INSERT INTO desk (id, name, is_self)
SELECT lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||
              substr (hex (randomblob (2)), 2) || '-' ||
              substr ('89ab', 1 + (abs (random ()) % 4), 1) ||
              substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))), '', 1;

ALTER TABLE priority ADD COLUMN origin_desk TEXT;
ALTER TABLE priority ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE priority ADD COLUMN base_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE priority ADD COLUMN changed_by_desk TEXT;

ALTER TABLE activity ADD COLUMN origin_desk TEXT;
ALTER TABLE activity ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE activity ADD COLUMN base_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity ADD COLUMN changed_by_desk TEXT;

ALTER TABLE indicator_value ADD COLUMN uuid TEXT;
ALTER TABLE indicator_value ADD COLUMN origin_desk TEXT;
ALTER TABLE indicator_value ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE indicator_value ADD COLUMN base_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_value ADD COLUMN changed_by_desk TEXT;

UPDATE priority SET origin_desk = (SELECT id FROM desk WHERE is_self = 1),
                    changed_by_desk = (SELECT id FROM desk WHERE is_self = 1);
UPDATE activity SET origin_desk = (SELECT id FROM desk WHERE is_self = 1),
                    changed_by_desk = (SELECT id FROM desk WHERE is_self = 1);
UPDATE indicator_value SET
  uuid = lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||
                substr (hex (randomblob (2)), 2) || '-' ||
                substr ('89ab', 1 + (abs (random ()) % 4), 1) ||
                substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))),
  origin_desk = (SELECT id FROM desk WHERE is_self = 1),
  changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
WHERE is_reference = 0;
CREATE UNIQUE INDEX indicator_value_uuid ON indicator_value (uuid) WHERE uuid IS NOT NULL;
CREATE INDEX priority_changed ON priority (area_code, revision, base_revision);
CREATE INDEX activity_changed ON activity (area_code, revision, base_revision);

CREATE TRIGGER priority_identity_ai AFTER INSERT ON priority WHEN new.origin_desk IS NULL
BEGIN
  UPDATE priority SET origin_desk = (SELECT id FROM desk WHERE is_self = 1),
                      changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
  WHERE rowid = new.rowid;
END;
CREATE TRIGGER priority_revision_au AFTER UPDATE ON priority
WHEN new.revision = old.revision AND new.base_revision = old.base_revision
     AND old.origin_desk IS NOT NULL
BEGIN
  UPDATE priority SET revision = old.revision + 1,
                      changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
  WHERE rowid = new.rowid;
END;

CREATE TRIGGER activity_identity_ai AFTER INSERT ON activity WHEN new.origin_desk IS NULL
BEGIN
  UPDATE activity SET origin_desk = (SELECT id FROM desk WHERE is_self = 1),
                      changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
  WHERE rowid = new.rowid;
END;
CREATE TRIGGER activity_revision_au AFTER UPDATE ON activity
WHEN new.revision = old.revision AND new.base_revision = old.base_revision
     AND old.origin_desk IS NOT NULL
BEGIN
  UPDATE activity SET revision = old.revision + 1,
                      changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
  WHERE rowid = new.rowid;
END;

-- Values a desk enters get a UUID at insert; reference values never travel.
CREATE TRIGGER indicator_value_identity_ai AFTER INSERT ON indicator_value
WHEN new.is_reference = 0 AND new.uuid IS NULL
BEGIN
  UPDATE indicator_value SET
    uuid = lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||
                  substr (hex (randomblob (2)), 2) || '-' ||
                  substr ('89ab', 1 + (abs (random ()) % 4), 1) ||
                  substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))),
    origin_desk = coalesce (new.origin_desk, (SELECT id FROM desk WHERE is_self = 1)),
    changed_by_desk = coalesce (new.changed_by_desk, (SELECT id FROM desk WHERE is_self = 1))
  WHERE rowid = new.rowid;
END;
CREATE TRIGGER indicator_value_revision_au AFTER UPDATE ON indicator_value
WHEN new.revision = old.revision AND new.base_revision = old.base_revision
     AND old.uuid IS NOT NULL
BEGIN
  UPDATE indicator_value SET revision = old.revision + 1,
                             changed_by_desk = (SELECT id FROM desk WHERE is_self = 1)
  WHERE rowid = new.rowid;
END;
