// Membership scores and outliers: every row against its own centroid's calibration and its runner-up.
// Imports: ./vector-search.ts, ./types.ts. Typed-array reads use `!`: indices stay in range by construction.

import type { Calibration } from './types.ts';
import { exactNeighbours } from './vector-search.ts';

/** A spread floor: clusters of near-identical rows would otherwise call every small difference an outlier. */
const MIN_SPREAD = 0.02;
export const DEFAULT_OUTLIER_Z = 2.5;

/** Similarity of each row to its best and second-best centroid (cluster positions, not ids). */
export interface TopTwo {
  first: Int32Array;
  firstSim: Float32Array;
  secondSim: Float32Array;
}

export function topTwo(vectors: Float32Array, n: number, d: number, centroids: Float32Array, k: number, threads = 0): TopTwo {
  const nb = exactNeighbours(centroids, k, vectors, n, d, 2, threads);
  const first = new Int32Array(n);
  const firstSim = new Float32Array(n);
  const secondSim = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    first[i] = nb.indices[2 * i]!;
    firstSim[i] = nb.sims[2 * i]!;
    const s2 = nb.sims[2 * i + 1]!;
    secondSim[i] = Number.isFinite(s2) ? s2 : -1;
  }
  return { first, firstSim, secondSim };
}

/** Similarity of each row to its own (given) cluster position and to the best other centroid. */
export function ownAndOther(vectors: Float32Array, n: number, d: number, centroids: Float32Array, k: number, own: Int32Array, threads = 0): { ownSim: Float32Array; otherSim: Float32Array } {
  const w = Math.min(k, 2);
  const nb = exactNeighbours(centroids, k, vectors, n, d, w, threads);
  const ownSim = new Float32Array(n);
  const otherSim = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = own[i]!;
    let s = 0;
    const o = i * d;
    const co = c * d;
    for (let t = 0; t < d; t++) s += vectors[o + t]! * centroids[co + t]!;
    ownSim[i] = s;
    // The best centroid other than the row's own: the first or second nearest.
    let other = -1;
    for (let r = 0; r < w; r++) {
      const j = nb.indices[i * w + r]!;
      if (j !== c && j >= 0) {
        other = nb.sims[i * w + r]!;
        break;
      }
    }
    otherSim[i] = other;
  }
  return { ownSim, otherSim };
}

/** Median and robust spread of each cluster's member similarities (positions 0..k-1; label -1 ignored). */
export function calibrate(labels: Int32Array, sims: Float32Array, k: number): Calibration[] {
  const buckets: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c >= 0) buckets[c]!.push(sims[i]!);
  }
  return buckets.map((b) => {
    if (b.length === 0) return { center: 1, spread: MIN_SPREAD };
    b.sort((x, y) => x - y);
    const center = median(b);
    const dev = b.map((x) => Math.abs(x - center)).sort((x, y) => x - y);
    return { center, spread: Math.max(MIN_SPREAD, 1.4826 * median(dev)) };
  });
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/**
 * The membership score of one row in a cluster:
 * - fit: 0 at the outlier boundary (center - z·spread), 1 from one spread above the median;
 * - margin: how clearly the row prefers this centroid over the runner-up (0 = a tie, 1 = two spreads clear).
 * score = fit × (0.5 + 0.5 × margin), so ambiguity alone can at most halve a well-fitting row's score.
 */
export function membershipScore(sim: number, otherSim: number, cal: Calibration, outlierZ: number): number {
  const lo = cal.center - outlierZ * cal.spread;
  const hi = cal.center + cal.spread;
  const fit = Math.min(1, Math.max(0, (sim - lo) / (hi - lo)));
  const margin = Math.min(1, Math.max(0, (sim - otherSim) / (2 * cal.spread)));
  return fit * (0.5 + 0.5 * margin);
}

/** True when a row is less similar to its centroid than the cluster's outlier boundary. */
export function isOutlier(sim: number, cal: Calibration, outlierZ: number): boolean {
  return sim < cal.center - outlierZ * cal.spread;
}
