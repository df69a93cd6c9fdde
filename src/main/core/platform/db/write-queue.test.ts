// The write queue across real processes: a writer that finds the lock taken leaves a ticket while it waits,
// a long writer in another process pauses while that ticket exists, and the ticket goes once the write is done.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../tests/support/temp-dir.ts';
import { openDatabase } from './connection.ts';
import { yieldToWaitingWriters } from './write-queue.ts';

describe('write queue', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('lets a waiting writer of another process leave a ticket, and a long writer yield to it', async () => {
    const file = join(dir.path, 'winnow.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x INTEGER)');
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN IMMEDIATE');

    const script = join(dir.path, 'writer.mjs');
    const connection = pathToFileURL(join(import.meta.dirname, 'connection.ts')).href;
    writeFileSync(script, `import { openDatabase } from '${connection}';\nopenDatabase(process.argv[2]).prepare('INSERT INTO t VALUES (1)').run();\n`);
    const child = spawn(process.execPath, [script, file], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    const tickets = (): string[] => readdirSync(`${file}-writers`);
    for (let tries = 0; !tickets().some((t) => t.startsWith(`${child.pid}-`)); tries++) {
      if (tries > 600) throw new Error('the waiting writer never left a ticket');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The long writer here pauses while the other process waits...
    const paused = Date.now();
    await yieldToWaitingWriters(db, 400);
    expect(Date.now() - paused).toBeGreaterThanOrEqual(380);

    holder.exec('COMMIT');
    expect(await exited).toBe(0);
    // ...and not once it has written and taken its ticket away.
    expect(tickets()).toEqual([]);
    const free = Date.now();
    await yieldToWaitingWriters(db, 400);
    expect(Date.now() - free).toBeLessThan(200);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(1);
    holder.close();
    db.close();
  }, 60_000);
});
