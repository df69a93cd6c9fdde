// One unit of work over the shared connection, for work that spans repositories (an import batch writes
// traces, counters and the job's checkpoint): it commits whole or not at all. Imports: better-sqlite3 types.
import type { Database } from 'better-sqlite3';

export type Transaction = <T>(work: () => T) => T;

export function transactionOn(db: Database): Transaction {
  return (work) => db.transaction(work)();
}
