-- Aimak schema, version 2: what the priorities list needs at 100,000 priorities
-- (issue 3: open < 1 s, each keystroke or filter < 50 ms).
--
-- Narrow partial indexes over the live priorities, one per sort order that SQL
-- does itself, each holding every column the list filters on (area, status,
-- marker, sector), so that a filter or sort reads only the index and never the
-- wide table rows. Sorts by marker, status and area name regroup the first one
-- (programme order) in the model.
-- deleted_at (always NULL here, one byte) is there so that SQLite sees the
-- index as covering the query: without it, it reads the table row of every entry.
CREATE INDEX priority_list ON priority
  (area_code, rank, status, gender_marker, sector_code, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX priority_list_title ON priority
  (title COLLATE NOCASE, area_code, rank, status, gender_marker, sector_code, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX priority_list_budget ON priority
  (budget_kgs, area_code, rank, status, gender_marker, sector_code, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX priority_list_updated ON priority
  (updated_at, area_code, rank, status, gender_marker, sector_code, deleted_at)
  WHERE deleted_at IS NULL;

-- The search index again, now with prefix indexes for one- and two-letter
-- prefixes: search-as-you-type starts with them, and without a prefix index
-- FTS5 merges the lists of every word that starts so. The triggers of version 1
-- keep it in step as before.
DROP TABLE priority_fts;
CREATE VIRTUAL TABLE priority_fts USING fts5 (
  title, problem, description,
  content = 'priority', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2'
);
INSERT INTO priority_fts (priority_fts) VALUES ('rebuild');
