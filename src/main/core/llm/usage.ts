// One LLM call as the usage record keeps it, where records go, and how they add up.
// Imports: nothing. The app's sink is UsageRepository (SQLite); totals are summed the same way in memory.

export interface UsageRecord {
  at: number;
  /** The app feature that made the call: 'cluster-naming', 'embedding', ... */
  feature: string;
  jobId: number | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** USD; null when the model has no price. Always 0 for a cached answer: nothing was paid for it now. */
  cost: number | null;
  latencyMs: number;
  /**
   * True when the answer came from the response cache. Cached calls are recorded (so "answered from cache"
   * can be shown) with the tokens of the original answer, but they never add to token, cost or latency totals.
   */
  cached: boolean;
}

export interface UsageSink {
  record(r: UsageRecord): void;
}

export interface UsageTotals {
  calls: number;
  cachedCalls: number;
  /** Tokens actually sent and received (cached answers excluded). */
  promptTokens: number;
  completionTokens: number;
  cost: number;
  /** True when some call's model had no price, so `cost` is a lower bound. */
  costIncomplete: boolean;
  latencyMs: number;
}

export function emptyTotals(): UsageTotals {
  return { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0, cost: 0, costIncomplete: false, latencyMs: 0 };
}

export function addUsage(t: UsageTotals, r: Pick<UsageRecord, 'promptTokens' | 'completionTokens' | 'cost' | 'latencyMs' | 'cached'>): void {
  t.calls++;
  if (r.cached) {
    t.cachedCalls++;
    return;
  }
  t.promptTokens += r.promptTokens;
  t.completionTokens += r.completionTokens;
  if (r.cost === null) t.costIncomplete = true;
  else t.cost += r.cost;
  t.latencyMs += r.latencyMs;
}
