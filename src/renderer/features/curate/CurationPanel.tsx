// The curation panel of a dataset's draft: the pipeline filters -> judge -> review with counts at each stage,
// filter switches and "Run filters", the judge's model, budget, estimate and run with cost so far, the score
// histogram with its draggable threshold, the review queue's membership cut, and the way into the queue. Imports: react, components,
// lib/format, jobs/ui/review stores, this folder's store, parts and helpers.
import { useEffect, useRef, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatCount, formatRelative } from '../../lib/format.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { ACTIVE_STATUSES, useJobsStore } from '../jobs/jobs-store.ts';
import { filterName } from '../review/review-format.ts';
import { useReviewStore } from '../review/review-store.ts';
import { CurateFilterName, type CurateStage, type CurateSummary } from '../../../shared/contract/index.ts';
import { useCurateStore } from './curate-store.ts';
import { FILTER_HELP } from './filter-switches.ts';
import { JudgeStage } from './JudgeStage.tsx';

export function CurationPanel({ dataset }: { dataset: string }): ReactElement {
  const load = useCurateStore((s) => s.load);
  const refresh = useCurateStore((s) => s.refresh);
  const summary = useCurateStore((s) => s.summary);
  const error = useCurateStore((s) => s.error);
  const unavailable = useCurateStore((s) => s.unavailable);
  const jobId = useCurateStore((s) => s.jobId);
  const job = useJobsStore((s) => (jobId !== null ? s.byId[jobId] : undefined));
  const running = job !== undefined && ACTIVE_STATUSES.has(job.status);
  const settledAt = useRef<number | null>(null);

  useEffect(() => {
    void load(dataset);
  }, [dataset, load]);

  // The job's settlement is when its counts are final: reload them once per settlement.
  useEffect(() => {
    if (!job || running || settledAt.current === job.updatedAt) return;
    settledAt.current = job.updatedAt;
    void refresh();
  }, [job, running, refresh]);

  if (unavailable) {
    return (
      <section className="curation-panel is-unavailable" data-testid="curation-panel">
        <p className="small muted">Curation is not available in this build ({unavailable}).</p>
      </section>
    );
  }
  return (
    <section className="curation-panel" data-testid="curation-panel" data-curated={summary?.runAt ? 'true' : 'false'} aria-label="Curation">
      {error ? <ErrorNote message={error} /> : null}
      {running && job ? (
        <div className="curation-job" data-testid="curation-job">
          <span className="small">
            {job.title}: {job.phase || 'starting'}
            {job.total ? ` · ${formatCount(job.done)} / ${formatCount(job.total)}` : ''}
          </span>
          <ProgressBar done={job.done} total={job.total} label={job.title} size="sm" />
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => void useJobsStore.getState().cancel(job.id)}>
            Cancel
          </button>
        </div>
      ) : job && job.status === 'failed' ? (
        <ErrorNote message={`${job.title} failed: ${job.error ?? 'unknown error'}`} />
      ) : null}
      <div className="pipeline">
        <FiltersStage summary={summary} busy={running} />
        <StageArrow />
        <JudgeStage busy={running} />
        <StageArrow />
        <ReviewStage dataset={dataset} summary={summary} />
      </div>
    </section>
  );
}

function StageArrow(): ReactElement {
  return (
    <div className="pipeline-arrow" aria-hidden="true">
      →
    </div>
  );
}

function FiltersStage({ summary, busy }: { summary: CurateSummary | null; busy: boolean }): ReactElement {
  const switches = useCurateStore((s) => s.switches);
  const limits = useCurateStore((s) => s.limits);
  const setSwitch = useCurateStore((s) => s.setSwitch);
  const setLimits = useCurateStore((s) => s.setLimits);
  const runFilters = useCurateStore((s) => s.runFilters);
  const starting = useCurateStore((s) => s.starting);
  // The filters' own drops; the draft's final kept count also reflects the judge, overrides and reviews.
  const totalDropped = summary ? Object.values(summary.dropped).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="pipeline-stage stage-filters" data-testid="stage-filters">
      <div className="stage-head">
        <h3 className="stage-title">1 · Filters</h3>
        {summary?.runAt ? (
          <span className="stage-count" data-testid="kept-count">
            {formatCount(summary.rows - totalDropped)} of {formatCount(summary.rows)} pass
          </span>
        ) : (
          <span className="small muted">not run</span>
        )}
      </div>
      <ul className="filter-list">
        {CurateFilterName.options.map((f) => {
          const dropped = summary?.dropped[f] ?? 0;
          const fired = summary?.fired[f] ?? 0;
          return (
            <li key={f} className="filter-item">
              <label title={FILTER_HELP[f]}>
                <input type="checkbox" checked={switches[f]} onChange={(e) => setSwitch(f, e.target.checked)} data-testid={`filter-${f}`} />
                <span>{filterName(f)}</span>
              </label>
              {f === 'too_long' && switches.too_long ? (
                <input className="input input-xs" type="number" min={1} value={limits.maxTokens} onChange={(e) => setLimits({ maxTokens: Math.max(1, Number(e.target.value) || 1) })} aria-label="Token limit" title="Token limit" />
              ) : null}
              {f === 'cluster' && switches.cluster ? (
                <ScoreInput value={limits.minMembership} onChange={(v) => setLimits({ minMembership: v })} label="Minimum membership score" title="Rows below this cluster membership score drop" placeholder="min score" />
              ) : null}
              {summary?.runAt ? (
                <span className={`filter-count${dropped > 0 ? ' has-drops' : ''}`} title={fired > dropped ? `${fired} rows fire this filter; ${dropped} dropped by it first` : undefined} data-testid={`dropped-${f}`}>
                  {dropped > 0 ? `−${formatCount(dropped)}` : '0'}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="stage-foot">
        <button type="button" className="btn btn-sm btn-primary" disabled={busy || starting} onClick={() => void runFilters()} data-testid="run-filters">
          Run filters
        </button>
        {summary?.runAt ? (
          <span className="small muted">
            {formatCount(totalDropped)} dropped · {formatRelative(summary.runAt)}
            {summary.stale ? <span className="text-warning"> · draft changed since</span> : null}
          </span>
        ) : (
          <span className="small muted">offline, no cost</span>
        )}
      </div>
    </div>
  );
}

function ReviewStage({ dataset, summary }: { dataset: string; summary: CurateSummary | null }): ReactElement {
  const go = useUiStore((s) => s.go);
  const openQueue = useReviewStore((s) => s.open);
  const open = (stage: CurateStage) => {
    go('review');
    void openQueue(dataset, stage);
  };
  const drops = summary ? summary.rows - summary.kept : 0;
  return (
    <div className="pipeline-stage stage-review" data-testid="stage-review">
      <div className="stage-head">
        <h3 className="stage-title">3 · Review</h3>
      </div>
      {summary?.runAt ? (
        <>
          <dl className="stage-figures">
            <div>
              <dt>Borderline</dt>
              <dd data-testid="review-borderline">{formatCount(summary.borderline)}</dd>
            </div>
            <div>
              <dt>Pending</dt>
              <dd data-testid="review-pending">{formatCount(summary.pending)}</dd>
            </div>
            <div>
              <dt>Accepted</dt>
              <dd>{formatCount(summary.reviewed.accepted)}</dd>
            </div>
            <div>
              <dt>Rejected</dt>
              <dd>{formatCount(summary.reviewed.rejected)}</dd>
            </div>
          </dl>
          <ReviewCut summary={summary} />
          <div className="stage-foot stage-foot-column">
            <button type="button" className="btn btn-sm btn-primary" onClick={() => open('borderline')} disabled={summary.borderline === 0} data-testid="open-review">
              Review {summary.pending > 0 ? `${formatCount(summary.pending)} pending` : 'borderline'}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => open('dropped')} disabled={drops === 0} data-testid="open-drops">
              Review {formatCount(drops)} left out
            </button>
            <span className="small" data-testid="draft-kept">
              The draft keeps <strong>{formatCount(summary.kept)}</strong> of {formatCount(summary.rows)} rows
            </span>
            {summary.withPii > 0 ? <span className="small muted">{summary.withPii === 1 ? '1 row holds PII' : `${formatCount(summary.withPii)} rows hold PII`}</span> : null}
          </div>
        </>
      ) : (
        <p className="small muted">Run the filters, then the judge: rows near the threshold land here for you.</p>
      )}
    </div>
  );
}


/** The membership cut of the review queue: the user's setting, shown with the value the last run used. */
function ReviewCut({ summary }: { summary: CurateSummary }): ReactElement {
  const review = useCurateStore((s) => s.review);
  const setReview = useCurateStore((s) => s.setReview);
  const on = review.membershipBelow !== null;
  const changed = review.membershipBelow !== summary.review.membershipBelow;
  return (
    <div className="review-cut small" data-testid="review-cut">
      <label className="field-inline" title="Rows that fit their cluster only loosely are worth a look; the cluster view marks rows under 0.5 the same way">
        <input type="checkbox" checked={on} onChange={(e) => setReview({ membershipBelow: e.target.checked ? (summary.review.membershipBelow ?? 0.5) : null })} data-testid="review-cut-on" />
        Also review rows with cluster fit below
      </label>
      <ScoreInput value={review.membershipBelow} onChange={(v) => setReview({ membershipBelow: v })} disabled={!on} label="Review rows with cluster fit below" testId="review-cut-value" />
      {changed ? <span className="text-warning"> · applies at the next run</span> : null}
    </div>
  );
}

/** A 0–1 score field; empty means no value (null). */
function ScoreInput(props: { value: number | null; onChange: (value: number | null) => void; label: string; title?: string; placeholder?: string; disabled?: boolean; testId?: string }): ReactElement {
  return (
    <input
      className="input input-xs"
      type="number"
      min={0}
      max={1}
      step={0.05}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value === '' ? null : Math.min(1, Math.max(0, Number(e.target.value))))}
      aria-label={props.label}
      title={props.title}
      data-testid={props.testId}
    />
  );
}
