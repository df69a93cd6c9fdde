// Migration 9: full-text search over every message of every trace, every metadata key and value as a facet,
// value counts per metadata key, and precomputed facet counts. Filled after an import by the index-search
// job, which keeps its progress in search_state; deleting a trace removes it from all of them. Imports: nothing.

export const sql = `
-- Contentless: the text is re-derived from trace_raw when indexing, so it is not stored a second time.
-- contentless_delete lets a removed trace leave the index by its rowid (the trace id). System and developer
-- messages have their own column: a policy prompt shared by every trace would otherwise match every search.
CREATE VIRTUAL TABLE trace_search USING fts5(
  system,
  conversation,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- One row per scalar metadata value of a trace (nested objects by dotted key), values as text.
-- The key order serves both the filter (key, value -> traces) and the counts per key.
CREATE TABLE trace_metadata (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  trace_id INTEGER NOT NULL,
  PRIMARY KEY (key, value, trace_id)
) WITHOUT ROWID;
CREATE INDEX trace_metadata_trace ON trace_metadata(trace_id);

-- How many traces carry each value of each key, kept in step by the index job and the delete trigger, so the
-- filter panel lists every key and its values without scanning trace_metadata.
CREATE TABLE metadata_values (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, value)
) WITHOUT ROWID;
-- A key's most common values without sorting all of them (a user id key has as many values as traces).
CREATE INDEX metadata_values_top ON metadata_values(key, count DESC, value);

-- Per key: how many (trace, value) pairs and distinct values it has, so listing keys reads one row each.
CREATE TABLE metadata_keys (
  key TEXT PRIMARY KEY,
  pairs INTEGER NOT NULL,
  distinct_values INTEGER NOT NULL
) WITHOUT ROWID;

-- Counts of each value of each metadata key with few values (see facet-repository.ts) per combination of the
-- built-in facets: with only those filtered, metadata counts need no join over trace_metadata. Rebuilt with
-- facet_cube and valid when it is.
CREATE TABLE metadata_cube (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  environment TEXT,
  task TEXT,
  provider TEXT,
  model TEXT,
  status TEXT,
  format TEXT NOT NULL,
  finish_reason TEXT,
  count INTEGER NOT NULL
);

-- Counts of every combination of the built-in facets over all traces: with only facet filters set, each facet's
-- counts are sums over this small table instead of a scan of a million traces. Valid while built_through equals
-- the highest trace id (search_state); an import or a delete makes it stale until the index job rebuilds it.
CREATE TABLE facet_cube (
  environment TEXT,
  task TEXT,
  provider TEXT,
  model TEXT,
  status TEXT,
  format TEXT NOT NULL,
  finish_reason TEXT,
  count INTEGER NOT NULL,
  -- So the time range of a facet-filtered view needs no scan either.
  min_ts INTEGER,
  max_ts INTEGER
);

CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Every trace with an id up to this one is in trace_search and trace_metadata.
  indexed_through INTEGER NOT NULL,
  -- The highest trace id facet_cube counted; -1 when it must be rebuilt.
  cube_through INTEGER NOT NULL
);
INSERT INTO search_state (id, indexed_through, cube_through) VALUES (1, 0, -1);

CREATE TRIGGER traces_unindex AFTER DELETE ON traces BEGIN
  DELETE FROM trace_search WHERE rowid = OLD.id;
  UPDATE metadata_values SET count = count - 1
    WHERE (key, value) IN (SELECT key, value FROM trace_metadata WHERE trace_id = OLD.id);
  UPDATE metadata_keys SET
    pairs = pairs - (SELECT COUNT(*) FROM trace_metadata m WHERE m.trace_id = OLD.id AND m.key = metadata_keys.key),
    distinct_values = distinct_values - (SELECT COUNT(*) FROM metadata_values v
      WHERE v.key = metadata_keys.key AND v.count <= 0
        AND v.value IN (SELECT value FROM trace_metadata m WHERE m.trace_id = OLD.id AND m.key = metadata_keys.key))
    WHERE key IN (SELECT key FROM trace_metadata WHERE trace_id = OLD.id);
  DELETE FROM metadata_keys WHERE pairs <= 0 AND key IN (SELECT key FROM trace_metadata WHERE trace_id = OLD.id);
  DELETE FROM metadata_values WHERE count <= 0
    AND (key, value) IN (SELECT key, value FROM trace_metadata WHERE trace_id = OLD.id);
  DELETE FROM trace_metadata WHERE trace_id = OLD.id;
  UPDATE search_state SET cube_through = -1;
END;
`;
