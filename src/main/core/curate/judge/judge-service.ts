// The judge's work over a dataset version: which rows need a call (stored judgements cost nothing), the estimate,
// judging with a budget and a running total, and reading judgements back with flagged/borderline from the current
// settings. Imports: gpt-tokenizer, zod, contract types, rpc errors, the llm and datasets domains' index, this
// folder's modules.
import { countTokens } from 'gpt-tokenizer';
import { z } from 'zod';
import type { JudgeCost, JudgeEstimate, JudgeSettings, JudgedRow, ModelRef, VersionRef } from '../../../../shared/contract/index.ts';
import type { VersionAccess, VersionHandle } from '../../datasets/index.ts';
import { structured, type ChosenModel, type LlmModule } from '../../llm/index.ts';
import { CommandError } from '../../platform/rpc/router.ts';
import { costUsd, promptTokens, TYPICAL_REPLY_TOKENS } from './engine/judge-estimate.ts';
import { rowHash, rubricHash } from './engine/judge-hash.ts';
import { DEFAULT_RUBRIC, judgeMessages, MAX_REPLY_TOKENS, type ClusterContext, type JudgeRowInput } from './engine/judge-prompt.ts';
import { histogram, verdictOf } from './engine/judge-verdict.ts';
import type { JudgeRepository, NewJudgement, RunSpend, StoredJudgement } from './judge-repository.ts';
import type { JudgeRunOptions, JudgeRunReport, RowJudgement } from './index.ts';

const Score = z.number().min(0).max(1);
/** What a judge reply must be; anything else gets one corrective retry, then the row is marked failed. */
export const JudgeReply = z.object({
  helpfulness: Score,
  relevance: Score,
  format: Score,
  overall: Score,
  rationale: z.string().trim().min(1).max(1000),
});

export interface JudgeDeps {
  repo: JudgeRepository;
  versions: VersionAccess;
  llm: Pick<LlmModule, 'chooseModel' | 'service'>;
  clusterRules: (clusterId: number) => ClusterContext | null;
  now: () => number;
}

/** One row of a version as the judge sees it. */
interface Item {
  rowKey: number;
  hash: string;
  row: JudgeRowInput;
  cluster: ClusterContext | null;
  clusterId: number | null;
  membershipScore: number | null;
}

interface Prepared {
  handle: VersionHandle;
  settings: JudgeSettings;
  rubric: string;
  rubricHash: string;
}

/** Up to this many calls an estimate counts every prompt's tokens; beyond, a sample of this many. */
const EXACT_CALLS = 2000;
/** Batches are written at least this often, so a crash loses at most a second of paid answers. */
const FLUSH_EVERY = 25;
const FLUSH_MS = 1000;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('\n');
  return content === null || content === undefined ? '' : JSON.stringify(content);
}

const clipped = (s: string, n = 2000): string => (s.length > n ? `${s.slice(0, n)}…` : s);

export class JudgeService {
  readonly #d: JudgeDeps;

  constructor(deps: JudgeDeps) {
    this.#d = deps;
  }

  settingsOf(handle: Pick<VersionHandle, 'datasetId'>): JudgeSettings {
    const s = this.#d.repo.settings(handle.datasetId);
    return { threshold: s.threshold, margin: s.margin, minMembership: s.minMembership, model: s.modelJson ? (JSON.parse(s.modelJson) as ModelRef) : null };
  }

  /** Settings belong to the dataset, not its draft: an eval dataset frozen with no draft left still has its judge model. */
  settings(dataset: string): JudgeSettings {
    return this.settingsOf(this.#d.versions.resolve(dataset, undefined));
  }

  saveSettings(dataset: string, patch: Partial<JudgeSettings>): JudgeSettings {
    const h = this.#d.versions.resolve(dataset, 'draft');
    const s = this.#d.repo.settings(h.datasetId);
    const next = { ...this.settingsOf(h), ...patch };
    this.#d.repo.saveSettings(h.datasetId, { ...s, threshold: next.threshold, margin: next.margin, minMembership: next.minMembership, modelJson: next.model ? JSON.stringify(next.model) : null });
    return next;
  }

  rubric(dataset: string): { rubric: string; hash: string; isDefault: boolean } {
    const h = this.#d.versions.resolve(dataset, 'draft');
    const own = this.#d.repo.settings(h.datasetId).rubric;
    const rubric = own ?? DEFAULT_RUBRIC;
    return { rubric, hash: rubricHash(rubric, h.taskDescription), isDefault: own === null };
  }

  setRubric(dataset: string, rubric: string | null): { rubric: string; hash: string; isDefault: boolean } {
    const h = this.#d.versions.resolve(dataset, 'draft');
    this.#d.repo.saveSettings(h.datasetId, { ...this.#d.repo.settings(h.datasetId), rubric });
    return this.rubric(dataset);
  }

  /** The model a run or a view uses: the one named, else the dataset's saved choice, else the default chat model. */
  choose(handle: VersionHandle, ref: ModelRef | undefined): ChosenModel {
    return this.#d.llm.chooseModel(ref ?? this.settingsOf(handle).model ?? undefined);
  }

  /** The model whose judgements a view shows: as `choose`, else the last run's (readable with no provider at all). */
  #viewModel(handle: VersionHandle, ref: ModelRef | undefined): string | null {
    if (ref) return ref.model;
    const saved = this.settingsOf(handle).model;
    if (saved) return saved.model;
    const last = this.#d.repo.lastRun(handle.datasetId);
    if (last) return last.model;
    try {
      return this.#d.llm.chooseModel(undefined).endpoint.model;
    } catch {
      return null;
    }
  }

  #prepare(dataset: string, version: VersionRef | undefined): Prepared {
    const handle = this.#d.versions.resolve(dataset, version ?? 'draft');
    const own = this.#d.repo.settings(handle.datasetId).rubric;
    const rubric = own ?? DEFAULT_RUBRIC;
    return { handle, settings: this.settingsOf(handle), rubric, rubricHash: rubricHash(rubric, handle.taskDescription) };
  }

  *#items(handle: VersionHandle, rowKeys: readonly number[] | undefined): Generator<Item[]> {
    const only = rowKeys ? new Set(rowKeys) : null;
    const rules = new Map<number, ClusterContext | null>();
    const clusterOf = (id: number | null): ClusterContext | null => {
      if (id === null) return null;
      if (!rules.has(id)) rules.set(id, this.#d.clusterRules(id));
      return rules.get(id)!;
    };
    for (const page of this.#d.versions.rows(handle)) {
      const items: Item[] = [];
      for (const r of page) {
        const rowKey = Number(r.rowId);
        if (only && !only.has(rowKey)) continue;
        const row: JudgeRowInput = { messages: r.messages, tools: r.tools, response: r.response };
        const cluster = clusterOf(r.clusterId);
        items.push({ rowKey, hash: rowHash(row, cluster), row, cluster, clusterId: r.clusterId, membershipScore: r.membershipScore });
      }
      yield items;
    }
  }

  #allItems(handle: VersionHandle, rowKeys?: readonly number[]): Item[] {
    const out: Item[] = [];
    for (const page of this.#items(handle, rowKeys)) out.push(...page);
    return out;
  }

  estimate(dataset: string, version: VersionRef | undefined, ref: ModelRef | undefined, rowKeys?: readonly number[]): JudgeEstimate {
    const p = this.#prepare(dataset, version);
    const chosen = this.choose(p.handle, ref);
    const items = this.#allItems(p.handle, rowKeys);
    const stored = this.#d.repo.find(chosen.endpoint.model, p.rubricHash, items.map((i) => i.hash));
    const seen = new Set<string>();
    const todo: Item[] = [];
    for (const item of items) {
      if (stored.has(item.hash) || seen.has(item.hash)) continue;
      seen.add(item.hash);
      todo.push(item);
    }
    const calls = todo.length;
    const { tokens: inputTokens, exact } = this.#inputTokens(p, todo);
    const outputTokens = calls * TYPICAL_REPLY_TOKENS;
    return {
      dataset: p.handle.dataset,
      version: p.handle.label,
      model: chosen.endpoint.model,
      provider: chosen.providerName,
      rows: items.length,
      alreadyJudged: items.filter((i) => stored.has(i.hash)).length,
      calls,
      inputTokens,
      outputTokens,
      usd: costUsd(inputTokens, outputTokens, chosen.price),
      pricePer1M: chosen.price,
      exact,
    };
  }

  /**
   * Prompt tokens of these calls. The system message (rubric) is the same for every row, so it is counted once.
   * Up to EXACT_CALLS calls every user message is counted; beyond, an evenly spaced sample is, and its tokens per
   * character scale to all (tokenising 100k prompts would hold the app for minutes).
   */
  #inputTokens(p: Prepared, todo: readonly Item[]): { tokens: number; exact: boolean } {
    if (todo.length === 0) return { tokens: 0, exact: true };
    const userOf = (item: Item): string => judgeMessages(p.rubric, p.handle.taskDescription, item.cluster, item.row)[1]!.content;
    const [system] = judgeMessages(p.rubric, p.handle.taskDescription, null, todo[0]!.row);
    // promptTokens: 3 priming the reply, and 3 per message on top of its content.
    const fixed = promptTokens([system!, { role: 'user', content: '' }]);
    if (todo.length <= EXACT_CALLS) {
      let user = 0;
      for (const item of todo) user += countTokens(userOf(item));
      return { tokens: todo.length * fixed + user, exact: true };
    }
    const step = todo.length / EXACT_CALLS;
    let sampleTokens = 0;
    let sampleChars = 0;
    for (let i = 0; i < EXACT_CALLS; i++) {
      const text = userOf(todo[Math.floor(i * step)]!);
      sampleTokens += countTokens(text);
      sampleChars += text.length;
    }
    let chars = 0;
    for (const item of todo) chars += userOf(item).length;
    return { tokens: todo.length * fixed + Math.round((sampleTokens / Math.max(1, sampleChars)) * chars), exact: false };
  }

  /** A budget needs a price: refused before a job starts rather than when it runs. */
  judgeRowsPrecheck(model: string): never {
    throw new CommandError('invalid_input', `${model} has no price, so a budget cannot be kept: set its price per 1M tokens in Settings → Model providers`);
  }

  /** Judges the rows without a stored judgement. Every call goes through the shared client (limit, 429, cache, usage). */
  async judgeRows(opts: JudgeRunOptions): Promise<JudgeRunReport> {
    const p = this.#prepare(opts.dataset, opts.version);
    const chosen = this.choose(p.handle, opts.model);
    const model = chosen.endpoint.model;
    if (opts.budgetUsd !== undefined && chosen.price === null) this.judgeRowsPrecheck(model);
    const jobId = opts.jobId ?? null;
    if (jobId !== null) this.#d.repo.startRun(jobId, p.handle.datasetId, model, p.rubricHash, this.#d.now());
    const items = this.#allItems(p.handle, opts.rowKeys);
    const stored = this.#d.repo.find(model, p.rubricHash, items.map((i) => i.hash));
    const todo: Item[] = [];
    const queued = new Set<string>();
    for (const item of items) {
      if (stored.has(item.hash) || queued.has(item.hash)) continue;
      queued.add(item.hash);
      todo.push(item);
    }
    const reused = items.length - todo.length;
    const client = this.#d.llm.service.chat(chosen.endpoint, { feature: 'judge', jobId });
    const total: RunSpend = { usd: 0, unpricedCalls: 0, calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0 };
    let delta: RunSpend = { ...total };
    let batch: NewJudgement[] = [];
    let lastFlush = Date.now();
    const flush = (): void => {
      if (batch.length === 0 && delta.calls === 0) return;
      this.#d.repo.saveBatch({ model, rubricHash: p.rubricHash, jobId, now: this.#d.now(), judgements: batch, spend: delta });
      batch = [];
      delta = { usd: 0, unpricedCalls: 0, calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0 };
      lastFlush = Date.now();
    };
    let judged = 0;
    let failed = 0;
    let done = 0;
    let errors = 0;
    let lastError: unknown = null;
    let reserved = 0;
    let budgetReached = false;
    let next = 0;
    const report = (): void => opts.onProgress?.({ done: reused + done, total: items.length, usd: total.usd });
    report();

    const worker = async (): Promise<void> => {
      while (!budgetReached && !opts.signal?.aborted) {
        const item = todo[next++];
        if (!item) return;
        const messages = judgeMessages(p.rubric, p.handle.taskDescription, item.cluster, item.row);
        // The most this call can cost (its prompt, and a reply up to the cap): a budget is never overrun by calls in flight.
        const worst = opts.budgetUsd === undefined ? 0 : (costUsd(promptTokens(messages), MAX_REPLY_TOKENS, chosen.price) ?? 0);
        if (opts.budgetUsd !== undefined && total.usd + reserved + worst > opts.budgetUsd) {
          budgetReached = true;
          return;
        }
        reserved += worst;
        let result: Awaited<ReturnType<typeof structured<typeof JudgeReply>>>;
        try {
          result = await structured(client, JudgeReply, messages, { signal: opts.signal, maxTokens: MAX_REPLY_TOKENS, temperature: 0 });
        } catch (e) {
          if (opts.signal?.aborted) throw e;
          // A call that failed after the client's retries (server down, repeated timeouts) is not a judgement: the
          // row stays pending for the next run. Many such failures mean the server is unusable: stop.
          errors++;
          lastError = e;
          if (errors >= 5 && errors > (done + errors) * 0.2) throw new Error(`the judge model keeps failing (${errors} calls): ${e instanceof Error ? e.message : String(e)}`);
          continue;
        } finally {
          reserved -= worst;
        }
        let usd = 0;
        let input = 0;
        let output = 0;
        for (const c of result.calls) {
          const add = (k: keyof RunSpend, v: number): void => {
            total[k] += v;
            delta[k] += v;
          };
          add('calls', 1);
          if (c.cached) {
            add('cachedCalls', 1);
            continue;
          }
          add('inputTokens', c.promptTokens);
          add('outputTokens', c.completionTokens);
          input += c.promptTokens;
          output += c.completionTokens;
          if (c.cost === null) add('unpricedCalls', 1);
          else {
            add('usd', c.cost);
            usd += c.cost;
          }
        }
        const costOfRow = chosen.price === null ? null : usd;
        if (result.ok) {
          judged++;
          batch.push({ rowHash: item.hash, status: 'judged', ...result.value, error: null, costUsd: costOfRow, inputTokens: input, outputTokens: output });
        } else {
          failed++;
          batch.push({ rowHash: item.hash, status: 'failed', helpfulness: null, relevance: null, format: null, overall: null, rationale: null, error: result.error, costUsd: costOfRow, inputTokens: input, outputTokens: output });
        }
        done++;
        if (batch.length >= FLUSH_EVERY || Date.now() - lastFlush >= FLUSH_MS) flush();
        report();
      }
    };
    const width = Math.max(1, Math.min(todo.length, chosen.endpoint.concurrency ?? 4));
    try {
      await Promise.all(Array.from({ length: width }, worker));
    } finally {
      flush();
    }
    opts.signal?.throwIfAborted();
    if (done === 0 && errors > 0) throw lastError instanceof Error ? lastError : new Error(String(lastError));
    report();
    return {
      rows: items.length,
      judged,
      failed,
      reused,
      skippedForBudget: budgetReached ? todo.length - done - errors : 0,
      budgetReached,
      cost: { usd: total.usd, unpricedCalls: total.unpricedCalls, calls: total.calls, cachedCalls: total.cachedCalls, inputTokens: total.inputTokens, outputTokens: total.outputTokens },
    };
  }

  /** Every row of the version with its stored judgement (or pending) under the view's model and the current rubric. */
  #view(dataset: string, version: VersionRef | undefined, ref: ModelRef | undefined): { p: Prepared; model: string | null; rows: { item: Item; j: StoredJudgement | null }[] } {
    const p = this.#prepare(dataset, version);
    const model = this.#viewModel(p.handle, ref);
    const items = this.#allItems(p.handle);
    const stored = model ? this.#d.repo.find(model, p.rubricHash, items.map((i) => i.hash)) : new Map<string, StoredJudgement>();
    return { p, model, rows: items.map((item) => ({ item, j: stored.get(item.hash) ?? null })) };
  }

  judgementsForDataset(dataset: string, opts: { version?: VersionRef; model?: ModelRef } = {}): Map<number, RowJudgement> {
    const { p, model, rows } = this.#view(dataset, opts.version, opts.model);
    const out = new Map<number, RowJudgement>();
    for (const { item, j } of rows) {
      if (!j || !model) continue;
      const v = verdictOf(j, item.membershipScore, p.settings);
      out.set(item.rowKey, {
        rowKey: item.rowKey,
        status: j.status,
        scores: j.status === 'judged' ? { helpfulness: j.helpfulness!, relevance: j.relevance!, format: j.format!, overall: j.overall!, rationale: j.rationale ?? '' } : null,
        error: j.error,
        model,
        rubricHash: p.rubricHash,
        ...v,
      });
    }
    return out;
  }

  results(dataset: string, version: VersionRef | undefined, ref: ModelRef | undefined, filter: string): JudgedRow[] {
    const { p, rows } = this.#view(dataset, version, ref);
    const out: JudgedRow[] = [];
    for (const { item, j } of rows) {
      const status = j?.status ?? 'pending';
      const v = verdictOf({ status, overall: j?.overall ?? null }, item.membershipScore, p.settings);
      const keep =
        filter === 'all' ||
        (filter === 'flagged' && v.flagged) ||
        (filter === 'borderline' && v.borderline) ||
        (filter === 'passed' && status === 'judged' && !v.flagged) ||
        (filter === 'failed' && status === 'failed') ||
        (filter === 'pending' && status === 'pending');
      if (!keep) continue;
      const lastUser = [...item.row.messages].reverse().find((m) => m.role === 'user');
      out.push({
        rowKey: item.rowKey,
        status,
        helpfulness: j?.helpfulness ?? null,
        relevance: j?.relevance ?? null,
        format: j?.format ?? null,
        overall: j?.overall ?? null,
        rationale: j?.rationale ?? null,
        error: j?.error ?? null,
        ...v,
        membershipScore: item.membershipScore,
        clusterId: item.clusterId,
        costUsd: j?.costUsd ?? null,
        prompt: clipped(textOf(lastUser?.content)),
        responseText: clipped(textOf(item.row.response.content)),
      });
    }
    return out;
  }

  summary(dataset: string, version: VersionRef | undefined, ref: ModelRef | undefined): {
    dataset: string;
    version: string;
    model: string | null;
    rubricHash: string;
    rows: number;
    judged: number;
    failed: number;
    pending: number;
    flagged: number;
    borderline: number;
    settings: JudgeSettings;
    histogram: number[];
    cost: JudgeCost;
    lastJobId: number | null;
  } {
    const { p, model, rows } = this.#view(dataset, version, ref);
    let judged = 0;
    let failed = 0;
    let flagged = 0;
    let borderline = 0;
    const scores: number[] = [];
    for (const { item, j } of rows) {
      const status = j?.status ?? 'pending';
      if (status === 'judged') {
        judged++;
        scores.push(j!.overall!);
      } else if (status === 'failed') failed++;
      const v = verdictOf({ status, overall: j?.overall ?? null }, item.membershipScore, p.settings);
      if (v.flagged) flagged++;
      if (v.borderline) borderline++;
    }
    const spend = this.#d.repo.spend(p.handle.datasetId);
    return {
      dataset: p.handle.dataset,
      version: p.handle.label,
      model,
      rubricHash: p.rubricHash,
      rows: rows.length,
      judged,
      failed,
      pending: rows.length - judged - failed,
      flagged,
      borderline,
      settings: p.settings,
      histogram: histogram(scores),
      cost: spend,
      lastJobId: this.#d.repo.lastRun(p.handle.datasetId)?.jobId ?? null,
    };
  }
}
