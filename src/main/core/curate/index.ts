// The curate domain as the core and other domains see it: its store (opened before datasets, which asks it what
// a freeze leaves out), the module with the curation job and the curate.*, review.* and pii.* commands, and the
// PII counter export re-scans with. Imports: this domain's modules, datasets index, platform types.
import type { Database } from 'better-sqlite3';
import type { CurationGate, DraftAccess } from '../datasets/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { createCurateJobs } from './curate-job.ts';
import { curateHandlers } from './curate-handlers.ts';
import { CurateRepository } from './curate-repository.ts';
import { curationGate } from './curation-gate.ts';
import type { JudgeReader } from './judge/index.ts';
import { judgeStepOf, NO_JUDGE } from './judge-step.ts';
import { piiHandlers } from './pii-handlers.ts';
import { reviewHandlers } from './review-handlers.ts';
import { TraceFactsRepository } from './trace-facts-repository.ts';

export { PiiCounter } from './pii-handlers.ts';
export { TraceFactsRepository, type TraceFacts } from './trace-facts-repository.ts';
export type { CurateResult } from './curate-job.ts';

export interface CurateStore {
  repo: CurateRepository;
  gate: CurationGate;
}

export function curateStore(db: Database): CurateStore {
  const repo = new CurateRepository(db);
  return { repo, gate: curationGate(repo) };
}

/** `judge`: the LLM judge's reader; without it a run asked for the judge filters only and says so. */
export function curateModule(deps: { db: Database; store: CurateStore; drafts: DraftAccess; jobs: JobRunner; now: () => number; judge?: JudgeReader }): CoreModule {
  const { repo } = deps.store;
  const shared = { drafts: deps.drafts, repo, now: deps.now };
  return {
    jobs: createCurateJobs({ ...shared, facts: new TraceFactsRepository(deps.db), judge: deps.judge ? judgeStepOf(deps.judge) : NO_JUDGE }),
    handlers: { ...curateHandlers({ ...shared, jobs: deps.jobs }), ...reviewHandlers(shared), ...piiHandlers(shared) },
  };
}
