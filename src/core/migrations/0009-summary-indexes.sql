-- Aimak schema: indexes for the Summary's figures (issue 18).
--
-- `priority_summary` covers everything the Summary counts of a live priority,
-- ordered as its GROUP BY (status, marker, funding source), so that "All areas"
-- and "Pilot areas" are one pass over this index with no table reads and no
-- sort; `deleted_at` is in it so that SQLite knows the index covers the query.
-- `id` lets the links of the priorities outside a scope be found from it.
-- The GCM and SDG links get the index by code that the target groups have had
-- since schema 1, so that their counts by code need no sort either.

CREATE INDEX priority_summary ON priority
  (status, gender_marker, funding_source, area_code, budget_kgs, id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX priority_gcm_code ON priority_gcm (objective_code);
CREATE INDEX priority_sdg_code ON priority_sdg (target_code);
