// SQL of the judge: stored judgements keyed by (row hash, model, rubric hash), per-dataset rubric and settings,
// and judge runs with their spend. Imports: better-sqlite3.
import type { Database, Statement } from 'better-sqlite3';
import { DEFAULT_JUDGE_THRESHOLD, DEFAULT_REVIEW } from '../../../../shared/contract/index.ts';
import { writeTransaction } from '../../platform/db/transaction.ts';

export interface StoredJudgement {
  rowHash: string;
  status: 'judged' | 'failed';
  helpfulness: number | null;
  relevance: number | null;
  format: number | null;
  overall: number | null;
  rationale: string | null;
  error: string | null;
  costUsd: number | null;
}

export interface NewJudgement extends StoredJudgement {
  inputTokens: number;
  outputTokens: number;
}

export interface StoredSettings {
  rubric: string | null;
  threshold: number;
  margin: number;
  minMembership: number | null;
  modelJson: string | null;
}

export interface RunSpend {
  usd: number;
  unpricedCalls: number;
  calls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
}

interface JudgementRow {
  row_hash: string;
  status: 'judged' | 'failed';
  helpfulness: number | null;
  relevance: number | null;
  format: number | null;
  overall: number | null;
  rationale: string | null;
  error: string | null;
  cost_usd: number | null;
}

// The membership cut starts where curation's review cut does, so both send the same low-fit rows to review.
const DEFAULTS: StoredSettings = { rubric: null, threshold: DEFAULT_JUDGE_THRESHOLD, margin: 0.05, minMembership: DEFAULT_REVIEW.membershipBelow, modelJson: null };
/** SQLite's default limit on bound parameters is 32766; lookups go in chunks well under it. */
const CHUNK = 500;

export class JudgeRepository {
  readonly #db: Database;
  readonly #put: Statement;
  readonly #getSettings: Statement<[number], { rubric: string | null; threshold: number; margin: number; min_membership: number | null; model_json: string | null }>;
  readonly #putSettings: Statement;
  readonly #startRun: Statement;
  readonly #addSpend: Statement;
  readonly #spend: Statement<[number], { usd: number | null; unpriced: number | null; calls: number | null; cached: number | null; input: number | null; output: number | null }>;
  readonly #lastRun: Statement<[number], { job_id: number; model: string }>;
  readonly #lookups = new Map<number, Statement>();

  constructor(db: Database) {
    this.#db = db;
    this.#put = db.prepare(
      `INSERT OR REPLACE INTO judgements (row_hash, model, rubric_hash, status, helpfulness, relevance, format, overall, rationale, error, cost_usd, input_tokens, output_tokens, job_id, created_at)
       VALUES (@rowHash, @model, @rubricHash, @status, @helpfulness, @relevance, @format, @overall, @rationale, @error, @costUsd, @inputTokens, @outputTokens, @jobId, @now)`,
    );
    this.#getSettings = db.prepare('SELECT rubric, threshold, margin, min_membership, model_json FROM judge_settings WHERE dataset_id = ?');
    this.#putSettings = db.prepare(
      `INSERT INTO judge_settings (dataset_id, rubric, threshold, margin, min_membership, model_json) VALUES (@datasetId, @rubric, @threshold, @margin, @minMembership, @modelJson)
       ON CONFLICT(dataset_id) DO UPDATE SET rubric = excluded.rubric, threshold = excluded.threshold, margin = excluded.margin, min_membership = excluded.min_membership, model_json = excluded.model_json`,
    );
    this.#startRun = db.prepare(
      'INSERT OR IGNORE INTO judge_runs (job_id, dataset_id, model, rubric_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#addSpend = db.prepare(
      `UPDATE judge_runs SET usd = usd + @usd, unpriced_calls = unpriced_calls + @unpricedCalls, calls = calls + @calls, cached_calls = cached_calls + @cachedCalls,
       input_tokens = input_tokens + @inputTokens, output_tokens = output_tokens + @outputTokens WHERE job_id = @jobId`,
    );
    this.#spend = db.prepare(
      `SELECT SUM(usd) AS usd, SUM(unpriced_calls) AS unpriced, SUM(calls) AS calls, SUM(cached_calls) AS cached, SUM(input_tokens) AS input, SUM(output_tokens) AS output
       FROM judge_runs WHERE dataset_id = ?`,
    );
    this.#lastRun = db.prepare('SELECT job_id, model FROM judge_runs WHERE dataset_id = ? ORDER BY job_id DESC LIMIT 1');
  }

  /** Stored judgements of these rows under one model and rubric, by row hash. */
  find(model: string, rubricHash: string, rowHashes: readonly string[]): Map<string, StoredJudgement> {
    const out = new Map<string, StoredJudgement>();
    for (let i = 0; i < rowHashes.length; i += CHUNK) {
      const part = rowHashes.slice(i, i + CHUNK);
      let stmt = this.#lookups.get(part.length);
      if (!stmt) {
        stmt = this.#db.prepare(
          `SELECT row_hash, status, helpfulness, relevance, format, overall, rationale, error, cost_usd FROM judgements
           WHERE model = ? AND rubric_hash = ? AND row_hash IN (${part.map(() => '?').join(',')})`,
        );
        this.#lookups.set(part.length, stmt);
      }
      for (const r of stmt.all(model, rubricHash, ...part) as JudgementRow[]) {
        out.set(r.row_hash, {
          rowHash: r.row_hash,
          status: r.status,
          helpfulness: r.helpfulness,
          relevance: r.relevance,
          format: r.format,
          overall: r.overall,
          rationale: r.rationale,
          error: r.error,
          costUsd: r.cost_usd,
        });
      }
    }
    return out;
  }

  /** One batch of judgements and the run's spend in one transaction: a cancelled job leaves whole batches. */
  saveBatch(b: { model: string; rubricHash: string; jobId: number | null; now: number; judgements: readonly NewJudgement[]; spend: RunSpend }): void {
    writeTransaction(this.#db, () => {
      for (const j of b.judgements) this.#put.run({ ...j, model: b.model, rubricHash: b.rubricHash, jobId: b.jobId, now: b.now });
      if (b.jobId !== null) this.#addSpend.run({ ...b.spend, jobId: b.jobId });
    });
  }

  startRun(jobId: number, datasetId: number, model: string, rubricHash: string, now: number): void {
    this.#startRun.run(jobId, datasetId, model, rubricHash, now);
  }

  settings(datasetId: number): StoredSettings {
    const r = this.#getSettings.get(datasetId);
    return r ? { rubric: r.rubric, threshold: r.threshold, margin: r.margin, minMembership: r.min_membership, modelJson: r.model_json } : { ...DEFAULTS };
  }

  saveSettings(datasetId: number, s: StoredSettings): void {
    this.#putSettings.run({ datasetId, ...s });
  }

  spend(datasetId: number): RunSpend {
    const r = this.#spend.get(datasetId);
    return { usd: r?.usd ?? 0, unpricedCalls: r?.unpriced ?? 0, calls: r?.calls ?? 0, cachedCalls: r?.cached ?? 0, inputTokens: r?.input ?? 0, outputTokens: r?.output ?? 0 };
  }

  lastRun(datasetId: number): { jobId: number; model: string } | null {
    const r = this.#lastRun.get(datasetId);
    return r ? { jobId: r.job_id, model: r.model } : null;
  }
}

/** What the judge module is built from: the store handle its repository takes. */
export type JudgeStore = ConstructorParameters<typeof JudgeRepository>[0];
