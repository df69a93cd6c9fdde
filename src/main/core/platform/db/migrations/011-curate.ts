// Migration 11: curation of a dataset's draft. One run per dataset (its settings, counts and cost), each row's
// filter verdicts, judge scores and PII count, the user's keep/drop overrides, review decisions, and the undo
// log of review actions. Keyed by dataset and row key (a row key is stable across versions), so decisions outlive
// a freeze. Self-contained: it references only tables of this migration and `datasets`. Imports: nothing.

export const sql = `
CREATE TABLE curate_runs (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
  -- The draft the run read; another draft (after a freeze) makes the run stale.
  version_id INTEGER NOT NULL,
  job_id INTEGER,
  filters_json TEXT NOT NULL,
  -- {model, threshold, margin, rubricHash} or NULL when the judge was not asked.
  judge_json TEXT,
  row_count INTEGER NOT NULL,
  -- Per filter: rows it fired on and rows it decided; milliseconds the filters took.
  counts_json TEXT NOT NULL,
  cost_usd REAL NOT NULL DEFAULT 0,
  tokens INTEGER NOT NULL DEFAULT 0,
  calls INTEGER NOT NULL DEFAULT 0,
  cached INTEGER NOT NULL DEFAULT 0,
  -- Set when the draft's content changed after the run (redaction, review edits of other rows do not count).
  stale INTEGER NOT NULL DEFAULT 0,
  run_at INTEGER NOT NULL
);

CREATE TABLE curate_rows (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  -- The first filter that drops the row, NULL when none does.
  drop_filter TEXT,
  -- Every verdict that fired, in pipeline order: [{filter, drop, reason, duplicateOf}].
  verdicts_json TEXT NOT NULL,
  pii_spans INTEGER NOT NULL DEFAULT 0,
  membership REAL,
  -- The judge's overall score; NULL when not judged or the judgement failed.
  judge_overall REAL,
  judge_json TEXT,
  PRIMARY KEY (dataset_id, row_key)
) WITHOUT ROWID;
CREATE INDEX curate_rows_drop ON curate_rows(dataset_id, drop_filter, row_key);

CREATE TABLE curate_overrides (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('keep', 'drop')),
  at INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, row_key)
) WITHOUT ROWID;

CREATE TABLE curate_reviews (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  decision TEXT CHECK (decision IN ('accept', 'reject')),
  note TEXT,
  edited INTEGER NOT NULL DEFAULT 0,
  decided_at INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, row_key)
) WITHOUT ROWID;

-- One entry per review action: what each row's review and content were before, so undo can put them back.
CREATE TABLE curate_undo (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  token TEXT NOT NULL UNIQUE,
  entries_json TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
`;
