// Owns the llm_usage table: one row per LLM call (chat or embedding request) with feature, job, model,
// tokens, cost and latency, and the totals a cost display reads. Imports: better-sqlite3 types, ./usage.ts.

import type { Database, Statement } from 'better-sqlite3';
import type { UsageRecord, UsageSink, UsageTotals } from './usage.ts';

export interface UsageFilter {
  feature?: string;
  jobId?: number;
}

interface TotalsRow {
  calls: number;
  cached_calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  cost_incomplete: number;
  latency_ms: number;
}

interface RecordRow {
  at: number;
  feature: string;
  job_id: number | null;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number | null;
  latency_ms: number;
  cached: number;
}

type FilterParams = { feature: string | null; jobId: number | null };

const WHERE = '(@feature IS NULL OR feature = @feature) AND (@jobId IS NULL OR job_id = @jobId)';
// Cached answers count as calls but add no tokens, cost or latency: nothing was sent for them.
const TOTALS = `COUNT(*) AS calls, COALESCE(SUM(cached), 0) AS cached_calls,
  COALESCE(SUM(CASE WHEN cached = 0 THEN prompt_tokens END), 0) AS prompt_tokens,
  COALESCE(SUM(CASE WHEN cached = 0 THEN completion_tokens END), 0) AS completion_tokens,
  COALESCE(SUM(CASE WHEN cached = 0 THEN cost END), 0) AS cost,
  COALESCE(MAX(cached = 0 AND cost IS NULL), 0) AS cost_incomplete,
  COALESCE(SUM(CASE WHEN cached = 0 THEN latency_ms END), 0) AS latency_ms`;

export class UsageRepository implements UsageSink {
  readonly #insert: Statement<[number, string, number | null, string, number, number, number | null, number, number]>;
  readonly #totals: Statement<[FilterParams], TotalsRow>;
  readonly #byFeature: Statement<[FilterParams], TotalsRow & { feature: string }>;
  readonly #list: Statement<[FilterParams], RecordRow>;

  constructor(db: Database) {
    this.#insert = db.prepare(
      'INSERT INTO llm_usage (at, feature, job_id, model, prompt_tokens, completion_tokens, cost, latency_ms, cached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#totals = db.prepare(`SELECT ${TOTALS} FROM llm_usage WHERE ${WHERE}`);
    this.#byFeature = db.prepare(`SELECT feature, ${TOTALS} FROM llm_usage WHERE ${WHERE} GROUP BY feature ORDER BY feature`);
    this.#list = db.prepare(
      `SELECT at, feature, job_id, model, prompt_tokens, completion_tokens, cost, latency_ms, cached FROM llm_usage WHERE ${WHERE} ORDER BY id`,
    );
  }

  record(r: UsageRecord): void {
    this.#insert.run(r.at, r.feature, r.jobId, r.model, r.promptTokens, r.completionTokens, r.cost, r.latencyMs, r.cached ? 1 : 0);
  }

  totals(filter: UsageFilter = {}): UsageTotals {
    return toTotals(this.#totals.get(params(filter))!);
  }

  /** Totals per feature (e.g. of one job, for its cost line), ordered by feature name. */
  byFeature(filter: UsageFilter = {}): { feature: string; totals: UsageTotals }[] {
    return this.#byFeature.all(params(filter)).map((r) => ({ feature: r.feature, totals: toTotals(r) }));
  }

  /** The individual calls, oldest first. */
  list(filter: UsageFilter = {}): UsageRecord[] {
    return this.#list.all(params(filter)).map((r) => ({
      at: r.at,
      feature: r.feature,
      jobId: r.job_id,
      model: r.model,
      promptTokens: r.prompt_tokens,
      completionTokens: r.completion_tokens,
      cost: r.cost,
      latencyMs: r.latency_ms,
      cached: r.cached === 1,
    }));
  }
}

function params(f: UsageFilter): FilterParams {
  return { feature: f.feature ?? null, jobId: f.jobId ?? null };
}

function toTotals(r: TotalsRow): UsageTotals {
  return {
    calls: r.calls,
    cachedCalls: r.cached_calls,
    promptTokens: r.prompt_tokens,
    completionTokens: r.completion_tokens,
    cost: r.cost,
    costIncomplete: r.cost_incomplete === 1,
    latencyMs: r.latency_ms,
  };
}
