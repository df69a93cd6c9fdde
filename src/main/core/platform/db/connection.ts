// Opens the SQLite database file with the pragmas Winnow relies on, and migrates it. The window and the CLI
// may share the file: writers queue on busy_timeout (see transaction.ts). Imports: better-sqlite3, node:fs,
// node:path, migrate, secondary-indexes, write-queue.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { ensureSecondaryIndexes } from './secondary-indexes.ts';
import { enableWriteQueue } from './write-queue.ts';

/**
 * How long a writer waits for another process's write transaction. Generous: an import batch takes tens of
 * milliseconds, but saving a large clustering run or building one index over a million traces takes seconds,
 * and waiting is always better than failing a job half-way.
 */
export const BUSY_TIMEOUT_MS = 120_000;

export function openDatabase(file: string): Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  // First, so the pragmas and migrations below wait for a process already writing instead of failing.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Takes effect only when the file is new. 16 KB pages roughly halved commit time on the import benchmark
  // against the default 4 KB, and WAL mode fixes the size once chosen.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  enableWriteQueue(db, file, BUSY_TIMEOUT_MS);
  migrate(db);
  // Creates them in a new store. Skipped while any job is recorded as holding them dropped: createCore
  // repairs after a killed bulk import once the job runner has told dead owners from live ones.
  ensureSecondaryIndexes(db);
  return db;
}
