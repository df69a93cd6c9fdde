// The running spend of a teacher job (generation or relabelling) and its budget: each unit of work reserves its
// worst case before any call, so calls in flight can never overrun the budget (the judge's rule).
// Imports: llm types.
import type { ChatResult } from '../llm/index.ts';

export interface SpendTotals {
  usd: number;
  calls: number;
  cachedCalls: number;
  unpricedCalls: number;
  inputTokens: number;
  outputTokens: number;
}

export class Spend {
  readonly totals: SpendTotals = { usd: 0, calls: 0, cachedCalls: 0, unpricedCalls: 0, inputTokens: 0, outputTokens: 0 };
  readonly #budget: number | undefined;
  #reserved = 0;

  constructor(budgetUsd: number | undefined) {
    this.#budget = budgetUsd;
  }

  /** false when this much more could pass the budget: the work is then not started. */
  reserve(worstUsd: number): boolean {
    if (this.#budget === undefined) return true;
    if (this.totals.usd + this.#reserved + worstUsd > this.#budget) return false;
    this.#reserved += worstUsd;
    return true;
  }

  release(worstUsd: number): void {
    if (this.#budget !== undefined) this.#reserved -= worstUsd;
  }

  add(calls: readonly ChatResult[]): void {
    for (const c of calls) {
      this.totals.calls++;
      if (c.cached) {
        this.totals.cachedCalls++;
        continue;
      }
      this.totals.inputTokens += c.promptTokens;
      this.totals.outputTokens += c.completionTokens;
      if (c.cost === null) this.totals.unpricedCalls++;
      else this.totals.usd += c.cost;
    }
  }
}
