-- Aimak office server, schema version 2: area changes (issue 17), so that
-- every desk agrees on the list of areas. Run by `aimak-cli server init` on a
-- server of schema 1 (in one transaction, like 0001).
--
-- One row per change list, published by the server's owner with
-- `aimak-cli server publish-area-changes FILE.csv`: its identity (the UUID
-- every desk records it under), its name, and its rows as a JSON array in the
-- form exchange packages carry (docs/exchange-format.md). Every desk reads
-- them all and applies, in seq order, those it lacks before it syncs records;
-- no desk may write them: only the owner (who is not subject to row-level
-- security and holds every privilege) publishes.

CREATE SEQUENCE aimak.area_change_seq;
CREATE TABLE aimak.area_change_batch (
  uuid         uuid PRIMARY KEY,
  seq          bigint NOT NULL UNIQUE DEFAULT nextval ('aimak.area_change_seq'),
  list_name    text NOT NULL,
  rows         jsonb NOT NULL CHECK (jsonb_typeof (rows) = 'array' AND jsonb_array_length (rows) > 0),
  published_at timestamptz NOT NULL DEFAULT now (),
  published_by name NOT NULL DEFAULT session_user
);
ALTER SEQUENCE aimak.area_change_seq OWNED BY aimak.area_change_batch.seq;

-- Every desk reads every change list (the list of areas is the same for all);
-- no INSERT, UPDATE or DELETE policy and no such grant: a desk cannot write.
ALTER TABLE aimak.area_change_batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY area_change_read ON aimak.area_change_batch FOR SELECT USING (true);
GRANT SELECT ON aimak.area_change_batch TO aimak_desk;

-- Publishes one change list (run by the owner): stores it, adds the areas it
-- creates to aimak.area (so that records in them may be pushed), gives their
-- names to renamed ones, and lets each desk that writes an area that ends
-- (merged, split, recoded) write its successor too. Not SECURITY DEFINER and
-- not granted to desks.
CREATE FUNCTION aimak.publish_area_changes (batch uuid, name text, changes jsonb)
RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r jsonb;
  s bigint;
BEGIN
  INSERT INTO aimak.area_change_batch (uuid, list_name, rows) VALUES (batch, name, changes)
    RETURNING seq INTO s;
  FOR r IN SELECT value FROM jsonb_array_elements (changes) LOOP
    IF r ->> 'kind' = 'renamed' THEN
      UPDATE aimak.area SET name_en = r ->> 'name_en'
        WHERE code IN (SELECT jsonb_array_elements_text (r -> 'old_codes'))
          AND coalesce (r ->> 'name_en', '') <> '';
      CONTINUE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM aimak.area WHERE code = r ->> 'new_code') THEN
      IF NOT EXISTS (SELECT 1 FROM aimak.area WHERE code = r ->> 'parent_code') THEN
        RAISE EXCEPTION 'the area % that % belongs to is not on the server',
          r ->> 'parent_code', r ->> 'new_code' USING ERRCODE = 'foreign_key_violation';
      END IF;
      INSERT INTO aimak.area (code, parent_code, level, name_en)
        SELECT r ->> 'new_code', p.code, p.level + 1, coalesce (r ->> 'name_en', '')
        FROM aimak.area p WHERE p.code = r ->> 'parent_code';
    END IF;
    IF r ->> 'kind' IN ('merged_into', 'split_from', 'code_changed') THEN
      INSERT INTO aimak.desk_area (role_name, area_code)
        SELECT DISTINCT da.role_name, r ->> 'new_code' FROM aimak.desk_area da
        WHERE da.area_code IN (SELECT jsonb_array_elements_text (r -> 'old_codes'))
        ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;
  RETURN s;
END $$;
REVOKE ALL ON FUNCTION aimak.publish_area_changes (uuid, text, jsonb) FROM PUBLIC;
