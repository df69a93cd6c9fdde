// Judge throughput against the fake OpenAI-compatible server with 50 ms replies at concurrency 16 (ideal: 320
// calls/s), with cost accounting and the response cache on as in the app, against the bare `openai` client doing
// the same calls in the same run as the baseline; prints Winnow's own overhead per call. Part of
// `npm run bench -- curate` (and `npm run bench -- judge`). Imports: core, openai, the fake server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { createCore } from '../src/main/core/create-core.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { startServerThread } from './lib/fake-server-thread.ts';

const LATENCY_MS = 50;
const CONCURRENCY = 16;
const IDEAL = (1000 / LATENCY_MS) * CONCURRENCY;

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

export async function runJudgeThroughput(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { calls: { type: 'string', default: '1600' } }, strict: false });
  const n = Number(values.calls);
  const dir = makeTempDir();
  // The server runs on its own thread: the figures are the client side's (Winnow's, or the bare client's).
  const server = await startServerThread();
  const core = createCore({
    dataDir: join(dir.path, 'data'),
    env: {
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'sk-bench',
      WINNOW_LLM_CONCURRENCY: String(CONCURRENCY),
      WINNOW_LLM_PRICES: JSON.stringify({ 'bench-judge': { input: 0.15, output: 0.6 } }),
    },
  });
  try {
    const file = join(dir.path, 'rows.jsonl');
    writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ prompt: `Please answer request ${i}: how do I reset my password?`, response: `For request ${i}: open Settings, choose Security, then Reset password.` })).join('\n'));
    const imported = await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId);
    if (imported.status !== 'succeeded') throw new Error(`import ${imported.status}: ${imported.error}`);
    await core.invoke('datasets.create', { name: 'bench', kind: 'eval', taskDescription: 'Account support answers.', source: { type: 'filter', where: {} } });
    const estimate = await core.invoke('judge.estimate', { dataset: 'bench', model: { model: 'bench-judge' } });
    await server.setDelay(LATENCY_MS);

    // Baseline: the bare openai client, the same number of calls of the same size, 16 at a time.
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'sk-bench', maxRetries: 0 });
    const content = 'x'.repeat(Math.round((estimate.inputTokens / n) * 4));
    let next = 0;
    const c0 = process.cpuUsage();
    const b0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < n; i = next++) {
          await client.chat.completions.create({ model: 'bench-judge', messages: [{ role: 'user', content: `request ${i} ${content}` }], response_format: { type: 'json_object' } });
        }
      }),
    );
    const baseWall = performance.now() - b0;
    const baseCpu = cpuMs(process.cpuUsage(c0));
    await server.takeCount();

    // Winnow: the judge job over the dataset (limiter, retries, structured output, cache writes, usage rows, batches).
    const w0 = performance.now();
    const wc0 = process.cpuUsage();
    const { jobId } = await core.invoke('judge.run', { dataset: 'bench', model: { model: 'bench-judge' } });
    const job = await core.jobs.waitFor(jobId);
    const wall = performance.now() - w0;
    const cpu = cpuMs(process.cpuUsage(wc0));
    if (job.status !== 'succeeded') throw new Error(`judge ${job.status}: ${job.error}`);
    const report = job.result as { judged: number; cost: { usd: number; calls: number; inputTokens: number; outputTokens: number } };
    const requests = await server.takeCount();
    const expectedUsd = (report.cost.inputTokens * 0.15 + report.cost.outputTokens * 0.6) / 1e6;

    // The cache intact: a second run answers from stored judgements, no HTTP call.
    const r0 = performance.now();
    const again = await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'bench', model: { model: 'bench-judge' } })).jobId);
    const rerunWall = performance.now() - r0;

    const rate = (n / wall) * 1000;
    const baseRate = (n / baseWall) * 1000;
    console.log(`\njudge throughput: ${n} calls, ${LATENCY_MS} ms per reply, concurrency ${CONCURRENCY} (ideal ${IDEAL} calls/s)`);
    console.log(`  bare openai client: ${baseRate.toFixed(0)} calls/s (${((baseRate / IDEAL) * 100).toFixed(0)} % of ideal), ${(baseCpu / n).toFixed(2)} ms CPU per call`);
    console.log(`  Winnow judge job:   ${rate.toFixed(0)} calls/s (${((rate / IDEAL) * 100).toFixed(0)} % of ideal, ${((rate / baseRate) * 100).toFixed(0)} % of the bare client), ${(cpu / n).toFixed(2)} ms CPU per call`);
    console.log(`  Winnow's own overhead per call: ${((cpu - baseCpu) / n).toFixed(2)} ms CPU; ${(((wall - baseWall) / n) * CONCURRENCY).toFixed(2)} ms added latency`);
    console.log(`  cost accounting: ${report.cost.calls} calls recorded for ${requests} requests, $${report.cost.usd.toFixed(6)} (tokens × price: $${expectedUsd.toFixed(6)}), ${report.judged} judgements stored`);
    console.log(`  re-run: ${await server.takeCount()} requests, ${(again.result as { reused: number }).reused} rows reused, ${(rerunWall / 1000).toFixed(2)} s`);
    console.log(`  target ≥ 80 % of ideal: ${rate >= 0.8 * IDEAL ? 'met' : 'NOT met'}`);
  } finally {
    await core.close();
    await server.close();
    dir.remove();
  }
}
