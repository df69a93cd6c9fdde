// Migration 10: model providers (the single saved LLM endpoint becomes the first of them) and the LLM judge's
// stored judgements, per-dataset rubric and settings, and runs. Self-contained. Imports: nothing.

export const sql = `
CREATE TABLE llm_providers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  base_url TEXT NOT NULL,
  -- Sealed by the host's secret box (safeStorage); never readable by the window.
  sealed_key TEXT,
  -- [{name, purpose, inputPer1M, outputPer1M}]
  models_json TEXT NOT NULL DEFAULT '[]',
  concurrency INTEGER NOT NULL DEFAULT 4,
  timeout_ms INTEGER NOT NULL DEFAULT 120000,
  default_chat_model TEXT,
  default_embedding_model TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The endpoint saved before providers existed becomes provider "Default", with its sealed key as it was. One
-- without a base URL talked to OpenAI itself (a key alone) or to OPENAI_BASE_URL (no key): the first moves
-- across, the second stays an environment endpoint, so nothing is sent anywhere it was not sent before.
INSERT INTO llm_providers (name, base_url, sealed_key, default_chat_model, default_embedding_model, created_at, updated_at)
SELECT 'Default',
       COALESCE(json_extract(value_json, '$.baseUrl'), 'https://api.openai.com/v1'),
       json_extract(value_json, '$.sealedKey'),
       json_extract(value_json, '$.model'),
       json_extract(value_json, '$.embeddingModel'),
       CAST(strftime('%s', 'now') AS INTEGER) * 1000,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM settings
WHERE key = 'llm' AND (json_extract(value_json, '$.baseUrl') IS NOT NULL OR json_extract(value_json, '$.sealedKey') IS NOT NULL);
DELETE FROM settings
WHERE key = 'llm' AND (json_extract(value_json, '$.baseUrl') IS NOT NULL OR json_extract(value_json, '$.sealedKey') IS NOT NULL);

-- One judgement per (row content, judge model, rubric): the row hash covers the messages, tools, response and
-- the cluster rules shown to the judge; the rubric hash covers the rubric and the dataset's task description.
CREATE TABLE judgements (
  row_hash TEXT NOT NULL,
  model TEXT NOT NULL,
  rubric_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('judged', 'failed')),
  helpfulness REAL,
  relevance REAL,
  format REAL,
  overall REAL,
  rationale TEXT,
  error TEXT,
  cost_usd REAL,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  job_id INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (row_hash, model, rubric_hash)
) WITHOUT ROWID;

CREATE TABLE judge_settings (
  dataset_id INTEGER PRIMARY KEY,
  rubric TEXT,
  threshold REAL NOT NULL DEFAULT 0.6,
  margin REAL NOT NULL DEFAULT 0.05,
  min_membership REAL,
  model_json TEXT
);

-- A judge run's spend: "cost so far" sums these. No foreign keys: records outlive cleared jobs.
CREATE TABLE judge_runs (
  job_id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL,
  model TEXT NOT NULL,
  rubric_hash TEXT NOT NULL,
  usd REAL NOT NULL DEFAULT 0,
  unpriced_calls INTEGER NOT NULL DEFAULT 0,
  calls INTEGER NOT NULL DEFAULT 0,
  cached_calls INTEGER NOT NULL DEFAULT 0,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX judge_runs_dataset ON judge_runs(dataset_id);
`;
