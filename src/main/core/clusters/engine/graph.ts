// Weighted undirected graphs in compressed sparse rows, built from kNN lists.
// Imports: ./vector-search.ts (types only). Typed-array reads use `!`: indices stay in range by construction.

import type { Neighbours } from './vector-search.ts';

/** Symmetric weighted graph; every edge appears in both endpoints' rows. */
export interface Graph {
  n: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  weights: Float64Array;
}

/**
 * UMAP's fuzzy neighbourhood graph (McInnes et al.): each row's similarities become memberships
 * exp(-(dist - rho) / sigma), with sigma set so memberships sum to log2(k); the two directions
 * combine as a probabilistic union a + b - ab. Dense regions and sparse regions get comparable
 * weights, which is what lets modularity find small and large intents alike.
 */
export function fuzzyGraph(nb: Neighbours, n: number): Graph {
  const { indices, sims, k } = nb;
  const w = new Float64Array(n * k);
  const target = Math.log2(Math.max(2, k));
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let rho = Infinity;
    for (let c = 0; c < k; c++) {
      if (indices[o + c]! < 0) continue;
      rho = Math.min(rho, 1 - sims[o + c]!);
    }
    if (!Number.isFinite(rho)) continue;
    // Binary search for sigma: sum_c exp(-(d_c - rho) / sigma) = log2(k).
    let lo = 1e-6;
    let hi = 10;
    let sigma = 1;
    for (let it = 0; it < 40; it++) {
      sigma = (lo + hi) / 2;
      let s = 0;
      for (let c = 0; c < k; c++) {
        if (indices[o + c]! < 0) continue;
        s += Math.exp(-Math.max(0, 1 - sims[o + c]! - rho) / sigma);
      }
      if (Math.abs(s - target) < 1e-4) break;
      if (s > target) hi = sigma;
      else lo = sigma;
    }
    for (let c = 0; c < k; c++) {
      if (indices[o + c]! < 0) continue;
      w[o + c] = Math.exp(-Math.max(0, 1 - sims[o + c]! - rho) / sigma);
    }
  }
  return symmetrize(indices, w, n, k, (a, b) => a + b - a * b);
}

/** Merges directed kNN weights (i -> j, and j -> i where present) into one undirected edge each. */
function symmetrize(indices: Int32Array, w: Float64Array, n: number, k: number, combine: (a: number, b: number) => number): Graph {
  // Collect both directions, sort by (row, col), then combine duplicates.
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const j = indices[i * k + c]!;
      if (j < 0 || j === i || w[i * k + c]! <= 0) continue;
      deg[i + 1]!++;
      deg[j + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) deg[i + 1] = deg[i + 1]! + deg[i]!;
  const fill = deg.slice(0, n);
  const cols = new Int32Array(deg[n]!);
  const vals = new Float64Array(deg[n]!);
  const dirs = new Uint8Array(deg[n]!); // 1 = i's own list, 2 = the other endpoint's list
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const j = indices[i * k + c]!;
      const wt = w[i * k + c]!;
      if (j < 0 || j === i || wt <= 0) continue;
      let p = fill[i]!++;
      cols[p] = j;
      vals[p] = wt;
      dirs[p] = 1;
      p = fill[j]!++;
      cols[p] = i;
      vals[p] = wt;
      dirs[p] = 2;
    }
  }
  const rowPtr = new Int32Array(n + 1);
  const outCols: number[] = [];
  const outW: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = deg[i]!;
    const b = deg[i + 1]!;
    order.length = 0;
    for (let p = a; p < b; p++) order.push(p);
    order.sort((x, y) => cols[x]! - cols[y]!);
    let q = 0;
    while (q < order.length) {
      const j = cols[order[q]!]!;
      let fwd = 0;
      let back = 0;
      while (q < order.length && cols[order[q]!] === j) {
        const p = order[q]!;
        if (dirs[p] === 1) fwd = Math.max(fwd, vals[p]!);
        else back = Math.max(back, vals[p]!);
        q++;
      }
      outCols.push(j);
      outW.push(combine(fwd, back));
    }
    rowPtr[i + 1] = outCols.length;
  }
  return { n, rowPtr, cols: Int32Array.from(outCols), weights: Float64Array.from(outW) };
}

/** Weighted degree of every node. */
export function degrees(g: Graph): Float64Array {
  const d = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let s = 0;
    for (let p = g.rowPtr[i]!; p < g.rowPtr[i + 1]!; p++) s += g.weights[p]!;
    d[i] = s;
  }
  return d;
}

/** Collapses nodes into their communities: edge weights between communities summed, internal ones kept as self-loops. */
export function aggregate(g: Graph, community: Int32Array, count: number): Graph {
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map<number, number>());
  for (let i = 0; i < g.n; i++) {
    const ci = community[i]!;
    const row = rows[ci]!;
    for (let p = g.rowPtr[i]!; p < g.rowPtr[i + 1]!; p++) {
      const cj = community[g.cols[p]!]!;
      row.set(cj, (row.get(cj) ?? 0) + g.weights[p]!);
    }
  }
  const rowPtr = new Int32Array(count + 1);
  let total = 0;
  for (let c = 0; c < count; c++) {
    total += rows[c]!.size;
    rowPtr[c + 1] = total;
  }
  const cols = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let c = 0; c < count; c++) {
    let p = rowPtr[c]!;
    for (const [j, w] of [...rows[c]!.entries()].sort((a, b) => a[0] - b[0])) {
      cols[p] = j;
      weights[p] = w;
      p++;
    }
  }
  return { n: count, rowPtr, cols, weights };
}
