// Louvain community detection (modularity with a resolution parameter) on a weighted undirected graph.
// Imports: ./graph.ts and ../embed/random.ts. Typed-array reads use `!`: indices stay in range by construction.

import { createRng } from '../../platform/random.ts';
import { aggregate, degrees, type Graph } from './graph.ts';

export interface Partition {
  community: Int32Array;
  count: number;
}

export interface LouvainOptions {
  /** Modularity resolution: above 1 gives more, smaller communities; below 1 fewer, larger ones. */
  resolution: number;
  seed?: number;
  maxLevels?: number;
  signal?: AbortSignal;
}

/**
 * Multi-level Louvain: move nodes greedily between neighbouring communities while modularity rises,
 * collapse communities into nodes, repeat until nothing moves. Communities that end up internally
 * disconnected (a known Louvain artefact) are split into their connected parts.
 */
export function louvain(g: Graph, opts: LouvainOptions): Partition {
  const rng = createRng(opts.seed ?? 42);
  const membership = Int32Array.from({ length: g.n }, (_, i) => i);
  let current = g;
  const maxLevels = opts.maxLevels ?? 20;
  for (let level = 0; level < maxLevels; level++) {
    opts.signal?.throwIfAborted();
    const { community, count, moved } = localMoving(current, opts.resolution, rng);
    if (!moved) break;
    for (let i = 0; i < membership.length; i++) membership[i] = community[membership[i]!]!;
    if (count === current.n) break;
    current = aggregate(current, community, count);
  }
  return splitDisconnected(g, renumber(membership));
}

function localMoving(g: Graph, resolution: number, rng: () => number): Partition & { moved: boolean } {
  const n = g.n;
  const k = degrees(g);
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += k[i]!;
  const comm = Int32Array.from({ length: n }, (_, i) => i);
  if (m2 === 0) return { community: comm, count: n, moved: false };
  const tot = Float64Array.from(k);
  const nw = new Float64Array(n);
  const seen = new Int32Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const scale = resolution / m2;
  let movedAny = false;
  for (let pass = 0; pass < 50; pass++) {
    let moves = 0;
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      const ci = comm[i]!;
      const ki = k[i]!;
      let nSeen = 0;
      for (let p = g.rowPtr[i]!; p < g.rowPtr[i + 1]!; p++) {
        const j = g.cols[p]!;
        if (j === i) continue;
        const c = comm[j]!;
        if (nw[c] === 0) seen[nSeen++] = c;
        nw[c] = nw[c]! + g.weights[p]!;
      }
      tot[ci] = tot[ci]! - ki;
      let best = ci;
      let bestGain = nw[ci]! - scale * ki * tot[ci]!;
      for (let s = 0; s < nSeen; s++) {
        const c = seen[s]!;
        const gain = nw[c]! - scale * ki * tot[c]!;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      tot[best] = tot[best]! + ki;
      for (let s = 0; s < nSeen; s++) nw[seen[s]!] = 0;
      nw[ci] = 0;
      if (best !== ci) {
        comm[i] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    movedAny = true;
  }
  const r = renumber(comm);
  return { ...r, moved: movedAny };
}

/** Relabels communities to 0..count-1 in order of first appearance. */
export function renumber(labels: Int32Array): Partition {
  const map = new Map<number, number>();
  const community = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    let id = map.get(l);
    if (id === undefined) {
      id = map.size;
      map.set(l, id);
    }
    community[i] = id;
  }
  return { community, count: map.size };
}

/** Splits every community into the connected components of its induced subgraph. */
export function splitDisconnected(g: Graph, p: Partition): Partition {
  const parent = Int32Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < g.n; i++) {
    for (let q = g.rowPtr[i]!; q < g.rowPtr[i + 1]!; q++) {
      const j = g.cols[q]!;
      if (p.community[j] !== p.community[i]) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[a] = b;
    }
  }
  const roots = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) roots[i] = find(i);
  return renumber(roots);
}
