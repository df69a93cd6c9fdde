// `npm run bench -- table [--traces N] [--data DIR] [--build]`: the traces table in Chromium over N imported
// traces (default 1,000,000) with the real core bridged into the page as the e2e tests do. Prints first paint,
// scrollbar jumps, filter, search and facet timings (min / median / p95) and the page's JS heap.
// The imported store is kept in the temp folder (or DIR) and reused by later runs of the same size.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createCore, type Core } from '../src/main/core/create-core.ts';
import { bridgeCore } from '../tests/e2e/support/core-bridge.ts';
import { findChromium } from '../tests/e2e/support/find-chromium.ts';
import { serveStatic } from '../tests/e2e/support/static-server.ts';
import { writeOpenAiTraces } from './import-data.ts';

const JUMPS = [0.6, 0.05, 0.93, 0.31, 0.77, 0.12, 0.49, 0.999, 0.24, 0.68];
const HEAP_JUMPS = 100;

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return `min ${s[0]!.toFixed(0)} ms · median ${at(0.5).toFixed(0)} ms · p95 ${at(0.95).toFixed(0)} ms (n=${s.length})`;
}

async function importedStore(traces: number, dataDir: string): Promise<Core> {
  const marker = join(dataDir, `bench-table-${traces}.ready`);
  if (existsSync(marker)) {
    console.log(`reusing the store of ${traces.toLocaleString('en-US')} traces in ${dataDir}`);
    return createCore({ dataDir });
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, '..', `bench-table-${traces}.jsonl`);
  console.log(`writing ${traces.toLocaleString('en-US')} synthetic traces and importing them into ${dataDir} (once)…`);
  await writeOpenAiTraces(file, traces);
  const core = createCore({ dataDir });
  const started = await core.dispatch('imports.start', { paths: [file] });
  if (!started.ok) throw new Error(started.error.message);
  const job = await core.jobs.waitFor((started.value as { jobId: number }).jobId);
  if (job.status !== 'succeeded') throw new Error(`import ${job.status}: ${job.error}`);
  writeFileSync(marker, '');
  return core;
}

/** JS heap in use after a full collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * Drags the scrollbar to `fraction` of its length (sets scrollTop, as a drag does) and waits in the page until
 * the rows of that place are painted: the first row in view is loaded, not a placeholder.
 */
function jump(page: Page, fraction: number): Promise<{ ms: number; first: number }> {
  return page.evaluate(async (f) => {
    const el = document.querySelector<HTMLElement>('[data-testid="trace-table"]')!;
    const before = el.dataset['firstRow'];
    const t0 = performance.now();
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const first = el.dataset['firstRow'];
      // The table has laid out the new place (its first row changed), and that row has arrived.
      if (first !== before && document.querySelector(`[data-testid="trace-row"][data-row-index="${first}"]`)) return { ms: performance.now() - t0, first: Number(first) };
      if (performance.now() - t0 > 30_000) throw new Error(`row ${first} never arrived`);
    }
  }, fraction);
}

/**
 * Does `act` inside the page (a click, or typing into the search box) and waits there until the count shown
 * changed and the list's first row is painted. Acting inside the page matters: Playwright's own click waits on
 * this process, which the core keeps busy while it counts facets, and would time the facets instead.
 */
function untilRepainted(page: Page, act: { click: string } | { type: string }): Promise<number> {
  return page.evaluate(async (action) => {
    const before = document.querySelector('[data-testid="trace-count"]')?.textContent;
    const t0 = performance.now();
    if ('click' in action) document.querySelector<HTMLElement>(action.click)!.click();
    else {
      const input = document.querySelector<HTMLInputElement>('[data-testid="trace-search"]')!;
      // React listens for input events and reads the value through the prototype's setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, action.type);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const count = document.querySelector('[data-testid="trace-count"]')?.textContent;
      // A filter that matches nothing has no first row to wait for.
      if (count !== before && (count === '0' || document.querySelector('[data-testid="trace-row"][data-row-index="0"]'))) return performance.now() - t0;
      if (performance.now() - t0 > 120_000) {
        const first = document.querySelector<HTMLElement>('[data-testid="trace-table"]')?.dataset['firstRow'];
        throw new Error(`the table never repainted (count ${count ?? 'none'}, was ${before ?? 'none'}; first row in view ${first ?? 'none'})`);
      }
    }
  }, act);
}

/** Time from `t0` until the last facets request the page made has answered. */
function facetsDone(page: Page, t0: number): Promise<number> {
  return page.evaluate(async (start) => {
    const w = window as unknown as { __benchFacets: Promise<unknown>[] };
    for (let n = -1; n !== w.__benchFacets.length; ) {
      n = w.__benchFacets.length;
      await Promise.all(w.__benchFacets);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, t0);
}

export async function runTableBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { traces: { type: 'string', default: '1000000' }, data: { type: 'string' }, build: { type: 'boolean', default: false }, 'jumps-only': { type: 'boolean', default: false } },
  });
  const traces = Number(values.traces);
  const dataDir = resolve(values.data ?? join(tmpdir(), `winnow-bench-table-${traces}`, 'data'));
  const chromiumPath = findChromium();
  if (chromiumPath.path === null) throw new Error(chromiumPath.problem);
  if (values.build || !existsSync('out/renderer/index.html')) {
    console.log('building the renderer (npx electron-vite build)…');
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  }

  const core = await importedStore(traces, dataDir);
  const server = await serveStatic(resolve('out/renderer'));
  const browser = await chromium.launch({ executablePath: chromiumPath.path, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const stopEvents = await bridgeCore(page, core);
    // Remember every facets request so the facet timing can wait for the last one.
    await page.addInitScript(() => {
      const w = window as unknown as { __benchFacets: Promise<unknown>[]; api: { invoke(c: string, i: unknown): Promise<unknown> } };
      w.__benchFacets = [];
      const invoke = w.api.invoke;
      w.api.invoke = (channel, input) => {
        const p = invoke(channel, input);
        if (channel === 'traces.facets') w.__benchFacets.push(p.catch(() => {}));
        return p;
      };
    });

    const firstPaint: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The core answers one request at a time: let the last page's facet counts finish before reloading.
      if (i > 0) await facetsDone(page, 0);
      const t0 = Date.now();
      await page.goto(server.url);
      await page.locator('[data-testid="trace-row"][data-row-index="0"]').waitFor({ timeout: 60_000 });
      firstPaint.push(Date.now() - t0);
    }
    const total = await page.getByTestId('trace-count').textContent();
    console.log(`${total} traces, Chromium ${browser.version()}, viewport 1280x720`);
    console.log(`first paint (page load to first rows)   ${stats(firstPaint)}`);
    await facetsDone(page, 0);

    const jumps: number[] = [];
    const landed: string[] = [];
    for (const f of JUMPS) {
      const { ms, first } = await jump(page, f);
      jumps.push(ms);
      landed.push(`${(f * 100).toFixed(1)}%→row ${first.toLocaleString('en-US')}`);
    }
    console.log(`jump (drag the scrollbar to 10 places)   ${stats(jumps)}   [target p95 ≤ 100 ms]`);
    console.log(`  landed: ${landed.join(', ')}`);
    // Baselines in the same run: the core alone answering the same places (no browser), and the bridge's round
    // trip for one row (what any request costs before the core does anything).
    const totalRows = Number(total?.replace(/\D/g, ''));
    const coreOnly: number[] = [];
    for (const f of JUMPS) {
      const t0 = performance.now();
      await core.dispatch('traces.list', { at: Math.round(f * (totalRows - 30)), limit: 20 });
      coreOnly.push(performance.now() - t0);
    }
    const bridge = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        await window.api!.invoke('traces.list', { at: 5, limit: 1 });
        out.push(performance.now() - t0);
      }
      return out;
    });
    const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
    console.log(`  baseline: core alone, same places      ${stats(coreOnly)}`);
    console.log(`  baseline: bridge round trip of one row ${stats(bridge)}`);
    console.log(`  ratio jump / bridge round trip (medians): ${(median(jumps) / median(bridge)).toFixed(1)}`);
    // Jumps while the core counts facets for a filter that needs the traces themselves (a search), as after a
    // filter change: the count runs in the facet worker, so the pages should not wait for it.
    const countingJumps: number[] = [];
    // One walk through the places, so two jumps in a row never aim at the same one.
    let next = 0;
    for (const word of ['password', 'refund', 'delivery']) {
      const counting = page.evaluate((search) => {
        const t0 = performance.now();
        return window.api!.invoke('traces.facets', { where: { search } }).then(
          () => performance.now() - t0,
          () => performance.now() - t0,
        );
      }, word);
      let done = false;
      void counting.then(() => (done = true));
      for (let i = 0; !done && i < JUMPS.length; i++) countingJumps.push((await jump(page, JUMPS[next++ % JUMPS.length]!)).ms);
      console.log(`  facet count with search "${word}" took ${(await counting).toFixed(0)} ms`);
    }
    console.log(`jump while facets are counted           ${stats(countingJumps)}   [target p95 ≤ 100 ms]`);
    const heapAfterJumps = await heapMb(page);
    for (let i = 0; i < HEAP_JUMPS; i++) await jump(page, (i * 0.6180339887) % 1);
    const heapAfterMany = await heapMb(page);
    console.log(`JS heap after the 10 jumps ${heapAfterJumps.toFixed(1)} MB, after ${HEAP_JUMPS} more ${heapAfterMany.toFixed(1)} MB   [target < 300 MB]`);

    if (values['jumps-only']) return stopEvents();
    // Filters: one facet value, a second facet, then clearing them, a few times over different values.
    const filters: number[] = [];
    const facets: number[] = [];
    const facet = (name: string, value: string) => ({ click: `[data-facet="${name}"] label[title="${value}"] input` });
    const steps: [string, { click: string }][] = [];
    for (const [env, model] of [['prod', 'gpt-4o'], ['staging', 'claude-3-5-sonnet']] as const) {
      steps.push([`environment=${env}`, facet('environment', env)]);
      steps.push([`+ model=${model}`, facet('model', model)]);
      steps.push(['clear', { click: '.facets-header button' }]);
    }
    for (const [, act] of steps) {
      const t0 = await page.evaluate(() => performance.now());
      filters.push(await untilRepainted(page, act));
      facets.push(await facetsDone(page, t0));
    }
    console.log(`filter (click a facet to rows painted)    ${stats(filters)}`);
    console.log(`facet counts after a filter change       ${stats(facets)}   [target p95 ≤ 300 ms]`);

    const searches: number[] = [];
    const searchFacets: number[] = [];
    for (const word of ['French', 'password', 'order 4242']) {
      const t0 = await page.evaluate(() => performance.now());
      searches.push(await untilRepainted(page, { type: word }));
      searchFacets.push(await facetsDone(page, t0));
    }
    console.log(`search (typing to rows painted, incl. 250 ms debounce) ${stats(searches)}`);
    console.log(`facet counts with a search               ${stats(searchFacets)}`);
    await untilRepainted(page, { type: '' });
    console.log(`JS heap at the end ${(await heapMb(page)).toFixed(1)} MB`);
    stopEvents();
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
}
