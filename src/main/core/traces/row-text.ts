// Which text represents a row for embedding and naming: the user's choice of a part of the prompt.
// Imports: ../ingest/types.ts (ChatMessage type only).

import type { ChatMessage } from './parse/types.ts';

/**
 * - `last-user` (default): the last user turn, what the user asked this time; a shared system prompt
 *   or earlier turns would otherwise pull unrelated requests together.
 * - `whole-prompt`: every message of the prompt, roles marked.
 * - `no-system`: the prompt without system/developer messages (keeps earlier turns and tool results).
 */
export type RowTextMode = 'last-user' | 'whole-prompt' | 'no-system';
export const ROW_TEXT_MODES: readonly RowTextMode[] = ['last-user', 'whole-prompt', 'no-system'];
export const DEFAULT_ROW_TEXT_MODE: RowTextMode = 'last-user';

/** Plain text of a message's content: a string, or the text parts of a content-part array. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const p of content) {
    if (typeof p === 'string') parts.push(p);
    else if (p && typeof p === 'object') {
      const o = p as { type?: unknown; text?: unknown };
      if ((o.type === 'text' || o.type === 'input_text' || o.type === undefined) && typeof o.text === 'string') parts.push(o.text);
    }
  }
  return parts.join('\n');
}

function toolCallsText(m: ChatMessage): string {
  if (!Array.isArray(m.tool_calls)) return '';
  const names: string[] = [];
  for (const c of m.tool_calls) {
    const f = (c as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
    if (f && typeof f.name === 'string') names.push(`${f.name}(${typeof f.arguments === 'string' ? f.arguments : ''})`);
  }
  return names.join('\n');
}

function render(messages: readonly ChatMessage[]): string {
  const out: string[] = [];
  for (const m of messages) {
    const text = [contentText(m.content), toolCallsText(m)].filter((s) => s !== '').join('\n');
    if (text !== '') out.push(`${m.role}: ${text}`);
  }
  return out.join('\n\n');
}

/** The text that stands for a row. A prompt with no user turn falls back to its whole text. */
export function rowText(messages: readonly ChatMessage[], mode: RowTextMode = DEFAULT_ROW_TEXT_MODE): string {
  switch (mode) {
    case 'last-user': {
      for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i]!;
        if (m.role !== 'user') continue;
        const t = contentText(m.content);
        if (t.trim() !== '') return t;
      }
      return render(messages);
    }
    case 'whole-prompt':
      return render(messages);
    case 'no-system':
      return render(messages.filter((m) => m.role !== 'system' && m.role !== 'developer'));
  }
}
