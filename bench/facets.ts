// `npm run bench -- facets [traces=1000000] [changes=20] [--data DIR] [--no-before]`: synthesises `traces`
// multi-turn traces with facets and metadata, imports them through the core (then the search index job), and
// times facet counts after a filter change (min / median / p95) for several filters and searches, against the
// direct per-facet GROUP BY the traces view used before, measured in the same run on the same store
// (--no-before skips it: at 1M it takes seconds per count); then pages of the table asked while a count runs.
// With --data the imported store is kept in DIR and reused by later runs of the same size.
// Imports: core, repositories, node:fs.

import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TraceFilter } from '../src/shared/contract/index.ts';
import { type Core, createCore } from '../src/main/core/create-core.ts';
import { openDatabase } from '../src/main/core/platform/db/connection.ts';
import { createRng } from '../src/main/core/platform/random.ts';
import { TraceRepository } from '../src/main/core/traces/trace-repository.ts';

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'claude-3-haiku', 'llama-3.1-70b', 'mistral-large'];
const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['free', 'pro', 'team', 'enterprise'];
const REGIONS = ['eu', 'us', 'apac', 'latam', 'mea'];
const TOPICS = ['refund', 'baggage', 'password', 'invoice', 'delivery', 'upgrade', 'cancel', 'warranty', 'login', 'shipping'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

async function writeTraces(path: string, n: number): Promise<void> {
  const rng = createRng(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 2654435761) % 99991}`);
  const sentence = (len: number): string => Array.from({ length: len }, () => pick(words)).join(' ');
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const topic = pick(TOPICS);
    const turns = 1 + Math.floor(rng() * 3);
    const messages: Record<string, unknown>[] = [{ role: 'system', content: 'You are the support assistant of an online shop.' }];
    for (let t = 0; t < turns; t++) {
      messages.push({ role: 'user', content: `${t === 0 ? `About my ${topic}: ` : ''}${sentence(8 + Math.floor(rng() * 12))}` });
      messages.push({ role: 'assistant', content: sentence(10 + Math.floor(rng() * 20)) });
    }
    const failed = rng() < 0.05;
    const record = {
      messages,
      model: pick(MODELS),
      environment: pick(ENVS),
      timestamp: new Date(START + Math.floor(rng() * 90 * DAY)).toISOString(),
      ...(failed ? { error: 'upstream timeout' } : {}),
      metadata: { tier: pick(TIERS), region: pick(REGIONS), intent: `${topic}_${Math.floor(rng() * 8)}`, user_id: `u${Math.floor(rng() * 100_000)}` },
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function stats(ms: number[]): { min: number; median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { min: s[0]!, median: at(0.5), p95: at(0.95) };
}

const fmt = (s: { min: number; median: number; p95: number }): string => `min ${s.min.toFixed(1)} ms · median ${s.median.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms`;
const f = (ms: number): string => `${ms.toFixed(1)} ms`.padStart(10);

/** The store of `n` synthetic traces in `dataDir`, imported and indexed once; later runs reuse it. */
async function indexedStore(n: number, dataDir: string): Promise<Core> {
  const marker = join(dataDir, `bench-facets-${n}.ready`);
  if (existsSync(marker)) {
    console.log(`reusing the store of ${n.toLocaleString('en-US')} traces in ${dataDir}`);
    return createCore({ dataDir });
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, '..', `bench-facets-${n}.jsonl`);
  let t0 = performance.now();
  await writeTraces(file, n);
  console.log(`synthesised ${n.toLocaleString('en-US')} traces (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const core = createCore({ dataDir });
  t0 = performance.now();
  const { jobId } = await core.invoke('imports.start', { paths: [file] });
  const imported = await core.jobs.waitFor(jobId);
  if (imported.status !== 'succeeded') throw new Error(`import ${imported.status}: ${imported.error}`);
  const importS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const index = await core.invoke('traces.searchIndex', {});
  if (index.jobId !== null) await core.jobs.waitFor(index.jobId);
  const indexS = (performance.now() - t0) / 1000;
  console.log(`import ${importS.toFixed(1)} s; search index + metadata + facet cube ${indexS.toFixed(1)} s (${Math.round(n / indexS).toLocaleString('en-US')} traces/s)`);
  rmSync(file);
  writeFileSync(marker, '');
  return core;
}

export async function runFacetsBench(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { data: { type: 'string' }, 'no-before': { type: 'boolean', default: false } } });
  const n = Number(positionals[0] ?? 1_000_000);
  const reps = Number(positionals[1] ?? 20);
  const dir = values.data ? resolve(values.data, '..') : mkdtempSync(join(tmpdir(), 'winnow-bench-facets-'));
  const dataDir = values.data ? resolve(values.data) : join(dir, 'data');
  try {
    const core = await indexedStore(n, dataDir);
    const scanDb = openDatabase(join(dataDir, 'winnow.sqlite'));
    const scan = new TraceRepository(scanDb);
    // Each repetition changes the filter's value, as a user clicking through values does.
    const scenarios: [string, (i: number) => TraceFilter][] = [
      ['no filter', () => ({})],
      ['model=X', (i) => ({ model: [MODELS[i % MODELS.length]!] })],
      ['model=X, status=error', (i) => ({ model: [MODELS[i % MODELS.length]!], status: ['error'] })],
      ['environment=X, model=X, Y', (i) => ({ environment: [ENVS[i % 3]!], model: [MODELS[i % 6]!, MODELS[(i + 1) % 6]!] })],
      ['metadata.tier=X', (i) => ({ metadata: { tier: [TIERS[i % TIERS.length]!] } })],
      ['metadata.intent=X (1 in 80)', (i) => ({ metadata: { intent: [`${TOPICS[i % 10]}_${i % 8}`] } })],
      ['last 7 days', (i) => ({ from: START + (83 - (i % 5)) * DAY })],
      ['search rare word', (i) => ({ search: `w${(i * 7919 * 2654435761) % 99991}` })],
      ['search topic (1 in 10)', (i) => ({ search: TOPICS[i % TOPICS.length]! })],
      ['search topic + model=X', (i) => ({ search: TOPICS[i % TOPICS.length]!, model: [MODELS[i % 6]!] })],
    ];
    // The first count starts the worker thread and opens its connection: paid once per core, so timed apart.
    let t0 = performance.now();
    await core.invoke('traces.facets', { where: { model: ['(warm-up)'] } });
    console.log(`first count (starts the facet worker): ${(performance.now() - t0).toFixed(1)} ms`);
    console.log(`\nfacet counts after a filter change, ${n.toLocaleString('en-US')} traces, ${reps} changes each (new: built-in + metadata facets through traces.facets; before: one GROUP BY per built-in facet)`);
    console.log(`${'filter'.padEnd(30)} ${'matches'.padStart(9)} ${'min'.padStart(10)} ${'median'.padStart(10)} ${'p95'.padStart(10)} | ${'before med'.padStart(10)} ${'before p95'.padStart(10)} | ratio p95`);
    const allP95: number[] = [];
    for (const [name, make] of scenarios) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        total = (await core.invoke('traces.facets', { where: make(i) })).total;
        times.push(performance.now() - t);
      }
      const naive: number[] = [];
      for (let i = 0; !values['no-before'] && i < Math.max(3, Math.floor(reps / 4)); i++) {
        const t = performance.now();
        scan.facetsByScan(make(i));
        naive.push(performance.now() - t);
      }
      const a = stats(times);
      const b = naive.length > 0 ? stats(naive) : { min: NaN, median: NaN, p95: NaN };
      allP95.push(a.p95);
      console.log(`${name.padEnd(30)} ${String(total).padStart(9)} ${f(a.min)} ${f(a.median)} ${f(a.p95)} | ${f(b.median)} ${f(b.p95)} | ${(b.p95 / a.p95).toFixed(1)}x`);
    }
    console.log(`\nworst p95 ${Math.max(...allP95).toFixed(1)} ms (target <= 300 ms)`);

    // The table while counts run: pages at far places (a scrollbar drag) asked one after another until the count
    // answers. Before the worker, a page asked during a count waited for the rest of it.
    const pageAt = async (i: number): Promise<number> => {
      // A request from the window arrives as its own event (IPC); awaiting in a tight loop here would otherwise
      // never let this thread read the worker's answer.
      await new Promise((r) => setImmediate(r));
      const t = performance.now();
      await core.invoke('traces.list', { at: Math.floor(((i * 0.6180339887) % 1) * (n - 50)), limit: 50 });
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) idle.push(await pageAt(i));
    console.log(`\na page of 50 rows at a far place, nothing counting: ${fmt(stats(idle))}`);
    for (const [name, where] of [
      ['metadata.tier=X', { metadata: { tier: ['pro'] } }],
      ['last 7 days', { from: START + 83 * DAY }],
      ['search topic (1 in 10)', { search: 'refund' }],
    ] as [string, TraceFilter][]) {
      const during: number[] = [];
      let done = false;
      t0 = performance.now();
      const counting = core.invoke('traces.facets', { where }).then(() => {
        done = true;
        return performance.now() - t0;
      });
      for (let i = 0; !done; i++) during.push(await pageAt(i));
      const countMs = await counting;
      console.log(`while counting ${name.padEnd(24)} (count ${countMs.toFixed(0)} ms): ${during.length} pages, ${fmt(stats(during))}`);
    }
    scanDb.close();
    await core.close();
  } finally {
    if (!values.data) rmSync(dir, { recursive: true, force: true });
  }
}
