// Per-model prices and the cost of a call. Imports: nothing.
// The table is the user's to edit (the app stores it); these defaults are list prices in USD per 1M tokens.

export interface ModelPrice {
  /** USD per 1M input (prompt) tokens. */
  input: number;
  /** USD per 1M output (completion) tokens; 0 for embedding models. */
  output: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

export const DEFAULT_PRICES: PriceTable = {
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
};

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * Cost in USD, or null when the model is not in the table (a local model, or one the user has not
 * priced): unknown is shown as unknown, never as free.
 */
export function costOf(prices: PriceTable, model: string, usage: TokenUsage): number | null {
  const p = prices[model];
  if (!p) return null;
  return (usage.promptTokens * p.input + usage.completionTokens * p.output) / 1e6;
}
