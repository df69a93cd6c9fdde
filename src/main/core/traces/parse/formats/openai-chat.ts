// Owns: the openai-chat record format: {messages, tools?, response_format?, metadata?, ...} kept verbatim.
// Imports: ingest types and the shared validation/facet helpers.

import type { RecordResult } from '../diagnostics.ts';
import type { JsonObject } from '../values.ts';
import { isObject } from '../values.ts';
import { checkConversation } from '../check-conversation.ts';
import { validateMessages } from '../validate-messages.ts';
import { genericFacets } from '../facets.ts';
import { scanFields } from '../field-scan.ts';
import { recordMetadata, conversationIdOf, sourceIdOf } from '../record-metadata.ts';

const OWN_KEYS = new Set(['messages', 'tools', 'response_format', 'metadata']);

export function parseOpenAiChat(record: JsonObject): RecordResult {
  const valid = validateMessages(record.messages);
  if (!valid.ok) return valid;
  const verdict = checkConversation(valid.messages);
  if (!verdict.ok) return verdict;
  const metadata = recordMetadata(record, OWN_KEYS);
  const hits = scanFields(record, isObject(record.metadata) ? record.metadata : null);
  return {
    ok: true,
    trace: {
      format: 'openai-chat',
      sourceId: sourceIdOf(hits),
      conversationId: conversationIdOf(hits),
      messages: valid.messages,
      tools: Array.isArray(record.tools) ? record.tools : null,
      responseFormat: record.response_format ?? null,
      metadata,
      facets: genericFacets(hits),
      notices: verdict.notices,
    },
  };
}
