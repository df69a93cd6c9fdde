// Reads and writes clustering runs, their clusters and each row's membership and map position.
// Imports: better-sqlite3 types, contract types, stored-trace and previews (to show members' text).
import type { Database } from 'better-sqlite3';
import type { ClusterInfo, ClusterMember, ClusterRun } from '../../../shared/contract/index.ts';
import { lastUserText, messageText, truncate } from '../traces/previews.ts';
import { storedTrace } from '../traces/stored-trace.ts';

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
  clusters: { id: number; centroid: Float32Array; calibration: unknown }[];
}

const blob = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const floats = (b: Buffer): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export class ClusterRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Writes a whole run in one transaction: a cancelled or crashed clustering leaves nothing half-written. */
  saveRun(run: NewRun, now: number): number {
    return this.db.transaction(() => {
      const outliers = run.members.filter((m) => m.clusterKey === null).length;
      const runId = Number(
        this.db
          .prepare(`INSERT INTO cluster_runs (created_at, embedder, params_json, embedder_state, outlier_z, dims, rows, outliers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(now, run.embedder, JSON.stringify(run.params), run.embedderState, run.outlierZ, run.dims, run.members.length, outliers).lastInsertRowid,
      );
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
      return runId;
    })();
  }

  latestRunId(): number | null {
    return (this.db.prepare('SELECT MAX(id) AS id FROM cluster_runs').get() as { id: number | null }).id;
  }

  runs(): ClusterRun[] {
    return (this.db.prepare('SELECT * FROM cluster_runs ORDER BY id DESC').all() as RunRecord[]).map((r) => this.toRun(r));
  }

  run(runId: number): ClusterRun | undefined {
    const r = this.db.prepare('SELECT * FROM cluster_runs WHERE id = ?').get(runId) as RunRecord | undefined;
    return r && this.toRun(r);
  }

  private toRun(r: RunRecord): ClusterRun {
    const counts = this.db
      .prepare(`SELECT SUM(level = 'cluster') AS clusters, SUM(level = 'group') AS groups FROM clusters WHERE run_id = ? AND merged_into IS NULL`)
      .get(r.id) as { clusters: number | null; groups: number | null };
    const outliers = (this.db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ? AND cluster_id IS NULL').get(r.id) as { n: number }).n;
    const rows = (this.db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ?').get(r.id) as { n: number }).n;
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
    const r = this.db.prepare('SELECT * FROM cluster_runs WHERE id = ?').get(runId) as
      | (RunRecord & { embedder_state: Buffer | null; outlier_z: number; dims: number })
      | undefined;
    if (!r) return undefined;
    const clusters = (
      this.db
        .prepare(`SELECT id, centroid, calibration_json FROM clusters WHERE run_id = ? AND level = 'cluster' AND merged_into IS NULL ORDER BY id`)
        .all(runId) as { id: number; centroid: Buffer; calibration_json: string }[]
    ).map((c) => ({ id: c.id, centroid: floats(c.centroid), calibration: JSON.parse(c.calibration_json) as unknown }));
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
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ?').get(runId) as { n: number }).n;
    const stats = new Map(
      (
        this.db
          .prepare(`SELECT cluster_id AS id, COUNT(*) AS size, AVG(score) AS mean, SUM(score < ?) AS borderline
            FROM cluster_members WHERE run_id = ? AND cluster_id IS NOT NULL GROUP BY cluster_id`)
          .all(BORDERLINE_SCORE, runId) as { id: number; size: number; mean: number; borderline: number }[]
      ).map((s) => [s.id, s]),
    );
    const records = this.db.prepare('SELECT * FROM clusters WHERE run_id = ? AND merged_into IS NULL ORDER BY id').all(runId) as ClusterRecord[];
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

  cluster(clusterId: number): ClusterInfo | undefined {
    const c = this.db.prepare('SELECT run_id FROM clusters WHERE id = ?').get(clusterId) as { run_id: number } | undefined;
    return c && this.clusters(c.run_id).find((x) => x.id === clusterId);
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

  /** Member page ordered by row id, or by score ascending (borderline first); `clusterId` null = outliers. */
  members(
    runId: number,
    clusterId: number | null,
    borderlineFirst: boolean,
    after: { score: number; rowId: number } | null,
    limit: number,
  ): { total: number; items: ClusterMember[] } {
    const level = clusterId === null ? null : (this.db.prepare('SELECT level FROM clusters WHERE id = ?').get(clusterId) as { level: string } | undefined)?.level;
    const scope =
      clusterId === null
        ? 'm.cluster_id IS NULL'
        : level === 'group'
          ? 'm.cluster_id IN (SELECT id FROM clusters WHERE parent_id = ?)'
          : 'm.cluster_id = ?';
    const scopeParams = clusterId === null ? [] : [clusterId];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM cluster_members m WHERE m.run_id = ? AND ${scope}`).get(runId, ...scopeParams) as { n: number }).n;
    const order = borderlineFirst ? 'm.score, m.row_id' : 'm.row_id';
    const keyset = after === null ? '' : borderlineFirst ? 'AND (m.score, m.row_id) > (?, ?)' : 'AND m.row_id > ?';
    const keysetParams = after === null ? [] : borderlineFirst ? [after.score, after.rowId] : [after.rowId];
    const records = this.db
      .prepare(`SELECT m.row_id, m.cluster_id, m.score, r.trace_id, r.prompt_end, r.response_index, t.line, x.raw, t.format,
          x.normalized_json, f.path
        FROM cluster_members m JOIN rows r ON r.id = m.row_id JOIN traces t ON t.id = r.trace_id JOIN trace_raw x ON x.id = r.trace_id
          JOIN import_files f ON f.id = t.file_id
        WHERE m.run_id = ? AND ${scope} ${keyset} ORDER BY ${order} LIMIT ?`)
      .all(runId, ...scopeParams, ...keysetParams, limit) as {
      row_id: number;
      cluster_id: number | null;
      score: number;
      trace_id: number;
      prompt_end: number;
      response_index: number | null;
      line: number;
      raw: string;
      format: string;
      normalized_json: string | null;
      path: string;
    }[];
    return {
      total,
      items: records.map((m) => {
        const messages = storedTrace(m.raw, m.format, m.normalized_json).messages;
        return {
          rowId: m.row_id,
          traceId: m.trace_id,
          file: m.path,
          line: m.line,
          clusterId: m.cluster_id,
          score: m.score,
          borderline: m.cluster_id !== null && m.score < BORDERLINE_SCORE,
          prompt: truncate(lastUserText(messages, m.prompt_end)),
          response: truncate(messageText(m.response_index === null ? null : messages[m.response_index])),
        };
      }),
    };
  }

  /** Every member's map position; an even sample of exactly `maxPoints` by row id when there are more. */
  mapPoints(runId: number, maxPoints: number): { total: number; points: [number, number, number, number | null][] } {
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM cluster_members WHERE run_id = ?').get(runId) as { n: number }).n;
    const keep = Math.min(total, maxPoints);
    // Row k is kept when floor(k·keep/total) steps up: exactly `keep` rows, spread evenly.
    const rows = this.db
      .prepare(`SELECT row_id, x, y, cluster_id FROM (SELECT row_id, x, y, cluster_id, ROW_NUMBER() OVER (ORDER BY row_id) AS k
        FROM cluster_members WHERE run_id = ?) WHERE (k * CAST(? AS INTEGER)) / CAST(? AS INTEGER) > ((k - 1) * CAST(? AS INTEGER)) / CAST(? AS INTEGER)`)
      .raw()
      .all(runId, keep, total, keep, total) as [number, number, number, number | null][];
    return { total, points: rows };
  }

  rename(clusterId: number, name: string): void {
    this.db.prepare(`UPDATE clusters SET name = ?, named_by = 'user' WHERE id = ?`).run(name, clusterId);
  }

  setLlmName(clusterId: number, n: { name: string; description: string; includeRule: string; excludeRule: string }, model: string): void {
    this.db
      .prepare(`UPDATE clusters SET name = ?, description = ?, include_rule = ?, exclude_rule = ?, named_by = ? WHERE id = ? AND named_by != 'user'`)
      .run(n.name, n.description, n.includeRule, n.excludeRule, model, clusterId);
  }

  setRunNamedBy(runId: number, namedBy: string): void {
    this.db.prepare('UPDATE cluster_runs SET named_by = ? WHERE id = ?').run(namedBy, runId);
  }

  /** Row ids of the run's members in one cluster (or outliers), for split and naming. */
  memberRowIds(runId: number, clusterId: number | null): number[] {
    return (
      this.db
        .prepare(`SELECT row_id FROM cluster_members WHERE run_id = ? AND ${clusterId === null ? 'cluster_id IS NULL' : 'cluster_id = ?'} ORDER BY row_id`)
        .raw()
        .all(runId, ...(clusterId === null ? [] : [clusterId])) as [number][]
    ).map(([id]) => id);
  }

  /** Rows that have no membership in the run yet (imported after it). */
  unassignedRowIds(runId: number): number[] {
    return (
      this.db
        .prepare('SELECT r.id FROM rows r WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.run_id = ? AND m.row_id = r.id) ORDER BY r.id')
        .raw()
        .all(runId) as [number][]
    ).map(([id]) => id);
  }
}
