// Synthetic generation: prompts in, a teacher answers each N times, the judge scores every answer and the best
// becomes a row of the dataset's draft (the others stay as alternatives). Estimate first, budget, progress,
// cancel, and resume: prompts done are skipped, answers paid before a crash come back from the client's cache.
// Imports: node:fs, contract types, rpc errors, the llm, curate and datasets domains' index, this folder.
import { readFileSync } from 'node:fs';
import type { GenerateInput, PromptSource, TeacherAnswer, TeacherEstimate } from '../../../shared/contract/index.ts';
import { costUsd, DEFAULT_RUBRIC, judgeMessages, MAX_REPLY_TOKENS, TYPICAL_REPLY_TOKENS } from '../curate/index.ts';
import type { DatasetRow, DraftAccess, VersionAccess } from '../datasets/index.ts';
import type { ChosenModel, LlmModule } from '../llm/index.ts';
import { contentText } from '../platform/message-text.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { chatTokens, promptTokensSum } from './engine/generate-estimate.ts';
import { pickBest } from './engine/generate-pick.ts';
import { parsePrompts, PromptFileError, type PromptMessage } from './engine/generate-prompts.ts';
import { answerAndJudge } from './generate-calls.ts';
import type { GenerateRepository, PromptRecord } from './generate-repository.ts';
import { budgetedPool, requirePrices, Spend, type SpendTotals } from './generate-spend.ts';

/** Generated rows come from no trace: their keys start here, far above any trace row id. */
export const GENERATED_ROW_KEYS = 2 ** 40;

export interface GenerateDeps {
  repo: GenerateRepository;
  drafts: DraftAccess;
  versions: VersionAccess;
  llm: Pick<LlmModule, 'chooseModel' | 'service'>;
}

/** What a generation job runs on: the input with its prompts resolved (so a resume never re-reads a file). */
export interface GenerateParams extends Omit<GenerateInput, 'prompts'> {
  prompts: PromptMessage[][];
}

export interface GenerateReport {
  prompts: number;
  generated: number;
  failed: number;
  /** Prompts an earlier run of this job had finished. */
  reused: number;
  budgetReached: boolean;
  skippedForBudget: number;
  cost: SpendTotals;
}

const usd = (v: number): string => `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)}`;

/** A dataset row's prompt as chat text messages (tool turns read as user text, which is how a teacher sees them). */
export function promptOf(row: Pick<DatasetRow, 'messages'>): PromptMessage[] {
  return row.messages.map((m) => {
    const text = contentText(m.content);
    if (m.role === 'system' || m.role === 'user') return { role: m.role, content: text };
    if (m.role === 'assistant') return { role: 'assistant', content: text || JSON.stringify(m.tool_calls ?? []) };
    return { role: 'user', content: `[${m.role} result${m.name ? ` ${m.name}` : ''}]\n${text}` };
  });
}

export class GenerateService {
  readonly #d: GenerateDeps;

  constructor(deps: GenerateDeps) {
    this.#d = deps;
  }

  resolvePrompts(source: PromptSource): PromptMessage[][] {
    if (source.type === 'list') return source.prompts.map((p) => [{ role: 'user', content: p }]);
    if (source.type === 'dataset') {
      const handle = this.#d.versions.resolve(source.dataset, source.version);
      const out: PromptMessage[][] = [];
      for (const page of this.#d.versions.rows(handle)) for (const row of page) out.push(promptOf(row));
      if (out.length === 0) throw new CommandError('invalid_input', `${handle.dataset}@${handle.label} has no rows to take prompts from`);
      return out;
    }
    let text: string;
    try {
      text = readFileSync(source.path, 'utf8');
    } catch (e) {
      throw new CommandError('not_found', `cannot read the prompts file ${source.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      return parsePrompts(text);
    } catch (e) {
      if (e instanceof PromptFileError) throw new CommandError('invalid_input', `${source.path}: ${e.message}`);
      throw e;
    }
  }

  models(input: Pick<GenerateInput, 'teacher' | 'judge' | 'budgetUsd'>): { teacher: ChosenModel; judge: ChosenModel } {
    const teacher = this.#d.llm.chooseModel(input.teacher);
    const judge = this.#d.llm.chooseModel(input.judge);
    requirePrices([teacher, judge], input.budgetUsd);
    return { teacher, judge };
  }

  /** The judge's fixed tokens per call (rubric and framing) and the worst case of one answer and its judgement. */
  #perCall(prompt: readonly PromptMessage[], input: Pick<GenerateInput, 'maxTokens'>, m: { teacher: ChosenModel; judge: ChosenModel }, taskDescription: string): number {
    const promptTok = chatTokens(prompt);
    const judgeTok = chatTokens(judgeMessages(DEFAULT_RUBRIC, taskDescription, null, { messages: prompt, response: { content: '' } }));
    return (costUsd(promptTok, input.maxTokens, m.teacher.price) ?? 0) + (costUsd(judgeTok + input.maxTokens, MAX_REPLY_TOKENS, m.judge.price) ?? 0);
  }

  estimate(input: GenerateInput): TeacherEstimate {
    const prompts = this.resolvePrompts(input.prompts);
    const m = this.models(input);
    const taskDescription = this.#taskDescription(input.dataset);
    const n = input.n;
    const { tokens: promptTok } = promptTokensSum(prompts);
    const judgeFrame = chatTokens(judgeMessages(DEFAULT_RUBRIC, taskDescription, null, { messages: [], response: { content: '' } }));
    const calls = prompts.length * n;
    const teacherIn = n * promptTok;
    const teacherOut = calls * input.maxTokens;
    // The judge reads the prompt again and an answer of up to maxTokens.
    const judgeIn = n * promptTok + calls * (judgeFrame + input.maxTokens);
    const judgeOut = calls * TYPICAL_REPLY_TOKENS;
    const t = costUsd(teacherIn, teacherOut, m.teacher.price);
    const j = costUsd(judgeIn, judgeOut, m.judge.price);
    return {
      dataset: input.dataset,
      prompts: prompts.length,
      alreadyDone: 0,
      calls: calls * 2,
      teacherCalls: calls,
      judgeCalls: calls,
      inputTokens: teacherIn + judgeIn,
      outputTokens: teacherOut + judgeOut,
      usd: t === null || j === null ? null : t + j,
      models: [
        { role: 'teacher', model: m.teacher.endpoint.model, provider: m.teacher.providerName, pricePer1M: m.teacher.price },
        { role: 'judge', model: m.judge.endpoint.model, provider: m.judge.providerName, pricePer1M: m.judge.price },
      ],
    };
  }

  #taskDescription(dataset: string): string {
    try {
      return this.#d.drafts.find(dataset).draft?.taskDescription ?? '';
    } catch {
      return '';
    }
  }

  /** Checks everything a job needs, creates the dataset when absent, and returns the job's params. */
  prepare(input: GenerateInput): { params: GenerateParams; estimate: TeacherEstimate } {
    const estimate = this.estimate(input);
    let exists = true;
    try {
      this.#d.drafts.find(input.dataset);
    } catch (e) {
      if (!(e instanceof CommandError) || e.code !== 'not_found') throw e;
      exists = false;
    }
    if (!exists) this.#d.drafts.create(input.dataset, 'training');
    return { params: { ...input, prompts: this.resolvePrompts(input.prompts) }, estimate };
  }

  async run(p: GenerateParams, ctx: { jobId: number; signal: AbortSignal; progress: (done: number, total: number, phase: string) => void }): Promise<GenerateReport> {
    const m = this.models(p);
    const draft = this.#d.drafts.ensure(p.dataset);
    this.#d.repo.savePrompts(ctx.jobId, draft.datasetId, p.prompts.map((x) => JSON.stringify(x)));
    const all = this.#d.repo.prompts(ctx.jobId);
    const todo = all.filter((x) => x.status === 'pending');
    const reused = all.length - todo.length;
    const spend = new Spend(p.budgetUsd);
    const teacher = { client: this.#d.llm.service.chat(m.teacher.endpoint, { feature: 'generate', jobId: ctx.jobId }), model: m.teacher.endpoint.model };
    const judge = { client: this.#d.llm.service.chat(m.judge.endpoint, { feature: 'generate-judge', jobId: ctx.jobId }), rubric: DEFAULT_RUBRIC, taskDescription: draft.taskDescription };
    let generated = 0;
    let failed = 0;
    const report = (): void =>
      ctx.progress(reused + generated + failed, all.length, `generating · ${usd(spend.totals.usd)} spent${p.budgetUsd !== undefined ? ` of ${usd(p.budgetUsd)}` : ''}`);
    report();
    const worstOf = (item: PromptRecord): number => (p.budgetUsd === undefined ? 0 : p.n * this.#perCall(JSON.parse(item.messages_json) as PromptMessage[], p, m, draft.taskDescription));
    const { started, budgetReached } = await budgetedPool(todo, { width: m.teacher.endpoint.concurrency ?? 4, spend, signal: ctx.signal, worstOf }, async (item) => {
      const messages = JSON.parse(item.messages_json) as PromptMessage[];
      const answers = await Promise.all(
        Array.from({ length: p.n }, (_, slot) => answerAndJudge(teacher, judge, { messages, slot, seed: slot, temperature: p.temperature, maxTokens: p.maxTokens }, spend, ctx.signal)),
      );
      const best = pickBest(answers);
      const rowKey = GENERATED_ROW_KEYS + item.id;
      const records = answers.map(({ helpfulness: _h, ...a }) => ({ ...a, chosen: best && a.slot === best.slot ? 1 : 0 }));
      this.#d.drafts.write(() => {
        this.#d.repo.saveAnswers(draft.datasetId, rowKey, 'generate', ctx.jobId, records);
        if (!best) {
          this.#d.repo.setPrompt(item.id, 'failed', null, answers.find((a) => a.error)?.error ?? 'no answer could be scored');
          return;
        }
        this.#d.drafts.append(draft, [generatedRow(rowKey, messages, best, p, m)]);
        this.#d.repo.setPrompt(item.id, 'done', rowKey, null);
      });
      if (best) generated++;
      else failed++;
      report();
    });
    ctx.signal.throwIfAborted();
    return { prompts: all.length, generated, failed, reused, budgetReached, skippedForBudget: budgetReached ? todo.length - started : 0, cost: { ...spend.totals } };
  }

  alternatives(dataset: string, rowKey: number): { dataset: string; rowKey: number; items: TeacherAnswer[] } {
    const found = this.#d.drafts.find(dataset);
    const items = this.#d.repo.answers(found.datasetId, rowKey, 'generate');
    if (items.length === 0) throw new CommandError('not_found', `row ${rowKey} of "${found.dataset}" was not generated here: it has no alternatives`);
    return { dataset: found.dataset, rowKey, items: items.map(answerView) };
  }
}

/** The draft row a kept answer becomes: no source trace, the teacher, judge, score and settings in its metadata. */
function generatedRow(rowKey: number, messages: readonly PromptMessage[], best: { slot: number; text: string | null; overall: number | null }, p: GenerateParams, m: { teacher: ChosenModel; judge: ChosenModel }): DatasetRow {
  return {
    rowId: rowKey,
    messages: messages.map((x) => ({ ...x })),
    response: { role: 'assistant', content: best.text },
    metadata: {
      generated: {
        teacher: m.teacher.endpoint.model,
        teacherProvider: m.teacher.providerName,
        judge: m.judge.endpoint.model,
        judgeScore: best.overall,
        sample: best.slot,
        settings: { n: p.n, temperature: p.temperature, maxTokens: p.maxTokens },
      },
    },
    sourceTraceId: 0,
    conversationId: null,
    turnIndex: 0,
    clusterId: null,
    membershipScore: null,
    labels: [],
    expectedOutput: null,
    note: null,
  };
}

export function answerView(a: { slot: number; model: string; text: string | null; error: string | null; overall: number | null; judge_json: string | null; chosen: number }): TeacherAnswer {
  const rationale = a.judge_json ? ((JSON.parse(a.judge_json) as { rationale?: string }).rationale ?? null) : null;
  return { slot: a.slot, model: a.model, text: a.text, error: a.error, overall: a.overall, rationale, chosen: a.chosen === 1 };
}
