// The one text of a row and of a message: what is embedded and named for a row, and what previews show
// (previews.ts cuts this text short, so a row's preview is the start of the text it was clustered by).
// Imports: the contract's TextMode, platform message text, parse types.

import type { TextMode } from '../../../shared/contract/index.ts';
import { contentText } from '../platform/message-text.ts';
import type { ChatMessage } from './parse/types.ts';

function toolCallsText(m: ChatMessage): string {
  if (!Array.isArray(m.tool_calls)) return '';
  const names: string[] = [];
  for (const c of m.tool_calls) {
    const f = (c as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
    if (f && typeof f.name === 'string') names.push(`${f.name}(${typeof f.arguments === 'string' ? f.arguments : ''})`);
  }
  return names.join('\n');
}

/** A message's text and tool calls (a response's text, for one); '' for no message. */
export function messageText(message: ChatMessage | null | undefined): string {
  if (!message) return '';
  return [contentText(message.content), toolCallsText(message)].filter((s) => s !== '').join('\n');
}

function render(messages: readonly ChatMessage[]): string {
  const out: string[] = [];
  for (const m of messages) {
    const text = messageText(m);
    if (text !== '') out.push(`${m.role}: ${text}`);
  }
  return out.join('\n\n');
}

/** The text of the user turns that have any, in order. */
function userTurns(messages: readonly ChatMessage[]): string[] {
  const out: string[] = [];
  for (const m of messages) {
    if (m.role !== 'user') continue;
    const t = contentText(m.content);
    if (t.trim() !== '') out.push(t);
  }
  return out;
}

/** Names of the tools the assistant called in these messages, each once, in the order first called. */
function toolNames(messages: readonly ChatMessage[]): string[] {
  const names = new Set<string>();
  for (const m of messages) {
    if (!Array.isArray(m.tool_calls)) continue;
    for (const c of m.tool_calls) {
      const name = (c as { function?: { name?: unknown } } | null)?.function?.name;
      if (typeof name === 'string' && name !== '') names.add(name);
    }
  }
  return [...names];
}

/**
 * The text that stands for a row's prompt. A prompt with no user turn falls back to its whole text.
 * - `task` (default): what the conversation is doing. The opening user request, then the current (last) user
 *   turn when it is another one, then the names of the tools called so far. In an agent conversation the last
 *   user turn alone is often "yes, go ahead" or an id, which would group rows by filler instead of by task;
 *   a single-turn prompt gives exactly its user turn, as `last-user` does (measured in BENCHMARKS.md).
 * - `last-user`: the last user turn, what the user asked this time; a shared system prompt or earlier turns
 *   would otherwise pull unrelated requests together.
 * - `whole-prompt`: every message of the prompt, roles marked.
 * - `no-system`: the prompt without system/developer messages (keeps earlier turns and tool results).
 */
export function rowText(messages: readonly ChatMessage[], mode: TextMode = 'task'): string {
  switch (mode) {
    case 'task': {
      const users = userTurns(messages);
      if (users.length === 0) return render(messages);
      const parts = users.length > 1 ? [users[0]!, users[users.length - 1]!] : [users[0]!];
      const tools = toolNames(messages);
      if (tools.length > 0) parts.push(`tools: ${tools.join(', ')}`);
      return parts.join('\n\n');
    }
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
