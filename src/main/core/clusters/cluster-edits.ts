// The user's edits of a saved clustering: merge clusters, split one, with memberships, scores and keyword
// names recomputed and written back in one transaction. Imports: engine, the cluster repository, the traces
// domain's rows, vectors, rpc errors.
import type { TextMode } from '../../../shared/contract/index.ts';
import { mergeClusters, nameClustersOffline, splitCluster } from './engine/cluster-api.ts';
import type { Calibration, Clustering, ClusterSummary } from './engine/types.ts';
import type { ClusterRepository, EditedCluster } from './cluster-repository.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { readRunVectors } from '../platform/vectors/row-vectors.ts';
import type { RowRepository } from '../traces/index.ts';

interface Loaded {
  runId: number;
  rowIds: Int32Array;
  vectors: Float32Array;
  clustering: Clustering;
  textMode: TextMode;
}

/** Rebuilds the engine's view of a run, using database cluster ids as engine ids. */
export async function loadSavedClustering(clusters: ClusterRepository, store: VectorStore, runId: number): Promise<Loaded> {
  const model = clusters.model(runId);
  if (!model) throw new CommandError('not_found', `clustering run ${runId} does not exist`);
  const { rowIds, vectors } = await readRunVectors(store, runId);
  const members = clusters.membershipsOf(runId);
  const n = rowIds.length;
  const labels = new Int32Array(n);
  const nearest = new Int32Array(n);
  const scores = new Float32Array(n);
  const sizes = new Map<number, number>();
  let outliers = 0;
  for (let i = 0; i < n; i++) {
    const m = members.get(rowIds[i]!);
    if (!m) throw new Error(`row ${rowIds[i]} has a vector but no membership in run ${runId}`);
    labels[i] = m.clusterId ?? -1;
    // No nearest cluster is stored as null, which the engine spells -1.
    nearest[i] = m.nearestId ?? -1;
    scores[i] = m.score;
    if (m.clusterId === null) outliers++;
    else sizes.set(m.clusterId, (sizes.get(m.clusterId) ?? 0) + 1);
  }
  const summaries: ClusterSummary[] = model.clusters.map((c) => ({
    id: c.id,
    size: sizes.get(c.id) ?? 0,
    centroid: c.centroid,
    parent: c.parentId,
    calibration: c.calibration as Calibration,
  }));
  const groups = new Map<number, number[]>();
  for (const c of summaries) groups.set(c.parent, [...(groups.get(c.parent) ?? []), c.id]);
  const clustering: Clustering = {
    dims: model.dims,
    outlierZ: model.outlierZ,
    labels,
    nearest,
    scores,
    clusters: summaries,
    topLevel: [...groups].map(([id, childIds]) => ({ id, childIds, size: childIds.reduce((s, c) => s + (sizes.get(c) ?? 0), 0) })),
    outlierShare: n === 0 ? 0 : outliers / n,
    params: model.params as unknown as Clustering['params'],
  };
  return { runId, rowIds, vectors, clustering, textMode: ((model.params.textMode as TextMode | undefined) ?? 'last-user') };
}

/** Writes an edited clustering back: new clusters, retired ones, centroids, every member, fresh keyword names. */
async function saveEdited(clusters: ClusterRepository, rows: RowRepository, loaded: Loaded, next: Clustering, retired: number[], mergedInto: number | null): Promise<number[]> {
  const { runId, rowIds } = loaded;
  const { texts } = rows.texts(loaded.textMode, Array.from(rowIds));
  const names = await nameClustersOffline(texts, next.labels, { scores: next.scores });
  const nameOf = new Map(names.map((x) => [x.clusterId, x]));
  const known = new Set(loaded.clustering.clusters.map((c) => c.id));
  const edited: EditedCluster[] = next.clusters.map((c) => {
    const name = nameOf.get(c.id);
    return {
      id: c.id,
      stored: known.has(c.id),
      parentId: c.parent,
      keywordName: name?.name ?? `cluster ${c.id}`,
      keywords: name?.keywords ?? [],
      representatives: (name?.representatives ?? []).map((i) => ({ rowId: rowIds[i]!, text: texts[i]!.slice(0, 300) })),
      centroid: c.centroid,
      calibration: c.calibration,
    };
  });
  const members = Array.from(rowIds, (rowId, i) => ({ rowId, label: next.labels[i]!, nearest: next.nearest[i]!, score: next.scores[i]! }));
  return clusters.saveEdit(runId, { clusters: edited, retired, mergedInto, members });
}

export async function mergeSavedClusters(clusters: ClusterRepository, rows: RowRepository, store: VectorStore, clusterIds: number[]): Promise<number> {
  const infos = clusterIds.map((id) => {
    const info = clusters.cluster(id);
    if (!info) throw new CommandError('not_found', `cluster ${id} does not exist`);
    return info;
  });
  const runIds = new Set(infos.map((c) => c.runId));
  if (runIds.size !== 1) throw new CommandError('invalid_input', 'clusters from different runs cannot be merged');
  if (infos.some((c) => c.level !== 'cluster')) throw new CommandError('invalid_input', 'only fine clusters can be merged, not top-level groups');
  const loaded = await loadSavedClustering(clusters, store, [...runIds][0]!);
  const next = await mergeClusters(loaded.clustering, loaded.vectors, clusterIds);
  const survivor = clusterIds.find((id) => next.clusters.some((c) => c.id === id))!;
  await saveEdited(clusters, rows, loaded, next, clusterIds.filter((id) => id !== survivor), survivor);
  return survivor;
}

export async function splitSavedCluster(clusters: ClusterRepository, rows: RowRepository, store: VectorStore, clusterId: number, parts: number): Promise<number[]> {
  const info = clusters.cluster(clusterId);
  if (!info) throw new CommandError('not_found', `cluster ${clusterId} does not exist`);
  if (info.level !== 'cluster') throw new CommandError('invalid_input', 'only fine clusters can be split, not top-level groups');
  if (info.size < parts * 2) throw new CommandError('invalid_input', `cluster ${clusterId} has ${info.size} members: too few to split into ${parts}`);
  const loaded = await loadSavedClustering(clusters, store, info.runId);
  const next = await splitCluster(loaded.clustering, loaded.vectors, clusterId, { parts });
  const created = await saveEdited(clusters, rows, loaded, next, [], null);
  return [clusterId, ...created];
}
