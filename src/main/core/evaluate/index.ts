// The evaluate domain as the core sees it: the module factory wiring eval.* commands and the eval job (runs of
// models over frozen eval versions, their results and the evaluators). Imports: this domain's modules, other
// domains' indexes, platform types.
import type { ReviewRequests, TraceFactsRepository } from '../curate/index.ts';
import type { DraftAccess, VersionAccess } from '../datasets/index.ts';
import type { LlmModule } from '../llm/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { evalHandlers, type AddRows } from './eval-handlers.ts';
import { createEvalJob } from './eval-job.ts';
import { EvalRepository, type EvalStore } from './eval-repository.ts';
import { EvalResults } from './eval-results.ts';
import { EvalService, type JudgeModelSetting } from './eval-service.ts';

export function evaluateModule(deps: {
  db: EvalStore;
  jobs: JobRunner;
  versions: VersionAccess;
  /** The eval dataset's draft and its review queue, where rows of a run are sent for review. */
  drafts: DraftAccess;
  review: ReviewRequests;
  facts: Pick<TraceFactsRepository, 'facts'>;
  llm: LlmModule;
  judge: JudgeModelSetting;
  addRows: AddRows;
  now: () => number;
}): CoreModule {
  const repo = new EvalRepository(deps.db);
  const svc = new EvalService({ repo, versions: deps.versions, facts: deps.facts, llm: deps.llm, judge: deps.judge, now: deps.now });
  const results = new EvalResults(svc, (id) => deps.jobs.get(id) ?? null);
  const kindOf = (dataset: string): string => deps.versions.resolve(dataset, undefined).kind;
  return {
    jobs: [createEvalJob(svc, { repo, llm: deps.llm }, deps.now)],
    handlers: evalHandlers(svc, results, deps.jobs, deps.addRows, kindOf, { drafts: deps.drafts, review: deps.review }),
  };
}
