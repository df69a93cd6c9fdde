// The summary of the shown run (rows, clusters, groups, outliers, embedder, text, when), the run picker,
// "Assign new rows", "New run…", and a running or failed clustering job. Imports: react, components,
// cluster-format, cluster-jobs, lib/format, RunProgress, the app, clusters, cluster-run and jobs stores.
import type { ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount, formatRelative, formatTime } from '../../lib/format.ts';
import { useAppStore } from '../../shell/app-store.ts';
import { useClusterRunStore } from './cluster-run-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { TextMode, type ClusterRun } from '../../../shared/contract/index.ts';
import { TEXT_MODE_LABELS, embedderLabel, formatShare, plural, runOptionLabel } from './cluster-format.ts';
import { failedSinceRun, isActive, latestClusterJob } from './cluster-jobs.ts';
import { RunProgress } from './RunProgress.tsx';

function textModeOf(run: ClusterRun): string | null {
  const parsed = TextMode.safeParse(run.params['textMode']);
  return parsed.success ? TEXT_MODE_LABELS[parsed.data] : null;
}

export function RunHeader({ run }: { run: ClusterRun }): ReactElement {
  const runs = useClustersStore((s) => s.runs);
  const pickRun = useClustersStore((s) => s.pickRun);
  const groups = useClustersStore((s) => s.clusters.filter((c) => c.level === 'group').length);
  const totalRows = useAppStore((s) => s.info?.rows ?? 0);
  const job = useJobsStore((s) => latestClusterJob(s.byId));
  const assign = useClusterRunStore((s) => s.assign);
  const starting = useClusterRunStore((s) => s.starting);
  const runError = useClusterRunStore((s) => s.error);
  const dialogOpen = useClusterRunStore((s) => s.dialogOpen);
  const openDialog = useClusterRunStore((s) => s.setDialogOpen);

  const newest = runs[0]?.id === run.id;
  const fresh = newest ? Math.max(0, totalRows - run.rows) : 0;
  const failed = failedSinceRun(job, run);
  const textMode = textModeOf(run);

  return (
    <div className="run-header" data-testid="run-summary" data-run-id={run.id} data-rows={run.rows} data-outliers={run.outliers}>
      <div className="run-header-main">
        <div className="run-facts">
          <span className="strong">Run #{run.id}</span>
          <span>
            <span data-testid="run-rows">{formatCount(run.rows)}</span> rows
          </span>
          <span>
            {plural(run.clusters, 'cluster')}
            {groups > 0 ? ` in ${plural(groups, 'group')}` : ''}
          </span>
          <span className={run.outlierShare > 0.2 ? 'text-warning' : undefined} title={`${formatCount(run.outliers)} rows fit no cluster`} data-testid="run-outliers">
            {formatShare(run.outlierShare)} outliers
          </span>
          <span className="muted" title={run.embedder}>
            {embedderLabel(run.embedder)}
          </span>
          {textMode ? <span className="muted">{textMode}</span> : null}
          {run.namedBy ? <span className="muted">named by {run.namedBy}</span> : null}
          <span className="muted" title={formatTime(run.createdAt)}>
            {formatRelative(run.createdAt)}
          </span>
        </div>
        <div className="run-actions">
          {runs.length > 1 ? (
            <label className="field-inline small">
              <span className="muted">Run</span>
              <select
                className="input input-sm input-select"
                value={run.id}
                onChange={(e) => pickRun(Number(e.target.value) === runs[0]?.id ? null : Number(e.target.value))}
                aria-label="Clustering run"
                data-testid="run-picker"
              >
                {runs.map((r, i) => (
                  <option key={r.id} value={r.id}>
                    {runOptionLabel(r, formatTime(r.createdAt).slice(5, 16))}
                    {i === 0 ? ' (newest)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {fresh > 0 && !isActive(job) ? (
            <button type="button" className="btn btn-sm" disabled={starting} onClick={() => void assign(run.id)} title="Place rows imported after this run into its clusters, without re-clustering" data-testid="assign-button">
              Assign {formatCount(fresh)} new rows
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" disabled={isActive(job)} onClick={() => openDialog(true)} aria-expanded={dialogOpen}>
            New run…
          </button>
        </div>
      </div>
      {isActive(job) ? <RunProgress job={job} compact /> : null}
      {failed ? <ErrorNote message={`${failed.title} ${failed.status === 'failed' ? `failed: ${failed.error ?? 'no reason given'}` : 'was interrupted; resume it from the top bar.'}`} /> : null}
      {runError && !dialogOpen ? <ErrorNote message={runError} /> : null}
    </div>
  );
}
