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
    expect(tables).toEqual(expect.arrayContaining(['traces', 'rows', 'import_files', 'rejected_lines', 'jobs', 'schema_migrations']));
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
