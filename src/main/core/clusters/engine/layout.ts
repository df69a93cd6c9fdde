// The 2-D cluster map: UMAP on a sample (our kNN + fuzzy graph, umap-learn's optimiser in umap-sgd.ts),
// the other rows placed by their nearest sampled neighbours. Imports: sibling engine modules, platform/random.
// Typed-array reads use `!`: indices stay in range by construction.

import { createRng, sampleIndices } from '../../platform/random.ts';
import { gatherRows } from './dedupe.ts';
import { fuzzyGraph } from './graph.ts';
import { optimizeLayout } from './umap-sgd.ts';
import { unitRows } from './vector-math.ts';
import { approxNeighbours, exactNeighbours, knnGraph, type Neighbours } from './vector-search.ts';

export interface LayoutOptions {
  /** Rows laid out by UMAP; the rest are placed from them. Default 10,000 (LIBRARIES.md: 10-20k). */
  sampleSize?: number;
  neighbours?: number;
  /** UMAP epochs; default 200 (umap-js's own default for large inputs). */
  epochs?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  threads?: number;
}

/**
 * Returns n × 2 coordinates, row-major, centred and scaled into [-1, 1]. The layout starts from the
 * sample's first two principal components (umap-js starts from random positions), which keeps the
 * global arrangement stable between runs and needs fewer epochs.
 */
export function layout2dSync(input: Float32Array, n: number, d: number, opts: LayoutOptions = {}): Float32Array {
  const out = new Float32Array(n * 2);
  if (n === 0) return out;
  const vectors = unitRows(input, n, d);
  const seed = opts.seed ?? 42;
  const sample = sampleIndices(n, opts.sampleSize ?? 10_000, seed);
  const m = sample.length;
  const S = gatherRows(vectors, sample, d);
  const init = pca2(S, m, d, seed);
  const nn = Math.min(opts.neighbours ?? 15, m - 1);
  let coords: Float32Array;
  if (nn < 2) {
    coords = init;
  } else {
    const nb = knnGraph(S, m, d, nn);
    coords = runUmap(m, nb, init, opts, seed);
  }
  for (let s = 0; s < m; s++) {
    out[2 * sample[s]!] = coords[2 * s]!;
    out[2 * sample[s]! + 1] = coords[2 * s + 1]!;
  }
  placeRest(vectors, n, d, sample, S, coords, out, seed, opts.threads ?? 0);
  return normalizeBox(out, n);
}

function runUmap(m: number, nb: Neighbours, init: Float32Array, opts: LayoutOptions, seed: number): Float32Array {
  const g = fuzzyGraph(nb, m);
  const coords = Float32Array.from(init);
  optimizeLayout(g, coords, { epochs: opts.epochs ?? 200, seed: seed + 1, signal: opts.signal, onProgress: opts.onProgress });
  return coords;
}

/** First two principal components of the rows, scaled to UMAP's usual starting range (±10). */
function pca2(S: Float32Array, m: number, d: number, seed: number): Float32Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < m; i++) for (let t = 0; t < d; t++) mean[t] = mean[t]! + S[i * d + t]! / m;
  const rng = createRng(seed);
  const comps: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: d }, () => rng() - 0.5);
    for (let it = 0; it < 12; it++) {
      const next = new Float64Array(d);
      for (let i = 0; i < m; i++) {
        const o = i * d;
        let p = 0;
        for (let t = 0; t < d; t++) p += (S[o + t]! - mean[t]!) * v[t]!;
        for (let t = 0; t < d; t++) next[t] = next[t]! + p * (S[o + t]! - mean[t]!);
      }
      for (const prev of comps) {
        let dp = 0;
        for (let t = 0; t < d; t++) dp += next[t]! * prev[t]!;
        for (let t = 0; t < d; t++) next[t] = next[t]! - dp * prev[t]!;
      }
      let norm = 0;
      for (let t = 0; t < d; t++) norm += next[t]! * next[t]!;
      norm = Math.sqrt(norm) || 1;
      for (let t = 0; t < d; t++) next[t] = next[t]! / norm;
      v = next;
    }
    comps.push(v);
  }
  const out = new Float32Array(m * 2);
  let maxAbs = 1e-9;
  for (let i = 0; i < m; i++) {
    for (let c = 0; c < 2; c++) {
      let p = 0;
      for (let t = 0; t < d; t++) p += (S[i * d + t]! - mean[t]!) * comps[c]![t]!;
      out[2 * i + c] = p;
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
  }
  // Small jitter separates identical rows, which would otherwise start (and stay) on one point.
  for (let i = 0; i < out.length; i++) out[i] = (out[i]! / maxAbs) * 10 + (rng() - 0.5) * 0.01;
  return out;
}

/** Places every unsampled row at the similarity-weighted mean of its nearest sampled rows. */
function placeRest(vectors: Float32Array, n: number, d: number, sample: Int32Array, S: Float32Array, coords: Float32Array, out: Float32Array, seed: number, threads: number): void {
  const m = sample.length;
  if (m === n) return;
  const inSample = new Uint8Array(n);
  for (const s of sample) inSample[s] = 1;
  const rest = new Int32Array(n - m);
  let r = 0;
  for (let i = 0; i < n; i++) if (!inSample[i]) rest[r++] = i;
  const Q = gatherRows(vectors, rest, d);
  const k = Math.min(5, m);
  const nb = m <= 2000 ? exactNeighbours(S, m, Q, rest.length, d, k, threads) : approxNeighbours(S, m, Q, rest.length, d, k, threads);
  const rng = createRng(seed + 2);
  let span = 0;
  for (let i = 0; i < coords.length; i++) span = Math.max(span, Math.abs(coords[i]!));
  for (let q = 0; q < rest.length; q++) {
    let x = 0;
    let y = 0;
    let w = 0;
    for (let c = 0; c < k; c++) {
      const j = nb.indices[q * k + c]!;
      if (j < 0) continue;
      // Sharply weighted so a row sits beside its closest neighbour rather than between two clusters.
      const wt = Math.exp(8 * nb.sims[q * k + c]!);
      x += wt * coords[2 * j]!;
      y += wt * coords[2 * j + 1]!;
      w += wt;
    }
    const jitter = span * 0.004;
    out[2 * rest[q]!] = (w > 0 ? x / w : 0) + (rng() - 0.5) * jitter;
    out[2 * rest[q]! + 1] = (w > 0 ? y / w : 0) + (rng() - 0.5) * jitter;
  }
}

function normalizeBox(xy: Float32Array, n: number): Float32Array {
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xy[2 * i]!;
    cy += xy[2 * i + 1]!;
  }
  cx /= n;
  cy /= n;
  let s = 1e-9;
  for (let i = 0; i < n; i++) s = Math.max(s, Math.abs(xy[2 * i]! - cx), Math.abs(xy[2 * i + 1]! - cy));
  for (let i = 0; i < n; i++) {
    xy[2 * i] = (xy[2 * i]! - cx) / s;
    xy[2 * i + 1] = (xy[2 * i + 1]! - cy) / s;
  }
  return xy;
}
