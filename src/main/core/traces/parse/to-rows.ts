// Owns: deriving training/eval rows from a conversation: one per assistant turn ('split') or one per conversation ('keep').
// Imports: ingest types.

import type { DerivedRow, MultiTurnMode, NormalizedTrace } from './types.ts';

/** A row as positions in its trace's messages: the prompt is messages[0, promptEnd), the response messages[responseIndex]. */
export interface RowSpan {
  turnIndex: number;
  promptEnd: number;
  /** -1 for a prompt-only record. */
  responseIndex: number;
}

/**
 * 'split': every assistant message is a row whose prompt is everything before it (turnIndex counts assistant
 * turns, so a tool-call turn and the text turn after it are separate rows). 'keep': one row, the last assistant
 * message against everything before it. A trace with no assistant turn gives one prompt-only row.
 */
export function rowSpans(trace: NormalizedTrace, mode: MultiTurnMode = 'split'): RowSpan[] {
  const messages = trace.messages;
  const turns: number[] = [];
  for (let i = 0; i < messages.length; i++) if (messages[i]?.role === 'assistant') turns.push(i);
  if (turns.length === 0) return [{ turnIndex: 0, promptEnd: messages.length, responseIndex: -1 }];
  if (mode === 'keep') {
    const last = turns[turns.length - 1]!;
    return [{ turnIndex: 0, promptEnd: last, responseIndex: last }];
  }
  return turns.map((at, turnIndex) => ({ turnIndex, promptEnd: at, responseIndex: at }));
}

/** The rows with their messages. Rows share message objects with the trace; treat them as read-only. */
export function toRows(trace: NormalizedTrace, mode: MultiTurnMode = 'split'): DerivedRow[] {
  return rowSpans(trace, mode).map((span) => ({
    turnIndex: span.turnIndex,
    messages: trace.messages.slice(0, span.promptEnd),
    response: span.responseIndex < 0 ? null : (trace.messages[span.responseIndex] ?? null),
  }));
}
