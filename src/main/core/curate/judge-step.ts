// The judge stage of a curation run as the run sees it: score the rows the filters kept, within a budget, and
// say what it cost. The judge itself (prompts, structured output, its cache) lives in ./judge/.
// Imports: contract types, datasets index (row type).
import type { CurateCost, CurateJudgeSettings, JudgeScoresView } from '../../../shared/contract/index.ts';
import type { DatasetRow } from '../datasets/index.ts';

export interface JudgeRequest {
  dataset: string;
  taskDescription: string;
  rows: readonly DatasetRow[];
  settings: CurateJudgeSettings;
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

export interface JudgeOutcome {
  scores: Map<number, JudgeScoresView>;
  cost: CurateCost;
  model: string;
  rubricHash: string;
  /** Set when the budget stopped the judge before every row was scored. */
  stoppedBy: string | null;
}

export interface JudgeStep {
  /** Null when this build has no judge: the run then filters only and reports judged 0. */
  judge: ((request: JudgeRequest) => Promise<JudgeOutcome>) | null;
}

export const NO_JUDGE: JudgeStep = { judge: null };
