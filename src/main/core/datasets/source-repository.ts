// Reads what a dataset is promoted from: imported rows with their trace's raw text and status, cluster
// membership, and cluster names for task descriptions and guardrails. Read-only over other domains' tables;
// the traces filter is the traces domain's own filter→SQL. Imports: better-sqlite3 types, traces index, contract types.
import type { Database, Statement } from 'better-sqlite3';
import type { ClusterPick, TraceFilter } from '../../../shared/contract/index.ts';
import { buildTraceWhere } from '../traces/index.ts';

export interface SourceRowRecord {
  row_id: number;
  trace_id: number;
  turn_index: number;
  prompt_end: number;
  response_index: number | null;
  status: string | null;
  conversation_id: string;
  format: string;
  raw: string;
  normalized_json: string | null;
  cluster_id: number | null;
  score: number | null;
}

export interface ClusterRecord {
  id: number;
  run_id: number;
  parent_id: number | null;
  level: 'group' | 'cluster';
  name: string;
  description: string | null;
  include_rule: string | null;
  exclude_rule: string | null;
}

export interface RunRecord {
  id: number;
  embedder: string;
  params_json: string;
  created_at: number;
}

const ID_CHUNK = 2000;

export class SourceRepository {
  private readonly db: Database;
  private readonly s: Record<string, Statement>;

  constructor(db: Database) {
    this.db = db;
    const p = (sql: string): Statement => db.prepare(sql);
    this.s = {
      cluster: p('SELECT id, run_id, parent_id, level, name, description, include_rule, exclude_rule FROM clusters WHERE id = ?'),
      latestRun: p(`SELECT id, embedder, params_json, created_at FROM cluster_runs WHERE state = 'complete' ORDER BY id DESC LIMIT 1`),
      run: p(`SELECT id, embedder, params_json, created_at FROM cluster_runs WHERE id = ? AND state = 'complete'`),
      traceRows: p('SELECT id FROM rows WHERE trace_id = ? ORDER BY id'),
      rows: p(`SELECT r.id AS row_id, r.trace_id, r.turn_index, r.prompt_end, r.response_index, t.status, t.conversation_id, t.format,
          x.raw, x.normalized_json, m.cluster_id, m.score
        FROM rows r JOIN traces t ON t.id = r.trace_id JOIN trace_raw x ON x.id = r.trace_id
        LEFT JOIN cluster_members m ON m.run_id = ? AND m.row_id = r.id
        WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.trace_id, r.id`),
      clusterParents: p('SELECT id, parent_id FROM clusters WHERE id IN (SELECT value FROM json_each(?))'),
    };
  }

  cluster(id: number): ClusterRecord | undefined {
    return this.s.cluster!.get(id) as ClusterRecord | undefined;
  }

  latestRun(): RunRecord | undefined {
    return this.s.latestRun!.get() as RunRecord | undefined;
  }

  run(id: number): RunRecord | undefined {
    return this.s.run!.get(id) as RunRecord | undefined;
  }

  /** Row ids of a cluster (a group: of its clusters) by the chosen pick, ascending. */
  clusterRowIds(cluster: ClusterRecord, pick: ClusterPick, minScore: number): number[] {
    const scope = cluster.level === 'group' ? 'IN (SELECT id FROM clusters WHERE parent_id = ?)' : '= ?';
    const where =
      pick === 'all'
        ? `(cluster_id ${scope} OR (cluster_id IS NULL AND nearest_id ${scope}))`
        : `cluster_id ${scope}${pick === 'above' ? ' AND score >= ?' : ''}`;
    const params: unknown[] = pick === 'all' ? [cluster.id, cluster.id] : pick === 'above' ? [cluster.id, minScore] : [cluster.id];
    const rows = this.db.prepare(`SELECT row_id FROM cluster_members WHERE run_id = ? AND ${where} ORDER BY row_id`).pluck().all(cluster.run_id, ...params);
    return rows as number[];
  }

  /** Row ids of every trace the filter matches, ascending. */
  filterRowIds(filter: TraceFilter): number[] {
    const where = buildTraceWhere(filter);
    return this.db.prepare(`SELECT id FROM rows WHERE trace_id IN (SELECT id FROM traces ${where.sql}) ORDER BY id`).pluck().all(...where.params) as number[];
  }

  traceRowIds(traceId: number): number[] {
    return this.s.traceRows!.pluck().all(traceId) as number[];
  }

  /**
   * The rows with their trace, in chunks (rows of one trace arrive together so it is parsed once). Membership
   * comes from `runId`'s clustering (none when null). Ids that do not exist are simply absent.
   */
  *rows(rowIds: readonly number[], runId: number | null): Generator<SourceRowRecord[]> {
    for (let at = 0; at < rowIds.length; at += ID_CHUNK) {
      yield this.s.rows!.all(runId ?? -1, JSON.stringify(rowIds.slice(at, at + ID_CHUNK))) as SourceRowRecord[];
    }
  }

  /** Each cluster's top-level group (itself when it has none). */
  groupsOf(clusterIds: readonly number[]): Map<number, number> {
    const rows = this.s.clusterParents!.all(JSON.stringify(clusterIds)) as { id: number; parent_id: number | null }[];
    return new Map(rows.map((r) => [r.id, r.parent_id ?? r.id]));
  }
}
