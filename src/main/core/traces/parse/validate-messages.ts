// Owns: strict validation of an OpenAI-shape message list, kept verbatim (no copies) for losslessness.
// Imports: ingest types, diagnostics, values.

import type { ChatMessage, Diagnostic } from './types.ts';
import { isObject } from './values.ts';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const SHAREGPT_ROLES = new Set(['human', 'gpt', 'bot', 'model', 'chatgpt']);

/** Returns the same array typed as messages, or the first problem found. */
export function validateMessages(value: unknown): { ok: true; messages: ChatMessage[] } | { ok: false; error: Diagnostic } {
  if (!Array.isArray(value)) {
    const found = value === undefined ? 'missing' : `${describe(value)}, not a list`;
    return { ok: false, error: { code: 'messages_not_list', message: `"messages" is ${found}` } };
  }
  for (let i = 0; i < value.length; i++) {
    const m: unknown = value[i];
    if (!isObject(m)) {
      return { ok: false, error: { code: 'invalid_message', message: `message ${i} is ${describe(m)}, not an object` } };
    }
    const role = m.role;
    if (typeof role !== 'string') {
      const hint = typeof m.type === 'string' ? ` (it has type "${m.type}": a LangChain message? use role)` : '';
      return { ok: false, error: { code: 'invalid_message', message: `message ${i} has no "role"${hint}` } };
    }
    if (!ROLES.has(role)) {
      const hint = SHAREGPT_ROLES.has(role) ? ' (ShareGPT-style roles: map human to user and gpt to assistant)' : '';
      return {
        ok: false,
        error: {
          code: 'unknown_role',
          message: `message ${i} has role "${role}"; expected system, developer, user, assistant or tool${hint}`,
        },
      };
    }
    const content = m.content;
    if (content !== undefined && content !== null && typeof content !== 'string' && !Array.isArray(content)) {
      return {
        ok: false,
        error: { code: 'invalid_message', message: `message ${i} (${role}) has content that is ${describe(content)}; expected text, a list of parts or null` },
      };
    }
    const toolCalls = m.tool_calls;
    if (toolCalls !== undefined && toolCalls !== null && !Array.isArray(toolCalls)) {
      return { ok: false, error: { code: 'invalid_message', message: `message ${i} (${role}) has tool_calls that is ${describe(toolCalls)}, not a list` } };
    }
  }
  return { ok: true, messages: value as ChatMessage[] };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
