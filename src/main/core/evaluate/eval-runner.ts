// Runs an evaluation: scores the baseline (no model calls), then sends each row to each model through the one
// llm client, scores the answers and stores them in batches; resumes by skipping stored answers, stops cleanly at
// the budget, honours cancel. Imports: contract types, the llm index, this domain's engine, items, scorer, repository.
import type { Evaluator, MetricOptions } from '../../../shared/contract/index.ts';
import type { ChatMessageRaw, ChatResult, ChatTool, ChosenModel, LlmModule } from '../llm/index.ts';
import { callUsd, roughTokens } from './engine/eval-cost.ts';
import { displayText, type Answer } from './engine/eval-output.ts';
import type { EvalItem } from './eval-items.ts';
import type { EvalRepository, StoredPrediction, StoredRun } from './eval-repository.ts';
import { scoreItem, type ScoringPlan } from './eval-scorer.ts';

export const BASELINE_INDEX = -1;
/** Batches are written at least this often, so a crash loses at most a second of paid answers. */
const FLUSH_EVERY = 50;
const FLUSH_MS = 1000;

export interface RunDeps {
  repo: EvalRepository;
  llm: Pick<LlmModule, 'chooseModel' | 'service'>;
}

export interface RunContext {
  jobId: number | null;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; usd: number }) => void;
}

export interface RunOutcome {
  runId: number;
  calls: number;
  answered: number;
  failed: number;
  reused: number;
  budgetReached: boolean;
  usd: number;
}

export interface PreparedRun {
  run: StoredRun;
  items: EvalItem[];
  options: MetricOptions;
  datasetEvaluators: Evaluator[];
  rowEvaluators: Map<number, Evaluator[]>;
  judge: ChosenModel | null;
}

const messageOf = (r: ChatResult): Record<string, unknown> => ({
  role: 'assistant',
  content: r.text,
  ...(r.toolCalls.length > 0 ? { tool_calls: r.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) } : {}),
});

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 2000);

function spendOf(calls: readonly ChatResult[]): { usd: number; unpriced: boolean; input: number; output: number } {
  let usd = 0;
  let unpriced = false;
  let input = 0;
  let output = 0;
  for (const c of calls) {
    if (c.cached) continue;
    input += c.promptTokens;
    output += c.completionTokens;
    if (c.cost === null) unpriced = true;
    else usd += c.cost;
  }
  return { usd, unpriced, input, output };
}

/**
 * A signal for one call that follows the run's. The HTTP client composes every request's signal with
 * AbortSignal.any, and Node keeps each composed signal in a set on its source that is swept in full whenever one
 * is collected: with the run's long-lived signal as the source that is O(n²) over a run (10 s of a 10k-row run's
 * CPU). A short-lived source per call keeps those sets small; the run's signal only gains and loses one listener.
 */
function callSignal(run: AbortSignal | undefined): { signal: AbortSignal | undefined; done: () => void } {
  if (!run) return { signal: undefined, done: () => {} };
  const own = new AbortController();
  const follow = (): void => own.abort(run.reason);
  if (run.aborted) follow();
  else run.addEventListener('abort', follow, { once: true });
  return { signal: own.signal, done: () => run.removeEventListener('abort', follow) };
}

export async function executeRun(deps: RunDeps, p: PreparedRun, ctx: RunContext): Promise<RunOutcome> {
  const { run, items } = p;
  const models = run.models.map((m) => deps.llm.chooseModel({ model: m.model, provider: m.provider }));
  const feature = { feature: 'evaluation', jobId: ctx.jobId };
  const plan: ScoringPlan = {
    metric: run.metric,
    options: p.options,
    datasetEvaluators: p.datasetEvaluators,
    rowEvaluators: p.rowEvaluators,
    judge: p.judge ? deps.llm.service.chat(p.judge.endpoint, { feature: 'evaluation-judge', jobId: ctx.jobId }) : null,
  };
  const clients = models.map((m) => deps.llm.service.chat(m.endpoint, feature));
  const answered = deps.repo.answered(run.id);
  let batch: StoredPrediction[] = [];
  let lastFlush = Date.now();
  const flush = (): void => {
    deps.repo.saveBatch(run.id, batch);
    batch = [];
    lastFlush = Date.now();
  };
  const push = (pred: StoredPrediction): void => {
    batch.push(pred);
    if (batch.length >= FLUSH_EVERY || Date.now() - lastFlush >= FLUSH_MS) flush();
  };
  let usd = 0;
  let calls = 0;
  let okCount = 0;
  let failed = 0;

  // The baseline first: the rows' original answers scored the same way (no model call; the judge metric judges them).
  for (const item of items) {
    if (answered.has(`${item.rowKey}:${BASELINE_INDEX}`)) continue;
    ctx.signal?.throwIfAborted();
    const s = await scoreItem(plan, item, item.original, ctx.signal);
    const spend = spendOf(s.judgeCalls);
    usd += spend.usd;
    push({ rowKey: item.rowKey, modelIndex: BASELINE_INDEX, status: 'answered', response: item.originalMessage, pass: s.pass, score: s.score, detail: s.detail, evaluators: s.evaluators, latencyMs: null, inputTokens: null, outputTokens: null, costUsd: null, cached: false, error: null });
  }
  flush();

  const todo: { item: EvalItem; m: number }[] = [];
  for (const item of items) for (let m = 0; m < models.length; m++) if (!answered.has(`${item.rowKey}:${m}`)) todo.push({ item, m });
  const total = items.length * models.length;
  const reused = total - todo.length;
  let done = 0;
  let reserved = 0;
  let budgetReached = false;
  let next = 0;
  const report = (): void => ctx.onProgress?.({ done: reused + done, total, usd });
  report();

  const worker = async (): Promise<void> => {
    while (!budgetReached && !ctx.signal?.aborted) {
      const job = todo[next++];
      if (!job) return;
      const { item, m } = job;
      const chosen = models[m]!;
      // The most this call is likely to cost, reserved while it is in flight, so calls in flight never overrun the budget.
      const worst = run.budgetUsd === null ? 0 : (callUsd(roughTokens(item.messages) + roughTokens(item.tools), Math.max(256, 2 * roughTokens(displayText(item.expected))), chosen.price) ?? 0);
      if (run.budgetUsd !== null && usd + reserved + worst > run.budgetUsd) {
        budgetReached = true;
        return;
      }
      reserved += worst;
      const t0 = performance.now();
      const call = callSignal(ctx.signal);
      let result: ChatResult;
      try {
        result = await clients[m]!.chat(
          {
            messages: item.messages as ChatMessageRaw[],
            temperature: 0,
            ...(item.tools ? { tools: item.tools as ChatTool[] } : {}),
            ...(item.responseFormat ? { responseFormat: item.responseFormat } : {}),
          },
          call.signal,
        );
      } catch (e) {
        call.done();
        reserved -= worst;
        if (ctx.signal?.aborted) throw e;
        // Failed for good after the client's retries: recorded (it counts against the model) and retried on resume.
        failed++;
        done++;
        push({ rowKey: item.rowKey, modelIndex: m, status: 'failed', response: null, pass: null, score: null, detail: null, evaluators: [], latencyMs: performance.now() - t0, inputTokens: null, outputTokens: null, costUsd: null, cached: false, error: errorText(e) });
        report();
        continue;
      }
      call.done();
      reserved -= worst;
      calls++;
      const out: Answer = { text: result.text, toolCalls: result.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })) };
      let s;
      try {
        s = await scoreItem(plan, item, out, ctx.signal);
      } catch (e) {
        if (ctx.signal?.aborted) throw e;
        s = { pass: false, score: 0, detail: `could not be scored: ${errorText(e)}`, evaluators: [], judgeCalls: [] };
      }
      const own = spendOf([result]);
      const judge = spendOf(s.judgeCalls);
      usd += own.usd + judge.usd;
      okCount++;
      done++;
      push({
        rowKey: item.rowKey,
        modelIndex: m,
        status: 'answered',
        response: messageOf(result),
        pass: s.pass,
        score: s.score,
        detail: s.detail,
        evaluators: s.evaluators,
        latencyMs: result.cached ? null : result.latencyMs,
        inputTokens: result.promptTokens,
        outputTokens: result.completionTokens,
        costUsd: result.cached ? 0 : own.unpriced ? null : own.usd,
        cached: result.cached,
        error: null,
      });
      report();
    }
  };
  const width = Math.max(1, Math.min(todo.length, run.concurrency));
  try {
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    flush();
  }
  ctx.signal?.throwIfAborted();
  report();
  return { runId: run.id, calls, answered: okCount, failed, reused, budgetReached, usd };
}
