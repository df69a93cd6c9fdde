// SQL of the fine-tuning hand-off: fine-tunes (version, provider, files, remote job, outcome) and their events.
// Imports: better-sqlite3, platform db transaction, contract types.
import type { Database, Statement } from 'better-sqlite3';
import type { FinetuneEvent, FinetuneHyperparameters, FinetuneStatus } from '../../../shared/contract/index.ts';
import { writeTransaction } from '../platform/db/transaction.ts';

export interface StoredFinetune {
  id: number;
  datasetId: number;
  dataset: string;
  versionId: number;
  versionNumber: number;
  providerId: string;
  providerName: string;
  baseModel: string;
  suffix: string | null;
  hyperparameters: FinetuneHyperparameters;
  status: FinetuneStatus;
  jobId: number | null;
  trainingFileId: string | null;
  validationFileId: string | null;
  remoteJobId: string | null;
  fineTunedModel: string | null;
  error: string | null;
  trainedTokens: number | null;
  trainRows: number;
  validationRows: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewFinetune {
  datasetId: number;
  versionId: number;
  providerId: string;
  providerName: string;
  baseModel: string;
  suffix: string | null;
  hyperparameters: FinetuneHyperparameters;
}

/** What a poll learnt of the remote job. */
export interface RemoteState {
  status: FinetuneStatus;
  fineTunedModel: string | null;
  error: string | null;
  trainedTokens: number | null;
}

interface Row {
  id: number;
  dataset_id: number;
  dataset: string;
  version_id: number;
  version_number: number;
  provider_id: string;
  provider_name: string;
  base_model: string;
  suffix: string | null;
  hyperparameters_json: string;
  status: FinetuneStatus;
  job_id: number | null;
  training_file_id: string | null;
  validation_file_id: string | null;
  remote_job_id: string | null;
  fine_tuned_model: string | null;
  error: string | null;
  trained_tokens: number | null;
  train_rows: number;
  validation_rows: number;
  created_at: number;
  updated_at: number;
}

const SELECT = `SELECT f.*, d.name AS dataset, v.number AS version_number
  FROM finetunes f JOIN datasets d ON d.id = f.dataset_id JOIN dataset_versions v ON v.id = f.version_id`;

function fromRow(r: Row): StoredFinetune {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    dataset: r.dataset,
    versionId: r.version_id,
    versionNumber: r.version_number,
    providerId: r.provider_id,
    providerName: r.provider_name,
    baseModel: r.base_model,
    suffix: r.suffix,
    hyperparameters: JSON.parse(r.hyperparameters_json) as FinetuneHyperparameters,
    status: r.status,
    jobId: r.job_id,
    trainingFileId: r.training_file_id,
    validationFileId: r.validation_file_id,
    remoteJobId: r.remote_job_id,
    fineTunedModel: r.fine_tuned_model,
    error: r.error,
    trainedTokens: r.trained_tokens,
    trainRows: r.train_rows,
    validationRows: r.validation_rows,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class FinetuneRepository {
  readonly #db: Database;
  readonly #one: Statement<[number], Row>;
  readonly #all: Statement<[], Row>;
  readonly #ofDataset: Statement<[string], Row>;
  readonly #events: Statement<[number], { event_id: string; at: number; level: string; message: string }>;
  readonly #insertEvent: Statement;

  constructor(db: Database) {
    this.#db = db;
    this.#one = db.prepare(`${SELECT} WHERE f.id = ?`);
    this.#all = db.prepare(`${SELECT} ORDER BY f.id DESC`);
    this.#ofDataset = db.prepare(`${SELECT} WHERE d.name = ? COLLATE NOCASE ORDER BY f.id DESC`);
    this.#events = db.prepare('SELECT event_id, at, level, message FROM finetune_events WHERE finetune_id = ? ORDER BY at DESC, event_id DESC LIMIT 100');
    this.#insertEvent = db.prepare('INSERT OR IGNORE INTO finetune_events (finetune_id, event_id, at, level, message) VALUES (?, ?, ?, ?, ?)');
  }

  create(f: NewFinetune, now: number): number {
    const info = this.#db
      .prepare(
        `INSERT INTO finetunes (dataset_id, version_id, provider_id, provider_name, base_model, suffix, hyperparameters_json, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'preparing', ?, ?)`,
      )
      .run(f.datasetId, f.versionId, f.providerId, f.providerName, f.baseModel, f.suffix, JSON.stringify(f.hyperparameters), now, now);
    return Number(info.lastInsertRowid);
  }

  get(id: number): StoredFinetune | null {
    const r = this.#one.get(id);
    return r ? fromRow(r) : null;
  }

  list(dataset: string | undefined): StoredFinetune[] {
    return (dataset === undefined ? this.#all.all() : this.#ofDataset.all(dataset)).map(fromRow);
  }

  events(id: number): FinetuneEvent[] {
    return this.#events.all(id).map((e) => ({ id: e.event_id, at: e.at, level: e.level, message: e.message }));
  }

  setJob(id: number, jobId: number, now: number): void {
    this.#db.prepare('UPDATE finetunes SET job_id = ?, updated_at = ? WHERE id = ?').run(jobId, now, id);
  }

  setRows(id: number, trainRows: number, validationRows: number, now: number): void {
    this.#db.prepare('UPDATE finetunes SET train_rows = ?, validation_rows = ?, updated_at = ? WHERE id = ?').run(trainRows, validationRows, now, id);
  }

  /** Stored the moment the upload answers, so a resume after a crash does not upload it again. */
  setFile(id: number, which: 'training' | 'validation', fileId: string, now: number): void {
    const column = which === 'training' ? 'training_file_id' : 'validation_file_id';
    this.#db.prepare(`UPDATE finetunes SET ${column} = ?, updated_at = ? WHERE id = ?`).run(fileId, now, id);
  }

  setRemoteJob(id: number, remoteJobId: string, now: number): void {
    this.#db.prepare('UPDATE finetunes SET remote_job_id = ?, updated_at = ? WHERE id = ?').run(remoteJobId, now, id);
  }

  /** The remote job's state and any new events, together. */
  saveRemote(id: number, state: RemoteState, events: readonly FinetuneEvent[], now: number): void {
    writeTransaction(this.#db, () => {
      this.#db
        .prepare('UPDATE finetunes SET status = ?, fine_tuned_model = ?, error = ?, trained_tokens = ?, updated_at = ? WHERE id = ?')
        .run(state.status, state.fineTunedModel, state.error, state.trainedTokens, now, id);
      for (const e of events) this.#insertEvent.run(id, e.id, e.at, e.level, e.message);
    });
  }

  /** A fine-tune that failed before any remote job existed, tried again. */
  reopen(id: number, now: number): void {
    this.#db.prepare("UPDATE finetunes SET status = 'preparing', error = NULL, updated_at = ? WHERE id = ?").run(now, id);
  }

  /** A fine-tune that ends before any remote job exists (cancelled while preparing, or the upload refused). */
  settleLocally(id: number, status: 'cancelled' | 'failed', error: string | null, now: number): void {
    this.#db.prepare('UPDATE finetunes SET status = ?, error = ?, updated_at = ? WHERE id = ?').run(status, error, now, id);
  }
}
