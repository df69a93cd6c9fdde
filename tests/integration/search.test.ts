// Search, metadata facets, synonyms, cluster and outlier filters and filter limits, through the core's commands
// over a real store; facet counts are checked against the direct GROUP BY of every facet.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFilter } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { TraceRepository } from '../../src/main/core/traces/trace-repository.ts';
import { FacetRepository } from '../../src/main/core/traces/facet-repository.ts';
import { importIndexed } from '../support/import-indexed.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const FILLER = ['Could you check that for me?', 'Sure, one moment.', 'Thanks, what else do you need?', 'Nothing else for now.'];

/** Conversations of 40 turns; conversation 7 says "zeppelin" only in turn 33 (a tool result), beyond every preview. */
function writeLongConversations(path: string): void {
  const lines: string[] = [];
  for (let c = 0; c < 30; c++) {
    const messages: Record<string, unknown>[] = [{ role: 'system', content: 'You are a travel agent. Never mention airships.' }];
    for (let t = 0; t < 40; t++) {
      const role = t % 2 === 0 ? 'user' : 'assistant';
      let content = `${FILLER[t % FILLER.length]} (conversation ${c}, turn ${t})`;
      if (c === 7 && t === 33) {
        messages.push({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup_vehicle', arguments: '{"kind":"air"}' } }] });
        messages.push({ role: 'tool', tool_call_id: 'call_1', content: 'Vehicle: Zeppelin NT, café on board' });
        content = 'Here is what I found.';
      }
      messages.push({ role, content });
    }
    const metadata = { agent_model: c % 3 === 0 ? 'gpt-4o' : 'claude-3-5-sonnet', customer: { tier: c % 2 === 0 ? 'gold' : 'silver' }, tags: ['travel', `batch-${c % 5}`], conversation_no: c };
    lines.push(JSON.stringify({ messages, metadata }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('search, metadata facets and cluster filters', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let longIds: number[];
  beforeAll(async () => {
    dir = makeTempDir();
    const long = join(dir.path, 'long.jsonl');
    const corpus = join(dir.path, 'corpus.jsonl');
    writeLongConversations(long);
    writeCorpus(corpus, 0, 40);
    core = createCore({ dataDir: join(dir.path, 'data') });
    await importIndexed(core, [long, corpus]);
    longIds = (await core.invoke('traces.list', { where: { fileId: 1 }, limit: 1000 })).items.map((t) => t.id);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  const ids = async (where: TraceFilter): Promise<number[]> => (await core.invoke('traces.list', { where, limit: 1000 })).items.map((t) => t.id);

  it('finds a word that occurs only deep inside one conversation, in a tool result, whatever its case and accents', async () => {
    expect(longIds).toHaveLength(30);
    for (const search of ['zeppelin', 'ZEPPELIN', 'zepp', 'cafe', 'café', 'lookup_vehicle']) {
      expect(await ids({ search }), search).toEqual([longIds[7]]);
    }
    // The previews hold none of it, so the old substring filter cannot see it.
    expect(await ids({ text: 'zeppelin' })).toEqual([]);
    expect(await ids({ search: '"zeppelin nt"' })).toEqual([longIds[7]]);
    expect(await ids({ search: '"nt zeppelin"' })).toEqual([]);
    expect(await ids({ search: 'zeppelin refund' })).toEqual([]);
  });

  it('searches system prompts unless asked to leave them out', async () => {
    expect(await ids({ search: 'airships' })).toHaveLength(30);
    expect(await ids({ search: 'airships', searchIn: 'conversation' })).toEqual([]);
    expect(await ids({ search: 'zeppelin', searchIn: 'conversation' })).toEqual([longIds[7]]);
  });

  it('reads FTS operators and stray punctuation in user text as words, never as an error', async () => {
    for (const search of ['"', '((', 'AND', 'zeppelin AND', 'NEAR/2 a b', 'system:travel', '-zeppelin', '*', 'zeppelin"', '^x', "o'brien", '{conversation}: x']) {
      const res = await core.invoke('traces.list', { where: { search } });
      expect(res.total, search).toBeGreaterThanOrEqual(0);
    }
    expect(await ids({ search: 'zeppelin"' })).toEqual([longIds[7]]);
    expect(await ids({ search: 'AND zeppelin' })).toEqual([]); // "AND" is a word these traces do not hold
  });

  it('fills the model facet from agent_model and lists every metadata key as a facet with counts', async () => {
    const facets = await core.invoke('traces.facets', {});
    expect(facets.facets.model).toEqual(
      expect.arrayContaining([
        { value: 'claude-3-5-sonnet', count: 20 },
        { value: 'gpt-4o', count: 10 },
      ]),
    );
    expect(facets.facets.provider).toEqual(expect.arrayContaining([{ value: 'openai', count: 10 }]));
    const byKey = Object.fromEntries(facets.metadata.map((m) => [m.key, m]));
    expect(byKey.intent).toMatchObject({ distinct: 4, counted: true });
    expect(byKey.intent!.values).toEqual(expect.arrayContaining([{ value: 'refund', count: 40 }]));
    expect(byKey['customer.tier']!.values).toEqual([
      { value: 'gold', count: 15 },
      { value: 'silver', count: 15 },
    ]);
    expect(byKey.tags!.values[0]).toEqual({ value: 'travel', count: 30 });
    expect(byKey.conversation_no).toMatchObject({ distinct: 30 });
  });

  it('filters by metadata keys, counting each key without its own filter', async () => {
    expect(await ids({ metadata: { intent: ['refund'] } })).toHaveLength(40);
    expect(await ids({ metadata: { intent: ['refund', 'sql'] } })).toHaveLength(80);
    expect(await ids({ metadata: { 'customer.tier': ['gold'], tags: ['batch-0'] } })).toEqual([longIds[0], longIds[10], longIds[20]]);
    const facets = await core.invoke('traces.facets', { where: { metadata: { 'customer.tier': ['gold'] } } });
    expect(facets.total).toBe(15);
    const tier = facets.metadata.find((m) => m.key === 'customer.tier')!;
    expect(tier.values).toHaveLength(2); // its own filter left out
    expect(facets.metadata.find((m) => m.key === 'intent')!.values).toEqual([]);
    expect(facets.facets.model.reduce((n, v) => n + v.count, 0)).toBe(15);
  });

  it('searches the long tail of a facet by substring', async () => {
    const values = await core.invoke('traces.facetValues', { facet: 'metadata.conversation_no', contains: '2', limit: 100 });
    expect(values.values.map((v) => v.value).sort()).toEqual(['12', '2', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29']);
    const models = await core.invoke('traces.facetValues', { facet: 'model', contains: 'GPT', where: { model: ['claude-3-5-sonnet'] } });
    expect(models.values).toEqual([{ value: 'gpt-4o', count: 10 }]);
    await expect(core.invoke('traces.facetValues', { facet: 'colour' })).rejects.toThrow(/unknown facet "colour"/);
  });

  it('counts facets exactly as one GROUP BY per facet does, from the cube and from the matching traces', () => {
    const db = new BetterSqlite3(join(dir.path, 'data', 'winnow.sqlite'), { readonly: true });
    try {
      const scan = new TraceRepository(db);
      const fast = new FacetRepository(db);
      const filters: TraceFilter[] = [
        {},
        { model: ['gpt-4o'] },
        { model: ['gpt-4o', 'claude-3-5-sonnet'], status: ['success'] },
        { format: ['prompt-response'], environment: ['nowhere'] },
        { search: 'conversation' },
        { search: 'refund', model: ['gpt-4o'] },
        { metadata: { 'customer.tier': ['silver'] }, model: ['gpt-4o'] },
      ];
      for (const where of filters) {
        const a = scan.facetsByScan(where);
        const b = fast.facets(where);
        expect(b.total, JSON.stringify(where)).toBe(a.total);
        expect(b.timeRange).toEqual(a.timeRange);
        expect(b.facets, JSON.stringify(where)).toEqual(a.facets);
      }
      // The index job counted the cube, so a facet-only filter reads it rather than the traces.
      expect(fast.cubeRows({ model: ['gpt-4o'] }).length).toBeLessThan(10);
      // Metadata counts from the cube equal those counted from the traces (file by file, which the cube cannot serve).
      for (const model of ['gpt-4o', 'claude-3-5-sonnet']) {
        const fromCube = fast.facets({ model: [model] }).metadata;
        const perFile = [1, 2].map((fileId) => fast.facets({ model: [model], fileId }).metadata);
        for (const facet of fromCube) {
          const summed = new Map<string | null, number>();
          for (const file of perFile) for (const v of file.find((m) => m.key === facet.key)!.values) summed.set(v.value, (summed.get(v.value) ?? 0) + v.count);
          expect(new Map(facet.values.map((v) => [v.value, v.count])), facet.key).toEqual(summed);
        }
        expect(fromCube.find((m) => m.key === 'customer.tier')!.values.length).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });

  it('filters by cluster (a group stands for its clusters) and by outlier', async () => {
    const run = await core.invoke('clusters.run', {});
    expect((await core.jobs.waitFor(run.jobId)).status).toBe('succeeded');
    const { clusters } = await core.invoke('clusters.list', {});
    const leaf = clusters.find((c) => c.level === 'cluster' && c.size > 0)!;
    const memberTraces = new Set<number>();
    for (let cursor: string | undefined, more = true; more; ) {
      const page = await core.invoke('clusters.members', { clusterId: leaf.id, cursor, limit: 1000 });
      for (const m of page.items) memberTraces.add(m.traceId);
      cursor = page.nextCursor ?? undefined;
      more = cursor !== undefined;
    }
    expect(await ids({ cluster: [leaf.id] })).toEqual([...memberTraces].sort((a, b) => a - b));

    const group = clusters.find((c) => c.level === 'group' && clusters.some((k) => k.parentId === c.id));
    if (group) {
      const children = clusters.filter((c) => c.parentId === group.id).map((c) => c.id);
      expect(await ids({ cluster: [group.id] })).toEqual(await ids({ cluster: children }));
    }
    const outliers = await ids({ outlier: true });
    const notOutliers = await ids({ outlier: false });
    const all = await ids({});
    expect(outliers.length + notOutliers.length).toBe(all.length);
    expect(new Set([...outliers, ...notOutliers]).size).toBe(all.length);
    const outlierRows = await core.invoke('clusters.members', { clusterId: null, limit: 1000 });
    expect(outliers).toEqual([...new Set(outlierRows.items.map((m) => m.traceId))].sort((a, b) => a - b));
    // Combined with search and metadata, and counted as facets.
    const withOk = new Set(await ids({ search: 'ok' }));
    const facets = await core.invoke('traces.facets', { where: { cluster: [leaf.id], search: 'ok' } });
    expect(facets.total).toBe([...memberTraces].filter((id) => withOk.has(id)).length);
    expect(await ids({ cluster: [999_999] })).toEqual([]);
  }, 120_000);

  it('states its limits: 1,000 values per facet, 64 facets', async () => {
    const values = Array.from({ length: 1001 }, (_, i) => `m${i}`);
    await expect(core.invoke('traces.list', { where: { model: values } })).rejects.toThrow(/at most 1,000 values per facet/);
    await expect(core.invoke('traces.facets', { where: { metadata: { k: values } } })).rejects.toThrow(/at most 1,000 values per facet/);
    const keys = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, ['v']]));
    await expect(core.invoke('traces.list', { where: { metadata: keys } })).rejects.toThrow(/at most 64/);
    expect((await core.invoke('traces.list', { where: { model: values.slice(0, 1000) } })).total).toBe(0);
  });
});

describe('the search index job', () => {
  it('resumes after a cancel, and forgets a deleted trace', async () => {
    const dir = makeTempDir();
    try {
      const corpus = join(dir.path, 'corpus.jsonl');
      writeCorpus(corpus, 0, 500); // 2,000 traces, four batches
      const data = join(dir.path, 'data');
      let core = createCore({ dataDir: data });
      const { jobId } = await core.invoke('imports.start', { paths: [corpus] });
      await core.jobs.waitFor(jobId);
      const started = await core.invoke('traces.searchIndex', {});
      expect(started.jobId).not.toBeNull();
      await new Promise<void>((resolve) => {
        const off = core.events.on((e) => {
          if (e.name === 'job.progress' && e.payload.job.id === started.jobId && e.payload.job.done > 0) {
            off();
            void core.invoke('jobs.cancel', { id: started.jobId! }).then(() => resolve());
          }
        });
      });
      const cancelled = await core.jobs.waitFor(started.jobId!);
      expect(cancelled.status).toBe('cancelled');
      const partial = await core.invoke('traces.searchIndex', {});
      // Nearly always the cancel lands mid-way and this resumes the rest; on an idle machine the last batch may win.
      if (partial.jobId !== null) {
        expect(partial.indexed).toBeLessThan(2000);
        await core.jobs.waitFor(partial.jobId);
      }
      await core.close();

      core = createCore({ dataDir: data });
      const state = await core.invoke('traces.searchIndex', {});
      expect(state).toEqual({ indexed: 2000, traces: 2000, jobId: null });
      expect((await core.invoke('traces.list', { where: { search: 'day' } })).total).toBe(500);
      const facets = await core.invoke('traces.facets', {});
      expect(facets.metadata.find((m) => m.key === 'intent')!.values).toEqual(expect.arrayContaining([{ value: 'weather', count: 500 }]));
      await core.close();

      const db = new BetterSqlite3(join(data, 'winnow.sqlite'));
      const fts = db.prepare("SELECT COUNT(*) AS n FROM trace_search WHERE trace_search MATCH 'day'");
      expect((fts.get() as { n: number }).n).toBe(500);
      const victim = (db.prepare("SELECT rowid AS id FROM trace_search WHERE trace_search MATCH 'day' LIMIT 1").get() as { id: number }).id;
      db.transaction(() => {
        db.prepare('DELETE FROM rows WHERE trace_id = ?').run(victim);
        db.prepare('DELETE FROM trace_raw WHERE id = ?').run(victim);
        db.prepare('DELETE FROM traces WHERE id = ?').run(victim);
      })();
      expect((fts.get() as { n: number }).n).toBe(499);
      expect(db.prepare("SELECT count FROM metadata_values WHERE key = 'intent' AND value = 'weather'").pluck().get()).toBe(499);
      expect(db.prepare('SELECT COUNT(*) FROM trace_metadata WHERE trace_id = ?').pluck().get(victim)).toBe(0);
      db.close();

      core = createCore({ dataDir: data });
      const after = await core.invoke('traces.facets', {});
      expect(after.total).toBe(1999);
      expect(after.facets.format).toEqual([{ value: 'prompt-response', count: 1999 }]);
      await core.close();
    } finally {
      dir.remove();
    }
  }, 120_000);
});
