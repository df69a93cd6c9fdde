// The clustering job: row texts -> embeddings -> clusters (worker threads) -> keyword names -> 2-D map ->
// save: a hidden run reserves the id, its vectors go to LanceDB, then one transaction writes clusters and
// members and makes the run visible, so a killed save never leaves a run without vectors. Imports: engine
// (embed, cluster), the cluster repository, abandoned-runs, the traces domain's rows, vectors.
import { ClusterRunParams } from '../../../shared/contract/index.ts';
import { clusterVectors, layout2d, nameClustersOffline } from './engine/cluster-api.ts';
import type { ClusterRepository, NewCluster } from './cluster-repository.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { writeRunVectors } from '../platform/vectors/row-vectors.ts';
import { discardAbandonedRuns } from './abandoned-runs.ts';
import type { EmbedderFactory } from '../embed/index.ts';
import type { RowRepository } from '../traces/index.ts';

export interface ClusterJobDeps {
  clusters: ClusterRepository;
  rows: RowRepository;
  vectors: () => Promise<VectorStore>;
  embedders: EmbedderFactory;
  now: () => number;
  /** Runs after the run is saved when the user asked for LLM names (see llm naming). */
  nameWithLlm?: (runId: number, signal: AbortSignal, jobId: number) => Promise<unknown>;
}

export interface ClusterJobResult {
  runId: number;
  rows: number;
  clusters: number;
  outliers: number;
}

export function createClusterJob(deps: ClusterJobDeps): JobHandler<ClusterRunParams> {
  return {
    kind: 'cluster',
    lane: 'cpu',
    params: ClusterRunParams,
    changes: ['clusters'],
    title: (p) => `Cluster rows (${p.embedder === 'builtin' ? 'built-in embedder' : 'OpenAI-compatible embedder'})`,
    run: (ctx) => runClustering(ctx, deps),
  };
}

async function runClustering(ctx: JobContext<ClusterRunParams>, deps: ClusterJobDeps): Promise<ClusterJobResult> {
  const { params, signal } = ctx;
  // A clustering is saved whole or not at all, so a resumed run simply starts again, after removing what an
  // earlier attempt of this job left half-saved.
  await discardAbandonedRuns(deps.clusters, deps.vectors, ctx.jobId);
  ctx.progress(0, null, 'Reading rows');
  const { rowIds, texts } = deps.rows.texts(params.textMode, undefined, signal);
  const n = rowIds.length;
  if (n < 2) throw new Error('there are fewer than two rows to cluster: import traces first');

  ctx.progress(0, n, 'Embedding');
  const embedder = await deps.embedders.forRun(params.embedder, texts, { signal, onProgress: (p) => ctx.progress(p.done, p.total, 'Fitting the embedder') });
  const vectors = await embedder.embed(texts, { signal, jobId: ctx.jobId, onProgress: (p) => ctx.progress(p.done, p.total, 'Embedding') });
  const d = embedder.dimensions;

  ctx.progress(0, null, 'Clustering');
  const clustering = await clusterVectors(vectors, n, d, {
    granularity: params.granularity,
    ...(params.minClusterSize === undefined ? {} : { minClusterSize: params.minClusterSize }),
    signal,
    onProgress: (p) => ctx.progress(p.done, p.total, `Clustering: ${p.phase}`),
  });

  ctx.progress(0, null, 'Naming');
  const names = await nameClustersOffline(texts, clustering.labels, { scores: clustering.scores, signal });
  const groupOfCluster = new Map(clustering.clusters.map((c) => [c.id, c.parent]));
  const groupLabels = Int32Array.from(clustering.labels, (l) => (l < 0 ? -1 : (groupOfCluster.get(l) ?? -1)));
  const groupNames = await nameClustersOffline(texts, groupLabels, { scores: clustering.scores, signal });

  ctx.progress(0, null, 'Drawing the map');
  const xy = await layout2d(vectors, n, d, { signal, onProgress: (p) => ctx.progress(p.done, p.total, 'Drawing the map') });

  ctx.progress(0, null, 'Saving');
  signal.throwIfAborted();
  const representatives = (rows: number[]): { rowId: number; text: string }[] => rows.map((i) => ({ rowId: rowIds[i]!, text: texts[i]!.slice(0, 300) }));
  const nameById = new Map(names.map((x) => [x.clusterId, x]));
  const groupNameById = new Map(groupNames.map((x) => [x.clusterId, x]));
  const newClusters: NewCluster[] = [
    ...clustering.topLevel.map((g) => {
      const name = groupNameById.get(g.id);
      return {
        key: `g${g.id}`,
        parentKey: null,
        level: 'group' as const,
        keywordName: name?.name ?? `group ${g.id}`,
        keywords: name?.keywords ?? [],
        representatives: representatives(name?.representatives ?? []),
        centroid: null,
        calibration: null,
      };
    }),
    ...clustering.clusters.map((c) => {
      const name = nameById.get(c.id);
      return {
        key: `c${c.id}`,
        parentKey: `g${c.parent}`,
        level: 'cluster' as const,
        keywordName: name?.name ?? `cluster ${c.id}`,
        keywords: name?.keywords ?? [],
        representatives: representatives(name?.representatives ?? []),
        centroid: c.centroid,
        calibration: c.calibration,
      };
    }),
  ];
  const members = Array.from(rowIds, (rowId, i) => ({
    rowId,
    clusterKey: clustering.labels[i]! < 0 ? null : `c${clustering.labels[i]}`,
    nearestKey: `c${clustering.nearest[i]}`,
    score: clustering.scores[i]!,
    x: xy[2 * i]!,
    y: xy[2 * i + 1]!,
  }));
  const runId = deps.clusters.beginRun(
    { embedder: embedder.id, params: { ...params, ...clustering.params }, embedderState: deps.embedders.state(embedder), outlierZ: clustering.outlierZ, dims: d },
    ctx.jobId,
    deps.now(),
  );
  try {
    await writeRunVectors(await deps.vectors(), runId, rowIds, vectors, d);
    signal.throwIfAborted();
    deps.clusters.completeRun(runId, { clusters: newClusters, members });
  } catch (error) {
    await discardAbandonedRuns(deps.clusters, deps.vectors, ctx.jobId);
    throw error;
  }

  if (params.nameWithLlm && deps.nameWithLlm) {
    ctx.progress(0, null, 'Naming with the LLM');
    await deps.nameWithLlm(runId, signal, ctx.jobId);
  }
  ctx.progress(n, n, 'Done');
  const outliers = members.filter((m) => m.clusterKey === null).length;
  return { runId, rows: n, clusters: clustering.clusters.length, outliers };
}
