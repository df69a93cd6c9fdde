// Reads and writes the jobs table: creation, status transitions, progress and checkpoints.
// Imports: better-sqlite3 types, the contract's Job shape, job-owner, transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { Job, JobKind, JobStatus } from '../../../../shared/contract/index.ts';
import { writeTransaction } from '../db/transaction.ts';
import { type JobOwner, type OwnerRecord, ownerIsLive } from './job-owner.ts';

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
  private readonly heartbeatStmt: Statement;
  private readonly activeStmt: Statement;

  constructor(db: Database) {
    this.db = db;
    this.insertStmt = db.prepare(
      `INSERT INTO jobs (kind, title, params_json, status, created_at, updated_at, owner_pid, owner_host, owner_token, heartbeat_at)
        VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
    );
    this.getStmt = db.prepare('SELECT * FROM jobs WHERE id = ?');
    this.progressStmt = db.prepare('UPDATE jobs SET phase = ?, done = ?, total = ?, updated_at = ? WHERE id = ?');
    this.checkpointStmt = db.prepare('UPDATE jobs SET checkpoint_json = ?, updated_at = ? WHERE id = ?');
    this.heartbeatStmt = db.prepare(`UPDATE jobs SET heartbeat_at = ? WHERE owner_token = ? AND status IN ('queued', 'running')`);
    this.activeStmt = db.prepare(
      `SELECT id, owner_pid AS pid, owner_host AS host, heartbeat_at AS heartbeatAt FROM jobs WHERE status IN ('queued', 'running')`,
    );
  }

  /** A queued job; with its owner from the first instant, so no other process's start-up takes it for orphaned. */
  create(kind: JobKind, title: string, params: unknown, now: number, owner: JobOwner | null = null, wallNow: number | null = null): StoredJob {
    const { lastInsertRowid } = this.insertStmt.run(kind, title, JSON.stringify(params), now, now, owner?.pid ?? null, owner?.host ?? null, owner?.token ?? null, wallNow);
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

  /** Makes `owner` the job's runner, with a fresh heartbeat. */
  claim(id: number, owner: JobOwner, wallNow: number): void {
    this.db
      .prepare('UPDATE jobs SET owner_pid = ?, owner_host = ?, owner_token = ?, heartbeat_at = ?, holds_indexes = 0 WHERE id = ?')
      .run(owner.pid, owner.host, owner.token, wallNow, id);
  }

  /**
   * Queues a resumed job under `owner` in one statement, and only if it is still resumable: two processes
   * resuming the same job cannot both take it. Returns whether this one did.
   */
  requeue(id: number, owner: JobOwner, now: number, wallNow: number): boolean {
    return (
      this.db
        .prepare(`UPDATE jobs SET status = 'queued', error = NULL, updated_at = ?, owner_pid = ?, owner_host = ?, owner_token = ?, heartbeat_at = ?,
            holds_indexes = 0 WHERE id = ? AND status IN ('interrupted', 'failed', 'cancelled')`)
        .run(now, owner.pid, owner.host, owner.token, wallNow, id).changes === 1
    );
  }

  /** Refreshes the heartbeat of every queued or running job `owner` runs. */
  heartbeat(owner: JobOwner, wallNow: number): void {
    this.heartbeatStmt.run(wallNow, owner.token);
  }

  /**
   * A job left running or queued by a process that died cannot still be running; one whose owner is alive
   * is running elsewhere and is left alone. Reads first, so a process with nothing to mark never waits for
   * the write lock another process's import holds.
   */
  markInterrupted(now: number, wallNow: number): number {
    const orphaned = () => (this.activeStmt.all() as (OwnerRecord & { id: number })[]).filter((job) => !ownerIsLive(job, wallNow));
    if (orphaned().length === 0) return 0;
    // Checked again under the write lock: an owner may have settled its job in between.
    return writeTransaction(this.db, () => {
      const mark = this.db.prepare(`UPDATE jobs SET status = 'interrupted', holds_indexes = 0, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')`);
      return orphaned().reduce((n, job) => n + mark.run(now, job.id).changes, 0);
    });
  }
}
