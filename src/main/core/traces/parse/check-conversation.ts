// Owns: the one rule every conversation must meet to import (a user turn) and the notices a readable one carries
// (prompt-only, empty prompt, empty answer). Imports: ingest types.

import type { ChatMessage, Diagnostic } from './types.ts';

/** An error that stops the import, or the notices the record imports with. */
export type ConversationVerdict = { ok: true; notices: Diagnostic[] } | { ok: false; error: Diagnostic };

/**
 * Empty prompts and empty answers import with a notice rather than being rejected: they are traffic the user
 * must see (their rate matters, and curation filters count and drop them). The facets, status included, are
 * the record's own, so a failed call with an empty answer stays an error.
 */
export function checkConversation(messages: ChatMessage[]): ConversationVerdict {
  let firstUser = -1;
  let firstEmptyUser = -1;
  let assistants = 0;
  let emptyAssistants = 0;
  let lastAssistant = -1;
  let lastAssistantEmpty = false;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.role === 'user') {
      if (firstUser < 0) firstUser = i;
      if (firstEmptyUser < 0 && isEmptyContent(m.content)) firstEmptyUser = i;
    } else if (m.role === 'assistant') {
      assistants++;
      lastAssistant = i;
      lastAssistantEmpty = isEmptyContent(m.content) && !hasToolCalls(m);
      if (lastAssistantEmpty) emptyAssistants++;
    }
  }
  if (firstUser < 0) {
    const roles = [...new Set(messages.map((m) => m.role))].join(', ') || 'none';
    return { ok: false, error: { code: 'no_user_turn', message: `no user message among ${messages.length} messages (roles: ${roles})` } };
  }
  const notices: Diagnostic[] = [];
  if (firstEmptyUser >= 0) {
    const content = (messages[firstEmptyUser] as ChatMessage).content;
    notices.push({ code: 'empty_user_turn', message: `message ${firstEmptyUser} (user) has ${emptyWord(content)} content; imported as logged` });
  }
  if (assistants === 0) {
    notices.push({ code: 'no_assistant_turn', message: 'no assistant turn: imported as a prompt awaiting a response' });
  } else if (lastAssistantEmpty) {
    const which = emptyAssistants === assistants && assistants > 1 ? `all ${assistants} assistant turns are` : `the answer (message ${lastAssistant}) is`;
    notices.push({ code: 'empty_response', message: `${which} empty, with no tool calls; imported as logged so empty answers can be counted` });
  }
  return { ok: true, notices };
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
