-- Aimak office server, schema version 1 (PostgreSQL 13 or later; issue 16).
-- Run by `aimak-cli server init` as the owner of the server database, in one
-- transaction, which then sets aimak.schema_version. Never edit a released
-- migration: add the next one (server/0002-….sql).
--
-- The server holds only the records that travel, as the exchange packages do
-- (docs/exchange-format.md): one row per record with its identity (UUID,
-- origin desk, revision, last changing desk), its area and tombstone, and its
-- fields as a JSON object of strings: a priority's own columns with its links
-- (target groups, GCM, SDG, checklist) and its indicators, an activity's
-- columns with its participants and linked priorities, an indicator value a
-- desk entered. `seq` orders every write on the server: a desk pulls what has
-- seq above the last one it pulled.

CREATE SCHEMA aimak;

CREATE TABLE aimak.schema_version (version integer NOT NULL);
INSERT INTO aimak.schema_version VALUES (0);

CREATE TABLE aimak.meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
-- A desk that finds another server_id than last time pulls everything again.
INSERT INTO aimak.meta VALUES ('server_id', gen_random_uuid ()::text);

-- The area hierarchy (oblast → rayon → ayil aimak), loaded from the app's
-- reference data: a desk reads the areas it is granted and all below them.
CREATE TABLE aimak.area (
  code        text PRIMARY KEY,
  parent_code text REFERENCES aimak.area (code),
  level       integer NOT NULL,
  name_en     text NOT NULL DEFAULT ''
);
CREATE INDEX area_parent ON aimak.area (parent_code);

-- Desks: one LOGIN role each (aimak.add_desk), with the areas it writes.
CREATE TABLE aimak.desk (
  role_name  name PRIMARY KEY,
  ministry   boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now ()
);
CREATE TABLE aimak.desk_area (
  role_name name NOT NULL REFERENCES aimak.desk (role_name) ON DELETE CASCADE,
  area_code text NOT NULL REFERENCES aimak.area (code),
  PRIMARY KEY (role_name, area_code)
);

CREATE SEQUENCE aimak.record_seq;
CREATE TABLE aimak.record (
  uuid            text PRIMARY KEY,
  entity          text NOT NULL CHECK (entity IN ('priority', 'activity', 'indicator_value')),
  area_code       text NOT NULL REFERENCES aimak.area (code),
  revision        bigint NOT NULL CHECK (revision >= 1),
  origin_desk     text NOT NULL,
  changed_by_desk text NOT NULL,
  changed_at      text NOT NULL,
  deleted         boolean NOT NULL DEFAULT false,
  fields          jsonb NOT NULL CHECK (jsonb_typeof (fields) = 'object'),
  seq             bigint NOT NULL,
  pushed_by       name NOT NULL
);
CREATE UNIQUE INDEX record_seq_key ON aimak.record (seq);
CREATE INDEX record_area ON aimak.record (area_code);

-- Every write gets the next seq and the role that made it, whatever a client
-- sends. The advisory lock makes writers take their turn, so seq order is
-- commit order and a desk that pulled up to seq N never misses a row that
-- commits later with a smaller seq. A record keeps its identity and its
-- revision only grows.
CREATE FUNCTION aimak.record_stamp () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock (hashtext ('aimak.record'));
  IF TG_OP = 'UPDATE' THEN
    IF NEW.entity <> OLD.entity OR NEW.origin_desk <> OLD.origin_desk THEN
      RAISE EXCEPTION 'a record keeps its kind and origin' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.revision <= OLD.revision THEN
      RAISE EXCEPTION 'a record''s revision only grows' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  NEW.seq := nextval ('aimak.record_seq');
  NEW.pushed_by := session_user;
  RETURN NEW;
END $$;
CREATE TRIGGER record_stamp BEFORE INSERT OR UPDATE ON aimak.record
  FOR EACH ROW EXECUTE FUNCTION aimak.record_stamp ();

-- The areas role @r reads: all for a ministry role, else its granted areas
-- and every area below them.
CREATE FUNCTION aimak.readable_areas (r name) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.code FROM aimak.area a
  WHERE EXISTS (SELECT 1 FROM aimak.desk d WHERE d.role_name = r AND d.ministry)
  UNION
  (WITH RECURSIVE below (code) AS (
     SELECT da.area_code FROM aimak.desk_area da WHERE da.role_name = r
     UNION
     SELECT a.code FROM aimak.area a JOIN below b ON a.parent_code = b.code)
   SELECT code FROM below)
$$;

-- The areas role @r writes: exactly its granted ones.
CREATE FUNCTION aimak.writable_areas (r name) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT da.area_code FROM aimak.desk_area da WHERE da.role_name = r
$$;

-- What the connected desk is (is_desk false when it is not one). Inside a
-- SECURITY DEFINER function current_user is the owner: the caller comes in
-- as session_user.
CREATE FUNCTION aimak.whoami (OUT is_desk boolean, OUT ministry boolean, OUT areas text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM aimak.desk WHERE role_name = session_user),
         coalesce ((SELECT d.ministry FROM aimak.desk d WHERE d.role_name = session_user), false),
         coalesce ((SELECT array_agg (da.area_code ORDER BY da.area_code) FROM aimak.desk_area da
                    WHERE da.role_name = session_user), '{}')
$$;

-- Row-level security: the owner (who ran init) is not subject to it; every
-- desk is. No DELETE policy and no DELETE grant: deletions travel as
-- tombstones (deleted = true), never as a missing row.
ALTER TABLE aimak.record ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_read ON aimak.record FOR SELECT
  USING (area_code IN (SELECT aimak.readable_areas (current_user)));
CREATE POLICY record_insert ON aimak.record FOR INSERT
  WITH CHECK (area_code IN (SELECT aimak.writable_areas (current_user)));
CREATE POLICY record_update ON aimak.record FOR UPDATE
  USING (area_code IN (SELECT aimak.writable_areas (current_user)))
  WITH CHECK (area_code IN (SELECT aimak.writable_areas (current_user)));

-- Every desk role is a member of aimak_desk, which holds the grants. Roles
-- belong to the whole PostgreSQL cluster: create it only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aimak_desk') THEN
    CREATE ROLE aimak_desk NOLOGIN;
  END IF;
END $$;
REVOKE ALL ON SCHEMA aimak FROM PUBLIC;
GRANT USAGE ON SCHEMA aimak TO aimak_desk;
GRANT SELECT ON aimak.schema_version, aimak.meta, aimak.area TO aimak_desk;
GRANT SELECT, INSERT, UPDATE ON aimak.record TO aimak_desk;
REVOKE ALL ON FUNCTION aimak.readable_areas (name), aimak.writable_areas (name),
  aimak.whoami (), aimak.record_stamp () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aimak.readable_areas (name), aimak.writable_areas (name),
  aimak.whoami () TO aimak_desk;

-- Creates or updates desk @desk (run by the owner through `aimak-cli server
-- add-desk`): a LOGIN role in aimak_desk whose password is @verifier (a SCRAM
-- verifier made by the client, so the password itself never reaches the
-- server or its logs), writing @areas; @is_ministry reads every area.
CREATE FUNCTION aimak.add_desk (desk name, verifier text, areas text[], is_ministry boolean)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = desk AND (rolsuper OR rolcreaterole))
     OR desk = current_user THEN
    RAISE EXCEPTION 'role % is an administrator, not a desk', desk
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = desk) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN', desk);
  END IF;
  EXECUTE format ('GRANT aimak_desk TO %I', desk);
  IF verifier IS NOT NULL THEN
    EXECUTE format ('ALTER ROLE %I LOGIN PASSWORD %L', desk, verifier);
  END IF;
  INSERT INTO aimak.desk (role_name, ministry) VALUES (desk, is_ministry)
    ON CONFLICT (role_name) DO UPDATE SET ministry = excluded.ministry;
  DELETE FROM aimak.desk_area WHERE role_name = desk;
  INSERT INTO aimak.desk_area (role_name, area_code)
    SELECT DISTINCT desk, a FROM unnest (areas) AS a;
END $$;
REVOKE ALL ON FUNCTION aimak.add_desk (name, text, text[], boolean) FROM PUBLIC;

-- Read-only views for reports on the server (a ministry analyst's SQL), with
-- the same row-level security as the table.
CREATE VIEW aimak.priority WITH (security_invoker = true) AS
  SELECT uuid, area_code, revision, deleted, changed_at, fields ->> 'title' AS title,
         fields ->> 'status' AS status, nullif (fields ->> 'gender_marker', '')::integer AS gender_marker,
         nullif (fields ->> 'budget_kgs', '')::numeric AS budget_kgs, fields
  FROM aimak.record WHERE entity = 'priority';
CREATE VIEW aimak.activity WITH (security_invoker = true) AS
  SELECT uuid, area_code, revision, deleted, changed_at, fields ->> 'date' AS date,
         fields ->> 'topic' AS topic, fields
  FROM aimak.record WHERE entity = 'activity';
CREATE VIEW aimak.indicator_value WITH (security_invoker = true) AS
  SELECT uuid, area_code, revision, deleted, changed_at,
         fields ->> 'indicator_code' AS indicator_code, fields ->> 'year' AS year,
         fields ->> 'sex' AS sex, fields ->> 'value' AS value, fields ->> 'source' AS source
  FROM aimak.record WHERE entity = 'indicator_value';
GRANT SELECT ON aimak.priority, aimak.activity, aimak.indicator_value TO aimak_desk;
