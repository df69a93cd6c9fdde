// Shapes the flat cluster list of a run for the screen: groups with their clusters, what a selection
// highlights, and totals. Imports: shared contract types and the selection type (pure, unit-tested).
import type { ClusterInfo } from '../../../shared/contract/index.ts';
import type { ClusterSelection } from './clusters-store.ts';

/** A row of the cluster list: a group with its clusters, or a cluster on its own. */
export interface ClusterNode {
  info: ClusterInfo;
  children?: ClusterNode[];
}

/**
 * Groups hold their fine clusters; a cluster whose group is missing stands at the top level. A group
 * left without clusters (all merged away) is dropped rather than shown empty, and a group of a single
 * cluster shows just that cluster: the group row would repeat the same rows and figures.
 */
export function clusterTree(clusters: readonly ClusterInfo[]): ClusterNode[] {
  const groups = new Map<number, ClusterNode>();
  for (const c of clusters) if (c.level === 'group') groups.set(c.id, { info: c, children: [] });
  const top: ClusterNode[] = [];
  for (const c of clusters) {
    if (c.level === 'group') continue;
    const parent = c.parentId === null ? undefined : groups.get(c.parentId);
    if (parent) parent.children!.push({ info: c });
    else top.push({ info: c });
  }
  const nested: ClusterNode[] = [];
  for (const g of groups.values()) {
    const children = g.children ?? [];
    if (children.length > 1) nested.push(g);
    else if (children[0]) top.push(children[0]);
  }
  return [...nested, ...top];
}

/** Fine clusters in the order the list shows them by default (largest first, within largest group first). */
export function clustersInListOrder(clusters: readonly ClusterInfo[]): ClusterInfo[] {
  const bySize = (a: ClusterNode, b: ClusterNode) => b.info.size - a.info.size;
  return clusterTree(clusters)
    .sort(bySize)
    .flatMap((node) => (node.children ? [...node.children].sort(bySize).map((c) => c.info) : [node.info]));
}

/** Fine cluster ids lit on the map for a selection: a group lights all its clusters; null = outliers. */
export function highlightedClusters(selection: ClusterSelection, clusters: readonly ClusterInfo[]): Set<number | null> {
  if (selection === null) return new Set();
  if (selection.kind === 'outliers') return new Set([null]);
  const chosen = clusters.find((c) => c.id === selection.id);
  if (!chosen) return new Set();
  if (chosen.level === 'cluster') return new Set([chosen.id]);
  return new Set(clusters.filter((c) => c.parentId === chosen.id && c.level === 'cluster').map((c) => c.id));
}

/** Fine clusters' sizes plus the outliers: every row of the run is in exactly one of them. */
export function accountedRows(clusters: readonly ClusterInfo[], outliers: number): number {
  return clusters.filter((c) => c.level === 'cluster').reduce((n, c) => n + c.size, 0) + outliers;
}

export function findCluster(clusters: readonly ClusterInfo[], id: number): ClusterInfo | undefined {
  return clusters.find((c) => c.id === id);
}

/** The cluster and group name of a map point's cluster id, for the hover tip. */
export function clusterLabel(clusters: ReadonlyMap<number, ClusterInfo>, id: number | null): string {
  if (id === null) return 'Outlier';
  const c = clusters.get(id);
  if (!c) return `Cluster #${id}`;
  const group = c.parentId === null ? undefined : clusters.get(c.parentId);
  return group && group.name !== c.name ? `${group.name} › ${c.name}` : c.name;
}
