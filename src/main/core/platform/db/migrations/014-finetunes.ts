// Migration 14: fine-tunes, each a frozen training version handed to a provider's fine-tuning API, with the
// uploaded file ids and remote job id (stored as soon as known, so a resume never uploads twice) and its events.
// Self-contained. Imports: nothing.

export const sql = `
CREATE TABLE finetunes (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  -- 'p<N>' (a saved provider) or 'env'; the name as it was when started, for display.
  provider_id TEXT NOT NULL,
  provider_name TEXT NOT NULL,
  base_model TEXT NOT NULL,
  suffix TEXT,
  hyperparameters_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('preparing', 'validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled')),
  job_id INTEGER REFERENCES jobs(id),
  training_file_id TEXT,
  validation_file_id TEXT,
  remote_job_id TEXT,
  fine_tuned_model TEXT,
  error TEXT,
  trained_tokens INTEGER,
  train_rows INTEGER NOT NULL DEFAULT 0,
  validation_rows INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX finetunes_dataset ON finetunes(dataset_id, id);

-- The remote job's events, once each (polling reads the newest page again and again).
CREATE TABLE finetune_events (
  finetune_id INTEGER NOT NULL REFERENCES finetunes(id),
  event_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (finetune_id, event_id)
);
`;
