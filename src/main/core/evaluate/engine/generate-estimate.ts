// Tokens of teacher and judge calls, counted with gpt-tokenizer (o200k_base) the way the chat format adds them:
// 3 per message plus 3 that prime the reply. Above a few thousand prompts an evenly spaced sample is counted and
// scaled by characters, as the judge's estimate does. Imports: gpt-tokenizer.
import { countTokens } from 'gpt-tokenizer';

export interface TextMessage {
  content: string;
}

/** Text that looks like a special token ("<|endoftext|>") is counted as the text it is, not rejected. */
export const AS_TEXT = { disallowedSpecial: new Set<string>() };

export function chatTokens(messages: readonly TextMessage[]): number {
  let n = 3;
  for (const m of messages) n += 3 + countTokens(m.content, AS_TEXT);
  return n;
}

const EXACT_PROMPTS = 2000;

/**
 * `count` summed over the items: exact up to EXACT_PROMPTS items, else an evenly spaced sample is counted and
 * scaled by `chars` (tokenising every row of a large version would hold up the estimate for seconds).
 */
export function sampledTokenSum<T>(items: readonly T[], count: (item: T) => number, chars: (item: T) => number): { tokens: number; exact: boolean } {
  if (items.length <= EXACT_PROMPTS) return { tokens: items.reduce((n, p) => n + count(p), 0), exact: true };
  const step = items.length / EXACT_PROMPTS;
  let sampleTokens = 0;
  let sampleChars = 0;
  for (let i = 0; i < EXACT_PROMPTS; i++) {
    const p = items[Math.floor(i * step)]!;
    sampleTokens += count(p);
    sampleChars += chars(p);
  }
  const all = items.reduce((n, p) => n + chars(p), 0);
  return { tokens: Math.round((sampleTokens / Math.max(1, sampleChars)) * all), exact: false };
}

/** Prompt tokens of each prompt summed: exact up to EXACT_PROMPTS prompts, else sampled and scaled by characters. */
export function promptTokensSum(prompts: readonly (readonly TextMessage[])[]): { tokens: number; exact: boolean } {
  return sampledTokenSum(prompts, chatTokens, (p) => p.reduce((n, m) => n + m.content.length, 0));
}
