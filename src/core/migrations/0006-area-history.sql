-- Aimak schema, version 6: areas that change (the 2024 territorial reform).
--
-- An area is valid from `valid_from` to the day before `valid_to` (ISO dates;
-- NULL valid_from: since before the reference list, NULL valid_to: current).
-- A former area is never deleted: its priorities, activities and values stay
-- attached to it. Every applied change list leaves its rows in `area_change`,
-- grouped by `batch` (one change list applied at once, one history entry), so
-- that it can be undone as a whole; `undone` is set, never a delete.
--   kind            merged_into      old_code ends, becomes part of new_code
--                   split_from       new_code begins, split from old_code (which ends)
--                   renamed          old_code = new_code, new names from effective_date
--                   code_changed     old_code ends, new_code begins with its territory
--                   part_transferred part of old_code goes to new_code; both go on
--   old_name_*      the names old_code had before a rename (exports of earlier periods)
--   created_new     1: this row created the area new_code (undo deletes it)
--   old_valid_to    what valid_to of old_code was before (undo restores it)

ALTER TABLE area ADD COLUMN valid_from TEXT;
ALTER TABLE area ADD COLUMN valid_to TEXT;
CREATE INDEX area_valid_to ON area (valid_to);

CREATE TABLE area_change (
  id              INTEGER PRIMARY KEY,
  batch           INTEGER NOT NULL,
  line            INTEGER NOT NULL DEFAULT 0,   -- the line of the change list
  effective_date  TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('merged_into', 'split_from', 'renamed',
                                                'code_changed', 'part_transferred')),
  old_code        TEXT NOT NULL,                -- codes, not references: undo deletes the areas it created
  new_code        TEXT NOT NULL,
  legal_act       TEXT NOT NULL DEFAULT '',
  old_name_en     TEXT,
  old_name_ru     TEXT,
  old_name_ky     TEXT,
  old_valid_to    TEXT,
  created_new     INTEGER NOT NULL DEFAULT 0 CHECK (created_new IN (0, 1)),
  source_file     TEXT NOT NULL DEFAULT '',
  applied_at      TEXT NOT NULL,
  undone          INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX area_change_old ON area_change (old_code, undone);
CREATE INDEX area_change_new ON area_change (new_code, undone);
CREATE INDEX area_change_batch ON area_change (batch);

-- Which official list the areas reflect ("Areas as of …"); a change list
-- applied here moves the date on.
INSERT OR IGNORE INTO app_meta (key, value)
VALUES ('area_list_name', 'OCHA COD-AB gazetteer via open-admin-data v2026.06 (pre-reform)'),
       ('area_list_date', '2018-11-19');
