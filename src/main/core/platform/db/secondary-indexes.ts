// The indexes a large import drops and builds again at its end, which is several times faster than
// maintaining them row by row. The dedup key's unique index is one of them: while it is gone, the import
// deduplicates in memory (see traces/duplicate-filter.ts). Part of the schema, so it sits beside the
// migrations: opening a store repairs whatever a killed bulk import left dropped. Imports: better-sqlite3 types.
import type { Database } from 'better-sqlite3';

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

/** Creates whichever are missing: at start-up this also repairs a store whose bulk import was killed. */
export function ensureSecondaryIndexes(db: Database): void {
  for (const [name, on, unique] of INDEXES) db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${on}`);
}

export function dropSecondaryIndexes(db: Database): void {
  for (const [name] of INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

export function hasDedupIndex(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'traces_hash_key'").get() !== undefined;
}
