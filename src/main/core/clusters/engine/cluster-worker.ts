// Worker entry for the clustering engine: one request (cluster, layout, name, assign, merge, split) per worker.
// Imports: sibling cluster modules and ../embed/worker-task.ts.

import { serveWorkerTask } from '../../platform/workers/worker-task.ts';
import { assignVectorsSync, type Assignment } from './assign.ts';
import { clusterVectorsSync } from './cluster-core.ts';
import { mergeClustersSync, splitClusterSync, type SplitOptions } from './edit.ts';
import { layout2dSync, type LayoutOptions } from './layout.ts';
import { nameClustersOfflineSync, type OfflineName, type OfflineNameOptions } from './name-offline.ts';
import type { ClusterModel, ClusterOptions, Clustering, Progress } from './types.ts';

export type ClusterWorkerRequest =
  | { kind: 'cluster'; vectors: Float32Array; n: number; d: number; options: ClusterOptions }
  | { kind: 'layout'; vectors: Float32Array; n: number; d: number; options: Omit<LayoutOptions, 'signal' | 'onProgress'> }
  | { kind: 'name'; texts: string[]; labels: Int32Array; options: OfflineNameOptions }
  | { kind: 'assign'; vectors: Float32Array; n: number; model: ClusterModel }
  | { kind: 'merge'; clustering: Clustering; vectors: Float32Array; ids: number[] }
  | { kind: 'split'; clustering: Clustering; vectors: Float32Array; id: number; options: SplitOptions };

export type ClusterWorkerResult = Clustering | Float32Array | OfflineName[] | Assignment;

/** Buffers of a clustering that can move to the caller without copying. */
export function clusteringBuffers(c: Clustering): ArrayBuffer[] {
  return [c.labels.buffer, c.nearest.buffer, c.scores.buffer, ...c.clusters.map((x) => x.centroid.buffer)] as ArrayBuffer[];
}

serveWorkerTask<ClusterWorkerRequest, ClusterWorkerResult, Progress>((req, progress) => {
  switch (req.kind) {
    case 'cluster': {
      const c = clusterVectorsSync(req.vectors, req.n, req.d, req.options, { onProgress: progress });
      return { value: c, transfer: clusteringBuffers(c) };
    }
    case 'layout': {
      const xy = layout2dSync(req.vectors, req.n, req.d, { ...req.options, onProgress: (done, total) => progress({ phase: 'layout', done, total }) });
      return { value: xy, transfer: [xy.buffer as ArrayBuffer] };
    }
    case 'name':
      return { value: nameClustersOfflineSync(req.texts, req.labels, req.options) };
    case 'assign': {
      const a = assignVectorsSync(req.vectors, req.n, req.model);
      return { value: a, transfer: [a.labels.buffer, a.nearest.buffer, a.scores.buffer] as ArrayBuffer[] };
    }
    case 'merge': {
      const c = mergeClustersSync(req.clustering, req.vectors, req.ids);
      return { value: c };
    }
    case 'split': {
      const c = splitClusterSync(req.clustering, req.vectors, req.id, req.options);
      return { value: c };
    }
  }
});
