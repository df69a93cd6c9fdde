// The user's edits of a saved clustering: merge clusters, split one, with memberships, scores and keyword
// names recomputed and written back in one transaction. Imports: engine, db, vectors, row-source.
import type { Database } from 'better-sqlite3';
import type { TextMode } from '../../../shared/contract/index.ts';
import { mergeClusters, nameClustersOffline, splitCluster } from './engine/cluster-api.ts';
import type { Calibration, Clustering, ClusterSummary } from './engine/types.ts';
import type { ClusterRepository } from './cluster-repository.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { readRunVectors } from '../platform/vectors/row-vectors.ts';
import { loadRowTexts } from './row-source.ts';

interface Loaded {
  runId: number;
  rowIds: Int32Array;
  vectors: Float32Array;
  clustering: Clustering;
  textMode: TextMode;
}

const floats = (b: Buffer): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/** Rebuilds the engine's view of a run, using database cluster ids as engine ids. */
export async function loadClustering(db: Database, clusters: ClusterRepository, store: VectorStore, runId: number): Promise<Loaded> {
  const model = clusters.model(runId);
  if (!model) throw new CommandError('not_found', `clustering run ${runId} does not exist`);
  const { rowIds, vectors } = await readRunVectors(store, runId);
  const members = new Map(
    (db.prepare('SELECT row_id, cluster_id, nearest_id, score FROM cluster_members WHERE run_id = ?').raw().all(runId) as [number, number | null, number, number][]).map(
      ([rowId, clusterId, nearest, score]) => [rowId, { clusterId, nearest, score }],
    ),
  );
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
    nearest[i] = m.nearest;
    scores[i] = m.score;
    if (m.clusterId === null) outliers++;
    else sizes.set(m.clusterId, (sizes.get(m.clusterId) ?? 0) + 1);
  }
  const records = db
    .prepare(`SELECT id, parent_id, centroid, calibration_json FROM clusters WHERE run_id = ? AND level = 'cluster' AND merged_into IS NULL ORDER BY id`)
    .all(runId) as { id: number; parent_id: number; centroid: Buffer; calibration_json: string }[];
  const summaries: ClusterSummary[] = records.map((r) => ({
    id: r.id,
    size: sizes.get(r.id) ?? 0,
    centroid: floats(r.centroid),
    parent: r.parent_id,
    calibration: JSON.parse(r.calibration_json) as Calibration,
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
async function saveEdited(db: Database, loaded: Loaded, next: Clustering, retired: number[], mergedInto: number | null): Promise<number[]> {
  const { runId, rowIds } = loaded;
  const { texts } = loadRowTexts(db, loaded.textMode, Array.from(rowIds));
  const names = await nameClustersOffline(texts, next.labels, { scores: next.scores });
  const nameOf = new Map(names.map((x) => [x.clusterId, x]));
  const known = new Set(loaded.clustering.clusters.map((c) => c.id));
  const created: number[] = [];
  db.transaction(() => {
    const idMap = new Map<number, number>();
    const insert = db.prepare(`INSERT INTO clusters (run_id, parent_id, level, name, keyword_name, named_by, keywords_json, representatives_json, centroid, calibration_json)
      VALUES (?, ?, 'cluster', ?, ?, 'keywords', ?, ?, ?, ?)`);
    const update = db.prepare(`UPDATE clusters SET centroid = ?, calibration_json = ?, keyword_name = ?, keywords_json = ?, representatives_json = ?,
      name = CASE WHEN named_by = 'keywords' THEN ? ELSE name END WHERE id = ?`);
    for (const c of next.clusters) {
      const name = nameOf.get(c.id);
      const keywordName = name?.name ?? `cluster ${c.id}`;
      const reps = JSON.stringify((name?.representatives ?? []).map((i) => ({ rowId: rowIds[i]!, text: texts[i]!.slice(0, 300) })));
      const centroid = Buffer.from(c.centroid.buffer, c.centroid.byteOffset, c.centroid.byteLength);
      if (known.has(c.id)) {
        update.run(centroid, JSON.stringify(c.calibration), keywordName, JSON.stringify(name?.keywords ?? []), reps, keywordName, c.id);
        idMap.set(c.id, c.id);
      } else {
        const id = Number(insert.run(runId, c.parent, keywordName, keywordName, JSON.stringify(name?.keywords ?? []), reps, centroid, JSON.stringify(c.calibration)).lastInsertRowid);
        idMap.set(c.id, id);
        created.push(id);
      }
    }
    const retire = db.prepare('UPDATE clusters SET merged_into = ? WHERE id = ?');
    for (const id of retired) retire.run(mergedInto, id);
    const member = db.prepare('UPDATE cluster_members SET cluster_id = ?, nearest_id = ?, score = ? WHERE run_id = ? AND row_id = ?');
    for (let i = 0; i < rowIds.length; i++) {
      const label = next.labels[i]!;
      member.run(label < 0 ? null : idMap.get(label)!, idMap.get(next.nearest[i]!) ?? null, next.scores[i]!, runId, rowIds[i]!);
    }
  })();
  return created;
}

export async function mergeSavedClusters(db: Database, clusters: ClusterRepository, store: VectorStore, clusterIds: number[]): Promise<number> {
  const infos = clusterIds.map((id) => {
    const info = clusters.cluster(id);
    if (!info) throw new CommandError('not_found', `cluster ${id} does not exist`);
    return info;
  });
  const runIds = new Set(infos.map((c) => c.runId));
  if (runIds.size !== 1) throw new CommandError('invalid_input', 'clusters from different runs cannot be merged');
  if (infos.some((c) => c.level !== 'cluster')) throw new CommandError('invalid_input', 'only fine clusters can be merged, not top-level groups');
  const loaded = await loadClustering(db, clusters, store, [...runIds][0]!);
  const next = await mergeClusters(loaded.clustering, loaded.vectors, clusterIds);
  const survivor = clusterIds.find((id) => next.clusters.some((c) => c.id === id))!;
  await saveEdited(db, loaded, next, clusterIds.filter((id) => id !== survivor), survivor);
  return survivor;
}

export async function splitSavedCluster(db: Database, clusters: ClusterRepository, store: VectorStore, clusterId: number, parts: number): Promise<number[]> {
  const info = clusters.cluster(clusterId);
  if (!info) throw new CommandError('not_found', `cluster ${clusterId} does not exist`);
  if (info.level !== 'cluster') throw new CommandError('invalid_input', 'only fine clusters can be split, not top-level groups');
  if (info.size < parts * 2) throw new CommandError('invalid_input', `cluster ${clusterId} has ${info.size} members: too few to split into ${parts}`);
  const loaded = await loadClustering(db, clusters, store, info.runId);
  const next = await splitCluster(loaded.clustering, loaded.vectors, clusterId, { parts });
  const created = await saveEdited(db, loaded, next, [], null);
  return [clusterId, ...created];
}
