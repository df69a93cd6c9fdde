// Evaluation-run throughput: 10k rows × 2 models against the fake OpenAI-compatible server (on its own thread)
// with 50 ms replies at concurrency 16 (ideal: 320 calls/s), the run as the app does it (a job: limiter,
// retries, cache writes, usage rows, scoring, batched writes). Prints calls/s against ideal and Winnow's own
// per-row overhead. `npm run bench -- eval [--rows N]`. Imports: core, the fake server thread, test temp dirs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../src/main/core/create-core.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { bareClientCalls } from './lib/bare-client.ts';
import { startServerThread } from './lib/fake-server-thread.ts';

const LATENCY_MS = 50;
const CONCURRENCY = 16;
const IDEAL = (1000 / LATENCY_MS) * CONCURRENCY;
const MODELS = ['bench-a', 'bench-b'];

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

export async function runEvalBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '10000' } }, strict: false });
  const rows = Number(values.rows);
  const calls = rows * MODELS.length;
  const dir = makeTempDir();
  const server = await startServerThread();
  const core = createCore({
    dataDir: join(dir.path, 'data'),
    env: {
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'sk-bench',
      WINNOW_LLM_CONCURRENCY: String(CONCURRENCY),
      WINNOW_LLM_PRICES: JSON.stringify({ 'bench-a': { input: 0.15, output: 0.6 }, 'bench-b': { input: 0.4, output: 1.6 } }),
    },
  });
  try {
    const file = join(dir.path, 'rows.jsonl');
    writeFileSync(file, Array.from({ length: rows }, (_, i) => JSON.stringify({ prompt: `Please answer request ${i}: how do I reset my password?`, response: `For request ${i}: open Settings, choose Security, then Reset password.` })).join('\n'));
    const imported = await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId);
    if (imported.status !== 'succeeded') throw new Error(`import ${imported.status}: ${imported.error}`);
    await core.invoke('datasets.create', { name: 'bench', kind: 'eval', source: { type: 'filter', where: {} } });
    await core.invoke('datasets.freeze', { dataset: 'bench' });
    await server.setDelay(LATENCY_MS);
    // The same number of calls by the bare openai client: what this machine allows right now without Winnow.
    const bare = await bareClientCalls(server.baseUrl, 'bench-a', calls, CONCURRENCY, (i) => `Please answer request ${i >> 1}: how do I reset my password?`);
    await server.takeCount();
    const barePeak = await server.takePeak();

    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'bench', version: 1, models: MODELS.map((model) => ({ model })), metric: 'normalized', concurrency: CONCURRENCY });
    const job = await core.jobs.waitFor(jobId);
    const wall = performance.now() - w0;
    const cpu = cpuMs(process.cpuUsage(c0));
    if (job.status !== 'succeeded') throw new Error(`eval ${job.status}: ${job.error}`);
    const requests = await server.takeCount();
    const peak = await server.takePeak();
    const show = await core.invoke('eval.show', { runId });

    const rate = (calls / wall) * 1000;
    const idealWall = (calls / IDEAL) * 1000;
    console.log(`\neval throughput: ${rows} rows × ${MODELS.length} models = ${calls} calls, ${LATENCY_MS} ms per reply, concurrency ${CONCURRENCY} (ideal ${IDEAL} calls/s)`);
    const bareRate = (calls / bare.wallMs) * 1000;
    console.log(`  bare openai client: ${bareRate.toFixed(0)} calls/s = ${((bareRate / IDEAL) * 100).toFixed(0)} % of ideal, ${(bare.cpuMs / calls).toFixed(2)} ms CPU per call`);
    console.log(`  run (start to settled): ${(wall / 1000).toFixed(1)} s, ${rate.toFixed(0)} calls/s = ${((rate / IDEAL) * 100).toFixed(0)} % of ideal (${requests} requests, at most ${peak} in flight; the bare client reached ${barePeak})`);
    console.log(`  Winnow vs the bare client: ${((rate / bareRate) * 100).toFixed(0)} % of its rate`);
    console.log(`  Winnow's own overhead per row (2 calls): ${((cpu - bare.cpuMs) / rows).toFixed(2)} ms CPU beyond the bare client; ${(((wall - idealWall) / calls) * CONCURRENCY).toFixed(2)} ms wall added per call over ideal`);
    for (const r of show.results) console.log(`  ${r.model}: ${r.scored} scored, ${r.failures} failures, $${(r.costPerRow ?? 0).toFixed(7)}/row, p50 ${r.latency?.p50.toFixed(1)} ms, p95 ${r.latency?.p95.toFixed(1)} ms`);
    console.log(`  target ≥ 80 % of ideal: ${rate >= 0.8 * IDEAL ? 'met' : 'NOT met'}`);
  } finally {
    await core.close();
    await server.close();
    dir.remove();
  }
}
