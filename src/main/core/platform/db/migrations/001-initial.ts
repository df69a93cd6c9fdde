// Migration 1: imported files, traces, the rows derived from them, rejected lines, jobs, settings.
// Imports: nothing.

export const sql = `
CREATE TABLE import_files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  file_format TEXT NOT NULL,
  size INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('importing','complete','failed','cancelled','interrupted')),
  job_id INTEGER,
  traces INTEGER NOT NULL DEFAULT 0,
  rows INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  blank_lines INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  notices INTEGER NOT NULL DEFAULT 0,
  formats_json TEXT NOT NULL DEFAULT '{}',
  error TEXT,
  imported_at INTEGER NOT NULL
);

CREATE TABLE traces (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  line INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  -- The first 64 bits of content_hash: a unique integer index is a third the cost of one over 64-character text.
  hash_key INTEGER NOT NULL UNIQUE,
  format TEXT NOT NULL,
  raw TEXT NOT NULL,
  source_id TEXT,
  conversation_id TEXT NOT NULL,
  -- The parsed trace, kept only when raw cannot be re-parsed alone (CSV and Parquet records);
  -- otherwise messages, tools and metadata are re-derived from raw on read, so they are not stored twice.
  normalized_json TEXT,
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

-- Secondary indexes are in secondary-indexes.ts: a large import drops and rebuilds them.

-- A row points into its trace's messages instead of copying the prompt: a 30-turn conversation
-- split into single turns would otherwise store its history 30 times.
CREATE TABLE rows (
  id INTEGER PRIMARY KEY,
  trace_id INTEGER NOT NULL REFERENCES traces(id),
  conversation_id TEXT NOT NULL,
  turn_index INTEGER NOT NULL,
  prompt_end INTEGER NOT NULL,
  response_index INTEGER
);

CREATE TABLE rejected_lines (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  line INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  raw TEXT NOT NULL,
  raw_truncated INTEGER NOT NULL,
  UNIQUE (file_id, line)
);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  params_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
  phase TEXT NOT NULL DEFAULT '',
  done REAL NOT NULL DEFAULT 0,
  total REAL,
  error TEXT,
  checkpoint_json TEXT,
  result_json TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);
`;
