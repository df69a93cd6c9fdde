// A running clustering job: what it is doing, how far it is, and Cancel. Also used inline in the run header.
// Imports: react, components, lib/format, cluster-jobs, the jobs store, shared contract types.
import type { ReactElement } from 'react';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { jobVerb } from './cluster-jobs.ts';
import type { Job } from '../../../shared/contract/index.ts';

export function RunProgress({ job, compact = false }: { job: Job; compact?: boolean }): ReactElement {
  const cancel = useJobsStore((s) => s.cancel);
  const pending = useJobsStore((s) => s.pending[job.id] ?? false);
  return (
    <div className={`run-progress${compact ? ' run-progress-compact' : ''}`} data-testid="cluster-progress" data-job-id={job.id} data-job-kind={job.kind}>
      <div className="run-progress-text">
        <span className="strong">{jobVerb(job.kind)}</span>
        <span className="muted">
          {job.phase}
          {job.total ? ` · ${formatCount(job.done)} of ${formatCount(job.total)} · ${formatPercent(job.done, job.total)}` : job.done ? ` · ${formatCount(job.done)}` : ''}
        </span>
      </div>
      <div className="run-progress-bar">
        <ProgressBar done={job.done} total={job.total} label={`${job.title} progress`} />
      </div>
      <button type="button" className="btn btn-sm" disabled={pending} onClick={() => void cancel(job.id)}>
        Cancel
      </button>
    </div>
  );
}
