// Migration 2: clustering runs, clusters (two levels) with names and centroids, per-row membership and
// map position, the embedding cache for paid endpoints, and LLM usage records. Imports: nothing.

export const sql = `
CREATE TABLE cluster_runs (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  embedder TEXT NOT NULL,
  params_json TEXT NOT NULL,
  embedder_state BLOB,
  outlier_z REAL NOT NULL,
  dims INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  outliers INTEGER NOT NULL,
  named_by TEXT
);

CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES cluster_runs(id),
  parent_id INTEGER REFERENCES clusters(id),
  level TEXT NOT NULL CHECK (level IN ('group', 'cluster')),
  name TEXT NOT NULL,
  keyword_name TEXT NOT NULL,
  description TEXT,
  include_rule TEXT,
  exclude_rule TEXT,
  named_by TEXT NOT NULL,
  keywords_json TEXT NOT NULL,
  representatives_json TEXT NOT NULL,
  centroid BLOB,
  calibration_json TEXT,
  -- A merged-away cluster stays for the record but no longer has members.
  merged_into INTEGER REFERENCES clusters(id)
);
CREATE INDEX clusters_run ON clusters(run_id);

CREATE TABLE cluster_members (
  run_id INTEGER NOT NULL REFERENCES cluster_runs(id),
  row_id INTEGER NOT NULL REFERENCES rows(id),
  cluster_id INTEGER REFERENCES clusters(id),
  nearest_id INTEGER REFERENCES clusters(id),
  score REAL NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  PRIMARY KEY (run_id, row_id)
) WITHOUT ROWID;
CREATE INDEX cluster_members_cluster ON cluster_members(run_id, cluster_id, score);

CREATE TABLE embedding_cache (
  model TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (model, content_hash)
) WITHOUT ROWID;

CREATE TABLE llm_usage (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  cost REAL,
  latency_ms REAL NOT NULL
);
`;
