-- Aimak schema: the office server's local side (issue 16; aimak-sync.h).
--
-- `sync_setting` holds this desk's connection settings (host, port, dbname,
-- user, sslmode, sslrootcert, areas), one row per key, so that they travel
-- with the database and its desk identity. Never the password: the app keeps
-- it in the desktop keyring, the command line reads it from the environment
-- or a file.
-- `sync_state` holds what a sync needs to resume: the server it last synced
-- with (`server_id`), the server position pulled up to (`pulled_seq`), and
-- when the last sync ended (`last_synced_at`, ISO 8601 UTC). Both are written
-- only in the transaction that stores what was pulled, so a cut never leaves
-- them ahead of the records.
-- The pending changes are the records with revision > base_revision (schema
-- 4); indicator values get the index that priorities and activities have.

CREATE TABLE sync_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX indicator_value_changed ON indicator_value (area_code, revision, base_revision)
  WHERE uuid IS NOT NULL;
