// Positional jumps into the traces list (`traces.list` with `at`): the page at any row of a filtered list is the
// same slice that walking every keyset page from the start reaches, before and after more traces arrive; facet
// counts, kept per filter, are counted again once more traces arrive.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFilter, TraceSummary } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { writeOpenAiTraces } from '../../bench/import-data.ts';
import { makeTempDir } from '../support/temp-dir.ts';

interface ListPage {
  total: number;
  items: TraceSummary[];
  nextCursor: string | null;
  offset?: number;
}

async function list(core: Core, input: Record<string, unknown>): Promise<ListPage> {
  const result = await core.dispatch('traces.list', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ListPage;
}

/** The truth: every id of the filtered list, by walking keyset pages from the start. */
async function walk(core: Core, where: TraceFilter): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage = await list(core, { where, limit: 1000, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

async function importFile(core: Core, path: string): Promise<void> {
  const started = await core.dispatch('imports.start', { paths: [path] });
  if (!started.ok) throw new Error(started.error.message);
  const job = await core.jobs.waitFor((started.value as { jobId: number }).jobId);
  expect(job.status).toBe('succeeded');
}

const FILTERS: [string, TraceFilter][] = [
  ['no filter', {}],
  ['one facet value', { environment: ['prod'] }],
  ['two facets', { environment: ['prod', 'dev'], model: ['gpt-4o'] }],
  ['search text', { text: 'French' }],
];

describe('traces.list at a row index', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;

  beforeAll(async () => {
    dir = makeTempDir();
    core = createCore({ dataDir: join(dir.path, 'data') });
    await writeOpenAiTraces(join(dir.path, 'a.jsonl'), 3000, 7);
    await importFile(core, join(dir.path, 'a.jsonl'));
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    dir?.remove();
  });

  for (const [name, where] of FILTERS) {
    it(`lands on the rows keyset paging reaches (${name})`, async () => {
      const truth = await walk(core, where);
      expect(truth.length).toBeGreaterThan(300);
      const n = truth.length;
      // Either side of a mark (every 256 rows), the middle, the last rows, and past the end.
      for (const at of [0, 1, 255, 256, 257, 511, Math.floor(n / 2), n - 201, n - 1]) {
        const page = await list(core, { where, at, limit: 200 });
        expect(page.total).toBe(n);
        expect(page.offset).toBe(at);
        expect(page.items.map((t) => t.id)).toEqual(truth.slice(at, at + 200));
      }
      const past = await list(core, { where, at: n + 5, limit: 200 });
      expect(past.items).toEqual([]);
      expect(past.nextCursor).toBeNull();
      // A jump's cursor continues where the jump's page ended.
      const from = Math.min(700, n - 250);
      const jumped = await list(core, { where, at: from, limit: 100 });
      const next = await list(core, { where, cursor: jumped.nextCursor, limit: 100 });
      expect(next.items.map((t) => t.id)).toEqual(truth.slice(from + 100, from + 200));
    });
  }

  it('sees traces imported after a filter was first counted and marked', async () => {
    const before = await walk(core, { environment: ['staging'] });
    await list(core, { where: { environment: ['staging'] }, at: 300, limit: 10 });
    const stagingCount = async () => {
      const result = await core.dispatch('traces.facets', { where: { model: ['gpt-4o'] } });
      if (!result.ok) throw new Error(result.error.message);
      const { facets } = result.value as { facets: Record<string, { value: string | null; count: number }[]> };
      return facets['environment']!.find((v) => v.value === 'staging')!.count;
    };
    const countedBefore = await stagingCount();
    // Asked again with the same filter (counts kept), then after an import (counted again).
    expect(await stagingCount()).toBe(countedBefore);
    // A different seed: new traces, none a duplicate, appended after the first file's ids.
    await writeOpenAiTraces(join(dir.path, 'b.jsonl'), 1500, 99);
    await importFile(core, join(dir.path, 'b.jsonl'));
    const after = await walk(core, { environment: ['staging'] });
    const stagingGpt4o = await walk(core, { environment: ['staging'], model: ['gpt-4o'] });
    expect(await stagingCount()).toBe(stagingGpt4o.length);
    expect(stagingGpt4o.length).toBeGreaterThan(countedBefore);
    expect(after.length).toBeGreaterThan(before.length);
    const at = after.length - 50;
    const page = await list(core, { where: { environment: ['staging'] }, at, limit: 200 });
    expect(page.total).toBe(after.length);
    expect(page.items.map((t) => t.id)).toEqual(after.slice(at));
    const all = await walk(core, {});
    const tail = await list(core, { at: all.length - 3, limit: 200 });
    expect(tail.items.map((t) => t.id)).toEqual(all.slice(-3));
  }, 120_000);

  it('finds rows of an unfiltered list whose ids have gaps', async () => {
    // Winnow itself never leaves gaps (traces are only appended, ids one after another), but a store edited by
    // hand or by another tool may: the unfiltered list then goes through marks, like a filtered one.
    const db = new Database(join(dir.path, 'data', 'winnow.sqlite'));
    db.exec('DELETE FROM rows WHERE trace_id % 97 = 0; DELETE FROM trace_raw WHERE id % 97 = 0; DELETE FROM traces WHERE id % 97 = 0');
    db.close();
    const truth = await walk(core, {});
    expect(truth.some((id) => id % 97 === 0)).toBe(false);
    for (const at of [0, 255, 256, 1000, truth.length - 1]) {
      const page = await list(core, { at, limit: 200 });
      expect(page.total).toBe(truth.length);
      expect(page.items.map((t) => t.id)).toEqual(truth.slice(at, at + 200));
    }
  }, 120_000);
});
