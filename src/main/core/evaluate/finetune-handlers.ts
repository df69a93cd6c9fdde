// Handlers of the finetune.* commands: checks before a fine-tune starts (frozen, training, rows, provider), the
// record as the window and CLI see it, and cancel (the provider's job first, then the local follower).
// Imports: contract types, rpc errors, jobs runner type, datasets and llm indexes, this domain's modules.
import type { Finetune } from '../../../shared/contract/index.ts';
import type { VersionAccess } from '../datasets/index.ts';
import type { LlmModule } from '../llm/index.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import { finetuneSplits } from './finetune-files.ts';
import type { FinetuneRepository, StoredFinetune } from './finetune-repository.ts';

type FinetuneHandlers = Pick<Handlers, 'finetune.start' | 'finetune.list' | 'finetune.status' | 'finetune.cancel'>;

export interface FinetuneHandlerDeps {
  repo: FinetuneRepository;
  versions: VersionAccess;
  jobs: JobRunner;
  llm: Pick<LlmModule, 'service' | 'chooseModel' | 'providers'>;
  now: () => number;
}

export function finetuneView(f: StoredFinetune, events: Finetune['events'] = []): Finetune {
  return {
    id: f.id,
    dataset: f.dataset,
    version: `v${f.versionNumber}`,
    provider: f.providerName,
    providerId: f.providerId,
    baseModel: f.baseModel,
    suffix: f.suffix,
    hyperparameters: f.hyperparameters,
    status: f.status,
    jobId: f.jobId,
    trainingFileId: f.trainingFileId,
    validationFileId: f.validationFileId,
    remoteJobId: f.remoteJobId,
    fineTunedModel: f.fineTunedModel,
    error: f.error,
    trainedTokens: f.trainedTokens,
    trainRows: f.trainRows,
    validationRows: f.validationRows,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    events,
  };
}

export function finetuneHandlers(deps: FinetuneHandlerDeps): FinetuneHandlers {
  const { repo } = deps;
  const must = (id: number): StoredFinetune => {
    const f = repo.get(id);
    if (!f) throw new CommandError('not_found', `there is no fine-tune ${id}`);
    return f;
  };
  return {
    'finetune.start': (input) => {
      if (input.version === 'draft') {
        throw new CommandError('invalid_input', `only a frozen version can be fine-tuned on: freeze the draft of "${input.dataset}" first (winnow dataset freeze ${input.dataset}), then send NAME@vN`);
      }
      const handle = deps.versions.resolve(input.dataset, input.version);
      if (handle.kind !== 'training') {
        throw new CommandError('invalid_input', `"${handle.dataset}" is an eval dataset: fine-tune on a training dataset, and evaluate the resulting model on this one`);
      }
      if (!handle.frozen) throw new CommandError('invalid_input', `${handle.dataset}@${handle.label} is not frozen: freeze it first`);
      const splits = finetuneSplits(handle);
      if (splits.trainingRows === 0) throw new CommandError('invalid_input', `${handle.dataset}@${handle.label} has no training rows${handle.split ? ' in its train split' : ''}`);
      if (input.provider === 'env' && !deps.llm.providers().some((p) => p.id === 'env')) {
        throw new CommandError('unavailable', 'no provider in the environment: set OPENAI_BASE_URL (and OPENAI_API_KEY for a paid service), or name a saved provider');
      }
      const chosen = deps.llm.chooseModel({ provider: input.provider, model: input.baseModel });
      const id = repo.create(
        {
          datasetId: handle.datasetId,
          versionId: handle.versionId,
          providerId: chosen.endpoint.providerId ?? input.provider,
          providerName: chosen.providerName,
          baseModel: input.baseModel,
          suffix: input.suffix || null,
          hyperparameters: input.hyperparameters ?? {},
        },
        deps.now(),
      );
      const job = deps.jobs.start('finetune', { finetuneId: id, label: `${handle.dataset}@${handle.label} on ${input.baseModel}` });
      repo.setJob(id, job.id, deps.now());
      return { finetune: finetuneView(must(id)), jobId: job.id };
    },
    'finetune.list': ({ dataset }) => repo.list(dataset).map((f) => finetuneView(f)),
    'finetune.status': ({ id }) => finetuneView(must(id), repo.events(id)),
    'finetune.cancel': async ({ id }) => {
      const f = must(id);
      if (['succeeded', 'failed', 'cancelled'].includes(f.status)) throw new CommandError('conflict', `fine-tune ${id} has already ${f.status === 'cancelled' ? 'been cancelled' : f.status}`);
      const local = f.jobId === null ? undefined : deps.jobs.get(f.jobId);
      const following = local !== undefined && ['queued', 'running'].includes(local.status);
      if (f.remoteJobId === null && following && !deps.jobs.runsHere(local.id)) {
        throw new CommandError('conflict', `fine-tune ${id} is being uploaded by another process (another window or a winnow command): cancel it there`);
      }
      if (f.remoteJobId !== null) {
        const { endpoint } = deps.llm.chooseModel({ provider: f.providerId, model: f.baseModel });
        const job = await deps.llm.service.endpoint(endpoint).fineTuning.cancelJob(f.remoteJobId, { feature: 'fine-tuning' });
        repo.saveRemote(id, { status: job.status, fineTunedModel: job.fineTunedModel, error: job.error, trainedTokens: job.trainedTokens }, [], deps.now());
      } else {
        repo.settleLocally(id, 'cancelled', null, deps.now());
      }
      // Another process following it sees the provider's "cancelled" at its next poll.
      if (following && deps.jobs.runsHere(local.id)) deps.jobs.cancel(local.id);
      return finetuneView(must(id), repo.events(id));
    },
  };
}
