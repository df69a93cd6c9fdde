// The judge stage of the pipeline: model (from the providers), budget, "Estimate" then "Run judge", cost so far,
// and the histogram of overall scores whose threshold is dragged with counts following it locally.
// Imports: react, lib/format, the ui store, this folder's store, histogram maths and chart.
import type { ReactElement } from 'react';
import { formatCost, formatCount } from '../../lib/format.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { parseBudget, useCurateStore } from './curate-store.ts';
import { estimateBorderline, thresholdCounts, totalOf } from './score-histogram.ts';
import { ScoreHistogram } from './ScoreHistogram.tsx';

export function JudgeStage({ busy }: { busy: boolean }): ReactElement {
  const summary = useCurateStore((s) => s.summary);
  const models = useCurateStore((s) => s.models);
  const model = useCurateStore((s) => s.model);
  const setModel = useCurateStore((s) => s.setModel);
  const budget = useCurateStore((s) => s.budget);
  const setBudget = useCurateStore((s) => s.setBudget);
  const estimate = useCurateStore((s) => s.estimate);
  const estimating = useCurateStore((s) => s.estimating);
  const estimateJudge = useCurateStore((s) => s.estimateJudge);
  const runJudge = useCurateStore((s) => s.runJudge);
  const starting = useCurateStore((s) => s.starting);
  const go = useUiStore((s) => s.go);
  const budgetBad = parseBudget(budget) === null;
  const filtered = summary?.runAt != null;

  return (
    <div className="pipeline-stage stage-judge" data-testid="stage-judge">
      <div className="stage-head">
        <h3 className="stage-title">2 · Judge</h3>
        {summary && summary.judged > 0 ? (
          <span className="stage-count" data-testid="judged-count">
            {formatCount(summary.judged)} judged{summary.judgeFailed > 0 ? ` · ${formatCount(summary.judgeFailed)} failed` : ''}
          </span>
        ) : (
          <span className="small muted">not run</span>
        )}
        <span className="stage-cost small" data-testid="judge-cost" title={summary ? `${formatCount(summary.cost.calls)} calls, ${formatCount(summary.cost.cached)} from the cache` : undefined}>
          spent {formatCost(summary?.cost.usd ?? 0)}
          {summary && summary.cost.tokens > 0 ? ` · ${formatCount(summary.cost.tokens)} tokens` : ''}
        </span>
      </div>
      <div className="judge-controls">
        <label className="field-inline small">
          Model
          {models.length > 0 ? (
            <select
              className="input input-select input-sm"
              value={model ? `${model.provider ?? ''}|${model.model}` : ''}
              onChange={(e) => setModel(models.find((m) => `${m.provider ?? ''}|${m.model}` === e.target.value) ?? null)}
              data-testid="judge-model"
            >
              {models.map((m) => (
                <option key={`${m.provider ?? ''}|${m.model}`} value={`${m.provider ?? ''}|${m.model}`}>
                  {m.label}
                  {m.price ? ` ($${m.price.input} / $${m.price.output} per 1M)` : ''}
                </option>
              ))}
            </select>
          ) : (
            <button type="button" className="link-button" onClick={() => go('settings')}>
              add a provider in Settings
            </button>
          )}
        </label>
        <label className="field-inline small">
          Budget $
          <input className={`input input-sm input-budget${budgetBad ? ' is-invalid' : ''}`} value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="no limit" inputMode="decimal" data-testid="judge-budget" aria-invalid={budgetBad} />
        </label>
        <button type="button" className="btn btn-sm" disabled={estimating || busy || models.length === 0} onClick={() => void estimateJudge()} data-testid="estimate-judge">
          {estimating ? 'Estimating…' : 'Estimate'}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={busy || starting || estimate === null || budgetBad}
          onClick={() => void runJudge()}
          data-testid="run-judge"
          title={estimate === null ? 'Estimate the cost first' : filtered ? 'Judge the rows the filters keep' : 'Runs the filters, then judges the rows they keep'}
        >
          Run judge
        </button>
      </div>
      {estimate ? (
        <p className="judge-estimate small" data-testid="judge-estimate">
          {formatCount(estimate.calls)} calls · {formatCount(estimate.inputTokens)} in + ≤{formatCount(estimate.outputTokens)} out tokens ·{' '}
          <strong>{estimate.usd === null ? 'no price for this model' : `≤ ${formatCost(estimate.usd)}`}</strong>
          {estimate.alreadyJudged > 0 ? ` · ${formatCount(estimate.alreadyJudged)} already judged (free)` : ''}
          {summary?.runAt && summary.kept < estimate.rows ? <span className="muted"> · counted over all {formatCount(estimate.rows)} draft rows; only the {formatCount(summary.kept)} kept are judged</span> : null}
        </p>
      ) : null}
      <ThresholdChart />
    </div>
  );
}

function ThresholdChart(): ReactElement | null {
  const summary = useCurateStore((s) => s.summary);
  const bins = useCurateStore((s) => s.bins);
  const threshold = useCurateStore((s) => s.threshold);
  const margin = useCurateStore((s) => s.margin);
  const dragging = useCurateStore((s) => s.dragging);
  const drag = useCurateStore((s) => s.drag);
  const commitThreshold = useCurateStore((s) => s.commitThreshold);

  if (!summary?.judge || totalOf(bins) === 0) {
    return (
      <p className="judge-hint small muted">
        {summary?.judge
          ? 'No scores yet: the judge has not scored any kept row.'
          : 'The judge scores each kept row 0–1 on helpfulness, relevance and format against the dataset’s rubric. Its scores appear here as a histogram; drag the threshold to choose which rows are flagged and which go to review.'}
      </p>
    );
  }
  const shown = dragging ?? threshold;
  // While dragging (or before the core answered), counts come from the bins; at rest they are the core's own.
  const atRest = dragging === null && Math.abs(summary.judge.threshold - threshold) < 1e-9;
  const committed = { threshold: summary.judge.threshold, margin: summary.judge.margin, borderline: summary.borderline };
  const flagged = atRest ? summary.flagged : thresholdCounts(bins, shown, margin).flagged;
  const borderline = atRest ? summary.borderline : estimateBorderline(bins, committed, shown);
  return (
    <div className="threshold-chart">
      <ScoreHistogram bins={bins} threshold={shown} margin={margin} onChange={drag} onCommit={(t) => void commitThreshold(t)} />
      <div className="threshold-counts small" data-testid="threshold-counts" data-threshold={shown}>
        <span>
          Threshold <strong className="mono">{shown.toFixed(2)}</strong> ± {margin.toFixed(2)}
        </span>
        <span className="count-flagged">
          <strong data-testid="flagged-count">{formatCount(flagged)}</strong> flagged
        </span>
        <span className="count-borderline">
          <strong data-testid="borderline-count">{formatCount(borderline)}</strong> borderline
        </span>
        <span className="muted">{formatCount(summary.judged - flagged)} pass</span>
      </div>
    </div>
  );
}
