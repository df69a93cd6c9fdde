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
// The judge's prompt, reply schema and token counts, for features that score answers that are not rows yet
// (generation's samples, a committee's answers) with the same rubric.
export { DEFAULT_RUBRIC } from './judge/index.ts';
export { judgeMessages, MAX_REPLY_TOKENS, type JudgeRowInput } from './judge/engine/judge-prompt.ts';
export { costUsd, TYPICAL_REPLY_TOKENS } from './judge/engine/judge-estimate.ts';
export { JudgeReply } from './judge/judge-service.ts';
export { TraceFactsRepository, type TraceFacts } from './trace-facts-repository.ts';
export type { CurateResult } from './curate-job.ts';

export interface CurateStore {
  repo: CurateRepository;
  gate: CurationGate;
}

/** How other domains put rows in the review queue: each row with why, or null to withdraw that source's request. */
export interface ReviewRequests {
  request(datasetId: number, source: string, rows: readonly { rowKey: number; reason: string | null }[]): void;
  /** Which of these rows already wait for review at this source's request. */
  requested(datasetId: number, source: string, rowKeys: readonly number[]): Set<number>;
}

export function reviewRequests(store: CurateStore, now: () => number): ReviewRequests {
  return {
    request: (datasetId, source, rows) => store.repo.write(() => store.repo.requestReview(datasetId, source, rows, now())),
    requested: (datasetId, source, rowKeys) => store.repo.requested(datasetId, source, rowKeys),
  };
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
