// The runs, newest first: dataset@version, models, metric, status with live progress from the jobs store, and
// the scores; tick two runs to compare them side by side. Imports: react, components, lib/format, the jobs
// store and this folder's stores and formatting.
import type { ReactElement } from 'react';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatRelative } from '../../lib/format.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { formatScore, versionName } from './eval-format.ts';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { MAX_COMPARED, useEvaluateStore } from './evaluate-store.ts';
import type { EvalRunSummary } from '../../../shared/contract/index.ts';

export function RunsTable(): ReactElement {
  const runs = useEvaluateStore((s) => s.runs);
  const ticked = useEvaluateStore((s) => s.ticked);
  const open = useEvaluateStore((s) => s.open);
  const loadRows = useEvalRowsStore((s) => s.load);
  const [first, second] = ticked;

  return (
    <div className="eval-runs">
      <div className="eval-rows-bar eval-runs-bar">
        <span className="small muted">
          {formatCount(runs.length)} {runs.length === 1 ? 'run' : 'runs'} · tick {MAX_COMPARED} to compare side by side
        </span>
        <div className="eval-rows-actions">
          <button
            type="button"
            className="btn btn-sm"
            disabled={first === undefined || second === undefined}
            onClick={() => {
              if (first === undefined || second === undefined) return;
              void open(first, second);
              void loadRows(first, 'all');
            }}
            data-testid="compare-runs"
          >
            Compare {ticked.length === MAX_COMPARED ? 'the 2 ticked runs' : 'runs'}
          </button>
        </div>
      </div>
      <div className="card card-flush">
        <table className="data-table" data-testid="eval-runs">
          <thead>
            <tr>
              <th aria-label="Compare" />
              <th>Run</th>
              <th>Models</th>
              <th>Metric</th>
              <th>Status</th>
              <th>Scores</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RunRow({ run }: { run: EvalRunSummary }): ReactElement {
  const ticked = useEvaluateStore((s) => s.ticked.includes(run.id));
  const tick = useEvaluateStore((s) => s.tick);
  const open = useEvaluateStore((s) => s.open);
  const loadRows = useEvalRowsStore((s) => s.load);
  return (
    <tr aria-selected={ticked} data-testid="eval-run" data-run-id={run.id} data-status={run.status}>
      <td>
        <input type="checkbox" checked={ticked} onChange={(e) => tick(run.id, e.target.checked)} aria-label={`Compare run ${run.id}`} data-testid="eval-run-tick" />
      </td>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void open(run.id);
            void loadRows(run.id, 'all');
          }}
          data-testid="eval-run-open"
        >
          #{run.id} {versionName(run.dataset, run.versionNumber)}
        </button>
        {run.systemPrompt.overridden ? (
          <div className="muted small ellipsis" title={run.systemPrompt.summary ?? ''}>
            prompt: {run.systemPrompt.summary}
          </div>
        ) : null}
      </td>
      <td>
        <div className="eval-run-models">
          {run.models.map((m) => (
            <span key={m.label} className="badge">
              {m.label}
            </span>
          ))}
        </div>
      </td>
      <td>{run.metric}</td>
      <td>
        <RunStatus run={run} />
      </td>
      <td className="small">
        {run.results.map((r) => (
          <div key={r.model}>
            {r.model} <strong>{formatScore(r.score)}</strong>
          </div>
        ))}
      </td>
      <td className="muted small">{formatRelative(run.createdAt)}</td>
    </tr>
  );
}

/** The run's status; while its job goes, the job's live progress (job.progress events keep the jobs store current). */
export function RunStatus({ run }: { run: EvalRunSummary }): ReactElement {
  const job = useJobsStore((s) => (run.jobId === null ? undefined : s.byId[run.jobId]));
  const status = job?.status ?? run.status;
  if ((status === 'running' || status === 'queued') && job) {
    return (
      <div className="eval-run-progress" data-testid="eval-run-progress">
        <ProgressBar done={job.done} total={job.total} label={`Run ${run.id} progress`} size="sm" />
        <span className="small muted">
          {formatCount(job.done)}
          {job.total ? ` / ${formatCount(job.total)}` : ''}
        </span>
      </div>
    );
  }
  return (
    <span data-testid="eval-run-status">
      <StatusBadge status={status} />
      {run.budgetReached ? <span className="badge badge-warning">budget reached</span> : null}
    </span>
  );
}
