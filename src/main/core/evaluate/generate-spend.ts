// The running spend of a teacher job (generation or relabelling) and its budget: each unit of work reserves its
// worst case before any call, so calls in flight can never overrun the budget (the judge's rule).
// Imports: llm types, rpc errors.
import type { ChatResult, ChosenModel } from '../llm/index.ts';
import { CommandError } from '../platform/rpc/router.ts';

/** A budget needs every model's price: refused before a job exists rather than when it runs. */
export function requirePrices(models: readonly ChosenModel[], budgetUsd: number | undefined): void {
  if (budgetUsd === undefined) return;
  for (const m of models) {
    if (m.price === null) throw new CommandError('invalid_input', `${m.endpoint.model} has no price, so a budget cannot be kept: set its price per 1M tokens in Settings → Model providers`);
  }
}

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

/**
 * Runs `work` over the items, `width` at a time. Each item first reserves its worst case (released once its
 * work is done); an item that would pass the budget is not started, and neither is any after it.
 */
export async function budgetedPool<T>(
  items: readonly T[],
  opts: { width: number; spend: Spend; signal: AbortSignal; worstOf: (item: T) => number },
  work: (item: T) => Promise<void>,
): Promise<{ started: number; budgetReached: boolean }> {
  let started = 0;
  let budgetReached = false;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!budgetReached && !opts.signal.aborted) {
      const item = items[next++];
      if (item === undefined) return;
      const worst = opts.worstOf(item);
      if (!opts.spend.reserve(worst)) {
        budgetReached = true;
        return;
      }
      started++;
      try {
        await work(item);
      } finally {
        opts.spend.release(worst);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(items.length, opts.width)) }, worker));
  return { started, budgetReached };
}
