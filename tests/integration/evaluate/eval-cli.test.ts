// `winnow eval` as a user runs it: real processes over a temp data folder, models served by the fake server;
// the exact JSON shape, list/show, a draft refused, and kill -9 mid-run then `resume` without re-asking answered rows.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { useEvalModels } from '../../support/eval-fake-models.ts';
import { cliRunner, winnowCli } from '../../support/cli-process.ts';
import { makeTempDir } from '../../support/temp-dir.ts';


describe('winnow eval', { timeout: 300_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  let server: FakeOpenAiServer;
  let env: NodeJS.ProcessEnv;

  const { winnow, json } = cliRunner(() => ({ data, env }));

  async function evalVersion(name: string, rows: number): Promise<void> {
    const file = join(dir.path, `${name}.jsonl`);
    writeFileSync(file, Array.from({ length: rows }, (_, i) => JSON.stringify({ prompt: `${name} question number ${i + 1}?`, response: `Answer ${i + 1}`, metadata: { task: name } })).join('\n'));
    await json('import', file);
    await json('dataset', 'create', name, '--kind', 'eval', '--where', `task=${name}`);
    await json('dataset', 'freeze', name);
  }

  beforeAll(async () => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    server = await startFakeOpenAiServer();
    useEvalModels(server);
    env = { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-eval-cli', WINNOW_LLM_CONCURRENCY: '2' };
    await evalVersion('small', 8);
    await evalVersion('slow', 60);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('prints run, version and per-model score, interval, cost per row, latency and failures', async () => {
    const out = await json<Record<string, unknown>>('eval', 'small@v1', '--models', 'exact-model,half-model', '--metric', 'exact');
    expect(Object.keys(out)).toEqual(['run', 'version', 'results', 'baseline']);
    expect(out.version).toBe('small@v1');
    const results = out.results as { model: string; score: number; ci: [number, number]; costPerRow: number; latency: { mean: number; p50: number; p95: number }; failures: number }[];
    expect(results.map((r) => Object.keys(r))).toEqual([
      ['model', 'score', 'ci', 'costPerRow', 'latency', 'failures'],
      ['model', 'score', 'ci', 'costPerRow', 'latency', 'failures'],
    ]);
    // 8 rows: exact-model answers all as expected, half-model the 4 even ones.
    expect(results.map((r) => [r.model, r.score, r.failures])).toEqual([
      ['exact-model', 1, 0],
      ['half-model', 0.5, 0],
    ]);
    expect(results[1]!.ci[0]).toBeLessThan(0.5);
    expect(results[1]!.ci[1]).toBeGreaterThan(0.5);
    expect(Object.keys(results[0]!.latency)).toEqual(['mean', 'p50', 'p95']);

    const list = await json<{ id: number; dataset: string }[]>('eval', 'list');
    expect(list[0]).toMatchObject({ id: out.run, dataset: 'small' });
    const show = await json<{ run: { id: number }; results: unknown[]; baseline: { passed: number } }>('eval', 'show', String(out.run));
    expect(show.run.id).toBe(out.run);
    expect(show.baseline.passed).toBe(8);
  });

  it('refuses a draft and bad options', async () => {
    const draft = await winnow('eval', 'small@draft', '--models', 'exact-model', '--metric', 'exact');
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/no draft|frozen/);
    expect((await winnow('eval', 'small@v1', '--models', 'exact-model', '--metric', 'bleu')).code).toBe(2);
    expect((await winnow('eval', 'small', '--models', 'exact-model')).code).toBe(2);
  });

  it('survives kill -9 mid-run: resume finishes without asking answered rows again', async () => {
    server.requests.length = 0;
    server.delayMs = 150;
    server.delayFor = null;
    const child = spawn(process.execPath, [winnowCli, '--data', data, 'eval', 'slow@v1', '--models', 'exact-model', '--metric', 'exact', '--json'], { env, stdio: 'ignore' });
    try {
      const answered = () => server.requests.filter((r) => r.status === 200).length;
      const t0 = Date.now();
      // Answers are written at least once a second: past 1.5 s of answers some are stored.
      while (answered() < 24 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
      expect(answered()).toBeGreaterThanOrEqual(24);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(server.requests.length).toBeLessThan(60);
    const jobs = await json<{ id: number; kind: string; status: string }[]>('jobs');
    const killed = jobs.find((j) => j.kind === 'eval' && j.status === 'interrupted');
    expect(killed).toBeDefined();
    server.delayMs = 0;
    const resumed = await json<{ status: string; result: { runId: number; reused: number; answered: number; failed: number } }>('resume', String(killed!.id));
    expect(resumed.status).toBe('succeeded');
    expect(resumed.result.failed).toBe(0);
    expect(resumed.result.reused).toBeGreaterThan(0);
    expect(resumed.result.reused + resumed.result.answered).toBe(60);
    // Stored answers are not asked again; answers received but not yet written come from the response cache.
    // Over both processes each row reached the server once, plus at most the 2 calls in flight at the kill.
    expect(server.requests.length).toBeLessThanOrEqual(60 + 2);
    const show = await json<{ results: { passed: number; pending: number }[] }>('eval', 'show', String(resumed.result.runId));
    expect(show.results[0]).toMatchObject({ passed: 60, pending: 0 });
  });
});
