// Opens a cluster (or a run's outliers) on the Clusters screen from anywhere: a trace's row, or "Back to
// cluster". Imports: the clusters, members and ui stores.
import { useUiStore } from '../../shell/ui-store.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';

/** Shows run `runId` with `clusterId` (null: the outliers) open; `rowId`, when given, is the member to bring back into view. */
export function openCluster(runId: number, clusterId: number | null, rowId?: number): void {
  const clusters = useClustersStore.getState();
  if (clusters.run?.id !== runId) clusters.pickRun(runId);
  clusters.select(clusterId === null ? { kind: 'outliers' } : { kind: 'cluster', id: clusterId });
  useClusterMembersStore.getState().setReturnTo(rowId ?? null);
  useUiStore.getState().go('clusters');
}
