// Migration 4: the persistent LLM response cache, and per-call usage records that name the feature
// (renamed from purpose), the job and whether the cache answered. Imports: nothing.

export const sql = `
-- One answer per request: key is the sha256 of the base URL and the canonical request JSON (chat-cache.ts).
CREATE TABLE llm_cache (
  key TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  text TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  tool_calls_json TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);

ALTER TABLE llm_usage RENAME COLUMN purpose TO feature;
-- No foreign key: usage and its cost stay on record when old jobs are cleared away.
ALTER TABLE llm_usage ADD COLUMN job_id INTEGER;
ALTER TABLE llm_usage ADD COLUMN cached INTEGER NOT NULL DEFAULT 0 CHECK (cached IN (0, 1));
CREATE INDEX llm_usage_feature ON llm_usage(feature);
CREATE INDEX llm_usage_job ON llm_usage(job_id) WHERE job_id IS NOT NULL;
`;
