// The LLM judge as the core and the curation pipeline see it: the module factory (judge.* commands and the
// judge job) and the read side other code calls: stored judgements of a dataset version, its settings, and
// judging a set of rows inside another job. Imports: this folder's modules, platform and domain index types.
import type { JudgeScores, JudgeSettings, ModelRef, VersionRef } from '../../../../shared/contract/index.ts';
import type { DatasetsModule } from '../../datasets/index.ts';
import type { LlmModule } from '../../llm/index.ts';
import type { CoreModule } from '../../platform/core-module.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { ClusterContext } from './engine/judge-prompt.ts';
import { judgeHandlers } from './judge-handlers.ts';
import { createJudgeJob } from './judge-job.ts';
import { JudgeRepository, type JudgeStore } from './judge-repository.ts';
import { JudgeService } from './judge-service.ts';

export type { JudgeScores, JudgeSettings } from '../../../../shared/contract/index.ts';

/** One stored judgement of a dataset row (under one judge model and rubric). */
export interface RowJudgement {
  rowKey: number;
  status: 'judged' | 'failed';
  /** null when failed: a malformed judgement is never guessed. */
  scores: JudgeScores | null;
  error: string | null;
  model: string;
  rubricHash: string;
  /** overall < threshold (false when failed). */
  flagged: boolean;
  /** Within the margin of the threshold, or cluster membership below the cut. */
  borderline: boolean;
}

export interface JudgeRunOptions {
  dataset: string;
  version?: VersionRef;
  model?: ModelRef;
  /** Only these rows (e.g. those the filters kept). */
  rowKeys?: readonly number[];
  /** Stop cleanly before spending more than this (USD). */
  budgetUsd?: number;
  jobId?: number | null;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; usd: number }) => void;
}

export interface JudgeRunReport {
  rows: number;
  judged: number;
  failed: number;
  /** Answered from stored judgements: no call made. */
  reused: number;
  /** Rows left unjudged because the budget was reached. */
  skippedForBudget: number;
  budgetReached: boolean;
  cost: { usd: number; unpricedCalls: number; calls: number; cachedCalls: number; inputTokens: number; outputTokens: number };
}

export interface JudgeReader {
  /**
   * Stored judgements of a version's rows under the dataset's rubric and judge model (or `model`), by row key,
   * with flagged/borderline from the current settings. Rows not judged yet are absent. Makes no calls.
   */
  judgementsForDataset(dataset: string, opts?: { version?: VersionRef; model?: ModelRef }): Map<number, RowJudgement>;
  settings(dataset: string): JudgeSettings;
  /** Judges the rows not judged yet (for the pipeline's own job); stored judgements cost nothing. */
  judgeRows(opts: JudgeRunOptions): Promise<JudgeRunReport>;
}

export interface JudgeModule extends CoreModule {
  reader: JudgeReader;
}

/** Convenience for the pipeline: the judgements of a dataset version, by row key. */
export function judgementsForDataset(reader: JudgeReader, dataset: string, opts?: { version?: VersionRef; model?: ModelRef }): Map<number, RowJudgement> {
  return reader.judgementsForDataset(dataset, opts);
}

export { DEFAULT_RUBRIC } from './engine/judge-prompt.ts';
export type { ClusterContext } from './engine/judge-prompt.ts';

export function judgeModule(deps: {
  db: JudgeStore;
  jobs: JobRunner;
  datasets: Pick<DatasetsModule, 'versions'>;
  llm: LlmModule;
  /** A cluster's name, description and rules: the judge's context for the rows of that cluster. */
  clusterRules: (clusterId: number) => ClusterContext | null;
  now: () => number;
}): JudgeModule {
  const judge = new JudgeService({ repo: new JudgeRepository(deps.db), versions: deps.datasets.versions, llm: deps.llm, clusterRules: deps.clusterRules, now: deps.now });
  return {
    jobs: [createJudgeJob(judge)],
    handlers: judgeHandlers(judge, deps.jobs),
    reader: {
      judgementsForDataset: (dataset, opts) => judge.judgementsForDataset(dataset, opts),
      settings: (dataset) => judge.settings(dataset),
      judgeRows: (opts) => judge.judgeRows(opts),
    },
  };
}
