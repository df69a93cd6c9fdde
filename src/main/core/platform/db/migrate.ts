// Applies numbered migrations in order, each in its own transaction, and checks applied ones are unchanged.
// Imports: node:crypto, better-sqlite3 types, the migration list.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { type Migration, migrations as allMigrations } from './migrations/index.ts';
import { writeTransaction } from './transaction.ts';

const checksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

export function migrate(db: Database, migrations: Migration[] = allMigrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT version, checksum FROM schema_migrations').all() as { version: number; checksum: string }[]).map(
      (r) => [r.version, r.checksum],
    ),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    const sum = checksum(migration.sql);
    const existing = applied.get(migration.version);
    if (existing !== undefined) {
      // An edited migration would leave databases in different shapes depending on when they were created.
      if (existing !== sum) throw new Error(`migration ${migration.version} (${migration.name}) was changed after it was applied`);
      continue;
    }
    // SQLite ignores this pragma inside a transaction, so it is switched around it.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      const appliedMeanwhile = writeTransaction(db, () => {
        // Another process opening the same fresh folder may have applied it since the list above was read.
        const now = db.prepare('SELECT checksum FROM schema_migrations WHERE version = ?').pluck().get(migration.version) as string | undefined;
        if (now !== undefined) {
          if (now !== sum) throw new Error(`migration ${migration.version} (${migration.name}) was changed after it was applied`);
          return true;
        }
        db.exec(migration.sql);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${migration.version} (${migration.name}) broke ${broken.length} foreign keys`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
          migration.version,
          migration.name,
          sum,
          Date.now(),
        );
        return false;
      });
      if (appliedMeanwhile) continue;
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
