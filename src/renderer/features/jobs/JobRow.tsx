// One job in the Jobs table: title and kind, status, phase, progress, start time, error, actions.
// Imports: react, components, lib/format, the jobs store.
import type { ReactElement } from 'react';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatPercent, formatRelative, formatTime } from '../../lib/format.ts';
import { ACTIVE_STATUSES, useJobsStore } from './jobs-store.ts';
import type { Job } from '../../../shared/contract/index.ts';

export function JobRow({ job }: { job: Job }): ReactElement {
  const pending = useJobsStore((s) => s.pending[job.id] ?? false);
  const cancel = useJobsStore((s) => s.cancel);
  const resume = useJobsStore((s) => s.resume);
  const active = ACTIVE_STATUSES.has(job.status);
  // An unknown total sweeps only while the job runs; a settled job shows a still bar.
  const barTotal = job.total ?? (active ? null : Math.max(job.done, 1));

  return (
    <tr data-job-id={job.id} data-status={job.status}>
      <td>
        <div className="cell-title">{job.title}</div>
        <div className="muted small">
          {job.kind} · #{job.id}
        </div>
        {job.error ? <div className="text-danger small">{job.error}</div> : null}
      </td>
      <td>
        <StatusBadge status={job.status} />
      </td>
      <td>{job.phase}</td>
      <td className="col-progress">
        <ProgressBar done={job.done} total={barTotal} label={`${job.title} progress`} size="sm" />
        <div className="muted small">
          {formatCount(job.done)}
          {job.total !== null ? ` of ${formatCount(job.total)} · ${formatPercent(job.done, job.total)}` : ''}
        </div>
      </td>
      <td title={formatTime(job.createdAt)}>{formatRelative(job.createdAt)}</td>
      <td className="cell-actions">
        {active ? (
          <button type="button" className="btn btn-sm" disabled={pending} onClick={() => void cancel(job.id)}>
            Cancel
          </button>
        ) : job.status === 'interrupted' ? (
          <button type="button" className="btn btn-sm btn-primary" disabled={pending} onClick={() => void resume(job.id)}>
            Resume
          </button>
        ) : null}
      </td>
    </tr>
  );
}
