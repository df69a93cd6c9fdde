// Owns: the rules every conversation must meet to import (a user turn, non-empty turns) and the prompt-only notice.
// Imports: ingest types.

import type { ChatMessage, Diagnostic } from './types.ts';

/** An error that stops the import, or the notices the record imports with. */
export type ConversationVerdict = { ok: true; notices: Diagnostic[] } | { ok: false; error: Diagnostic };

export function checkConversation(messages: ChatMessage[]): ConversationVerdict {
  let firstUser = -1;
  let assistants = 0;
  let emptyAssistants = 0;
  let lastEmptyAssistant = -1;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.role === 'user') {
      if (firstUser < 0) firstUser = i;
      if (isEmptyContent(m.content)) {
        return { ok: false, error: { code: 'empty_content', message: `message ${i} (user) has ${emptyWord(m.content)} content` } };
      }
    } else if (m.role === 'assistant') {
      assistants++;
      if (isEmptyContent(m.content) && !hasToolCalls(m)) {
        emptyAssistants++;
        lastEmptyAssistant = i;
      }
    }
  }
  if (firstUser < 0) {
    const roles = [...new Set(messages.map((m) => m.role))].join(', ') || 'none';
    return { ok: false, error: { code: 'no_user_turn', message: `no user message among ${messages.length} messages (roles: ${roles})` } };
  }
  if (assistants > 0 && emptyAssistants === assistants) {
    const which = assistants === 1 ? `the only assistant turn (message ${lastEmptyAssistant})` : `all ${assistants} assistant turns`;
    return { ok: false, error: { code: 'empty_content', message: `${which} has empty content and no tool calls` } };
  }
  if (assistants === 0) {
    return { ok: true, notices: [{ code: 'no_assistant_turn', message: 'no assistant turn: imported as a prompt awaiting a response' }] };
  }
  return { ok: true, notices: [] };
}

export function isEmptyContent(content: unknown): boolean {
  if (content === null || content === undefined) return true;
  if (typeof content === 'string') return content.trim().length === 0;
  if (Array.isArray(content)) return content.length === 0;
  return false;
}

function hasToolCalls(m: ChatMessage): boolean {
  return Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
}

function emptyWord(content: unknown): string {
  if (content === null) return 'null';
  if (content === undefined) return 'missing';
  return 'empty';
}
