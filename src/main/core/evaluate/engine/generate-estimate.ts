// Tokens of teacher and judge calls, counted with gpt-tokenizer (o200k_base) the way the chat format adds them:
// 3 per message plus 3 that prime the reply. Above a few thousand prompts an evenly spaced sample is counted and
// scaled by characters, as the judge's estimate does. Imports: gpt-tokenizer.
import { countTokens } from 'gpt-tokenizer';

export interface TextMessage {
  content: string;
}

export function chatTokens(messages: readonly TextMessage[]): number {
  let n = 3;
  for (const m of messages) n += 3 + countTokens(m.content);
  return n;
}

const EXACT_PROMPTS = 2000;

/** Prompt tokens of each prompt summed: exact up to EXACT_PROMPTS prompts, else sampled and scaled by characters. */
export function promptTokensSum(prompts: readonly (readonly TextMessage[])[]): { tokens: number; exact: boolean } {
  if (prompts.length <= EXACT_PROMPTS) return { tokens: prompts.reduce((n, p) => n + chatTokens(p), 0), exact: true };
  const chars = (p: readonly TextMessage[]): number => p.reduce((n, m) => n + m.content.length, 0);
  const step = prompts.length / EXACT_PROMPTS;
  let sampleTokens = 0;
  let sampleChars = 0;
  for (let i = 0; i < EXACT_PROMPTS; i++) {
    const p = prompts[Math.floor(i * step)]!;
    sampleTokens += chatTokens(p);
    sampleChars += chars(p);
  }
  const all = prompts.reduce((n, p) => n + chars(p), 0);
  return { tokens: Math.round((sampleTokens / Math.max(1, sampleChars)) * all), exact: false };
}
