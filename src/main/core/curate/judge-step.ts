// The judge stage of a curation run as the run sees it: score the rows the filters kept, within a budget, and
// say what it cost. The judge itself (prompts, structured output, its cache) lives in ./judge/.
// Imports: contract types, datasets index (row type), the judge's index (its reader).
import type { CurateCost, CurateJudgeSettings, JudgeScoresView } from '../../../shared/contract/index.ts';
import type { DatasetRow } from '../datasets/index.ts';
import type { JudgeReader } from './judge/index.ts';

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

/**
 * The judge's reader as the run's stage: judge the rows not judged yet under the dataset's rubric (stored
 * judgements cost nothing), then read every judgement of those rows back.
 */
export function judgeStepOf(reader: JudgeReader): JudgeStep {
  return {
    judge: async (req) => {
      const model = req.settings.model === undefined ? undefined : { model: req.settings.model };
      const rowKeys = req.rows.map((r) => Number(r.rowId));
      const report = await reader.judgeRows({
        dataset: req.dataset,
        version: 'draft',
        ...(model ? { model } : {}),
        rowKeys,
        ...(req.settings.budgetUsd !== undefined ? { budgetUsd: req.settings.budgetUsd } : {}),
        signal: req.signal,
        onProgress: (p) => req.progress(p.done, p.total),
      });
      const stored = reader.judgementsForDataset(req.dataset, { version: 'draft', ...(model ? { model } : {}) });
      const scores = new Map<number, JudgeScoresView>();
      let usedModel = req.settings.model ?? null;
      let rubricHash = '';
      for (const key of rowKeys) {
        const j = stored.get(key);
        if (!j) continue;
        usedModel = j.model;
        rubricHash = j.rubricHash;
        scores.set(key, {
          model: j.model,
          status: j.status === 'judged' ? 'ok' : 'failed',
          overall: j.scores?.overall ?? null,
          helpfulness: j.scores?.helpfulness ?? null,
          relevance: j.scores?.relevance ?? null,
          format: j.scores?.format ?? null,
          rationale: j.scores?.rationale ?? null,
          error: j.error,
        });
      }
      const c = report.cost;
      return {
        scores,
        cost: { usd: c.usd, tokens: c.inputTokens + c.outputTokens, calls: c.calls, cached: c.cachedCalls },
        model: usedModel ?? reader.settings(req.dataset).model?.model ?? 'default',
        rubricHash,
        stoppedBy: report.budgetReached ? `the budget of $${req.settings.budgetUsd} was reached: ${report.skippedForBudget} rows were left unjudged` : null,
      };
    },
  };
}
