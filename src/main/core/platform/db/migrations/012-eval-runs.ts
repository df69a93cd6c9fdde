// Migration 12: evaluation runs of models over a frozen eval version (settings, the system prompt used, budget),
// each (row, model) prediction with its score, latency, tokens, cost and error, and the pass rules (evaluators)
// of a dataset and of single rows. Self-contained: it references only `datasets`, `dataset_versions`. Imports: nothing.

export const sql = `
CREATE TABLE eval_runs (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  -- The name and number the run was started with, to read the version's rows again on resume.
  dataset TEXT NOT NULL,
  version_number INTEGER NOT NULL,
  metric TEXT NOT NULL,
  metric_options_json TEXT NOT NULL DEFAULT '{}',
  -- [{model, provider, alias, label}] in the order results are shown; predictions name a model by its index.
  models_json TEXT NOT NULL,
  -- The override the run sent in place of each row's system prompt; NULL: the rows' own prompts.
  system_prompt TEXT,
  system_prompt_hash TEXT,
  -- Dataset and row evaluators as they were when the run started (a later edit does not rewrite old runs).
  evaluators_json TEXT NOT NULL DEFAULT '{}',
  budget_usd REAL,
  budget_reached INTEGER NOT NULL DEFAULT 0,
  concurrency INTEGER NOT NULL,
  job_id INTEGER,
  row_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX eval_runs_dataset ON eval_runs(dataset_id, id);

-- A row of the run answered (or failed for good) by one model; model_index -1 is the baseline (the row's
-- original response, scored the same way). Resume skips answered ones and retries failures.
CREATE TABLE eval_predictions (
  run_id INTEGER NOT NULL REFERENCES eval_runs(id),
  row_key INTEGER NOT NULL,
  model_index INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('answered', 'failed')),
  -- The assistant message as returned: {role, content, tool_calls?}.
  response_json TEXT,
  pass INTEGER,
  score REAL,
  detail TEXT,
  -- [{name, scope, pass, detail}]
  evaluators_json TEXT NOT NULL DEFAULT '[]',
  latency_ms REAL,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd REAL,
  cached INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  PRIMARY KEY (run_id, row_key, model_index)
) WITHOUT ROWID;

-- Pass rules: row_key 0 holds the dataset's own, any other the rules of that row (row keys are stable across versions).
CREATE TABLE eval_evaluators (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  evaluators_json TEXT NOT NULL,
  PRIMARY KEY (dataset_id, row_key)
) WITHOUT ROWID;
`;
