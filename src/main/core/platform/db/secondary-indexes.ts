// The indexes a large import drops and builds again at its end, which is several times faster than
// maintaining them row by row. The dedup key's unique index is one of them: while it is gone, the import
// deduplicates in memory (see traces/duplicate-filter.ts). Part of the schema, so it sits beside the
// migrations: opening a store repairs whatever a killed bulk import left dropped, but never what a live
// import (in this process or another one on the same folder) holds dropped: the job that dropped them is
// marked in the jobs table until it settles. Imports: better-sqlite3 types, transaction.
import type { Database } from 'better-sqlite3';
import { writeTransaction } from './transaction.ts';

const INDEXES: [name: string, on: string, unique?: 'unique'][] = [
  ['traces_hash_key', 'traces(hash_key)', 'unique'],
  ['traces_file_line', 'traces(file_id, line)'],
  ['traces_environment', 'traces(environment)'],
  ['traces_task', 'traces(task)'],
  ['traces_provider', 'traces(provider)'],
  ['traces_model', 'traces(model)'],
  ['traces_status', 'traces(status)'],
  ['traces_timestamp', 'traces(timestamp)'],
  ['rows_trace', 'rows(trace_id, turn_index)'],
];

/** Jobs still queued or running that hold the indexes dropped (orphaned jobs were marked interrupted first). */
function otherHolders(db: Database, exceptJob: number | null): number {
  return db
    .prepare(`SELECT COUNT(*) FROM jobs WHERE holds_indexes = 1 AND status IN ('queued', 'running') AND id IS NOT ?`)
    .pluck()
    .get(exceptJob) as number;
}

function missing(db: Database): typeof INDEXES {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  return INDEXES.filter(([name]) => !present.has(name));
}

/**
 * Creates whichever are missing, unless a live job other than `exceptJob` holds them dropped; returns whether
 * all exist afterwards. One index per transaction, so other writers get their turn between builds, and
 * `between` (a job's progress) runs between them. Only reads when nothing is missing: opening a store for a
 * read-only command never waits for the write lock.
 */
export function ensureSecondaryIndexes(db: Database, exceptJob: number | null = null, between?: (built: number, of: number) => void): boolean {
  const todo = missing(db);
  // Read first: a process that only reads (`winnow jobs` during a bulk import) must not queue for the lock.
  if (todo.length > 0 && otherHolders(db, exceptJob) > 0) return false;
  for (const [at, [name, on, unique]] of todo.entries()) {
    const built = writeTransaction(db, () => {
      if (otherHolders(db, exceptJob) > 0) return false;
      db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${on}`);
      return true;
    });
    if (!built) return false;
    between?.(at + 1, todo.length);
  }
  return true;
}

/**
 * Drops them for `job`, which must release them (releaseSecondaryIndexes) when it ends; refuses (false) while
 * another job of `kind` runs, since it relies on them (its duplicate lookups would scan the table).
 */
export function dropSecondaryIndexes(db: Database, job: { id: number; kind: string } | null = null): boolean {
  return writeTransaction(db, () => {
    if (job !== null) {
      const others = db.prepare(`SELECT COUNT(*) FROM jobs WHERE kind = ? AND status = 'running' AND id != ?`).pluck().get(job.kind, job.id) as number;
      if (others > 0) return false;
      db.prepare('UPDATE jobs SET holds_indexes = 1 WHERE id = ?').run(job.id);
    }
    for (const [name] of INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    return true;
  });
}

/** Whether a live job other than `exceptJob` holds them dropped. */
export function secondaryIndexesHeld(db: Database, exceptJob: number | null = null): boolean {
  return otherHolders(db, exceptJob) > 0;
}

/** `job` no longer needs them dropped; whoever releases last (or the next start-up) builds them. */
export function releaseSecondaryIndexes(db: Database, job: number): void {
  writeTransaction(db, () => db.prepare('UPDATE jobs SET holds_indexes = 0 WHERE id = ?').run(job));
}

export function hasDedupIndex(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'traces_hash_key'").get() !== undefined;
}
