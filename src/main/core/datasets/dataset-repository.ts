// Owns the datasets tables: datasets, versions, rows (content as canonical JSON), splits, leakage exclusions and
// exports. Statements are prepared once. Imports: better-sqlite3 types, platform multi-row insert and write transaction, engine types.
import type { Database, Statement } from 'better-sqlite3';
import { MultiRowInsert } from '../platform/db/multi-row-insert.ts';
import { writeTransaction } from '../platform/db/transaction.ts';
import type { DatasetKind, Split } from './engine/types.ts';

export interface DatasetRecord {
  id: number;
  name: string;
  kind: DatasetKind;
  description: string;
  task_description: string;
  columns_json: string | null;
  exclude_version_id: number | null;
  near_threshold: number;
  leakage_json: string | null;
  created_at: number;
  updated_at: number;
}

export interface VersionRecord {
  id: number;
  dataset_id: number;
  number: number | null;
  status: 'draft' | 'frozen';
  sha256: string | null;
  recipe_json: string;
  warnings_json: string;
  row_count: number;
  created_at: number;
  frozen_at: number | null;
}

export interface StoredRowRecord {
  row_key: number;
  content_json: string;
  split: Split | null;
}

/** What a row stores beside its content, for leakage, splits and guardrails. */
export interface RowInsert {
  rowKey: number;
  content: string;
  sourceTraceId: number;
  conversationId: string | null;
  clusterId: number | null;
}

export interface SplitRecord {
  seed: number;
  fractions_json: string;
  counts_json: string;
}

export interface ExclusionInsert {
  rowKey: number;
  sourceTraceId: number;
  rule: string;
  evalRowKey: number;
  similarity: number | null;
  prompt: string;
}

export interface ExclusionRecord {
  id: number;
  row_key: number;
  source_trace_id: number;
  rule: 'exact' | 'conversation' | 'normalized' | 'near';
  eval_row_key: number;
  similarity: number | null;
  prompt: string;
}

export interface ExportRecordRow {
  id: number;
  dataset_id: number;
  version_id: number;
  format: string;
  path: string;
  rows: number;
  sha256: string;
  warning: string | null;
  job_id: number | null;
  created_at: number;
}

export type DiffSide = 'added' | 'removed' | 'changed';

export class DatasetRepository {
  private readonly db: Database;
  private readonly s: Record<string, Statement>;
  private readonly diffPages: Record<DiffSide, Statement>;

  constructor(db: Database) {
    this.db = db;
    const p = (sql: string): Statement => db.prepare(sql);
    this.s = {
      insertDataset: p(`INSERT INTO datasets (name, kind, description, task_description, exclude_version_id, near_threshold, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      byName: p('SELECT * FROM datasets WHERE name = ?'),
      byId: p('SELECT * FROM datasets WHERE id = ?'),
      list: p('SELECT * FROM datasets ORDER BY updated_at DESC, id DESC'),
      touch: p('UPDATE datasets SET updated_at = ? WHERE id = ?'),
      setColumns: p('UPDATE datasets SET columns_json = ?, updated_at = ? WHERE id = ?'),
      setTask: p('UPDATE datasets SET task_description = ? WHERE id = ?'),
      setLeakage: p('UPDATE datasets SET leakage_json = ? WHERE id = ?'),
      versions: p('SELECT * FROM dataset_versions WHERE dataset_id = ? ORDER BY number IS NULL, number'),
      versionById: p('SELECT * FROM dataset_versions WHERE id = ?'),
      draft: p(`SELECT * FROM dataset_versions WHERE dataset_id = ? AND status = 'draft'`),
      frozenNumber: p(`SELECT * FROM dataset_versions WHERE dataset_id = ? AND number = ?`),
      latestFrozen: p(`SELECT * FROM dataset_versions WHERE dataset_id = ? AND status = 'frozen' ORDER BY number DESC LIMIT 1`),
      insertDraft: p(`INSERT INTO dataset_versions (dataset_id, number, status, recipe_json, row_count, created_at) VALUES (?, NULL, 'draft', ?, ?, ?)`),
      copyRows: p(`INSERT INTO dataset_rows (version_id, row_key, content_json, source_trace_id, conversation_id, cluster_id)
        SELECT ?, row_key, content_json, source_trace_id, conversation_id, cluster_id FROM dataset_rows WHERE version_id = ? ORDER BY row_key`),
      setRecipe: p('UPDATE dataset_versions SET recipe_json = ? WHERE id = ?'),
      addCount: p('UPDATE dataset_versions SET row_count = row_count + ? WHERE id = ?'),
      freeze: p(`UPDATE dataset_versions SET status = 'frozen', number = ?, sha256 = ?, recipe_json = ?, warnings_json = ?, frozen_at = ? WHERE id = ? AND status = 'draft'`),
      hasRow: p('SELECT 1 FROM dataset_rows WHERE version_id = ? AND row_key = ?'),
      getRow: p(`SELECT r.row_key, r.content_json, s.split FROM dataset_rows r
        LEFT JOIN dataset_row_splits s ON s.version_id = r.version_id AND s.row_key = r.row_key WHERE r.version_id = ? AND r.row_key = ?`),
      updateRow: p('UPDATE dataset_rows SET content_json = ? WHERE version_id = ? AND row_key = ?'),
      deleteRow: p('DELETE FROM dataset_rows WHERE version_id = ? AND row_key = ?'),
      deleteRowSplit: p('DELETE FROM dataset_row_splits WHERE version_id = ? AND row_key = ?'),
      page: p(`SELECT r.row_key, r.content_json, s.split FROM dataset_rows r
        LEFT JOIN dataset_row_splits s ON s.version_id = r.version_id AND s.row_key = r.row_key
        WHERE r.version_id = ? AND r.row_key > ? ORDER BY r.row_key LIMIT ?`),
      pageSplit: p(`SELECT r.row_key, r.content_json, s.split FROM dataset_row_splits s
        JOIN dataset_rows r ON r.version_id = s.version_id AND r.row_key = s.row_key
        WHERE s.version_id = ? AND s.split = ? AND s.row_key > ? ORDER BY s.row_key LIMIT ?`),
      contentPage: p('SELECT row_key, content_json FROM dataset_rows WHERE version_id = ? AND row_key > ? ORDER BY row_key LIMIT ?'),
      splitInputs: p('SELECT row_key, conversation_id, cluster_id FROM dataset_rows WHERE version_id = ? ORDER BY row_key'),
      clusterCounts: p('SELECT cluster_id, COUNT(*) AS n FROM dataset_rows WHERE version_id = ? GROUP BY cluster_id'),
      getSplit: p('SELECT seed, fractions_json, counts_json FROM dataset_splits WHERE version_id = ?'),
      deleteRowSplits: p('DELETE FROM dataset_row_splits WHERE version_id = ?'),
      deleteSplit: p('DELETE FROM dataset_splits WHERE version_id = ?'),
      insertSplit: p('INSERT INTO dataset_splits (version_id, seed, fractions_json, counts_json, created_at) VALUES (?, ?, ?, ?, ?)'),
      splitCount: p('SELECT COUNT(*) AS n FROM dataset_row_splits WHERE version_id = ? AND split = ?'),
      exclusionCount: p('SELECT COUNT(*) AS n FROM dataset_exclusions WHERE dataset_id = ?'),
      exclusionCountRule: p('SELECT COUNT(*) AS n FROM dataset_exclusions WHERE dataset_id = ? AND rule = ?'),
      exclusions: p('SELECT * FROM dataset_exclusions WHERE dataset_id = ? AND id > ? ORDER BY id LIMIT ?'),
      exclusionsRule: p('SELECT * FROM dataset_exclusions WHERE dataset_id = ? AND rule = ? AND id > ? ORDER BY id LIMIT ?'),
      insertExport: p(`INSERT INTO dataset_exports (dataset_id, version_id, format, path, rows, sha256, warning, job_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      exports: p('SELECT * FROM dataset_exports WHERE dataset_id = ? ORDER BY id DESC'),
      diffCounts: p(`SELECT
          (SELECT COUNT(*) FROM dataset_rows b WHERE b.version_id = @to AND NOT EXISTS
            (SELECT 1 FROM dataset_rows a WHERE a.version_id = @from AND a.row_key = b.row_key)) AS added,
          (SELECT COUNT(*) FROM dataset_rows a WHERE a.version_id = @from AND NOT EXISTS
            (SELECT 1 FROM dataset_rows b WHERE b.version_id = @to AND b.row_key = a.row_key)) AS removed,
          (SELECT COUNT(*) FROM dataset_rows a JOIN dataset_rows b ON b.version_id = @to AND b.row_key = a.row_key
            WHERE a.version_id = @from AND a.content_json <> b.content_json) AS changed,
          (SELECT COUNT(*) FROM dataset_rows a JOIN dataset_rows b ON b.version_id = @to AND b.row_key = a.row_key
            WHERE a.version_id = @from AND a.content_json = b.content_json) AS unchanged`),
    };
    this.diffPages = {
      added: p(`SELECT NULL AS before, b.row_key, b.content_json AS after FROM dataset_rows b WHERE b.version_id = @to AND b.row_key > @after
        AND NOT EXISTS (SELECT 1 FROM dataset_rows a WHERE a.version_id = @from AND a.row_key = b.row_key) ORDER BY b.row_key LIMIT @limit`),
      removed: p(`SELECT a.content_json AS before, a.row_key, NULL AS after FROM dataset_rows a WHERE a.version_id = @from AND a.row_key > @after
        AND NOT EXISTS (SELECT 1 FROM dataset_rows b WHERE b.version_id = @to AND b.row_key = a.row_key) ORDER BY a.row_key LIMIT @limit`),
      changed: p(`SELECT a.content_json AS before, a.row_key, b.content_json AS after FROM dataset_rows a
        JOIN dataset_rows b ON b.version_id = @to AND b.row_key = a.row_key
        WHERE a.version_id = @from AND a.row_key > @after AND a.content_json <> b.content_json ORDER BY a.row_key LIMIT @limit`),
    };
  }

  /** Runs `fn` as one write transaction that takes the write lock up front, so two processes never deadlock. */
  write<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  createDataset(d: { name: string; kind: DatasetKind; description: string; taskDescription: string; excludeVersionId: number | null; nearThreshold: number; now: number }): number {
    const info = this.s.insertDataset!.run(d.name, d.kind, d.description, d.taskDescription, d.excludeVersionId, d.nearThreshold, d.now, d.now);
    return Number(info.lastInsertRowid);
  }

  byName(name: string): DatasetRecord | undefined {
    return this.s.byName!.get(name) as DatasetRecord | undefined;
  }

  byId(id: number): DatasetRecord | undefined {
    return this.s.byId!.get(id) as DatasetRecord | undefined;
  }

  list(): DatasetRecord[] {
    return this.s.list!.all() as DatasetRecord[];
  }

  touch(datasetId: number, now: number): void {
    this.s.touch!.run(now, datasetId);
  }

  setColumns(datasetId: number, columns: readonly string[], now: number): void {
    this.s.setColumns!.run(JSON.stringify(columns), now, datasetId);
  }

  setTaskDescription(datasetId: number, text: string): void {
    this.s.setTask!.run(text, datasetId);
  }

  setLeakage(datasetId: number, summary: unknown): void {
    this.s.setLeakage!.run(JSON.stringify(summary), datasetId);
  }

  versions(datasetId: number): VersionRecord[] {
    return this.s.versions!.all(datasetId) as VersionRecord[];
  }

  versionById(id: number): VersionRecord | undefined {
    return this.s.versionById!.get(id) as VersionRecord | undefined;
  }

  draft(datasetId: number): VersionRecord | undefined {
    return this.s.draft!.get(datasetId) as VersionRecord | undefined;
  }

  frozen(datasetId: number, number: number): VersionRecord | undefined {
    return this.s.frozenNumber!.get(datasetId, number) as VersionRecord | undefined;
  }

  latestFrozen(datasetId: number): VersionRecord | undefined {
    return this.s.latestFrozen!.get(datasetId) as VersionRecord | undefined;
  }

  /** A new draft, holding a copy of `from`'s rows (not its split) when given. */
  createDraft(datasetId: number, from: VersionRecord | null, recipe: unknown, now: number): VersionRecord {
    const info = this.s.insertDraft!.run(datasetId, JSON.stringify(recipe), from?.row_count ?? 0, now);
    const id = Number(info.lastInsertRowid);
    if (from) this.s.copyRows!.run(id, from.id);
    return this.versionById(id)!;
  }

  setRecipe(versionId: number, recipe: unknown): void {
    this.s.setRecipe!.run(JSON.stringify(recipe), versionId);
  }

  hasRow(versionId: number, rowKey: number): boolean {
    return this.s.hasRow!.get(versionId, rowKey) !== undefined;
  }

  /** Inserts rows into a draft in statements of many rows, and counts them. Call inside write(). */
  insertRows(versionId: number, rows: Iterable<RowInsert>): number {
    const insert = new MultiRowInsert(this.db, 'dataset_rows', ['version_id', 'row_key', 'content_json', 'source_trace_id', 'conversation_id', 'cluster_id'], 50);
    let n = 0;
    for (const r of rows) {
      insert.add(versionId, r.rowKey, r.content, r.sourceTraceId, r.conversationId, r.clusterId);
      n++;
    }
    insert.flush();
    this.s.addCount!.run(n, versionId);
    // A draft's split no longer covers every row once rows are added.
    this.clearSplit(versionId);
    return n;
  }

  getRow(versionId: number, rowKey: number): StoredRowRecord | undefined {
    return this.s.getRow!.get(versionId, rowKey) as StoredRowRecord | undefined;
  }

  updateRow(versionId: number, rowKey: number, content: string): void {
    this.s.updateRow!.run(content, versionId, rowKey);
  }

  /** Deletes rows of a draft and counts them off. Call inside write(). */
  deleteRows(versionId: number, rowKeys: Iterable<number>): number {
    let n = 0;
    for (const key of rowKeys) {
      this.s.deleteRowSplit!.run(versionId, key);
      n += this.s.deleteRow!.run(versionId, key).changes;
    }
    this.s.addCount!.run(-n, versionId);
    return n;
  }

  page(versionId: number, afterKey: number, limit: number, split?: Split): StoredRowRecord[] {
    if (split) return this.s.pageSplit!.all(versionId, split, afterKey, limit) as StoredRowRecord[];
    return this.s.page!.all(versionId, afterKey, limit) as StoredRowRecord[];
  }

  /** Content only, for hashing and leakage: no split join. */
  contentPage(versionId: number, afterKey: number, limit: number): { row_key: number; content_json: string }[] {
    return this.s.contentPage!.all(versionId, afterKey, limit) as { row_key: number; content_json: string }[];
  }

  splitInputs(versionId: number): { row_key: number; conversation_id: string | null; cluster_id: number | null }[] {
    return this.s.splitInputs!.all(versionId) as { row_key: number; conversation_id: string | null; cluster_id: number | null }[];
  }

  clusterCounts(versionId: number): { cluster_id: number | null; n: number }[] {
    return this.s.clusterCounts!.all(versionId) as { cluster_id: number | null; n: number }[];
  }

  freeze(versionId: number, number: number, sha256: string, recipe: unknown, warnings: readonly string[], now: number): boolean {
    return this.s.freeze!.run(number, sha256, JSON.stringify(recipe), JSON.stringify(warnings), now, versionId).changes === 1;
  }

  getSplit(versionId: number): SplitRecord | undefined {
    return this.s.getSplit!.get(versionId) as SplitRecord | undefined;
  }

  clearSplit(versionId: number): void {
    this.s.deleteRowSplits!.run(versionId);
    this.s.deleteSplit!.run(versionId);
  }

  /** Replaces a version's split. Call inside write(). */
  saveSplit(versionId: number, seed: number, fractions: unknown, counts: unknown, rows: readonly { rowKey: number; split: Split }[], now: number): void {
    this.clearSplit(versionId);
    this.s.insertSplit!.run(versionId, seed, JSON.stringify(fractions), JSON.stringify(counts), now);
    const insert = new MultiRowInsert(this.db, 'dataset_row_splits', ['version_id', 'row_key', 'split'], 100);
    for (const r of rows) insert.add(versionId, r.rowKey, r.split);
    insert.flush();
  }

  insertExclusions(datasetId: number, rows: Iterable<ExclusionInsert>): void {
    const insert = new MultiRowInsert(this.db, 'dataset_exclusions', ['dataset_id', 'row_key', 'source_trace_id', 'rule', 'eval_row_key', 'similarity', 'prompt'], 50);
    for (const r of rows) insert.add(datasetId, r.rowKey, r.sourceTraceId, r.rule, r.evalRowKey, r.similarity, r.prompt);
    insert.flush();
  }

  exclusionCount(datasetId: number, rule?: string): number {
    const row = (rule ? this.s.exclusionCountRule!.get(datasetId, rule) : this.s.exclusionCount!.get(datasetId)) as { n: number };
    return row.n;
  }

  exclusions(datasetId: number, rule: string | undefined, afterId: number, limit: number): ExclusionRecord[] {
    return (rule ? this.s.exclusionsRule!.all(datasetId, rule, afterId, limit) : this.s.exclusions!.all(datasetId, afterId, limit)) as ExclusionRecord[];
  }

  insertExport(e: { datasetId: number; versionId: number; format: string; path: string; rows: number; sha256: string; warning: string | null; jobId: number | null; now: number }): number {
    return Number(this.s.insertExport!.run(e.datasetId, e.versionId, e.format, e.path, e.rows, e.sha256, e.warning, e.jobId, e.now).lastInsertRowid);
  }

  exports(datasetId: number): ExportRecordRow[] {
    return this.s.exports!.all(datasetId) as ExportRecordRow[];
  }

  diffCounts(fromId: number, toId: number): { added: number; removed: number; changed: number; unchanged: number } {
    return this.s.diffCounts!.get({ from: fromId, to: toId }) as { added: number; removed: number; changed: number; unchanged: number };
  }

  diffPage(side: DiffSide, fromId: number, toId: number, afterKey: number, limit: number): { row_key: number; before: string | null; after: string | null }[] {
    return this.diffPages[side].all({ from: fromId, to: toId, after: afterKey, limit }) as { row_key: number; before: string | null; after: string | null }[];
  }
}
