// Tokens of judge calls counted with gpt-tokenizer (o200k_base, the encoding of GPT-4o and later), the way the
// chat format adds them: 3 per message plus 3 that prime the reply. Imports: gpt-tokenizer, the prompt.
import { countTokens } from 'gpt-tokenizer';
import { TYPICAL_REPLY, type JudgeMessage } from './judge-prompt.ts';

export function promptTokens(messages: readonly JudgeMessage[]): number {
  let n = 3;
  for (const m of messages) n += 3 + countTokens(m.content);
  return n;
}

/** Expected reply tokens per call: a typical reply (each call is capped at MAX_REPLY_TOKENS). */
export const TYPICAL_REPLY_TOKENS = countTokens(TYPICAL_REPLY);

export function costUsd(inputTokens: number, outputTokens: number, price: { input: number; output: number } | null): number | null {
  return price ? (inputTokens * price.input + outputTokens * price.output) / 1e6 : null;
}
