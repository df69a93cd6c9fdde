// The comparison of one run: per model (and the baseline) its score as a bar with 95 % whiskers on one shared
// axis, the baseline's score as a dashed line through every bar, cost per row, latency and failures.
// Imports: react, lib/format, this folder's geometry, formatting and bar.
import { useRef, type ReactElement } from 'react';
import { formatCost, formatCount } from '../../lib/format.ts';
import { axisFor, ticks } from './ci-geometry.ts';
import { CiBarSvg } from './CiBarSvg.tsx';
import { formatCi, formatDelta, formatLatencies, formatScore } from './eval-format.ts';
import { BASELINE_HELP } from './eval-lines.ts';
import { useWidth } from './use-width.ts';

/** One line of the chart: a model of the run, or the baseline (the traces' own responses scored the same way). */
export interface ScoreLine {
  key: string;
  label: string;
  baseline: boolean;
  score: number | null;
  ci: readonly [number, number] | null;
  costPerRow: number | null;
  latency: { mean: number | null; p50: number | null; p95: number | null } | null;
  failures: number;
}

export function ComparisonChart({ lines, testId }: { lines: readonly ScoreLine[]; testId?: string }): ReactElement {
  const barRef = useRef<HTMLDivElement>(null);
  const width = useWidth(barRef, 240);
  const axis = axisFor(lines.flatMap((l) => [l.score, ...(l.ci ?? [])]), width);
  const baseline = lines.find((l) => l.baseline)?.score ?? null;
  return (
    <div className="eval-chart" role="table" aria-label="Scores by model" data-testid={testId ?? 'eval-chart'}>
      <div className="eval-chart-head" role="row">
        <div role="columnheader">Model</div>
        <div role="columnheader" ref={barRef} className="eval-axis">
          {ticks(axis).map((t) => (
            <span key={t}>{formatScore(t).replace('.0%', '%')}</span>
          ))}
        </div>
        <div role="columnheader" className="num">
          Score (95% CI)
        </div>
        <div role="columnheader" className="num">
          Cost / row
        </div>
        <div role="columnheader" className="num" title="mean · p50 · p95">
          Latency mean · p50 · p95
        </div>
        <div role="columnheader" className="num">
          Failures
        </div>
      </div>
      {lines.map((l) => (
        <div key={l.key} className="eval-chart-row" role="row" data-testid="eval-score-line" data-model={l.key} data-baseline={l.baseline ? 'true' : 'false'}>
          <div role="cell" className={`eval-chart-model${l.baseline ? ' is-baseline' : ''}`} title={l.baseline ? BASELINE_HELP : l.label}>
            {l.label}
          </div>
          <div role="cell" className="eval-chart-bar">
            <CiBarSvg score={l.score} ci={l.ci} baseline={l.baseline ? null : baseline} axis={axis} tone={l.baseline ? 'baseline' : 'model'} />
          </div>
          <div role="cell" className="num eval-score-ci">
            <span data-testid="eval-score" data-score={l.score ?? ''}>
              {formatScore(l.score)}
            </span>
            <span className="muted" data-testid="eval-ci">
              {formatCi(l.ci)}
              {!l.baseline && baseline !== null ? ` · ${formatDelta(l.score, baseline)}` : ''}
            </span>
          </div>
          <div role="cell" className="num" data-testid="eval-cost">
            {l.baseline ? '—' : formatCost(l.costPerRow)}
          </div>
          <div role="cell" className="num" data-testid="eval-latency">
            {l.baseline ? '—' : formatLatencies(l.latency)}
          </div>
          <div role="cell" className={`num${l.failures > 0 ? ' eval-error' : ''}`} data-testid="eval-failures">
            {l.baseline ? '—' : formatCount(l.failures)}
          </div>
        </div>
      ))}
    </div>
  );
}
