// The side panel of the selected cluster, group or the outliers: name (rename), what it is, split,
// members sorted by fit (either way) or by row, and similar rows of a member. Imports: react, components,
// cluster parts, cluster-format, lib/format, palette, the clusters and members stores.
import { useEffect, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatCount } from '../../lib/format.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { ClusterAbout } from './ClusterAbout.tsx';
import { formatShare } from './cluster-format.ts';
import { ClusterName } from './ClusterName.tsx';
import { MemberTable } from './MemberTable.tsx';
import { clusterColor, type ColorScheme } from './palette.ts';
import { SimilarRows } from './SimilarRows.tsx';
import { SplitControl } from './SplitControl.tsx';
import { PromoteToDataset } from '../datasets/PromoteToDataset.tsx';
import { MemberSort } from '../../../shared/contract/index.ts';

export function ClusterPanel({ scheme }: { scheme: ColorScheme }): ReactElement | null {
  const selection = useClustersStore((s) => s.selection);
  const run = useClustersStore((s) => s.run);
  const info = useClustersStore((s) => {
    const sel = s.selection;
    return sel?.kind === 'cluster' ? s.clusters.find((c) => c.id === sel.id) : undefined;
  });
  const select = useClustersStore((s) => s.select);
  const editError = useClustersStore((s) => s.editError);
  const clearEditError = useClustersStore((s) => s.clearEditError);
  const open = useClusterMembersStore((s) => s.open);

  const runId = run?.id ?? null;
  const clusterId = selection?.kind === 'cluster' ? selection.id : null;
  const showing = selection !== null && runId !== null;
  useEffect(() => {
    open(showing ? { runId, clusterId } : null);
  }, [open, showing, runId, clusterId]);

  if (!showing || run === null || (selection.kind === 'cluster' && !info)) return null;
  const title = info ? info.name : 'Outliers';

  return (
    <aside className="side-panel cluster-panel" aria-label={title} data-testid="cluster-panel" data-cluster-id={info?.id ?? 'outliers'}>
      <header className="side-panel-header">
        <span className="swatch swatch-lg" style={{ background: clusterColor(info?.level === 'group' ? null : (info?.id ?? null), scheme) }} aria-hidden="true" />
        {info ? <ClusterName id={info.id} name={info.name} /> : <h2 className="cluster-title">Outliers</h2>}
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => select(null)} aria-label="Close cluster (Esc)" title="Close (Esc)">
          <Icon name="close" />
        </button>
      </header>
      <div className="cluster-panel-body">
        <div className="cluster-panel-about">
          {editError ? <ErrorNote message={editError} onRetry={clearEditError} /> : null}
          {info?.level === 'cluster' ? <PromoteToDataset clusterId={info.id} clusterName={info.name} /> : null}
          {info ? (
            <ClusterAbout info={info} scheme={scheme} />
          ) : (
            <p className="muted">
              {formatCount(run.outliers)} rows ({formatShare(run.outlierShare)}) fit no cluster well enough to be counted in one. They are
              shown honestly here rather than forced into the nearest cluster; sorted by their fit to it.
            </p>
          )}
        </div>
        <MembersSection splitFor={info?.level === 'cluster' ? info : null} />
      </div>
    </aside>
  );
}

function MembersSection({ splitFor }: { splitFor: { id: number; size: number } | null }): ReactElement {
  const total = useClusterMembersStore((s) => s.total);
  const sort = useClusterMembersStore((s) => s.sort);
  const setSort = useClusterMembersStore((s) => s.setSort);
  const error = useClusterMembersStore((s) => s.error);
  const reload = useClusterMembersStore((s) => s.reload);
  return (
    <section className="cluster-members" aria-label="Members">
      <div className="cluster-members-bar">
        <h3 className="section-label">
          Members <span className="muted">· {total === null ? '…' : formatCount(total)}</span>
        </h3>
        <label className="field-inline small member-sort">
          <span className="muted">Sort</span>
          <select className="input input-sm input-select" value={sort} onChange={(e) => setSort(MemberSort.parse(e.target.value))} data-testid="member-sort" aria-label="Sort members">
            <option value="score-desc">Best fit first</option>
            <option value="score-asc">Misfits first</option>
            <option value="row">Row order</option>
          </select>
        </label>
        {splitFor ? <SplitControl id={splitFor.id} size={splitFor.size} /> : null}
      </div>
      {error ? <ErrorNote message={error} onRetry={() => void reload()} /> : null}
      <MemberTable />
      <SimilarRows />
    </section>
  );
}
