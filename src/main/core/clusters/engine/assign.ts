// Places rows into an existing clustering without re-clustering: nearest centroid, calibrated score, outlier rule.
// Imports: ./membership.ts, ./types.ts, ./vector-math.ts. Typed-array reads use `!`: indices stay in range by construction.

import { isOutlier, membershipScore, topTwo, type TopTwo } from './membership.ts';
import type { Calibration, ClusterModel } from './types.ts';
import { unitRows } from './vector-math.ts';

export interface Assignment {
  /** Cluster id per row; -1 = outlier. */
  labels: Int32Array;
  /** Nearest cluster id per row, outliers included. */
  nearest: Int32Array;
  scores: Float32Array;
}

/** Labels rows from their top-two centroid similarities (cluster positions → ids via `ids`). */
export function labelRows(tt: TopTwo, ids: ArrayLike<number>, cal: readonly Calibration[], outlierZ: number): Assignment {
  const n = tt.first.length;
  const labels = new Int32Array(n);
  const nearest = new Int32Array(n);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = tt.first[i]!;
    if (c < 0) {
      labels[i] = -1;
      nearest[i] = -1;
      continue;
    }
    const calC = cal[c]!;
    nearest[i] = ids[c]!;
    scores[i] = membershipScore(tt.firstSim[i]!, tt.secondSim[i]!, calC, outlierZ);
    labels[i] = isOutlier(tt.firstSim[i]!, calC, outlierZ) ? -1 : ids[c]!;
  }
  return { labels, nearest, scores };
}

/**
 * Assigns n new rows (L2-normalised, same embedder as the clustering) to the clustering's clusters.
 * On the rows it was built from, this reproduces the clustering's own labels and scores.
 */
export function assignVectorsSync(input: Float32Array, n: number, model: ClusterModel, threads = 0): Assignment {
  const d = model.dims;
  if (input.length < n * d) throw new Error(`assignVectors: expected ${n * d} floats, got ${input.length}`);
  const vectors = unitRows(input, n, d);
  const k = model.clusters.length;
  if (k === 0 || n === 0) {
    return { labels: new Int32Array(n).fill(-1), nearest: new Int32Array(n).fill(-1), scores: new Float32Array(n) };
  }
  const C = new Float32Array(k * d);
  model.clusters.forEach((c, i) => C.set(c.centroid, i * d));
  const tt = topTwo(vectors, n, d, C, k, threads);
  return labelRows(
    tt,
    model.clusters.map((c) => c.id),
    model.clusters.map((c) => c.calibration),
    model.outlierZ,
  );
}
