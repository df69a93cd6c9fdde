// Columns of the cluster list (react-table v9): check box, name with colour and keywords, size, share,
// mean membership; groups carry a disclosure chevron. Imports: @tanstack/react-table, react,
// components, cluster-format, cluster-tree types, palette, the clusters store.
import { createColumnHelper, createExpandedRowModel, createSortedRowModel, rowExpandingFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { formatCount } from '../../lib/format.ts';
import { useClustersStore } from './clusters-store.ts';
import { formatScore, formatShare, keywordsBeyondName, plural } from './cluster-format.ts';
import type { ClusterNode } from './cluster-tree.ts';
import { clusterColor, type ColorScheme } from './palette.ts';

// Sorting before expansion: each group's clusters are sorted among themselves under their group.
export const clusterTableFeatures = tableFeatures({
  rowSortingFeature,
  rowExpandingFeature,
  sortedRowModel: createSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
});
const helper = createColumnHelper<typeof clusterTableFeatures, ClusterNode>();

function CheckCell({ node }: { node: ClusterNode }): ReactElement | null {
  const checked = useClustersStore((s) => s.checked.includes(node.info.id));
  const toggle = useClustersStore((s) => s.toggleChecked);
  // Merging is for fine clusters; a group is the sum of its clusters already.
  if (node.info.level !== 'cluster') return null;
  return (
    <input
      type="checkbox"
      className="cluster-check"
      checked={checked}
      onChange={() => toggle(node.info.id)}
      onClick={(e) => e.stopPropagation()}
      aria-label={`Choose ${node.info.name} for merging`}
      data-testid="cluster-check"
    />
  );
}

function NameCell({ node, scheme, depth }: { node: ClusterNode; scheme: ColorScheme; depth: number }): ReactElement {
  const collapsed = useClustersStore((s) => s.collapsed.includes(node.info.id));
  const toggle = useClustersStore((s) => s.toggleCollapsed);
  const { info } = node;
  const isGroup = info.level === 'group';
  const extra = keywordsBeyondName(info.name, info.keywords);
  return (
    <div className={`cluster-name-cell${depth > 0 ? ' nested' : ''}`}>
      {isGroup ? (
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-disclosure"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Show' : 'Hide'} the clusters of ${info.name}`}
          onClick={(e) => {
            e.stopPropagation();
            toggle(info.id);
          }}
        >
          <Icon name="chevron" size={14} />
        </button>
      ) : (
        <span className="swatch" style={{ background: clusterColor(info.id, scheme) }} aria-hidden="true" />
      )}
      <div className="cluster-name-text">
        <div className="cluster-name" data-testid="cluster-name" title={info.name}>
          {info.name}
        </div>
        <div className="cluster-keywords small muted" title={info.keywords.join(', ')}>
          {isGroup ? plural(node.children?.length ?? 0, 'cluster') : null}
          {isGroup && extra.length > 0 ? ' · ' : null}
          {extra.slice(0, 5).join(' · ')}
        </div>
      </div>
    </div>
  );
}

export function clusterColumns(scheme: ColorScheme) {
  return helper.columns([
    helper.display({ id: 'check', header: '', cell: (c) => <CheckCell node={c.row.original} /> }),
    helper.accessor((n) => n.info.name, {
      id: 'name',
      header: 'Cluster',
      sortFn: (a, b) => a.original.info.name.localeCompare(b.original.info.name),
      cell: (c) => <NameCell node={c.row.original} scheme={scheme} depth={c.row.depth} />,
    }),
    helper.accessor((n) => n.info.size, { id: 'size', header: 'Rows', sortDescFirst: true, cell: (c) => formatCount(c.getValue()) }),
    helper.accessor((n) => n.info.share, { id: 'share', header: 'Share', sortDescFirst: true, cell: (c) => formatShare(c.getValue()) }),
    helper.accessor((n) => n.info.meanScore, {
      id: 'mean',
      header: 'Fit',
      sortDescFirst: true,
      cell: (c) => <span title="Mean membership of the rows (1 = every row sits at the centre)">{formatScore(c.getValue())}</span>,
    }),
  ]);
}

export const NUMERIC_CLUSTER_COLUMNS: ReadonlySet<string> = new Set(['size', 'share', 'mean']);
