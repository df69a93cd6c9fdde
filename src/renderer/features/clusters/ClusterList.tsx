// The sortable cluster list: groups with their clusters (collapsible), the Outliers entry, and the
// merge bar for checked clusters. Imports: react, @tanstack/react-table, cluster-columns, cluster-tree,
// cluster-format, lib/format, palette, the clusters store.
import { useTable, type ExpandedState, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { formatCount } from '../../lib/format.ts';
import { useClustersStore } from './clusters-store.ts';
import { formatShare } from './cluster-format.ts';
import { NUMERIC_CLUSTER_COLUMNS, clusterColumns, clusterTableFeatures } from './cluster-columns.tsx';
import { clusterTree, type ClusterNode } from './cluster-tree.ts';
import { clusterColor, type ColorScheme } from './palette.ts';

const getSubRows = (n: ClusterNode) => n.children;

/** Rows are focusable: Enter or Space opens them, as a click does (but not from the row's own controls). */
function activateOnKey(e: KeyboardEvent<HTMLTableRowElement>, run: () => void): void {
  if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
  e.preventDefault();
  run();
}
const getRowId = (n: ClusterNode) => String(n.info.id);

export function ClusterList({ scheme }: { scheme: ColorScheme }): ReactElement {
  const clusters = useClustersStore((s) => s.clusters);
  const run = useClustersStore((s) => s.run);
  const selection = useClustersStore((s) => s.selection);
  const select = useClustersStore((s) => s.select);
  const collapsed = useClustersStore((s) => s.collapsed);

  const [sorting, setSorting] = useState<SortingState>([{ id: 'size', desc: true }]);
  const data = useMemo(() => clusterTree(clusters), [clusters]);
  const columns = useMemo(() => clusterColumns(scheme), [scheme]);
  // Groups start open; the store remembers the ones the user closed.
  const expanded = useMemo<ExpandedState>(
    () => Object.fromEntries(data.filter((n) => n.children && !collapsed.includes(n.info.id)).map((n) => [String(n.info.id), true])),
    [data, collapsed],
  );

  const table = useTable({
    features: clusterTableFeatures,
    columns,
    data,
    getRowId,
    getSubRows,
    state: { sorting, expanded },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const selectedId = selection?.kind === 'cluster' ? selection.id : null;

  return (
    <div className="cluster-list" data-testid="cluster-list">
      <MergeBar />
      <div className="cluster-list-scroll">
        <table className="cluster-table" aria-label="Clusters">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort() && header.column.id !== 'check';
                  return (
                    <th
                      key={header.id}
                      data-col={header.column.id}
                      className={NUMERIC_CLUSTER_COLUMNS.has(header.column.id) ? 'num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {canSort ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => {
              const info = row.original.info;
              return (
                <tr
                  key={row.id}
                  className={`cluster-row${info.level === 'group' ? ' cluster-row-group' : ''}`}
                  aria-selected={info.id === selectedId}
                  data-testid="cluster-row"
                  data-cluster-id={info.id}
                  data-level={info.level}
                  data-size={info.size}
                  tabIndex={0}
                  onClick={() => select(info.id === selectedId ? null : { kind: 'cluster', id: info.id })}
                  onKeyDown={(e) => activateOnKey(e, () => select(info.id === selectedId ? null : { kind: 'cluster', id: info.id }))}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} data-col={cell.column.id} className={NUMERIC_CLUSTER_COLUMNS.has(cell.column.id) ? 'num' : undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {run ? (
              <tr
                className="cluster-row cluster-row-outliers"
                aria-selected={selection?.kind === 'outliers'}
                data-testid="outliers-row"
                data-size={run.outliers}
                tabIndex={0}
                onClick={() => select(selection?.kind === 'outliers' ? null : { kind: 'outliers' })}
                onKeyDown={(e) => activateOnKey(e, () => select(selection?.kind === 'outliers' ? null : { kind: 'outliers' }))}
              >
                <td data-col="check" />
                <td data-col="name">
                  <div className="cluster-name-cell">
                    <span className="swatch" style={{ background: clusterColor(null, scheme) }} aria-hidden="true" />
                    <div className="cluster-name-text">
                      <div className="cluster-name">Outliers</div>
                      <div className="cluster-keywords small muted">fit no cluster well</div>
                    </div>
                  </div>
                </td>
                <td className="num">{formatCount(run.outliers)}</td>
                <td className="num">{formatShare(run.outlierShare)}</td>
                <td className="num muted">—</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MergeBar(): ReactElement | null {
  const checked = useClustersStore((s) => s.checked);
  const clusters = useClustersStore((s) => s.clusters);
  const merge = useClustersStore((s) => s.merge);
  const clear = useClustersStore((s) => s.clearChecked);
  const pending = useClustersStore((s) => s.pending);
  if (checked.length === 0) {
    return <div className="cluster-list-bar small muted">Tick clusters to merge them · click a row for its members</div>;
  }
  const rows = clusters.filter((c) => checked.includes(c.id)).reduce((n, c) => n + c.size, 0);
  return (
    <div className="cluster-list-bar cluster-list-bar-active" data-testid="merge-bar">
      <span>
        <span className="strong">{checked.length}</span> checked · {formatCount(rows)} rows
      </span>
      <button type="button" className="btn btn-sm btn-primary" disabled={checked.length < 2 || pending !== null} onClick={() => void merge()} data-testid="merge-button">
        {pending === 'merge' ? 'Merging…' : `Merge ${checked.length}`}
      </button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
