// Migration 8: a clustering run is 'saving' (hidden, owned by its job) while its vectors are written, and its
// clusters and members commit together with the switch to 'complete'. A saving run whose job died becomes
// 'abandoned' (its vector table is to be dropped), then 'discarded'. Runs are never deleted, so a run id, and
// with it a vector table name, is never reused. Imports: nothing.

export const sql = `
ALTER TABLE cluster_runs ADD COLUMN state TEXT NOT NULL DEFAULT 'complete'
  CHECK (state IN ('saving', 'complete', 'abandoned', 'discarded'));
ALTER TABLE cluster_runs ADD COLUMN job_id INTEGER;
`;
