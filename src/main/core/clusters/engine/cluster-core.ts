// The clustering pipeline, synchronous (run it in a worker via cluster-api.ts): kNN graph on a sample,
// Louvain communities, centroid assignment of every row, calibration, outliers, top-level groups.
// Imports: sibling cluster modules and ../embed/random.ts. Typed-array reads use `!` (in range by construction).

import { sampleIndices } from '../../platform/random.ts';
import { dedupeVectors, gatherRows } from './dedupe.ts';
import { fuzzyGraph } from './graph.ts';
import { DEFAULT_GRAPH_ROWS, DEFAULT_NEIGHBOURS, defaultMinClusterSize, resolutionFor } from './granularity.ts';
import { louvain } from './louvain.ts';
import { labelRows } from './assign.ts';
import { calibrate, DEFAULT_OUTLIER_Z, topTwo } from './membership.ts';
import { groupClusters } from './top-level.ts';
import type { ClusterOptions, ClusterParams, ClusterSummary, Clustering, Progress, TopLevelGroup } from './types.ts';
import { normalizeAt, unitRows } from './vector-math.ts';
import { knnGraph } from './vector-search.ts';

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  threads?: number;
}

/**
 * A cluster whose typical member is less than this share as close to its centre as the typical member
 * of a typical cluster is a catch-all of unrelated rows, not a theme: its rows are reassigned, and most
 * become outliers. (On banking77/hwu64 the loosest real clusters sit at 0.46-0.67 of the median.)
 */
const DIFFUSE_RATIO = 0.4;

export function clusterVectorsSync(input: Float32Array, n: number, d: number, opts: ClusterOptions = {}, ctl: RunControl = {}): Clustering {
  if (input.length < n * d) throw new Error(`clusterVectors: expected ${n * d} floats, got ${input.length}`);
  const vectors = unitRows(input, n, d);
  const granularity = opts.granularity ?? 0;
  const params: ClusterParams = {
    granularity,
    resolution: resolutionFor(granularity),
    minClusterSize: Math.max(1, Math.floor(opts.minClusterSize ?? defaultMinClusterSize(n))),
    neighbours: opts.neighbours ?? DEFAULT_NEIGHBOURS,
    graphRows: Math.min(n, opts.maxGraphRows ?? DEFAULT_GRAPH_ROWS),
    outlierZ: opts.outlierZ ?? DEFAULT_OUTLIER_Z,
    seed: opts.seed ?? 42,
  };
  const threads = ctl.threads ?? 0;
  const step = (phase: string, done: number, total: number): void => {
    ctl.signal?.throwIfAborted();
    ctl.onProgress?.({ phase, done, total });
  };
  if (n === 0) return emptyClustering(d, params);

  // 1. Graph on a sample of distinct rows.
  step('graph', 0, 4);
  const sample = sampleIndices(n, params.graphRows, params.seed);
  const dd = dedupeVectors(vectors, sample, d);
  const m = dd.representatives.length;
  const U = gatherRows(vectors, dd.representatives, d);
  const nb = knnGraph(U, m, d, params.neighbours);
  step('graph', 1, 4);
  const g = fuzzyGraph(nb, m);
  step('communities', 2, 4);
  const communities = louvain(g, { resolution: params.resolution, seed: params.seed, signal: ctl.signal });

  // 2. Centroids of communities big enough to matter (sample counts scaled to the whole corpus).
  const weightOfNode = new Float64Array(m);
  for (let u = 0; u < m; u++) weightOfNode[u] = dd.counts[u]!;
  const scale = n / sample.length;
  const centroids = communityCentroids(U, d, communities.community, communities.count, weightOfNode);
  let keep: number[] = [];
  for (let c = 0; c < communities.count; c++) if (centroids.weight[c]! * scale >= params.minClusterSize) keep.push(c);
  if (keep.length === 0) keep = [argMax(centroids.weight)];
  let C = pick(centroids.vectors, keep, d);
  step('assign', 3, 4);

  // 3. Assign every row to its nearest centroid; dissolve clusters that end up too small or diffuse, and repeat.
  let k = keep.length;
  let tt = topTwo(vectors, n, d, C, k, threads);
  for (let round = 0; round < 4 && k > 1; round++) {
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) sizes[tt.first[i]!]!++;
    const centers = calibrate(tt.first, tt.firstSim, k).map((c) => c.center);
    const floor = DIFFUSE_RATIO * medianOf(centers.filter((_, c) => sizes[c]! > 0));
    const survivors: number[] = [];
    for (let c = 0; c < k; c++) if (sizes[c]! >= params.minClusterSize && centers[c]! >= floor) survivors.push(c);
    if (survivors.length === k || survivors.length === 0) break;
    C = pick(C, survivors, d);
    k = survivors.length;
    tt = topTwo(vectors, n, d, C, k, threads);
  }

  // 4. Calibration, outliers and scores; clusters numbered by decreasing size.
  const cal = calibrate(tt.first, tt.firstSim, k);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[tt.first[i]!]!++;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const idOf = new Int32Array(k);
  order.forEach((c, id) => (idOf[c] = id));
  const { labels, nearest, scores } = labelRows(tt, idOf, cal, params.outlierZ);
  const members = new Int32Array(k);
  let outliers = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i]! < 0) outliers++;
    else members[tt.first[i]!]!++;
  }

  // 5. Top-level groups of the clusters' centroids.
  step('groups', 4, 4);
  const group = groupClusters(C, sizes, k, d);

  const clusters: ClusterSummary[] = order.map((c, id) => ({
    id,
    size: members[c]!,
    centroid: C.slice(c * d, c * d + d),
    parent: group[c]!,
    calibration: cal[c]!,
  }));
  const topLevel = buildTopLevel(clusters);
  return { dims: d, outlierZ: params.outlierZ, labels, nearest, scores, clusters, topLevel, outlierShare: outliers / n, params };
}

export function buildTopLevel(clusters: ClusterSummary[]): TopLevelGroup[] {
  const groups = new Map<number, TopLevelGroup>();
  for (const c of clusters) {
    let g = groups.get(c.parent);
    if (!g) {
      g = { id: c.parent, childIds: [], size: 0 };
      groups.set(c.parent, g);
    }
    g.childIds.push(c.id);
    g.size += c.size;
  }
  return [...groups.values()].sort((a, b) => a.id - b.id);
}

function communityCentroids(U: Float32Array, d: number, community: Int32Array, count: number, weight: Float64Array): { vectors: Float32Array; weight: Float64Array } {
  const sums = new Float64Array(count * d);
  const w = new Float64Array(count);
  for (let u = 0; u < community.length; u++) {
    const c = community[u]!;
    const wu = weight[u]!;
    w[c] = w[c]! + wu;
    const o = u * d;
    const co = c * d;
    for (let t = 0; t < d; t++) sums[co + t] = sums[co + t]! + wu * U[o + t]!;
  }
  for (let c = 0; c < count; c++) normalizeAt(sums, c * d, d);
  return { vectors: Float32Array.from(sums), weight: w };
}

function pick(C: Float32Array, rows: number[], d: number): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => out.set(C.subarray(r * d, r * d + d), i * d));
  return out;
}

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function argMax(a: Float64Array): number {
  let b = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[b]!) b = i;
  return b;
}

function emptyClustering(d: number, params: ClusterParams): Clustering {
  return { dims: d, outlierZ: params.outlierZ, labels: new Int32Array(0), nearest: new Int32Array(0), scores: new Float32Array(0), clusters: [], topLevel: [], outlierShare: 0, params };
}
