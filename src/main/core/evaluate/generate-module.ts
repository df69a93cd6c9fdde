// Teacher models as the core sees them: the generation and relabelling jobs, the generate.* and relabel.*
// commands, and the training target export asks for. Imports: this folder's modules, the curate, datasets, export
// and llm domains' index, platform types.
import type { ReviewRequests } from '../curate/index.ts';
import type { DraftAccess, VersionAccess } from '../datasets/index.ts';
import type { TrainingTarget } from '../export/index.ts';
import type { LlmModule } from '../llm/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { generateHandlers } from './generate-handlers.ts';
import { createGenerateJob } from './generate-job.ts';
import { GenerateRepository, type GenerateStore } from './generate-repository.ts';
import { GenerateService } from './generate-service.ts';
import { relabelHandlers } from './relabel-handlers.ts';
import { createRelabelJob } from './relabel-job.ts';
import { RelabelRepository } from './relabel-repository.ts';
import { RelabelService } from './relabel-service.ts';

export type { GenerateReport } from './generate-service.ts';
export type { RelabelReport } from './relabel-service.ts';

export interface GenerateModule extends CoreModule {
  /** For export: the dataset's chosen training target when it is not the stored responses. */
  responses(datasetId: number): TrainingTarget | null;
}

export function generateModule(deps: { db: GenerateStore; jobs: JobRunner; drafts: DraftAccess; versions: VersionAccess; llm: LlmModule; review: ReviewRequests; now: () => number }): GenerateModule {
  const answers = new GenerateRepository(deps.db);
  const generate = new GenerateService({ repo: answers, drafts: deps.drafts, versions: deps.versions, llm: deps.llm });
  const relabel = new RelabelService({ answers, repo: new RelabelRepository(deps.db), drafts: deps.drafts, llm: deps.llm, review: deps.review, now: deps.now });
  return {
    jobs: [createGenerateJob(generate), createRelabelJob(relabel)],
    handlers: { ...generateHandlers(generate, deps.jobs), ...relabelHandlers(relabel, deps.jobs) },
    responses(datasetId) {
      const apply = relabel.responses(datasetId);
      return apply ? { name: 'winner', apply } : null;
    },
  };
}
