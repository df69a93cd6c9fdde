// `winnow finetune` as a user runs it: real processes over a temp data folder, the provider from OPENAI_* variables,
// served by the local fake fine-tuning server (so children are spawned asynchronously). Includes a kill -9 while
// the job is being followed, then `winnow resume`, which carries on without uploading or creating anything again.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finetune } from '../../../src/shared/contract/index.ts';
import { createCore } from '../../../src/main/core/create-core.ts';
import { waitForJobs } from '../../support/concurrent-cli.ts';
import { fakeModelName, startFakeFinetuneServer, type FakeFinetuneServer } from '../../support/fake-finetune-server.ts';
import { repoRoot } from '../../support/shared-data.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { buildDatasets } from './finetune-data.ts';

const run = promisify(execFile);
const CLI = join(repoRoot, 'src/main/cli/winnow.ts');

// Each command is a fresh Node process (several seconds on a loaded machine), so the tests get minutes.
describe('winnow finetune', { timeout: 300_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  let server: FakeFinetuneServer;
  let env: NodeJS.ProcessEnv;

  async function winnow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const r = await run(process.execPath, [CLI, '--data', data, ...args], { env, encoding: 'utf8' });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    server = await startFakeFinetuneServer();
    env = { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-finetune-test', WINNOW_FINETUNE_POLL_MS: '20' };
    const core = createCore({ dataDir: data });
    await buildDatasets(core, dir.path);
    await core.close();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    dir?.remove();
  });
  beforeEach(() => server.reset());

  it('fine-tunes NAME@vN on the environment endpoint and prints the record; status ID prints it again', async () => {
    const r = await winnow('finetune', 'support-train@v1', '--model', 'gpt-4o-mini', '--suffix', 'cli', '--epochs', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Finetune;
    const job = server.jobs[0]!;
    expect(out).toMatchObject({ dataset: 'support-train', version: 'v1', provider: 'Environment', providerId: 'env', status: 'succeeded', remoteJobId: job.id, fineTunedModel: fakeModelName(job) });
    expect(job.body).toMatchObject({ model: 'gpt-4o-mini', suffix: 'cli', hyperparameters: { n_epochs: 2 }, training_file: out.trainingFileId, validation_file: out.validationFileId });
    const status = await winnow('finetune', 'status', String(out.id), '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ id: out.id, status: 'succeeded', fineTunedModel: fakeModelName(job) });
  });

  it('refuses a draft and an eval version with a message, exit 1', async () => {
    const draft = await winnow('finetune', 'draft-train', '--model', 'gpt-4o-mini', '--json');
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('only a frozen version can be fine-tuned on');
    const evalSet = await winnow('finetune', 'support-eval@v1', '--model', 'gpt-4o-mini', '--json');
    expect(evalSet.code).toBe(1);
    expect(evalSet.stderr).toContain('is an eval dataset');
    expect(server.requests).toEqual([]);
  });

  it('after kill -9 while following, resume carries on without a second upload or job', async () => {
    server.hold = true;
    const child = spawn(process.execPath, [CLI, '--data', data, 'finetune', 'plain-train@v1', '--model', 'gpt-4o-mini', '--json'], { env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
    // Killed once the job is running at the provider and has been polled there a few times.
    const polls = (): number => server.requests.filter((q) => /^GET \/v1\/fine_tuning\/jobs\/ftjob-\d+$/.test(q)).length;
    const until = Date.now() + 120_000;
    while (!(server.jobs[0]?.status === 'running' && polls() >= 3)) {
      if (Date.now() > until) throw new Error(`the fine-tune never reached running: ${server.requests.join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const uploads = server.uploads.length;
    expect(uploads).toBe(1);

    server.hold = false;
    // The killed process's job, still marked running (its owner is dead): the latest fine-tune job.
    const job = (await waitForJobs(data, (jobs) => jobs.some((j) => j.kind === 'finetune' && j.status === 'running'), 'the killed job is stored')).filter((j) => j.kind === 'finetune').at(-1);
    const resumed = await winnow('resume', String(job!.id), '--json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(server.uploads).toHaveLength(uploads);
    expect(server.requests.filter((q) => q === 'POST /v1/files')).toHaveLength(1);
    expect(server.requests.filter((q) => q === 'POST /v1/fine_tuning/jobs')).toHaveLength(1);
    const { result } = JSON.parse(resumed.stdout) as { result: { finetuneId: number } };
    const status = JSON.parse((await winnow('finetune', 'status', String(result.finetuneId), '--json')).stdout) as Finetune;
    expect(status).toMatchObject({ dataset: 'plain-train', status: 'succeeded', remoteJobId: server.jobs[0]!.id, fineTunedModel: fakeModelName(server.jobs[0]!) });
  });
});
