// Counts a row's tokens (prompt + response) with gpt-tokenizer's o200k_base, the encoding of GPT-4o and later.
// Imports: gpt-tokenizer, ../curate-row.ts, ../row-text.ts.

import { countTokens, isWithinTokenLimit } from 'gpt-tokenizer';
import type { CurateRow } from '../curate-row.ts';
import { contentText } from '../row-text.ts';

/** Text that looks like a special token ("<|endoftext|>") is counted as the text it is, not rejected. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };
/** OpenAI's chat framing: about 3 tokens around each message and 3 to prime the reply (the cookbook's figure). */
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

const encoder = new TextEncoder();

/** Everything the model reads or writes, as one text; tool definitions and calls as their JSON. */
function tokenText(row: CurateRow): { text: string; messages: number } {
  const parts: string[] = [];
  for (const m of row.messages) {
    parts.push(m.role, contentText(m.content));
    for (const c of m.tool_calls ?? []) parts.push(c.function?.name ?? '', c.function?.arguments ?? '');
  }
  if (row.tools?.length) parts.push(JSON.stringify(row.tools));
  if (row.response) {
    parts.push(contentText(row.response.content));
    for (const c of row.response.tool_calls ?? []) parts.push(c.function?.name ?? '', c.function?.arguments ?? '');
  }
  return { text: parts.join('\n'), messages: row.messages.length + (row.response ? 1 : 0) };
}

export function countRowTokens(row: CurateRow): number {
  const { text, messages } = tokenText(row);
  return countTokens(text, AS_TEXT) + PER_MESSAGE * messages + REPLY_PRIMING;
}

/** The row's token count when it is above `limit`, else null; most rows are decided without tokenising. */
export function tokensAbove(row: CurateRow, limit: number): number | null {
  const { text, messages } = tokenText(row);
  const budget = limit - PER_MESSAGE * messages - REPLY_PRIMING;
  if (budget < 0) return countRowTokens(row);
  // Every token covers at least one UTF-8 byte, so a text with no more bytes than the budget fits.
  if (text.length <= budget && encoder.encode(text).length <= budget) return null;
  return isWithinTokenLimit(text, budget, AS_TEXT) === false ? countTokens(text, AS_TEXT) + limit - budget : null;
}
