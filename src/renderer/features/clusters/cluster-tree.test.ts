// Cluster list shaping: groups hold their clusters, selections light the right map points, totals add up.
import { describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../../shared/contract/index.ts';
import { accountedRows, clusterLabel, clustersInListOrder, clusterTree, highlightedClusters } from './cluster-tree.ts';

function info(id: number, level: 'group' | 'cluster', parentId: number | null, size: number, name = `c${id}`): ClusterInfo {
  return {
    id, runId: 1, parentId, level, name, keywordName: name, description: null, includeRule: null, excludeRule: null,
    namedBy: 'keywords', keywords: [], size, share: size / 100, meanScore: 0.8, borderline: 0, representatives: [],
  };
}

const clusters = [
  info(1, 'group', null, 60, 'Billing'),
  info(2, 'cluster', 1, 40, 'Refunds'),
  info(3, 'cluster', 1, 20, 'Invoices'),
  info(4, 'group', null, 0),
  info(5, 'cluster', null, 30, 'Weather'),
  info(6, 'cluster', 99, 4),
  info(7, 'group', null, 9, 'SQL'),
  info(8, 'cluster', 7, 9, 'SQL joins'),
];

describe('cluster tree', () => {
  it('nests clusters under their group, keeps orphans at the top level, drops empty groups and unwraps single-cluster groups', () => {
    const tree = clusterTree(clusters);
    expect(tree.map((n) => n.info.id)).toEqual([1, 5, 6, 8]);
    expect(tree[0]!.children!.map((n) => n.info.id)).toEqual([2, 3]);
    expect(tree[1]!.children).toBeUndefined();
  });

  it('walks fine clusters in the list order: bigger rows first, a group\'s clusters by size within it', () => {
    // Billing (60: Refunds 40, Invoices 20), Weather 30, SQL joins 9 (a single-cluster group, unwrapped), orphan 4.
    expect(clustersInListOrder(clusters).map((c) => c.id)).toEqual([2, 3, 5, 8, 6]);
  });

  it('lights a cluster, all clusters of a group, or the outliers', () => {
    expect(highlightedClusters({ kind: 'cluster', id: 2 }, clusters)).toEqual(new Set([2]));
    expect(highlightedClusters({ kind: 'cluster', id: 1 }, clusters)).toEqual(new Set([2, 3]));
    expect(highlightedClusters({ kind: 'outliers' }, clusters)).toEqual(new Set([null]));
    expect(highlightedClusters({ kind: 'cluster', id: 404 }, clusters)).toEqual(new Set());
    expect(highlightedClusters(null, clusters)).toEqual(new Set());
  });

  it('counts fine clusters and outliers, not groups twice', () => {
    expect(accountedRows(clusters, 6)).toBe(40 + 20 + 30 + 4 + 9 + 6);
  });

  it('labels a point with its group and cluster', () => {
    const byId = new Map(clusters.map((c) => [c.id, c]));
    expect(clusterLabel(byId, 2)).toBe('Billing › Refunds');
    expect(clusterLabel(byId, 5)).toBe('Weather');
    expect(clusterLabel(byId, null)).toBe('Outlier');
    expect(clusterLabel(byId, 77)).toBe('Cluster #77');
  });
});
