// SQL of evaluation runs: runs, their (row, model) predictions written in batches, and the evaluators of a
// dataset and its rows. Imports: better-sqlite3 types, platform transactions.
import type { Database, Statement } from 'better-sqlite3';
import { writeTransaction } from '../platform/db/transaction.ts';

export interface RunModel {
  model: string;
  /** The provider's name as chosen when the run started. */
  provider: string;
  alias: string | null;
  label: string;
}

export interface StoredRun {
  id: number;
  datasetId: number;
  versionId: number;
  dataset: string;
  versionNumber: number;
  metric: string;
  metricOptions: Record<string, unknown>;
  models: RunModel[];
  systemPrompt: string | null;
  systemPromptHash: string | null;
  evaluators: { dataset: unknown[]; rows: Record<string, unknown[]> };
  budgetUsd: number | null;
  budgetReached: boolean;
  concurrency: number;
  jobId: number | null;
  rowCount: number;
  createdAt: number;
  finishedAt: number | null;
}

export interface StoredPrediction {
  rowKey: number;
  modelIndex: number;
  status: 'answered' | 'failed';
  response: Record<string, unknown> | null;
  pass: boolean | null;
  score: number | null;
  detail: string | null;
  evaluators: { name: string; scope: 'dataset' | 'row'; pass: boolean; detail: string | null }[];
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  cached: boolean;
  error: string | null;
}

interface RunRow {
  id: number;
  dataset_id: number;
  version_id: number;
  dataset: string;
  version_number: number;
  metric: string;
  metric_options_json: string;
  models_json: string;
  system_prompt: string | null;
  system_prompt_hash: string | null;
  evaluators_json: string;
  budget_usd: number | null;
  budget_reached: number;
  concurrency: number;
  job_id: number | null;
  row_count: number;
  created_at: number;
  finished_at: number | null;
}

interface PredictionRow {
  row_key: number;
  model_index: number;
  status: 'answered' | 'failed';
  response_json: string | null;
  pass: number | null;
  score: number | null;
  detail: string | null;
  evaluators_json: string;
  latency_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  cached: number;
  error: string | null;
}

function runOf(r: RunRow): StoredRun {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    versionId: r.version_id,
    dataset: r.dataset,
    versionNumber: r.version_number,
    metric: r.metric,
    metricOptions: JSON.parse(r.metric_options_json) as Record<string, unknown>,
    models: JSON.parse(r.models_json) as RunModel[],
    systemPrompt: r.system_prompt,
    systemPromptHash: r.system_prompt_hash,
    evaluators: JSON.parse(r.evaluators_json) as StoredRun['evaluators'],
    budgetUsd: r.budget_usd,
    budgetReached: r.budget_reached === 1,
    concurrency: r.concurrency,
    jobId: r.job_id,
    rowCount: r.row_count,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

function predictionOf(r: PredictionRow): StoredPrediction {
  return {
    rowKey: r.row_key,
    modelIndex: r.model_index,
    status: r.status,
    response: r.response_json ? (JSON.parse(r.response_json) as Record<string, unknown>) : null,
    pass: r.pass === null ? null : r.pass === 1,
    score: r.score,
    detail: r.detail,
    evaluators: JSON.parse(r.evaluators_json) as StoredPrediction['evaluators'],
    latencyMs: r.latency_ms,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    costUsd: r.cost_usd,
    cached: r.cached === 1,
    error: r.error,
  };
}

const PREDICTION_COLUMNS = 'row_key, model_index, status, response_json, pass, score, detail, evaluators_json, latency_ms, input_tokens, output_tokens, cost_usd, cached, error';

export class EvalRepository {
  readonly #db: Database;
  readonly #insertRun: Statement;
  readonly #setJob: Statement;
  readonly #finish: Statement;
  readonly #run: Statement<[number], RunRow>;
  readonly #runs: Statement<[], RunRow>;
  readonly #runsOf: Statement<[number], RunRow>;
  readonly #put: Statement;
  readonly #predictions: Statement<[number], PredictionRow>;
  readonly #predictionsOfRow: Statement<[number, number], PredictionRow>;
  readonly #answered: Statement<[number], { row_key: number; model_index: number }>;
  readonly #evaluators: Statement<[number, number], { evaluators_json: string }>;
  readonly #allEvaluators: Statement<[number], { row_key: number; evaluators_json: string }>;
  readonly #putEvaluators: Statement;
  readonly #dropEvaluators: Statement;

  constructor(db: Database) {
    this.#db = db;
    this.#insertRun = db.prepare(
      `INSERT INTO eval_runs (dataset_id, version_id, dataset, version_number, metric, metric_options_json, models_json, system_prompt, system_prompt_hash, evaluators_json, budget_usd, concurrency, row_count, created_at)
       VALUES (@datasetId, @versionId, @dataset, @versionNumber, @metric, @metricOptions, @models, @systemPrompt, @systemPromptHash, @evaluators, @budgetUsd, @concurrency, @rowCount, @now)`,
    );
    this.#setJob = db.prepare('UPDATE eval_runs SET job_id = ? WHERE id = ?');
    this.#finish = db.prepare('UPDATE eval_runs SET finished_at = ?, budget_reached = ? WHERE id = ?');
    this.#run = db.prepare('SELECT * FROM eval_runs WHERE id = ?');
    this.#runs = db.prepare('SELECT * FROM eval_runs ORDER BY id DESC');
    this.#runsOf = db.prepare('SELECT * FROM eval_runs WHERE dataset_id = ? ORDER BY id DESC');
    this.#put = db.prepare(
      `INSERT OR REPLACE INTO eval_predictions (run_id, ${PREDICTION_COLUMNS})
       VALUES (@runId, @rowKey, @modelIndex, @status, @responseJson, @pass, @score, @detail, @evaluatorsJson, @latencyMs, @inputTokens, @outputTokens, @costUsd, @cached, @error)`,
    );
    this.#predictions = db.prepare(`SELECT ${PREDICTION_COLUMNS} FROM eval_predictions WHERE run_id = ? ORDER BY row_key, model_index`);
    this.#predictionsOfRow = db.prepare(`SELECT ${PREDICTION_COLUMNS} FROM eval_predictions WHERE run_id = ? AND row_key = ? ORDER BY model_index`);
    this.#answered = db.prepare("SELECT row_key, model_index FROM eval_predictions WHERE run_id = ? AND status = 'answered'");
    this.#evaluators = db.prepare('SELECT evaluators_json FROM eval_evaluators WHERE dataset_id = ? AND row_key = ?');
    this.#allEvaluators = db.prepare('SELECT row_key, evaluators_json FROM eval_evaluators WHERE dataset_id = ? ORDER BY row_key');
    this.#putEvaluators = db.prepare('INSERT OR REPLACE INTO eval_evaluators (dataset_id, row_key, evaluators_json) VALUES (?, ?, ?)');
    this.#dropEvaluators = db.prepare('DELETE FROM eval_evaluators WHERE dataset_id = ? AND row_key = ?');
  }

  createRun(r: {
    datasetId: number;
    versionId: number;
    dataset: string;
    versionNumber: number;
    metric: string;
    metricOptions: Record<string, unknown>;
    models: RunModel[];
    systemPrompt: string | null;
    systemPromptHash: string | null;
    evaluators: StoredRun['evaluators'];
    budgetUsd: number | null;
    concurrency: number;
    rowCount: number;
    now: number;
  }): number {
    return writeTransaction(this.#db, () =>
      Number(
        this.#insertRun.run({ ...r, metricOptions: JSON.stringify(r.metricOptions), models: JSON.stringify(r.models), evaluators: JSON.stringify(r.evaluators) }).lastInsertRowid,
      ),
    );
  }

  setJob(runId: number, jobId: number): void {
    writeTransaction(this.#db, () => this.#setJob.run(jobId, runId));
  }

  finish(runId: number, now: number, budgetReached: boolean): void {
    writeTransaction(this.#db, () => this.#finish.run(now, budgetReached ? 1 : 0, runId));
  }

  run(id: number): StoredRun | null {
    const r = this.#run.get(id);
    return r ? runOf(r) : null;
  }

  runs(datasetId: number | null): StoredRun[] {
    return (datasetId === null ? this.#runs.all() : this.#runsOf.all(datasetId)).map(runOf);
  }

  /** `rowKey:modelIndex` of the predictions already answered: a resumed run does not call for them again. */
  answered(runId: number): Set<string> {
    return new Set(this.#answered.all(runId).map((r) => `${r.row_key}:${r.model_index}`));
  }

  /** One batch in one transaction: a cancelled or killed run leaves whole batches. */
  saveBatch(runId: number, batch: readonly StoredPrediction[]): void {
    if (batch.length === 0) return;
    writeTransaction(this.#db, () => {
      for (const p of batch) {
        this.#put.run({
          runId,
          rowKey: p.rowKey,
          modelIndex: p.modelIndex,
          status: p.status,
          responseJson: p.response ? JSON.stringify(p.response) : null,
          pass: p.pass === null ? null : p.pass ? 1 : 0,
          score: p.score,
          detail: p.detail,
          evaluatorsJson: JSON.stringify(p.evaluators),
          latencyMs: p.latencyMs,
          inputTokens: p.inputTokens,
          outputTokens: p.outputTokens,
          costUsd: p.costUsd,
          cached: p.cached ? 1 : 0,
          error: p.error,
        });
      }
    });
  }

  predictions(runId: number): StoredPrediction[] {
    return this.#predictions.all(runId).map(predictionOf);
  }

  predictionsOfRow(runId: number, rowKey: number): StoredPrediction[] {
    return this.#predictionsOfRow.all(runId, rowKey).map(predictionOf);
  }

  /** Evaluators of the dataset (rowKey 0) or of one row, as stored JSON (validated by the caller). */
  evaluators(datasetId: number, rowKey: number): unknown[] {
    const r = this.#evaluators.get(datasetId, rowKey);
    return r ? (JSON.parse(r.evaluators_json) as unknown[]) : [];
  }

  allEvaluators(datasetId: number): Map<number, unknown[]> {
    return new Map(this.#allEvaluators.all(datasetId).map((r) => [r.row_key, JSON.parse(r.evaluators_json) as unknown[]]));
  }

  setEvaluators(datasetId: number, rowKey: number, evaluators: readonly unknown[]): void {
    writeTransaction(this.#db, () => {
      if (evaluators.length === 0) this.#dropEvaluators.run(datasetId, rowKey);
      else this.#putEvaluators.run(datasetId, rowKey, JSON.stringify(evaluators));
    });
  }
}

export type EvalStore = ConstructorParameters<typeof EvalRepository>[0];
