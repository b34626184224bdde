-- Aimak schema, version 8: area changes travel (exchange packages and the
-- office server), so that every desk agrees on the list of areas.
--
--   batch_uuid   the identity of a change list across desks: given when the
--                list is applied here (or, for a list applied before schema 8,
--                when it first travels), kept when a list arrives from
--                another desk or the office server. All rows of one batch
--                share it.
--   receipt_id   the package_receipt that brought the batch (undoing that
--                receive undoes the batch too); NULL for a list applied here
--                or pulled from the office server.
--   from_server  1: pulled from the office server by a sync.

ALTER TABLE area_change ADD COLUMN batch_uuid TEXT;
ALTER TABLE area_change ADD COLUMN receipt_id INTEGER REFERENCES package_receipt (id);
ALTER TABLE area_change ADD COLUMN from_server INTEGER NOT NULL DEFAULT 0
  CHECK (from_server IN (0, 1));
CREATE INDEX area_change_uuid ON area_change (batch_uuid);
