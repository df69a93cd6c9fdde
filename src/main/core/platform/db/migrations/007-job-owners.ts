// Migration 7: which process runs a job (pid, host, a random token) and when it last said so, so a second
// process on the same folder tells a job running elsewhere from one whose process died; and whether a job
// holds the secondary indexes dropped for a bulk import. Imports: nothing.

export const sql = `
ALTER TABLE jobs ADD COLUMN owner_pid INTEGER;
ALTER TABLE jobs ADD COLUMN owner_host TEXT;
ALTER TABLE jobs ADD COLUMN owner_token TEXT;
ALTER TABLE jobs ADD COLUMN heartbeat_at INTEGER;
ALTER TABLE jobs ADD COLUMN holds_indexes INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_active ON jobs (status) WHERE status IN ('queued', 'running');
`;
