// The Clusters screen: import-first and first-run empty states (with the run options), progress of a
// running job, and for a run its summary, the cluster list, the map and the selected cluster's panel.
// Imports: react, components, the clusters feature parts, the app, clusters, jobs, members and ui stores.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { formatCount } from '../../lib/format.ts';
import { useAppStore } from '../../shell/app-store.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { ClusterList } from './ClusterList.tsx';
import { ClusterMap } from './ClusterMap.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { failedSinceRun, isActive, latestClusterJob } from './cluster-jobs.ts';
import { RunDialog } from './RunDialog.tsx';
import { RunForm } from './RunForm.tsx';
import { RunHeader } from './RunHeader.tsx';
import { RunProgress } from './RunProgress.tsx';
import { useColorScheme } from './use-color-scheme.ts';
import { useClusterLayoutStore } from './cluster-layout-store.ts';
import { HANDLE, fitPanes } from './pane-sizes.ts';
import { PaneHandle } from './PaneHandle.tsx';
import type { ColorScheme } from './palette.ts';

type ScreenState = 'loading' | 'no-traces' | 'no-run' | 'running' | 'ready' | 'error';

export function ClustersScreen(): ReactElement {
  const info = useAppStore((s) => s.info);
  const status = useClustersStore((s) => s.status);
  const error = useClustersStore((s) => s.error);
  const run = useClustersStore((s) => s.run);
  const clusters = useClustersStore((s) => s.clusters);
  const load = useClustersStore((s) => s.load);
  const panelOpen = useClustersStore((s) => s.selection !== null);
  const job = useJobsStore((s) => latestClusterJob(s.byId));
  const rememberPrompts = useClusterMembersStore((s) => s.rememberPrompts);
  const go = useUiStore((s) => s.go);
  const scheme = useColorScheme();

  // Entering the screen always asks again: runs may have finished while it was closed.
  useEffect(() => void load(), [load]);
  // Representatives are prompts we already have: the map's hover tip can show them.
  useEffect(() => rememberPrompts(clusters.flatMap((c) => c.representatives)), [clusters, rememberPrompts]);

  const rows = info?.rows ?? 0;
  const state: ScreenState =
    status === 'idle' || (status === 'loading' && !run) || !info
      ? 'loading'
      : status === 'error' && !run
        ? 'error'
        : run
          ? 'ready'
          : isActive(job)
            ? 'running'
            : info.traces === 0
              ? 'no-traces'
              : 'no-run';

  return (
    <div className={`clusters-screen${panelOpen && run ? ' with-panel' : ''}`} data-testid="clusters-screen" data-clusters-state={state} data-run-id={run?.id ?? ''}>
      {state === 'loading' ? <div className="clusters-loading muted">Loading clusters…</div> : null}
      {state === 'error' ? (
        <div className="clusters-center">
          <ErrorNote message={error ?? 'Clusters could not be loaded.'} onRetry={() => void load()} />
        </div>
      ) : null}
      {state === 'no-traces' ? (
        <EmptyState
          icon="clusters"
          title="Import traces first"
          action={
            <button type="button" className="btn btn-primary" onClick={() => go('traces')}>
              Go to Traces <Kbd keys="g t" />
            </button>
          }
        >
          <p>Clusters group similar requests so you can see what your users ask for, and promote a whole cluster into a dataset.</p>
          <p className="muted">There is nothing to cluster yet. Import a JSONL, JSON, CSV or Parquet export on the Traces screen.</p>
        </EmptyState>
      ) : null}
      {state === 'no-run' ? <FirstRun rows={rows} /> : null}
      {state === 'running' && job ? (
        <div className="clusters-center">
          <EmptyState icon="clusters" title={`Clustering ${formatCount(rows)} rows…`}>
            <p className="muted">Embedding, grouping and naming run in the background; you can keep browsing traces meanwhile.</p>
          </EmptyState>
          <RunProgress job={job} />
        </div>
      ) : null}
      {state === 'ready' && run ? (
        <>
          <RunHeader run={run} />
          {error ? <ErrorNote message={error} onRetry={() => void load()} /> : null}
          <ClustersBody scheme={scheme} panelOpen={panelOpen} />
          <RunDialog rows={rows} />
        </>
      ) : null}
    </div>
  );
}

/** List | map | panel, with drag handles between; widths are the user's, fitted to the window. */
function ClustersBody({ scheme, panelOpen }: { scheme: ColorScheme; panelOpen: boolean }): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const list = useClusterLayoutStore((s) => s.list);
  const panel = useClusterLayoutStore((s) => s.panel);
  const expanded = useClusterLayoutStore((s) => s.mapExpanded);
  useEffect(() => {
    const body = ref.current;
    if (!body) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(body);
    return () => observer.disconnect();
  }, []);
  const fit = fitPanes(width || window.innerWidth, { list, panel }, { list: !expanded, panel: panelOpen });
  const columns = [expanded ? null : `${fit.list}px ${HANDLE}px`, 'minmax(0, 1fr)', panelOpen ? `${HANDLE}px ${fit.panel}px` : null].filter((c) => c !== null).join(' ');
  return (
    <div className="clusters-body" ref={ref} style={{ gridTemplateColumns: columns }} data-map-expanded={expanded} data-testid="clusters-body">
      {expanded ? null : (
        <>
          <ClusterList scheme={scheme} />
          <PaneHandle pane="list" width={fit.list} label="Cluster list width" />
        </>
      )}
      <ClusterMap />
      {panelOpen ? <PaneHandle pane="panel" width={fit.panel} label="Cluster panel width" /> : null}
      <ClusterPanel scheme={scheme} />
    </div>
  );
}

function FirstRun({ rows }: { rows: number }): ReactElement {
  const job = useJobsStore((s) => latestClusterJob(s.byId));
  const failed = failedSinceRun(job, null);
  return (
    <div className="clusters-first-run">
      <div className="clusters-first-run-intro">
        <h2 className="empty-state-title">Cluster {formatCount(rows)} rows</h2>
        <p>
          Similar requests are grouped and named from their keywords, so you can see what your users ask for and what is rare. The
          built-in embedder works offline; nothing leaves this machine unless you choose an endpoint.
        </p>
      </div>
      {failed ? <ErrorNote message={`${failed.title} ${failed.status === 'failed' ? `failed: ${failed.error ?? 'no reason given'}` : 'was interrupted; resume it from the top bar.'}`} /> : null}
      <div className="card">
        <RunForm rows={rows} submitLabel={`Cluster ${formatCount(rows)} rows`} />
      </div>
    </div>
  );
}
