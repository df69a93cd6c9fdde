// Owns: the prompt-response record format ({prompt, response} and its aliases) turned into [user, assistant].
// Imports: ingest types and the shared validation/facet helpers.

import type { ChatMessage } from '../types.ts';
import type { RecordResult } from '../diagnostics.ts';
import type { JsonObject } from '../values.ts';
import { fail } from '../diagnostics.ts';
import { checkConversation } from '../check-conversation.ts';
import { validateMessages } from '../validate-messages.ts';
import { genericFacets } from '../facets.ts';
import { scanFields } from '../field-scan.ts';
import { conversationIdOf, recordMetadata, sourceIdOf } from '../record-metadata.ts';
import { isObject } from '../values.ts';

/** Field names read as the prompt, in priority order (CSV headers use the same list, case-insensitively). */
export const PROMPT_KEYS = ['prompt', 'input', 'question', 'text', 'query'] as const;
/** Field names read as the response, in priority order. */
export const RESPONSE_KEYS = ['response', 'output', 'answer', 'completion'] as const;

/** The first prompt-like field holding text or a message list, or null. */
export function promptKey(record: JsonObject): string | null {
  for (const key of PROMPT_KEYS) {
    const v = record[key];
    if (typeof v === 'string' || isMessageList(v)) return key;
  }
  return null;
}

function isMessageList(v: unknown): v is unknown[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const m of v) if (!isObject(m) || typeof m.role !== 'string') return false;
  return true;
}

export function parsePromptResponse(record: JsonObject): RecordResult {
  const key = promptKey(record);
  if (key === null) {
    return fail('invalid_record', `no prompt: expected one of ${PROMPT_KEYS.join(', ')} holding text or a message list`);
  }
  const messages: ChatMessage[] = [];
  if (typeof record.system === 'string' && record.system.length > 0) messages.push({ role: 'system', content: record.system });
  const prompt = record[key];
  if (typeof prompt === 'string') {
    messages.push({ role: 'user', content: prompt });
  } else {
    const valid = validateMessages(prompt);
    if (!valid.ok) return valid;
    for (const m of valid.messages) messages.push(m);
  }

  const responseKey = RESPONSE_KEYS.find((k) => record[k] !== undefined) ?? null;
  const response = responseKey === null ? undefined : record[responseKey];
  if (typeof response === 'string') {
    // An empty response is how eval sets mark "awaiting an answer", so it imports as prompt-only.
    if (response.trim().length > 0) messages.push({ role: 'assistant', content: response });
  } else if (Array.isArray(response) || isObject(response)) {
    const valid = validateMessages(Array.isArray(response) ? response : [response]);
    if (!valid.ok) return valid;
    for (const m of valid.messages) messages.push(m);
  } else if (response !== undefined && response !== null) {
    return fail('invalid_record', `"${responseKey}" is a ${typeof response}; expected text, a message or null`);
  }

  const verdict = checkConversation(messages);
  if (!verdict.ok) return verdict;
  const own = new Set<string>(['metadata', key]);
  if (responseKey) own.add(responseKey);
  if (typeof record.system === 'string') own.add('system');
  const hits = scanFields(record, isObject(record.metadata) ? record.metadata : null);
  return {
    ok: true,
    trace: {
      format: 'prompt-response',
      sourceId: sourceIdOf(hits),
      conversationId: conversationIdOf(hits),
      messages,
      tools: Array.isArray(record.tools) ? record.tools : null,
      responseFormat: null,
      metadata: recordMetadata(record, own),
      facets: genericFacets(hits),
      notices: verdict.notices,
    },
  };
}
