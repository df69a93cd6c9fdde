// UMAP's layout optimiser (attractive edge samples + negative sampling, McInnes et al. 2018) on typed arrays.
// Imports: ../embed/random.ts, ./graph.ts. Typed-array reads use `!` (in range by construction).

import { createRng } from '../../platform/random.ts';
import type { Graph } from './graph.ts';

export interface SgdOptions {
  epochs: number;
  minDist?: number;
  spread?: number;
  negativeRate?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The low-dimensional kernel 1 / (1 + a·d^2) fitted by least squares to UMAP's target curve
 * (1 below minDist, exp(-(d - minDist) / spread) above). UMAP also fits an exponent b (0.895 for the
 * defaults); fixing b = 1 removes a pow() from the inner loop, which dominated its cost.
 */
export function fitKernelA(minDist: number, spread: number): number {
  const xs = Array.from({ length: 300 }, (_, i) => (3 * spread * i) / 299);
  const target = xs.map((x) => (x < minDist ? 1 : Math.exp(-(x - minDist) / spread)));
  const loss = (la: number): number => {
    const a = Math.exp(la);
    return xs.reduce((s, x, i) => s + (1 / (1 + a * x * x) - target[i]!) ** 2, 0);
  };
  // Golden-section search on log a over [0.01, 100].
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 80; it++) {
    const m1 = hi - phi * (hi - lo);
    const m2 = lo + phi * (hi - lo);
    if (loss(m1) < loss(m2)) hi = m2;
    else lo = m1;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Moves `coords` (m × 2, in place) to fit the fuzzy graph with umap-learn's optimize_layout_euclidean
 * updates (edge sampling by weight, 5 negative samples, clipped gradients, linearly decaying rate).
 * umap-js's own loop took 9.6 s for 200 epochs on 10k rows here; this one, on flat typed arrays with b = 1,
 * does the same work several times faster (see BENCHMARKS.md, Clustering: Map).
 */
export function optimizeLayout(g: Graph, coords: Float32Array, opts: SgdOptions): void {
  const a = fitKernelA(opts.minDist ?? 0.1, opts.spread ?? 1);
  const epochs = opts.epochs;
  const negRate = opts.negativeRate ?? 5;
  const rng = createRng(opts.seed ?? 7);
  const m = g.n;
  // Directed edges (every undirected edge appears in both rows), weights below max/epochs dropped as in umap.
  let maxW = 0;
  for (let p = 0; p < g.weights.length; p++) maxW = Math.max(maxW, g.weights[p]!);
  const heads: number[] = [];
  const tails: number[] = [];
  const eps: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let p = g.rowPtr[i]!; p < g.rowPtr[i + 1]!; p++) {
      const w = g.weights[p]!;
      if (w < maxW / epochs) continue;
      heads.push(i);
      tails.push(g.cols[p]!);
      eps.push(maxW / w);
    }
  }
  const E = heads.length;
  const head = Int32Array.from(heads);
  const tail = Int32Array.from(tails);
  const epochsPerSample = Float64Array.from(eps);
  const nextSample = Float64Array.from(eps);
  const epochsPerNeg = Float64Array.from(eps, (e) => e / negRate);
  const nextNeg = Float64Array.from(epochsPerNeg);
  // Work on a float64 copy: float32 stores in the hot loop cost conversions on every update.
  const xy = Float64Array.from(coords);
  const next = (): number => Math.floor(rng() * m);
  for (let n = 0; n < epochs; n++) {
    if ((n & 7) === 0) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(n, epochs);
    }
    const alpha = 1 - n / epochs;
    for (let e = 0; e < E; e++) {
      if (nextSample[e]! > n) continue;
      const j = head[e]!;
      const k = tail[e]!;
      const jx = 2 * j;
      const kx = 2 * k;
      let dx = xy[jx]! - xy[kx]!;
      let dy = xy[jx + 1]! - xy[kx + 1]!;
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const coeff = (-2 * a) / (a * d2 + 1);
        let gx = coeff * dx;
        let gy = coeff * dy;
        gx = (gx > 4 ? 4 : gx < -4 ? -4 : gx) * alpha;
        gy = (gy > 4 ? 4 : gy < -4 ? -4 : gy) * alpha;
        xy[jx] = xy[jx]! + gx;
        xy[jx + 1] = xy[jx + 1]! + gy;
        xy[kx] = xy[kx]! - gx;
        xy[kx + 1] = xy[kx + 1]! - gy;
      }
      nextSample[e] = nextSample[e]! + epochsPerSample[e]!;
      const negs = Math.floor((n - nextNeg[e]!) / epochsPerNeg[e]!);
      for (let s = 0; s < negs; s++) {
        const r = next();
        if (r === j) continue;
        const rx = 2 * r;
        dx = xy[jx]! - xy[rx]!;
        dy = xy[jx + 1]! - xy[rx + 1]!;
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          const coeff = 2 / ((0.001 + d2) * (a * d2 + 1));
          let gx = coeff * dx;
          let gy = coeff * dy;
          gx = gx > 4 ? 4 : gx < -4 ? -4 : gx;
          gy = gy > 4 ? 4 : gy < -4 ? -4 : gy;
          xy[jx] = xy[jx]! + gx * alpha;
          xy[jx + 1] = xy[jx + 1]! + gy * alpha;
        } else {
          xy[jx] = xy[jx]! + 4 * alpha;
          xy[jx + 1] = xy[jx + 1]! + 4 * alpha;
        }
      }
      nextNeg[e] = nextNeg[e]! + negs * epochsPerNeg[e]!;
    }
  }
  coords.set(xy);
  opts.onProgress?.(epochs, epochs);
}
