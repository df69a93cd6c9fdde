// Committee relabelling of a dataset's draft: every committee model answers each row's prompt, the arbiter scores
// the answers with the judge's rubric and the best wins; the original response is never touched. Rows where the
// committee disagrees go to the review queue. The dataset's target (original or winner) is what export trains on.
// Imports: contract types, rpc errors, the curate, datasets and llm domains' index, this folder.
import type { RelabelInput, RelabelRow, RelabelTarget, TeacherEstimate } from '../../../shared/contract/index.ts';
import { costUsd, DEFAULT_RUBRIC, judgeMessages, MAX_REPLY_TOKENS, TYPICAL_REPLY_TOKENS, type ReviewRequests } from '../curate/index.ts';
import type { DatasetRow, DraftAccess, DraftHandle } from '../datasets/index.ts';
import type { ChosenModel, LlmModule } from '../llm/index.ts';
import { contentText, lastUserText } from '../platform/message-text.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { chatTokens, promptTokensSum } from './engine/generate-estimate.ts';
import { disagreement, pickBest } from './engine/generate-pick.ts';
import { answerAndJudge } from './generate-calls.ts';
import type { GenerateRepository } from './generate-repository.ts';
import { answerView, promptOf } from './generate-service.ts';
import { budgetedPool, requirePrices, Spend, type SpendTotals } from './generate-spend.ts';
import type { RelabelRepository } from './relabel-repository.ts';

export interface RelabelDeps {
  answers: GenerateRepository;
  repo: RelabelRepository;
  drafts: DraftAccess;
  llm: Pick<LlmModule, 'chooseModel' | 'service'>;
  review: ReviewRequests;
  now: () => number;
}

export interface RelabelReport {
  rows: number;
  relabelled: number;
  /** Rows where no committee answer could be scored: no winner, the original stays the only response. */
  noWinner: number;
  disagreements: number;
  reused: number;
  budgetReached: boolean;
  skippedForBudget: number;
  cost: SpendTotals;
}

const SOURCE = 'relabel';
const usd = (v: number): string => `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)}`;

export class RelabelService {
  readonly #d: RelabelDeps;

  constructor(deps: RelabelDeps) {
    this.#d = deps;
  }

  #draft(dataset: string): DraftHandle {
    const found = this.#d.drafts.find(dataset);
    if (!found.draft) throw new CommandError('conflict', `"${found.dataset}" has no draft to relabel: add rows first`);
    return found.draft;
  }

  models(input: Pick<RelabelInput, 'committee' | 'arbiter' | 'budgetUsd'>): { committee: ChosenModel[]; arbiter: ChosenModel } {
    const committee = input.committee.map((m) => this.#d.llm.chooseModel(m));
    const arbiter = this.#d.llm.chooseModel(input.arbiter);
    requirePrices([...committee, arbiter], input.budgetUsd);
    return { committee, arbiter };
  }

  #rows(draft: DraftHandle): DatasetRow[] {
    const out: DatasetRow[] = [];
    for (const page of this.#d.drafts.pages(draft)) out.push(...page);
    return out;
  }

  estimate(input: RelabelInput): TeacherEstimate {
    const draft = this.#draft(input.dataset);
    const m = this.models(input);
    const prompts = this.#rows(draft).map(promptOf);
    const { tokens: promptTok } = promptTokensSum(prompts);
    const frame = chatTokens(judgeMessages(DEFAULT_RUBRIC, draft.taskDescription, null, { messages: [], response: { content: '' } }));
    const seats = m.committee.length;
    const calls = prompts.length * seats;
    let usdTotal: number | null = 0;
    for (const c of m.committee) {
      const cost = costUsd(promptTok, prompts.length * input.maxTokens, c.price);
      usdTotal = usdTotal === null || cost === null ? null : usdTotal + cost;
    }
    const judgeIn = seats * promptTok + calls * (frame + input.maxTokens);
    const judgeOut = calls * TYPICAL_REPLY_TOKENS;
    const arb = costUsd(judgeIn, judgeOut, m.arbiter.price);
    return {
      dataset: draft.dataset,
      prompts: prompts.length,
      alreadyDone: 0,
      calls: calls * 2,
      teacherCalls: calls,
      judgeCalls: calls,
      inputTokens: seats * promptTok + judgeIn,
      outputTokens: calls * input.maxTokens + judgeOut,
      usd: usdTotal === null || arb === null ? null : usdTotal + arb,
      models: [
        ...m.committee.map((c) => ({ role: 'committee' as const, model: c.endpoint.model, provider: c.providerName, pricePer1M: c.price })),
        { role: 'arbiter', model: m.arbiter.endpoint.model, provider: m.arbiter.providerName, pricePer1M: m.arbiter.price },
      ],
    };
  }

  async run(p: RelabelInput, ctx: { jobId: number; signal: AbortSignal; progress: (done: number, total: number, phase: string) => void }): Promise<RelabelReport> {
    const draft = this.#draft(p.dataset);
    const m = this.models(p);
    const done = this.#d.repo.doneBy(draft.datasetId, ctx.jobId);
    const rows = this.#rows(draft);
    const todo = rows.filter((r) => !done.has(Number(r.rowId)));
    const spend = new Spend(p.budgetUsd);
    const seats = m.committee.map((c, i) => ({ client: this.#d.llm.service.chat(c.endpoint, { feature: 'relabel', jobId: ctx.jobId }), model: c.endpoint.model, seat: i, price: c.price }));
    const judge = { client: this.#d.llm.service.chat(m.arbiter.endpoint, { feature: 'relabel-arbiter', jobId: ctx.jobId }), rubric: DEFAULT_RUBRIC, taskDescription: draft.taskDescription };
    const report = { relabelled: 0, noWinner: 0, disagreements: 0 };
    const progress = (): void => ctx.progress(done.size + report.relabelled + report.noWinner, rows.length, `relabelling · ${usd(spend.totals.usd)} spent`);
    progress();
    const worstOf = (row: DatasetRow): number => {
      if (p.budgetUsd === undefined) return 0;
      const messages = promptOf(row);
      const judgeTok = chatTokens(judgeMessages(DEFAULT_RUBRIC, draft.taskDescription, null, { messages, response: { content: '' } }));
      return seats.reduce((n, s) => n + (costUsd(chatTokens(messages), p.maxTokens, s.price) ?? 0) + (costUsd(judgeTok + p.maxTokens, MAX_REPLY_TOKENS, m.arbiter.price) ?? 0), 0);
    };
    const { started, budgetReached } = await budgetedPool(todo, { width: m.arbiter.endpoint.concurrency ?? 4, spend, signal: ctx.signal, worstOf }, async (row) => {
      const messages = promptOf(row);
      const answers = await Promise.all(seats.map((s) => answerAndJudge(s, judge, { messages, slot: s.seat, temperature: 0, maxTokens: p.maxTokens }, spend, ctx.signal)));
      const best = pickBest(answers);
      const verdict = disagreement(answers, p.spread);
      const rowKey = Number(row.rowId);
      this.#d.answers.write(() => {
        this.#d.answers.saveAnswers(draft.datasetId, rowKey, 'relabel', ctx.jobId, answers.map(({ helpfulness: _h, ...a }) => ({ ...a, chosen: best && a.slot === best.slot ? 1 : 0 })));
        this.#d.repo.saveVerdict(draft.datasetId, ctx.jobId, { row_key: rowKey, winner_slot: best?.slot ?? null, spread: verdict.spread, disagree: verdict.disagree ? 1 : 0, reason: verdict.reason });
        this.#d.review.request(draft.datasetId, SOURCE, [{ rowKey, reason: verdict.disagree ? `committee disagrees: ${verdict.reason}` : null }]);
      });
      if (best) report.relabelled++;
      else report.noWinner++;
      if (verdict.disagree) report.disagreements++;
      progress();
    });
    ctx.signal.throwIfAborted();
    return { rows: rows.length, ...report, reused: done.size, budgetReached, skippedForBudget: budgetReached ? todo.length - started : 0, cost: { ...spend.totals } };
  }

  results(dataset: string, offset: number, limit: number): { total: number; disagreements: number; target: RelabelTarget; items: RelabelRow[] } {
    const found = this.#d.drafts.find(dataset);
    const counts = this.#d.repo.counts(found.datasetId);
    const verdicts = this.#d.repo.page(found.datasetId, offset, limit);
    const rows = found.draft ? this.#d.drafts.byKeys(found.draft, verdicts.map((v) => v.row_key)) : new Map();
    const items = verdicts.map((v): RelabelRow => {
      const answers = this.#d.answers.answers(found.datasetId, v.row_key, 'relabel').map(answerView);
      const row = rows.get(v.row_key)?.row;
      return {
        rowKey: v.row_key,
        prompt: row ? lastUserText(row.messages) : '',
        original: row ? contentText(row.response.content) : '',
        answers,
        winner: answers.find((a) => a.chosen)?.model ?? null,
        spread: v.spread,
        disagree: v.disagree === 1,
        reason: v.reason,
      };
    });
    return { ...counts, target: this.#d.repo.target(found.datasetId), items };
  }

  setTarget(dataset: string, target: RelabelTarget): { dataset: string; target: RelabelTarget } {
    const found = this.#d.drafts.find(dataset);
    this.#d.answers.write(() => this.#d.repo.setTarget(found.datasetId, target, this.#d.now()));
    return { dataset: found.dataset, target };
  }

  /** For export: null when the dataset trains on its original responses, else each row with its winner swapped in. */
  responses(datasetId: number): ((row: DatasetRow) => DatasetRow) | null {
    if (this.#d.repo.target(datasetId) !== 'winner') return null;
    const winners = this.#d.repo.winners(datasetId);
    return (row) => {
      const text = winners.get(Number(row.rowId));
      return text === undefined ? row : { ...row, response: { role: 'assistant', content: text } };
    };
  }
}
