// Spherical k-means (cosine) with k-means++ seeding; assignment runs in usearch's native exact search.
// Imports: ./vector-search.ts, ./vector-math.ts, ../embed/random.ts. Used by splits and the benchmark baseline.

import { createRng } from '../../platform/random.ts';
import { centroidsOf } from './vector-math.ts';
import { exactNeighbours } from './vector-search.ts';

export interface KMeansResult {
  labels: Int32Array;
  /** Similarity of each row to its centroid. */
  sims: Float32Array;
  centroids: Float32Array;
  k: number;
}

export interface KMeansOptions {
  maxIterations?: number;
  seed?: number;
  signal?: AbortSignal;
  threads?: number;
}

export function kmeans(vectors: Float32Array, n: number, d: number, k: number, opts: KMeansOptions = {}): KMeansResult {
  const kk = Math.max(1, Math.min(k, n));
  const rng = createRng(opts.seed ?? 1);
  let centroids = seedPlusPlus(vectors, n, d, kk, rng);
  let labels = new Int32Array(n);
  let sims = new Float32Array(n);
  const maxIt = opts.maxIterations ?? 30;
  for (let it = 0; it < maxIt; it++) {
    opts.signal?.throwIfAborted();
    const nb = exactNeighbours(centroids, kk, vectors, n, d, 1, opts.threads ?? 0);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = Math.max(0, nb.indices[i]!);
      if (c !== labels[i] || it === 0) changed++;
      labels[i] = c;
      sims[i] = nb.sims[i]!;
    }
    const next = centroidsOf(vectors, d, labels, kk);
    // An emptied cluster restarts at the row its centroid fits worst, so k stays k.
    for (let c = 0; c < kk; c++) {
      if (next.sizes[c]! > 0) continue;
      let worst = 0;
      for (let i = 1; i < n; i++) if (sims[i]! < sims[worst]!) worst = i;
      next.centroids.set(vectors.subarray(worst * d, worst * d + d), c * d);
      sims[worst] = 2;
    }
    centroids = next.centroids;
    if (changed <= n * 1e-4 && it > 0) break;
  }
  const nb = exactNeighbours(centroids, kk, vectors, n, d, 1, opts.threads ?? 0);
  labels = Int32Array.from(nb.indices, (c) => Math.max(0, c));
  sims = Float32Array.from(nb.sims);
  return { labels, sims, centroids, k: kk };
}

/** k-means++ seeding with squared cosine distance (1 - sim), on at most 20k rows for speed. */
function seedPlusPlus(vectors: Float32Array, n: number, d: number, k: number, rng: () => number): Float32Array {
  const m = Math.min(n, 20_000);
  const stride = n / m;
  const rows = Int32Array.from({ length: m }, (_, i) => Math.floor(i * stride));
  const centroids = new Float32Array(k * d);
  const best = new Float64Array(m).fill(Infinity);
  let pick = rows[Math.floor(rng() * m)]!;
  for (let c = 0; c < k; c++) {
    centroids.set(vectors.subarray(pick * d, pick * d + d), c * d);
    if (c === k - 1) break;
    let total = 0;
    const co = c * d;
    for (let s = 0; s < m; s++) {
      const o = rows[s]! * d;
      let dotv = 0;
      for (let t = 0; t < d; t++) dotv += vectors[o + t]! * centroids[co + t]!;
      const dist = Math.max(0, 1 - dotv);
      const sq = dist * dist;
      if (sq < best[s]!) best[s] = sq;
      total += best[s]!;
    }
    let r = rng() * total;
    let chosen = m - 1;
    for (let s = 0; s < m; s++) {
      r -= best[s]!;
      if (r <= 0) {
        chosen = s;
        break;
      }
    }
    pick = rows[chosen]!;
  }
  return centroids;
}
