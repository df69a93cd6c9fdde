// What the comparison chart shows of a run: the baseline first (when the rows have original responses),
// then each model in the run's order. Pure functions only. Imports: contract types, ./ComparisonChart types.
import type { EvalModelResult, EvalRunDetail } from '../../../shared/contract/index.ts';
import type { ScoreLine } from './ComparisonChart.tsx';

/** Short enough for the chart's first column; the tooltip and README say what it is. */
export const BASELINE_LABEL = 'Baseline';
export const BASELINE_HELP = 'The original responses in the traces, scored the same way';

function line(result: EvalModelResult, baseline: boolean): ScoreLine {
  return {
    key: baseline ? 'baseline' : result.model,
    label: baseline ? BASELINE_LABEL : result.model,
    baseline,
    score: result.score,
    ci: result.ci,
    costPerRow: result.costPerRow,
    latency: result.latency,
    failures: result.failures,
  };
}

export function scoreLines(detail: Pick<EvalRunDetail, 'baseline' | 'results'>): ScoreLine[] {
  const lines = detail.results.map((r) => line(r, false));
  return detail.baseline ? [line(detail.baseline, true), ...lines] : lines;
}

/** How far a run has come, from its results: rows answered (or failed) over rows × models. */
export function runProgress(detail: Pick<EvalRunDetail, 'results'>): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const r of detail.results) {
    total += r.rows;
    done += r.rows - r.pending;
  }
  return { done, total };
}
