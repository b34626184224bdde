-- Aimak schema, version 1: the whole data model of DESIGN.md.
-- Later versions add behaviour, not tables; each migration runs in one transaction.

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Administrative units. Level 0 is the Kyrgyz Republic itself (national figures),
-- 1 oblasts and the two cities of republican significance, 2 rayons and cities, 3 ayil aimaks.
CREATE TABLE area (
  code        TEXT PRIMARY KEY,
  level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  type        TEXT NOT NULL,
  parent_code TEXT REFERENCES area (code),
  name_en     TEXT NOT NULL,
  name_ru     TEXT NOT NULL DEFAULT '',
  name_ky     TEXT NOT NULL DEFAULT '',
  lat         REAL,
  lon         REAL,
  is_pilot    INTEGER NOT NULL DEFAULT 0 CHECK (is_pilot IN (0, 1))
);
CREATE INDEX area_parent ON area (parent_code);
CREATE INDEX area_level ON area (level);

-- Code lists, each with names in the three languages.
CREATE TABLE gender_marker (
  code          INTEGER PRIMARY KEY CHECK (code BETWEEN 0 AND 2),
  name_en       TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT '',
  definition_en TEXT NOT NULL DEFAULT '',
  definition_ru TEXT NOT NULL DEFAULT '',
  definition_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE gcm_objective (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sdg_target (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sector (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE target_group (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE status (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE role (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE funding_source (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE activity_type (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);
CREATE TABLE checklist_item (
  code    TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
  name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT ''
);

-- Indicators: a catalogue users can extend, and values by area, year and sex, each with its source.
CREATE TABLE indicator (
  code         TEXT PRIMARY KEY,
  name_en      TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_ky TEXT NOT NULL DEFAULT '',
  unit         TEXT NOT NULL DEFAULT '',
  by_sex       INTEGER NOT NULL DEFAULT 1 CHECK (by_sex IN (0, 1)),
  description  TEXT NOT NULL DEFAULT '',
  is_key       INTEGER NOT NULL DEFAULT 0,
  is_reference INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE indicator_value (
  id             INTEGER PRIMARY KEY,
  area_code      TEXT NOT NULL REFERENCES area (code),
  indicator_code TEXT NOT NULL REFERENCES indicator (code),
  year           INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  sex            TEXT NOT NULL CHECK (sex IN ('F', 'M', 'T')),
  value          REAL NOT NULL,
  source         TEXT NOT NULL CHECK (source <> ''),
  note           TEXT NOT NULL DEFAULT '',
  is_reference   INTEGER NOT NULL DEFAULT 0,
  is_demo        INTEGER NOT NULL DEFAULT 0,
  -- A corrected reference value keeps what the reference data said.
  original_value  REAL,
  original_source TEXT,
  updated_at     TEXT,
  deleted_at     TEXT,
  UNIQUE (area_code, indicator_code, year, sex, source)
);
CREATE INDEX indicator_value_area ON indicator_value (area_code, indicator_code, year);

-- Priorities of a local socio-economic development programme.
CREATE TABLE priority (
  id                     TEXT PRIMARY KEY,
  area_code              TEXT NOT NULL REFERENCES area (code),
  rank                   INTEGER NOT NULL,
  title                  TEXT NOT NULL DEFAULT '',
  problem                TEXT NOT NULL DEFAULT '',
  description            TEXT NOT NULL DEFAULT '',
  sector_code            TEXT REFERENCES sector (code),
  gender_marker          INTEGER NOT NULL DEFAULT 0 CHECK (gender_marker BETWEEN 0 AND 2),
  marker_justification   TEXT NOT NULL DEFAULT '',
  status                 TEXT NOT NULL DEFAULT 'draft' REFERENCES status (code),
  budget_kgs             REAL,
  funding_source         TEXT REFERENCES funding_source (code),
  responsible            TEXT NOT NULL DEFAULT '',
  partners               TEXT NOT NULL DEFAULT '',
  start_year             INTEGER,
  end_year               INTEGER,
  hearing_date           TEXT,
  hearing_participants_f INTEGER,
  hearing_participants_m INTEGER,
  kenesh_decision_no     TEXT NOT NULL DEFAULT '',
  kenesh_decision_date   TEXT,
  is_demo                INTEGER NOT NULL DEFAULT 0,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  deleted_at             TEXT
);
CREATE INDEX priority_area_rank ON priority (area_code, deleted_at, rank);
CREATE INDEX priority_updated ON priority (updated_at);
CREATE INDEX priority_demo ON priority (is_demo);

CREATE TABLE priority_target_group (
  priority_id TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  group_code  TEXT NOT NULL REFERENCES target_group (code),
  PRIMARY KEY (priority_id, group_code)
) WITHOUT ROWID;
CREATE INDEX priority_target_group_code ON priority_target_group (group_code);
CREATE TABLE priority_gcm (
  priority_id    TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  objective_code TEXT NOT NULL REFERENCES gcm_objective (code),
  PRIMARY KEY (priority_id, objective_code)
) WITHOUT ROWID;
CREATE TABLE priority_sdg (
  priority_id TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  target_code TEXT NOT NULL REFERENCES sdg_target (code),
  PRIMARY KEY (priority_id, target_code)
) WITHOUT ROWID;
CREATE TABLE priority_checklist (
  priority_id TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  item_code   TEXT NOT NULL REFERENCES checklist_item (code),
  answer      TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
  PRIMARY KEY (priority_id, item_code)
) WITHOUT ROWID;
CREATE TABLE priority_indicator (
  id          INTEGER PRIMARY KEY,
  priority_id TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  name        TEXT NOT NULL DEFAULT '',
  unit        TEXT NOT NULL DEFAULT '',
  baseline_f  REAL, baseline_m REAL,
  target_f    REAL, target_m   REAL,
  actual_f    REAL, actual_m   REAL
);
CREATE INDEX priority_indicator_priority ON priority_indicator (priority_id, position);

-- Full-text search over the words of a priority, kept in step by triggers.
CREATE VIRTUAL TABLE priority_fts USING fts5 (
  title, problem, description,
  content = 'priority', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER priority_fts_ai AFTER INSERT ON priority BEGIN
  INSERT INTO priority_fts (rowid, title, problem, description)
  VALUES (new.rowid, new.title, new.problem, new.description);
END;
CREATE TRIGGER priority_fts_ad AFTER DELETE ON priority BEGIN
  INSERT INTO priority_fts (priority_fts, rowid, title, problem, description)
  VALUES ('delete', old.rowid, old.title, old.problem, old.description);
END;
CREATE TRIGGER priority_fts_au AFTER UPDATE OF title, problem, description ON priority BEGIN
  INSERT INTO priority_fts (priority_fts, rowid, title, problem, description)
  VALUES ('delete', old.rowid, old.title, old.problem, old.description);
  INSERT INTO priority_fts (rowid, title, problem, description)
  VALUES (new.rowid, new.title, new.problem, new.description);
END;

-- Capacity building: trainings, workshops, dialogues.
CREATE TABLE activity (
  id          TEXT PRIMARY KEY,
  area_code   TEXT NOT NULL REFERENCES area (code),
  date        TEXT NOT NULL,
  type        TEXT NOT NULL REFERENCES activity_type (code),
  topic       TEXT NOT NULL DEFAULT '',
  facilitator TEXT NOT NULL DEFAULT '',
  pre_score   REAL,
  post_score  REAL,
  notes       TEXT NOT NULL DEFAULT '',
  is_demo     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX activity_area_date ON activity (area_code, date);
CREATE TABLE activity_participant (
  activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  role_code   TEXT NOT NULL REFERENCES role (code),
  women       INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0),
  men         INTEGER NOT NULL DEFAULT 0 CHECK (men >= 0),
  PRIMARY KEY (activity_id, role_code)
) WITHOUT ROWID;
CREATE TABLE activity_priority (
  activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  priority_id TEXT NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, priority_id)
) WITHOUT ROWID;

-- Every edit, with old and new values.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  ts        TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action    TEXT NOT NULL DEFAULT 'update',
  field     TEXT NOT NULL DEFAULT '',
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id, id);
