// Migration 13: teacher models. The prompts of each generation job (so a resumed job knows what is left), every
// answer a teacher gave to a dataset row (generation's N samples, a committee's answers) with its judge score,
// per dataset the relabelling verdicts and the chosen training target, and rows other steps ask a person to review
// (the curate domain's review queue shows them as borderline). Self-contained: it references only `datasets`.
// Imports: nothing.

export const sql = `
CREATE TABLE generate_prompts (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  position INTEGER NOT NULL,
  messages_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  -- The draft row the kept answer became (NULL until done).
  row_key INTEGER,
  error TEXT,
  UNIQUE (job_id, position)
);
CREATE INDEX generate_prompts_row ON generate_prompts(dataset_id, row_key);

-- One answer per (row, purpose, slot): slot is the sample index (generate) or the committee seat (relabel).
-- text is NULL when the call failed; overall is NULL when it was not judged or the judgement failed.
CREATE TABLE teacher_answers (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('generate', 'relabel')),
  slot INTEGER NOT NULL,
  model TEXT NOT NULL,
  text TEXT,
  error TEXT,
  overall REAL,
  judge_json TEXT,
  chosen INTEGER NOT NULL DEFAULT 0,
  job_id INTEGER,
  PRIMARY KEY (dataset_id, row_key, purpose, slot)
) WITHOUT ROWID;

CREATE TABLE relabel_rows (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  winner_slot INTEGER,
  spread REAL,
  disagree INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  -- The relabel job that wrote it: a resumed job skips its own rows.
  job_id INTEGER,
  PRIMARY KEY (dataset_id, row_key)
) WITHOUT ROWID;

-- Rows a step outside curation asks a person to look at (e.g. a committee that disagreed), with why.
CREATE TABLE review_requests (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  row_key INTEGER NOT NULL,
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, row_key, source)
) WITHOUT ROWID;

CREATE TABLE relabel_settings (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
  target TEXT NOT NULL DEFAULT 'original' CHECK (target IN ('original', 'winner')),
  updated_at INTEGER NOT NULL
);
`;
