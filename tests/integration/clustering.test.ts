// Clustering through the core's commands: run, list, members, map, rename, merge, split, assign, similar rows.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { INTENTS, writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

async function settle(core: Core, jobId: number): Promise<void> {
  const job = await core.jobs.waitFor(jobId);
  if (job.status !== 'succeeded') throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
}

describe('clustering', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  const fine = (clusters: ClusterInfo[]): ClusterInfo[] => clusters.filter((c) => c.level === 'cluster');

  beforeAll(async () => {
    dir = makeTempDir();
    core = createCore({ dataDir: join(dir.path, 'data') });
    writeCorpus(join(dir.path, 'a.jsonl'), 0, 40);
    await settle(core, (await core.invoke('imports.start', { paths: [join(dir.path, 'a.jsonl')] })).jobId);
    await settle(core, (await core.invoke('clusters.run', {})).jobId);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('finds the intents without being told how many, with names from their distinctive words', async () => {
    const { run, clusters } = await core.invoke('clusters.list', {});
    expect(run).toMatchObject({ rows: 160, embedder: expect.stringMatching(/^builtin-lexical/) });
    const found = fine(clusters);
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.reduce((n, c) => n + c.size, 0) + run!.outliers).toBe(160);
    expect(run!.outlierShare).toBeLessThanOrEqual(0.15);
    // Each intent's rows land (almost) entirely in clusters of their own.
    for (const intent of Object.keys(INTENTS)) {
      const named = found.filter((c) => c.representatives.some((r) => INTENTS[intent]!.some((t) => r.text.startsWith(t.slice(0, 12)))));
      expect(named.length, `a cluster for ${intent}`).toBeGreaterThan(0);
    }
    const everyName = found.map((c) => c.name).join(' | ');
    expect(everyName).toMatch(/refund|charge|card/);
    expect(everyName).toMatch(/password|reset/);
    for (const c of found) {
      expect(c.meanScore).toBeGreaterThan(0);
      expect(c.meanScore).toBeLessThanOrEqual(1);
      expect(c.parentId).not.toBeNull();
    }
  });

  it('pages a cluster\'s members with their source line, borderline first on request', async () => {
    const [biggest] = fine((await core.invoke('clusters.list', {})).clusters);
    const first = await core.invoke('clusters.members', { clusterId: biggest!.id, borderlineFirst: true, limit: 5 });
    expect(first.total).toBe(biggest!.size);
    expect(first.items).toHaveLength(5);
    const scores = first.items.map((m) => m.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(first.items[0]).toMatchObject({ file: expect.stringMatching(/a\.jsonl$/), line: expect.any(Number), prompt: expect.any(String) });
    const rest = await core.invoke('clusters.members', { clusterId: biggest!.id, borderlineFirst: true, cursor: first.nextCursor!, limit: 1000 });
    expect(new Set([...first.items, ...rest.items].map((m) => m.rowId)).size).toBe(biggest!.size);
  });

  it('sorts members by score either way or by row, and pages each order through every member', async () => {
    const [biggest] = fine((await core.invoke('clusters.list', {})).clusters);
    const all = async (sort: 'score-asc' | 'score-desc' | 'row') => {
      const items: { rowId: number; score: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = await core.invoke('clusters.members', { clusterId: biggest!.id, sort, limit: 7, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };
    const desc = await all('score-desc');
    const asc = await all('score-asc');
    const byRow = await all('row');
    for (const order of [desc, asc, byRow]) expect(new Set(order.map((m) => m.rowId)).size).toBe(biggest!.size);
    expect(desc.map((m) => m.score)).toEqual([...desc.map((m) => m.score)].sort((a, b) => b - a));
    expect(asc.map((m) => m.score)).toEqual([...asc.map((m) => m.score)].sort((a, b) => a - b));
    expect(byRow.map((m) => m.rowId)).toEqual([...byRow.map((m) => m.rowId)].sort((a, b) => a - b));
    expect(desc[0]!.score).toBeGreaterThan(asc[0]!.score);
  });

  it("says in a trace's detail which cluster each row is in, with its score, and for an outlier its nearest cluster", async () => {
    const { run, clusters } = await core.invoke('clusters.list', {});
    const [c] = fine(clusters);
    const [member] = (await core.invoke('clusters.members', { clusterId: c!.id, sort: 'score-desc', limit: 1 })).items;
    const detail = await core.invoke('traces.get', { id: member!.traceId });
    const row = detail.rowsDetail.find((r) => r.id === member!.rowId)!;
    expect(row.cluster).toEqual({ runId: run!.id, clusterId: c!.id, nearestId: c!.id, name: c!.name, score: member!.score, outlier: false, borderline: member!.borderline });
    if (run!.outliers > 0) {
      const [outlier] = (await core.invoke('clusters.members', { clusterId: null, limit: 1 })).items;
      const place = (await core.invoke('traces.get', { id: outlier!.traceId })).rowsDetail.find((r) => r.id === outlier!.rowId)!.cluster!;
      expect(place).toMatchObject({ clusterId: null, outlier: true, score: outlier!.score });
      expect(clusters.find((x) => x.id === place.nearestId)?.name).toBe(place.name);
    }
    // A run that does not hold the row (one that never existed here) places it nowhere.
    const elsewhere = await core.invoke('traces.get', { id: member!.traceId, clusterRunId: run!.id + 1000 });
    expect(elsewhere.rowsDetail.every((r) => r.cluster === null)).toBe(true);
  });

  it('gives every row a map position', async () => {
    const map = await core.invoke('clusters.map', {});
    expect(map.total).toBe(160);
    expect(map.points).toHaveLength(160);
    for (const [, x, y] of map.points) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
  });

  it('finds similar rows from any row', async () => {
    const [c] = fine((await core.invoke('clusters.list', {})).clusters);
    const member = (await core.invoke('clusters.members', { clusterId: c!.id, limit: 1 })).items[0]!;
    const similar = await core.invoke('rows.similar', { rowId: member.rowId, limit: 5 });
    expect(similar).toHaveLength(5);
    expect(similar.every((s) => s.rowId !== member.rowId && s.similarity > 0)).toBe(true);
  });

  it('renames, merges and splits clusters, keeping every row accounted for', async () => {
    const before = fine((await core.invoke('clusters.list', {})).clusters);
    const renamed = await core.invoke('clusters.rename', { clusterId: before[0]!.id, name: 'Refund requests' });
    expect(renamed).toMatchObject({ name: 'Refund requests', namedBy: 'user' });

    const merged = await core.invoke('clusters.merge', { clusterIds: [before[0]!.id, before[1]!.id] });
    const afterMerge = fine((await core.invoke('clusters.list', {})).clusters);
    expect(afterMerge).toHaveLength(before.length - 1);
    expect(merged.size).toBeGreaterThanOrEqual(before[0]!.size);

    const parts = await core.invoke('clusters.split', { clusterId: merged.id, parts: 2 });
    expect(parts).toHaveLength(2);
    const afterSplit = await core.invoke('clusters.list', {});
    expect(fine(afterSplit.clusters)).toHaveLength(before.length);
    expect(fine(afterSplit.clusters).reduce((n, c) => n + c.size, 0) + afterSplit.run!.outliers).toBe(160);
  });

  it('assigns rows imported later to the existing clusters', async () => {
    writeCorpus(join(dir.path, 'b.jsonl'), 1000, 5);
    await settle(core, (await core.invoke('imports.start', { paths: [join(dir.path, 'b.jsonl')] })).jobId);
    await settle(core, (await core.invoke('clusters.assign', {})).jobId);
    const { run, clusters } = await core.invoke('clusters.list', {});
    expect(run!.rows).toBe(180);
    expect(fine(clusters).reduce((n, c) => n + c.size, 0) + run!.outliers).toBe(180);
    expect((await core.invoke('clusters.map', {})).total).toBe(180);
  });
});

describe('the cluster map sample', () => {
  it('returns exactly the number of points asked for, spread over all rows', async () => {
    const dir = makeTempDir();
    const core = createCore({ dataDir: dir.path });
    try {
      writeCorpus(join(dir.path, 'a.jsonl'), 0, 60);
      await settle(core, (await core.invoke('imports.start', { paths: [join(dir.path, 'a.jsonl')] })).jobId);
      await settle(core, (await core.invoke('clusters.run', {})).jobId);
      const map = await core.invoke('clusters.map', { maxPoints: 150 });
      expect(map.total).toBe(240);
      expect(map.points).toHaveLength(150);
      const ids = map.points.map(([rowId]) => rowId);
      expect(new Set(ids).size).toBe(150);
      expect(Math.max(...ids) - Math.min(...ids)).toBeGreaterThan(200);
    } finally {
      await core.close();
      dir.remove();
    }
  });
});
