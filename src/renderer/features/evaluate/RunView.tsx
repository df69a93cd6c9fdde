// One run open: its header (status, live progress, the prompt it used), the comparison (or two runs side by
// side), the row filters and actions, and the per-row table with the detail pane.
// Imports: react, components, the stores and parts of this folder.
import { useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { throttle } from '../../lib/throttle.ts';
import { ACTIVE_STATUSES, useJobsStore } from '../jobs/jobs-store.ts';
import { refreshEvaluations } from './evaluate-events.ts';
import { AddToTrainingDialog } from './AddToTrainingDialog.tsx';
import { ComparisonChart } from './ComparisonChart.tsx';
import { versionName } from './eval-format.ts';
import { scoreLines } from './eval-lines.ts';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { EvalRowDetailPane } from './EvalRowDetailPane.tsx';
import { EvalRowTable } from './EvalRowTable.tsx';
import { useEvaluateStore } from './evaluate-store.ts';
import { ExportPredictionsDialog } from './ExportPredictionsDialog.tsx';
import { RunStatus } from './RunsTable.tsx';
import type { EvalRowFilter, EvalRunDetail } from '../../../shared/contract/index.ts';

const FILTERS: readonly { value: EvalRowFilter; label: string; help: string }[] = [
  { value: 'all', label: 'All', help: 'Every row' },
  { value: 'disagreements', label: 'Disagreements', help: 'The models (or the model and the baseline) differ on pass' },
  { value: 'regressions', label: 'Regressions', help: 'A model fails where the baseline passed' },
  { value: 'failures', label: 'Failures', help: 'A model did not pass' },
  { value: 'errors', label: 'Errors', help: 'A call failed' },
];

export function RunView({ newButton }: { newButton: ReactNode }): ReactElement {
  const detail = useEvaluateStore((s) => s.detail);
  const other = useEvaluateStore((s) => s.other);
  const error = useEvaluateStore((s) => s.error);
  const open = useEvaluateStore((s) => s.open);
  const [tool, setTool] = useState<'export' | 'training' | null>(null);
  const job = useJobsStore((s) => (detail?.run.jobId == null ? undefined : s.byId[detail.run.jobId]));
  const shownActive = detail ? ACTIVE_STATUSES.has(detail.run.status) : false;
  // While the run goes, its job's progress events bring the scores along, at most once a second.
  const follow = useMemo(() => throttle(refreshEvaluations, 1000), []);
  useEffect(() => () => follow.cancel(), [follow]);
  const jobDone = job?.done ?? 0;
  const jobStatus = job?.status;
  useEffect(() => {
    if (!shownActive || jobStatus === undefined) return;
    // Settled while the shown results are a running run's: load the final ones now.
    if (!ACTIVE_STATUSES.has(jobStatus)) {
      follow.cancel();
      refreshEvaluations();
    } else if (jobDone > 0) follow();
  }, [shownActive, jobStatus, jobDone, follow]);

  return (
    <div className="eval-run" data-testid="eval-run-view" data-run-id={detail?.run.id ?? ''} data-status={detail?.run.status ?? ''}>
      <div className="eval-toolbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void open(null)} data-testid="eval-back">
          ← Runs
        </button>
        {detail ? (
          <>
            <h2>
              #{detail.run.id} {versionName(detail.run.dataset, detail.run.versionNumber)}
            </h2>
            <span className="muted small">metric {detail.run.metric}</span>
            <RunStatus run={detail.run} />
          </>
        ) : null}
        <div className="eval-toolbar-actions">
          <button type="button" className="btn btn-sm" disabled={!detail} onClick={() => setTool('export')} data-testid="export-predictions">
            <Icon name="upload" /> Export predictions
          </button>
          {newButton}
        </div>
      </div>
      {error ? <ErrorNote message={error} /> : null}
      {detail ? (
        <>
          <section className="eval-compare" aria-label="Comparison">
            <div className="eval-compare-runs">
              <RunComparison detail={detail} showTitle={other !== null} />
              {other ? <RunComparison detail={other} showTitle /> : null}
            </div>
          </section>
          <RowsBar onTraining={() => setTool('training')} />
          <div className="eval-rows-split">
            <EvalRowTable models={detail.run.models.map((m) => m.label)} hasBaseline={detail.baseline !== null} />
            <EvalRowDetailPane />
          </div>
          {tool === 'export' ? <ExportPredictionsDialog run={detail.run} onClose={() => setTool(null)} /> : null}
          {tool === 'training' ? <AddToTrainingDialog onClose={() => setTool(null)} /> : null}
        </>
      ) : !error ? (
        <div className="eval-runs muted">Loading the run…</div>
      ) : null}
    </div>
  );
}

function RunComparison({ detail, showTitle }: { detail: EvalRunDetail; showTitle: boolean }): ReactElement {
  const prompt = detail.run.systemPrompt;
  return (
    <div data-testid="eval-comparison" data-run-id={detail.run.id}>
      {showTitle || prompt.overridden ? (
        <div className="eval-compare-title small">
          {showTitle ? (
            <strong>
              #{detail.run.id} {versionName(detail.run.dataset, detail.run.versionNumber)}
            </strong>
          ) : null}
          <span className="muted ellipsis" title={detail.systemPromptText ?? ''}>
            {prompt.overridden ? `system prompt: ${prompt.summary ?? ''}` : 'the rows’ own system prompts'}
          </span>
        </div>
      ) : null}
      <ComparisonChart lines={scoreLines(detail)} />
      {detail.evaluators.length > 0 ? (
        <p className="small muted" data-testid="eval-evaluators">
          Evaluators: {detail.evaluators.map((e) => `${e.name} ${e.passed}/${e.rows}`).join(' · ')}
        </p>
      ) : null}
      {detail.run.budgetReached ? <p className="small text-warning">The budget was reached: some rows were left unanswered.</p> : null}
    </div>
  );
}

function RowsBar({ onTraining }: { onTraining: () => void }): ReactElement {
  const filter = useEvalRowsStore((s) => s.filter);
  const setFilter = useEvalRowsStore((s) => s.setFilter);
  const total = useEvalRowsStore((s) => s.total);
  const ticked = useEvalRowsStore((s) => s.ticked.length);
  const current = useEvalRowsStore((s) => s.items[s.index]?.rowKey ?? null);
  const busy = useEvalRowsStore((s) => s.busy);
  const targets = useEvalRowsStore((s) => s.targets);
  const sendToReview = useEvalRowsStore((s) => s.sendToReview);
  const outcome = useEvalRowsStore((s) => s.outcome);
  const error = useEvalRowsStore((s) => s.error);
  const what = ticked > 0 ? `${ticked} ticked` : current !== null ? `row ${current}` : null;
  return (
    <>
      <div className="eval-rows-bar">
        <div className="segmented" role="radiogroup" aria-label="Rows to show">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" role="radio" className="segmented-item" aria-checked={filter === f.value} title={f.help} onClick={() => setFilter(f.value)} data-testid={`eval-filter-${f.value}`}>
              {f.label}
            </button>
          ))}
        </div>
        <span className="small muted" data-testid="eval-rows-total" data-total={total}>
          {total} {total === 1 ? 'row' : 'rows'}
        </span>
        <div className="eval-rows-actions">
          <button type="button" className="btn btn-sm" disabled={what === null || busy} onClick={onTraining} data-testid="add-to-training">
            Add to training draft{what ? ` (${what})` : ''}
          </button>
          <button type="button" className="btn btn-sm" disabled={what === null || busy} onClick={() => void sendToReview(targets())} data-testid="send-to-review">
            Send to review queue{what ? ` (${what})` : ''}
          </button>
        </div>
      </div>
      {outcome ? (
        <div className="eval-notice small" role="status" data-testid="eval-outcome">
          {outcome}
        </div>
      ) : null}
      {error ? <ErrorNote message={error} /> : null}
    </>
  );
}
