// User edits of a clustering: merge clusters, split one into parts. Rows of untouched clusters keep
// their cluster and outlier status; only scores move (the runner-up centroid may change).
// Imports: sibling cluster modules. Typed-array reads use `!`: indices stay in range by construction.

import { buildTopLevel, clusterVectorsSync } from './cluster-core.ts';
import { gatherRows } from './dedupe.ts';
import { kmeans } from './kmeans.ts';
import { calibrate, isOutlier, membershipScore, ownAndOther } from './membership.ts';
import type { Calibration, ClusterSummary, Clustering } from './types.ts';
import { centroidsOf } from './vector-math.ts';

interface Draft {
  /** Cluster ids in position order. */
  ids: number[];
  parents: number[];
  /** Position of each row's cluster (every row, outliers included). */
  nearest: Int32Array;
}

/** Recomputes centroids of changed positions, all calibrations and all scores for a draft of the clustering. */
function finish(prev: Clustering, vectors: Float32Array, draft: Draft, changed: Set<number>): Clustering {
  const d = prev.dims;
  const n = prev.labels.length;
  const k = draft.ids.length;
  const byId = new Map(prev.clusters.map((c) => [c.id, c]));
  const fresh = centroidsOf(vectors, d, draft.nearest, k);
  const C = new Float32Array(k * d);
  for (let p = 0; p < k; p++) {
    const old = byId.get(draft.ids[p]!);
    C.set(changed.has(p) || !old ? fresh.centroids.subarray(p * d, p * d + d) : old.centroid, p * d);
  }
  const { ownSim, otherSim } = ownAndOther(vectors, n, d, C, k, draft.nearest);
  const recal = calibrate(draft.nearest, ownSim, k);
  const cal: Calibration[] = draft.ids.map((id, p) => (changed.has(p) || !byId.get(id) ? recal[p]! : byId.get(id)!.calibration));
  const labels = new Int32Array(n);
  const nearest = new Int32Array(n);
  const scores = new Float32Array(n);
  const size = new Int32Array(k);
  let outliers = 0;
  for (let i = 0; i < n; i++) {
    const p = draft.nearest[i]!;
    const c = cal[p]!;
    nearest[i] = draft.ids[p]!;
    scores[i] = membershipScore(ownSim[i]!, otherSim[i]!, c, prev.outlierZ);
    if (isOutlier(ownSim[i]!, c, prev.outlierZ)) {
      labels[i] = -1;
      outliers++;
    } else {
      labels[i] = draft.ids[p]!;
      size[p]!++;
    }
  }
  const clusters: ClusterSummary[] = draft.ids.map((id, p) => ({
    id,
    size: size[p]!,
    centroid: C.slice(p * d, p * d + d),
    parent: draft.parents[p]!,
    calibration: cal[p]!,
  }));
  clusters.sort((a, b) => a.id - b.id);
  return { ...prev, labels, nearest, scores, clusters, topLevel: buildTopLevel(clusters), outlierShare: n === 0 ? 0 : outliers / n };
}

function draftOf(prev: Clustering): Draft & { pos: Map<number, number> } {
  const ids = prev.clusters.map((c) => c.id);
  const pos = new Map(ids.map((id, p) => [id, p]));
  const nearest = Int32Array.from(prev.nearest, (id) => pos.get(id) ?? 0);
  return { ids, parents: prev.clusters.map((c) => c.parent), nearest, pos };
}

/**
 * Merges clusters into the largest of them (its id and top-level group survive). `vectors` are the
 * clustering's rows, n × dims.
 */
export function mergeClustersSync(prev: Clustering, vectors: Float32Array, ids: readonly number[]): Clustering {
  const known = prev.clusters.filter((c) => ids.includes(c.id));
  if (known.length !== new Set(ids).size) throw new Error(`merge: unknown cluster id in [${ids.join(', ')}]`);
  if (known.length < 2) return prev;
  const target = known.reduce((a, b) => (b.size > a.size ? b : a)).id;
  const draft = draftOf(prev);
  const gone = new Set(ids.filter((id) => id !== target));
  const keepPos = draft.ids.map((id, p) => (gone.has(id) ? -1 : p)).filter((p) => p >= 0);
  const newPos = new Map(keepPos.map((p, q) => [p, q]));
  const targetPos = newPos.get(draft.pos.get(target)!)!;
  const nearest = Int32Array.from(draft.nearest, (p) => (gone.has(draft.ids[p]!) ? targetPos : newPos.get(p)!));
  return finish(prev, vectors, { ids: keepPos.map((p) => draft.ids[p]!), parents: keepPos.map((p) => draft.parents[p]!), nearest }, new Set([targetPos]));
}

export interface SplitOptions {
  /** Number of parts; omitted = found automatically by the same graph clustering (at least 2 parts). */
  parts?: number;
  seed?: number;
}

/**
 * Splits one cluster (its members and the outliers nearest to it) into parts. The largest part keeps
 * the cluster's id; the others get new ids after the current largest id, in the same top-level group.
 */
export function splitClusterSync(prev: Clustering, vectors: Float32Array, id: number, opts: SplitOptions = {}): Clustering {
  const d = prev.dims;
  const draft = draftOf(prev);
  const p0 = draft.pos.get(id);
  if (p0 === undefined) throw new Error(`split: unknown cluster id ${id}`);
  const rows: number[] = [];
  for (let i = 0; i < draft.nearest.length; i++) if (draft.nearest[i] === p0) rows.push(i);
  if (rows.length < 2) return prev;
  const sub = gatherRows(vectors, Int32Array.from(rows), d);
  const m = rows.length;
  let part: Int32Array;
  if (opts.parts !== undefined) {
    part = kmeans(sub, m, d, Math.max(2, Math.min(opts.parts, m)), { seed: opts.seed }).labels;
  } else {
    const inner = clusterVectorsSync(sub, m, d, { seed: opts.seed, minClusterSize: Math.max(3, Math.ceil(m * 0.05)), outlierZ: prev.outlierZ });
    part = inner.clusters.length >= 2 ? inner.nearest : kmeans(sub, m, d, 2, { seed: opts.seed }).labels;
  }
  // Largest part first, so it inherits the id.
  const count = new Map<number, number>();
  for (const x of part) count.set(x, (count.get(x) ?? 0) + 1);
  const order = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || a - b);
  if (order.length < 2) return prev;
  let nextId = Math.max(...draft.ids) + 1;
  const partPos = new Map<number, number>();
  const changed = new Set<number>([p0]);
  partPos.set(order[0]!, p0);
  for (const x of order.slice(1)) {
    partPos.set(x, draft.ids.length);
    changed.add(draft.ids.length);
    draft.ids.push(nextId++);
    draft.parents.push(draft.parents[p0]!);
  }
  rows.forEach((i, r) => (draft.nearest[i] = partPos.get(part[r]!)!));
  return finish(prev, vectors, draft, changed);
}
