// Facet counts in the facet worker thread: the same counts as counting inline, pages answered while a long
// count runs, a newer count superseding an older one, and no thread or file handle left after core.close().
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFilter } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { CommandError } from '../../src/main/core/platform/rpc/router.ts';
import { FacetRepository } from '../../src/main/core/traces/facet-repository.ts';
import { importIndexed } from '../support/import-indexed.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/** Doubles the store's traces `times` times in SQL (each copy with a new id and hash), so a big store takes seconds. */
function growTraces(file: string, times: number): number {
  const db = new BetterSqlite3(file);
  try {
    const columns = (db.pragma('table_info(traces)') as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
    const select = columns.map((c) => (c === 'hash_key' ? 'random()' : c)).join(', ');
    const copy = db.prepare(`INSERT INTO traces (${columns.join(', ')}) SELECT ${select} FROM traces`);
    for (let i = 0; i < times; i++) copy.run();
    return (db.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** File descriptors of this process open on `file` (Linux), e.g. the core's connection and the worker's. */
function handlesOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

const code = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof CommandError ? e.code : String(e)),
  );

describe('facet counts in the worker thread', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let inline: FacetRepository;
  let inlineDb: BetterSqlite3.Database;
  beforeAll(async () => {
    dir = makeTempDir();
    const corpus = join(dir.path, 'corpus.jsonl');
    writeCorpus(corpus, 0, 30);
    core = createCore({ dataDir: join(dir.path, 'data') });
    await importIndexed(core, [corpus]);
    inlineDb = new BetterSqlite3(join(dir.path, 'data', 'winnow.sqlite'), { readonly: true });
    inline = new FacetRepository(inlineDb);
  }, 120_000);
  afterAll(async () => {
    inlineDb.close();
    await core.close();
    dir.remove();
  });

  it('equal the counts made inline, under facet, metadata, text and search filters', async () => {
    const filters: TraceFilter[] = [
      {},
      { format: ['openai-chat', 'prompt-response'] },
      { metadata: { intent: ['refund'] } },
      { metadata: { intent: ['refund', 'sql'] }, status: ['ok'] },
      { search: 'password' },
      { search: 'order', metadata: { intent: ['refund'] } },
      { text: 'weather' },
      { from: 0, to: Date.now() },
    ];
    for (const where of filters) {
      const fromWorker = await core.invoke('traces.facets', { where });
      expect(fromWorker, JSON.stringify(where)).toEqual(inline.facets(where));
    }
    // The filters above do narrow: a search count is not the whole store's.
    expect((await core.invoke('traces.facets', { where: { search: 'password' } })).total).toBe(30);
    expect((await core.invoke('traces.facets', { where: { metadata: { intent: ['refund'] } } })).metadata.find((m) => m.key === 'intent')?.values).toEqual(
      expect.arrayContaining([{ value: 'sql', count: 30 }]),
    );
  });
});

describe('facet counts over a large store', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let file: string;
  let total: number;
  let closed = false;
  // A preview scan with no index behind it: counting it takes the worker a while at this size.
  const slow: TraceFilter = { text: 'e', model: ['none-such'] };
  beforeAll(async () => {
    dir = makeTempDir();
    const corpus = join(dir.path, 'corpus.jsonl');
    writeCorpus(corpus, 0, 50);
    file = join(dir.path, 'data', 'winnow.sqlite');
    const first = createCore({ dataDir: join(dir.path, 'data') });
    await importIndexed(first, [corpus]);
    await first.close();
    total = growTraces(file, 10);
    core = createCore({ dataDir: join(dir.path, 'data') });
  }, 180_000);
  afterAll(async () => {
    if (!closed) await core.close();
    dir.remove();
  });

  it('answers pages of the table while a count runs', async () => {
    expect(total).toBe(200 * 1024);
    const settled: string[] = [];
    const counting = core.invoke('traces.facets', { where: slow }).then((r) => settled.push(`facets ${r.total}`));
    const places = [0.5, 0.1, 0.9, 0.3].map((f) => Math.floor(f * (total - 20)));
    const jumps = places.map((at) => core.invoke('traces.list', { at, limit: 20 }).then((r) => settled.push(`list ${r.offset}`)));
    await Promise.all([counting, ...jumps]);
    // Every page arrived (at the place asked for) before the count did.
    expect(settled).toEqual([...places.map((at) => `list ${at}`), 'facets 0']);
  }, 60_000);

  it('answers a superseded count with "superseded" and the newest with its counts', async () => {
    const older = code(core.invoke('traces.facets', { where: slow }));
    const newer = core.invoke('traces.facets', { where: { text: 'ok' } });
    expect(await older).toBe('superseded');
    const counts = await newer;
    expect(counts.total).toBe(total);
    // The worker is still serving after abandoning a count.
    expect((await core.invoke('traces.facets', { where: { model: ['none-such'] } })).total).toBe(0);
  }, 60_000);

  // Last: it closes the suite's core. SQLite keeps a closed connection's file open while another connection of
  // the process holds a lock on it, so the check needs the store to itself.
  it.runIf(process.platform === 'linux')('leaves no thread and no handle on the store once the core is closed', async () => {
    await core.invoke('traces.facets', { where: { model: ['none-such'] } });
    // The worker has its own connection beside the core's.
    expect(handlesOn(file)).toBeGreaterThanOrEqual(2);
    const pending = code(core.invoke('traces.facets', { where: slow }));
    await core.close();
    closed = true;
    // A count cut off by close answers an error instead of hanging.
    expect(await pending).toBe('internal');
    // The worker's connection went with its thread.
    expect(handlesOn(file)).toBe(0);
  }, 60_000);
});
