// Owns: the rough size of an evaluation call before it is made (for estimates and the budget's reservation).
// Imports: nothing (pure).

/** About four characters per token for English and JSON: close enough to keep a budget, never used for billing. */
export const CHARS_PER_TOKEN = 4;

export function roughTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** USD of a call of this size at this price per 1M tokens; null when there is no price. */
export function callUsd(inputTokens: number, outputTokens: number, price: { input: number; output: number } | null): number | null {
  return price === null ? null : (inputTokens * price.input + outputTokens * price.output) / 1e6;
}
