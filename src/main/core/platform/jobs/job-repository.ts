// Reads and writes the jobs table: creation, status transitions, progress and checkpoints.
// Imports: better-sqlite3 types, the contract's Job shape.
import type { Database, Statement } from 'better-sqlite3';
import type { Job, JobKind, JobStatus } from '../../../../shared/contract/index.ts';

interface JobRecord {
  id: number;
  kind: JobKind;
  title: string;
  params_json: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number | null;
  error: string | null;
  checkpoint_json: string | null;
  result_json: string | null;
  created_at: number;
  updated_at: number;
}

export interface StoredJob extends Job {
  params: unknown;
  checkpoint: unknown;
}

function toJob(r: JobRecord): StoredJob {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    phase: r.phase,
    done: r.done,
    total: r.total,
    error: r.error,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    params: JSON.parse(r.params_json),
    checkpoint: r.checkpoint_json === null ? null : JSON.parse(r.checkpoint_json),
  };
}

export class JobRepository {
  private readonly db: Database;
  private readonly insertStmt: Statement;
  private readonly getStmt: Statement;
  private readonly progressStmt: Statement;
  private readonly checkpointStmt: Statement;

  constructor(db: Database) {
    this.db = db;
    this.insertStmt = db.prepare(
      `INSERT INTO jobs (kind, title, params_json, status, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?)`,
    );
    this.getStmt = db.prepare('SELECT * FROM jobs WHERE id = ?');
    this.progressStmt = db.prepare('UPDATE jobs SET phase = ?, done = ?, total = ?, updated_at = ? WHERE id = ?');
    this.checkpointStmt = db.prepare('UPDATE jobs SET checkpoint_json = ?, updated_at = ? WHERE id = ?');
  }

  create(kind: JobKind, title: string, params: unknown, now: number): StoredJob {
    const { lastInsertRowid } = this.insertStmt.run(kind, title, JSON.stringify(params), now, now);
    return this.get(Number(lastInsertRowid))!;
  }

  get(id: number): StoredJob | undefined {
    const r = this.getStmt.get(id) as JobRecord | undefined;
    return r && toJob(r);
  }

  list(limit: number): StoredJob[] {
    return (this.db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(limit) as JobRecord[]).map(toJob);
  }

  setStatus(id: number, status: JobStatus, now: number, extra: { error?: string | null; result?: unknown } = {}): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = ?, updated_at = ?,
           error = CASE WHEN ? THEN ? ELSE error END,
           result_json = CASE WHEN ? THEN ? ELSE result_json END
         WHERE id = ?`,
      )
      .run(
        status,
        now,
        extra.error !== undefined ? 1 : 0,
        extra.error ?? null,
        extra.result !== undefined ? 1 : 0,
        extra.result === undefined ? null : JSON.stringify(extra.result),
        id,
      );
  }

  saveProgress(id: number, phase: string, done: number, total: number | null, now: number): void {
    this.progressStmt.run(phase, done, total, now, id);
  }

  /** Call inside the same transaction as the batch it describes, so data and resume point never disagree. */
  saveCheckpoint(id: number, checkpoint: unknown, now: number): void {
    this.checkpointStmt.run(JSON.stringify(checkpoint), now, id);
  }

  /** A job left running or queued by a process that died cannot still be running. */
  markInterrupted(now: number): number {
    return this.db
      .prepare(`UPDATE jobs SET status = 'interrupted', updated_at = ? WHERE status IN ('running', 'queued')`)
      .run(now).changes;
  }
}
