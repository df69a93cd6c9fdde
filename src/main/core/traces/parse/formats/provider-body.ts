// Owns: the provider-body record format: {request: chat completion request, response: chat completion response}.
// Imports: ingest types and the shared validation/facet helpers.

import type { ChatMessage } from '../types.ts';
import type { RecordResult } from '../diagnostics.ts';
import type { JsonObject } from '../values.ts';
import { fail } from '../diagnostics.ts';
import { checkConversation } from '../check-conversation.ts';
import { validateMessages } from '../validate-messages.ts';
import { genericFacets, statusOf, toEpochMs, usageTokens } from '../facets.ts';
import { scanFields } from '../field-scan.ts';
import { conversationIdOf, recordMetadata } from '../record-metadata.ts';
import { providerFromModel } from '../provider-from-model.ts';
import { idString, isObject, nonEmptyString } from '../values.ts';

const OWN_KEYS = new Set(['request', 'response', 'metadata']);

export function isProviderBody(record: JsonObject): boolean {
  return isObject(record.request) && (isObject(record.response) || record.response === null) && 'messages' in record.request;
}

export function parseProviderBody(record: JsonObject): RecordResult {
  const request = record.request;
  if (!isObject(request)) return fail('invalid_record', '"request" is missing or not an object');
  const valid = validateMessages(request.messages);
  if (!valid.ok) return valid;
  const response = isObject(record.response) ? record.response : null;

  const messages: ChatMessage[] = [];
  // Anthropic's Messages API keeps the system prompt beside the messages.
  if (typeof request.system === 'string' && request.system.length > 0) messages.push({ role: 'system', content: request.system });
  for (const m of valid.messages) messages.push(m);

  let finishReason: string | null = null;
  if (response) {
    const choice = Array.isArray(response.choices) ? response.choices[0] : undefined;
    if (isObject(choice)) {
      if (choice.message !== undefined && choice.message !== null) {
        const reply = validateMessages([choice.message]);
        if (!reply.ok) return reply;
        messages.push(...reply.messages);
      }
      finishReason = nonEmptyString(choice.finish_reason);
    } else if (response.role === 'assistant' && 'content' in response) {
      // Anthropic shape: the response itself is the assistant message (content blocks kept verbatim).
      messages.push({ role: 'assistant', content: response.content });
      finishReason = nonEmptyString(response.stop_reason);
    }
  }

  const verdict = checkConversation(messages);
  if (!verdict.ok) return verdict;
  const hits = scanFields(record, isObject(record.metadata) ? record.metadata : null);
  const facets = genericFacets(hits);
  const model = nonEmptyString(response?.model) ?? nonEmptyString(request.model) ?? facets.model;
  facets.model = model;
  facets.provider = facets.provider ?? providerFromModel(model);
  if (response && isObject(response.usage)) {
    const t = usageTokens(response.usage);
    facets.promptTokens = t.prompt;
    facets.completionTokens = t.completion;
    facets.totalTokens = t.total;
  }
  facets.finishReason = finishReason ?? facets.finishReason;
  facets.timestamp = facets.timestamp ?? toEpochMs(response?.created);
  if (response && statusOf(response, null) === 'error') facets.status = 'error';

  return {
    ok: true,
    trace: {
      format: 'provider-body',
      sourceId: idString(response?.id) ?? idString(record.id),
      conversationId: conversationIdOf(hits),
      messages,
      tools: Array.isArray(request.tools) ? request.tools : null,
      responseFormat: request.response_format ?? null,
      metadata: recordMetadata(record, OWN_KEYS),
      facets,
      notices: verdict.notices,
    },
  };
}
