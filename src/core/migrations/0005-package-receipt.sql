-- Aimak schema, version 5: what this desk received, and how to take it back.
--
-- Every exchange package applied here leaves one `package_receipt`: who sent
-- it, which areas it covers, when it was written and received, and what it
-- did. The workbook's "Data received" sheet and the consolidated views read
-- it. `package_receipt_before` keeps, for every record the receipt wrote, the
-- record as it was before (`before_json` NULL: the record did not exist), so
-- that a receive can be undone as a whole, as one entry in the history.
-- `undone` is set (never a delete) when the receive was taken back.

CREATE TABLE package_receipt (
  id           INTEGER PRIMARY KEY,
  checksum     TEXT NOT NULL,             -- the manifest's content checksum
  origin_desk  TEXT NOT NULL,             -- UUID of the sending desk
  desk_name    TEXT NOT NULL DEFAULT '',
  areas        TEXT NOT NULL DEFAULT '[]', -- JSON array of the area codes covered
  created_at   TEXT NOT NULL,             -- when the package was written (ISO 8601 UTC)
  received_at  TEXT NOT NULL,             -- when it was applied here (ISO 8601 UTC)
  n_new        INTEGER NOT NULL DEFAULT 0,
  n_updated    INTEGER NOT NULL DEFAULT 0,
  n_unchanged  INTEGER NOT NULL DEFAULT 0,
  n_conflicts  INTEGER NOT NULL DEFAULT 0,
  n_rejected   INTEGER NOT NULL DEFAULT 0,
  undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX package_receipt_desk ON package_receipt (origin_desk, received_at);

CREATE TABLE package_receipt_before (
  receipt_id   INTEGER NOT NULL REFERENCES package_receipt (id),
  entity       TEXT NOT NULL,             -- 'priority', 'activity', 'indicator_value'
  uuid         TEXT NOT NULL,
  before_json  TEXT,                      -- the record before the receive; NULL: it was new
  PRIMARY KEY (receipt_id, entity, uuid)
) WITHOUT ROWID;
