// The top-bar jobs indicator: the running job with progress and Cancel, or an interrupted one with Resume.
// Carries data-job-state (idle | running | settled) so tests wait on it instead of sleeping.
import type { ReactElement } from 'react';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { formatCount, formatPercent } from '../lib/format.ts';
import { ACTIVE_STATUSES, sortedJobs, useJobsStore } from '../features/jobs/jobs-store.ts';
import { useUiStore } from './ui-store.ts';

export function JobsIndicator(): ReactElement {
  const byId = useJobsStore((s) => s.byId);
  const pending = useJobsStore((s) => s.pending);
  const cancel = useJobsStore((s) => s.cancel);
  const resume = useJobsStore((s) => s.resume);
  const go = useUiStore((s) => s.go);

  const jobs = sortedJobs(byId);
  const latest = jobs[0];
  const active = jobs.filter((j) => ACTIVE_STATUSES.has(j.status));
  const interrupted = jobs.find((j) => j.status === 'interrupted');
  const state = active.length > 0 ? 'running' : latest ? 'settled' : 'idle';
  const shown = active[0];

  return (
    <div
      className="jobs-indicator"
      data-testid="jobs-indicator"
      data-job-state={state}
      data-job-id={latest?.id ?? ''}
      data-job-status={latest?.status ?? ''}
      aria-live="polite"
    >
      {shown ? (
        <>
          <span className="pulse-dot" aria-hidden="true" />
          <button type="button" className="jobs-indicator-text link-button" onClick={() => go('jobs')} title="Open Jobs (g j)">
            <span className="jobs-indicator-title">{shown.title}</span>
            <span className="muted">
              {shown.phase}
              {shown.total ? ` · ${formatPercent(shown.done, shown.total)}` : shown.done ? ` · ${formatCount(shown.done)}` : ''}
            </span>
          </button>
          <div className="jobs-indicator-bar">
            <ProgressBar done={shown.done} total={shown.total} label={`${shown.title} progress`} size="sm" />
          </div>
          {active.length > 1 ? <span className="muted">+{active.length - 1}</span> : null}
          <button type="button" className="btn btn-sm" disabled={pending[shown.id]} onClick={() => void cancel(shown.id)}>
            Cancel
          </button>
        </>
      ) : interrupted ? (
        <>
          <span className="badge badge-warning">interrupted</span>
          <button type="button" className="jobs-indicator-text link-button" onClick={() => go('jobs')}>
            <span className="jobs-indicator-title">{interrupted.title}</span>
          </button>
          <button type="button" className="btn btn-sm" disabled={pending[interrupted.id]} onClick={() => void resume(interrupted.id)}>
            Resume
          </button>
        </>
      ) : latest?.status === 'failed' ? (
        <button type="button" className="link-button jobs-indicator-text" onClick={() => go('jobs')}>
          <span className="badge badge-danger">failed</span> <span className="jobs-indicator-title">{latest.title}</span>
        </button>
      ) : (
        <button type="button" className="link-button muted" onClick={() => go('jobs')}>
          No jobs running
        </button>
      )}
    </div>
  );
}
