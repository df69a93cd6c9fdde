// `winnow estimate` and `winnow judge` as a user runs them: real processes over a temp data folder, the model
// from OPENAI_* / WINNOW_* variables, served by the local fake server (so the child is spawned asynchronously).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { cliRunner, winnowCli } from '../support/cli-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';


// Each command is a fresh Node process (several seconds on a loaded machine), so the tests get minutes.
describe('winnow estimate / judge', { timeout: 300_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  let server: FakeOpenAiServer;
  let env: NodeJS.ProcessEnv;

  const { winnow, json } = cliRunner(() => ({ data, env }));

  beforeAll(async () => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    server = await startFakeOpenAiServer();
    server.chatReply = (body) => {
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const n = Number(/item (\d+)/.exec(user)?.[1] ?? 0);
      const score = (((n - 1) % 10) + 1) / 10;
      return JSON.stringify({ helpfulness: score, relevance: score, format: 1, overall: score, rationale: `Item ${n}.` });
    };
    env = {
      ...process.env,
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'sk-cli-test',
      WINNOW_LLM_PRICES: JSON.stringify({ 'cheap-judge': { input: 50, output: 100 } }),
    };
    const file = join(dir.path, 'rows.jsonl');
    writeFileSync(file, Array.from({ length: 8 }, (_, i) => JSON.stringify({ prompt: `Describe item ${i + 1} in one line`, response: `Item ${i + 1} is a thing.` })).join('\n'));
    await json('import', file);
    await json('dataset', 'create', 'items', '--kind', 'eval', '--where', 'format=prompt-response');
  }, 120_000);
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('documents both commands in --help', async () => {
    const help = (await winnow('--help')).stdout;
    for (const text of ['estimate NAME[@vN] --judge MODEL', 'judge NAME[@vN] --model M', '--budget USD', 'WINNOW_LLM_PRICES']) expect(help).toContain(text);
  });

  it('estimates before spending, judges with a threshold, and re-runs for nothing', async () => {
    const estimate = await json<Record<string, unknown>>('estimate', 'items', '--judge', 'cheap-judge');
    expect(estimate).toMatchObject({ dataset: 'items', version: 'draft', model: 'cheap-judge', rows: 8, calls: 8, alreadyJudged: 0, pricePer1M: { input: 50, output: 100 } });
    expect(estimate['usd']).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(0);

    // Items score 0.1 … 0.8: below 0.45 are 1-4; within the default margin 0.05 of it are 0.4 and 0.5.
    const judged = await json<Record<string, unknown>>('judge', 'items', '--model', 'cheap-judge', '--threshold', '0.45');
    expect(judged).toMatchObject({ dataset: 'items', model: 'cheap-judge', rows: 8, judged: 8, failed: 0, flagged: 4, borderline: 2, threshold: 0.45, run: { judged: 8, reused: 0 } });
    expect((judged['cost'] as { usd: number }).usd).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(8);
    expect(server.requests[0]?.authorization).toBe('Bearer sk-cli-test');

    const again = await json<Record<string, unknown>>('judge', 'items', '--model', 'cheap-judge', '--threshold', '0.75');
    expect(again).toMatchObject({ judged: 8, flagged: 7, run: { judged: 0, reused: 8 }, cost: { usd: 0, calls: 0 } });
    expect(server.requests).toHaveLength(8);
    expect((await json<Record<string, unknown>>('estimate', 'items', '--judge', 'cheap-judge'))['calls']).toBe(0);
  });

  it('stops at the budget with exit 0 and says so', async () => {
    const estimate = await json<{ usd: number; calls: number }>('estimate', 'items', '--judge', 'other-judge');
    expect(estimate.usd).toBe(0); // a local server: 0 per token
    const priced = { ...env, WINNOW_LLM_PRICES: JSON.stringify({ 'other-judge': { input: 1000, output: 1000 } }) };
    const saved = env;
    env = priced;
    try {
      const e = await json<{ usd: number }>('estimate', 'items', '--judge', 'other-judge');
      const r = await json<{ run: { judged: number; budgetReached: boolean; skippedForBudget: number }; cost: { usd: number } }>('judge', 'items', '--model', 'other-judge', '--budget', String((e.usd / 8) * 2.5));
      expect(r.run.budgetReached).toBe(true);
      expect(r.run.judged).toBeGreaterThan(0);
      expect(r.run.judged).toBeLessThan(8);
      expect(r.cost.usd).toBeLessThanOrEqual((e.usd / 8) * 2.5);
    } finally {
      env = saved;
    }
  });

  it('survives being killed mid-run: paid judgements are kept and the resume pays only for the rest', async () => {
    const file = join(dir.path, 'slow.jsonl');
    writeFileSync(file, Array.from({ length: 60 }, (_, i) => JSON.stringify({ prompt: `Describe item ${i + 1} slowly, please`, response: `Item ${i + 1}.`, metadata: { task: 'slow' } })).join('\n'));
    await json('import', file);
    await json('dataset', 'create', 'slow', '--kind', 'eval', '--where', 'task=slow');
    server.requests.length = 0;
    server.delayMs = 200;
    const child = spawn(process.execPath, [winnowCli, '--data', data, 'judge', 'slow', '--model', 'cheap-judge', '--json'], { env, stdio: 'ignore' });
    try {
      const answered = () => server.requests.filter((r) => r.status === 200).length;
      const t0 = Date.now();
      // Past 25 answers the first batch of judgements (25 per transaction) is written.
      while (answered() < 30 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
      expect(answered()).toBeGreaterThanOrEqual(30);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const before = server.requests.length;
    expect(before).toBeLessThan(60);
    const jobs = await json<{ id: number; kind: string; status: string }[]>('jobs');
    const killed = jobs.find((j) => j.kind === 'judge' && j.status === 'interrupted');
    expect(killed).toBeDefined();
    server.delayMs = 0;
    const resumed = await json<{ status: string; result: { reused: number; judged: number; failed: number } }>('resume', String(killed!.id));
    expect(resumed.status).toBe('succeeded');
    expect(resumed.result.failed).toBe(0);
    expect(resumed.result.reused).toBeGreaterThan(0);
    expect(resumed.result.reused + resumed.result.judged).toBe(60);
    // Answers the killed process received but had not yet written as judgements come from the response cache:
    // over both processes, each row reached the server once (plus at most the 4 calls in flight at the kill).
    expect(server.requests.length).toBeLessThanOrEqual(60 + 4);
    expect((await json<{ calls: number }>('estimate', 'slow', '--judge', 'cheap-judge')).calls).toBe(0);
  });

  it('refuses bad values with a usage error', async () => {
    expect((await winnow('judge', 'items', '--model', 'cheap-judge', '--threshold', '3')).code).toBe(2);
    expect((await winnow('judge', 'items', '--model', 'cheap-judge', '--budget', '-1')).code).toBe(2);
    const missing = await winnow('estimate', 'nope', '--judge', 'cheap-judge');
    expect(missing.code).toBe(1);
  });
});
