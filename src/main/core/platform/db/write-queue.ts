// Lets the writers of other processes in. SQLite's busy handler polls with growing sleeps (up to 100 ms), so a
// process that commits batch after batch with microseconds between them (an import) would starve every other
// writer on the folder until it ends, and past busy_timeout they would fail. So a write that finds the lock
// taken leaves a ticket (a file named by its pid in `<database>-writers/`) while it waits, and a long writer
// pauses between its batches while another live process holds a ticket. Imports: node:fs, node:path,
// better-sqlite3 types, pid.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { pidAlive } from '../pid.ts';

interface Queue {
  dir: string;
  busyTimeoutMs: number;
}

const queues = new WeakMap<Database, Queue>();
let tickets = 0;

/** Makes every write on `db` (statements run outside a transaction, and writeTransaction) take a ticket when it must wait. */
export function enableWriteQueue(db: Database, file: string, busyTimeoutMs: number): void {
  const queue: Queue = { dir: `${file}-writers`, busyTimeoutMs };
  mkdirSync(queue.dir, { recursive: true });
  queues.set(db, queue);
  // better-sqlite3's own BEGIN/COMMIT and pragmas prepare natively, so only the application's statements pass here.
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!statement.reader) {
      const run = statement.run.bind(statement);
      statement.run = ((...params: unknown[]) => queuedWrite(db, () => run(...params))) as typeof statement.run;
    }
    return statement;
  }) as typeof db.prepare;
}

/** Runs one write (a statement, or a whole immediate transaction): at once if the lock is free, else with a ticket. */
export function queuedWrite<T>(db: Database, write: () => T): T {
  const queue = queues.get(db);
  // Inside a transaction the lock is already held (transactions begin IMMEDIATE).
  if (!queue || db.inTransaction) return write();
  db.pragma('busy_timeout = 0');
  try {
    return write();
  } catch (error) {
    // Busy means nothing was done: the statement or BEGIN did not get the lock.
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
  } finally {
    db.pragma(`busy_timeout = ${queue.busyTimeoutMs}`);
  }
  const ticket = join(queue.dir, `${process.pid}-${++tickets}`);
  writeFileSync(ticket, '');
  try {
    return write();
  } finally {
    rmSync(ticket, { force: true });
  }
}

function othersWaiting(queue: Queue): boolean {
  let names: string[];
  try {
    names = readdirSync(queue.dir);
  } catch {
    return false;
  }
  // A ticket left by a killed process (its pid gone) is not a writer.
  return names.some((name) => {
    const pid = Number(name.split('-')[0]);
    return pid !== process.pid && pidAlive(pid);
  });
}

/** Call between the batches of long work: waits (up to `maxMs`) while a writer of another process waits for the lock. */
export async function yieldToWaitingWriters(db: Database, maxMs = 2000): Promise<void> {
  const queue = queues.get(db);
  if (!queue) return;
  const until = Date.now() + maxMs;
  while (othersWaiting(queue) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
