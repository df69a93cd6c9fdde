// Owns the curate tables: the run of each dataset, per-row verdicts and scores, overrides, review decisions and
// the undo log; and the SQL that turns them into stages (kept, flagged, borderline ...) and counts.
// Imports: better-sqlite3 types, platform multi-row insert, the contract's stage type, ./outcome.ts.
import type { Database, Statement } from 'better-sqlite3';
import type { CurateStage } from '../../../shared/contract/index.ts';
import { MultiRowInsert } from '../platform/db/multi-row-insert.ts';
import { KEPT_SQL, stageWhere, type StageParams } from './outcome.ts';
import { writeTransaction } from '../platform/db/transaction.ts';

export interface RunRecord {
  dataset_id: number;
  version_id: number;
  job_id: number | null;
  filters_json: string;
  judge_json: string | null;
  row_count: number;
  counts_json: string;
  cost_usd: number;
  tokens: number;
  calls: number;
  cached: number;
  stale: number;
  run_at: number;
}

export interface RowRecord {
  row_key: number;
  drop_filter: string | null;
  verdicts_json: string;
  pii_spans: number;
  membership: number | null;
  judge_overall: number | null;
  judge_json: string | null;
  action: 'keep' | 'drop' | null;
  decision: 'accept' | 'reject' | null;
  note: string | null;
  edited: number | null;
  decided_at: number | null;
  kept: number;
  /** Why other steps asked for a review of this row (joined with "; "), or null. */
  requested: string | null;
}

export interface RowInsert {
  rowKey: number;
  dropFilter: string | null;
  verdicts: string;
  piiSpans: number;
  membership: number | null;
  judgeOverall: number | null;
  judge: string | null;
}

export interface ReviewRecord {
  row_key: number;
  decision: 'accept' | 'reject' | null;
  note: string | null;
  edited: number;
  decided_at: number;
}

const JOINED = `FROM curate_rows c
  LEFT JOIN curate_overrides o ON o.dataset_id = c.dataset_id AND o.row_key = c.row_key
  LEFT JOIN curate_reviews r ON r.dataset_id = c.dataset_id AND r.row_key = c.row_key`;
/** Rows since removed from the draft (a freeze leaves dropped rows out of the next draft) no longer count. */
const IN_DRAFT = 'EXISTS (SELECT 1 FROM dataset_rows d WHERE d.version_id = @versionId AND d.row_key = c.row_key)';
const SCOPE = `c.dataset_id = @datasetId AND ${IN_DRAFT}`;
/** Which dataset and which of its drafts a query reads. */
export interface Scope {
  datasetId: number;
  versionId: number;
}

const COLUMNS = `c.row_key, c.drop_filter, c.verdicts_json, c.pii_spans, c.membership, c.judge_overall, c.judge_json,
  o.action, r.decision, r.note, r.edited, r.decided_at, ${KEPT_SQL} AS kept,
  (SELECT group_concat(q.reason, '; ') FROM review_requests q WHERE q.dataset_id = c.dataset_id AND q.row_key = c.row_key) AS requested`;

export class CurateRepository {
  private readonly db: Database;
  private readonly s: Record<string, Statement>;
  private readonly stageStatements = new Map<string, { page: Statement; count: Statement; keys: Statement }>();

  constructor(db: Database) {
    this.db = db;
    const p = (sql: string): Statement => db.prepare(sql);
    this.s = {
      run: p('SELECT * FROM curate_runs WHERE dataset_id = ?'),
      deleteRun: p('DELETE FROM curate_runs WHERE dataset_id = ?'),
      insertRun: p(`INSERT INTO curate_runs (dataset_id, version_id, job_id, filters_json, judge_json, row_count, counts_json, cost_usd, tokens, calls, cached, stale, run_at)
        VALUES (@datasetId, @versionId, @jobId, @filters, @judge, @rowCount, @counts, @usd, @tokens, @calls, @cached, 0, @runAt)`),
      setJudge: p('UPDATE curate_runs SET judge_json = ? WHERE dataset_id = ?'),
      markStale: p('UPDATE curate_runs SET stale = 1 WHERE dataset_id = ?'),
      deleteRows: p('DELETE FROM curate_rows WHERE dataset_id = ?'),
      row: p(`SELECT ${COLUMNS} ${JOINED} WHERE c.dataset_id = @datasetId AND c.row_key = @rowKey`),
      setPii: p('UPDATE curate_rows SET pii_spans = ? WHERE dataset_id = ? AND row_key = ?'),
      override: p('SELECT action FROM curate_overrides WHERE dataset_id = ? AND row_key = ?'),
      overrides: p('SELECT row_key, action FROM curate_overrides WHERE dataset_id = ?'),
      setOverride: p(`INSERT INTO curate_overrides (dataset_id, row_key, action, at) VALUES (?, ?, ?, ?)
        ON CONFLICT (dataset_id, row_key) DO UPDATE SET action = excluded.action, at = excluded.at`),
      clearOverride: p('DELETE FROM curate_overrides WHERE dataset_id = ? AND row_key = ?'),
      review: p('SELECT row_key, decision, note, edited, decided_at FROM curate_reviews WHERE dataset_id = ? AND row_key = ?'),
      setReview: p(`INSERT INTO curate_reviews (dataset_id, row_key, decision, note, edited, decided_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (dataset_id, row_key) DO UPDATE SET decision = excluded.decision, note = excluded.note, edited = excluded.edited, decided_at = excluded.decided_at`),
      clearReview: p('DELETE FROM curate_reviews WHERE dataset_id = ? AND row_key = ?'),
      insertUndo: p('INSERT INTO curate_undo (dataset_id, token, entries_json, created_at) VALUES (?, ?, ?, ?)'),
      undo: p('SELECT id, entries_json, used FROM curate_undo WHERE dataset_id = ? AND token = ?'),
      useUndo: p('UPDATE curate_undo SET used = 1 WHERE id = ?'),
      putRequest: p('INSERT OR REPLACE INTO review_requests (dataset_id, row_key, source, reason, at) VALUES (?, ?, ?, ?, ?)'),
      clearRequest: p('DELETE FROM review_requests WHERE dataset_id = ? AND row_key = ? AND source = ?'),
      hasRequest: p('SELECT 1 FROM review_requests WHERE dataset_id = ? AND row_key = ? AND source = ?'),
      counts: p(`SELECT
          COUNT(*) AS rows,
          COALESCE(SUM(${KEPT_SQL}), 0) AS kept,
          COALESCE(SUM(c.judge_json IS NOT NULL), 0) AS judged,
          COALESCE(SUM(c.judge_json IS NOT NULL AND c.judge_overall IS NULL), 0) AS judge_failed,
          COALESCE(SUM(${stageWhere('flagged')}), 0) AS flagged,
          COALESCE(SUM(${stageWhere('borderline')}), 0) AS borderline,
          COALESCE(SUM(${stageWhere('borderline')} AND r.decision IS NULL), 0) AS pending,
          COALESCE(SUM(r.decision = 'accept'), 0) AS accepted,
          COALESCE(SUM(r.decision = 'reject'), 0) AS rejected,
          COALESCE(SUM(o.action = 'keep'), 0) AS keep,
          COALESCE(SUM(o.action = 'drop'), 0) AS drop_,
          COALESCE(SUM(c.pii_spans > 0), 0) AS with_pii
        ${JOINED} WHERE ${SCOPE}`),
      droppedBy: p(`SELECT c.drop_filter AS filter, COUNT(*) AS n ${JOINED}
        WHERE ${SCOPE} AND c.drop_filter IS NOT NULL AND o.action IS NULL AND r.decision IS NULL GROUP BY c.drop_filter`),
      droppedKeys: p(`SELECT c.row_key ${JOINED} WHERE ${SCOPE} AND NOT (${KEPT_SQL})`),
      scores: p(`SELECT c.judge_overall FROM curate_rows c WHERE ${SCOPE} AND c.judge_overall IS NOT NULL`),
      compared: p(`SELECT c.judge_overall AS score, r.decision ${JOINED}
        WHERE ${SCOPE} AND c.judge_overall IS NOT NULL AND r.decision IS NOT NULL ORDER BY c.row_key`),
    };
  }

  /** One write transaction that takes the write lock up front (two processes never deadlock). */
  write<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  /** Asks for a person's review of these rows (replacing this source's earlier requests for them). Call inside write(). */
  requestReview(datasetId: number, source: string, rows: readonly { rowKey: number; reason: string | null }[], now: number): void {
    for (const r of rows) {
      if (r.reason === null) this.s.clearRequest!.run(datasetId, r.rowKey, source);
      else this.s.putRequest!.run(datasetId, r.rowKey, source, r.reason, now);
    }
  }

  /** Which of these rows this source has already asked to be reviewed. */
  requested(datasetId: number, source: string, rowKeys: readonly number[]): Set<number> {
    return new Set(rowKeys.filter((k) => this.s.hasRequest!.get(datasetId, k, source) !== undefined));
  }

  run(datasetId: number): RunRecord | undefined {
    return this.s.run!.get(datasetId) as RunRecord | undefined;
  }

  /** Replaces the dataset's run and every row verdict with this one. Call inside write(). */
  replaceRun(
    run: { datasetId: number; versionId: number; jobId: number | null; filters: unknown; judge: unknown; rowCount: number; counts: unknown; usd: number; tokens: number; calls: number; cached: number; runAt: number },
    rows: Iterable<RowInsert>,
  ): void {
    this.s.deleteRun!.run(run.datasetId);
    this.s.deleteRows!.run(run.datasetId);
    this.s.insertRun!.run({ ...run, filters: JSON.stringify(run.filters), judge: run.judge === null ? null : JSON.stringify(run.judge), counts: JSON.stringify(run.counts) });
    const insert = new MultiRowInsert(this.db, 'curate_rows', ['dataset_id', 'row_key', 'drop_filter', 'verdicts_json', 'pii_spans', 'membership', 'judge_overall', 'judge_json'], 50);
    for (const r of rows) insert.add(run.datasetId, r.rowKey, r.dropFilter, r.verdicts, r.piiSpans, r.membership, r.judgeOverall, r.judge);
    insert.flush();
  }

  setJudgeSettings(datasetId: number, judge: unknown): void {
    this.s.setJudge!.run(JSON.stringify(judge), datasetId);
  }

  markStale(datasetId: number): void {
    this.s.markStale!.run(datasetId);
  }

  row(datasetId: number, rowKey: number, p: StageParams): RowRecord | undefined {
    return this.s.row!.get({ datasetId, rowKey, ...p }) as RowRecord | undefined;
  }

  setPiiSpans(datasetId: number, rowKey: number, n: number): void {
    this.s.setPii!.run(n, datasetId, rowKey);
  }

  overrides(datasetId: number): { row_key: number; action: 'keep' | 'drop' }[] {
    return this.s.overrides!.all(datasetId) as { row_key: number; action: 'keep' | 'drop' }[];
  }

  setOverride(datasetId: number, rowKey: number, action: 'keep' | 'drop' | 'clear', now: number): void {
    if (action === 'clear') this.s.clearOverride!.run(datasetId, rowKey);
    else this.s.setOverride!.run(datasetId, rowKey, action, now);
  }

  review(datasetId: number, rowKey: number): ReviewRecord | undefined {
    return this.s.review!.get(datasetId, rowKey) as ReviewRecord | undefined;
  }

  /** null clears the row's review entirely. */
  setReview(datasetId: number, rowKey: number, r: Omit<ReviewRecord, 'row_key'> | null): void {
    if (r === null) this.s.clearReview!.run(datasetId, rowKey);
    else this.s.setReview!.run(datasetId, rowKey, r.decision, r.note, r.edited, r.decided_at);
  }

  insertUndo(datasetId: number, token: string, entries: unknown, now: number): void {
    this.s.insertUndo!.run(datasetId, token, JSON.stringify(entries), now);
  }

  takeUndo(datasetId: number, token: string): { entries: unknown; used: boolean } | undefined {
    const found = this.s.undo!.get(datasetId, token) as { id: number; entries_json: string; used: number } | undefined;
    if (!found) return undefined;
    if (!found.used) this.s.useUndo!.run(found.id);
    return { entries: JSON.parse(found.entries_json) as unknown, used: found.used === 1 };
  }

  counts(scope: Scope, p: StageParams): Record<string, number> {
    return this.s.counts!.get({ ...scope, ...p }) as Record<string, number>;
  }

  droppedBy(scope: Scope, p: StageParams): { filter: string; n: number }[] {
    return this.s.droppedBy!.all({ ...scope, ...p }) as { filter: string; n: number }[];
  }

  droppedKeys(scope: Scope, p: StageParams): number[] {
    return (this.s.droppedKeys!.all({ ...scope, ...p }) as { row_key: number }[]).map((r) => r.row_key);
  }

  scores(scope: Scope): number[] {
    return (this.s.scores!.all(scope) as { judge_overall: number }[]).map((r) => r.judge_overall);
  }

  compared(scope: Scope): { score: number; decision: 'accept' | 'reject' }[] {
    return this.s.compared!.all(scope) as { score: number; decision: 'accept' | 'reject' }[];
  }

  private stage(stage: CurateStage, pendingOnly: boolean): { page: Statement; count: Statement; keys: Statement } {
    const key = `${stage}|${pendingOnly}`;
    let found = this.stageStatements.get(key);
    if (!found) {
      const where = `${SCOPE} AND (${stageWhere(stage)})${pendingOnly ? ' AND r.decision IS NULL' : ''}`;
      found = {
        page: this.db.prepare(`SELECT ${COLUMNS} ${JOINED} WHERE ${where} AND c.row_key > @after ORDER BY c.row_key LIMIT @limit`),
        count: this.db.prepare(`SELECT COUNT(*) AS n ${JOINED} WHERE ${where}`),
        keys: this.db.prepare(`SELECT c.row_key ${JOINED} WHERE ${where} ORDER BY c.row_key`),
      };
      this.stageStatements.set(key, found);
    }
    return found;
  }

  page(scope: Scope, stage: CurateStage, pendingOnly: boolean, p: StageParams, after: number, limit: number): RowRecord[] {
    return this.stage(stage, pendingOnly).page.all({ ...scope, ...p, ...stageArg(stage), after, limit }) as RowRecord[];
  }

  count(scope: Scope, stage: CurateStage, pendingOnly: boolean, p: StageParams): number {
    return (this.stage(stage, pendingOnly).count.get({ ...scope, ...p, ...stageArg(stage) }) as { n: number }).n;
  }

  keys(scope: Scope, stage: CurateStage, pendingOnly: boolean, p: StageParams): number[] {
    return (this.stage(stage, pendingOnly).keys.all({ ...scope, ...p, ...stageArg(stage) }) as { row_key: number }[]).map((r) => r.row_key);
  }
}

/** `dropped:<filter>` binds the filter's name. */
function stageArg(stage: CurateStage): { filter?: string } {
  return stage.startsWith('dropped:') ? { filter: stage.slice('dropped:'.length) } : {};
}
