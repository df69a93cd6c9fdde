// Quality half of the cluster benchmark: Winnow's automatic clustering (built-in embedder, defaults)
// against intent labels, beside TF-IDF + k-means told the true k. Imports: engine, row text, bench/lib.

import { clusterVectors } from '../src/main/core/clusters/engine/cluster-api.ts';
import { kmeans } from '../src/main/core/clusters/engine/kmeans.ts';
import { fitBuiltinEmbedder } from '../src/main/core/embed/builtin-embedder.ts';
import { rowText } from '../src/main/core/traces/row-text.ts';
import { sparseKMeans, tfidf } from './lib/baseline.ts';
import { corpusAvailable, loadCorpus, type CorpusName } from './lib/datasets.ts';
import { adjustedRandIndex, normalizedMutualInfo, outliersAsSingletons } from './lib/metrics.ts';

export interface Scores {
  ari: number;
  nmi: number;
}

export interface QualityResult {
  corpus: CorpusName;
  rows: number;
  trueK: number;
  /** Distinct coarse labels (hwu64 scenarios), 0 when the corpus has none. */
  coarseK: number;
  /** Winnow, default settings, seed 42. */
  clusters: number;
  groups: number;
  outlierShare: number;
  /** Fine clusters vs intents with outliers as one "-1" cluster (the stricter convention, used for the target). */
  asOneLabel: Scores;
  /** Outliers as singletons. */
  asSingletons: Scores;
  /** Outliers counted in their nearest cluster (what the rows would get without the outlier rule). */
  nearest: Scores;
  /** ARI (-1 convention) over seeds 42, 43, 44: min and max, to show run-to-run spread. */
  seedRange: [number, number];
  /** Top-level groups vs scenarios (hwu64), outliers in their nearest cluster's group. */
  topLevel: Scores | null;
  /** Plain baseline: word TF-IDF + k-means, k = true, best inertia of 3 k-means++ starts (mean over 3 seeds). */
  baseline: Scores;
  /** Stronger baseline: Winnow's own vectors + spherical k-means, k = true (mean over 3 seeds). */
  embeddingKMeans: Scores;
  /** The coarser ↔ finer knob: clusters found and ARI (-1) at each granularity. */
  sweep: { granularity: number; resolution: number; clusters: number; ari: number; outlierShare: number }[];
  seconds: { embed: number; cluster: number };
}

export const SWEEP = [-1, -0.5, 0, 0.5, 1];

const score = (truth: string[], pred: ArrayLike<number>): Scores => ({ ari: adjustedRandIndex(truth, pred), nmi: normalizedMutualInfo(truth, pred) });
const mean = (xs: Scores[]): Scores => ({ ari: xs.reduce((s, x) => s + x.ari, 0) / xs.length, nmi: xs.reduce((s, x) => s + x.nmi, 0) / xs.length });

export async function runQuality(name: CorpusName, log: (s: string) => void): Promise<QualityResult | null> {
  if (!corpusAvailable(name)) {
    log(`[skip] ${name}: data file not found under ../shared/data`);
    return null;
  }
  const c = loadCorpus(name);
  // Each prompt as a one-turn row through the default row text, so a change of default shows here.
  const texts = c.texts.map((t) => rowText([{ role: 'user', content: t }]));
  const n = texts.length;
  const trueK = new Set(c.labels).size;
  let t = performance.now();
  const e = await fitBuiltinEmbedder(texts);
  const v = await e.embed(texts);
  const embedS = (performance.now() - t) / 1000;
  t = performance.now();
  const main = await clusterVectors(v, n, e.dimensions, { seed: 42 });
  const clusterS = (performance.now() - t) / 1000;
  const seeds = [score(c.labels, main.labels).ari];
  for (const seed of [43, 44]) seeds.push(score(c.labels, (await clusterVectors(v, n, e.dimensions, { seed })).labels).ari);
  let topLevel: Scores | null = null;
  if (c.coarse) {
    const parent = new Map(main.clusters.map((x) => [x.id, x.parent]));
    topLevel = score(c.coarse, Int32Array.from(main.nearest, (id) => parent.get(id)!));
  }
  const sweep: QualityResult['sweep'] = [];
  for (const granularity of SWEEP) {
    const r = granularity === 0 ? main : await clusterVectors(v, n, e.dimensions, { seed: 42, granularity });
    sweep.push({ granularity, resolution: r.params.resolution, clusters: r.clusters.length, ari: adjustedRandIndex(c.labels, r.labels), outlierShare: r.outlierShare });
  }
  log(`  ${name}: Winnow done (${main.clusters.length} clusters); baselines …`);
  const X = tfidf(c.texts);
  const baseline = mean([1, 2, 3].map((seed) => score(c.labels, sparseKMeans(X, trueK, seed).labels)));
  const embeddingKMeans = mean([1, 2, 3].map((seed) => score(c.labels, kmeans(v, n, e.dimensions, trueK, { seed }).labels)));
  return {
    corpus: name,
    rows: n,
    trueK,
    coarseK: c.coarse ? new Set(c.coarse).size : 0,
    clusters: main.clusters.length,
    groups: main.topLevel.length,
    outlierShare: main.outlierShare,
    asOneLabel: score(c.labels, main.labels),
    asSingletons: score(c.labels, outliersAsSingletons(main.labels)),
    nearest: score(c.labels, main.nearest),
    seedRange: [Math.min(...seeds), Math.max(...seeds)],
    topLevel,
    baseline,
    embeddingKMeans,
    sweep,
    seconds: { embed: embedS, cluster: clusterS },
  };
}
