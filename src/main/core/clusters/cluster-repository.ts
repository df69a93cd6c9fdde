// Reads and writes clustering runs, their clusters and each row's membership and map position: every
// statement over cluster_runs, clusters and cluster_members. Imports: better-sqlite3 types, platform write transaction, contract types.
import type { Database, Statement } from 'better-sqlite3';
import type { ClusterInfo, ClusterRun, MemberSort, RowCluster } from '../../../shared/contract/index.ts';
import { writeTransaction } from '../platform/db/transaction.ts';

/** Members scoring below this are "borderline": worth a look before they go into a dataset. */
export const BORDERLINE_SCORE = 0.5;

export interface NewCluster {
  /** Engine id, unique within the run (groups and fine clusters use separate id spaces). */
  key: string;
  parentKey: string | null;
  level: 'group' | 'cluster';
  keywordName: string;
  keywords: string[];
  representatives: { rowId: number; text: string }[];
  centroid: Float32Array | null;
  calibration: unknown;
}

export interface NewRun {
  embedder: string;
  params: Record<string, unknown>;
  embedderState: Uint8Array | null;
  outlierZ: number;
  dims: number;
  clusters: NewCluster[];
  /** Per member: row id, cluster key (null = outlier), nearest cluster key, score, x, y. */
  members: { rowId: number; clusterKey: string | null; nearestKey: string; score: number; x: number; y: number }[];
}

interface RunRecord {
  id: number;
  created_at: number;
  embedder: string;
  params_json: string;
  rows: number;
  outliers: number;
  named_by: string | null;
}

interface ClusterRecord {
  id: number;
  run_id: number;
  parent_id: number | null;
  level: 'group' | 'cluster';
  name: string;
  keyword_name: string;
  description: string | null;
  include_rule: string | null;
  exclude_rule: string | null;
  named_by: string;
  keywords_json: string;
  representatives_json: string;
}

export interface StoredClusterModel {
  runId: number;
  embedder: string;
  embedderState: Uint8Array | null;
  params: Record<string, unknown>;
  outlierZ: number;
  dims: number;
  /** The run's live fine clusters (merged-away ones left out), by id. */
  clusters: { id: number; parentId: number; centroid: Float32Array; calibration: unknown }[];
}

/** A row's place in a run: its cluster (null = outlier), nearest cluster and membership score. */
export interface Membership {
  clusterId: number | null;
  nearestId: number | null;
  score: number;
}

/** One page entry of a cluster's members; the rows' text comes from the traces domain. */
export interface MemberRef {
  rowId: number;
  clusterId: number | null;
  score: number;
}

/** A fine cluster after an edit: `id` is stored already when `stored`, otherwise an engine id to insert under. */
export interface EditedCluster {
  id: number;
  stored: boolean;
  parentId: number;
  keywordName: string;
  keywords: string[];
  representatives: { rowId: number; text: string }[];
  centroid: Float32Array;
  calibration: unknown;
}

/** An edited run written back: its clusters, the retired ones, and every member by engine ids. */
export interface ClusterEdit {
  clusters: EditedCluster[];
  retired: number[];
  /** The cluster the retired ones were merged into, or null. */
  mergedInto: number | null;
  /** Per row: its engine cluster id (-1 = outlier), nearest engine cluster id and score. */
  members: { rowId: number; label: number; nearest: number; score: number }[];
}

const blob = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const floats = (b: Buffer): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export class ClusterRepository {
  private readonly db: Database;
  private readonly latestRun: Statement;
  private readonly allRuns: Statement;
  private readonly oneRun: Statement;
  private readonly runCounts: Statement;
  private readonly runOutliers: Statement;
  private readonly runRows: Statement;
  private readonly liveClusters: Statement;
  private readonly clusterStats: Statement;
  private readonly runClusters: Statement;
  private readonly oneCluster: Statement;
  private readonly clusterLevel: Statement;
  private readonly pages = new Map<string, Statement>();
  private readonly sampledPoints: Statement;
  private readonly renameCluster: Statement;
  private readonly llmName: Statement;
  private readonly runNamedBy: Statement;
  private readonly unassigned: Statement;
  private readonly memberships: Statement;
  private readonly centres: Statement;
  private readonly insertMember: Statement;
  private readonly updateMember: Statement;
  private readonly insertEdited: Statement;
  private readonly updateEdited: Statement;
  private readonly retire: Statement;
  private readonly runOfRow: Statement;
  private readonly rowPlaces: Statement;

  constructor(db: Database) {
    this.db = db;
    // Only complete runs exist for readers: a run being saved (or abandoned by a killed save) has no vectors yet.
    this.latestRun = db.prepare(`SELECT MAX(id) AS id FROM cluster_runs WHERE state = 'complete'`);
    this.allRuns = db.prepare(`SELECT * FROM cluster_runs WHERE state = 'complete' ORDER BY id DESC`);
    this.oneRun = db.prepare(`SELECT * FROM cluster_runs WHERE id = ? AND state = 'complete'`);
    this.runCounts = db.prepare(`SELECT SUM(level = 'cluster') AS clusters, SUM(level = 'group') AS groups FROM clusters WHERE run_id = ? AND merged_into IS NULL`);
    this.runOutliers = db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ? AND cluster_id IS NULL');
    this.runRows = db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ?');
    this.liveClusters = db.prepare(
      `SELECT id, parent_id, centroid, calibration_json FROM clusters WHERE run_id = ? AND level = 'cluster' AND merged_into IS NULL ORDER BY id`,
    );
    this.clusterStats = db.prepare(`SELECT cluster_id AS id, COUNT(*) AS size, AVG(score) AS mean, SUM(score < ?) AS borderline
      FROM cluster_members WHERE run_id = ? AND cluster_id IS NOT NULL GROUP BY cluster_id`);
    this.runClusters = db.prepare('SELECT * FROM clusters WHERE run_id = ? AND merged_into IS NULL ORDER BY id');
    // One cluster's figures alone: a fine cluster's own members, or a group's through its children (groups
    // have no members of their own, fine clusters no children), so nothing else in the run is aggregated.
    this.oneCluster = db.prepare(`SELECT c.*, s.size, s.mean, s.borderline,
        (SELECT COUNT(*) FROM cluster_members a WHERE a.run_id = c.run_id) AS total
      FROM clusters c, (SELECT COUNT(*) AS size, AVG(m.score) AS mean, SUM(m.score < @borderline) AS borderline
          FROM cluster_members m
          WHERE m.run_id = (SELECT run_id FROM clusters WHERE id = @id)
            AND m.cluster_id IN (SELECT id FROM clusters WHERE id = @id OR parent_id = @id)) s
      WHERE c.id = @id AND c.merged_into IS NULL`);
    this.clusterLevel = db.prepare('SELECT level FROM clusters WHERE id = ?');
    // Row k is kept when floor(k·keep/total) steps up: exactly `keep` rows, spread evenly.
    this.sampledPoints = db
      .prepare(`SELECT row_id, x, y, cluster_id FROM (SELECT row_id, x, y, cluster_id, ROW_NUMBER() OVER (ORDER BY row_id) AS k
        FROM cluster_members WHERE run_id = ?) WHERE (k * CAST(? AS INTEGER)) / CAST(? AS INTEGER) > ((k - 1) * CAST(? AS INTEGER)) / CAST(? AS INTEGER)`)
      .raw();
    this.renameCluster = db.prepare(`UPDATE clusters SET name = ?, named_by = 'user' WHERE id = ? AND merged_into IS NULL`);
    this.llmName = db.prepare(
      `UPDATE clusters SET name = ?, description = ?, include_rule = ?, exclude_rule = ?, named_by = ? WHERE id = ? AND named_by != 'user'`,
    );
    this.runNamedBy = db.prepare('UPDATE cluster_runs SET named_by = ? WHERE id = ?');
    this.unassigned = db
      .prepare('SELECT r.id FROM rows r WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.run_id = ? AND m.row_id = r.id) ORDER BY r.id')
      .pluck();
    this.memberships = db.prepare('SELECT row_id, cluster_id, nearest_id, score FROM cluster_members WHERE run_id = ?').raw();
    this.centres = db.prepare('SELECT cluster_id, AVG(x), AVG(y) FROM cluster_members WHERE run_id = ? AND cluster_id IS NOT NULL GROUP BY cluster_id').raw();
    this.insertMember = db.prepare('INSERT INTO cluster_members (run_id, row_id, cluster_id, nearest_id, score, x, y) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.updateMember = db.prepare('UPDATE cluster_members SET cluster_id = ?, nearest_id = ?, score = ? WHERE run_id = ? AND row_id = ?');
    this.insertEdited = db.prepare(`INSERT INTO clusters (run_id, parent_id, level, name, keyword_name, named_by, keywords_json, representatives_json, centroid, calibration_json)
      VALUES (?, ?, 'cluster', ?, ?, 'keywords', ?, ?, ?, ?)`);
    this.updateEdited = db.prepare(`UPDATE clusters SET centroid = ?, calibration_json = ?, keyword_name = ?, keywords_json = ?, representatives_json = ?,
      name = CASE WHEN named_by = 'keywords' THEN ? ELSE name END WHERE id = ?`);
    this.retire = db.prepare('UPDATE clusters SET merged_into = ? WHERE id = ?');
    this.runOfRow = db.prepare('SELECT MAX(run_id) AS id FROM cluster_members WHERE row_id = ?');
    // Each row by the primary key (run_id, row_id); an outlier's name is its nearest cluster's.
    this.rowPlaces = db
      .prepare(`SELECT m.row_id, m.cluster_id, m.nearest_id, m.score, c.name FROM cluster_members m
        LEFT JOIN clusters c ON c.id = COALESCE(m.cluster_id, m.nearest_id)
        WHERE m.run_id = ? AND m.row_id IN (SELECT value FROM json_each(?))`)
      .raw();
  }

  /**
   * Step 1 of saving a run: reserves its id as a hidden 'saving' run owned by `jobId`, so its vectors can be
   * written under that id before anything of it is visible (see cluster-job.ts).
   */
  beginRun(run: Omit<NewRun, 'clusters' | 'members'>, jobId: number, now: number): number {
    return writeTransaction(this.db, () =>
      Number(
        this.db
          .prepare(`INSERT INTO cluster_runs (created_at, embedder, params_json, embedder_state, outlier_z, dims, rows, outliers, state, job_id)
            VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'saving', ?)`)
          .run(now, run.embedder, JSON.stringify(run.params), run.embedderState, run.outlierZ, run.dims, jobId).lastInsertRowid,
      ),
    );
  }

  /**
   * Step 2, once its vectors exist: writes the clusters and members and makes the run visible, in one
   * transaction, so a cancelled or killed save leaves nothing half-written.
   */
  completeRun(runId: number, run: Pick<NewRun, 'clusters' | 'members'>): void {
    writeTransaction(this.db, () => {
      const outliers = run.members.filter((m) => m.clusterKey === null).length;
      const ids = new Map<string, number>();
      const insert = this.db.prepare(`INSERT INTO clusters (run_id, parent_id, level, name, keyword_name, named_by, keywords_json,
        representatives_json, centroid, calibration_json) VALUES (?, ?, ?, ?, ?, 'keywords', ?, ?, ?, ?)`);
      // Groups first, so fine clusters can point at them.
      const ordered = [...run.clusters].sort((a, b) => (a.level === b.level ? 0 : a.level === 'group' ? -1 : 1));
      for (const c of ordered) {
        const parent = c.parentKey === null ? null : (ids.get(c.parentKey) ?? null);
        const id = insert.run(runId, parent, c.level, c.keywordName, c.keywordName, JSON.stringify(c.keywords), JSON.stringify(c.representatives),
          c.centroid ? blob(c.centroid) : null, c.calibration === null ? null : JSON.stringify(c.calibration)).lastInsertRowid;
        ids.set(c.key, Number(id));
      }
      const member = this.db.prepare('INSERT INTO cluster_members (run_id, row_id, cluster_id, nearest_id, score, x, y) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const m of run.members) {
        member.run(runId, m.rowId, m.clusterKey === null ? null : ids.get(m.clusterKey)!, ids.get(m.nearestKey) ?? null, m.score, m.x, m.y);
      }
      const { changes } = this.db
        .prepare(`UPDATE cluster_runs SET state = 'complete', rows = ?, outliers = ? WHERE id = ? AND state = 'saving'`)
        .run(run.members.length, outliers, runId);
      // Another process took the run for abandoned (its job looked dead): roll back rather than revive it.
      if (changes !== 1) throw new Error(`clustering run ${runId} was abandoned while it was being saved`);
    });
  }

  /** Saves a whole run at once (no vectors): begin and complete. */
  saveRun(run: NewRun, now: number): number {
    return writeTransaction(this.db, () => {
      const runId = this.beginRun(run, 0, now);
      this.completeRun(runId, run);
      return runId;
    });
  }

  /**
   * Marks abandoned the runs left 'saving' by a job that is no longer queued or running (its process died, or
   * it failed before completing), or by `jobId` itself (a resumed job starts its save again). Returns every
   * abandoned run whose vector table may still need dropping.
   */
  abandonSavingRuns(jobId: number | null = null): number[] {
    const dead = `state = 'saving' AND (job_id IS ? OR job_id IS NULL OR job_id NOT IN (SELECT id FROM jobs WHERE status IN ('queued', 'running')))`;
    if (this.db.prepare(`SELECT 1 FROM cluster_runs WHERE ${dead} OR state = 'abandoned' LIMIT 1`).get(jobId) === undefined) return [];
    return writeTransaction(this.db, () => {
      this.db.prepare(`UPDATE cluster_runs SET state = 'abandoned' WHERE ${dead}`).run(jobId);
      return this.db.prepare(`SELECT id FROM cluster_runs WHERE state = 'abandoned' ORDER BY id`).pluck().all() as number[];
    });
  }

  /** An abandoned run whose vector table is gone: nothing of it is left but its reserved id. */
  markDiscarded(runId: number): void {
    writeTransaction(this.db, () => this.db.prepare(`UPDATE cluster_runs SET state = 'discarded' WHERE id = ? AND state = 'abandoned'`).run(runId));
  }

  latestRunId(): number | null {
    return (this.latestRun.get() as { id: number | null }).id;
  }

  runs(): ClusterRun[] {
    return (this.allRuns.all() as RunRecord[]).map((r) => this.toRun(r));
  }

  run(runId: number): ClusterRun | undefined {
    const r = this.oneRun.get(runId) as RunRecord | undefined;
    return r && this.toRun(r);
  }

  private toRun(r: RunRecord): ClusterRun {
    const counts = this.runCounts.get(r.id) as { clusters: number | null; groups: number | null };
    const outliers = (this.runOutliers.get(r.id) as { n: number }).n;
    const rows = (this.runRows.get(r.id) as { n: number }).n;
    return {
      id: r.id,
      createdAt: r.created_at,
      embedder: r.embedder,
      params: JSON.parse(r.params_json) as Record<string, unknown>,
      rows,
      clusters: counts.clusters ?? 0,
      topLevel: counts.groups ?? 0,
      outliers,
      outlierShare: rows === 0 ? 0 : outliers / rows,
      namedBy: r.named_by,
    };
  }

  model(runId: number): StoredClusterModel | undefined {
    const r = this.oneRun.get(runId) as (RunRecord & { embedder_state: Buffer | null; outlier_z: number; dims: number }) | undefined;
    if (!r) return undefined;
    const clusters = (this.liveClusters.all(runId) as { id: number; parent_id: number; centroid: Buffer; calibration_json: string }[]).map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      centroid: floats(c.centroid),
      calibration: JSON.parse(c.calibration_json) as unknown,
    }));
    return {
      runId,
      embedder: r.embedder,
      embedderState: r.embedder_state ? new Uint8Array(r.embedder_state) : null,
      params: JSON.parse(r.params_json) as Record<string, unknown>,
      outlierZ: r.outlier_z,
      dims: r.dims,
      clusters,
    };
  }

  clusters(runId: number): ClusterInfo[] {
    const total = (this.runRows.get(runId) as { n: number }).n;
    const stats = new Map(
      (this.clusterStats.all(BORDERLINE_SCORE, runId) as { id: number; size: number; mean: number; borderline: number }[]).map((s) => [s.id, s]),
    );
    const records = this.runClusters.all(runId) as ClusterRecord[];
    const infos = records.map((c) => {
      const s = stats.get(c.id);
      return this.toInfo(c, s?.size ?? 0, s?.mean ?? 0, s?.borderline ?? 0, total);
    });
    // A group's figures are its children's.
    for (const group of infos.filter((c) => c.level === 'group')) {
      const children = infos.filter((c) => c.parentId === group.id);
      group.size = children.reduce((n, c) => n + c.size, 0);
      group.borderline = children.reduce((n, c) => n + c.borderline, 0);
      group.meanScore = group.size === 0 ? 0 : children.reduce((n, c) => n + c.meanScore * c.size, 0) / group.size;
      group.share = total === 0 ? 0 : group.size / total;
    }
    return infos.sort((a, b) => b.size - a.size);
  }

  /** One live cluster (or group) with its figures, from one query over its own members; undefined if gone. */
  cluster(clusterId: number): ClusterInfo | undefined {
    const r = this.oneCluster.get({ id: clusterId, borderline: BORDERLINE_SCORE }) as
      | (ClusterRecord & { size: number; mean: number | null; borderline: number | null; total: number })
      | undefined;
    return r && this.toInfo(r, r.size, r.mean ?? 0, r.borderline ?? 0, r.total);
  }

  private toInfo(c: ClusterRecord, size: number, mean: number, borderline: number, total: number): ClusterInfo {
    return {
      id: c.id,
      runId: c.run_id,
      parentId: c.parent_id,
      level: c.level,
      name: c.name,
      keywordName: c.keyword_name,
      description: c.description,
      includeRule: c.include_rule,
      excludeRule: c.exclude_rule,
      namedBy: c.named_by,
      keywords: JSON.parse(c.keywords_json) as string[],
      size,
      share: total === 0 ? 0 : size / total,
      meanScore: mean,
      borderline,
      representatives: JSON.parse(c.representatives_json) as { rowId: number; text: string }[],
    };
  }

  /**
   * Member page ordered by row id, by score ascending (misfits first) or descending (most typical first; ties
   * by row id descending, so one keyset walks the page boundary); `clusterId` null = outliers.
   */
  members(
    runId: number,
    clusterId: number | null,
    sort: MemberSort,
    after: { score: number; rowId: number } | null,
    limit: number,
  ): { total: number; items: MemberRef[] } {
    const level = clusterId === null ? null : (this.clusterLevel.get(clusterId) as { level: string } | undefined)?.level;
    const scope =
      clusterId === null
        ? 'm.cluster_id IS NULL'
        : level === 'group'
          ? 'm.cluster_id IN (SELECT id FROM clusters WHERE parent_id = ?)'
          : 'm.cluster_id = ?';
    const scopeParams = clusterId === null ? [] : [clusterId];
    const total = (this.page(`SELECT COUNT(*) AS n FROM cluster_members m WHERE m.run_id = ? AND ${scope}`).get(runId, ...scopeParams) as { n: number }).n;
    const order = { 'score-asc': 'm.score, m.row_id', 'score-desc': 'm.score DESC, m.row_id DESC', row: 'm.row_id' }[sort];
    const keyset =
      after === null ? '' : { 'score-asc': 'AND (m.score, m.row_id) > (?, ?)', 'score-desc': 'AND (m.score, m.row_id) < (?, ?)', row: 'AND m.row_id > ?' }[sort];
    const keysetParams = after === null ? [] : sort === 'row' ? [after.rowId] : [after.score, after.rowId];
    const records = this.page(`SELECT m.row_id, m.cluster_id, m.score FROM cluster_members m WHERE m.run_id = ? AND ${scope} ${keyset} ORDER BY ${order} LIMIT ?`).all(
      runId,
      ...scopeParams,
      ...keysetParams,
      limit,
    ) as { row_id: number; cluster_id: number | null; score: number }[];
    return { total, items: records.map((m) => ({ rowId: m.row_id, clusterId: m.cluster_id, score: m.score })) };
  }

  /** The member queries come in a few shapes (scope, order, keyset): each is prepared once, when first used. */
  private page(sql: string): Statement {
    let statement = this.pages.get(sql);
    if (!statement) this.pages.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** Every member's map position; an even sample of exactly `maxPoints` by row id when there are more. */
  mapPoints(runId: number, maxPoints: number): { total: number; points: [number, number, number, number | null][] } {
    const total = (this.runRows.get(runId) as { n: number }).n;
    const keep = Math.min(total, maxPoints);
    const rows = this.sampledPoints.all(runId, keep, total, keep, total) as [number, number, number, number | null][];
    return { total, points: rows };
  }

  /** Renames a live cluster (the user's name sticks through LLM naming) and returns it; undefined if gone. */
  rename(clusterId: number, name: string): ClusterInfo | undefined {
    if (this.renameCluster.run(name, clusterId).changes === 0) return undefined;
    return this.cluster(clusterId);
  }

  setLlmName(clusterId: number, n: { name: string; description: string; includeRule: string; excludeRule: string }, model: string): void {
    this.llmName.run(n.name, n.description, n.includeRule, n.excludeRule, model, clusterId);
  }

  setRunNamedBy(runId: number, namedBy: string): void {
    this.runNamedBy.run(namedBy, runId);
  }

  /** Rows that have no membership in the run yet (imported after it). */
  unassignedRowIds(runId: number): number[] {
    return this.unassigned.all(runId) as number[];
  }

  /** The newest run a row belongs to, or null when no run has it. */
  latestRunOfRow(rowId: number): number | null {
    return (this.runOfRow.get(rowId) as { id: number | null }).id;
  }

  /**
   * Where each of the given rows sits in a run (the newest when `runId` is undefined): its live cluster, or for
   * an outlier the cluster it is nearest to. Rows the run lacks are absent from the map.
   */
  rowClusters(rowIds: readonly number[], runId?: number): Map<number, RowCluster> {
    const out = new Map<number, RowCluster>();
    const run = runId ?? this.latestRunId();
    if (run === null || rowIds.length === 0) return out;
    const records = this.rowPlaces.all(run, JSON.stringify(rowIds)) as [number, number | null, number | null, number, string | null][];
    for (const [rowId, clusterId, nearestId, score, name] of records) {
      const outlier = clusterId === null;
      out.set(rowId, { runId: run, clusterId, nearestId: clusterId ?? nearestId, name: name ?? '', score, outlier, borderline: !outlier && score < BORDERLINE_SCORE });
    }
    return out;
  }

  /** Every member of a run by row id. */
  membershipsOf(runId: number): Map<number, Membership> {
    return new Map(
      (this.memberships.all(runId) as [number, number | null, number | null, number][]).map(([rowId, clusterId, nearestId, score]) => [rowId, { clusterId, nearestId, score }]),
    );
  }

  /** Each cluster's centre on the map: the mean position of its members. */
  mapCentres(runId: number): Map<number, { x: number; y: number }> {
    return new Map((this.centres.all(runId) as [number, number, number][]).map(([id, x, y]) => [id, { x, y }]));
  }

  /** Adds members to a run in one transaction (rows placed after the run was saved). */
  addMembers(runId: number, members: readonly { rowId: number; clusterId: number | null; nearestId: number | null; score: number; x: number; y: number }[]): void {
    writeTransaction(this.db, () => {
      for (const m of members) this.insertMember.run(runId, m.rowId, m.clusterId, m.nearestId, m.score, m.x, m.y);
    });
  }

  /**
   * Writes an edited run in one transaction: updates stored clusters (a keyword name replaces only a keyword
   * name), inserts new ones, retires merged-away ones and moves every member. Returns the new clusters' ids.
   */
  saveEdit(runId: number, edit: ClusterEdit): number[] {
    return writeTransaction(this.db, () => {
      const idMap = new Map<number, number>();
      const created: number[] = [];
      for (const c of edit.clusters) {
        const keywords = JSON.stringify(c.keywords);
        const reps = JSON.stringify(c.representatives);
        if (c.stored) {
          this.updateEdited.run(blob(c.centroid), JSON.stringify(c.calibration), c.keywordName, keywords, reps, c.keywordName, c.id);
          idMap.set(c.id, c.id);
        } else {
          const id = Number(this.insertEdited.run(runId, c.parentId, c.keywordName, c.keywordName, keywords, reps, blob(c.centroid), JSON.stringify(c.calibration)).lastInsertRowid);
          idMap.set(c.id, id);
          created.push(id);
        }
      }
      for (const id of edit.retired) this.retire.run(edit.mergedInto, id);
      for (const m of edit.members) {
        this.updateMember.run(m.label < 0 ? null : idMap.get(m.label)!, idMap.get(m.nearest) ?? null, m.score, runId, m.rowId);
      }
      return created;
    });
  }
}
