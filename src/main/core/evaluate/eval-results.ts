// What a stored run shows: per-model results (score with Wilson interval, cost per row, latency, failures,
// per-evaluator counts), the baseline, per-row predictions with filters, one row in full, and the JSONL export.
// Imports: node:fs, contract types, jobs runner (status), this domain's engine, items, repository, service.
import { writeFileSync } from 'node:fs';
import type {
  EvalModelResult,
  EvalPrediction,
  EvalPredictionDetail,
  EvalRowDetail,
  EvalRowFilter,
  EvalRowView,
  EvalRunDetail,
  EvalRunSummary,
  EvaluatorCounts,
  Job,
  MetricOptions,
} from '../../../shared/contract/index.ts';
import { answerOfMessage, displayText } from './engine/eval-output.ts';
import { latencyStats, wilson } from './engine/eval-stats.ts';
import type { EvalItem } from './eval-items.ts';
import type { StoredPrediction, StoredRun } from './eval-repository.ts';
import { BASELINE_INDEX } from './eval-runner.ts';
import type { EvalService } from './eval-service.ts';

const PREVIEW = 300;
const clip = (s: string): string => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

export type JobLookup = (jobId: number) => Job | null;

function counts(preds: readonly StoredPrediction[]): EvaluatorCounts[] {
  const by = new Map<string, EvaluatorCounts>();
  for (const p of preds) {
    for (const e of p.evaluators) {
      const key = `${e.scope}\0${e.name}`;
      const c = by.get(key) ?? { name: e.name, scope: e.scope, rows: 0, passed: 0, failed: 0 };
      c.rows++;
      if (e.pass) c.passed++;
      else c.failed++;
      by.set(key, c);
    }
  }
  return [...by.values()];
}

/** One model's (or the baseline's) result over the run's rows. */
export function modelResult(label: string, provider: string | null, rows: number, preds: readonly StoredPrediction[]): EvalModelResult {
  const answered = preds.filter((p) => p.status === 'answered');
  const failures = preds.length - answered.length;
  const passed = answered.filter((p) => p.pass).length;
  const decided = answered.length + failures;
  const unpriced = answered.some((p) => p.costUsd === null && p.latencyMs !== null);
  const cost = answered.reduce((s, p) => s + (p.costUsd ?? 0), 0);
  const latencies = answered.flatMap((p) => (p.latencyMs === null ? [] : [p.latencyMs]));
  const priced = label !== 'baseline' && !unpriced;
  return {
    model: label,
    provider,
    rows,
    scored: answered.length,
    passed,
    failures,
    pending: Math.max(0, rows - decided),
    score: decided > 0 ? passed / decided : null,
    ci: wilson(passed, decided),
    costPerRow: priced && answered.length > 0 ? cost / answered.length : null,
    costUsd: priced ? cost : null,
    inputTokens: answered.reduce((s, p) => s + (p.inputTokens ?? 0), 0),
    outputTokens: answered.reduce((s, p) => s + (p.outputTokens ?? 0), 0),
    latency: latencyStats(latencies),
    evaluators: counts(answered),
  };
}

function summaryOf(run: StoredRun, job: Job | null, results: readonly EvalModelResult[]): EvalRunSummary {
  return {
    id: run.id,
    dataset: run.dataset,
    version: `v${run.versionNumber}`,
    versionNumber: run.versionNumber,
    models: run.models.map((m) => ({ model: m.model, provider: m.provider, ...(m.alias ? { alias: m.alias } : {}), label: m.label })),
    metric: run.metric as EvalRunSummary['metric'],
    metricOptions: run.metricOptions as MetricOptions,
    status: job?.status ?? (run.finishedAt ? 'succeeded' : 'queued'),
    jobId: run.jobId,
    budgetUsd: run.budgetUsd,
    budgetReached: run.budgetReached,
    concurrency: run.concurrency,
    rows: run.rowCount,
    systemPrompt: {
      overridden: run.systemPrompt !== null,
      hash: run.systemPromptHash,
      summary: run.systemPrompt === null ? null : (run.systemPrompt.split('\n')[0] ?? '').slice(0, 120),
    },
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    results: results.map((r) => ({ model: r.model, score: r.score, ci: r.ci, failures: r.failures })),
  };
}

function byModel(run: StoredRun, preds: readonly StoredPrediction[]): { results: EvalModelResult[]; baseline: EvalModelResult | null } {
  const groups = new Map<number, StoredPrediction[]>();
  for (const p of preds) {
    const g = groups.get(p.modelIndex) ?? [];
    g.push(p);
    groups.set(p.modelIndex, g);
  }
  const results = run.models.map((m, i) => modelResult(m.label, m.provider, run.rowCount, groups.get(i) ?? []));
  const base = groups.get(BASELINE_INDEX);
  return { results, baseline: base ? modelResult('baseline', null, run.rowCount, base) : null };
}

function predictionView(label: string, p: StoredPrediction | undefined): EvalPrediction {
  if (!p) return { model: label, output: null, pass: null, score: null, detail: null, latencyMs: null, costUsd: null, error: null, status: 'pending', evaluators: [] };
  return {
    model: label,
    output: p.response ? clip(displayText(answerOfMessage(p.response))) : null,
    pass: p.status === 'answered' ? p.pass : null,
    score: p.score,
    detail: p.detail,
    latencyMs: p.latencyMs,
    costUsd: p.costUsd,
    error: p.error,
    status: p.status,
    evaluators: p.evaluators,
  };
}

function detailView(label: string, p: StoredPrediction | undefined): EvalPredictionDetail {
  const short = predictionView(label, p);
  return {
    ...short,
    response: p?.response ?? null,
    outputText: p?.response ? displayText(answerOfMessage(p.response)) : null,
    inputTokens: p?.inputTokens ?? null,
    outputTokens: p?.outputTokens ?? null,
    cached: p?.cached ?? false,
  };
}

/** Whether a row belongs in the filter; `model` narrows regressions, failures and errors to that label. */
function keep(filter: EvalRowFilter, base: EvalPrediction | null, preds: readonly EvalPrediction[], model: string | undefined): boolean {
  const subject = model === undefined ? preds : preds.filter((p) => p.model === model);
  switch (filter) {
    case 'all':
      return true;
    case 'disagreements': {
      const verdicts = preds.filter((p) => p.pass !== null).map((p) => p.pass);
      if (preds.length === 1 && base?.pass !== null && base && verdicts.length === 1) return verdicts[0] !== base.pass;
      return new Set(verdicts).size > 1;
    }
    case 'regressions':
      return base?.pass === true && subject.some((p) => p.status === 'failed' || p.pass === false);
    case 'failures':
      return subject.some((p) => p.status === 'failed' || p.pass === false);
    case 'errors':
      return subject.some((p) => p.status === 'failed');
  }
}

export class EvalResults {
  readonly #svc: EvalService;
  readonly #job: JobLookup;

  constructor(svc: EvalService, job: JobLookup) {
    this.#svc = svc;
    this.#job = job;
  }

  #job0(run: StoredRun): Job | null {
    return run.jobId === null ? null : this.#job(run.jobId);
  }

  list(dataset: string | undefined): EvalRunSummary[] {
    const runs = dataset === undefined ? this.#svc.repo.runs(null) : this.#svc.repo.runs(this.#svc.datasetIdOf(dataset));
    return runs.map((run) => summaryOf(run, this.#job0(run), byModel(run, this.#svc.repo.predictions(run.id)).results));
  }

  show(runId: number): EvalRunDetail {
    const run = this.#svc.mustRun(runId);
    const preds = this.#svc.repo.predictions(run.id);
    const { results, baseline } = byModel(run, preds);
    return {
      run: summaryOf(run, this.#job0(run), results),
      systemPromptText: run.systemPrompt,
      results,
      baseline,
      evaluators: counts(preds.filter((p) => p.modelIndex !== BASELINE_INDEX && p.status === 'answered')),
    };
  }

  #rowViews(runId: number): { run: StoredRun; items: EvalItem[]; views: EvalRowView[] } {
    const { run, items } = this.#svc.items(runId);
    const byRow = new Map<number, StoredPrediction[]>();
    for (const p of this.#svc.repo.predictions(run.id)) {
      const g = byRow.get(p.rowKey) ?? [];
      g.push(p);
      byRow.set(p.rowKey, g);
    }
    const views = items.map((item) => {
      const preds = byRow.get(item.rowKey) ?? [];
      const base = preds.find((p) => p.modelIndex === BASELINE_INDEX);
      return {
        rowKey: item.rowKey,
        prompt: clip(item.prompt),
        expected: clip(displayText(item.expected)),
        baseline: base ? predictionView('baseline', base) : null,
        predictions: run.models.map((m, i) => predictionView(m.label, preds.find((p) => p.modelIndex === i))),
      };
    });
    return { run, items, views };
  }

  rows(runId: number, filter: EvalRowFilter, model: string | undefined, after: number, limit: number): { total: number; items: EvalRowView[]; last: number | null; more: boolean } {
    const { views } = this.#rowViews(runId);
    const matching = views.filter((v) => keep(filter, v.baseline, v.predictions, model));
    const rest = matching.filter((v) => v.rowKey > after);
    const items = rest.slice(0, limit);
    return { total: matching.length, items, last: items.at(-1)?.rowKey ?? null, more: rest.length > limit };
  }

  row(runId: number, rowKey: number): EvalRowDetail | null {
    const { run, items } = this.#svc.items(runId);
    const item = items.find((i) => i.rowKey === rowKey);
    if (!item) return null;
    const preds = this.#svc.repo.predictionsOfRow(run.id, rowKey);
    const base = preds.find((p) => p.modelIndex === BASELINE_INDEX);
    return {
      rowKey,
      messages: item.messages,
      tools: item.tools,
      responseFormat: item.responseFormat,
      expected: item.expectedValue ?? item.originalMessage,
      expectedText: displayText(item.expected),
      baseline: base ? detailView('baseline', base) : null,
      predictions: run.models.map((m, i) => detailView(m.label, preds.find((p) => p.modelIndex === i))),
    };
  }

  /** One JSON line per row × model (the baseline included), in row order. */
  exportPredictions(runId: number, path: string): { path: string; lines: number } {
    const { run, items } = this.#svc.items(runId);
    const byKey = new Map(this.#svc.repo.predictions(run.id).map((p) => [`${p.rowKey}:${p.modelIndex}`, p]));
    const lines: string[] = [];
    const labels: [number, string][] = [[BASELINE_INDEX, 'baseline'], ...run.models.map((m, i): [number, string] => [i, m.label])];
    for (const item of items) {
      for (const [index, label] of labels) {
        const p = byKey.get(`${item.rowKey}:${index}`);
        const d = detailView(label, p);
        lines.push(
          JSON.stringify({
            run: run.id,
            rowKey: item.rowKey,
            model: label,
            status: d.status,
            messages: item.messages,
            expected: displayText(item.expected),
            output: d.outputText,
            response: d.response,
            pass: d.pass,
            score: d.score,
            detail: d.detail,
            evaluators: d.evaluators,
            latencyMs: d.latencyMs,
            inputTokens: d.inputTokens,
            outputTokens: d.outputTokens,
            costUsd: d.costUsd,
            error: d.error,
          }),
        );
      }
    }
    writeFileSync(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    return { path, lines: lines.length };
  }
}
