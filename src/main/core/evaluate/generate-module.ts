// Teacher models as the core sees them: the generation job and the generate.* commands (relabelling joins them).
// Imports: this folder's modules, the datasets and llm domains' index, platform types.
import type { DraftAccess, VersionAccess } from '../datasets/index.ts';
import type { LlmModule } from '../llm/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { generateHandlers } from './generate-handlers.ts';
import { createGenerateJob } from './generate-job.ts';
import { GenerateRepository, type GenerateStore } from './generate-repository.ts';
import { GenerateService } from './generate-service.ts';

export type { GenerateReport } from './generate-service.ts';

export function generateModule(deps: { db: GenerateStore; jobs: JobRunner; drafts: DraftAccess; versions: VersionAccess; llm: LlmModule }): CoreModule {
  const repo = new GenerateRepository(deps.db);
  const service = new GenerateService({ repo, drafts: deps.drafts, versions: deps.versions, llm: deps.llm });
  return { jobs: [createGenerateJob(service)], handlers: generateHandlers(service, deps.jobs) };
}
