// The fine-tune job (llm lane): writes the version's JSONL, uploads it, creates the provider's fine-tuning job
// and follows it with back-off until it ends, storing each id the moment it is known so a resume after a crash
// picks up where it stopped (never a second upload, never a second job). Imports: node:fs, node:path, zod,
// contract schemas, jobs types, datasets and llm indexes, this domain's repository and files.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Id, type FinetuneStatus } from '../../../shared/contract/index.ts';
import type { VersionAccess, VersionHandle } from '../datasets/index.ts';
import type { TrainingTarget } from '../export/index.ts';
import { sleep, type FineTuningApi, type LlmModule, type RemoteFineTuneJob } from '../llm/index.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import { finetuneSplits, writeFinetuneFile } from './finetune-files.ts';
import type { FinetuneRepository, StoredFinetune } from './finetune-repository.ts';

/** `label` names it in the jobs list (`support-train@v2 on gpt-4o-mini`). */
export const FinetuneParams = z.object({ finetuneId: Id, label: z.string().max(400).default('') });
export type FinetuneParams = z.infer<typeof FinetuneParams>;

export interface FinetuneRunResult {
  finetuneId: number;
  status: FinetuneStatus;
  fineTunedModel: string | null;
  /** Whether the trained model was added to the provider's model list (the environment's has none to add to). */
  registered: boolean;
}

export interface FinetuneJobDeps {
  repo: FinetuneRepository;
  versions: VersionAccess;
  llm: Pick<LlmModule, 'service' | 'chooseModel' | 'addModel'>;
  now: () => number;
  /** First wait between polls; it doubles while nothing changes, up to 12 times this. */
  pollMs: number;
  /** Where the JSONL files are written before upload (removed once uploaded). */
  workDir: string;
  /** The response each row trains on when the dataset chose another than the stored one; absent: the stored. */
  responses?: (handle: VersionHandle) => TrainingTarget | null;
}

const FEATURE = 'fine-tuning';
const UPLOAD_TIMEOUT_MS = 30 * 60_000;
const ENDED: ReadonlySet<FinetuneStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export function createFinetuneJob(deps: FinetuneJobDeps): JobHandler<FinetuneParams> {
  return {
    kind: 'finetune',
    lane: 'llm',
    params: FinetuneParams,
    changes: ['finetunes', 'settings'],
    title: (p) => `Fine-tune ${p.label || p.finetuneId}`,
    run: (ctx) => runFinetune(deps, ctx),
  };
}

function mustGet(repo: FinetuneRepository, id: number): StoredFinetune {
  const f = repo.get(id);
  if (!f) throw new Error(`fine-tune ${id} does not exist`);
  return f;
}

async function runFinetune(deps: FinetuneJobDeps, ctx: JobContext<FinetuneParams>): Promise<FinetuneRunResult> {
  const { repo } = deps;
  const id = ctx.params.finetuneId;
  let f = mustGet(repo, id);
  // Failed or cancelled before the provider had a job: resuming means trying again.
  if (f.remoteJobId === null && f.status !== 'preparing') repo.reopen(id, deps.now());
  if (f.remoteJobId !== null && ENDED.has(f.status)) return finish(deps, f);
  // The provider as saved now (its key may have been replaced since the start), found by its id.
  const { endpoint } = deps.llm.chooseModel({ provider: f.providerId, model: f.baseModel });
  const api = deps.llm.service.endpoint(endpoint).fineTuning;
  const call = { feature: FEATURE, jobId: ctx.jobId, signal: ctx.signal };

  if (f.remoteJobId === null) {
    try {
      await upload(deps, ctx, api, f);
      f = mustGet(repo, id);
      const job = await createOrAdopt(api, f, call);
      repo.setRemoteJob(id, job.id, deps.now());
      repo.saveRemote(id, remoteState(job), [], deps.now());
    } catch (e) {
      // Refused by the provider before any job existed: recorded, and a resume tries again.
      if (!ctx.signal.aborted) repo.settleLocally(id, 'failed', e instanceof Error ? e.message : String(e), deps.now());
      throw e;
    }
  }
  await follow(deps, ctx, api, mustGet(repo, id));
  return finish(deps, mustGet(repo, id));
}

/** Writes and uploads whichever of the two files has no id yet. */
async function upload(deps: FinetuneJobDeps, ctx: JobContext<FinetuneParams>, api: FineTuningApi, f: StoredFinetune): Promise<void> {
  const handle = deps.versions.resolve(f.dataset, f.versionNumber);
  const splits = finetuneSplits(handle);
  deps.repo.setRows(f.id, splits.trainingRows, splits.validationRows, deps.now());
  const dir = join(deps.workDir, String(f.id));
  // A training file can be hundreds of megabytes: its upload gets far longer than a chat call's timeout.
  const call = { feature: FEATURE, jobId: ctx.jobId, signal: ctx.signal, timeoutMs: UPLOAD_TIMEOUT_MS };
  const label = `${f.dataset}-v${f.versionNumber}`;
  try {
    if (f.trainingFileId === null) {
      ctx.progress(0, null, 'writing the training file');
      const file = await writeFinetuneFile(deps.versions, handle, splits.training, dir, 'train', ctx.signal, deps.responses?.(handle) ?? null);
      ctx.progress(0, null, 'uploading the training file');
      const { id } = await api.uploadFile(file.path, `${label}-train.jsonl`, call);
      deps.repo.setFile(f.id, 'training', id, deps.now());
    }
    if (splits.validation !== null && f.validationFileId === null) {
      ctx.progress(0, null, 'writing the validation file');
      const file = await writeFinetuneFile(deps.versions, handle, splits.validation, dir, 'validation', ctx.signal, deps.responses?.(handle) ?? null);
      ctx.progress(0, null, 'uploading the validation file');
      const { id } = await api.uploadFile(file.path, `${label}-validation.jsonl`, call);
      deps.repo.setFile(f.id, 'validation', id, deps.now());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A crash between "created" and "stored" would leave a job the store does not know: one training on this upload is adopted. */
async function createOrAdopt(api: FineTuningApi, f: StoredFinetune, call: { feature: string; jobId: number; signal: AbortSignal }): Promise<RemoteFineTuneJob> {
  const trainingFile = f.trainingFileId!;
  const existing = (await api.recentJobs(call)).find((j) => j.trainingFile === trainingFile);
  if (existing) return existing;
  return api.createJob({ model: f.baseModel, trainingFile, validationFile: f.validationFileId, suffix: f.suffix, nEpochs: f.hyperparameters.n_epochs ?? null }, call);
}

function remoteState(job: RemoteFineTuneJob): { status: FinetuneStatus; fineTunedModel: string | null; error: string | null; trainedTokens: number | null } {
  return { status: job.status, fineTunedModel: job.fineTunedModel, error: job.error, trainedTokens: job.trainedTokens };
}

/** Polls until the remote job ends: the wait doubles while its status stays the same and starts over when it moves. */
async function follow(deps: FinetuneJobDeps, ctx: JobContext<FinetuneParams>, api: FineTuningApi, f: StoredFinetune): Promise<void> {
  const remoteId = f.remoteJobId!;
  const call = { feature: FEATURE, jobId: ctx.jobId, signal: ctx.signal };
  let status = f.status;
  let wait = deps.pollMs;
  let polls = 0;
  for (;;) {
    ctx.progress(polls, null, status);
    if (ENDED.has(status)) return;
    await sleep(wait, ctx.signal);
    const job = await api.retrieveJob(remoteId, call);
    const events = await api.events(remoteId, 50, call);
    deps.repo.saveRemote(f.id, remoteState(job), events, deps.now());
    polls++;
    wait = job.status === status ? Math.min(wait * 2, deps.pollMs * 12) : deps.pollMs;
    status = job.status;
  }
}

function finish(deps: FinetuneJobDeps, f: StoredFinetune): FinetuneRunResult {
  if (f.status === 'failed') throw new Error(`the provider's fine-tuning job ${f.remoteJobId} failed: ${f.error ?? 'no reason given'}`);
  const registered = f.status === 'succeeded' && f.fineTunedModel !== null && deps.llm.addModel(f.providerId, f.fineTunedModel, f.baseModel);
  return { finetuneId: f.id, status: f.status, fineTunedModel: f.fineTunedModel, registered };
}
