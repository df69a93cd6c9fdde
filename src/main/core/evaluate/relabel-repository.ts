// SQL of committee relabelling: each row's verdict (winner, score spread, disagreement and why, the job that
// wrote it), the dataset's training target, and the winners' texts that export swaps in. The answers themselves
// are teacher answers (generate-repository). Imports: better-sqlite3 types.
import type { Database, Statement } from 'better-sqlite3';
import type { RelabelTarget } from '../../../shared/contract/index.ts';

export interface RelabelVerdict {
  row_key: number;
  winner_slot: number | null;
  spread: number | null;
  disagree: number;
  reason: string | null;
}

export class RelabelRepository {
  readonly #put: Statement;
  readonly #doneBy: Statement<[number, number], { row_key: number }>;
  readonly #page: Statement<[number, number, number], RelabelVerdict>;
  readonly #counts: Statement<[number], { total: number; disagreements: number }>;
  readonly #target: Statement<[number], { target: RelabelTarget }>;
  readonly #setTarget: Statement;
  readonly #winners: Statement<[number], { row_key: number; text: string }>;

  constructor(db: Database) {
    this.#put = db.prepare(
      `INSERT OR REPLACE INTO relabel_rows (dataset_id, row_key, winner_slot, spread, disagree, reason, job_id) VALUES (@datasetId, @rowKey, @winnerSlot, @spread, @disagree, @reason, @jobId)`,
    );
    this.#doneBy = db.prepare('SELECT row_key FROM relabel_rows WHERE dataset_id = ? AND job_id = ?');
    this.#page = db.prepare('SELECT row_key, winner_slot, spread, disagree, reason FROM relabel_rows WHERE dataset_id = ? ORDER BY row_key LIMIT ? OFFSET ?');
    this.#counts = db.prepare('SELECT COUNT(*) AS total, COALESCE(SUM(disagree), 0) AS disagreements FROM relabel_rows WHERE dataset_id = ?');
    this.#target = db.prepare('SELECT target FROM relabel_settings WHERE dataset_id = ?');
    this.#setTarget = db.prepare(
      'INSERT INTO relabel_settings (dataset_id, target, updated_at) VALUES (?, ?, ?) ON CONFLICT (dataset_id) DO UPDATE SET target = excluded.target, updated_at = excluded.updated_at',
    );
    this.#winners = db.prepare(
      `SELECT v.row_key, a.text FROM relabel_rows v JOIN teacher_answers a
         ON a.dataset_id = v.dataset_id AND a.row_key = v.row_key AND a.purpose = 'relabel' AND a.slot = v.winner_slot
       WHERE v.dataset_id = ? AND a.text IS NOT NULL`,
    );
  }

  /** Call inside a write transaction. */
  saveVerdict(datasetId: number, jobId: number | null, v: RelabelVerdict): void {
    this.#put.run({ datasetId, rowKey: v.row_key, winnerSlot: v.winner_slot, spread: v.spread, disagree: v.disagree, reason: v.reason, jobId });
  }

  doneBy(datasetId: number, jobId: number): Set<number> {
    return new Set(this.#doneBy.all(datasetId, jobId).map((r) => r.row_key));
  }

  page(datasetId: number, offset: number, limit: number): RelabelVerdict[] {
    return this.#page.all(datasetId, limit, offset);
  }

  counts(datasetId: number): { total: number; disagreements: number } {
    return this.#counts.get(datasetId) ?? { total: 0, disagreements: 0 };
  }

  target(datasetId: number): RelabelTarget {
    return this.#target.get(datasetId)?.target ?? 'original';
  }

  setTarget(datasetId: number, target: RelabelTarget, now: number): void {
    this.#setTarget.run(datasetId, target, now);
  }

  /** The winning answer's text of every relabelled row, by row key. */
  winners(datasetId: number): Map<number, string> {
    return new Map(this.#winners.all(datasetId).map((r) => [r.row_key, r.text]));
  }
}
