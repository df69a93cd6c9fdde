// The indexes that serve filters and lookups but not integrity. A large import drops them and builds them
// again at the end, which is several times faster than maintaining them row by row.
// Imports: better-sqlite3 types.
import type { Database } from 'better-sqlite3';

const INDEXES: [name: string, definition: string][] = [
  ['traces_file_line', 'traces(file_id, line)'],
  ['traces_environment', 'traces(environment)'],
  ['traces_task', 'traces(task)'],
  ['traces_provider', 'traces(provider)'],
  ['traces_model', 'traces(model)'],
  ['traces_status', 'traces(status)'],
  ['traces_timestamp', 'traces(timestamp)'],
  ['rows_trace', 'rows(trace_id, turn_index)'],
  ['rows_conversation', 'rows(conversation_id)'],
];

/** Creates whichever are missing: at start-up this also repairs a store whose bulk import was killed. */
export function ensureSecondaryIndexes(db: Database): void {
  for (const [name, definition] of INDEXES) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
}

export function dropSecondaryIndexes(db: Database): void {
  for (const [name] of INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
}
