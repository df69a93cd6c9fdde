// Opens a read-only connection to the store for a worker thread that only counts or reads: in WAL mode it reads
// a consistent snapshot beside the core's own connection, neither blocking the other. Imports: better-sqlite3.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './connection.ts';

/** The file must exist and be migrated already (the core opened it first); nothing here writes. */
export function openReadOnlyDatabase(file: string): Database {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}
