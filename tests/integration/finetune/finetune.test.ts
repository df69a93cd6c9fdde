// The fine-tuning hand-off against the local fake fine-tuning server, through the real core and `openai` client:
// the uploads are the export's bytes, the job gets the right files and model, its status is followed to the
// end and recorded with the version, failures and refusals are clear, and cancel reaches the provider.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finetune } from '../../../src/shared/contract/index.ts';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { CommandError } from '../../../src/main/core/platform/rpc/router.ts';
import { FAILURE_MESSAGE, fakeModelName, startFakeFinetuneServer, type FakeFinetuneServer } from '../../support/fake-finetune-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { buildDatasets } from './finetune-data.ts';

describe('fine-tuning hand-off', { timeout: 120_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeFinetuneServer;
  let core: Core;

  /** The export writer's own files for a version, to compare uploads with byte for byte. */
  async function exported(dataset: string, name: string): Promise<Buffer> {
    const out = join(dir.path, `export-${dataset}-${Math.random().toString(36).slice(2)}`);
    const { jobId } = await core.invoke('datasets.export', { dataset, version: 1, format: 'openai', out });
    expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
    return readFileSync(join(out, name));
  }

  async function run(input: Parameters<Core['invoke']>[1] & object): Promise<{ finetune: Finetune; phases: string[]; jobStatus: string; jobError: string | null }> {
    const phases: string[] = [];
    const off = core.events.on((e) => {
      if (e.name === 'job.progress' && e.payload.job.kind === 'finetune' && phases.at(-1) !== e.payload.job.phase) phases.push(e.payload.job.phase);
    });
    const { finetune, jobId } = await core.invoke('finetune.start', input as never);
    const job = await core.jobs.waitFor(jobId);
    off();
    return { finetune: await core.invoke('finetune.status', { id: finetune.id }), phases, jobStatus: job.status, jobError: job.error };
  }

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeFinetuneServer();
    core = createCore({ dataDir: join(dir.path, 'data'), env: { WINNOW_FINETUNE_POLL_MS: '5' } });
    await buildDatasets(core, dir.path);
    await core.invoke('providers.set', { name: 'Fake', baseUrl: server.baseUrl, models: [{ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.3, outputPer1M: 1.2 }] });
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await server?.close();
    dir?.remove();
  });
  beforeEach(() => server.reset());

  it('uploads the export of the train and validation splits, creates the job and follows it to the trained model', async () => {
    const { finetune, phases, jobStatus } = await run({ dataset: 'support-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini', suffix: 'support', hyperparameters: { n_epochs: 3 } });
    expect(jobStatus).toBe('succeeded');

    // The files are the export writer's bytes, and go up with purpose fine-tune.
    expect(server.uploads.map((u) => u.purpose)).toEqual(['fine-tune', 'fine-tune']);
    const [train, validation] = server.uploads;
    expect(train!.content.equals(await exported('support-train', 'train.jsonl'))).toBe(true);
    expect(validation!.content.equals(await exported('support-train', 'validation.jsonl'))).toBe(true);
    expect(finetune.trainRows).toBe(train!.content.toString('utf8').trim().split('\n').length);
    expect(finetune.validationRows).toBe(validation!.content.toString('utf8').trim().split('\n').length);

    // One job, on those files, the base model, the suffix and the epochs asked for.
    expect(server.jobs).toHaveLength(1);
    const job = server.jobs[0]!;
    expect(job.body).toEqual({ model: 'gpt-4o-mini', training_file: train!.id, validation_file: validation!.id, suffix: 'support', hyperparameters: { n_epochs: 3 } });

    // Followed through every state, and recorded with the version.
    expect(phases.filter((p) => ['validating_files', 'queued', 'running', 'succeeded'].includes(p))).toEqual(['validating_files', 'queued', 'running', 'succeeded']);
    expect(finetune).toMatchObject({
      dataset: 'support-train',
      version: 'v1',
      provider: 'Fake',
      status: 'succeeded',
      trainingFileId: train!.id,
      validationFileId: validation!.id,
      remoteJobId: job.id,
      fineTunedModel: fakeModelName(job),
      error: null,
    });
    expect(finetune.events.map((e) => e.message)).toContain(`New fine-tuned model created: ${fakeModelName(job)}`);
    expect(await core.invoke('finetune.list', { dataset: 'support-train' })).toEqual([expect.objectContaining({ id: finetune.id, fineTunedModel: fakeModelName(job) })]);

    // The trained model is on the provider's list, priced like its base model, so it can be evaluated.
    const { providers } = await core.invoke('providers.list', {});
    const fake = providers.find((p) => p.name === 'Fake')!;
    expect(fake.models).toContainEqual({ name: fakeModelName(job), purpose: 'chat', inputPer1M: 0.3, outputPer1M: 1.2 });
  });

  it('sends every row of an unsplit version as one training file, with no validation file', async () => {
    const { finetune } = await run({ dataset: 'plain-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(server.uploads).toHaveLength(1);
    expect(server.uploads[0]!.content.equals(await exported('plain-train', 'data.jsonl'))).toBe(true);
    expect(server.jobs[0]!.body).toEqual({ model: 'gpt-4o-mini', training_file: server.uploads[0]!.id });
    expect(finetune).toMatchObject({ status: 'succeeded', validationFileId: null, validationRows: 0, trainRows: 20 });
  });

  it('records a failed job with its error', async () => {
    const { finetune, jobStatus, jobError } = await run({ dataset: 'plain-train', version: 1, provider: 'Fake', baseModel: 'gpt-fail-mini' });
    expect(jobStatus).toBe('failed');
    expect(jobError).toContain(FAILURE_MESSAGE);
    expect(finetune).toMatchObject({ status: 'failed', fineTunedModel: null, remoteJobId: server.jobs[0]!.id });
    expect(finetune.error).toBe(`${FAILURE_MESSAGE} (invalid_training_file)`);
    expect(finetune.events.find((e) => e.level === 'error')?.message).toContain(FAILURE_MESSAGE);
  });

  it('records a refused job creation, and a resume creates it without uploading again', async () => {
    server.failures['POST /v1/fine_tuning/jobs'] = [400];
    const first = await run({ dataset: 'plain-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(first.jobStatus).toBe('failed');
    expect(first.finetune).toMatchObject({ status: 'failed', remoteJobId: null, trainingFileId: server.uploads[0]!.id });
    expect(first.finetune.error).toContain('scripted 400');
    expect(first.finetune.jobId).not.toBeNull();
    await core.invoke('jobs.resume', { id: first.finetune.jobId! });
    expect((await core.jobs.waitFor(first.finetune.jobId!)).status).toBe('succeeded');
    expect(server.uploads).toHaveLength(1);
    expect(server.jobs).toHaveLength(1);
    expect(server.jobs[0]!.body.training_file).toBe(server.uploads[0]!.id);
    expect(await core.invoke('finetune.status', { id: first.finetune.id })).toMatchObject({ status: 'succeeded', error: null, remoteJobId: server.jobs[0]!.id });
  });

  it('a creation whose reply was lost is found on the retry instead of made twice', async () => {
    server.lostCreateReplies = 1;
    const { finetune, jobStatus } = await run({ dataset: 'plain-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(jobStatus).toBe('succeeded');
    expect(server.requests.filter((q) => q === 'POST /v1/fine_tuning/jobs')).toHaveLength(1);
    expect(server.jobs).toHaveLength(1);
    expect(finetune).toMatchObject({ status: 'succeeded', remoteJobId: server.jobs[0]!.id });
  });

  it('refuses a draft, an eval version and an unknown provider, and sends nothing', async () => {
    const refusal = async (input: object): Promise<CommandError> => {
      const e = await core.invoke('finetune.start', input as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CommandError);
      return e as CommandError;
    };
    const draft = await refusal({ dataset: 'draft-train', version: 'draft', provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(draft.code).toBe('invalid_input');
    expect(draft.message).toMatch(/only a frozen version .*freeze the draft of "draft-train"/);
    const evalSet = await refusal({ dataset: 'support-eval', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(evalSet.code).toBe('invalid_input');
    expect(evalSet.message).toContain('"support-eval" is an eval dataset');
    const noVersion = await refusal({ dataset: 'draft-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    expect(noVersion.code).toBe('not_found');
    const noProvider = await refusal({ dataset: 'plain-train', version: 1, provider: 'Nowhere', baseModel: 'gpt-4o-mini' });
    expect(noProvider.message).toContain('no provider "Nowhere"');
    const noEnvironment = await refusal({ dataset: 'plain-train', version: 1, provider: 'env', baseModel: 'gpt-4o-mini' });
    expect(noEnvironment.message).toContain('set OPENAI_BASE_URL');
    expect(server.requests).toEqual([]);
  });

  it('cancels the provider job and stops following it', async () => {
    server.hold = true;
    const { finetune, jobId } = await core.invoke('finetune.start', { dataset: 'plain-train', version: 1, provider: 'Fake', baseModel: 'gpt-4o-mini' });
    while ((await core.invoke('finetune.status', { id: finetune.id })).status !== 'running') await new Promise((r) => setTimeout(r, 10));
    const cancelled = await core.invoke('finetune.cancel', { id: finetune.id });
    expect(cancelled.status).toBe('cancelled');
    expect(server.requests).toContain(`POST /v1/fine_tuning/jobs/${server.jobs[0]!.id}/cancel`);
    expect((await core.jobs.waitFor(jobId)).status).toBe('cancelled');
    const again = await core.invoke('finetune.cancel', { id: finetune.id }).catch((e: unknown) => e);
    expect((again as CommandError).code).toBe('conflict');
  });
});
