// Migration 3: moves each trace's raw text to its own table so the traces table holds only what lists,
// filters and indexes read; makes the dedup key's unique index droppable for bulk imports; drops the
// stored hex hash (it is the SHA-256 of raw, computed when shown) and the rows' copy of conversation_id.
// Runs with foreign keys off (see migrate.ts), as SQLite's table-rebuild procedure requires. Imports: nothing.

export const sql = `
CREATE TABLE trace_raw (
  id INTEGER PRIMARY KEY,
  raw TEXT NOT NULL,
  -- The parsed trace, kept only when raw cannot be re-parsed alone (CSV and Parquet records);
  -- otherwise messages, tools and metadata are re-derived from raw on read, so they are not stored twice.
  normalized_json TEXT
);
INSERT INTO trace_raw (id, raw, normalized_json) SELECT id, raw, normalized_json FROM traces;

CREATE TABLE traces_v3 (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  line INTEGER NOT NULL,
  -- The first 64 bits of the SHA-256 of raw. Unique through the index traces_hash_key (secondary-indexes.ts),
  -- which a bulk import drops while it deduplicates in memory, then builds again.
  hash_key INTEGER NOT NULL,
  format TEXT NOT NULL,
  source_id TEXT,
  conversation_id TEXT NOT NULL,
  environment TEXT,
  task TEXT,
  provider TEXT,
  model TEXT,
  status TEXT,
  timestamp INTEGER,
  latency_ms REAL,
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  total_tokens INTEGER,
  cost REAL,
  finish_reason TEXT,
  row_count INTEGER NOT NULL,
  notices INTEGER NOT NULL,
  prompt_preview TEXT NOT NULL,
  response_preview TEXT NOT NULL
);
INSERT INTO traces_v3 SELECT id, file_id, line, hash_key, format, source_id, conversation_id, environment, task,
  provider, model, status, timestamp, latency_ms, prompt_tokens, completion_tokens, total_tokens, cost,
  finish_reason, row_count, notices, prompt_preview, response_preview FROM traces;
DROP TABLE traces;
ALTER TABLE traces_v3 RENAME TO traces;

CREATE TABLE rows_v3 (
  id INTEGER PRIMARY KEY,
  trace_id INTEGER NOT NULL REFERENCES traces(id),
  turn_index INTEGER NOT NULL,
  prompt_end INTEGER NOT NULL,
  response_index INTEGER
);
INSERT INTO rows_v3 SELECT id, trace_id, turn_index, prompt_end, response_index FROM rows;
DROP TABLE rows;
ALTER TABLE rows_v3 RENAME TO rows;
`;
