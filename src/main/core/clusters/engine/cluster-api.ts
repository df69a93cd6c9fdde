// The clustering engine's asynchronous API: every call runs in a worker thread, reports progress and
// stops when its AbortSignal aborts (the worker is terminated). Imports: sibling cluster modules, ../embed/worker-task.ts.

import { runWorkerTask, workerUrl } from '../../platform/workers/worker-task.ts';
import type { Assignment } from './assign.ts';
import type { ClusterWorkerRequest } from './cluster-worker.ts';
import type { SplitOptions } from './edit.ts';
import type { LayoutOptions } from './layout.ts';
import type { OfflineName, OfflineNameOptions } from './name-offline.ts';
import type { ClusterModel, ClusterOptions, Clustering, Progress } from './types.ts';

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const WORKER = workerUrl('cluster-worker', import.meta.url);

function run<R>(req: ClusterWorkerRequest, ctl: JobControl): Promise<R> {
  return runWorkerTask<R, Progress>(WORKER, req, { signal: ctl.signal, onProgress: ctl.onProgress });
}

/**
 * Clusters n L2-normalised vectors (row-major n × d) with automatic granularity: fine clusters, their
 * top-level groups, a label (-1 = outlier) and a membership score in [0, 1] for every row.
 */
export function clusterVectors(vectors: Float32Array, n: number, d: number, options: ClusterOptions & JobControl = {}): Promise<Clustering> {
  const { signal, onProgress, ...rest } = options;
  return run({ kind: 'cluster', vectors, n, d, options: rest }, { signal, onProgress });
}

/** Places new rows (same embedder) into an existing clustering without re-clustering. */
export function assignVectors(vectors: Float32Array, n: number, model: ClusterModel, ctl: JobControl = {}): Promise<Assignment> {
  const clean: ClusterModel = { dims: model.dims, outlierZ: model.outlierZ, clusters: model.clusters.map((c) => ({ id: c.id, centroid: c.centroid, calibration: c.calibration })) };
  return run({ kind: 'assign', vectors, n, model: clean }, ctl);
}

/** 2-D map coordinates (n × 2, in [-1, 1]). */
export function layout2d(vectors: Float32Array, n: number, d: number, options: Omit<LayoutOptions, 'signal' | 'onProgress'> & JobControl = {}): Promise<Float32Array> {
  const { signal, onProgress, ...rest } = options;
  return run({ kind: 'layout', vectors, n, d, options: rest }, { signal, onProgress });
}

/** Keyword names (class-based TF-IDF) and representative rows for every cluster in `labels`. */
export function nameClustersOffline(texts: readonly string[], labels: Int32Array, options: OfflineNameOptions & JobControl = {}): Promise<OfflineName[]> {
  const { signal, onProgress, ...rest } = options;
  return run({ kind: 'name', texts: texts.slice(), labels, options: rest }, { signal, onProgress });
}

export function mergeClusters(clustering: Clustering, vectors: Float32Array, ids: number[], ctl: JobControl = {}): Promise<Clustering> {
  return run({ kind: 'merge', clustering, vectors, ids }, ctl);
}

export function splitCluster(clustering: Clustering, vectors: Float32Array, id: number, options: SplitOptions & JobControl = {}): Promise<Clustering> {
  const { signal, onProgress, ...rest } = options;
  return run({ kind: 'split', clustering, vectors, id, options: rest }, { signal, onProgress });
}
