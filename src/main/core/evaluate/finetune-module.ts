// The fine-tuning hand-off as the core sees it: the fine-tune job and the finetune.* commands, over its own
// repository. Imports: node:path, datasets and llm indexes, platform types, this domain's modules.
import { join } from 'node:path';
import type { VersionAccess } from '../datasets/index.ts';
import type { LlmModule } from '../llm/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { finetuneHandlers } from './finetune-handlers.ts';
import { createFinetuneJob, type FinetuneJobDeps } from './finetune-job.ts';
import { FinetuneRepository } from './finetune-repository.ts';

export type { FinetuneRunResult } from './finetune-job.ts';

/** The first wait between polls of a provider's job, in ms (default 5 s; it grows to 12× while nothing changes). */
export const FINETUNE_POLL_ENV = 'WINNOW_FINETUNE_POLL_MS';

export function finetuneModule(deps: {
  db: ConstructorParameters<typeof FinetuneRepository>[0];
  jobs: JobRunner;
  versions: VersionAccess;
  llm: LlmModule;
  now: () => number;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The dataset's training target (a relabelling committee's winners), as the export applies it. */
  responses?: FinetuneJobDeps['responses'];
}): CoreModule {
  const repo = new FinetuneRepository(deps.db);
  const poll = Number(deps.env[FINETUNE_POLL_ENV]);
  const pollMs = Number.isFinite(poll) && poll > 0 ? poll : 5000;
  return {
    jobs: [createFinetuneJob({ repo, versions: deps.versions, llm: deps.llm, now: deps.now, pollMs, workDir: join(deps.dataDir, 'finetune-files'), ...(deps.responses ? { responses: deps.responses } : {}) })],
    handlers: finetuneHandlers({ repo, versions: deps.versions, jobs: deps.jobs, llm: deps.llm, now: deps.now }),
  };
}
