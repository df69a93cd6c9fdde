// The texts duplicates are judged on: the whole row for exact copies; for near copies the conversation without
// its system prompt (a shared template says nothing about whether two examples are the same) and the answer
// apart, so two turns of one conversation, which share their history, are not taken for copies.
// Imports: ../curate-row.ts, ../row-text.ts.

import type { CurateRow, ToolCall } from '../curate-row.ts';
import { contentText } from '../row-text.ts';

const INSTRUCTION_ROLES = new Set(['system', 'developer']);

function callsText(calls: ToolCall[] | undefined): string {
  let out = '';
  for (const c of calls ?? []) out += ` ${c.function?.name ?? ''} ${c.function?.arguments ?? ''}`;
  return out;
}

/** System and developer messages: part of what makes a row an exact copy, left out of near-copy similarity. */
export function instructionText(row: CurateRow): string {
  let out = '';
  for (const m of row.messages) if (INSTRUCTION_ROLES.has(m.role)) out += `${contentText(m.content)}\n`;
  return out;
}

export function nearPromptText(row: CurateRow): string {
  let out = '';
  for (const m of row.messages) {
    if (INSTRUCTION_ROLES.has(m.role)) continue;
    out += `${contentText(m.content)}${callsText(m.tool_calls)}\n`;
  }
  return out;
}

export function nearAnswerText(row: CurateRow): string {
  return row.response ? contentText(row.response.content) + callsText(row.response.tool_calls) : '';
}
