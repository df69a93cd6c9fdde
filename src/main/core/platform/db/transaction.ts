// Write transactions, the one way the core opens them: BEGIN IMMEDIATE takes the write lock up front, so a
// second process on the same folder (the window beside the CLI) waits its turn under busy_timeout instead of
// failing with "database is locked" half-way through (a deferred transaction that read first cannot wait:
// SQLite refuses its upgrade at once). A unit of work that spans repositories (an import batch writes traces,
// counters and the job's checkpoint) commits whole or not at all. Imports: better-sqlite3 types, write-queue.
import type { Database } from 'better-sqlite3';
import { queuedWrite } from './write-queue.ts';

export type Transaction = <T>(work: () => T) => T;

/** Runs `work` in one immediate write transaction (a savepoint when already inside one). */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return queuedWrite(db, () => db.transaction(work).immediate());
}

export function transactionOn(db: Database): Transaction {
  return (work) => writeTransaction(db, work);
}
