// Jobs screen: every job with status, phase and progress, and Cancel / Resume where they apply.
// Imports: react, components, lib/format, the jobs and ui stores.
import { useEffect, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { JobRow } from './JobRow.tsx';
import { sortedJobs, useJobsStore } from './jobs-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';

export function JobsScreen(): ReactElement {
  const byId = useJobsStore((s) => s.byId);
  const error = useJobsStore((s) => s.error);
  const load = useJobsStore((s) => s.load);
  const go = useUiStore((s) => s.go);

  // Events keep running jobs current; a fresh list on entry also catches jobs settled while away.
  useEffect(() => void load(), [load]);

  const jobs = sortedJobs(byId);
  return (
    <div className="page page-wide">
      {error ? <ErrorNote message={error} onRetry={() => void load()} /> : null}
      {jobs.length === 0 ? (
        <EmptyState
          icon="jobs"
          title="No jobs yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => go('traces')}>
              Import traces
            </button>
          }
        >
          <p>Long work (imports, clustering, naming with an LLM) runs as a job you can follow, cancel and resume here, even after a restart.</p>
        </EmptyState>
      ) : (
        <div className="card card-flush">
          <table className="data-table" data-testid="jobs-table">
            <thead>
              <tr>
                <th>Job</th>
                <th>Status</th>
                <th>Phase</th>
                <th className="col-progress">Progress</th>
                <th>Started</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow key={job.id} job={job} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
