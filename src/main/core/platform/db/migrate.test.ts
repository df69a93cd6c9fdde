import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';

describe('migrate', () => {
  it('builds the schema from an empty database and is idempotent', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['traces', 'rows', 'import_files', 'rejected_lines', 'import_notices', 'jobs', 'schema_migrations']));
  });

  it('refuses to run when an applied migration was edited', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x)' }]);
    expect(() => migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE a (y)' }])).toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration as a whole', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 1, name: 'bad', sql: 'CREATE TABLE ok (x); CREATE TABLE broken (' }])).toThrow();
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(names).not.toContain('ok');
  });
});

describe('migration 3 (raw text in its own table)', () => {
  it('keeps every trace, its raw text, its rows and the cluster memberships that point at them', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version <= 2));
    db.exec(`
      INSERT INTO import_files (id, path, file_format, size, status, imported_at) VALUES (1, 'a.jsonl', 'jsonl', 10, 'complete', 0);
      INSERT INTO traces (id, file_id, line, content_hash, hash_key, format, raw, source_id, conversation_id, normalized_json,
        model, row_count, notices, prompt_preview, response_preview)
        VALUES (7, 1, 3, 'abc', 42, 'openai-chat', '{"messages":[]}', NULL, 'conv-1', NULL, 'gpt-4o', 2, 0, 'hi', 'hello');
      INSERT INTO rows (id, trace_id, conversation_id, turn_index, prompt_end, response_index) VALUES (11, 7, 'conv-1', 0, 2, 2), (12, 7, 'conv-1', 1, 4, 4);
      INSERT INTO cluster_runs (id, created_at, embedder, params_json, outlier_z, dims, rows, outliers) VALUES (1, 0, 'builtin', '{}', 3, 8, 2, 0);
      INSERT INTO cluster_members (run_id, row_id, score, x, y) VALUES (1, 12, 0.5, 0, 0);
    `);
    expect(migrate(db, migrations.filter((m) => m.version <= 3))).toEqual([3]);
    expect(db.prepare('SELECT id, hash_key, model, conversation_id, prompt_preview FROM traces').get()).toEqual({
      id: 7, hash_key: 42, model: 'gpt-4o', conversation_id: 'conv-1', prompt_preview: 'hi',
    });
    expect(db.prepare('SELECT id, raw, normalized_json FROM trace_raw').get()).toEqual({ id: 7, raw: '{"messages":[]}', normalized_json: null });
    expect(db.prepare('SELECT id, trace_id, turn_index FROM rows ORDER BY id').raw().all()).toEqual([[11, 7, 0], [12, 7, 1]]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The rebuilt tables still enforce their references.
    expect(() => db.prepare('INSERT INTO rows (trace_id, turn_index, prompt_end) VALUES (999, 0, 1)').run()).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 4 (LLM response cache, usage per feature and job)', () => {
  it('keeps earlier usage rows, naming their purpose as the feature', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.filter((m) => m.version <= 3));
    db.exec(`INSERT INTO llm_usage (at, purpose, model, prompt_tokens, completion_tokens, cost, latency_ms) VALUES (5, 'cluster-naming', 'gpt-4o-mini', 10, 2, 0.001, 40)`);
    expect(migrate(db, migrations.filter((m) => m.version <= 4))).toEqual([4]);
    expect(db.prepare('SELECT feature, job_id, cached, prompt_tokens FROM llm_usage').get()).toEqual({ feature: 'cluster-naming', job_id: null, cached: 0, prompt_tokens: 10 });
    expect(() => db.prepare("INSERT INTO llm_usage (at, feature, model, prompt_tokens, completion_tokens, latency_ms, cached) VALUES (1, 'x', 'm', 0, 0, 0, 2)").run()).toThrow(/CHECK/);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toContain('llm_cache');
  });
});
