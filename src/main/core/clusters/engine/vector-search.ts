// Nearest-neighbour search over L2-normalised vectors through usearch (SIMD, multithreaded, native).
// Imports: usearch-index (the engine's one usearch configuration). Similarities are inner products
// (= cosine for normalised rows).

import { exactSearch, hnswIndex, NO_KEY } from './usearch-index.ts';

export interface Neighbours {
  /** n × k neighbour indices, row-major; -1 where fewer than k were found. */
  indices: Int32Array;
  /** n × k inner-product similarities, descending within a row; -Infinity where missing. */
  sims: Float32Array;
  k: number;
}

function toNeighbours(keys: BigUint64Array, distances: Float32Array, rows: number, count: number, k: number, skipSelf: boolean, dataSize: number): Neighbours {
  const indices = new Int32Array(rows * k).fill(-1);
  const sims = new Float32Array(rows * k).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    let w = 0;
    for (let c = 0; c < count && w < k; c++) {
      const key = keys[i * count + c]!;
      if (key === NO_KEY) continue;
      const j = Number(key);
      if (j >= dataSize || (skipSelf && j === i)) continue;
      indices[i * k + w] = j;
      // usearch reports inner-product distance as 1 - <a, b>.
      sims[i * k + w] = 1 - distances[i * count + c]!;
      w++;
    }
  }
  return { indices, sims, k };
}

/** Exact top-`k` of `data` for every query (brute force in native SIMD code). */
export function exactNeighbours(data: Float32Array, dataCount: number, queries: Float32Array, queryCount: number, d: number, k: number, threads = 0): Neighbours {
  const count = Math.min(k, dataCount);
  if (count === 0 || queryCount === 0) return { indices: new Int32Array(queryCount * k).fill(-1), sims: new Float32Array(queryCount * k).fill(-Infinity), k };
  const r = exactSearch(data.subarray(0, dataCount * d), queries.subarray(0, queryCount * d), d, count, threads);
  return toNeighbours(r.keys, r.distances, queryCount, count, k, false, dataCount);
}

export interface KnnGraphOptions {
  /** Below this many rows the graph is exact; above it, HNSW (approximate, far faster). */
  exactBelow?: number;
  /**
   * Threads for the HNSW build and search. Default 1: a multithreaded build inserts in a different
   * order each run (17,847 of 320,000 neighbours differed between two runs on 20k rows), and the same
   * rows must give the same clusters. On the 2-core machine a single thread built as fast under load.
   */
  threads?: number;
}

/** Each row's `k` nearest other rows. */
export function knnGraph(vectors: Float32Array, n: number, d: number, k: number, opts: KnnGraphOptions = {}): Neighbours {
  const threads = opts.threads ?? 1;
  const kk = Math.min(k, Math.max(0, n - 1));
  if (n <= (opts.exactBelow ?? 1500)) {
    const count = Math.min(n, kk + 1);
    if (count === 0) return { indices: new Int32Array(n * k).fill(-1), sims: new Float32Array(n * k).fill(-Infinity), k };
    const r = exactSearch(vectors.subarray(0, n * d), vectors.subarray(0, n * d), d, count, threads);
    return pad(toNeighbours(r.keys, r.distances, n, count, kk, true, n), k, n);
  }
  const index = hnswIndex(vectors, n, d, Math.max(48, 2 * k), threads);
  const res = index.search(vectors.subarray(0, n * d), kk + 1, threads);
  // A single query comes back as Matches, many as BatchMatches; both hold flat keys/distances of width kk + 1.
  const nb = toNeighbours(res.keys, res.distances, n, kk + 1, kk, true, n);
  exactSims(nb, vectors, d);
  return pad(nb, k, n);
}

/** Approximate top-k of the first `m` rows of `S` for each of `q` queries (int8 HNSW), re-scored with exact similarities. */
export function approxNeighbours(S: Float32Array, m: number, Q: Float32Array, q: number, d: number, k: number, threads: number): Neighbours {
  const index = hnswIndex(S, m, d, 32, threads);
  const res = index.search(Q, k, threads);
  const indices = new Int32Array(q * k).fill(-1);
  const sims = new Float32Array(q * k).fill(-Infinity);
  const limit = BigInt(m);
  for (let i = 0; i < q; i++) {
    for (let c = 0; c < k; c++) {
      const key = res.keys[i * k + c]!;
      if (key >= limit) continue;
      const j = Number(key);
      indices[i * k + c] = j;
      let s = 0;
      for (let t = 0; t < d; t++) s += Q[i * d + t]! * S[j * d + t]!;
      sims[i * k + c] = s;
    }
  }
  return { indices, sims, k };
}

/**
 * Replaces quantised HNSW distances (int8 scale) with exact float similarities and re-sorts each row,
 * so graph weights mean the same thing whichever search built them.
 */
function exactSims(nb: Neighbours, vectors: Float32Array, d: number): void {
  const { indices, sims, k } = nb;
  const rows = k === 0 ? 0 : indices.length / k;
  const order = new Array<number>(k);
  const tmpI = new Int32Array(k);
  const tmpS = new Float32Array(k);
  for (let i = 0; i < rows; i++) {
    const oi = i * d;
    for (let c = 0; c < k; c++) {
      const j = indices[i * k + c]!;
      if (j < 0) {
        sims[i * k + c] = -Infinity;
        continue;
      }
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += vectors[oi + t]! * vectors[oj + t]!;
      sims[i * k + c] = s;
    }
    for (let c = 0; c < k; c++) order[c] = c;
    order.sort((a, b) => sims[i * k + b]! - sims[i * k + a]!);
    for (let c = 0; c < k; c++) {
      tmpI[c] = indices[i * k + order[c]!]!;
      tmpS[c] = sims[i * k + order[c]!]!;
    }
    indices.set(tmpI, i * k);
    sims.set(tmpS, i * k);
  }
}

/** Widens rows to `k` columns when the corpus had fewer than k other rows. */
function pad(nb: Neighbours, k: number, rows: number): Neighbours {
  if (nb.k === k) return nb;
  const indices = new Int32Array(rows * k).fill(-1);
  const sims = new Float32Array(rows * k).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < nb.k; c++) {
      indices[i * k + c] = nb.indices[i * nb.k + c]!;
      sims[i * k + c] = nb.sims[i * nb.k + c]!;
    }
  }
  return { indices, sims, k };
}
