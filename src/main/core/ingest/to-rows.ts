// Owns: deriving training/eval rows from a conversation: one per assistant turn ('split') or one per conversation ('keep').
// Imports: ingest types.

import type { DerivedRow, MultiTurnMode, NormalizedTrace } from './types.ts';

/**
 * 'split': every assistant message is a row whose prompt is everything before it (turnIndex counts assistant
 * turns, so a tool-call turn and the text turn after it are separate rows). 'keep': one row, the last assistant
 * message against everything before it. A trace with no assistant turn gives one prompt-only row.
 * Rows share message objects with the trace; treat them as read-only.
 */
export function toRows(trace: NormalizedTrace, mode: MultiTurnMode = 'split'): DerivedRow[] {
  const messages = trace.messages;
  const turns: number[] = [];
  for (let i = 0; i < messages.length; i++) if (messages[i]?.role === 'assistant') turns.push(i);
  if (turns.length === 0) return [{ turnIndex: 0, messages: messages.slice(), response: null }];
  if (mode === 'keep') {
    const last = turns[turns.length - 1] as number;
    return [{ turnIndex: 0, messages: messages.slice(0, last), response: messages[last] ?? null }];
  }
  return turns.map((at, turnIndex) => ({ turnIndex, messages: messages.slice(0, at), response: messages[at] ?? null }));
}
