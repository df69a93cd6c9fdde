// Migration 5: datasets, their draft and frozen versions with rows stored as content, splits kept apart from
// frozen rows, leakage exclusions, and the exports that name the version they used. Triggers make a frozen
// version and its rows immutable. Self-contained: it references only tables of this migration. Imports: nothing.

export const sql = `
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL CHECK (kind IN ('eval', 'training')),
  description TEXT NOT NULL DEFAULT '',
  task_description TEXT NOT NULL DEFAULT '',
  -- Declared columns (JSON array); NULL until the first row bootstraps them.
  columns_json TEXT,
  -- The frozen eval version a training dataset must not leak into.
  exclude_version_id INTEGER,
  near_threshold REAL NOT NULL DEFAULT 0.8,
  -- Cumulative leakage summary: candidates, per-rule counts, last warning.
  leakage_json TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE dataset_versions (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  -- NULL while a draft; 1, 2, ... once frozen.
  number INTEGER,
  status TEXT NOT NULL CHECK (status IN ('draft', 'frozen')),
  sha256 TEXT,
  recipe_json TEXT NOT NULL DEFAULT '{}',
  warnings_json TEXT NOT NULL DEFAULT '[]',
  row_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  frozen_at INTEGER,
  UNIQUE (dataset_id, number),
  CHECK ((status = 'draft') = (number IS NULL))
);
-- One active draft per dataset.
CREATE UNIQUE INDEX dataset_versions_one_draft ON dataset_versions(dataset_id) WHERE status = 'draft';

-- A row's content is canonical JSON of every hashed field (messages, tools, response, metadata, ids, labels,
-- expected output, note), copied when the row was promoted and never re-derived from its trace. The columns
-- beside it repeat what leakage, splits and guardrails query.
CREATE TABLE dataset_rows (
  version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  row_key INTEGER NOT NULL,
  content_json TEXT NOT NULL,
  source_trace_id INTEGER NOT NULL,
  conversation_id TEXT,
  cluster_id INTEGER,
  PRIMARY KEY (version_id, row_key)
);

-- Splits live apart from rows, so a frozen version's rows stay untouched when it is split.
CREATE TABLE dataset_splits (
  version_id INTEGER PRIMARY KEY REFERENCES dataset_versions(id),
  seed INTEGER NOT NULL,
  fractions_json TEXT NOT NULL,
  counts_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE dataset_row_splits (
  version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  row_key INTEGER NOT NULL,
  split TEXT NOT NULL CHECK (split IN ('train', 'validation', 'test')),
  PRIMARY KEY (version_id, row_key)
) WITHOUT ROWID;

CREATE TABLE dataset_exclusions (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  source_trace_id INTEGER NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('exact', 'conversation', 'normalized', 'near')),
  eval_row_key INTEGER NOT NULL,
  similarity REAL,
  prompt TEXT NOT NULL
);
CREATE INDEX dataset_exclusions_dataset ON dataset_exclusions(dataset_id, rule, id);

CREATE TABLE dataset_exports (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  rows INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  warning TEXT,
  job_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX dataset_exports_dataset ON dataset_exports(dataset_id, id);

CREATE TRIGGER dataset_versions_frozen_update BEFORE UPDATE ON dataset_versions WHEN OLD.status = 'frozen'
BEGIN SELECT RAISE(ABORT, 'dataset version is frozen: it cannot be changed'); END;
CREATE TRIGGER dataset_versions_frozen_delete BEFORE DELETE ON dataset_versions WHEN OLD.status = 'frozen'
BEGIN SELECT RAISE(ABORT, 'dataset version is frozen: it cannot be deleted'); END;
CREATE TRIGGER dataset_rows_frozen_insert BEFORE INSERT ON dataset_rows
  WHEN (SELECT status FROM dataset_versions WHERE id = NEW.version_id) = 'frozen'
BEGIN SELECT RAISE(ABORT, 'dataset version is frozen: rows cannot be added'); END;
CREATE TRIGGER dataset_rows_frozen_update BEFORE UPDATE ON dataset_rows
  WHEN (SELECT status FROM dataset_versions WHERE id = OLD.version_id) = 'frozen'
    OR (SELECT status FROM dataset_versions WHERE id = NEW.version_id) = 'frozen'
BEGIN SELECT RAISE(ABORT, 'dataset version is frozen: its rows cannot be changed'); END;
CREATE TRIGGER dataset_rows_frozen_delete BEFORE DELETE ON dataset_rows
  WHEN (SELECT status FROM dataset_versions WHERE id = OLD.version_id) = 'frozen'
BEGIN SELECT RAISE(ABORT, 'dataset version is frozen: its rows cannot be deleted'); END;
`;
