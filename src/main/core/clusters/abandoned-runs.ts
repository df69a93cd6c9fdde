// Cleans up after clustering saves that never completed: runs left 'saving' by a job that died (a killed
// process) or failed are marked abandoned, their vector tables dropped, then they are marked discarded.
// Imports: the cluster repository, platform vectors.
import type { ClusterRepository } from './cluster-repository.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { dropRunVectors } from '../platform/vectors/row-vectors.ts';

/**
 * `jobId`: also abandon that job's own saving runs (a job starting again, or failing). Opens the vector
 * store only when something was abandoned, so a plain start-up never loads LanceDB.
 */
export async function discardAbandonedRuns(clusters: ClusterRepository, vectors: () => Promise<VectorStore>, jobId: number | null = null): Promise<number[]> {
  const abandoned = clusters.abandonSavingRuns(jobId);
  if (abandoned.length === 0) return [];
  const store = await vectors();
  for (const runId of abandoned) {
    await dropRunVectors(store, runId);
    clusters.markDiscarded(runId);
  }
  return abandoned;
}
