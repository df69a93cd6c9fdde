// `npm run bench -- curate [--rows N] [--no-pii] [--job]`: every offline curation filter over N synthetic rows
// (default 100k), with time per filter and what each caught; then PII precision and recall per type on the shared
// data. `--job` instead times the curation job end to end on a draft of N rows against the engine alone.
// Imports: the curate engine, ./lib/synthetic-curate-rows.ts, ./lib/table.ts, tests/support/pii-measure.ts.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runFilters } from '../src/main/core/curate/engine/run-filters.ts';
import { FILTER_NAMES } from '../src/main/core/curate/engine/filter-verdict.ts';
import type { FilterSettings } from '../src/main/core/curate/engine/filter-config.ts';
import { measurePresidio, measureSecrets, piiDataPresent, piiTable } from '../tests/support/pii-measure.ts';
import { runCurateJobBench } from './curate-job.ts';
import { syntheticCurateRows } from './lib/synthetic-curate-rows.ts';
import { textTable } from './lib/table.ts';

/** Every filter on: the cluster target is half the synthetic clusters, the length limit 4,096 tokens. */
const ALL_ON: FilterSettings = {
  cluster: { enabled: true, clusterIds: Array.from({ length: 10 }, (_, i) => `c${i}`), minMembershipScore: 0.1 },
  too_long: { enabled: true, maxTokens: 4096 },
};

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

export async function runCurateBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '100000' }, 'no-pii': { type: 'boolean', default: false }, job: { type: 'boolean', default: false } } });
  const n = Number(values.rows);
  if (values.job) return runCurateJobBench(n);
  console.log(`machine: ${cpus()[0]?.model ?? '?'} x${availableParallelism()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`);

  const t0 = performance.now();
  const { rows, planted } = syntheticCurateRows(n);
  const chars = rows.reduce((s, r) => s + JSON.stringify(r.messages).length + JSON.stringify(r.response).length, 0);
  console.log(`generated ${n.toLocaleString('en-US')} rows (${(chars / 1e6).toFixed(0)} MB of message JSON) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`planted: ${Object.entries(planted).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  // A short run first so the timed one measures compiled code, as a long-lived app would run it.
  runFilters(rows.slice(0, 2000), ALL_ON);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  const run = runFilters(rows, ALL_ON);
  const wall = performance.now() - w0;
  const cpu = cpuMs(process.cpuUsage(cpu0));

  // CPU time of each filter alone: on a shared machine wall time also counts other processes' turns.
  const alone = Object.fromEntries(
    FILTER_NAMES.map((f) => {
      const only = Object.fromEntries(FILTER_NAMES.map((g) => [g, { ...(ALL_ON[g] ?? {}), enabled: g === f }])) as FilterSettings;
      const c0 = process.cpuUsage();
      runFilters(rows, only);
      return [f, cpuMs(process.cpuUsage(c0))];
    }),
  );
  const table = FILTER_NAMES.map((f) => {
    const ms = run.timings[f] ?? 0;
    return [f, `${(ms / 1000).toFixed(2)} s`, `${(alone[f]! / 1000).toFixed(2)} s`, Math.round(n / (alone[f]! / 1000)).toLocaleString('en-US'), run.counts[f].fired, run.counts[f].decided];
  });
  console.log(`\n${textTable(['filter', 'wall (in the full run)', 'CPU (alone)', 'rows/s (CPU)', 'would drop', 'drop reason for'], table)}`);
  console.log(
    `\nall filters: ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU for ${n.toLocaleString('en-US')} rows ` +
      `(${Math.round(n / (wall / 1000)).toLocaleString('en-US')} rows/s, one thread); kept ${run.kept.toLocaleString('en-US')}, dropped ${run.dropped.toLocaleString('en-US')}`,
  );

  if (values['no-pii']) return;
  if (!piiDataPresent) {
    console.log('\n[skip] ../shared/data lacks presidio-pii or hh-rlhf-harmless: no PII precision/recall');
    return;
  }
  console.log(`\n${piiTable(measurePresidio())}\n\n${piiTable(measureSecrets())}`);
}
